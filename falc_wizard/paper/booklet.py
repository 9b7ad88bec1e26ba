"""A journey laid out on paper: numbered screens, grouped into sections.

On a tablet the engine shows one screen at a time and follows the person's
choices. On paper the person holds every screen at once, so the journey graph
is turned into a reading order a person can follow with a finger:

- every screen appears **exactly once**, with a number ("Écran 12"), in one
  section;
- a section is a run of screens read one after the other. A new section starts
  at the first screen, at every screen a choice leads to, and at every screen
  where paths rejoin (a screen reached from more than one place);
- a section that follows a single choice is introduced by that choice
  ("Si ma carte Vitale a une photo"); a section where paths rejoin is "La suite";
- a choice screen lists where each answer goes ("Je vais à l'écran 14"), and a
  section that does not end with a choice or an end screen says where to go
  next ("Je vais à l'écran 20"), so shared screens are printed once and every
  path can still be followed on paper.

Sections come in an order where a shared section always comes after every
section that leads to it, and the sections of a choice come in the choice's
order, right after it (a reverse post-order of the section graph).

A booklet follows one *route*: the journey's first choice (what the person
wants, or has: "J'ai un code provisoire", "Je garde une copie") is made before
printing, and each of its answers gets its own booklet (``routes``), so the
person never reads the screens of a road they do not take. The review kit, for a
reading group, holds every screen once (``build`` of the whole journey) and the
screens only practice shows (``practice_blocks``).

Pure Python, no Flask: the views only translate and draw what this builds.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Mapping

from ..content import DONE, Choice, Journey, Step


@dataclass(frozen=True)
class Exit:
    """Where the person goes after a screen: for a choice (or None), the screen number
    (None on a screen printed apart from the path: practice's own, see ``practice_blocks``)."""

    choice: Choice | None
    target: int | None


@dataclass(frozen=True)
class Block:
    """One screen on paper: its number, the step, and where it leads."""

    number: int
    step: Step
    exits: tuple[Exit, ...]


@dataclass(frozen=True)
class Section:
    """Screens read one after the other.

    ``choice`` is the choice that leads here when exactly one does (the section
    is introduced by it); ``rejoin`` is True where several paths meet;
    ``goto`` is the screen number to go to after the last block, or None when
    the last block is a choice (its exits say where) or an end screen.
    """

    blocks: tuple[Block, ...]
    choice: Choice | None = None
    rejoin: bool = False
    goto: int | None = None

    @property
    def first(self) -> int:
        return self.blocks[0].number


@dataclass(frozen=True)
class Booklet:
    journey: Journey
    sections: tuple[Section, ...]
    #: The route's answer at the journey's first choice (None: the whole journey).
    route: Choice | None = None

    @property
    def blocks(self) -> list[Block]:
        """Every screen in booklet order (numbers 1, 2, 3...)."""
        return [block for section in self.sections for block in section.blocks]

    def helper_notes(self) -> list[Block]:
        """The screens that carry a note for the helper, in booklet order."""
        return [block for block in self.blocks if block.step.helper_note]


def _targets(step: Step, picks: Mapping[str, str] | None = None) -> list[tuple[Choice | None, str]]:
    """Each way out of a step: (the choice or None, the next step id); a picked choice only."""
    picked = (picks or {}).get(step.id) if step.has_choices else None
    return [(step.choice(answer), step.next_for(answer)) for answer in step.answers() if picked in (None, answer)]


def route_step(journey: Journey) -> Step | None:
    """The journey's first choice, where its routes part (None: a journey without choices).

    Paper follows the real procedure: the guide mode's screens."""
    journey = journey.in_mode(False)
    step = journey.steps[journey.first]
    while not step.has_choices:
        if step.is_end:
            return None
        step = journey.steps[step.next_for(DONE)]
    return step


def routes(journey: Journey) -> tuple[Booklet, ...]:
    """One booklet per answer of the journey's first choice (one booklet without a choice)."""
    step = route_step(journey)
    if step is None:
        return (build(journey),)
    return tuple(build(journey, {step.id: choice.id}, route=choice) for choice in step.choices)


def practice_blocks(journey: Journey, after: int) -> tuple[Block, ...]:
    """The screens only practice shows (``only = "entrainement"``), in file order, numbered
    from ``after + 1``: the review kit prints them after the path's screens. Their choices
    say no screen to go to (the path on paper is the guide's)."""
    guide = journey.in_mode(False).steps
    steps = [step for step_id, step in journey.in_mode(True).steps.items() if step_id not in guide]
    return tuple(
        Block(after + place, step, tuple(Exit(choice, None) for choice in step.choices))
        for place, step in enumerate(steps, start=1)
    )


def build(journey: Journey, picks: Mapping[str, str] | None = None, route: Choice | None = None) -> Booklet:
    """Lay ``journey`` out as numbered screens in sections (see the module docstring).

    Paper follows the real procedure: the guide mode's screens, without the
    practice-only ones (``only = "entrainement"``). ``picks`` keeps one answer of a
    choice (``{step id: choice id}``): only the screens reached that way are laid out.
    """
    journey = journey.in_mode(False)
    reached, waiting = set(), [journey.first]
    while waiting:
        step_id = waiting.pop()
        if step_id not in reached:
            reached.add(step_id)
            waiting += [target for _, target in _targets(journey.steps[step_id], picks)]
    incoming: dict[str, list[tuple[Step, Choice | None]]] = {step_id: [] for step_id in reached}
    for step_id in reached:
        step = journey.steps[step_id]
        for choice, target in _targets(step, picks):
            incoming[target].append((step, choice))
    heads = {journey.first} | {
        step_id for step_id, edges in incoming.items()
        if len(edges) > 1 or any(choice is not None for _, choice in edges)
    }

    # Each section: the steps from its head up to a choice, an end, or the next head.
    runs: dict[str, list[Step]] = {}
    for head in heads:
        run, step = [], journey.steps[head]
        while True:
            run.append(step)
            if step.has_choices or step.is_end or step.next in heads:
                break
            step = journey.steps[step.next]
        runs[head] = run

    def successors(head: str) -> list[str]:
        last = runs[head][-1]
        return [target for _, target in _targets(last, picks)]

    # Reverse post-order: a shared section comes after every section before it;
    # children are visited last-first so that they come out in the choice's order.
    order: list[str] = []
    seen: set[str] = set()

    def visit(head: str) -> None:
        seen.add(head)
        for target in reversed(successors(head)):
            if target not in seen:
                visit(target)
        order.append(head)

    visit(journey.first)
    order.reverse()

    numbers: dict[str, int] = {}
    for head in order:
        for step in runs[head]:
            numbers[step.id] = len(numbers) + 1

    sections = []
    for head in order:
        blocks = tuple(
            Block(numbers[step.id], step, tuple(Exit(choice, numbers[target]) for choice, target in _targets(step, picks)))
            for step in runs[head]
        )
        edges = incoming[head]
        last = runs[head][-1]
        sections.append(
            Section(
                blocks=blocks,
                choice=edges[0][1] if len(edges) == 1 else None,
                rejoin=len(edges) > 1,
                goto=numbers[last.next] if last.next else None,
            )
        )
    return Booklet(journey, tuple(sections), route)


# ----------------------------------------------------------------- the words of a branch

#: First words that make a choice's text a clause ("Ma carte Vitale a une photo"),
#: so that it reads after "Si" / "If". Any other text ("Par e-mail") is quoted instead.
_CLAUSE_STARTS = {
    "fr": ("je ", "j'", "j’", "ma ", "mon ", "mes ", "c'est ", "c’est ", "le ", "la ", "l'", "l’", "les ", "elle "),
    "en": ("i ", "i'", "i’", "my ", "it ", "it's ", "it’s ", "the ", "this "),
}


def condition(text: str, language: str) -> str | None:
    """A choice's (translated) text as the clause after "Si"/"If", or None when it is not a clause.

    "Ma carte Vitale a une photo" -> "ma carte Vitale a une photo" ("Si ma carte Vitale a une photo");
    "I forgot my password" -> "I forgot my password" ("If I forgot my password");
    "Par e-mail" -> None (the booklet says "Si je choisis « Par e-mail »").
    """
    starts = _CLAUSE_STARTS.get(language.split("_")[0].split("-")[0], ())
    lowered = text.lower()
    if not text or not lowered.startswith(starts):
        return None
    if language.startswith("en") and re.match(r"I\b", text):
        return text  # "I" keeps its capital
    return text[0].lower() + text[1:]



# ----------------------------------------------------------------- the version a group reads


def content_version(journey: Journey) -> str:
    """A short fingerprint of everything a reader reads in ``journey``.

    A reading group writes it on the review kit: the organisation can then tell
    whether the text they validated is still the text of the journey. It leaves
    out the validation itself (recording it does not change the text) and the
    file name.
    """
    content = {
        "journey": [journey.id, journey.title, journey.summary, journey.pictogram, journey.order,
                    journey.first, list(journey.related)],
        "needs": [need.model_dump(mode="json") for need in journey.needs],
        "parts": [part.model_dump(mode="json") for part in journey.parts],
        "pages": [page.model_dump(mode="json") for page in journey.pages.values()],
        "steps": [step.model_dump(mode="json", exclude={"sources"}) for step in journey.steps.values()],
    }
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:8]
