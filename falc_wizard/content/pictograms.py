"""Pictograms: SVG files, one concept per file; the SVG's <title> is its text alternative.

Pure Python (no Flask): the loader, the FALC checker and Babel's extraction
read the same titles the same way. Templates translate them (templating.py).
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

PICTOGRAMS_DIR = Path(__file__).parent.parent / "pictograms"
_SVG = "{http://www.w3.org/2000/svg}"


def svg_title(root: ET.Element) -> str:
    """The French text alternative of a parsed SVG: its <title>, with or without the SVG namespace."""
    title = root.find(f"{_SVG}title")
    if title is None:
        title = root.find("title")
    return (title.text or "").strip() if title is not None else ""


@functools.cache
def titles(directory: Path = PICTOGRAMS_DIR) -> dict[str, str]:
    """Every pictogram's French title by name, read once."""
    return {path.stem: svg_title(ET.parse(path).getroot()) for path in sorted(directory.glob("*.svg"))}
