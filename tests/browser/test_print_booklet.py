"""The booklet (« livret ») and the review kit (« relecture »), read back from paper.

Chromium prints each journey's booklet and review kit to PDF once (module
scope), with the print stylesheet; pdftotext reads the text back, page by
page. A printed booklet is right when a reader finds, in order: every branch's
opening words, every screen's number and sentences, the real control's label
and where to go next, each screen's block whole on one page; the help line; the
QR code (read with zxing-cpp) opening the journey; and, on the last page, who
validated the text or that it is still to be read by a group.
"""

from __future__ import annotations

import html
import io
import re
import subprocess

import pytest
from flask_babel import force_locale
from PIL import Image

from qrread import read_codes
from falc_wizard.paper import booklet as layout
from falc_wizard import create_app
from falc_wizard.web.i18n import translate
from falc_wizard.web.views.booklet import field_example, practice_hint, section_intro

DPI = 100
#: The most A4 pages one booklet may have: a booklet follows one route (booklet.routes).
MAX_BOOKLET_PAGES = 30
#: 14 pt in CSS pixels (96 per inch): the smallest text allowed on paper.
MIN_PRINT_PX = 14 * 96 / 72 - 0.01

#: Every element that holds text on paper, with its computed font size.
_SMALL_TEXT = r"""(minPx) => {
  const small = [];
  for (const el of document.querySelectorAll('main .paper *')) {
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
    if (!text || !el.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < minPx) small.push(`${el.tagName.toLowerCase()}.${el.className}: ${size}px "${text.slice(0, 40)}"`);
  }
  return small;
}"""


@pytest.fixture(scope="module")
def app():
    """The same journeys as the live server, to know what the paper must say."""
    return create_app({"TESTING": True, "SECRET_KEY": "x"})


@pytest.fixture(scope="module")
def journeys(app):
    return app.extensions["falc_journeys"]


def plain(text: str) -> str:
    """Text as it is compared: one space for any line break, and no hyphen.

    pdftotext joins a word cut at a line's end ("e-" + "mail" gives "email"),
    so hyphens are left out on both sides of the comparison.
    """
    return " ".join(re.sub(r"-\s*\n\s*", "", text).replace("-", "").split())


class Printed:
    """One printed PDF: its pages' text, and the first page as an image."""

    def __init__(self, pages: list[str], first_page: Image.Image, small_text: list[str]):
        #: Each page's text with its line breaks made spaces (a sentence may wrap).
        self.pages = flat = [plain(page) for page in pages]
        self.first_page = first_page
        self.small_text = small_text
        self.text = " ".join(flat)
        self._starts = []
        offset = 0
        for page in flat:
            self._starts.append(offset)
            offset += len(page) + 1

    def page_of(self, position: int) -> int:
        return max(i for i, start in enumerate(self._starts) if start <= position)

    def find(self, words: str, start: int) -> int:
        """Where ``words`` next appear from ``start``; fails with what was looked for."""
        position = self.text.find(plain(words), start)
        assert position >= 0, f"not found after position {start}: {words!r}"
        return position


@pytest.fixture(scope="module")
def printer(chromium, live_server, tmp_path_factory):
    """print(path) -> Printed, each path printed at most once for the whole module."""
    context = chromium.new_context(locale="fr-FR")
    page = context.new_page()
    folder = tmp_path_factory.mktemp("booklet")
    done: dict[str, Printed] = {}

    def print_(path: str) -> Printed:
        if path not in done:
            page.goto(live_server + path)
            page.emulate_media(media="print")
            small_text = page.evaluate(_SMALL_TEXT, MIN_PRINT_PX)
            pdf = folder / f"{len(done)}.pdf"
            pdf.write_bytes(page.pdf(format="A4", prefer_css_page_size=True))
            text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
            image = subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", "1", "-l", "1", str(pdf)],
                                   check=True, capture_output=True).stdout
            pages = text.split("\f")
            if pages and not pages[-1].strip():
                pages.pop()
            done[path] = Printed(pages, Image.open(io.BytesIO(image)), small_text)
        return done[path]

    yield print_
    context.close()


