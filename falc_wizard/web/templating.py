"""What every template can use: content translation, pictograms, QR codes, the person's settings."""

from __future__ import annotations

from flask import Flask, current_app, session

from ..paper import qr
from .page_cache import csrf_token
from .i18n import current_language, language_name, translate
from ..content.looks import label_look
from ..content.pictograms import titles


#: The display settings a person switches on or off (the settings page), kept in the
#: session. One list for the page that switches them and for what pages are drawn with:
#: the page cache's key holds ``display_settings()``, so a setting missing there would
#: serve one person's display to another.
DISPLAY_SETTINGS = ("helper", "large_text", "contrast", "slow_reading")


def display_settings() -> dict:
    """The person's display choices, kept in the session (work without JavaScript)."""
    return {name: bool(session.get(name)) for name in DISPLAY_SETTINGS}


def pictogram_alt(name: str) -> str:
    """The translated text alternative of a pictogram."""
    return translate(titles().get(name, ""))


def unbroken(text: str) -> str:
    """A value the person copies by eye ("1 55 12 55 555 555 97", "14 07 1985") kept on one
    line: its spaces become no-break spaces, so a narrow screen or large text never splits it."""
    return text.replace(" ", "\u00a0")


def init_app(app: Flask) -> None:
    app.jinja_env.filters["tr"] = translate
    app.jinja_env.filters["unbroken"] = unbroken
    app.jinja_env.globals["pictogram_alt"] = pictogram_alt
    app.jinja_env.globals["language_name"] = language_name
    # Flask-WTF's generate_csrf, except while a page is drawn for the page cache
    # (set here for imported macros, and below over Flask-WTF's context processor).
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["qr_svg"] = qr.qr_svg
    # The site of the content folder and the app's name (site_table.py): templates read
    # its values here, never write them.
    app.jinja_env.globals["site"] = app.extensions["falc_site"]
    app.jinja_env.globals["label_look"] = label_look
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    @app.context_processor
    def inject_globals() -> dict:
        return {
            "settings": display_settings(),
            "lang": current_language(),
            "languages": current_app.config["LANGUAGES"],
            "csrf_token": csrf_token,
        }
