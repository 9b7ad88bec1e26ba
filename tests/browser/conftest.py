"""Browser fixtures: one Debian Chromium for the whole session, the app on a live server.

Playwright cannot download its own browser here, so every test drives the
system's Chromium (installed by the Makefile's ``chromium`` target). One
browser process serves the whole session; each test opens its own context.
"""

from __future__ import annotations

import logging
import threading

import pytest
from werkzeug.serving import make_server

from falc_wizard import create_app

from playwright.sync_api import expect

from .browsing import CHROMIUM, CHROMIUM_ARGS, EXPECT_TIMEOUT_MS, context_options

expect.set_options(timeout=EXPECT_TIMEOUT_MS)

def pytest_collection_modifyitems(items):
    """Mark `browser` every test here that drives Chromium (``-m "not browser"`` skips them)."""
    for item in items:
        in_here = "tests/browser/" in str(item.path).replace("\\", "/")
        if in_here and {"chromium", "context", "page"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def chromium(playwright_instance):
    """The one Chromium of the session (Debian's, with the flags this machine needs)."""
    chromium = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def live_server():
    """The app served for real on 127.0.0.1 and a free port, in a thread; yields its base URL."""
    yield from _serve({"TESTING": True, "SECRET_KEY": "browser-test-secret"})


@pytest.fixture(scope="session")
def live_server_without_audio(tmp_path_factory):
    """The same app where no audio file is made yet: « Écouter » falls back to the browser's voice."""
    yield from _serve({"TESTING": True, "SECRET_KEY": "browser-test-secret",
                       "AUDIO_DIR": str(tmp_path_factory.mktemp("no-audio"))})


def _serve(config):
    app = create_app(config)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # not one line per request in the test output
    server = make_server("127.0.0.1", 0, app, threaded=True)  # port 0: the system picks a free one
    port = server.server_port
    # The address printed QR codes link to, as `falc-wizard serve` sets it (qr.public_base).
    app.config["SERVED_URL"] = f"http://127.0.0.1:{port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def context(chromium):
    """A fresh browser profile (cookies, session) at tablet size for one test."""
    ctx = chromium.new_context(**context_options())
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()
