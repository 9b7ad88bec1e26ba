"""Practice on the drawn copy of the real page, in Chromium: every journey is
walked in practice mode by pressing, on each screen, the element the instruction names
(found in the copy by its real label); a wrong press gets the hint, then the highlight;
the copy pages pass axe-core and the size checks."""

import re

import pytest
from playwright.sync_api import expect

from falc_wizard import engine
from falc_wizard.content import load_journeys
from falc_wizard.practice.rules import FIELD_RULES
from .audit import check_layout, format_violations, run_axe
from .browsing import PHONE, context_options, wait_until_ready

JOURNEYS = load_journeys()
PRACTISED = [journey_id for journey_id, journey in JOURNEYS.items() if journey.has_practice]
COPY = "Copie du site, pour m'entraîner"
#: Drawn elements (on a field step, all but the field) that still look pressable: the site's
#: blue as fill or border, or an underline. Only the live field and our own button may invite a press.
_LOOKS_PRESSABLE = """els => els.filter(el => {
  const s = getComputedStyle(el), blue = 'rgb(45, 61, 158)';
  return s.backgroundColor === blue || s.borderTopColor === blue || s.textDecorationLine.includes('underline');
}).map(el => el.innerText.trim())"""


#: How a screen reader hears each kind of element of the copy (a link is a link, a box a box).
ROLE = {"lien": "link", "case": "checkbox", "carte": "radio"}


def element_on_copy(copy, element):
    """The copy's element, found as a screen reader finds it: by its role and its name."""
    # An element no seed shows is named by the app's own words (content.pages.Element.unseen).
    return copy.get_by_role(ROLE.get(element.kind, "button"), name=element.label or element.description, exact=True)


def typed(field_name):
    """A valid value for each input of the field: the rule's own sample (practice.rules)."""
    return FIELD_RULES[field_name].sample


def audit(page, where):
    page.wait_for_load_state("load")
    violations = run_axe(page)
    assert not violations, f"{where}\n{format_violations(violations)}"
    problems = check_layout(page)
    assert not problems, f"{where}\n" + "\n".join(problems)


def start_practice(page, live_server, journey_id):
    page.goto(f"{live_server}/parcours/{journey_id}")
    page.get_by_role("button", name="Je m'entraîne").click()
    page.wait_for_load_state("load")


def walk_in_practice(page, live_server, journey, path, audited=None):
    """Press, on each screen, the element the step names; type the fields; end on the practice end."""
    start_practice(page, live_server, journey.id)
    for position, step_id in enumerate(path):
        assert page.url.endswith(f"/parcours/{journey.id}/{step_id}"), (page.url, step_id)
        step = journey.steps[step_id]
        html = page.content()
        if step.is_end:
            break
        assert "monespacesante" not in html.lower(), step_id
        copy = page.get_by_role("region", name=COPY)
        if audited is not None and step.page and (step.kind, step.page) not in audited:
            audited.add((step.kind, step.page))
            audit(page, f"{journey.id}/{step_id}")
        if step.kind == "choice":
            choice = next(c for c in step.choices if journey.in_mode(True).steps[step_id].choice(c.id).next == path[position + 1])
            if choice.target:
                element_on_copy(copy, journey.pages[step.page].element(choice.target)).click()
            else:
                page.get_by_role("button", name=choice.text).click()
        elif step.kind == "action":
            element_on_copy(copy, journey.pages[step.page].element(step.target)).click()
        elif step.kind == "field":
            drawn = copy.locator(".copy-drawn")
            assert drawn.count() > 0 and drawn.evaluate_all(_LOOKS_PRESSABLE) == [], step_id
            for name, value in typed(step.field).items():
                copy.locator(f'input[name="{name}"]').fill(value)
            page.get_by_role("button", name="J'ai fini d'écrire").click()
        else:
            page.get_by_role("button", name="Continuer", exact=True).click()
        page.wait_for_load_state("load")
    body = page.locator("main").inner_text()
    assert "Bravo, j'ai fini de m'entraîner." in body and "Sur le vrai site, rien n'a changé." in body
    assert page.get_by_role("button", name="Je le fais pour de vrai").is_visible()


@pytest.mark.parametrize("journey_id", PRACTISED)
def test_every_journey_walks_in_practice_by_pressing_the_named_element(page, live_server, journey_id):
    journey = JOURNEYS[journey_id]
    path = engine.all_paths(journey, practice=True)[0]
    # activer's copy pages are audited (axe, sizes on tablet, phone and 320 px): they hold every kind of element.
    walk_in_practice(page, live_server, journey, path, audited=set() if journey_id == "activer" else None)


