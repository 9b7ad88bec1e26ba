"""The engine alone: paths, answers, back, progress, and state from a cookie."""

import copy
import tomllib
from pathlib import Path

import pytest

from falc_wizard import engine
from falc_wizard.content import DONE, parse_journey

DEMO = Path(__file__).parent.parent / "fixtures" / "steps" / "demo.toml"


@pytest.fixture(scope="module")
def demo_data():
    return tomllib.loads(DEMO.read_text(encoding="utf-8"))


def walk_to(demo, answers):
    """The walk after these answers, each given through ``Walk.advance``."""
    walk = engine.walk(demo, engine.start(demo))
    for step_id, answer in answers:
        walk = walk.advance(step_id, answer)
    return walk


def test_a_new_state_stands_on_the_first_step(demo):
    state = engine.start(demo)
    assert engine.path(demo, state) == ["debut"]
    assert engine.walk(demo, state).frontier == "debut"


def test_advance_follows_the_choice(demo):
    walk = walk_to(demo, [("debut", DONE), ("carte", "avec-photo")])
    assert walk.steps == ("debut", "carte", "serie-avec-photo") and walk.frontier == "serie-avec-photo"
    assert walk_to(demo, [("debut", DONE), ("carte", "sans-photo")]).frontier == "serie-sans-photo"


def test_a_step_not_yet_reachable_resolves_to_the_frontier(demo):
    walk = walk_to(demo, [("debut", DONE)])
    assert walk.resolve("fin") == "carte"
    assert walk.resolve("debut") == "debut"
    assert walk.resolve("nowhere") == "carte"
    assert walk.reaches("carte") and not walk.reaches("fin")
    with pytest.raises(engine.InvalidMove):
        walk.advance("fin", DONE)


def test_an_answer_the_step_does_not_offer_is_refused(demo):
    walk = walk_to(demo, [("debut", DONE)])
    with pytest.raises(engine.InvalidMove):
        walk.advance("carte", "bleue")
    with pytest.raises(engine.InvalidMove):
        walk.advance("debut", "avec-photo")
    with pytest.raises(engine.InvalidMove):
        walk.advance("nowhere", DONE)


def test_going_back_keeps_every_answer(demo):
    walk = walk_to(demo, [("debut", DONE), ("carte", "avec-photo"), ("serie-avec-photo", DONE)])
    assert walk.previous_step("verifier") == "serie-avec-photo"
    assert walk.previous_step("debut") is None
    assert walk.previous_step("fin") is None  # not on the path
    # Re-doing an earlier step with the same answer changes nothing.
    again = walk.advance("debut", DONE)
    assert again == walk and again.state.answers == walk.state.answers
    assert again.next_step("debut") == "carte"
    assert again.next_step("verifier") == "verifier"  # the frontier is last
    assert again.place("carte") == 1 and again.place("fin") is None


def test_changing_a_choice_drops_only_the_steps_off_the_new_path(demo):
    walk = walk_to(demo, [
        ("debut", DONE), ("carte", "avec-photo"), ("serie-avec-photo", DONE), ("verifier", DONE), ("envoi", "sms"),
    ])
    changed = walk.advance("carte", "sans-photo")
    assert changed.state.answers == {"debut": DONE, "carte": "sans-photo"}
    assert changed.frontier == "serie-sans-photo"
    # Once the new branch rejoins, the later answer is there again only if kept:
    # 'envoi' was dropped because the path to it broke at an unanswered step.
    rejoined = changed.advance("serie-sans-photo", DONE)
    assert rejoined.frontier == "envoi"


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


def test_progress_counts_parts_and_the_screens_within_a_part(demo_data):
    # The card part holds 'carte', a series screen, 'verifier': 3 screens on each branch.
    journey = with_parts(demo_data)
    assert journey.part_screens == {"debut": 1, "carte": 3, "fin": 2}
    state = walk_to(journey, [("debut", DONE)]).state
    assert engine.progress(journey, state, "debut") == engine.Progress(1, 3, "Je commence", 1, 1)
    assert engine.progress(journey, state, "carte") == engine.Progress(2, 3, "Ma carte", 1, 3)
    avec = engine.walk(journey, state).advance("carte", "avec-photo").state
    assert engine.progress(journey, avec, "serie-avec-photo") == engine.Progress(2, 3, "Ma carte", 2, 3)
    avec = engine.walk(journey, avec).advance("serie-avec-photo", DONE).state
    assert engine.progress(journey, avec, "verifier") == engine.Progress(2, 3, "Ma carte", 3, 3)
    avec = engine.walk(journey, avec).advance("verifier", DONE).state
    assert engine.progress(journey, avec, "envoi") == engine.Progress(3, 3, "Je finis", 1, 2)
    # The dots are the part's screens: one more fills on every press.
    assert engine.Progress(2, 3, "Ma carte", 2, 3).dots == ("done", "current", "ahead")
    assert engine.Progress(2, 3).dots == ("done", "current", "ahead")  # without parts: the steps


