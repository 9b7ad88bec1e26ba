"""Tests of the practice field rules (falc_wizard.practice_rules).

They check 3 things:
- each field accepts what the real site accepts and refuses what it refuses,
  with the FALC message of the right branch on the right input;
- every check is total: any text, any missing input, never an exception;
- every message is an ``N_("...")`` literal that gettext extraction finds,
  and follows the FALC rules of the project (short sentences, digits, words).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from falc_wizard import practice_rules as pr
from falc_wizard.practice_rules import FIELD_RULES, Message, check, dates, password_rules

#: The package's modules, one per family of fields (dates, vitale, codes, accounts, contact).
SOURCES = sorted(Path(pr.__file__).parent.glob("*.py"))

FIELD_NAMES = {
    "date_naissance",
    "nir",
    "serie_sans_photo",
    "serie_avec_photo",
    "code_provisoire",
    "identifiant",
    "mot_de_passe",
    "mot_de_passe_confirmation",
    "email",
    "mobile",
    "code_unique",
}


def error(field_name: str, value: str) -> str | None:
    """The msgid of the error of a one-input field, or None when the value is accepted."""
    errors = check(field_name, {"valeur": value})
    assert set(errors) <= {"valeur"}
    return errors["valeur"].text if errors else None


def nir_key(first_13: str) -> str:
    """The key of a social security number, computed here independently of python-stdnum."""
    number = first_13.upper().replace("2A", "19", 1) if first_13[5:7].upper() == "2A" else first_13
    number = number.upper().replace("2B", "18", 1) if first_13[5:7].upper() == "2B" else number
    return "%02d" % (97 - int(number) % 97)


# --------------------------------------------------------------------------
# The interface other code relies on
# --------------------------------------------------------------------------


def test_field_names_are_the_fixed_ones():
    assert set(FIELD_RULES) == FIELD_NAMES
    for name, rule in FIELD_RULES.items():
        assert rule.name == name


def test_check_of_an_unknown_field_is_a_key_error():
    with pytest.raises(KeyError):
        check("pas_un_champ", {"valeur": "x"})


def test_n_returns_its_message_unchanged():
    assert pr.N_("Bonjour.") == "Bonjour."


def test_single_input_fields_use_valeur_and_no_label():
    for name, rule in FIELD_RULES.items():
        if name in {"date_naissance", "mot_de_passe_confirmation"}:
            continue
        assert [(i.name, i.label) for i in rule.inputs] == [("valeur", "")]


def test_no_input_blocks_paste_or_autofill():
    for rule in FIELD_RULES.values():
        for item in rule.inputs:
            assert item.maxlength is None
            assert item.size > 0


def test_date_inputs():
    inputs = FIELD_RULES["date_naissance"].inputs
    assert [(i.name, i.label, i.size, i.inputmode) for i in inputs] == [
        ("jour", "Jour", 2, "numeric"),
        ("mois", "Mois", 2, "numeric"),
        ("annee", "Année", 4, "numeric"),
    ]


def test_password_inputs():
    (single,) = FIELD_RULES["mot_de_passe"].inputs
    assert (single.type, single.autocomplete) == ("password", "new-password")
    first, second = FIELD_RULES["mot_de_passe_confirmation"].inputs
    assert (first.name, first.label) == ("mot_de_passe", "Choisir mon mot de passe")
    assert (second.name, second.label) == ("confirmation", "Confirmer le mot de passe")
    for item in (first, second):
        assert (item.type, item.autocomplete) == ("password", "new-password")


@pytest.mark.parametrize(
    "field_name, html_type, inputmode, autocomplete",
    [
        ("email", "email", "email", "email"),
        ("mobile", "tel", "tel", "tel"),
        ("code_unique", "text", "numeric", "one-time-code"),
        ("serie_sans_photo", "text", "numeric", "off"),
        ("serie_avec_photo", "text", "numeric", "off"),
        # text, not numeric: a person born in Corsica must be able to type 2A or 2B.
        ("nir", "text", "text", "off"),
    ],
)
def test_input_kinds(field_name, html_type, inputmode, autocomplete):
    (item,) = FIELD_RULES[field_name].inputs
    assert (item.type, item.inputmode, item.autocomplete) == (html_type, inputmode, autocomplete)


@pytest.mark.parametrize(
    "field_name, example",
    [
        ("nir", "1 55 12 55 555 555 97"),
        ("serie_sans_photo", "0102457612 4"),
        ("serie_avec_photo", "80250000021"),
        ("code_provisoire", "HuqZF3KXCz8k"),
        ("identifiant", "anne.dupont"),
        ("email", "anne.dupont@exemple.fr"),
        ("mobile", "06 12 34 56 78"),
        ("code_unique", "094567"),
    ],
)
def test_examples_are_the_given_ones(field_name, example):
    assert FIELD_RULES[field_name].example == example


def test_every_sample_is_the_example_typed_and_is_accepted():
    """An example that the check refuses would teach the person a wrong value; the sample is
    that example typed into the field's inputs (the walks of the tests type it too)."""
    for name, rule in FIELD_RULES.items():
        assert list(rule.sample) == [item.name for item in rule.inputs], name
        if name == "date_naissance":
            assert " ".join(rule.sample.values()) == rule.example
        else:
            assert set(rule.sample.values()) == {rule.example}, name
        assert rule.check(rule.sample) == {}, name


