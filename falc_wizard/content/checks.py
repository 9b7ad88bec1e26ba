"""The checks that tie a journey together, once each file has its declared shape (schema.py).

Each raises ContentError with one line: the file, the step, the problem. ``holds_together``
runs those one file can pass or fail on its own; the loader adds ``never_shown`` (it needs
the folder's site table), ``references`` (pictograms and practice fields that exist) and
``complete`` (what a journey served to people must have; a draft or a checker fixture may
still lack it).
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

from .kinds import Step
from .model import Journey
from .pages import Page
from .values import GUIDE, NO_SOURCE, ContentError

#: What the helper reads on a screen that no official guide shows (``source = "aucun"``).
#: Every such step's helper note says it, in these exact words.
UNVERIFIED_NOTE = "Cet écran n'est pas dans les guides officiels : vérifiez sur le site."


def holds_together(journey: Journey) -> None:
    """Every check one file passes on its own: a graph with ends, parts in order, pages that hold."""
    graph(journey)
    parts_in_order(journey)
    practice_pages(journey)


def parts_in_order(journey: Journey) -> None:
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


def graph(journey: Journey) -> None:
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


def practice_pages(journey: Journey) -> None:
    """Refuse practice keys that do not hold together (one line, first problem found).

    - a step's page exists, its target is an element of that page, of the right
      kind (a field step types in a ``champ``; other steps press);
    - a choice's targets are all given or none, on the step's page, all different;
    - in a journey with pages (one that offers practice), every action and field
      step that practice shows names its page and target, and no step that
      practice shows before the end sends the person to the real site
      (``real_site``); that it never names the site's address is
      ``never_shown``, which needs the folder's site table.
    """
    where = journey.source
    pages = journey.pages
    practised = bool(pages)
    for step in journey.steps.values():
        swhere = f"{where} step '{step.id}'"
        page = pages.get(step.page) if step.page else None
        if step.page and page is None:
            raise ContentError(f"{swhere}: unknown page '{step.page}'")
        if step.target and page is None:
            raise ContentError(f"{swhere}: a target needs the step's 'page'")
        choice_targets = [c.target for c in step.choices]
        if any(choice_targets):
            if not all(choice_targets):
                raise ContentError(f"{swhere}: every choice names its target, or none does")
            if page is None:
                raise ContentError(f"{swhere}: choices with targets need the step's 'page'")
            if len(set(choice_targets)) != len(choice_targets):
                raise ContentError(f"{swhere}: two choices have the same target")
            for choice in step.choices:
                _target(page, choice.target, f"{swhere} choice '{choice.id}'", pressed=True)
        if step.target:
            _target(page, step.target, swhere, pressed=step.pressable)
        if not practised or step.only == GUIDE:
            continue
        if step.real_site:
            raise ContentError(f"{swhere}: practice never sends the person to the real site: add only = \"{GUIDE}\"")
        if step.needs_target and not (step.page and step.target):
            raise ContentError(
                f"{swhere}: a practice {step.kind} step names its 'page' and 'target' (or is only = \"{GUIDE}\")"
            )


def never_shown(journey: Journey, address: re.Pattern[str]) -> None:
    """Refuse a screen that practice shows before the end and that names the real site's
    address (``address``: the ``never_show`` pattern of the folder's site table)."""
    if not journey.pages:
        return
    for step in journey.steps.values():
        if step.only == GUIDE or step.is_end:
            continue
        shown = (*step.sentences, step.label, step.help_title, *step.help, *(c.text for c in step.choices))
        if any(address.search(text) for text in shown):
            raise ContentError(
                f"{journey.source} step '{step.id}': practice shows this screen, so it never names the real"
                f" site's address (say it on a screen with only = \"{GUIDE}\")"
            )


def _target(page: Page, target: str, where: str, pressed: bool) -> None:
    element = page.element(target)
    if element is None:
        raise ContentError(f"{where}: target '{target}' is not an element of page '{page.id}'")
    if pressed and not element.pressed:
        raise ContentError(f"{where}: target '{target}' is a field (champ): only a field step types in it")
    if not pressed and element.pressed:
        raise ContentError(f"{where}: a field step's target is a field (champ), not a {element.kind}")


def references(
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


def complete(journey: Journey) -> None:
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
    """True for a field step with no label whose field no seed names (pages.Element.unseen)."""
    page = journey.pages.get(step.page)
    element = page.element(step.target) if page else None
    return not step.label and element is not None and element.unseen
