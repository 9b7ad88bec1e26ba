"""QR-code sheets: the workers' page, the sheets, the PNG, the short links, the public address.

Every QR code is read back with a real decoder (zxing-cpp) and the link it
holds is opened with the test client: a sheet is only right if its code works.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pytest

from falc_wizard import create_app
from falc_wizard.paper import qr
from qrread import decode_png, decode_svg, svgs

PUBLIC = "http://falc.test"


def journey_ids(app):
    return list(app.extensions["falc_journeys"])


def open_link(client, link: str, base: str = PUBLIC):
    """Open a decoded absolute link with the test client, as a tablet on that address would."""
    assert link.startswith(base + "/"), link
    parts = urlsplit(link)
    return client.get(parts.path + (f"?{parts.query}" if parts.query else ""))


def test_every_png_decodes_to_a_link_that_opens_its_journey(app, client):
    for journey_id in journey_ids(app):
        response = client.get(f"/fiches/{journey_id}.png")
        assert response.status_code == 200 and response.mimetype == "image/png"
        assert f'filename="qr-{journey_id}.png"' in response.headers["Content-Disposition"]
        (link,) = decode_png(response.data)
        assert link == f"{PUBLIC}/p/{journey_id}"
        opened = open_link(app.test_client(), link)
        assert opened.status_code == 302
        assert opened.headers["Location"] == f"/parcours/{journey_id}"
        start = client.get(opened.headers["Location"])
        title = app.extensions["falc_journeys"][journey_id].title
        assert start.status_code == 200 and title in html.unescape(start.get_data(as_text=True))


def test_the_all_journeys_page_has_one_sheet_per_journey_and_every_code_decodes(app, client):
    page = html.unescape(client.get("/fiches/imprimer").get_data(as_text=True))
    codes = svgs(page)
    assert page.count('<article class="sheet"') == len(journey_ids(app)) == len(codes)
    links = [decode_svg(svg)[0] for svg in codes]
    assert links == [f"{PUBLIC}/p/{journey_id}" for journey_id in journey_ids(app)]
    for link in links:
        assert f'<span class="sheet-link" lang="fr">{qr.display_url(link)}</span>' in page


def test_a_sheet_shows_what_the_issue_asks_for(app, client):
    journey = app.extensions["falc_journeys"]["activer"]
    page = html.unescape(client.get("/fiches/imprimer?parcours=activer&note=Mardi avec Julie").get_data(as_text=True))
    sheet = page[page.index('<article class="sheet"'):page.index("</article>")]
    assert journey.title in sheet
    assert f"/pictogrammes/{journey.pictogram}.svg" in sheet
    assert "J'ai besoin de :" in sheet
    for need in journey.needs:
        assert need.text in sheet and f"/pictogrammes/{need.pictogram}.svg" in sheet
    assert "falc.test/p/activer" in sheet  # the short link, written under the code
    assert "J'appelle le 3422." in sheet and "Le service est gratuit." in sheet
    assert "Je paie l'appel comme un appel normal." in sheet and "C'est gratuit" not in sheet
    assert "Le 3422 répond du lundi au vendredi." in sheet and "Il répond de 8 h 30 à 17 h 30." in sheet
    assert "Pour :" in sheet and "sheet-blank" in sheet
    assert "Note : Mardi avec Julie" in sheet
    assert page.count('<article class="sheet"') == 1
    # Strict CSP: no style attribute, not even inside the SVG; no duplicate ids from the QR code.
    assert "style=" not in page
    assert 'id="qr-path"' not in page


def test_several_sheets_in_the_order_chosen(app, client):
    page = client.get("/fiches/imprimer?parcours=refuser&parcours=activer").get_data(as_text=True)
    assert [decode_svg(svg)[0] for svg in svgs(page)] == [f"{PUBLIC}/p/refuser", f"{PUBLIC}/p/activer"]


def test_helper_mode_travels_in_the_link_and_opens_the_helper_notes(app, client):
    page = client.get("/fiches/imprimer?parcours=activer&aide=1").get_data(as_text=True)
    (link,) = decode_svg(svgs(page)[0])
    assert link == f"{PUBLIC}/p/activer?aide=1"
    tablet = app.test_client()
    opened = open_link(tablet, link)
    start = tablet.get(opened.headers["Location"])
    assert "Pour l’accompagnant" in start.get_data(as_text=True)
    fresh = app.test_client().get("/parcours/activer")
    assert "Pour l’accompagnant" not in fresh.get_data(as_text=True)


def test_the_sheet_language_is_printed_and_carried_by_the_link(app, client):
    assert "en" in app.config["LANGUAGES"], "the English catalog ships with the app"
    page = client.get("/fiches/imprimer?parcours=activer&lang=en").get_data(as_text=True)
    assert '<html lang="en"' in page
    (link,) = decode_svg(svgs(page)[0])
    assert link == f"{PUBLIC}/p/activer?lang=en"
    tablet = app.test_client()
    start = tablet.get(open_link(tablet, link).headers["Location"])
    assert '<html lang="en"' in start.get_data(as_text=True)
    # The worker's own screen keeps its language.
    assert '<html lang="fr"' in client.get("/fiches", headers={"Accept-Language": "fr"}).get_data(as_text=True)


def test_a_forged_host_header_does_not_change_the_link(app, client):
    forged = {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}
    png = client.get("/fiches/activer.png", headers=forged)
    assert decode_png(png.data) == [f"{PUBLIC}/p/activer"]
    page = client.get("/fiches/imprimer?parcours=activer", headers=forged).get_data(as_text=True)
    assert decode_svg(svgs(page)[0]) == [f"{PUBLIC}/p/activer"]
    assert "evil.example" not in page


@pytest.mark.parametrize(
    "settings, expected",
    [
        ({"PUBLIC_URL": "https://pas-a-pas.example.org/"}, "https://pas-a-pas.example.org/p/activer"),
        ({"PUBLIC_URL": "", "SERVED_URL": "http://192.0.2.7:8080"}, "http://192.0.2.7:8080/p/activer"),
        ({"PUBLIC_URL": ""}, qr.DEFAULT_SERVED_URL + "/p/activer"),
    ],
)
def test_the_public_address_comes_from_the_settings_never_the_request(settings, expected):
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", **settings})
    png = app.test_client().get("/fiches/activer.png", headers={"Host": "evil.example"})
    assert decode_png(png.data) == [expected]


def test_served_url_names_a_reachable_host():
    assert qr.served_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert qr.served_url("::1", 8000) == "http://[::1]:8000"
    assert not qr.served_url("0.0.0.0", 8080).startswith("http://0.0.0.0")


@pytest.mark.parametrize(
    "query, message",
    [
        ("parcours=inconnu", "Je choisis les fiches dans la liste."),
        ("lang=xx", "Je choisis une langue dans la liste."),
        ("note=" + "a" * 121, "La note est trop longue. J'écris 120 signes au plus."),
    ],
)
def test_bad_options_get_a_falc_message(client, query, message):
    response = client.get(f"/fiches/imprimer?{query}")
    assert response.status_code == 400
    assert message in html.unescape(response.get_data(as_text=True))
    assert 'class="sheet"' not in response.get_data(as_text=True)


def test_the_workers_page_is_a_get_form_with_every_option(app, client):
    page = html.unescape(client.get("/fiches").get_data(as_text=True))
    assert "Fiches à imprimer" in page
    form = re.search(r'<form method="get" action="/fiches/imprimer".*?</form>', page, re.S).group(0)
    for journey_id in journey_ids(app):
        assert f'name="parcours" value="{journey_id}"' in form
    assert 'name="lang"' in form and 'name="aide" value="1"' in form and 'name="note"' in form
    assert "/pictogrammes/imprimer.svg" in page and "/pictogrammes/qr-code.svg" in page


def test_unknown_journey_short_link_and_png_are_falc_404(client):
    for url in ("/p/inconnu", "/fiches/inconnu.png"):
        response = client.get(url)
        assert response.status_code == 404
        assert "Je ne trouve pas cette page" in html.unescape(response.get_data(as_text=True))


def test_qr_codes_are_cached_by_their_text(app):
    qr.clear_cache()
    with app.test_request_context():
        first = qr.qr_svg("http://falc.test/p/activer", "a")
        second = qr.qr_svg("http://falc.test/p/activer", "b")
    info = qr._svg_text.cache_info()
    assert (info.hits, info.misses) == (1, 1)
    assert 'aria-label="a"' in first and 'aria-label="b"' in second
    qr.qr_png("http://falc.test/p/activer")
    qr.qr_png("http://falc.test/p/activer")
    assert qr.qr_png.cache_info().hits == 1


def test_the_label_of_an_svg_is_escaped(app):
    svg = qr.qr_svg("x", '"><script>')
    assert "<script>" not in svg and "&#34;&gt;&lt;script&gt;" in svg


def test_the_real_site_step_shows_a_qr_code_of_the_real_site(app, visitor):
    journeys = app.extensions["falc_journeys"]
    journey = journeys["activer"]
    step = next(s for s in journey.steps.values() if s.real_site)
    assert step.id == journey.first, "the test walks to the first step only"
    visitor.get("/parcours/activer")
    visitor.post(data={"mode": "guide"})
    assert visitor.url == f"/parcours/activer/{step.id}"
    codes = svgs(visitor.page)
    assert [decode_svg(svg) for svg in codes] == [[app.extensions["falc_site"].url]]
    # Only on those steps: the next one has no QR code.
    visitor.post()
    following = journey.steps[visitor.url.rsplit("/", 1)[1]]
    assert not following.real_site and svgs(visitor.page) == []
