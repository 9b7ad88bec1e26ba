"""The steps: one class per kind of step, and the real site's control looks.

A step's ``kind`` in content (``kind = "field"``) names its class here (``KINDS``), as
GOV.UK Forms has one class per kind of question. Each class owns what makes its kind:

- its own content keys and how they are checked (``parse``; the loader reads the keys
  every step has, journeys.py);
- the answers it accepts and the step each leads to (``answers``, ``next_for``);
- its template and its main button (``template``, ``button_text``);
- how practice draws it: on the drawn copy of its page or not (``on_copy``), answered by
  pressing an element there (``pressable``, ``targets``, ``answer_at``), what it leaves
  done on its page (``marks``), the top of its page folded away (``folds``);
- how paper draws it: a choice lists where each answer goes (``has_choices``), an end
  leads nowhere (``is_end``);
- how it reads its answer from a posted form (``read``).

A new kind is one class here and one template (``templates/step_<kind>.html``). Code and
templates ask a step what it does, never which kind it is.

A ``label_look`` says how the real site's control looks, so the step screen can draw a
small picture of it ("Sur le site, je vois :"). ``LABEL_LOOKS`` ties each look to its CSS
class and to the words a screen reader says before the label ("un bouton", "un lien"...),
because the picture itself is not a control.

Pure Python, no Flask: the loader, the engine, practice, paper and the FALC checker use it.
Button texts, look names and refusals are French gettext msgids marked with ``N_`` and
translated when the page is drawn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, ClassVar, Mapping

if TYPE_CHECKING:  # pragma: no cover
    from .site_pages import Page


def N_(message: str) -> str:
    """Marks a French message for gettext extraction; returns it unchanged (translated at display)."""
    return message


#: The answer recorded for a step that has no choices, once it is done.
DONE = "fait"


#: A step's ``source`` when no official guide shows the screen.
NO_SOURCE = "aucun"

#: An id in content: a step's, a choice's, a part's, a page's.
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class ContentError(ValueError):
    """A journey file is wrong. The message is one line: file, step, problem."""


def require(data: Mapping, key: str, where: str, kind=str):
    """``data[key]``, which must be there and be a ``kind`` (a non-empty one for text)."""
    if key not in data:
        raise ContentError(f"{where}: '{key}' is missing")
    value = data[key]
    if not isinstance(value, kind) or (kind is str and not value.strip()):
        raise ContentError(f"{where}: '{key}' must be a non-empty {kind.__name__}")
    return value


@dataclass(frozen=True)
class Choice:
    """One big picture button on a choice screen."""

    id: str
    text: str
    pictogram: str
    next: str
    target: str = ""  # practice (site_pages): the element of the step's page that makes this choice


#: What a press leaves on the drawn page, by the kind of element pressed: a box ticked
#: stays ticked, a card chosen (a radio card) stays chosen; a button or a link pressed
#: leaves no mark, but it is done.
_STAYS = {"case": "coche", "carte": "choisi"}


@dataclass(frozen=True, kw_only=True)
class Step:
    """One screen: one action, 1 to 3 sentences, one pictogram. The keys every kind has."""

    id: str
    sentences: tuple[str, ...]
    pictogram: str
    label: str = ""
    label_look: str = "bouton"
    help_title: str = ""
    help: tuple[str, ...] = ()
    help_pictograms: tuple[str, ...] = ()
    helper_note: str = ""
    real_site: bool = False
    exceptions: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    # Practice on a drawn copy of the real page (site_pages).
    page: str = ""
    only: str = ""
    message: str = ""
    part: str = ""

    # A kind's own keys, as a step of a kind without them reads them: empty.
    next = ""
    choices = ()
    field = ""
    target = ""

    #: The name content gives the kind (``kind = "info"``).
    kind: ClassVar[str] = ""
    #: The main button's text; None where the answers are the buttons (choice).
    button: ClassVar[str | None] = None
    #: The main button's text in practice mode, where it differs (a field typed here).
    practice_button: ClassVar[str | None] = None
    #: The answers are the step's own buttons, each leading its own way (paper lists them).
    has_choices: ClassVar[bool] = False
    #: The last screen of a path.
    is_end: ClassVar[bool] = False
    #: Practice: answered by pressing an element of the drawn page (else the page is only shown).
    pressable: ClassVar[bool] = False
    #: Practice: a step practice shows names its page and its target.
    needs_target: ClassVar[bool] = False
    #: Practice: what the person already did at the top of the page folds away (a field to type).
    folds: ClassVar[bool] = False
    #: Practice: the button under the drawn page, when the page itself gives none.
    copy_button: ClassVar[str | None] = None
    #: The look of ``label`` when content gives none.
    default_look: ClassVar[str] = "bouton"
    #: The keys of this kind besides every step's (``parse``).
    own_keys: ClassVar[frozenset[str]] = frozenset()
    #: Keys this kind refuses, with what it says.
    refused: ClassVar[Mapping[str, str]] = {}

    # ------------------------------------------------------------------ content

    @classmethod
    def parse(cls, raw: Mapping, where: str, default_next: str, target: str) -> dict[str, object]:
        """This kind's own keys of one ``[[steps]]`` table, checked: the arguments they give
        the class. ``default_next`` is the step below it in the file; ``target`` the step's
        ``target`` as site_pages read it. Raises ContentError (one line)."""
        for key, said in cls.refused.items():
            if key in raw:
                raise ContentError(f"{where}: {said}")
        if raw.get("choices") and "choices" not in cls.own_keys:
            raise ContentError(f"{where}: only a 'choice' step has choices")
        if raw.get("field") and "field" not in cls.own_keys:
            raise ContentError(f"{where}: only a 'field' step has a 'field'")
        return {}

    @property
    def unverified(self) -> bool:
        """True for a screen that no official guide shows (its ``source`` is "aucun")."""
        return self.sources == (NO_SOURCE,)

    @property
    def claims_success(self) -> bool:
        """An ending that says the procedure is done (its picture is "succes", which means only
        that): practice never shows its sentences. Another ending says what to do next."""
        return self.is_end and self.pictogram == "succes"

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)

    def pictograms(self) -> set[str]:
        """Every pictogram this screen shows: its own, its help's, its choices'."""
        return {self.pictogram, *self.help_pictograms, *(c.pictogram for c in self.choices)}

    # ------------------------------------------------------------------ where it leads

    def answers(self) -> tuple[str, ...]:
        """The answers this step accepts (none at an end)."""
        return ()

    def next_for(self, answer: str) -> str | None:
        """The step that follows this one for the given answer, or None."""
        return None

    def rerouted(self, past: Callable[[str], str]) -> Step:
        """This step with each way out sent through ``past`` (a mode's view passes the
        other mode's steps: site_pages.for_mode)."""
        return self

    # ------------------------------------------------------------------ screen

    @property
    def template(self) -> str:
        return f"step_{self.kind}.html"

    def template_for(self, practice: bool, on_copy: bool) -> str:
        """The template that draws this step: on the practice copy, the copy's own."""
        return "step_practice.html" if on_copy else self.template

    def button_text(self, practice: bool) -> str | None:
        """The msgid of the main button for this mode (guide or practice)."""
        if practice and self.practice_button:
            return self.practice_button
        return self.button

    def read(self, form: Mapping[str, str]) -> tuple[str | None, dict[str, str]]:
        """The answer a posted form gives, or None and the refusal of each input (msgids)."""
        return DONE, {}

    # ------------------------------------------------------------------ practice

    def on_copy(self) -> bool:
        """True when practice draws this step on the copy of its page."""
        return bool(self.page)

    def targets(self) -> tuple[str, ...]:
        """The elements of the page that answer this step, in page order."""
        return (self.target,) if self.target else ()

    def answer_at(self, element_id: str) -> str | None:
        """The answer a press on this element of the page gives, or None (not a target)."""
        return DONE if element_id in self.targets() else None

    def marks(self, answer: str | None, page: Page) -> dict[str, str]:
        """What this step, done with ``answer``, leaves on its page: element id -> "rempli"
        (a field filled), "coche" (a box ticked), "choisi" (a card chosen) or "appuye"."""
        if not self.target:
            return {}
        return {self.target: _STAYS.get(page.element(self.target).kind, "appuye")}


@dataclass(frozen=True, kw_only=True)
class _Onward(Step):
    """A step done once, then on to its ``next`` (the step below it in the file by default)."""

    next: str = ""

    own_keys: ClassVar[frozenset[str]] = frozenset({"next"})

    @classmethod
    def parse(cls, raw: Mapping, where: str, default_next: str, target: str) -> dict[str, object]:
        return {**super().parse(raw, where, default_next, target), "next": raw.get("next", default_next)}

    def answers(self) -> tuple[str, ...]:
        return (DONE,)

    def next_for(self, answer: str) -> str | None:
        return self.next if answer == DONE else None

    def rerouted(self, past: Callable[[str], str]) -> Step:
        return replace(self, next=past(self.next)) if self.next else self


@dataclass(frozen=True, kw_only=True)
class InfoStep(_Onward):
    """Something to read, then "Continuer". In practice, its page is only shown."""

    kind: ClassVar[str] = "info"
    button: ClassVar[str | None] = N_("Continuer")
    copy_button: ClassVar[str | None] = N_("Continuer")
    refused: ClassVar[Mapping[str, str]] = {"target": "an info step has no target (it only shows the page)"}


@dataclass(frozen=True, kw_only=True)
class ActionStep(_Onward):
    """Something to do on the real site, then "C'est fait". In practice, a press on its target."""

    target: str = ""

    kind: ClassVar[str] = "action"
    button: ClassVar[str | None] = N_("C'est fait")
    pressable: ClassVar[bool] = True
    needs_target: ClassVar[bool] = True
    own_keys: ClassVar[frozenset[str]] = frozenset({"next", "target"})

    @classmethod
    def parse(cls, raw: Mapping, where: str, default_next: str, target: str) -> dict[str, object]:
        return {**super().parse(raw, where, default_next, target), "target": target}


@dataclass(frozen=True, kw_only=True)
class FieldStep(_Onward):
    """A field of the real site: "C'est fait" in guide mode; typed here and "Continuer" in practice."""

    field: str = ""  # the practice field's name (practice.rules.FIELD_RULES)
    target: str = ""

    kind: ClassVar[str] = "field"
    button: ClassVar[str | None] = N_("C'est fait")
    practice_button: ClassVar[str | None] = N_("Continuer")
    needs_target: ClassVar[bool] = True
    folds: ClassVar[bool] = True
    default_look: ClassVar[str] = "champ"
    own_keys: ClassVar[frozenset[str]] = frozenset({"next", "target", "field"})

    @classmethod
    def parse(cls, raw: Mapping, where: str, default_next: str, target: str) -> dict[str, object]:
        own = super().parse(raw, where, default_next, target)
        if not raw.get("field"):
            raise ContentError(f"{where}: a field step names its practice 'field'")
        return {**own, "field": raw["field"], "target": target}

    def marks(self, answer: str | None, page: Page) -> dict[str, str]:
        return {self.target: "rempli"}


@dataclass(frozen=True, kw_only=True)
class ChoiceStep(Step):
    """2 to 5 big picture buttons: each answer is its own button, and leads its own way."""

    choices: tuple[Choice, ...] = ()

    kind: ClassVar[str] = "choice"
    has_choices: ClassVar[bool] = True
    pressable: ClassVar[bool] = True
    own_keys: ClassVar[frozenset[str]] = frozenset({"choices"})
    refused: ClassVar[Mapping[str, str]] = {
        "next": "a choice step sets 'next' on each choice, not on the step",
        "target": "a choice step names a target on each choice, not on the step",
    }
    #: The posted name of the answer, and what the screen says when none is posted.
    FORM_NAME: ClassVar[str] = "choix"
    NO_ANSWER: ClassVar[str] = N_("Je choisis une réponse.")

    def __post_init__(self) -> None:
        # Each answer and the step it leads to, made once: the engine asks it for
        # every step of the person's path on every request.
        object.__setattr__(self, "_following", {choice.id: choice.next for choice in self.choices})

    @classmethod
    def parse(cls, raw: Mapping, where: str, default_next: str, target: str) -> dict[str, object]:
        super().parse(raw, where, default_next, target)
        raw_choices = raw.get("choices") or []
        if not 2 <= len(raw_choices) <= 5:
            raise ContentError(f"{where}: a choice screen has 2 to 5 choices, found {len(raw_choices)}")
        choices = tuple(_parse_choice(raw_choice, where) for raw_choice in raw_choices)
        if len({c.id for c in choices}) != len(choices):
            raise ContentError(f"{where}: two choices have the same id")
        return {"choices": choices}

    def answers(self) -> tuple[str, ...]:
        return tuple(self._following)

    def next_for(self, answer: str) -> str | None:
        return self._following.get(answer)

    def rerouted(self, past: Callable[[str], str]) -> Step:
        return replace(self, choices=tuple(replace(c, next=past(c.next)) for c in self.choices))

    def read(self, form: Mapping[str, str]) -> tuple[str | None, dict[str, str]]:
        answer = form.get(self.FORM_NAME, "")
        if self.choice(answer) is None:
            return None, {self.FORM_NAME: self.NO_ANSWER}
        return answer, {}

    def on_copy(self) -> bool:
        """Only when every choice is an element of the page (else the picture buttons)."""
        return bool(self.page) and all(c.target for c in self.choices)

    def targets(self) -> tuple[str, ...]:
        return tuple(c.target for c in self.choices)

    def answer_at(self, element_id: str) -> str | None:
        return next((c.id for c in self.choices if c.target and c.target == element_id), None)

    def marks(self, answer: str | None, page: Page) -> dict[str, str]:
        choice = self.choice(answer or "")
        return {choice.target: "choisi"} if choice and choice.target else {}


def _parse_choice(raw: Mapping, where: str) -> Choice:
    from .site_pages import PageError, parse_step_keys  # the page keys' own reader

    choice_id = require(raw, "id", f"{where} choice")
    if not ID.match(choice_id):
        raise ContentError(f"{where} choice '{choice_id}': the id must be lowercase letters, digits and '-'")
    where = f"{where} choice '{choice_id}'"
    text, pictogram, following = (require(raw, key, where) for key in ("text", "pictogram", "next"))
    try:
        target = parse_step_keys(raw, where).target
    except PageError as error:
        raise ContentError(str(error)) from None
    return Choice(id=choice_id, text=text, pictogram=pictogram, next=following, target=target)


@dataclass(frozen=True, kw_only=True)
class EndStep(Step):
    """The last screen: "J'ai fini" forgets everything (shared tablets)."""

    kind: ClassVar[str] = "end"
    button: ClassVar[str | None] = N_("J'ai fini")
    is_end: ClassVar[bool] = True
    refused: ClassVar[Mapping[str, str]] = {
        "next": "an end step has no 'next'",
        "only": "an end step is for both modes (no 'only')",
        "page": "an end step has no page, target or message",
        "target": "an end step has no page, target or message",
        "message": "an end step has no page, target or message",
    }

    def template_for(self, practice: bool, on_copy: bool) -> str:
        """Practice ends on its own true ending: it was practice, nothing changed."""
        return "step_practice_end.html" if practice else self.template

    def on_copy(self) -> bool:
        return False


#: Every kind by the name content gives it, in the order the guide for content writers lists them.
KINDS: dict[str, type[Step]] = {kind.kind: kind for kind in (InfoStep, ActionStep, ChoiceStep, FieldStep, EndStep)}

#: The kinds' names.
STEP_KINDS: tuple[str, ...] = tuple(KINDS)

#: Every key a step of some kind may have, besides every step's.
OWN_KEYS: frozenset[str] = frozenset().union(*(kind.own_keys for kind in KINDS.values()))


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


def label_look(name: str) -> LabelLook:
    """The look called ``name``; an unknown one is drawn as a field (the loader refuses those first)."""
    return LOOKS.get(name, LOOKS["champ"])
