"""What the voice says for a sentence: its spoken text.

Most sentences are said as they are written. Some would be misread by a voice:
a phone number of 4 digits (said as 2 pairs, « trente-quatre vingt-deux », not « trois mille... »),
a web address, an initialism, a code the person copies sign by sign. Three things
give the spoken text, in this order:

1. ``spoken.toml``, ``[<lang>.sentences]``: a whole sentence and what to say instead,
   written and reviewed by a person (the content guide says how);
2. ``spoken.toml``, ``[<lang>.words]``: a word or an address and how to say it, in
   every sentence where it stands (the site's address, the help line's number, « SMS »);
3. two rules for the values the person copies: a code (5 signs or more, with a digit:
   « 094567 », « HuqZF3KXCz8k ») is read sign by sign, capitals said as such; digits in
   groups (« 1 55 12 55 555 555 97 », « 06 12 34 56 78 ») are read group by group, with
   a pause between groups.

``likely_misread`` finds what none of these covers (``falc-wizard lint`` lists it).
Pure Python: no Flask.
"""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path
from typing import Mapping

SPOKEN_FILE = Path(__file__).with_name("spoken.toml")

#: How a capital letter of a code is said, and the word between groups of an address.
_SAY = {
    "fr": {"capital": "{} majuscule", "dot": " point ", "at": " arobase "},
    "en": {"capital": "capital {}", "dot": " dot ", "at": " at "},
}

#: A code the person copies sign by sign: 5 letters or digits or more, at least one digit.
_CODE = re.compile(r"(?<![\w.@-])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{5,}(?![\w@-]|\.\w)")
#: Digits in 3 groups or more (« 1 55 12 55 555 555 97 », « 14 07 1985 »): read group by group.
_GROUPS = re.compile(r"(?<![\w,])\d+(?:[ \u00a0]\d+){2,}(?![\w])")
#: Signs a voice misreads unless the table says them.
_RISKS = {
    "web address": re.compile(r"[\w-]+(?:\.[\w-]+)*@[\w-]+(?:\.[\w-]+)+|(?<![\w.])(?:www\.)?[a-z][\w-]*\.(?:fr|com|net|org|gouv|eu|info)\b(?:/\S*)?|(?<![\w.])[a-z]+\.[a-z]+(?![\w.])"),
    "initialism": re.compile(r"(?<![\w'])[A-ZÀ-Ý]{2,}(?![\w'])"),
    "number of 4 digits or more": re.compile(r"(?<!\d[ \u00a0])(?<!\w)(?!(?:19|20)\d\d\b)\d{4,}\b(?![ \u00a0]\d)"),
    "date or number with slashes": re.compile(r"\b\w+/\w+(?:/\w+)?\b"),
}


@functools.cache
def _table() -> dict:
    with SPOKEN_FILE.open("rb") as file:
        return tomllib.load(file)


def sentences(lang: str) -> Mapping[str, str]:
    """The sentences of ``lang`` that have a whole spoken text of their own."""
    return _table().get(lang, {}).get("sentences", {})


def words(lang: str) -> Mapping[str, str]:
    """The words and addresses of ``lang`` said another way wherever they stand."""
    return _table().get(lang, {}).get("words", {})


@functools.cache
def _word_pattern(lang: str) -> re.Pattern | None:
    table = words(lang)
    if not table:
        return None
    # Longest first, so « anne.dupont@exemple.fr » is said whole, not as « anne.dupont » then the rest.
    alternatives = "|".join(re.escape(word) for word in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w]){'(?:' + alternatives + ')'}(?![\w]|\.\w)")


def spell(code: str, lang: str) -> str:
    """A code sign by sign: « H majuscule, u, q, 3 » (capitals said only in a code of mixed case)."""
    say = _SAY.get(lang, _SAY["en"])
    mixed = any(c.islower() for c in code) and any(c.isupper() for c in code)
    signs = [say["capital"].format(c) if mixed and c.isupper() else c for c in code]
    return ", ".join(signs)


def _groups(match: re.Match) -> str:
    return ", ".join(re.split(r"[ \u00a0]", match.group(0)))


def spoken(text: str, lang: str) -> str:
    """What the voice says for ``text`` in ``lang``."""
    whole = sentences(lang).get(text)
    if whole:
        return whole
    said = text.replace("\u00a0", " ")
    pattern = _word_pattern(lang)
    table = words(lang)
    if pattern is not None:
        said = pattern.sub(lambda m: table[m.group(0)], said)
    said = _CODE.sub(lambda m: spell(m.group(0), lang), said)
    said = _GROUPS.sub(_groups, said)
    return said


def likely_misread(text: str, lang: str) -> list[str]:
    """What in ``text`` a voice is likely to misread and no spoken text covers: ``["initialism: CAF"]``.

    A sentence with a spoken text of its own is covered whole; else each risky sign
    must be in the words of ``spoken.toml`` (a code is read sign by sign by rule)."""
    if text in sentences(lang):
        return []
    table = words(lang)
    pattern = _word_pattern(lang)
    rest = pattern.sub(" ", text) if pattern is not None else text
    rest = _CODE.sub(" ", rest)
    found = []
    for reason, risk in _RISKS.items():
        for match in risk.finditer(rest):
            if match.group(0) not in table:
                found.append(f"{reason}: {match.group(0)}")
    return found