def test_a_wrong_press_gets_a_hint_then_the_highlight_and_keeps_the_answers(page, live_server):
    start_practice(page, live_server, "se-connecter")
    assert page.url.endswith("/parcours/se-connecter/cliquer-connexion")  # the real site's address is skipped
    copy = page.get_by_role("region", name=COPY, exact=True)  # the pencil before the name is drawn, not read
    expect(copy).to_be_visible()
    copy.get_by_role("button", name="Activer Mon espace santé", exact=True).click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/parcours/se-connecter/cliquer-connexion")
    assert page.locator(".copy-hint p").all_inner_texts() == ["Ce n'est pas ce bouton.", "Je cherche le lien Connexion."]
    copy.get_by_role("link", name="Connexion", exact=True).click()
    page.get_by_role("button", name="Je me connecte avec mon identifiant et mon mot de passe").click()
    page.wait_for_load_state("load")
    copy.get_by_label("Mon identifiant").fill("anne.dupont")
    page.get_by_role("button", name="J'ai fini d'écrire").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/parcours/se-connecter/mot-de-passe")
    copy.locator("summary", has_text="Ce que j'ai déjà fait sur cette page").click()  # the top of the page, folded
    assert "✓ rempli" in copy.inner_text() and "anne.dupont" not in page.content()
    copy.get_by_label("Mon mot de passe").fill("Soleil-2024!")
    page.get_by_role("button", name="J'ai fini d'écrire").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/parcours/se-connecter/cliquer-se-connecter")

    # Two wrong presses: a hint each time, then the target is shown; what was done stays done.
    copy.get_by_role("link", name="Identifiant oublié?", exact=True).click()
    page.wait_for_load_state("load")
    assert page.locator(".copy-hint p").all_inner_texts() == ["Ce n'est pas ce lien.", "Je cherche le bouton Se connecter."]
    assert page.locator(".copy-here").count() == 0
    audit(page, "hint")
    copy.get_by_role("button", name="S'identifier avec FranceConnect", exact=True).click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/parcours/se-connecter/cliquer-se-connecter#ici")  # opens at the target
    assert page.locator(".copy-hint p").first.inner_text() == "Ce n'est pas ce bouton."
    highlighted = copy.locator(".copy-target")
    assert highlighted.count() == 1 and re.search(r"Se connecter\s*C'est ici", highlighted.inner_text())
    assert highlighted.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    expect(copy.get_by_role("button", name="Se connecter C'est ici", exact=True)).to_be_visible()  # no "←" read
    assert copy.inner_text().count("✓ rempli") == 2
    audit(page, "highlight")
    highlighted.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/parcours/se-connecter/code")
    assert "Votre code est 094567" in page.locator(".copy-message").inner_text()
    assert "✉" not in page.locator(".copy-message").aria_snapshot()
    # Each element of the page is its own list item: read one by one, not as one long string.
    elements = JOURNEYS["se-connecter"].in_mode(True).pages["code-d-acces"].elements
    assert copy.get_by_role("listitem").count() == len(elements)
    audit(page, "code on a drawn phone")


def _turn_on(page, live_server, button_name):
    page.goto(f"{live_server}/reglages")
    page.get_by_role("button", name=button_name).click()
    page.wait_for_load_state("load")


def test_the_helper_reads_the_copy_advice_in_the_one_helper_note(page, live_server):
    """Helper mode on a screen to press: one "Pour l'accompagnant" note, which says how the copy helps."""
    _turn_on(page, live_server, "Je suis accompagnant : je vois les notes")
    start_practice(page, live_server, "activer")
    assert page.url.endswith("/parcours/activer/cliquer-activer")
    notes = page.get_by_role("complementary", name="Pour l’accompagnant")
    assert notes.count() == 1
    assert "Après 2 essais, la copie montre où cliquer." in notes.inner_text()
    assert page.get_by_text("Après 2 essais").count() == 1  # said once, not also under the copy


#: The element labels of the copy whose visible words are one word, cut across two lines. Only
#: the words on screen count: a name heard by a screen reader only ("Copie du site :") is left out.
_BROKEN_WORDS = """() => [...document.querySelectorAll('.site-copy button.copy-el .copy-label')]
  .map((label) => {
    const shown = [...label.childNodes].filter((n) => !(n.nodeType === 1 && n.classList.contains('visually-hidden')));
    const range = document.createRange();
    range.setStartBefore(shown[0]);
    range.setEndAfter(shown[shown.length - 1]);
    return [range.toString().trim(), new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size];
  })
  .filter(([words, lines]) => words && !/\\s/.test(words) && lines > 1)
  .map(([words]) => words)"""


