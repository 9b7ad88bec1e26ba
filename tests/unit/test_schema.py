"""The declared schema of a journey file: exported for editors, and the same as the loader's."""

import copy
import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from falc_wizard.cli import main
from falc_wizard.content import CONTENT_DIR, SITE_FILE, ContentError, parse_journey
from falc_wizard.content.schema import json_schema
from support import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "docs" / "schemas" / "journey.schema.json"
SHIPPED = [p for p in sorted(CONTENT_DIR.glob("*.toml")) if p.name != SITE_FILE]


def test_the_committed_schema_is_the_loaders(tmp_path):
    """`falc-wizard schema` writes what is committed: a change of the model is a change of the file."""
    out = tmp_path / "journey.schema.json"
    assert main(["schema", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == COMMITTED.read_text(encoding="utf-8") == json_schema(), (
        "run: .venv/bin/falc-wizard schema --out docs/schemas/journey.schema.json")


def _validator():
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", SHIPPED + [FIXTURES / "steps" / "demo.toml"], ids=lambda p: p.name)
def test_an_editor_accepts_every_shipped_file(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    errors = [e.message for e in _validator().iter_errors(data)]
    assert not errors, errors[:3]


@pytest.mark.parametrize("change, key", [
    (lambda step: step.update(colour="red"), "colour"),
    (lambda step: step.update(kind="popup"), "popup"),
    (lambda step: step.update(label_look="bulle"), "bulle"),
    (lambda step: step.pop("pictogram"), "pictogram"),
])
def test_an_editor_and_the_loader_refuse_the_same_step(change, key):
    data = tomllib.loads((FIXTURES / "steps" / "demo.toml").read_text(encoding="utf-8"))
    bad = copy.deepcopy(data)
    change(bad["steps"][0])
    assert list(_validator().iter_errors(bad)), f"the editor lets {key} pass"
    with pytest.raises(ContentError) as caught:
        parse_journey(bad, "demo.toml")
    assert caught.value.args[0].startswith(f"demo.toml step '{bad['steps'][0]['id']}': ") and key in str(caught.value)
