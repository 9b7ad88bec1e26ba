"""Practice on a drawn copy of the real page, with the Flask test client:
press the target to move on, a wrong press gets a hint then a highlight, fields done
show "✓ rempli" without their value, codes arrive, and the ending says it was practice."""

import re

import pytest

from falc_wizard import create_app, engine
from falc_wizard.content import load_journeys
from support import FIXTURES, VALID, Visitor

COPY = "Copie du site, pour m'entraîner"
END = ("Bravo, j'ai fini de m'entraîner.", "Sur le vrai site, rien n'a changé.")


def begin(visitor, mode="entrainement", journey="demo"):
    visitor.get(f"/parcours/{journey}")
    return visitor.post(data={"mode": mode})


def session_state(app, visitor, journey="demo"):
    cookie = visitor.client.get_cookie("falc")
    return app.session_interface.get_signing_serializer(app).loads(cookie.value)["parcours"][journey]


def press(visitor, element, wrong=None, follow=True):
    found = re.search(r'name="erreurs" value="(\d+)"', visitor.page)
    data = {"element": element, "erreurs": wrong if wrong is not None else (found.group(1) if found else "0")}
    return visitor.post(data=data, follow=follow)


def body(visitor) -> str:
    return visitor.page.split("</head>", 1)[1]


def hint_said(html: str, first: str, second: str) -> bool:
    """The hint's two sentences, each its own paragraph, one after the other."""
    return re.search(rf"<p[^>]*>{re.escape(first)}</p>\s*<p[^>]*>{re.escape(second)}</p>", html) is not None


def test_the_start_page_says_what_each_mode_does(demo_visitor):
    demo_visitor.get("/parcours/demo")
    assert "Je commence : je fais la démarche sur le vrai site." in demo_visitor.page
    assert "Je m'entraîne : je fais comme sur le vrai site, ici. Rien ne change sur le vrai site." in demo_visitor.page
    assert 'value="entrainement"' in demo_visitor.page


def test_a_choice_is_made_by_pressing_its_element_on_the_copy(demo_app, demo_visitor):
    begin(demo_visitor)
    demo_visitor.post()  # "debut": an info screen, Continuer
    assert demo_visitor.url == "/parcours/demo/carte"
    page = demo_visitor.page
    assert COPY in page and "Mon identité" in page
    assert re.search(r'<section class="site-copy" aria-labelledby="copie-nom">', page)
    for label in ("Carte Vitale sans photo", "Carte Vitale avec photo", "Continuer", "Retour"):
        assert re.search(rf'<button type="submit" name="element" value="[a-z-]+" class="copy-el[^"]*"[^>]*>.*?{label}', page, re.S)
    response = press(demo_visitor, "avec-photo", follow=False)
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/parcours/demo/serie-avec-photo")
    assert session_state(demo_app, demo_visitor)["a"] == {"debut": "fait", "carte": "avec-photo"}


def test_a_wrong_press_gets_a_hint_then_the_target_is_highlighted(demo_app, demo_visitor):
    begin(demo_visitor)
    demo_visitor.post()
    press(demo_visitor, "avec-photo")
    demo_visitor.post(data={"valeur": "80250000021"})
    assert demo_visitor.url == "/parcours/demo/verifier"
    answers = session_state(demo_app, demo_visitor)["a"]

    response = press(demo_visitor, "retour", follow=False)
    # Post/Redirect/Get, a wrong press too: Back and refresh never send the form again.
    assert response.status_code == 303 and response.headers["Location"] == "/parcours/demo/verifier"
    demo_visitor.get(response.headers["Location"])
    assert "Ce n'est pas ce bouton. " not in body(demo_visitor)  # two sentences, two paragraphs
    assert hint_said(demo_visitor.page, "Ce n'est pas ce bouton.", "Je cherche le bouton Continuer.")
    assert 'name="erreurs" value="1"' in demo_visitor.page
    assert "C'est ici" not in demo_visitor.page and "copy-target" not in demo_visitor.page

    response = press(demo_visitor, "ou-trouver", follow=False)
    # From the second wrong press, the screen opens at the highlighted target and its hint.
    assert response.status_code == 303 and response.headers["Location"] == "/parcours/demo/verifier#ici"
    demo_visitor.get("/parcours/demo/verifier")
    near = re.search(r'<div class="copy-hint copy-hint-near" id="ici"[^>]*>(.*?)</div>\s*<button[^>]*value="continuer"', demo_visitor.page, re.S)
    assert near and hint_said(near.group(1), "Ce n'est pas ce lien.", "Je cherche le bouton Continuer.")
    assert 'name="erreurs" value="2"' in demo_visitor.page
    highlighted = re.search(r'<button[^>]*value="continuer" class="[^"]*copy-target[^"]*">(.*?)</button>', demo_visitor.page, re.S)
    assert highlighted and "C'est ici" in highlighted.group(1)
    # Wrong presses change nothing: the answers so far are kept, the field stays done.
    assert session_state(demo_app, demo_visitor)["a"] == answers
    assert "✓ rempli" in demo_visitor.page

    response = press(demo_visitor, "continuer", follow=False)
    assert response.status_code == 303 and response.headers["Location"].endswith("/parcours/demo/envoi")


