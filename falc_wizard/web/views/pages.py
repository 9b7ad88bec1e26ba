"""Home, the settings page, pictogram files, the site's icon and manifest, and the health check."""

from __future__ import annotations

import unicodedata
from urllib.parse import unquote
import json

from flask import Blueprint, abort, current_app, redirect, render_template, request, send_from_directory, session, url_for

from ..i18n import current_language, translate
from ...content.pictograms import PICTOGRAMS_DIR, titles
from ..display import DISPLAY_SETTINGS

bp = Blueprint("pages", __name__)

#: Far longer than any page of the site; a longer "retour" is not one of its pages.
MAX_RETURN_LENGTH = 2048


@bp.get("/")
def home():
    journeys = current_app.extensions["falc_journeys"]
    return render_template("home.html", journeys=list(journeys.values()))


@bp.get("/reglages")
def settings():
    """The settings page: text size, contrast, helper mode, language, and the workers' pages.

    Step screens show one "Réglages" link instead of all these controls (a calm
    screen). ``retour`` is the page the person came from: each change comes
    back here (so the person sees it), then "Je reviens où j'étais" goes back.
    """
    back_url = _safe_return(request.args.get("retour"))
    here = url_for("pages.settings", retour=back_url)
    return render_template("settings.html", back_url=back_url, here=here)


@bp.post("/reglages")
def update_settings():
    """Switch a display setting or the language, then go back to the same page."""
    toggle = request.form.get("toggle")
    if toggle in DISPLAY_SETTINGS:
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


@bp.get("/favicon.ico")
def favicon():
    """Browsers ask for /favicon.ico on every site: answer with the icon, not a 404."""
    return send_from_directory(current_app.static_folder, "favicon.ico", mimetype="image/x-icon", max_age=86400)


@bp.get("/manifest.webmanifest")
def manifest():
    """The web-app manifest: on a tablet, the site can be put on the home screen with its icon."""
    site = current_app.extensions["falc_site"]
    response = current_app.response_class(
        json.dumps({
            "name": translate(site.app.name),
            "short_name": translate(site.app.short_name),
            "lang": current_language(),
            "start_url": url_for("pages.home"),
            "scope": url_for("pages.home"),
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#000091",
            "icons": [
                {"src": url_for("static", filename=f"icon-{size}.png"), "sizes": f"{size}x{size}",
                 "type": "image/png", "purpose": "any"}
                for size in (192, 512)
            ],
        }, ensure_ascii=False),
        mimetype="application/manifest+json",
    )
    return response
