"""gzip for browsers that accept it: Flask-Compress, with Accept-Encoding read as RFC 9110 reads it.

A tablet on a weak mobile connection waits for bytes, not for the server: a step
screen with its assets is about 30 KB as written and about a third of that
compressed. Flask-Compress compresses text (HTML, CSS, JavaScript, SVG, JSON) of
500 bytes or more, adds ``Vary: Accept-Encoding``, gives a compressed file its
own ETag and answers its ``If-None-Match`` with a 304. ``falc-wizard serve``
(waitress) and any other server of the app send it compressed; a reverse proxy
in front may compress instead (it then sees an encoded response and leaves it).

Two things are decided here, before Flask-Compress is asked:
- gzip only where Werkzeug's reading of Accept-Encoding gives it a quality above
  0: Flask-Compress (1.25) takes ``gzip;q=0`` as a choice of gzip, where the
  header means "never gzip";
- a full answer only (200): a partial file (206, ``Content-Range``) goes as it is.
"""

from __future__ import annotations

from flask import Flask, Response, request
from flask_compress import Compress

SETTINGS = {
    # gzip alone: every browser accepts it, and it is in Python's standard library.
    "COMPRESS_ALGORITHM": ["gzip"],
    # Every response is compressed anew (a page holds its person's CSRF token; files are not
    # kept compressed): level 1 compresses a step page in about a third of level 6's time,
    # for a few percent more bytes (benchmarks/README.md).
    "COMPRESS_LEVEL": 1,
    # Files (the stylesheet, scripts, pictograms) are sent as streams by send_file.
    "COMPRESS_ALGORITHM_STREAMING": ["gzip"],
    # Their 304s: Flask's static files and the pictograms.
    "COMPRESS_STREAMING_ENDPOINT_CONDITIONAL": ["static", "pages.pictogram"],
}


class Compression(Compress):
    """Flask-Compress, asked only where the browser accepts gzip and the answer is whole."""

    def after_request(self, response: Response) -> Response:
        if (request.accept_encodings["gzip"] > 0 and response.status_code == 200
                and "Content-Range" not in response.headers):
            return super().after_request(response)
        response.vary.add("Accept-Encoding")
        return response


compress = Compression()


def init_app(app: Flask) -> None:
    for name, value in SETTINGS.items():
        app.config.setdefault(name, value)
    compress.init_app(app)
