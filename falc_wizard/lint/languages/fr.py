"""The checker's rules in French, the source language (the interface: ``languages.Language``).

Passive voice (FALC rule 9): a form of "être" (or "a été", "ont été"...), then at most 2
small adverbs ("bien", "déjà", "pas"...), then a past participle; the exceptions that are
not passive are in ``voice``'s docstring. Readability: textstat's French Flesch score
(Kandel and Moles), threshold 50 (the package's main module says why).
"""

from __future__ import annotations

import re

import textstat

from ..text import tokens
from . import Language

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


def reading_ease(text: str) -> float:
    textstat.set_lang("fr")
    return float(textstat.flesch_reading_ease(text))


RULES = Language(
    code="fr",
    conjunctions=re.compile(r"\b(?:et|mais|ou|donc)\b", re.IGNORECASE),
    last_of_list=re.compile(r"\s(?:et|ou)\s"),
    # "neuf" (new) is left out: it is an adjective too.
    number_words=re.compile(
        r"\b(?:deux|trois|quatre|cinq|six|sept|huit|dix|onze|douze|treize|quatorze|quinze|seize|"
        r"vingt|vingts|trente|quarante|cinquante|soixante|cent|cents|mille|pourcent)\b",
        re.IGNORECASE,
    ),
    action=re.compile(r"^(?:Je (?:clique|coche|tape|touche|appuie|scanne|ouvre|l'écris)|J'(?:écris|appuie|ouvre))\b"),
    reading_ease=reading_ease,
    min_reading_ease=50.0,
    passive=french_passive,
    negative=re.compile(r"\bne\b|\bn'|(?<!\bpas à )\bpas\b(?! à pas)|\bjamais\b|\baucune?\b", re.IGNORECASE),
    press=re.compile(r"^(?:Je (?:clique|coche|touche|appuie)|J'(?:appuie|active la case))\b"),
    control=re.compile(r"\b(?:le|du|au|un) (?P<look>bouton|lien)\b|\b(?:la|une) (?P<case>case)\b"),
    control_words={"bouton": "bouton", "lien": "lien", "case": "case"},
    gesture=re.compile(
        r"\b(?:je |j')(?:l'|le |la |les )?"
        r"(?:clique|coche|décoche|écris|tape|touche|appuie|remplis|envoie|scanne|saisis|renseigne)\b",
        re.IGNORECASE,
    ),
    writes=re.compile(r"^(?:j'écris|je (?:tape|remplis|saisis|renseigne))\b", re.IGNORECASE),
    fields=re.compile(r"\b(?:identifiant|mot de passe|code|adresse|numéro|date de naissance)\b", re.IGNORECASE),
    several=re.compile(r"\b(?:ces|les|\d+) (?:pages|champs|cases)\b", re.IGNORECASE),
    press_anywhere=re.compile(r"\b(?:je (?:clique|coche|touche|appuie)|j'appuie)\b", re.IGNORECASE),
    means=re.compile(r"^(?P<word>[^.:!?]{1,60}?) veut dire\s*:?\s*(?P<meaning>.+)$"),
    # "Un SMS est un message ..." / "Les spams sont des e-mails ..." / "Mes coordonnées sont mon adresse e-mail ...".
    defines=re.compile(
        r"^(?:Un |Une |Le |La |Les |L'|Mon |Ma |Mes )?(?P<word>[^.:!?]{1,40}?) (?:est|sont) (?:un|une|des|le|la|les|l'|mon|ma|mes)\b"
    ),
    endings=(("ées", ("er", "ée", "é")), ("ée", ("er", "é")), ("és", ("er", "é")), ("é", ("er",)),
             ("es", ("e", "")), ("s", ("",)), ("x", ("",)), ("ent", ("er", "e")), ("ant", ("er",)),
             ("e", ("er",)), ("ez", ("er",)), ("ons", ("er",))),
    explained_first=True,
)
