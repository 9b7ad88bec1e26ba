"""Security by default: CSRF on every POST, strict headers, the proxy in front.

The Content-Security-Policy allows no inline script or style at all: the
templates use classes and one stylesheet, and the little JavaScript there is
lives in a static file. Trusted hosts are Flask's own ``TRUSTED_HOSTS`` (set
from ``FALC_TRUSTED_HOSTS`` in config.py).
"""

from __future__ import annotations

import functools
import hmac
import re
from typing import Callable, Iterable
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, g, request, session
from flask_wtf.csrf import CSRFError, CSRFProtect, generate_csrf
from itsdangerous import URLSafeTimedSerializer
from werkzeug.middleware.proxy_fix import ProxyFix

from .config import signing_keys

csrf = CSRFProtect()

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "camera", "microphone", "geolocation", "payment", "usb",
        "interest-cohort", "browsing-topics",
    )
)


#: The files that are the same for everyone (style, script, pictograms). Any other
#: response its view marked ``immutable`` (a file named by its content, as the audio
#: files are) is cacheable too, wherever its path: a new such route needs no entry here.
CACHEABLE = ("/static/", "/pictogrammes/")


#: Every response's headers, unless the view set its own.
SECURITY_HEADERS = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", PERMISSIONS_POLICY),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
HSTS = ("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
NO_STORE = ("Cache-Control", "no-store")


class SecurityHeaders:
    """WSGI middleware: the strict headers on every response the app sends.

    At the WSGI edge rather than in an ``after_request`` hook: the header list
    is a plain list of constant pairs here, where Werkzeug would check each
    value again on every response (a twentieth of a cached step page's time),
    and even a response that never went through Flask's hooks gets them.
    A header the app set itself is kept. Wizard pages (and error pages) are
    about one person: ``no-store``, never kept by a shared tablet's cache; only
    the files themselves (``CACHEABLE``, answered 200 or 304) may be cached.
    """

    def __init__(self, app: Callable) -> None:
        self.app = app

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        def start_with_headers(status: str, headers: list, exc_info=None):
            present = {name.lower() for name, _value in headers}
            extra = [pair for pair in SECURITY_HEADERS if pair[0].lower() not in present]
            # wsgi.url_scheme is the client's once ProxyFix (outside this) has read the proxy's headers.
            if environ.get("wsgi.url_scheme") == "https" and "strict-transport-security" not in present:
                extra.append(HSTS)
            cacheable = status[:3] in ("200", "304") and (
                environ.get("PATH_INFO", "").startswith(CACHEABLE) or _immutable(headers))
            if not cacheable:
                headers = [pair for pair in headers if pair[0].lower() != "cache-control"]
                extra.append(NO_STORE)
            return start_response(status, headers + extra, exc_info)

        return self.app(environ, start_with_headers)


def _immutable(headers: list) -> bool:
    """True when the view said its response never changes (``Cache-Control: ..., immutable``)."""
    return any(name.lower() == "cache-control" and "immutable" in value for name, value in headers)


#: A character a browser strips from a Location (and Werkzeug too).
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def keep_redirects_on_this_site(response: Response) -> Response:
    """Every redirect of the app points to a path of this site, never to a host.

    The app's own redirects are paths (url_for). Werkzeug's routing redirects
    (``/a//b`` to ``/a/b``, merge_slashes) are absolute URLs built from the
    request's Host header: without trusted hosts a forged Host would be echoed
    back, and a shared cache could keep that. So the scheme and host are
    dropped, and ``//`` or ``/\\`` at the start (another host, for a browser)
    becomes one ``/``. A Location with a control character, which browsers and
    Werkzeug strip (``/<tab>/evil`` would become ``//evil``), becomes the home page.
    """
    if response.status_code // 100 != 3:  # a browser follows a Location on a redirect only
        return response
    location = response.headers.get("Location")
    if location is None:
        return response
    if location.startswith("/") and not location.startswith(("//", "/\\")) and not CONTROL.search(location):
        return response  # a path of this site, as every redirect of the app's own views is
    if CONTROL.search(location):
        location = request.script_root + "/"
    parts = urlsplit(location)
    if parts.scheme or parts.netloc:
        location = "/" + parts.path.lstrip("/\\") + (f"?{parts.query}" if parts.query else "")
    elif location.startswith(("/", "\\")):
        location = "/" + location.lstrip("/\\")
    response.headers["Location"] = location
    return response


#: What a browser says about where a request comes from (Fetch Metadata).
#: A post from another site is refused even before its token is looked at.
CROSS_SITE = frozenset({"cross-site", "same-site"})


def well_formed_csrf_secret() -> str | None:
    """The session's CSRF secret, or None; a malformed one is dropped first.

    Flask-WTF compares the session's CSRF secret as a string and fails with a
    TypeError (a 500) on anything else. Only a holder of the key could sign
    such a cookie, but an old or hand-made one must still get a gentle page.
    Read where a token is made (``csrf_token``) or checked (``guard_posts``),
    not on every request: touching the session costs every response a
    ``Vary: Cookie`` and a tenth of a cheap request's time.
    """
    secret = session.get("csrf_token")
    if isinstance(secret, str) and secret.isascii():
        return secret
    if "csrf_token" in session:
        # hmac.compare_digest refuses non-ASCII text: such a secret is not ours anyway.
        session.pop("csrf_token")
    return None


#: Methods that change nothing: never checked for a token.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def guard_posts() -> None:
    """Every post must come from this site and carry a valid CSRF token.

    Sec-Fetch-Site is defence in depth: Referer and Origin are useless here
    (Referrer-Policy: no-referrer blanks them), but a browser's Fetch Metadata
    is not, so a post from another site is refused before its token is looked
    at. Then Flask-WTF's own check (``protect``), called here rather than from
    its hook for every request (``WTF_CSRF_CHECK_DEFAULT`` is off): a GET, nine
    requests in ten, skips it all at the first line.
    """
    if request.method in SAFE_METHODS:
        return
    if request.headers.get("Sec-Fetch-Site") in CROSS_SITE:
        raise CSRFError("The post comes from another site.")
    if current_app.config["WTF_CSRF_ENABLED"]:
        kept = _kept_token(well_formed_csrf_secret())
        posted = request.form.get("csrf_token")
        if kept is not None and isinstance(posted, str) and hmac.compare_digest(posted.encode(), kept.encode()):
            return  # the very token this worker signed for this session's secret: valid
        if request.endpoint is None:
            return  # no such page: routing answers 404 or 405 (as Flask-WTF's own hook does)
        # Without arguments: ``protect(apply_exemptions=...)`` is Flask-WTF 1.3's only,
        # and pyproject allows 1.2 (no view of the app is exempt anyway).
        csrf.protect()


def csrf_keys(config) -> str | list[str]:
    """The keys that sign CSRF tokens. Flask's session honours
    SECRET_KEY_FALLBACKS, Flask-WTF does not: without this, rotating the key
    would make the page a person has open refuse its next click. itsdangerous
    signs with the last key of a list and accepts all of them."""
    keys = signing_keys(config)
    return keys if len(keys) > 1 else keys[0]


@functools.lru_cache(maxsize=4096)
def _signed(keys: str | tuple[str, ...], secret: str) -> str:
    return URLSafeTimedSerializer(list(keys) if isinstance(keys, tuple) else keys,
                                  salt="wtf-csrf-token").dumps(secret)


def _kept_token(secret: str | None) -> str | None:
    """The token signed once for this session's ``secret``; None where a token must be made fresh.

    Flask-WTF signs the session's secret again on every page (a new serializer,
    a timestamp, an HMAC: a sixth of a cached step page's time) and checks a
    posted token by unsigning it. Tokens never expire here
    (``WTF_CSRF_TIME_LIMIT`` is None: a slow person is never refused), so the
    token signed for a secret the first time is as good as a new one: each
    worker keeps the last few thousand, by secret. With a time limit set, every
    page gets a fresh token and every post is checked by Flask-WTF, as before.
    """
    config = current_app.config
    if (secret is None or config.get("WTF_CSRF_TIME_LIMIT") is not None
            or config.get("WTF_CSRF_FIELD_NAME", "csrf_token") != "csrf_token"):
        return None
    keys = config["WTF_CSRF_SECRET_KEY"]
    return _signed(tuple(keys) if isinstance(keys, list) else keys, secret)


def csrf_token() -> str:
    """This request's CSRF token, as Flask-WTF's ``generate_csrf`` gives it, signed once per session."""
    if "csrf_token" in g:
        return g.csrf_token
    token = _kept_token(well_formed_csrf_secret())
    if token is None:
        return generate_csrf()
    g.csrf_token = token
    return token


def init_app(app: Flask) -> None:
    app.config.setdefault("WTF_CSRF_SECRET_KEY", csrf_keys(app.config))
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False  # guard_posts calls Flask-WTF's check, for posts only
    app.config.setdefault("WTF_CSRF_ENABLED", True)
    csrf.init_app(app)
    app.before_request(guard_posts)
    app.wsgi_app = SecurityHeaders(app.wsgi_app)
    app.after_request(keep_redirects_on_this_site)
    proxies = app.config.get("PROXY_FIX") or 0
    if proxies:
        # Behind a TLS-terminating proxy the app sees plain HTTP from the proxy:
        # trust that many proxies' X-Forwarded-* headers, so that
        # request.is_secure (HSTS) and the client's host are the real ones.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies,
                                x_host=proxies, x_port=proxies, x_prefix=proxies)
