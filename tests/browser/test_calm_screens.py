"""Calm, clear screens, measured in the real browser.

- Every step screen of every journey shows at most 6 controls besides the step's own answer.
- A screen reader hears the progress once ("Étape 3 sur 4, écran 2 sur 3"), not a list of dots.
- An error link focuses the field with its label in view, and leaves nothing in the
  address that would open the next screens scrolled down.
- The settings are on their own page, which brings the person back to the same step.
- The real site's control is a picture: nothing in it can be focused or pressed.
- On a tablet, a step screen's header is one row, and a start screen shows "Je commence"
  without scrolling, held upright or sideways.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .audit import Auditor
from .browsing import TABLET, context_options, wait_until_ready
from .walking import open_practice_step
from falc_wizard import engine
from falc_wizard.content import load_journeys
from falc_wizard.practice.rules import FIELD_RULES

JOURNEYS = load_journeys()

#: Besides the step's own answer: home, Retour, Écouter, Je continue plus tard, J'ai besoin d'aide, Réglages.
MAX_CONTROLS = 6

#: The visible controls of the page outside the step's own answer (.step-answer): their names.
_CONTROLS_OUTSIDE_THE_ANSWER = r"""() => {
  const visible = (el) => {
    // checkVisibility: not rendered, or inside a closed <details> (content-visibility: hidden).
    if (!el.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true})) return false;
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && r.right > 0;   // the skip link waits off screen until focused
  };
  return [...document.querySelectorAll(
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
    .filter((el) => !el.closest('.step-answer') && visible(el))
    .map((el) => (el.innerText || el.value || el.getAttribute('aria-label') || el.tagName).trim().replace(/\s+/g, ' '));
}"""


def _step_url(base: str, journey_id: str, step_id: str) -> str:
    return f"{base}/parcours/{journey_id}/{step_id}"


def _go(page, action, base: str, journey_id: str, step_id: str) -> None:
    """Do ``action`` (a click), then wait until ``step_id`` is fully loaded."""
    action()
    page.wait_for_url(_step_url(base, journey_id, step_id))
    page.wait_for_load_state("load")


def test_every_step_screen_has_at_most_six_controls_besides_its_answer(context, live_server):
    """Every step of every journey, each seen once: a depth-first walk that goes back to each choice.

    Going back to a choice is a plain link (GET) to a step on the path; choosing
    another answer there opens the other branch. Each step is measured once.
    """
    page = context.new_page()
    counts: dict[str, int] = {}
    too_many: list[str] = []

    for journey in (j.in_mode(False) for j in JOURNEYS.values()):  # guide screens (practice: its copy)
        seen: set[str] = set()

        def measure(step_id: str) -> None:
            names = page.evaluate(_CONTROLS_OUTSIDE_THE_ANSWER)
            counts[f"{journey.id}/{step_id}"] = len(names)
            if len(names) > MAX_CONTROLS:
                too_many.append(f"{journey.id}/{step_id}: {len(names)} controls {names}")

        def explore(step_id: str) -> None:
            seen.add(step_id)
            measure(step_id)
            step = journey.steps[step_id]
            if step.is_end:
                return
            if step.kind == "choice":
                for choice in step.choices:
                    if page.url != _step_url(live_server, journey.id, step_id):
                        page.goto(_step_url(live_server, journey.id, step_id))
                        page.wait_for_load_state("load")
                    button = page.locator(f".step-answer button[name=choix][value='{choice.id}']")
                    _go(page, button.click, live_server, journey.id, choice.next)
                    if choice.next not in seen:
                        explore(choice.next)
            else:
                _go(page, page.locator(".step-answer form .button-main").click, live_server, journey.id, step.next)
                if step.next not in seen:
                    explore(step.next)

        page.goto(f"{live_server}/parcours/{journey.id}")
        _go(page, page.locator("form:has(input[name=mode][value=guide]) button").click,
            live_server, journey.id, journey.first)
        explore(journey.first)
        assert seen == set(journey.steps), f"{journey.id}: steps never shown {set(journey.steps) - seen}"

    assert len(counts) == sum(len(j.in_mode(False).steps) for j in JOURNEYS.values())
    assert not too_many, "\n".join(too_many)
    # The measure is real: a step screen has its 6 (5 on an end screen, which has no "Je continue plus tard").
    assert max(counts.values()) == MAX_CONTROLS


def _open(page, base: str, journey_id: str, step_id: str) -> None:
    """Start the journey in guide mode and walk with the first choices until ``step_id`` is shown."""
    journey = JOURNEYS[journey_id].in_mode(False)
    page.goto(f"{base}/parcours/{journey_id}")
    _go(page, page.locator("form:has(input[name=mode][value=guide]) button").click, base, journey_id, journey.first)
    current = journey.first
    while current != step_id:
        step = journey.steps[current]
        if step.kind == "choice":
            choice = step.choices[0]
            _go(page, page.locator(f"button[name=choix][value='{choice.id}']").click, base, journey_id, choice.next)
            current = choice.next
            continue
        _go(page, page.locator(".step-answer form .button-main").click, base, journey_id, step.next)
        current = step.next


#: A screen in the middle of decouvrir: parts done before it and parts still ahead, and
#: in its part, a screen done before it and one still ahead (screen 2 of 3).
MIDDLE = "qui-ne-peut-pas-voir"


def test_a_screen_reader_hears_the_progress_once(page, live_server):
    _open(page, live_server, "decouvrir", MIDDLE)
    text = page.locator(".progress-text").inner_text()
    position, total, screen, screens = map(int, re.fullmatch(r"Étape (\d+) sur (\d+), écran (\d+) sur (\d+)", text).groups())
    expected = engine.progress(JOURNEYS["decouvrir"], engine.start(JOURNEYS["decouvrir"]), MIDDLE)
    assert (position, total, screens) == (expected.position, expected.total, expected.screens) and 1 < position < total
    assert 1 < screen < screens
    # The dots are drawn (one per screen of the part) but hidden from the accessibility tree.
    expect(page.locator(".progress-dots .dot")).to_have_count(screens)
    expect(page.locator(".progress-dots .done")).to_have_count(screen - 1)
    expect(page.locator(".progress-dots")).to_have_attribute("aria-hidden", "true")
    tree = page.locator("body").aria_snapshot()
    assert tree.count("Étape") == 1, tree
    assert text in tree
    # And it comes before the step's heading, with no list of items before it.
    before_heading = tree.split("heading", 1)[0]
    assert "listitem" not in before_heading, before_heading


def test_done_and_to_do_dots_differ_in_forced_colours(chromium, live_server):
    context = chromium.new_context(**context_options(forced_colors="active"))
    try:
        page = context.new_page()
        _open(page, live_server, "decouvrir", MIDDLE)
        fill = "el => getComputedStyle(el).backgroundColor"
        done = page.locator(".progress-dots .done").first.evaluate(fill)
        ahead = page.locator(".progress-dots .ahead").first.evaluate(fill)
        assert done != ahead, (done, ahead)
    finally:
        context.close()


#: Valid values for the practice fields (each rule's own sample).
VALID = {name: rule.sample for name, rule in FIELD_RULES.items()}


def _label_in_view(page, selector: str) -> bool:
    return page.locator(selector).evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_after_an_error_link_the_next_field_step_opens_at_the_top(chromium, live_server, javascript):
    context = chromium.new_context(**context_options(java_script_enabled=javascript, viewport={"width": 768, "height": 700}))
    try:
        page = context.new_page()
        activer = JOURNEYS["activer"]
        path = next(p for p in engine.all_paths(activer, practice=True) if "avec-code-code" in p)
        assert path[path.index("avec-code-code") + 1] == "avec-code-nir"
        open_practice_step(page, live_server, activer, path, "avec-code-code", VALID)
        page.locator("main form [name=valeur]").fill("ABC")
        page.locator(".step-answer form .button-main").click()
        page.wait_for_load_state("load")
        summary = page.locator(".error-summary")
        # The summary comes after the page's heading.
        assert page.evaluate("""() => {
            const h1 = document.querySelector('main h1'), summary = document.querySelector('.error-summary');
            return Boolean(h1.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""")
        page.evaluate("window.scrollTo(0, 0)")
        summary.locator("a").first.click()
        label = "label[for=champ-valeur]"
        expect(page.locator(label)).to_be_in_viewport()
        assert _label_in_view(page, label), "the label is scrolled out of view"
        assert _label_in_view(page, "#champ-valeur")
        if javascript:
            expect(page.locator("#champ-valeur")).to_be_focused()
            assert "#" not in page.url
        # Corrected, the next screen is a field too: it opens with its instruction in view (a
        # practice screen scrolls down at most to its instruction), its address clean.
        page.locator("#champ-valeur").fill(VALID["code_provisoire"]["valeur"])
        _go(page, page.locator(".step-answer form .button-main").click, live_server, "activer", "avec-code-nir")
        assert page.url == _step_url(live_server, "activer", "avec-code-nir")
        assert page.evaluate("document.querySelector('main h1').getBoundingClientRect().top") >= 0
        expect(page.locator("main h1")).to_be_in_viewport()
    finally:
        context.close()


def test_the_settings_page_brings_the_person_back_to_the_same_step(page, live_server):
    _open(page, live_server, "decouvrir", "je-decide")
    step = page.url
    page.get_by_role("link", name="Réglages").click()
    page.wait_for_load_state("load")
    expect(page.locator("main h1")).to_have_text("Réglages")
    # One signal: the name says what the button does, and changes; no "pressed" state besides.
    page.get_by_role("button", name="J'agrandis le texte").click()
    page.wait_for_load_state("load")
    expect(page.locator("main h1")).to_have_text("Réglages")
    expect(page.locator("html")).to_have_class(re.compile(r"\blarge-text\b"))
    normal = page.get_by_role("button", name="Je remets le texte normal")
    expect(normal).to_be_visible()
    assert page.locator("[aria-pressed]").count() == 0
    expect(page.get_by_role("link", name="Fiches à imprimer")).to_be_visible()
    page.get_by_role("link", name="Je reviens où j'étais").click()
    page.wait_for_load_state("load")
    assert page.url == step
    expect(page.locator("html")).to_have_class(re.compile(r"\blarge-text\b"))


def test_the_real_site_picture_cannot_be_focused_or_pressed(page, live_server):
    _open(page, live_server, "activer", "cliquer-activer")
    picture = page.locator(".real-site")
    expect(picture).to_be_visible()
    assert picture.locator("a, button, input, select, textarea, [tabindex]").count() == 0
    assert picture.locator(".site-picture").evaluate("el => getComputedStyle(el).pointerEvents") == "none"
    # Tab goes from one control to the next and never into the picture.
    for _ in range(12):
        page.keyboard.press("Tab")
        assert not page.evaluate("document.activeElement.closest('.real-site')")
    # Said once, as what it is: "Sur le site, je vois : un bouton : <label>".
    label = JOURNEYS["activer"].steps["cliquer-activer"].label
    tree = picture.aria_snapshot()
    assert "un bouton :" in tree and tree.count(label) == 1, tree
    assert "button" not in tree.replace("un bouton", ""), tree


def test_the_settings_and_printed_sheets_pages_fit_at_400_percent_zoom_with_big_targets(page, live_server):
    """axe, sizes and reach (320 px wide = 400 % zoom); on /fiches each box with its label is one big target."""
    auditor = Auditor()
    for path in ("/reglages?retour=/parcours/activer", "/fiches"):
        page.goto(f"{live_server}{path}")
        page.wait_for_load_state("load")
        auditor.audit(page, "pages")
    auditor.assert_clean()
    for box in page.locator(".sheets-form input[type=checkbox], .sheets-form input[type=radio]").all():
        target = box.evaluate("el => { const r = (el.closest('label') || el).getBoundingClientRect(); return [r.width, r.height]; }")
        assert min(target) >= 44, target


def test_the_site_has_its_icon_and_can_go_on_the_home_screen(page, live_server):
    missing = []
    page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
    page.goto(f"{live_server}/")
    page.wait_for_load_state("load")
    icon = page.request.get(f"{live_server}/favicon.ico")
    assert icon.status == 200 and icon.headers["content-type"] == "image/x-icon"
    manifest_url = page.locator("link[rel=manifest]").get_attribute("href")
    manifest = page.request.get(f"{live_server}{manifest_url}").json()
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    for icon in manifest["icons"]:
        image = page.request.get(f"{live_server}{icon['src']}")
        assert image.status == 200 and image.headers["content-type"] == "image/png"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    assert not missing, missing


def test_on_a_tablet_the_header_is_one_row_and_je_commence_needs_no_scroll(page, live_server):
    """768 × 1024: a step's header (home, journey, Réglages) on one row; upright or sideways
    (1024 × 768), "Je commence" in view on every start screen."""
    _open(page, live_server, "activer", "aller-sur-le-site")
    wait_until_ready(page)
    header = page.locator(".site-header")
    boxes = [header.locator(part).bounding_box() for part in (".site-name", ".journey-name", ".settings-link")]
    # One row: a horizontal band that crosses all three.
    assert max(b["y"] for b in boxes) < min(b["y"] + b["height"] for b in boxes), boxes
    # The site's name is no longer written beside the journey's, but the home link still says it.
    expect(page.get_by_role("link", name="Pas à pas Mon espace santé")).to_be_visible()
    for viewport in (TABLET, {"width": TABLET["height"], "height": TABLET["width"]}):
        page.set_viewport_size(viewport)
        for journey_id in JOURNEYS:
            page.goto(f"{live_server}/parcours/{journey_id}")
            wait_until_ready(page)
            button = page.get_by_role("button", name="Je commence").bounding_box()
            assert button["y"] + button["height"] <= viewport["height"], (viewport, journey_id, button)
