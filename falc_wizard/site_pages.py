"""The real site's pages, as content: what "Je m'entraîne" draws and what the person presses.

Practice happens on a drawn copy of the real page (FALC.md rules 26-27):
the page's title and the elements the seed guides show on it, each with its exact
label. A journey describes its pages once (``[[pages]]`` in its TOML file) and a
step names the page it happens on and the element to act on (``page``/``target``;
on a choice, each choice names its ``target``). A new journey needs no code.

A step may also be for one mode only (``only = "guide"``: "Je vais sur le site ..."
with the real site's address, waiting for a letter; ``only = "entrainement"``: a screen that
only makes sense in practice), and may say that the real site sends a code there
(``message = "sms"`` or ``"email"``): practice shows it arriving on a drawn phone;
``message = "email-documents"``: the copy of my documents the site sends (seed 000).

An element whose text no seed shows (the box of "Clôture du profil": 000 shows it without
its text) has ``source = "aucun"`` and no label: its ``description`` says, in the app's own
words, what is there, and the copy draws it as such, never as the site's text.

This module is pure Python (no Flask): the loader (journeys.py) calls it, and the
engine, the views and the tests read what it builds. It raises ``PageError``; the
loader turns it into its one-line ContentError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:  # pragma: no cover
    from .journeys import Journey

#: How a real element looks and is acted on. ``carte`` is a radio card ("Carte Vitale avec photo").
ELEMENT_KINDS = ("bouton", "bouton-secondaire", "lien", "case", "champ", "carte", "menu")

GUIDE = "guide"
PRACTICE = "entrainement"
MODES = (GUIDE, PRACTICE)
MESSAGES = ("sms", "email", "email-documents")
#: An element's ``source`` when no seed shows its text (as a step's ``source``).
UNSEEN = "aucun"

#: The step keys this module reads (the loader accepts them on every step).
STEP_KEYS = frozenset({"page", "target", "only", "message"})

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")

class PageError(ValueError):
    """A page or a practice key of a journey is wrong (one line: where and what)."""


@dataclass(frozen=True)
class Element:
    """One control of a real page, with the label the site shows.

    An element whose text no seed shows is ``unseen``: its ``label`` is "" and its
    ``description`` (a French msgid, translated when drawn) says what is there."""

    id: str
    kind: str
    label: str
    description: str = ""
    #: The element of the same page that makes this one appear once it is done (a box that
    #: the site shows under a card once the card is chosen), or "": always there.
    after: str = ""

    @property
    def pressed(self) -> bool:
        return self.kind != "champ"

    @property
    def unseen(self) -> bool:
        """True when no seed shows this element's text: it is drawn in the app's words."""
        return not self.label


@dataclass(frozen=True)
class Page:
    """One real page of the site, as the seeds show it."""

    id: str
    title: str
    elements: tuple[Element, ...]
    sources: tuple[str, ...] = ()

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)


@dataclass(frozen=True)
class StepKeys:
    """What a step says about practice: its page, its target, its mode, a code sent."""

    page: str = ""
    target: str = ""
    only: str = ""
    message: str = ""


# --------------------------------------------------------------------------- parsing


def _text(data: Mapping, key: str, where: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise PageError(f"{where}: '{key}' must be text")
    return value.strip()


def _id(data: Mapping, key: str, where: str, required: bool = True) -> str:
    value = _text(data, key, where)
    if not value:
        if required:
            raise PageError(f"{where}: '{key}' is missing")
        return ""
    if not _ID.match(value):
        raise PageError(f"{where}: '{key}' must be an id: lowercase letters, digits and '-'")
    return value


def parse_pages(raw_pages: Any, where: str) -> dict[str, Page]:
    """The journey's ``[[pages]]``, by id. Refuses a page without elements or an element without a label."""
    if raw_pages is None:
        return {}
    if not isinstance(raw_pages, list):
        raise PageError(f"{where}: 'pages' must be a list of [[pages]] tables")
    pages: dict[str, Page] = {}
    for raw in raw_pages:
        if not isinstance(raw, Mapping):
            raise PageError(f"{where}: each [[pages]] entry is a table")
        page_id = _id(raw, "id", f"{where} page")
        pwhere = f"{where} page '{page_id}'"
        if page_id in pages:
            raise PageError(f"{pwhere}: duplicate id")
        unknown = set(raw) - {"id", "title", "source", "elements"}
        if unknown:
            raise PageError(f"{pwhere}: unknown key(s) {', '.join(sorted(unknown))}")
        title = _text(raw, "title", pwhere)
        if not title:
            raise PageError(f"{pwhere}: 'title' is missing (the page's title, as the seed shows it)")
        source = raw.get("source", ())
        sources = (source,) if isinstance(source, str) else tuple(source)
        raw_elements = raw.get("elements") or []
        if not isinstance(raw_elements, list) or not raw_elements:
            raise PageError(f"{pwhere}: a page has elements ([[pages.elements]])")
        elements: list[Element] = []
        for raw_element in raw_elements:
            element_id = _id(raw_element, "id", f"{pwhere} element")
            ewhere = f"{pwhere} element '{element_id}'"
            if any(e.id == element_id for e in elements):
                raise PageError(f"{ewhere}: duplicate id")
            unknown = set(raw_element) - {"id", "kind", "label", "source", "description", "after"}
            if unknown:
                raise PageError(f"{ewhere}: unknown key(s) {', '.join(sorted(unknown))}")
            kind = _text(raw_element, "kind", ewhere)
            if kind not in ELEMENT_KINDS:
                raise PageError(f"{ewhere}: unknown kind '{kind}' (expected one of {', '.join(ELEMENT_KINDS)})")
            label = _text(raw_element, "label", ewhere)
            description = _text(raw_element, "description", ewhere)
            if _text(raw_element, "source", ewhere) == UNSEEN:
                if label or not description:
                    raise PageError(
                        f"{ewhere}: source = \"{UNSEEN}\": no seed shows its text, so it has no label,"
                        " and its 'description' says in simple words what is there"
                    )
            elif "source" in raw_element:
                raise PageError(f"{ewhere}: an element's 'source' is only \"{UNSEEN}\" (its page names the seeds)")
            elif not label:
                raise PageError(f"{ewhere}: an element has its exact label from the seed")
            elif description:
                raise PageError(f"{ewhere}: a 'description' is only for an element no seed shows (source = \"{UNSEEN}\")")
            after = _text(raw_element, "after", ewhere)
            if after and not any(e.id == after for e in elements):
                raise PageError(f"{ewhere}: 'after' names an element above it on the page, not '{after}'")
            elements.append(Element(element_id, kind, label, description, after))
        pages[page_id] = Page(page_id, title, tuple(elements), sources)
    return pages


