"""The FALC checker: the rules marked [check] in FALC.md, on every journey, in every language.

``falc-wizard lint`` runs it; the test suite runs it too (tests/unit/test_lint.py),
so content that breaks a rule cannot ship. Each finding names the journey, the
step, the rule, the language and the sentence, so a content writer knows what
to change without reading code.

What is checked is what the *person* reads: a journey's title, summary and
needs, and each step's sentences, choices, help title and help. The helper note
is for the helper, not the person, so it is not held to the FALC rules.

A rule that must be broken once (the real site's label is long, an initialism
is the real site's own word) is allowed only by an explicit exception in the
content file: the step's ``exceptions`` key lists the rule names (``RULES``
below), with a TOML comment that says why. An unknown name in ``exceptions`` is
itself a finding, so a typo cannot silently turn a rule off.

Readability thresholds (``MIN_READING_EASE``) are measured per screen, on the
screen's sentences together (what the person reads before opening help):

* French: textstat's French Flesch score (Kandel and Moles' adaptation,
  207 - 1.015 x words per sentence - 73.6 x syllables per word). Threshold: 50.
  Why 50 and not the usual 60 to 70 of "easy" text: FALC sentences are short (the
  12-word rule already bounds the first term), so on a 1- or 2-sentence screen the
  score is almost only syllables per word, and the glossary makes some long words
  compulsory. Measured on the shipped journeys: screens have a median of 94 and a
  5th percentile of 55; "J'écris mon numéro de sécurité sociale." alone scores 41
  (it now has a second, short sentence and scores 72), and "Je vais sur le site
  monespacesante.fr." scores 54 because of the address. At 50 such a screen passes
  once the sentence around the long word is short, while a screen of long words in
  a long sentence ("Je sélectionne l'administration départementale correspondante.",
  score below 0) is refused: this is the mix FALC forbids.
* English: the original Flesch formula (206.835 - 1.015 x words per sentence -
  84.6 x syllables per word), same threshold and reasons (median 87, lowest screen
  55 on the shipped content). textstat counts English syllables with NLTK's CMU
  dictionary, which it downloads from GitHub at first use; the project may reach
  only PyPI, so the score is computed here the way textstat does for a word missing
  from that dictionary (the Pyphen hyphenation dictionary, a textstat dependency).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyphen
import textstat
from babel.support import NullTranslations, Translations

from .journeys import Journey, Step
from .resources import resource_dir

#: Every rule name, as used in findings and in a step's ``exceptions`` list.
RULES = {
    "sentence-length": "at most 12 words in a sentence (FALC rule 1)",
    "one-idea": "one idea per sentence: at most 1 'et', 'mais', 'ou', 'donc' (FALC rule 2)",
    "sentences-per-screen": "at most 3 sentences on a screen before help (FALC rule 3)",
    "abbreviation": "no abbreviation; an initialism is explained in the journey (FALC rule 4)",
    "numbers-in-digits": "numbers in digits, no percentage, no roman numeral (FALC rule 5)",
    "capitals": "no text in capitals (FALC rule 6)",
    "glossary": "the same word for the same thing (FALC rule 7)",
    "main-action": "one action per screen (FALC rule 11)",
    "pictogram": "a pictogram with a text alternative on every screen (FALC rule 12)",
    "choices-per-screen": "at most 5 choices on a screen (FALC rule 13)",
    "readability": "a Flesch reading ease of at least 50 per screen",
    "translation": "every sentence is translated",
}

MAX_WORDS = 12
MAX_SENTENCES = 3
MAX_CHOICES = 5
MIN_READING_EASE = {"fr": 50.0, "en": 50.0}


@dataclass(frozen=True)
class Finding:
    journey: str
    step: str
    rule: str
    lang: str
    text: str
    detail: str = ""

    def __str__(self) -> str:
        where = f"{self.journey} / {self.step or '(start screen)'}"
        detail = f" ({self.detail})" if self.detail else ""
        return f"{where} [{self.lang}] {self.rule}{detail}: {self.text}"


# --------------------------------------------------------------------------- words and sentences

_WORD = re.compile(r"[\w@][\w@'’.:\-]*", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


def words(text: str) -> list[str]:
    """The words of a sentence: "J'écris", "monespacesante.fr" and "8:30" are 1 word each."""
    return [w.rstrip(".:") for w in _WORD.findall(text) if any(c.isalnum() for c in w)]


def split_sentences(text: str) -> list[str]:
    """One content string may hold 2 sentences ("Le jour n'est pas bon. J'écris ...")."""
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


# --------------------------------------------------------------------------- per-language word lists

#: Number words that must be written in digits. "un"/"une"/"one" are articles too, so not here;
#: "neuf" (new) and "second" are left out for the same reason.
_NUMBER_WORDS = {
    "fr": r"deux|trois|quatre|cinq|six|sept|huit|dix|onze|douze|treize|quatorze|quinze|seize|"
    r"vingt|vingts|trente|quarante|cinquante|soixante|cent|cents|mille|pourcent",
    "en": r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|percent",
}

#: Written abbreviations (an initialism in capitals is checked apart, see _initialisms).
_ABBREVIATIONS = re.compile(
    r"\betc\b|\bex\.|\bp\.\s?ex|\bn°|\bN°|\bcf\.|\bi\.e\.|\be\.g\.|\bvs\.?\s|\bapprox\.|\bmin\.|\bmax\.|"
    r"\bnb\b|\bNB\b|[&§]|\b\w+/\w+\b(?<!\.fr)",
    re.UNICODE,
)

#: The glossary: a word that must not be used, and the word to use (FALC rule 7).
GLOSSARY = {
    "fr": {
        r"\bcode temporaire\b": "code provisoire",
        r"\bcode unique\b": "code à usage unique",
        r"\bcode de (?:vérification|validation|sécurité)\b": "code à usage unique",
        r"\bnom d'utilisateur\b": "identifiant",
        r"\blogin\b": "identifiant",
        r"\bmot-de-passe\b|\bmdp\b": "mot de passe",
        r"\bcarte vitale\b": "carte Vitale",
        r"\bcourriel\b|(?<![\w-])e?mails?\b|\bmél\b": "e-mail",
    },
    "en": {
        r"\btemporary code\b|\bactivation code\b": "provisional code",
        r"\b(?:single-use|verification|security|one time) code\b": "one-time code",
        r"\busername\b|\buser name\b|\blogin name\b": "identifier",
        r"\bpass ?code\b|\bpass-word\b": "password",
        r"\bVitale card\b|\bcarte vitale\b|\bhealth card\b": "carte Vitale",
        r"(?<![\w-])e?mails?\b": "e-mail",
    },
}

#: How a sentence explains a word: "Un SMS est ...", "Clôturer veut dire fermer.", "An SMS is ...".
_EXPLAINS = {
    "fr": r"(?:^|\b)(?:Un |Une |Le |La |L')?{word} (?:est|veut dire)\b",
    "en": r"(?:^|\b)(?:A |An |The )?{word} (?:is|means)\b",
}

#: Sentences that ask the person to act on the real site: more than one on a screen is 2 actions.
_ACTION = {
    "fr": re.compile(r"^(?:Je (?:clique|coche|tape|touche|appuie|scanne|ouvre|l'écris)|J'(?:écris|appuie|ouvre))\b"),
    "en": re.compile(r"^I (?:click|tick|type|tap|press|write|scan|open)\b"),
}

#: Joining words: a sentence with 2 of them usually holds more than one idea (FALC rule 2).
_CONJUNCTIONS = {"fr": r"\b(?:et|mais|ou|donc)\b", "en": r"\b(?:and|but|or|so)\b"}

_ROMAN = re.compile(r"\b(?=[MDCLXVI]{2,}\b)M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})\b")


def _initialisms(text: str) -> list[str]:
    """Words of 2 to 5 capital letters (SMS, CGU, NIR): an initialism the person may not know."""
    return [w for w in re.findall(r"\b[A-ZÀ-Ý]{2,5}\b", text) if not _ROMAN.fullmatch(w)]


# --------------------------------------------------------------------------- readability

_pyphen_en: pyphen.Pyphen | None = None


def reading_ease(text: str, lang: str) -> float:
    """The Flesch reading ease of a screen (see the module docstring for the two formulas)."""
    if lang == "fr":
        textstat.set_lang("fr")
        return float(textstat.flesch_reading_ease(text))
    global _pyphen_en
    if _pyphen_en is None:
        _pyphen_en = pyphen.Pyphen(lang="en_US")
    found = [w.strip("'’.-") for w in words(text)]
    found = [w for w in found if w]
    if not found:
        return 100.0
    sentences = max(1, len(split_sentences(text)))
    syllables = sum(len(_pyphen_en.positions(w.lower())) + 1 for w in found)
    return 206.835 - 1.015 * (len(found) / sentences) - 84.6 * (syllables / len(found))


# --------------------------------------------------------------------------- the checks


@dataclass(frozen=True)
class Text:
    """One string the person reads, with where it is shown."""

    step: Step | None
    kind: str  # sentence, choice, help, title
    french: str
    shown: str


def _person_texts(journey: Journey, tr: Callable[[str], str]) -> Iterator[Text]:
    for text in (journey.title, journey.summary, *(n.text for n in journey.needs)):
        yield Text(None, "title", text, tr(text))
    for step in journey.steps.values():
        for text in step.sentences:
            yield Text(step, "sentence", text, tr(text))
        for choice in step.choices:
            yield Text(step, "choice", choice.text, tr(choice.text))
        for text in (step.help_title, *step.help):
            if text:
                yield Text(step, "help", text, tr(text))


def _text_findings(text: Text, lang: str, explained: set[str]) -> Iterator[tuple[str, str]]:
    """(rule, detail) for one string, whatever the screen."""
    shown = text.shown
    for sentence in split_sentences(shown):
        count = len(words(sentence))
        if count > MAX_WORDS:
            yield "sentence-length", f"{count} words"
        joins = re.findall(_CONJUNCTIONS[lang], sentence, re.IGNORECASE)
        if len(joins) > 1:
            yield "one-idea", f"{len(joins)} joining words: {', '.join(joins)}"
    found = _ABBREVIATIONS.search(shown)
    if found:
        yield "abbreviation", found.group(0).strip()
    for word in _initialisms(shown):
        if word not in explained:
            yield "abbreviation", f"{word} is not explained in the journey"
    found = re.search(rf"\b(?:{_NUMBER_WORDS[lang]})\b", shown, re.IGNORECASE)
    if found:
        yield "numbers-in-digits", found.group(0)
    if "%" in shown:
        yield "numbers-in-digits", "a percentage"
    found = _ROMAN.search(shown)
    if found:
        yield "numbers-in-digits", f"roman numeral {found.group(0)}"
    capitals = re.findall(r"\b[A-ZÀ-Ý]{2,}\b", shown)
    if re.search(r"\b[A-ZÀ-Ý]{6,}\b", shown) or re.search(r"\b[A-ZÀ-Ý]{2,}\s+[A-ZÀ-Ý]{2,}\b", shown):
        yield "capitals", " ".join(capitals)
    for pattern, preferred in GLOSSARY[lang].items():
        found = re.search(pattern, shown)
        if found:
            yield "glossary", f"'{found.group(0)}': the word is '{preferred}'"


def _explained_initialisms(journey: Journey, tr: Callable[[str], str], lang: str) -> set[str]:
    """The initialisms a sentence of the journey explains ("Un SMS est un message écrit ...")."""
    every = " ".join(t.shown for t in _person_texts(journey, tr))
    return {
        word for word in set(_initialisms(every))
        if re.search(_EXPLAINS[lang].format(word=re.escape(word)), every)
    }


def _screen_findings(step: Step, tr: Callable[[str], str], lang: str, pictograms: dict[str, str]) -> Iterator[tuple[str, str, str]]:
    """(rule, detail, text) for a whole screen."""
    shown = [tr(s) for s in step.sentences]
    screen = " ".join(shown)
    count = sum(len(split_sentences(s)) for s in shown)
    if count > MAX_SENTENCES:
        yield "sentences-per-screen", f"{count} sentences", screen
    if len(step.choices) > MAX_CHOICES:
        yield "choices-per-screen", f"{len(step.choices)} choices", screen
    if step.pictogram not in pictograms:
        yield "pictogram", f"no pictogram '{step.pictogram}'", screen
    elif not tr(pictograms[step.pictogram]):
        yield "pictogram", f"pictogram '{step.pictogram}' has no text alternative", screen
    actions = [s for s in shown for part in split_sentences(s) if _ACTION[lang].match(part)]
    if len(actions) > 1:
        yield "main-action", f"{len(actions)} actions", screen
    score = reading_ease(screen, lang)
    if score < MIN_READING_EASE[lang]:
        yield "readability", f"Flesch {score:.0f} < {MIN_READING_EASE[lang]:.0f}", screen


class Translator:
    """French is the source: it is shown as written. Another language reads its compiled catalog."""

    def __init__(self, lang: str, directory: Path | None = None):
        self.lang = lang
        self.catalog: Translations | None = None
        if lang != "fr":
            catalog = Translations.load(str(directory or resource_dir("translations")), [lang])
            if type(catalog) is NullTranslations:
                raise LookupError(f"no compiled catalog for '{lang}'")
            self.catalog = catalog

    def __call__(self, text: str) -> str:
        return self.catalog.gettext(text) if self.catalog and text else text

    def knows(self, text: str) -> bool:
        """True when the catalog has a translation ("5 minutes" may be the same in both languages)."""
        return self.catalog is None or bool(self.catalog._catalog.get(text))


def check_journey(journey: Journey, lang: str, tr: Translator, pictograms: dict[str, str]) -> list[Finding]:
    """Every finding of one journey in one language, minus the step's declared exceptions."""
    findings: list[Finding] = []
    explained = _explained_initialisms(journey, tr, lang)

    def add(step: Step | None, rule: str, text: str, detail: str) -> None:
        if step is not None and rule in step.exceptions:
            return
        findings.append(Finding(journey.id, step.id if step else "", rule, lang, text, detail))

    for text in _person_texts(journey, tr):
        if not tr.knows(text.french):
            add(text.step, "translation", text.french, "not translated")
        for rule, detail in _text_findings(text, lang, explained):
            add(text.step, rule, text.shown, detail)
    for step in journey.steps.values():
        for rule, detail, screen in _screen_findings(step, tr, lang, pictograms):
            add(step, rule, screen, detail)
        for name in step.exceptions:
            if name not in RULES:
                findings.append(Finding(journey.id, step.id, "exceptions", lang, name, "unknown rule name"))
    return findings


def lint(journeys: Iterable[Journey], languages: Iterable[str], translations_dir: Path | None = None) -> list[Finding]:
    """Check every journey in every language."""
    from .pictograms import titles

    pictograms = titles()
    findings: list[Finding] = []
    for lang in languages:
        tr = Translator(lang, translations_dir)
        for journey in journeys:
            findings.extend(check_journey(journey, lang, tr, pictograms))
    return findings
