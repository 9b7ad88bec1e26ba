"""Words: one name per thing, one explanation per word, no rare word left unexplained.

FALC rule 7 (the same word for the same thing) and rule 10 (no rare word unless
the journey explains it). The project glossary, ``falc_wizard/lint/glossary.toml``,
holds the data a content writer edits: proper names, explained words with their
one explanation, and the synonym sets (the word to use, the words it replaces).

Rare words are measured, not guessed: ``wordfreq`` (its word lists ship inside
the wheel, nothing is downloaded) gives each word's Zipf frequency, log10 of its
frequency per billion words: 3 is once per million words, 5 once per thousand.

Threshold: ``RARE_BELOW`` = 3.3, chosen on two lists measured with wordfreq 3.1
(tests/unit/test_lint.py keeps them). 33 words of French administrative jargon
(authentification 3.12, justificatif 3.06, clôturer 3.12, habilitation 3.13,
récépissé 2.87, dématérialisé 2.65, horodatage 1.94...): 20 fall below 3.3.
31 everyday words a FALC guide uses (cocher 3.44, majuscule 3.42, allergie 3.38,
dentiste 3.70, crayon 3.84, tablette 3.99, médecin 4.88...): 1 falls below 3.3
(recopier 3.00). At 3.5 it would be 5 of 31 everyday words, at 3.0 only 13 of 33
jargon words. On the shipped journeys (476 distinct words, labels and names left
out) 3.3 flags 4 words: tirets, recopie, justificatif, clôturer. The jargon that
frequency cannot see (modalités 4.05, conformément 4.24) is left to readers (rule 25).

A word is scored at the best of its form and its likely dictionary forms
("cochée" 2.07 -> "cocher" 3.44, "tirets" -> "tiret"), because a FALC reader
knows a verb whatever its ending; wordfreq counts each written form apart.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from wordfreq import zipf_frequency

from .languages import rules_for
from .text import find, plain, tokens, without_labels

GLOSSARY_FILE = Path(__file__).resolve().parent / "glossary.toml"

#: Below this Zipf frequency a word is rare (see the module docstring for the measure).
RARE_BELOW = 3.3


@dataclass(frozen=True)
class Term:
    """One thing, its one name, and the names it replaces."""

    word: str
    replaces: tuple[str, ...]


@dataclass(frozen=True)
class Glossary:
    names: tuple[str, ...] = ()
    explanations: dict[str, str] = field(default_factory=dict)
    terms: tuple[Term, ...] = ()
    #: Hard words every journey explains where the person first reads them (rule 7), besides
    #: the explained words: the real site uses them, and no single explanation fits every page.
    to_explain: tuple[str, ...] = ()


def load_glossary(path: Path = GLOSSARY_FILE) -> dict[str, Glossary]:
    """The glossary of every language, from the project's glossary file."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        lang: Glossary(
            names=tuple(part.get("noms", ())),
            explanations={normal(k): normal(v) for k, v in part.get("explications", {}).items()},
            terms=tuple(Term(t["mot"], tuple(t.get("remplace", ()))) for t in part.get("termes", ())),
            to_explain=tuple(part.get("a-expliquer", ())),
        )
        for lang, part in data.items()
    }


@lru_cache(maxsize=4)
def project_glossary(path: Path = GLOSSARY_FILE) -> dict[str, Glossary]:
    return load_glossary(path)


def normal(text: str) -> str:
    """How two explanations are compared: lower case, no end punctuation, no leading colon."""
    return re.sub(r"\s+", " ", plain(text)).strip().strip(".:!").strip().lower()


# --------------------------------------------------------------------------- explanations


def explanation(sentence: str, lang: str) -> tuple[str, str] | None:
    """(word, meaning) for "Clôturer veut dire fermer." / "Clôturer means close.", else None."""
    found = find(rules_for(lang).means, sentence)
    if not found:
        return None
    return normal(found.group("word")), normal(found.group("meaning"))


def defined_words(sentence: str, lang: str) -> set[str]:
    """The words a sentence explains (as "veut dire" or as a definition "Un X est un ...")."""
    found = explanation(sentence, lang)
    if found:
        return set(tokens(found[0]))
    match = find(rules_for(lang).defines, sentence)
    return set(tokens(match.group("word"))) if match else set()


# --------------------------------------------------------------------------- rare words


def forms(word: str, lang: str) -> set[str]:
    """The word and the dictionary forms it may come from ("cochée" -> "cocher", "cochée", "coché"...)."""
    found = {word}
    for ending, replacements in rules_for(lang).endings:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            found.update(word[: -len(ending)] + r for r in replacements)
    return found


@lru_cache(maxsize=8192)
def frequency(word: str, lang: str) -> float:
    """The best Zipf frequency of the word and its dictionary forms."""
    return max(zipf_frequency(form, lang) for form in forms(word, lang))


#: Web and e-mail addresses, and example identifiers ("anne.dupont"): not words to read.
_ADDRESS = re.compile(r"\S+\.(?:fr|com|org|net)\b|\S+@\S+|\b\w+\.\w+\b")


def rare_words(
    text: str, lang: str, skip: set[str], explained: set[str], source: str = ""
) -> list[tuple[str, float]]:
    """(word, Zipf) for each rare word of a text that the journey does not explain.

    ``skip`` holds labels and proper names (taken out before reading);
    a capitalised word inside a sentence is a name too ("Anne Dupont").
    ``source`` is the French text a translation comes from: a word the
    translation keeps unchanged from it is the real site's French ("the page
    J'ai oublié mon identifiant"), which the person must recognise, not read
    as English.
    """
    kept = set(tokens(source)) if source and source != text else set()
    text = _ADDRESS.sub(" ", without_labels(text, skip))
    found: list[tuple[str, float]] = []
    for sentence in re.split(r"(?<=[.!?:])\s+", text):
        for position, raw in enumerate(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*'?", sentence)):
            word = raw.lower()
            if word.endswith("'") or len(word) < 3:
                continue
            if position > 0 and raw[0].isupper():
                continue
            if word in kept or forms(word, lang) & explained:
                continue
            score = frequency(word, lang)
            if score < RARE_BELOW and (word, score) not in found:
                found.append((word, score))
    return found


def explained_forms(words: set[str], lang: str) -> set[str]:
    """Every dictionary form of the explained words, so "Activer veut dire..." covers "activé"."""
    every: set[str] = set()
    for word in words:
        every |= forms(word, lang)
    return every


# --------------------------------------------------------------------------- one name per thing


def _term_pattern(replaced: str, preferred: str) -> re.Pattern[str]:
    flags = 0 if replaced.lower() == preferred.lower() else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(plain(replaced))}(?![\w-])", flags)


def other_names(text: str, terms: tuple[Term, ...]) -> list[tuple[str, str]]:
    """(word used, word to use) for each replaced name in a text.

    A sentence that also names the preferred word is explaining the other name
    ("Un SMS est un message écrit ..."): it is let through.
    """
    text = plain(text)
    found = []
    for term in terms:
        word = plain(term.word)
        spellings = {word, word[:1].upper() + word[1:]}
        if any(re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text) for s in spellings):
            continue
        for replaced in term.replaces:
            match = _term_pattern(replaced, term.word).search(text)
            if match:
                found.append((match.group(0), term.word))
                break
    return found