def test_a_field_done_earlier_on_the_page_shows_done_without_its_value(demo_visitor):
    begin(demo_visitor)
    demo_visitor.post()
    press(demo_visitor, "avec-photo")
    page = demo_visitor.page
    assert '<label class="copy-field-label" for="champ-valeur">Numéro de série de carte Vitale</label>' in page
    assert "J'ai fini d'écrire" in page and "C'est fait" not in page
    demo_visitor.post(data={"valeur": "12"})
    assert 'class="error-summary"' in demo_visitor.page and 'value="12"' not in demo_visitor.page  # never kept
    demo_visitor.post(data={"valeur": "80250000021"})
    assert demo_visitor.url == "/parcours/demo/verifier"
    assert "✓ rempli" in demo_visitor.page
    assert "80250000021" not in demo_visitor.page and "8025000002" not in demo_visitor.page
    assert "C'est fait" not in demo_visitor.page


def test_a_hint_is_shown_once_and_a_refresh_shows_the_screen_plain(demo_visitor):
    begin(demo_visitor)
    demo_visitor.post()
    press(demo_visitor, "retour")
    assert demo_visitor.url == "/parcours/demo/carte" and 'id="indice"' in demo_visitor.page
    assert "<title>Ce n'est pas ce bouton. – " in demo_visitor.page  # heard first, without JavaScript too
    demo_visitor.get(demo_visitor.url)
    assert 'id="indice"' not in demo_visitor.page and 'name="erreurs" value="0"' in demo_visitor.page


def test_a_hint_left_for_one_step_is_not_shown_on_another(demo_visitor):
    begin(demo_visitor)
    demo_visitor.post()
    response = press(demo_visitor, "retour", follow=False)
    assert response.status_code == 303
    demo_visitor.get("/parcours/demo/debut")  # the person goes back instead of looking
    assert "Ce n'est pas" not in demo_visitor.page
    demo_visitor.get("/parcours/demo/carte")
    assert "Ce n'est pas" not in demo_visitor.page


def test_pressing_again_what_is_done_gets_a_neutral_hint(demo_visitor):
    begin(demo_visitor)
    demo_visitor.post()
    press(demo_visitor, "avec-photo")
    demo_visitor.post(data={"valeur": "80250000021"})
    assert demo_visitor.url == "/parcours/demo/verifier"
    assert re.search(r'<button[^>]*value="avec-photo" class="[^"]*copy-done', demo_visitor.page)
    press(demo_visitor, "avec-photo")
    assert hint_said(demo_visitor.page, "C'est déjà fait.", "Je cherche le bouton Continuer.")
    assert "Ce n'est pas ce choix." not in demo_visitor.page


def test_the_page_button_under_a_field_sends_the_field(demo_app, demo_visitor):
    begin(demo_visitor)
    demo_visitor.post()
    press(demo_visitor, "avec-photo")
    assert demo_visitor.url == "/parcours/demo/serie-avec-photo"
    # The page's own "Continuer" is a button of the field's form, right under it.
    assert re.search(r'<button type="submit" name="element" value="continuer" class="copy-el copy-bouton">', demo_visitor.page)
    demo_visitor.post(data={"valeur": "12", "element": "continuer"})
    assert demo_visitor.url == "/parcours/demo/serie-avec-photo" and 'class="error-summary"' in demo_visitor.page
    demo_visitor.post(data={"valeur": "80250000021", "element": "continuer"})
    # The field is sent and "Continuer" pressed: both steps are done.
    assert session_state(demo_app, demo_visitor)["a"] == {
        "debut": "fait", "carte": "avec-photo", "serie-avec-photo": "fait", "verifier": "fait"}
    assert demo_visitor.url == "/parcours/demo/envoi"


