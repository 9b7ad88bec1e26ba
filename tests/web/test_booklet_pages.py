"""The booklet and the review kit over the test client: links, options, and the validation record.

What they look like on paper (every screen, every branch, no block cut across
pages, the QR code) is checked by printing them: tests/browser/test_print_booklet.py.
"""

from __future__ import annotations

import html
import re

import pytest

from falc_wizard import create_app
from falc_wizard.paper.booklet import content_version, routes
from qrread import decode_svg, svgs
from support import FIXTURES, Visitor

DEMO = (FIXTURES / "steps" / "demo.toml").read_text(encoding="utf-8")


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_the_workers_page_offers_the_booklet_and_the_review_kit_with_the_same_choices(client):
    page = text(client.get("/fiches"))
    form = re.search(r'<form method="get" action="/fiches/imprimer".*?</form>', page, re.S).group(0)
    assert 'formaction="/fiches/livret"' in form and "Je prépare les livrets" in form
    assert 'formaction="/fiches/relecture"' in form and "Je prépare la relecture par un groupe" in form


@pytest.mark.parametrize("path", ["/fiches/livret", "/fiches/relecture"])
def test_one_journey_several_or_all(app, client, path):
    journeys = app.extensions["falc_journeys"]
    # The booklet has one article per route (the answers of the first choice); the review kit one per journey.
    per_journey = (lambda j: len(routes(j))) if path == "/fiches/livret" else (lambda j: 1)
    everything = text(client.get(path))
    assert everything.count('<article class="paper') == sum(map(per_journey, journeys.values()))
    one = text(client.get(f"{path}?parcours=refuser"))
    assert one.count('<article class="paper') == per_journey(journeys["refuser"]) and journeys["refuser"].title in one
    two = text(client.get(f"{path}?parcours=refuser&parcours=decouvrir"))
    assert two.count('<article class="paper') == per_journey(journeys["refuser"]) + 1


@pytest.mark.parametrize("path", ["/fiches/livret", "/fiches/relecture"])
def test_a_wrong_choice_gets_the_form_back_with_a_falc_message(client, path):
    response = client.get(f"{path}?parcours=inconnu")
    assert response.status_code == 400
    assert "Je choisis les fiches dans la liste." in text(response)
    response = client.get(f"{path}?lang=xx")
    assert response.status_code == 400 and "Je choisis une langue dans la liste." in text(response)


def test_the_booklet_qr_code_is_the_sheets_short_link(app, client):
    page = client.get("/fiches/livret?parcours=activer&lang=en&aide=1").get_data(as_text=True)
    found = svgs(page)
    assert len(found) == len(routes(app.extensions["falc_journeys"]["activer"]))  # one a route's booklet
    for svg in found:
        assert decode_svg(svg) == ["http://falc.test/p/activer?aide=1&lang=en"]
    assert '<html lang="en"' in page and "Screen 1" in page and "I go to screen" in page


def test_the_review_kit_shows_the_version_of_the_text(app, client):
    journey = app.extensions["falc_journeys"]["activer"]
    page = text(client.get("/fiches/relecture?parcours=activer"))
    assert f'<dd class="review-version">{content_version(journey)}</dd>' in page
    # Everything the person reads, each once: the start screen, the guide's screens, the
    # practice banner, practice's own screens, the end of practice, the help line.
    practice_only = len(journey.in_mode(True).steps.keys() - journey.in_mode(False).steps.keys())
    assert page.count("Je ne comprends pas") == 1 + len(journey.in_mode(False).steps) + 1 + practice_only + 1 + 1


def demo_app(tmp_path, validation: str = ""):
    folder = tmp_path / "steps"
    folder.mkdir(parents=True)
    (folder / "site.toml").write_bytes((FIXTURES / "steps" / "site.toml").read_bytes())
    (folder / "demo.toml").write_text(DEMO.replace('pictogram = "aide"\n', f'pictogram = "aide"\n{validation}\n', 1), encoding="utf-8")
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "STEPS_DIR": folder})


def helper_pages(app) -> list[str]:
    """The start page and a step in helper mode (the tablet opened from a sheet with ?aide=1)."""
    visitor = Visitor(app.test_client())
    visitor.get("/p/demo?aide=1")
    start = visitor.get("/parcours/demo")
    pages = [visitor.page]
    visitor.post("/parcours/demo", {"mode": "guide"})
    pages.append(visitor.page)
    assert start.status_code == 200 and "Je lis." in pages[1]
    return pages


def test_until_a_group_validates_it_the_text_is_to_be_read(tmp_path):
    app = demo_app(tmp_path)
    for page in helper_pages(app):
        assert "Ce texte est à faire relire par des personnes concernées." in page
    booklet = text(app.test_client().get("/fiches/livret"))
    assert "Ce texte est à faire relire par des personnes concernées." in booklet
    assert "validé par" not in booklet


def test_once_recorded_the_validation_is_on_the_booklet_and_helper_mode_stops_asking(tmp_path):
    app = demo_app(tmp_path, '[validation]\nby = "Groupe FALC du foyer Les Tilleuls"\non = 2026-03-12\n')
    for page in helper_pages(app):
        assert "à faire relire" not in page
    client = app.test_client()
    booklet = text(client.get("/fiches/livret"))
    last_page = booklet[booklet.index('<footer class="validation-page">'):]
    assert "Ce texte a été relu et validé par : Groupe FALC du foyer Les Tilleuls." in last_page
    assert "Date de la validation : 12 mars 2026." in last_page
    assert "à faire relire" not in booklet
    english = text(client.get("/fiches/livret?lang=en"))
    assert "Date of approval: March 12, 2026." in english
    # Recording the validation does not change the version the group read.
    unvalidated = demo_app(tmp_path / "before").extensions["falc_journeys"]["demo"]
    assert content_version(app.extensions["falc_journeys"]["demo"]) == content_version(unvalidated)


