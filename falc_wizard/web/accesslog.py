"""Access logs that never hold what a person typed or a link that reopens a journey.

waitress writes no access log, and the usual ones (gunicorn's, nginx's) print
the whole request line. This WSGI middleware writes one line per request with
only what running the service needs: method, path, status, size, duration.

What is left out, and why:
- bodies are never read: practice values are posted, and a post body is the
  one place a typed value lives;
- query strings are dropped: a person or a page may put anything there;
- a path is written in full only when the app itself could have written it: it
  is one of the app's routes, and each of its variable parts is an id of the
  app's own (a journey, a step of it, a pictogram, a static file): ``KnownPaths``.
  Any other path, whatever the answer (404, 405, a post refused for its CSRF
  token, an untrusted Host), is cut to the fixed start of the route it falls
  under (``/parcours/…``, else ``/…``): what follows is text someone typed. A
  resume link (``/r/<token>``) reopens a person's journey for days: its token
  is never an id of the app's own, so only ``/r/…`` is written;
- the mount point is the server's (``SCRIPT_NAME`` before the app runs), never
  a prefix a client sent (``X-Forwarded-Prefix``, read later by ProxyFix), and
  a method other than HTTP's own is written ``-``;
- no client address, cookie, referrer or user agent: none is needed, and on a
  health service each is a little more about a person.
"""

from __future__ import annotations

import logging
import re
import sys
import time
from pathlib import Path
from typing import Callable, Iterable

from werkzeug.exceptions import HTTPException, MethodNotAllowed
from werkzeug.routing import RequestRedirect

LOGGER_NAME = "falc_wizard.access"

#: The endpoints whose URL, after its fixed start, is a secret (a resume token).
SECRET_ENDPOINTS = ("later.resume_link",)

#: Longest path written, so one line stays one short line.
MAX_PATH = 120


def secret_prefixes(app) -> tuple[str, ...]:
    """The fixed start of every secret route of a Flask app ("/r/" for ``/r/<token>``)."""
    return tuple(
        rule.rule.split("<", 1)[0]
        for rule in app.url_map.iter_rules()
        if rule.endpoint in SECRET_ENDPOINTS
    )


#: HTTP's own methods: any other word a client sends is written "-".
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"})


class KnownPaths:
    """The paths of one Flask app that may be written in full: its routes, with its own ids.

    A path is matched against the app's URL map; each variable part must then be
    one of the app's own values, by the part's name (``values``): a journey
    (``journey_id``), a step of that journey (``step_id``), a pictogram (``name``),
    a static file (``filename``). A part of any other name (the resume
    ``token``, a route added later) is never known. Anything else is cut to the
    longest fixed start of a route it begins with, and ``…``.
    """

    def __init__(self, app) -> None:
        url_map = getattr(app, "url_map", None)
        self._adapter = url_map.bind("localhost") if url_map is not None else None
        starts = {"/"}
        for rule in url_map.iter_rules() if url_map is not None else ():
            if "<" in rule.rule:
                starts.add(rule.rule.split("<", 1)[0].rsplit("/", 1)[0] + "/")
        self._starts = sorted(starts, key=len, reverse=True)
        extensions = getattr(app, "extensions", {})
        self._journeys = extensions.get("falc_journeys", {})
        self._values: dict[str, frozenset[str]] = {"journey_id": frozenset(self._journeys)}
        if "falc_journeys" in extensions:
            from ..content.pictograms import titles

            self._values["name"] = frozenset(titles())
        folder = getattr(app, "static_folder", None)
        if folder and Path(folder).is_dir():
            self._values["filename"] = frozenset(
                p.relative_to(folder).as_posix() for p in Path(folder).rglob("*") if p.is_file())

    def loggable(self, path: str) -> str:
        if self._known(path):
            return path
        return next((start for start in self._starts if path.startswith(start)), "/") + "…"

    def _known(self, path: str) -> bool:
        if self._adapter is None or len(path) > MAX_PATH or not path.isprintable():
            return False
        try:
            try:
                _endpoint, args = self._adapter.match(path, method="GET")
            except MethodNotAllowed as refused:  # a route of another method (a post-only page)
                _endpoint, args = self._adapter.match(path, method=sorted(refused.valid_methods or ["POST"])[0])
        except (HTTPException, RequestRedirect):  # no such route, or not as the app writes it
            return False
        for name, value in args.items():
            if name == "step_id":
                journey = self._journeys.get(args.get("journey_id"))
                if journey is None or value not in journey.steps:
                    return False
            elif value not in self._values.get(name, ()):
                return False
        return True


def printable(text: str) -> str:
    """Never let a crafted path write a second line or a terminal escape."""
    if text.isprintable():  # nearly always: one C call instead of a loop
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


