"""The steps: one class per kind of step, each its own part of the content schema.

A step's ``kind`` in content (``kind = "field"``) picks its class here (``KINDS``), as
GOV.UK Forms has one class per kind of question. Each class is a pydantic model, so it
owns what makes its kind:

- its content keys, their types and how they are checked (its fields and validators;
  a key it does not declare is refused, and the JSON Schema for authors says the same);
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

Pure Python, no Flask: the loader, the engine, practice, paper and the FALC checker use it.
Button texts and refusals are French gettext msgids marked with ``N_`` and translated when
the page is drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Callable, ClassVar, Literal, Mapping, Union

from pydantic import AfterValidator, BaseModel, Field, StrictBool, model_validator

from .looks import N_, LookName
from .values import DONE, NO_SOURCE, STRICT, Id, Message, Mode, OptionalId, Sentences, Sources, Text

if TYPE_CHECKING:  # pragma: no cover
    from .pages import Page


class Choice(BaseModel):
    """One big picture button on a choice screen."""

    model_config = STRICT

    id: Id
    text: Text
    """The button's words: « Je garde mes documents »."""
    pictogram: Text
    next: Id
    """The step this choice leads to."""
    target: OptionalId = ""
    """Practice: the element of the step's page that makes this choice."""


#: What a press leaves on the drawn page, by the kind of element pressed: a box ticked
#: stays ticked, a card chosen (a radio card) stays chosen; a button or a link pressed
#: leaves no mark, but it is done.
_STAYS = {"case": "coche", "carte": "choisi"}


def _one_to_three(sentences: tuple[str, ...]) -> tuple[str, ...]:
    if not 1 <= len(sentences) <= 3:
        raise ValueError(f"a screen has 1 to 3 sentences, found {len(sentences)}")
    return sentences


class Step(BaseModel):
    """One screen: one action, 1 to 3 sentences, one pictogram. The keys every kind has.

    Any step can be asked for ``next``, ``choices``, ``field`` and ``target``: a kind without
    one of these keys says so with an empty class attribute (not a key of its files).
    """

    model_config = STRICT

    id: Id
    """The step's id: its address (/parcours/<journey>/<id>) and its name in ``next``."""
    kind: str
    sentences: Annotated[Sentences, AfterValidator(_one_to_three)]
    """What the screen says: 1 to 3 short sentences (docs/GUIDE-CONTENU.md)."""
    pictogram: Text
    """The screen's picture: a file name of falc_wizard/pictograms/, without .svg."""
    label: str = ""
    """The real control's exact label, drawn as the site shows it."""
    label_look: LookName = "bouton"
    """How the real control looks, so that the screen draws it the same way."""
    help_title: str = ""
    """The help's question, under « J'ai besoin d'aide »."""
    help: Sentences = ()
    """The help's sentences: what the person may need, never what the screen must say."""
    help_pictograms: Sentences = ()
    helper_note: str = ""
    """A note for the helper (helper mode): what to watch, what to check on the site."""
    real_site: StrictBool = False
    """The screen sends the person to the real site (never in practice)."""
    exceptions: Sentences = ()
    """The FALC checker's rules this screen may break, by name, with the reason beside it."""
    sources: Sources = Field(default=(), alias="source")
    """The seeds the screen's facts and labels come from ("002"), or "aucun"."""
    part: OptionalId = ""
    """The part of the journey ("Étape n sur N"); the loader gives each step the one above it."""
    page: OptionalId = ""
    """Practice: the drawn page the step happens on."""
    only: Mode = ""
    """A step for one mode only: "guide" or "entrainement"."""
    message: Message = ""
    """What the real site sends here: practice shows it arriving on the drawn phone."""

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
    #: Keys this kind refuses, with what it says (a key another kind has, or one every step has).
    refused: ClassVar[Mapping[str, str]] = {}

    @model_validator(mode="before")
    @classmethod
    def _refuse(cls, data: object) -> object:
        if isinstance(data, Mapping):
            for key, said in cls.refused.items():
                if key in data:
                    raise ValueError(said)
        return data

    # ------------------------------------------------------------------ content

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
        other mode's steps: model.Journey.in_mode)."""
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


class _Onward(Step):
    """A step done once, then on to its ``next`` (the loader fills in the step below it in the file)."""

    next: OptionalId = ""

    def answers(self) -> tuple[str, ...]:
        return (DONE,)

    def next_for(self, answer: str) -> str | None:
        return self.next if answer == DONE else None

    def rerouted(self, past: Callable[[str], str]) -> Step:
        return self.model_copy(update={"next": past(self.next)}) if self.next else self


