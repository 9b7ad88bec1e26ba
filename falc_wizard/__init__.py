"""falc-wizard: guides a person through Mon espace santé, one action per screen, in FALC.

``create_app()`` is the app factory: it reads the settings, loads and validates
every journey file (a bad file stops the start), and wires the blueprints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from flask import Flask

from . import config as settings
from .journeys import load_journeys
from .practice_rules import FIELD_RULES
from .resources import resource_dir


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder=str(resource_dir("templates")),
        instance_relative_config=True,
    )
    app.config.update(settings.base_settings())
    app.config.update(settings.from_environment())
    if test_config:
        app.config.update(test_config)
    settings.ensure_secret_key(app.config, Path(app.instance_path))
    settings.ensure_public_url(app.config)
    if app.config.get("HTTPS"):
        app.config["SESSION_COOKIE_SECURE"] = True

    app.extensions["falc_journeys"] = load_journeys(
        app.config.get("STEPS_DIR") or Path(__file__).parent / "steps",
        fields=FIELD_RULES,
    )

    from . import i18n, security, templating
    from .views import booklet, errors, pages, sheets, wizard

    i18n.init_app(app)
    security.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(wizard.bp)
    sheets.init_app(app)
    app.register_blueprint(booklet.bp)
    return app
