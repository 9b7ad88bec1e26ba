"""Contact details (practice.rules.contact): the e-mail address and the French mobile number."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support import practice_error as error, practice_refusal as refusal


# --------------------------------------------------------------------------
# email
# --------------------------------------------------------------------------

EMAIL_START = "Le début de l'adresse n'est pas bon. Je vérifie avant le signe @."
EMAIL_END = "La fin de l'adresse n'est pas bonne. Je vérifie après le signe @."


@pytest.mark.parametrize(
    "value",
    [
        "anne.dupont@exemple.fr",
        " Anne.Dupont@Exemple.FR ",
        "anne+sante@mail.exemple.com",
        "a@b.co",
        "anne_dupont-2@mon-fournisseur.fr",
        "anne@exemple-é.fr",
    ],
)
def test_email_valid(value):
    assert error("email", value) is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ("", "J'écris mon adresse e-mail."),
        ("anne dupont@exemple.fr", "L'adresse e-mail a un espace. J'enlève les espaces."),
        ("anne.dupont.exemple.fr", "Il manque le signe @. Je vérifie mon adresse e-mail."),
        ("anne@dupont@exemple.fr", "L'adresse e-mail a plusieurs signes @. Il faut 1 seul signe @."),
        ("@exemple.fr", EMAIL_START),
        (".anne@exemple.fr", EMAIL_START),
        ("anne.@exemple.fr", EMAIL_START),
        ("anne..dupont@exemple.fr", EMAIL_START),
        ("anne,dupont@exemple.fr", EMAIL_START),
        ("anne\x07@exemple.fr", EMAIL_START),
        ("anne@", EMAIL_END),
        ("anne@exemple", EMAIL_END),
        ("anne@exemple,fr", EMAIL_END),
        ("anne@exemple.", EMAIL_END),
        ("anne@.fr", EMAIL_END),
        ("anne@exemple..fr", EMAIL_END),
        ("anne@exemple.f", EMAIL_END),
        ("anne@exemple.f1", EMAIL_END),
        ("anne@-exemple.fr", EMAIL_END),
        ("anne@exemple_fr.fr", EMAIL_END),
    ],
)
def test_email_invalid(value, expected):
    assert error("email", value) == expected


# --------------------------------------------------------------------------
# mobile
# --------------------------------------------------------------------------

MOBILE_CHARS = "Le numéro a une lettre ou un signe. J'écris seulement des chiffres."
MOBILE_FOREIGN = "Le numéro n'est pas un numéro français. J'écris un numéro de portable français."


@pytest.mark.parametrize(
    "value",
    [
        "06 12 34 56 78",
        "0612345678",
        "07.12.34.56.78",
        "07-12-34-56-78",
        "+33 6 12 34 56 78",
        "+33612345678",
        "+33 7 12 34 56 78",
        "0033 6 12 34 56 78",
        " 06 12 34 56 78 ",
    ],
)
def test_mobile_valid(value):
    assert error("mobile", value) is None


@pytest.mark.parametrize(
    "value, expected, count",
    [
        ("", "J'écris mon numéro de téléphone portable.", None),
        ("06 12 34 56 7A", MOBILE_CHARS, None),
        ("06/12/34/56/78", MOBILE_CHARS, None),
        ("+33 6 12 34 56 7A", MOBILE_CHARS, None),
        ("+44 7911 123456", MOBILE_FOREIGN, None),
        ("06 12 34 56 7", "Le numéro a %(count)s chiffres. Il faut 10 chiffres.", 9),
        ("06 12 34 56 789", "Le numéro a %(count)s chiffres. Il faut 10 chiffres.", 11),
        ("6", "Le numéro a %(count)s chiffre. Il faut 10 chiffres.", 1),
        ("+33 06 12 34 56 78", "Le numéro a %(count)s chiffres après +33. Il faut 9 chiffres.", 10),
        ("+33 6 12 34 56 7", "Le numéro a %(count)s chiffres après +33. Il faut 9 chiffres.", 8),
        ("+33 6", "Le numéro a %(count)s chiffre après +33. Il faut 9 chiffres.", 1),
        ("+33", "Le numéro a %(count)s chiffres après +33. Il faut 9 chiffres.", 0),
        ("01 23 45 67 89", "Le numéro ne commence pas par 06 ou 07. J'écris mon numéro de portable.", None),
        ("+33 1 23 45 67 89", "Le numéro ne commence pas par 06 ou 07. J'écris mon numéro de portable.", None),
        ("08 12 34 56 78", "Le numéro ne commence pas par 06 ou 07. J'écris mon numéro de portable.", None),
    ],
)
def test_mobile_invalid(value, expected, count):
    assert refusal("mobile", value) == (expected, count)


@given(
    st.sampled_from(["06", "07", "+336", "+337", "0033 6"]),
    st.lists(st.sampled_from(["", " ", ".", "-", " . "]), min_size=8, max_size=8),
    st.from_regex(r"[0-9]{8}", fullmatch=True),
)
def test_mobile_accepts_any_separators(prefix, separators, digits):
    value = prefix + "".join(sep + digit for sep, digit in zip(separators, digits))
    assert error("mobile", value) is None


# --------------------------------------------------------------------------
# The field of the real page holds the current value (seed 003): it is erased first
# --------------------------------------------------------------------------


def test_the_email_and_mobile_fields_open_holding_the_current_value():
    from falc_wizard.practice.rules import rule_for

    for name in ("email", "mobile"):
        (field,) = rule_for(name).inputs
        assert field.value, name
        assert field.value != rule_for(name).example, "the value to erase is not the value to type"


OLD_EMAIL = "L'ancienne adresse est encore dans le champ. J'efface tout, puis j'écris la nouvelle."
OLD_MOBILE = "L'ancien numéro est encore dans le champ. J'efface tout, puis j'écris le nouveau."


@pytest.mark.parametrize(
    "value",
    [
        "ancienne.adresse@exemple.fr",  # nothing erased
        "ancienne.adresse@exemple.franne.dupont@exemple.fr",  # typed after it
        "anne.dupont@exemple.francienne.adresse@exemple.fr",  # typed before it
        "Ancienne.Adresse@exemple.fr",
    ],
)
def test_an_email_typed_without_erasing_the_old_one_is_refused(value):
    assert error("email", value) == OLD_EMAIL


@pytest.mark.parametrize("value", ["07 11 22 33 44", "07 11 22 33 4406 12 34 56 78", "+33 7 11 22 33 44", "0711223344"])
def test_a_mobile_typed_without_erasing_the_old_one_is_refused(value):
    assert error("mobile", value) == OLD_MOBILE
