"""The journey « Je ferme Mon espace santé » (cloturer.toml).

Every path is walked; each one must meet the real site's labels in the order of
the FALC guide (seeds/000 « Pour clôturer à Mon Espace Santé »). Every
consequence is said before the person confirms, and the last choice can stop.
"""

from pathlib import Path

import pytest

from falc_wizard.journeys import load_file

FILE = Path(__file__).resolve().parents[2] / "falc_wizard" / "steps" / "cloturer.toml"

TO_CLOSING = ["Connexion", "Se connecter", "Se connecter", "Paramètres", "Clôture du profil"]
KEEP = ["Télécharger les données", "Demander le téléchargement"]

PATHS = {
    "je garde, je ferme": (
        {"garder-ou-supprimer": "garder", "je-confirme": "je-ferme"},
        TO_CLOSING + KEEP + ["Clôturer le profil", "Confirmer la clôture"],
        21,
        "fin",
    ),
    "je garde, je ne ferme pas": (
        {"garder-ou-supprimer": "garder", "je-confirme": "je-ne-ferme-pas"},
        TO_CLOSING + KEEP + ["Clôturer le profil"],
        20,
        "fin-rien-ne-change",
    ),
    "je supprime, je ferme": (
        {"garder-ou-supprimer": "supprimer", "je-confirme": "je-ferme"},
        TO_CLOSING + ["Clôturer le profil", "Confirmer la clôture"],
        17,
        "fin",
    ),
    "je supprime, je ne ferme pas": (
        {"garder-ou-supprimer": "supprimer", "je-confirme": "je-ne-ferme-pas"},
        TO_CLOSING + ["Clôturer le profil"],
        16,
        "fin-rien-ne-change",
    ),
}


@pytest.fixture(scope="module")
def journey():
    return load_file(FILE)


def test_journey_header(journey):
    assert journey.id == "cloturer"
    assert journey.title == "Je ferme Mon espace santé"
    assert journey.pictogram == "fermer"
    assert journey.order == 7
    assert journey.related == ("se-connecter", "decouvrir")
    assert not journey.validated


def test_every_path_is_tested(journey):
    tested = sorted(sorted(p.items()) for p, _, _, _ in PATHS.values())
    assert sorted(sorted(p.items()) for p in journey.all_picks()) == tested


@pytest.mark.parametrize("name", PATHS)
def test_path_labels_and_length(journey, name):
    picks, labels, screens, end = PATHS[name]
    steps = journey.walk(picks)
    assert [s.label for s in steps if s.label] == labels
    assert len(steps) == screens
    assert steps[0].real_site
    assert steps[-1].id == end


def test_cloturer_is_explained_early(journey):
    steps = journey.walk(PATHS["je supprime, je ferme"][0])
    assert "Clôturer veut dire fermer." in steps[1].sentences


@pytest.mark.parametrize("name", PATHS)
def test_consequences_are_said_before_each_decision(journey, name):
    ids = [s.id for s in journey.walk(PATHS[name][0])]
    assert ids.index("informations-supprimees") == ids.index("garder-ou-supprimer") - 1
    assert ids.index("avant-de-confirmer") == ids.index("je-confirme") - 1
    assert ids.index("mot-de-passe") < ids.index("je-confirme")
    assert any("supprim" in s for s in journey.step("avant-de-confirmer").sentences)


def test_the_last_choice_can_stop(journey):
    choices = {c.id: c for c in journey.step("je-confirme").choices}
    assert choices["je-ne-ferme-pas"].text == "Je ne ferme pas"
    assert choices["je-ne-ferme-pas"].next == "fin-rien-ne-change"
    assert "Rien n'a changé." in journey.step("fin-rien-ne-change").sentences


def test_practice_fields(journey):
    fields = {s.id: s.field for s in journey.steps.values() if s.kind == "field"}
    assert fields == {"mot-de-passe": "mot_de_passe"}
    assert journey.step("cocher-case").label_look == "case"
