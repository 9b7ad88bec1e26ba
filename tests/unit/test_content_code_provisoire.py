"""The journey « J'ai perdu mon code provisoire »: every path, its screens and its real labels."""

from itertools import product
from pathlib import Path

import pytest

from falc_wizard.journeys import load_file

PATH = Path(__file__).resolve().parents[2] / "falc_wizard" / "steps" / "code-provisoire.toml"

START = ["aller-sur-le-site", "activer-mon-espace-sante", "commencer", "generer-un-nouveau-code",
         "numero-securite-sociale", "pour-qui"]
START_LABELS = ["Activer Mon espace santé", "Commencer", "Générer un nouveau code provisoire",
                "Numéro de sécurité sociale"]

# The 3 ways the contact details can go: picks, step ids, labels, screens, end.
CONTACT = {
    "justes": (
        {"verifier-coordonnees": "justes"},
        ["valider", "fin"],
        ["Valider"],
    ),
    "corrigees": (
        {"verifier-coordonnees": "fausses", "coordonnees-corrigees": "justes"},
        ["coordonnees-incorrectes", "corriger-coordonnees", "coordonnees-corrigees", "valider", "fin"],
        ["Mes coordonnées sont incorrectes ?", "Valider"],
    ),
    "encore-fausses": (
        {"verifier-coordonnees": "fausses", "coordonnees-corrigees": "encore-fausses"},
        ["coordonnees-incorrectes", "corriger-coordonnees", "coordonnees-corrigees", "plus-tard"],
        ["Mes coordonnées sont incorrectes ?"],
    ),
}
SCREENS = {"justes": 14, "corrigees": 17, "encore-fausses": 16}


def build_paths():
    paths = []
    for who, card, contact in product(("moi", "enfant"), ("sans-photo", "avec-photo"), CONTACT):
        contact_picks, contact_ids, contact_labels = CONTACT[contact]
        picks = {"pour-qui": who, "type-de-carte": card, **contact_picks}
        step_ids = (
            START
            + [f"date-de-naissance-{who}", "type-de-carte", f"serie-{card}", "continuer",
               "envoi-du-code", "verifier-coordonnees"]
            + contact_ids
        )
        labels = (
            START_LABELS
            + ["Date de naissance", "Numéro de série de carte Vitale", "Continuer"]
            + contact_labels
        )
        fields = ["nir", "date_naissance", "serie_" + card.replace("-", "_")]
        paths.append(pytest.param(picks, step_ids, labels, fields, SCREENS[contact],
                                  id=f"{who}-{card}-{contact}"))
    return paths


PATHS = build_paths()


@pytest.fixture(scope="module")
def journey():
    return load_file(PATH)


def test_journey_header(journey):
    assert journey.id == "code-provisoire"
    assert journey.title == "J'ai perdu mon code provisoire"
    assert journey.pictogram == "nouveau-code"
    assert journey.order == 4
    assert journey.related == ("activer", "refuser")
    assert not journey.validated


def test_every_path_is_tested(journey):
    assert len(PATHS) == 12
    assert sorted(map(sorted, (p.items() for p in journey.all_picks()))) == sorted(
        map(sorted, (p.values[0].items() for p in PATHS))
    )


@pytest.mark.parametrize("picks, step_ids, labels, fields, screens", PATHS)
def test_path(journey, picks, step_ids, labels, fields, screens):
    steps = journey.walk(picks)
    assert [s.id for s in steps] == step_ids
    assert [s.label for s in steps if s.label] == labels
    assert [s.field for s in steps if s.field] == fields
    assert len(steps) == screens
    assert steps[-1].is_end


def test_starts_on_the_real_site(journey):
    assert [s.id for s in journey.steps.values() if s.real_site] == ["aller-sur-le-site"]


def test_hard_word_explained(journey):
    step = journey.steps["generer-un-nouveau-code"]
    assert step.label_look == "lien"
    assert "Générer veut dire créer." in step.sentences


def test_who_is_it_for(journey):
    choices = journey.steps["pour-qui"].choices
    assert [c.text for c in choices] == ["C'est pour moi", "C'est pour mon enfant"]
    mine, child = journey.steps["date-de-naissance-moi"], journey.steps["date-de-naissance-enfant"]
    assert mine.field == child.field == "date_naissance"
    assert mine.next == child.next == "type-de-carte"


def test_card_branches_join_again(journey):
    choices = journey.steps["type-de-carte"].choices
    assert [c.text for c in choices] == ["Carte Vitale sans photo", "Carte Vitale avec photo"]
    assert journey.steps["serie-sans-photo"].next == journey.steps["serie-avec-photo"].next == "continuer"


def test_sending_screen_quotes_the_site(journey):
    text = " ".join(journey.steps["envoi-du-code"].sentences)
    assert "Envoi du code provisoire" in text
    assert "Mon mode de réception" in text


def test_end_tells_how_the_code_arrives(journey):
    text = " ".join(journey.steps["fin"].sentences)
    assert "e-mail" in text and "téléphone portable" in text
    assert "activer ou refuser" in text
