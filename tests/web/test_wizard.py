"""The web layer on the demo journey: one URL per step, PRG, guards, errors."""

import html
import re

from falc_wizard.content import DONE


def start(visitor, mode="guide"):
    visitor.get("/parcours/demo")
    return visitor.post(data={"mode": mode})


def test_home_shows_a_card_per_journey(demo_visitor):
    demo_visitor.get("/"); page = demo_visitor.page
    assert 'href="/parcours/demo"' in page
    assert "Je teste" in page


def test_start_screen_lists_needs_and_the_tutor_prompt(demo_visitor):
    demo_visitor.get("/parcours/demo"); page = demo_visitor.page
    assert "J'ai besoin de :" in page
    assert "Ma carte Vitale" in page
    assert "Si je suis sous tutelle, je demande de l'aide à mon tuteur." in page
    assert "Je commence" in page and "Je m'entraîne" in page


def test_each_post_redirects_to_the_next_step(demo_visitor):
    response = demo_visitor.client.get("/parcours/demo")
    demo_visitor.page = demo_visitor.text(response)
    demo_visitor.url = "/parcours/demo"
    response = demo_visitor.post(data={"mode": "guide"}, follow=False)
    assert response.status_code == 303
    assert response.headers["Location"] == "/parcours/demo/debut"
    demo_visitor.get("/parcours/demo/debut")
    response = demo_visitor.post(follow=False)
    assert response.status_code == 303 and response.headers["Location"] == "/parcours/demo/carte"


def test_walk_both_branches_to_the_end(demo_visitor):
    for choice, expected in [("sans-photo", ["serie-sans-photo", "envoi"]),
                             ("avec-photo", ["serie-avec-photo", "verifier", "envoi"])]:
        start(demo_visitor)
        demo_visitor.post()  # debut
        assert demo_visitor.url == "/parcours/demo/carte"
        demo_visitor.post(data={"choix": choice})
        seen = []
        while demo_visitor.url != "/parcours/demo/envoi":
            seen.append(demo_visitor.url.rsplit("/", 1)[1])
            demo_visitor.post()
        assert seen + ["envoi"] == expected
        demo_visitor.post(data={"choix": "sms"})
        assert demo_visitor.url == "/parcours/demo/fin"
        assert "Bravo !" in demo_visitor.page
        assert "J'ai fini" in demo_visitor.page


def test_progress_is_shown_and_keeps_its_total(demo_visitor):
    # The demo has no parts: screens count against its longest walk (6), on every branch.
    start(demo_visitor)
    assert "Étape 1 sur 6" in demo_visitor.page
    demo_visitor.post()
    demo_visitor.post(data={"choix": "avec-photo"})
    assert "Étape 3 sur 6" in demo_visitor.page
    # The dots are a picture of it: hidden from screen readers, 2 done, 1 here, 3 to do.
    dots = re.search(r'<div class="progress-dots" aria-hidden="true">(.*?)</div>', demo_visitor.page, re.S).group(1)
    assert re.findall(r'class="dot (\w+)"', dots) == ["done"] * 2 + ["current"] + ["ahead"] * 3


def test_a_step_not_yet_reachable_redirects_to_the_current_one(demo_visitor):
    start(demo_visitor)
    response = demo_visitor.client.get("/parcours/demo/fin")
    assert response.status_code == 302
    assert response.headers["Location"] == "/parcours/demo/debut"


def test_refresh_after_a_post_does_not_post_again(demo_visitor):
    start(demo_visitor)
    demo_visitor.post()
    first = demo_visitor.text(demo_visitor.get("/parcours/demo/carte"))
    again = demo_visitor.text(demo_visitor.get("/parcours/demo/carte"))
    assert first == again and "Étape 2 sur 6" in again


def test_back_keeps_the_choice_and_shows_it(demo_visitor):
    start(demo_visitor)
    demo_visitor.post()
    demo_visitor.post(data={"choix": "avec-photo"})
    assert 'href="/parcours/demo/carte"' in demo_visitor.page  # the Retour link
    page = demo_visitor.text(demo_visitor.get("/parcours/demo/carte"))
    assert re.search(r'value="avec-photo" class="choice chosen"', page)
    # the later step is still reachable: nothing was lost
    assert demo_visitor.client.get("/parcours/demo/serie-avec-photo").status_code == 200


def test_changing_a_choice_moves_to_the_new_branch(demo_visitor):
    start(demo_visitor)
    demo_visitor.post()
    demo_visitor.post(data={"choix": "avec-photo"})
    demo_visitor.get("/parcours/demo/carte")
    demo_visitor.post(data={"choix": "sans-photo"})
    assert demo_visitor.url == "/parcours/demo/serie-sans-photo"
    assert demo_visitor.client.get("/parcours/demo/serie-avec-photo").status_code == 302


