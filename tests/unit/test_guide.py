"""The content guide stays true: it names every pictogram and every rule of the checker."""

from pathlib import Path

from falc_wizard.lint import RULES
from falc_wizard.content.pictograms import titles

GUIDE = (Path(__file__).resolve().parents[2] / "docs" / "GUIDE-CONTENU.md").read_text(encoding="utf-8")


def test_the_guide_lists_every_pictogram_with_its_text():
    for name, title in titles().items():
        assert f"| `{name}` | {title} |" in GUIDE, name


def test_the_guide_documents_every_rule_name():
    for rule in RULES:
        assert f"`{rule}`" in GUIDE, rule


def test_the_guide_says_how_to_run_the_checker_and_record_validation():
    assert "falc-wizard lint" in GUIDE
    assert "[validation]" in GUIDE and "/pictogrammes" in GUIDE
