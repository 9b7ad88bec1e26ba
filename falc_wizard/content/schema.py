"""The declared shape of a journey file, and its JSON Schema for authors' editors.

``JourneyFile`` is one TOML file as pydantic reads it: the journey's own keys, its parts,
needs and pages, and its steps, each the class its ``kind`` names (kinds.py). What one
file can say about itself is checked here; what ties its parts together (a next step that
exists, parts in order, a target on its page) is checks.py's.

``json_schemas()`` gives the same shapes to an editor, the journey file's and the site
file's (site.py): ``falc-wizard schema docs/schemas`` writes them, and ``.taplo.toml`` gives
them to the content files, so an author sees a wrong key or kind while typing.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from pydantic import BaseModel, Field, StrictInt, field_validator

from .kinds import AnyStep
from .model import Need, Part
from .pages import Page
from .site import SiteFile
from .values import STRICT, Id, OptionalId, Text


class Validation(BaseModel):
    """Who validated the text with people with an intellectual disability, and when."""

    model_config = STRICT

    by: str = ""
    on: str = ""

    @field_validator("on", mode="before")
    @classmethod
    def _date_as_text(cls, value: Any) -> Any:
        return value.isoformat() if isinstance(value, datetime.date) else value


class JourneyFile(BaseModel):
    """One journey file: a whole procedure, as a graph of steps."""

    model_config = STRICT

    id: Id
    """The journey's id: its address (/parcours/<id>)."""
    title: Text
    """The title on the home page's card, a sentence that says what the person does: « Je ... »."""
    summary: Text
    """One sentence under the title."""
    pictogram: Text
    order: StrictInt = 100
    """The place on the home page (smallest first)."""
    first: OptionalId = ""
    """The first step (by default the first in the file)."""
    related: tuple[Id, ...] = ()
    """Other journeys offered at the end (their ids)."""
    validation: Validation = Validation()
    needs: tuple[Need, ...] = ()
    parts: tuple[Part, ...] = ()
    pages: tuple[Page, ...] = ()
    steps: tuple[AnyStep, ...] = Field(min_length=1)


def json_schemas() -> dict[str, str]:
    """The JSON Schema of each kind of content file, by file name, as committed."""
    return {
        "journey.schema.json": _as_text(JourneyFile, "falc-wizard journey file"),
        "site.schema.json": _as_text(SiteFile, "falc-wizard site file (site.toml)"),
    }


def _as_text(model: type[BaseModel], title: str) -> str:
    """A model's JSON Schema, keys as the files write them."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