def parse_step_keys(raw: Mapping, where: str) -> StepKeys:
    """The practice keys of one step (``page``, ``target``, ``only``, ``message``)."""
    only = _text(raw, "only", where)
    if only and only not in MODES:
        raise PageError(f"{where}: 'only' is '{GUIDE}' or '{PRACTICE}', not '{only}'")
    message = _text(raw, "message", where)
    if message and message not in MESSAGES:
        raise PageError(f"{where}: 'message' is 'sms' or 'email', not '{message}'")
    return StepKeys(
        page=_id(raw, "page", where, required=False),
        target=_id(raw, "target", where, required=False),
        only=only,
        message=message,
    )


# --------------------------------------------------------------------------- checking


def check_journey(journey: Journey) -> None:
    """Refuse practice keys that do not hold together (one line, first problem found).

    - a step's page exists, its target is an element of that page, of the right
      kind (a field step types in a ``champ``; other steps press);
    - a choice's targets are all given or none, on the step's page, all different;
    - an end step is for both modes (a mode-only step always has a step after it);
    - in a journey with pages (one that offers practice), every action and field
      step that practice shows names its page and target, and no step that
      practice shows before the end sends the person to the real site
      (``real_site``); that it never names the site's address is
      ``check_never_shown``, which needs the folder's site table.
    """
    where = journey.source
    pages = journey.pages
    practised = bool(pages)
    for step in journey.steps.values():
        swhere = f"{where} step '{step.id}'"
        page = pages.get(step.page) if step.page else None
        if step.page and page is None:
            raise PageError(f"{swhere}: unknown page '{step.page}'")
        if step.only and step.is_end:
            raise PageError(f"{swhere}: an end step is for both modes (no 'only')")
        if step.is_end and (step.page or step.target or step.message):
            raise PageError(f"{swhere}: an end step has no page, target or message")
        if step.target and page is None:
            raise PageError(f"{swhere}: a target needs the step's 'page'")
        choice_targets = [c.target for c in step.choices]
        if any(choice_targets):
            if step.target:
                raise PageError(f"{swhere}: a choice step names a target on each choice, not on the step")
            if not all(choice_targets):
                raise PageError(f"{swhere}: every choice names its target, or none does")
            if page is None:
                raise PageError(f"{swhere}: choices with targets need the step's 'page'")
            if len(set(choice_targets)) != len(choice_targets):
                raise PageError(f"{swhere}: two choices have the same target")
            for choice in step.choices:
                _check_target(page, choice.target, f"{swhere} choice '{choice.id}'", pressed=True)
        if step.target:
            _check_target(page, step.target, swhere, pressed=step.pressable)
        if not practised or step.only == GUIDE:
            continue
        if step.real_site:
            raise PageError(f"{swhere}: practice never sends the person to the real site: add only = \"{GUIDE}\"")
        if step.needs_target and not (step.page and step.target):
            raise PageError(
                f"{swhere}: a practice {step.kind} step names its 'page' and 'target' (or is only = \"{GUIDE}\")"
            )


