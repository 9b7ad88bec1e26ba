"""Under load, waitress says once in a while that requests wait for a thread, not on every request."""

import logging

import pytest
from waitress.task import ThreadedTaskDispatcher

from falc_wizard import cli
from falc_wizard.web.waitress_log import QueueWarnings


@pytest.fixture
def queue_lines(monkeypatch):
    """The lines waitress's queue logger lets through, with ``falc-wizard serve``'s set-up (its server mocked)."""
    import waitress

    logger = logging.getLogger("waitress.queue")
    monkeypatch.setattr(logger, "filters", [])  # each test installs its own, and leaves none behind
    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            lines.append(record.getMessage())

    keep = Keep()
    logger.addHandler(keep)
    monkeypatch.setattr(waitress, "serve", lambda app, **kwargs: None)
    monkeypatch.setenv("FALC_SECRET_KEY", "k")
    yield lines
    logger.removeHandler(keep)


def test_a_long_queue_is_said_in_one_line_not_on_every_request(queue_lines):
    assert cli.main(["serve", "--port", "8124"]) == 0
    dispatcher = ThreadedTaskDispatcher()  # no thread: every task added waits, as under a flood
    for task in range(5000):
        dispatcher.add_task(task)
    assert len(queue_lines) == 1, queue_lines[:3]
    assert queue_lines[0].startswith("Task queue depth is 1")


def test_the_next_line_comes_after_the_interval_with_the_deepest_queue_and_the_count():
    now = [0.0]
    summary = QueueWarnings(interval=60, clock=lambda: now[0])

    def warn(depth):
        record = logging.LogRecord("waitress.queue", logging.WARNING, __file__, 1, "Task queue depth is %d", (depth,), None)
        return record.getMessage() if summary.filter(record) else None

    assert warn(1) == "Task queue depth is 1"
    assert [warn(depth) for depth in range(2, 50)] == [None] * 48
    now[0] = 59.9
    assert warn(3) is None
    now[0] = 60.0
    line = warn(7)
    assert line == "Task queue depth is 49 (the deepest of 50 warnings in 60 s: requests wait for a thread)"
    assert warn(1) is None
