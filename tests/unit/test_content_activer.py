"""Content of the journey "J'active Mon espace santé" (falc_wizard/steps/activer.toml).

Every path of the journey is walked. For each path, the real labels of the site
met on the way must be exactly those of the source documents, in their order:
- the way in without a code (the 2022 flow): the FALC guide, seed 002;
- the way in with the provisional code received by letter or e-mail: the official
  step-by-step, seed 003 (its "Je modifie mon adresse e-mail" screens also give the
  labels met when the contact details are changed, on both ways in).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from falc_wizard.journeys import load_file

JOURNEY_FILE = Path(__file__).resolve().parents[2] / "falc_wizard" / "steps" / "activer.toml"

ACCEPT = (
    "J'accepte les Conditions Générales d'Utilisation et la Politique de protection "
    "des données personnelles."
)


@pytest.fixture(scope="module")
def journey():
    return load_file(JOURNEY_FILE)


# ------------------------------------------------------------------ expected paths
# Each case: (picks, labels in the seed's order, number of screens).

def _way_without_code(for_whom: str, card: str, send: str, email_ok: bool, phone_ok: bool):
    """Seed 002, the 2022 flow: no provisional code yet, the site sends one."""
    picks = {
        "choisir-chemin": "sans-code",
        "date-pour-qui": for_whom,
        "carte-type": card,
        "envoi-choix": send,
        "email-verifier": "juste" if email_ok else "fausse",
        "telephone-verifier": "juste" if phone_ok else "faux",
    }
    labels = ["Activer Mon espace santé", "Commencer", "Date de naissance", "Continuer"]
    if card == "sans-photo":
        labels += [
            "Carte Vitale sans photo",
            "Mon numéro de sécurité sociale",
            "Mon numéro de série (entre 8 et 13 caractères)",
        ]
    else:
        labels += ["Carte Vitale avec photo", "Mon numéro de sécurité sociale", "Mon numéro de série"]
    labels += [
        "Continuer",
        "Par e-mail" if send == "email" else "Par SMS",
        "Envoyer le code",
        "Saisir le code provisoire à 12 caractères",
        "Continuer",
        ACCEPT,
        "Activer Mon espace santé",
    ]
    if not email_ok:
        labels += ["Modifier mon adresse e-mail", "Adresse e-mail", "Valider", "Code à usage unique", "Valider"]
    if not phone_ok:
        labels += [
            "Modifier mon numéro de téléphone mobile",
            "Numéro de téléphone mobile",
            "Valider",
            "Code à usage unique",
            "Valider",
        ]
    labels += [
        "Confirmer",
        "Choisir mon identifiant",
        "Choisir mon mot de passe",
        "Confirmer le mot de passe",
        "Valider la création",
    ]
    screens = 28 + 5 * (not email_ok) + 5 * (not phone_ok)
    return picks, labels, screens


def _way_with_code(card: str, email_ok: bool, phone_ok: bool):
    """Seed 003: the provisional code received by letter or e-mail."""
    picks = {
        "choisir-chemin": "avec-code",
        "avec-code-carte-type": card,
        "avec-code-email-verifier": "juste" if email_ok else "fausse",
        "avec-code-telephone-verifier": "juste" if phone_ok else "faux",
    }
    labels = [
        "Activer Mon espace santé",
        "Commencer",
        "Code provisoire composé de 12 caractères",
        "Numéro de sécurité sociale",
        "Carte Vitale sans photo" if card == "sans-photo" else "Carte Vitale avec photo",
        "Numéro de série de carte Vitale",
        "Continuer",
        "J'active Mon espace santé",
        ACCEPT,
        "Continuer",
    ]
    if not email_ok:
        labels += ["Modifier l'adresse e-mail", "Adresse e-mail", "Valider", "Code à usage unique", "Valider"]
    if not phone_ok:
        labels += [
            "Renseigner mon numéro de mobile",
            "Numéro de téléphone mobile",
            "Valider",
            "Code à usage unique",
            "Valider",
        ]
    labels += ["Continuer", "Identifiant", "Mot de passe", "Confirmer le mot de passe", "Valider"]
    screens = 22 + 5 * (not email_ok) + 5 * (not phone_ok)
    return picks, labels, screens


CASES = [
    _way_without_code(*combo)
    for combo in itertools.product(
        ("moi", "enfant"), ("sans-photo", "avec-photo"), ("email", "sms"), (True, False), (True, False)
    )
] + [
    _way_with_code(*combo)
    for combo in itertools.product(("sans-photo", "avec-photo"), (True, False), (True, False))
]


def _case_id(case) -> str:
    picks = case[0]
    return "-".join(picks[key] for key in picks)


# ------------------------------------------------------------------------- tests


def test_the_file_loads(journey):
    assert journey.id == "activer"
    assert journey.title == "J'active Mon espace santé"
    assert journey.pictogram == "activer"
    assert journey.order == 2
    assert journey.related == ("decouvrir", "se-connecter", "changer-coordonnees")
    assert not journey.validated  # nobody has validated the text yet


def test_needs(journey):
    assert [n.pictogram for n in journey.needs] == [
        "carte-vitale",
        "email",
        "telephone",
        "horloge",
        "code-provisoire",
    ]


def test_the_cases_are_every_path(journey):
    paths = journey.all_picks()
    assert len(paths) == len(CASES) == 40
    assert sorted(map(sorted, (p.items() for p in paths))) == sorted(
        map(sorted, (c[0].items() for c in CASES))
    )


@pytest.mark.parametrize("picks, labels, screens", CASES, ids=[_case_id(c) for c in CASES])
def test_path_labels_and_length(journey, picks, labels, screens):
    steps = journey.walk(picks)
    assert [s.label for s in steps if s.label] == labels
    assert len(steps) == screens
    assert steps[0].real_site
    assert steps[-1].is_end


def test_both_ways_are_offered_early(journey):
    first_steps = journey.walk({"choisir-chemin": "avec-code", "avec-code-carte-type": "sans-photo",
                                "avec-code-email-verifier": "juste",
                                "avec-code-telephone-verifier": "juste"})[:4]
    choice = first_steps[-1]
    assert choice.id == "choisir-chemin"
    assert [c.text for c in choice.choices] == [
        "J'ai reçu un code provisoire par courrier ou par e-mail",
        "Je n'ai pas de code provisoire",
    ]


def test_practice_fields(journey):
    fields = {s.id: s.field for s in journey.steps.values() if s.kind == "field"}
    assert fields["date-moi"] == fields["date-enfant"] == "date_naissance"
    assert fields["nir-sans-photo"] == fields["nir-avec-photo"] == fields["avec-code-nir"] == "nir"
    assert fields["serie-sans-photo"] == fields["avec-code-serie-sans-photo"] == "serie_sans_photo"
    assert fields["serie-avec-photo"] == fields["avec-code-serie-avec-photo"] == "serie_avec_photo"
    assert fields["code-saisir"] == fields["avec-code-code"] == "code_provisoire"
    assert fields["identifiant"] == fields["avec-code-identifiant"] == "identifiant"
    assert fields["mot-de-passe"] == fields["avec-code-mot-de-passe"] == "mot_de_passe"
    assert fields["mot-de-passe-confirmation"] == "mot_de_passe_confirmation"


def test_every_field_says_where_to_find_the_value(journey):
    for step in journey.steps.values():
        if step.kind == "field":
            assert step.help_title and step.help, step.id


def test_serial_number_help_gives_the_place_and_the_help_line(journey):
    for step_id in ("serie-sans-photo", "avec-code-serie-sans-photo"):
        help_text = " ".join(journey.steps[step_id].help)
        assert "au dos" in help_text and "en haut à gauche" in help_text and "3422" in help_text
        assert journey.steps[step_id].help_pictograms == ("vitale-sans-photo-verso",)
    for step_id in ("serie-avec-photo", "avec-code-serie-avec-photo"):
        help_text = " ".join(journey.steps[step_id].help)
        assert "en haut à droite" in help_text and "11 derniers chiffres" in help_text and "3422" in help_text
        assert journey.steps[step_id].help_pictograms == ("vitale-avec-photo-recto",)


def test_the_accept_box_looks_like_a_box(journey):
    for step_id in ("conditions-accepter", "avec-code-conditions"):
        assert journey.steps[step_id].label_look == "case"
