"""Signed, expiring "continue later" tokens: the journey, its choices, the step. Nothing else.

A person who stops half-way takes a QR code or a short link and goes on later,
maybe on another device. The token carries only what the session cookie
carries (``engine.State``: ids and choices, never a typed value, in a compact
form) plus the step id, signed with the app's secret key so it cannot be changed,
and dated so that it stops working after ``RESUME_DAYS`` days.

Reading a token back never trusts it more than a cookie: ``State.from_dict``
keeps only the answers the journey allows now, and the step is resolved by
the engine like any URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from . import engine
from .config import DEFAULT_RESUME_DAYS, signing_keys
from .journeys import DONE, Journey

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
    return URLSafeTimedSerializer(signing_keys((app or current_app).config), salt=SALT)


def lifetime_days(app: Flask | None = None) -> int:
    """How many days a link works (``FALC_RESUME_DAYS``)."""
    return int((app or current_app).config.get("RESUME_DAYS", DEFAULT_RESUME_DAYS))


def max_age(app: Flask | None = None) -> int:
    return lifetime_days(app) * 24 * 3600


def compact(walk: engine.Walk) -> dict:
    """The state as a token carries it: the choices made (by place), in path order, and how many steps are done.

    Every other answer on the path is DONE, so these alone rebuild the state's
    ``to_dict()`` (``expand``). The longest journey's link shrinks from about 450
    to about 120 characters: a QR code half as wide, easy to scan from a screen.
    """
    journey, state = walk.journey, walk.state
    answered = [s for s in walk.steps if s in state.answers]
    data: dict = {
        "j": state.journey_id,
        # A choice as its place on its screen (0, 1, ...): a digit instead of an id.
        "c": [journey.steps[s].answers().index(state.answers[s]) for s in answered if journey.steps[s].kind == "choice"],
        "n": len(answered),
    }
    if state.practice:
        data["p"] = 1
    return data


def expand(journey: Journey, data: dict) -> dict:
    """``compact``'s inverse (for the journey as it is now), in ``State.to_dict()`` form (which ``State.from_dict`` then checks)."""
    choices = data.get("c") if isinstance(data.get("c"), list) else []
    count = data.get("n") if isinstance(data.get("n"), int) else 0
    answers: dict[str, str] = {}
    pending = iter(choices)
    view = journey.in_mode(bool(data.get("p")))  # the mode's own steps (site_pages.for_mode)
    step_id = view.first
    while step_id and len(answers) < min(count, len(view.steps)):
        step = view.steps[step_id]
        if step.is_end or step_id in answers:
            break
        if step.kind == "choice":
            place = next(pending, None)
            if not isinstance(place, int) or not 0 <= place < len(step.choices):
                break
            answer = step.choices[place].id
        else:
            answer = DONE
        answers[step_id] = answer
        step_id = step.next_for(answer)
    return {"j": journey.id, "a": answers, "p": data.get("p", 0)}


def make_token(walk: engine.Walk, step_id: str, app: Flask | None = None) -> str:
    """A token for the person's walk at ``step_id``: ids and choices only."""
    # The step as its place on the person's path: a number instead of an id.
    place = walk.place(step_id)
    return serializer(app).dumps({**compact(walk), "s": len(walk.steps) - 1 if place is None else place})


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
    journey = journeys.get(_journey_of(data, journeys) or "")
    if journey is None:
        raise TokenError("unknown journey")
    walk = engine.read(expand(journey, data), journey)
    place = data.get("s")
    step_id = walk.steps[place] if isinstance(place, int) and 0 <= place < len(walk.steps) else walk.frontier
    return Resumed(walk.state, step_id)


def _decode(signer: URLSafeTimedSerializer, payload) -> object:
    try:
        return signer.load_payload(payload)
    except Exception:  # a payload that is not ours: no journey to offer
        return None


def _journey_of(data: object, journeys: dict[str, Journey]) -> str | None:
    journey_id = data.get("j") if isinstance(data, dict) else None
    return journey_id if isinstance(journey_id, str) and journey_id in journeys else None
