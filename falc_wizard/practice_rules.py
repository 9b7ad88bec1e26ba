"""The rules of the practice fields ("Je m'entraîne"), checked like the real site.

In practice mode the person types into a field that looks like the field of
"Mon espace santé". The point is to meet the real site's refusals here, where
a mistake costs nothing, and to get a FALC message that says what is wrong and
how to fix it. So each rule follows what the real site accepts: not stricter
(the person would learn a false rule), not looser (the real site would refuse
what we accepted).

This module is pure Python (no Flask, no WTForms) so that it is tested alone
and reused by the views, the FALC checker and the message extraction.

Every check is *total*: whatever is posted (nothing, a huge text, control
characters, a missing input) it returns a dict and never raises, because a
crash in practice mode would be one more failure for the person. Nothing is
kept: values go in, messages come out.

Messages are French gettext msgids, each written as an ``N_("...")`` literal so
that extraction finds it; parameters use ``%(name)s`` and are filled in when
the message is translated for display.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from stdnum.exceptions import ValidationError
from stdnum.fr import nir as stdnum_nir


def N_(message: str) -> str:
    """Marks a French message for gettext extraction; returns it unchanged (translated at display)."""
    return message


@dataclass(frozen=True)
class Message:
    """An error, as a French gettext msgid plus its %(name)s parameters.

    The text stays untranslated here: the view translates it in the person's
    language at display time.
    """

    text: str
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Input:
    """One HTML <input> of a practice field, described so the template can draw it like the real site."""

    name: str
    label: str
    type: str = "text"
    inputmode: str = "text"
    autocomplete: str = "off"
    size: int = 20
    #: None: no limit. A maxlength silently cuts a paste or an autofill, and
    #: the person does not see why the value is wrong; a message is better.
    maxlength: int | None = None


@dataclass(frozen=True)
class FieldRule:
    """A practice field, in one row: its inputs, the example to show, how it is checked,
    and a valid sample typed into its inputs.

    ``sample`` is what a person would type for the example: the tests walk the
    journeys with it, and check that the rule accepts it (an example the rule
    refuses would teach a wrong value). A one-input field's sample is its
    example in the input "valeur", so it is given only for the others.
    """

    name: str
    inputs: tuple[Input, ...]
    example: str
    check: Callable[[Mapping[str, str]], dict[str, Message]]
    checklist: tuple[tuple[str, str], ...] = ()
    given_sample: Mapping[str, str] | None = None

    @property
    def sample(self) -> dict[str, str]:
        """A valid value for each input, as typed: the example, in the field's inputs."""
        return dict(self.given_sample) if self.given_sample is not None else {VALUE: self.example}

    @property
    def hidden_inputs(self) -> frozenset[str]:
        """The inputs whose value is never shown again (passwords): not even back after an error."""
        return frozenset(item.name for item in self.inputs if item.type == "password")


Errors = dict[str, Message]

#: The input name of every field that has only one input.
VALUE = "valeur"

# --------------------------------------------------------------------------
# Small helpers shared by the rules
# --------------------------------------------------------------------------

_DIGITS = re.compile(r"[0-9]+")
_SPACES = re.compile(r"\s+")


def _raw(values: Mapping[str, str], name: str) -> str:
    """The value of one input as posted; "" when it is missing or not text, so a check never raises."""
    try:
        value = values.get(name, "")
    except Exception:  # a broken mapping must not crash practice mode
        return ""
    return value if isinstance(value, str) else ""


def _clean(value: str) -> str:
    """Surrounding spaces removed, and accents composed (é typed as e + ´ is one letter for the person)."""
    return unicodedata.normalize("NFC", value).strip()


def _without_spaces(value: str) -> str:
    """Inner spaces removed, for numbers the real site accepts with spaces (they are printed with spaces)."""
    return _SPACES.sub("", value)


def _is_digits(value: str) -> bool:
    """Only the digits 0 to 9: str.isdigit() would also accept ² or Arabic digits, which the real site refuses."""
    return _DIGITS.fullmatch(value) is not None


