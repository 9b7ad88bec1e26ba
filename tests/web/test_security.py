"""Security by default: each header, each cookie flag, the key rules, hosts, limits, the proxy."""

import functools
import html
import re
import time
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import example, given, settings as hypothesis_settings, strategies as st
from wtforms import ValidationError

from support import FIXTURES, Visitor
from falc_wizard.web import config as settings
from falc_wizard import create_app
from falc_wizard.web.views.pages import _safe_return

HTTPS = "https://falc.test"


def make_app(**config):
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "STEPS_DIR": FIXTURES / "steps", **config})


def started(app, base_url="http://localhost"):
    """A browser on the demo journey's first step, with its cookie and token."""
    client = app.test_client()
    visitor = Visitor(client)
    page = client.get("/parcours/demo", base_url=base_url)
    visitor.page = html.unescape(page.get_data(as_text=True))
    response = client.post("/parcours/demo", data={"csrf_token": visitor.token(), "mode": "guide"},
                           base_url=base_url)
    assert response.status_code == 303
    visitor.page = html.unescape(client.get("/parcours/demo/debut", base_url=base_url).get_data(as_text=True))
    return visitor


# --- Headers -------------------------------------------------------------------------

PAGES = ["/", "/parcours/demo", "/parcours/demo/debut", "/nulle-part", "/sante"]


@pytest.mark.parametrize("url", PAGES)
def test_every_response_has_the_strict_headers(url):
    visitor = started(make_app())
    response = visitor.client.get(url)
    csp = [part.strip() for part in response.headers["Content-Security-Policy"].split(";")]
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'none'",
                      "frame-ancestors 'none'", "form-action 'self'"):
        assert directive in csp
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"]
    assert not any(part.startswith(("script-src", "style-src")) for part in csp), \
        "scripts and styles fall back to default-src 'self'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in permissions
    assert response.headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" not in response.headers, "no HSTS over plain HTTP"


def test_static_files_and_pictograms_may_be_cached():
    client = make_app().test_client()
    for url in ("/static/style.css", "/pictogrammes/aide.svg"):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" not in response.headers.get("Cache-Control", "")
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_an_error_page_under_a_cacheable_path_is_not_cached():
    client = make_app().test_client()
    for url in ("/static/nope.css", "/pictogrammes/inconnu.svg"):
        response = client.get(url)
        assert response.status_code == 404
        assert response.headers["Cache-Control"] == "no-store"


def test_hsts_only_over_https():
    client = make_app().test_client()
    response = client.get("/", base_url=HTTPS)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    assert int(re.search(r"max-age=(\d+)", response.headers["Strict-Transport-Security"]).group(1)) >= 31536000


class _InlineFinder(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, styles, handlers."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        if tag == "style":
            self.found.append("<style>")
        if tag == "script" and "src" not in names:
            self.found.append("<script> without src")
        if "style" in names:
            self.found.append(f"style= on <{tag}>")
        self.found.extend(f"{name}= on <{tag}>" for name in names if name.startswith("on"))
        for name, value in attrs:
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"javascript: URL on <{tag}>")


def test_pages_have_nothing_a_strict_csp_would_block():
    visitor = started(make_app())
    visitor.client.post("/reglages", data={"csrf_token": visitor.token(), "toggle": "helper"})
    urls = ["/", "/parcours/demo", "/parcours/demo/debut", "/nulle-part", "/parcours/demo/carte"]
    visitor.post(url="/parcours/demo/debut")
    visitor.post(url="/parcours/demo/carte", data={"choix": "avec-photo"})
    visitor.post(url="/parcours/demo/serie-avec-photo", data={"valeur": "x"}, follow=False)  # errors shown
    pages = [visitor.page] + [visitor.client.get(url).get_data(as_text=True) for url in urls]
    for page in pages:
        finder = _InlineFinder()
        finder.feed(page)
        assert finder.found == []


# --- The session cookie ----------------------------------------------------------------

def _set_cookie(response) -> str:
    [header] = [h for h in response.headers.getlist("Set-Cookie") if h.startswith("falc=")]
    return header


def test_session_cookie_flags_over_http():
    response = make_app().test_client().get("/parcours/demo")
    cookie = _set_cookie(response)
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")[1:]}
    assert "httponly" in attributes
    assert "samesite=lax" in cookie.lower()
    assert "expires" not in attributes and "max-age" not in attributes, "gone when the browser closes"
    assert "secure" not in attributes


