"""The account (practice.rules.accounts): the identifiant and the new password, once or twice."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from falc_wizard.practice import rules as pr
from falc_wizard.practice.rules import FIELD_RULES, check, password_rules
from support import practice_error as error


# --------------------------------------------------------------------------
# identifiant
# --------------------------------------------------------------------------

ID_SIGN = "L'identifiant a un signe interdit. J'utilise seulement le point, le tiret ou le tiret bas."
ID_NIR = "L'identifiant ne peut pas être le numéro de sécurité sociale. Je choisis un autre identifiant."


@pytest.mark.parametrize("value", ["anne.dupont", "anne_dupont-75", "12345678", "a.b-c_d9", " anne.dupont "])
def test_identifiant_valid(value):
    assert error("identifiant", value) is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ("", "J'écris l'identifiant que je choisis."),
        (
            "anne.dupont@exemple.fr",
            "L'identifiant ne peut pas être une adresse e-mail. Je choisis un autre identifiant.",
        ),
        ("@nnedupont", "L'identifiant ne peut pas être une adresse e-mail. Je choisis un autre identifiant."),
        ("155125555555597", ID_NIR),
        ("155125555555555", ID_NIR),  # a wrong key is still a social security number
        ("1 55 12 55 555 555 97", ID_NIR),
        ("285052A12345600", ID_NIR),
        ("anne dupont", "L'identifiant a un espace. J'enlève les espaces."),
        ("anne.dupontè", "L'identifiant a un accent. J'écris les lettres sans accent."),
        ("Anne.dupont", "L'identifiant a une majuscule. J'écris les lettres en minuscule."),
        ("anne+dupont", ID_SIGN),
        ("annedupont\u0416", ID_SIGN),  # a Cyrillic letter
        ("anne", "L'identifiant a %(count)s caractères. Il faut 8 caractères ou plus."),
        ("a", "L'identifiant a %(count)s caractère. Il faut 8 caractères ou plus."),
    ],
)
def test_identifiant_invalid(value, expected):
    assert error("identifiant", value) == expected


def test_identifiant_with_15_digits_but_not_nir_shaped_letters_is_not_the_nir_message():
    assert pr.is_nir_shaped("1 55 12 55 555 555 97")
    assert not pr.is_nir_shaped("15512555555559")
    assert not pr.is_nir_shaped("1551255555555a7")
    assert error("identifiant", "1234567890123456") is None  # 16 digits


# --------------------------------------------------------------------------
# mot_de_passe
# --------------------------------------------------------------------------

PASSWORD_ERRORS = {
    "longueur": "Il faut 8 caractères minimum dans le mot de passe.",
    "majuscule": "Il manque 1 majuscule dans le mot de passe.",
    "minuscule": "Il manque 1 minuscule dans le mot de passe.",
    "chiffre": "Il manque 1 chiffre dans le mot de passe.",
    "special": "Il manque 1 caractère spécial dans le mot de passe.",
}


def test_password_checklist():
    expected = (
        ("longueur", "8 caractères minimum"),
        ("majuscule", "1 majuscule"),
        ("minuscule", "1 minuscule"),
        ("chiffre", "1 chiffre"),
        ("special", "1 caractère spécial"),
    )
    assert FIELD_RULES["mot_de_passe"].checklist == expected
    assert FIELD_RULES["mot_de_passe_confirmation"].checklist == expected


def test_password_rules_keys_match_the_checklist():
    keys = [key for key, _ in FIELD_RULES["mot_de_passe"].checklist]
    assert list(password_rules("")) == keys
    assert password_rules("") == dict.fromkeys(keys, False)
    assert password_rules("Soleil-2024") == dict.fromkeys(keys, True)
    assert password_rules("abc") == {
        "longueur": False,
        "majuscule": False,
        "minuscule": True,
        "chiffre": False,
        "special": False,
    }


def test_password_rules_count_characters_and_digits_from_0_to_9():
    """The 2 cases where the page's checklist once disagreed (tests/browser/test_password_checklist.py)."""
    assert password_rules("Aa1-😀😀")["longueur"] is False  # 6 characters, not 8
    assert password_rules("Aa1-😀😀😀😀")["longueur"] is True
    assert password_rules("Soleil-٣abc")["chiffre"] is False  # ٣ is an Arabic-Indic digit
    assert error("mot_de_passe", "Soleil-٣abc") == PASSWORD_ERRORS["chiffre"]


