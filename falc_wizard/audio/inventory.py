"""Every sentence the person can see, in each language, and what each screen's « Écouter » plays.

Two lists, made from the content and the catalogs (Babel's own ``Translations``, the
same .mo files the app reads), never by drawing pages:

- **sentences**: each one gets its own file. The journeys' texts (titles, summaries,
  needs, parts, each step's sentences, choices, help, help pictures' captions; a
  helper note needs none), the real site's labels (said in French, as the site shows
  them), every sentence of the templates and the code (catalog entries that come from
  ``templates/`` or ``falc_wizard/``), and those made with a value: the help line's
  number, the hints of practice, the codes arriving on a drawn phone, the examples of
  fields, the errors that count signs, the days a resume link lasts;
- **readings**: a screen's title and sentences (and a choice screen's choices) in one
  file, which « Écouter » plays without JavaScript.

tests/web/test_audio.py draws every screen of every journey and checks that each
sentence and reading it offers is in these lists: a template that shows a new kind
of sentence fails there until it is added here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from ..content import Journey, Site, Step, load_site, titles
from ..practice.copy import LOOK_FOR, look_for
from ..resources import resource_dir

#: Errors that count what was typed are made for counts up to this; a longer value's
#: error is read by the browser's voice.
MAX_COUNTED = 20
#: Where the catalog's sentences of the code and templates come from.
_CODE_SOURCES = ("templates/", "falc_wizard/")
_CONTENT_SOURCES = ("falc_wizard/steps/", "falc_wizard/pictograms/")


def normal(text: str) -> str:
    """A sentence as it is compared and heard: no-break spaces are spaces, no space around it."""
    return " ".join(str(text).replace("\u00a0", " ").split())


@dataclass(frozen=True)
class Sentence:
    text: str
    lang: str


@dataclass(frozen=True)
class Reading:
    """What one screen's « Écouter » plays without JavaScript: its sentences, in order."""

    where: str
    lang: str
    sentences: tuple[str, ...]


@dataclass
class Inventory:
    #: (lang, sentence) -> where it is shown (for `falc-wizard audio --list` and errors).
    sentences: dict[tuple[str, str], str] = field(default_factory=dict)
    readings: list[Reading] = field(default_factory=list)

    def add(self, lang: str, text: str, where: str) -> str:
        text = normal(text)
        if text:
            self.sentences.setdefault((lang, text), where)
        return text

    def add_reading(self, lang: str, where: str, sentences: Iterable[str]) -> None:
        said = tuple(self.add(lang, text, where) for text in sentences)
        self.readings.append(Reading(where, lang, tuple(s for s in said if s)))


class Catalog:
    """One language's translations, with the app's ``%(name)s`` formatting (Flask-Babel's)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.translations = (NullTranslations() if lang == "fr"
                             else Translations.load(str(resource_dir("translations")), [lang]))

    def __call__(self, text: str, **params) -> str:
        if not text:
            return ""
        said = self.translations.gettext(text)
        return said % params if params else said

    def plural(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count) % {"count": count, "num": count}


@functools.cache
def _code_messages() -> tuple[tuple[str, str | None, tuple[str, ...]], ...]:
    """The catalog's entries from templates and code: (msgid, plural msgid or None, where)."""
    source = resource_dir("translations") / "en" / "LC_MESSAGES" / "messages.po"
    with source.open("rb") as file:
        catalog = read_po(file)
    found = []
    for message in catalog:
        if not message.id or not message.locations:
            continue
        places = tuple(path for path, _line in message.locations)
        if not any(path.startswith(_CODE_SOURCES) and not path.startswith(_CONTENT_SOURCES) for path in places):
            continue
        singular, plural = message.id if isinstance(message.id, tuple) else (message.id, None)
        found.append((singular, plural, places))
    return tuple(found)


def _steps(journey: Journey) -> Iterable[Step]:
    return journey.steps.values()


