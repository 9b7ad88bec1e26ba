"""Error pages: one FALC sentence and a big "Accueil" button, never a stack trace."""

from __future__ import annotations

from flask import Flask, current_app, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from werkzeug.exceptions import HTTPException, SecurityError

def N_(message: str) -> str:
    """Marks a sentence for the catalog; it is translated when the page is drawn."""
    return message


#: status -> (title, sentence), in French (falc_wizard/audio reads them too). Any other 4xx uses the 400 text.
MESSAGES = {
    400: (N_("Je ne peux pas ouvrir cette page"), N_("Je retourne à l'accueil pour recommencer.")),
    404: (N_("Je ne trouve pas cette page"), N_("Je retourne à l'accueil pour choisir un parcours.")),
    405: (N_("Je ne peux pas ouvrir cette page"), N_("Je retourne à l'accueil pour recommencer.")),
    413: (N_("Ce que j'ai écrit est trop long"), N_("Je retourne à l'accueil pour recommencer.")),
    500: (N_("Il y a un problème sur le site"), N_("Ce n'est pas ma faute. Je réessaie dans 5 minutes.")),
}


def render_error(status: int, journey=None):
    title, sentence = (_(text) for text in MESSAGES.get(status, MESSAGES[500] if status >= 500 else MESSAGES[400]))
    if isinstance(request.routing_exception, SecurityError):
        # The request was refused before routing (a host not in TRUSTED_HOSTS):
        # Flask has no URL adapter, so no URL can be built and the full layout
        # cannot be drawn.
        return bare_page(title, sentence), status
    try:
        return render_template("error.html", title=title, sentence=sentence, journey=journey), status
    except Exception:  # the error page itself failed: still a FALC page, never a trace
        current_app.logger.exception("The error page failed")
        return bare_page(title, sentence), status


def bare_page(title, sentence) -> str:
    """The error page without the layout: no template, no URL building, no session."""
    return (
        '<!doctype html><html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title></head><body><main><h1>{escape(title)}</h1>"
        f'<p>{escape(sentence)}</p><p><a href="/">{escape(_("Accueil"))}</a></p></main></body></html>'
    )


def render_expired(journey=None):
    """The gentle page for a session or token that is gone: start again, or go home."""
    return render_template("expired.html", journey=journey), 400


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_expired()

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return render_error(error.code or 500)

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("Unexpected error")
        return render_error(500)
