"""Signed, expiring "continue later" tokens: the journey, its choices, the step. Nothing else.

A person who stops half-way takes a QR code or a short link and goes on later,
maybe on another device. The token carries only what the session cookie
carries (``engine.State``: ids and choices, never a typed value) plus the step
to open, signed with the app's secret key so it cannot be changed, and dated
so that it stops working after ``RESUME_DAYS`` days.

Steps and choices are named by their ids, never by their place: a link given
out before the content changed must not open one step too far, nor mark done
a screen the person never saw. Each id is written as a short digest of it
(``name``: 4 characters), which keeps the link, and its QR code, small. Read
back, the token is walked on the journey as it is now (``expand``): a step
still there and still on the path is done again, a step removed from the
content since is passed over, and anything else (a new screen, another step, a
renamed choice) stops the walk there, at the first screen the person has not
done. The link opens its step if it is still on that path, else the last step
of the person's path that still is; if none is, the gentle "start again" page.

Reading a token back never trusts it more than a cookie: ``State.from_dict``
keeps only the answers the journey allows now, and the step is resolved by
the engine like any URL. Its size is bounded before anything is decoded, and
its payload before it is inflated.
"""

from __future__ import annotations

import base64
import hashlib
import zlib
from dataclasses import dataclass

from flask import Flask, current_app
from itsdangerous import BadPayload, BadSignature, SignatureExpired, URLSafeTimedSerializer
from itsdangerous.encoding import base64_decode
from itsdangerous.serializer import Serializer

from .. import engine
from ..content import DONE, Journey
from .config import DEFAULT_RESUME_DAYS, signing_keys

SALT = "resume"

#: Far above any real token (the longest journey's path fits in a few hundred
#: characters): a longer one is refused before anything is decoded.
MAX_TOKEN_LENGTH = 1500

#: The most a token's payload may inflate to (a real one is under 400 bytes): a
#: short link could otherwise hold a megabyte of compressed text.
MAX_PAYLOAD = 4096

#: The token's format: steps and choices by id (``name``). Links without it named
#: them by place, which a change of the content shifts: they are not read.
FORMAT = 2

#: Between a choice step's name and the name of the choice made (not a character of ``name``).
CHOSE = "~"


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


class _Serializer(URLSafeTimedSerializer):
    """itsdangerous's URL-safe timed serializer, whose payload is never inflated beyond ``MAX_PAYLOAD``.

    Its own ``load_payload`` inflates a compressed payload whole, and reading the
    journey of a token with a bad signature (``loads_unsafe``) does so before
    any signature says the payload is ours."""

    def load_payload(self, payload: bytes, *args, **kwargs):
        compressed = payload.startswith(b".")
        try:
            data = base64_decode(payload[1:] if compressed else payload)
        except Exception as error:
            raise BadPayload("Could not base64 decode the payload.", original_error=error) from None
        if compressed:
            inflater = zlib.decompressobj()
            try:
                data = inflater.decompress(data, MAX_PAYLOAD)
            except zlib.error as error:
                raise BadPayload("Could not zlib decompress the payload.", original_error=error) from None
            if inflater.unconsumed_tail:
                raise BadPayload("The payload is larger than a token's.")
        elif len(data) > MAX_PAYLOAD:
            raise BadPayload("The payload is larger than a token's.")
        return Serializer.load_payload(self, data, *args, **kwargs)


def serializer(app: Flask | None = None) -> URLSafeTimedSerializer:
    """Signs with SECRET_KEY; still reads tokens signed with a key in SECRET_KEY_FALLBACKS."""
    return _Serializer(signing_keys((app or current_app).config), salt=SALT)


def lifetime_days(app: Flask | None = None) -> int:
    """How many days a link works (``FALC_RESUME_DAYS``)."""
    return int((app or current_app).config.get("RESUME_DAYS", DEFAULT_RESUME_DAYS))


def max_age(app: Flask | None = None) -> int:
    return lifetime_days(app) * 24 * 3600


