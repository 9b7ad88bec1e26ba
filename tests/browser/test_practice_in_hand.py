"""Practice in a person's hands, in Chromium with touch: Back and refresh after a wrong press
or a refused field show a screen of the app (never "Confirm Form Resubmission"); over a whole
practice walk of "J'active" on an upright tablet with large text, each screen opens with the
instruction and its target in one view, "Écouter" in the first view, each field and the
button that sends it close together; the same walk on a phone and on a tablet held sideways
opens each screen with the instruction in view.

The screenshots of each walk are written to screenshots/practice-in-hand/ (git-ignored), one a
screen, so a person can look at what was measured."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from falc_wizard.content import load_journeys
from falc_wizard.practice.rules import FIELD_RULES
from falc_wizard.practice.copy import targets, uses_copy

from .browsing import PHONE, TABLET, context_options, wait_until_ready
from .walking import field_walks

JOURNEYS = load_journeys()
ACTIVER = JOURNEYS["activer"].in_mode(True)
SHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "practice-in-hand"
LANDSCAPE = {"width": 1024, "height": 768}

#: Where the instruction, the target (the first input on a field step), the button that sends a
#: field and "Écouter" stand in the view when the screen opens.
_MEASURE = """(target) => {
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect(); return [r.top, r.bottom]; };
  const live = document.querySelector('.copy-live');
  return {
    view: innerHeight,
    title: box(document.querySelector('main h1')),
    target: box(live ? live.querySelector('input') : (target ? document.querySelector(target) : null)),
    send: box(live && live.querySelector('.copy-send button')),
    listen: box(document.querySelector('.screen [data-listen]')),
  };
}"""


def in_view(box, view) -> bool:
    return box is not None and box[0] >= 0 and box[1] <= view


def large_text(page, base):
    page.goto(f"{base}/reglages")
    page.locator("form:has(input[name=toggle][value=large_text]) button").click()
    wait_until_ready(page)


def walk_and_measure(page, base, viewport_name):
    """Walk the practice path of "J'active" that types every field; measure each screen as it opens."""
    walk = field_walks(ACTIVER)[0]
    page.goto(f"{base}/parcours/activer")
    page.locator("form:has(input[name=mode][value=entrainement]) button").click()
    folder = SHOTS / viewport_name
    folder.mkdir(parents=True, exist_ok=True)
    screens = []
    for number, (step_id, answer) in enumerate(walk, start=1):
        expect(page).to_have_url(f"{base}/parcours/activer/{step_id}")
        wait_until_ready(page)
        step = ACTIVER.steps[step_id]
        target = None
        if uses_copy(True, step) and step.kind in ("action", "choice"):
            element = step.choice(answer).target if step.kind == "choice" else step.target
            target = f".site-copy-form button[name=element][value='{element}']"
        measured = page.evaluate(_MEASURE, target)
        measured["step"], measured["on_copy"] = step_id, uses_copy(True, step)
        screens.append(measured)
        page.screenshot(path=str(folder / f"{number:02d}-{step_id}.png"))
        if step.is_end:
            return screens
        if target:
            page.locator(target).click()
        elif step.kind == "choice":
            page.locator(f"button[name=choix][value='{answer}']").click()
        else:
            for name, value in FIELD_RULES[step.field].sample.items() if step.kind == "field" else ():
                page.locator(f"main form [name='{name}']").fill(value)
            page.locator("main form .button-main").click()
    raise AssertionError("the walk did not reach its end")


@pytest.fixture(scope="module")
def touch_context(chromium):
    def make(viewport):
        return chromium.new_context(**context_options(viewport=viewport, has_touch=True, is_mobile=False))
    return make


def test_on_an_upright_tablet_with_large_text_the_instruction_and_its_target_are_in_one_view(touch_context, live_server):
    context = touch_context(TABLET)
    page = context.new_page()
    large_text(page, live_server)
    screens = walk_and_measure(page, live_server, "tablet-large-text")
    context.close()
    on_copy = [s for s in screens if s["on_copy"] and s["target"] is not None]
    assert len(on_copy) >= 15
    together = [s for s in on_copy if in_view(s["title"], s["view"]) and in_view(s["target"], s["view"])]
    assert len(together) >= 0.9 * len(on_copy), [s["step"] for s in on_copy if s not in together]
    listening = [s for s in screens if in_view(s["listen"], s["view"])]
    assert len(listening) >= 0.9 * len(screens), [s["step"] for s in screens if s not in listening]
    fields = [s for s in screens if s["send"] is not None]
    assert fields, "the walk types no field"
    for field in fields:  # the field and its button within half a view: above a tablet's keyboard
        assert field["send"][1] - field["target"][0] <= field["view"] / 2, field


@pytest.mark.parametrize("name, viewport", [("phone", PHONE), ("tablet-landscape", LANDSCAPE)])
def test_on_a_phone_and_sideways_each_screen_opens_with_its_instruction_in_view(touch_context, live_server, name, viewport):
    context = touch_context(viewport)
    page = context.new_page()
    screens = walk_and_measure(page, live_server, name)
    context.close()
    assert len(screens) > 15
    assert all(in_view(s["title"], s["view"]) for s in screens), [s["step"] for s in screens if not in_view(s["title"], s["view"])]
    if name == "tablet-landscape":  # the copy beside the instruction: the target in view too
        on_copy = [s for s in screens if s["on_copy"] and s["target"] is not None]
        assert all(in_view(s["target"], s["view"]) for s in on_copy), [s["step"] for s in on_copy if not in_view(s["target"], s["view"])]


def _posts_seen(page) -> list[str]:
    posts: list[str] = []
    page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
    return posts


def _open(page, base, path):
    """Start practice of "J'active" and walk its path (as the walk above) up to ``path[-1]``."""
    page.goto(f"{base}/parcours/activer")
    page.locator("form:has(input[name=mode][value=entrainement]) button").click()
    for step_id, following in zip(path, path[1:]):
        step = ACTIVER.steps[step_id]
        expect(page).to_have_url(f"{base}/parcours/activer/{step_id}")
        if step.kind == "choice":
            choice = next(c for c in step.choices if c.next == following)
            if uses_copy(True, step):
                page.locator(f".site-copy-form button[name=element][value='{choice.target}']").click()
            else:
                page.locator(f"button[name=choix][value='{choice.id}']").click()
        elif step.kind == "action" and uses_copy(True, step):
            page.locator(f".site-copy-form button[name=element][value='{step.target}']").click()
        else:
            for name, value in FIELD_RULES[step.field].sample.items() if step.kind == "field" else ():
                page.locator(f"main form [name='{name}']").fill(value)
            page.locator("main form .button-main").click()
    expect(page).to_have_url(f"{base}/parcours/activer/{path[-1]}")
    wait_until_ready(page)


def test_back_and_refresh_after_wrong_presses_never_send_a_form_again(touch_context, live_server):
    walk = [step_id for step_id, _ in field_walks(ACTIVER)[0]]
    pressable = next(s for s in walk if ACTIVER.steps[s].kind == "action" and uses_copy(True, ACTIVER.steps[s]))
    context = touch_context(TABLET)
    page = context.new_page()
    _open(page, live_server, walk[:walk.index(pressable) + 1])
    step = ACTIVER.steps[pressable]
    others = [e.id for e in ACTIVER.pages[step.page].elements if e.id not in targets(step)]
    url = f"{live_server}/parcours/activer/{pressable}"
    page.locator(f".site-copy-form button[name=element][value='{others[0]}']").click()
    expect(page.locator("#indice")).to_be_visible()
    page.locator(f".site-copy-form button[name=element][value='{others[-1]}']").click()
    # The second wrong press opens at the highlighted target, its hint beside it, both in view.
    expect(page).to_have_url(f"{url}#ici")
    wait_until_ready(page)
    highlighted = page.locator(".copy-target")
    expect(highlighted).to_contain_text("C'est ici")
    view = page.viewport_size["height"]
    for locator in (page.locator("#ici"), highlighted):
        box = locator.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= view, box
    page.locator(f".site-copy-form button[name=element][value='{step.target}']").click()
    following = walk[walk.index(pressable) + 1]
    expect(page).to_have_url(f"{live_server}/parcours/activer/{following}")
    posts = _posts_seen(page)
    page.go_back()
    expect(page).to_have_url(f"{url}#ici")
    expect(page.locator("main h1")).to_be_visible()  # a screen of the app
    page.reload()
    expect(page.locator("main h1")).to_be_visible()
    assert posts == []  # Back and refresh sent no form
    context.close()


def test_back_and_refresh_after_a_refused_field_never_send_it_again(touch_context, live_server):
    walk = [step_id for step_id, _ in field_walks(ACTIVER)[0]]
    field = next(s for s in walk if ACTIVER.steps[s].kind == "field" and len(FIELD_RULES[ACTIVER.steps[s].field].inputs) == 1)
    context = touch_context(TABLET)
    page = context.new_page()
    _open(page, live_server, walk[:walk.index(field) + 1])
    url = f"{live_server}/parcours/activer/{field}"
    name = FIELD_RULES[ACTIVER.steps[field].field].inputs[0].name
    page.locator(f"main form [name='{name}']").fill("x")
    page.locator(".copy-send button").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page).to_have_url(url)
    assert page.locator(f"main form [name='{name}']").input_value() == ""  # not kept
    posts = _posts_seen(page)
    page.reload()
    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator(".error-summary")).to_have_count(0)
    page.go_back()
    expect(page.locator("main h1")).to_be_visible()
    assert posts == []
    context.close()
