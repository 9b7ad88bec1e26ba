"""Codes the person receives: the code provisoire (by letter) and the code à usage unique (by SMS or e-mail).

A received code is typed as received: the real site refuses any other code, so practice
checks the typed code against the one it showed arriving (the rule's example, which the
drawn phone or mailbox shows: practice/copy.py), capitals and small letters included.
"""

from __future__ import annotations

from .common import (
    N_, CountRefusal, FieldRule, Refusal, first_refusal, has_accent, has_space, is_digits, is_empty,
    is_plain_letter, not_digits, single, value_input,
)


def _has_other_sign(value: str) -> bool:
    return not all(is_plain_letter(char) or is_digits(char) for char in value)


#: The code practice shows arriving on the drawn phone or in the drawn mailbox.
PROVISIONAL_CODE_RECEIVED = "HuqZF3KXCz8k"
ONE_TIME_CODE_RECEIVED = "094567"


def _not_received(received: str):
    """True for a value that is not the code received, exactly (capitals and small letters count)."""
    return lambda value: value != received


def _case_differs(received: str):
    """True for the code received written with a capital where it has a small letter, or the reverse."""
    return lambda value: value != received and value.lower() == received.lower()


#: code_provisoire: exactly 12 letters (a to z, small or capital, no accent) and digits.
#: A space, an accent and another sign each get their own message: each is fixed in a different way.
_check_provisional_code = first_refusal(
    Refusal(is_empty, N_("J'écris mon code provisoire.")),
    Refusal(has_space, N_("Le code provisoire a un espace. J'enlève les espaces.")),
    Refusal(has_accent, N_("Le code provisoire a un accent. J'écris les lettres sans accent.")),
    Refusal(
        _has_other_sign, N_("Le code provisoire a un signe en trop. J'écris seulement des lettres et des chiffres.")
    ),
    CountRefusal(
        lambda count: count != 12,
        N_("Le code provisoire a %(count)s caractère. Il faut 12 caractères."),
        N_("Le code provisoire a %(count)s caractères. Il faut 12 caractères."),
    ),
    Refusal(
        _case_differs(PROVISIONAL_CODE_RECEIVED),
        N_("Une majuscule ou une minuscule est fausse. Je recopie chaque lettre comme dans le code reçu."),
    ),
    Refusal(
        _not_received(PROVISIONAL_CODE_RECEIVED),
        N_("Ce code est différent du code reçu. Je recopie le code reçu, lettre par lettre."),
    ),
)

#: code_unique: the code à usage unique the real site sends, exactly 6 digits.
_check_one_time_code = first_refusal(
    Refusal(is_empty, N_("J'écris le code à usage unique que j'ai reçu.")),
    Refusal(has_space, N_("Le code à usage unique a un espace. J'enlève les espaces.")),
    Refusal(not_digits, N_("Le code à usage unique a une lettre ou un signe. J'écris seulement des chiffres.")),
    CountRefusal(
        lambda count: count != 6,
        N_("Le code à usage unique a %(count)s chiffre. Il faut 6 chiffres."),
        N_("Le code à usage unique a %(count)s chiffres. Il faut 6 chiffres."),
    ),
    Refusal(
        _not_received(ONE_TIME_CODE_RECEIVED),
        N_("Ce code est différent du code reçu. Je recopie les 6 chiffres du code reçu."),
    ),
)


PROVISIONAL_CODE = FieldRule(
    "code_provisoire", value_input(size=14), PROVISIONAL_CODE_RECEIVED, single(_check_provisional_code)
)
ONE_TIME_CODE = FieldRule(
    "code_unique",
    value_input(inputmode="numeric", autocomplete="one-time-code", size=8),
    ONE_TIME_CODE_RECEIVED,
    single(_check_one_time_code),
)
