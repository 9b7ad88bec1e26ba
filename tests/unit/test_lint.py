"""The FALC checker: the shipped content passes it, and each rule catches a bad example."""

import pytest

from falc_wizard.cli import main
from falc_wizard.i18n import available_languages
from falc_wizard.journeys import load_journeys, parse_journey
from falc_wizard.lint import RULES, Translator, check_journey, lint, reading_ease
from falc_wizard.pictograms import titles


def test_every_shipped_journey_passes_in_every_language():
    languages = available_languages()
    assert "en" in languages
    findings = lint(load_journeys().values(), languages)
    assert not findings, "\n".join(map(str, findings))


def test_the_command_exits_0_on_the_shipped_content(capsys):
    assert main(["lint"]) == 0
    assert "0 finding(s)" in capsys.readouterr().err


def _journey(**step):
    """A one-screen journey (plus its end), with the given first step."""
    first = {"id": "ecran", "kind": "info", "pictogram": "clic", "sentences": ["Je lis cette phrase."], **step}
    return parse_journey({
        "id": "essai", "title": "J'essaie", "summary": "Je lis un exemple.", "pictogram": "clic",
        "steps": [first, {"id": "fin", "kind": "end", "pictogram": "succes", "sentences": ["Bravo."]}],
    }, "essai.toml")


FRENCH = Translator("fr")


def _rules(journey, lang="fr"):
    tr = FRENCH if lang == "fr" else Translator(lang)
    return {f.rule for f in check_journey(journey, lang, tr, titles())}


def test_a_good_screen_has_no_finding():
    assert _rules(_journey()) == set()


@pytest.mark.parametrize("rule, step", [
    ("sentence-length", {"sentences": ["Je clique sur le bouton bleu qui est en bas de la page du site."]}),
    ("one-idea", {"sentences": ["Je lis et je clique ou je reviens."]}),
    ("sentences-per-screen", {"sentences": ["Je lis. Je comprends.", "Je regarde.", "Je continue."]}),
    ("abbreviation", {"sentences": ["J'accepte les CGU du site."]}),
    ("abbreviation", {"sentences": ["J'ai mes papiers, etc."]}),
    ("abbreviation", {"sentences": ["J'écris le n° de ma carte."]}),
    ("abbreviation", {"sentences": ["J'écris mon nom & mon prénom."]}),
    ("numbers-in-digits", {"sentences": ["J'attends cinq minutes."]}),
    ("numbers-in-digits", {"sentences": ["Le site marche à 100 % ."]}),
    ("numbers-in-digits", {"sentences": ["Je lis le chapitre XII."]}),
    ("capitals", {"sentences": ["JE CLIQUE ICI MAINTENANT."]}),
    ("glossary", {"sentences": ["J'écris mon code temporaire."]}),
    ("glossary", {"sentences": ["J'écris mon nom d'utilisateur."]}),
    ("glossary", {"sentences": ["Je regarde ma carte vitale."]}),
    ("glossary", {"sentences": ["Je lis mon mail."]}),
    ("main-action", {"sentences": ["J'écris mon nom.", "Je clique sur le bouton Valider."]}),
    ("pictogram", {"pictogram": "pas-de-pictogramme"}),
    ("readability", {"sentences": ["Je sélectionne l'administration départementale correspondante."]}),
])
def test_each_rule_catches_a_bad_example(rule, step):
    assert rule in _rules(_journey(**step))


def test_more_than_5_choices_is_caught():
    journey = _journey(kind="choice", choices=[
        {"id": f"c{n}", "text": f"Choix {n}", "pictogram": "clic", "next": "fin"} for n in range(5)
    ])
    assert "choices-per-screen" not in _rules(journey)
    # The loader refuses 6 choices at start-up; the checker must still say so on its own.
    many = journey.steps["ecran"].__class__(**{**journey.steps["ecran"].__dict__,
                                              "choices": journey.steps["ecran"].choices * 2})
    journey.steps["ecran"] = many
    assert "choices-per-screen" in _rules(journey)


def test_an_explained_initialism_is_allowed():
    bad = _journey(sentences=["Je reçois un SMS."])
    good = _journey(sentences=["Je reçois un SMS.", "Un SMS est un message écrit."])
    assert "abbreviation" in _rules(bad)
    assert "abbreviation" not in _rules(good)


def test_a_declared_exception_allows_its_rule_only():
    sentences = ["J'écris mon nom.", "Je clique sur le bouton Valider."]
    assert _rules(_journey(sentences=sentences, exceptions=["main-action"])) == set()
    assert "main-action" in _rules(_journey(sentences=sentences, exceptions=["capitals"]))


def test_an_unknown_exception_name_is_a_finding():
    assert "exceptions" in _rules(_journey(exceptions=["main-actions"]))


def test_findings_name_the_journey_the_step_the_rule_and_the_sentence():
    [finding] = check_journey(_journey(sentences=["J'attends cinq minutes."]), "fr", FRENCH, titles())
    text = str(finding)
    for part in ("essai", "ecran", "numbers-in-digits", "J'attends cinq minutes."):
        assert part in text


def test_english_is_checked_with_english_rules():
    # "Je lis cette phrase." has no English translation: the checker says so.
    assert "translation" in _rules(_journey(), "en")
    journey = _journey(sentences=["Je clique sur le bouton Continuer."])
    findings = check_journey(journey, "en", Translator("en"), titles())
    # The screen's sentence is translated ("I click on the button Continuer.") and passes.
    assert [f for f in findings if f.step == "ecran"] == []
    # An English sentence is held to the English glossary.
    english = Translator("en")
    english.catalog._catalog["Je lis mon code."] = "I read my temporary code."
    assert "glossary" in {f.rule for f in check_journey(_journey(sentences=["Je lis mon code."]), "en", english, titles())}


def test_readability_thresholds_separate_plain_and_heavy_text():
    assert reading_ease("Je clique sur le bouton. Je lis la page.", "fr") > 80
    assert reading_ease("Je sélectionne l'administration départementale correspondante.", "fr") < 50
    assert reading_ease("I click on the button. I read the page.", "en") > 80
    assert reading_ease("I authenticate using institutional identification credentials.", "en") < 50


def test_the_command_exits_1_with_findings(tmp_path, capsys):
    (tmp_path / "essai.toml").write_text(
        'id = "essai"\ntitle = "J\'essaie"\nsummary = "Je lis un exemple."\npictogram = "clic"\n'
        '[[steps]]\nid = "ecran"\nkind = "info"\npictogram = "clic"\nsentences = ["J\'attends cinq minutes."]\n'
        '[[steps]]\nid = "fin"\nkind = "end"\npictogram = "succes"\nsentences = ["Bravo."]\n',
        encoding="utf-8",
    )
    assert main(["lint", "--lang", "fr", "--steps", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "essai / ecran [fr] numbers-in-digits" in out


def test_every_rule_is_documented():
    assert set(RULES) >= {
        "sentence-length", "one-idea", "sentences-per-screen", "abbreviation", "numbers-in-digits", "capitals",
        "glossary", "main-action", "pictogram", "choices-per-screen", "readability",
    }