def _has_space(value: str) -> bool:
    return _SPACES.search(value) is not None


def _is_plain_letter(char: str) -> bool:
    """A letter from a to z, small or capital, without accent."""
    return char.isascii() and char.isalpha()


def _is_accented_letter(char: str) -> bool:
    """A Latin letter with an accent (é, ç, Ô...): it gets its own message, "sans accent" is easy to fix."""
    if not char.isalpha() or char.isascii():
        return False
    return _is_plain_letter(unicodedata.normalize("NFD", char)[0])


def _counted(one: str, many: str, count: int) -> Message:
    """A message that says a count, in the singular for 1 ("1 caractère"): a wrong plural is harder to read."""
    return Message(one if count == 1 else many, {"count": count})


def _single(
    check_value: Callable[[str], Message | None], strip: bool = True
) -> Callable[[Mapping[str, str]], Errors]:
    """Turn a check of one value into the check of a one-input field (input "valeur")."""

    def check_field(values: Mapping[str, str]) -> Errors:
        value = _raw(values, VALUE)
        message = check_value(_clean(value) if strip else value)
        return {VALUE: message} if message else {}

    check_field.__doc__ = check_value.__doc__
    return check_field


# --------------------------------------------------------------------------
# date_naissance: 3 inputs, day, month, year
# --------------------------------------------------------------------------

DAY, MONTH, YEAR = "jour", "mois", "annee"
FIRST_YEAR = 1900


def _today_in_france() -> date:
    """Today where the real site is.

    The server may run in UTC, and a French birthday starts at midnight in Paris.
    """
    try:
        return datetime.now(ZoneInfo("Europe/Paris")).date()
    except ZoneInfoNotFoundError:
        return date.today()


def _check_day(text: str) -> Message | None:
    if not text:
        return Message(N_("J'écris le jour de ma naissance."))
    if not _is_digits(text):
        return Message(N_("J'écris le jour avec des chiffres."))
    if len(text) > 2 or not 1 <= int(text) <= 31:
        return Message(N_("Le jour n'est pas bon. J'écris un nombre de 1 à 31."))
    return None


def _check_month(text: str) -> Message | None:
    if not text:
        return Message(N_("J'écris le mois de ma naissance."))
    if not _is_digits(text):
        return Message(N_("J'écris le mois avec des chiffres. Par exemple : 3 pour mars."))
    if len(text) > 2 or not 1 <= int(text) <= 12:
        return Message(N_("Le mois n'est pas bon. J'écris un nombre de 1 à 12."))
    return None


def _check_year(text: str) -> Message | None:
    if not text:
        return Message(N_("J'écris l'année de ma naissance."))
    if not _is_digits(text):
        return Message(N_("J'écris l'année avec des chiffres."))
    if len(text) != 4:
        return Message(N_("J'écris l'année avec 4 chiffres. Par exemple : 1985."))
    if int(text) < FIRST_YEAR:
        return Message(N_("L'année est trop ancienne. J'écris une année à partir de 1900."))
    return None


def check_birth_date(values: Mapping[str, str], today: date | None = None) -> Errors:
    """Check a birth date typed in 3 inputs.

    Each input is checked alone first, so the message sits next to the input
    to fix. Only when the 3 parts are right is the whole date checked: a real
    calendar date (no 30 February), strictly before today. ``today`` is a
    parameter so tests do not depend on the clock.
    """
    day, month, year = (_clean(_raw(values, name)) for name in (DAY, MONTH, YEAR))
    parts = {DAY: _check_day(day), MONTH: _check_month(month), YEAR: _check_year(year)}
    errors = {name: message for name, message in parts.items() if message}
    if errors:
        return errors
    try:
        birth = date(int(year), int(month), int(day))
    except ValueError:
        return {DAY: Message(N_("Ce jour n'existe pas dans ce mois. Je vérifie le jour."))}
    today = today or _today_in_france()
    if birth == today:
        return {YEAR: Message(N_("C'est la date d'aujourd'hui. J'écris ma date de naissance."))}
    if birth > today:
        return {YEAR: Message(N_("Cette date n'est pas encore passée. Je vérifie l'année."))}
    return {}


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
    number = _without_spaces(value)
    return len(number) == NIR_LENGTH and _is_digits(_nir_digits_only(number))


