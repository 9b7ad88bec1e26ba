"""'Je continue plus tard': a QR code and a short link that reopen a journey, on any device.

- ``/plus-tard/<journey>/<step>``: the page with the QR code and the link.
- ``/r/<token>``: opens such a link: the journey's choices come back, then its step.

The token (resume.py) holds ids and choices only, signed and dated. It is a key
to a person's journey for days, so the logs never show it: the access log
hides whatever follows this route's fixed start (accesslog.SECRET_ENDPOINTS).
"""

from __future__ import annotations

from flask import Blueprint, redirect, render_template

from ...paper import qr
from .. import resume
from .errors import render_expired
from .state_store import journeys, open_step, save_state, step_url

bp = Blueprint("later", __name__)


@bp.get("/plus-tard/<journey_id>/<step_id>")
def page(journey_id: str, step_id: str):
    """A QR code and a short link to this step, with these choices."""
    visit = open_step(journey_id, step_id)
    step_id = visit.walk.resolve(step_id)
    link = qr.public_url("later.resume_link", token=resume.make_token(visit.walk, step_id))
    return render_template(
        "later.html",
        journey=visit.journey,
        link=link,
        display=qr.display_url(link),
        back_url=step_url(visit.journey, step_id),
        days=resume.lifetime_days(),
    )


@bp.get("/r/<token>")
def resume_link(token: str):
    """Opens a 'continue later' link: the journey's choices come back, then its step."""
    known = journeys()
    try:
        resumed = resume.read_token(token, known)
    except resume.TokenError as error:
        return render_expired(known.get(error.journey_id) if error.journey_id else None)
    save_state(resumed.state)
    return redirect(step_url(known[resumed.state.journey_id], resumed.step_id))

