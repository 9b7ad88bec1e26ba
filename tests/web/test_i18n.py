"""English: chosen from the visitor, switched on any screen, kept for the session,
complete on every screen of every journey; and a new journey file needs no code."""

import re

import pytest
from babel.support import Translations

from falc_wizard import create_app, engine
from falc_wizard.content import load_journeys
from falc_wizard.content.pictograms import titles
from falc_wizard.resources import resource_dir
from support import FIXTURES, answer

JOURNEYS = load_journeys()
EN = Translations.load(str(resource_dir("translations")), ["en"])


def english(text: str) -> str:
    assert EN._catalog.get(text), f"no English for {text!r}"
    return EN.gettext(text)


def covering_paths(journey):
    """A few paths that, together, pass through every step."""
    chosen, seen = [], set()
    for path in sorted(engine.all_paths(journey), key=len, reverse=True):
        if not set(path) <= seen:
            chosen.append(path)
            seen |= set(path)
    assert seen == set(journey.in_mode(False).steps)  # guide mode: the practice-only screens aside
    return chosen


def html_lang(page: str) -> str:
    return re.search(r'<html lang="([^"]+)"', page).group(1)


def test_the_browser_preference_chooses_english(visitor):
    page = visitor
    page.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert html_lang(page.page) == "en"
    assert "I choose what I want to do" in page.page
    page.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"})
    assert html_lang(page.page) == "fr"
    assert "Je choisis ce que je veux faire" in page.page


def test_the_language_switch_is_kept_for_the_session(visitor):
    # The language is one of the settings, on the "Réglages" page every page links to.
    visitor.get("/parcours/activer", headers={"Accept-Language": "fr"})
    assert 'href="/reglages?retour=/parcours/activer"' in visitor.page
    visitor.get("/reglages?retour=/parcours/activer", headers={"Accept-Language": "fr"})
    assert 'name="lang" value="en"' in visitor.page
    visitor.post(url="/reglages", data={"lang": "en", "retour": "/parcours/activer"})
    assert visitor.url == "/parcours/activer"
    assert html_lang(visitor.page) == "en" and "I activate Mon espace santé" in visitor.page
    # The browser still prefers French: the person's choice wins, on every page after.
    visitor.get("/reglages", headers={"Accept-Language": "fr"})
    assert html_lang(visitor.page) == "en"
    visitor.post(url="/reglages", data={"lang": "fr", "retour": "/reglages"})
    assert html_lang(visitor.page) == "fr"
    # A language without a catalog is ignored, not an error.
    response = visitor.post(url="/reglages", data={"lang": "xx", "retour": "/"})
    assert response.status_code == 200 and html_lang(visitor.page) == "fr"


def test_each_language_is_offered_by_its_own_name_from_babel(visitor):
    from falc_wizard.web.i18n import language_name

    visitor.get("/reglages", headers={"Accept-Language": "en"})
    assert 'lang="fr">Français</button>' in visitor.page
    visitor.get("/reglages", headers={"Accept-Language": "fr"})
    assert 'lang="en">English</button>' in visitor.page
    assert (language_name("es"), language_name("de"), language_name("zz-not-a-language")) == (
        "Español", "Deutsch", "zz-not-a-language")