def test_session_cookie_is_secure_when_https_is_set(monkeypatch):
    monkeypatch.setenv("FALC_HTTPS", "1")
    cookie = _set_cookie(make_app().test_client().get("/parcours/demo", base_url=HTTPS))
    assert "secure" in {part.strip().lower() for part in cookie.split(";")[1:]}


def test_https_follows_the_public_url():
    assert settings.from_environment({"FALC_PUBLIC_URL": "https://falc.example/"})["HTTPS"] is True
    assert settings.from_environment({"FALC_PUBLIC_URL": "http://falc.example/"})["HTTPS"] is False
    assert settings.from_environment({"FALC_PUBLIC_URL": "https://x", "FALC_HTTPS": "0"})["HTTPS"] is False


def test_a_person_can_post_over_https_without_a_referer():
    """Referrer-Policy: no-referrer means the browser sends none: posts must still work."""
    visitor = started(make_app(), base_url=HTTPS)
    response = visitor.client.post("/parcours/demo/debut", data={"csrf_token": visitor.token()}, base_url=HTTPS)
    assert response.status_code == 303
    assert response.headers["Location"] == "/parcours/demo/carte"


@pytest.mark.parametrize("site, status", [("cross-site", 400), ("same-site", 400), ("same-origin", 303), (None, 303)])
def test_a_post_from_another_site_is_refused_even_with_a_token(site, status):
    visitor = started(make_app())
    headers = {"Sec-Fetch-Site": site} if site else {}
    response = visitor.client.post("/parcours/demo/debut", data={"csrf_token": visitor.token()}, headers=headers)
    assert response.status_code == status
    if status == 400:
        assert "Cette page n'est plus ouverte" in html.unescape(response.get_data(as_text=True))


# --- CSRF tokens: Flask-WTF's, one secret per session -------------------------------------

def test_each_session_keeps_its_own_token_and_no_other_session_can_use_it():
    app = make_app()
    first, second = started(app), started(app)
    token = first.token()
    first.get("/parcours/demo/debut")
    # Flask-WTF signs the session's secret with a timestamp: a page served a second later
    # carries another signature of the same secret (the part before the first dot).
    later = first.token()
    assert later.split(".")[0] == token.split(".")[0], "the same session, the same secret on every page"
    assert second.token().split(".")[0] != token.split(".")[0]
    assert second.client.post("/parcours/demo/debut", data={"csrf_token": token}).status_code == 400
    assert first.client.post("/parcours/demo/debut", data={"csrf_token": later}).status_code == 303


def test_the_token_is_flask_wtfs_own_signed_with_the_session_keys():
    """No signing of our own: Flask-WTF's validate_csrf, given the session's key list, reads the page's token."""
    from flask_wtf.csrf import validate_csrf

    app = make_app(SECRET_KEY="new-key", SECRET_KEY_FALLBACKS=["old-key"])
    visitor = started(app)
    cookie = visitor.client.get_cookie("falc").value
    assert app.config["WTF_CSRF_SECRET_KEY"] == ["old-key", "new-key"], "signed with the last, all accepted"
    with app.test_request_context(headers={"Cookie": f"falc={cookie}"}):
        validate_csrf(visitor.token())  # raises when not valid
        with pytest.raises(ValidationError):
            validate_csrf(visitor.token(), secret_key="another-key")


def test_a_token_signed_by_another_worker_is_accepted_and_a_changed_one_refused(monkeypatch):
    """A page served by another worker, or another second, carries another signature of
    the same secret, which works too; a changed signature does not."""
    from itsdangerous import URLSafeTimedSerializer

    app = make_app()
    visitor = started(app)
    secret = app.session_interface.get_signing_serializer(app).loads(visitor.client.get_cookie("falc").value)["csrf_token"]
    later = time.time() + 5
    monkeypatch.setattr(time, "time", lambda: later)
    other = URLSafeTimedSerializer("test-secret", salt="wtf-csrf-token").dumps(secret)
    assert other != visitor.token()
    body, signature = visitor.token().rsplit(".", 1)
    changed = f"{body}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"  # (base64's last character has padding bits)
    assert visitor.client.post("/parcours/demo/debut", data={"csrf_token": changed}).status_code == 400
    assert visitor.client.post("/parcours/demo/debut", data={"csrf_token": other}).status_code == 303


