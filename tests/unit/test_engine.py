"""The engine alone: paths, answers, back, progress, and state from a cookie."""

import pytest

from falc_wizard import engine
from falc_wizard.journeys import DONE


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


def test_progress_counts_the_branch_taken(demo):
    state = walk_to(demo, [("debut", DONE)])
    assert engine.progress(demo, state, "carte").position == 2
    assert engine.progress(demo, state, "carte").total == 5  # first choice assumed: without photo
    avec = engine.advance(demo, state, "carte", "avec-photo")
    progress = engine.progress(demo, avec, "serie-avec-photo")
    assert (progress.position, progress.total) == (3, 6)
    assert progress.done == ("debut", "carte")
    assert progress.ahead == ("verifier", "envoi", "fin")
    sans = engine.advance(demo, avec, "carte", "sans-photo")
    assert (engine.progress(demo, sans, "serie-sans-photo").position,
            engine.progress(demo, sans, "serie-sans-photo").total) == (3, 5)


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
