"""What the tests share that is not a fixture: the person's browser over the Flask test
client, a valid value for each practice field, the answer that takes a path on, and
where the test fixtures live. Tests import it as ``support``; no test module imports
another."""

import html
import re
from pathlib import Path

from falc_wizard.content import Journey
from falc_wizard.practice.rules import FIELD_RULES

FIXTURES = Path(__file__).parent / "fixtures"

#: A valid value for each input of each practice field, as a person would type it:
#: each rule's own sample (practice.rules.FieldRule.sample), so a new field brings its own.
VALID: dict[str, dict[str, str]] = {name: rule.sample for name, rule in FIELD_RULES.items()}


def answer(journey: Journey, path: list[str], position: int, practice: bool) -> dict[str, str]:
    """The form that takes the person from ``path[position]`` to the next step of the path
    (``path`` walked in that mode: engine.all_paths(journey, practice)): the choice that
    leads there, a practice field's valid values, or nothing ("C'est fait"). In practice,
    a press on the drawn copy names its element too: the one the screen says to press."""
    step = journey.in_mode(practice).steps[path[position]]
    if step.kind == "choice":
        choice = next(c for c in step.choices if c.next == path[position + 1])
        return {"choix": choice.id, **({"element": choice.target} if practice and choice.target else {})}
    if step.kind == "field" and practice:
        return dict(VALID[step.field])
    if practice and step.target:
        return {"element": step.target}
    return {}

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

    def toggle(self, setting: str, back_to: str, follow=True):
        """Press one setting's button on the settings page; followed, it must come back to ``back_to``."""
        response = self.post(url="/reglages", data={"toggle": setting, "retour": back_to}, follow=follow)
        if follow:
            assert self.url == back_to, (setting, self.url)
        return response

    def start(self, journey: Journey, practice: bool):
        """Open the journey's start screen and choose guide or practice mode."""
        self.get(f"/parcours/{journey.id}")
        return self.post(data={"mode": "entrainement" if practice else "guide"})

    def walk_to(self, journey: Journey, path: list[str], step_id: str, practice: bool) -> None:
        """From the path's first step, answer each step until ``step_id`` is shown."""
        for position in range(path.index(step_id)):
            assert self.url == f"/parcours/{journey.id}/{path[position]}", (self.url, path[position])
            self.post(data=answer(journey, path, position, practice))
        assert self.url == f"/parcours/{journey.id}/{step_id}", self.url


def practice_error(field_name: str, value: str) -> str | None:
    """The msgid of the error of a one-input practice field, or None when the value is accepted."""
    from falc_wizard.practice.rules import check

    errors = check(field_name, {"valeur": value})
    assert set(errors) <= {"valeur"}
    return errors["valeur"].text if errors else None


def practice_refusal(field_name: str, value: str) -> tuple[str, object]:
    """The msgid of the error of a one-input practice field that refuses the value, and the
    count the message says (None when it says none): the singular and plural are pinned."""
    from falc_wizard.practice.rules import check

    errors = check(field_name, {"valeur": value})
    assert set(errors) == {"valeur"}, (field_name, value, errors)
    return errors["valeur"].text, errors["valeur"].params.get("count")
