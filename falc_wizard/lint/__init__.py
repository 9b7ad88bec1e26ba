"""The FALC checker: the rules marked [check] in FALC.md, on every journey, in every language.

The package: this module runs the rules and reports; ``text`` reads words and
sentences; ``voice`` finds passive and negative sentences (rule 9);
``vocabulary`` reads the project glossary (``falc_wizard/lint/glossary.toml``) for
one name per thing, one explanation per word (rule 7) and rare words (rule 10);
``labels`` checks that actions and fields name the real site's label (rules 20, 22);
``gestures`` and ``first_use`` read one gesture a screen (rule 11) and a hard word
explained where it is first read (rule 7). The words of each language are not in
these modules: ``languages`` holds one module a language (``fr.py``, ``en.py``)
behind one interface (``languages.Language``), and a language without one is
refused in one sentence (``MissingLanguage``), before any journey is read.

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

Readability thresholds (each language's ``min_reading_ease``) are measured per screen, on
the screen's sentences together (what the person reads before opening help):

* French: textstat's French Flesch score (Kandel and Moles' adaptation,
  207 - 1.015 x words per sentence - 73.6 x syllables per word). Threshold: 50.
  Why 50 and not the usual 60 to 70 of "easy" text: FALC sentences are short (the
  12-word rule already bounds the first term), so on a 1- or 2-sentence screen the
  score is almost only syllables per word, and the glossary makes some long words
  compulsory. Measured on the shipped journeys: screens have a median of 94 and a
  5th percentile of 55; "J'écris mon numéro de sécurité sociale." alone scores 41
  (it now has a second, short sentence and scores 72), and "Je vais sur le site"
  followed by the real site's long address scores 54 because of the address. At 50 such a screen passes
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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from babel.support import NullTranslations, Translations

from ..content import DONE, SITE_FILE, Journey, Site, Step, load_site
from ..resources import resource_dir
from . import vocabulary
from .first_use import first_use_findings
from .gestures import choice_findings, gesture_findings, screen_findings as gesture_screen_findings
from .labels import field_label_findings, label_findings
from .languages import rules_for
from .text import find, split_sentences, without_labels, words
from .voice import negative, passive

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
    "passive": "active voice: 'La caisse envoie mon code.', not 'Mon code est envoyé.' (FALC rule 9)",
    "negative": "say what to do, not what not to do; a negative sentence needs an exception (FALC rule 9)",
    "rare-word": "no rare word unless the journey or the glossary explains it (FALC rule 10)",
    "punctuation": "no brackets, no semicolon, no '…' or '...' (FALC rule 10)",
    "explained-twice": "a word has one explanation in the whole project (FALC rule 7)",
    "label": "an action names the real site's label, as the step draws it (FALC rule 20)",
    "field-label": "a field step names its field with the real site's label (FALC rule 22)",
    "vertical-list": "a list of more than 3 things is a vertical list, not one sentence (FALC rule 29)",
    "progress": "the journey is cut in parts, each short enough, and every press moves the progress (FALC rule 16)",
    "login-example": "no example under a log-in identifier or password (FALC rule 22)",
    "one-gesture": "one gesture per screen: one field to write, or one thing to press (FALC rule 11)",
    "explained-first": "a hard word is explained on the screen where it is first read, on every path (FALC rule 7)",
}

#: The FALC.md rule number of each rule name, printed with every finding.
RULE_NUMBERS = {
    "sentence-length": "1", "one-idea": "2", "sentences-per-screen": "3", "abbreviation": "4",
    "numbers-in-digits": "5", "capitals": "6", "glossary": "7", "explained-twice": "7",
    "passive": "9", "negative": "9", "rare-word": "10", "punctuation": "10", "main-action": "11",
    "pictogram": "12", "choices-per-screen": "13", "label": "20", "field-label": "22", "vertical-list": "29",
    "progress": "16", "login-example": "22", "one-gesture": "11", "explained-first": "7",
    "readability": "-", "translation": "-", "exceptions": "-",
}

MAX_WORDS = 12
MAX_SENTENCES = 3
MAX_CHOICES = 5


@dataclass(frozen=True)
class Finding:
    journey: str
    step: str
    rule: str
    lang: str
    text: str
    detail: str = ""
    #: Where the text is: sentences, choice, help, help_title, title, summary, needs, label, exceptions.
    field: str = ""

    def __str__(self) -> str:
        where = f"{self.journey} / {self.step or '(start screen)'}"
        number = RULE_NUMBERS.get(self.rule, "-")
        rule = f"{self.rule} (FALC rule {number})" if number != "-" else self.rule
        place = f" in {self.field}" if self.field else ""
        detail = f": {self.detail}" if self.detail else ""
        return f"{where} [{self.lang}] {rule}{place}{detail} | {self.text}"


# --------------------------------------------------------------------------- language-free patterns

#: Written abbreviations (an initialism in capitals is checked apart, see _initialisms).
_ABBREVIATIONS = re.compile(
    r"\betc\b|\bex\.|\bp\.\s?ex|\bn°|\bN°|\bcf\.|\bi\.e\.|\be\.g\.|\bvs\.?\s|\bapprox\.|\bmin\.|\bmax\.|"
    # A "/" between 2 words ("oui/non"), but not in a web address ("ameli.fr/assure"): the
    # word before the "/" must not follow a dot, a colon or another "/".
    r"\bnb\b|\bNB\b|[&§]|(?<![\w./:])\w+/\w+\b",
    re.UNICODE,
)

_ROMAN = re.compile(r"\b(?=[MDCLXVI]{2,}\b)M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})\b")


def _initialisms(text: str) -> list[str]:
    """Words of 2 to 5 capital letters (SMS, CGU, NIR): an initialism the person may not know."""
    return [w for w in re.findall(r"\b[A-ZÀ-Ý]{2,5}\b", text) if not _ROMAN.fullmatch(w)]


# --------------------------------------------------------------------------- readability

def reading_ease(text: str, lang: str) -> float:
    """The Flesch reading ease of a screen, by the language's formula (``languages``)."""
    return rules_for(lang).reading_ease(text)


