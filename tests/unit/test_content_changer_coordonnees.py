"""The journey « Je change mon adresse e-mail ou mon téléphone » (changer-coordonnees.toml).

Every path is walked; each one must meet the real site's labels in the order of
the official step-by-step (seeds/003: « Je modifie mon adresse email »,
« Je valide mon adresse email », « Je modifie mon numéro de téléphone mobile »),
after the log-in of seeds/000.
"""

from pathlib import Path

import pytest

from falc_wizard.journeys import load_file

FILE = Path(__file__).resolve().parents[2] / "falc_wizard" / "steps" / "changer-coordonnees.toml"

LOGIN = ["Connexion", "Se connecter", "Se connecter", "Paramètres"]

# (picks, labels met on the way, number of screens)
PATHS = {
    "e-mail, code reçu": (
        {"que-changer": "email", "email-code-recu": "recu"},
        LOGIN + ["Modifier l'adresse e-mail", "Adresse e-mail", "Valider", "Code à usage unique", "Valider"],
        16,
    ),
    "e-mail, code renvoyé": (
        {"que-changer": "email", "email-code-recu": "pas-recu"},
        LOGIN
        + [
            "Modifier l'adresse e-mail",
            "Adresse e-mail",
            "Valider",
            "Envoyer à nouveau le code",
            "Code à usage unique",
            "Valider",
        ],
        17,
    ),
    "téléphone, code reçu": (
        {"que-changer": "telephone", "mobile-code-recu": "recu"},
        LOGIN
        + ["Renseigner mon numéro de mobile", "Numéro de téléphone mobile", "Valider", "Code à usage unique", "Valider"],
        16,
    ),
    "téléphone, code renvoyé": (
        {"que-changer": "telephone", "mobile-code-recu": "pas-recu"},
        LOGIN
        + [
            "Renseigner mon numéro de mobile",
            "Numéro de téléphone mobile",
            "Valider",
            "Envoyer à nouveau le code",
            "Code à usage unique",
            "Valider",
        ],
        17,
    ),
}


@pytest.fixture(scope="module")
def journey():
    return load_file(FILE)


def test_journey_header(journey):
    assert journey.id == "changer-coordonnees"
    assert journey.title == "Je change mon adresse e-mail ou mon téléphone"
    assert journey.pictogram == "changer-coordonnees"
    assert journey.order == 5
    assert journey.related == ("se-connecter", "activer")
    assert not journey.validated


def test_every_path_is_tested(journey):
    tested = sorted(sorted(p.items()) for p, _, _ in PATHS.values())
    assert sorted(sorted(p.items()) for p in journey.all_picks()) == tested


@pytest.mark.parametrize("name", PATHS)
def test_path_labels_and_length(journey, name):
    picks, labels, screens = PATHS[name]
    steps = journey.walk(picks)
    assert [s.label for s in steps if s.label] == labels
    assert len(steps) == screens
    assert steps[0].real_site
    assert steps[-1].is_end


def test_both_branches_start_on_the_contact_screen(journey):
    first = journey.walk(PATHS["e-mail, code reçu"][0])
    assert [s.id for s in first[:8]] == [
        "aller-sur-le-site",
        "cliquer-connexion",
        "identifiant-mot-de-passe",
        "code-connexion",
        "cliquer-prenom",
        "cliquer-parametres",
        "trouver-coordonnees",
        "que-changer",
    ]
    texts = [c.text for c in journey.step("que-changer").choices]
    assert texts == ["Je change mon adresse e-mail", "Je change mon numéro de téléphone portable"]


def test_practice_fields(journey):
    fields = {s.id: (s.field, s.label) for s in journey.steps.values() if s.kind == "field"}
    assert fields == {
        "email-ecrire": ("email", "Adresse e-mail"),
        "email-code": ("code_unique", "Code à usage unique"),
        "mobile-ecrire": ("mobile", "Numéro de téléphone mobile"),
        "mobile-code": ("code_unique", "Code à usage unique"),
    }
    for step in journey.steps.values():
        if step.kind == "field":
            assert step.help_title and step.help


def test_the_not_received_branch_rejoins(journey):
    assert journey.step("email-renvoyer").next == "email-code"
    assert journey.step("mobile-renvoyer").next == "mobile-code"
    assert any("spams" in s for s in journey.step("email-code-envoye").sentences)
