"""QR-code sheets for workers, and the short links that work from paper.

- ``/fiches``: the workers' page "Fiches à imprimer" (a GET form, no state kept).
- ``/fiches/imprimer``: the sheets themselves, one A4 page per journey.
- ``/fiches/<journey>.png``: the same QR code as a PNG, for posters and messages.
- ``/p/<journey>``: the short link a sheet's QR code holds (the journey's start screen).

Every absolute link comes from ``qr.public_url`` (the configured public address),
never from the request's Host header.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, redirect, render_template, request, session, url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from ...content import Journey
from ...paper import qr
from .state_store import get_journey, journeys as _journeys

bp = Blueprint("sheets", __name__)

#: A note is a short reminder for the person ("Mardi, avec Julie"), not a letter.
NOTE_MAX = 120


def _default_language() -> str:
    return current_app.config.get("BABEL_DEFAULT_LOCALE", "fr")


def journey_link(journey: Journey, helper: bool = False, lang: str | None = None) -> str:
    """The absolute short link that opens ``journey``'s start screen (what a sheet's QR code holds)."""
    values: dict[str, str] = {}
    if helper:
        values["aide"] = "1"
    if lang and lang != _default_language():
        values["lang"] = lang
    return qr.public_url("sheets.short", journey_id=journey.id, **values)


def read_sheet_options(args) -> tuple[dict, dict]:
    """The sheet options from a query string, and a FALC message for each bad one."""
    journeys = _journeys()
    errors: dict[str, str] = {}
    chosen = args.getlist("parcours")
    if any(journey_id not in journeys for journey_id in chosen):
        errors["parcours"] = _l("Je choisis les fiches dans la liste.")
        chosen = [journey_id for journey_id in chosen if journey_id in journeys]
    lang = args.get("lang") or _default_language()
    if lang not in current_app.config["LANGUAGES"]:
        errors["lang"] = _l("Je choisis une langue dans la liste.")
        lang = _default_language()
    note = args.get("note", "").strip()
    if len(note) > NOTE_MAX:
        errors["note"] = _l("La note est trop longue. J'écris %(max)s signes au plus.", max=NOTE_MAX)
    options = {
        # Nothing ticked: every journey, one sheet per page.
        "journeys": [journeys[j] for j in dict.fromkeys(chosen)] or list(journeys.values()),
        "chosen": chosen,
        "lang": lang,
        "helper": args.get("aide") == "1",
        "note": note,
    }
    return options, errors


def render_form(options: dict, errors: dict) -> str:
    """The "Fiches à imprimer" form with these options and their messages (the sheets,
    the booklet and the review kit all come back here when an option is wrong)."""
    return render_template("sheets_form.html", journeys=list(_journeys().values()), options=options,
                           errors=errors, note_max=NOTE_MAX)


@bp.get("/fiches")
def sheets_form():
    """The workers' page: which sheets, which language, helper mode, a note."""
    options, errors = read_sheet_options(request.args)
    return render_form(options, errors)


@bp.get("/fiches/imprimer")
def sheets_print():
    """One A4 sheet per chosen journey, printed from the browser."""
    options, errors = read_sheet_options(request.args)
    if errors:
        return render_form(options, errors), 400
    sheets = [
        {"journey": journey, "link": (link := journey_link(journey, options["helper"], options["lang"])),
         "display": qr.display_url(link)}
        for journey in options["journeys"]
    ]
    # The sheet is in the language the worker chose, whatever the worker's own screen uses.
    with force_locale(options["lang"]):
        return render_template("sheets_print.html", sheets=sheets, options=options)


@bp.get("/fiches/<journey_id>.png")
def sheet_png(journey_id: str):
    """The QR code of a journey as a PNG file, to put on a poster or in a message."""
    journey = get_journey(journey_id)
    lang = request.args.get("lang")
    if lang not in current_app.config["LANGUAGES"]:
        lang = None
    link = journey_link(journey, request.args.get("aide") == "1", lang)
    response = Response(qr.qr_png(link), mimetype="image/png")
    response.headers["Content-Disposition"] = f'attachment; filename="qr-{journey.id}.png"'
    return response


@bp.get("/p/<journey_id>")
def short(journey_id: str):
    """Opens a journey's start screen from paper: helper mode and language as the sheet says."""
    journey = get_journey(journey_id)
    if request.args.get("aide") == "1":
        session["helper"] = True
    lang = request.args.get("lang")
    if lang in current_app.config["LANGUAGES"]:
        session["lang"] = lang
    return redirect(url_for("wizard.start", journey_id=journey.id))
