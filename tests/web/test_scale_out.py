"""Two app processes with the same secret key serve one person.

The person's state lives in the signed cookie, so any process with the key can
take the next click: this starts the activation journey on one real server
(``falc-wizard serve``) and finishes it on another, with one cookie jar, as a
load balancer without sticky sessions would. A third server with another key
does not know the person: the state really is in the signed cookie.
"""

import pytest

import servers
from servers import Person

KEY = "scale-out-test-key"


@pytest.fixture
def cluster(tmp_path):
    started = []
    try:
        for name, key in (("a", KEY), ("b", KEY), ("other", "another-key")):
            started.append(servers.start(tmp_path / name, {"FALC_SECRET_KEY": key, "FALC_ENV": "production",
                                                            "FALC_PUBLIC_URL": "http://127.0.0.1"}))
        yield started
    finally:
        for server in started:
            server.stop()


def is_end(page: str) -> bool:
    return "J'ai fini" in page


def test_a_journey_started_on_one_process_ends_on_the_other(cluster):
    a, b, other = cluster
    person = Person()
    assert person.open(a.base, "/parcours/activer") == 200
    assert person.open(a.base, "/parcours/activer", {"csrf_token": person.token(), "mode": "guide"}) == 200
    first_step = person.path
    assert first_step.startswith("/parcours/activer/")

    # A few clicks on process A.
    for _ in range(3):
        assert person.next_click(a.base) == 200
    middle = person.path
    assert middle != first_step and not is_end(person.page)

    # The same page, refreshed on B: B knows where the person is.
    assert person.open(b.base, middle) == 200
    assert person.path == middle
    # A form drawn by A, posted to B: B accepts A's CSRF token and moves on.
    assert person.open(a.base, middle) == 200
    assert person.next_click(b.base) == 200 and person.path != middle
    assert "Étape" in person.page

    # The rest on B, alternating with A on every other click, to the end.
    for count in range(60):
        if is_end(person.page):
            break
        assert person.next_click((b.base, a.base)[count % 2]) == 200
    else:
        pytest.fail(f"the end was not reached, stopped at {person.path}")
    assert person.path.startswith("/parcours/activer/")

    # Another key knows nothing of this person: a gentle page, not their journey.
    assert person.open(other.base, middle) == 400
    assert "Cette page n'est plus ouverte" in person.page

    for server in (a, b):
        assert "Traceback" not in server.log()
