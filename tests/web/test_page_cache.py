"""The page cache never serves one person's page, token, setting, answer or typed value to another."""

from __future__ import annotations

import html

import pytest
from flask import render_template_string
from flask_wtf.csrf import generate_csrf

from falc_wizard import create_app
from falc_wizard.web.page_cache import CSRF_PLACEHOLDER, PageCache
from falc_wizard import engine
from support import FIXTURES, Visitor, csrf_token

TYPED = "Zq7-typed-by-a"


@pytest.fixture
def app():
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "STEPS_DIR": FIXTURES / "steps"})


def person(app, practice=False) -> Visitor:
    """A new person on the demo journey, on its first step."""
    visitor = Visitor(app.test_client())
    visitor.get("/parcours/demo")
    visitor.post(data={"mode": "entrainement" if practice else "guide"})
    assert visitor.url == "/parcours/demo/debut"
    return visitor


def cached_pages(app) -> list[str]:
    return list(app.extensions["falc_page_cache"]._pages.values())


def test_two_people_on_the_same_screen_share_the_page_but_never_the_token(app):
    cache = app.extensions["falc_page_cache"]
    a, b = person(app), person(app)
    a.get("/parcours/demo/debut")
    b.get("/parcours/demo/debut")
    token_a, token_b = a.token(), b.token()
    assert token_a != token_b
    assert token_a not in b.page and token_b not in a.page
    assert cache.hits >= 1, "the second person got the page from the cache"
    # Every form of the page holds the person's own token, none the placeholder.
    assert b.page.count(token_b) == b.page.count('name="csrf_token"') >= 1
    assert CSRF_PLACEHOLDER not in a.page + b.page
    # The cache holds no token at all.
    assert not any(token_a in page or token_b in page for page in cached_pages(app))
    # And each token still works for its own person only.
    assert b.post().status_code == 200 and b.url == "/parcours/demo/carte"
    a.page = a.page.replace(token_a, token_b)
    assert a.post(follow=False).status_code == 400  # b's token is refused in a's session


def test_a_setting_or_a_language_is_never_served_to_another_person(app):
    a, b = person(app), person(app)
    for toggle in ("helper", "large_text", "contrast"):
        a.post("/reglages", data={"toggle": toggle, "retour": "/parcours/demo/debut"})
    assert 'class="large-text contrast"' in a.page and "helper-note" in a.page and '<html lang="fr"' in a.page
    # The same screen in the same language: only the display settings differ.
    b.get("/parcours/demo/debut")
    assert 'class="large-text' not in b.page and "contrast" not in b.page.split(">", 2)[1]
    assert "helper-note" not in b.page and 'aria-pressed="true"' not in b.page
    # Then only the language differs (a's settings stay on).
    a.post("/reglages", data={"lang": "en", "retour": "/parcours/demo/debut"})
    assert '<html lang="en"' in a.page
    b.get("/parcours/demo/debut")
    assert '<html lang="fr"' in b.page
    # And back: a's page is still a's.
    a.get("/parcours/demo/debut")
    assert '<html lang="en"' in a.page and "helper-note" in a.page


def test_each_person_sees_their_own_choice_and_place(app):
    a, b = person(app), person(app)
    for visitor, choice in ((a, "avec-photo"), (b, "sans-photo")):
        visitor.post()
        visitor.post(data={"choix": choice})
    a.get("/parcours/demo/carte")
    b.get("/parcours/demo/carte")
    chosen = lambda page: page.split("chosen-mark")[0].rsplit('value="', 1)[1].split('"')[0]  # noqa: E731
    assert chosen(a.page) == "avec-photo" and chosen(b.page) == "sans-photo"
    # The same step reached by two paths: the way back is each one's own.
    a.post(data={"choix": "avec-photo"})
    a.post()  # guide mode: the field step just moves on
    a.post()
    b.post(data={"choix": "sans-photo"})
    b.post()
    assert a.url == b.url == "/parcours/demo/envoi"
    assert 'class="back-link" href="/parcours/demo/verifier"' in a.page
    assert 'class="back-link" href="/parcours/demo/serie-sans-photo"' in b.page


def test_a_typed_value_is_never_cached_nor_shown_to_another(app):
    a, b = person(app, practice=True), person(app, practice=True)
    journey = app.extensions["falc_journeys"]["demo"]
    path = next(p for p in engine.all_paths(journey, practice=True) if "serie-avec-photo" in p)
    for visitor in (a, b):  # practice: each press names the element of the drawn page
        visitor.walk_to(journey, path, "serie-avec-photo", practice=True)
    response = a.post(data={"valeur": TYPED})
    assert response.status_code == 200 and "field-error" in a.page and TYPED not in a.page  # a message, never the value
    b.get("/parcours/demo/serie-avec-photo")
    assert TYPED not in b.page and "field-error" not in b.page
    a.get(f"/parcours/demo/serie-avec-photo?valeur={TYPED}")  # a query string: never cached
    assert not any(TYPED in page for page in cached_pages(app))


def test_a_resume_link_is_never_cached(app):
    a = person(app)
    a.get("/plus-tard/demo/debut")
    link = html.unescape(a.page).split('class="later-link-name" href="', 1)[1].split('"', 1)[0]
    token = link.rsplit("/r/", 1)[1]
    assert len(token) > 20
    b = person(app)
    b.post()  # another state (a link holds the state, so the same state gives the same link)
    b.get("/plus-tard/demo/debut")
    assert "/r/" in b.page and token not in b.page
    assert not any("/r/" in page for page in cached_pages(app))