def check_never_shown(journey: Journey, address: re.Pattern[str]) -> None:
    """Refuse a screen that practice shows before the end and that names the real site's
    address (``address``: the ``never_show`` pattern of the folder's site table)."""
    if not journey.pages:
        return
    for step in journey.steps.values():
        if step.only == GUIDE or step.is_end:
            continue
        shown = (*step.sentences, step.label, step.help_title, *step.help, *(c.text for c in step.choices))
        if any(address.search(text) for text in shown):
            raise PageError(
                f"{journey.source} step '{step.id}': practice shows this screen, so it never names the real"
                f" site's address (say it on a screen with only = \"{GUIDE}\")"
            )


def _check_target(page: Page, target: str, where: str, pressed: bool) -> None:
    element = page.element(target)
    if element is None:
        raise PageError(f"{where}: target '{target}' is not an element of page '{page.id}'")
    if pressed and not element.pressed:
        raise PageError(f"{where}: target '{target}' is a field (champ): only a field step types in it")
    if not pressed and element.pressed:
        raise PageError(f"{where}: a field step's target is a field (champ), not a {element.kind}")


# --------------------------------------------------------------------------- modes


def for_mode(journey: Journey, practice: bool) -> Journey:
    """The journey as one mode sees it: the other mode's steps taken out, the path joined up.

    Every arrow into a step of the other mode now points past it: to its next
    step, or for a choice to its *first* choice's next step (a guide-only "Did the
    code arrive?" is passed as "yes" in practice, where the code always arrives).
    A mode-only step is never an end (check_journey). The result is a plain
    Journey, so the engine walks it with no special case (pure, no Flask).
    """
    hidden = PRACTICE if not practice else GUIDE
    skipped = {step_id for step_id, step in journey.steps.items() if step.only == hidden}

    def past(step_id: str) -> str:
        while step_id in skipped:
            step = journey.steps[step_id]
            step_id = step.next_for(step.answers()[0])
        return step_id

    steps = {step_id: step.rerouted(past) for step_id, step in journey.steps.items() if step_id not in skipped}
    view = replace(journey, steps=steps, first=past(journey.first))
    # A view is already in its mode: asking it for a mode again gives itself.
    view.__dict__["_mode_views"] = {False: view, True: view}
    return view


def has_practice(journey: Journey) -> bool:
    """A journey offers "Je m'entraîne" when one of its steps happens on a drawn page."""
    return any(step.page for step in journey.steps.values())