def test_passwords_are_the_inputs_never_shown_again():
    assert FIELD_RULES["mot_de_passe"].hidden_inputs == {"valeur"}
    assert FIELD_RULES["mot_de_passe_confirmation"].hidden_inputs == {"mot_de_passe", "confirmation"}
    for name in FIELD_NAMES - {"mot_de_passe", "mot_de_passe_confirmation"}:
        assert FIELD_RULES[name].hidden_inputs == frozenset(), name


def test_the_rule_of_a_field_is_found_by_its_name():
    assert pr.rule_for("nir") is FIELD_RULES["nir"]
    with pytest.raises(KeyError):
        pr.rule_for("pas_un_champ")


def test_message_is_frozen_with_empty_params_by_default():
    message = Message("Texte.")
    assert dict(message.params) == {}
    with pytest.raises(AttributeError):
        message.text = "Autre."  # type: ignore[misc]


# --------------------------------------------------------------------------
# date_naissance
# --------------------------------------------------------------------------

TODAY = date(2024, 6, 15)


def birth(day: str, month: str, year: str, today: date = TODAY) -> dict[str, str]:
    """input name -> msgid for a date checked as if today were ``today``."""
    errors = pr.check_birth_date({"jour": day, "mois": month, "annee": year}, today=today)
    return {name: message.text for name, message in errors.items()}


@pytest.mark.parametrize(
    "day, month, year",
    [
        ("14", "07", "1985"),
        ("1", "1", "1900"),
        (" 3 ", " 4 ", " 1990 "),
        ("29", "02", "2000"),  # 2000 is a leap year (divisible by 400)
        ("29", "2", "2024"),  # leap year
        ("14", "6", "2024"),  # yesterday
        ("31", "12", "1999"),
    ],
)
def test_date_valid(day, month, year):
    assert birth(day, month, year) == {}


def test_date_29_february_of_a_non_leap_year_is_refused_on_the_day():
    assert birth("29", "02", "2023") == {"jour": "Ce jour n'existe pas dans ce mois. Je vérifie le jour."}
    # 1900 is divisible by 100 but not by 400: not a leap year.
    assert birth("29", "02", "1900") == {"jour": "Ce jour n'existe pas dans ce mois. Je vérifie le jour."}


def test_date_31_april_does_not_exist():
    assert set(birth("31", "04", "1990")) == {"jour"}


def test_date_today_is_refused():
    assert birth("15", "06", "2024") == {"annee": "C'est la date d'aujourd'hui. J'écris ma date de naissance."}


