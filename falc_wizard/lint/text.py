"""Words and sentences, the way every rule of the checker counts them.

Kept apart so that each rule module (voice, vocabulary, labels) and each language reads a
sentence the same way, and a change of tokenising is made once.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w@][\w@'’.:\-]*", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")

#: Plain words only (no digit, no "@"), apostrophe split off: "j'écris" -> "j'", "écris".
_PLAIN_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*'?", re.UNICODE)


def words(text: str) -> list[str]:
    """The words of a sentence: "J'écris", "exemple-de-site.fr" and "8:30" are 1 word each."""
    return [w.rstrip(".:") for w in _WORD.findall(text) if any(c.isalnum() for c in w)]


def split_sentences(text: str) -> list[str]:
    """One content string may hold 2 sentences ("Le jour n'est pas bon. J'écris ...")."""
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def plain(text: str) -> str:
    """One apostrophe ("’" -> "'") and one kind of space, so that patterns stay simple."""
    return text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")


def find(pattern: re.Pattern[str], text: str, *, anywhere: bool = False) -> re.Match[str] | None:
    """The match of a language's pattern (``languages.rules_for``) in a plain, stripped sentence:
    the one place that reads a sentence the same way for every pattern of every language.
    ``anywhere``: search the whole sentence instead of matching at its start.
    """
    text = plain(text).strip()
    return pattern.search(text) if anywhere else pattern.match(text)


def tokens(text: str) -> list[str]:
    """Lower-case word tokens with elisions kept apart: "Il s'est connecté" -> il, s', est, connecté."""
    return [t.lower() for t in _PLAIN_WORD.findall(plain(text))]


def without_labels(text: str, labels: set[str]) -> str:
    """The sentence with the real site's labels taken out (longest first).

    A label is copied from the real site on purpose (FALC rule 20): its words,
    brackets, "?" or negation ("Je n'ai pas reçu de code") are the site's, not
    the writer's, so the writing rules read the sentence without them.
    """
    text = plain(text)
    for label in sorted((plain(l) for l in labels if l), key=len, reverse=True):
        text = text.replace(label, " ")
    return text
