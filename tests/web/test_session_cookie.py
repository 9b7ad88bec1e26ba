"""The session cookie: Flask's own signed cookie (SecureCookieSessionInterface), ids only."""

import base64
import json
import time
import zlib

from flask.sessions import SecureCookieSessionInterface

from support import FIXTURES, Visitor
from falc_wizard import create_app


def make_app(**config):
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "STEPS_DIR": FIXTURES / "steps", **config})


def payload(cookie: str):
    """The JSON inside a signed cookie (itsdangerous: [.]base64(zlib?(json)).timestamp.signature)."""
    compressed = cookie.startswith(".")
    data = cookie.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    return json.loads(zlib.decompress(raw) if compressed else raw)


def started_cookie(app):
    visitor = Visitor(app.test_client())
    visitor.get("/parcours/demo")
    visitor.post("/parcours/demo", {"mode": "guide"})
    return visitor, visitor.client.get_cookie("falc").value


def test_the_session_is_flasks_own_signed_cookie_of_ids():
    app = make_app()
    assert type(app.session_interface) is SecureCookieSessionInterface
    visitor, cookie = started_cookie(app)
    stored = payload(cookie)
    assert stored["parcours"] == {"demo": {"j": "demo", "a": {}}}
    assert isinstance(stored["csrf_token"], str)
    assert app.session_interface.get_signing_serializer(app).loads(cookie) == stored


def test_a_cookie_of_another_key_is_not_read():
    app = make_app()
    foreign = SecureCookieSessionInterface().get_signing_serializer(make_app(SECRET_KEY="not-ours"))
    client = app.test_client()
    client.set_cookie("falc", foreign.dumps({"parcours": {"demo": {"j": "demo", "a": {"debut": "fait"}}}}))
    assert client.get("/parcours/demo/carte").status_code == 400, "the gentle 'no longer open' page"


def test_a_changed_cookie_is_refused():
    app = make_app()
    visitor, cookie = started_cookie(app)
    assert visitor.client.get("/parcours/demo/debut").status_code == 200
    # The signature's first character: its last one holds padding bits that base64 ignores.
    body, signature = cookie.rsplit(".", 1)
    changed = f"{body}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"
    stranger = app.test_client()
    stranger.set_cookie("falc", changed)
    assert stranger.get("/parcours/demo/debut").status_code == 400, "the gentle 'no longer open' page"


def test_a_cookie_older_than_the_session_lifetime_is_refused(monkeypatch):
    app = make_app(PERMANENT_SESSION_LIFETIME=60)
    visitor, _cookie = started_cookie(app)
    assert visitor.client.get("/parcours/demo/debut").status_code == 200
    later = time.time() + 120
    monkeypatch.setattr(time, "time", lambda: later)
    assert visitor.client.get("/parcours/demo/debut").status_code == 400


def test_two_requests_with_one_cookie_never_share_a_session():
    """A change made with a cookie is in the new cookie only: the old one, sent again, reads as it was."""
    app = make_app()
    visitor, cookie = started_cookie(app)
    visitor.client.post("/reglages", data={"csrf_token": visitor.token(), "toggle": "large_text",
                                           "retour": "/parcours/demo/debut"})
    html_tag = lambda client: client.get("/parcours/demo/debut").get_data(as_text=True).split("<html", 1)[1].split(">", 1)[0]
    assert "large-text" in html_tag(visitor.client), "the new cookie has the large text"
    again = app.test_client()
    again.set_cookie("falc", cookie)
    assert "large-text" not in html_tag(again), "the old cookie, sent again, has not"
    assert "large-text" in html_tag(visitor.client)
