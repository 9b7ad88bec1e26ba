"""The drawn copy of the real page: what a press means, and what the copy shows.

"Je m'entraîne" draws, under the step's FALC instruction, a copy of the real page
(content/pages.py). Every element of the copy is a real button posting to the step
(``element=<id>``), so it works without JavaScript. Pressing the step's target
moves on, like "C'est fait" in guide mode; pressing another element is not an
error: the same step answers 200 with a gentle hint naming what to look for, and
from the second wrong press the target is highlighted (FALC.md rule 27).

The count of wrong presses travels in a hidden field of the copy's form: no
session, nothing typed. Fields done earlier on the same page show "✓ rempli",
never their value: typed values are not kept (fields.py).

Pure Python, no Flask: the hint's sentences are French msgids, translated by the
function the view gives (``Translate``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Mapping

from .. import engine
from ..content import Element, Journey, Page, Step
from .rules import N_, rule_for

#: The posted name of the pressed element, and of the wrong-press count.
ELEMENT = "element"
WRONG = "erreurs"
#: From this many wrong presses the target is highlighted.
HIGHLIGHT_FROM = 2
#: The count is a small number; anything else posted is read as this many at most.
MAX_WRONG = 9


@dataclass(frozen=True)
class Press:
    """One press on the copy: the element, the step's answer it gives (None: not the target)."""

    element: Element | None
    answer: str | None
    wrong: int


@dataclass(frozen=True)
class Copy:
    """What site_copy.html draws for one step."""

    page: Page
    #: The elements that move on (the target, or each choice's target), in page order.
    targets: tuple[str, ...]
    #: True when the elements are buttons to press (action, choice); False on a field or info step.
    pressable: bool
    #: Elements done earlier on this page: id -> "rempli" | "coche" | "choisi".
    done: Mapping[str, str] = field(default_factory=dict)
    wrong: int = 0
    hint: tuple[str, ...] = ()
    #: A code the real site sends here: ("sms" | "email", the code), or None.
    message: tuple[str, str] | None = None
    #: On a field step, the page's own button that sends the field ("Continuer"), or "".
    sends: str = ""
    #: How many elements, from the top of the page, are folded away as done (see ``_folded``).
    folded: int = 0

    @property
    def elements(self) -> tuple[Element, ...]:
        """The page's elements as the site shows them now: one that appears once another is
        done (``Element.after``) is left out before."""
        return tuple(e for e in self.page.elements if not e.after or e.after in self.done)

    @property
    def highlight(self) -> bool:
        return self.wrong >= HIGHLIGHT_FROM


def uses_copy(practice: bool, step: Step) -> bool:
    """True when this mode draws the step on the copy of its page (its kind says when: ``on_copy``)."""
    return practice and step.on_copy()


def targets(step: Step) -> tuple[str, ...]:
    """The elements of the step's page that answer it (its kind says which: ``targets``)."""
    return step.targets()


def _wrong_count(form: Mapping[str, str]) -> int:
    raw = str(form.get(WRONG, ""))
    # ASCII digits only: str.isdigit() is also true for '²' or '⑨', which int() refuses.
    return min(int(raw), MAX_WRONG) if raw.isascii() and raw.isdigit() and len(raw) <= 2 else 0


def send_step(journey: Journey, step: Step) -> Step | None:
    """On a field step, the next step when it presses the page's own button ("Continuer").

    As on the real site, that drawn button sends the field: the field is checked and,
    when right, both steps are done (views/wizard.py). Otherwise None."""
    if not step.field or not step.page:
        return None
    following = journey.in_mode(True).steps.get(step.next)
    if following is not None and following.pressable and following.page == step.page and following.target:
        return following
    return None


def press_again(journey: Journey, step: Step, element_id: object, wrong: object) -> Press:
    """A wrong press read back from the session on the GET after its post (views/wizard.py)."""
    element = journey.pages[step.page].element(element_id) if isinstance(element_id, str) else None
    count = wrong if type(wrong) is int else 1
    return Press(element, None, max(1, min(count, MAX_WRONG)))


def fragment(press: Press) -> str:
    """Where the screen after a wrong press opens: at the top, where the hint follows the
    instruction; from the second wrong press, at the highlighted target with its hint."""
    return "#ici" if press.wrong >= HIGHLIGHT_FROM else ""


def read_press(journey: Journey, step: Step, form: Mapping[str, str]) -> Press:
    """What a post on the copy means: the answer for the target, or one more wrong press."""
    page = journey.pages[step.page]
    element = page.element(str(form.get(ELEMENT, ""))[:80])
    wrong = _wrong_count(form)
    answer = step.answer_at(element.id) if element is not None else None
    if answer is not None:
        return Press(element, answer, wrong)
    return Press(element, None, min(wrong + 1, MAX_WRONG))


#: "Ce n'est pas ce bouton." by the kind of element pressed.
_NOT_THIS = {
    "bouton": N_("Ce n'est pas ce bouton."),
    "bouton-secondaire": N_("Ce n'est pas ce bouton."),
    "lien": N_("Ce n'est pas ce lien."),
    "case": N_("Ce n'est pas cette case."),
    "carte": N_("Ce n'est pas ce choix."),
    "champ": N_("Ce n'est pas ce champ."),
    "menu": N_("Ce n'est pas ce menu."),
}