def name(identifier: str) -> str:
    """A step's or a choice's id as a token writes it: 4 characters (24 bits) of its SHA-256.

    Always the same for the same id, and another for another id but once in
    16 million: a link is only ever compared with the few steps and choices
    the journey has now, so a short name is enough, and the QR code stays small.
    """
    return base64.urlsafe_b64encode(hashlib.sha256(identifier.encode()).digest()[:3]).decode()


def compact(walk: engine.Walk) -> dict:
    """The state as a token carries it: the steps done, in path order, by name, each
    choice step with the name of the choice made (``expand`` reads it back)."""
    state = walk.state
    done = "".join(
        name(step_id) + (CHOSE + name(state.answers[step_id]) if state.answers[step_id] != DONE else "")
        for step_id in walk.steps
        if step_id in state.answers
    )
    data: dict = {"v": FORMAT, "j": state.journey_id, "d": done}
    if state.practice:
        data["p"] = 1
    return data


def _done_steps(data: dict) -> list[tuple[str, str | None]]:
    """``compact``'s list read back: (step name, choice name or None), in path order."""
    text = data.get("d") if isinstance(data.get("d"), str) else ""
    size, found, at = len(name("")), [], 0
    while at + size <= len(text):
        step, at = text[at:at + size], at + size
        choice = None
        if text[at:at + 1] == CHOSE:
            choice, at = text[at + 1:at + 1 + size], at + 1 + size
        found.append((step, choice))
    return found


def expand(journey: Journey, data: dict) -> dict:
    """``compact``'s inverse for the journey as it is now, in ``State.to_dict()`` form
    (which ``State.from_dict`` then checks).

    From the mode's first step, each step done in the token is matched with the
    step the path reaches now: the same step (the same choice, for a choice) is
    done again; a step the journey no longer has is passed over; anything else
    stops: what follows has not been done on this path, and is never marked done.
    """
    practice = bool(data.get("p"))
    view = journey.in_mode(practice)  # the mode's own steps (content.model.Journey.in_mode)
    known = {name(step_id) for step_id in view.steps}
    answers: dict[str, str] = {}
    step_id = view.first
    for stored, choice in _done_steps(data):
        step = view.steps.get(step_id) if step_id else None
        if step is None or step.is_end or step_id in answers:
            break
        if stored != name(step_id):
            if stored in known:
                break  # another step of the journey: not the path the person took
            continue  # a step removed from the content since: passed over
        if step.has_choices:
            answer = next((c.id for c in step.choices if name(c.id) == choice), None)
        else:
            answer = DONE if choice is None else None  # a choice then, not now: another question
        if answer is None:
            break
        answers[step_id] = answer
        step_id = step.next_for(answer)
    return {"j": journey.id, "a": answers, "p": 1 if practice else 0}


def make_token(walk: engine.Walk, step_id: str, app: Flask | None = None) -> str:
    """A token for the person's walk at ``step_id``: ids and choices only."""
    return serializer(app).dumps({**compact(walk), "s": name(step_id)})


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
    # Signed by us, yet still data from outside: an old version, or a key that
    # leaked, may sign any shape ("j" a list is unhashable: a 500 without this).
    journey_id = _journey_of(data, journeys)
    journey = journeys.get(journey_id or "")
    if journey is None:
        raise TokenError("unknown journey")
    if data.get("v") != FORMAT:
        raise TokenError("old format", journey_id)
    walk = engine.read(expand(journey, data), journey)
    # The step the link was taken on, if the path still reaches it; else the last
    # step of the person's path (the steps done, as the token names them) that it still reaches.
    wanted = data.get("s")
    done = {stored for stored, _choice in _done_steps(data)}
    reached = [step_id for step_id in walk.steps if name(step_id) == wanted]
    reached = reached or [step_id for step_id in walk.steps if name(step_id) in done]
    if not reached:
        raise TokenError("nothing left of the path", journey_id)
    return Resumed(walk.state, reached[-1])


def _decode(signer: URLSafeTimedSerializer, payload) -> object:
    try:
        return signer.load_payload(payload)
    except Exception:  # a payload that is not ours: no journey to offer
        return None


def _journey_of(data: object, journeys: dict[str, Journey]) -> str | None:
    journey_id = data.get("j") if isinstance(data, dict) else None
    return journey_id if isinstance(journey_id, str) and journey_id in journeys else None
