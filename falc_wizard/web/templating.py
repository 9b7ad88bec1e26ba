"""What every template can use: content translation, pictograms, QR codes, the person's settings."""

from __future__ import annotations

from flask import Flask, current_app

from ..content.looks import label_look
from ..content.pictograms import titles
from ..paper import qr
from .display import display_settings
from .i18n import current_language, language_name, translate
from .page_cache import csrf_token


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
    # The site of the content folder and the app's name (content/site.py): templates read
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
