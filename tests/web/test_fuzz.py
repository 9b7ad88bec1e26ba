"""Bad input never breaks the app: hypothesis drives it like a confused or hostile browser.

A stateful test (RuleBasedStateMachine) plays random sequences of: clicks on
the page's own forms and links, back, refresh, re-posting an old form, edited
URLs with known and unknown ids, garbage form values, oversized posts, missing
or wrong CSRF tokens, and tampered, foreign or oddly shaped cookies. After every
response it checks that there is no 5xx and that every HTML page is a FALC page
(the layout with its link home, or the bare error page with "Accueil"); and at
any moment (a rule, and again at the end) that the person can go home and start
a journey again. Bounded: 60 sequences, so it runs in well under a minute.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule
from itsdangerous import URLSafeTimedSerializer

from falc_wizard import create_app

APP = create_app({"TESTING": True, "SECRET_KEY": "fuzz-secret"})
# Exceptions must become FALC 500 pages, as in production, not propagate into the test.
APP.config["TESTING"] = False
APP.config["PROPAGATE_EXCEPTIONS"] = False
JOURNEYS = APP.extensions["falc_journeys"]
JOURNEY_IDS = sorted(JOURNEYS)
STEP_IDS = sorted({step_id for journey in JOURNEYS.values() for step_id in journey.steps})
SIGNER = APP.session_interface.get_signing_serializer(APP)
FOREIGN = URLSafeTimedSerializer("someone-else's-key", salt="cookie-session",
                                 signer_kwargs={"key_derivation": "hmac", "digest_method": __import__("hashlib").sha1})
LIMIT = APP.config["MAX_CONTENT_LENGTH"]


class Page(HTMLParser):
    """The forms (action, fields, submit buttons) and internal links of a page."""

    def __init__(self, text: str):
        super().__init__()
        self.forms: list[dict] = []
        self.links: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "method": (a.get("method") or "get").lower(),
                               "fields": {}, "buttons": [], "inputs": []})
        elif tag == "a" and (a.get("href") or "").startswith("/"):
            self.links.append(a["href"])
        elif self.forms and tag in ("input", "button"):
            form = self.forms[-1]
            kind = (a.get("type") or ("submit" if tag == "button" else "text")).lower()
            if kind == "hidden" and a.get("name"):
                form["fields"][a["name"]] = a.get("value") or ""
            elif kind == "submit":
                form["buttons"].append((a.get("name"), a.get("value") or ""))
            elif kind in ("radio", "checkbox") and a.get("name"):
                form["buttons"].append((a["name"], a.get("value") or "on"))
            elif a.get("name"):
                form["inputs"].append(a["name"])


garbage = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
ids = st.one_of(st.sampled_from(JOURNEY_IDS + STEP_IDS), st.text("abcdefghijklmnopqrstuvwxyz-é%.0123456789", min_size=1, max_size=20))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
odd_sessions = st.fixed_dictionaries({}, optional={
    "parcours": st.one_of(json_values, st.dictionaries(
        st.sampled_from(JOURNEY_IDS + ["x"]),
        st.fixed_dictionaries({}, optional={"j": st.sampled_from(JOURNEY_IDS) | json_values,
                                            "a": st.dictionaries(st.sampled_from(STEP_IDS) | st.text(max_size=5),
                                                                 json_values | st.sampled_from(["ok", "oui"])),
                                            "p": json_values}), max_size=2)),
    "csrf_token": json_values,
    "helper": json_values,
    "large_text": json_values,
    "contrast": json_values,
    "lang": json_values,
})
cookie_text = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.", max_size=200)


class Person(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.client = APP.test_client()
        self.history: list[str] = []
        self.url = "/"
        self.page = ""
        self.last_post: tuple[str, dict] | None = None

    # --- Checking every response --------------------------------------------------------

    def check(self, response, url: str) -> None:
        status = response.status_code
        body = response.get_data()
        assert status < 500, f"{status} at {url}:\n{body[:500]!r}"
        assert b"Traceback" not in body
        if response.mimetype == "text/html":
            text = html.unescape(body.decode())
            assert 'href="/"' in text, f"no link home at {url} ({status})"
            assert "<h1>" in text or "<h1 " in text, f"no heading at {url} ({status})"
            assert response.headers.get("Content-Security-Policy")
            assert response.headers.get("Cache-Control") == "no-store"

    def get(self, url: str, keep=True):
        response = self.client.get(url, follow_redirects=True)
        self.check(response, url)
        if keep and response.mimetype == "text/html":
            self.history.append(url)
            self.url = response.request.path + (("?" + response.request.query_string.decode())
                                                if response.request.query_string else "")
            self.page = response.get_data(as_text=True)
        return response

    def post(self, url: str, data: dict, **kwargs):
        response = self.client.post(url, data=data, follow_redirects=True, **kwargs)
        self.check(response, url)
        if response.mimetype == "text/html":
            self.history.append(response.request.path)
            self.url = response.request.path
            self.page = response.get_data(as_text=True)
        return response

    def token(self) -> str:
        found = re.search(r'name="csrf_token" value="([^"]+)"', self.page)
        return found.group(1) if found else ""

    # --- What a person (or something else) does -------------------------------------------

    @initialize(journey=st.sampled_from(JOURNEY_IDS))
    def open_a_journey(self, journey):
        self.get(f"/parcours/{journey}")

    @rule(data=st.data())
    def click_a_form(self, data):
        forms = [f for f in Page(self.page).forms if f["method"] == "post"]
        if not forms:
            return
        form = data.draw(st.sampled_from(forms))
        fields = dict(form["fields"])
        if form["buttons"]:
            name, value = data.draw(st.sampled_from(form["buttons"]))
            if name:
                fields[name] = value
        for name in form["inputs"]:
            fields[name] = data.draw(st.sampled_from(["12", "03", "1980", "ZqW8xYv3Kp2T", "a@b.fr", ""]) | garbage)
        action = form["action"] or self.url
        self.last_post = (action, fields)
        self.post(action, fields)

    @rule(data=st.data())
    def follow_a_link(self, data):
        links = Page(self.page).links
        if links:
            self.get(data.draw(st.sampled_from(links)))

    @precondition(lambda self: len(self.history) > 1)
    @rule(steps=st.integers(1, 4))
    def back(self, steps):
        self.get(self.history[max(0, len(self.history) - 1 - steps)])

    @rule()
    def refresh(self):
        self.get(self.url)

    @precondition(lambda self: self.last_post is not None)
    @rule()
    def post_an_old_form_again(self):
        self.post(*self.last_post)

    @rule(journey=ids, step=st.none() | ids, query=st.none() | garbage)
    def edited_url(self, journey, step, query):
        path = f"/parcours/{journey}" + (f"/{step}" if step else "")
        if query is not None:
            path += "?" + "&".join(f"x={c}" for c in re.findall(r"[A-Za-z0-9]+", query)[:3])
        self.get(path)

    @rule(path=st.sampled_from(["/", "/nulle-part", "/pictogrammes/inconnu.svg", "/reglages", "/fini",
                                "/parcours", "/parcours/", "/static/nope.css", "/sante", "//", "/%00", "/r/abc"]))
    def odd_address(self, path):
        self.get(path)

    @rule(form=st.dictionaries(st.sampled_from(["choix", "mode", "valeur", "jour", "mois", "annee", "toggle",
                                                "lang", "retour", "mot_de_passe", "x"]), garbage, max_size=5),
          with_token=st.booleans(), where=st.none() | ids)
    def garbage_post(self, form, with_token, where):
        if with_token:
            form["csrf_token"] = self.token()
        url = self.url.split("?")[0] if where is None else f"/parcours/{where}"
        self.post(url, form)

    @rule(token=st.none() | garbage)
    def wrong_token(self, token):
        data = {"choix": "x"}
        if token is not None:
            data["csrf_token"] = token
        self.post(self.url.split("?")[0], data)

    @rule(extra=st.integers(1, 4 * LIMIT), data=st.data())
    def oversized_post(self, extra, data):
        actions = [f["action"] for f in Page(self.page).forms if f["method"] == "post" and f["action"]]
        url = data.draw(st.sampled_from(actions or ["/reglages"]))
        response = self.client.post(url, data={"csrf_token": self.token(), "valeur": "a" * (LIMIT + extra)})
        self.check(response, url)
        assert response.status_code == 413
        assert 'href="/"' in response.get_data(as_text=True)

    @rule(value=cookie_text)
    def tampered_cookie(self, value):
        self.client.set_cookie("falc", value)

    @rule(session=odd_sessions, foreign=st.booleans())
    def odd_cookie(self, session, foreign):
        """Signed by someone else, or signed right but not shaped as the app writes it."""
        self.client.set_cookie("falc", (FOREIGN if foreign else SIGNER).dumps(session))

    @rule()
    def clear_cookies(self):
        self.client.delete_cookie("falc")

    # --- Never stuck --------------------------------------------------------------------

    @rule(journey=st.sampled_from(JOURNEY_IDS), practice=st.booleans())
    def go_home_and_start_again(self, journey, practice):
        self.assert_can_start_again(journey, practice)

    def assert_can_start_again(self, journey: str, practice: bool) -> None:
        home = self.get("/")
        assert home.status_code == 200
        assert f'href="/parcours/{journey}"' in self.page
        assert self.get(f"/parcours/{journey}").status_code == 200
        response = self.post(f"/parcours/{journey}",
                             {"csrf_token": self.token(), "mode": "entrainement" if practice else "guide"})
        assert response.status_code == 200
        # The mode's first step (practice skips the guide's "Je vais sur le site").
        practised = practice and JOURNEYS[journey].has_practice
        assert self.url == f"/parcours/{journey}/{JOURNEYS[journey].in_mode(practised).first}"
        # The first step, in whatever language the person chose.
        assert 'class="progress-text"' in self.page

    def teardown(self):
        self.assert_can_start_again(JOURNEY_IDS[0], False)


Person.TestCase.settings = settings(
    max_examples=60, stateful_step_count=20, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_bad_input_never_breaks_the_app = Person.TestCase


# --- Every form of the app, with odd values -------------------------------------------------

#: Values a form never expects: digits that are not ASCII (``str.isdigit`` is true for
#: them, ``int`` refuses some), huge numbers and texts, signs, controls, wide characters.
ODD = ["²", "¹²", "⑨", "٣", "𝟗", "１２", "9" * 40, "9" * 4000, "-1", "1e9", " 3", "0x1f", "\x00", "\u202e", "é" * 300,
       "<b>", "../../etc", "NaN"]


def odd_forms(fields: list[str], token: str) -> list[object]:
    """The forms to post in place of one: each odd value in every field, every field twice
    (a list), every field missing, and a body that is not UTF-8."""
    forms: list[object] = [{"csrf_token": token, **{name: value for name in fields}} for value in ODD]
    forms.append({"csrf_token": token, **{name: ["3", "⑨"] for name in fields}})
    forms.append({"csrf_token": token})
    forms.append(f"csrf_token={token}&".encode() + b"&".join(f"{name}=%FF%B2".encode() for name in fields))
    return forms


def post_odd(client, url: str, fields: list[str], token: str) -> int:
    for form in odd_forms(fields, token):
        kwargs = ({"data": form, "content_type": "application/x-www-form-urlencoded"} if isinstance(form, bytes)
                  else {"data": form})
        response = client.post(url, follow_redirects=True, **kwargs)
        assert response.status_code < 500, (url, form if isinstance(form, bytes) else list(form.values())[1:2])
        assert b"Traceback" not in response.data
    return len(odd_forms(fields, token))


def form_fields(page: str, action: str) -> list[str]:
    """The names a page's post form to ``action`` sends (hidden, typed, pressed), without the token."""
    names: list[str] = []
    for form in Page(page).forms:
        if form["method"] == "post" and form["action"] == action:
            names += [*form["fields"], *form["inputs"], *(name for name, _ in form["buttons"] if name)]
    return [name for name in dict.fromkeys(names) if name != "csrf_token"]