class InfoStep(_Onward):
    """Something to read, then "Continuer". In practice, its page is only shown."""

    kind: Literal["info"] = "info"
    choices: ClassVar[tuple[Choice, ...]] = ()
    field: ClassVar[str] = ""
    target: ClassVar[str] = ""

    button: ClassVar[str | None] = N_("Continuer")
    copy_button: ClassVar[str | None] = N_("Continuer")
    refused: ClassVar[Mapping[str, str]] = {"target": "an info step has no target (it only shows the page)"}


class ActionStep(_Onward):
    """Something to do on the real site, then "C'est fait". In practice, a press on its target."""

    kind: Literal["action"] = "action"
    choices: ClassVar[tuple[Choice, ...]] = ()
    field: ClassVar[str] = ""
    target: OptionalId = ""
    """Practice: the element of the page to press."""

    button: ClassVar[str | None] = N_("C'est fait")
    pressable: ClassVar[bool] = True
    needs_target: ClassVar[bool] = True


class FieldStep(_Onward):
    """A field of the real site: "C'est fait" in guide mode; typed here and "Continuer" in practice."""

    kind: Literal["field"] = "field"
    choices: ClassVar[tuple[Choice, ...]] = ()
    field: Text
    """The practice field's name: how practice checks what is typed (practice.rules.FIELD_RULES)."""
    target: OptionalId = ""
    """Practice: the field (champ) of the page to type in."""
    label_look: LookName = "champ"

    button: ClassVar[str | None] = N_("C'est fait")
    practice_button: ClassVar[str | None] = N_("Continuer")
    needs_target: ClassVar[bool] = True
    folds: ClassVar[bool] = True

    def marks(self, answer: str | None, page: Page) -> dict[str, str]:
        return {self.target: "rempli"}


def _two_to_five(choices: tuple[Choice, ...]) -> tuple[Choice, ...]:
    if not 2 <= len(choices) <= 5:
        raise ValueError(f"a choice screen has 2 to 5 choices, found {len(choices)}")
    if len({c.id for c in choices}) != len(choices):
        raise ValueError("two choices have the same id")
    return choices


class ChoiceStep(Step):
    """2 to 5 big picture buttons: each answer is its own button, and leads its own way."""

    kind: Literal["choice"] = "choice"
    next: ClassVar[str] = ""
    field: ClassVar[str] = ""
    target: ClassVar[str] = ""
    choices: Annotated[tuple[Choice, ...], AfterValidator(_two_to_five)]

    has_choices: ClassVar[bool] = True
    pressable: ClassVar[bool] = True
    refused: ClassVar[Mapping[str, str]] = {
        "next": "a choice step sets 'next' on each choice, not on the step",
        "target": "a choice step names a target on each choice, not on the step",
    }
    #: The posted name of the answer, and what the screen says when none is posted.
    FORM_NAME: ClassVar[str] = "choix"
    NO_ANSWER: ClassVar[str] = N_("Je choisis une réponse.")

    def answers(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.choices)

    def next_for(self, answer: str) -> str | None:
        choice = self.choice(answer)
        return choice.next if choice else None

    def rerouted(self, past: Callable[[str], str]) -> Step:
        return self.model_copy(update={
            "choices": tuple(c.model_copy(update={"next": past(c.next)}) for c in self.choices)})

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


class EndStep(Step):
    """The last screen: "J'ai fini" forgets everything (shared tablets)."""

    kind: Literal["end"] = "end"
    next: ClassVar[str] = ""
    choices: ClassVar[tuple[Choice, ...]] = ()
    field: ClassVar[str] = ""
    target: ClassVar[str] = ""

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


def kind_name(kind: type[Step]) -> str:
    """The name content gives a kind (``kind = "info"``)."""
    return kind.model_fields["kind"].default


#: Every kind by the name content gives it, in the order the guide for content writers lists them.
KINDS: dict[str, type[Step]] = {kind_name(k): k for k in (InfoStep, ActionStep, ChoiceStep, FieldStep, EndStep)}

#: The kinds' names.
STEP_KINDS: tuple[str, ...] = tuple(KINDS)

#: A ``[[steps]]`` table of a file: the class its ``kind`` names.
AnyStep = Annotated[Union[tuple(KINDS.values())], Field(discriminator="kind")]
