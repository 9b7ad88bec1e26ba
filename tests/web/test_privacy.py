"""Nothing the person types is kept: not in the cookie, not in a log, not on disk.

This runs the real server (falc-wizard serve, waitress) in a subprocess with its
own instance folder and home, types practice values through HTTP, then looks
for them in every cookie the server sent, everything it printed, and every file
it could have written.
"""

import http.cookiejar
import re
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from falc_wizard.content import load_journeys
from falc_wizard.practice.rules import FIELD_RULES

import servers

ACTIVER = load_journeys()["activer"]

SECRET_VALUES = {
    "code_provisoire": "ZqW8xYv3Kp2T",       # a well-shaped provisional code, not the one received
    "bad": "QzXy7Secret!!",                  # an invalid one: shown back, then forgotten
    "query": "QuEry9Typed",                  # typed into an address, after "?"
    "resume": "ResumeTok3nQx",               # a "continue later" link's secret part
}


def cookie_payload(value: str) -> str:
    """The readable content of a Flask session cookie (base64, maybe zlib)."""
    from itsdangerous import base64_decode
    import zlib

    compressed = value.startswith(".")
    payload = value.lstrip(".").split(".")[0]
    data = base64_decode(payload)
    return (zlib.decompress(data) if compressed else data).decode("utf-8", "replace")


@pytest.fixture
def server(tmp_path):
    running = servers.start(tmp_path, {"FALC_SECRET_KEY": "privacy-test"})
    yield running.base, tmp_path
    running.stop()


def test_typed_values_are_never_kept(server):
    base, folder = server
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    set_cookies = []

    def fetch(url, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            response = opener.open(base + url, body, timeout=5)
        except urllib.error.HTTPError as error:
            response = error
        set_cookies.extend(response.headers.get_all("Set-Cookie") or [])
        return response.geturl(), response.read().decode()

    def token(page):
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    journey = "activer"
    url, page = fetch(f"/parcours/{journey}")
    url, page = fetch(f"/parcours/{journey}", {"csrf_token": token(page), "mode": "entrainement"})
    # Walk until the provisional code field, choosing the first answer of each choice.
    for _ in range(40):
        if 'name="valeur"' in page and "code provisoire" in page.lower():
            break
        choice = re.search(r'name="choix" value="([^"]+)"', page)
        data = {"csrf_token": token(page)}
        step = ACTIVER.steps[urllib.parse.urlparse(url).path.rsplit("/", 1)[1]]
        if step.kind == "choice" and step.choices[0].target:  # practice: the card pressed on the copy
            data["element"] = step.choices[0].target
        elif step.kind == "action":
            data["element"] = step.target
        elif choice:
            data["choix"] = choice.group(1)
        elif 'name="jour"' in page:
            data.update(jour="12", mois="03", annee="1980")
        elif step.kind == "field" and step.field in ("nir", "serie_sans_photo", "serie_avec_photo"):
            data["valeur"] = FIELD_RULES[step.field].example  # the 2022 flow asks who I am first
        elif 'name="valeur"' in page or 'name="mot_de_passe"' in page:
            pytest.fail(f"unexpected field before the provisional code at {url}")
        url, page = fetch(urllib.parse.urlparse(url).path, data)
    else:
        pytest.fail("the provisional code field was not reached")
    path = urllib.parse.urlparse(url).path
    url, page = fetch(path, {"csrf_token": token(page), "valeur": SECRET_VALUES["bad"]})
    assert "field-error" in page and SECRET_VALUES["bad"] not in page, "refused, and not kept even in the page"
    url, page = fetch(path, {"csrf_token": token(page), "valeur": SECRET_VALUES["code_provisoire"]})
    assert "field-error" in page and SECRET_VALUES["code_provisoire"] not in page, "another code than the one received"
    url, page = fetch(path, {"csrf_token": token(page), "valeur": FIELD_RULES["code_provisoire"].example})
    assert urllib.parse.urlparse(url).path != path, "the code received moves on"
    fetch(f"{path}?valeur={SECRET_VALUES['query']}")
    fetch(f"/r/{SECRET_VALUES['resume']}")

    # The server writes a request's log line after its answer: wait for the last one.
    deadline = time.monotonic() + 5
    while '"GET /r/…" ' not in (printed := (folder / "server.log").read_text(errors="replace")):
        assert time.monotonic() < deadline, f"no hidden resume link in the access log:\n{printed}"
        time.sleep(0.02)
    # The access log was written and read: the two posts of the field are there.
    assert printed.count(f'"POST {path}" 303 ') == 3  # refused twice, then right: each redirects
    for value in SECRET_VALUES.values():
        assert value not in printed
        for header in set_cookies:
            assert value not in header
        for cookie in jar:
            readable = cookie_payload(cookie.value)
            assert "parcours" in readable  # really decoded
            assert value not in readable
        for file in folder.rglob("*"):
            if file.is_file() and file.name != "server.log":
                assert value.encode() not in file.read_bytes(), f"found in {file}"
