"""The numbers of the carte Vitale: the social security number (NIR) and the card's serial number."""

from __future__ import annotations

from stdnum.exceptions import ValidationError
from stdnum.fr import nir as stdnum_nir

from .common import N_, FieldRule, Message, counted, is_digits, single, value_input, without_spaces


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


def _check_nir(value: str) -> Message | None:
    """The social security number: 13 characters and a 2-digit key, spaces allowed, 2A or 2B for Corsica."""
    if not value:
        return Message(N_("J'écris mon numéro de sécurité sociale."))
    number = without_spaces(value)
    if not is_digits(_nir_digits_only(number)):
        return Message(N_("Le numéro a une lettre ou un signe. J'écris seulement des chiffres."))
    if len(number) != NIR_LENGTH:
        return counted(
            N_("Le numéro a %(count)s chiffre. Il faut 15 chiffres."),
            N_("Le numéro a %(count)s chiffres. Il faut 15 chiffres."),
            len(number),
        )
    try:
        stdnum_nir.validate(number.upper())
    except ValidationError:
        return Message(N_("Le numéro n'est pas bon. Je vérifie les 2 derniers chiffres."))
    return None


# --------------------------------------------------------------------------
# Carte Vitale serial numbers
# --------------------------------------------------------------------------

def _serial_digits(value: str) -> tuple[str, Message | None]:
    """The serial number without its spaces (the card prints it with spaces).

    Also the message for an empty value or a value that is not only digits.
    """
    if not value:
        return "", Message(N_("J'écris le numéro de série de ma carte Vitale."))
    number = without_spaces(value)
    if not is_digits(number):
        return number, Message(
            N_("Le numéro de série a une lettre ou un signe. J'écris seulement des chiffres.")
        )
    return number, None


def _check_serial_without_photo(value: str) -> Message | None:
    """A carte Vitale without photo: the serial number has 8 to 13 digits."""
    number, message = _serial_digits(value)
    if message:
        return message
    if not 8 <= len(number) <= 13:
        return counted(
            N_("Le numéro de série a %(count)s chiffre. Il faut 8 à 13 chiffres."),
            N_("Le numéro de série a %(count)s chiffres. Il faut 8 à 13 chiffres."),
            len(number),
        )
    return None


def _check_serial_with_photo(value: str) -> Message | None:
    """A carte Vitale with photo: the last 11 digits of the serial number.

    A longer number gets its own message, because the person has most
    likely copied the whole line instead of its last 11 digits.
    """
    number, message = _serial_digits(value)
    if message:
        return message
    if len(number) > 11:
        return Message(
            N_("Le numéro de série a %(count)s chiffres. J'écris seulement les 11 derniers chiffres."),
            {"count": len(number)},
        )
    if len(number) < 11:
        return counted(
            N_("Le numéro de série a %(count)s chiffre. Il faut 11 chiffres."),
            N_("Le numéro de série a %(count)s chiffres. Il faut 11 chiffres."),
            len(number),
        )
    return None


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
