"""Reading journey files: TOML, then the declared schema, then the checks; one line when wrong.

A journey is a TOML file in a content folder (see docs/GUIDE-CONTENU.md). Content is data,
not code, so a social worker or a FALC workshop can change a journey without touching
Python. Every file is read when the app starts, and a bad file stops the start with one
line that names the file, the step and the key: a wrong journey must never reach a person
half-way through a procedure.

What belongs to the order of the file is the loader's: a step's ``next`` is by default the
step below it, and a step's part is the one named last above it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, Iterable, Mapping

from pydantic import ValidationError

from . import checks
from .kinds import KINDS, STEP_KINDS, Step
from .model import Journey, Part
from .pictograms import titles
from .schema import JourneyFile
from .site import CONTENT_DIR, SITE_FILE
from .values import EMPTY, ContentError


def parse_journey(data: Mapping[str, Any], source: str) -> Journey:
    """Build a Journey from the parsed TOML of one file (``source``: its name), or raise ContentError."""
    data = _with_file_order(data)
    try:
        entry = JourneyFile.model_validate(data)
    except ValidationError as error:
        raise ContentError(one_line(error, data, source)) from None
    steps: dict[str, Step] = {}
    for step in _inherit_parts(entry.steps, entry.parts, source):
        if step.id in steps:
            raise ContentError(f"{source} step '{step.id}': duplicate id")
        steps[step.id] = step
    for what, items in (("part", entry.parts), ("page", entry.pages)):
        ids = [item.id for item in items]
        twice = next((i for i in ids if ids.count(i) > 1), None)
        if twice:
            raise ContentError(f"{source} {what} '{twice}': duplicate id")
    journey = Journey(
        id=entry.id,
        title=entry.title,
        summary=entry.summary,
        pictogram=entry.pictogram,
        order=entry.order,
        needs=entry.needs,
        steps=steps,
        first=entry.first or entry.steps[0].id,
        related=entry.related,
        validated_by=entry.validation.by,
        validated_on=entry.validation.on,
        source=source,
        parts=entry.parts,
        pages={page.id: page for page in entry.pages},
    )
    checks.holds_together(journey)
    return journey


def _with_file_order(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """The file with each onward step's ``next`` given, where it is left out: the step below it."""
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list):
        return data
    steps = []
    for index, raw in enumerate(raw_steps):
        kind = KINDS.get(raw.get("kind")) if isinstance(raw, dict) else None
        if kind is not None and "next" in kind.model_fields and "next" not in raw:
            below = raw_steps[index + 1] if index + 1 < len(raw_steps) else {}
            raw = {**raw, "next": below.get("id", "") if isinstance(below, dict) else ""}
        steps.append(raw)
    return {**data, "steps": steps}


def _inherit_parts(steps: Iterable[Step], parts: tuple[Part, ...], where: str) -> list[Step]:
    """Give each step the part named last above it in the file."""
    declared = {p.id for p in parts}
    current = ""
    inherited: list[Step] = []
    for step in steps:
        if step.part and step.part not in declared:
            raise ContentError(f"{where} step '{step.id}': part '{step.part}' is not declared in [[parts]]")
        if parts and not step.part and not current:
            raise ContentError(f"{where} step '{step.id}': the first step of the file names its part")
        current = step.part or current
        inherited.append(step if step.part == current else step.model_copy(update={"part": current}))
    unused = [p.id for p in parts if p.id not in {s.part for s in inherited}]
    if unused:
        raise ContentError(f"{where} part '{unused[0]}': no step names this part")
    return inherited


# --------------------------------------------------------------------------- one line


#: The lists of a file whose items are named by their id in a message, and what each item is.
_NAMED = {"steps": "step", "parts": "part", "needs": "need", "pages": "page",
          "elements": "element", "choices": "choice"}


def one_line(error: ValidationError, data: Mapping[str, Any], source: str) -> str:
    """The first problem pydantic found, as one line: the file, the item (by its id), the key."""
    problem = error.errors(include_url=False)[0]
    loc = list(problem["loc"])
    where, node, keys = [source], data, []
    while loc:
        name = loc.pop(0)
        if name in _NAMED and loc and isinstance(loc[0], int):
            index = loc.pop(0)
            items = node.get(name) if isinstance(node, Mapping) else None
            node = items[index] if isinstance(items, list) and index < len(items) else None
            item_id = node.get("id") if isinstance(node, Mapping) else None
            where.append(f"{_NAMED[name]} '{item_id}'" if isinstance(item_id, str) else f"{_NAMED[name]} {index + 1}")
            keys = []
            if name == "steps" and loc and loc[0] in KINDS:
                loc.pop(0)  # the kind that pydantic read the step as
        elif isinstance(name, str):
            keys.append(name)  # a key, or a key of a table inside the item ("validation.on")
    return f"{' '.join(where)}: {_problem(problem, '.'.join(keys))}"


def _problem(problem: Mapping[str, Any], key: str) -> str:
    kind, ctx = problem["type"], problem.get("ctx") or {}
    if kind == "missing":
        return f"'{key}' is missing"
    if kind == "extra_forbidden":
        owners = [name for name, k in KINDS.items() if key in k.model_fields and key not in Step.model_fields]
        if owners:
            return f"only a {' or '.join(repr(o) for o in owners)} step has '{key}'"
        return f"unknown key(s) {key}"
    if kind == "union_tag_invalid":
        return f"unknown kind '{ctx.get('tag')}' (expected one of {', '.join(STEP_KINDS)})"
    if kind == "union_tag_not_found":
        return "'kind' is missing"
    if kind == "value_error":
        said = str(ctx.get("error", problem["msg"]))
        return f"'{key}' is empty" if said == EMPTY else said
    if kind == "string_pattern_mismatch":
        if key == "id":
            return "the id must be lowercase letters, digits and '-'"
        return f"'{key}' must be an id: lowercase letters, digits and '-'"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).removeprefix("'', ")  # "" is the default, not a choice
        if key == "kind":
            return f"unknown kind {problem['input']!r} (expected one of {expected})"
        return f"'{key}' is {expected}, not {problem['input']!r}"
    if kind == "too_short" and key == "steps":
        return "the journey has no steps"
    return f"'{key}': {problem['msg'][:1].lower()}{problem['msg'][1:]}"


# --------------------------------------------------------------------------- files and folders


def load_file(path: Path) -> Journey:
    """One journey file, checked on its own."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{path.name}: not valid TOML ({error})") from None
    return parse_journey(data, path.name)


def load_journeys(
    directory: Path = CONTENT_DIR,
    pictograms: Iterable[str] | None = None,
    fields: Iterable[str] | None = None,
    never_show: re.Pattern[str] | None = None,
) -> dict[str, Journey]:
    """Load and check every journey file of a folder, in home-page order.

    ``fields`` are the names of the practice fields a step may name (the app passes
    ``practice.rules.FIELD_RULES``); without them, field names are not checked.
    ``never_show`` is the pattern of the real site's address (the folder's site table):
    a screen practice shows never matches it. The folder's site file is no journey.
    """
    journeys: dict[str, Journey] = {}
    for path in sorted(directory.glob("*.toml")):
        if path.name == SITE_FILE:
            continue
        journey = load_file(path)
        checks.complete(journey)
        if never_show is not None:
            checks.never_shown(journey, never_show)
        if journey.id in journeys:
            raise ContentError(f"{path.name}: duplicate journey id '{journey.id}'")
        journeys[journey.id] = journey
    checks.references(journeys, titles() if pictograms is None else pictograms, fields)
    return dict(sorted(journeys.items(), key=lambda item: (item[1].order, item[0])))
