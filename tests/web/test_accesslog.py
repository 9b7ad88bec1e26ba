"""The access log: one useful line per request, never a typed value or a resume link."""

import functools
import logging

import pytest
from flask import Flask, url_for
from werkzeug.test import Client

from support import FIXTURES, Visitor
from falc_wizard import create_app
from falc_wizard.web.accesslog import AccessLog, KnownPaths, RedactFilter, install_log_filter, secret_prefixes

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
    assert any(line.startswith('"POST /parcours/demo/serie-avec-photo" 303 ') for line in lines)
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


def test_no_path_a_client_typed_reaches_the_log_whatever_the_answer():
    """A refused request (405, a post without its token, an untrusted Host, a 404) writes the
    known start of the address only; a forwarded prefix is the client's too."""
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())

    logger = logging.getLogger("test.access.refused")
    logger.handlers[:] = [Keep()]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    app = create_app({"TESTING": True, "SECRET_KEY": "k", "STEPS_DIR": FIXTURES / "steps",
                      "TRUSTED_HOSTS": ["localhost"], "PROXY_FIX": 1})
    client = Client(AccessLog(app, logger))
    client.open = functools.partial(client.open, buffered=True)  # the line is written once the body is sent
    asked = [
        ("DELETE", f"/parcours/{TYPED}", 405, '"DELETE /parcours/…" 405 '),
        ("DELETE", "/parcours/demo", 405, '"DELETE /parcours/demo" 405 '),  # the content's own ids
        ("POST", f"/parcours/demo/{TYPED}", 400, '"POST /parcours/…" 400 '),  # no CSRF token
        ("POST", f"/fini/{TYPED}", 404, '"POST /…" 404 '),
        ("GET", f"/pictogrammes/{TYPED}.svg", 404, '"GET /pictogrammes/…" 404 '),
        ("GET", f"/static/{TYPED}.css", 404, '"GET /static/…" 404 '),
        ("GET", f"/fiches/{TYPED}.png", 404, '"GET /fiches/…" 404 '),
        ("GET", f"/p/{TYPED}", 404, '"GET /p/…" 404 '),
        ("GET", f"/{TYPED}/demo", 404, '"GET /…" 404 '),
        (TYPED, "/", 405, '"- /" 405 '),
        ("GET", "/pictogrammes/aide.svg", 200, '"GET /pictogrammes/aide.svg" 200 '),
        ("GET", "/static/style.css", 200, '"GET /static/style.css" 200 '),
    ]
    for method, path, status, line in asked:
        response = client.open(path, method=method, headers={"Host": "localhost"})
        assert response.status_code == status, (method, path, response.status_code)
        assert records[-1].startswith(line), (records[-1], line)
    # An untrusted Host, and a prefix the client sent (X-Forwarded-Prefix is trusted here).
    assert client.get(f"/parcours/{TYPED}", headers={"Host": "elsewhere.example"}).status_code == 400
    assert records[-1].startswith('"GET /parcours/…" 400 ')
    assert client.get("/parcours/demo", headers={"Host": "localhost", "X-Forwarded-Prefix": f"/{TYPED}"}).status_code == 200
    assert records[-1].startswith('"GET /parcours/demo" 200 ')
    assert not any(TYPED in line for line in records)


@pytest.mark.parametrize("path, expected", [
    ("/r/token", "/r/…"),
    ("/r/", "/r/…"),
    ("/parcours/demo/debut", "/parcours/demo/debut"),
    ("/parcours/demo/envoi", "/parcours/demo/envoi"),
    ("/plus-tard/demo/debut", "/plus-tard/demo/debut"),
    ("/parcours/demo/nulle-part", "/parcours/…"),
    ("/parcours/x/y", "/parcours/…"),
    ("/parcours/demo/debut/", "/parcours/…"),
    ("/x", "/…"),
    ("/", "/"),
    ("", "/…"),
    ("/a\nb", "/…"),
    ("/\x1b[31m", "/…"),
    ("/" + "a" * 500, "/…"),
    ("/é", "/…"),
])
def test_loggable_path(path, expected):
    app = create_app({"TESTING": True, "SECRET_KEY": "k", "STEPS_DIR": FIXTURES / "steps"})
    assert KnownPaths(app).loggable(path) == expected


def test_the_hidden_prefix_is_read_from_the_resume_route():
    """Renaming the resume route renames what the logs hide: the prefix is never written twice."""
    app = create_app({"TESTING": True, "SECRET_KEY": "k", "STEPS_DIR": FIXTURES / "steps"})
    token = "eyJqIjoiZGVtbyJ9.aBcDeF.0123456789abcdef"
    with app.test_request_context():
        link = url_for("later.resume_link", token=token)
    prefix = link[: -len(token)]
    assert secret_prefixes(app) == (prefix,)
    assert KnownPaths(app).loggable(link) == prefix + "…"
    assert token not in "".join(record for record in _log_lines(AccessLog(app, _keeping_logger()), link))

    renamed = Flask(__name__)
    renamed.add_url_rule("/reprendre/<token>", "later.resume_link", lambda token: "")
    assert secret_prefixes(renamed) == ("/reprendre/",)
    assert KnownPaths(renamed).loggable(f"/reprendre/{token}") == "/reprendre/…"
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


@pytest.mark.parametrize("line, written", [
    (f"DELETE /parcours/{TYPED}?note=x HTTP/1.1", "DELETE /parcours/… HTTP/1.1"),
    (f"\x1b[1m\x1b[31mPOST /parcours/demo/{TYPED} HTTP/1.1\x1b[0m", "\x1b[1m\x1b[31mPOST /parcours/… HTTP/1.1\x1b[0m"),
    (f"GET /parcours/demo/debut?valeur={TYPED} HTTP/1.1", "GET /parcours/demo/debut HTTP/1.1"),
    (f"{TYPED} / HTTP/1.1", "- / HTTP/1.1"),
    ("GET /r/eyJqIjoiZGVtbyJ9.aBcDeF.0123456789abcdef HTTP/1.1", "GET /r/… HTTP/1.1"),
])
def test_werkzeugs_request_line_writes_the_path_as_the_access_log_does(line, written):
    """The development server and the browser tests' live server log through werkzeug."""
    app = create_app({"TESTING": True, "SECRET_KEY": "k", "STEPS_DIR": FIXTURES / "steps"})
    [werkzeug_filter] = [f for f in logging.getLogger("werkzeug").filters if isinstance(f, RedactFilter)]
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, '127.0.0.1 - - [date] "%s" %s %s',
                               (line, "405", "-"), None)
    werkzeug_filter.filter(record)
    assert record.getMessage() == f'127.0.0.1 - - [date] "{written}" 405 -'
    assert TYPED not in record.getMessage() and app is not None
