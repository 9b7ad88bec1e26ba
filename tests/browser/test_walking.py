"""The walks the browser suite takes: few, and together through every choice."""

import pytest

from falc_wizard import engine
from falc_wizard.content import load_journeys
from .walking import all_walks, choice_edges, covering_walks, field_steps, field_walks, shortest_walk, steps_of, walks_for

JOURNEYS = load_journeys()


@pytest.mark.parametrize("journey_id", list(JOURNEYS))
def test_covering_walks_take_every_choice_of_every_choice_step(journey_id):
    journey = JOURNEYS[journey_id]
    walks = covering_walks(journey)
    every_choice = {(s.id, c.id) for s in journey.in_mode(False).steps.values() if s.kind == "choice" for c in s.choices}
    taken = set().union(*(choice_edges(journey, w) for w in walks))
    assert taken == every_choice
    # Real walks of the journey (the engine agrees), each adding a choice not taken before it.
    paths = engine.all_paths(journey)
    seen = set()
    for walk in walks:
        assert steps_of(walk) in paths
        new = choice_edges(journey, walk) - seen
        assert new or not every_choice
        seen |= new


@pytest.mark.parametrize("journey_id", list(JOURNEYS))
def test_all_walks_are_the_engine_paths_with_their_answers(journey_id):
    journey = JOURNEYS[journey_id]
    walks = all_walks(journey)
    assert sorted(map(steps_of, walks)) == sorted(engine.all_paths(journey))
    for walk in walks:
        for (step_id, answer), (following, _) in zip(walk, walk[1:]):
            assert journey.in_mode(False).steps[step_id].next_for(answer) == following
        assert journey.steps[walk[-1][0]].is_end and walk[-1][1] is None
    assert shortest_walk(journey) in walks


def test_covering_is_much_smaller_than_every_path():
    """The point of it: activer has dozens of paths, a handful cover its choices."""
    activer = JOURNEYS["activer"]
    assert len(covering_walks(activer)) * 3 <= len(all_walks(activer))


def test_covering_a_small_graph(demo):
    """On the small demo journey of tests/fixtures too (a journey made for tests)."""
    walks = covering_walks(demo)
    choices = {(s.id, c.id) for s in demo.steps.values() if s.kind == "choice" for c in s.choices}
    assert set().union(*(choice_edges(demo, w) for w in walks)) == choices
    assert len(walks) <= max(1, len(choices))


@pytest.mark.parametrize("journey_id", list(JOURNEYS))
def test_practice_walks_reach_every_field_and_guide_walks_every_choice(journey_id):
    journey = JOURNEYS[journey_id]
    paths = engine.all_paths(journey, practice=True)
    # Every field a practice walk can reach (a guide-only choice is passed by its first answer).
    every_field = {s for path in paths for s in path if journey.steps[s].kind == "field"}
    walks = field_walks(journey)
    assert set().union(*(field_steps(journey, w) for w in walks)) == every_field
    assert all(steps_of(w) in paths for w in walks)
    assert walks_for(journey, practice=True) == walks
    assert walks_for(journey, practice=False) == covering_walks(journey)
    if not every_field:
        assert walks == [shortest_walk(journey, practice=True)]
