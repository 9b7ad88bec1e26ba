"""What one request costs inside a worker, with no server and no network (by hand, not a test).

    .venv/bin/python benchmarks/inprocess.py            # about half a minute
    .venv/bin/python benchmarks/inprocess.py --no-page-cache

Each WSGI app is called directly with environs made beforehand, and the CPU time
(``time.process_time``) of N requests is taken, best of a few runs, alternating a
bare Flask "hello world" (benchmarks/hello.py) and the app, wrapped in its access
log as in production (``falc_wizard.wsgi``). What gunicorn and the network add is
the same for both, so this is the figure to compare two versions of the code
with: ``benchmarks/run.py`` gives the throughput and latencies under load.

Measured: (a) the deepest step page of ``activer`` (the last before the end) with
its session cookie, GET; (b) a POST of the step before it, answered 303 to (a).
"""

from __future__ import annotations

import argparse
import html
import io
import os
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from werkzeug.test import Client, EnvironBuilder

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
JOURNEY = "activer"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
CHOICE = re.compile(r'name="choix" value="([^"]+)"')


def the_app(page_cache: bool):
    os.environ.setdefault("FALC_SECRET_KEY", "benchmark-key")
    from falc_wizard import create_app
    from falc_wizard.web import accesslog

    config = {} if page_cache else {"PAGE_CACHE_SIZE": 0}
    return accesslog.wrap(create_app(config))


def deepest(app) -> tuple[str, str, dict, str]:
    """The deepest step's path, the step before it with the form that answers it, and the cookie."""
    client = Client(app)
    page = client.get(f"/parcours/{JOURNEY}").get_data(as_text=True)
    response = client.post(f"/parcours/{JOURNEY}", data={"csrf_token": TOKEN.search(page).group(1), "mode": "guide"})
    seen: list[tuple[str, dict, str]] = []
    path = response.headers["Location"]
    while True:
        page = html.unescape(client.get(path).get_data(as_text=True))
        form = {"csrf_token": TOKEN.search(page).group(1)}
        choice = CHOICE.search(page)
        if choice:
            form["choix"] = choice.group(1)
        cookie = client.get_cookie("falc").value
        seen.append((path, form, cookie))
        if "J'ai fini" in page:
            break
        path = client.post(path, data=form).headers["Location"]
    (before, form, _), (deep, _, cookie) = seen[-3], seen[-2]
    return deep, before, form, cookie


def environs(path: str, count: int, cookie: str | None = None, form: dict | None = None) -> list[dict]:
    headers = {"Cookie": f"falc={cookie}"} if cookie else {}
    if form is None:
        base = EnvironBuilder(path=path, headers=headers).get_environ()
        return [dict(base) for _ in range(count)]
    body = urlencode(form).encode()
    base = EnvironBuilder(path=path, method="POST", headers=headers, data=body,
                          content_type="application/x-www-form-urlencoded").get_environ()
    return [{**base, "wsgi.input": io.BytesIO(body)} for _ in range(count)]


def cpu_per_request(app, made: list[dict], expect: str) -> float:
    statuses = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    started = time.process_time()
    for environ in made:
        body = app(environ, start_response)
        for _chunk in body:
            pass
        if hasattr(body, "close"):
            body.close()
    spent = time.process_time() - started
    if any(not status.startswith(expect) for status in statuses):
        raise SystemExit(f"unexpected status: {sorted(set(statuses))}")
    return spent / len(made) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-page-cache", action="store_true", help="PAGE_CACHE_SIZE = 0")
    args = parser.parse_args()

    from hello import app as hello

    app = the_app(page_cache=not args.no_page_cache)
    deep, before, form, cookie = deepest(app)
    best = {"hello world": float("inf"), "(a) step page": float("inf"), "(b) POST of the step before": float("inf")}
    for _ in range(args.runs):
        best["hello world"] = min(best["hello world"], cpu_per_request(hello, environs("/", args.requests), "200"))
        best["(a) step page"] = min(best["(a) step page"],
                                    cpu_per_request(app, environs(deep, args.requests, cookie), "200"))
        best["(b) POST of the step before"] = min(
            best["(b) POST of the step before"],
            cpu_per_request(app, environs(before, args.requests, cookie, form), "303"))
    print(f"in-process CPU per request, best of {args.runs} x {args.requests} "
          f"(page cache {'off' if args.no_page_cache else 'on'}); step page {deep}")
    for name, ms in best.items():
        print(f"  {name:30} {ms * 1000:7.0f} µs   hello/this {best['hello world'] / ms:5.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
