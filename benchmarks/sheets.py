"""Time the all-journeys sheet page (/fiches/imprimer): cold QR cache, then warm.

Run by hand: ``.venv/bin/python benchmarks/sheets.py [--runs 20]``. Not a test:
speed targets live here, where a slow machine cannot make the suite fail.

"Cold" empties the QR code caches first (every code drawn again: qrcode's
matrix, the SVG path); "warm" is every later request, when the page only
renders its templates around cached SVG text. The same for one PNG download.
"""

from __future__ import annotations

import argparse
import statistics
import time

from falc_wizard import create_app
from falc_wizard.paper import qr


def timed(client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    return elapsed * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    app = create_app({"TESTING": True, "SECRET_KEY": "benchmark", "PUBLIC_URL": "https://pas-a-pas.example.fr"})
    client = app.test_client()
    journeys = len(app.extensions["falc_journeys"])
    client.get("/fiches/imprimer")  # templates compiled, catalogs loaded: only the QR cache is cold below

    for name, url in (("all-journeys sheets", "/fiches/imprimer"), ("one PNG", "/fiches/activer.png")):
        cold = []
        for _ in range(args.runs):
            qr.clear_cache()
            cold.append(timed(client, url))
        warm = [timed(client, url) for _ in range(args.runs)]
        print(
            f"{name:22} ({journeys} journeys) cold: median {statistics.median(cold):6.1f} ms, max {max(cold):6.1f} ms"
            f" | warm: median {statistics.median(warm):6.1f} ms, max {max(warm):6.1f} ms  ({args.runs} runs)"
        )


if __name__ == "__main__":
    main()
