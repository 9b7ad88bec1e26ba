"""The rules of the practice fields ("Je m'entraîne"), checked like the real site.

In practice mode the person types into a field that looks like the field of
the real site. The point is to meet the real site's refusals here, where
a mistake costs nothing, and to get a FALC message that says what is wrong and
how to fix it. So each rule follows what the real site accepts: not stricter
(the person would learn a false rule), not looser (the real site would refuse
what we accepted).

This package is pure Python (no Flask, no WTForms) so that it is tested alone
and reused by the views, the FALC checker and the message extraction. One
module per family of fields, each ending with its rows of the table:

- ``common``: what a rule is made of (Message, Input, FieldRule), the refusals a check
  of one value is written with (Refusal, CountRefusal, first_refusal) and small helpers;
- ``dates``: the birth date;
- ``vitale``: the social security number (NIR) and the carte Vitale's serial numbers;
- ``codes``: the code provisoire and the code à usage unique;
- ``accounts``: the identifiant and the new password (once or twice), with its checklist;
- ``contact``: the e-mail address and the mobile number.

Every check is *total*: whatever is posted (nothing, a huge text, control
characters, a missing input) it returns a dict and never raises, because a
crash in practice mode would be one more failure for the person. Nothing is
kept: values go in, messages come out.

Messages are French gettext msgids, each written as an ``N_("...")`` literal so
that extraction finds it; parameters use ``%(name)s`` and are filled in when
the message is translated for display.
"""

from __future__ import annotations

from typing import Mapping

from . import accounts, codes, contact, dates, vitale
from .accounts import PASSWORD_CHECKLIST, check_password_confirmation, password_rules
from .common import N_, VALUE, Errors, FieldRule, Input, Message
from .dates import check_birth_date
from .vitale import is_nir_shaped

#: Every practice field by name, in the order of the real site's forms.
FIELD_RULES: dict[str, FieldRule] = {
    rule.name: rule
    for rule in (
        dates.BIRTH_DATE,
        vitale.NIR,
        vitale.SERIAL_WITHOUT_PHOTO,
        vitale.SERIAL_WITH_PHOTO,
        codes.PROVISIONAL_CODE,
        accounts.IDENTIFIER,
        accounts.LOGIN_IDENTIFIER,
        accounts.NEW_PASSWORD,
        accounts.LOGIN_PASSWORD,
        accounts.NEW_PASSWORD_TWICE,
        contact.EMAIL,
        contact.MOBILE,
        codes.ONE_TIME_CODE,
    )
}


def check(field_name: str, values: Mapping[str, str]) -> dict[str, Message]:
    """Check the values of one practice field: input name -> error, {} when all is right.

    An unknown field name raises KeyError: it is a programming error, not a typing error.
    """
    return FIELD_RULES[field_name].check(values)


def rule_for(field_name: str) -> FieldRule:
    """The rule of one practice field (KeyError for an unknown name)."""
    return FIELD_RULES[field_name]


__all__ = [
    "FIELD_RULES", "PASSWORD_CHECKLIST", "VALUE", "Errors", "FieldRule", "Input", "Message", "N_",
    "check", "check_birth_date", "check_password_confirmation", "is_nir_shaped", "password_rules", "rule_for",
]
