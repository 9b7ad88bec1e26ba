"""QR codes: inline SVG for pages, PNG (Pillow) for download, and the public links they carry.

A QR code on paper outlives the request that printed it, so its link is built
from a configured address, never from the request's Host header (a forged
Host would otherwise print a sheet that sends people to someone else's site).

Rendering is cached by the link's text: the all-journeys sheet draws the same
few codes again and again, and a QR code only depends on its text.
"""

from __future__ import annotations

import functools
import io
import socket
from urllib.parse import urlsplit

import qrcode
from flask import Flask, current_app, has_request_context, request, url_for
from markupsafe import Markup, escape

#: Used when no public address is configured and the app was not started by
#: ``falc-wizard serve``: the serve command's own default address.
DEFAULT_SERVED_URL = "http://127.0.0.1:8000"

#: Error correction M (15 %): survives a crease or a smudge on a printed sheet
#: while keeping the code small enough to scan from a tablet's camera.
_ERROR_CORRECTION = qrcode.constants.ERROR_CORRECT_M
#: The quiet zone the QR standard asks for, in modules.
QUIET_ZONE = 4



def public_base(app: Flask | None = None) -> str:
    """The address printed links start with, without a trailing slash.

    In order: ``PUBLIC_URL`` (setting ``FALC_PUBLIC_URL``); Flask's ``SERVER_NAME``
    with ``PREFERRED_URL_SCHEME``; ``SERVED_URL``, the address ``falc-wizard serve``
    (or a test server) listens on; else the serve command's default address.
    Never the request: the Host header is chosen by whoever sends the request.
    """
    config = (app or current_app).config
    if config.get("PUBLIC_URL"):
        return str(config["PUBLIC_URL"]).rstrip("/")
    if config.get("SERVER_NAME"):
        scheme = config.get("PREFERRED_URL_SCHEME") or "http"
        root = (config.get("APPLICATION_ROOT") or "/").rstrip("/")
        return f"{scheme}://{config['SERVER_NAME']}{root}"
    if config.get("SERVED_URL"):
        return str(config["SERVED_URL"]).rstrip("/")
    return DEFAULT_SERVED_URL


def served_url(host: str, port: int) -> str:
    """The address ``falc-wizard serve --host --port`` answers on, as another device would use it.

    A wildcard host (0.0.0.0, ::) is not an address: the machine's name stands
    in for it. A real deployment sets ``FALC_PUBLIC_URL`` instead.
    """
    if host in ("0.0.0.0", "::", ""):
        host = socket.gethostname()
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def public_url(endpoint: str, **values) -> str:
    """An absolute link to ``endpoint`` on the public address (for paper and other devices)."""
    path = url_for(endpoint, **values)
    if has_request_context() and request.script_root and path.startswith(request.script_root):
        # The public address already holds the prefix the app is mounted under.
        path = path[len(request.script_root):]
    return public_base() + path


def display_url(url: str) -> str:
    """The link as a person types it: without 'https://', which browsers add themselves."""
    parts = urlsplit(url)
    return url[len(parts.scheme) + 3:] if parts.scheme in ("http", "https") else url


def _matrix_path(text: str) -> tuple[str, int]:
    """The QR code's dark modules as one SVG path, and its size in modules.

    Each run of dark modules in a row is one rectangle: qrcode's own path factory
    draws one square a module, three times the bytes on every page that shows a code."""
    code = qrcode.QRCode(error_correction=_ERROR_CORRECTION, border=QUIET_ZONE)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            runs.append(f"M{start},{y}h{x - start}v1h-{x - start}z")
    return "".join(runs), len(matrix)


@functools.lru_cache(maxsize=256)
def _svg_text(text: str) -> str:
    d, size = _matrix_path(text)
    # A white square under the code keeps the quiet zone light in high-contrast
    # mode and in print; fill= attributes, never style= (strict CSP).
    return (
        f'<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'role="img" aria-label="{{label}}" shape-rendering="crispEdges">'
        f'<rect width="{size}" height="{size}" fill="#ffffff"/>'
        f'<path d="{d}" fill="#000000"/></svg>'
    )


def qr_svg(text: str, label: str) -> Markup:
    """An inline SVG QR code of ``text``; ``label`` is its text alternative."""
    return Markup(_svg_text(text).replace("{label}", str(escape(label)), 1))


@functools.lru_cache(maxsize=64)
def qr_png(text: str, box_size: int = 20) -> bytes:
    """A PNG of the QR code of ``text`` (Pillow), large enough for a poster."""
    image = qrcode.make(
        text,
        error_correction=_ERROR_CORRECTION,
        border=QUIET_ZONE,
        box_size=box_size,
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def clear_cache() -> None:
    """Forget every rendered code (for the benchmark's cold run)."""
    _svg_text.cache_clear()
    qr_png.cache_clear()
