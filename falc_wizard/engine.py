"""The step engine: a small, pure state machine over a journey.

No Flask here, no HTTP, no templates: functions take a state and a journey and
return a new state, so they can be tested (and property-tested) on their own.

The state holds only ids: the journey, the answer given at each step done
(a choice id, or ``DONE``), and whether the person is practising. Nothing the
person types is ever part of it.

As GOV.UK Forms does, the path is rebuilt from the answers on every request,
never trusted from a stored "current step". The person's place is the first
step on that path without an answer: the *frontier*. This is what keeps the
browser's back button, a refresh or an edited URL from ever breaking a journey.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from .journeys import DONE, Journey


class InvalidMove(ValueError):
    """An answer that the journey does not allow, at a step the person cannot reach."""


@dataclass(frozen=True)
class State:
    """Where one person is in one journey: ids and answers only."""

    journey_id: str
    answers: Mapping[str, str] = field(default_factory=dict)
    practice: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The compact form kept in the session cookie."""
        data: dict[str, Any] = {"j": self.journey_id, "a": dict(self.answers)}
        if self.practice:
            data["p"] = 1
        return data

    @classmethod
    def from_dict(cls, data: Any, journey: Journey) -> State:
        """Read a stored state back, keeping only what the journey still allows.

        A cookie may be old (the content changed since) or not ours at all: any
        answer that is not valid now is dropped, and the result is always a
        state the engine can work with.
        """
        if not isinstance(data, Mapping) or data.get("j") != journey.id:
            return start(journey)
        raw = data.get("a")
        answers = raw if isinstance(raw, Mapping) else {}
        state = cls(journey.id, {}, bool(data.get("p")))
        return _keep_path(journey, state, answers)


@dataclass(frozen=True)
class Progress:
    """'Étape n sur N' and the title of the part the shown screen belongs to.

    The count is of the journey's parts (journeys.Part), as the seed 002 counts
    "Etape 1 : Mon identité" to "Etape 4 : Mon compte": every path visits every
    part in order (the loader checks it), so N is the same on every screen of
    every walk, and n only grows. A person is never told "sur 22" then "sur 38".
    A journey without parts (test fixtures) counts screens against its longest
    walk, and shows its end as the last one.
    """

    position: int
    total: int
    part: str | None = None

    @property
    def done(self) -> range:
        """The places before this one (one progress mark each)."""
        return range(1, self.position)

    @property
    def ahead(self) -> range:
        """The places after this one."""
        return range(self.position + 1, self.total + 1)


def start(journey: Journey, practice: bool = False) -> State:
    return State(journey.id, {}, practice)


def restart(journey: Journey, state: State) -> State:
    """Forget every answer; keep the mode the person chose."""
    return start(journey, state.practice)


def _keep_path(journey: Journey, state: State, answers: Mapping[str, Any]) -> State:
    """Keep the answers that lie on the path they themselves draw, in path order."""
    journey = journey.in_mode(state.practice)  # mode-only steps (site_pages.for_mode)
    kept: dict[str, str] = {}
    step_id = journey.first
    seen: set[str] = set()
    while step_id and step_id not in seen:
        seen.add(step_id)
        step = journey.steps[step_id]
        answer = answers.get(step_id)
        if not isinstance(answer, str) or answer not in step.answers():
            break
        kept[step_id] = answer
        step_id = step.next_for(answer)
    return State(state.journey_id, kept, state.practice)


def path(journey: Journey, state: State) -> list[str]:
    """The steps the person has reached, in order: every answered one, then the frontier."""
    journey = journey.in_mode(state.practice)  # mode-only steps (site_pages.for_mode)
    steps = [journey.first]
    while True:
        step = journey.steps[steps[-1]]
        following = step.next_for(state.answers.get(step.id, ""))
        if following is None:
            return steps
        steps.append(following)


def frontier(journey: Journey, state: State) -> str:
    """The first step the person has not done yet (or the end step)."""
    return path(journey, state)[-1]


def is_reachable(journey: Journey, state: State, step_id: str) -> bool:
    return step_id in path(journey, state)


def resolve(journey: Journey, state: State, step_id: str) -> str:
    """The step to show for a request: the one asked for if reachable, else the frontier."""
    return step_id if is_reachable(journey, state, step_id) else frontier(journey, state)


def advance(journey: Journey, state: State, step_id: str, answer: str = DONE) -> State:
    """Record the answer at a reachable step.

    Changing an earlier choice drops only the answers that are no longer on the
    new path; every other answer is kept, so going back never loses work.
    """
    step = journey.step(step_id)
    if step is None or not is_reachable(journey, state, step_id):
        raise InvalidMove(f"step '{step_id}' is not reachable")
    if answer not in step.answers():
        raise InvalidMove(f"'{answer}' is not an answer of step '{step_id}'")
    answers = dict(state.answers)
    answers[step_id] = answer
    return _keep_path(journey, state, answers)


def next_step(journey: Journey, state: State, step_id: str) -> str:
    """The step after ``step_id`` on the person's path (the frontier if it is last)."""
    steps = path(journey, state)
    if step_id in steps:
        index = steps.index(step_id)
        if index + 1 < len(steps):
            return steps[index + 1]
    return frontier(journey, state)


def previous_step(journey: Journey, state: State, step_id: str) -> str | None:
    """The step before ``step_id`` on the path, or None on the first step.

    Going back is navigation only: it never changes an answer.
    """
    steps = path(journey, state)
    if step_id in steps:
        index = steps.index(step_id)
        return steps[index - 1] if index > 0 else None
    return None


def likely_path(journey: Journey, state: State) -> list[str]:
    """The whole path to the end: the person's answers, then the first choice at each unanswered step.

    Its length changes with the branch taken, so it is not the "N" of
    "Étape n sur N" (see progress()); it tells how many screens are likely left.
    """
    journey = journey.in_mode(state.practice)  # mode-only steps (site_pages.for_mode)
    steps = [journey.first]
    while not journey.steps[steps[-1]].is_end:
        step = journey.steps[steps[-1]]
        answer = state.answers.get(step.id) or step.answers()[0]
        steps.append(step.next_for(answer))
    return steps


def progress(journey: Journey, state: State, step_id: str) -> Progress:
    """Where the shown step stands: its part among the journey's parts (see Progress)."""
    journey = journey.in_mode(state.practice)  # mode-only steps (site_pages.for_mode)
    placed = journey.part_of(step_id)
    if placed is not None:
        index, part = placed
        return Progress(position=index + 1, total=len(journey.parts), part=part.title)
    total = journey.longest_walk
    if journey.steps[step_id].is_end:
        return Progress(position=total, total=total)
    steps = path(journey, state)
    position = steps.index(step_id) + 1 if step_id in steps else len(steps)
    return Progress(position=min(position, total), total=total)


def all_paths(journey: Journey, practice: bool = False) -> list[list[str]]:
    """Every path from the first step to an end in one mode, as step ids (for tests and reports)."""
    return [[step.id for step in journey.walk(picks, practice)] for picks in journey.all_picks(practice)]
