"""The access log: one useful line per request, never a typed value or a resume link."""

import logging

import pytest
from flask import Flask, url_for
from werkzeug.test import Client

from support import FIXTURES, Visitor
from falc_wizard import create_app
from falc_wizard.accesslog import AccessLog, RedactFilter, install_log_filter, loggable_path, secret_prefixes

TYPED = "Secr3tTyped"


@pytest.fixture
def logged():
    """A browser on the demo app wrapped in the access log, and the lines it wrote."""
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())

    logger = logging.getLogger("test.access")
    logger.handlers[:] = [Keep()]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    app = create_app({"TESTING": True, "SECRET_KEY": "k", "STEPS_DIR": FIXTURES / "steps"})
    client = Client(AccessLog(app, logger))
    return Visitor(client), records


def test_one_line_per_request_with_method_path_status_size_and_time(logged):
    visitor, lines = logged
    visitor.get("/parcours/demo")
    visitor.post(data={"mode": "guide"})
    assert len(lines) == 3
    [first] = [line for line in lines if line.startswith('"GET /parcours/demo" 200 ')]
    assert any(line.startswith('"POST /parcours/demo" 303 ') for line in lines)
    assert any(line.startswith('"GET /parcours/demo/debut" 200 ') for line in lines)
    size = int(first.split()[3])
    assert size > 1000
    assert first.endswith("ms") and float(first.split()[4][:-2]) >= 0


def test_bodies_and_query_strings_are_never_logged(logged):
    visitor, lines = logged
    visitor.get("/parcours/demo")
    visitor.post(data={"mode": "entrainement"})
    visitor.post()
    visitor.post(data={"element": "avec-photo"})  # practice: the card pressed on the copy
    visitor.post(data={"valeur": TYPED}, follow=False)
    visitor.get(f"/parcours/demo/serie-avec-photo?valeur={TYPED}")
    assert TYPED in visitor.page or visitor.page  # the page was served
    assert any(line.startswith('"POST /parcours/demo/serie-avec-photo" 400 ') for line in lines)
    assert any(line.startswith('"GET /parcours/demo/serie-avec-photo" ') for line in lines)
    assert not any(TYPED in line for line in lines)


def test_resume_links_and_unknown_paths_are_shortened(logged):
    visitor, lines = logged
    visitor.get("/r/AbCdEfGhIjKlMnOp")
    visitor.get(f"/parcours/{TYPED}")
    visitor.get(f"/{TYPED}")
    assert lines[0].startswith('"GET /r/…" ')
    assert lines[1] == lines[1].replace(TYPED, "") and lines[1].startswith('"GET /parcours/…" 404 ')
    assert lines[2].startswith('"GET /…" 404 ')


@pytest.mark.parametrize("path, status, expected", [
    ("/r/token", 200, "/r/…"),
    ("/r/", 404, "/r/…"),
    ("/parcours/demo/debut", 200, "/parcours/demo/debut"),
    ("/parcours/x/y", 404, "/parcours/…"),
    ("/x", 404, "/…"),
    ("/", 404, "/…"),
    ("/a\nb", 200, "/a\\nb"),
    ("/\x1b[31m", 200, "/\\x1b[31m"),
    ("/" + "a" * 500, 200, "/" + "a" * 119 + "…"),
    ("/é", 200, "/é"),
])
def test_loggable_path(path, status, expected):
    assert loggable_path(path, status, ["/r/"]) == expected


def test_the_hidden_prefix_is_read_from_the_resume_route():
    """Renaming the resume route renames what the logs hide: the prefix is never written twice."""
    app = create_app({"TESTING": True, "SECRET_KEY": "k", "STEPS_DIR": FIXTURES / "steps"})
    token = "eyJqIjoiZGVtbyJ9.aBcDeF.0123456789abcdef"
    with app.test_request_context():
        link = url_for("later.resume_link", token=token)
    prefix = link[: -len(token)]
    assert secret_prefixes(app) == (prefix,)
    assert token not in loggable_path(link, 200, secret_prefixes(app))
    assert token not in "".join(record for record in _log_lines(AccessLog(app, _keeping_logger()), link))

    renamed = Flask(__name__)
    renamed.add_url_rule("/reprendre/<token>", "later.resume_link", lambda token: "")
    assert secret_prefixes(renamed) == ("/reprendre/",)
    assert loggable_path(f"/reprendre/{token}", 302, secret_prefixes(renamed)) == "/reprendre/…"
    werkzeug_filter = RedactFilter(secret_prefixes(renamed))
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, '"GET /reprendre/%s HTTP/1.1" 302 -', (token,), None)
    werkzeug_filter.filter(record)
    assert token not in record.getMessage() and "/reprendre/eyJqIj…" in record.getMessage()


def test_the_app_installs_the_werkzeug_filter_for_its_routes():
    app = create_app({"TESTING": True, "SECRET_KEY": "k", "STEPS_DIR": FIXTURES / "steps"})
    install_log_filter(app)  # idempotent: still one filter
    filters = [f for f in logging.getLogger("werkzeug").filters if isinstance(f, RedactFilter)]
    assert len(filters) == 1 and "/r/" in filters[0].secret


def _keeping_logger():
    logger = logging.getLogger("test.access.prefix")
    logger.handlers[:] = []
    logger.propagate = False
    return logger


def _log_lines(wrapped, path):
    lines = []

    class Keep(logging.Handler):
        def emit(self, record):
            lines.append(record.getMessage())

    wrapped.logger.addHandler(Keep())
    wrapped.logger.setLevel(logging.INFO)
    Client(wrapped).get(path)
    assert lines, "the request was logged"
    return lines


def test_the_cli_serves_the_app_with_its_access_log(monkeypatch):
    """falc-wizard serve hands waitress the wrapped app (the real server is in test_privacy)."""
    import waitress

    from falc_wizard import cli

    served = {}
    monkeypatch.setattr(waitress, "serve", lambda app, **kwargs: served.update(app=app, **kwargs))
    monkeypatch.setenv("FALC_SECRET_KEY", "k")
    assert cli.main(["serve", "--port", "8123"]) == 0
    assert isinstance(served["app"], AccessLog) and served["port"] == 8123
