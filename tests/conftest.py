"""Shared fixtures: the app factory in testing mode, a client, the demo journey."""

from pathlib import Path

import pytest

from falc_wizard import create_app
from falc_wizard.journeys import load_file

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def app(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "PUBLIC_URL": "http://falc.test"})
    yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def demo():
    """Immutable, so shared by every test (and every hypothesis example)."""
    return load_file(FIXTURES / "steps" / "demo.toml")


import html
import re

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Browser:
    """A test client that behaves like a person's browser: reads the CSRF token
    from the page it is on, posts the forms, and follows redirects by hand so
    tests can see each 303."""

    def __init__(self, client):
        self.client = client
        self.page = ""
        self.url = "/"

    def text(self, response) -> str:
        """A response's HTML with entities decoded, to compare with plain sentences."""
        return html.unescape(response.get_data(as_text=True))

    def get(self, url, **kwargs):
        response = self.client.get(url, **kwargs)
        self.url, self.page = url, html.unescape(response.get_data(as_text=True))
        return response

    def token(self) -> str:
        found = _CSRF.search(self.page)
        assert found, f"no CSRF token on {self.url}"
        return found.group(1)

    def post(self, url=None, data=None, follow=True):
        url = url or self.url
        form = {"csrf_token": self.token(), **(data or {})}
        response = self.client.post(url, data=form)
        if follow and response.status_code == 303:
            return self.get(response.headers["Location"])
        self.page = html.unescape(response.get_data(as_text=True))
        return response


@pytest.fixture
def browser(client):
    return Browser(client)


@pytest.fixture
def demo_app():
    """The app serving only the small demo journey of tests/fixtures."""
    return create_app({
        "TESTING": True, "SECRET_KEY": "test-secret", "STEPS_DIR": FIXTURES / "steps",
    })


@pytest.fixture
def demo_browser(demo_app):
    return Browser(demo_app.test_client())
