"""The weight of every screen of every journey, in both modes, with all its assets.

`run.py` weighs the screens of one guide walk over HTTP; practice screens load more
(the drawn copy's stylesheet, the help's pictures), so this walks every path of every
journey, guide and practice, with the Flask test client (in-process, a few seconds),
and prints the heaviest screens. Run by hand:

    .venv/bin/python benchmarks/weights.py

Exits 1 when a screen with its assets weighs more than 40 KB before compression.
It answers each screen the way the tests do (``tests/support.py``: the choice that
leads on, a valid practice value, the element to press).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support import Visitor, answer  # noqa: E402  (the tests' own way to answer a screen)

from falc_wizard import create_app  # noqa: E402
from falc_wizard.engine import all_paths  # noqa: E402

LIMIT = 40 * 1024
#: What a screen loads: its stylesheets, script, pictures and icons (each once).
ASSET = re.compile(r'(?:href|src)="(/(?:static|pictogrammes)/[^"?#]+)')


def main() -> int:
    app = create_app({"SECRET_KEY": "weights", "TESTING": True})
    client = app.test_client()
    sizes: dict[str, int] = {}

    def asset(url: str) -> int:
        if url not in sizes:
            sizes[url] = len(client.get(url).data)
        return sizes[url]

    weights: dict[tuple[str, str, str], tuple[int, int]] = {}
    for journey in app.extensions["falc_journeys"].values():
        for practice in (False, True):
            if practice and not journey.has_practice:
                continue
            mode = "practice" if practice else "guide"
            for path in all_paths(journey, practice):
                visitor = Visitor(app.test_client())
                visitor.start(journey, practice)
                for position, step_id in enumerate(path):
                    page = visitor.page.encode()
                    total = len(page) + sum(asset(url) for url in set(ASSET.findall(visitor.page)))
                    weights[(journey.id, mode, step_id)] = (total, len(page))
                    if position + 1 < len(path):
                        visitor.post(data=answer(journey, path, position, practice))
    ranked = sorted(weights.items(), key=lambda item: item[1][0], reverse=True)
    print(f"{len(weights)} screens; the heaviest, with their assets (uncompressed):")
    for (journey_id, mode, step_id), (total, html) in ranked[:5]:
        print(f"  {total / 1024:5.1f} KB (HTML {html / 1024:.1f} KB)  {journey_id} {mode} {step_id}")
    over = [key for key, (total, _) in ranked if total > LIMIT]
    print(f"{'ok' if not over else 'FAIL'}   every screen <= 40 KB ({len(over)} over)")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
