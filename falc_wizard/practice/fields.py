"""Practice mode glue: read a practice field from a posted form, check it, forget it.

The rules themselves are in the ``practice_rules`` package (pure Python, tested
alone); what the page may show back of a value is decided here too.
The values read here live only for the time of one request: they are checked,
shown back in the page when there is an error (so nothing is lost), and never
put in the session, a log or a file.
"""

from __future__ import annotations

from typing import Mapping

from .i18n import translate
from .practice_rules import FieldRule, password_rules, rule_for

__all__ = ["MAX_VALUE_LENGTH", "check_submission", "checklist_met", "read_values", "rule_for", "values_to_show"]

#: Longer than any real value; a longer post is cut, not stored.
MAX_VALUE_LENGTH = 200


def read_values(rule: FieldRule, form: Mapping[str, str]) -> dict[str, str]:
    return {item.name: str(form.get(item.name, ""))[:MAX_VALUE_LENGTH] for item in rule.inputs}


def check_submission(rule: FieldRule, form: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The values typed and the translated error of each wrong input ({} when all is right)."""
    values = read_values(rule, form)
    errors = {
        name: translate(message.text, **dict(message.params))
        for name, message in rule.check(values).items()
    }
    return values, errors


def values_to_show(rule: FieldRule, values: Mapping[str, str]) -> dict[str, str]:
    """What is filled back into the page after an error: what was typed, so nothing is lost,
    except a password, which is never shown again (it would sit in the page's HTML)."""
    return {name: ("" if name in rule.hidden_inputs else value) for name, value in values.items()}


def checklist_met(rule: FieldRule, values: Mapping[str, str]) -> dict[str, bool]:
    """After a refused new password, which rules of the page's checklist it already meets: the
    checklist ticks them without JavaScript too. The error names one thing to fix; the ticks show
    what else is missing. The password itself is never shown again (``values_to_show``)."""
    if not rule.checklist:
        return {}
    return password_rules(values.get(rule.inputs[0].name, ""))