# --------------------------------------------------------------------------- the checks


@dataclass(frozen=True)
class Text:
    """One string the person reads, with where it is shown (the TOML key: sentences, choice, help...)."""

    step: Step | None
    kind: str
    french: str
    shown: str


def _person_texts(journey: Journey, tr: Callable[[str], str]) -> Iterator[Text]:
    yield Text(None, "title", journey.title, tr(journey.title))
    yield Text(None, "summary", journey.summary, tr(journey.summary))
    for need in journey.needs:
        yield Text(None, "needs", need.text, tr(need.text))
    for step in journey.steps.values():
        for text in step.sentences:
            yield Text(step, "sentences", text, tr(text))
        for choice in step.choices:
            yield Text(step, f"choice '{choice.id}'", choice.text, tr(choice.text))
        if step.help_title:
            yield Text(step, "help_title", step.help_title, tr(step.help_title))
        for text in step.help:
            if text:
                yield Text(step, "help", text, tr(text))


def _text_findings(text: Text, lang: str, explained: set[str]) -> Iterator[tuple[str, str]]:
    """(rule, detail) for one string, whatever the screen."""
    shown = text.shown
    rules = rules_for(lang)
    for sentence in split_sentences(shown):
        count = len(words(sentence))
        if count > MAX_WORDS:
            yield "sentence-length", f"{count} words"
        joins = rules.conjunctions.findall(sentence)
        if len(joins) > 1:
            yield "one-idea", f"{len(joins)} joining words: {', '.join(joins)}"
    found = _ABBREVIATIONS.search(shown)
    if found:
        yield "abbreviation", found.group(0).strip()
    for word in _initialisms(shown):
        if word not in explained:
            yield "abbreviation", f"{word} is not explained in the journey"
    found = rules.number_words.search(shown)
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


_PUNCTUATION = re.compile(r"[()\[\];…]|\.\.\.")