def test_with_a_time_limit_a_page_always_carries_a_fresh_token(monkeypatch):
    """Tokens never expire here (WTF_CSRF_TIME_LIMIT is None). Should a time limit be
    set, a page opened later carries a token that is still good."""
    visitor = started(make_app(WTF_CSRF_TIME_LIMIT=60))
    later = time.time() + 600
    monkeypatch.setattr(time, "time", lambda: later)
    visitor.get("/parcours/demo/debut")
    response = visitor.client.post("/parcours/demo/debut", data={"csrf_token": visitor.token()})
    assert response.status_code == 303


@pytest.mark.parametrize("secret", [None, 7, ["x"], "é-not-ascii"])
def test_a_malformed_csrf_secret_in_a_signed_cookie_gets_a_new_one(secret):
    """Only the key's holder could sign such a cookie, but it must never give a 500."""
    app = make_app()
    client = app.test_client()
    signer = app.session_interface.get_signing_serializer(app)
    client.set_cookie("falc", signer.dumps({"csrf_token": secret, "parcours": {"demo": {"j": "demo", "a": {}}}}))
    visitor = Visitor(client)
    assert visitor.get("/parcours/demo/debut").status_code == 200
    response = client.post("/parcours/demo/debut", data={"csrf_token": visitor.token()})
    assert response.status_code == 303


# --- The secret key ----------------------------------------------------------------------

def test_production_refuses_to_start_without_a_key(monkeypatch):
    monkeypatch.setenv("FALC_ENV", "production")
    monkeypatch.delenv("FALC_SECRET_KEY", raising=False)
    with pytest.raises(settings.ConfigError, match="FALC_SECRET_KEY"):
        create_app({"TESTING": True})


def test_production_uses_the_key_from_the_environment(monkeypatch):
    monkeypatch.setenv("FALC_ENV", "production")
    monkeypatch.setenv("FALC_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("FALC_PUBLIC_URL", "https://falc.test")
    assert create_app({"TESTING": True}).secret_key == "from-the-environment"


def test_development_makes_a_key_once_and_keeps_it(tmp_path):
    first, second = {}, {}
    settings.ensure_secret_key(first, tmp_path / "instance")
    settings.ensure_secret_key(second, tmp_path / "instance")
    key_file = tmp_path / "instance" / "secret_key"
    assert len(first["SECRET_KEY"]) >= 32
    assert first["SECRET_KEY"] == second["SECRET_KEY"] == key_file.read_text().strip()
    assert key_file.stat().st_mode & 0o077 == 0, "only the owner can read the key"


def test_development_never_writes_a_key_that_was_given(tmp_path):
    config = {"SECRET_KEY": "given"}
    settings.ensure_secret_key(config, tmp_path / "instance")
    assert config["SECRET_KEY"] == "given" and not (tmp_path / "instance").exists()


def test_key_rotation_keeps_the_journey_and_the_open_page_working():
    """A person in the middle of a journey when the key rotates loses nothing:
    the old cookie is read, the token of the page they have open is accepted,
    and the new cookie is signed with the new key."""
    visitor = started(make_app(SECRET_KEY="old-key"))
    cookie = visitor.client.get_cookie("falc").value
    token = visitor.token()

    rotated = make_app(SECRET_KEY="new-key", SECRET_KEY_FALLBACKS=["old-key"]).test_client()
    rotated.set_cookie("falc", cookie)
    assert rotated.get("/parcours/demo/debut").status_code == 200
    response = rotated.post("/parcours/demo/debut", data={"csrf_token": token})
    assert response.status_code == 303 and response.headers["Location"] == "/parcours/demo/carte"

    new_only = make_app(SECRET_KEY="new-key").test_client()
    new_only.set_cookie("falc", rotated.get_cookie("falc").value)
    assert new_only.get("/parcours/demo/carte").status_code == 200, "re-signed with the new key"

    forgotten = make_app(SECRET_KEY="new-key").test_client()
    forgotten.set_cookie("falc", cookie)
    assert forgotten.get("/parcours/demo/debut").status_code == 400, "without the fallback, the old cookie is gone"


def test_fallback_keys_come_from_the_environment():
    env = {"FALC_SECRET_KEY_FALLBACKS": "older, old ,"}
    assert settings.from_environment(env)["SECRET_KEY_FALLBACKS"] == ["older", "old"]


# --- Hosts, sizes, the proxy, health --------------------------------------------------------

def test_only_trusted_hosts_are_served(monkeypatch):
    monkeypatch.setenv("FALC_TRUSTED_HOSTS", "falc.example, www.falc.example")
    client = create_app({"TESTING": True, "SECRET_KEY": "k"}).test_client()
    assert client.get("/", base_url="http://falc.example").status_code == 200
    assert client.get("/", base_url="http://www.falc.example").status_code == 200
    refused = client.get("/", base_url="http://evil.example")
    assert refused.status_code == 400
    page = refused.get_data(as_text=True)
    assert "Accueil" in page and "Traceback" not in page
    assert refused.headers["Content-Security-Policy"]


def test_any_host_when_none_is_configured(monkeypatch):
    monkeypatch.delenv("FALC_TRUSTED_HOSTS", raising=False)
    assert create_app({"TESTING": True, "SECRET_KEY": "k"}).test_client().get(
        "/", base_url="http://anything.example").status_code == 200


def test_a_post_over_the_size_limit_gets_the_falc_413_page():
    visitor = started(make_app())
    limit = visitor.client.application.config["MAX_CONTENT_LENGTH"]
    assert limit <= 64 * 1024
    response = visitor.client.post("/parcours/demo/debut",
                                   data={"csrf_token": visitor.token(), "x": "a" * (limit + 1)})
    assert response.status_code == 413
    page = html.unescape(response.get_data(as_text=True))
    assert "Ce que j'ai écrit est trop long" in page and ">Accueil</a>" in page


def test_too_many_form_parts_is_refused_gently():
    visitor = started(make_app())
    data = {"csrf_token": visitor.token(), **{f"f{i}": "1" for i in range(200)}}
    response = visitor.client.post("/parcours/demo/debut", data=data, content_type="multipart/form-data")
    assert response.status_code == 413
    assert "Accueil" in response.get_data(as_text=True)


def test_behind_a_proxy_https_is_seen_only_when_proxy_fix_is_on():
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}
    plain = make_app().test_client().get("/", headers=forwarded)
    assert "Strict-Transport-Security" not in plain.headers, "headers from anyone are not trusted"
    proxied = make_app(PROXY_FIX=1).test_client().get("/", headers=forwarded)
    assert "Strict-Transport-Security" in proxied.headers


