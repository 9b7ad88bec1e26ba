"""Speed, load, page weight and memory of falc-wizard, in one run (by hand, not a test).

    .venv/bin/pip install -e '.[bench]'      # gunicorn
    apt-get install wrk                      # the load generator (Debian)
    .venv/bin/python benchmarks/run.py       # about a minute and a half

Everything runs on 127.0.0.1: gunicorn with 2 sync workers serves a bare Flask
"hello world" (benchmarks/hello.py), then the app (falc_wizard.wsgi, with its
access log, as in production). wrk loads each URL with 16 connections. See
benchmarks/README.md for what is measured and the targets.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import html
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CONNECTIONS = 16
JOURNEY = "activer"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """gunicorn -w 2 on a free loopback port; stopped by its own pid."""

    def __init__(self, target: str, env: dict, log: Path, workers: int = 2):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(log, "wb")
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "-w", str(workers), "-b", f"127.0.0.1:{self.port}",
             "--chdir", str(ROOT / "benchmarks"), target],
            cwd=ROOT, env={**os.environ, **env}, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.base + "/", timeout=5)
                break
            except OSError:  # refused, reset or timed out while the workers start
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise SystemExit(f"gunicorn did not start: see {log}")
                time.sleep(0.2)

    def workers(self) -> list[int]:
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                found.append(int(stat.parent.name))
        return found

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the workers have used so far."""
        total = 0
        for pid in self.workers():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
        return total / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# --- One person's browser (urllib) ------------------------------------------------------

class Person:
    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.page, self.path, self.status = "", "/", 0

    def open(self, path: str, data: dict | None = None) -> int:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            response = self.opener.open(self.base + path, body, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        self.status = response.status
        self.path = urllib.parse.urlparse(response.geturl()).path
        self.raw = response.read()
        self.page = html.unescape(self.raw.decode())
        return self.status

    def token(self) -> str:
        return re.search(r'name="csrf_token" value="([^"]+)"', self.page).group(1)

    def begin(self, journey: str = JOURNEY) -> None:
        self.open(f"/parcours/{journey}")
        self.open(f"/parcours/{journey}", {"csrf_token": self.token(), "mode": "guide"})

    def form(self) -> dict:
        """What the step's main button posts: the token, and the first choice if any."""
        data = {"csrf_token": self.token()}
        choice = re.search(r'name="choix" value="([^"]+)"', self.page)
        if choice:
            data["choix"] = choice.group(1)
        return data

    def click(self) -> int:
        return self.open(self.path, self.form())

    def cookie(self) -> str:
        return next(c.value for c in self.jar if c.name == "falc")

    def walk(self, journey: str = JOURNEY, limit: int = 80) -> list[str]:
        """From the start screen to the end, first answer of each choice; the steps seen."""
        self.begin(journey)
        seen, self.pages = [self.path], [self.raw.decode()]
        while "J'ai fini" not in self.page:
            if self.status != 200 or len(seen) > limit:
                raise RuntimeError(f"{self.status} at {self.path}")
            self.click()
            seen.append(self.path)
            self.pages.append(self.raw.decode())
        return seen


# --- Load with wrk ---------------------------------------------------------------------------

PRG_LUA = textwrap.dedent("""\
    -- A full POST-redirect-GET: post the step, then get the page it redirects to.
    local post = true
    request = function()
      local r
      if post then
        r = wrk.format("POST", "{path}", {{["Content-Type"] = "application/x-www-form-urlencoded",
                       ["Cookie"] = "falc={cookie}"}}, "{body}")
      else
        r = wrk.format("GET", "{next}", {{["Cookie"] = "falc={cookie}"}})
      end
      post = not post
      return r
    end
    response = function(status, headers, body)
      if status ~= 303 and status ~= 200 then wrk.thread:stop() end
    end
""")


def measure(server: Gunicorn, path: str, seconds: int, headers: dict | None = None,
            script: Path | None = None) -> dict:
    """wrk's figures, plus the workers' CPU time per request: on a shared machine the
    other load slows every request down, but barely changes what each one costs."""
    before = server.cpu_seconds()
    result = wrk(server.base + path, seconds, headers, script)
    result["cpu_ms"] = (server.cpu_seconds() - before) * 1000 / max(result["requests"], 1)
    return result


def wrk(url: str, seconds: int, headers: dict | None = None, script: Path | None = None) -> dict:
    command = ["wrk", "-t", "2", "-c", str(CONNECTIONS), "-d", f"{seconds}s", "--latency"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", str(script)]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": to_ms(latency["50"]),
        "p99": to_ms(latency["99"]),
        "bad": int(errors.group(1)) if errors else 0,
        "socket": socket_errors.group(1) if socket_errors else "",
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
    }


def to_ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


# --- Page weight ------------------------------------------------------------------------------

ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="(/[^"]+)"')


