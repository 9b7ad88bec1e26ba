"""waitress's "Task queue depth" warning, said once in a while instead of on every request.

waitress warns on its ``waitress.queue`` logger each time a request arrives
while every thread is busy: under load that is every request (49 000 lines in a
load test), and the log says nothing more for it. ``QueueWarnings`` lets one
line through per interval: the first warning, then the deepest queue seen
since and how many warnings it stands for.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable

#: waitress's own logger for the warning.
LOGGER_NAME = "waitress.queue"

#: Seconds between two lines about the queue.
INTERVAL = 60


class QueueWarnings(logging.Filter):
    """At most one queue warning per ``interval`` seconds, summing up the ones held back."""

    def __init__(self, interval: float = INTERVAL, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.interval = interval
        self.clock = clock
        self._lock = threading.Lock()
        self._next: float | None = None
        self._held = 0
        self._deepest = 0

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        depth = args[0] if len(args) == 1 and isinstance(args[0], int) else 0
        with self._lock:
            now = self.clock()
            self._deepest = max(self._deepest, depth)
            if self._next is not None and now < self._next:
                self._held += 1
                return False
            held, deepest = self._held, self._deepest
            self._held, self._deepest, self._next = 0, 0, now + self.interval
        if held:
            record.msg = "Task queue depth is %d (the deepest of %d warnings in %d s: requests wait for a thread)"
            record.args = (deepest, held + 1, round(self.interval))
        return True


def install() -> None:
    """On waitress's queue logger; idempotent."""
    logger = logging.getLogger(LOGGER_NAME)
    if not any(isinstance(existing, QueueWarnings) for existing in logger.filters):
        logger.addFilter(QueueWarnings())
