"""The journey « Je découvre Mon espace santé »: every path, its screens and its real labels."""

from pathlib import Path

import pytest

from falc_wizard.journeys import load_file

PATH = Path(__file__).resolve().parents[2] / "falc_wizard" / "steps" / "decouvrir.toml"

BEGINNING = ["c-est-quoi", "gratuit", "je-decide", "sur-quel-appareil", "la-suite"]
INSIDE = ["documents", "vaccinations", "allergies", "agenda", "messagerie"]
REST = [
    "qui-peut-voir", "cacher", "qui-ne-peut-pas-voir", "protege", "je-suis-prevenu",
    "enfants", "urgence", "voyage", "aide", "fin",
]

# picks -> (step ids in order, real labels in order, number of screens)
PATHS = [
    ({"la-suite": "tout-decouvrir"}, BEGINNING + INSIDE + REST, [], 20),
    ({"la-suite": "passer"}, BEGINNING + REST, [], 15),
]


@pytest.fixture(scope="module")
def journey():
    return load_file(PATH)


def test_journey_header(journey):
    assert journey.id == "decouvrir"
    assert journey.title == "Je découvre Mon espace santé"
    assert journey.pictogram == "decouvrir"
    assert journey.order == 1
    assert journey.related == ("activer", "refuser")
    assert [(n.text, n.pictogram) for n in journey.needs] == [("5 minutes pour lire", "horloge")]
    assert not journey.validated


def test_every_path_is_tested(journey):
    assert sorted(map(sorted, (p.items() for p in journey.all_picks()))) == sorted(
        map(sorted, (p.items() for p, *_ in PATHS))
    )


@pytest.mark.parametrize("picks, ids, labels, screens", PATHS)
def test_path(journey, picks, ids, labels, screens):
    steps = journey.walk(picks)
    assert [s.id for s in steps] == ids
    assert [s.label for s in steps if s.label] == labels
    assert len(steps) == screens
    assert steps[-1].is_end


def test_information_only(journey):
    """Nothing to type and nothing to do on the real site: only information screens."""
    kinds = {s.kind for s in journey.steps.values()}
    assert kinds == {"info", "choice", "end"}
    assert not any(s.field or s.real_site for s in journey.steps.values())


def test_one_idea_per_screen_pictograms(journey):
    expected = {
        "documents": "documents", "vaccinations": "vaccin", "allergies": "allergie",
        "agenda": "agenda", "messagerie": "messagerie", "qui-peut-voir": "professionnels",
        "cacher": "cache", "qui-ne-peut-pas-voir": "interdit", "protege": "protege",
        "je-suis-prevenu": "notification", "urgence": "urgence", "voyage": "voyage",
        "aide": "aide", "gratuit": "gratuit", "je-decide": "decider", "enfants": "famille",
    }
    for step_id, pictogram in expected.items():
        assert journey.steps[step_id].pictogram == pictogram


def test_help_line(journey):
    text = " ".join(journey.steps["aide"].sentences)
    assert "3422" in text and "gratuit" in text
    assert "du lundi au vendredi" in text and "8h30" in text and "17h30" in text


def test_who_cannot_see(journey):
    text = " ".join(journey.steps["qui-ne-peut-pas-voir"].sentences)
    for who in ("mutuelle", "médecin du travail", "assurances"):
        assert who in text