def test_password_rules_is_total():
    assert not any(password_rules(None).values())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value", ["Soleil-2024", "Abcdefg1!", "Été 2024 au soleil", "aB3$aB3$", "Mot de passe 1"]
)
def test_password_valid(value):
    assert error("mot_de_passe", value) is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ("", "J'écris le mot de passe que je choisis."),
        ("    ", "J'écris le mot de passe que je choisis."),
        ("Ab1!", PASSWORD_ERRORS["longueur"]),
        ("abcdefg1!", PASSWORD_ERRORS["majuscule"]),
        ("ABCDEFG1!", PASSWORD_ERRORS["minuscule"]),
        ("Abcdefgh!", PASSWORD_ERRORS["chiffre"]),
        ("Abcdefgh1", PASSWORD_ERRORS["special"]),
        ("abc", PASSWORD_ERRORS["longueur"]),  # the first rule missing, not all of them
        (" Soleil-2024", "Le mot de passe commence ou finit par un espace. J'enlève cet espace."),
        ("Soleil-2024 ", "Le mot de passe commence ou finit par un espace. J'enlève cet espace."),
    ],
)
def test_password_invalid(value, expected):
    assert error("mot_de_passe", value) == expected


@given(st.text())
def test_password_is_accepted_exactly_when_every_rule_is_met(value):
    accepted = error("mot_de_passe", value) is None
    assert accepted == (all(password_rules(value).values()) and value == value.strip())


# --------------------------------------------------------------------------
# mot_de_passe_confirmation
# --------------------------------------------------------------------------


def confirm(password: str, confirmation: str) -> dict[str, str]:
    errors = check("mot_de_passe_confirmation", {"mot_de_passe": password, "confirmation": confirmation})
    return {name: message.text for name, message in errors.items()}


def test_confirmation_valid():
    assert confirm("Soleil-2024", "Soleil-2024") == {}


def test_confirmation_different():
    assert confirm("Soleil-2024", "Soleil-2025") == {"confirmation": "Les 2 mots de passe ne sont pas pareils."}
    assert confirm("Soleil-2024", "soleil-2024") == {"confirmation": "Les 2 mots de passe ne sont pas pareils."}


def test_confirmation_compares_exactly_as_typed():
    assert confirm("Soleil-2024", "Soleil-2024 ") == {"confirmation": "Les 2 mots de passe ne sont pas pareils."}


def test_confirmation_empty():
    assert confirm("Soleil-2024", "") == {"confirmation": "J'écris encore une fois le même mot de passe."}


def test_confirmation_first_password_follows_the_rules():
    assert confirm("soleil-2024", "soleil-2024") == {"mot_de_passe": PASSWORD_ERRORS["majuscule"]}
    assert confirm("soleil", "soleil-2024") == {
        "mot_de_passe": PASSWORD_ERRORS["longueur"],
        "confirmation": "Les 2 mots de passe ne sont pas pareils.",
    }


def test_confirmation_without_password_asks_only_for_the_password():
    assert confirm("", "Soleil-2024") == {"mot_de_passe": "J'écris le mot de passe que je choisis."}
    assert set(confirm("", "")) == {"mot_de_passe", "confirmation"}


def test_the_log_in_password_is_not_a_new_password():
    """Logging in: the password manager fills the account's password in ("current-password"),
    no checklist of new-password rules, no example; anything typed passes, nothing typed is refused."""
    from falc_wizard.practice.rules import FIELD_RULES

    rule = FIELD_RULES["mot_de_passe_connexion"]
    (item,) = rule.inputs
    assert (item.type, item.autocomplete) == ("password", "current-password")
    assert rule.checklist == () and rule.example == ""
    assert rule.check({"valeur": "abc"}) == {}
    assert rule.check({"valeur": "  "})["valeur"].text == "J'écris mon mot de passe."