def expected_blocks(app, journey, lang: str, review: bool, book=None):
    """For each section and block, the words a reader finds, in order: the first and the last on one page.

    ``book``: one route's booklet (the review kit holds the whole journey)."""
    with app.test_request_context(), force_locale(lang):
        book = book or layout.build(journey)
        for section in book.sections:
            intro = section_intro(section) or translate("Le début")
            for index, block in enumerate(section.blocks):
                step = block.step
                words = [translate("Écran %(number)s", number=block.number)]
                words += [translate(sentence) for sentence in step.sentences]
                if step.label:
                    words.append(step.label)
                if field_example(step):
                    words.append(translate("Exemple : %(example)s", example=field_example(step)))
                for exit in block.exits if step.kind == "choice" else ():
                    words += [translate(exit.choice.text), translate("Je vais à l'écran %(number)s.", number=exit.target)]
                if step.help:  # what "J'ai besoin d'aide" opens on the tablet
                    words.append(translate(step.help_title) if step.help_title else translate("J'ai besoin d'aide"))
                    words += [translate(sentence) for sentence in step.help]
                if review and journey.has_practice and practice_hint(journey, step):
                    words.append(practice_hint(journey, step))
                if index == len(section.blocks) - 1 and section.goto:
                    words.append(translate("Je vais à l'écran %(number)s.", number=section.goto))
                if review:
                    words += [translate("Je comprends"), translate("Je ne comprends pas"), translate("Ce qu'il faut changer :")]
                yield (intro if index == 0 else None), block, words


def check_paper(printed: Printed, app, journey, lang: str, review: bool, book=None, cursor: int = 0) -> int:
    """Every branch and every screen in order, each screen's block on a single page."""
    for intro, block, words in expected_blocks(app, journey, lang, review, book):
        if intro:
            cursor = printed.find(intro, cursor)
        start = printed.find(words[0], cursor)
        position = start
        for word in words[1:]:
            position = printed.find(word, position)
        end = position + len(plain(word))
        assert printed.page_of(start) == printed.page_of(end - 1), (
            f"{journey.id} screen {block.number} is cut across pages {printed.page_of(start) + 1} and {printed.page_of(end - 1) + 1}"
        )
        cursor = end
    return cursor


def booklet_starts(printed: Printed, journey) -> list[int]:
    """The page each route's booklet starts on (its cover opens with the journey's title)."""
    return [i for i, page in enumerate(printed.pages) if page.startswith(plain(journey.title))]


def test_every_booklet_on_paper(printer, app, journeys, live_server):
    lengths = {}
    for journey in journeys.values():
        printed = printer(f"/fiches/livret?parcours={journey.id}")
        assert printed.small_text == [], f"{journey.id}: text under 14 pt: {printed.small_text[:5]}"
        books = layout.routes(journey)
        starts = booklet_starts(printed, journey)
        assert len(starts) == len(books) and starts[0] == 0, (journey.id, starts)
        (code,) = read_codes(printed.first_page)
        assert code.text == f"{live_server}/p/{journey.id}"
        cursor = 0
        for book, start, end in zip(books, starts, [*starts[1:], len(printed.pages)]):
            lengths[journey.id, book.route.id if book.route else ""] = end - start
            first = printed.pages[start]
            assert "J'ai besoin de" in first
            if book.route:  # the route this booklet follows, on its cover
                assert "Ce livret est pour ce choix :" in first and plain(book.route.text) in first
            for need in journey.needs:
                assert plain(need.text) in first
            cursor = check_paper(printed, app, journey, "fr", False, book, printed._starts[start])
            # Then the help line, the helper notes, and who validated the text on the last page.
            help_at = printed.find("J'appelle le 3422.", cursor)
            for words in ("Le 3422 répond du lundi au vendredi.", "Il répond de 8 h 30 à 17 h 30.", "Le service est gratuit.",
                          "Je paie l'appel comme un appel normal."):
                printed.find(words, help_at)
            position = help_at
            for note in [block.step.helper_note for block in book.blocks if block.step.helper_note]:
                position = printed.find(note, position)
            last = printed.pages[end - 1]
            if journey.validated:
                assert plain(f"validé par : {journey.validated_by}") in last
            else:
                assert "Ce texte est à faire relire par des personnes concernées." in last
            assert f"Version du texte : {layout.content_version(journey)}" in last
            cursor = printed._starts[end - 1]
    # A booklet a person can hold: the longest one fits in MAX_BOOKLET_PAGES pages.
    longest = max(lengths, key=lengths.get)
    assert lengths[longest] <= MAX_BOOKLET_PAGES, (longest, lengths)


def test_every_review_kit_on_paper(printer, app, journeys):
    for journey in journeys.values():
        printed = printer(f"/fiches/relecture?parcours={journey.id}")
        assert printed.small_text == [], f"{journey.id}: text under 14 pt: {printed.small_text[:5]}"
        first = printed.pages[0]
        for words in ("Le groupe :", "La date :", f"La version du texte : {layout.content_version(journey)}"):
            assert words in first, words
        # The first page is only for the group: screen 1 starts on the next page.
        assert "Écran 1" not in first
        after_screens = check_paper(printed, app, journey, "fr", review=True)
        printed.find("Nous validons ce texte.", after_screens)
        assert "[validation]" in printed.pages[-1]


