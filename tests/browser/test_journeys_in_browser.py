"""Every journey in the real browser: every branch with the mouse, in guide and practice
mode, with an axe-core and size audit of every page reached; one path per journey and
mode with the keyboard alone; one full path per journey with JavaScript turned off."""

import pytest

from audit import Auditor
from conftest import context_options
from falc_wizard.journeys import load_journeys
from walking import covering_walks, shortest_walk, walk

from web.test_journeys_walk import VALID

JOURNEYS = load_journeys()
MODES = pytest.mark.parametrize("practice", [False, True], ids=["guide", "practice"])


@pytest.fixture(scope="session")
def audited_pages():
    """Pages already audited in this session: each distinct page is audited once."""
    return set()


@pytest.fixture
def auditor(audited_pages):
    return Auditor(audited_pages)


@MODES
@pytest.mark.parametrize("journey_id", list(JOURNEYS))
def test_every_branch_with_the_mouse(page, live_server, auditor, journey_id, practice):
    journey = JOURNEYS[journey_id]
    for one_walk in covering_walks(journey):
        walk(page, live_server, journey, one_walk, practice, VALID, auditor=auditor)
    auditor.assert_clean()


@MODES
@pytest.mark.parametrize("journey_id", list(JOURNEYS))
def test_a_whole_path_with_the_keyboard_alone(page, live_server, journey_id, practice):
    journey = JOURNEYS[journey_id]
    walk(page, live_server, journey, shortest_walk(journey), practice, VALID, keyboard=True)


@pytest.mark.parametrize("journey_id", list(JOURNEYS))
def test_a_whole_path_without_javascript(browser, live_server, journey_id):
    """Practice mode, so the practice fields are checked by the server alone too."""
    context = browser.new_context(**context_options(java_script_enabled=False))
    try:
        page = context.new_page()
        journey = JOURNEYS[journey_id]
        walk(page, live_server, journey, shortest_walk(journey), True, VALID)
    finally:
        context.close()