def test_date_tomorrow_is_refused():
    assert birth("16", "06", "2024") == {"annee": "Cette date n'est pas encore passée. Je vérifie l'année."}


def test_date_far_future_is_refused():
    assert set(birth("1", "1", "2085")) == {"annee"}


def test_date_1899_is_refused_and_1900_accepted():
    assert birth("31", "12", "1899") == {
        "annee": "L'année est trop ancienne. J'écris une année à partir de 1900."
    }
    assert birth("1", "1", "1900") == {}


def test_date_uses_the_real_today_by_default():
    tomorrow = date.today() + timedelta(days=2)
    values = {"jour": str(tomorrow.day), "mois": str(tomorrow.month), "annee": str(tomorrow.year)}
    future = check("date_naissance", values)
    assert set(future) == {"annee"}
    assert check("date_naissance", {"jour": "14", "mois": "7", "annee": "1985"}) == {}


def test_today_in_france_is_a_date():
    assert abs(dates._today_in_france() - date.today()) <= timedelta(days=1)


@pytest.mark.parametrize(
    "values, expected",
    [
        (("", "7", "1985"), {"jour": "J'écris le jour de ma naissance."}),
        (("  ", "7", "1985"), {"jour": "J'écris le jour de ma naissance."}),
        (("1e", "7", "1985"), {"jour": "J'écris le jour avec des chiffres."}),
        (("٣", "7", "1985"), {"jour": "J'écris le jour avec des chiffres."}),  # Arabic digit 3
        (("0", "7", "1985"), {"jour": "Le jour n'est pas bon. J'écris un nombre de 1 à 31."}),
        (("32", "7", "1985"), {"jour": "Le jour n'est pas bon. J'écris un nombre de 1 à 31."}),
        (("003", "7", "1985"), {"jour": "Le jour n'est pas bon. J'écris un nombre de 1 à 31."}),
        (("14", "", "1985"), {"mois": "J'écris le mois de ma naissance."}),
        (("14", "juillet", "1985"), {"mois": "J'écris le mois avec des chiffres. Par exemple : 3 pour mars."}),
        (("14", "13", "1985"), {"mois": "Le mois n'est pas bon. J'écris un nombre de 1 à 12."}),
        (("14", "00", "1985"), {"mois": "Le mois n'est pas bon. J'écris un nombre de 1 à 12."}),
        (("14", "7", ""), {"annee": "J'écris l'année de ma naissance."}),
        (("14", "7", "19 85"), {"annee": "J'écris l'année avec des chiffres."}),
        (("14", "7", "85"), {"annee": "J'écris l'année avec 4 chiffres. Par exemple : 1985."}),
        (("14", "7", "01985"), {"annee": "J'écris l'année avec 4 chiffres. Par exemple : 1985."}),
        (("14", "7", "0985"), {"annee": "L'année est trop ancienne. J'écris une année à partir de 1900."}),
    ],
)
def test_date_each_part(values, expected):
    assert birth(*values) == expected


def test_date_every_wrong_part_gets_its_message():
    assert birth("", "", "") == {
        "jour": "J'écris le jour de ma naissance.",
        "mois": "J'écris le mois de ma naissance.",
        "annee": "J'écris l'année de ma naissance.",
    }
    assert set(birth("40", "x", "85")) == {"jour", "mois", "annee"}


def test_date_huge_numbers_do_not_crash():
    """int() of more than 4300 digits raises in Python 3.11+: the length is checked first."""
    huge = "9" * 10_000
    assert set(birth(huge, huge, huge)) == {"jour", "mois", "annee"}


def test_date_missing_inputs_count_as_empty():
    assert set(check("date_naissance", {})) == {"jour", "mois", "annee"}
    assert set(check("date_naissance", {"jour": "1"})) == {"mois", "annee"}


# --------------------------------------------------------------------------
# nir: numéro de sécurité sociale
# --------------------------------------------------------------------------