def test_a_missing_choice_is_a_falc_message_not_an_error(demo_visitor):
    start(demo_visitor)
    demo_visitor.post()
    response = demo_visitor.post(data={"choix": "bleue"}, follow=False)
    assert response.status_code == 303  # Post/Redirect/Get: Back never sends the form again
    demo_visitor.get(response.headers["Location"])
    assert "Je choisis une réponse." in demo_visitor.page


def test_unknown_journey_or_step_is_a_falc_404(demo_visitor):
    for url in ("/parcours/inconnu", "/parcours/demo/inconnue", "/nulle-part"):
        response = demo_visitor.get(url)
        assert response.status_code == 404
        assert "Je ne trouve pas cette page" in demo_visitor.page
        assert ">Accueil</a>" in demo_visitor.page


def test_post_without_csrf_token_gets_the_gentle_page(demo_visitor):
    start(demo_visitor)
    response = demo_visitor.client.post("/parcours/demo/debut", data={})
    assert response.status_code == 400
    page = demo_visitor.text(response)
    assert "Cette page n'est plus ouverte" in page
    assert "Traceback" not in page


def test_no_session_on_a_step_gets_the_gentle_page(demo_app):
    response = demo_app.test_client().get("/parcours/demo/carte")
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    assert "Je recommence" in page and 'href="/parcours/demo"' in page


def test_a_tampered_cookie_is_ignored_gently(demo_visitor):
    start(demo_visitor)
    demo_visitor.client.set_cookie("falc", "eyJwYXJjb3VycyI6e319.tampered.signature")
    response = demo_visitor.client.get("/parcours/demo/carte")
    assert response.status_code == 400
    assert "Cette page n'est plus ouverte" in demo_visitor.text(response)


def test_the_cookie_holds_only_ids_and_choices(demo_app, demo_visitor):
    start(demo_visitor, mode="entrainement")
    demo_visitor.post()
    demo_visitor.post(data={"element": "avec-photo", "erreurs": "1"})  # practice: the element pressed on the copy
    cookie = demo_visitor.client.get_cookie("falc")
    serializer = demo_app.session_interface.get_signing_serializer(demo_app)
    session = serializer.loads(cookie.value)
    assert session["parcours"] == {"demo": {"j": "demo", "a": {"debut": DONE, "carte": "avec-photo"}, "p": 1}}
    assert set(session) <= {"parcours", "csrf_token", "helper", "large_text", "contrast", "lang"}


def test_finished_forgets_everything(demo_visitor):
    start(demo_visitor)
    demo_visitor.get("/parcours/demo/debut")
    demo_visitor.post(url="/fini")
    assert demo_visitor.client.get("/parcours/demo/debut").status_code == 400


def test_helper_mode_shows_helper_notes(demo_visitor):
    start(demo_visitor)
    assert "Pour l’accompagnant" not in demo_visitor.page
    demo_visitor.toggle("helper", back_to="/parcours/demo/debut")
    assert "Pour l’accompagnant" in demo_visitor.page
    assert "à faire relire" in demo_visitor.page


def test_settings_never_redirect_off_site(demo_visitor):
    demo_visitor.get("/reglages")
    response = demo_visitor.toggle("contrast", back_to="//evil.example/", follow=False)
    assert response.headers["Location"] == "/"


def test_practice_shows_the_code_of_the_field_after_a_guide_only_screen():
    """The code the real site sends is the example of the code field that follows, as the
    practice mode walks it: a guide-only screen in between ("Je regarde mon téléphone")
    is passed, as the person passes it (site_copy._message)."""
    import tomllib

    from falc_wizard import engine
    from falc_wizard.content import parse_journey
    from falc_wizard.practice.rules import rule_for
    from falc_wizard.practice import copy as site_copy

    journey = parse_journey(tomllib.loads('''
id = "code"
title = "Je teste"
summary = "Un parcours pour les tests."
pictogram = "aide"
[[pages]]
id = "code"
title = "Mon code"
  [[pages.elements]]
  id = "envoyer"
  kind = "bouton"
  label = "Envoyer le code"
  [[pages.elements]]
  id = "code"
  kind = "champ"
  label = "Code"
[[steps]]
id = "envoi"
kind = "action"
pictogram = "clic"
page = "code"
target = "envoyer"
message = "sms"
sentences = ["Je clique sur le bouton Envoyer le code."]
[[steps]]
id = "attendre"
kind = "info"
only = "guide"
pictogram = "sms"
sentences = ["Je regarde mon téléphone."]
[[steps]]
id = "saisir"
kind = "field"
field = "code_unique"
label = "Code"
page = "code"
target = "code"
pictogram = "sms"
sentences = ["J'écris le code."]
[[steps]]
id = "fin"
kind = "end"
pictogram = "succes"
sentences = ["Bravo !"]
'''), "code.toml")
    walk = engine.walk(journey, engine.start(journey, practice=True))
    assert walk.steps == ("envoi",)
    message = site_copy._message(journey, walk.state, journey.steps["envoi"], {})
    assert message == ("sms", rule_for("code_unique").example)
