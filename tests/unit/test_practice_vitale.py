"""The carte Vitale numbers (practice.rules.vitale): the social security number and the serial numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from falc_wizard.practice.rules import Message, check
from support import practice_error as error, practice_refusal as refusal


def nir_key(first_13: str) -> str:
    """The key of a social security number, computed here independently of python-stdnum."""
    number = first_13.upper().replace("2A", "19", 1) if first_13[5:7].upper() == "2A" else first_13
    number = number.upper().replace("2B", "18", 1) if first_13[5:7].upper() == "2B" else number
    return "%02d" % (97 - int(number) % 97)

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
        ("1 55 12 55 555 555 9", "Le numéro a %(count)s chiffres. Il faut 15 chiffres.", {"count": 14}),
        ("1 55 12 55 555 555 977", "Le numéro a %(count)s chiffres. Il faut 15 chiffres.", {"count": 16}),
        ("1 55 12 55 555 555", "Le numéro a %(count)s chiffres. Il faut 15 chiffres.", {"count": 13}),
        ("1", "Le numéro a %(count)s chiffre. Il faut 15 chiffres.", {"count": 1}),
        ("2 85 05 2A 123 456 " + nir_key("285052B123456"), NIR_KEY, {}),  # 2A with the key of 2B
        ("2 55 12 55 555 555 97", NIR_KEY, {}),
    ],
)
def test_nir_invalid(value, expected, params):
    errors = check("nir", {"valeur": value})
    assert errors == {"valeur": Message(expected, params)}


def test_nir_length_message_says_the_count():
    message = check("nir", {"valeur": "1 55 12 55 555 555 9"})["valeur"]
    assert message.text % message.params == "Le numéro a 14 chiffres. Il faut 15 chiffres."


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


SERIE_8_TO_13 = "Le numéro de série a %(count)s chiffres. Il faut 8 à 13 chiffres."
SERIE_11 = "Le numéro de série a %(count)s chiffres. Il faut 11 chiffres."

#: serie_sans_photo: 8 to 13 digits; serie_avec_photo: the last 11 digits of the number.
SERIE_VALID = {
    "serie_sans_photo": ["0102457612 4", "01024576124", "12345678", "1234567890123", " 1234 5678 "],
    "serie_avec_photo": ["80250000021", " 802 500 000 21 ", "00000000000"],
}


@pytest.mark.parametrize("field, value", [(field, value) for field, values in SERIE_VALID.items() for value in values])
def test_serie_valid(field, value):
    assert error(field, value) is None


@pytest.mark.parametrize(
    "field, value, expected, count",
    [
        ("serie_sans_photo", "", SERIE_EMPTY, None),
        ("serie_sans_photo", "0102457612-4", SERIE_CHARS, None),
        ("serie_sans_photo", "O102457612 4", SERIE_CHARS, None),
        ("serie_sans_photo", "1234567", SERIE_8_TO_13, 7),
        ("serie_sans_photo", "12345678901234", SERIE_8_TO_13, 14),
        ("serie_sans_photo", "1", "Le numéro de série a %(count)s chiffre. Il faut 8 à 13 chiffres.", 1),
        ("serie_avec_photo", "", SERIE_EMPTY, None),
        ("serie_avec_photo", "8025000002I", SERIE_CHARS, None),
        ("serie_avec_photo", "8025000002", SERIE_11, 10),
        ("serie_avec_photo", "8", "Le numéro de série a %(count)s chiffre. Il faut 11 chiffres.", 1),
        (
            "serie_avec_photo",
            "0123480250000021",
            "Le numéro de série a %(count)s chiffres. J'écris seulement les 11 derniers chiffres.",
            16,
        ),
    ],
)
def test_serie_invalid(field, value, expected, count):
    assert refusal(field, value) == (expected, count)
