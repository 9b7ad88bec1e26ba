"""'Je continue plus tard': signed, expiring links that reopen a step with the same choices."""

from __future__ import annotations

import html
import logging
import re
import time
from urllib.parse import urlsplit

import pytest
from itsdangerous import URLSafeTimedSerializer

from falc_wizard import create_app, engine
from falc_wizard.web import accesslog, resume
from falc_wizard.practice.rules import FIELD_RULES, VALUE
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
        # Practice: press the element the screen names on the copy.
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
    # The format, the journey, the steps done (each by the name of its id, a choice step with the
    # name of the choice made), the step to open by name, practice: nothing else.
    assert set(data) == {"v", "j", "d", "s", "p"} and data["j"] == "activer" and data["p"] == 1
    walk = engine.read(session_state(visitor.client)["activer"], journey)
    assert data["d"] == "".join(resume.name(step) + ("" if answer == "fait" else "~" + resume.name(answer))
                                for step, answer in walk.state.answers.items())
    assert data["s"] == resume.name(walk.frontier)
    for value in typed.values():
        assert value not in token and value not in repr(data)


def test_every_state_of_every_journey_survives_the_round_trip(app):
    """The compact token rebuilds exactly the state and the step, on every path, at every step."""
    journeys = app.extensions["falc_journeys"]
    checked = 0
    for journey in journeys.values():
        for practice in (False, True):
          for path in engine.all_paths(journey, practice)[::2]:  # each mode walks its own steps
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
    path = engine.path(journey, engine.start(journey))
    walk = engine.walk(journey, engine.start(journey))
    while journey.steps[walk.frontier].kind != "choice":
        walk = walk.advance(walk.frontier)
    choice_step = walk.frontier
    data = {**resume.compact(walk), "s": resume.name("nowhere")}
    # A choice this step does not have: the state stops there, the step is that one.
    data["d"] += resume.name(choice_step) + "~" + resume.name("no-such-choice") + resume.name(path[0])
    response = app.test_client().get(f"/r/{resume.serializer(app).dumps(data)}")
    assert response.headers["Location"] == f"/parcours/activer/{choice_step}"
    # Shapes no version wrote: nothing of the path is read, so nothing is done: the gentle page.
    for junk in ({"v": 2, "j": "activer", "d": ["x"], "s": None}, {"v": 2, "j": "activer", "d": "~~~~~~~~~~"},
                 {"v": 2, "j": "activer", "d": 12, "s": [resume.name(path[0])]}):
        response = app.test_client().get(f"/r/{resume.serializer(app).dumps(junk)}")
        assert response.status_code == 400 and 'href="/parcours/activer"' in response.get_data(as_text=True)
    # The first step done, the link taken there: opens it.
    first = {"v": 2, "j": "activer", "d": resume.name(path[0]), "s": resume.name(path[0])}
    response = app.test_client().get(f"/r/{resume.serializer(app).dumps(first)}")
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
        # Practice: press the element the screen names on the copy.
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


# --- Links that outlive a change of the content ------------------------------------------------

from support import FIXTURES  # noqa: E402

DEMO = (FIXTURES / "steps" / "demo.toml").read_text(encoding="utf-8")
#: The demo journey's guide path through "avec-photo", in order.
AVEC_PHOTO = ["debut", "carte", "serie-avec-photo", "verifier", "envoi", "fin"]


def demo_with(tmp_path, name: str, change=lambda text: text):
    """The demo journey, its content changed by ``change``, served with the usual key."""
    folder = tmp_path / name
    folder.mkdir()
    (folder / "site.toml").write_bytes((FIXTURES / "steps" / "site.toml").read_bytes())
    (folder / "demo.toml").write_text(change(DEMO), encoding="utf-8")
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "PUBLIC_URL": PUBLIC, "STEPS_DIR": folder})


def without_step(step_id: str, instead: str | None = None):
    """Drop a step's block from the journey file (and send whatever led to it to ``instead``)."""
    def change(text: str) -> str:
        head, *blocks = text.split("\n[[steps]]\n")
        kept = [block for block in blocks if f'\nid = "{step_id}"\n' not in block]
        assert len(kept) == len(blocks) - 1, step_id
        changed = "\n[[steps]]\n".join([head, *kept])
        return changed.replace(f'next = "{step_id}"', f'next = "{instead}"') if instead else changed
    return change


def with_step_before(step_id: str, new_id: str):
    """Put a new action screen just before ``step_id`` (whatever led to ``step_id`` leads to it)."""
    def change(text: str) -> str:
        new = (f'source = "002"\nid = "{new_id}"\nkind = "action"\npictogram = "clic"\nlabel = "Continuer"\n'
               f'sentences = ["Je choisis mon mot de passe."]\nonly = "guide"\nnext = "{step_id}"\n')
        text = text.replace(f'next = "{step_id}"', f'next = "{new_id}"')
        return text.replace(f'\n[[steps]]\nsource = "002"\nid = "{step_id}"\n',
                            f'\n[[steps]]\n{new}\n[[steps]]\nsource = "002"\nid = "{step_id}"\n', 1)
    return change