def test_a_shorter_branch_counts_its_own_screens_against_the_same_total(demo_data):
    # Without a photo, the card part has 2 screens ('carte', the series): still "sur 3".
    journey = with_parts(demo_data)
    sans = walk_to(journey, [("debut", DONE), ("carte", "sans-photo")]).state
    assert engine.progress(journey, sans, "serie-sans-photo") == engine.Progress(2, 3, "Ma carte", 2, 3)
    sans = engine.walk(journey, sans).advance("serie-sans-photo", DONE).state
    assert engine.progress(journey, sans, "envoi") == engine.Progress(3, 3, "Je finis", 1, 2)


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
                state = engine.walk(journey, state).advance(step_id, answer).state
        assert positions == sorted(positions) and positions[0] == 1
        assert positions[-1] == shown.total  # the end is the last place
    assert totals == ({3} if parts else {6})  # demo: 3 parts, or its longest walk of 6 screens


def test_without_parts_the_screens_count_against_the_longest_walk(demo):
    state = walk_to(demo, [("debut", DONE)]).state
    assert engine.progress(demo, state, "carte") == engine.Progress(2, 6)
    sans = engine.walk(demo, state).advance("carte", "sans-photo").state
    assert engine.progress(demo, sans, "serie-sans-photo") == engine.Progress(3, 6)


def test_restart_forgets_answers_and_keeps_the_mode(demo):
    state = engine.walk(demo, engine.start(demo, practice=True)).advance("debut", DONE).state
    fresh = engine.restart(demo, state)
    assert fresh.answers == {} and fresh.practice


def test_the_stored_form_round_trips_and_holds_only_ids(demo):
    walk = walk_to(demo, [("debut", DONE), ("carte", "avec-photo")])
    stored = walk.state.to_dict()
    assert stored == {"j": "demo", "a": {"debut": DONE, "carte": "avec-photo"}}
    assert engine.State.from_dict(stored, demo) == walk.state
    assert engine.read(stored, demo) == walk


@pytest.mark.parametrize("stored", [
    None, "x", 3, [], {"j": "autre", "a": {}}, {"j": "demo", "a": "x"},
    {"j": "demo", "a": {"carte": "avec-photo"}},            # skips the first step
    {"j": "demo", "a": {"debut": DONE, "carte": "rouge"}},  # unknown choice
    {"j": "demo", "a": {"debut": 1}},
])
def test_a_foreign_or_stale_cookie_gives_a_usable_state(demo, stored):
    walk = engine.read(stored, demo)
    assert walk.frontier in demo.steps
    assert set(walk.state.answers) <= set(walk.steps)
    assert walk.state == engine.State.from_dict(stored, demo)


def test_all_paths_lists_each_branch(demo):
    paths = engine.all_paths(demo)
    assert sorted(len(p) for p in paths) == [5, 5, 6, 6]
    assert all(p[0] == "debut" and p[-1] == "fin" for p in paths)


def test_a_request_walks_the_journey_graph_once(demo, monkeypatch):
    """Reading the state gives the whole walk: showing, going back or on asks no new walk."""
    stored = walk_to(demo, [("debut", DONE), ("carte", "avec-photo")]).state.to_dict()
    walks = []
    real = engine._keep_path
    monkeypatch.setattr(engine, "_keep_path", lambda *args: walks.append(1) or real(*args))
    walk = engine.read(stored, demo)
    assert (walk.resolve("fin"), walk.previous_step("serie-avec-photo"), walk.next_step("carte")) == (
        "serie-avec-photo", "carte", "serie-avec-photo")
    assert len(walks) == 1
    after = walk.advance("serie-avec-photo", DONE)
    assert len(walks) == 2
    # The next request, with the answers as stored, walks them to the same path.
    assert engine.read(after.state.to_dict(), demo) == after


def test_a_stored_answer_that_is_not_text_is_dropped(demo):
    assert engine.read({"j": "demo", "a": {"debut": [1]}}, demo).steps == ("debut",)