def test_proxy_fix_setting_is_a_count():
    assert settings.from_environment({})["PROXY_FIX"] == 0
    assert settings.from_environment({"FALC_PROXY_FIX": "2"})["PROXY_FIX"] == 2
    with pytest.raises(settings.ConfigError, match="FALC_PROXY_FIX"):
        settings.from_environment({"FALC_PROXY_FIX": "yes"})


def test_resume_days_setting_is_a_count_of_at_least_one():
    """A wrong FALC_RESUME_DAYS stops the start with one line that names it, not a traceback."""
    assert settings.from_environment({})["RESUME_DAYS"] == settings.DEFAULT_RESUME_DAYS
    assert settings.from_environment({"FALC_RESUME_DAYS": " 7 "})["RESUME_DAYS"] == 7
    for wrong in ("trente", "-3", "0", "2.5"):
        with pytest.raises(settings.ConfigError, match="FALC_RESUME_DAYS"):
            settings.from_environment({"FALC_RESUME_DAYS": wrong})


def test_health_endpoint_for_a_load_balancer():
    response = make_app().test_client().get("/sante")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "journeys": 1}
    assert "Set-Cookie" not in response.headers, "a health check starts no session"


# --- Production needs its public address --------------------------------------------------

def test_production_refuses_to_start_without_a_public_url(monkeypatch):
    monkeypatch.setenv("FALC_ENV", "production")
    monkeypatch.setenv("FALC_SECRET_KEY", "from-the-environment")
    monkeypatch.delenv("FALC_PUBLIC_URL", raising=False)
    with pytest.raises(settings.ConfigError, match="FALC_PUBLIC_URL"):
        create_app({"TESTING": True})


