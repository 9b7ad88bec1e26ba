"""A practice field read from a posted form, checked, then forgotten.

The rules themselves are in ``rules`` (one module per family of fields). The values
read here live only for the time of one request: they are checked and never put in
the session, a log or a file; after a refusal the field is drawn empty again.
Pure Python: the refusals come out as ``Message`` (a French msgid and its values),
translated by the view.
"""

from __future__ import annotations

from typing import Mapping

from .rules import FieldRule, Message, password_rules, rule_for

__all__ = ["MAX_VALUE_LENGTH", "check_submission", "checklist_met", "read_values", "rule_for"]

#: Longer than any real value; a longer post is cut, not stored.
MAX_VALUE_LENGTH = 200


def read_values(rule: FieldRule, form: Mapping[str, str]) -> dict[str, str]:
    return {item.name: str(form.get(item.name, ""))[:MAX_VALUE_LENGTH] for item in rule.inputs}


def check_submission(rule: FieldRule, form: Mapping[str, str]) -> tuple[dict[str, str], dict[str, Message]]:
    """The values typed and the refusal of each wrong input ({} when all is right)."""
    values = read_values(rule, form)
    return values, rule.check(values)


def checklist_met(rule: FieldRule, values: Mapping[str, str]) -> dict[str, bool]:
    """After a refused new password, which rules of the page's checklist it already meets: the
    checklist ticks them without JavaScript too. The error names one thing to fix; the ticks show
    what else is missing. The password itself is never shown again."""
    if not rule.checklist:
        return {}
    return password_rules(values.get(rule.inputs[0].name, ""))