def test_the_practice_ending_says_it_was_practice_and_offers_the_real_thing(demo_app, demo_visitor):
    begin(demo_visitor)
    demo_visitor.post()
    press(demo_visitor, "sans-photo")
    demo_visitor.post(data={"valeur": "0102457612 4"})
    assert demo_visitor.url == "/parcours/demo/envoi"
    press(demo_visitor, "sms")
    assert demo_visitor.url == "/parcours/demo/fin"
    for sentence in END:
        assert sentence in demo_visitor.page
    assert "Bravo !" not in demo_visitor.page  # the end step's own sentence claims a real result
    assert "Je le fais pour de vrai" in demo_visitor.page
    demo_visitor.post(data={"mode": "guide"}, url="/parcours/demo")
    assert demo_visitor.url == "/parcours/demo/debut"
    assert session_state(demo_app, demo_visitor) == {"j": "demo", "a": {}}


def test_guide_mode_is_unchanged(demo_visitor):
    begin(demo_visitor, mode="guide")
    demo_visitor.post()
    assert COPY not in demo_visitor.page
    demo_visitor.post(data={"choix": "avec-photo"})
    demo_visitor.post()
    assert "C'est fait" in demo_visitor.page and COPY not in demo_visitor.page


def test_garbage_presses_are_gentle(demo_visitor):
    begin(demo_visitor)
    demo_visitor.post()
    for data in ({}, {"element": "x" * 5000, "erreurs": "-3"}, {"element": "serie", "erreurs": "99999"}):
        response = demo_visitor.post(data=data)
        assert response.status_code == 200
        assert 'class="copy-hint"' in demo_visitor.page
        assert re.search(r'name="erreurs" value="[1-9]"', demo_visitor.page)
    assert demo_visitor.url == "/parcours/demo/carte"


# --------------------------------------------------------------- a journey with codes and mode-only steps

@pytest.fixture
def small_app():
    """Two small journeys of tests/fixtures/practice: codes and mode-only screens, and nothing to practise."""
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "STEPS_DIR": FIXTURES / "practice"})


def test_the_code_arrives_on_a_drawn_phone_and_the_real_site_is_never_named(small_app):
    visitor = Visitor(small_app.test_client())
    begin(visitor, journey="essai")
    assert visitor.url == "/parcours/essai/code"  # the guide-only screens are skipped
    assert "Votre code est 094567" in visitor.page
    assert "Sur mon téléphone, je reçois un SMS :" in visitor.page
    assert "monespacesante" not in visitor.page.lower()
    visitor.post(data={"valeur": "094567"})
    assert visitor.url == "/parcours/essai/valider"
    assert "monespacesante" not in visitor.page.lower()
    press(visitor, "valider")
    assert visitor.url == "/parcours/essai/fin"
    assert END[0] in visitor.page and "Mon adresse e-mail est changée." not in visitor.page


def test_guide_mode_keeps_the_guide_only_screens(small_app):
    visitor = Visitor(small_app.test_client())
    begin(visitor, mode="guide", journey="essai")
    assert visitor.url == "/parcours/essai/aller"
    assert "monespacesante.fr" in visitor.page
    visitor.post()
    assert visitor.url == "/parcours/essai/attendre"
    # In practice the guide-only screen is not reachable: it sends to the practice frontier.
    begin(visitor, journey="essai")
    assert visitor.client.get("/parcours/essai/aller").headers["Location"].endswith("/parcours/essai/code")


