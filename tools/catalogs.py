"""Re-extract every sentence into the translation catalogs, reproducibly.

``make catalogs`` runs this. Run twice on the same sources, it writes the same
bytes, so that a content change shows in the .po diff as the few sentences it
touched, not as a thousand lines of moved line numbers and new dates:

- location comments name the file only (``--add-location=file``): moving code
  inside a file changes nothing;
- lines are not wrapped (``--no-wrap``), whatever Babel's default width;
- the header keeps its dates and its "Generated-By" line unless a sentence was
  added, changed or removed (only then is ``POT-Creation-Date`` renewed).

Then the .mo files are compiled from the .po files (both are committed).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYBABEL = [sys.executable, "-m", "babel.messages.frontend"]
KEPT_HEADERS = ("Project-Id-Version", "POT-Creation-Date", "PO-Revision-Date", "Generated-By")
_HEADER = re.compile(r'^"(%s): ([^"]*)\\n"$' % "|".join(KEPT_HEADERS), re.MULTILINE)


def _headers(text: str) -> dict[str, str]:
    return {m.group(1): m.group(2) for m in _HEADER.finditer(text)}


def _body(text: str) -> str:
    """The catalog without the header lines that only record when it was made."""
    return _HEADER.sub("", text)


def update_catalogs(root: Path = ROOT) -> None:
    """Extract, update and compile the catalogs of the checkout at ``root``."""
    template = root / "build" / "messages.pot"
    translations = root / "translations"

    def _babel(*args: str) -> None:
        subprocess.run([*PYBABEL, "-q", *args], cwd=root, check=True)

    template.parent.mkdir(exist_ok=True)
    _babel("extract", "-F", "babel.cfg", "-k", "lazy_gettext", "-k", "_l",
           "--no-wrap", "--add-location=file", "--project=falc-wizard",
           "-o", str(template), ".")
    catalogs = sorted(translations.glob("*/LC_MESSAGES/messages.po"))
    before = {po: po.read_text(encoding="utf-8") for po in catalogs}
    _babel("update", "-i", str(template), "-d", str(translations),
           "--no-wrap", "--no-fuzzy-matching", "--ignore-obsolete")
    for po, old in before.items():
        new = po.read_text(encoding="utf-8")
        kept = _headers(old)
        if _body(new) != _body(old):
            kept.pop("POT-Creation-Date", None)  # the sentences changed: a new date says so
        for name, value in kept.items():
            new = re.sub(r'^"%s: [^"]*\\n"$' % name, f'"{name}: {value}\\\\n"', new, flags=re.MULTILINE)
        po.write_text(new, encoding="utf-8")
    _babel("compile", "-d", str(translations))


if __name__ == "__main__":
    update_catalogs()
