"""The shipped journeys against what the seeds say they must be.

One suite for every journey, reading its expectations from tests/content/<journey>.toml
(format: tests/content/README.md). Adding a
journey means adding a data file, not Python. What each data file records comes from the
seeds (shared/seeds): the real labels met along each route, in the seed's order, the parts,
the facts a step must say, the order of screens.

For every journey the suite also checks what all content must be: every step
names its source seed (or "aucun"); "Étape n sur N, écran k sur M" moves on every screen
and keeps its totals down every walk, in both modes; no part shows more than 12 screens on a
walk; the longest walk is within the budget; every field step has its own label; a phone
pictures only a code that comes by SMS.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from falc_wizard import engine
from falc_wizard.content import NO_SOURCE, load_journeys

CONTENT = Path(__file__).resolve().parents[1] / "content"
#: The source documents (shared/seeds, beside the project's checkout).
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
EXPECTED = {path.stem: tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(CONTENT.glob("*.toml"))}
JOURNEYS = load_journeys()


def journey_of(data):
    return JOURNEYS[data["journey"]]


def _walk_with_progress(journey, picks, practice=False):
    """Walk one path through the engine, as a person would: the progress shown on each screen."""
    steps = journey.walk(picks, practice)
    state, shown = engine.start(journey, practice), []
    for step in steps:
        shown.append(engine.progress(journey, state, step.id))
        if not step.is_end:
            answer = picks[step.id] if step.has_choices else engine.DONE
            state = engine.walk(journey, state).advance(step.id, answer).state
    return steps, shown


PARTS = [pytest.param(name, id=name) for name, data in EXPECTED.items() if "parts" in data]

#: The most screens one part shows on a walk (docs/GUIDE-CONTENU.md: longer, it is cut in 2).
MOST_SCREENS_IN_A_PART = 12

ROUTES = [
    pytest.param(name, route, id=f"{name}: {route['name']}")
    for name, data in EXPECTED.items()
    for route in data["routes"]
]


def _labels_met(journey, picks) -> tuple[str, ...]:
    return tuple(step.label for step in journey.walk(picks) if step.label)


def test_every_shipped_journey_has_a_data_file():
    assert set(EXPECTED) == set(JOURNEYS)
    for name, data in EXPECTED.items():
        assert data["journey"] == name


@pytest.mark.parametrize("name, route", ROUTES)
def test_each_route_of_the_seeds_is_walked_with_its_labels_in_order(name, route):
    journey = JOURNEYS[name]
    met = {_labels_met(journey, picks) for picks in journey.all_picks()}
    assert tuple(route["labels"]) in met, f"no walk meets the labels of {route['name']!r} in this order"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_walk_meets_the_labels_of_a_route_of_the_seeds(name):
    journey = JOURNEYS[name]
    routes = {tuple(route["labels"]) for route in EXPECTED[name]["routes"]}
    for picks in journey.all_picks():
        assert _labels_met(journey, picks) in routes, (picks, _labels_met(journey, picks))


@pytest.mark.parametrize("name", PARTS)
def test_the_parts_are_the_seeds_steps_in_order(name):
    assert [part.title for part in JOURNEYS[name].parts] == EXPECTED[name]["parts"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_order_of_screens(name):
    data, journey = EXPECTED[name], JOURNEYS[name]
    for rule in data.get("before", []):
        seen = 0
        for picks in journey.all_picks():
            ids = [s.id for s in journey.walk(picks)]
            if rule["first"] in ids and rule["then"] in ids:
                seen += 1
                first, then = ids.index(rule["first"]), ids.index(rule["then"])
                assert first < then, rule
                if rule.get("right_before"):
                    assert then == first + 1, rule
        assert seen, f"no path holds both {rule['first']} and {rule['then']}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_facts_each_step_says(name):
    data, journey = EXPECTED[name], JOURNEYS[name]
    for fact in data.get("says", []):
        step = journey.steps[fact["step"]]
        said = [*step.sentences, *step.help, step.help_title, *(c.text for c in step.choices)]
        assert fact["text"] in said, (step.id, fact["text"])


# ------------------------------------------------------------------ every journey


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_step_names_its_source(name):
    journey = JOURNEYS[name]
    for step in journey.steps.values():
        assert step.sources, f"{name} step '{step.id}': no source"
        assert all(s == NO_SOURCE or (len(s) == 3 and s.isdigit()) for s in step.sources), step.id


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_total_never_changes_down_a_walk(name):
    journey = JOURNEYS[name]
    totals = set()
    for picks in journey.all_picks():
        steps, shown = _walk_with_progress(journey, picks)
        positions = [p.position for p in shown]
        assert positions == sorted(positions), (picks, positions)
        assert positions[0] == 1 and positions[-1] == shown[-1].total
        totals.update(p.total for p in shown)
    assert len(totals) == 1, totals


@pytest.mark.parametrize("practice", [False, True], ids=["guide", "practice"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_progress_moves_on_every_screen_of_every_walk(name, practice):
    """FALC rule 16: every press moves "Étape n sur N, écran k sur M", and no total changes.

    N is the journey's; M is each part's, the same on every walk of the mode."""
    journey = JOURNEYS[name]
    totals, screens_of_part, walks = set(), {}, 0
    for picks in journey.all_picks(practice):
        steps, shown = _walk_with_progress(journey, picks, practice)
        walks += 1
        assert (shown[0].position, shown[0].screen) == (1, 1)
        for before, after, step in zip(shown, shown[1:], steps[1:]):
            assert (after.position, after.screen) in {
                (before.position, before.screen + 1), (before.position + 1, 1)}, (picks, step.id, before, after)
        for progress in shown:
            assert 1 <= progress.screen <= progress.screens
            totals.add(progress.total)
            screens_of_part.setdefault(progress.position, set()).add(progress.screens)
        assert shown[-1].position == shown[-1].total
    assert walks and len(totals) == 1, totals
    assert all(len(screens) == 1 for screens in screens_of_part.values()), screens_of_part


@pytest.mark.parametrize("practice", [False, True], ids=["guide", "practice"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_part_shows_more_than_12_screens_on_any_walk(name, practice):
    """Counted on each walk as the person sees it, in each mode: a longer part is cut in 2."""
    journey = JOURNEYS[name]
    for picks in journey.all_picks(practice):
        shown = Counter(step.part for step in journey.walk(picks, practice))
        part, screens = shown.most_common(1)[0]
        assert screens <= MOST_SCREENS_IN_A_PART, (picks, part, screens)


#: What a sentence says of where a code comes from.
_BY_PHONE = re.compile(r"\bSMS\b|téléphone", re.IGNORECASE)
_BY_EMAIL = re.compile(r"e-mail|\badresse\b", re.IGNORECASE)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_phone_pictures_only_a_code_that_comes_by_sms(name):
    """A pictogram has one meaning: « code-unique » (a code on a phone) is on a screen, or in its
    help, only where the code comes to the phone; where it may come by e-mail too, the picture
    is the code alone (« code-chiffres »)."""
    for step in JOURNEYS[name].steps.values():
        if "code-unique" not in step.pictograms():
            continue
        about_codes = [s for s in (*step.sentences, *step.help) if "code" in s.lower()]
        assert any(_BY_PHONE.search(s) for s in about_codes), (step.id, about_codes)
        assert not any(_BY_EMAIL.search(s) for s in about_codes), (step.id, about_codes)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_longest_walk_is_within_the_budget(name):
    data, journey = EXPECTED[name], JOURNEYS[name]
    longest = max(len(journey.walk(p)) for p in journey.all_picks())
    assert longest == journey.longest_walk
    assert longest <= data["longest"], f"{name}: {longest} screens, budget {data['longest']}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_field_step_has_its_own_label(name):
    """The real field's name, or none at all where no seed shows it (its drawn element is
    ``source = "aucun"``): a label no seed shows is never borrowed."""
    journey = JOURNEYS[name]
    for step in journey.steps.values():
        if step.field:
            if not step.label:
                assert journey.pages[step.page].element(step.target).unseen, step.id
                continue
            assert step.label not in step.sentences, step.id


def _plain(text: str) -> str:
    """The words of a seed or a label: markdown links, bold and escapes out, spaces and case aside."""
    text = re.sub(r"\]\([^)]*\)", "", text).translate({ord(c): None for c in "[*\\"})
    return " ".join(text.split()).lower()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_what_is_drawn_as_the_site_comes_from_its_cited_seed(name):
    """Every label drawn on a copy of a real page, and the line under it, is in one of the
    seeds its page cites (FALC rule 20): the seed texts are read, spaces and case aside."""
    seeds = {path.name[:3]: _plain(path.read_text(encoding="utf-8")) for path in SEEDS.glob("0*.txt")}
    journey = JOURNEYS[name]
    for page in journey.pages.values():
        cited = " ".join(seeds[s] for s in page.sources)
        for element in page.elements:
            if element.unseen:
                continue
            for drawn in filter(None, (element.label, element.detail)):
                assert _plain(drawn) in cited, f"{name} page '{page.id}': « {drawn} » is not in {page.sources}"
