"""Access logs that never hold what a person typed or a link that reopens a journey.

waitress writes no access log, and the usual ones (gunicorn's, nginx's) print
the whole request line. This WSGI middleware writes one line per request with
only what running the service needs: method, path, status, size, duration.

What is left out, and why:
- bodies are never read: practice values are posted, and a post body is the
  one place a typed value lives;
- query strings are dropped: a person or a page may put anything there;
- a resume link (``/r/<token>``) reopens a person's journey for days: only
  ``/r/…`` is written. The prefix is read from the app's own routes (the
  endpoints in ``SECRET_ENDPOINTS``), so renaming the route renames what is hidden;
- the path of a 404 is cut to its first segment: an unknown address is text
  someone typed in the address bar;
- no client address, cookie, referrer or user agent: none is needed, and on a
  health service each is a little more about a person.
"""

from __future__ import annotations

import logging
import re
import sys
import time
from typing import Callable, Iterable

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


def loggable_path(path: str, status: int, secret: Iterable[str] = ()) -> str:
    """The path as it may appear in a log; only the prefix of a ``secret`` one."""
    for prefix in secret:
        if path.startswith(prefix):
            return prefix + "…"
    if status == 404:
        first = path.lstrip("/").split("/", 1)[0]
        path = f"/{first}/…" if first and path.rstrip("/") != f"/{first}" else "/…"
    if len(path) > MAX_PATH:
        path = path[:MAX_PATH] + "…"
    return printable(path)


def printable(text: str) -> str:
    """Never let a crafted path write a second line or a terminal escape."""
    if text.isprintable():  # nearly always: one C call instead of a loop
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


class AccessLog:
    """Wraps a WSGI app; logs each request once its response has been sent."""

    def __init__(self, app: Callable, logger: logging.Logger | None = None, secret: Iterable[str] | None = None) -> None:
        """``secret``: the path prefixes to hide; by default those of ``app``'s own routes."""
        self.app = app
        self.logger = logger or logging.getLogger(LOGGER_NAME)
        self.secret = tuple(secret_prefixes(app) if secret is None else secret)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        started = time.perf_counter()
        seen = {"status": 500, "size": 0}

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
            self.write(environ, seen["status"], seen["size"], time.perf_counter() - started)

    def write(self, environ: dict, status: int, size: int, seconds: float) -> None:
        if not self.logger.isEnabledFor(logging.INFO):
            return
        # PATH_INFO is the decoded path as WSGI gives it (latin-1 text of the bytes).
        mount = environ.get("SCRIPT_NAME", "")
        raw = mount + environ.get("PATH_INFO", "")
        try:
            raw = raw.encode("latin-1").decode("utf-8")
        except UnicodeError:
            pass
        secret = tuple(mount + prefix for prefix in self.secret)
        # The record is made here rather than by ``logger.info``, which would walk
        # the stack to find its caller (always this line) on every request.
        self.logger.handle(self.logger.makeRecord(
            self.logger.name, logging.INFO, __file__, 0, '"%s %s" %d %d %.1fms',
            (
                printable(environ.get("REQUEST_METHOD", "-")[:10]),
                loggable_path(raw, status, secret),
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


class RedactFilter(logging.Filter):
    """Keeps full resume tokens and the workers' notes out of werkzeug's request logs.

    Werkzeug's server (``serve --debug``, the browser tests' live server) logs
    the whole request line; a token is a key to a person's journey, so only its
    first characters are kept. Under waitress, ``AccessLog`` writes no token at all.
    """

    def __init__(self, secret: Iterable[str]) -> None:
        super().__init__()
        self.secret: tuple[str, ...] = ()
        self._tokens: re.Pattern | None = None
        self.add(secret)

    def add(self, secret: Iterable[str]) -> None:
        self.secret = tuple(dict.fromkeys([*self.secret, *secret]))
        alternatives = "|".join(re.escape(prefix) for prefix in self.secret)
        self._tokens = re.compile(rf"({alternatives})([A-Za-z0-9_\-.]{{6}})[A-Za-z0-9_\-.]*") if self.secret else None

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _NOTE_IN_LOG.sub(r"\1…", message)
        if self._tokens is not None:
            cleaned = self._tokens.sub(r"\1\2…", cleaned)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def install_log_filter(app) -> None:
    """On werkzeug's request logger, for ``app``'s secret routes; idempotent."""
    logger = logging.getLogger("werkzeug")
    for existing in logger.filters:
        if isinstance(existing, RedactFilter):
            existing.add(secret_prefixes(app))
            return
    logger.addFilter(RedactFilter(secret_prefixes(app)))