def link_at(app, step_id: str, done: int) -> str:
    """A 'continue later' token of the demo journey (guide mode, through 'avec-photo'):
    ``done`` steps done, taken on ``step_id``."""
    journey = app.extensions["falc_journeys"]["demo"]
    walk = engine.walk(journey, engine.start(journey))
    for step in AVEC_PHOTO[:done]:
        walk = walk.advance(step, "avec-photo" if step == "carte" else "fait")
    return resume.make_token(walk, step_id, app)


def opened(app, token: str) -> tuple[int, str, dict]:
    client = app.test_client()
    response = client.get(f"/r/{token}")
    state = session_state(client) or {}
    return response.status_code, response.headers.get("Location", ""), state.get("demo", {}).get("a", {})


def test_a_link_names_steps_and_choices_by_id_so_a_removed_step_shifts_nothing(tmp_path):
    before = demo_with(tmp_path, "before")
    token = link_at(before, "verifier", done=3)  # debut, carte (avec-photo), serie-avec-photo done
    # The first screen is gone from the content: the person is still on "verifier", which is not done.
    after = demo_with(tmp_path, "after", without_step("debut"))
    status, location, answers = opened(after, token)
    assert (status, location) == (302, "/parcours/demo/verifier")
    assert answers == {"carte": "avec-photo", "serie-avec-photo": "fait"}
    # A screen between two done ones is gone: the others stay done.
    status, location, answers = opened(demo_with(tmp_path, "middle", without_step("serie-avec-photo", "verifier")),
                                       link_at(before, "envoi", done=4))
    assert (status, location) == (302, "/parcours/demo/envoi")
    assert answers == {"debut": "fait", "carte": "avec-photo", "verifier": "fait"}


def test_a_new_step_before_the_persons_place_is_never_marked_done(tmp_path):
    token = link_at(demo_with(tmp_path, "before"), "envoi", done=4)
    after = demo_with(tmp_path, "after", with_step_before("verifier", "mot-de-passe"))
    status, location, answers = opened(after, token)
    assert "mot-de-passe" not in answers and "verifier" not in answers
    assert answers == {"debut": "fait", "carte": "avec-photo", "serie-avec-photo": "fait"}
    # The last step of the person's path that is still on it; the next one is the new screen.
    assert (status, location) == (302, "/parcours/demo/serie-avec-photo")


def test_a_link_whose_step_is_gone_reopens_at_the_last_step_still_there_or_gives_the_gentle_page(tmp_path):
    before = demo_with(tmp_path, "before")
    status, location, answers = opened(demo_with(tmp_path, "gone", without_step("verifier", "envoi")),
                                       link_at(before, "verifier", done=3))
    assert (status, location) == (302, "/parcours/demo/serie-avec-photo")
    assert answers == {"debut": "fait", "carte": "avec-photo", "serie-avec-photo": "fait"}
    # A renamed choice: the person chooses again; nothing after it is kept.
    renamed = demo_with(tmp_path, "renamed", lambda text: text.replace('id = "avec-photo"\n  text', 'id = "photo"\n  text'))
    status, location, answers = opened(renamed, link_at(before, "envoi", done=4))
    assert (status, location, answers) == (302, "/parcours/demo/carte", {"debut": "fait"})
    # Nothing of the person's path is left: the gentle page, which offers to start again.
    nothing = demo_with(tmp_path, "nothing", without_step("debut"))
    response = nothing.test_client().get(f"/r/{link_at(before, 'debut', done=0)}")
    assert response.status_code == 400 and 'href="/parcours/demo"' in response.get_data(as_text=True)


def test_an_old_link_that_names_places_gives_the_gentle_page_of_its_journey(app):
    """Links made before steps were named by id ("c": choice places, "n": steps done, "s": place):
    a place cannot tell whether the content changed since, so nothing is marked done from it."""
    for old in ({"j": "activer", "c": [1], "n": 12, "s": 12}, {"j": "activer", "c": [], "n": 0, "s": 0, "p": 1}):
        client = app.test_client()
        response = client.get(f"/r/{resume.serializer(app).dumps(old)}")
        page = html.unescape(response.get_data(as_text=True))
        assert response.status_code == 400 and "Cette page n'est plus ouverte" in page
        assert 'href="/parcours/activer"' in page and session_state(client) is None


def test_an_unsigned_link_is_never_inflated_beyond_a_real_tokens_size(app):
    """A 1.4 KB link may hold a megabyte once inflated: it is refused before that much is made."""
    import base64
    import tracemalloc
    import zlib

    bomb = b'{"j":"activer","d":"' + b"A" * 1_000_000 + b'"}'
    payload = "." + base64.urlsafe_b64encode(zlib.compress(bomb, 9)).decode().rstrip("=")
    token = f"{payload}.AAAAAA.{'A' * 27}"
    assert len(token) <= resume.MAX_TOKEN_LENGTH
    tracemalloc.start()
    try:
        with pytest.raises(resume.TokenError):
            resume.read_token(token, app.extensions["falc_journeys"], app)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 200_000, peak
    assert app.test_client().get(f"/r/{token}").status_code == 400
