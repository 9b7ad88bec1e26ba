"""Every branch of every journey, walked to its end with the Flask test client,
in guide mode and in practice mode; the real labels appear in the path's order."""

import re

import pytest

from falc_wizard import engine
from falc_wizard.content import load_journeys
from falc_wizard.practice.rules import FIELD_RULES
from support import VALID, answer

JOURNEYS = load_journeys()
#: Every path of each mode (each mode walks its own steps); a journey with nothing to
#: practise (decouvrir) offers no practice, so it has guide paths only.
CASES = [
    pytest.param(journey_id, practice, index, id=f"{'practice' if practice else 'guide'}-{journey_id}-path{index}")
    for journey_id, journey in JOURNEYS.items()
    for practice in ((False, True) if journey.has_practice else (False,))
    for index in range(len(engine.all_paths(journey, practice)))
]


def walk(visitor, journey, path, practice):
    visitor.start(journey, practice)
    labels_seen, counts = [], []
    for position, step_id in enumerate(path):
        assert visitor.url == f"/parcours/{journey.id}/{step_id}", (position, visitor.url)
        step = journey.steps[step_id]
        page = visitor.page
        counts.append(shown_progress(page))
        # "Étape n sur N, écran k sur M" moves on every screen (FALC rule 16): k grows by 1
        # in a part, or n grows and k starts again at 1; N never changes down the walk, and
        # M is the part's, the same on every walk of the mode (engine.progress).
        n, total, k, screens = counts[-1]
        assert total == counts[0][1]
        assert screens == journey.in_mode(practice).part_screens[step.part] and 1 <= k <= screens
        if len(counts) > 1:
            before = counts[-2]
            assert (n, k) in {(before[0], before[2] + 1), (before[0] + 1, 1)}, (step_id, before, counts[-1])
        else:
            assert (n, k) == (1, 1)
        dots = re.search(r'<div class="progress-dots" aria-hidden="true">(.*?)</div>', page, re.S).group(1)
        assert re.findall(r'class="dot (\w+)"', dots) == ["done"] * (k - 1) + ["current"] + ["ahead"] * (screens - k)
        assert journey.parts[n - 1].title in page
        if step.is_end and practice:  # the true ending of practice: it claims no real result
            assert "Bravo, j'ai fini de m'entraîner." in page
            if step.claims_success:
                assert step.sentences[0] not in page
            else:  # an ending that is not a success says what comes next for real
                assert "Pour de vrai, voici la suite :" in page and all(s in page for s in step.sentences)
        else:
            assert step.sentences[0] in page
        if step.label and not (practice and step.is_end):
            assert step.label in page, step.label
            labels_seen.append(step.label)
        if step.is_end:
            assert "J'ai fini" in page
            assert counts[0][0] == 1 and counts[-1][0] == counts[-1][1]
            break
        if step.kind == "field":
            if practice:
                assert 'name="csrf_token"' in page and "<input" in page
            else:
                assert "C'est fait" in page
        response = visitor.post(data=answer(journey, path, position, practice))
        assert response.status_code == 200, (step_id, response.status_code)
    return labels_seen


def shown_progress(page):
    """(n, N, k, M) of the one line "Étape n sur N, écran k sur M" the screen shows."""
    shown = re.findall(r'<p class="progress-text">Étape (\d+) sur (\d+), écran (\d+) sur (\d+)</p>', page)
    assert len(shown) == 1, shown
    return tuple(map(int, shown[0]))


@pytest.mark.parametrize("journey_id, practice, index", CASES)
def test_walk_every_path(visitor, journey_id, practice, index):
    journey = JOURNEYS[journey_id]
    path = engine.all_paths(journey, practice)[index]
    labels = walk(visitor, journey, path, practice)
    expected = [journey.steps[s].label for s in path if journey.steps[s].label]
    assert labels == expected


@pytest.mark.parametrize("journey_id", list(JOURNEYS))
def test_practice_errors_are_falc_and_redirect_without_the_value(visitor, journey_id):
    """The first practice field of the journey refuses a wrong value with a summary, after a
    redirect (Back and refresh never send the form again), and the value is not kept."""
    journey = JOURNEYS[journey_id]
    path = next((p for p in engine.all_paths(journey, practice=True) if any(journey.steps[s].kind == "field" for s in p)), None)
    if path is None:
        assert all(s.kind != "field" for s in journey.steps.values())
        return
    step = next(journey.steps[s] for s in path if journey.steps[s].kind == "field")
    visitor.start(journey, practice=True)
    visitor.walk_to(journey, path, step.id, practice=True)
    # "x" is wrong for every field but the log-in password, which only asks for something typed.
    wrong = {name: (" " if step.field == "mot_de_passe_connexion" else "x") for name in VALID[step.field]}
    response = visitor.post(data=wrong, follow=False)
    assert response.status_code == 303
    assert response.headers["Location"] == f"/parcours/{journey.id}/{step.id}"
    visitor.get(response.headers["Location"])
    assert 'class="error-summary"' in visitor.page
    assert 'aria-invalid="true"' in visitor.page
    assert re.search(r'aria-describedby="erreur-', visitor.page)
    assert 'value="x"' not in visitor.page and 'value=" "' not in visitor.page  # what was typed is not kept
    assert "J'écris encore une fois dans le champ." in visitor.page  # and the person is told
    visitor.get(visitor.url)  # a refresh shows the screen again, plain
    assert 'class="error-summary"' not in visitor.page


#: A refused value for each practice field that hides what was typed (a password), per input.
REFUSED_SECRETS = {
    "mot_de_passe": {"valeur": "Court1"},                    # too short
    "mot_de_passe_connexion": {"valeur": "   "},             # only spaces: nothing typed
    "mot_de_passe_confirmation": {"mot_de_passe": "Soleil-2024", "confirmation": "Soleil-2025"},  # not the same
}
#: Every password step practice reaches, in every journey.
SECRET_STEPS = [
    pytest.param(journey_id, step_id, id=f"{journey_id}-{step_id}")
    for journey_id, journey in JOURNEYS.items()
    for step_id in dict.fromkeys(s for p in engine.all_paths(journey, practice=True) for s in p)
    if journey.steps[step_id].kind == "field" and FIELD_RULES[journey.steps[step_id].field].hidden_inputs
]


def test_every_hidden_field_has_a_refused_value():
    assert {name for name, rule in FIELD_RULES.items() if rule.hidden_inputs} == set(REFUSED_SECRETS)


@pytest.mark.parametrize("journey_id, step_id", SECRET_STEPS)
def test_a_refused_password_is_never_shown_again(visitor, journey_id, step_id):
    """Every password step of every journey: after an error the page holds none of what was typed."""
    journey = JOURNEYS[journey_id]
    step = journey.steps[step_id]
    path = next(p for p in engine.all_paths(journey, practice=True) if step_id in p)
    visitor.start(journey, practice=True)
    visitor.walk_to(journey, path, step_id, practice=True)
    typed = REFUSED_SECRETS[step.field]
    assert set(typed) == set(VALID[step.field])
    response = visitor.post(data=typed)
    assert response.status_code == 200 and 'class="error-summary"' in visitor.page
    for name, value in typed.items():
        assert f'name="{name}"' in visitor.page  # the input is there, empty
        assert f'value="{value}"' not in visitor.page, name
        assert not value.strip() or value not in visitor.page, name