def test_the_serve_command_names_the_missing_public_url(tmp_path):
    """The command a person runs says what is missing in one line, not a traceback."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "FALC_ENV": "production", "FALC_SECRET_KEY": "k", "HOME": str(tmp_path)}
    env.pop("FALC_PUBLIC_URL", None)
    done = subprocess.run([sys.executable, "-m", "falc_wizard.cli", "serve", "--port", "1"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "FALC_PUBLIC_URL" in done.stderr and "Traceback" not in done.stderr


def test_a_public_url_that_is_not_a_web_address_is_refused(monkeypatch):
    monkeypatch.setenv("FALC_PUBLIC_URL", "pas-a-pas.example.fr")
    with pytest.raises(settings.ConfigError, match="FALC_PUBLIC_URL"):
        create_app({"TESTING": True, "SECRET_KEY": "k"})


def test_in_production_the_public_url_host_is_the_trusted_host(monkeypatch):
    monkeypatch.setenv("FALC_ENV", "production")
    monkeypatch.setenv("FALC_SECRET_KEY", "k")
    monkeypatch.setenv("FALC_PUBLIC_URL", "https://pas-a-pas.example.fr/")
    monkeypatch.delenv("FALC_TRUSTED_HOSTS", raising=False)
    app = create_app({"TESTING": True, "STEPS_DIR": FIXTURES / "steps"})
    assert app.config["TRUSTED_HOSTS"] == ["pas-a-pas.example.fr"]
    client = app.test_client()
    assert client.get("/", base_url="https://pas-a-pas.example.fr").status_code == 200
    assert client.get("/", base_url="https://evil.example").status_code == 400
    monkeypatch.setenv("FALC_TRUSTED_HOSTS", "a.example, b.example")
    assert create_app({"TESTING": True, "STEPS_DIR": FIXTURES / "steps"}).config["TRUSTED_HOSTS"] == [
        "a.example", "b.example"], "an explicit list wins"


# --- The "retour" field of /reglages -------------------------------------------------------


def _lands_on_this_site(location: str) -> bool:
    """Where a browser goes with this Location: a path of this site, read as browsers read it."""
    # WHATWG URL parsing: leading/trailing C0 controls and spaces go, tabs and
    # line breaks anywhere go, and "\" is "/" for http(s).
    cleaned = location.strip("".join(map(chr, range(0x21)))).translate({9: None, 10: None, 13: None})
    cleaned = cleaned.replace("\\", "/")
    parts = urlsplit("http://falc.test" + cleaned) if cleaned.startswith("/") else None
    return parts is not None and parts.netloc == "falc.test" and not cleaned.startswith("//")


HOSTILE_RETURNS = [
    "//evil.example", "/\t/evil.example", "/%09/evil.example", "/\\evil.example", "\\\\evil.example",
    "/\\/evil.example", "https://evil.example/", "http:evil.example", "javascript:alert(1)",
    "/a\r\nSet-Cookie: x=1", "/\r\n", "/\n/evil.example", "/%0d%0aX: y", "/ /evil.example",
    "/\x00", "/\x7f", "/\u2028/evil.example", "/%2F/evil.example", "/%5Cevil.example", "", " /", "evil.example",
]


@pytest.mark.parametrize("target", HOSTILE_RETURNS)
def test_a_hostile_return_goes_home(target):
    with make_app().test_request_context():
        assert _safe_return(target) == "/"


@pytest.mark.parametrize("target", ["/", "/parcours/demo/debut?", "/parcours/demo/carte?aide=1",
                                    "/nulle-part?x=%C3%A9", "/fiches?lang=en&j=activer"])
def test_a_page_of_this_site_is_kept(target):
    with make_app().test_request_context():
        assert _safe_return(target) == target


_RETURN_PIECES = st.sampled_from(["/", "//", "\\", "\t", "\r", "\n", "\x00", "\x0b", "\x7f", "\x85", "\u2028",
                                  "%09", "%0a", "%2f", "%5c", "evil.example", "http:", "https://",
                                  "@", ":", "?", "#", " ", "é", "parcours", "."])
RETURN_FIELDS = st.one_of(
    st.text(max_size=40),
    st.lists(_RETURN_PIECES, max_size=8).map("".join),
    st.lists(_RETURN_PIECES, max_size=6).map(lambda pieces: "/" + "".join(pieces)),
)


@hypothesis_settings(max_examples=150, deadline=None)
@given(target=RETURN_FIELDS)
@example(target="/\t/evil.example")
@example(target="/\r\n/evil.example")
@example(target="/\\evil.example")
def test_reglages_never_sends_anyone_to_another_host_nor_fails(target):
    """Whatever the field holds: a 303 to a path of this site (the same path when it is one), never a 5xx."""
    visitor = _settings_visitor()
    response = visitor.client.post("/reglages", data={"csrf_token": visitor.token(), "toggle": "helper",
                                                      "retour": target}, base_url="http://falc.test")
    assert response.status_code == 303
    location = response.headers["Location"]
    assert _lands_on_this_site(location), location
    assert all(0x20 < ord(char) < 0x7F for char in location), "a Location is plain printable ASCII"
    if location != "/":
        assert _same_page(location, target), "back to that very page"


def _same_page(a: str, b: str) -> bool:
    """The same path, query and fragment, once decoded (an empty "?" or "#" says nothing)."""
    parts = lambda url: tuple(unquote(part) for part in urlsplit(url)[2:])
    return parts(a) == parts(b)


@functools.cache
def _settings_visitor():
    """One app and browser for every example (a new app per example would be slow)."""
    return started(make_app(), base_url="http://falc.test")


def test_the_404_page_of_a_tab_path_sends_the_settings_button_home():
    """The report's case: /%09/evil.example, then press a setting."""
    visitor = started(make_app())
    page = html.unescape(visitor.client.get("/%09/evil.example").get_data(as_text=True))
    settings_link = page.split('class="settings-link" href="', 1)[1].split('"', 1)[0]
    settings = html.unescape(visitor.client.get(settings_link).get_data(as_text=True))
    assert 'href="/"' in settings.split("Je reviens", 1)[0].rsplit("<a", 1)[1], "the way back is the home page"
    visitor.page = settings
    response = visitor.client.post("/reglages", data={"csrf_token": visitor.token(), "toggle": "helper",
                                                      "retour": "/\t/evil.example?"})
    assert response.status_code == 303 and response.headers["Location"] == "/"


