"""How the real site's controls look, so that a step screen can draw a small picture of one.

A step's ``label_look`` says how the real control looks ("Sur le site, je vois :"). Each look
has its CSS class and the words a screen reader says before the label ("un bouton", "un
lien"...), because the picture itself is not a control. Look names are gettext msgids
marked with ``N_`` and translated when the page is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


def N_(message: str) -> str:
    """Marks a French message for gettext extraction; returns it unchanged (translated at display)."""
    return message


@dataclass(frozen=True)
class LabelLook:
    """How one kind of real-site control is drawn, and what a screen reader says before its label."""

    name: str
    css_class: str
    spoken: str


_LOOKS = (
    LabelLook("bouton", "real-button", N_("un bouton :")),
    LabelLook("bouton-secondaire", "real-button-secondary", N_("un bouton :")),
    LabelLook("lien", "real-link", N_("un lien :")),
    LabelLook("case", "real-checkbox", N_("une case à cocher :")),
    LabelLook("carte", "real-choice", N_("un choix :")),  # a radio card: one of the page's choices
    LabelLook("champ", "real-field", N_("une case à remplir :")),
    LabelLook("menu", "real-menu", N_("un menu :")),
)

LOOKS: dict[str, LabelLook] = {look.name: look for look in _LOOKS}

#: How the real site's control looks, so that it can be drawn the same way.
LABEL_LOOKS: tuple[str, ...] = tuple(LOOKS)

#: A look's name as content writes it (the schema lists them for authors' editors).
LookName = Literal["bouton", "bouton-secondaire", "lien", "case", "carte", "champ", "menu"]


def label_look(name: str) -> LabelLook:
    """The look called ``name``; an unknown one is drawn as a field (the loader refuses those first)."""
    return LOOKS.get(name, LOOKS["champ"])
