"""Calm, clear screens, as the server writes them: settings on their own page,
names a screen reader says once, the right keyboards, the icon and the manifest."""

from __future__ import annotations

import re
from html import unescape

import pytest
from flask import render_template

from falc_wizard import engine
from falc_wizard.web.templating import pictogram_alt


def start(visitor, journey_id="activer", mode="guide"):
    visitor.get(f"/parcours/{journey_id}")
    return visitor.post(data={"mode": mode})


def test_a_step_screen_links_to_the_settings_instead_of_showing_them(visitor):
    start(visitor)
    step = visitor.url
    assert f'href="/reglages?retour={step}"' in visitor.page
    # No settings form, no language button and no workers' link on a step screen.
    assert 'name="toggle"' not in visitor.page and 'name="lang"' not in visitor.page
    assert "Fiches à imprimer" not in visitor.page
    visitor.get("/")
    assert 'href="/fiches"' in visitor.page  # the workers find it on the home page


def test_the_settings_page_has_every_setting_and_goes_back_where_the_person_was(visitor):
    visitor.get("/reglages?retour=/parcours/activer")
    for name in ("J'agrandis le texte", "Je mets un fort contraste", "Je suis accompagnant : je vois les notes", "English"):
        assert f">{name}</button>" in visitor.page, name
    assert 'href="/fiches"' in visitor.page
    assert 'aria-pressed' not in visitor.page  # one signal: the name says the state
    assert visitor.page.count('href="/parcours/activer"') == 2  # "Retour" and "Je reviens où j'étais"
    # A change comes back to the settings page, which still knows where to go back to.
    visitor.toggle("large_text", back_to="/reglages?retour=/parcours/activer")
    assert ">Je remets le texte normal</button>" in visitor.page
    assert 'class="large-text' in visitor.page


def test_the_settings_page_never_goes_back_off_site(visitor):
    visitor.get("/reglages?retour=//evil.example/")
    assert "evil.example" not in visitor.page
    visitor.get("/reglages?retour=https://evil.example/")
    assert "evil.example" not in visitor.page


def test_the_helper_note_is_named_by_its_visible_heading(visitor):
    visitor.get("/reglages")
    visitor.toggle("helper", back_to="/")
    for url in ("/parcours/activer",):
        visitor.get(url)
        note = re.search(r'<aside class="helper-note" aria-labelledby="([^"]+)">\s*<h2 id="([^"]+)">', visitor.page)
        assert note and note.group(1) == note.group(2)
    start(visitor)
    assert re.search(r'<aside class="helper-note" aria-labelledby="accompagnant-titre">\s*<h2 id="accompagnant-titre">', visitor.page)


def test_help_pictures_are_said_once_and_the_help_line_can_be_called(visitor):
    start(visitor)
    assert '<a class="call-link" href="tel:3422">' in visitor.page
    # Every step with help pictures: each picture's text is said once (the image is decorative).
    app = visitor.client.application
    steps = [step for journey in app.extensions["falc_journeys"].values()
             for step in journey.steps.values() if step.help_pictograms]
    assert steps
    with app.test_request_context("/"):
        for step in steps:
            html = unescape(render_template("help.html", step=step, errors={}))
            for name in step.help_pictograms:
                text = pictogram_alt(name)
                assert html.count(f"<span>{text}</span>") == 1, (step.id, name)  # the caption
                assert f'alt="{text}"' not in html and f"<figcaption>{text}" not in html, (step.id, name)


def test_the_later_link_is_named_by_its_text_not_its_code(visitor):
    start(visitor)
    step_id = visitor.url.rsplit("/", 1)[1]
    visitor.get(f"/plus-tard/activer/{step_id}")
    link = re.search(r'<a class="later-link-name" href="([^"]+)">([^<]+)</a>', visitor.page)
    assert link and link.group(2) == "Mon lien pour continuer"
    assert "/r/" in link.group(1)


@pytest.mark.parametrize("field_name, attribute", [("nir", 'inputmode="numeric"'), ("identifiant", 'autocomplete="username"')])
def test_keyboards_and_autocomplete_follow_the_real_field(visitor, field_name, attribute):
    """The practice page's input itself asks for the number keyboard, or lets a password manager fill it."""
    journey = visitor.client.application.extensions["falc_journeys"]["activer"]
    path = next(p for p in engine.all_paths(journey, practice=True)
                if any(journey.steps[s].kind == "field" and journey.steps[s].field == field_name for s in p))
    step_id = next(s for s in path if journey.steps[s].kind == "field" and journey.steps[s].field == field_name)
    visitor.start(journey, practice=True)
    visitor.walk_to(journey, path, step_id, practice=True)
    (field,) = re.findall(r'<input class="input[^>]*name="valeur"[^>]*>', visitor.page)
    assert attribute in field


def test_the_icon_and_the_manifest_are_served(visitor):
    icon = visitor.client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.mimetype == "image/x-icon" and icon.data[:4] == b"\0\0\1\0"
    manifest = visitor.client.get("/manifest.webmanifest")
    assert manifest.mimetype == "application/manifest+json"
    data = manifest.get_json(force=True)
    assert data["name"] == "Pas à pas Mon espace santé"
    for entry in data["icons"]:
        image = visitor.client.get(entry["src"])
        assert image.status_code == 200 and image.data[:8] == b"\x89PNG\r\n\x1a\n"
    visitor.get("/")
    assert '<link rel="manifest" href="/manifest.webmanifest">' in visitor.page


def test_the_progress_shows_the_part_title_when_there_is_one(visitor, monkeypatch):
    from dataclasses import dataclass

    from falc_wizard import engine

    @dataclass(frozen=True)
    class WithPart:  # hashable, as the page cache's key needs
        position: int
        total: int
        part: str | None

    real = engine.progress
    part = None

    def with_part(journey, state, step_id):
        shown = real(journey, state, step_id)
        return WithPart(shown.position, shown.total, part)

    monkeypatch.setattr(engine, "progress", with_part)
    start(visitor)
    assert 'class="progress-part"' not in visitor.page  # no part: nothing more
    part = "Je prépare ma carte Vitale"
    visitor.get(visitor.url + "?partie")  # a query string: drawn again, not taken from the page cache
    assert re.search(r'<p class="progress-text">Étape 1 sur \d+</p>\s*<p class="progress-part">Je prépare ma carte Vitale</p>', visitor.page)
