"""Every journey in the real browser: every branch in guide mode and every practice field
in practice mode (one walk per journey and mode with the keyboard alone, the others with
the mouse), with an axe-core and size audit of every page reached; one full path per
journey with JavaScript turned off.

Practice mode changes only the field screens, so it walks the few paths that reach every
field (walking.field_walks), not every branch again: the engine's choices are the same in
both modes, and every path is walked in both modes by the test client (tests/web)."""

import pytest

from falc_wizard.content import load_journeys
from support import VALID

from .audit import Auditor
from .browsing import context_options
from .walking import shortest_walk, walk, walks_for

JOURNEYS = load_journeys()


@pytest.fixture(scope="session")
def audited_pages():
    """Pages already audited in this session: each distinct page is audited once."""
    return set()


@pytest.fixture
def auditor(audited_pages):
    return Auditor(audited_pages)


# The first walk of each journey and mode is walked with the keyboard alone, the
# others (if any) with the mouse: together they take every choice and every field once.

#: Each journey in each of its modes (a journey with nothing to practise has no practice).
#: With pytest-xdist (`make test`: 2 workers, --dist loadgroup), the walks of one journey
#: run in the same worker, so that each page is audited once (the cache is per worker).
JOURNEY_MODES = pytest.mark.parametrize("journey_id, practice", [
    pytest.param(journey_id, practice, id=f"{journey_id}-{'practice' if practice else 'guide'}",
                 marks=pytest.mark.xdist_group(f"walks-{journey_id}"))
    for journey_id, journey in JOURNEYS.items()
    for practice in ((False, True) if journey.has_practice else (False,))
])


@JOURNEY_MODES
def test_the_first_walk_with_the_keyboard_alone(page, live_server, auditor, journey_id, practice):
    journey = JOURNEYS[journey_id]
    walk(page, live_server, journey, walks_for(journey, practice)[0], practice, VALID, auditor=auditor, keyboard=True)
    auditor.assert_clean()


MOUSE_CASES = [
    pytest.param(journey_id, practice, id=f"{journey_id}-{'practice' if practice else 'guide'}",
                 marks=pytest.mark.xdist_group(f"walks-{journey_id}"))
    for journey_id, journey in JOURNEYS.items()
    for practice in ((False, True) if journey.has_practice else (False,))
    if len(walks_for(journey, practice)) > 1
]


@pytest.mark.parametrize("journey_id, practice", MOUSE_CASES)
def test_the_other_walks_with_the_mouse(page, live_server, auditor, journey_id, practice):
    journey = JOURNEYS[journey_id]
    for one_walk in walks_for(journey, practice)[1:]:
        walk(page, live_server, journey, one_walk, practice, VALID, auditor=auditor)
    auditor.assert_clean()


@pytest.mark.parametrize("journey_id", list(JOURNEYS))
def test_a_whole_path_without_javascript(chromium, live_server, journey_id):
    """Practice mode, so the practice fields are checked by the server alone too."""
    context = chromium.new_context(**context_options(java_script_enabled=False))
    try:
        page = context.new_page()
        journey = JOURNEYS[journey_id]
        walk(page, live_server, journey, shortest_walk(journey, practice=journey.has_practice), journey.has_practice, VALID)
    finally:
        context.close()
