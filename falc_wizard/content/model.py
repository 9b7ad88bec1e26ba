"""The content model: a journey, its parts and what the person needs; its steps are kinds.py's.

A journey is a graph of steps with no cycle, read from one file (loader.py) and checked
(checks.py). The engine walks it; practice, paper, audio and the FALC checker read it.
Pure Python, no Flask.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Mapping

from pydantic import BaseModel

from .kinds import Step
from .pages import Page
from .values import DONE, GUIDE, PRACTICE, STRICT, Id, Text


class Part(BaseModel):
    """One part of a journey, as the activation guide cuts it ("Etape 2 : Mon code").

    Parts give the "Étape n sur N" its N: every path visits every part, in order,
    so N never changes down a walk, whatever the person picks.
    """

    model_config = STRICT

    id: Id
    title: Text


class Need(BaseModel):
    """One thing the person needs before starting ("J'ai besoin de")."""

    model_config = STRICT

    text: Text
    pictogram: Text


@dataclass(frozen=True)
class Journey:
    """A whole procedure, as a graph of steps with no cycle."""

    id: str
    title: str
    summary: str
    pictogram: str
    order: int
    needs: tuple[Need, ...]
    steps: Mapping[str, Step]
    first: str
    related: tuple[str, ...] = ()
    validated_by: str = ""
    validated_on: str = ""
    source: str = ""
    pages: Mapping[str, Page] = field(default_factory=dict)
    parts: tuple[Part, ...] = ()
    mode: str = ""
    """Empty for the whole file; GUIDE or PRACTICE for a mode's view (``in_mode``)."""
    whole: Journey | None = field(default=None, repr=False, compare=False)
    """A mode's view: the whole journey it was made from."""

    def step(self, step_id: str) -> Step | None:
        return self.steps.get(step_id)

    def in_mode(self, practice: bool) -> Journey:
        """The journey without the other mode's steps (``only``): what the engine walks.

        Asked of a mode's view, it answers from the whole journey: a view of the other mode
        is that mode's, never this one's."""
        whole = self.whole or self
        return whole._views[practice]

    @cached_property
    def _views(self) -> dict[bool, Journey]:
        return {practice: self._view(practice) for practice in (False, True)}

    def _view(self, practice: bool) -> Journey:
        """The journey as one mode sees it: the other mode's steps taken out, the path joined up.

        Every arrow into a step of the other mode now points past it: to its next step, or
        for a choice to its *first* choice's next step (a guide-only "Did the code arrive?"
        is passed as "yes" in practice, where the code always arrives). A mode-only step is
        never an end (the checks refuse it). The view is a plain Journey, so the engine walks
        it with no special case.
        """
        hidden = GUIDE if practice else PRACTICE
        skipped = {step_id for step_id, step in self.steps.items() if step.only == hidden}

        def past(step_id: str) -> str:
            while step_id in skipped:
                step = self.steps[step_id]
                step_id = step.next_for(step.answers()[0])
            return step_id

        steps = {step_id: step.rerouted(past) for step_id, step in self.steps.items() if step_id not in skipped}
        return replace(self, steps=steps, first=past(self.first), mode=PRACTICE if practice else GUIDE, whole=self)

    @property
    def has_practice(self) -> bool:
        """True when "Je m'entraîne" has something to practise (a step on a drawn page)."""
        return any(step.page for step in self.steps.values())

    @property
    def acts_on_real_site(self) -> bool:
        """True when a step sends the person to the real site or names a real control there;
        False for a journey only read here ("Je découvre"): its start screen says so."""
        return any(step.real_site or step.label for step in self.steps.values())

    def part_of(self, step_id: str) -> tuple[int, Part] | None:
        """The 0-based place and the part of a step, or None for a journey without parts."""
        step = self.steps[step_id]
        for index, part in enumerate(self.parts):
            if part.id == step.part:
                return index, part
        return None

    @cached_property
    def longest_walk(self) -> int:
        """The most screens on any path, first screen to end (the content budget's measure).

        Counted on a mode's own screens: a view's, or the guide's for the whole journey.
        """
        longest: dict[str, int] = {}
        journey = self if self.mode else self.in_mode(False)

        def length(step_id: str) -> int:
            if step_id not in longest:
                step = journey.steps[step_id]
                following = [step.next_for(answer) for answer in step.answers()]
                longest[step_id] = 1 + max((length(s) for s in following), default=0)
            return longest[step_id]

        return length(journey.first)

    @cached_property
    def part_screens(self) -> Mapping[str, int]:
        """The most screens any path shows in each part, by part id: the "écran k sur M"'s M.

        Counted on the steps this journey object walks, so ask a mode's view
        (``in_mode``): practice and guide have their own screens. Computed once
        per view, so M is the same on every screen of every walk of that mode.
        """
        runs: dict[str, int] = {}

        def run(step_id: str) -> int:  # screens from here to the end of this step's part
            if step_id not in runs:
                step = self.steps[step_id]
                following = {step.next_for(answer) for answer in step.answers()} - {None}
                runs[step_id] = 1 + max(
                    (run(s) for s in following if self.steps[s].part == step.part), default=0)
                for s in following:
                    run(s)
            return runs[step_id]

        run(self.first)  # only the steps a walk reaches count
        screens: dict[str, int] = {}
        for step_id, length in runs.items():
            part = self.steps[step_id].part
            screens[part] = max(screens.get(part, 0), length)
        return screens

    @property
    def validated(self) -> bool:
        """True once people with an intellectual disability have validated the text."""
        return bool(self.validated_by and self.validated_on)

    def walk(self, picks: Mapping[str, str], practice: bool = False) -> list[Step]:
        """The steps from the first to the end, taking ``picks[step_id]`` at each choice.

        Raises KeyError when a choice on the way has no pick. Used by tests and
        by the checker to go down one branch without the engine's bookkeeping.
        The walk is in one mode (guide by default): the other mode's steps are passed.
        """
        journey = self.in_mode(practice)
        steps, step_id = [], journey.first
        while True:
            step = journey.steps[step_id]
            steps.append(step)
            if step.is_end:
                return steps
            step_id = step.next_for(picks[step.id] if step.has_choices else DONE)

    def all_picks(self, practice: bool = False) -> list[dict[str, str]]:
        """Every path from the first step to an end in one mode, as the picks made at each choice.

        ``walk(picks, practice)`` turns one back into its steps. Content has no cycle (the
        loader refuses one), so this always ends.
        """
        found: list[dict[str, str]] = []
        journey = self.in_mode(practice)

        def go(step_id: str, picks: dict[str, str]) -> None:
            step = journey.steps[step_id]
            if step.is_end:
                found.append(picks)
            for answer in step.answers():
                go(step.next_for(answer), {**picks, step.id: answer} if step.has_choices else picks)

        go(journey.first, {})
        return found

    def start_pictograms(self) -> set[str]:
        """The pictograms of the start screen: the journey's own and its needs'."""
        return {self.pictogram} | {n.pictogram for n in self.needs}

    def pictograms(self) -> set[str]:
        """Every pictogram the journey shows, on any screen."""
        return self.start_pictograms().union(*(step.pictograms() for step in self.steps.values()))
