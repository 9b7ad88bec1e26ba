"""Security by default: CSRF on every POST, strict headers, trusted hosts.

The Content-Security-Policy allows no inline script or style at all: the
templates use classes and one stylesheet, and the little JavaScript there is
lives in a static file.
"""

from __future__ import annotations

from flask import Flask, Response, request
from flask_wtf.csrf import CSRFProtect

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
    if not request.path.startswith("/static/") and not request.path.startswith("/pictogrammes/"):
        # Wizard pages are about one person: never kept by a shared tablet's cache.
        headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    csrf.init_app(app)
    app.after_request(add_security_headers)
