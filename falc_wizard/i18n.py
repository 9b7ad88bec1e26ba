"""Languages: French is the source; the person's choice is kept for the session.

The language comes, in order, from the person's choice on screen, then from the
browser's preference, then French. Content strings (journey files) go through
the same catalog as the templates, with ``translate`` instead of Jinja's ``_``
so that a sentence from a data file is always escaped, never taken as HTML.
"""

from __future__ import annotations

import functools

from babel import Locale
from flask import Flask, current_app, request, session
from flask_babel import Babel, get_locale, get_translations
from flask_babel import gettext as _gettext
from jinja2 import pass_context
from markupsafe import Markup
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from .resources import resource_dir


def available_languages() -> tuple[str, ...]:
    """French, plus every language that has a catalog in translations/."""
    found = {p.parent.parent.name for p in resource_dir("translations").glob("*/LC_MESSAGES/messages.po")}
    return ("fr", *sorted(found - {"fr"}))


@functools.cache
def _locale(code: str) -> Locale:
    """A parsed Babel locale, made once per language: Flask-Babel would parse the
    code again on every request, and a ``Locale`` it is given is used as it is."""
    return Locale.parse(code)


@functools.lru_cache(maxsize=256)
def _browser_choice(header: str, languages: tuple[str, ...]) -> str:
    """The best of ``languages`` for an Accept-Language header, French if none.

    Kept per header: browsers send a handful of different ones, and parsing
    the header again on every request cost more than the rest of the choice.
    """
    return parse_accept_header(header, LanguageAccept).best_match(languages) or "fr"


def select_locale() -> Locale:
    languages = current_app.config["LANGUAGES"]
    chosen = session.get("lang")
    if chosen in languages:
        return _locale(chosen)
    return _locale(_browser_choice(request.environ.get("HTTP_ACCEPT_LANGUAGE", ""), tuple(languages)))


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


def template_translators() -> dict:
    """``gettext``, ``ngettext`` and the catalog for one render, resolved once.

    Flask-Babel looks up the request, the locale and the catalog again for every
    sentence (about forty on a step page). A template's ``_()`` calls whatever
    ``gettext`` its context holds (Jinja's i18n extension, new style), so the
    context gets functions bound to this render's catalog: same strings, same
    escaping and ``%(name)s`` formatting, one look-up. (Under ``force_locale``
    the render resolves the forced language, as before.)
    """
    translations = get_translations()

    @pass_context
    def gettext(context, string, **variables):
        text = translations.ugettext(string)
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    @pass_context
    def ngettext(context, singular, plural, num, **variables):
        variables.setdefault("num", num)
        text = translations.ungettext(singular, plural, num)
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    return {"gettext": gettext, "ngettext": ngettext, "falc_translations": translations}


@pass_context
def translate_in_template(context, text: str) -> str:
    """The ``tr`` filter: ``translate``, with the render's catalog when it has one."""
    translations = context.get("falc_translations")
    if translations is None or not text:
        return translate(text)
    return translations.ugettext(text)
