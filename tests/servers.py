"""Real servers for tests: ``falc-wizard serve`` (waitress) in a subprocess.

Each server gets its own working folder, HOME and TMPDIR (so a test can look at
every file it could have written) and its own log file; ``start`` waits until
``/sante`` answers, ``stop`` ends exactly the process it started.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
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


def start(folder: Path, env: dict[str, str] | None = None, timeout: float = 20) -> Server:
    """Start ``python -m falc_wizard.cli serve`` in ``folder``; wait for /sante."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "home").mkdir(exist_ok=True)
    (folder / "tmp").mkdir(exist_ok=True)
    port = free_port()
    full_env = {**os.environ, "HOME": str(folder / "home"), "TMPDIR": str(folder / "tmp"), **(env or {})}
    log_path = folder / "server.log"
    log = open(log_path, "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "falc_wizard.cli", "serve", "--port", str(port)],
        cwd=folder, env=full_env, stdout=log, stderr=subprocess.STDOUT,
    )
    server = Server(f"http://127.0.0.1:{port}", folder, log_path, process, log)
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(server.base + "/sante", timeout=1)
            return server
        except (urllib.error.URLError, ConnectionError):
            if process.poll() is not None or time.monotonic() > deadline:
                server.stop()
                raise AssertionError(f"the server did not start:\n{server.log()}")
            time.sleep(0.1)