# --- No redirect points to another host ------------------------------------------------------

@pytest.mark.parametrize("path", ["/parcours//demo", "/static//style.css", "//parcours//demo",
                                  "/pictogrammes//aide.svg?x=1"])
def test_werkzeug_slash_redirects_do_not_echo_the_host(path):
    """Without trusted hosts, merge_slashes' redirect used to be http://<Host header>/..."""
    client = make_app().test_client()
    environ = {"PATH_INFO": path.split("?")[0], "QUERY_STRING": path.partition("?")[2], "HTTP_HOST": "evil.example"}
    response = client.get(environ_overrides=environ)
    assert response.status_code in (301, 308)
    location = response.headers["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\")), location
    assert "evil.example" not in location.split("/")[1:2], location
    assert _lands_on_this_site(location)


@pytest.mark.parametrize("location, expected", [
    ("http://evil.example/a?b=1", "/a?b=1"), ("//evil.example/x", "/x"),
    ("/\\evil.example", "/evil.example"), ("/\t/evil.example", "/"), ("/ok", "/ok"),
])
def test_any_redirect_is_kept_on_this_site(location, expected):
    from flask import Response

    from falc_wizard.web.security import keep_redirects_on_this_site

    with make_app().test_request_context():
        response = keep_redirects_on_this_site(Response(status=302, headers={"Location": location}))
    assert response.headers["Location"] == expected


# --- Resume tokens signed with the real key but of another shape -----------------------------

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=3),
    max_leaves=8,
)
_TOKEN_SHAPES = st.one_of(
    _JSON,
    st.fixed_dictionaries({"j": _JSON | st.just("demo")},
                          optional={"c": _JSON, "n": _JSON, "s": _JSON, "p": _JSON}),
)
_resume_app = functools.cache(make_app)


@hypothesis_settings(max_examples=120, deadline=None)
@given(data=_TOKEN_SHAPES)
@example(data={"j": ["demo"]})
@example(data={"j": {"demo": 1}})
@example(data={"j": "demo", "c": {"a": 1}, "n": [], "s": "x", "p": {"x": [1]}})
def test_a_signed_token_of_any_shape_gets_a_falc_page(data):
    from falc_wizard.web import resume

    app = _resume_app()
    token = resume.serializer(app).dumps(data)
    response = app.test_client().get(f"/r/{token}")
    assert response.status_code < 500
    if response.status_code >= 400:
        assert "Accueil" in response.get_data(as_text=True)
    else:
        assert response.status_code in (302, 303)
        assert response.headers["Location"].startswith("/parcours/demo")


# --- What falc-wizard serve tells waitress ------------------------------------------------------

def test_serve_tells_waitress_to_survive_slow_and_large_requests():
    from falc_wizard import cli

    args = cli.build_parser().parse_args(["serve"])
    options = cli.waitress_options(make_app(), args)
    assert options["connection_limit"] >= 500, "waitress's 100 is what slow clients used up"
    assert options["asyncore_use_poll"] is True, "select() stops at 1024 file descriptors"
    assert options["channel_timeout"] <= 60
    assert make_app().config["MAX_CONTENT_LENGTH"] < options["max_request_body_size"] <= 1024 * 1024
    assert options["clear_untrusted_proxy_headers"] is True, "without FALC_PROXY_FIX, nobody's X-Forwarded-*"
    assert cli.waitress_options(make_app(PROXY_FIX=1), args)["clear_untrusted_proxy_headers"] is False