@pytest.mark.parametrize("journey_id", list(JOURNEYS))
def test_every_screen_of_every_journey_is_in_english(visitor, journey_id):
    journey = JOURNEYS[journey_id]
    visitor.get("/reglages", headers={"Accept-Language": "en"})
    visitor.post(url="/reglages", data={"lang": "en", "retour": "/reglages"})
    visitor.toggle("helper", back_to="/")
    for path in covering_paths(journey):
        visitor.get(f"/parcours/{journey.id}")
        assert english(journey.title) in visitor.page
        for need in journey.needs:
            assert english(need.text) in visitor.page
        visitor.post(data={"mode": "guide"})
        for position, step_id in enumerate(path):
            step = journey.steps[step_id]
            page = visitor.page
            assert visitor.url.endswith(f"/{step_id}") and html_lang(page) == "en"
            shown = engine.progress(journey, engine.start(journey), step_id)
            if shown.part:  # counted in parts: the part's place, its screens, its title translated
                assert re.search(rf"Step {shown.position} of {shown.total}, screen \d+ of {shown.screens}<", page)
                assert english(shown.part) in page
            else:  # no parts: screens against the longest walk, the end as the last one
                assert f"Step {shown.total if step.is_end else position + 1} of {shown.total}" in page
            texts = [*step.sentences, *step.help, step.help_title, step.helper_note,
                     *(c.text for c in step.choices)]
            for text in filter(None, texts):
                assert english(text) in page, (step_id, text)
            assert english(titles()[step.pictogram]) in page
            if step.label:
                assert step.label in page  # the real site's label stays in French
            if step.is_end:
                break
            assert visitor.post(data=answer(journey, path, position, practice=False)).status_code == 200


def test_a_practice_error_is_in_english(visitor):
    visitor.get("/reglages")
    visitor.post(url="/reglages", data={"lang": "en", "retour": "/parcours/refuser"})
    visitor.post(data={"mode": "entrainement"})
    journey = JOURNEYS["refuser"]
    path = next(p for p in engine.all_paths(journey, practice=True) if "numero-securite-sociale" in p)
    visitor.walk_to(journey, path, "numero-securite-sociale", practice=True)
    response = visitor.post(data={"valeur": "1 55 12"})
    assert response.status_code == 200
    assert "The number has 5 digits. It needs 15 digits." in visitor.page
    assert "Le numéro a 5 chiffres" not in visitor.page


def test_the_pictograms_page_shows_every_name_and_text_alternative(visitor):
    visitor.get("/pictogrammes")
    for name, title in titles().items():
        assert f'id="{name}"' in visitor.page and title in visitor.page
    visitor.get("/pictogrammes", headers={"Accept-Language": "en"})
    assert english(titles()["carte-vitale"]) in visitor.page
    assert "Carte Vitale with a photo, back view" in visitor.page


NEW_JOURNEY = '''
# Un parcours écrit en suivant docs/GUIDE-CONTENU.md, sans toucher au code.
id = "prendre-rendez-vous"
title = "Je prends un rendez-vous"
summary = "Je note un rendez-vous dans l'agenda."
pictogram = "agenda"
order = 50

[validation]
by = ""
on = ""

[[needs]]
text = "5 minutes"
pictogram = "horloge"

[[steps]]
id = "ouvrir-agenda"
source = "004"
kind = "action"
pictogram = "agenda"
sentences = ["Je clique sur Agenda."]
label = "Agenda"
label_look = "lien"

[[steps]]
id = "fin"
source = "004"
kind = "end"
pictogram = "succes"
sentences = ["Bravo, j'ai fini."]
'''


def test_a_new_journey_file_appears_on_the_home_page_with_no_code_change(tmp_path, visitor):
    (tmp_path / "prendre-rendez-vous.toml").write_text(NEW_JOURNEY, encoding="utf-8")
    (tmp_path / "site.toml").write_bytes((FIXTURES / "steps" / "site.toml").read_bytes())  # the same site
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "STEPS_DIR": tmp_path})
    visitor = type(visitor)(app.test_client())  # the same helper, on the app with the new file
    visitor.get("/")
    assert 'href="/parcours/prendre-rendez-vous"' in visitor.page
    assert "Je prends un rendez-vous" in visitor.page
    visitor.get("/parcours/prendre-rendez-vous")
    visitor.post(data={"mode": "guide"})
    assert visitor.url == "/parcours/prendre-rendez-vous/ouvrir-agenda"
    assert "Je clique sur Agenda." in visitor.page
    # The guide's checker accepts it too.
    from falc_wizard.lint import lint

    assert lint(app.extensions["falc_journeys"].values(), ["fr"]) == []
