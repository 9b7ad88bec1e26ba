"""« Écouter » plays the recorded files in the real browser (FALC.md rule 28).

Without JavaScript the screen's <audio> is the control and plays the screen's reading;
with JavaScript one button plays the sentences one by one and highlights the one being
read, and a second press stops. The files are made before the suite (``make test``).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from falc_wizard import create_app
from falc_wizard.web.listening import audio_dir

from .browsing import context_options, wait_until_ready

#: A guide screen of 3 sentences: the highlight has somewhere to move.
JOURNEY = "decouvrir"


@pytest.fixture(scope="module", autouse=True)
def made():
    app = create_app({"TESTING": True, "SECRET_KEY": "x"})
    if app.extensions["falc_audio"].folder.count() < 100:
        pytest.fail(f"no audio files in {audio_dir(app)}: run `falc-wizard audio` (make test does)")


def _first_step(page, base):
    page.goto(f"{base}/parcours/{JOURNEY}")
    page.locator("form:has(input[name=mode][value=guide]) button").click()
    page.wait_for_url(re.compile(rf"/parcours/{JOURNEY}/[^/]+$"))
    wait_until_ready(page)


def test_without_javascript_the_screen_plays_its_reading(chromium, live_server):
    context = chromium.new_context(**context_options(java_script_enabled=False))
    try:
        page = context.new_page()
        _first_step(page, live_server)
        player = page.locator("audio.listen-audio")
        expect(player).to_be_visible()
        expect(page.locator(".listen-label")).to_have_text(re.compile("Écouter"))
        assert player.get_attribute("preload") == "none"
        # Pressing the player's play button loads the WebM and plays it.
        with page.expect_response(re.compile(r"/ecouter/[0-9a-f]{20}\.webm$")) as answer:
            box = player.bounding_box()
            page.mouse.click(box["x"] + 20, box["y"] + box["height"] / 2)
        response = answer.value
        assert response.status in (200, 206)
        assert response.headers["content-type"] == "audio/webm"
        # The browser goes on asking for the rest of the file as it plays.
        page.wait_for_timeout(500)
        expect(player).to_be_visible()
    finally:
        context.close()


def test_with_javascript_one_press_reads_each_sentence_in_turn_and_a_second_stops(page, live_server):
    requested = []
    page.on("request", lambda request: "/ecouter/" in request.url and requested.append(request.url))
    _first_step(page, live_server)
    expect(page.locator("audio.listen-audio")).to_be_hidden()
    button = page.get_by_role("button", name="Écouter")
    expect(button).to_be_visible()
    said = page.locator("[data-say]")
    first, second = said.nth(0), said.nth(1)
    button.click()
    expect(first).to_have_class(re.compile(r"\bis-reading\b"))
    expect(page.get_by_role("button", name="J’arrête")).to_be_visible()
    # The first sentence ends, the highlight moves to the second.
    expect(second).to_have_class(re.compile(r"\bis-reading\b"), timeout=20_000)
    expect(first).not_to_have_class(re.compile(r"\bis-reading\b"))
    assert len(page.locator(".is-reading").all()) == 1
    names = [re.search(r"/ecouter/(\w+)\.", url).group(1) for url in requested]
    assert names[:2] == [first.get_attribute("data-say"), second.get_attribute("data-say")]
    page.get_by_role("button", name="J’arrête").click()
    expect(page.locator(".is-reading")).to_have_count(0)
    expect(page.get_by_role("button", name="Écouter")).to_be_visible()


def test_english_screens_play_english_files(page, live_server):
    page.goto(f"{live_server}/reglages?retour=/")
    page.get_by_role("button", name="English").click()
    page.wait_for_url(re.compile(r"/reglages"))
    page.goto(f"{live_server}/")
    wait_until_ready(page)
    title = page.locator("main h1")
    expect(title).to_have_text("I choose what I want to do")
    app = create_app({"TESTING": True, "SECRET_KEY": "x"})
    assert title.get_attribute("data-say") == app.extensions["falc_audio"].namer.sentence(title.inner_text(), "en")
    with page.expect_response(re.compile(r"/ecouter/")) as answer:
        page.get_by_role("button", name="Listen").click()
    assert answer.value.status in (200, 206) and title.get_attribute("data-say") in answer.value.url


def test_the_settings_offer_a_slower_reading_that_stays(page, live_server):
    page.goto(f"{live_server}/reglages?retour=/")
    page.get_by_role("button", name="J'écoute plus lentement").click()
    expect(page.get_by_role("button", name="J'écoute à la vitesse normale")).to_be_visible()
    page.goto(f"{live_server}/")
    expect(page.locator("[data-listen-player]")).to_have_attribute("data-rate", "0.8")
