"""The journey « Je me connecte à Mon espace santé » (se-connecter.toml).

Every path is walked; each one must meet the real site's labels in the order of
the log-in screens (seeds/000 « Je m'identifie », seeds/001 pas à pas 2021).
"""

from pathlib import Path

import pytest

from falc_wizard.journeys import load_file

FILE = Path(__file__).resolve().parents[2] / "falc_wizard" / "steps" / "se-connecter.toml"

LOGIN = ["Mon identifiant", "Mon mot de passe", "Se connecter", "Code d'accès à usage unique", "Se connecter"]

BY_WAY = {
    "identifiant et mot de passe": (
        {"comment-me-connecter": "identifiants", "je-connais": "je-connais"},
        ["Connexion"] + LOGIN,
        12,
    ),
    "identifiant oublié": (
        {"comment-me-connecter": "identifiants", "je-connais": "identifiant-oublie"},
        ["Connexion", "Identifiant oublié?"] + LOGIN,
        17,
    ),
    "mot de passe oublié": (
        {"comment-me-connecter": "identifiants", "je-connais": "mot-de-passe-oublie"},
        ["Connexion", "Mot de passe oublié?", "Mot de passe", "Confirmer le mot de passe"] + LOGIN,
        22,
    ),
    "FranceConnect": (
        {"comment-me-connecter": "franceconnect"},
        ["Connexion", "S'identifier avec FranceConnect"],
        8,
    ),
}

# The site and the application lead to the same screens, one screen each.
PATHS = {
    f"{where}, {way}": ({"site-ou-application": where_id, **picks}, labels, screens)
    for where, where_id in (("site", "site"), ("application", "application"))
    for way, (picks, labels, screens) in BY_WAY.items()
}


@pytest.fixture(scope="module")
def journey():
    return load_file(FILE)


def test_journey_header(journey):
    assert journey.id == "se-connecter"
    assert journey.title == "Je me connecte à Mon espace santé"
    assert journey.pictogram == "connexion"
    assert journey.order == 6
    assert journey.related == ("changer-coordonnees", "cloturer", "decouvrir")
    assert not journey.validated


def test_every_path_is_tested(journey):
    assert len(PATHS) == 8
    tested = sorted(sorted(p.items()) for p, _, _ in PATHS.values())
    assert sorted(sorted(p.items()) for p in journey.all_picks()) == tested


@pytest.mark.parametrize("name", PATHS)
def test_path_labels_and_length(journey, name):
    picks, labels, screens = PATHS[name]
    steps = journey.walk(picks)
    assert [s.label for s in steps if s.label] == labels
    assert len(steps) == screens
    assert steps[-1].id == "fin"


def test_site_path_goes_to_the_real_site(journey):
    site = journey.walk(PATHS["site, identifiant et mot de passe"][0])
    app = journey.walk(PATHS["application, identifiant et mot de passe"][0])
    assert site[1].id == "aller-sur-le-site" and site[1].real_site
    assert app[1].id == "ouvrir-application"
    assert [s.id for s in site[2:]] == [s.id for s in app[2:]]


def test_side_paths_rejoin_the_log_in(journey):
    for way in ("identifiant oublié", "mot de passe oublié"):
        steps = journey.walk(PATHS[f"site, {way}"][0])
        ids = [s.id for s in steps]
        assert ids[ids.index("retour-connexion") + 1] == "identifiant"


def test_choices(journey):
    assert [c.text for c in journey.step("site-ou-application").choices] == [
        "Sur le site internet",
        "Sur l'application",
    ]
    assert [c.text for c in journey.step("je-connais").choices] == [
        "Je connais mon identifiant et mon mot de passe",
        "J'ai oublié mon identifiant",
        "J'ai oublié mon mot de passe",
    ]


def test_practice_fields(journey):
    fields = {s.id: (s.field, s.label) for s in journey.steps.values() if s.kind == "field"}
    assert fields == {
        "identifiant": ("identifiant", "Mon identifiant"),
        "mot-de-passe": ("mot_de_passe", "Mon mot de passe"),
        "code": ("code_unique", "Code d'accès à usage unique"),
        "mot-de-passe-oublie-identifiant": ("identifiant", ""),
        "mot-de-passe-oublie-code": ("code_unique", ""),
        "nouveau-mot-de-passe": ("mot_de_passe", "Mot de passe"),
        "confirmer-mot-de-passe": ("mot_de_passe_confirmation", "Confirmer le mot de passe"),
    }
    for step in journey.steps.values():
        if step.kind == "field":
            assert step.help_title and step.help