NIR_CHARS = "Le numéro a une lettre ou un signe. J'écris seulement des chiffres."
NIR_KEY = "Le numéro n'est pas bon. Je vérifie les 2 derniers chiffres."


def test_nir_example_key_97_is_right_and_55_printed_by_the_real_site_is_wrong():
    """The real site prints "1 55 12 55 555 555 55" as its example: that key is wrong, 97 is right."""
    assert nir_key("1551255555555") == "97"
    assert error("nir", "1 55 12 55 555 555 97") is None
    assert error("nir", "1 55 12 55 555 555 55") == NIR_KEY


@pytest.mark.parametrize(
    "value",
    [
        "155125555555597",
        "  1 55 12 55 555 555 97  ",
        "1 55 12 55 555 555 97\n",
        "1\u00a055\u00a012\u00a055\u00a0555\u00a0555\u00a097",  # no-break spaces from a copy
        "1 55 12 55  555   555 97",
        "2 85 05 2A 123 456 " + nir_key("285052A123456"),  # born in Corse-du-Sud
        "2 85 05 2b 123 456 " + nir_key("285052B123456"),  # Haute-Corse, small b
    ],
)
def test_nir_valid(value):
    assert error("nir", value) is None


@pytest.mark.parametrize(
    "value, expected, params",
    [
        ("", "J'écris mon numéro de sécurité sociale.", {}),
        ("   ", "J'écris mon numéro de sécurité sociale.", {}),
        ("1 55 12 55 555 555 9O", NIR_CHARS, {}),  # letter O for zero
        ("1-55-12-55-555-555-97", NIR_CHARS, {}),
        ("1 55 12 5A 555 555 97", NIR_CHARS, {}),  # only 2A or 2B
        ("1 55 12 2C 555 555 97", NIR_CHARS, {}),
        ("A 55 12 55 555 555 97", NIR_CHARS, {}),
        ("1 55 12 55 555 555 9", "Le numéro a %(count)s caractères. Il faut 15 caractères.", {"count": 14}),
        ("1 55 12 55 555 555 977", "Le numéro a %(count)s caractères. Il faut 15 caractères.", {"count": 16}),
        ("1 55 12 55 555 555", "Le numéro a %(count)s caractères. Il faut 15 caractères.", {"count": 13}),
        ("1", "Le numéro a %(count)s caractère. Il faut 15 caractères.", {"count": 1}),
        ("2 85 05 2A 123 456 " + nir_key("285052B123456"), NIR_KEY, {}),  # 2A with the key of 2B
        ("2 55 12 55 555 555 97", NIR_KEY, {}),
    ],
)
def test_nir_invalid(value, expected, params):
    errors = check("nir", {"valeur": value})
    assert errors == {"valeur": Message(expected, params)}


def test_nir_length_message_says_the_count():
    message = check("nir", {"valeur": "1 55 12 55 555 555 9"})["valeur"]
    assert message.text % message.params == "Le numéro a 14 caractères. Il faut 15 caractères."


@given(st.from_regex(r"[12][0-9]{12}", fullmatch=True), st.integers(0, 99))
def test_nir_only_the_right_key_is_accepted(first_13, key):
    value = first_13 + "%02d" % key
    expected = None if "%02d" % key == nir_key(first_13) else NIR_KEY
    assert error("nir", value) == expected


# --------------------------------------------------------------------------
# Carte Vitale serial numbers
# --------------------------------------------------------------------------

SERIE_EMPTY = "J'écris le numéro de série de ma carte Vitale."
SERIE_CHARS = "Le numéro de série a une lettre ou un signe. J'écris seulement des chiffres."


@pytest.mark.parametrize("value", ["0102457612 4", "01024576124", "12345678", "1234567890123", " 1234 5678 "])
def test_serie_sans_photo_valid(value):
    assert error("serie_sans_photo", value) is None