def test_a_journey_with_nothing_to_practise_offers_no_practice(small_app):
    visitor = Visitor(small_app.test_client())
    visitor.get("/parcours/lire")
    assert "Je m'entraîne" not in visitor.page and 'value="entrainement"' not in visitor.page
    # Nothing is done on the real site either: the start screen says what "Je commence" does here.
    assert "Je commence : je lis les pages ici, une à la fois." in visitor.page
    assert "vrai site" not in visitor.page.split('id="contenu"', 1)[1].split("</main>", 1)[0]
    # The helper's note says the same: nothing to do on the real site, nothing to practise.
    visitor.toggle("helper", back_to="/parcours/lire")
    assert "« Je commence » montre les pages ici, une à la fois." in visitor.page
    assert "Je m'entraîne" not in visitor.page
    begin(visitor, journey="lire")  # a forged practice start is a guide start
    assert "p" not in session_state(small_app, visitor, journey="lire")


# --------------------------------------------------------------- every real journey, in practice

JOURNEYS = load_journeys()
PRACTICE_CASES = [
    pytest.param(journey_id, index, id=f"{journey_id}-path{index}")
    for journey_id, journey in JOURNEYS.items() if journey.has_practice
    for index in range(len(engine.all_paths(journey, practice=True)))
]


def assert_never_the_real_site(page, where):
    lowered = page.lower()
    assert "monespacesante" not in lowered and "monespacesanté" not in lowered, where
    assert "real-site-qr" not in page and "QR code du site" not in page, where


@pytest.mark.parametrize("journey_id,index", PRACTICE_CASES)
def test_every_journey_walks_in_practice_by_pressing_the_named_element(client, journey_id, index):
    journey = JOURNEYS[journey_id]
    path = engine.all_paths(journey, practice=True)[index]
    visitor = Visitor(client)
    begin(visitor, journey=journey_id)
    for position, step_id in enumerate(path):
        where = (journey_id, step_id)
        assert visitor.url == f"/parcours/{journey_id}/{step_id}", (where, visitor.url)
        step = journey.steps[step_id]
        if step.is_end:
            break
        assert_never_the_real_site(visitor.page, where)
        assert "C'est fait" not in visitor.page, where
        following = path[position + 1]
        if step.kind == "choice":
            choice = next(c for c in step.choices if journey.in_mode(True).steps[step_id].choice(c.id).next == following)
            if choice.target:
                label = journey.pages[step.page].element(choice.target).label
                assert re.search(rf'value="{choice.target}" class="copy-el[^"]*"[^>]*>.*?{re.escape(label)}', visitor.page, re.S), where
                data = {"element": choice.target, "erreurs": "0"}
            else:
                data = {"choix": choice.id}
        elif step.kind == "action":
            label = journey.pages[step.page].element(step.target).label
            assert COPY in visitor.page and journey.pages[step.page].title in visitor.page, where
            assert re.search(rf'value="{step.target}" class="copy-el[^"]*"[^>]*>.*?{re.escape(label)}', visitor.page, re.S), where
            data = {"element": step.target, "erreurs": "0"}
        elif step.kind == "field":
            label = journey.pages[step.page].element(step.target).label
            assert COPY in visitor.page and label in visitor.page, where
            data = dict(VALID[step.field])
        else:
            data = {}
        response = visitor.post(data=data)
        assert response.status_code == 200, (where, response.status_code)
    assert journey.steps[visitor.url.rsplit("/", 1)[1]].is_end
    for sentence in END:
        assert sentence in visitor.page
    assert "Je le fais pour de vrai" in visitor.page
    end = journey.steps[path[-1]]
    for sentence in end.sentences:
        # A success's own sentences claim a real result; another ending says what comes next.
        assert (sentence in visitor.page) is not end.claims_success, sentence


def test_decouvrir_offers_no_practice(visitor):
    visitor.get("/parcours/decouvrir")
    assert "Je m'entraîne" not in visitor.page and 'value="entrainement"' not in visitor.page
    assert not JOURNEYS["decouvrir"].has_practice


def test_every_other_journey_offers_practice_and_says_what_it_does(visitor):
    for journey_id, journey in JOURNEYS.items():
        if journey_id == "decouvrir":
            continue
        visitor.get(f"/parcours/{journey_id}")
        assert 'value="entrainement"' in visitor.page, journey_id
        assert "Rien ne change sur le vrai site." in visitor.page, journey_id