def _journey(inventory: Inventory, tr: Catalog, journey: Journey) -> None:
    lang = tr.lang
    where = f"{journey.id}"
    inventory.add_reading(lang, f"{where}: start", [tr(journey.title), tr(journey.summary)])
    for need in journey.needs:
        inventory.add(lang, tr(need.text), f"{where}: need")
    for part in journey.parts:
        inventory.add(lang, tr(part.title), f"{where}: part {part.id}")
    for step in _steps(journey):
        at = f"{where}/{step.id}"
        shown = [tr(text) for text in step.sentences] + [tr(choice.text) for choice in step.choices]
        inventory.add_reading(lang, at, shown)
        for text in (step.help_title, *step.help):
            inventory.add(lang, tr(text), f"{at}: help")
        for name in step.help_pictograms:
            inventory.add(lang, tr(titles().get(name, "")), f"{at}: help picture")
        if step.label:
            # The real site's label is shown in French on every screen: said by the French voice.
            inventory.add("fr", step.label, f"{at}: label")
    _practice(inventory, tr, journey)


def _practice(inventory: Inventory, tr: Catalog, journey: Journey) -> None:
    """The hints of the drawn copies: what to look for on each page (practice.copy.hint)."""
    for step in _steps(journey):
        page = journey.pages.get(step.page) if step.page else None
        if page is None:
            continue
        at = f"{journey.id}/{step.id}: practice hint"
        if step.has_choices:
            wanted = [page.element(c.target) for c in step.choices if c.target]
            if wanted and all(wanted):
                labels = f" {tr('ou')} ".join(f"« {e.label} »" for e in wanted)
                inventory.add(tr.lang, tr("Je choisis : %(labels)s.", labels=labels), at)
        elif step.target and page.element(step.target) is not None:
            target = page.element(step.target)
            if target.kind in LOOK_FOR:
                inventory.add(tr.lang, look_for(target, tr), at)


def _values(inventory: Inventory, tr: Catalog, resume_days: Iterable[int], site: Site) -> None:
    """Sentences made with a value: the help line, fields' examples and codes, counted errors."""
    from ..practice.rules import FIELD_RULES

    lang = tr.lang
    inventory.add(lang, tr("J'appelle le %(number)s.", number=site.help_line.number), "help line")
    for text in (*site.help_line.hours, *site.help_line.cost):
        inventory.add(lang, tr(text), "help line")
    for rule in FIELD_RULES.values():
        if rule.example:
            inventory.add(lang, tr("Exemple : %(example)s", example=rule.example), f"field {rule.name}: example")
            for message, _plural, _places in _code_messages():
                if "%(code)s" in message:  # a code arriving on the drawn phone or in the drawn mailbox
                    inventory.add(lang, tr(message, code=rule.example), f"field {rule.name}: code received")
    for days in resume_days:
        inventory.add(lang, tr.plural("Le lien marche pendant %(num)s jour.", "Le lien marche pendant %(num)s jours.", days),
                      "continue later")
    for singular, plural, places in _code_messages():
        if plural and "%(count)s" in singular and any("practice/rules/" in p for p in places):
            for count in range(MAX_COUNTED + 1):
                inventory.add(lang, tr.plural(singular, plural, count), f"{places[0]}: error")


def _code_sentences(inventory: Inventory, tr: Catalog) -> None:
    """Every sentence of the templates and the code that needs no value."""
    for singular, plural, places in _code_messages():
        if "%(" in singular:
            continue
        if plural is None:
            inventory.add(tr.lang, tr(singular), places[0])


@dataclass(frozen=True)
class Screens:
    """The screens that are not a journey's (home, settings, errors...), as the room that draws
    them declares them (``web.readings``): each screen's reading, and the lone sentences
    (French msgids, with where they are shown)."""

    readings: Mapping[str, tuple[str, ...]]
    sentences: Mapping[str, str]


def _screens(inventory: Inventory, tr: Catalog, screens: Screens) -> None:
    for name, sentences in screens.readings.items():
        inventory.add_reading(tr.lang, name, [tr(text) for text in sentences])
    for text, where in screens.sentences.items():
        inventory.add(tr.lang, tr(text), where)


def build(journeys: Mapping[str, Journey], languages: Iterable[str], screens: Screens,
          resume_days: Iterable[int] = (30,), site: Site | None = None) -> Inventory:
    """Every sentence and reading of every screen of ``journeys`` and of the other ``screens``,
    in each of ``languages``; ``site``: the site table of their content folder (the shipped
    one by default)."""
    site = site or load_site()
    inventory = Inventory()
    days = sorted(set(resume_days))
    for lang in languages:
        tr = Catalog(lang)
        _screens(inventory, tr, screens)
        for journey in journeys.values():
            _journey(inventory, tr, journey)
        _values(inventory, tr, days, site)
        _code_sentences(inventory, tr)
    return inventory
