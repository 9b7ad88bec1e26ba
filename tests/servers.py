"""Real servers for tests: ``falc-wizard serve`` (waitress) or gunicorn in a subprocess.

Each server gets its own working folder, HOME and TMPDIR (so a test can look at
every file it could have written) and its own log file; ``start`` waits until
``/sante`` answers, ``stop`` ends exactly the process it started. ``Person`` is
a browser over urllib: one cookie jar, whatever server answers.
"""

from __future__ import annotations

import html
import http.cookiejar
import os
import re
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    base: str
    folder: Path
    log_path: Path
    process: subprocess.Popen
    _log: object

    def log(self) -> str:
        """Everything the server printed so far."""
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._log.close()


def start(folder: Path, env: dict[str, str] | None = None, timeout: float = 20,
          server: str = "waitress", host_header: str | None = None,
          extra_args: list[str] | None = None) -> Server:
    """Start ``python -m falc_wizard.cli serve`` (or gunicorn, one worker) in ``folder``; wait for /sante.

    ``host_header``: the Host the health check sends, when trusted hosts refuse 127.0.0.1;
    ``extra_args``: more arguments for the server's command line.
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "home").mkdir(exist_ok=True)
    (folder / "tmp").mkdir(exist_ok=True)
    port = free_port()
    full_env = {**os.environ, "HOME": str(folder / "home"), "TMPDIR": str(folder / "tmp"), **(env or {})}
    if server == "waitress":
        command = [sys.executable, "-m", "falc_wizard.cli", "serve", "--port", str(port)]
    else:
        command = [sys.executable, "-m", "gunicorn", "-w", "1", "-b", f"127.0.0.1:{port}",
                   "falc_wizard.wsgi:create()"]
    command += extra_args or []
    log_path = folder / "server.log"
    log = open(log_path, "wb")
    process = subprocess.Popen(command, cwd=folder, env=full_env, stdout=log, stderr=subprocess.STDOUT)
    running = Server(f"http://127.0.0.1:{port}", folder, log_path, process, log)
    check = urllib.request.Request(running.base + "/sante", headers={"Host": host_header} if host_header else {})
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(check, timeout=1)
            return running
        except OSError:  # refused, reset, or not answered yet (a worker still loading the app)
            if process.poll() is not None or time.monotonic() > deadline:
                running.stop()
                raise AssertionError(f"the server did not start:\n{running.log()}")
            time.sleep(0.1)


class Person:
    """One visitor: one cookie jar, whatever server answers (``tls``: an SSL context for https)."""

    def __init__(self, tls: ssl.SSLContext | None = None):
        self.jar = http.cookiejar.CookieJar()
        handlers = [urllib.request.HTTPCookieProcessor(self.jar)]
        if tls is not None:
            handlers.append(urllib.request.HTTPSHandler(context=tls))
        self.opener = urllib.request.build_opener(*handlers)
        self.page = ""
        self.path = "/"
        self.headers = None

    def open(self, base, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            response = self.opener.open(base + path, body, timeout=10)
        except urllib.error.HTTPError as error:
            response = error
        self.path = urllib.parse.urlparse(response.geturl()).path
        self.headers = response.headers
        self.page = html.unescape(response.read().decode())
        return response.status

    def token(self):
        return re.search(r'name="csrf_token" value="([^"]+)"', self.page).group(1)

    def next_click(self, base):
        """Post the step on screen, choosing the first answer of a choice."""
        data = {"csrf_token": self.token()}
        choice = re.search(r'name="choix" value="([^"]+)"', self.page)
        if choice:
            data["choix"] = choice.group(1)
        return self.open(base, self.path, data)
