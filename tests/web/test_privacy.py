"""Nothing the person types is kept: not in the cookie, not in a log, not on disk.

This runs the real server (falc-wizard serve, waitress) in a subprocess with its
own instance folder and home, types practice values through HTTP, then looks
for them in every cookie the server sent, everything it printed, and every file
it could have written.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

SECRET_VALUES = {
    "code_provisoire": "ZqW8xYv3Kp2T",       # a valid provisional code
    "bad": "QzXy7Secret!!",                  # an invalid one: shown back, then forgotten
}


def cookie_payload(value: str) -> str:
    """The readable content of a Flask session cookie (base64, maybe zlib)."""
    from itsdangerous import base64_decode
    import zlib

    compressed = value.startswith(".")
    payload = value.lstrip(".").split(".")[0]
    data = base64_decode(payload)
    return (zlib.decompress(data) if compressed else data).decode("utf-8", "replace")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = free_port()
    env = {**os.environ, "HOME": str(tmp_path / "home"), "TMPDIR": str(tmp_path / "tmp"),
           "FALC_SECRET_KEY": "privacy-test"}
    (tmp_path / "home").mkdir()
    (tmp_path / "tmp").mkdir()
    log = open(tmp_path / "server.log", "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "falc_wizard.cli", "serve", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/sante", timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            assert process.poll() is None, (tmp_path / "server.log").read_text()
            time.sleep(0.1)
    yield base, tmp_path
    process.terminate()
    process.wait(timeout=10)
    log.close()


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
        if choice:
            data["choix"] = choice.group(1)
        elif 'name="jour"' in page:
            data.update(jour="12", mois="03", annee="1980")
        elif 'name="valeur"' in page or 'name="mot_de_passe"' in page:
            pytest.fail(f"unexpected field before the provisional code at {url}")
        url, page = fetch(urllib.parse.urlparse(url).path, data)
    else:
        pytest.fail("the provisional code field was not reached")
    path = urllib.parse.urlparse(url).path
    url, page = fetch(path, {"csrf_token": token(page), "valeur": SECRET_VALUES["bad"]})
    assert SECRET_VALUES["bad"] in page, "the wrong value is shown back, so nothing is lost"
    url, page = fetch(path, {"csrf_token": token(page), "valeur": SECRET_VALUES["code_provisoire"]})
    assert urllib.parse.urlparse(url).path != path, "a valid code moves on"

    time.sleep(0.3)
    printed = (folder / "server.log").read_text(errors="replace")
    assert "GET" in printed or "falc-wizard" in printed  # the log exists and was read
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
