"""Passive voice and negative sentences (FALC rule 9), in every language of the checker.

The words and the passive heuristic of each language are its module in ``languages``
(``fr.french_passive``, ``en.english_passive``); this module asks them.

Both are heuristics on word patterns, not a parser: each is tested both ways
in tests/unit/test_lint.py (a sentence it must catch, a sentence it must let
pass), and a step that must break the rule says so with a commented exception.

Passive voice, French: a form of "être" (or "a été", "ont été"...), then at
most 2 small adverbs ("bien", "déjà", "pas"...), then a past participle. Not
passive, so let through:

* the compound past of the verbs that take "être" for movement or change of
  state ("Je suis allé", "Il est arrivé", "Elle est née"): ``_MOVEMENT``;
* a reflexive verb ("Je me suis connecté", "Il s'est trompé"): a reflexive
  pronoun just before "être";
* "c'est" + adjective ("C'est fait.", "C'est terminé."), the app's own words;
* a few participles that name a state the person sees, used as adjectives
  ("La messagerie est protégée", "Je suis connecté"): ``_STATE_ADJECTIVES``,
  unless someone does it to the subject: "par" after them names the doer, and
  the sentence is a passive ("Mon compte est protégé par un code.").
  English is read the same way ("is protected by").

A past participle is a word ending in -é, -ée, -és, -ées (the -er verbs, most
of the verbs a procedure uses), or one of the irregular participles in
``languages.fr._IRREGULAR``, with its feminine and plural forms.

Negative, French: "ne" or "n'" (written French always has it), "pas" alone
(spoken style, except "pas à pas"), "jamais", "aucun", "aucune".
English: "not", "-n't", "never", "no", "nothing", "nobody", "none"; "with no"
translates "sans" ("with no photo") and is not a negative sentence, as "sans" is not.
"""

from __future__ import annotations

from .languages import rules_for
from .text import find


def passive(sentence: str, lang: str) -> str | None:
    """The passive group of a sentence ("sont supprimées", "is sent"), or None."""
    return rules_for(lang).passive(sentence)


def negative(sentence: str, lang: str) -> str | None:
    """The negation word of a sentence ("n'", "pas", "never"), or None."""
    found = find(rules_for(lang).negative, sentence, anywhere=True)
    return found.group(0) if found else None
