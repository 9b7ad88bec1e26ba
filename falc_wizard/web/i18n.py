"""Languages: French is the source; the person's choice is kept for the session.

The language comes, in order, from the person's choice on screen, then from the
browser's preference, then French. Templates translate with Flask-Babel's own
``gettext`` and ``ngettext`` (Jinja's i18n extension, which Flask-Babel sets up).
Content strings (journey files) go through the same catalog, with the ``tr``
filter (``translate``) instead of Jinja's ``_`` so that a sentence from a data
file is always escaped, never taken as HTML.
"""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from flask import Flask, current_app, request, session
from flask_babel import Babel, get_locale
from flask_babel import gettext as _gettext

from ..resources import resource_dir


def available_languages() -> tuple[str, ...]:
    """French, plus every language that has a catalog in translations/."""
    found = {p.parent.parent.name for p in resource_dir("translations").glob("*/LC_MESSAGES/messages.po")}
    return ("fr", *sorted(found - {"fr"}))


def select_locale() -> str:
    """The person's choice on screen, else the browser's best match (Werkzeug reads
    Accept-Language), else French."""
    languages = current_app.config["LANGUAGES"]
    chosen = session.get("lang")
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or "fr"


def translate(text: str, **params) -> str:
    """Translate one French sentence (content or code); empty stays empty."""
    if not text:
        return ""
    return _gettext(text, **params) if params else _gettext(text)


def current_language() -> str:
    return str(get_locale() or "fr")


def init_app(app: Flask) -> None:
    app.config["LANGUAGES"] = available_languages()
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(resource_dir("translations"))
    Babel(app, locale_selector=select_locale)


def language_name(code: str) -> str:
    """A language's name written in that language, from Babel's locale data ("Français",
    "English"): never translated, since the person looks for their own. Capitalised as
    a button's label."""
    try:
        name = Locale.parse(code).get_display_name(code) or code
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:]