def test_the_cache_is_bounded_and_can_be_turned_off():
    small = create_app({"TESTING": True, "SECRET_KEY": "k", "STEPS_DIR": FIXTURES / "steps", "PAGE_CACHE_SIZE": 2})
    visitor = person(small)
    visitor.post()
    visitor.post(data={"choix": "sans-photo"})
    for url in ("/parcours/demo/debut", "/parcours/demo/carte", "/parcours/demo/serie-sans-photo"):
        visitor.get(url)
    assert len(small.extensions["falc_page_cache"]) == 2
    off = create_app({"TESTING": True, "SECRET_KEY": "k", "STEPS_DIR": FIXTURES / "steps", "PAGE_CACHE_SIZE": 0})
    assert "falc_page_cache" not in off.extensions
    assert person(off).get("/parcours/demo/debut").status_code == 200


def test_a_page_that_would_keep_a_real_token_is_refused(app):
    """Should a template ever find the token another way, the cache fails loudly instead of sharing it."""
    state = engine.State("demo", {}, False)
    cache = PageCache()
    with app.test_request_context("/parcours/demo/debut"):
        with pytest.raises(RuntimeError):
            cache.page(state, lambda: f"<input value='{generate_csrf()}'>")
        assert len(cache) == 0
        page = cache.page(state, lambda: render_template_string("<input value='{{ csrf_token() }}'>"))
        mine = generate_csrf()
        assert page == f"<input value='{mine}'>" and len(cache) == 1
    with app.test_request_context("/parcours/demo/debut"):  # another person: another session
        yours = generate_csrf()
        assert yours != mine
        assert cache.page(state, lambda: "never drawn") == f"<input value='{yours}'>"


def test_the_key_holds_everything_that_makes_the_page(app):
    """Mount point, host, scheme, address, language, settings, mode and answers: each gives another page."""
    from falc_wizard.web.page_cache import page_key

    base = engine.State("demo", {"debut": "fait"}, False)

    def key(path="/parcours/demo/carte", state=base, **options):
        with app.test_request_context(path, **options):
            return page_key(state)

    same = key()
    assert key() == same
    others = [
        key(base_url="http://localhost/prefix"),
        key(base_url="http://another.example"),
        key(base_url="https://localhost"),
        key("/parcours/demo/debut"),
        key(headers={"Accept-Language": "en"}),
        key(state=engine.State("demo", {"debut": "fait"}, True)),
        key(state=engine.State("demo", {"debut": "fait", "carte": "avec-photo"}, False)),
    ]
    assert all(other != same for other in others) and len(set(others)) == len(others)
    with app.test_request_context("/parcours/demo/carte"):
        from flask import session

        session["large_text"] = True
        assert page_key(base) != same


def test_every_token_on_a_cached_page_is_the_persons_own(app):
    """Macros, includes and the layout alike: no form keeps the token of whoever drew the page first."""
    first = person(app)
    first.post()
    first.post(data={"choix": "avec-photo"})
    second = person(app)
    second.post()
    second.post(data={"choix": "avec-photo"})
    for url in ("/parcours/demo/debut", "/parcours/demo/carte", "/parcours/demo/serie-avec-photo"):
        first.get(url)
        second.get(url)
        tokens = {part.split('"', 1)[0] for part in second.page.split('name="csrf_token" value="')[1:]}
        assert tokens == {csrf_token(second.page)} and csrf_token(first.page) not in tokens, url


def test_a_forwarded_header_of_one_visitor_never_shapes_another_visitors_page():
    """Behind a proxy (FALC_PROXY_FIX=1) the X-Forwarded-* headers are trusted, and one visitor
    may send them straight to the app: their page is their own, never the next visitor's."""
    proxied = create_app({"TESTING": True, "SECRET_KEY": "k", "STEPS_DIR": FIXTURES / "steps", "PROXY_FIX": 1})
    forged = {"X-Forwarded-Prefix": "/evil", "X-Forwarded-Host": "evil.example",
              "X-Forwarded-Proto": "https", "X-Forwarded-Port": "8443"}
    a, b = person(proxied), person(proxied)
    proxied.extensions["falc_page_cache"].clear()  # the forged request is the first to draw each page
    for url in ("/parcours/demo/debut", "/parcours/demo", "/fiches/livret", "/fiches/relecture?parcours=demo"):
        shaped = a.get(url, headers=forged)
        assert shaped.status_code == 200 and 'href="/evil/' in a.page, url  # the prefix is used...
        for _ in range(2):
            b.get(url)
            assert "/evil" not in b.page and "evil.example" not in b.page, url  # ...for that visitor only
    # Redirects too: each is built for its own request.
    a.get("/parcours/demo/debut")
    shaped = a.client.post("/parcours/demo/debut", data={"csrf_token": a.token()}, headers=forged)
    assert shaped.status_code == 303 and shaped.headers["Location"] == "/evil/parcours/demo/carte"
    b.get("/parcours/demo/debut")
    moved = b.client.post("/parcours/demo/debut", data={"csrf_token": b.token()})
    assert moved.status_code == 303 and moved.headers["Location"] == "/parcours/demo/carte"
