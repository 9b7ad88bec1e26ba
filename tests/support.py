"""What the tests share that is not a fixture: the person's browser over the Flask test
client, and where the test fixtures live. Tests import it as ``support``; no test
module imports another."""

import html
import re
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(page: str) -> str | None:
    """The CSRF token of the first form of a page, or None."""
    found = _CSRF.search(page)
    return found.group(1) if found else None

class Visitor:
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
        token = csrf_token(self.page)
        assert token, f"no CSRF token on {self.url}"
        return token

    def post(self, url=None, data=None, follow=True):
        url = url or self.url
        form = {"csrf_token": self.token(), **(data or {})}
        response = self.client.post(url, data=form)
        if follow and response.status_code == 303:
            return self.get(response.headers["Location"])
        self.page = html.unescape(response.get_data(as_text=True))
        return response
