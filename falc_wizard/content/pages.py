"""The real site's pages, as content: what "Je m'entraîne" draws and what the person presses.

Practice happens on a drawn copy of the real page: the page's title and the elements the
seed guides show on it, each with its exact label. A journey describes its pages once
(``[[pages]]`` in its file) and a step names the page it happens on and the element to act
on (``page``/``target``; on a choice, each choice names its ``target``).

An element whose text no seed shows (the box of "Clôture du profil": the guide shows it
without its text) has ``source = "aucun"`` and no label: its ``description`` says, in the
app's own words, what is there, and the copy draws it as such, never as the site's text.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from .values import NO_SOURCE, STRICT, Id, OptionalId, Sentences, Text

#: How a real element looks and is acted on. ``carte`` is a radio card ("Carte Vitale avec photo").
ElementKind = Literal["bouton", "bouton-secondaire", "lien", "case", "champ", "carte", "menu"]


class Element(BaseModel):
    """One control of a real page, with the label the site shows.

    An element whose text no seed shows is ``unseen``: its ``label`` is "" and its
    ``description`` (a French msgid, translated when drawn) says what is there."""

    model_config = STRICT

    id: Id
    kind: ElementKind
    label: str = ""
    detail: str = ""
    """A line the seed shows under the label, part of the same control: the masked address a
    card sends the code to (« Je reçois mon code sur nat*****@orange.fr »)."""
    description: str = ""
    """Only for an element no seed shows: what is there, in the app's words."""
    source: Literal["", "aucun"] = ""
    """"aucun" when no seed shows the element's text (its page names the seeds)."""
    after: OptionalId = ""
    """The element of the same page that makes this one appear once it is done (a box that the site shows under a card once the card is chosen), or "": always there."""

    @field_validator("source", mode="before")
    @classmethod
    def _only_unseen(cls, value: object) -> object:
        if value not in ("", NO_SOURCE):
            raise ValueError(f"an element's 'source' is only \"{NO_SOURCE}\" (its page names the seeds)")
        return value

    @model_validator(mode="after")
    def _label_or_description(self) -> Element:
        label, description = self.label.strip(), self.description.strip()
        if self.source == NO_SOURCE:
            if label or not description:
                raise ValueError(
                    f"source = \"{NO_SOURCE}\": no seed shows its text, so it has no label,"
                    " and its 'description' says in simple words what is there")
        elif not label:
            raise ValueError("an element has its exact label from the seed")
        elif description:
            raise ValueError(f"a 'description' is only for an element no seed shows (source = \"{NO_SOURCE}\")")
        return self

    @property
    def pressed(self) -> bool:
        return self.kind != "champ"

    @property
    def unseen(self) -> bool:
        """True when no seed shows this element's text: it is drawn in the app's words."""
        return not self.label


class Page(BaseModel):
    """One real page of the site, as the seeds show it."""

    model_config = STRICT

    id: Id
    title: Text
    """The page's title, as the seed shows it."""
    sources: Sentences = Field(default=(), alias="source")
    elements: tuple[Element, ...]

    @field_validator("elements")
    @classmethod
    def _elements_in_order(cls, elements: tuple[Element, ...]) -> tuple[Element, ...]:
        if not elements:
            raise ValueError("a page has elements ([[pages.elements]])")
        seen: set[str] = set()
        for element in elements:
            if element.id in seen:
                raise ValueError(f"element '{element.id}': duplicate id")
            if element.after and element.after not in seen:
                raise ValueError(f"element '{element.id}': 'after' names an element above it on the page, not '{element.after}'")
            seen.add(element.id)
        return elements

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)
