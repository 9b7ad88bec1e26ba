"""The journeys: one URL per step, POST then redirect, the path rebuilt on every request.

The view is thin: it opens the person's walk (state_store.py), asks it where
the person may be, and renders the template of the step's kind. It never
trusts the URL alone: a step that is not on the person's path redirects to the
step they can do now. The journey graph is walked once per GET (twice per
POST: before and after the answer).
"""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _

from .. import engine
from ..journeys import DONE
from ..practice import check_submission, rule_for
from .state_store import Visit, get_journey, journeys, load_walk, open_step, save_state, step_url

bp = Blueprint("wizard", __name__, url_prefix="/parcours")


@bp.get("/<journey_id>")
def start(journey_id: str):
    """The journey's start screen: what I need, then guide or practice."""
    journey = get_journey(journey_id)
    walk = load_walk(journey)
    resume = step_url(journey, walk.frontier) if walk is not None and walk.state.answers else None
    return render_template("start.html", journey=journey, resume=resume)


@bp.post("/<journey_id>")
def begin(journey_id: str):
    """Start (or start again) in guide or practice mode."""
    journey = get_journey(journey_id)
    practice = request.form.get("mode") == "entrainement"
    save_state(engine.start(journey, practice))
    return redirect(step_url(journey, journey.first), 303)


@bp.get("/<journey_id>/<step_id>")
def step(journey_id: str, step_id: str):
    visit = open_step(journey_id, step_id)
    target = visit.walk.resolve(step_id)
    if target != step_id:
        return redirect(step_url(visit.journey, target))
    return render_step(visit)


@bp.post("/<journey_id>/<step_id>")
def answer(journey_id: str, step_id: str):
    visit = open_step(journey_id, step_id)
    journey, current, walk = visit.journey, visit.step, visit.walk
    if not walk.reaches(step_id) or current.is_end:
        return redirect(step_url(journey, walk.resolve(step_id)), 303)

    if current.kind == "choice":
        choice = request.form.get("choix", "")
        if current.choice(choice) is None:
            return render_step(visit, errors={"choix": _("Je choisis une réponse.")}), 400
        reply = choice
    else:
        reply = DONE
        if current.kind == "field" and walk.state.practice:
            values, errors = check_submission(rule_for(current.field), request.form)
            if errors:
                return render_step(visit, values=values, errors=errors), 400

    walk = walk.advance(step_id, reply)
    save_state(walk.state)
    return redirect(step_url(journey, walk.next_step(step_id)), 303)


def render_step(visit: Visit, values=None, errors=None):
    journey, current, walk = visit.journey, visit.step, visit.walk
    previous = walk.previous_step(current.id)
    back_url = step_url(journey, previous) if previous else url_for("wizard.start", journey_id=journey.id)
    related = [journeys()[other] for other in journey.related] if current.is_end else []
    rule = rule_for(current.field) if current.kind == "field" else None
    if values is not None:
        # Never fill a password back into the page.
        values = {k: ("" if any(i.name == k and i.type == "password" for i in rule.inputs) else v)
                  for k, v in values.items()}
    return render_template(
        f"step_{current.kind}.html",
        journey=journey,
        step=current,
        state=walk.state,
        progress=engine.progress(journey, walk.state, current.id),
        back_url=back_url,
        answer=walk.state.answers.get(current.id),
        rule=rule,
        values=values or {},
        errors=errors or {},
        related=related,
    )
