"""Passive voice and negative sentences (FALC rule 9), in French and in English.

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
``_IRREGULAR``, with its feminine and plural forms.

Negative, French: "ne" or "n'" (written French always has it), "pas" alone
(spoken style, except "pas à pas"), "jamais", "aucun", "aucune".
English: "not", "-n't", "never", "no", "nothing", "nobody", "none"; "with no"
translates "sans" ("with no photo") and is not a negative sentence, as "sans" is not.
"""

from __future__ import annotations

import re

from .text import find, plain, tokens

# --------------------------------------------------------------------------- French passive

_ETRE = {
    "suis", "es", "est", "sommes", "êtes", "sont", "étais", "était", "étions", "étiez", "étaient",
    "serai", "seras", "sera", "serons", "serez", "seront", "serais", "serait", "serions", "seriez",
    "seraient", "sois", "soit", "soyons", "soyez", "soient", "être", "étant",
}
_AVOIR_ETE = {"ai", "as", "a", "avons", "avez", "ont", "avais", "avait", "avaient", "aura", "auront", "avoir"}
_ADVERBS = {
    "bien", "déjà", "aussi", "toujours", "encore", "automatiquement", "vite", "tout", "très", "ensuite",
    "alors", "maintenant", "souvent", "pas", "plus", "jamais", "bientôt", "peut-être", "vraiment",
}
_REFLEXIVE = {"me", "m'", "te", "t'", "se", "s'"}

#: Verbs whose compound past takes "être" in the active voice (movement, change of state).
_MOVEMENT = {
    "allé", "venu", "arrivé", "parti", "entré", "sorti", "monté", "descendu", "né", "mort", "resté",
    "tombé", "retourné", "passé", "devenu", "revenu", "rentré", "parvenu", "décédé", "apparu", "intervenu",
}

#: Participles used as adjectives for a state the person sees: not a passive.
_STATE_ADJECTIVES = {"connecté", "protégé", "ouvert", "fermé", "occupé", "fatigué", "désolé", "pressé", "âgé"}

#: Irregular past participles (masculine singular; -e, -s, -es are added).
_IRREGULAR = {
    "fait", "écrit", "dit", "mis", "pris", "compris", "appris", "repris", "reçu", "vu", "lu", "ouvert",
    "offert", "couvert", "découvert", "fini", "choisi", "rempli", "réussi", "garanti", "averti", "inscrit",
    "transmis", "permis", "soumis", "remis", "admis", "promis", "produit", "conduit", "traduit", "détruit",
    "construit", "connu", "perdu", "rendu", "vendu", "attendu", "entendu", "tenu", "obtenu", "retenu",
    "maintenu", "peint", "atteint", "éteint", "joint", "craint", "suspendu", "interdit", "prévu", "revu",
    "aperçu", "conçu", "déçu", "cru", "su", "voulu", "résolu", "exclu", "inclus", "conclu", "élu", "servi",
    "suivi", "bâti", "puni", "saisi", "établi", "fourni", "réuni", "défini", "accueilli", "recueilli",
    "cueilli", "offert", "souffert", "rejoint", "plaint", "contraint", "prescrit", "décrit", "transcrit",
    "bloqué", "prévenu", "convenu",
}


def _masculine_singular(word: str) -> str:
    for ending in ("ées", "ée", "és"):
        if word.endswith(ending):
            return word[: -len(ending)] + "é"
    for ending in ("es", "e", "s"):
        if word.endswith(ending) and word[: -len(ending)] in _IRREGULAR:
            return word[: -len(ending)]
    return word


def is_french_participle(word: str) -> bool:
    """True for "envoyé", "supprimées", "écrite", "reçus"; False for "santé"-like nouns is not promised."""
    base = _masculine_singular(word)
    return (base.endswith("é") and len(base) > 3) or base in _IRREGULAR


