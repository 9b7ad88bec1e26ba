"""Every branch of every journey, walked to its end with the Flask test client,
in guide mode and in practice mode; the real labels appear in the path's order."""

import re

import pytest

from falc_wizard import engine
from falc_wizard.journeys import load_journeys
from falc_wizard.practice_rules import FIELD_RULES

#: A valid value for each practice field, as a person would type it.
VALID = {
    "date_naissance": {"jour": "14", "mois": "7", "annee": "1985"},
    "nir": {"valeur": "1 55 12 55 555 555 97"},
    "serie_sans_photo": {"valeur": "0102457612 4"},
    "serie_avec_photo": {"valeur": "80250000021"},
    "code_provisoire": {"valeur": "HuqZF3KXCz8k"},
    "identifiant": {"valeur": "anne.dupont"},
    "mot_de_passe": {"valeur": "Soleil-2024!"},
    "mot_de_passe_confirmation": {"mot_de_passe": "Soleil-2024!", "confirmation": "Soleil-2024!"},
    "email": {"valeur": "anne.dupont@exemple.fr"},
    "mobile": {"valeur": "06 12 34 56 78"},
    "code_unique": {"valeur": "094567"},
}

JOURNEYS = load_journeys()
CASES = [
    pytest.param(journey_id, index, id=f"{journey_id}-path{index}")
    for journey_id, journey in JOURNEYS.items()
    for index in range(max(len(engine.all_paths(journey, False)), len(engine.all_paths(journey, True))))
]


def test_every_field_type_has_a_valid_value_here():
    assert set(VALID) == set(FIELD_RULES)
    for name, values in VALID.items():
        assert FIELD_RULES[name].check(values) == {}, name


def walk(visitor, journey, path, practice):
    visitor.get(f"/parcours/{journey.id}")
    visitor.post(data={"mode": "entrainement" if practice else "guide"})
    labels_seen = []
    for position, step_id in enumerate(path):
        assert visitor.url == f"/parcours/{journey.id}/{step_id}", (position, visitor.url)
        step = journey.steps[step_id]
        page = visitor.page
        shown = re.search(r"Étape (\d+) sur (\d+)", page)
        assert shown and int(shown.group(1)) == position + 1
        # The total follows the branch: exact once no choice is left ahead.
        if not any(journey.steps[s].kind == "choice" for s in path[position:]):
            assert int(shown.group(2)) == len(path)
        if step.is_end and practice:  # the true ending of practice (issue 12)
            assert "Bravo, je me suis entraîné." in page and step.sentences[0] not in page
        else:
            assert step.sentences[0] in page
        if step.label and not (practice and step.is_end):
            assert step.label in page, step.label
            labels_seen.append(step.label)
        if step.is_end:
            assert "J'ai fini" in page
            break
        data = {"element": step.target}  # practice presses the named element on the copy (issue 12)
        if step.kind == "choice":
            following = path[position + 1]
            choice = next(c for c in step.choices if journey.in_mode(practice).steps[step.id].choice(c.id).next == following)
            data = {"choix": choice.id, "element": choice.target}
        elif step.kind == "field":
            if practice:
                assert 'name="csrf_token"' in page and "<input" in page
                data.update(VALID[step.field])
            else:
                assert "C'est fait" in page
        response = visitor.post(data=data)
        assert response.status_code == 200, (step_id, response.status_code)
    return labels_seen


@pytest.mark.parametrize("journey_id, index", CASES)
@pytest.mark.parametrize("practice", [False, True], ids=["guide", "practice"])
def test_walk_every_path(client, journey_id, index, practice):
    from support import Visitor

    journey = JOURNEYS[journey_id]
    if practice and not journey.has_practice:
        pytest.skip("a journey with nothing to practise offers no practice")
    paths = engine.all_paths(journey, practice)
    if index >= len(paths):
        pytest.skip("this mode has fewer paths")
    path = paths[index]
    labels = walk(Visitor(client), journey, path, practice)
    expected = [journey.steps[s].label for s in path if journey.steps[s].label]
    assert labels == expected


@pytest.mark.parametrize("journey_id", list(JOURNEYS))
def test_practice_errors_are_falc_and_keep_the_value(client, journey_id):
    """The first practice field of the journey refuses a wrong value with a summary."""
    from support import Visitor

    journey = JOURNEYS[journey_id]
    path = next((p for p in engine.all_paths(journey) if any(journey.steps[s].kind == "field" for s in p)), None)
    if path is None:
        assert all(s.kind != "field" for s in journey.steps.values())
        return
    visitor = Visitor(client)
    visitor.get(f"/parcours/{journey.id}")
    visitor.post(data={"mode": "entrainement"})
    for position, step_id in enumerate(path):
        step = journey.steps[step_id]
        if step.kind == "field":
            wrong = {name: "x" for name in VALID[step.field]}
            response = visitor.post(data=wrong)
            assert response.status_code == 400
            assert visitor.url == f"/parcours/{journey.id}/{step_id}"
            assert 'class="error-summary"' in visitor.page
            assert 'aria-invalid="true"' in visitor.page
            assert re.search(r'aria-describedby="erreur-', visitor.page)
            if step.field not in ("mot_de_passe", "mot_de_passe_confirmation"):
                assert 'value="x"' in visitor.page  # nothing is lost
            return
        data = {}
        if step.kind == "choice":
            data["choix"] = next(c.id for c in step.choices if c.next == path[position + 1])
        visitor.post(data=data)
