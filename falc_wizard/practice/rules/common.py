"""What every practice rule is made of: messages, inputs, the rule row, and small helpers.

The rules of each family of fields (dates, carte Vitale numbers, codes,
accounts, contact details) are built from these. Pure Python: no Flask, no
WTForms. Every helper is *total*: whatever it is given, it returns and never
raises, because a crash in practice mode would be one more failure for the person.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Mapping


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
    #: What the real field already holds when its page opens (the current e-mail address
    #: on the page that changes it, seed 003): the person erases it first. "" for an empty field.
    value: str = ""


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
    #: The inputs are separate fields of the real page (a password, then its confirmation),
    #: each with its own label; an input without a label takes the page's label of the
    #: step's field (seeds 002 and 003 name the first one differently). Otherwise the
    #: inputs are the parts of one value (a date), grouped under the field's label.
    separate: bool = False

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


def raw(values: Mapping[str, str], name: str) -> str:
    """The value of one input as posted; "" when it is missing or not text, so a check never raises."""
    try:
        value = values.get(name, "")
    except Exception:  # a broken mapping must not crash practice mode
        return ""
    return value if isinstance(value, str) else ""


def clean(value: str) -> str:
    """Surrounding spaces removed, and accents composed (é typed as e + ´ is one letter for the person)."""
    return unicodedata.normalize("NFC", value).strip()


def without_spaces(value: str) -> str:
    """Inner spaces removed, for numbers the real site accepts with spaces (they are printed with spaces)."""
    return _SPACES.sub("", value)


def is_digits(value: str) -> bool:
    """Only the digits 0 to 9: str.isdigit() would also accept ² or Arabic digits, which the real site refuses."""
    return _DIGITS.fullmatch(value) is not None


def has_space(value: str) -> bool:
    return _SPACES.search(value) is not None


def is_plain_letter(char: str) -> bool:
    """A letter from a to z, small or capital, without accent."""
    return char.isascii() and char.isalpha()


def is_accented_letter(char: str) -> bool:
    """A Latin letter with an accent (é, ç, Ô...): it gets its own message, "sans accent" is easy to fix."""
    if not char.isalpha() or char.isascii():
        return False
    return is_plain_letter(unicodedata.normalize("NFD", char)[0])


def counted(one: str, many: str, count: int) -> Message:
    """A message that says a count, in the singular for 1 ("1 caractère"): a wrong plural is harder to read."""
    return Message(one if count == 1 else many, {"count": count})


# --------------------------------------------------------------------------
# A rule of one value, as a list of refusals
# --------------------------------------------------------------------------
#
# Most fields are checked the same way: is it empty, has it a space, a letter
# where digits are wanted, the wrong length... and each mistake has its own FALC
# message. So a rule is written as the real site's refusals, in the order they
# are checked, and ``first_refusal`` says the first one that applies: one thing
# to fix at a time. A refusal may assume the ones before it passed (a length
# test after a digits test can call int()).

Check = Callable[[str], Message | None]


@dataclass(frozen=True)
class Refusal:
    """One way the real site refuses a value (``wrong`` says it), and the message that says how to fix it."""

    wrong: Callable[[str], bool]
    text: str

    def __call__(self, value: str) -> Message | None:
        return Message(self.text) if self.wrong(value) else None


@dataclass(frozen=True)
class CountRefusal:
    """A refusal of a length: its message says the count, in the singular for 1 (see ``counted``).

    ``one`` is None where the count can never be 1 (more than 11 digits).
    ``part`` is what is counted: the value itself, or the value without its spaces.
    """

    wrong: Callable[[int], bool]
    one: str | None
    many: str
    part: Callable[[str], str] = str

    def __call__(self, value: str) -> Message | None:
        count = len(self.part(value))
        if not self.wrong(count):
            return None
        return counted(self.one or self.many, self.many, count)


def first_refusal(*refusals: Check) -> Check:
    """The check of one value: the message of the first refusal that applies, None when none does."""

    def check_value(value: str) -> Message | None:
        for refusal in refusals:
            message = refusal(value)
            if message:
                return message
        return None

    return check_value


def is_empty(value: str) -> bool:
    return not value


def has_accent(value: str) -> bool:
    return any(is_accented_letter(char) for char in value)


def not_digits(value: str) -> bool:
    return not is_digits(value)


def single(
    check_value: Callable[[str], Message | None], strip: bool = True
) -> Callable[[Mapping[str, str]], Errors]:
    """Turn a check of one value into the check of a one-input field (input "valeur")."""

    def check_field(values: Mapping[str, str]) -> Errors:
        value = raw(values, VALUE)
        message = check_value(clean(value) if strip else value)
        return {VALUE: message} if message else {}

    check_field.__doc__ = check_value.__doc__
    return check_field


def value_input(**options) -> tuple[Input, ...]:
    """The single input of a one-input field: its label is the step's real label, so it is "" here."""
    return (Input(VALUE, "", **options),)
