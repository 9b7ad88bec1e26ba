"""Home, display settings, pictogram files and the health check."""

from __future__ import annotations

import unicodedata
from urllib.parse import unquote

from flask import Blueprint, abort, current_app, redirect, render_template, request, send_from_directory, session, url_for

from ..pictograms import PICTOGRAMS_DIR, titles

bp = Blueprint("pages", __name__)

#: The settings a person can switch on or off; all live in the session only.
TOGGLES = ("helper", "large_text", "contrast")

#: Far longer than any page of the site; a longer "retour" is not one of its pages.
MAX_RETURN_LENGTH = 2048


@bp.get("/")
def home():
    journeys = current_app.extensions["falc_journeys"]
    return render_template("home.html", journeys=list(journeys.values()))


@bp.post("/reglages")
def update_settings():
    """Switch a display setting or the language, then go back to the same page."""
    toggle = request.form.get("toggle")
    if toggle in TOGGLES:
        session[toggle] = not session.get(toggle, False)
    lang = request.form.get("lang")
    if lang in current_app.config["LANGUAGES"]:
        session["lang"] = lang
    return redirect(_safe_return(request.form.get("retour")), 303)


def _safe_return(target: str | None) -> str:
    """Only a path of this site, else the home page: never another site, never a 5xx.

    The field comes back from the page (a 404 page holds the very path that was
    asked for), so it is anything an outsider likes. A browser drops tabs and
    line breaks from a Location (so does Werkzeug's ``iri_to_uri``) and reads a
    backslash as a slash: ``/<tab>/evil`` becomes ``//evil``, another site. And a
    line break in a header is a 500.
    So a path is kept only if it starts with a single ``/``, holds no control
    character, no backslash and no space of any kind, and stays so once its
    %-escapes are decoded (a proxy or another server may decode them).
    """
    if isinstance(target, str) and _is_own_path(target) and _is_own_path(unquote(target)):
        return target
    return url_for("pages.home")


def _is_own_path(path: str) -> bool:
    return (
        path.startswith("/")
        and path[1:2] not in ("/", "\\")
        and not any(unicodedata.category(char)[0] in "CZ" for char in path)  # controls, spaces, line breaks
        and "\\" not in path
        and len(path) <= MAX_RETURN_LENGTH
    )


@bp.post("/fini")
def finished():
    """'J'ai fini': forget everything about this person (shared tablets)."""
    session.clear()
    return redirect(url_for("pages.home"), 303)


@bp.get("/pictogrammes")
def pictograms():
    """Every pictogram with its name and text alternative, for helpers and content writers.

    The name is what a journey file writes in ``pictogram = "..."``; the text
    alternative is what a screen reader says, in the person's language.
    """
    return render_template("pictograms.html", names=sorted(titles()))


@bp.get("/pictogrammes/<name>.svg")
def pictogram(name: str):
    if name not in titles():
        abort(404)
    response = send_from_directory(PICTOGRAMS_DIR, f"{name}.svg", mimetype="image/svg+xml", max_age=86400)
    return response


@bp.get("/sante")
def health():
    """For a load balancer: the app is up and its content is loaded."""
    return {"status": "ok", "journeys": len(current_app.extensions["falc_journeys"])}