def french_passive(sentence: str) -> str | None:
    """The passive group of a French sentence ("sont supprimées"), or None."""
    found = tokens(sentence)
    for index, word in enumerate(found):
        start = index
        if word == "été":
            start = index - 1
            while start >= 0 and found[start] in _ADVERBS and index - start <= 2:
                start -= 1
            if start < 0 or found[start] not in _AVOIR_ETE:
                continue
        elif word not in _ETRE:
            continue
        before = found[start - 1] if start > 0 else ""
        if before in _REFLEXIVE or (before in ("nous", "vous") and start > 1 and found[start - 2] == before):
            continue
        if before == "c'" or before == "ce":
            continue
        after = index + 1
        skipped = 0
        while after < len(found) and found[after] in _ADVERBS and skipped < 2:
            after, skipped = after + 1, skipped + 1
        if after >= len(found):
            continue
        participle = found[after]
        if participle == "été":  # "est été" is not French; "a été" is handled at "été"
            continue
        base = _masculine_singular(participle)
        if base in _MOVEMENT:
            continue
        if base in _STATE_ADJECTIVES:
            if after + 1 < len(found) and found[after + 1] == "par":  # the doer is named: a passive
                return " ".join(found[start : after + 2])
            continue
        if is_french_participle(participle):
            return " ".join(found[start : after + 1])
    return None


# --------------------------------------------------------------------------- English passive

_BE = {"am", "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "'m"}
_EN_ADVERBS = {"also", "already", "now", "then", "automatically", "not", "never", "still", "just", "often", "only"}
_EN_IRREGULAR = {
    "sent", "made", "done", "given", "taken", "shown", "written", "seen", "kept", "known", "chosen", "found",
    "told", "paid", "built", "brought", "bought", "held", "left", "lost", "put", "set", "read", "hidden",
    "forgotten", "got", "gotten", "sold", "sent", "shut", "spent", "stolen", "thrown", "won", "meant",
}
_EN_STATE_ADJECTIVES = {"logged", "connected", "protected", "closed", "interested", "tired", "bored", "allowed"}


def english_passive(sentence: str) -> str | None:
    """The passive group of an English sentence ("is sent"), or None."""
    # A contraction is two words: "it's sent" is "it" + "'s" + "sent" ("'s" may be a possessive,
    # but a possessive is followed by a noun, never by a participle).
    found = re.findall(r"[a-z]+|'[a-z]+", plain(sentence).lower())
    for index, word in enumerate(found):
        if word not in _BE:
            continue
        after = index + 1
        while after < len(found) and found[after] in _EN_ADVERBS and after - index <= 2:
            after += 1
        if after >= len(found):
            continue
        participle = found[after]
        if participle in _EN_STATE_ADJECTIVES:
            if after + 1 < len(found) and found[after + 1] == "by":  # the doer is named: a passive
                return " ".join(found[index : after + 2])
            continue
        if (participle.endswith("ed") and len(participle) > 4) or participle in _EN_IRREGULAR:
            return " ".join(found[index : after + 1])
    return None


def passive(sentence: str, lang: str) -> str | None:
    return french_passive(sentence) if lang == "fr" else english_passive(sentence) if lang == "en" else None


# --------------------------------------------------------------------------- negative sentences

_NEGATIVE = {
    "fr": re.compile(r"\bne\b|\bn'|(?<!\bpas à )\bpas\b(?! à pas)|\bjamais\b|\baucune?\b", re.IGNORECASE),
    "en": re.compile(r"\bnot\b|n't\b|\bnever\b|(?<!\bwith )\bno\b|\bnothing\b|\bnobody\b|\bnone\b|\bcannot\b", re.IGNORECASE),
}


def negative(sentence: str, lang: str) -> str | None:
    """The negation word of a sentence ("n'", "pas", "never"), or None."""
    found = find(_NEGATIVE, lang, sentence, anywhere=True)
    return found.group(0) if found else None
