"""Codes the person receives: the code provisoire (by letter) and the code à usage unique (by SMS or e-mail)."""

from __future__ import annotations

from .common import (
    N_, FieldRule, Message, counted, has_space, is_accented_letter, is_digits, is_plain_letter, single,
    value_input,
)


# --------------------------------------------------------------------------
# code_provisoire
# --------------------------------------------------------------------------

def _check_provisional_code(value: str) -> Message | None:
    """The provisional code: exactly 12 letters (a to z, small or capital, no accent) and digits.

    A space, an accent and another sign each get their own message: each is
    fixed in a different way.
    """
    if not value:
        return Message(N_("J'écris mon code provisoire."))
    if has_space(value):
        return Message(N_("Le code provisoire n'a pas d'espace. J'enlève les espaces."))
    if any(is_accented_letter(char) for char in value):
        return Message(N_("Le code provisoire n'a pas d'accent. J'écris les lettres sans accent."))
    if not all(is_plain_letter(char) or is_digits(char) for char in value):
        return Message(N_("Le code provisoire a un signe en trop. J'écris seulement des lettres et des chiffres."))
    if len(value) != 12:
        return counted(
            N_("Le code provisoire a %(count)s caractère. Il faut 12 caractères."),
            N_("Le code provisoire a %(count)s caractères. Il faut 12 caractères."),
            len(value),
        )
    return None


# --------------------------------------------------------------------------
# code_unique: code à usage unique
# --------------------------------------------------------------------------

def _check_one_time_code(value: str) -> Message | None:
    """The code à usage unique the real site sends: exactly 6 digits."""
    if not value:
        return Message(N_("J'écris le code à usage unique que j'ai reçu."))
    if has_space(value):
        return Message(N_("Le code à usage unique n'a pas d'espace. J'enlève les espaces."))
    if not is_digits(value):
        return Message(N_("Le code à usage unique a une lettre ou un signe. J'écris seulement des chiffres."))
    if len(value) != 6:
        return counted(
            N_("Le code à usage unique a %(count)s chiffre. Il faut 6 chiffres."),
            N_("Le code à usage unique a %(count)s chiffres. Il faut 6 chiffres."),
            len(value),
        )
    return None


PROVISIONAL_CODE = FieldRule(
    "code_provisoire", value_input(size=14), "HuqZF3KXCz8k", single(_check_provisional_code)
)
ONE_TIME_CODE = FieldRule(
    "code_unique",
    value_input(inputmode="numeric", autocomplete="one-time-code", size=8),
    "094567",
    single(_check_one_time_code),
)
