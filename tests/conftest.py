"""Shared fixtures: the app factory in testing mode, a client, the demo journey, and a
``visitor`` (a person's browser over the test client, tests/support.py)."""

import pytest

from falc_wizard import create_app
from falc_wizard.content import load_file
from support import FIXTURES, Visitor


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


@pytest.fixture
def visitor(client):
    return Visitor(client)


@pytest.fixture
def demo_app():
    """The app serving only the small demo journey of tests/fixtures."""
    return create_app({
        "TESTING": True, "SECRET_KEY": "test-secret", "STEPS_DIR": FIXTURES / "steps",
    })


@pytest.fixture
def demo_visitor(demo_app):
    return Visitor(demo_app.test_client())