def test_one_word_buttons_of_the_copy_stay_whole_on_a_phone_with_large_text(chromium, live_server):
    """On a 390 px phone with "J'agrandis le texte", "Commencer" stays one word on one line:
    the frame around the copy gives its width back to the controls."""
    context = chromium.new_context(**context_options(viewport=PHONE))
    try:
        page = context.new_page()
        _turn_on(page, live_server, "J'agrandis le texte")
        start_practice(page, live_server, "activer")
        checked = 0
        for label in ("Activer Mon espace santé", "Commencer"):  # its first two screens to press
            wait_until_ready(page)  # the layout is measured with every stylesheet applied
            assert page.evaluate(_BROKEN_WORDS) == [], page.url
            checked += page.locator(".site-copy button.copy-el").count()
            page.get_by_role("region", name=COPY).get_by_role("button", name=label, exact=True).click()
            page.wait_for_load_state("load")
        assert checked >= 6  # the check saw the copy's buttons
    finally:
        context.close()


def test_the_copys_retour_is_not_the_apps_retour(page, live_server):
    """On the copy of « Mon identité » (002), the page's own « Retour » and the app's « Retour »:
    a screen reader finds the copy's inside the region named « Copie du site, pour m'entraîner »,
    as « Copie du site : Retour »; the app's link is outside it. On screen, the copy is a drawn
    window (a grey bar with its heading, the site's brand bar, then the page), and its « Retour »
    has the site's look (a pill with the site's blue edge), not the app's (an underlined link)."""
    walk_in_practice_to(page, live_server, "activer", "carte-continuer-sans-photo")
    copy = page.get_by_role("region", name=COPY, exact=True)
    expect(copy.get_by_role("heading", name=COPY, exact=True)).to_be_visible()
    copys = copy.get_by_role("button", name="Copie du site : Retour", exact=True)
    expect(copys).to_be_visible()
    assert copy.get_by_role("link", name="Retour", exact=True).count() == 0
    apps = page.get_by_role("link", name="Retour", exact=True)
    expect(apps).to_have_count(1)
    window, app_box = copy.bounding_box(), apps.bounding_box()
    assert app_box["x"] + app_box["width"] <= window["x"] or app_box["y"] + app_box["height"] <= window["y"]
    bar = copy.locator(".site-copy-bar")
    brand, title = copy.locator(".site-copy-brand"), copy.get_by_role("heading", name="Mon identité", exact=True)
    assert bar.bounding_box()["y"] < brand.bounding_box()["y"] < title.bounding_box()["y"]
    assert bar.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    look = "e => { const s = getComputedStyle(e); return [s.borderTopWidth, s.borderTopColor, s.textDecorationLine]; }"
    assert copys.evaluate(look) == ["3px", "rgb(45, 61, 158)", "none"]
    assert apps.evaluate(look)[0] == "0px" and "underline" in apps.evaluate(look)[2]
    audit(page, "the copy's Retour")


def walk_in_practice_to(page, live_server, journey_id, step_id):
    """Start practice and walk the first path holding ``step_id`` up to it, pressing on the copy."""
    journey = JOURNEYS[journey_id]
    view = journey.in_mode(True)
    path = next(p for p in engine.all_paths(journey, practice=True) if step_id in p)
    start_practice(page, live_server, journey_id)
    for here, following in zip(path, path[1:path.index(step_id) + 1]):
        step = view.steps[here]
        if step.kind == "choice":
            choice = next(c for c in step.choices if c.next == following)
            if choice.target:
                page.locator(f".site-copy-form button[name=element][value='{choice.target}']").click()
            else:
                page.locator(f"button[name=choix][value='{choice.id}']").click()
        elif step.kind == "field":
            for name, value in typed(step.field).items():
                page.locator(f'main form [name="{name}"]').fill(value)
            page.locator("main form .button-main").click()
        elif step.kind == "action":
            page.locator(f".site-copy-form button[name=element][value='{step.target}']").click()
        else:
            page.locator("main form .button-main").click()
        page.wait_for_load_state("load")
    assert page.url.endswith(f"/parcours/{journey_id}/{step_id}"), page.url