def _check_nir(value: str) -> Message | None:
    """The social security number: 13 characters and a 2-digit key, spaces allowed, 2A or 2B for Corsica."""
    if not value:
        return Message(N_("J'écris mon numéro de sécurité sociale."))
    number = _without_spaces(value)
    if not _is_digits(_nir_digits_only(number)):
        return Message(N_("Le numéro a une lettre ou un signe. J'écris seulement des chiffres."))
    if len(number) != NIR_LENGTH:
        return _counted(
            N_("Le numéro a %(count)s caractère. Il faut 15 caractères."),
            N_("Le numéro a %(count)s caractères. Il faut 15 caractères."),
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
    number = _without_spaces(value)
    if not _is_digits(number):
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
        return _counted(
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
        return _counted(
            N_("Le numéro de série a %(count)s chiffre. Il faut 11 chiffres."),
            N_("Le numéro de série a %(count)s chiffres. Il faut 11 chiffres."),
            len(number),
        )
    return None


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
    if _has_space(value):
        return Message(N_("Le code provisoire n'a pas d'espace. J'enlève les espaces."))
    if any(_is_accented_letter(char) for char in value):
        return Message(N_("Le code provisoire n'a pas d'accent. J'écris les lettres sans accent."))
    if not all(_is_plain_letter(char) or _is_digits(char) for char in value):
        return Message(N_("Le code provisoire a un signe en trop. J'écris seulement des lettres et des chiffres."))
    if len(value) != 12:
        return _counted(
            N_("Le code provisoire a %(count)s caractère. Il faut 12 caractères."),
            N_("Le code provisoire a %(count)s caractères. Il faut 12 caractères."),
            len(value),
        )
    return None


# --------------------------------------------------------------------------
# identifiant
# --------------------------------------------------------------------------

IDENTIFIER_SIGNS = "_.-"
IDENTIFIER_MIN_LENGTH = 8


def _is_identifier_char(char: str) -> bool:
    return ("a" <= char <= "z") or _is_digits(char) or char in IDENTIFIER_SIGNS


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
    if _has_space(value):
        return Message(N_("L'identifiant n'a pas d'espace. J'enlève les espaces."))
    if any(_is_accented_letter(char) for char in value):
        return Message(N_("L'identifiant n'a pas d'accent. J'écris les lettres sans accent."))
    if any("A" <= char <= "Z" for char in value):
        return Message(N_("L'identifiant n'a pas de majuscule. J'écris les lettres en minuscule."))
    if not all(_is_identifier_char(char) for char in value):
        return Message(
            N_("L'identifiant a un signe interdit. J'utilise seulement le point, le tiret ou le tiret bas.")
        )
    return None


def _identifier_length(value: str) -> Message | None:
    if len(value) < IDENTIFIER_MIN_LENGTH:
        return _counted(
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
        lambda value: any(_is_digits(char) for char in value),
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
    """A new password: the first rule missing, in one sentence, so there is one thing to fix at a time.

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
    password, confirmation = _raw(values, PASSWORD), _raw(values, CONFIRMATION)
    errors: Errors = {}
    message = _check_password(password)
    if message:
        errors[PASSWORD] = message
    if not confirmation.strip():
        errors[CONFIRMATION] = Message(N_("J'écris encore une fois le même mot de passe."))
    elif password.strip() and confirmation != password:
        errors[CONFIRMATION] = Message(N_("Les 2 mots de passe ne sont pas pareils."))
    return errors


# --------------------------------------------------------------------------
# email
# --------------------------------------------------------------------------

_EMAIL_LOCAL_FORBIDDEN = '"(),:;<>[\\]'


def _email_local_part_ok(local: str) -> bool:
    """The part before @: not empty, no dot at its ends or twice in a row, no sign an address cannot have."""
    if not local or local.startswith(".") or local.endswith(".") or ".." in local:
        return False
    return all(char.isprintable() and char not in _EMAIL_LOCAL_FORBIDDEN for char in local)


def _domain_label_ok(label: str) -> bool:
    return bool(label) and not label.startswith("-") and not label.endswith("-") and all(
        char.isalnum() or char == "-" for char in label
    )


def _email_domain_ok(domain: str) -> bool:
    """The part after @: names separated by dots (exemple.fr), ending with 2 letters or more."""
    labels = domain.split(".")
    if len(labels) < 2 or not all(_domain_label_ok(label) for label in labels):
        return False
    ending = labels[-1]
    return len(ending) >= 2 and ending.isalpha()


def _check_email(value: str) -> Message | None:
    """A plausible e-mail address: one @, something before it, a dot in the domain, no space.

    Only plausible: whether the address exists is known when the real site
    sends a message to it. Each common typing mistake has its own message.
    """
    if not value:
        return Message(N_("J'écris mon adresse e-mail."))
    if _has_space(value):
        return Message(N_("L'adresse e-mail n'a pas d'espace. J'enlève les espaces."))
    at_count = value.count("@")
    if at_count == 0:
        return Message(N_("Il manque le signe @. Je vérifie mon adresse e-mail."))
    if at_count > 1:
        return Message(N_("L'adresse e-mail a plusieurs signes @. Il faut 1 seul signe @."))
    local, domain = value.split("@")
    if not _email_local_part_ok(local):
        return Message(N_("Le début de l'adresse n'est pas bon. Je vérifie avant le signe @."))
    if not _email_domain_ok(domain):
        return Message(N_("La fin de l'adresse n'est pas bonne. Je vérifie après le signe @."))
    return None


# --------------------------------------------------------------------------
# mobile
# --------------------------------------------------------------------------

_PHONE_SEPARATORS = re.compile(r"[\s.\-]+")
_FRANCE_PREFIXES = ("+33", "0033")


def _check_mobile(value: str) -> Message | None:
    """A French mobile number: 06 or 07 then 8 digits; spaces, dots and dashes allowed; +33 6... accepted."""
    if not value:
        return Message(N_("J'écris mon numéro de téléphone portable."))
    number = _PHONE_SEPARATORS.sub("", value)
    for prefix in _FRANCE_PREFIXES:
        if number.startswith(prefix):
            return _check_international_mobile(number[len(prefix) :])
    if number.startswith("+") and _is_digits(number[1:]):
        return Message(N_("Le numéro n'est pas un numéro français. J'écris un numéro de portable français."))
    return _check_national_mobile(number)


def _check_international_mobile(digits: str) -> Message | None:
    """The digits after +33: 9 digits, the national number without its first 0."""
    if digits and not _is_digits(digits):
        return Message(N_("Le numéro a une lettre ou un signe. J'écris seulement des chiffres."))
    if len(digits) != 9:
        return _counted(
            N_("Le numéro a %(count)s chiffre après +33. Il faut 9 chiffres."),
            N_("Le numéro a %(count)s chiffres après +33. Il faut 9 chiffres."),
            len(digits),
        )
    return _check_national_mobile("0" + digits)


def _check_national_mobile(number: str) -> Message | None:
    if not _is_digits(number):
        return Message(N_("Le numéro a une lettre ou un signe. J'écris seulement des chiffres."))
    if len(number) != 10:
        return _counted(
            N_("Le numéro a %(count)s chiffre. Il faut 10 chiffres."),
            N_("Le numéro a %(count)s chiffres. Il faut 10 chiffres."),
            len(number),
        )
    if number[:2] not in ("06", "07"):
        return Message(N_("Le numéro ne commence pas par 06 ou 07. J'écris mon numéro de portable."))
    return None


# --------------------------------------------------------------------------
# code_unique: code à usage unique
# --------------------------------------------------------------------------


def _check_one_time_code(value: str) -> Message | None:
    """The code à usage unique the real site sends: exactly 6 digits."""
    if not value:
        return Message(N_("J'écris le code à usage unique que j'ai reçu."))
    if _has_space(value):
        return Message(N_("Le code à usage unique n'a pas d'espace. J'enlève les espaces."))
    if not _is_digits(value):
        return Message(N_("Le code à usage unique a une lettre ou un signe. J'écris seulement des chiffres."))
    if len(value) != 6:
        return _counted(
            N_("Le code à usage unique a %(count)s chiffre. Il faut 6 chiffres."),
            N_("Le code à usage unique a %(count)s chiffres. Il faut 6 chiffres."),
            len(value),
        )
    return None


# --------------------------------------------------------------------------
# The table of fields
# --------------------------------------------------------------------------


def _value_input(**options) -> tuple[Input, ...]:
    """The single input of a one-input field: its label is the step's real label, so it is "" here."""
    return (Input(VALUE, "", **options),)


def _new_password_input(name: str, label: str) -> Input:
    """A password input; "new-password" lets a password manager offer a strong password and keep it."""
    return Input(name, label, type="password", autocomplete="new-password", size=24)

_RULES = (
    FieldRule(
        "date_naissance",
        (
            Input(DAY, N_("Jour"), inputmode="numeric", autocomplete="bday-day", size=2),
            Input(MONTH, N_("Mois"), inputmode="numeric", autocomplete="bday-month", size=2),
            Input(YEAR, N_("Année"), inputmode="numeric", autocomplete="bday-year", size=4),
        ),
        "14 07 1985",
        check_birth_date,
        given_sample={DAY: "14", MONTH: "07", YEAR: "1985"},
    ),
    # inputmode text, not numeric: a person born in Corsica types 2A or 2B.
    FieldRule("nir", _value_input(size=25), "1 55 12 55 555 555 97", _single(_check_nir)),
    FieldRule(
        "serie_sans_photo",
        _value_input(inputmode="numeric", size=16),
        "0102457612 4",
        _single(_check_serial_without_photo),
    ),
    FieldRule(
        "serie_avec_photo",
        _value_input(inputmode="numeric", size=14),
        "80250000021",
        _single(_check_serial_with_photo),
    ),
    FieldRule("code_provisoire", _value_input(size=14), "HuqZF3KXCz8k", _single(_check_provisional_code)),
    FieldRule("identifiant", _value_input(size=24), "anne.dupont", _single(_check_identifier)),
    FieldRule(
        "mot_de_passe",
        (_new_password_input(VALUE, ""),),
        "Soleil-2024",
        _single(_check_password, strip=False),
        PASSWORD_CHECKLIST,
    ),
    FieldRule(
        "mot_de_passe_confirmation",
        (
            _new_password_input(PASSWORD, N_("Choisir mon mot de passe")),
            _new_password_input(CONFIRMATION, N_("Confirmer le mot de passe")),
        ),
        "Soleil-2024",
        check_password_confirmation,
        PASSWORD_CHECKLIST,
        given_sample={PASSWORD: "Soleil-2024", CONFIRMATION: "Soleil-2024"},
    ),
    FieldRule(
        "email",
        _value_input(type="email", inputmode="email", autocomplete="email", size=32),
        "anne.dupont@exemple.fr",
        _single(_check_email),
    ),
    FieldRule(
        "mobile",
        _value_input(type="tel", inputmode="tel", autocomplete="tel", size=16),
        "06 12 34 56 78",
        _single(_check_mobile),
    ),
    FieldRule(
        "code_unique",
        _value_input(inputmode="numeric", autocomplete="one-time-code", size=8),
        "094567",
        _single(_check_one_time_code),
    ),
)

FIELD_RULES: dict[str, FieldRule] = {rule.name: rule for rule in _RULES}


def check(field_name: str, values: Mapping[str, str]) -> dict[str, Message]:
    """Check the values of one practice field: input name -> error, {} when all is right.

    An unknown field name raises KeyError: it is a programming error, not a typing error.
    """
    return FIELD_RULES[field_name].check(values)
