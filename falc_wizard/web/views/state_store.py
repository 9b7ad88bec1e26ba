"""A person's journeys between two requests: kept in the signed session cookie.

This is the engine's edge (as django-formtools' ``storage`` or GOV.UK Forms'
session answer store): it turns the URL's ids and the session cookie into the
engine's ``Walk``, and a new ``State`` back into the cookie. The views never
touch the session's journey data themselves.

The cookie holds one compact state per journey started, under one key::

    session["parcours"] = {"activer": {"j": "activer", "a": {step: answer}, "p": 1}, ...}

(``a``: the answer given at each step done, a choice id or ``"fait"``; ``p``:
practice mode). Ids only: nothing the person types is ever stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, current_app, make_response, session, url_for

from ... import engine
from ...content import Journey, Step
from .errors import render_expired

SESSION_KEY = "parcours"


def journeys() -> dict[str, Journey]:
    """Every journey, in home-page order (loaded and checked once, at start-up)."""
    return current_app.extensions["falc_journeys"]


def get_journey(journey_id: str) -> Journey:
    """The journey a URL names; a 404 for any other id."""
    journey = journeys().get(journey_id)
    if journey is None:
        abort(404)
    return journey


def load_walk(journey: Journey) -> engine.Walk | None:
    """The person's walk through ``journey``, or None when they never started it (or the session is gone)."""
    stored = session.get(SESSION_KEY)
    if not isinstance(stored, dict) or journey.id not in stored:
        return None
    return engine.read(stored[journey.id], journey)


def save_state(state: engine.State) -> None:
    """Keep ``state`` in the session, beside the person's other journeys."""
    stored = session.get(SESSION_KEY)
    stored = dict(stored) if isinstance(stored, dict) else {}
    stored[state.journey_id] = state.to_dict()
    session[SESSION_KEY] = stored


def step_url(journey: Journey, step_id: str) -> str:
    """A step's path, under where the site is mounted."""
    return url_for("wizard.step", journey_id=journey.id, step_id=step_id)


@dataclass(frozen=True)
class Visit:
    """What a request about one step of one journey starts from."""

    journey: Journey
    step: Step
    walk: engine.Walk


def open_step(journey_id: str, step_id: str) -> Visit:
    """The journey, the step and the person's walk for a step URL.

    An unknown journey or step is a 404; a journey the session does not hold
    (never started here, or the browser was closed) stops the request with the
    gentle "this page is no longer open" page.
    """
    journey = get_journey(journey_id)
    step = journey.step(step_id)
    if step is None:
        abort(404)
    walk = load_walk(journey)
    if walk is None:
        abort(make_response(render_expired(journey)))
    return Visit(journey, step, walk)
