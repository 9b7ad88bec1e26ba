"""Pictograms: SVG files, one concept per file; the SVG's <title> is its text alternative."""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

from .i18n import translate

PICTOGRAMS_DIR = Path(__file__).parent / "pictograms"
_SVG = "{http://www.w3.org/2000/svg}"


@functools.cache
def titles(directory: Path = PICTOGRAMS_DIR) -> dict[str, str]:
    """Every pictogram's French title, read once."""
    found = {}
    for path in sorted(directory.glob("*.svg")):
        root = ET.parse(path).getroot()
        title = root.find(f"{_SVG}title")
        if title is None:
            title = root.find("title")
        found[path.stem] = (title.text or "").strip() if title is not None else ""
    return found


def pictogram_alt(name: str) -> str:
    """The translated text alternative of a pictogram."""
    return translate(titles().get(name, ""))
