"""The engine alone: paths, answers, back, progress, and state from a cookie."""

import copy
import tomllib
from pathlib import Path

import pytest

from falc_wizard import engine
from falc_wizard.journeys import DONE, parse_journey

DEMO = Path(__file__).parent.parent / "fixtures" / "steps" / "demo.toml"


@pytest.fixture(scope="module")
def demo_data():
    return tomllib.loads(DEMO.read_text(encoding="utf-8"))


def walk_to(demo, answers):
    state = engine.start(demo)
    for step_id, answer in answers:
        state = engine.advance(demo, state, step_id, answer)
    return state


def test_a_new_state_stands_on_the_first_step(demo):
    state = engine.start(demo)
    assert engine.path(demo, state) == ["debut"]
    assert engine.frontier(demo, state) == "debut"


def test_advance_follows_the_choice(demo):
    state = walk_to(demo, [("debut", DONE), ("carte", "avec-photo")])
    assert engine.frontier(demo, state) == "serie-avec-photo"
    state = walk_to(demo, [("debut", DONE), ("carte", "sans-photo")])
    assert engine.frontier(demo, state) == "serie-sans-photo"


def test_a_step_not_yet_reachable_resolves_to_the_frontier(demo):
    state = walk_to(demo, [("debut", DONE)])
    assert engine.resolve(demo, state, "fin") == "carte"
    assert engine.resolve(demo, state, "debut") == "debut"
    with pytest.raises(engine.InvalidMove):
        engine.advance(demo, state, "fin", DONE)


def test_an_answer_the_step_does_not_offer_is_refused(demo):
    state = walk_to(demo, [("debut", DONE)])
    with pytest.raises(engine.InvalidMove):
        engine.advance(demo, state, "carte", "bleue")
    with pytest.raises(engine.InvalidMove):
        engine.advance(demo, state, "debut", "avec-photo")


def test_going_back_keeps_every_answer(demo):
    state = walk_to(demo, [("debut", DONE), ("carte", "avec-photo"), ("serie-avec-photo", DONE)])
    assert engine.previous_step(demo, state, "verifier") == "serie-avec-photo"
    assert engine.previous_step(demo, state, "debut") is None
    # Re-doing an earlier step with the same answer changes nothing.
    again = engine.advance(demo, state, "debut", DONE)
    assert again.answers == state.answers
    assert engine.next_step(demo, again, "debut") == "carte"


def test_changing_a_choice_drops_only_the_steps_off_the_new_path(demo):
    state = walk_to(demo, [
        ("debut", DONE), ("carte", "avec-photo"), ("serie-avec-photo", DONE), ("verifier", DONE), ("envoi", "sms"),
    ])
    changed = engine.advance(demo, state, "carte", "sans-photo")
    assert changed.answers == {"debut": DONE, "carte": "sans-photo"}
    assert engine.frontier(demo, changed) == "serie-sans-photo"
    # Once the new branch rejoins, the later answer is there again only if kept:
    # 'envoi' was dropped because the path to it broke at an unanswered step.
    rejoined = engine.advance(demo, changed, "serie-sans-photo", DONE)
    assert engine.frontier(demo, rejoined) == "envoi"


def with_parts(demo_data):
    """The demo journey cut in 3 parts: the start, the card (both branches), the end."""
    data = copy.deepcopy(demo_data)
    data["parts"] = [
        {"id": "debut", "title": "Je commence"},
        {"id": "carte", "title": "Ma carte"},
        {"id": "fin", "title": "Je finis"},
    ]
    for step in data["steps"]:
        step["part"] = {"debut": "debut", "carte": "carte", "envoi": "fin"}.get(step["id"], step.get("part", ""))
        if not step["part"]:
            del step["part"]
    return parse_journey(data, "demo.toml")


def test_progress_counts_parts_and_names_the_part(demo_data):
    journey = with_parts(demo_data)
    state = walk_to(journey, [("debut", DONE)])
    assert engine.progress(journey, state, "debut") == engine.Progress(1, 3, "Je commence")
    assert engine.progress(journey, state, "carte") == engine.Progress(2, 3, "Ma carte")
    avec = engine.advance(journey, state, "carte", "avec-photo")
    assert engine.progress(journey, avec, "serie-avec-photo") == engine.Progress(2, 3, "Ma carte")
    assert engine.progress(journey, avec, "verifier") == engine.Progress(2, 3, "Ma carte")
    assert engine.progress(journey, avec, "fin") == engine.Progress(3, 3, "Je finis")
    assert list(engine.Progress(2, 3).done) == [1] and list(engine.Progress(2, 3).ahead) == [3]


@pytest.mark.parametrize("parts", [False, True], ids=["screens", "parts"])
def test_the_total_never_changes_down_any_walk(demo_data, parts):
    journey = with_parts(demo_data) if parts else parse_journey(copy.deepcopy(demo_data), "demo.toml")
    totals = set()
    for steps in engine.all_paths(journey):
        state, positions = engine.start(journey), []
        for step_id in steps:
            shown = engine.progress(journey, state, step_id)
            totals.add(shown.total)
            positions.append(shown.position)
            if not journey.steps[step_id].is_end:
                following = steps[steps.index(step_id) + 1]
                answer = next(a for a in journey.steps[step_id].answers()
                              if journey.steps[step_id].next_for(a) == following)
                state = engine.advance(journey, state, step_id, answer)
        assert positions == sorted(positions) and positions[0] == 1
        assert positions[-1] == shown.total  # the end is the last place
    assert totals == ({3} if parts else {6})  # demo: 3 parts, or its longest walk of 6 screens


def test_without_parts_the_screens_count_against_the_longest_walk(demo):
    state = walk_to(demo, [("debut", DONE)])
    assert engine.progress(demo, state, "carte") == engine.Progress(2, 6)
    sans = engine.advance(demo, state, "carte", "sans-photo")
    assert engine.progress(demo, sans, "serie-sans-photo") == engine.Progress(3, 6)


def test_restart_forgets_answers_and_keeps_the_mode(demo):
    state = engine.advance(demo, engine.start(demo, practice=True), "debut", DONE)
    fresh = engine.restart(demo, state)
    assert fresh.answers == {} and fresh.practice


def test_the_stored_form_round_trips_and_holds_only_ids(demo):
    state = walk_to(demo, [("debut", DONE), ("carte", "avec-photo")])
    stored = state.to_dict()
    assert stored == {"j": "demo", "a": {"debut": DONE, "carte": "avec-photo"}}
    assert engine.State.from_dict(stored, demo) == state


@pytest.mark.parametrize("stored", [
    None, "x", 3, [], {"j": "autre", "a": {}}, {"j": "demo", "a": "x"},
    {"j": "demo", "a": {"carte": "avec-photo"}},            # skips the first step
    {"j": "demo", "a": {"debut": DONE, "carte": "rouge"}},  # unknown choice
    {"j": "demo", "a": {"debut": 1}},
])
def test_a_foreign_or_stale_cookie_gives_a_usable_state(demo, stored):
    state = engine.State.from_dict(stored, demo)
    assert engine.frontier(demo, state) in demo.steps
    assert set(state.answers) <= set(engine.path(demo, state))


def test_all_paths_lists_each_branch(demo):
    paths = engine.all_paths(demo)
    assert sorted(len(p) for p in paths) == [5, 5, 6, 6]
    assert all(p[0] == "debut" and p[-1] == "fin" for p in paths)