def open_activer_step(visitor, step_id: str, practice: bool) -> None:
    """Start "J'active" in that mode and answer each screen of a path up to ``step_id``."""
    journey = JOURNEYS["activer"]
    path = next(p for p in engine.all_paths(journey, practice=practice) if step_id in p)
    visitor.start(journey, practice=practice)
    visitor.walk_to(journey, path, step_id, practice=practice)


def test_a_field_example_stays_on_one_line(visitor):
    """The person copies the example by eye: its spaces do not break ("1 55 12" / "55 555 555 97")."""
    open_activer_step(visitor, "avec-code-nir", practice=True)
    assert "Exemple : 1\u00a055\u00a012\u00a055\u00a0555\u00a0555\u00a097" in visitor.page


@pytest.mark.parametrize("step_id, first_label", [
    ("avec-code-mot-de-passe", "Mot de passe"),   # seed 003's page
    ("mot-de-passe", "Choisir mon mot de passe"),  # seed 002's page
])
def test_a_password_and_its_confirmation_are_2_fields_named_as_on_their_page(visitor, step_id, first_label):
    open_activer_step(visitor, step_id, practice=True)
    live = visitor.page.split('class="copy-el copy-champ copy-live"', 1)[1].split('class="copy-send"', 1)[0].split('</ul>', 1)[-1]
    labels = re.findall(r'<label[^>]*for="champ-([a-z_]+)"[^>]*>([^<]+)</label>', live)
    assert labels == [("mot_de_passe", first_label), ("confirmation", "Confirmer le mot de passe")]
    # Said once: no group name above them, and no hidden copy of the label as a description.
    assert "<legend" not in live and live.count(first_label) == 1
    assert "aria-describedby" not in live


def test_the_guide_draws_both_password_fields_it_asks_to_fill(visitor):
    """"J'écris 2 fois": the guide's picture of the page shows the 2 fields, each said as a field."""
    open_activer_step(visitor, "avec-code-mot-de-passe", practice=False)
    picture = visitor.page.split('class="site-picture-body"', 1)[1].split("</div>", 1)[0]
    said = re.sub(r"<[^>]+>", " ", picture)
    assert re.findall(r"une case à remplir :\s+(.+?)\s{2,}", said) == ["Mot de passe", "Confirmer le mot de passe"]


def test_after_a_refused_password_the_checklist_ticks_what_it_already_has(visitor):
    """Without JavaScript too: the error names one thing to fix, the ticks show what else is missing."""
    open_activer_step(visitor, "avec-code-mot-de-passe", practice=True)
    assert 'class="ok"' not in visitor.page  # nothing typed yet: nothing ticked
    response = visitor.post(data={"mot_de_passe": "soleilsoleil", "confirmation": "soleilsoleil"})
    assert response.status_code == 200 and 'class="error-summary"' in visitor.page
    ticked = re.findall(r'<li data-rule="([a-z]+)" class="ok">', visitor.page)
    rules = re.findall(r'<li data-rule="([a-z]+)"', visitor.page)
    assert 0 < len(ticked) < len(rules)
    assert "minuscule" in ticked and "majuscule" not in ticked and "chiffre" not in ticked
    assert "soleilsoleil" not in visitor.page  # the password itself is never shown again


def test_an_element_the_site_shows_later_is_drawn_only_then(visitor):
    """The terms box appears under « J'active Mon espace santé » once that card is chosen."""
    open_activer_step(visitor, "avec-code-activer", practice=True)
    assert 'value="activer"' in visitor.page and 'value="cgu"' not in visitor.page
    visitor.post(data={"element": "activer"})
    assert visitor.url == "/parcours/activer/avec-code-conditions"
    assert 'value="cgu"' in visitor.page


def test_a_screen_reader_hears_the_copy_as_the_site_is(demo_visitor):
    """A link is a link, a radio card a choice that says if it is chosen, a box says if it is ticked."""
    begin(demo_visitor)
    demo_visitor.post()
    assert re.search(r'<button[^>]*value="avec-photo"[^>]* role="radio" aria-checked="false"', demo_visitor.page)
    press(demo_visitor, "avec-photo")
    demo_visitor.post(data={"valeur": "80250000021"})
    assert re.search(r'<button[^>]*value="avec-photo"[^>]* role="radio" aria-checked="true"', demo_visitor.page)
    assert re.search(r'<button[^>]*value="ou-trouver"[^>]* role="link"', demo_visitor.page)
    assert re.search(r'<button[^>]*value="continuer"[^>]*class="[^"]*"\s*>', demo_visitor.page)  # a button stays a button


