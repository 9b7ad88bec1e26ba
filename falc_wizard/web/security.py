"""Security by default: CSRF on every POST, strict headers, the proxy in front.

CSRF is Flask-WTF's ``CSRFProtect`` as shipped (its hook checks every post, its
``generate_csrf`` makes each page's token), with a Fetch Metadata check in front
of it and the session's key list (``SECRET_KEY_FALLBACKS``) for its signatures.

The Content-Security-Policy allows no inline script or style at all: the
templates use classes and one stylesheet, and the little JavaScript there is
lives in a static file. Trusted hosts are Flask's own ``TRUSTED_HOSTS`` (set
from ``FALC_TRUSTED_HOSTS`` in config.py).
"""

from __future__ import annotations

import re
from typing import Callable, Iterable
from urllib.parse import urlsplit

from flask import Flask, Response, request, session
from flask_wtf.csrf import CSRFError, CSRFProtect, generate_csrf
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
    value again on every response, and even a response that never went through
    Flask's hooks gets them.
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
    TypeError (a 500) on anything else, non-ASCII text included
    (``hmac.compare_digest``). Only a holder of the key could sign such a
    cookie, but an old or hand-made one must still get a gentle page: dropped
    here, Flask-WTF makes a new secret for the next page, and a post carrying
    it is refused as any post without a valid token.
    """
    secret = session.get("csrf_token")
    if isinstance(secret, str) and secret.isascii():
        return secret
    if "csrf_token" in session:
        session.pop("csrf_token")
    return None


#: Methods that change nothing: never checked for a token.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def refuse_posts_from_other_sites() -> None:
    """A post must come from this site; its token is then checked by Flask-WTF's own hook.

    Sec-Fetch-Site is defence in depth: Referer and Origin are useless here
    (Referrer-Policy: no-referrer blanks them), but a browser's Fetch Metadata
    is not, so a post from another site is refused before its token is looked
    at. A malformed CSRF secret is dropped here too, before ``CSRFProtect``
    (registered after this hook) compares the posted token with it.
    """
    if request.method in SAFE_METHODS:
        return
    if request.headers.get("Sec-Fetch-Site") in CROSS_SITE:
        raise CSRFError("The post comes from another site.")
    well_formed_csrf_secret()


def csrf_keys(config) -> str | list[str]:
    """The keys that sign CSRF tokens (``WTF_CSRF_SECRET_KEY``).

    Flask's session honours ``SECRET_KEY_FALLBACKS``; Flask-WTF (1.3) reads only
    ``WTF_CSRF_SECRET_KEY`` or ``SECRET_KEY``, and hands it to itsdangerous as it
    is. itsdangerous signs with the last key of a list and accepts all of them:
    given the same list as the session, a rotated key does not make the page a
    person has open refuse its next click.
    """
    keys = signing_keys(config)
    return keys if len(keys) > 1 else keys[0]


def csrf_token() -> str:
    """This request's CSRF token: Flask-WTF's ``generate_csrf``, after dropping a malformed secret."""
    well_formed_csrf_secret()
    return generate_csrf()


def init_app(app: Flask) -> None:
    app.config.setdefault("WTF_CSRF_SECRET_KEY", csrf_keys(app.config))
    # Before Flask-WTF's own hook, which checks every post's token.
    app.before_request(refuse_posts_from_other_sites)
    csrf.init_app(app)
    app.wsgi_app = SecurityHeaders(app.wsgi_app)
    app.after_request(keep_redirects_on_this_site)
    proxies = app.config.get("PROXY_FIX") or 0
    if proxies:
        # Behind a TLS-terminating proxy the app sees plain HTTP from the proxy:
        # trust that many proxies' X-Forwarded-* headers, so that
        # request.is_secure (HSTS) and the client's host are the real ones.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies,
                                x_host=proxies, x_port=proxies, x_prefix=proxies)