class AccessLog:
    """Wraps a WSGI app; logs each request once its response has been sent."""

    def __init__(self, app: Callable, logger: logging.Logger | None = None) -> None:
        self.app = app
        self.logger = logger or logging.getLogger(LOGGER_NAME)
        self.known = KnownPaths(app)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        started = time.perf_counter()
        seen = {"status": 500, "size": 0}
        # Read before the app runs: ProxyFix then writes a client's X-Forwarded-Prefix in SCRIPT_NAME.
        asked = (environ.get("REQUEST_METHOD", "-"), environ.get("SCRIPT_NAME", ""), environ.get("PATH_INFO", ""))

        def recording_start_response(status, headers, exc_info=None):
            seen["status"] = int(status.split(" ", 1)[0])
            return start_response(status, headers, exc_info)

        body = self.app(environ, recording_start_response)
        try:
            for chunk in body:
                seen["size"] += len(chunk)
                yield chunk
        finally:
            if hasattr(body, "close"):
                body.close()
            self.write(asked, seen["status"], seen["size"], time.perf_counter() - started)

    def write(self, asked: tuple[str, str, str], status: int, size: int, seconds: float) -> None:
        if not self.logger.isEnabledFor(logging.INFO):
            return
        method, mount, path = asked
        # PATH_INFO is the decoded path as WSGI gives it (latin-1 text of the bytes).
        try:
            path = path.encode("latin-1").decode("utf-8")
        except UnicodeError:
            pass
        # The record is made here rather than by ``logger.info``, which would walk
        # the stack to find its caller (always this line) on every request.
        self.logger.handle(self.logger.makeRecord(
            self.logger.name, logging.INFO, __file__, 0, '"%s %s" %d %d %.1fms',
            (
                method if method in METHODS else "-",
                printable(mount) + self.known.loggable(path),
                status,
                size,
                seconds * 1000,
            ),
            None,
        ))


def wrap(app: Callable) -> AccessLog:
    """The app with its access log, printed on stderr unless logging is set up already."""
    logger = logging.getLogger(LOGGER_NAME)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s access %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return AccessLog(app, logger)


_NOTE_IN_LOG = re.compile(r"([?&]note=)[^&\s\"]*")


#: Werkzeug's request line, as its server logs it (styled with ANSI colours on a terminal).
_REQUEST_LINE = re.compile(
    r"(?P<start>(?:\x1b\[[\d;]*m)*)(?P<method>\S+) (?P<path>\S+) (?P<version>HTTP/[\d.]+)(?P<end>(?:\x1b\[[\d;]*m)*)")


class RedactFilter(logging.Filter):
    """Keeps typed paths, query strings, resume tokens and the workers' notes out of werkzeug's request logs.

    Werkzeug's server (``serve --debug``, the browser tests' live server) logs
    the whole request line. Once it knows the app (``shape_paths_of``), the
    line's path is written as ``AccessLog`` writes it (``KnownPaths``), without
    its query string. Before that, or for another message: a token is a key to
    a person's journey, so only its first characters are kept, and a note is
    cut. Under waitress, ``AccessLog`` writes no token at all.
    """

    def __init__(self, secret: Iterable[str]) -> None:
        super().__init__()
        self.secret: tuple[str, ...] = ()
        self._tokens: re.Pattern | None = None
        self._app = None
        self._known: KnownPaths | None = None
        self.add(secret)

    def shape_paths_of(self, app) -> None:
        """Write request lines' paths as ``app``'s access log does (its routes are read on first use)."""
        self._app, self._known = app, None

    def _shaped(self, record: logging.LogRecord) -> None:
        args = record.args
        if self._app is None or not isinstance(args, tuple) or len(args) != 3 or not isinstance(args[0], str):
            return
        line = _REQUEST_LINE.fullmatch(args[0])
        if line is None:
            return
        if self._known is None:
            self._known = KnownPaths(self._app)
        method = line["method"] if line["method"] in METHODS else "-"
        path = self._known.loggable(line["path"].split("?", 1)[0])
        record.args = (f'{line["start"]}{method} {path} {line["version"]}{line["end"]}', *args[1:])

    def add(self, secret: Iterable[str]) -> None:
        self.secret = tuple(dict.fromkeys([*self.secret, *secret]))
        alternatives = "|".join(re.escape(prefix) for prefix in self.secret)
        self._tokens = re.compile(rf"({alternatives})([A-Za-z0-9_\-.]{{6}})[A-Za-z0-9_\-.]*") if self.secret else None

    def filter(self, record: logging.LogRecord) -> bool:
        self._shaped(record)
        message = record.getMessage()
        cleaned = _NOTE_IN_LOG.sub(r"\1…", message)
        if self._tokens is not None:
            cleaned = self._tokens.sub(r"\1\2…", cleaned)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def install_log_filter(app) -> None:
    """On werkzeug's request logger, for ``app``'s routes (the last app made, in a process
    that makes several); idempotent."""
    logger = logging.getLogger("werkzeug")
    found = next((existing for existing in logger.filters if isinstance(existing, RedactFilter)), None)
    if found is None:
        found = RedactFilter(())
        logger.addFilter(found)
    found.add(secret_prefixes(app))
    found.shape_paths_of(app)
