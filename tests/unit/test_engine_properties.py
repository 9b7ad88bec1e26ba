"""Property-based: no sequence of actions can put the engine in an invalid state."""

from hypothesis import given, settings, strategies as st

from falc_wizard import engine

ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["advance", "back", "restart", "jump"]),
        st.integers(min_value=0, max_value=50),
        st.integers(min_value=0, max_value=5),
    ),
    max_size=40,
)


def check_invariants(journey, state):
    path = engine.path(journey, state)
    assert tuple(path) == engine.walk(journey, state).steps == engine.read(state.to_dict(), journey).steps
    assert path[0] == journey.first
    # Every answer lies on the path, and every step of the path but the last is answered.
    assert set(state.answers) == set(path[:-1])
    for step_id in path[:-1]:
        assert state.answers[step_id] in journey.steps[step_id].answers()
    progress = engine.progress(journey, state, path[-1])
    assert 1 <= progress.position <= progress.total
    # "Étape n sur N": N is the journey's, whatever was answered, and n never goes back.
    assert progress.total == engine.progress(journey, engine.start(journey), journey.first).total
    assert [engine.progress(journey, state, s).position for s in path] == sorted(
        engine.progress(journey, state, s).position for s in path
    )
    # Without parts, n is the screen's place on the path (after "Retour" too).
    if not journey.parts:
        for index, step_id in enumerate(path):
            if not journey.steps[step_id].is_end:
                assert engine.progress(journey, state, step_id).position == min(index + 1, progress.total)
    # The state survives the cookie.
    assert engine.State.from_dict(state.to_dict(), journey) == state


@settings(max_examples=300, deadline=None)
@given(actions=ACTIONS)
def test_random_actions_keep_the_state_valid(demo, actions):
    walk = engine.walk(demo, engine.start(demo))
    shown = demo.first
    ids = list(demo.steps)
    for action, target, pick in actions:
        if action == "advance":
            step = demo.steps[shown]
            options = step.answers()
            if options:
                walk = walk.advance(shown, options[pick % len(options)])
                shown = walk.next_step(shown)
        elif action == "back":
            shown = walk.previous_step(shown) or shown
        elif action == "restart":
            walk = engine.walk(demo, engine.restart(demo, walk.state))
            shown = demo.first
        else:  # an edited URL: any step id, resolved
            shown = walk.resolve(ids[target % len(ids)])
        assert walk.reaches(shown)
        check_invariants(demo, walk.state)


@settings(max_examples=200, deadline=None)
@given(stored=st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
) | st.fixed_dictionaries({"j": st.just("demo"), "a": st.dictionaries(
    st.sampled_from(["debut", "carte", "serie-sans-photo", "serie-avec-photo", "verifier", "envoi", "fin", "x"]),
    st.sampled_from(["fait", "avec-photo", "sans-photo", "email", "sms", "", "x"]), max_size=8)}))
def test_any_stored_value_reads_as_a_valid_state(demo, stored):
    check_invariants(demo, engine.State.from_dict(stored, demo))
