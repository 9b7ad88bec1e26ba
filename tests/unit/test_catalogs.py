"""Every sentence the person sees is in every catalog, translated, and compiled.

The catalog is compared with a fresh extraction (``babel.cfg``: templates, Python,
journey files, pictogram titles), so a sentence added anywhere without its
translation fails here, with the sentence in the message.

The compiled ``.mo`` files are committed rather than built by a wheel build hook:
a hatchling hook would run Babel at build time (one more build dependency and
one more moving part on the production install), while a committed ``.mo`` is
what ``pip install`` of the wheel needs and nothing more. The risk of a
committed binary is that it drifts from its ``.po``; ``test_mo_matches_po``
closes it by compiling the ``.po`` in memory and comparing. ``make catalogs``
re-extracts, updates and compiles.
"""

import io
import re
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted((ROOT / "translations").glob("*/LC_MESSAGES/messages.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A fresh extraction of the whole project, as `make catalogs` does it."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    CommandLineInterface().run([
        "pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"),
        "-k", "lazy_gettext", "-k", "_l", "-o", str(pot), str(ROOT),
    ])
    with pot.open("rb") as handle:
        return read_po(handle)


def _entries(catalog) -> dict:
    """id -> translation, with plural ids and strings as tuples (a list cannot be a key)."""
    freeze = lambda v: tuple(v) if isinstance(v, (list, tuple)) else v
    return {freeze(m.id): freeze(m.string) for m in catalog if m.id}


def _load(path):
    with path.open("rb") as handle:
        return read_po(handle)


def test_there_is_an_english_catalog():
    assert any(p.parts[-3] == "en" for p in CATALOGS)


def test_extraction_covers_templates_code_journeys_and_pictograms(template):
    ids = {m.id for m in template if m.id}
    assert "Je choisis ce que je veux faire" in ids                     # a template
    assert "Je choisis une réponse." in ids                             # Python gettext
    assert "Il manque 1 majuscule dans le mot de passe." in ids         # practice rule N_
    assert "Je clique sur le bouton Activer Mon espace santé." in ids   # journey sentence
    assert "Le site me demande ma date de naissance" in ids             # journey choice
    assert "Mon identité" in ids                                        # journey part title
    assert "Mobile veut dire portable." in ids                          # journey sentence
    assert "Carte Vitale avec photo, vue de dos" in ids                 # pictogram <title>
    # The real site's labels stay in French: a bare label is not a msgid.
    assert "Activer Mon espace santé" not in ids
    assert "Renseigner mon numéro de mobile" not in ids


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: p.parts[-3])
def test_catalog_has_every_string_translated(template, po):
    catalog = _load(po)
    problems = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id)
        if found is None:
            problems.append(f"missing: {message.id!r}")
            continue
        strings = found.string if isinstance(found.string, (list, tuple)) else [found.string]
        if not all(strings):
            problems.append(f"not translated: {message.id!r}")
        if found.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
        wanted = set(PLACEHOLDER.findall(" ".join(ids)))
        for text in strings:
            if set(PLACEHOLDER.findall(text or "")) != wanted:
                problems.append(f"placeholders differ: {message.id!r} -> {text!r}")
    assert not problems, f"{po.relative_to(ROOT)} ({len(problems)}): run `make catalogs`, then translate:\n" + "\n".join(problems)


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: p.parts[-3])
def test_mo_matches_po(po):
    """The committed .mo is the .po compiled: compile in memory and compare."""
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo.relative_to(ROOT)} is missing: run `make catalogs`"
    compiled = io.BytesIO()
    write_mo(compiled, _load(po))
    compiled.seek(0)
    expected = _entries(read_mo(compiled))
    with mo.open("rb") as handle:
        actual = _entries(read_mo(handle))
    stale = sorted(str(k) for k in expected.keys() ^ actual.keys())
    stale += sorted(str(k) for k in expected.keys() & actual.keys() if expected[k] != actual[k])
    assert not stale, f"{mo.relative_to(ROOT)} is out of date (run `make catalogs`): {stale[:5]}"


def test_make_catalogs_reproduces_the_committed_catalogs(tmp_path):
    """`make catalogs` on a clean checkout changes no committed byte: a content change
    then shows in the diff as the sentences it touched, nothing else."""
    import importlib.util
    import shutil

    for name in ("babel.cfg", "falc_wizard", "templates", "translations"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    spec = importlib.util.spec_from_file_location("catalogs_tool", ROOT / "tools" / "catalogs.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    tool.update_catalogs(tmp_path)
    for committed in sorted((ROOT / "translations").rglob("messages.*")):
        rebuilt = tmp_path / committed.relative_to(ROOT)
        assert rebuilt.read_bytes() == committed.read_bytes(), f"make catalogs changes {committed.relative_to(ROOT)}"
