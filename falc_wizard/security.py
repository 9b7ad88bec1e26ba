"""Security by default: CSRF on every POST, strict headers, the proxy in front.

The Content-Security-Policy allows no inline script or style at all: the
templates use classes and one stylesheet, and the little JavaScript there is
lives in a static file. Trusted hosts are Flask's own ``TRUSTED_HOSTS`` (set
from ``FALC_TRUSTED_HOSTS`` in config.py).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, request, session
from flask_wtf.csrf import CSRFError, CSRFProtect
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


#: The files that are the same for everyone (style, script, pictograms).
CACHEABLE = ("/static/", "/pictogrammes/")


def add_security_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "no-referrer")
    headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
    if not (request.path.startswith(CACHEABLE) and response.status_code in (200, 304)):
        # Wizard pages (and error pages) are about one person: never kept by a
        # shared tablet's cache. Only the files themselves may be cached.
        headers["Cache-Control"] = "no-store"
    return response


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
    location = response.headers.get("Location")
    if location is None:
        return response
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in location):
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


def refuse_cross_site_posts() -> None:
    """Defence in depth for CSRF: Referer and Origin are useless here
    (Referrer-Policy: no-referrer blanks them), but Sec-Fetch-Site is not."""
    if request.method == "POST" and request.headers.get("Sec-Fetch-Site") in CROSS_SITE:
        raise CSRFError("The post comes from another site.")


def drop_a_malformed_csrf_secret() -> None:
    """Flask-WTF compares the session's CSRF secret as a string and fails with a
    TypeError (a 500) on anything else. Only a holder of the key could sign
    such a cookie, but an old or hand-made one must still get a gentle page."""
    secret = session.get("csrf_token")
    if "csrf_token" in session and (not isinstance(secret, str) or not secret.isascii()):
        # hmac.compare_digest refuses non-ASCII text: such a secret is not ours anyway.
        session.pop("csrf_token")


def csrf_keys(config) -> str | list[str]:
    """The keys that sign CSRF tokens. Flask's session honours
    SECRET_KEY_FALLBACKS, Flask-WTF does not: without this, rotating the key
    would make the page a person has open refuse its next click. itsdangerous
    signs with the last key of a list and accepts all of them."""
    keys = signing_keys(config)
    return keys if len(keys) > 1 else keys[0]


def init_app(app: Flask) -> None:
    app.config.setdefault("WTF_CSRF_SECRET_KEY", csrf_keys(app.config))
    app.before_request(refuse_cross_site_posts)
    app.before_request(drop_a_malformed_csrf_secret)
    csrf.init_app(app)
    app.after_request(add_security_headers)
    app.after_request(keep_redirects_on_this_site)
    proxies = app.config.get("PROXY_FIX") or 0
    if proxies:
        # Behind a TLS-terminating proxy the app sees plain HTTP from the proxy:
        # trust that many proxies' X-Forwarded-* headers, so that
        # request.is_secure (HSTS) and the client's host are the real ones.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies,
                                x_host=proxies, x_port=proxies, x_prefix=proxies)
