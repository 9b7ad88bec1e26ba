"""Security by default: each header, each cookie flag, the key rules, hosts, limits, the proxy."""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from support import FIXTURES, Visitor
from falc_wizard import config as settings
from falc_wizard import create_app

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


# --- The secret key ----------------------------------------------------------------------

def test_production_refuses_to_start_without_a_key(monkeypatch):
    monkeypatch.setenv("FALC_ENV", "production")
    monkeypatch.delenv("FALC_SECRET_KEY", raising=False)
    with pytest.raises(settings.ConfigError, match="FALC_SECRET_KEY"):
        create_app({"TESTING": True})


def test_production_uses_the_key_from_the_environment(monkeypatch):
    monkeypatch.setenv("FALC_ENV", "production")
    monkeypatch.setenv("FALC_SECRET_KEY", "from-the-environment")
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


def test_health_endpoint_for_a_load_balancer():
    response = make_app().test_client().get("/sante")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "journeys": 1}
    assert "Set-Cookie" not in response.headers, "a health check starts no session"
