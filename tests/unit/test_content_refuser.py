"""The journey « Je refuse Mon espace santé »: every path, its screens and its real labels."""

from pathlib import Path

import pytest

from falc_wizard.journeys import load_file

PATH = Path(__file__).resolve().parents[2] / "falc_wizard" / "steps" / "refuser.toml"

SERIE = "Numéro de série de carte Vitale"

# The labels met up to the confirmation screen, in the order of seed 003.
UP_TO_CONFIRMATION = [
    "Activer Mon espace santé",
    "Commencer",
    "Code provisoire composé de 12 caractères",
    "Numéro de sécurité sociale",
    SERIE,
    "Continuer",
    "Je m'oppose à la création de Mon espace santé",
    "Continuer",
]
AFTER_CONFIRMATION = ["Télécharger le justificatif (format .pdf)", "Gérer le profil"]


def ids(serie_step, decision):
    head = [
        "m-opposer", "aller-sur-le-site", "activer-mon-espace-sante", "commencer",
        "code-provisoire", "numero-securite-sociale", "type-de-carte", serie_step,
        "continuer-identification", "choisir-je-m-oppose", "continuer-decision",
        "ce-qui-va-se-passer", "valider-ma-decision",
    ]
    if decision == "annuler":
        return head + ["je-garde"]
    return head + [
        "decision-prise", "telecharger-justificatif", "garder-justificatif",
        "profils-enfants", "fin",
    ]


# picks -> (step ids, real labels, practice fields, number of screens)
PATHS = [
    (
        {"type-de-carte": "sans-photo", "valider-ma-decision": "continuer"},
        ids("serie-sans-photo", "continuer"),
        UP_TO_CONFIRMATION + AFTER_CONFIRMATION,
        ["code_provisoire", "nir", "serie_sans_photo"],
        18,
    ),
    (
        {"type-de-carte": "avec-photo", "valider-ma-decision": "continuer"},
        ids("serie-avec-photo", "continuer"),
        UP_TO_CONFIRMATION + AFTER_CONFIRMATION,
        ["code_provisoire", "nir", "serie_avec_photo"],
        18,
    ),
    (
        {"type-de-carte": "sans-photo", "valider-ma-decision": "annuler"},
        ids("serie-sans-photo", "annuler"),
        UP_TO_CONFIRMATION,
        ["code_provisoire", "nir", "serie_sans_photo"],
        14,
    ),
    (
        {"type-de-carte": "avec-photo", "valider-ma-decision": "annuler"},
        ids("serie-avec-photo", "annuler"),
        UP_TO_CONFIRMATION,
        ["code_provisoire", "nir", "serie_avec_photo"],
        14,
    ),
]


@pytest.fixture(scope="module")
def journey():
    return load_file(PATH)


def test_journey_header(journey):
    assert journey.id == "refuser"
    assert journey.title == "Je refuse Mon espace santé"
    assert journey.pictogram == "refuser"
    assert journey.order == 3
    assert journey.related == ("activer", "decouvrir")
    assert [n.pictogram for n in journey.needs] == ["code-provisoire", "carte-vitale", "horloge"]
    assert not journey.validated


def test_every_path_is_tested(journey):
    assert sorted(map(sorted, (p.items() for p in journey.all_picks()))) == sorted(
        map(sorted, (p.items() for p, *_ in PATHS))
    )


@pytest.mark.parametrize("picks, step_ids, labels, fields, screens", PATHS)
def test_path(journey, picks, step_ids, labels, fields, screens):
    steps = journey.walk(picks)
    assert [s.id for s in steps] == step_ids
    assert [s.label for s in steps if s.label] == labels
    assert [s.field for s in steps if s.field] == fields
    assert len(steps) == screens
    assert steps[-1].is_end


def test_hard_word_explained_first(journey):
    assert "M'opposer veut dire refuser." in journey.steps[journey.first].sentences


def test_starts_on_the_real_site(journey):
    assert [s.id for s in journey.steps.values() if s.real_site] == ["aller-sur-le-site"]
    assert journey.steps["aller-sur-le-site"].sentences == ("Je vais sur le site monespacesante.fr.",)


def test_card_choice_uses_the_real_labels(journey):
    choices = journey.steps["type-de-carte"].choices
    assert [(c.text, c.next) for c in choices] == [
        ("Carte Vitale sans photo", "serie-sans-photo"),
        ("Carte Vitale avec photo", "serie-avec-photo"),
    ]
    # The 2 serial number steps join again on the same Continuer.
    assert journey.steps["serie-sans-photo"].next == journey.steps["serie-avec-photo"].next


def test_serial_number_help(journey):
    for step_id, picture in (
        ("serie-sans-photo", "vitale-sans-photo-verso"),
        ("serie-avec-photo", "vitale-avec-photo-recto"),
    ):
        step = journey.steps[step_id]
        assert step.help_title == "Où trouver mon numéro de série de carte Vitale ?"
        assert picture in step.help_pictograms
        assert "J'appelle le 3422." in step.help
    assert "Le numéro de série est en haut à gauche." in journey.steps["serie-sans-photo"].help
    assert "J'écris les 11 derniers chiffres." in journey.steps["serie-avec-photo"].help


def test_consequence_is_said_before_the_confirmation(journey):
    steps = journey.walk({"type-de-carte": "sans-photo", "valider-ma-decision": "continuer"})
    position = [s.id for s in steps].index("valider-ma-decision")
    before = steps[position - 1]
    assert before.kind == "info"
    assert "Si je refuse, Mon espace santé ne sera pas créé." in before.sentences
    confirmation = journey.steps["valider-ma-decision"]
    assert [c.id for c in confirmation.choices] == ["annuler", "continuer"]


def test_certificate_warning(journey):
    step = journey.steps["telecharger-justificatif"]
    assert step.label_look == "lien"
    assert any("1 seule fois" in s for s in step.sentences)
    assert "Je clique sur le lien Télécharger le justificatif (format .pdf)." in step.sentences


def test_end_says_i_can_change_my_mind(journey):
    assert "Je peux changer d'avis à tout moment." in journey.steps["fin"].sentences
