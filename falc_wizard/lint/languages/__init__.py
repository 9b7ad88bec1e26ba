"""The checker's rules of each language: one module a language, one interface.

A rule module (``voice``, ``vocabulary``, ``labels``, ``gestures``, the package's main
module) holds the rule and reads the words of a language from here:
``rules_for("fr").negative``. Each language is one module of this package, named by its
code (``fr.py``, ``en.py``), whose ``RULES`` is a ``Language``. Adding a language to the
checker is writing that module (docs/ARCHITECTURE.md says how); a language without
one is refused by ``rules_for`` in one sentence that names the file to write.

Patterns are read on a plain sentence (``text.plain``: one kind of apostrophe and space),
stripped; those used with ``match`` are anchored at the sentence's start.
"""

from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass
from typing import Callable, Mapping


class MissingLanguage(LookupError):
    """The checker has no rules for a language (one line: which, and the file to write)."""


@dataclass(frozen=True)
class Language:
    code: str

    # Sentences (FALC rules 1, 2, 29) ---------------------------------------------------
    #: Joining words: 2 in one sentence are usually 2 ideas ("one-idea").
    conjunctions: re.Pattern[str]
    #: The word before a list's last thing ("et", "ou"): "vertical-list" counts the things.
    last_of_list: re.Pattern[str]
    #: Number words to write in digits ("numbers-in-digits"); "un"/"one" are articles too.
    number_words: re.Pattern[str]

    # Screens (FALC rules 11, readability) ----------------------------------------------
    #: A sentence that acts on the real site, at its start: 2 on a screen are 2 actions ("main-action").
    action: re.Pattern[str]
    #: The Flesch reading ease of a screen's text, and the least a screen may score ("readability").
    reading_ease: Callable[[str], float]
    min_reading_ease: float

    # Voice (FALC rule 9) -------------------------------------------------------------------
    #: The passive group of a sentence ("sont supprimées"), or None ("passive").
    passive: Callable[[str], str | None]
    #: A negation word, anywhere in the sentence ("negative").
    negative: re.Pattern[str]

    # The real site's labels (FALC rules 20, 22) --------------------------------------------
    #: A sentence that asks to press something, at its start ("label").
    press: re.Pattern[str]
    #: A sentence that names a control: group ``look`` (a button, a link) or ``case`` (a box).
    control: re.Pattern[str]
    #: The word of ``control`` -> what it names: "bouton", "lien" or "case" (as ``labels`` draws them).
    control_words: Mapping[str, str]

    # One gesture a screen (FALC rule 11) ---------------------------------------------------
    #: A gesture of the person, each time it is said with its doer ("one-gesture").
    gesture: re.Pattern[str]
    #: A sentence that writes, at its start: its fields are counted.
    writes: re.Pattern[str]
    #: The fields the real site asks for, one gesture each.
    fields: re.Pattern[str]
    #: Several pages or fields named as one thing to fill.
    several: re.Pattern[str]
    #: A press, anywhere in a sentence of a choice screen.
    press_anywhere: re.Pattern[str]

    # Words (FALC rules 7, 10) --------------------------------------------------------------
    #: "X veut dire Y." at the sentence's start, groups ``word`` and ``meaning``.
    means: re.Pattern[str]
    #: "Un X est un ..." at the sentence's start, group ``word``.
    defines: re.Pattern[str]
    #: (ending, replacements): the dictionary forms a written form may come from ("cochée" -> "cocher").
    endings: tuple[tuple[str, tuple[str, ...]], ...]
    #: "explained-first" reads this language: its hard words are the real site's own, in it.
    explained_first: bool = False


_CODE = re.compile(r"^[a-z]{2,3}$")


@functools.cache
def rules_for(code: str) -> Language:
    """The rules of one language, or ``MissingLanguage`` naming the module to write."""
    if not _CODE.fullmatch(code or ""):
        raise MissingLanguage(f"'{code}' is not a language code (2 or 3 small letters, as 'fr' or 'en')")
    try:
        module = importlib.import_module(f"{__name__}.{code}")
    except ModuleNotFoundError as missing:
        if missing.name != f"{__name__}.{code}":
            raise
        raise MissingLanguage(
            f"the FALC checker has no rules for '{code}': write falc_wizard/lint/languages/{code}.py"
            f" (its RULES, as fr.py and en.py; docs/ARCHITECTURE.md)"
        ) from None
    rules = getattr(module, "RULES", None)
    if not isinstance(rules, Language) or rules.code != code:
        raise MissingLanguage(f"falc_wizard/lint/languages/{code}.py has no RULES = Language(code=\"{code}\", ...)")
    return rules
