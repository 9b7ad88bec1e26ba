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
from pathlib import Path
from typing import Annotated, Any, Iterator, Mapping

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field, StringConstraints, ValidationError, model_validator

from .pictograms import titles
from .values import STRICT, Sentences, Text

#: The file of a content folder that holds its [app] and [site] tables.
SITE_FILE = "site.toml"

#: The shipped content folder.
CONTENT_DIR = Path(__file__).parent.parent / "steps"


class SiteError(ValueError):
    """The site file is missing or wrong (one line: the file, the key, what to write)."""


def _said(sentences: tuple[str, ...]) -> tuple[str, ...]:
    if not sentences or not all(text.strip() for text in sentences):
        raise ValueError("needs a sentence, or a list of sentences")
    return tuple(text.strip() for text in sentences)


#: Sentences the person reads (each FALC sentence is short: a list says more).
Said = Annotated[Sentences, AfterValidator(_said)]


class App(BaseModel):
    """The app's own name and home page."""

    model_config = STRICT

    name: Text = Field(description="the app's name")
    short_name: Text = Field(description="the short name under the icon")
    lead: Text = Field(description="the home page's sentence under its title")
    pictogram: Text = Field(description="the pictogram beside the app's name (falc_wizard/pictograms/)")


class HelpLine(BaseModel):
    """The site's help line, as the person reads it and dials it."""

    model_config = STRICT

    number: Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 ]*$")] = Field(
        description="the help line's number: digits and spaces")
    hours: Said = Field(description="when it answers")
    cost: Said = Field(description="what a call costs")

    @property
    def dial(self) -> str:
        """The number as a ``tel:`` link dials it (no spaces)."""
        return "".join(self.number.split())


class Brand(BaseModel):
    """The site's brand at the top of the practice copy: its plain words, then its bold words."""

    model_config = STRICT

    plain: str = ""
    bold: str = ""

    @model_validator(mode="after")
    def _some_words(self) -> Brand:
        if not (self.plain.strip() or self.bold.strip()):
            raise ValueError("needs 'plain' or 'bold' (the brand as the practice copy draws it)")
        return self


def _pattern(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return re.compile(value, re.IGNORECASE)
        except re.error as error:
            raise ValueError(f"is not a regular expression ({error})") from None
    return value


class SiteTable(BaseModel):
    """The ``[site]`` table: the real site this content folder guides through."""

    model_config = STRICT

    name: Text = Field(description="the real site's name")
    address: Text = Field(description="the address as the person types it (a host name, no https://)")
    url: Annotated[str, StringConstraints(pattern=r"^https?://")] = Field(
        description="the full address a QR code opens: https://...")
    brand: Brand = Field(description="the brand as the practice copy draws it")
    help_line: HelpLine
    never_show: Annotated[re.Pattern[str], BeforeValidator(_pattern)] = Field(
        description="the pattern of the address that practice never shows (any case)")

    @model_validator(mode="after")
    def _finds_its_own_address(self) -> SiteTable:
        if not self.never_show.search(self.address):
            raise ValueError(f"'never_show' does not find the site's own address {self.address!r}")
        return self


class SiteFile(BaseModel):
    """A content folder's ``site.toml``."""

    model_config = STRICT

    app: App
    site: SiteTable


class Site(SiteTable):
    """The site, with the app's name: what templates read as ``site``."""

    app: App

    def sentences(self) -> tuple[str, ...]:
        """Every sentence of the file the person reads (French msgids)."""
        return (self.app.lead, *self.help_line.hours, *self.help_line.cost)


def _one_line(error: ValidationError) -> str:
    """The first problem, as the file, its table, the key and what to write there."""
    problems = error.errors(include_url=False)
    # A missing table first: what is wrong inside the other table may be the same mistake.
    problem = next((p for p in problems if p["type"] == "missing" and len(p["loc"]) == 1), problems[0])
    loc = [str(part) for part in problem["loc"]]
    if problem["type"] == "missing" and len(loc) == 1:
        return f"{SITE_FILE}: needs a [{loc[0]}] table"
    cut = next(n for n in range(len(loc), -1, -1) if n == 0 or ".".join(loc[:n]) in _MODELS)
    tables, key = loc[:cut], (loc[cut] if cut < len(loc) else "")
    where = f"{SITE_FILE} [{'.'.join(tables)}]" if tables else SITE_FILE
    field = _MODELS[".".join(tables)].model_fields.get(key) if tables and key else None
    what = field.description if field is not None and field.description else ""
    kind = problem["type"]
    if kind == "missing":
        return f"{where}: needs '{key}'" + (f" ({what})" if what else "")
    if kind == "extra_forbidden":
        return f"{where}: unknown key '{key}'"
    if kind == "value_error":
        said = str((problem.get("ctx") or {}).get("error", problem["msg"]))
        return f"{where}: '{key}' {said}" if key else f"{where}: {said}"
    if what:
        return f"{where}: '{key}' must be {what} (got {problem['input']!r})"
    return f"{where}: '{key}': {problem['msg'][:1].lower()}{problem['msg'][1:]}"


_MODELS: dict[str, type[BaseModel]] = {
    "app": App, "site": SiteTable, "site.help_line": HelpLine, "site.brand": Brand,
}


def parse_site(data: Mapping[str, Any]) -> Site:
    """A Site from a parsed site file, or one line that names the file, the key and what it is."""
    try:
        found = SiteFile.model_validate(data)
    except ValidationError as error:
        raise SiteError(_one_line(error)) from None
    return Site.model_construct(**dict(found.site), app=found.app)


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
    site = parse_site(data)
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