@pytest.mark.parametrize(
    "value, expected, count",
    [
        ("", SERIE_EMPTY, None),
        ("0102457612-4", SERIE_CHARS, None),
        ("O102457612 4", SERIE_CHARS, None),
        ("1234567", "Le numéro de série a %(count)s chiffres. Il faut 8 à 13 chiffres.", 7),
        ("12345678901234", "Le numéro de série a %(count)s chiffres. Il faut 8 à 13 chiffres.", 14),
        ("1", "Le numéro de série a %(count)s chiffre. Il faut 8 à 13 chiffres.", 1),
    ],
)
def test_serie_sans_photo_invalid(value, expected, count):
    message = check("serie_sans_photo", {"valeur": value})["valeur"]
    assert message.text == expected
    assert message.params.get("count") == count


@pytest.mark.parametrize("value", ["80250000021", " 802 500 000 21 ", "00000000000"])
def test_serie_avec_photo_valid(value):
    assert error("serie_avec_photo", value) is None


@pytest.mark.parametrize(
    "value, expected, count",
    [
        ("", SERIE_EMPTY, None),
        ("8025000002I", SERIE_CHARS, None),
        ("8025000002", "Le numéro de série a %(count)s chiffres. Il faut 11 chiffres.", 10),
        ("8", "Le numéro de série a %(count)s chiffre. Il faut 11 chiffres.", 1),
        (
            "0123480250000021",
            "Le numéro de série a %(count)s chiffres. J'écris seulement les 11 derniers chiffres.",
            16,
        ),
    ],
)
def test_serie_avec_photo_invalid(value, expected, count):
    message = check("serie_avec_photo", {"valeur": value})["valeur"]
    assert message.text == expected
    assert message.params.get("count") == count


# --------------------------------------------------------------------------
# code_provisoire
# --------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["HuqZF3KXCz8k", "  HuqZF3KXCz8k ", "abcdefghijkl", "123456789012"])
def test_code_provisoire_valid(value):
    assert error("code_provisoire", value) is None


CODE_SIGN = "Le code provisoire a un signe en trop. J'écris seulement des lettres et des chiffres."


@pytest.mark.parametrize(
    "value, expected",
    [
        ("", "J'écris mon code provisoire."),
        ("HuqZ F3KX Cz8k", "Le code provisoire n'a pas d'espace. J'enlève les espaces."),
        ("HuqZF3KXCé8k", "Le code provisoire n'a pas d'accent. J'écris les lettres sans accent."),
        ("HuqZF3KXCe\u03018k", "Le code provisoire n'a pas d'accent. J'écris les lettres sans accent."),
        ("HuqZF3KX-z8k", CODE_SIGN),
        ("HuqZF3KXCz8\x00", CODE_SIGN),
        ("HuqZF3KXCz8", "Le code provisoire a %(count)s caractères. Il faut 12 caractères."),
        ("HuqZF3KXCz8kk", "Le code provisoire a %(count)s caractères. Il faut 12 caractères."),
        ("H", "Le code provisoire a %(count)s caractère. Il faut 12 caractères."),
    ],
)
def test_code_provisoire_invalid(value, expected):
    assert error("code_provisoire", value) == expected


def test_code_provisoire_says_the_count():
    message = check("code_provisoire", {"valeur": "HuqZF3KXCz"})["valeur"]
    assert message.text % message.params == "Le code provisoire a 10 caractères. Il faut 12 caractères."


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
        ("anne dupont", "L'identifiant n'a pas d'espace. J'enlève les espaces."),
        ("anne.dupontè", "L'identifiant n'a pas d'accent. J'écris les lettres sans accent."),
        ("Anne.dupont", "L'identifiant n'a pas de majuscule. J'écris les lettres en minuscule."),
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
        ("anne dupont@exemple.fr", "L'adresse e-mail n'a pas d'espace. J'enlève les espaces."),
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
    message = check("mobile", {"valeur": value})["valeur"]
    assert message.text == expected
    assert message.params.get("count") == count


