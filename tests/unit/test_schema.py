"""The declared schemas of content files: exported for editors, and the same as the loader's."""

import copy
import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from falc_wizard.cli import main
from falc_wizard.content import CONTENT_DIR, SITE_FILE, ContentError, parse_journey
from falc_wizard.content.schema import json_schemas
from falc_wizard.content.site import SiteError, parse_site
from support import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "docs" / "schemas"
SHIPPED = [p for p in sorted(CONTENT_DIR.glob("*.toml")) if p.name != SITE_FILE]
SITES = [CONTENT_DIR / SITE_FILE, FIXTURES / "autre-site" / SITE_FILE]


def test_the_committed_schemas_are_the_loaders(tmp_path):
    """`falc-wizard schema` writes what is committed: a change of the model is a change of the file."""
    assert main(["schema", str(tmp_path)]) == 0
    made = json_schemas()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(made) == sorted(p.name for p in SCHEMAS.iterdir())
    for name, text in made.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == text
        assert (SCHEMAS / name).read_text(encoding="utf-8") == text, "run: .venv/bin/falc-wizard schema docs/schemas"


def _validator(name="journey.schema.json"):
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
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


@pytest.mark.parametrize("path", SITES, ids=lambda p: p.parent.name)
def test_an_editor_accepts_every_site_file(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert not [e.message for e in _validator("site.schema.json").iter_errors(data)]


@pytest.mark.parametrize("change, said", [
    (lambda d: d["site"]["help_line"].update(number="trente"), "site.toml [site.help_line]: 'number' must be"),
    (lambda d: d["site"].update(colour="red"), "site.toml [site]: unknown key 'colour'"),
    (lambda d: d["app"].pop("lead"), "site.toml [app]: needs 'lead' (the home page's sentence under its title)"),
])
def test_an_editor_and_the_loader_refuse_the_same_site_file(change, said):
    data = tomllib.loads((CONTENT_DIR / SITE_FILE).read_text(encoding="utf-8"))
    change(data)
    assert list(_validator("site.schema.json").iter_errors(data))
    with pytest.raises(SiteError) as caught:
        parse_site(data)
    assert str(caught.value).startswith(said)