def test_the_guide_names_the_page_the_person_should_be_on(visitor):
    """« Continuer » is on many pages of the real site: the guide's picture shows the page's title."""
    journey = JOURNEYS["activer"]
    for step_id in ("commencer", "avec-code-code"):
        open_activer_step(visitor, step_id, practice=False)
        title = journey.pages[journey.steps[step_id].page].title
        picture = visitor.page.split('class="site-picture-body"', 1)[1].split('class="real ', 1)[0]
        assert "Le titre de la page :" in picture and f'<span lang="fr">{title}</span>' in picture, step_id


def open_step_by_picks(visitor, journey_id: str, step_id: str, practice: bool, **picks) -> None:
    """Start a journey in that mode and walk the path that takes ``picks`` up to ``step_id``."""
    journey = JOURNEYS[journey_id]
    walks = [p for p in journey.all_picks(practice) if all(p.get(k) == v for k, v in picks.items())]
    path = next(ids for ids in ([s.id for s in journey.walk(p, practice)] for p in walks) if step_id in ids)
    visitor.start(journey, practice=practice)
    visitor.walk_to(journey, path, step_id, practice=practice)


def progress_said(page: str) -> str:
    return re.search(r'<p class="progress-text">([^<]+)</p>\s*<p class="progress-part">([^<]+)</p>', page).groups()


def test_wrong_contact_details_on_the_code_page_in_practice(visitor):
    """« Mon code provisoire » (002) shows where the code goes; wrong, the person presses the copy's
    link « Mes coordonnées sont incorrectes ? » (003: it is there to change them). No seed shows
    the page it opens: practice says so in the app's words, draws no page, then goes on to
    choosing where the code goes, on the copy, the link drawn as done."""
    open_step_by_picks(visitor, "activer", "envoi-lire", practice=True, **{"envoi-verifier": "fausses"})
    assert progress_said(visitor.page) == ("Étape 3 sur 5, écran 1 sur 8", "Mon code")
    # Before saying whether they recognise them, the person sees the masked address and number.
    copy = copy_section(visitor.page)
    assert "Je reçois mon code sur nat*****@orange.fr" in copy and "Je reçois mon code au *****510" in copy
    visitor.post()
    assert visitor.url == "/parcours/activer/envoi-verifier"
    visitor.post(data={"choix": "fausses"})
    assert visitor.url == "/parcours/activer/coordonnees-incorrectes"
    assert 'class="site-copy-title">Mon code provisoire</h' in visitor.page
    assert re.search(r'<button[^>]*value="incorrectes"[^>]* role="link"', visitor.page)
    press(visitor, "envoyer")
    hint = visitor.page.split('<div class="copy-hint"', 1)[1].split("</div>", 1)[0]
    assert "Ce n'est pas ce bouton." in hint and "Je cherche le lien Mes coordonnées sont incorrectes ?" in hint
    press(visitor, "incorrectes")
    assert visitor.url == "/parcours/activer/corriger-coordonnees-entrainement"
    assert progress_said(visitor.page) == ("Étape 3 sur 5, écran 4 sur 8", "Mon code")
    assert "Sur le vrai site, je corrige alors mes coordonnées." in visitor.page
    assert 'class="site-copy"' not in visitor.page  # a page no seed shows is never drawn
    visitor.post()
    assert visitor.url == "/parcours/activer/envoi-choix"
    assert re.search(r'<button[^>]*value="incorrectes" class="[^"]*copy-done', visitor.page)
    press(visitor, "sms")
    assert visitor.url == "/parcours/activer/envoyer-code"


