"""The checker's languages: one module a language behind one interface, and a language the
checker cannot read is refused in one line that names what is missing, never a traceback."""

from __future__ import annotations

import dataclasses
import sys
import types

import pytest

from falc_wizard.cli import main
from falc_wizard.web.i18n import available_languages
from falc_wizard.lint import Translator, lint, reading_ease
from falc_wizard.lint.languages import Language, MissingLanguage, rules_for
from falc_wizard.lint.voice import negative, passive


def one_line(capsys) -> str:
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    (line,) = captured.err.strip().splitlines()
    return line


@pytest.mark.parametrize("code", ["es", "de"])
def test_a_language_without_rules_is_one_clear_line(code, capsys):
    assert main(["lint", "--lang", code]) != 0
    line = one_line(capsys)
    assert f"no rules for '{code}'" in line and f"falc_wizard/lint/languages/{code}.py" in line


def test_a_language_code_that_is_no_code_is_one_clear_line(capsys):
    assert main(["lint", "--lang", "../fr"]) != 0
    assert "'../fr' is not a language code" in one_line(capsys)


def test_a_language_without_rules_is_refused_before_any_journey_is_read():
    with pytest.raises(MissingLanguage, match="no rules for 'es'"):
        lint([], ["fr", "es"])


def test_every_language_of_the_app_has_its_rules_module():
    for code in available_languages():
        rules = rules_for(code)
        assert isinstance(rules, Language) and rules.code == code
        # Every rule of the interface is given: no field left to a default but the flag.
        assert all(getattr(rules, f.name) is not None for f in dataclasses.fields(Language))


def test_the_rule_modules_read_the_language_from_its_module():
    assert negative("Je ne clique pas.", "fr") and negative("I do not click.", "en")
    assert passive("Le code est envoyé.", "fr") == "est envoyé"
    assert passive("The code is sent.", "en") == "is sent"
    assert reading_ease("Je clique.", "fr") > 50 and reading_ease("I click.", "en") > 50
    assert rules_for("fr").explained_first and not rules_for("en").explained_first


def test_a_new_language_is_one_module_and_its_catalog(monkeypatch, capsys):
    """A module with its RULES is all the checker needs; without a compiled catalog the
    command still says so in one line."""
    module = types.ModuleType("falc_wizard.lint.languages.xx")
    module.RULES = dataclasses.replace(rules_for("fr"), code="xx")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    rules_for.cache_clear()
    try:
        assert rules_for("xx") is module.RULES
        assert negative("Je ne clique pas.", "xx") == "ne"
        assert main(["lint", "--lang", "xx"]) != 0
        line = one_line(capsys)
        assert "no compiled translation catalog for 'xx'" in line
        with pytest.raises(LookupError):
            Translator("xx")
    finally:
        rules_for.cache_clear()


def test_a_rules_module_must_hold_its_language(monkeypatch):
    module = types.ModuleType("falc_wizard.lint.languages.yy")
    module.RULES = rules_for("en")  # a copy that says it is English
    monkeypatch.setitem(sys.modules, module.__name__, module)
    rules_for.cache_clear()
    try:
        with pytest.raises(MissingLanguage, match=r"languages/yy.py has no RULES = Language\(code=\"yy\""):
            rules_for("yy")
    finally:
        rules_for.cache_clear()
