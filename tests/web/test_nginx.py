"""Debian's nginx with the shipped configuration, over TLS, in front of two app processes.

The README's production recipe, run for real on loopback: deploy/nginx/render.py
fills deploy/nginx/falc-wizard.conf with a test certificate (made here with
openssl, signed by a test CA) and two ``falc-wizard serve`` processes; nginx runs
in the foreground with its pid, logs and temporary files in the test's folder.
A person walks a whole journey through it over HTTPS.

`make test` installs nginx and openssl (the Makefile's APT_NEEDS).
"""

from __future__ import annotations

import http.client
import importlib.util
import os
import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path

import pytest

import servers
from servers import Person

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
HOST = "localhost"
KEY = "nginx-test-key"


def _render_module():
    spec = importlib.util.spec_from_file_location("nginx_render", ROOT / "deploy" / "nginx" / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if not found:
        pytest.fail(f"{name} is not installed: `make test` installs it (APT_NEEDS in the Makefile)")
    return found


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run([_tool("openssl"), *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def make_certificates(folder: Path) -> dict[str, Path]:
    """A test CA, and a certificate for localhost (and 127.0.0.1) that it signs."""
    folder.mkdir()
    _openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=falc-wizard test CA",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
             cwd=folder)
    _openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", "site.key", "-out", "site.csr", "-subj", f"/CN={HOST}", cwd=folder)
    (folder / "site.ext").write_text(
        "basicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\n"
        "extendedKeyUsage=serverAuth\n"
        f"subjectAltName=DNS:{HOST},IP:127.0.0.1\n"
        "authorityKeyIdentifier=keyid\n"
        "subjectKeyIdentifier=hash\n"
    )
    _openssl("x509", "-req", "-in", "site.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-out", "site.pem", "-days", "2", "-extfile", "site.ext", cwd=folder)
    return {"ca": folder / "ca.pem", "certificate": folder / "site.pem", "key": folder / "site.key"}


def nginx_main_config(folder: Path, site_config: Path) -> str:
    """The main file a test needs around the shipped site file: everything in ``folder``."""
    temp = {name: folder / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir()
    # As root, nginx's workers would become "nobody", who cannot enter the test's folder.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}daemon off;\nworker_processes 1;\npid {folder}/nginx.pid;\n"
        f"error_log {folder}/nginx.error.log warn;\n"
        "events { worker_connections 512; }\n"
        "http {\n"
        f"    client_body_temp_path {temp['client_body']};\n    proxy_temp_path {temp['proxy']};\n"
        f"    fastcgi_temp_path {temp['fastcgi']};\n    uwsgi_temp_path {temp['uwsgi']};\n"
        f"    scgi_temp_path {temp['scgi']};\n"
        f"    access_log off;\n"
        f"    include {site_config};\n"
        "}\n"
    )


def _wait_for_port(port: int, process: subprocess.Popen, log: Path, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"nginx did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.05)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """nginx (shipped config, TLS) in front of two app processes, once for this file's tests."""
    tmp_path = tmp_path_factory.mktemp("nginx-site")
    certificates = make_certificates(tmp_path / "tls")
    https_port, http_port = servers.free_port(), servers.free_port()
    env = {"FALC_ENV": "production", "FALC_SECRET_KEY": KEY, "FALC_PROXY_FIX": "1",
           "FALC_PUBLIC_URL": f"https://{HOST}:{https_port}"}
    apps, nginx = [], None
    try:
        for name in ("app-1", "app-2"):
            apps.append(servers.start(tmp_path / name, env, host_header=HOST))
        folder = tmp_path / "nginx"
        folder.mkdir()
        site_config = folder / "falc-wizard.conf"
        site_config.write_text(_render_module().render(
            server_name=HOST, certificate=str(certificates["certificate"]),
            certificate_key=str(certificates["key"]),
            apps=[app.base.removeprefix("http://") for app in apps],
            https_listen=f"127.0.0.1:{https_port}", http_listen=f"127.0.0.1:{http_port}", log_dir=str(folder)))
        main_config = folder / "nginx.conf"
        main_config.write_text(nginx_main_config(folder, site_config))
        output = folder / "nginx.out"
        with open(output, "wb") as out:
            nginx = subprocess.Popen([_tool("nginx"), "-p", str(folder), "-c", str(main_config),
                                      "-e", str(folder / "nginx.start.log")],
                                     stdout=out, stderr=subprocess.STDOUT)
        _wait_for_port(https_port, nginx, output)
        _wait_for_port(http_port, nginx, output)
        tls = ssl.create_default_context(cafile=str(certificates["ca"]))
        yield {"base": f"https://{HOST}:{https_port}", "https_port": https_port, "http_port": http_port,
               "tls": tls, "apps": apps, "folder": folder}
    finally:
        if nginx is not None and nginx.poll() is None:
            nginx.terminate()
            try:
                nginx.wait(timeout=10)
            except subprocess.TimeoutExpired:
                nginx.kill()
                nginx.wait(timeout=10)
        for app in apps:
            app.stop()


def _is_end(page: str) -> bool:
    return "J'ai fini" in page


def test_a_journey_walked_through_nginx_over_tls(site):
    base = site["base"]
    person = Person(tls=site["tls"])
    assert person.open(base, "/parcours/activer") == 200
    assert person.headers["Strict-Transport-Security"].startswith("max-age=")
    [cookie] = [cookie for cookie in person.jar if cookie.name == "falc"]
    assert cookie.secure, "the session cookie is Secure"
    assert person.open(base, "/parcours/activer", {"csrf_token": person.token(), "mode": "guide"}) == 200
    assert person.path.startswith("/parcours/activer/")
    for _ in range(60):
        if _is_end(person.page):
            break
        assert person.next_click(base) == 200
        assert "Strict-Transport-Security" in person.headers
    else:
        pytest.fail(f"the end was not reached, stopped at {person.path}")

    # Two app processes took the requests (round robin, no sticky session): a form
    # drawn by one was posted to the other, and each knew the person from the cookie.
    for app in site["apps"]:
        assert app.log().count(" /parcours/activer") >= 5, "each process served part of the journey"
        assert "Traceback" not in app.log()
    # nginx's own log holds no path (resume links, query strings), no address.
    access = (site["folder"] / "falc-wizard.access.log").read_text()
    assert access.count("\n") >= 10 and "/parcours" not in access and "127.0.0.1" not in access


def test_plain_http_is_sent_to_https_on_the_configured_name(site):
    connection = http.client.HTTPConnection("127.0.0.1", site["http_port"], timeout=5)
    connection.request("GET", "/parcours/activer?x=1", headers={"Host": "evil.example"})
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == f"{site['base']}/parcours/activer?x=1"


def test_a_large_body_is_refused_by_nginx_before_it_is_read(site):
    connection = http.client.HTTPSConnection(HOST, site["https_port"], context=site["tls"], timeout=5)
    connection.putrequest("POST", "/reglages")
    connection.putheader("Content-Type", "application/x-www-form-urlencoded")
    connection.putheader("Content-Length", str(50_000_000))
    connection.endheaders()  # and not one byte of the body
    started = time.perf_counter()
    response = connection.getresponse()
    assert response.status == 413
    assert time.perf_counter() - started < 2
    for app in site["apps"]:
        assert "/reglages" not in app.log(), "the app never saw it"


def test_forwarded_headers_from_a_client_are_replaced_by_nginx(site):
    """nginx sets each X-Forwarded-* that FALC_PROXY_FIX trusts: a client cannot choose them."""
    request_headers = {"X-Forwarded-Host": "evil.example", "X-Forwarded-Prefix": "/evil",
                       "X-Forwarded-Proto": "http"}
    connection = http.client.HTTPSConnection(HOST, site["https_port"], context=site["tls"], timeout=5)
    connection.request("GET", "/parcours//activer", headers=request_headers)
    response = connection.getresponse()
    response.read()
    assert response.status in (301, 308)
    assert response.getheader("Location") == "/parcours/activer", "no host, no forged prefix"
    connection.request("GET", "/", headers=request_headers)
    response = connection.getresponse()
    page = response.read().decode()
    assert response.status == 200
    assert "/evil" not in page and "evil.example" not in page
    assert response.getheader("Strict-Transport-Security"), "https, whatever the client said"