def covering_paths(journey, practice: bool) -> list[list[str]]:
    """Few paths that, together, reach every step a walk of the mode reaches."""
    from falc_wizard import engine

    remaining, seen, chosen = engine.all_paths(journey, practice), set(), []
    while remaining:
        best = max(remaining, key=lambda path: len(set(path) - seen))
        if not set(best) - seen:
            break
        chosen.append(best)
        seen |= set(best)
    return chosen


def test_every_form_with_odd_values_never_gets_a_5xx():
    """Every post form of the app (each journey's start, each kind of step of each journey in
    both modes, reached by walking, the settings, "J'ai fini") and its GET forms (sheets,
    booklet, review kit, settings, short and resume links) with odd Unicode digits, huge,
    missing and repeated values: a 4xx or the screen again, never a 5xx."""
    from support import Visitor, answer

    client = APP.test_client()
    visitor = Visitor(client)
    posted, kinds = 0, set()
    for journey in JOURNEYS.values():
        start = f"/parcours/{journey.id}"
        visitor.get(start)
        posted += post_odd(client, start, form_fields(visitor.page, start), visitor.token())
        for practice in (False, True):
            if practice and not journey.has_practice:
                continue
            steps = journey.in_mode(practice).steps
            for path in covering_paths(journey, practice):
                visitor.start(journey, practice)
                for position, step_id in enumerate(path):
                    url = f"/parcours/{journey.id}/{step_id}"
                    assert visitor.url == url, (visitor.url, url)
                    step = steps[step_id]
                    # One of each kind of screen per journey and mode; a field's rule is the same code in every journey.
                    kind = (practice, step.field) if step.field else (journey.id, practice, step.kind, step.page is not None)
                    if kind not in kinds:
                        kinds.add(kind)
                        posted += post_odd(client, url, form_fields(visitor.page, url) or ["x"], visitor.token())
                        visitor.get(url)  # a guide step may have moved on: back to it (going back changes nothing)
                    if step.is_end:
                        break
                    visitor.post(data=answer(journey, path, position, practice))
    # The other post forms: the settings, and "J'ai fini" (it forgets everything: last).
    visitor.get("/reglages?retour=/")
    for url in ("/reglages", "/fini"):
        posted += post_odd(client, url, ["toggle", "lang", "retour"], visitor.token())
    # The GET forms and links that take values.
    for value in ODD + [""]:
        for url in ("/fiches", "/fiches/imprimer", "/fiches/livret", "/fiches/relecture"):
            for query in ({"parcours": value}, {"lang": value}, {"aide": value, "note": value},
                          {"parcours": ["activer", value], "lang": ["fr", value]}):
                assert client.get(url, query_string=query, follow_redirects=True).status_code < 500, (url, query)
        for url in ("/reglages", "/p/activer", "/fiches/activer.png", "/parcours/activer"):
            query = {"retour": value, "aide": value, "lang": value}
            assert client.get(url, query_string=query, follow_redirects=True).status_code < 500, (url, value)
        for url in (f"/r/{value}", f"/plus-tard/activer/{value}", f"/parcours/activer/{value}", f"/p/{value}"):
            assert client.get(url, follow_redirects=True).status_code < 500, url
    assert posted > 1000 and len(kinds) > 40, (posted, len(kinds))
