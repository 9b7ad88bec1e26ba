"""Printed sheets and 'continue later', read back the way people will use them.

Chromium prints each sheet to PDF (its own print pipeline, with the print
stylesheet), pdftoppm turns the pages into images, zxing-cpp reads the QR
codes, and the decoded links are opened in a fresh browser: a sheet is right
only if the code on paper opens the journey.
"""

from __future__ import annotations

import io
import math
import subprocess

import pytest
import qrcode
from PIL import Image

from qrread import decode_png, read_codes
from falc_wizard import create_app

from .browsing import wait_until_ready

DPI = 100
#: The smallest QR code the issue allows on paper.
MIN_CM = 4.0


@pytest.fixture(scope="module")
def journeys():
    """The journeys as the live server serves them (same files, same order)."""
    return create_app({"TESTING": True, "SECRET_KEY": "x"}).extensions["falc_journeys"]


@pytest.fixture(scope="module")
def printer(chromium, live_server, tmp_path_factory):
    """print(path) -> (page images, PDF text): Chromium's print to PDF, then poppler."""
    context = chromium.new_context(locale="fr-FR")
    page = context.new_page()
    folder = tmp_path_factory.mktemp("print")

    def print_(path: str):
        page.goto(live_server + path)
        wait_until_ready(page)
        pdf = folder / "sheet.pdf"
        pdf.write_bytes(page.pdf(format="A4", prefer_css_page_size=True))
        for old in folder.glob("page-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(folder / "page")], check=True)
        images = [Image.open(io.BytesIO(p.read_bytes())) for p in sorted(folder.glob("page-*.png"))]
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        return images, text

    yield print_
    context.close()


def modules(text: str) -> int:
    """How many modules wide the app's QR code of ``text`` is (error correction M)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    return 17 + 4 * code.version


def check_printed_code(image: Image.Image) -> str:
    """The one QR code of a printed page: at least 4 cm, its quiet zone white; returns its link."""
    (found,) = read_codes(image)
    corners = [found.position.top_left, found.position.top_right, found.position.bottom_right, found.position.bottom_left]
    xs, ys = [c.x for c in corners], [c.y for c in corners]
    width_px = math.dist((corners[0].x, corners[0].y), (corners[1].x, corners[1].y))
    assert width_px / DPI * 2.54 >= MIN_CM, f"the QR code is {width_px / DPI * 2.54:.1f} cm wide"
    module = width_px / modules(found.text)
    # The quiet zone: 4 modules around the symbol with no dark pixel (a little margin for edges).
    inner = (min(xs) - module, min(ys) - module, max(xs) + module, max(ys) + module)
    outer = (inner[0] - 3 * module, inner[1] - 3 * module, inner[2] + 3 * module, inner[3] + 3 * module)
    gray = image.convert("L")
    bands = [  # the ring between the two boxes, as 4 rectangles
        (outer[0], outer[1], outer[2], inner[1]), (outer[0], inner[3], outer[2], outer[3]),
        (outer[0], inner[1], inner[0], inner[3]), (inner[2], inner[1], outer[2], inner[3]),
    ]
    for band in bands:
        darkest, _ = gray.crop(tuple(round(v) for v in band)).getextrema()
        assert darkest >= 128, f"a dark pixel in the quiet zone {band}"
    return found.text


def assert_opens_journey(tablet, link: str, journey) -> None:
    """Open the decoded link on a 'tablet' (a browser context without the worker's session)."""
    page = tablet.new_page()
    try:
        page.goto(link)
        assert page.url.endswith(f"/parcours/{journey.id}")
        assert page.locator("h1").inner_text().strip() == journey.title
    finally:
        page.close()


@pytest.fixture
def tablet(chromium):
    context = chromium.new_context(locale="fr-FR")
    yield context
    context.close()


def test_each_printed_sheet_is_one_page_whose_code_opens_its_journey(tablet, live_server, printer, journeys):
    for journey in journeys.values():
        images, text = printer(f"/fiches/imprimer?parcours={journey.id}&note=Mardi")
        assert len(images) == 1, f"{journey.id}: {len(images)} pages"
        link = check_printed_code(images[0])
        assert link == f"{live_server}/p/{journey.id}"
        assert link.split("://", 1)[1] in text, "the short link is written under the code"
        assert_opens_journey(tablet, link, journey)


def test_the_all_journeys_print_has_one_page_per_journey_and_no_site_navigation(tablet, live_server, printer, journeys):
    images, text = printer("/fiches/imprimer")
    assert len(images) == len(journeys)
    links = [check_printed_code(image) for image in images]
    assert links == [f"{live_server}/p/{journey_id}" for journey_id in journeys]
    assert text.count("Pour :") == len(journeys) and text.count("3422") >= len(journeys)
    for navigation in ("Réglages", "Aller au contenu", "J'agrandis le texte", "Fiches à imprimer", "Retour"):
        assert navigation not in text, navigation
    assert_opens_journey(tablet, links[1], list(journeys.values())[1])


def test_continue_later_on_a_branch_reopens_the_same_step_on_a_fresh_browser(chromium, live_server):
    first = chromium.new_context(locale="fr-FR")
    second = chromium.new_context(locale="fr-FR")
    try:
        page = first.new_page()
        page.goto(f"{live_server}/parcours/activer")
        page.get_by_role("button", name="Je commence").click()
        main_button = page.locator("main form button.button-main")
        while not page.url.endswith("/choisir-chemin"):
            main_button.click()
        page.locator('button[name="choix"][value="sans-code"]').click()
        while not page.url.endswith("/carte-type"):
            main_button.click()
        page.locator('button[name="choix"][value="avec-photo"]').click()  # on that branch, the second choice
        step_url = page.url
        assert step_url == f"{live_server}/parcours/activer/carte-continuer-avec-photo"
        progress = page.locator(".progress-text").inner_text()
        back = page.locator(".back-link").get_attribute("href")

        page.get_by_role("link", name="Je continue plus tard").click()
        (link,) = decode_png(page.locator("svg.qr").screenshot())  # one link in the picture
        assert link.startswith(f"{live_server}/r/")
        # The link is named by what it does, not by its long code.
        assert page.get_by_role("link", name="Mon lien pour continuer").get_attribute("href") == link

        tablet = second.new_page()
        tablet.goto(link)
        assert tablet.url == step_url
        assert tablet.locator(".progress-text").inner_text() == progress
        assert tablet.locator(".back-link").get_attribute("href") == back
        # The choice made on the first device is there on the second.
        tablet.goto(f"{live_server}/parcours/activer/choisir-chemin")
        assert tablet.locator("button.choice.chosen").get_attribute("value") == "sans-code"
        tablet.goto(f"{live_server}/parcours/activer/carte-type")
        assert tablet.locator("button.choice.chosen").get_attribute("value") == "avec-photo"
    finally:
        first.close()
        second.close()


def test_a_changed_continue_later_link_gives_the_falc_page(chromium, live_server):
    context = chromium.new_context(locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(f"{live_server}/r/eyJqIjoiYWN0aXZlciJ9.aaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbb")
        assert page.locator("h1").inner_text().strip() == "Cette page n'est plus ouverte"
        assert page.get_by_role("link", name="Je recommence").get_attribute("href") == "/parcours/activer"
    finally:
        context.close()
