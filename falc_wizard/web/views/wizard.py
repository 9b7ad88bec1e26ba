"""The journeys: one URL per step, POST then redirect, the path rebuilt on every request.

The view is thin: it opens the person's walk (state_store.py), asks it where
the person may be, and renders the template its step's class names. It never
trusts the URL alone: a step that is not on the person's path redirects to the
step they can do now. The journey graph is walked once per GET (twice per
POST: before and after the answer).
"""

from __future__ import annotations

from flask import Blueprint, current_app, flash, get_flashed_messages, redirect, render_template, request, url_for

from ... import engine
from ...content import DONE
from ..i18n import translate
from ...practice import copy as site_copy
from ...practice.fields import check_submission, checklist_met, rule_for
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
    # A journey with nothing to practise (decouvrir) has no practice.
    practice = request.form.get("mode") == "entrainement" and journey.has_practice
    state = engine.start(journey, practice)
    save_state(state)
    # The first step of the mode: practice skips the guide's "Je vais sur le site".
    return redirect(step_url(journey, engine.walk(journey, state).frontier), 303)


#: The flash category of a refused answer: what the next GET of the same step shows again.
AGAIN = "encore"


@bp.get("/<journey_id>/<step_id>")
def step(journey_id: str, step_id: str):
    visit = open_step(journey_id, step_id)
    target = visit.walk.resolve(step_id)
    again = _refusal_for(visit)
    if target != step_id:
        return redirect(step_url(visit.journey, target))
    if again is None:
        return render_step(visit)
    press = None
    if "element" in again:
        press = site_copy.press_again(visit.journey, visit.step, again["element"], again.get("wrong"))
    errors = again.get("errors") or None
    return render_step(visit, errors=errors, press=press, met=again.get("met") or {})


def _refusal_for(visit: Visit) -> dict | None:
    """The refused answer this step's GET shows again, taken out of the session (Flask's flash).

    A refusal is kept for one GET only, and only for the step it was made on: a
    refresh then shows the screen plain, and a refusal left behind on another
    step is dropped."""
    for message in get_flashed_messages(category_filter=[AGAIN]):
        if isinstance(message, dict) and message.get("step") == f"{visit.journey.id}/{visit.step.id}":
            return message
    return None


def _answer_again(visit: Visit, fragment: str = "", **refusal):
    """Post/Redirect/Get for a wrong press or a refused field, as for a right answer.

    The browser's history then holds only GETs: Back and refresh show a screen
    of the app, never "Confirm Form Resubmission". The session keeps what the
    next screen says (the element pressed, the count, the error sentences), never
    a typed value."""
    flash({"step": f"{visit.journey.id}/{visit.step.id}", **refusal}, AGAIN)
    return redirect(step_url(visit.journey, visit.step.id) + fragment, 303)


@bp.post("/<journey_id>/<step_id>")
def answer(journey_id: str, step_id: str):
    visit = open_step(journey_id, step_id)
    journey, current, walk = visit.journey, visit.step, visit.walk
    if not walk.reaches(step_id) or current.is_end:
        return redirect(step_url(journey, walk.resolve(step_id)), 303)

    practice = walk.state.practice
    if site_copy.uses_copy(practice, current) and current.pressable:
        # Practice: the person pressed an element of the drawn copy (practice/copy.py).
        press = site_copy.read_press(journey, current, request.form)
        if press.answer is None:
            return _answer_again(visit, site_copy.fragment(press),
                                 element=press.element.id if press.element else "", wrong=press.wrong)
        reply = press.answer
    else:
        # The step's kind reads its answer (a choice's button; "C'est fait" for the others).
        reply, refused = current.read(request.form)
        if reply is None:
            return _answer_again(visit, errors={name: translate(text) for name, text in refused.items()})
        if practice and current.field:
            rule = rule_for(current.field)
            values, refusals = check_submission(rule, request.form)
            if refusals:
                errors = {name: translate(m.text, **dict(m.params)) for name, m in refusals.items()}
                return _answer_again(visit, errors=errors, met=checklist_met(rule, values))

    walk = walk.advance(step_id, reply)
    done = step_id
    sending = site_copy.send_step(journey, current) if practice else None
    if sending is not None and request.form.get(site_copy.ELEMENT) == sending.target \
            and walk.next_step(step_id) == sending.id:
        # The page's own button pressed under the field: the field is sent and the button pressed.
        walk = walk.advance(sending.id, DONE)
        done = sending.id
    save_state(walk.state)
    return redirect(step_url(journey, walk.next_step(done)), 303)


def render_step(visit: Visit, errors=None, press=None, met=None):
    """The step's page. A plain GET comes from the page cache (page_cache.py, which
    keys it from the request and the person's state); a page with error messages or a
    press on the practice copy, or a practice copy (it shows what this person already
    did on the page), is always rendered."""
    journey, current, walk = visit.journey, visit.step, visit.walk
    on_copy = site_copy.uses_copy(walk.state.practice, current)  # asked once a request
    template = current.template_for(walk.state.practice, on_copy)
    copy = site_copy.build(journey, walk, current, translate, press) if on_copy else None

    def render() -> str:
        previous = walk.previous_step(current.id)
        back_url = step_url(journey, previous) if previous else url_for("wizard.start", journey_id=journey.id)
        related = [journeys()[other] for other in journey.related] if current.is_end else []
        rule = rule_for(current.field) if current.field else None
        return render_template(
            template,
            journey=journey,
            step=current,
            state=walk.state,
            progress=engine.progress(journey, walk.state, current.id),
            back_url=back_url,
            answer=walk.state.answers.get(current.id),
            rule=rule,
            values={},
            met=met or {},
            errors=errors or {},
            related=related,
            copy=copy,
        )

    cache = current_app.extensions.get("falc_page_cache")
    if errors is not None or copy is not None or cache is None or current_app.debug:
        return render()
    return cache.page(walk.state, render)
