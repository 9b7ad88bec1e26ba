"""A hard word is explained where the person first reads it, on every path (FALC rule 7).

A reader may open any journey first, and a journey's paths do not all pass the same
screens: so the checker walks every path of each journey, in guide mode and in practice
mode, and follows what the person has read. The hard words are the glossary's list to
explain (``a-expliquer``: "identifiant", "caractère", "coordonnées"...) and every word the
glossary explains (``explications``: "activer", "provisoire", "télécharger"...).

On each screen of a path:

* the screen's main text is its sentences, its choices and the real label it draws: a
  hard word there must be explained in that main text, or in the main text of a screen
  before it on the path ("Activer veut dire mettre en marche." beside "Je clique sur le
  bouton Activer mon compte.");
* the screen's help is read only when opened: a hard word there is explained in the help,
  in the screen's main text, or before it on the path; an explanation in help does not
  count for the next screens (the person may not have opened it).

An explanation is a sentence "X veut dire Y." or a definition "Un X est un ..." /
"Les X sont des ..." (``vocabulary.defined_words``). A word is found at any of its forms
("caractères" is "caractère", "j'active" is "activer"). The start screen's list of what to
bring is not a screen of the path: it names things, the first screen that uses one explains it.

Read in the languages whose rules say so (``languages.Language.explained_first``: French):
the hard words are the real site's French words, and the English screens are the
translation of the same screens, explanation for explanation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from ..content import Journey, Step
from . import vocabulary
from .text import split_sentences, tokens

@dataclass(frozen=True)
class HardWord:
    """A word to explain, as the glossary writes it, and the tokens that find it."""

    word: str
    keys: tuple[str, ...]


def hard_words(glossary: vocabulary.Glossary) -> tuple[HardWord, ...]:
    """The glossary's words to explain and its explained words, each with its finding tokens
    (elisions and words of 1 or 2 letters left out: "m'opposer" is found as "opposer",
    "à usage unique" as "usage unique")."""
    found = []
    for word in dict.fromkeys([*glossary.to_explain, *glossary.explanations]):
        keys = tuple(t for t in tokens(word) if not t.endswith("'") and len(t) > 2)
        if keys:
            found.append(HardWord(word, keys))
    return tuple(found)


def _same(token: str, key: str, lang: str) -> bool:
    """True when the token is the key at one of its forms ("activé", "active": "activer"),
    not when both only share a form ("identifier" is not "identifiant")."""
    return key in vocabulary.forms(token, lang)


def _contains(text_tokens: list[str], word: HardWord, lang: str) -> bool:
    """True when the words of ``word`` follow each other in the text, at any of their forms."""
    size = len(word.keys)
    return any(
        all(_same(text_tokens[i + n], key, lang) for n, key in enumerate(word.keys))
        for i in range(len(text_tokens) - size + 1)
    )


def _explained(texts: Iterable[str], words: tuple[HardWord, ...], lang: str) -> set[str]:
    """The hard words that a sentence of ``texts`` explains."""
    defined: list[str] = []
    for text in texts:
        for sentence in split_sentences(text):
            defined.extend(vocabulary.defined_words(sentence, lang))
    return {w.word for w in words if all(any(_same(d, key, lang) for d in defined) for key in w.keys)}


def _used(texts: Iterable[str], words: tuple[HardWord, ...], lang: str) -> list[HardWord]:
    every = [t for text in texts for t in tokens(text)]
    return [w for w in words if _contains(every, w, lang)]


def main_text(step: Step) -> list[str]:
    """What the person reads on a screen before opening help."""
    return [*step.sentences, *(c.text for c in step.choices), *([step.label] if step.label else [])]


def help_text(step: Step) -> list[str]:
    return [*([step.help_title] if step.help_title else []), *step.help]


def first_use_findings(journey: Journey, glossary: vocabulary.Glossary, lang: str) -> Iterator[tuple[Step, str, str, str]]:
    """(step, word, where, mode) for each hard word read before it is explained, on some path.

    ``where`` is "sentences" or "help", ``mode`` the first mode it is seen in; each
    (step, word, where) is reported once."""
    words = hard_words(glossary)
    if not words:
        return
    reported: set[tuple[str, str, str]] = set()
    for practice in (False, True):
        mode = "practice" if practice else "guide"
        for picks in journey.all_picks(practice):
            known: set[str] = set()
            for step in journey.walk(picks, practice):
                main = main_text(step)
                here = known | _explained(main, words, lang)
                for word in _used(main, words, lang):
                    if word.word not in here and (step.id, word.word, "sentences") not in reported:
                        reported.add((step.id, word.word, "sentences"))
                        yield step, word.word, "sentences", mode
                helped = here | _explained(help_text(step), words, lang)
                for word in _used(help_text(step), words, lang):
                    if word.word not in helped and (step.id, word.word, "help") not in reported:
                        reported.add((step.id, word.word, "help"))
                        yield step, word.word, "help", mode
                known = here
