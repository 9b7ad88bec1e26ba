"""Read aloud, display settings, progress, errors and focus, checked in the real browser.

These follow ../shared/DESIGN.md ("Accessible structure") and the issue's
"Read aloud" and "Display settings" parts.
"""

import re

import pytest
from playwright.sync_api import expect

from falc_wizard import engine
from falc_wizard.content import load_journeys
from support import VALID

from .audit import Auditor
from .browsing import context_options, wait_until_ready
from .walking import open_practice_step, start

JOURNEYS = load_journeys()

#: Replaces the browser's voice by a recorder, to see what would be spoken.
SPEECH_STUB = """
window.__spoken = [];
class FakeUtterance { constructor(text) { this.text = text; this.lang = ''; } }
window.SpeechSynthesisUtterance = FakeUtterance;
Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
  speak: (u) => window.__spoken.push({text: u.text, lang: u.lang}),
  cancel: () => {}, getVoices: () => [],
}});
"""

NO_SPEECH = "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;"


def open_step(page, base, journey_id, step_id, practice=False):
    """Start the journey and walk, along the first path of the mode that holds it, until
    ``step_id`` is shown (practice presses the drawn page's elements: walking.py)."""
    journey = JOURNEYS[journey_id]
    path = next(p for p in engine.all_paths(journey, practice) if step_id in p)
    if practice:
        open_practice_step(page, base, journey, path, step_id, VALID)
        return
    start(page, base, journey, False)
    for position, current_id in enumerate(path[:path.index(step_id)]):
        current = journey.steps[current_id]
        if current.kind == "choice":
            choice = next(c for c in current.choices if c.next == path[position + 1])
            page.locator(f"button[name=choix][value='{choice.id}']").click()
        else:
            page.locator("main form .button-main").click()
        page.wait_for_load_state()
    expect(page).to_have_url(re.compile(f"/{step_id}$"))
    wait_until_ready(page)


# Every kind of screen: home, journey start, each step kind, end, errors.
SCREENS = {
    "accueil": lambda page, base: page.goto(base + "/"),
    "debut": lambda page, base: page.goto(base + "/parcours/activer"),
    "etape-info": lambda page, base: open_step(page, base, "decouvrir", "c-est-quoi"),
    "etape-action": lambda page, base: open_step(page, base, "activer", "cliquer-activer"),
    "etape-choix": lambda page, base: open_step(page, base, "activer", "choisir-chemin"),
    "etape-champ": lambda page, base: open_step(page, base, "activer", "avec-code-code", practice=True),
    "fin": lambda page, base: open_step(page, base, "decouvrir", "fin"),
    "erreur-404": lambda page, base: page.goto(base + "/parcours/nulle-part"),
    "page-expiree": lambda page, base: page.goto(base + "/parcours/refuser/m-opposer"),  # no journey state: gone
}


# Where no audio file is made yet, « Écouter » reads with the browser's voice (test_listening.py
# plays the files).
@pytest.mark.parametrize("screen", list(SCREENS))
def test_listen_reads_the_screen_in_the_page_language(context, live_server_without_audio, screen):
    live_server = live_server_without_audio
    context.add_init_script(SPEECH_STUB)
    page = context.new_page()
    SCREENS[screen](page, live_server)
    title = page.locator("main h1").first.inner_text().strip()
    button = page.get_by_role("button", name="Écouter")
    expect(button).to_be_visible()
    button.click()
    spoken = page.evaluate("window.__spoken")
    assert len(spoken) == 1
    assert spoken[0]["lang"] == page.evaluate("document.documentElement.lang") == "fr"
    # What is spoken: the screen's title first, then its sentences, nothing else.
    assert spoken[0]["text"].startswith(title)
    expected = " ".join(page.locator("[data-speak]").all_inner_texts()).split()
    assert spoken[0]["text"].split() == expected
    assert "Réglages" not in spoken[0]["text"] and "Retour" not in spoken[0]["text"]


def test_listen_is_hidden_where_the_browser_cannot_speak(context, live_server_without_audio):
    live_server = live_server_without_audio
    context.add_init_script(NO_SPEECH)
    page = context.new_page()
    for screen in ("accueil", "debut", "etape-info"):
        SCREENS[screen](page, live_server)
        assert page.locator("[data-listen]").count() == 1
        expect(page.locator("[data-listen]")).to_be_hidden()


