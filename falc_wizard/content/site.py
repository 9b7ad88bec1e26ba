"""The site a content folder guides through, and the app's own name: data, not code.

Each content folder holds, beside its journey files, a ``site.toml`` with two tables:

- ``[app]``: the app's name (header, page title, the home-screen icon), its short name,
  the home page's sentence under its title and the pictogram beside the name;
- ``[site]``: the real site's name, its address as the person types it and its full
  address (the QR code that opens it), its brand as the practice copy draws it, the
  pattern of its address that practice must never show, and ``[site.help_line]``: the
  number, the sentences that say its hours and those that say what a call costs.

The templates read it as ``site`` (templating.py); the loader refuses a
practice screen that matches ``never_show``; the checker and the audio read its sentences.
Its sentences are the person's: the catalogs hold them (extract.py), and they are shown
through the same translation as a journey's. Pure Python, no Flask.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping

from .pictograms import titles

#: The file of a content folder that holds its [app] and [site] tables.
SITE_FILE = "site.toml"

#: The shipped content folder.
CONTENT_DIR = Path(__file__).parent.parent / "steps"


class SiteError(ValueError):
    """The site file is missing or wrong (one line: the file, the key, what to write)."""


@dataclass(frozen=True)
class App:
    name: str
    short_name: str
    #: The home page's sentence under its title.
    lead: str
    #: The pictogram beside the app's name (falc_wizard/pictograms/).
    pictogram: str


@dataclass(frozen=True)
class HelpLine:
    number: str
    #: The sentences that say when the line answers.
    hours: tuple[str, ...]
    #: The sentences that say what a call costs.
    cost: tuple[str, ...]

    @property
    def dial(self) -> str:
        """The number as a ``tel:`` link dials it (no spaces)."""
        return "".join(self.number.split())


@dataclass(frozen=True)
class Brand:
    """The site's brand at the top of the practice copy: its plain words, then its bold words."""

    plain: str
    bold: str


@dataclass(frozen=True)
class Site:
    name: str
    #: The address as the person reads and types it (a host name, no "https://").
    address: str
    #: The full address a QR code opens.
    url: str
    brand: Brand
    help_line: HelpLine
    #: The address in any spelling the content may use: a practice screen never shows it.
    never_show: re.Pattern[str]
    app: App

    def sentences(self) -> tuple[str, ...]:
        """Every sentence of the file the person reads (French msgids)."""
        return (self.app.lead, *self.help_line.hours, *self.help_line.cost)


def _text(table: Mapping, key: str, where: str, what: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise SiteError(f"{where}: needs '{key}' ({what})")
    return value.strip()


def _sentences(table: Mapping, key: str, where: str, what: str) -> tuple[str, ...]:
    """One sentence or a list of them (each FALC sentence is short: a list says more)."""
    value = table.get(key)
    found = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    if not found or not all(isinstance(text, str) and text.strip() for text in found):
        raise SiteError(f"{where}: needs '{key}' ({what}): a sentence, or a list of sentences")
    return tuple(text.strip() for text in found)


def _table(data: Mapping, key: str, where: str) -> Mapping:
    value = data.get(key)
    if not isinstance(value, dict):
        raise SiteError(f"{where}: needs a [{key}] table")
    return value


def parse_site(data: Mapping, where: str) -> Site:
    """A Site from a parsed site file, or one line that names the file, the key and what it is."""
    app = _table(data, "app", where)
    site = _table(data, "site", where)
    line = _table(site, "help_line", f"{where} [site]")
    brand = site.get("brand", {})
    if not isinstance(brand, dict) or not (brand.get("plain") or brand.get("bold")):
        raise SiteError(f"{where} [site.brand]: needs 'plain' or 'bold' (the brand as the practice copy draws it)")
    number = _text(line, "number", f"{where} [site.help_line]", "the help line's number")
    if not re.fullmatch(r"\+?[0-9][0-9 ]*", number):
        raise SiteError(f"{where} [site.help_line]: 'number' is digits and spaces (got {number!r})")
    url = _text(site, "url", f"{where} [site]", "the full address a QR code opens: https://...")
    if not url.startswith(("https://", "http://")):
        raise SiteError(f"{where} [site]: 'url' starts with https:// (got {url!r})")
    address = _text(site, "address", f"{where} [site]", "the address as the person types it")
    pattern = _text(site, "never_show", f"{where} [site]", "the pattern of the address that practice never shows")
    try:
        never_show = re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise SiteError(f"{where} [site]: 'never_show' is not a regular expression ({error})") from None
    if not never_show.search(address):
        raise SiteError(f"{where} [site]: 'never_show' does not find the site's own address {address!r}")
    return Site(
        name=_text(site, "name", f"{where} [site]", "the real site's name"),
        address=address,
        url=url,
        brand=Brand(str(brand.get("plain", "")).strip(), str(brand.get("bold", "")).strip()),
        help_line=HelpLine(
            number=number,
            hours=_sentences(line, "hours", f"{where} [site.help_line]", "when it answers"),
            cost=_sentences(line, "cost", f"{where} [site.help_line]", "what a call costs"),
        ),
        never_show=never_show,
        app=App(
            name=_text(app, "name", f"{where} [app]", "the app's name"),
            short_name=_text(app, "short_name", f"{where} [app]", "the short name under the icon"),
            lead=_text(app, "lead", f"{where} [app]", "the home page's sentence under its title"),
            pictogram=_text(app, "pictogram", f"{where} [app]", "the pictogram beside the app's name"),
        ),
    )


def load_site(directory: Path | None = None) -> Site:
    """The site of a content folder (the shipped one by default)."""
    path = (directory or CONTENT_DIR) / SITE_FILE
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SiteError(
            f"{path}: missing: each content folder has a {SITE_FILE} with its [app] and [site] tables"
            " (docs/GUIDE-CONTENU.md)"
        ) from None
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise SiteError(f"{SITE_FILE}: not valid TOML ({error})") from None
    site = parse_site(data, SITE_FILE)
    if site.app.pictogram not in titles():
        raise SiteError(f"{SITE_FILE} [app]: unknown pictogram '{site.app.pictogram}' (falc_wizard/pictograms/)")
    return site


def site_strings(data: Mapping) -> Iterator[tuple[str, str]]:
    """Every translatable string of a parsed site file, with where it comes from (extract.py)."""
    app = data.get("app") or {}
    for key in ("name", "short_name", "lead"):
        if isinstance(app.get(key), str):
            yield app[key], f"app: {key}"
    line = (data.get("site") or {}).get("help_line") or {}
    for key in ("hours", "cost"):
        value = line.get(key, [])
        for text in [value] if isinstance(value, str) else value:
            if isinstance(text, str) and text:
                yield text, f"site help line: {key}"
