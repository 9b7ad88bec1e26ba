"""The engine alone: paths, answers, back, progress, and state from a cookie."""

import pytest

from falc_wizard import engine
from falc_wizard.journeys import DONE


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


def test_progress_counts_the_branch_taken(demo):
    state = walk_to(demo, [("debut", DONE)]).state
    assert engine.progress(demo, state, "carte").position == 2
    assert engine.progress(demo, state, "carte").total == 5  # first choice assumed: without photo
    avec = engine.walk(demo, state).advance("carte", "avec-photo").state
    progress = engine.progress(demo, avec, "serie-avec-photo")
    assert (progress.position, progress.total) == (3, 6)
    assert progress.done == ("debut", "carte")
    assert progress.ahead == ("verifier", "envoi", "fin")
    sans = engine.walk(demo, avec).advance("carte", "sans-photo").state
    assert (engine.progress(demo, sans, "serie-sans-photo").position,
            engine.progress(demo, sans, "serie-sans-photo").total) == (3, 5)


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
    walk.advance("serie-avec-photo", DONE).next_step("serie-avec-photo")
    assert len(walks) == 2
