"""Every journey in the real browser: every branch in guide and practice mode (one walk
per journey and mode with the keyboard alone, the others with the mouse), with an
axe-core and size audit of every page reached; one full path per journey with
JavaScript turned off."""

import pytest

from falc_wizard.journeys import load_journeys
from support import VALID

from .audit import Auditor
from .browsing import context_options
from .walking import covering_walks, shortest_walk, walk

JOURNEYS = load_journeys()
MODES = pytest.mark.parametrize("practice", [False, True], ids=["guide", "practice"])


@pytest.fixture(scope="session")
def audited_pages():
    """Pages already audited in this session: each distinct page is audited once."""
    return set()


@pytest.fixture
def auditor(audited_pages):
    return Auditor(audited_pages)


# Every branch, in each mode: the covering walks of the journey (walking.covering_walks).
# The first one is walked with the keyboard alone, the others with the mouse, so that
# each branch is walked once per mode and the suite stays within a few minutes.

@MODES
@pytest.mark.parametrize("journey_id", list(JOURNEYS))
def test_the_first_branches_with_the_keyboard_alone(page, live_server, auditor, journey_id, practice):
    journey = JOURNEYS[journey_id]
    walk(page, live_server, journey, covering_walks(journey)[0], practice, VALID, auditor=auditor, keyboard=True)
    auditor.assert_clean()


@MODES
@pytest.mark.parametrize("journey_id", list(JOURNEYS))
def test_the_other_branches_with_the_mouse(page, live_server, auditor, journey_id, practice):
    journey = JOURNEYS[journey_id]
    walks = covering_walks(journey)[1:] or covering_walks(journey)  # a journey without choice: its one walk
    for one_walk in walks:
        walk(page, live_server, journey, one_walk, practice, VALID, auditor=auditor)
    auditor.assert_clean()


@pytest.mark.parametrize("journey_id", list(JOURNEYS))
def test_a_whole_path_without_javascript(chromium, live_server, journey_id):
    """Practice mode, so the practice fields are checked by the server alone too."""
    context = chromium.new_context(**context_options(java_script_enabled=False))
    try:
        page = context.new_page()
        journey = JOURNEYS[journey_id]
        walk(page, live_server, journey, shortest_walk(journey), True, VALID)
    finally:
        context.close()