#: The most things one sentence may list ("1 majuscule, 1 minuscule et 1 chiffre"); more is a
#: vertical list, one thing a line (FALC rule 29).
MAX_LISTED = 3


def listed_things(sentence: str, lang: str) -> int:
    """How many things a sentence lists: its parts between commas, plus one when the last part
    ends the list with "et"/"ou" ("1 majuscule, 1 minuscule, 1 chiffre et 1 signe" is 4).
    A comma inside a number ("8,5") does not count."""
    parts = re.split(r",\s", sentence)
    if len(parts) < 2:
        return 1
    return len(parts) + (1 if rules_for(lang).last_of_list.search(parts[-1]) else 0)


@dataclass
class Vocabulary:
    """What one journey explains, in one language: the context of the word rules."""

    lang: str
    glossary: vocabulary.Glossary
    labels: set[str]
    explained_words: set[str]

    @property
    def skip(self) -> set[str]:
        """Taken out before reading: the real site's labels and the proper names."""
        return self.labels | set(self.glossary.names)


def _defined_in_journey(journey: Journey, tr: Callable[[str], str], lang: str) -> set[str]:
    """The words a sentence of the journey explains ("Clôturer veut dire fermer.", "Un SMS est un
    message écrit."): one reading of explanations, ``vocabulary.defined_words``, for every rule."""
    defined: set[str] = set()
    for text in _person_texts(journey, tr):
        for sentence in split_sentences(text.shown):
            defined |= vocabulary.defined_words(sentence, lang)
    return defined


def _vocabulary(journey: Journey, lang: str, defined: set[str], glossary: vocabulary.Glossary) -> Vocabulary:
    """``defined``: the words the journey explains (``_defined_in_journey``)."""
    labels = {step.label for step in journey.steps.values() if step.label}
    explained = set(defined)
    # The glossary's explained words, and its chosen names ("identifiant", "code provisoire"):
    # a word the project chose on purpose and uses everywhere is the project's vocabulary.
    for word in [*glossary.explanations, *(term.word for term in glossary.terms)]:
        explained |= set(vocabulary.tokens(word))
    return Vocabulary(lang, glossary, labels, vocabulary.explained_forms(explained, lang))


def _writing_findings(text: Text, words_: Vocabulary) -> Iterator[tuple[str, str]]:
    """(rule, detail) for the rules on what the writer wrote: the labels are taken out first."""
    lang = words_.lang
    own = without_labels(text.shown, words_.labels)
    for sentence in split_sentences(own):
        group = passive(sentence, lang)
        if group:
            yield "passive", f"'{group}': say who does it"
        word = negative(sentence, lang)
        if word:
            yield "negative", f"'{word}': say what to do, or add a commented exception"
        listed = listed_things(sentence, lang)
        if listed > MAX_LISTED:
            yield "vertical-list", f"{listed} things in one sentence: write them one a line"
    marks = list(dict.fromkeys(_PUNCTUATION.findall(own)))
    if marks:
        yield "punctuation", ", ".join(f"'{mark}'" for mark in marks)
    for word, score in vocabulary.rare_words(
        text.shown, lang, words_.skip, words_.explained_words, source=text.french
    ):
        yield "rare-word", f"'{word}' (Zipf {score:.1f} < {vocabulary.RARE_BELOW}) is not explained in the journey or the glossary"
    for used, preferred in vocabulary.other_names(own, words_.glossary.terms):
        yield "glossary", f"'{used}': the word is '{preferred}' (falc_wizard/lint/glossary.toml)"


def _explained_initialisms(journey: Journey, tr: Callable[[str], str], defined: set[str]) -> set[str]:
    """The initialisms a sentence of the journey itself explains ("Un SMS est un message écrit."):
    the person must read the explanation, so the glossary alone does not count here."""
    every = " ".join(t.shown for t in _person_texts(journey, tr))
    return {word for word in set(_initialisms(every)) if word.lower() in defined}


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
    rules = rules_for(lang)
    actions = [s for s in shown for part in split_sentences(s) if find(rules.action, part)]
    if len(actions) > 1:
        yield "main-action", f"{len(actions)} actions", screen
    score = rules.reading_ease(screen)
    if score < rules.min_reading_ease:
        yield "readability", f"Flesch {score:.0f} < {rules.min_reading_ease:.0f}", screen



