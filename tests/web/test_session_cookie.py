"""The session cookie (session_cookie.py): Flask's signed cookie, its signer made once, plain JSON."""

import base64
import json
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


def test_the_cookie_holds_plain_json_of_ids():
    app = make_app()
    visitor = Visitor(app.test_client())
    visitor.get("/parcours/demo")
    visitor.post("/parcours/demo", {"mode": "guide"})
    stored = payload(visitor.client.get_cookie("falc").value)
    assert stored["parcours"] == {"demo": {"j": "demo", "a": {}}}
    assert isinstance(stored["csrf_token"], str)


def test_a_cookie_written_by_flasks_own_serializer_still_reads():
    """A person whose cookie was written before this change (tagged JSON) keeps their place."""
    app = make_app()
    old = SecureCookieSessionInterface().get_signing_serializer(app)
    client = app.test_client()
    client.set_cookie("falc", old.dumps({"parcours": {"demo": {"j": "demo", "a": {"debut": "fait"}}}}))
    response = client.get("/parcours/demo/carte")
    assert response.status_code == 200, "the step after the one done is open, not redirected back"
    assert 'href="/parcours/demo/debut"' in response.get_data(as_text=True), "'Retour' goes to the step done"


def test_the_signer_is_made_once_and_again_when_the_key_changes():
    app = make_app()
    interface = app.session_interface
    first = interface.get_signing_serializer(app)
    assert interface.get_signing_serializer(app) is first
    app.secret_key = "another-secret"
    second = interface.get_signing_serializer(app)
    assert second is not first
    assert second.loads(second.dumps({"a": 1})) == {"a": 1}
    assert first.dumps({"a": 1}) != second.dumps({"a": 1})


def test_a_cookie_of_another_key_is_not_read():
    app = make_app()
    foreign = SecureCookieSessionInterface().get_signing_serializer(make_app(SECRET_KEY="not-ours"))
    client = app.test_client()
    client.set_cookie("falc", foreign.dumps({"parcours": {"demo": {"j": "demo", "a": {"debut": "fait"}}}}))
    assert client.get("/parcours/demo/carte").status_code == 400, "the gentle 'no longer open' page"
