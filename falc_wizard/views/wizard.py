"""The journeys: one URL per step, POST then redirect, the path rebuilt on every request.

The view is thin: it reads the state from the session, asks the engine where
the person may be, and renders the template of the step's kind. It never
trusts the URL alone: a step that is not on the person's path redirects to the
step they can do now.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from .. import engine
from ..journeys import DONE, Journey, Step
from ..practice import check_submission, rule_for
from . import site_copy
from .errors import render_expired

bp = Blueprint("wizard", __name__, url_prefix="/parcours")

SESSION_KEY = "parcours"


def get_journey(journey_id: str) -> Journey:
    journey = current_app.extensions["falc_journeys"].get(journey_id)
    if journey is None:
        abort(404)
    return journey


def load_state(journey: Journey) -> engine.State | None:
    stored = session.get(SESSION_KEY)
    if not isinstance(stored, dict) or journey.id not in stored:
        return None
    return engine.State.from_dict(stored[journey.id], journey)


def save_state(state: engine.State) -> None:
    stored = session.get(SESSION_KEY)
    stored = dict(stored) if isinstance(stored, dict) else {}
    stored[state.journey_id] = state.to_dict()
    session[SESSION_KEY] = stored


def step_url(journey: Journey, step_id: str) -> str:
    return url_for("wizard.step", journey_id=journey.id, step_id=step_id)


@bp.get("/<journey_id>")
def start(journey_id: str):
    """The journey's start screen: what I need, then guide or practice."""
    journey = get_journey(journey_id)
    state = load_state(journey)
    resume = None
    if state is not None and state.answers:
        resume = step_url(journey, engine.frontier(journey, state))
    return render_template("start.html", journey=journey, resume=resume)


@bp.post("/<journey_id>")
def begin(journey_id: str):
    """Start (or start again) in guide or practice mode."""
    journey = get_journey(journey_id)
    # A journey with nothing to practise (decouvrir) has no practice (issue 12).
    practice = request.form.get("mode") == "entrainement" and journey.has_practice
    state = engine.start(journey, practice)
    save_state(state)
    # The first step of the mode: practice skips the guide's "Je vais sur le site".
    return redirect(step_url(journey, engine.frontier(journey, state)), 303)


def _lookup(journey_id: str, step_id: str) -> tuple[Journey, Step]:
    journey = get_journey(journey_id)
    step = journey.step(step_id)
    if step is None:
        abort(404)
    return journey, step


@bp.get("/<journey_id>/<step_id>")
def step(journey_id: str, step_id: str):
    journey, current = _lookup(journey_id, step_id)
    state = load_state(journey)
    if state is None:
        return render_expired(journey)
    target = engine.resolve(journey, state, step_id)
    if target != step_id:
        return redirect(step_url(journey, target))
    return render_step(journey, current, state)


@bp.post("/<journey_id>/<step_id>")
def answer(journey_id: str, step_id: str):
    journey, current = _lookup(journey_id, step_id)
    state = load_state(journey)
    if state is None:
        return render_expired(journey)
    if not engine.is_reachable(journey, state, step_id) or current.is_end:
        return redirect(step_url(journey, engine.resolve(journey, state, step_id)), 303)

    if site_copy.uses_copy(state.practice, current) and current.kind in ("action", "choice"):
        # Practice: the person pressed an element of the drawn copy (site_copy).
        press = site_copy.read_press(journey, current, request.form)
        if press.answer is None:
            return render_step(journey, current, state, press=press)
        reply = press.answer
    elif current.kind == "choice":
        choice = request.form.get("choix", "")
        if current.choice(choice) is None:
            return render_step(journey, current, state, errors={"choix": _("Je choisis une réponse.")}), 400
        reply = choice
    else:
        reply = DONE
        if current.kind == "field" and state.practice:
            values, errors = check_submission(rule_for(current.field), request.form)
            if errors:
                return render_step(journey, current, state, values=values, errors=errors), 400

    state = engine.advance(journey, state, step_id, reply)
    save_state(state)
    return redirect(step_url(journey, engine.next_step(journey, state, step_id)), 303)


def render_step(journey: Journey, current: Step, state: engine.State, values=None, errors=None, press=None):
    previous = engine.previous_step(journey, state, current.id)
    back_url = step_url(journey, previous) if previous else url_for("wizard.start", journey_id=journey.id)
    related = [
        current_app.extensions["falc_journeys"][other]
        for other in journey.related
        if current.is_end
    ]
    rule = rule_for(current.field) if current.kind == "field" else None
    if values is not None:
        # Never fill a password back into the page.
        values = {k: ("" if any(i.name == k and i.type == "password" for i in rule.inputs) else v)
                  for k, v in values.items()}
    template, copy = f"step_{current.kind}.html", None
    if site_copy.uses_copy(state.practice, current):  # practice on the drawn page (issue 12)
        template, copy = "step_practice.html", site_copy.build(journey, state, current, press)
    elif state.practice and current.is_end:
        template = "step_practice_end.html"
    return render_template(
        template,
        journey=journey,
        step=current,
        state=state,
        progress=engine.progress(journey, state, current.id),
        back_url=back_url,
        answer=state.answers.get(current.id),
        rule=rule,
        values=values or {},
        errors=errors or {},
        related=related,
        copy=copy,
    )
