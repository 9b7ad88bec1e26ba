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

Each worker also remembers the last cookies it signed or verified
(``KnownCookies``): a person's browser sends the same cookie again and again
(every page until the next answer, and the page after a post carries the
cookie that post signed), and checking its signature and decoding it again was
the largest cost left on a step page. A cookie is only ever matched to the
letter, so a changed one is checked, and refused, as before; its age is still
checked against the session's lifetime.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
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


class KnownCookies:
    """A signing serializer that remembers the cookies it signed or verified, with their payload.

    Only ``loads`` and ``dumps`` are used by Flask's session. A cookie met
    before (the exact same text) gives its payload back without a new HMAC and
    decoding, unless it is older than ``max_age``; any other text goes to the
    real serializer, which checks it. The payload is kept as JSON text and
    read anew each time, so no two requests ever share one mutable session.
    """

    def __init__(self, serializer: URLSafeTimedSerializer, size: int = 2048) -> None:
        self.serializer = serializer
        self.size = size
        self._known: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._lock = threading.Lock()

    def loads(self, cookie: str, max_age: int | None = None) -> Any:
        with self._lock:
            known = self._known.get(cookie)
            if known is not None:
                self._known.move_to_end(cookie)
        if known is not None:
            signed_at, payload = known
            if max_age is None or time.time() - signed_at <= max_age:
                return PlainJSON.loads(payload)
        # Unknown or too old: the real check (BadSignature, SignatureExpired...).
        value, signed_at = self.serializer.loads(cookie, max_age=max_age, return_timestamp=True)
        self._remember(cookie, signed_at.timestamp(), value)
        return value

    def dumps(self, value: Any) -> str:
        signed_at = int(time.time())  # itsdangerous stamps this second, or the next one
        cookie = self.serializer.dumps(value)
        self._remember(cookie, signed_at, value)
        return cookie

    def _remember(self, cookie: str, signed_at: float, value: Any) -> None:
        payload = PlainJSON.dumps(value)
        with self._lock:
            self._known[cookie] = (signed_at, payload)
            self._known.move_to_end(cookie)
            while len(self._known) > self.size:
                self._known.popitem(last=False)

    def __len__(self) -> int:
        return len(self._known)


class SessionCookie(SecureCookieSessionInterface):
    """``SecureCookieSessionInterface`` whose signing serializer is made once per key set (and remembers)."""

    serializer = PlainJSON()

    def __init__(self) -> None:
        self._made: tuple[tuple, KnownCookies | None] | None = None
        self._lock = threading.Lock()

    def get_signing_serializer(self, app: Flask) -> KnownCookies | None:
        # The keys are read on every call, so that a test (or anything) that changes
        # SECRET_KEY after start-up gets a serializer for the new keys, never a stale one.
        keys = (*(app.config.get("SECRET_KEY_FALLBACKS") or ()), app.secret_key)
        made = self._made
        if made is None or made[0] != keys:
            with self._lock:
                serializer = super().get_signing_serializer(app)
                made = (keys, KnownCookies(serializer) if serializer is not None else None)
                self._made = made
        return made[1]


def init_app(app: Flask) -> None:
    app.session_interface = SessionCookie()
