"""The WSGI entry point for any server: the app and its access log.

``falc-wizard serve`` uses it under waitress; another server takes the factory,
for example ``gunicorn -w 2 'falc_wizard.wsgi:create()'`` (leave gunicorn's own
access log off: it prints query strings and resume links).
"""

from __future__ import annotations

from . import create_app
from .web import accesslog


def create():
    """A new app (settings from the environment) wrapped in the access log."""
    return accesslog.wrap(create_app())
