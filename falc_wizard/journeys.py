"""The content model: journeys and their steps, loaded from data files.

A journey is a TOML file in ``falc_wizard/steps/`` (see docs/GUIDE-CONTENU.md).
Content is data, not code, so a social worker or a FALC workshop can change a
journey without touching Python.

Every file is validated when the app starts. A bad file stops the start with
one line that names the file, the step and the problem: a wrong journey must
never reach a person half-way through a procedure.

This module knows nothing of Flask: the engine and the FALC checker use it too.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Iterable, Mapping

from .pictograms import titles
from .step_kinds import ID as _ID, KINDS, LABEL_LOOKS, NO_SOURCE, OWN_KEYS, STEP_KINDS, require as _require
from .step_kinds import DONE, Choice, ContentError, Step  # the steps, one class per kind
from . import site_pages
from .site_table import SITE_FILE


STEPS_DIR = Path(__file__).parent / "steps"

#: A step's ``source``: the number of the seed guide it comes from ("002"), or
#: ``NO_SOURCE`` for a screen that no official guide shows (the helper is told to
#: check it on the real site, and it may not invent a label).
_SEED = re.compile(r"^[0-9]{3}$")

#: What the helper reads on a screen that no official guide shows (``source = "aucun"``).
#: The loader makes every such step's helper note say it, in these exact words.
UNVERIFIED_NOTE = "Cet écran n'est pas dans les guides officiels : vérifiez sur le site."


@dataclass(frozen=True)
class Part:
    """One part of a journey, as the seed 002 cuts the activation ("Etape 2 : Mon code").

    Parts give the "Étape n sur N" its N: every path visits every part, in order,
    so N never changes down a walk, whatever the person picks.
    """

    id: str
    title: str


@dataclass(frozen=True)
class Need:
    """One thing the person needs before starting ("J'ai besoin de")."""

    text: str
    pictogram: str


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
    pages: Mapping[str, site_pages.Page] = field(default_factory=dict)
    parts: tuple[Part, ...] = ()

    def step(self, step_id: str) -> Step | None:
        return self.steps.get(step_id)

    @cached_property
    def _mode_views(self) -> dict[bool, Journey]:
        return {practice: site_pages.for_mode(self, practice) for practice in (False, True)}

    def in_mode(self, practice: bool) -> Journey:
        """The journey without the other mode's steps (``only``): what the engine walks."""
        return self._mode_views[practice]

    @property
    def has_practice(self) -> bool:
        """True when "Je m'entraîne" has something to practise (a step on a drawn page)."""
        return site_pages.has_practice(self)

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

        Counted in guide mode (a mode's own view counts its own screens: in_mode).
        """
        longest: dict[str, int] = {}
        journey = self.in_mode(False)

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


# --------------------------------------------------------------------------- loading


def _text_tuple(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ContentError(f"{where}: expected a sentence or a list of sentences")


_STEP_KEYS = {
    "id", "kind", "sentences", "pictogram", "label", "label_look",
    "help_title", "help", "help_pictograms", "helper_note",
    "real_site", "exceptions", "source", "part",
} | OWN_KEYS | site_pages.STEP_KEYS


def _parse_step(raw: Mapping, default_next: str, where: str) -> Step:
    """One ``[[steps]]`` table: the keys every step has here, its kind's own keys by its class."""
    step_id = _require(raw, "id", where)
    where = f"{where} step '{step_id}'"
    unknown = set(raw) - _STEP_KEYS
    if unknown:
        raise ContentError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if not _ID.match(step_id):
        raise ContentError(f"{where}: the id must be lowercase letters, digits and '-'")
    kind = KINDS.get(_require(raw, "kind", where))
    if kind is None:
        raise ContentError(f"{where}: unknown kind '{raw['kind']}' (expected one of {', '.join(STEP_KINDS)})")
    sentences = _text_tuple(raw.get("sentences"), where)
    if not 1 <= len(sentences) <= 3:
        raise ContentError(f"{where}: a screen has 1 to 3 sentences, found {len(sentences)}")
    label_look = raw.get("label_look", kind.default_look)
    if label_look not in LABEL_LOOKS:
        raise ContentError(f"{where}: unknown label_look '{label_look}'")
    site_keys = _site_keys(raw, where)
    own = kind.parse(raw, where, default_next, site_keys.target)
    sources = _text_tuple(raw.get("source"), where)
    if NO_SOURCE in sources and len(sources) > 1:
        raise ContentError(f"{where}: source '{NO_SOURCE}' stands alone")
    for seed in sources:
        if seed != NO_SOURCE and not _SEED.match(seed):
            raise ContentError(f"{where}: source '{seed}' is not a seed number like '002' (or '{NO_SOURCE}')")
    return kind(
        id=step_id,
        sentences=sentences,
        pictogram=_require(raw, "pictogram", where),
        label=raw.get("label", ""),
        label_look=label_look,
        help_title=raw.get("help_title", ""),
        help=_text_tuple(raw.get("help"), where),
        help_pictograms=_text_tuple(raw.get("help_pictograms"), where),
        helper_note=raw.get("helper_note", ""),
        real_site=bool(raw.get("real_site", False)),
        exceptions=_text_tuple(raw.get("exceptions"), where),
        sources=sources,
        part=_optional_id(raw, "part", where),
        page=site_keys.page,
        only=site_keys.only,
        message=site_keys.message,
        **own,
    )


def _site_keys(raw: Mapping, where: str) -> site_pages.StepKeys:
    try:
        return site_pages.parse_step_keys(raw, where)
    except site_pages.PageError as error:
        raise ContentError(str(error)) from None


def _optional_id(data: Mapping, key: str, where: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or (value and not _ID.match(value)):
        raise ContentError(f"{where}: '{key}' must be an id: lowercase letters, digits and '-'")
    return value


def _parse_parts(data: Mapping, where: str) -> tuple[Part, ...]:
    """The journey's ``[[parts]]``: ids and short titles, in the order every path visits them."""
    raw_parts = data.get("parts") or []
    if not isinstance(raw_parts, list):
        raise ContentError(f"{where}: 'parts' must be a list of [[parts]] tables")
    parts: list[Part] = []
    for raw in raw_parts:
        part_id = _require(raw, "id", f"{where} part")
        if not _ID.match(part_id):
            raise ContentError(f"{where} part '{part_id}': the id must be lowercase letters, digits and '-'")
        if part_id in {p.id for p in parts}:
            raise ContentError(f"{where} part '{part_id}': duplicate id")
        parts.append(Part(id=part_id, title=_require(raw, "title", f"{where} part '{part_id}'")))
    return tuple(parts)


def _inherit_parts(steps: list[Step], parts: tuple[Part, ...], where: str) -> list[Step]:
    """Give each step the part named last above it in the file (content-shared: file order)."""
    declared = {p.id for p in parts}
    current = ""
    inherited: list[Step] = []
    for step in steps:
        if step.part and step.part not in declared:
            raise ContentError(f"{where} step '{step.id}': part '{step.part}' is not declared in [[parts]]")
        if parts and not step.part and not current:
            raise ContentError(f"{where} step '{step.id}': the first step of the file names its part")
        current = step.part or current
        inherited.append(step if step.part == current else replace(step, part=current))
    unused = [p.id for p in parts if p.id not in {s.part for s in inherited}]
    if unused:
        raise ContentError(f"{where} part '{unused[0]}': no step names this part")
    return inherited


def parse_journey(data: Mapping, source: str) -> Journey:
    """Build a Journey from the parsed TOML of one file, or raise ContentError."""
    where = source
    journey_id = _require(data, "id", where)
    if not _ID.match(journey_id):
        raise ContentError(f"{where}: the journey id must be lowercase letters, digits and '-'")
    raw_steps = data.get("steps") or []
    if not raw_steps:
        raise ContentError(f"{where}: the journey has no steps")
    parts = _parse_parts(data, where)
    parsed: list[Step] = []
    for index, raw in enumerate(raw_steps):
        following = raw_steps[index + 1].get("id", "") if index + 1 < len(raw_steps) else ""
        parsed.append(_parse_step(raw, following, where))
    steps: dict[str, Step] = {}
    for step in _inherit_parts(parsed, parts, where):
        if step.id in steps:
            raise ContentError(f"{where} step '{step.id}': duplicate id")
        steps[step.id] = step
    needs = tuple(
        Need(text=_require(n, "text", f"{where} need"), pictogram=_require(n, "pictogram", f"{where} need"))
        for n in data.get("needs", [])
    )
    validation = data.get("validation", {})
    journey = Journey(
        id=journey_id,
        title=_require(data, "title", where),
        summary=_require(data, "summary", where),
        pictogram=_require(data, "pictogram", where),
        order=int(data.get("order", 100)),
        needs=needs,
        steps=steps,
        first=data.get("first", raw_steps[0].get("id", "")),
        related=tuple(data.get("related", [])),
        validated_by=validation.get("by", ""),
        validated_on=str(validation.get("on", "")),
        source=source,
        parts=parts,
        pages=_site_pages(data, where),
    )
    _check_graph(journey)
    _check_parts(journey)
    try:
        site_pages.check_journey(journey)
    except site_pages.PageError as error:
        raise ContentError(str(error)) from None
    return journey


def _site_pages(data: Mapping, where: str) -> dict[str, site_pages.Page]:
    try:
        return site_pages.parse_pages(data.get("pages"), where)
    except site_pages.PageError as error:
        raise ContentError(str(error)) from None


def _check_parts(journey: Journey) -> None:
    """Every path visits every part, in the declared order.

    Checked on each move rather than on each path (there can be many): the first
    step is in the first part, a move stays in its part or goes to the next one,
    and every end is in the last part. Together these say exactly that each path
    goes through parts 1, 2, ..., N in turn, so "Étape n sur N" keeps its N.
    """
    if not journey.parts:
        return
    where = journey.source
    order = [p.id for p in journey.parts]
    place = {step_id: order.index(step.part) for step_id, step in journey.steps.items()}
    if place[journey.first] != 0:
        raise ContentError(f"{where} step '{journey.first}': the first step is in part '{order[0]}', not '{order[place[journey.first]]}'")
    for step in journey.steps.values():
        if step.is_end and place[step.id] != len(order) - 1:
            raise ContentError(
                f"{where} step '{step.id}': an end is in the last part '{order[-1]}', not '{step.part}'"
            )
        for answer in step.answers():
            target = step.next_for(answer)
            if place[target] not in (place[step.id], place[step.id] + 1):
                raise ContentError(
                    f"{where} step '{step.id}': goes from part '{step.part}' to part '{journey.steps[target].part}'"
                    f" (every path visits every part, in order: {', '.join(order)})"
                )


def _check_graph(journey: Journey) -> None:
    """Refuse unknown targets, unreachable steps, cycles and dead ends."""
    where = journey.source
    if journey.first not in journey.steps:
        raise ContentError(f"{where}: the first step '{journey.first}' does not exist")
    for step in journey.steps.values():
        for target in (step.next_for(answer) for answer in step.answers()):
            if not target:
                raise ContentError(f"{where} step '{step.id}': a path with no end (no next step after it)")
            if target not in journey.steps:
                raise ContentError(f"{where} step '{step.id}': unknown next step '{target}'")
    # Depth-first walk: every reachable step is visited, and no path loops.
    reachable: set[str] = set()
    on_stack: set[str] = set()

    def visit(step_id: str) -> None:
        if step_id in on_stack:
            raise ContentError(f"{where} step '{step_id}': a path with no end (it loops back to this step)")
        if step_id in reachable:
            return
        reachable.add(step_id)
        on_stack.add(step_id)
        step = journey.steps[step_id]
        for answer in step.answers():
            visit(step.next_for(answer))
        on_stack.discard(step_id)

    visit(journey.first)
    for step_id in journey.steps:
        if step_id not in reachable:
            raise ContentError(f"{where} step '{step_id}': unreachable step")


def check_references(
    journeys: Mapping[str, Journey],
    pictograms: Iterable[str],
    fields: Iterable[str] | None,
) -> None:
    """Refuse a pictogram, a practice field or a related journey that does not exist.

    ``fields``: the practice fields' names (None: not checked, for a caller
    that only reads the content).
    """
    known_pictos = set(pictograms)
    known_fields = None if fields is None else set(fields)
    for journey in journeys.values():
        where = journey.source
        for name in sorted(journey.start_pictograms()):
            if name not in known_pictos:
                raise ContentError(f"{where}: missing pictogram '{name}'")
        for step in journey.steps.values():
            for name in sorted(step.pictograms()):
                if name not in known_pictos:
                    raise ContentError(f"{where} step '{step.id}': missing pictogram '{name}'")
            if known_fields is not None and step.field and step.field not in known_fields:
                raise ContentError(f"{where} step '{step.id}': unknown practice field '{step.field}'")
        for other in journey.related:
            if other not in journeys:
                raise ContentError(f"{where}: unknown related journey '{other}'")


def check_complete(journey: Journey) -> None:
    """Refuse a journey that may not reach a person yet, with one line.

    - every step names where its facts and labels come from: a seed number, or
      ``"aucun"`` for a screen no official guide shows;
    - such an unverified screen tells the helper so, in the words of UNVERIFIED_NOTE;
    - every field step has its own ``label``, the real field's name, so the person
      knows what to type (a sentence is no label); unless no seed shows that name (its
      element on the drawn page has ``source = "aucun"``): then it invents none.

    Only the journeys served (load_journeys) must be complete: a draft or a checker
    fixture parsed on its own may still lack them, and ``falc-wizard lint`` reports it.
    """
    where = journey.source
    for step in journey.steps.values():
        if not step.sources:
            raise ContentError(
                f"{where} step '{step.id}': no source: write source = \"002\" (the seed it comes from)"
                f" or source = \"{NO_SOURCE}\""
            )
        if step.unverified and UNVERIFIED_NOTE not in step.helper_note:
            raise ContentError(
                f"{where} step '{step.id}': source '{NO_SOURCE}': its helper_note says \"{UNVERIFIED_NOTE}\""
            )
        if step.field and not _name_in_no_seed(journey, step) and (
                not step.label.strip() or step.label in step.sentences):
            raise ContentError(f"{where} step '{step.id}': a field step has its own 'label', naming what to type")


def _name_in_no_seed(journey: Journey, step: Step) -> bool:
    """True for a field step with no label whose field no seed names (site_pages.Element.unseen)."""
    page = journey.pages.get(step.page)
    element = page.element(step.target) if page else None
    return not step.label and element is not None and element.unseen


def load_file(path: Path) -> Journey:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{path.name}: not valid TOML ({error})") from None
    return parse_journey(data, path.name)


def load_journeys(
    directory: Path = STEPS_DIR,
    pictograms: Iterable[str] | None = None,
    fields: Iterable[str] | None = None,
    never_show: re.Pattern[str] | None = None,
) -> dict[str, Journey]:
    """Load and validate every journey file of a folder, in home-page order.

    ``fields`` are the names of the practice fields a step may name (the app
    passes ``practice.rules.FIELD_RULES``: see ``falc_wizard.load_content``);
    without them, field names are not checked. ``never_show`` is the pattern of
    the real site's address (the folder's site table): a screen practice shows
    never matches it. The folder's site file (``site_table.SITE_FILE``) is no journey.
    """
    journeys: dict[str, Journey] = {}
    for path in sorted(directory.glob("*.toml")):
        if path.name == SITE_FILE:
            continue
        journey = load_file(path)
        check_complete(journey)
        if never_show is not None:
            try:
                site_pages.check_never_shown(journey, never_show)
            except site_pages.PageError as error:
                raise ContentError(str(error)) from None
        if journey.id in journeys:
            raise ContentError(f"{path.name}: duplicate journey id '{journey.id}'")
        journeys[journey.id] = journey
    if pictograms is None:
        pictograms = titles()
    check_references(journeys, pictograms, fields)
    return dict(sorted(journeys.items(), key=lambda item: (item[1].order, item[0])))