def test_wrong_contact_details_on_the_code_page_in_the_guide(visitor):
    """The guide draws the real link on its page; the next screen, which no seed shows, names no
    label and tells the helper to check on the site; then the choice of e-mail or SMS."""
    visitor.get("/reglages")
    visitor.toggle("helper", back_to="/")
    open_step_by_picks(visitor, "activer", "coordonnees-incorrectes", practice=False)
    assert 'class="real real-link"' in visitor.page and "Mes coordonnées sont incorrectes ?" in visitor.page
    assert '<span lang="fr">Mon code provisoire</span>' in visitor.page
    visitor.post()
    assert visitor.url == "/parcours/activer/corriger-coordonnees"
    assert progress_said(visitor.page) == ("Étape 3 sur 5, écran 3 sur 7", "Mon code")
    assert "Je corrige mes coordonnées comme le site me le demande." in visitor.page
    assert 'class="real-site"' not in visitor.page
    assert "Cet écran n'est pas dans les guides officiels : vérifiez sur le site." in visitor.page
    visitor.post()
    assert visitor.url == "/parcours/activer/envoi-choix"


def test_the_code_way_goes_through_mon_code_too(visitor):
    """003's way types the code on « Je m'identifie » (Mon identité); its Continuer, which sends it,
    is the part Mon code: every walk shows every part, in order."""
    open_step_by_picks(visitor, "activer", "avec-code-continuer", practice=True)
    assert progress_said(visitor.page) == ("Étape 3 sur 5, écran 1 sur 8", "Mon code")


def copy_section(page: str) -> str:
    return page.split('<section class="site-copy"', 1)[1].split("</section>", 1)[0]


def test_the_copy_is_a_window_apart_from_the_apps_own_controls(visitor):
    """The copy's own « Retour » is not the app's: the copy is a region named by its visible heading,
    drawn as a browser window with the site's brand bar; the app's « Retour » link stays outside it;
    a screen reader hears the copy's as « Copie du site : Retour ». A label no app control has
    (« Continuer » on an action step) keeps its own name."""
    open_activer_step(visitor, "carte-continuer-sans-photo", practice=True)
    page = visitor.page
    assert '<section class="site-copy" aria-labelledby="copie-nom">' in page
    copy = copy_section(page)
    bar = copy.split('<div class="site-copy-page"', 1)[0]
    assert re.search(r'<h2 class="site-copy-frame" id="copie-nom">Copie du site, pour m\'entraîner</h2>', bar)
    inside = copy.split('<div class="site-copy-page"', 1)[1]
    assert inside.index('class="site-copy-brand"') < inside.index('<h3 class="site-copy-title">Mon identité</h3>')
    retour = re.search(r'<button[^>]*value="retour"[^>]*>\s*<span class="copy-label">(.*?)</span>\s*</button>', copy, re.S)
    assert retour and re.fullmatch(r'<span class="visually-hidden" lang="fr">Copie du site : </span>Retour', retour.group(1))
    continuer = re.search(r'<button[^>]*value="continuer"[^>]*>\s*<span class="copy-label">(.*?)</span>', copy, re.S)
    assert continuer and continuer.group(1) == "Continuer"
    assert '<a class="back-link"' in page.split('<section class="site-copy"', 1)[0]
    assert "back-link" not in copy


def test_the_copys_need_for_help_is_not_the_apps_help(visitor):
    """« Besoin d'aide ? » on the drawn page (003) is heard as the copy's: the app's help is
    « J'ai besoin d'aide », outside the copy."""
    open_step_by_picks(visitor, "refuser", "telecharger-justificatif", practice=True)
    copy = copy_section(visitor.page)
    aide = re.search(r'value="besoin-d-aide"[^>]*>\s*<span class="copy-label">(.*?)</span>\s*</button>', copy, re.S)
    assert aide and aide.group(1) == '<span class="visually-hidden" lang="fr">Copie du site : </span>Besoin d\'aide ?'
    assert 'id="aide-titre"' not in copy and 'id="aide-titre"' in visitor.page


@pytest.mark.parametrize("label, said", [
    ("Mes coordonnées sont incorrectes ?", "Je cherche le lien Mes coordonnées sont incorrectes ?"),
    ("Continuer", "Je cherche le lien Continuer."),
])
def test_what_to_look_for_ends_as_a_sentence(label, said):
    """A label that ends its own sentence ("... ?") gets no full stop after it, on screen and heard."""
    from falc_wizard.content import Element
    from falc_wizard.practice.copy import look_for

    assert look_for(Element(id="lien", kind="lien", label=label), lambda text, **values: text % values) == said