#: "Je cherche le bouton Commencer." by the kind of the target.
LOOK_FOR = {
    "bouton": N_("Je cherche le bouton %(label)s."),
    "bouton-secondaire": N_("Je cherche le bouton %(label)s."),
    "lien": N_("Je cherche le lien %(label)s."),
    "case": N_("Je cherche la case %(label)s."),
    "carte": N_("Je cherche le choix %(label)s."),
    "menu": N_("Je cherche le menu %(label)s."),
}
#: A box whose text no seed shows (content.pages.Element.unseen) is named by what it is.
_LOOK_FOR_UNSEEN_BOX = N_("Je cherche la case à cocher.")

#: Translates a French msgid for the page, filling its %(name)s values (``i18n.translate``).
Translate = Callable[..., str]


def look_for(target: Element, translate: Translate) -> str:
    """What to look for on the page: "Je cherche le lien Mes coordonnées sont incorrectes ?"
    (a label that ends its own sentence gets no full stop after it)."""
    if target.kind == "case" and not target.label:
        return translate(_LOOK_FOR_UNSEEN_BOX)
    said = translate(LOOK_FOR[target.kind], label=target.label)
    return said[:-1] if said.endswith(("?.", "!.")) else said


def hint(journey: Journey, step: Step, press: Press, translate: Translate,
         done: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The gentle hint after a wrong press: what was pressed is not it, and what to look for.

    An element already done on this page (a card chosen, a box ticked) is not a mistake:
    pressing it again gets a neutral word before what to look for."""
    page = journey.pages[step.page]
    if press.element and press.element.id in (done or {}):
        first = translate(N_("C'est déjà fait."))
    elif press.element:
        first = translate(_NOT_THIS[press.element.kind])
    else:
        first = translate(N_("Je clique sur un élément de la page."))
    wanted = [page.element(t) for t in step.targets()]
    if step.has_choices:
        labels = f" {translate(N_('ou'))} ".join(f"« {e.label} »" for e in wanted)
        return first, translate(N_("Je choisis : %(labels)s."), labels=labels)
    return first, look_for(wanted[0], translate)


def _done_on_page(journey: Journey, walk: engine.Walk, step: Step) -> dict[str, str]:
    """Elements of this page done on the steps before this one: fields filled, boxes ticked, cards chosen.

    Read from the person's walk, already computed for the request (no new walk of the graph).
    """
    done: dict[str, str] = {}
    page, place = journey.pages[step.page], walk.place(step.id)
    for earlier_id in walk.steps[:place] if place is not None else ():
        earlier = journey.steps[earlier_id]
        if earlier.page == step.page:
            done.update(earlier.marks(walk.state.answers.get(earlier_id), page))
    return done


def _message(journey: Journey, state: engine.State, step: Step, done: Mapping[str, str]) -> tuple[str, str] | None:
    """The code the real site sends at this step: the example of the code field at or after it.

    It arrives where the person asked for it when they chose, on this page, the card
    "email" or "sms"; else where the step's ``message`` says.
    """
    if not step.message:
        return None
    if step.message == "email-documents":  # the copy of my documents (seed 000): no code in it
        return step.message, ""
    kind = next((k for k in ("email", "sms") if done.get(k) == "choisi"), step.message)
    seen: set[str] = set()
    steps = journey.in_mode(state.practice).steps
    # The step as this mode walks it: its ``next`` passes the other mode's screens.
    current: Step | None = steps.get(step.id)
    while current is not None and current.id not in seen:
        seen.add(current.id)
        if current.field:
            return kind, rule_for(current.field).example
        current = steps.get(current.next) if current.next else None
    return None


#: Fewer elements than this above the target are left unfolded.
FOLD_FROM = 1


def _folded(elements: tuple[Element, ...], step_targets: tuple[str, ...], done: Mapping[str, str]) -> int:
    """How many elements at the top of the page to fold under "Ce que j'ai déjà fait".

    On a tablet the instruction and its field must fit in one view; what the person
    already did higher on the same page is what they need least. The fold ends at the
    last element done above the first target (elements between two done ones go with them).
    Only on a field step: where the person presses, the page stays whole, to look for the
    target among the others.
    """
    ids = [element.id for element in elements]
    first_target = min((ids.index(t) for t in step_targets if t in ids), default=0)
    last_done = max((place for place, element_id in enumerate(ids[:first_target]) if element_id in done), default=-1)
    return last_done + 1 if last_done + 1 >= FOLD_FROM else 0


def build(journey: Journey, walk: engine.Walk, step: Step, translate: Translate, press: Press | None = None) -> Copy:
    """The copy of the step's page, as the template draws it, for the person's ``walk``;
    ``translate`` puts the hint in the person's language (``i18n.translate``)."""
    state = walk.state
    done = _done_on_page(journey, walk, step)
    copy = Copy(
        page=journey.pages[step.page],
        targets=step.targets(),
        pressable=step.pressable,
        done=done,
        wrong=press.wrong if press else 0,
        hint=hint(journey, step, press, translate, done) if press else (),
        message=_message(journey, state, step, done),
        sends=sending.target if (sending := send_step(journey, step)) else "",
    )
    if not step.folds:
        return copy
    return replace(copy, folded=_folded(copy.elements, copy.targets, done))
