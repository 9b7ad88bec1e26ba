"""'Je continue plus tard': signed, expiring links that reopen a step with the same choices."""

from __future__ import annotations

import html
import logging
import re
import time
from urllib.parse import urlsplit

import pytest
from itsdangerous import URLSafeTimedSerializer

from falc_wizard import accesslog, create_app, engine, resume
from falc_wizard.practice_rules import FIELD_RULES, VALUE
from qrread import decode_svg, svgs

PUBLIC = "http://falc.test"


def walk_to_branch(visitor, answers: int = 2) -> str:
    """Start 'activer', take the branch 'sans-code' at the choice, do ``answers`` more steps; return the step URL."""
    visitor.get("/parcours/activer")
    visitor.post(data={"mode": "guide"})
    while not visitor.url.endswith("/choisir-chemin"):
        visitor.post()
    visitor.post(data={"choix": "sans-code"})
    for _ in range(answers):
        visitor.post()
    return visitor.url


def take_later_link(visitor, step_url: str) -> str:
    """Open 'Je continue plus tard' from the step page and read its QR code."""
    step_page = visitor.get(step_url).get_data(as_text=True)
    later_url = step_url.replace("/parcours/", "/plus-tard/")
    assert f'href="{later_url}"' in step_page, "the step screen links to 'Je continue plus tard'"
    page = visitor.get(later_url).get_data(as_text=True)
    (link,) = decode_svg(svgs(page)[0])
    assert html.unescape(page).count(link.split("://", 1)[1]) >= 1, "the link is written under the code"
    return link


def path_of(link: str) -> str:
    assert link.startswith(PUBLIC + "/r/"), link
    return urlsplit(link).path


def session_state(client):
    with client.session_transaction() as stored:
        return stored.get("parcours")


def test_a_link_taken_on_a_branch_reopens_that_step_with_the_same_choices(app, visitor):
    step_url = walk_to_branch(visitor)
    link = take_later_link(visitor, step_url)
    before = session_state(visitor.client)["activer"]

    tablet = type(visitor)(app.test_client())  # another device: no cookie at all
    response = tablet.client.get(path_of(link))
    assert response.status_code == 302 and response.headers["Location"] == step_url
    assert session_state(tablet.client)["activer"] == before
    assert before["a"]["choisir-chemin"] == "sans-code"
    page = tablet.get(step_url)
    assert page.status_code == 200
    # The same progress and the same way back as on the first device.
    original = visitor.get(step_url).get_data(as_text=True)
    for pattern in (r"Étape \d+ sur \d+", r'class="back-link" href="[^"]+"'):
        assert re.search(pattern, original).group(0) == re.search(pattern, tablet.page).group(0)


def test_a_link_taken_at_an_earlier_step_reopens_that_step_and_keeps_later_choices(app, visitor):
    walk_to_branch(visitor, answers=3)
    choice_url = "/parcours/activer/choisir-chemin"
    link = take_later_link(visitor, choice_url)
    tablet = app.test_client()
    response = tablet.get(path_of(link))
    assert response.headers["Location"] == choice_url
    assert session_state(tablet)["activer"] == session_state(visitor.client)["activer"]
    assert 'value="sans-code"' in tablet.get(choice_url).get_data(as_text=True)


