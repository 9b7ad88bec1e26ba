"""The declared shape of a journey file, and its JSON Schema for authors' editors.

``JourneyFile`` is one TOML file as pydantic reads it: the journey's own keys, its parts,
needs and pages, and its steps, each the class its ``kind`` names (kinds.py). What one
file can say about itself is checked here; what ties its parts together (a next step that
exists, parts in order, a target on its page) is checks.py's.

``json_schema()`` is the same shape for an editor: ``falc-wizard schema`` writes it to
``docs/schemas/journey.schema.json``, which ``.taplo.toml`` gives to the journey files, so
an author sees a wrong key or kind while typing.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from pydantic import BaseModel, Field, StrictInt, field_validator

from .kinds import AnyStep
from .model import Need, Part
from .pages import Page
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
    title: Text
    summary: Text
    pictogram: Text
    #: The place on the home page (smallest first).
    order: StrictInt = 100
    #: The first step (by default the first in the file).
    first: OptionalId = ""
    related: tuple[Id, ...] = ()
    validation: Validation = Validation()
    needs: tuple[Need, ...] = ()
    parts: tuple[Part, ...] = ()
    pages: tuple[Page, ...] = ()
    steps: tuple[AnyStep, ...] = Field(min_length=1)


def json_schema() -> str:
    """The JSON Schema of a journey file, as committed (keys as files write them)."""
    schema = JourneyFile.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "falc-wizard journey file"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