def test_listen_is_hidden_without_javascript(chromium, live_server_without_audio):
    live_server = live_server_without_audio
    context = chromium.new_context(**context_options(java_script_enabled=False))
    try:
        page = context.new_page()
        page.goto(live_server + "/parcours/activer")
        wait_until_ready(page)
        expect(page.locator("[data-listen]")).to_be_hidden()
    finally:
        context.close()


def _font_size(page, selector):
    wait_until_ready(page)
    return page.eval_on_selector(selector, "el => parseFloat(getComputedStyle(el).fontSize)")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_display_settings_apply_and_stay_for_the_session(chromium, live_server, javascript):
    context = chromium.new_context(**context_options(java_script_enabled=javascript))
    try:
        page = context.new_page()
        page.goto(live_server + "/")
        normal = _font_size(page, "main h1")
        # The settings are on their own page, which brings the person back.
        page.get_by_role("link", name="Réglages").click()
        page.get_by_role("button", name="J'agrandis le texte").click()
        expect(page.get_by_role("button", name="Je remets le texte normal")).to_be_visible()
        page.get_by_role("link", name="Je reviens où j'étais").click()
        expect(page).to_have_url(live_server + "/")
        assert _font_size(page, "main h1") >= normal * 1.15
        page.get_by_role("link", name="Réglages").click()
        page.get_by_role("button", name="Je mets un fort contraste").click()
        expect(page.locator("html")).to_have_class(re.compile(r"\blarge-text\b.*\bcontrast\b"))
        # Kept on the next pages of the session.
        page.goto(live_server + "/parcours/decouvrir")
        expect(page.locator("html")).to_have_class(re.compile(r"\blarge-text\b.*\bcontrast\b"))
        assert page.eval_on_selector(".button-main", "el => getComputedStyle(el).backgroundColor") == "rgb(0, 0, 0)"
        # And switched off again.
        page.get_by_role("link", name="Réglages").click()
        page.get_by_role("button", name="Je remets le texte normal").click()
        page.get_by_role("button", name="Je remets les couleurs normales").click()
        expect(page.locator("html")).not_to_have_class(re.compile(r"large-text|contrast"))
    finally:
        context.close()


@pytest.mark.parametrize("setting", ["large-text", "contrast", "helper"])
def test_each_screen_kind_passes_the_audit_with_each_setting(context, live_server, setting):
    """axe (colour contrast included), sizes and reach, with the setting on, on each kind of screen."""
    page = context.new_page()
    page.goto(live_server + "/reglages")
    name = {"large-text": "J'agrandis le texte", "contrast": "Je mets un fort contraste",
            "helper": "Je suis accompagnant : je vois les notes"}[setting]
    page.get_by_role("button", name=name).click()
    expect(page.get_by_role("button", name=name)).not_to_be_attached()  # the page with the setting on
    auditor = Auditor()
    for screen, open_screen in SCREENS.items():
        open_screen(page, live_server)
        auditor.audit(page, screen, setting)
    auditor.assert_clean()


# The progress (read once, dots hidden) is checked in test_calm_screens.py.


def test_errors_take_the_focus_and_lead_to_each_field(page, live_server):
    open_step(page, live_server, "activer", "avec-code-nir", practice=True)
    page.locator("main form [name=valeur]").fill("123")
    page.locator("main form .button-main").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_have_attribute("role", "alert")
    links = summary.locator("a")
    assert links.count() == 1
    message = links.first.inner_text().strip()
    # The same message next to the field, tied to it with aria-describedby.
    field = page.locator("#champ-valeur")
    described = field.get_attribute("aria-describedby").split()
    assert page.locator(f"#{described[0]}").inner_text().strip() == message
    assert field.get_attribute("aria-invalid") == "true"
    expect(field).to_have_accessible_description(re.compile(re.escape(message)))
    # The link takes the person to the field, ready to type again.
    page.keyboard.press("Tab")
    expect(links.first).to_be_focused()
    page.keyboard.press("Enter")
    expect(field).to_be_focused()


def test_a_choice_left_empty_says_so_in_falc(page, live_server):
    """A choice posted without an answer (e.g. an old form) gets a message, not a crash."""
    open_step(page, live_server, "activer", "choisir-chemin")
    page.evaluate("document.querySelector('form.choices').submit()")
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator(".error-summary a")).to_have_text("Je choisis une réponse.")


def test_the_skip_link_is_first_and_large(page, live_server):
    page.goto(live_server + "/parcours/activer")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    wait_until_ready(page)
    box = skip.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