def _real_choices(journey: Journey, step: Step) -> list:
    """The real site's controls a choice screen offers, when each choice button shows one's exact
    label (its ``target`` on the step's page, the same words): else none."""
    page = journey.pages.get(step.page) if step.has_choices and step.page else None
    if page is None:
        return []
    elements = [page.element(choice.target) if choice.target else None for choice in step.choices]
    if any(e is None or e.label != choice.text for e, choice in zip(elements, step.choices)):
        return []
    return elements


def _step_findings(journey: Journey, step: Step, tr: Callable[[str], str], lang: str) -> Iterator[tuple[str, str, str, str]]:
    """(rule, detail, text, field) for the label rules of one screen."""
    choices = _real_choices(journey, step)
    page = journey.pages.get(step.page) if step.page else None
    controls = [page.element(c.target) if page and c.target else None for c in step.choices]
    for sentence in step.sentences:
        shown = tr(sentence)
        for part in split_sentences(shown):
            for detail in label_findings(step, part, lang, choices):
                yield "label", detail, shown, "sentences"
            for detail in choice_findings(step, part, lang, controls, bool(choices)):
                yield "one-gesture", detail, shown, "sentences"
    for detail in field_label_findings(step):
        yield "field-label", detail, step.label or " ".join(tr(s) for s in step.sentences), "label"


#: The most screens a part may show on one path: "écran k sur M" stays short and its dots
#: fit on one line of a phone (engine.Progress).
MAX_PART_SCREENS = 12
#: The parts a journey is cut in (docs/GUIDE-CONTENU.md, « Les parties »).
PARTS = range(2, 6)


def _progress_findings(journey: Journey) -> Iterator[tuple[Step | None, str]]:
    """(step, detail) where the progress would not move on a press, or where a part is too long.

    Language-free: the numbers shown are the same in every language."""
    from .. import engine  # the engine is what the person sees; the lint package reads content only otherwise

    if journey.parts and len(journey.parts) not in PARTS:
        yield None, f"{len(journey.parts)} parts: cut the journey in 2 to 5 [[parts]], so 'Étape n sur N' has a short N"
        return
    for practice in (False, True):
        mode = "practice" if practice else "guide"
        view = journey.in_mode(practice)
        for part_id, screens in view.part_screens.items() if journey.parts else ():
            if screens > MAX_PART_SCREENS:
                first = next(s for s in view.steps.values() if s.part == part_id)
                yield first, f"part '{part_id}' shows {screens} screens on one {mode} path: at most {MAX_PART_SCREENS}, cut it in 2"
        for picks in journey.all_picks(practice):
            state, shown = engine.start(journey, practice), []
            steps = journey.walk(picks, practice)
            for step in steps:
                here = engine.progress(journey, state, step.id)
                if shown and (here.position, here.screen) <= (shown[-1].position, shown[-1].screen):
                    yield step, f"the progress does not move on this {mode} screen ({here})"
                if shown and (here.total != shown[-1].total):
                    yield step, f"the total changes on this {mode} screen ({shown[-1].total} then {here.total})"
                shown.append(here)
                if not step.is_end:
                    answer = picks[step.id] if step.has_choices else DONE
                    state = engine.walk(journey, state).advance(step.id, answer).state


def _login_example_findings(journey: Journey) -> Iterator[tuple[Step, str]]:
    """A field with an example on a log-in page (a page where the log-in password is typed):
    the person would copy the example instead of typing their own identifier."""
    from ..practice.rules import FIELD_RULES

    login_pages = {s.page for s in journey.steps.values() if s.field == "mot_de_passe_connexion" and s.page}
    for step in journey.steps.values():
        rule = FIELD_RULES.get(step.field) if step.field else None
        if rule is not None and rule.example and step.page in login_pages:
            yield step, f"the field '{step.field}' shows the example '{rule.example}' on the log-in page '{step.page}'"


