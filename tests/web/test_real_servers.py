"""What an outside test of the real servers found, checked against the real servers.

Each test starts ``falc-wizard serve`` (waitress) or gunicorn on a free loopback
port (tests/servers.py) and talks to it over sockets, as a slow client, a large
body or a TLS proxy would: slow clients must not take the site down, a large
body is refused before it is read, and behind a proxy HTTPS is seen (HSTS,
Secure cookie) with both servers.
"""

from __future__ import annotations

import gzip
import socket
import time
from contextlib import contextmanager
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest

import servers

pytestmark = pytest.mark.integration

#: The slow clients of the report: more than waitress's default connection limit (100).
SLOW_CLIENTS = 200


@pytest.fixture
def serve(tmp_path):
    """Start servers on demand; stop each at the end."""
    started = []

    def start(name="app", env=None, **options):
        running = servers.start(tmp_path / name, env, **options)
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()


def _address(server) -> tuple[str, int]:
    parts = urlsplit(server.base)
    return parts.hostname, parts.port


def _open_slow_clients(server, count: int) -> list[socket.socket]:
    """Connections that have sent the start of their headers, and then nothing more (yet)."""
    clients = []
    for _ in range(count):
        client = socket.create_connection(_address(server), timeout=5)
        client.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        clients.append(client)
    return clients


def _seconds_for_a_page(server, timeout: float = 1.0) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(server.base + "/sante", timeout=timeout) as response:
        assert response.status == 200
    return time.perf_counter() - started


def test_others_are_answered_within_a_second_while_200_slow_clients_hang_on(serve):
    server = serve()
    clients = _open_slow_clients(server, SLOW_CLIENTS)
    try:
        assert _seconds_for_a_page(server) < 1
        for client in clients:  # one more byte each, as a slow client does every few seconds
            client.sendall(b"x")
        assert max(_seconds_for_a_page(server) for _ in range(3)) < 1
    finally:
        for client in clients:
            client.close()
    assert "Traceback" not in server.log()


def test_with_waitress_default_limit_the_slow_clients_would_take_the_site_down(serve):
    """The control: the measure above does see the attack when the limit is waitress's own 100."""
    server = serve(extra_args=["--connection-limit", "100"])
    clients = _open_slow_clients(server, SLOW_CLIENTS)
    try:
        with pytest.raises((TimeoutError, urllib.error.URLError)):
            _seconds_for_a_page(server, timeout=1.0)
    finally:
        for client in clients:
            client.close()


def _answer(client: socket.socket, timeout: float = 3) -> bytes:
    """What the server answers, up to the end of its headers."""
    client.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = client.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


@contextmanager
def _posting(server, framing: bytes):
    """A connection that has sent the head of a form POST, ``framing`` saying how its body comes."""
    with socket.create_connection(_address(server), timeout=5) as client:
        client.sendall(b"POST /reglages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       b"Content-Type: application/x-www-form-urlencoded\r\n" + framing + b"\r\n\r\n")
        yield client


def test_a_large_body_is_refused_before_it_is_read(serve):
    """50 MB announced, not one byte of it sent: the answer comes at once."""
    with _posting(serve(), b"Content-Length: 50000000") as client:
        started = time.perf_counter()
        answer = _answer(client)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert time.perf_counter() - started < 2


def test_a_large_chunked_body_is_cut_off_while_it_arrives(serve):
    with _posting(serve(), b"Transfer-Encoding: chunked") as client:
        chunk = b"a" * 8192
        try:
            for _ in range(20):  # 160 KiB, and never the last chunk
                client.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server has answered and closed: that is the point
        answer = _answer(client)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_a_body_just_over_the_app_limit_still_gets_the_falc_page(serve):
    """Between the app's 16 KiB and waitress's limit, the person sees the FALC page."""
    server = serve()
    request = urllib.request.Request(server.base + "/reglages", data=b"x=" + b"a" * 20000, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 413
    assert "trop long" in refused.value.read().decode()


# --- Behind a TLS proxy: FALC_PROXY_FIX with both servers -----------------------------------

PUBLIC_HOST = "falc.test"
BEHIND_A_PROXY = {"FALC_ENV": "production", "FALC_SECRET_KEY": "proxy-test-key",
                  "FALC_PUBLIC_URL": f"https://{PUBLIC_HOST}", "FALC_PROXY_FIX": "1"}


def _get(server, path, headers):
    request = urllib.request.Request(server.base + path, headers=headers)
    try:
        return urllib.request.urlopen(request, timeout=5)
    except urllib.error.HTTPError as error:
        return error


@pytest.mark.parametrize("kind", ["waitress", "gunicorn"])
def test_behind_a_tls_proxy_https_is_seen_with_both_servers(serve, kind):
    server = serve(kind, BEHIND_A_PROXY, server=kind, host_header=PUBLIC_HOST)
    # What nginx (deploy/nginx) sends: the app's own address as Host is not trusted,
    # so the page is served only if the X-Forwarded-* headers reached the app.
    proxied = _get(server, "/parcours/activer", {
        "X-Forwarded-Proto": "https", "X-Forwarded-Host": PUBLIC_HOST,
        "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Port": "443"})
    assert proxied.status == 200
    assert proxied.headers["Strict-Transport-Security"].startswith("max-age=")
    [cookie] = [c for c in proxied.headers.get_all("Set-Cookie") if c.startswith("falc=")]
    assert "secure" in {part.strip().lower() for part in cookie.split(";")}

    direct = _get(server, "/parcours/activer", {"Host": PUBLIC_HOST})
    assert direct.status == 200
    assert "Strict-Transport-Security" not in direct.headers, "plain HTTP is not HTTPS"
    assert "Traceback" not in server.log()


def test_falc_wizard_serve_sends_pages_and_files_compressed(serve):
    """waitress sends what the app compressed: a page and the stylesheet, gzip where accepted."""
    server = serve()
    for path in ("/", "/static/style.css"):
        asked = urllib.request.Request(server.base + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(asked, timeout=5) as response:
            assert response.headers["Content-Encoding"] == "gzip", path
            body = gzip.decompress(response.read())
        refused = urllib.request.Request(server.base + path, headers={"Accept-Encoding": "gzip;q=0"})
        with urllib.request.urlopen(refused, timeout=5) as response:
            assert response.headers["Content-Encoding"] is None, path
            assert response.read()[:200] == body[:200], path  # the same page, sent as it is