@given(
    st.sampled_from(["06", "07", "+336", "+337", "0033 6"]),
    st.lists(st.sampled_from(["", " ", ".", "-", " . "]), min_size=8, max_size=8),
    st.from_regex(r"[0-9]{8}", fullmatch=True),
)
def test_mobile_accepts_any_separators(prefix, separators, digits):
    value = prefix + "".join(sep + digit for sep, digit in zip(separators, digits))
    assert error("mobile", value) is None


# --------------------------------------------------------------------------
# code_unique: code à usage unique
# --------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["094567", " 094567 ", "000000"])
def test_code_unique_valid(value):
    assert error("code_unique", value) is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ("", "J'écris le code à usage unique que j'ai reçu."),
        ("094 567", "Le code à usage unique n'a pas d'espace. J'enlève les espaces."),
        ("O94567", "Le code à usage unique a une lettre ou un signe. J'écris seulement des chiffres."),
        ("09456", "Le code à usage unique a %(count)s chiffres. Il faut 6 chiffres."),
        ("0945678", "Le code à usage unique a %(count)s chiffres. Il faut 6 chiffres."),
        ("0", "Le code à usage unique a %(count)s chiffre. Il faut 6 chiffres."),
    ],
)
def test_code_unique_invalid(value, expected):
    assert error("code_unique", value) == expected


# --------------------------------------------------------------------------
# Every check is total
# --------------------------------------------------------------------------

#: Characters that reach the deep branches (digits, 2A, @, dots, accents, spaces, controls).
NEAR_VALID = st.text(alphabet="0123456789 2AaBb@.-_+éÉ\t\n\x00\u00a0Zz!", max_size=40)
ANY_TEXT = st.one_of(st.text(), NEAR_VALID)


def input_names(field_name: str) -> list[str]:
    return [item.name for item in FIELD_RULES[field_name].inputs]


@st.composite
def field_and_values(draw):
    """A field and an arbitrary dict of texts: its inputs, some missing, some unknown keys."""
    field_name = draw(st.sampled_from(sorted(FIELD_NAMES)))
    keys = st.sampled_from(input_names(field_name) + ["autre", "valeur", ""])
    return field_name, draw(st.dictionaries(keys, ANY_TEXT))


def msgids_in_module() -> set[str]:
    """Every N_("...") literal of the package, as gettext (Babel) extraction finds them."""
    from babel.messages.extract import extract_python

    msgids = set()
    for path in SOURCES:
        with path.open("rb") as source:
            found = extract_python(source, {"N_": None}, [], {})
            msgids |= {messages if isinstance(messages, str) else messages[0] for _, _, messages, _ in found}
    return msgids


MSGIDS = msgids_in_module()


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(field_and_values())
def test_every_check_is_total(field_and_values):
    field_name, values = field_and_values
    errors = check(field_name, values)
    assert isinstance(errors, dict)
    assert set(errors) <= set(input_names(field_name))
    for message in errors.values():
        assert isinstance(message, Message)
        assert message.text in MSGIDS, message.text
        assert isinstance(message.text % dict(message.params), str)


@pytest.mark.parametrize("field_name", sorted(FIELD_NAMES))
def test_huge_and_strange_values_are_handled(field_name):
    for value in ("9" * 100_000, "a" * 100_000, "\x00" * 50, "\u202e\u200b", "🙂" * 20, "1" * 15 + "\n" + "1"):
        values = dict.fromkeys(input_names(field_name), value)
        errors = check(field_name, values)
        assert set(errors) <= set(input_names(field_name))


@pytest.mark.parametrize("field_name", sorted(FIELD_NAMES))
def test_every_empty_input_has_its_own_message(field_name):
    """Nothing typed: one message per input, a "J'écris ..." that tells what to do."""
    errors = check(field_name, {})
    assert set(errors) == set(input_names(field_name))
    for message in errors.values():
        assert message.text.startswith("J'écris")


def test_non_text_values_count_as_empty():
    assert check("nir", {"valeur": None}) == check("nir", {})  # type: ignore[dict-item]
    assert check("code_unique", {"valeur": 123456}) == check("code_unique", {})  # type: ignore[dict-item]