class Translator:
    """French is the source: it is shown as written. Another language reads its compiled catalog."""

    def __init__(self, lang: str, directory: Path | None = None):
        self.lang = lang
        self.catalog: Translations | None = None
        if lang != "fr":
            catalog = Translations.load(str(directory or resource_dir("translations")), [lang])
            if type(catalog) is NullTranslations:
                raise LookupError(f"no compiled translation catalog for '{lang}'"
                                  f" (translations/{lang}/LC_MESSAGES/messages.mo: make catalogs)")
            self.catalog = catalog

    def __call__(self, text: str) -> str:
        return self.catalog.gettext(text) if self.catalog and text else text

    def knows(self, text: str) -> bool:
        """True when the catalog has a translation ("5 minutes" may be the same in both languages)."""
        return self.catalog is None or bool(self.catalog._catalog.get(text))


def _glossary(lang: str, glossary: dict[str, vocabulary.Glossary] | None) -> vocabulary.Glossary:
    every = vocabulary.project_glossary() if glossary is None else glossary
    return every.get(lang, vocabulary.Glossary())


def check_journey(
    journey: Journey,
    lang: str,
    tr: Translator,
    pictograms: dict[str, str],
    glossary: dict[str, vocabulary.Glossary] | None = None,
) -> list[Finding]:
    """Every finding of one journey in one language, minus the step's declared exceptions.

    ``glossary`` defaults to the project's (falc_wizard/lint/glossary.toml); a test may pass its own.
    The rule that needs every journey at once (explained-twice) is in ``check_project``.
    """
    findings: list[Finding] = []
    defined = _defined_in_journey(journey, tr, lang)
    explained = _explained_initialisms(journey, tr, defined)
    words_ = _vocabulary(journey, lang, defined, _glossary(lang, glossary))

    def add(step: Step | None, rule: str, text: str, detail: str, field: str) -> None:
        if step is not None and rule in step.exceptions:
            return
        findings.append(Finding(journey.id, step.id if step else "", rule, lang, text, detail, field))

    for text in _person_texts(journey, tr):
        if not tr.knows(text.french):
            add(text.step, "translation", text.french, "not translated", text.kind)
        for rule, detail in _text_findings(text, lang, explained):
            add(text.step, rule, text.shown, detail, text.kind)
        for rule, detail in _writing_findings(text, words_):
            add(text.step, rule, text.shown, detail, text.kind)
        for detail in gesture_findings(text.shown, lang):
            add(text.step, "one-gesture", text.shown, detail, text.kind)
    for step, detail in _progress_findings(journey):
        add(step, "progress", " ".join(step.sentences) if step else journey.title, detail, "parts")
    for step, detail in _login_example_findings(journey):
        add(step, "login-example", step.label, detail, "field")
    if rules_for(lang).explained_first:
        for step, word, where, mode in first_use_findings(journey, words_.glossary, lang):
            text = " ".join(step.sentences if where == "sentences" else step.help)
            add(step, "explained-first", text,
                f"'{word}' is read here before it is explained on a {mode} path: explain it on this screen "
                f"('{word[:1].upper() + word[1:]} veut dire ...', or a definition 'Un ... est ...')",
                where)
    for step in journey.steps.values():
        for detail in gesture_screen_findings([tr(s) for s in step.sentences] if not step.has_choices else [], lang):
            add(step, "one-gesture", " ".join(tr(s) for s in step.sentences), detail, "sentences")
        for rule, detail, screen in _screen_findings(step, tr, lang, pictograms):
            add(step, rule, screen, detail, "sentences")
        for rule, detail, text, field in _step_findings(journey, step, tr, lang):
            add(step, rule, text, detail, field)
        for name in step.exceptions:
            if name not in RULES:
                findings.append(Finding(journey.id, step.id, "exceptions", lang, name, "unknown rule name", "exceptions"))
    return findings


