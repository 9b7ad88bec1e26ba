"""The journeys: one URL per step, POST then redirect, the path rebuilt on every request.

The view is thin: it opens the person's walk (state_store.py), asks it where
the person may be, and renders the template of the step's kind. It never
trusts the URL alone: a step that is not on the person's path redirects to the
step they can do now. The journey graph is walked once per GET (twice per
POST: before and after the answer).
"""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _

from .. import engine
from ..journeys import DONE
from ..page_cache import ScreenKey
from ..security import csrf_token
from ..practice import check_submission, checklist_met, rule_for, values_to_show
from ..step_kinds import kind_template
from .state_store import Visit, get_journey, journeys, load_walk, open_step, save_state, step_url
from . import site_copy

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
    # A journey with nothing to practise (decouvrir) has no practice (issue 12).
    practice = request.form.get("mode") == "entrainement" and journey.has_practice
    state = engine.start(journey, practice)
    save_state(state)
    # The first step of the mode: practice skips the guide's "Je vais sur le site".
    return redirect(step_url(journey, engine.walk(journey, state).frontier), 303)


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

    if site_copy.uses_copy(walk.state.practice, current) and site_copy.pressable(current):
        # Practice: the person pressed an element of the drawn copy (site_copy).
        press = site_copy.read_press(journey, current, request.form)
        if press.answer is None:
            return render_step(visit, press=press)
        reply = press.answer
    elif current.kind == "choice":
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


def render_step(visit: Visit, values=None, errors=None, press=None):
    """The step's page. A plain GET comes from the page cache (page_cache.py); a page
    with typed values, error messages or a press on the practice copy, a practice copy
    (it shows what this person already did on the page), or a page asked with a query
    string is always rendered."""
    journey, current, walk = visit.journey, visit.step, visit.walk
    previous = walk.previous_step(current.id)
    progress = engine.progress(journey, walk.state, current.id)
    answer = walk.state.answers.get(current.id)
    template, copy = kind_template(current.kind), None
    if site_copy.uses_copy(walk.state.practice, current):  # practice on the drawn page (issue 12)
        template, copy = "step_practice.html", site_copy.build(journey, walk, current, press)
    elif walk.state.practice and current.is_end:
        template = "step_practice_end.html"

    def render() -> str:
        back_url = step_url(journey, previous) if previous else url_for("wizard.start", journey_id=journey.id)
        related = [journeys()[other] for other in journey.related] if current.is_end else []
        rule = rule_for(current.field) if current.kind == "field" else None
        shown = values_to_show(rule, values) if values is not None else None
        met = checklist_met(rule, values) if values is not None else {}
        return render_template(
            template,
            journey=journey,
            step=current,
            state=walk.state,
            progress=progress,
            back_url=back_url,
            answer=answer,
            rule=rule,
            values=shown or {},
            met=met,
            errors=errors or {},
            related=related,
            copy=copy,
        )

    cache = current_app.extensions.get("falc_page_cache")
    if (values is not None or errors is not None or copy is not None or request.query_string
            or cache is None or current_app.debug):
        return render()
    key = ScreenKey(
        template=template,
        journey_id=journey.id,
        step_id=current.id,
        practice=walk.state.practice,
        progress=progress,
        previous=previous,
        answer=answer,
    )
    return cache.page(key, render, csrf_token())
