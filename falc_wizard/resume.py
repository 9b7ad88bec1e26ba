"""Signed, expiring "continue later" tokens: the journey, its choices, the step. Nothing else.

A person who stops half-way takes a QR code or a short link and goes on later,
maybe on another device. The token carries only what the session cookie
carries (``engine.State.to_dict()``: ids and choices, never a typed value)
plus the step id, signed with the app's secret key so it cannot be changed,
and dated so that it stops working after ``RESUME_DAYS`` days.

Reading a token back never trusts it more than a cookie: ``State.from_dict``
keeps only the answers the journey allows now, and the step is resolved by
the engine like any URL.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from flask import Flask, current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from . import engine
from .journeys import Journey

SALT = "resume"

#: Far above any real token (the longest journey's path fits in a few hundred
#: characters): a longer one is refused before anything is decoded.
MAX_TOKEN_LENGTH = 1500


@dataclass(frozen=True)
class Resumed:
    """A token read back: the state to restore and the step to open."""

    state: engine.State
    step_id: str


class TokenError(ValueError):
    """A token that is changed, expired or not ours; ``journey_id`` when it is still known."""

    def __init__(self, reason: str, journey_id: str | None = None):
        super().__init__(reason)
        self.journey_id = journey_id


def serializer(app: Flask | None = None) -> URLSafeTimedSerializer:
    """Signs with SECRET_KEY; still reads tokens signed with a key in SECRET_KEY_FALLBACKS."""
    config = (app or current_app).config
    # itsdangerous signs with the last key and accepts every key in the list.
    keys = [*config.get("SECRET_KEY_FALLBACKS", []), config["SECRET_KEY"]]
    return URLSafeTimedSerializer(keys, salt=SALT)


def max_age(app: Flask | None = None) -> int:
    return int((app or current_app).config.get("RESUME_DAYS", 30)) * 24 * 3600


def make_token(state: engine.State, step_id: str, app: Flask | None = None) -> str:
    """A token for ``state`` at ``step_id``: ids and choices only."""
    return serializer(app).dumps({**state.to_dict(), "s": step_id})


def read_token(token: str, journeys: dict[str, Journey], app: Flask | None = None) -> Resumed:
    """The state and step of a valid token; ``TokenError`` for any other."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise TokenError("bad length")
    signer = serializer(app)
    try:
        data = signer.loads(token, max_age=max_age(app))
    except SignatureExpired as expired:
        # The signature is good, only old: the journey is known for sure.
        raise TokenError("expired", _journey_of(_decode(signer, expired.payload), journeys)) from None
    except BadSignature:
        # Changed: the journey it names is only a hint, used for a "start again" link.
        _valid, data = signer.loads_unsafe(token)
        raise TokenError("bad signature", _journey_of(data, journeys)) from None
    journey = journeys.get(data.get("j")) if isinstance(data, dict) else None
    if journey is None:
        raise TokenError("unknown journey")
    state = engine.State.from_dict(data, journey)
    step_id = data.get("s")
    if not isinstance(step_id, str) or journey.step(step_id) is None:
        step_id = journey.first
    return Resumed(state, engine.resolve(journey, state, step_id))


def _decode(signer: URLSafeTimedSerializer, payload) -> object:
    try:
        return signer.load_payload(payload)
    except Exception:  # a payload that is not ours: no journey to offer
        return None


def _journey_of(data: object, journeys: dict[str, Journey]) -> str | None:
    journey_id = data.get("j") if isinstance(data, dict) else None
    return journey_id if isinstance(journey_id, str) and journey_id in journeys else None


_TOKEN_IN_LOG = re.compile(r"(/r/)([A-Za-z0-9_\-.]{6})[A-Za-z0-9_\-.]*")
_NOTE_IN_LOG = re.compile(r"([?&]note=)[^&\s\"]*")


class RedactFilter(logging.Filter):
    """Keeps full resume tokens and the workers' notes out of request logs.

    Werkzeug's server (``serve --debug``, the browser tests' live server) logs
    the whole request line; a token is a key to a person's journey, so only its
    first characters are kept. Under waitress, accesslog.py writes no token at all.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _NOTE_IN_LOG.sub(r"\1…", _TOKEN_IN_LOG.sub(r"\1\2…", message))
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def install_log_filter() -> None:
    """On werkzeug's request logger; idempotent."""
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, RedactFilter) for f in logger.filters):
        logger.addFilter(RedactFilter())