def check_project(
    journeys: Iterable[Journey],
    lang: str,
    tr: Translator,
    glossary: dict[str, vocabulary.Glossary] | None = None,
    context: Iterable[Journey] = (),
) -> list[Finding]:
    """A word explained two different ways ("X veut dire Y" with two Y) across the project.

    The glossary's explanation and every "X veut dire Y." of ``journeys`` and of
    ``context`` (the shipped journeys, when a draft is checked) are compared;
    a finding is reported at each sentence of ``journeys`` that disagrees with
    another explanation of the same word.
    """
    journeys = list(journeys)
    checked = {j.id for j in journeys}
    said: dict[str, dict[str, list[str]]] = {}  # word -> meaning -> where
    places: list[tuple[Journey, Step | None, Text, str, str]] = []
    for word, meaning in _glossary(lang, glossary).explanations.items():
        said.setdefault(word, {}).setdefault(meaning, []).append("falc_wizard/lint/glossary.toml")
    for journey in [*journeys, *(j for j in context if j.id not in checked)]:
        for text in _person_texts(journey, tr):
            for sentence in split_sentences(text.shown):
                found = vocabulary.explanation(sentence, lang)
                if not found:
                    continue
                word, meaning = found
                where = f"{journey.id} / {text.step.id if text.step else '(start screen)'}"
                said.setdefault(word, {}).setdefault(meaning, []).append(where)
                if journey.id in checked:
                    places.append((journey, text.step, text, word, meaning))
    findings = []
    for journey, step, text, word, meaning in places:
        others = {m: w for m, w in said[word].items() if m != meaning}
        if not others or (step is not None and "explained-twice" in step.exceptions):
            continue
        elsewhere = "; ".join(f"'{m}' in {', '.join(dict.fromkeys(w))}" for m, w in sorted(others.items()))
        findings.append(Finding(
            journey.id, step.id if step else "", "explained-twice", lang, text.shown,
            f"'{word}' means '{meaning}' here, and {elsewhere}", text.kind,
        ))
    return findings


def check_site(site: Site, lang: str, tr: Translator) -> list[Finding]:
    """The sentences of the content folder's site table (the home page's sentence, the help
    line's hours and cost), held to the rules of any sentence; reported as ``site.toml``."""
    findings = []
    for french in site.sentences():
        text = Text(None, "site", french, tr(french))
        if not tr.knows(french):
            findings.append(Finding(SITE_FILE, "[app] [site]", "translation", lang, french, "not translated"))
        for rule, detail in _text_findings(text, lang, set()):
            findings.append(Finding(SITE_FILE, "[app] [site]", rule, lang, text.shown, detail))
    return findings


def lint(
    journeys: Iterable[Journey],
    languages: Iterable[str],
    translations_dir: Path | None = None,
    context: Iterable[Journey] = (),
    site: Site | None = None,
) -> list[Finding]:
    """Check every journey in every language.

    ``context``: other journeys that the project-wide rules compare with (when
    one draft file is checked, the shipped journeys), not checked themselves.
    ``site``: the site table of their content folder (the shipped one by default): its
    sentences are checked, and its names and address are names, not words to explain.
    A language the checker has no rules for, or no catalog for, raises a ``LookupError``
    (``MissingLanguage``) whose message is one sentence naming what is missing.
    """
    from ..content.pictograms import titles

    languages = list(languages)
    for lang in languages:
        rules_for(lang)  # a language without rules: MissingLanguage, before any work
    site = site or load_site()
    names = (site.name, site.address, site.app.name)
    glossary = {lang: replace(g, names=(*g.names, *names)) for lang, g in vocabulary.project_glossary().items()}
    pictograms = titles()
    journeys, context = list(journeys), list(context)
    findings: list[Finding] = []
    for lang in languages:
        tr = Translator(lang, translations_dir)
        for journey in journeys:
            findings.extend(check_journey(journey, lang, tr, pictograms, glossary))
        findings.extend(check_project(journeys, lang, tr, glossary, context=context))
        findings.extend(check_site(site, lang, tr))
    return findings
