"""Babel extraction methods for the content files: journeys (TOML) and pictograms (SVG).

Journeys are data, not code, so ``pybabel extract`` cannot find their sentences
with a keyword like ``_()``. These two methods let one extraction (``babel.cfg``)
give a translator every sentence the person sees, from the templates, the Python
code, the journey files and the pictograms' text alternatives alike.

They are declared in pyproject.toml under ``[project.entry-points."babel.extractors"]``
as ``falc_journey`` and ``falc_svg``.

What is extracted from a journey: its title, summary, the text of each need, the
title of each part, and of each step its sentences, help_title, help, helper_note
and the text of its choices; of a real page, the ``description`` of an element whose text no
seed shows (the app's own words). From a folder's site file: the app's name, short name and
home sentence, and the help line's hours and cost sentences. A step's ``label`` is NOT extracted: it is the real site's
label, which stays in French because the person sees it in French on the real site.
"""

from __future__ import annotations

import tomllib
import xml.etree.ElementTree as ET
from typing import IO, Iterator

from .pictograms import svg_title
from .site import site_strings

#: One extracted message, as Babel expects: (line, function name, message, comments).
Extracted = tuple[int, None, str, list[str]]


def journey_strings(data: dict) -> Iterator[tuple[str, str]]:
    """Every translatable string of a parsed journey, with where it comes from."""
    journey_id = data.get("id", "?")
    for key in ("title", "summary"):
        if data.get(key):
            yield data[key], f"journey {journey_id}: {key}"
    for need in data.get("needs", []):
        if need.get("text"):
            yield need["text"], f"journey {journey_id}: need"
    for part in data.get("parts", []):
        if part.get("title"):
            yield part["title"], f"journey {journey_id}: part {part.get('id', '?')}"
    for step in data.get("steps", []):
        where = f"journey {journey_id}, step {step.get('id', '?')}"
        for key in ("sentences", "help_title", "help", "helper_note"):
            value = step.get(key)
            for text in [value] if isinstance(value, str) else value or []:
                if text:
                    yield text, f"{where}: {key}"
        for choice in step.get("choices", []):
            if choice.get("text"):
                yield choice["text"], f"{where}: choice {choice.get('id', '?')}"
    for page in data.get("pages", []):
        for element in page.get("elements", []):
            if element.get("description"):
                yield element["description"], f"journey {journey_id}, page {page.get('id', '?')}: element description"


def _line_of(lines: list[str], text: str) -> int:
    """The first line that holds the string (1-based), so translators can find it; 1 if unsure."""
    needle = text.replace("\\", "\\\\").replace('"', '\\"')[:60]
    for number, line in enumerate(lines, start=1):
        if needle in line or text[:60] in line:
            return number
    return 1


def extract_journey(fileobj: IO[bytes], keywords, comment_tags, options) -> Iterator[Extracted]:
    """Babel extraction method for a content folder's TOML files: a journey, or the folder's
    site file (site.py: the app's name, the help line's hours and cost)."""
    source = fileobj.read().decode("utf-8")
    data = tomllib.loads(source)
    lines = source.splitlines()
    strings = site_strings(data) if "site" in data or "app" in data else journey_strings(data)
    for text, where in strings:
        yield _line_of(lines, text), None, text, [where]


def extract_svg(fileobj: IO[bytes], keywords, comment_tags, options) -> Iterator[Extracted]:
    """Babel extraction method for a pictogram: its <title> is its text alternative."""
    source = fileobj.read()
    title = svg_title(ET.fromstring(source))
    if title:
        lines = source.decode("utf-8").splitlines()
        number = next((n for n, line in enumerate(lines, start=1) if "<title" in line), 1)
        yield number, None, title, ["pictogram text alternative"]
