"""The step engine: a small, pure state machine over a journey.

No Flask here, no HTTP, no templates: functions take a state and a journey and
return a new state, so they can be tested (and property-tested) on their own.
A request reads its state and walks the journey once (``read`` or ``walk``
gives a ``Walk``); every later question is answered from that ``Walk``.

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

from .content import DONE, Journey


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
        return read(data, journey).state


@dataclass(frozen=True)
class Progress:
    """Where the shown screen stands: "Étape n sur N, écran k sur M", and the part's title.

    The step count is of the journey's parts (journeys.Part), as the seed 002 counts
    "Etape 1 : Mon identité" to "Etape 4 : Mon compte": every path visits every
    part in order (the loader checks it), so N is the same on every screen of
    every walk. Within a part, the screens count on the person's path (k), against
    the most screens any path shows in that part (M, Journey.part_screens, the same
    on every walk of a mode): every press moves k, or n when a new part starts
    (FALC rule 16: the reader feels each press advance). A person is never told
    "sur 22" then "sur 38".
    A journey without parts (test fixtures) counts screens against its longest
    walk, and shows its end as the last one; it has no screen count (``screens`` 0).
    """

    position: int
    total: int
    part: str | None = None
    screen: int = 0
    screens: int = 0

    @property
    def dots(self) -> tuple[str, ...]:
        """The picture of it, one dot a screen of the part (or a step, without parts):
        'done', then 'current', then 'ahead'. It fills by one dot on every press."""
        here, count = (self.screen, self.screens) if self.screens else (self.position, self.total)
        return ("done",) * (here - 1) + ("current",) + ("ahead",) * (count - here)


def start(journey: Journey, practice: bool = False) -> State:
    return State(journey.id, {}, practice)


def restart(journey: Journey, state: State) -> State:
    """Forget every answer; keep the mode the person chose."""
    return start(journey, state.practice)


def _keep_path(journey: Journey, state: State, answers: Mapping[str, Any]) -> Walk:
    """Keep the answers that lie on the path they themselves draw, in path order.

    This one walk of the journey graph gives both the cleaned state and the
    person's path (the answered steps, then the frontier): a ``Walk``.
    """
    journey = journey.in_mode(state.practice)  # mode-only steps (model.Journey.in_mode)
    kept: dict[str, str] = {}
    steps: list[str] = []
    step_id = journey.first
    while step_id and step_id not in kept:
        steps.append(step_id)
        answer = answers.get(step_id)
        # next_for is None for an answer the step does not offer (and at the end).
        following = journey.steps[step_id].next_for(answer) if isinstance(answer, str) else None
        if following is None:
            break
        kept[step_id] = answer
        step_id = following
    return Walk(journey, State(state.journey_id, kept, state.practice), tuple(steps))


@dataclass(frozen=True)
class Walk:
    """One person's path through one journey, computed once per request.

    ``steps`` holds every answered step in path order, then the frontier (the
    first step without an answer, or the end). Every question a request asks
    (may I show this step? which one comes next, or before?) is a look-up in
    it, never a new walk of the journey graph.
    """

    journey: Journey = field(repr=False, compare=False)
    state: State
    steps: tuple[str, ...]
    _places: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_places", {step_id: place for place, step_id in enumerate(self.steps)})

    @property
    def frontier(self) -> str:
        """The first step the person has not done yet (or the end step)."""
        return self.steps[-1]

    def reaches(self, step_id: str) -> bool:
        return step_id in self._places

    def place(self, step_id: str) -> int | None:
        """The step's place on the path (0 for the first), or None when it is not on it."""
        return self._places.get(step_id)

    def resolve(self, step_id: str) -> str:
        """The step to show for a request: the one asked for if reachable, else the frontier."""
        return step_id if self.reaches(step_id) else self.frontier

    def next_step(self, step_id: str) -> str:
        """The step after ``step_id`` on the path (the frontier if it is last or off the path)."""
        place = self.place(step_id)
        if place is not None and place + 1 < len(self.steps):
            return self.steps[place + 1]
        return self.frontier

    def previous_step(self, step_id: str) -> str | None:
        """The step before ``step_id`` on the path, or None on the first step.

        Going back is navigation only: it never changes an answer.
        """
        place = self.place(step_id)
        return self.steps[place - 1] if place else None

    def advance(self, step_id: str, answer: str = DONE) -> Walk:
        """Record the answer at a reachable step; the new walk.

        Changing an earlier choice drops only the answers that are no longer on
        the new path; every other answer is kept, so going back never loses work.
        """
        step = self.journey.step(step_id)
        if step is None or not self.reaches(step_id):
            raise InvalidMove(f"step '{step_id}' is not reachable")
        if answer not in step.answers():
            raise InvalidMove(f"'{answer}' is not an answer of step '{step_id}'")
        return _keep_path(self.journey, self.state, {**self.state.answers, step_id: answer})


def walk(journey: Journey, state: State) -> Walk:
    """The person's path for a state (one walk of the journey graph)."""
    return _keep_path(journey, state, state.answers)


def read(data: Any, journey: Journey) -> Walk:
    """A stored state (cookie, token) read back and walked, in one pass: see ``State.from_dict``."""
    if not isinstance(data, Mapping) or data.get("j") != journey.id:
        return walk(journey, start(journey))
    raw = data.get("a")
    answers = raw if isinstance(raw, Mapping) else {}
    return _keep_path(journey, State(journey.id, {}, bool(data.get("p"))), answers)


def path(journey: Journey, state: State) -> list[str]:
    """The steps the person has reached, in order: every answered one, then the frontier."""
    return list(walk(journey, state).steps)


def progress(journey: Journey, state: State, step_id: str) -> Progress:
    """Where the shown step stands: its part among the journey's parts, and its screen
    within the part on the person's path (see Progress). ``step_id`` is on the path."""
    journey = journey.in_mode(state.practice)  # mode-only steps (model.Journey.in_mode)
    steps = path(journey, state)
    placed = journey.part_of(step_id)
    if placed is not None:
        index, part = placed
        screen = 1  # a step off the path (never shown: the view redirects) counts as the part's first
        here = steps.index(step_id) if step_id in steps else 0
        while here - screen >= 0 and journey.steps[steps[here - screen]].part == part.id:
            screen += 1
        screens = journey.part_screens[part.id]
        return Progress(position=index + 1, total=len(journey.parts), part=part.title,
                        screen=min(screen, screens), screens=screens)
    total = journey.longest_walk
    if journey.steps[step_id].is_end:
        return Progress(position=total, total=total)
    position = steps.index(step_id) + 1 if step_id in steps else len(steps)
    return Progress(position=min(position, total), total=total)


def all_paths(journey: Journey, practice: bool = False) -> list[list[str]]:
    """Every path from the first step to an end in one mode, as step ids (for tests and reports)."""
    return [[step.id for step in journey.walk(picks, practice)] for picks in journey.all_picks(practice)]