def test_the_booklet_prints_every_screen_once_in_order_with_its_sentences(app, client):
    """The page itself (the layout is tests/unit/test_booklet_layout.py): each block of the
    layout is drawn once, numbered, in order, with all its sentences and its way on."""
    from falc_wizard.web.i18n import translate

    for journey in app.extensions["falc_journeys"].values():
        page = text(client.get(f"/fiches/livret?parcours={journey.id}"))
        for booklet in routes(journey):
            anchor = journey.id + (f"-{booklet.route.id}" if booklet.route else "")
            check_booklet_blocks(app, page, anchor, booklet, translate)


def check_booklet_blocks(app, page, anchor, booklet, translate):
    """Each block of one route's booklet drawn once, numbered, in order, with its sentences, its help and its way on."""
    drawn = re.findall(rf'<section class="block" role="group" id="{anchor}-ecran-(\d+)"(.*?)</section>', page, re.S)
    assert [int(number) for number, _ in drawn] == [block.number for block in booklet.blocks], anchor
    goto = {section.blocks[-1].number: section.goto for section in booklet.sections if section.goto}
    for (number, body), block in zip(drawn, booklet.blocks):
        assert f"Écran {number}</h4>" in body
        with app.test_request_context():
            for sentence in (*block.step.sentences, *block.step.help):
                assert f"<p>{translate(sentence)}</p>" in body, (anchor, number, sentence)
        targets = [exit.target for exit in block.exits] if block.step.kind == "choice" else []
        for target in [*targets, *([goto[block.number]] if block.number in goto else [])]:
            assert f"Je vais à l'écran {target}." in body, (anchor, number)


def renders_of(app, template: str):
    """How many times ``template`` is drawn while the returned list is alive (Flask's signal)."""
    from flask import template_rendered

    drawn: list[str] = []

    def seen(sender, template, context, **extra):
        drawn.append(template.name)

    template_rendered.connect(seen, app)
    return drawn, lambda: template_rendered.disconnect(seen, app)


@pytest.mark.parametrize("path", ["/fiches/livret", "/fiches/relecture"])
def test_a_printed_page_follows_its_options_its_language_and_the_display_settings(app, client, path):
    first = client.get(path)
    assert first.status_code == 200 and client.get(path).data == first.data
    assert app.test_client().get(path).data == first.data, "another person, the same page"
    for url in (f"{path}?parcours=activer&lang=en&aide=1&note=", f"{path}?lang=en"):
        english = text(client.get(url))
        assert '<html lang="en"' in english and text(client.get(url)) == english
    visitor = Visitor(app.test_client())
    visitor.get("/reglages")
    visitor.post("/reglages", data={"toggle": "large_text", "retour": path})
    assert 'class="large-text' in visitor.get(path).get_data(as_text=True)
    assert 'class="large-text' not in client.get(path).get_data(as_text=True)


@pytest.mark.parametrize("path", ["/fiches/livret", "/fiches/relecture"])
def test_a_query_the_printed_page_does_not_read_goes_to_the_same_page_without_it(app, client, path):
    """Whatever else a query string holds (another name, an option twice, a note: the booklet
    prints none) is dropped by a redirect: it never makes a page drawn anew, and a note typed
    on the workers' form is not written back in the page."""
    drawn, stop = renders_of(app, "booklet.html" if path.endswith("livret") else "booklet_review.html")
    try:
        asked = client.get(path + "?parcours=activer").get_data(as_text=True)
        for extra in ("&x=1", "&x=2", "&parcours=activer", "&aide=0", "&note=Mardi+avec+Julie", "&lang=fr&lang=en"):
            response = client.get(path + "?parcours=activer" + extra)
            assert response.status_code == 302, extra
            kept = "&lang=fr" if "lang" in extra else "&note=" if "note" in extra else ""
            assert response.headers["Location"] == path + "?parcours=activer" + kept, extra
        assert client.get(path + "?parcours=activer&note=").status_code == 200  # the form's empty note
        assert "Julie" not in asked and len(drawn) == 2
    finally:
        stop()


@pytest.mark.parametrize("path, template", [("/fiches/livret", "booklet.html"), ("/fiches/relecture", "booklet_review.html")])
def test_every_journey_on_paper_asked_again_is_served_without_drawing_it_again(app, path, template):
    """The heaviest printed page (every journey, no query) is the same for everyone who asks
    in the same language and display settings: the page cache serves it after the first."""
    drawn, stop = renders_of(app, template)
    try:
        first = app.test_client().get(path)
        again = app.test_client().get(path)  # another person
        assert first.status_code == again.status_code == 200 and first.data == again.data
        assert drawn.count(template) == 1, "the second request is served from what the first drew"
        # Asked with options (a query string): drawn each time, never kept.
        app.test_client().get(f"{path}?parcours=activer")
        app.test_client().get(f"{path}?parcours=activer")
        assert drawn.count(template) == 3
    finally:
        stop()
