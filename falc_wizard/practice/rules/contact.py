"""Contact details: the e-mail address and the French mobile number."""

from __future__ import annotations

import re

from .common import (
    N_, CountRefusal, FieldRule, Message, Refusal, first_refusal, has_space, is_digits, is_empty, not_digits, single,
    value_input,
)

#: What the real field holds when the page that changes it opens (seed 003): the current
#: address or number, drawn in the practice field for the person to erase first.
CURRENT_EMAIL = "ancienne.adresse@exemple.fr"
CURRENT_MOBILE = "07 11 22 33 44"


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


#: email: a plausible address, one @, something before it, a dot in the domain, no space.
#: Only plausible: whether the address exists is known when the real site sends a
#: message to it. Each common typing mistake has its own message.
_check_email = first_refusal(
    Refusal(is_empty, N_("J'écris mon adresse e-mail.")),
    Refusal(
        lambda value: CURRENT_EMAIL in value.lower(),
        N_("L'ancienne adresse est encore dans le champ. J'efface tout, puis j'écris la nouvelle."),
    ),
    Refusal(has_space, N_("L'adresse e-mail a un espace. J'enlève les espaces.")),
    Refusal(lambda value: "@" not in value, N_("Il manque le signe @. Je vérifie mon adresse e-mail.")),
    Refusal(lambda value: value.count("@") > 1, N_("L'adresse e-mail a plusieurs signes @. Il faut 1 seul signe @.")),
    Refusal(
        lambda value: not _email_local_part_ok(value.partition("@")[0]),
        N_("Le début de l'adresse n'est pas bon. Je vérifie avant le signe @."),
    ),
    Refusal(
        lambda value: not _email_domain_ok(value.partition("@")[2]),
        N_("La fin de l'adresse n'est pas bonne. Je vérifie après le signe @."),
    ),
)


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
    if _PHONE_SEPARATORS.sub("", CURRENT_MOBILE)[1:] in number:
        return Message(N_("L'ancien numéro est encore dans le champ. J'efface tout, puis j'écris le nouveau."))
    for prefix in _FRANCE_PREFIXES:
        if number.startswith(prefix):
            return _check_international_mobile(number[len(prefix) :])
    if number.startswith("+") and is_digits(number[1:]):
        return Message(N_("Le numéro n'est pas un numéro français. J'écris un numéro de portable français."))
    return _check_national_mobile(number)


_NOT_DIGITS = N_("Le numéro a une lettre ou un signe. J'écris seulement des chiffres.")

#: The digits after +33: 9 digits, the national number without its first 0.
_check_international_mobile = first_refusal(
    Refusal(lambda digits: bool(digits) and not_digits(digits), _NOT_DIGITS),
    CountRefusal(
        lambda count: count != 9,
        N_("Le numéro a %(count)s chiffre après +33. Il faut 9 chiffres."),
        N_("Le numéro a %(count)s chiffres après +33. Il faut 9 chiffres."),
    ),
    lambda digits: _check_national_mobile("0" + digits),
)

#: The national number: 06 or 07 then 8 digits.
_check_national_mobile = first_refusal(
    Refusal(not_digits, _NOT_DIGITS),
    CountRefusal(
        lambda count: count != 10,
        N_("Le numéro a %(count)s chiffre. Il faut 10 chiffres."),
        N_("Le numéro a %(count)s chiffres. Il faut 10 chiffres."),
    ),
    Refusal(
        lambda number: number[:2] not in ("06", "07"),
        N_("Le numéro ne commence pas par 06 ou 07. J'écris mon numéro de portable."),
    ),
)


EMAIL = FieldRule(
    "email",
    value_input(type="email", inputmode="email", autocomplete="email", size=32, value=CURRENT_EMAIL),
    "anne.dupont@exemple.fr",
    single(_check_email),
)
MOBILE = FieldRule(
    "mobile",
    value_input(type="tel", inputmode="tel", autocomplete="tel", size=16, value=CURRENT_MOBILE),
    "06 12 34 56 78",
    single(_check_mobile),
)