def test_the_token_holds_ids_and_choices_only_never_a_typed_value(app, visitor):
    journeys = app.extensions["falc_journeys"]
    journey = journeys["activer"]
    visitor.get("/parcours/activer")
    visitor.post(data={"mode": "entrainement"})
    # Walk in practice mode to the first field, type a value, go on.
    while journey.steps[visitor.url.rsplit("/", 1)[1]].kind != "field":
        step = journey.steps[visitor.url.rsplit("/", 1)[1]]
        # Practice: press the element the screen names on the copy (issue 12).
        visitor.post(data={"choix": step.choices[0].id, "element": step.choices[0].target}
                     if step.kind == "choice" else {"element": step.target})
    field_step = journey.steps[visitor.url.rsplit("/", 1)[1]]
    rule = FIELD_RULES[field_step.field]
    assert [item.name for item in rule.inputs] == [VALUE], "the walk expects a one-input field first"
    typed = {VALUE: rule.example}
    before = visitor.url
    visitor.post(data=typed)
    assert visitor.url != before, "the example value is accepted"
    link = take_later_link(visitor, visitor.url)
    token = path_of(link).split("/r/", 1)[1]
    data = URLSafeTimedSerializer(["test-secret"], salt="resume").loads(token)
    # The journey, the choices by place, how many steps are done, the step's place, practice: numbers and an id.
    assert set(data) == {"j", "c", "n", "s", "p"} and data["j"] == "activer" and data["p"] == 1
    assert all(isinstance(data[key], int) for key in ("n", "s"))
    assert all(isinstance(place, int) for place in data["c"])
    for value in typed.values():
        assert value not in token and value not in repr(data)


def test_every_state_of_every_journey_survives_the_round_trip(app):
    """The compact token rebuilds exactly the state and the step, on every path, at every step."""
    journeys = app.extensions["falc_journeys"]
    checked = 0
    for journey in journeys.values():
        for practice in (False, True):
          for path in engine.all_paths(journey, practice)[::2]:  # each mode walks its own steps (issue 12)
            walk = engine.walk(journey, engine.start(journey, practice))
            for index, (step_id, following) in enumerate(zip(path, path[1:])):
                step = journey.in_mode(practice).steps[step_id]
                answer = next(a for a in step.answers() if step.next_for(a) == following)
                walk = walk.advance(step_id, answer)
                for target in (following, path[index // 2]):
                    resumed = resume.read_token(resume.make_token(walk, target, app), journeys, app)
                    assert (resumed.state, resumed.step_id) == (walk.state, target), (journey.id, path, target)
                    checked += 1
    assert checked > 500


def test_a_changed_token_gives_the_falc_page_that_offers_to_start_again(app, visitor):
    link = take_later_link(visitor, walk_to_branch(visitor))
    token = path_of(link).split("/r/", 1)[1]
    body, signature = token.rsplit(".", 1)
    changed = f"{body}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"  # (base64's last character has padding bits)
    response = app.test_client().get(f"/r/{changed}")
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    assert "Cette page n'est plus ouverte" in page
    assert 'href="/parcours/activer"' in page and "Je recommence" in page
    # Nothing was restored.
    fresh = app.test_client()
    fresh.get(f"/r/{changed}")
    assert session_state(fresh) is None


def test_an_expired_token_gives_the_falc_page(app, monkeypatch):
    journey = app.extensions["falc_journeys"]["activer"]
    walk = engine.walk(journey, engine.start(journey)).advance(journey.first)
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() - 31 * 24 * 3600)
    old = resume.make_token(walk, journey.first, app)
    monkeypatch.setattr(time, "time", real_time)
    fresh = resume.make_token(walk, journey.first, app)
    client = app.test_client()
    assert client.get(f"/r/{fresh}").status_code == 302
    response = app.test_client().get(f"/r/{old}")
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    assert "Cette page n'est plus ouverte" in page and 'href="/parcours/activer"' in page


def test_resume_days_is_a_setting(monkeypatch):
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "PUBLIC_URL": PUBLIC, "RESUME_DAYS": 2})
    journey = app.extensions["falc_journeys"]["activer"]
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() - 3 * 24 * 3600)
    three_days_old = resume.make_token(engine.walk(journey, engine.start(journey)), journey.first, app)
    monkeypatch.setattr(time, "time", lambda: real_time() - 1 * 24 * 3600)
    one_day_old = resume.make_token(engine.walk(journey, engine.start(journey)), journey.first, app)
    monkeypatch.setattr(time, "time", real_time)
    client = app.test_client()
    assert client.get(f"/r/{three_days_old}").status_code == 400
    assert client.get(f"/r/{one_day_old}").status_code == 302


