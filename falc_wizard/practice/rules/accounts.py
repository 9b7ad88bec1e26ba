"""The account the person creates: the identifiant they choose and the new password (once or twice)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from .common import (
    N_, VALUE, Errors, FieldRule, Input, Message, counted, has_space, is_accented_letter, is_digits, raw, single,
    value_input,
)
from .vitale import is_nir_shaped


# --------------------------------------------------------------------------
# identifiant
# --------------------------------------------------------------------------

IDENTIFIER_SIGNS = "_.-"
IDENTIFIER_MIN_LENGTH = 8


def _is_identifier_char(char: str) -> bool:
    return ("a" <= char <= "z") or is_digits(char) or char in IDENTIFIER_SIGNS


def _check_identifier(value: str) -> Message | None:
    """The identifiant the person chooses: 8 characters or more, small letters without accent, digits, _ . -

    An e-mail address and a social security number are the 2 things people
    most often try; the real site refuses both, so each gets its own message
    before the general character rules.
    """
    if not value:
        return Message(N_("J'écris l'identifiant que je choisis."))
    if "@" in value:
        return Message(N_("L'identifiant ne peut pas être une adresse e-mail. Je choisis un autre identifiant."))
    if is_nir_shaped(value):
        return Message(
            N_("L'identifiant ne peut pas être le numéro de sécurité sociale. Je choisis un autre identifiant.")
        )
    return _identifier_characters(value) or _identifier_length(value)


def _identifier_characters(value: str) -> Message | None:
    if has_space(value):
        return Message(N_("L'identifiant a un espace. J'enlève les espaces."))
    if any(is_accented_letter(char) for char in value):
        return Message(N_("L'identifiant a un accent. J'écris les lettres sans accent."))
    if any("A" <= char <= "Z" for char in value):
        return Message(N_("L'identifiant a une majuscule. J'écris les lettres en minuscule."))
    if not all(_is_identifier_char(char) for char in value):
        return Message(
            N_("L'identifiant a un signe interdit. J'utilise seulement le point, le tiret ou le tiret bas.")
        )
    return None


def _identifier_length(value: str) -> Message | None:
    if len(value) < IDENTIFIER_MIN_LENGTH:
        return counted(
            N_("L'identifiant a %(count)s caractère. Il faut 8 caractères ou plus."),
            N_("L'identifiant a %(count)s caractères. Il faut 8 caractères ou plus."),
            len(value),
        )
    return None


# --------------------------------------------------------------------------
# mot_de_passe and mot_de_passe_confirmation
# --------------------------------------------------------------------------

PASSWORD = "mot_de_passe"
CONFIRMATION = "confirmation"
PASSWORD_MIN_LENGTH = 8


@dataclass(frozen=True)
class _PasswordRule:
    """One rule of the password: its key, its line in the live checklist, its test, its error."""

    key: str
    label: str
    test: Callable[[str], bool]
    error: str


#: In the order the checklist shows them; the error names the first one missing.
#: The page's live checklist (static/app.js) runs the same tests in the browser: a length
#: in code points (Python's len), the Unicode Uppercase and Lowercase properties (isupper,
#: islower), a digit from 0 to 9, not a letter or number (isalnum). Change both together:
#: tests/browser/test_password_checklist.py compares them on every character.
_PASSWORD_RULES = (
    _PasswordRule(
        "longueur",
        N_("8 caractères minimum"),
        lambda value: len(value) >= PASSWORD_MIN_LENGTH,
        N_("Il faut 8 caractères minimum dans le mot de passe."),
    ),
    _PasswordRule(
        "majuscule",
        N_("1 majuscule"),
        lambda value: any(char.isupper() for char in value),
        N_("Il manque 1 majuscule dans le mot de passe."),
    ),
    _PasswordRule(
        "minuscule",
        N_("1 minuscule"),
        lambda value: any(char.islower() for char in value),
        N_("Il manque 1 minuscule dans le mot de passe."),
    ),
    _PasswordRule(
        "chiffre",
        N_("1 chiffre"),
        lambda value: any(is_digits(char) for char in value),
        N_("Il manque 1 chiffre dans le mot de passe."),
    ),
    _PasswordRule(
        "special",
        N_("1 caractère spécial"),
        lambda value: any(not char.isalnum() for char in value),
        N_("Il manque 1 caractère spécial dans le mot de passe."),
    ),
)

PASSWORD_CHECKLIST: tuple[tuple[str, str], ...] = tuple((rule.key, rule.label) for rule in _PASSWORD_RULES)


def password_rules(value: str) -> dict[str, bool]:
    """Which password rules the value meets, by checklist key: the checklist ticks each rule as the person types."""
    if not isinstance(value, str):
        value = ""
    return {rule.key: rule.test(value) for rule in _PASSWORD_RULES}


def _check_password(value: str) -> Message | None:
    """A new password: the first rule missing, in one sentence, so there is one thing to fix at a time
    (the page's checklist ticks the rules it already meets: ``practice.checklist_met``).

    The password is NOT stripped, unlike the other fields: a space at the
    start or the end would be part of the real password, and the person could
    not log in later without it. As the space cannot be seen in a password
    input, it gets its own message.
    """
    if not value.strip():
        return Message(N_("J'écris le mot de passe que je choisis."))
    if value != value.strip():
        return Message(N_("Le mot de passe commence ou finit par un espace. J'enlève cet espace."))
    for rule in _PASSWORD_RULES:
        if not rule.test(value):
            return Message(rule.error)
    return None


def check_password_confirmation(values: Mapping[str, str]) -> Errors:
    """A new password typed twice: the first must follow the rules, the second must be the same, exactly.

    The 2 values are compared as typed (no strip), as the real site does.
    """
    password, confirmation = raw(values, PASSWORD), raw(values, CONFIRMATION)
    errors: Errors = {}
    message = _check_password(password)
    if message:
        errors[PASSWORD] = message
    if not confirmation.strip():
        errors[CONFIRMATION] = Message(N_("J'écris encore une fois le même mot de passe."))
    elif password.strip() and confirmation != password:
        errors[CONFIRMATION] = Message(N_("Les 2 mots de passe ne sont pas pareils."))
    return errors


def _check_login_identifier(value: str) -> Message | None:
    """Logging in: the identifier the person chose when they activated (8 characters or more);
    the site checks it against the account, so practice asks only for one of that length."""
    if not value.strip():
        return Message(N_("J'écris mon identifiant."))
    if len(value.strip()) < IDENTIFIER_MIN_LENGTH:
        return Message(N_("Mon identifiant a au moins 8 caractères. Je l'écris en entier."))
    return None


def _check_login_password(value: str) -> Message | None:
    """Logging in: the site checks the password against the account, not against the
    rules of a new one; practice only asks that something is typed."""
    if not value.strip():
        return Message(N_("J'écris mon mot de passe."))
    return None


def _new_password_input(name: str, label: str) -> Input:
    """A password input; "new-password" lets a password manager offer a strong password and keep it."""
    return Input(name, label, type="password", autocomplete="new-password", size=24)


# "username": a password manager keeps it with the password, at sign-up and at log-in.
IDENTIFIER = FieldRule("identifiant", value_input(autocomplete="username", size=24), "anne.dupont", single(_check_identifier))
# Logging in is not choosing an identifier: no example (FALC rule 22: the person would copy
# it instead of typing their own), no rule about its characters.
LOGIN_IDENTIFIER = FieldRule(
    "identifiant_connexion",
    value_input(autocomplete="username", size=24),
    "",
    single(_check_login_identifier),
    given_sample={VALUE: "anne.dupont"},
)
# No example on a password field (FALC rule 22: people copy examples): the checklist of
# rules shows instead; the tests' valid sample is given apart.
NEW_PASSWORD = FieldRule(
    "mot_de_passe",
    (_new_password_input(VALUE, ""),),
    "",
    single(_check_password, strip=False),
    PASSWORD_CHECKLIST,
    given_sample={VALUE: "Soleil-2024"},
)
# Logging in is not choosing a password: "current-password" lets a password manager fill it
# in, and there is no checklist of rules nor any example.
LOGIN_PASSWORD = FieldRule(
    "mot_de_passe_connexion",
    (Input(VALUE, "", type="password", autocomplete="current-password", size=24),),
    "",
    single(_check_login_password, strip=False),
    given_sample={VALUE: "Soleil-2024"},
)
# The first field's label is the page's ("Choisir mon mot de passe" in 002, "Mot de passe"
# in 003); the second is "Confirmer le mot de passe" in both.
NEW_PASSWORD_TWICE = FieldRule(
    "mot_de_passe_confirmation",
    (
        _new_password_input(PASSWORD, ""),
        _new_password_input(CONFIRMATION, N_("Confirmer le mot de passe")),
    ),
    "",
    check_password_confirmation,
    PASSWORD_CHECKLIST,
    given_sample={PASSWORD: "Soleil-2024", CONFIRMATION: "Soleil-2024"},
    separate=True,
)