# --------------------------------------------------------------------------
# The messages: gettext literals, FALC style
# --------------------------------------------------------------------------

LABELS = {item.label for rule in FIELD_RULES.values() for item in rule.inputs if item.label} | {
    label for rule in FIELD_RULES.values() for _, label in rule.checklist
}
MESSAGES = MSGIDS - LABELS
NUMBER_WORDS = r"\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quinze|seize|vingt)\b"
#: Abbreviations and other words for things the project names one way only.
AVOIDED_WORDS = [
    r"\bmdp\b",
    r"\blogin\b",
    r"(?<!e-)\bmail\b",
    r"\bcourriel\b",
    r"\bsms\b",
    r"\bnir\b",
    r"\bn°",
    r"\bex\.",
    r"\betc\b",
]


def sentences(message: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+", message.strip()) if part]


def words(sentence: str) -> list[str]:
    return [token for token in sentence.split() if re.search(r"\w", token)]


def test_extraction_finds_the_messages_and_labels():
    assert len(MESSAGES) >= 40
    assert {"Jour", "Mois", "Année", "1 chiffre", "Choisir mon mot de passe"} <= LABELS <= MSGIDS


def test_every_message_and_label_is_an_n_literal():
    """Babel finds exactly the N_("...") literals: a message built at run time would not be translated."""
    source = "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)
    literals = set(re.findall(r'N_\(\s*"((?:[^"\\]|\\.)*)"\s*\)', source))
    assert literals - {"..."} == MSGIDS  # "..." is the docstring that shows the form


@pytest.mark.parametrize("message", sorted(MESSAGES))
def test_message_follows_falc(message):
    parts = sentences(message)
    assert 1 <= len(parts) <= 2, message
    for sentence in parts:
        assert sentence[0].isupper(), sentence
        assert sentence.endswith("."), sentence
        assert len(words(sentence)) <= 12, sentence
    assert not re.search(NUMBER_WORDS, message, re.IGNORECASE), message
    assert not re.search(r"\b[A-Z]{2,}\b", message), message  # no capitals text, no acronym
    for avoided in AVOIDED_WORDS:
        assert not re.search(avoided, message, re.IGNORECASE), (avoided, message)


@pytest.mark.parametrize("message", sorted(MESSAGES))
def test_message_parameters_are_named(message):
    """Only %(name)s placeholders: a bare % would break the translation formatting."""
    assert "%" not in re.sub(r"%\(count\)s", "", message), message


def test_words_are_the_project_ones():
    """Always the same words for the same thing (FALC): a new word is a new thing for the reader."""
    text = " ".join(MESSAGES)
    for phrase in ("code provisoire", "code à usage unique", "identifiant", "mot de passe", "carte Vitale",
                   "numéro de sécurité sociale", "numéro de série"):
        assert phrase in text, phrase
    assert "code unique" not in text
    assert "Vitale" not in text.replace("carte Vitale", "")


def test_message_reads_well_with_its_count():
    """The singular form for 1, the plural otherwise."""
    one = check("code_provisoire", {"valeur": "H"})["valeur"]
    assert one.text % one.params == "Le code provisoire a 1 caractère. Il faut 12 caractères."
    two = check("code_provisoire", {"valeur": "Hu"})["valeur"]
    assert two.text % two.params == "Le code provisoire a 2 caractères. Il faut 12 caractères."


def test_module_does_not_import_flask_or_wtforms():
    assert len(SOURCES) >= 6
    source = "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)
    assert not re.search(r"^\s*(from|import)\s+(flask|wtforms|flask_wtf)\b", source, re.MULTILINE)


def test_a_broken_mapping_counts_as_empty():
    """Practice mode must never crash, even on a form object that fails to read."""

    class Broken(dict):
        def get(self, *args):
            raise RuntimeError("unreadable form")

    assert check("nir", Broken()) == check("nir", {})
