"""gzip for browsers that accept it: pages, the stylesheet, the script, the pictograms.

A tablet on a weak mobile connection waits for bytes, not for the server: a step
screen with its assets is about 30 KB as written and about a third of that
compressed. Only text is compressed (HTML, CSS, JavaScript, SVG, JSON); a
response that is small, partial, already encoded or a 304 goes as it is.

Static files are the same for everyone and never change while the app runs,
so their compressed bytes are kept (by path and ETag); pages are compressed per
response (they hold the person's CSRF token), at a fast level.
"""

from __future__ import annotations

import functools
import gzip
import threading

from flask import Flask, Response, request
from werkzeug.datastructures import Accept
from werkzeug.http import parse_accept_header

#: Below this, gzip's header and the CPU cost more than they save.
MIN_SIZE = 500

COMPRESSIBLE = ("text/html", "text/css", "text/javascript", "application/javascript",
                "image/svg+xml", "application/json", "text/plain")

#: Level 6 for files kept once; 1 for pages, compressed on every response (they hold
#: the person's CSRF token). Measured on the deepest step of activer (3.9 KB): level 1
#: gives 1 624 bytes in 24 µs, level 5 gives 1 508 bytes in 56 µs, a tenth of the
#: whole request's CPU for 116 bytes, less than one network packet.
STATIC_LEVEL, PAGE_LEVEL = 6, 1


def accepts_gzip() -> bool:
    """True when the request's Accept-Encoding accepts gzip, with a quality above 0
    (``gzip;q=0`` refuses it; ``*`` accepts it): Werkzeug's own parser reads it."""
    header = request.environ.get("HTTP_ACCEPT_ENCODING", "")
    return bool(header) and _gzip_quality(header) > 0


@functools.lru_cache(maxsize=256)
def _gzip_quality(header: str) -> float:
    """gzip's quality in an Accept-Encoding header, parsed once per header text
    (browsers send a handful of different ones; this runs on every response)."""
    return parse_accept_header(header, Accept)["gzip"]


_files: dict[tuple[str, str], bytes] = {}
_files_lock = threading.Lock()


def _compressed_file(path: str, etag: str, data: bytes) -> bytes:
    """A static file's compressed bytes, kept by path and ETag (a changed file has a new ETag)."""
    key = (path, etag)
    body = _files.get(key)
    if body is None:
        body = gzip.compress(data, STATIC_LEVEL, mtime=0)
        with _files_lock:
            if len(_files) > 512:  # far above the files there are
                _files.clear()
            _files[key] = body
    return body


def add_vary(response: Response, name: str) -> None:
    """Add ``name`` to the response's Vary header (Werkzeug's ``response.vary``
    parses the header into a set and writes it back: costly on every response)."""
    vary = response.headers.get("Vary")
    if not vary:
        response.headers["Vary"] = name
    elif name.lower() not in (item.strip().lower() for item in vary.split(",")):
        response.headers["Vary"] = f"{vary}, {name}"


def compress(response: Response) -> Response:
    add_vary(response, "Accept-Encoding")
    # The cheapest test first: most of what fails, fails here.
    if response.status_code != 200 or not accepts_gzip():
        return response
    headers = response.headers
    if (
        response.mimetype not in COMPRESSIBLE
        or "Content-Encoding" in headers
        or "Content-Range" in headers
    ):
        return response
    response.direct_passthrough = False  # a static file: read it here
    data = response.get_data()
    if len(data) < MIN_SIZE:
        return response
    etag, _weak = response.get_etag()
    if etag is None:  # a page: made for this response
        body = gzip.compress(data, PAGE_LEVEL, mtime=0)
    else:  # a file: the same for everyone
        body = _compressed_file(request.path, etag, data)
        # Another representation of the same file: a weak ETag (RFC 9110 8.8.1),
        # which If-None-Match still matches, so a browser's 304 keeps working.
        response.set_etag(etag, weak=True)
    response.set_data(body)
    response.headers["Content-Encoding"] = "gzip"
    return response


def init_app(app: Flask) -> None:
    app.after_request(compress)