def page_weight(base: str, page: str, gzip: bool = False) -> tuple[int, int, int]:
    """Bytes of a step screen with every asset it loads (each once): uncompressed, or as
    sent to a browser that accepts gzip (the page itself compressed like its assets)."""
    page_bytes = len(zlib.compress(page.encode(), 6)) if gzip else len(page.encode())
    assets = set(ASSET.findall(page))
    total = page_bytes
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    for asset in assets:
        with urllib.request.urlopen(urllib.request.Request(base + asset, headers=headers), timeout=10) as response:
            total += len(response.read())
    return page_bytes, len(assets), total


# --- The run ----------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--people", type=int, default=200, help="people walking the journey at once")
    parser.add_argument("--rounds", type=int, default=3, help="turns of hello world, step page, PRG")
    args = parser.parse_args()
    load_before = load_average()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    if not (BIN / "gunicorn").exists():
        raise SystemExit("gunicorn is missing: pip install -e '.[bench]'")

    work = Path(tempfile.mkdtemp(prefix="falc-bench-"))
    env = {"FALC_ENV": "production", "FALC_SECRET_KEY": "benchmark-key", "FALC_PUBLIC_URL": "http://127.0.0.1"}
    rounds: list[dict[str, dict]] = []

    # The servers run at once and are measured in turns, so that the other
    # load of a shared machine weighs on hello world and on the app alike.
    servers: list[Gunicorn] = []
    try:
        for target, log in (("hello:app", "hello.log"), ("falc_wizard.wsgi:create()", "app.log"),
                            ("uncached:app", "uncached.log")):
            servers.append(Gunicorn(target, env, work / log))  # a server that cannot start stops the others
        hello, app, uncached = servers
        person = Person(app.base)
        steps = person.walk()
        # The deepest step page of the journey (the last before the end), with its
        # cookie; and the step before it, posted again and again (allowed: it is
        # answered already) for the POST-redirect-GET, which lands on the deepest.
        person.begin()
        while person.path != steps[-2]:
            before, before_data = person.path, person.form()
            person.click()
        deepest, cookie = person.path, person.cookie()
        cookie_header = {"Cookie": f"falc={cookie}"}
        script = work / "prg.lua"
        script.write_text(PRG_LUA.format(path=before, next=deepest, cookie=cookie,
                                         body=urllib.parse.urlencode(before_data)))

        wrk(hello.base + "/", 2)  # warm up the servers' workers
        wrk(app.base + deepest, 2, cookie_header)
        wrk(uncached.base + deepest, 2, cookie_header)
        sheet = "/fiches/imprimer"
        has_sheet = sheet_exists(app.base, sheet)
        for _ in range(args.rounds):
            measured = {"hello world": measure(hello, "/", args.seconds),
                        "(a) step page": measure(app, deepest, args.seconds, cookie_header),
                        "(a') same, no page cache": measure(uncached, deepest, args.seconds, cookie_header)}
            prg = measure(app, before, args.seconds, script=script)
            prg["rps"] /= 2  # one POST and one GET make one step
            measured["(b) POST-redirect-GET"] = prg
            if has_sheet:
                measured["(c) sheet of all journeys"] = measure(app, sheet, args.seconds)
            rounds.append(measured)
        hello.stop()
        uncached.stop()

        # 200 people at once, each walking the whole journey.
        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(args.people) as pool:
            walks = list(pool.map(lambda _: try_walk(app.base), range(args.people)))
        crowd_seconds = time.perf_counter() - started
        failures = [w for w in walks if isinstance(w, str)]
        clicks = sum(len(w) for w in walks if isinstance(w, list))

        walker = Person(app.base)
        walker.walk()
        weights = [page_weight(app.base, page) for page in walker.pages]
        compressed = [page_weight(app.base, page, gzip=True) for page in walker.pages]
        memory = [rss_mb(pid) for pid in app.workers()]
        log_lines = (work / "app.log").read_text(errors="replace").count(" access ")
    finally:
        for server in servers:
            server.stop()

    print(f"\nfalc-wizard benchmark, gunicorn -w 2, wrk {CONNECTIONS} connections, {args.seconds} s each, "
          f"{os.cpu_count()} CPUs, load average before: {load_before}, after: {load_average()}\n")
    print(f"{'':28} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs hello':>9} {'CPU ms/req':>11} "
          f"{'hello/CPU':>10} {'errors':>7}")
    for number, results in enumerate(rounds, start=1):
        base_rps, base_cpu = results["hello world"]["rps"], results["hello world"]["cpu_ms"]
        print(f"round {number}")
        for name, r in results.items():
            print(f"  {name:26} {r['rps']:9.0f} {r['p50']:8.2f} {r['p99']:8.2f} {r['rps'] / base_rps:8.0%} "
                  f"{r['cpu_ms']:11.3f} {base_cpu / r['cpu_ms']:9.0%} {r['bad']:7d} {r['socket']}")
    if not has_sheet:
        print("(c) sheet of all journeys     not measured: /fiches/imprimer is not there")
    print(f"\n{args.people} people walking '{JOURNEY}' at once: {len(failures)} failed, "
          f"{clicks} pages in {crowd_seconds:.1f} s")
    for failure in failures[:5]:
        print("   ", failure)
    heaviest = max(weights, key=lambda w: w[2])
    print(f"page weight of a step screen with its assets: first {weights[0][2] / 1024:.1f} KB, "
          f"heaviest {heaviest[2] / 1024:.1f} KB (HTML {heaviest[0] / 1024:.1f} KB + {heaviest[1]} assets), "
          f"{len(weights)} screens; gzip-compressed, heaviest {max(w[2] for w in compressed) / 1024:.1f} KB")
    print("worker memory (RSS): " + ", ".join(f"{m:.1f} MB" for m in memory))
    print(f"access log lines written: {log_lines}")

    ratio = lambda name: statistics.median(r[name]["rps"] / r["hello world"]["rps"] for r in rounds)  # noqa: E731
    p99 = lambda name: statistics.median(r[name]["p99"] for r in rounds)  # noqa: E731
    cpu = lambda name: statistics.median(r["hello world"]["cpu_ms"] / r[name]["cpu_ms"] for r in rounds)  # noqa: E731
    uncached_ratio = ratio("(a') same, no page cache")
    print(f"\nmedian of {len(rounds)} rounds: step page {ratio('(a) step page'):.0%} of hello world "
          f"({uncached_ratio:.0%} without the page cache), "
          f"POST-redirect-GET {ratio('(b) POST-redirect-GET') * 2:.0%} (per request); "
          f"p99 {p99('(a) step page'):.1f} ms and {p99('(b) POST-redirect-GET'):.1f} ms")
    print(f"by CPU time per request (what a quiet machine's throughput follows): step page "
          f"{cpu('(a) step page'):.0%} of hello world, POST-redirect-GET {cpu('(b) POST-redirect-GET'):.0%}")
    checks = {
        "step page >= 40 % of hello world": ratio("(a) step page") >= 0.4,
        "p99 < 50 ms (step page)": p99("(a) step page") < 50,
        "p99 < 50 ms (POST-redirect-GET)": p99("(b) POST-redirect-GET") < 50,
        f"{args.people} people, no error": not failures,
        "page weight < 40 KB": heaviest[2] < 40 * 1024,
        "worker RSS < 80 MB": bool(memory) and max(memory) < 80,
    }
    print()
    for name, ok in checks.items():
        print(f"  {'ok  ' if ok else 'MISS'} {name}")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if all(checks.values()) else 1


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: how busy the (maybe shared) machine was."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def sheet_exists(base: str, path: str) -> bool:
    try:
        return urllib.request.urlopen(base + path, timeout=30).status == 200
    except urllib.error.URLError:
        return False


def try_walk(base: str):
    try:
        return Person(base).walk()
    except Exception as error:  # reported, counted as a failure
        return f"{type(error).__name__}: {error}"


if __name__ == "__main__":
    sys.exit(main())
