"""The numbers of the carte Vitale: the social security number (NIR) and the card's serial number."""

from __future__ import annotations

from stdnum.fr import nir as stdnum_nir

from .common import (
    N_, CountRefusal, FieldRule, Refusal, first_refusal, is_digits, is_empty, not_digits, single, value_input,
    without_spaces,
)


# --------------------------------------------------------------------------
# nir: numéro de sécurité sociale
# --------------------------------------------------------------------------

NIR_LENGTH = 15
_CORSICA = ("2A", "2B")


def _nir_digits_only(number: str) -> str:
    """The number with a Corsican department (2A, 2B in 6th-7th place) written as digits, to test the characters."""
    if number[5:7].upper() in _CORSICA:
        return number[:5] + "20" + number[7:]
    return number


def is_nir_shaped(value: str) -> bool:
    """True when the value looks like a social security number (15 characters, spaces aside), key right or not.

    Used by the identifiant rule: the real site refuses an identifiant that is
    the person's social security number, even with a wrong key.
    """
    number = without_spaces(value)
    return len(number) == NIR_LENGTH and is_digits(_nir_digits_only(number))


def _not_nir_characters(value: str) -> bool:
    return not is_digits(_nir_digits_only(without_spaces(value)))


def _wrong_nir_key(value: str) -> bool:
    """The key (2 last digits) does not match the 13 first characters: stdnum knows the Corsican rule."""
    return not stdnum_nir.is_valid(without_spaces(value).upper())


#: nir: 13 characters and a 2-digit key, spaces allowed, 2A or 2B for Corsica.
_check_nir = first_refusal(
    Refusal(is_empty, N_("J'écris mon numéro de sécurité sociale.")),
    Refusal(_not_nir_characters, N_("Le numéro a une lettre ou un signe. J'écris seulement des chiffres.")),
    CountRefusal(
        lambda count: count != NIR_LENGTH,
        N_("Le numéro a %(count)s chiffre. Il faut 15 chiffres."),
        N_("Le numéro a %(count)s chiffres. Il faut 15 chiffres."),
        part=without_spaces,
    ),
    Refusal(_wrong_nir_key, N_("Le numéro n'est pas bon. Je vérifie les 2 derniers chiffres.")),
)


# --------------------------------------------------------------------------
# Carte Vitale serial numbers
# --------------------------------------------------------------------------

#: What both serial numbers refuse first. The card prints the number with spaces: they are allowed.
_SERIAL_DIGITS = (
    Refusal(is_empty, N_("J'écris le numéro de série de ma carte Vitale.")),
    Refusal(
        lambda value: not_digits(without_spaces(value)),
        N_("Le numéro de série a une lettre ou un signe. J'écris seulement des chiffres."),
    ),
)

#: serie_sans_photo: a carte Vitale without photo, the serial number has 8 to 13 digits.
_check_serial_without_photo = first_refusal(
    *_SERIAL_DIGITS,
    CountRefusal(
        lambda count: not 8 <= count <= 13,
        N_("Le numéro de série a %(count)s chiffre. Il faut 8 à 13 chiffres."),
        N_("Le numéro de série a %(count)s chiffres. Il faut 8 à 13 chiffres."),
        part=without_spaces,
    ),
)

#: serie_avec_photo: a carte Vitale with photo, the last 11 digits of the serial number.
#: A longer number gets its own message, because the person has most likely copied the
#: whole line instead of its last 11 digits.
_check_serial_with_photo = first_refusal(
    *_SERIAL_DIGITS,
    CountRefusal(
        lambda count: count > 11,
        None,  # more than 11 is never 1
        N_("Le numéro de série a %(count)s chiffres. J'écris seulement les 11 derniers chiffres."),
        part=without_spaces,
    ),
    CountRefusal(
        lambda count: count < 11,
        N_("Le numéro de série a %(count)s chiffre. Il faut 11 chiffres."),
        N_("Le numéro de série a %(count)s chiffres. Il faut 11 chiffres."),
        part=without_spaces,
    ),
)


# A number pad, like the other numbers: the card and the help say "15 chiffres". The cost:
# a phone's number pad has no letters, so a person born in Corsica (2A, 2B) types them
# from a full keyboard (a tablet's numeric layer keeps its letters key); 2A/2B stay accepted.
NIR = FieldRule("nir", value_input(inputmode="numeric", size=25), "1 55 12 55 555 555 97", single(_check_nir))
SERIAL_WITHOUT_PHOTO = FieldRule(
    "serie_sans_photo",
    value_input(inputmode="numeric", size=16),
    "0102457612 4",
    single(_check_serial_without_photo),
)
SERIAL_WITH_PHOTO = FieldRule(
    "serie_avec_photo",
    value_input(inputmode="numeric", size=14),
    "80250000021",
    single(_check_serial_with_photo),
)
