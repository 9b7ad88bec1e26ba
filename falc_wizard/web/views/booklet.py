"""The whole journey on paper: the FALC booklet (« livret ») and the review kit (« relecture »).

- ``/fiches/livret``: for each chosen journey (nothing chosen: all), one booklet
  per route (the answers of its first choice, ``booklet.routes``): its title,
  "J'ai besoin de", every screen of the route as a numbered block with its help,
  one section per branch, the help line, the QR code that opens it on a tablet,
  the helper notes, and who validated the text.
- ``/fiches/relecture``: everything the person can read, for a reading group:
  the start screen, every screen once with its help (and, where practice draws
  the page, what the copy says after a wrong press), the screens only practice
  shows, the end of practice and the help line; each with "Je comprends" /
  "Je ne comprends pas" and room to write, after a first page for the group,
  the date and the text's version.

Both take the options of "Fiches à imprimer" (which journeys, language, helper
mode for the QR code) and are printed with the browser's own print command
(static/booklet.css holds the print rules: A4, large text, no block cut across
two pages). The layout itself comes from ``falc_wizard.booklet``.

Only the options the page reads stay in its address: anything else in the query
string (another name, an option twice, a note: the booklet prints none) is
dropped by a redirect, so no typed note is ever written back in the page. A
printed page is drawn for each request (the all-journeys booklet in about a
tenth of a second): it is asked for rarely, by a worker about to print.
"""

from __future__ import annotations

from datetime import date

from urllib.parse import urlencode

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_babel import force_locale, format_date
from flask_babel import gettext as _

from ...paper import booklet as layout
from ...paper import qr
from ..i18n import current_language, translate
from ...practice import copy as site_copy
from ...practice.rules import rule_for
from .sheets import journey_link, read_sheet_options, render_form

bp = Blueprint("booklet", __name__)


def section_intro(section: layout.Section) -> str:
    """The words that open a section: the choice that leads to it, or "La suite" where paths meet."""
    if section.choice is not None:
        text = translate(section.choice.text)
        clause = layout.condition(text, current_language())
        if clause:
            # TRANSLATORS: opens the part of a printed booklet a choice leads to: "Si ma carte Vitale a une photo".
            return _("Si %(condition)s", condition=clause)
        return _("Si je choisis « %(choice)s »", choice=text)
    if section.rejoin:
        return _("La suite")
    return ""


def practice_hint(journey, step) -> str:
    """On a screen practice draws on its copy, what the copy says after a wrong press
    ("Je cherche le bouton Commencer."), or nothing: the review kit prints it."""
    if not (site_copy.uses_copy(True, step) and step.pressable):
        return ""
    return site_copy.hint(journey, step, site_copy.Press(None, None, 1), translate)[-1]


def field_example(step) -> str:
    """The example a field screen shows ("Exemple : 094567"), or nothing."""
    return rule_for(step.field).example if step.field else ""


def field_checklist(step) -> tuple:
    """The rules a new password field lists under it ("8 caractères minimum", ...), or none."""
    return rule_for(step.field).checklist if step.field else ()


def long_date(value: str) -> str:
    """A validation date written out ("1 mars 2025"); kept as written when it is not an ISO date."""
    try:
        return format_date(date.fromisoformat(value), format="long")
    except ValueError:
        return value


def read_query(options: dict, args) -> str:
    """The query string that asks for exactly ``options``, as the workers' form sends it:
    the journeys ticked (in the order asked, each once), the language, helper mode, an
    empty note; each only when the request named it."""
    pairs = [("parcours", journey_id) for journey_id in dict.fromkeys(options["chosen"])]
    if "lang" in args:
        pairs.append(("lang", options["lang"]))
    if options["helper"]:
        pairs.append(("aide", "1"))
    if "note" in args:
        pairs.append(("note", ""))
    return urlencode(pairs)


def _render(template: str):
    options, errors = read_sheet_options(request.args)
    if errors:
        return render_form(options, errors), 400
    query = read_query(options, request.args)
    if query.encode("ascii") != request.query_string:
        return redirect(url_for(request.endpoint) + (f"?{query}" if query else ""))

    def render() -> str:
        items = []
        for journey in options["journeys"]:
            link = journey_link(journey, options["helper"], options["lang"])
            whole = layout.build(journey)
            items.append({
                "journey": journey,
                "booklet": whole,
                "practice": layout.practice_blocks(journey, len(whole.blocks)) if journey.has_practice else (),
                "routes": layout.routes(journey),
                "link": link,
                "display": qr.display_url(link),
                "version": layout.content_version(journey),
            })
        return render_template(
            template, items=items, options=options, section_intro=section_intro, field_example=field_example,
            long_date=long_date, practice_hint=practice_hint, field_checklist=field_checklist,
        )

    # On paper in the language the worker chose, whatever the worker's own screen uses.
    # Without a query (every journey, the heaviest page) it is the same for everyone who
    # asks: drawn once, then served from the page cache, which keys it.
    with force_locale(options["lang"]):
        cache = current_app.extensions.get("falc_page_cache")
        if cache is None or current_app.debug:
            return render()
        return cache.page(None, render)


@bp.get("/fiches/livret")
def booklet_print():
    """The FALC booklet of each chosen journey, to print on A4."""
    return _render("booklet.html")


@bp.get("/fiches/relecture")
def review_print():
    """The review kit of each chosen journey, for a reading group."""
    return _render("booklet_review.html")
