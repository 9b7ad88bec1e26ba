"""The values content is made of, declared once for the schema: ids, sentences, seed numbers.

Each is a type pydantic checks when a file is read, and the JSON Schema that authors'
editors use says the same (schema.py). A refusal is one short English line for the author;
the loader puts the file, the step and the key in front of it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, ConfigDict, StringConstraints, WithJsonSchema

#: An id in content: a journey's, a step's, a choice's, a part's, a page's, an element's.
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
#: An id, or "" where none is given.
OptionalId = Annotated[str, StringConstraints(pattern=r"^([a-z0-9][a-z0-9-]*)?$")]

#: The answer recorded for a step that has no choices, once it is done.
DONE = "fait"

#: A step's or an element's ``source`` when no official guide shows it.
NO_SOURCE = "aucun"

#: The two modes, as a step's ``only`` names them.
GUIDE = "guide"
PRACTICE = "entrainement"
Mode = Literal["", "guide", "entrainement"]

#: What the real site sends at a step, shown arriving on the drawn phone in practice.
Message = Literal["", "sms", "email", "email-documents"]

#: Every model of a content file: read-only once loaded, and a key nobody declared is an error
#: (a typo never passes silently). ``source`` in a file is ``sources`` in code. A field's
#: docstring is its description in the JSON Schema: an author's editor shows it.
STRICT = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, use_attribute_docstrings=True)


class ContentError(ValueError):
    """A content file is wrong. The message is one line: file, step, problem."""


#: What ``Text`` says of a blank text (the loader names the key in front of it).
EMPTY = "is empty"


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError(EMPTY)
    return text


#: Text that must say something.
Text = Annotated[str, AfterValidator(_not_blank)]


def _one_or_many(value: object) -> object:
    """A sentence where a list of sentences is expected: the list of that one sentence."""
    return [value] if isinstance(value, str) else value


_ONE_OR_MANY_SCHEMA = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}

#: One sentence, or a list of them (``help = "..."`` or ``help = ["...", "..."]``).
Sentences = Annotated[tuple[str, ...], BeforeValidator(_one_or_many), WithJsonSchema(_ONE_OR_MANY_SCHEMA)]


def _seed_numbers(sources: tuple[str, ...]) -> tuple[str, ...]:
    if NO_SOURCE in sources and len(sources) > 1:
        raise ValueError(f"source '{NO_SOURCE}' stands alone")
    for seed in sources:
        if seed != NO_SOURCE and not (len(seed) == 3 and seed.isascii() and seed.isdigit()):
            raise ValueError(f"source '{seed}' is not a seed number like '002' (or '{NO_SOURCE}')")
    return sources


#: Where a screen's facts come from: seed numbers ("002"), or "aucun" alone.
Sources = Annotated[
    tuple[str, ...],
    BeforeValidator(_one_or_many),
    AfterValidator(_seed_numbers),
    WithJsonSchema({"anyOf": [
        {"type": "string", "pattern": r"^([0-9]{3}|aucun)$"},
        {"type": "array", "items": {"type": "string", "pattern": r"^([0-9]{3}|aucun)$"}},
    ]}),
]
