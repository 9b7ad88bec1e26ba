"""The session cookie: Flask's own signed cookie, with its signer made once, in plain JSON.

Flask builds a new ``URLSafeTimedSerializer`` for every request that opens or
saves a session (itsdangerous then checks the JSON serializer by dumping an
empty dict, and the signer is set up again). On a step page, a small page
served from the page cache, that set-up was a tenth of the request's time. The
keys are fixed for the life of the app, so the serializer is made once per set
of keys and kept; the cookie's format, its signature, its key rotation
(``SECRET_KEY_FALLBACKS``) and its flags are Flask's, unchanged.

The payload is plain JSON rather than Flask's tagged JSON: the session holds
only ids, words and flags (the state store, the language, the display
settings, the CSRF secret), and tagged JSON scans every value of every
dictionary for a tag on each read. A cookie written by the tagged serializer
reads the same (plain JSON is what it writes for these values).
"""

from __future__ import annotations

import json
import threading
from typing import Any

from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer


class PlainJSON:
    """The session's payload serializer: compact JSON of dicts, lists, text, numbers and booleans."""

    @staticmethod
    def dumps(value: Any) -> str:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)

    @staticmethod
    def loads(text: str | bytes) -> Any:
        return json.loads(text)


class SessionCookie(SecureCookieSessionInterface):
    """``SecureCookieSessionInterface`` whose signing serializer is made once per key set."""

    serializer = PlainJSON()

    def __init__(self) -> None:
        self._made: tuple[tuple, URLSafeTimedSerializer | None] | None = None
        self._lock = threading.Lock()

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        # The keys are read on every call, so that a test (or anything) that changes
        # SECRET_KEY after start-up gets a serializer for the new keys, never a stale one.
        keys = (*(app.config.get("SECRET_KEY_FALLBACKS") or ()), app.secret_key)
        made = self._made
        if made is None or made[0] != keys:
            with self._lock:
                made = (keys, super().get_signing_serializer(app))
                self._made = made
        return made[1]


def init_app(app: Flask) -> None:
    app.session_interface = SessionCookie()