def test_a_token_signed_with_an_older_key_still_works_after_rotation():
    old_app = create_app({"TESTING": True, "SECRET_KEY": "old-key", "PUBLIC_URL": PUBLIC})
    journey = old_app.extensions["falc_journeys"]["activer"]
    token = resume.make_token(engine.walk(journey, engine.start(journey)), journey.first, old_app)
    rotated = create_app({"TESTING": True, "SECRET_KEY": "new-key", "SECRET_KEY_FALLBACKS": ["old-key"], "PUBLIC_URL": PUBLIC})
    assert rotated.test_client().get(f"/r/{token}").status_code == 302
    stranger = create_app({"TESTING": True, "SECRET_KEY": "new-key", "PUBLIC_URL": PUBLIC})
    assert stranger.test_client().get(f"/r/{token}").status_code == 400


def test_a_signed_token_with_answers_the_journey_does_not_allow_is_cut_back(app):
    journey = app.extensions["falc_journeys"]["activer"]
    # Choice place 99 does not exist at "choisir-chemin": the state stops there, the step is that one.
    data = {"j": "activer", "c": [99], "n": 30, "s": 20}
    response = app.test_client().get(f"/r/{resume.serializer(app).dumps(data)}")
    assert response.headers["Location"] == "/parcours/activer/choisir-chemin"
    assert engine.path(journey, engine.start(journey))[-1] == journey.first
    for junk in ({"j": "activer", "c": "x", "n": "y", "s": None}, {"j": "activer"}):
        response = app.test_client().get(f"/r/{resume.serializer(app).dumps(junk)}")
        assert response.headers["Location"] == f"/parcours/activer/{journey.first}"


@pytest.mark.parametrize("token", ["x", "a" * 2000, "eyJqIjoiYWN0aXZlciJ9.Zz.abc"])
def test_garbage_tokens_give_the_falc_page(client, token):
    response = client.get(f"/r/{token}")
    assert response.status_code == 400
    assert "Cette page n'est plus ouverte" in html.unescape(response.get_data(as_text=True))


def test_the_later_page_without_a_session_gives_the_falc_page(client):
    response = client.get("/plus-tard/activer/choisir-chemin")
    assert response.status_code == 400
    assert "Cette page n'est plus ouverte" in html.unescape(response.get_data(as_text=True))


def test_every_step_but_the_end_offers_to_continue_later(app, visitor):
    journey = app.extensions["falc_journeys"]["decouvrir"]
    visitor.get("/parcours/decouvrir")
    visitor.post(data={"mode": "guide"})
    seen = 0
    while True:
        step = journey.steps[visitor.url.rsplit("/", 1)[1]]
        offered = "Je continue plus tard" in visitor.page and "/pictogrammes/plus-tard.svg" in visitor.page
        assert offered == (not step.is_end), step.id
        if step.is_end:
            break
        seen += 1
        # Practice: press the element the screen names on the copy (issue 12).
        visitor.post(data={"choix": step.choices[0].id, "element": step.choices[0].target}
                     if step.kind == "choice" else {"element": step.target})
    assert seen > 3


def test_logs_never_show_a_whole_token():
    token = "eyJqIjoiYWN0aXZlciJ9.aBcDeF.0123456789abcdef"
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1,
                               '127.0.0.1 - - "GET /r/%s HTTP/1.1" 302 -', (token,), None)
    accesslog.RedactFilter(["/r/"]).filter(record)
    message = record.getMessage()
    assert "/r/eyJqIj…" in message and token not in message
    note = logging.LogRecord("werkzeug", logging.INFO, __file__, 1,
                             '"GET /fiches/imprimer?parcours=activer&note=Mardi+Julie HTTP/1.1" 200 -', None, None)
    accesslog.RedactFilter(["/r/"]).filter(note)
    assert "Julie" not in note.getMessage() and "parcours=activer" in note.getMessage()