def test_a_booklet_in_english(printer, app, journeys, live_server):
    journey = journeys["activer"] if "activer" in journeys else next(iter(journeys.values()))
    printed = printer(f"/fiches/livret?parcours={journey.id}&lang=en")
    (code,) = read_codes(printed.first_page)
    assert code.text == f"{live_server}/p/{journey.id}?lang=en"
    assert "I need" in printed.pages[0] and "Écran" not in printed.text and "Je vais" not in printed.text
    after_screens = check_paper(printed, app, journey, "en", False, layout.routes(journey)[0])
    printed.find("I call 3422.", after_screens)


def start_screen_text(app, journey) -> list[str]:
    """The sentences of the journey's start screen, as the tablet shows them (not its buttons)."""
    page = app.test_client().get(f"/parcours/{journey.id}").get_data(as_text=True)
    main = page[page.index("<main"):page.index("</main>")]
    main = re.sub(r'<aside class="help-panel".*?</aside>', "", main, flags=re.S)
    # Not its controls: the buttons, the links, the audio player and its name.
    for control in ("form", "a", "button", "audio", "script"):
        main = re.sub(rf"<{control}\b.*?</{control}>", "", main, flags=re.S)
    main = re.sub(r'<p class="listen-label".*?</p>', "", main, flags=re.S)
    texts = [html.unescape(" ".join(text.split())) for text in re.split(r"<[^>]+>", main)]
    return [text for text in texts if text]


def test_the_review_kit_prints_everything_the_person_reads(printer, app, journeys):
    """The start screen, each screen's help, practice's own screens and its hints, the end of
    practice and the help line: at least 90 % of each journey's help sentences (all, today)."""
    coverage = {}
    for journey in journeys.values():
        printed = printer(f"/fiches/relecture?parcours={journey.id}")
        helps = {sentence for step in journey.steps.values() for sentence in step.help}
        found = {sentence for sentence in helps if plain(sentence) in printed.text}
        coverage[journey.id] = len(found) / len(helps) if helps else 1.0
        assert coverage[journey.id] >= 0.9, (journey.id, sorted(helps - found))
        for words in start_screen_text(app, journey):
            assert plain(words) in printed.text, (journey.id, "start screen", words)
        with app.test_request_context():
            for step in journey.in_mode(True).steps.values() if journey.has_practice else ():
                for words in (*step.sentences, *step.help, practice_hint(journey, step)):
                    if words:
                        assert plain(words) in printed.text, (journey.id, step.id, words)
        if journey.has_practice:
            for words in ("Je m'entraîne. Personne ne reçoit ce que j'écris.", "Sur le vrai site, rien n'a changé."):
                assert plain(words) in printed.text, (journey.id, words)
        for words in ("J'appelle le 3422.", "Le 3422 répond du lundi au vendredi.", "Il répond de 8 h 30 à 17 h 30."):
            assert plain(words) in printed.text, (journey.id, words)
    assert min(coverage.values()) >= 0.9, coverage


def test_several_booklets_in_one_print_start_each_journey_on_a_new_page(printer, journeys):
    chosen = [journey for journey in journeys.values() if len(journey.steps) < 30][:2]
    printed = printer("/fiches/livret?" + "&".join(f"parcours={journey.id}" for journey in chosen))
    starts = [i for i, page in enumerate(printed.pages) if any(page.startswith(plain(j.title)) for j in chosen)]
    # Each route's booklet starts on a new page too (booklet.routes).
    assert len(chosen) == 2 and len(starts) == sum(len(layout.routes(j)) for j in chosen) and starts[0] == 0, starts
    assert printed.pages[starts[1] - 1].startswith("Ce texte") or "Version du texte" in printed.pages[starts[1] - 1]
    for navigation in ("Réglages", "Aller au contenu", "Livrets à imprimer", "Retour"):
        assert navigation not in printed.text, navigation


def test_on_screen_the_booklet_and_the_review_kit_pass_the_audit(context, live_server):
    """Workers see them on a screen before printing: the same audit as every page (axe, sizes, reach)."""
    from .audit import Auditor

    auditor = Auditor()
    page = context.new_page()
    for path in ("/fiches/livret?parcours=se-connecter", "/fiches/relecture?parcours=se-connecter"):
        page.goto(live_server + path)
        page.wait_for_load_state("load")
        auditor.audit(page, "booklet")
    assert auditor.audited == 2
    auditor.assert_clean()
