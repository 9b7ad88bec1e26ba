"""CSRF on every POST: each route of the app that takes a post refuses it without the
page's token, or with another session's token, and accepts it with the page's own.

The routes are read from the app's URL map, so a new post route is checked with no
new test (test_security.py checks how the token is signed, kept and rotated).
"""

import pytest
from flask import url_for

from support import Visitor

#: A value for each variable part of a post route, on the demo journey (tests/fixtures/steps).
ROUTE_VALUES = {"journey_id": "demo", "step_id": "debut"}
#: What each route needs in its form to do its work (a post with only a token is enough elsewhere).
FORMS = {"wizard.begin": {"mode": "guide"}, "pages.update_settings": {"toggle": "helper", "retour": "/"}}


def post_urls(app) -> dict[str, str]:
    """Every route that takes a POST, by endpoint, as a URL of the demo journey."""
    urls = {}
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "POST" in rule.methods:
                assert set(rule.arguments) <= set(ROUTE_VALUES), f"{rule.rule}: add its values to ROUTE_VALUES"
                urls[rule.endpoint] = url_for(rule.endpoint, **{name: ROUTE_VALUES[name] for name in rule.arguments})
    return urls


def on_the_first_step(app) -> Visitor:
    """A person on the demo journey's first screen, with a page that holds their token."""
    visitor = Visitor(app.test_client())
    visitor.get("/parcours/demo")
    visitor.post(data={"mode": "guide"})
    assert visitor.url == "/parcours/demo/debut"
    return visitor


def test_the_app_has_the_post_routes_this_test_knows(demo_app):
    assert set(post_urls(demo_app)) == {"wizard.begin", "wizard.answer", "pages.update_settings", "pages.finished"}


@pytest.mark.parametrize("endpoint", ["wizard.begin", "wizard.answer", "pages.update_settings", "pages.finished"])
def test_every_post_needs_the_persons_own_token(demo_app, endpoint):
    url = post_urls(demo_app)[endpoint]
    form = FORMS.get(endpoint, {})
    person, other = on_the_first_step(demo_app), on_the_first_step(demo_app)
    refused = [
        person.client.post(url, data=form),                                       # no token
        person.client.post(url, data={**form, "csrf_token": "not-a-token"}),      # a made-up one
        person.client.post(url, data={**form, "csrf_token": other.token()}),      # another session's
    ]
    for response in refused:
        assert response.status_code == 400, (url, response.status_code)
        assert "Location" not in response.headers
    # Nothing was done: the person is still on the first screen, settings untouched.
    assert person.get("/parcours/demo/debut").status_code == 200 and "helper-note" not in person.page
    # The page's own token is accepted.
    accepted = person.client.post(url, data={**form, "csrf_token": person.token()})
    assert accepted.status_code == 303, (url, accepted.status_code)
