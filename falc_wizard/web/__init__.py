"""The web room: the app factory, its blueprints, security, i18n, templating and the page cache.

``create_app()`` is the app factory: it reads the settings, loads and validates
every journey file (a bad file stops the start), and wires the blueprints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from flask import Flask

from ..content import CONTENT_DIR, Journey, Site, load_journeys, load_site
from ..resources import resource_dir
from . import config as settings
from . import page_cache


def load_content(steps_dir: Path | None = None, site: Site | None = None) -> dict[str, Journey]:
    """Every journey of a content folder (the shipped one by default), checked against the
    pictograms and the practice fields that exist, and against its site (its ``[site]`` table):
    practice never shows the site's address.

    The one place where the content meets the practice rules: the loader
    (content/loader.py) only gets the fields' names.
    """
    from ..practice.rules import FIELD_RULES

    folder = steps_dir or CONTENT_DIR
    site = site or load_site(folder)
    return load_journeys(folder, fields=FIELD_RULES, never_show=site.never_show)


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(
        "falc_wizard",  # the package: its static/ folder
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

    # The content folder (FALC_CONTENT, or the shipped one): its site table, then its journeys.
    app.extensions["falc_site"] = load_site(app.config.get("STEPS_DIR"))
    app.extensions["falc_journeys"] = load_content(app.config.get("STEPS_DIR"), app.extensions["falc_site"])
    # Rendered step pages (page_cache.py); PAGE_CACHE_SIZE = 0 turns it off.
    size = app.config.get("PAGE_CACHE_SIZE", page_cache.DEFAULT_SIZE)
    if size:
        app.extensions["falc_page_cache"] = page_cache.PageCache(size)

    from . import accesslog, compression, i18n, listening, security, templating
    from .views import booklet, errors, later, pages, sheets, wizard

    i18n.init_app(app)
    security.init_app(app)
    templating.init_app(app)
    listening.init_app(app)
    errors.init_app(app)
    compression.init_app(app)
    for blueprint in (pages.bp, wizard.bp, sheets.bp, later.bp, booklet.bp):
        app.register_blueprint(blueprint)
    # Werkzeug's own request log (serve --debug, test servers) hides tokens and notes too.
    accesslog.install_log_filter(app)
    return app
