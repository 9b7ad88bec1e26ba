"""The FALC checker: the shipped content passes it, and each rule catches a bad example."""

import dataclasses
from pathlib import Path

import pytest

from falc_wizard.cli import main
from falc_wizard.web.i18n import available_languages
from falc_wizard.content import load_journeys, parse_journey
from falc_wizard.lint import RULE_NUMBERS, RULES, Translator, check_journey, check_project, lint, reading_ease
from falc_wizard.lint import vocabulary
from falc_wizard.lint.languages.en import english_passive
from falc_wizard.lint.languages.fr import french_passive
from falc_wizard.lint.voice import negative
from falc_wizard.content.pictograms import titles
from support import FIXTURES

LINT_FIXTURES = FIXTURES / "lint"


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


#: For each rule, screens it must catch: each screen is its sentences (or, for the
#: pictogram rule, its step's other fields).
BAD_SCREENS = {
    "sentence-length": [["Je clique sur le bouton bleu qui est en bas de la page du site."]],
    "one-idea": [["Je lis et je clique ou je reviens."]],
    "sentences-per-screen": [["Je lis. Je comprends.", "Je regarde.", "Je continue."]],
    "abbreviation": [
        ["J'accepte les CGU du site."], ["J'ai mes papiers, etc."], ["J'écris le n° de ma carte."],
        ["J'écris mon nom & mon prénom."], ["Je réponds oui/non."],
    ],
    "numbers-in-digits": [["J'attends cinq minutes."], ["Le site marche à 100 % ."], ["Je lis le chapitre XII."]],
    "capitals": [["JE CLIQUE ICI MAINTENANT."]],
    "glossary": [
        ["J'écris mon code temporaire."], ["J'écris mon nom d'utilisateur."], ["Je regarde ma carte vitale."],
        ["Je lis mon mail."],
    ],
    "main-action": [
        ["J'écris mon nom.", "Je clique sur le bouton Valider."],
        # A typographic apostrophe is the same action: every rule reads sentences through text.find.
        ["J’écris mon nom.", "Je clique sur le bouton Valider."],
    ],
    "pictogram": [{"pictogram": "pas-de-pictogramme"}],
    "readability": [["Je sélectionne l'administration départementale correspondante."]],
    # What an outside review found in the shipped text: 4 things in one sentence, and a passive.
    "vertical-list": [
        ["Il a 1 majuscule, 1 minuscule, 1 chiffre et 1 signe comme @."],
        ["J'apporte ma carte Vitale, mon code, mon téléphone, mon e-mail."],
    ],
    "passive": [["Mon espace santé est protégé par un code personnel."]],
}


@pytest.mark.parametrize("rule, step", [
    pytest.param(rule, screen if isinstance(screen, dict) else {"sentences": screen}, id=f"{rule}-{number}")
    for rule, screens in BAD_SCREENS.items()
    for number, screen in enumerate(screens, 1)
])
def test_each_rule_catches_a_bad_example(rule, step):
    assert rule in _rules(_journey(**step))


@pytest.mark.parametrize("sentence", [
    "Il a 1 majuscule, 1 minuscule et 1 chiffre.",          # 3 things: one sentence may hold them
    "Pour les garder, je demande une copie par e-mail.",    # a comma that lists nothing
    "Le 3422 répond du lundi au vendredi, de 8 h 30 à 17 h 30.",
    "Il mesure 8,5 centimètres.",                           # a comma inside a number
])
def test_three_things_or_fewer_stay_in_one_sentence(sentence):
    assert "vertical-list" not in _rules(_journey(sentences=[sentence]))


def test_more_than_3_things_are_caught_in_english_too():
    from falc_wizard.lint import listed_things

    assert listed_things("It has 1 capital, 1 small letter, 1 number and 1 sign.", "en") == 4
    assert listed_things("It has 1 capital, 1 small letter and 1 number.", "en") == 3


def test_more_than_5_choices_is_caught():
    journey = _journey(kind="choice", choices=[
        {"id": f"c{n}", "text": f"Choix {n}", "pictogram": "clic", "next": "fin"} for n in range(5)
    ])
    assert "choices-per-screen" not in _rules(journey)
    # The loader refuses 6 choices at start-up; the checker must still say so on its own.
    five = journey.steps["ecran"].choices
    journey.steps["ecran"] = journey.steps["ecran"].model_copy(update={"choices": (*five, five[0])})
    assert "choices-per-screen" in _rules(journey)


def test_12_words_pass_and_13_are_too_many():
    twelve = "Je clique sur le bouton bleu en bas de la page Accueil."
    assert len(twelve.split()) == 12
    assert "sentence-length" not in _rules(_journey(sentences=[twelve]))
    assert "sentence-length" in _rules(_journey(sentences=[twelve.replace("Je clique", "Je clique vite")]))


def test_the_readability_threshold_is_50_in_both_languages():
    """Pinned by sentences on each side of 50 (the measures in falc_wizard/lint/__init__.py)."""
    for lang, heavy, plain in (
        ("fr", "J'écris mon numéro de sécurité sociale.", "Je vais sur le site monespacesante.fr."),
        ("en", "I write my social security number.", "I go to the website monespacesante.fr."),
    ):
        assert 40 < reading_ease(heavy, lang) < 50 < reading_ease(plain, lang) < 60, lang
        tr = Translator(lang)
        if lang == "en":
            tr.catalog._catalog.update({"Je lis lourd.": heavy, "Je lis simple.": plain})
            heavy, plain = "Je lis lourd.", "Je lis simple."
        rules = {sentence: {f.rule for f in check_journey(_journey(sentences=[sentence]), lang, tr, titles())
                            if f.step == "ecran"}
                 for sentence in (heavy, plain)}
        assert "readability" in rules[heavy] and "readability" not in rules[plain], lang


def test_a_web_address_with_a_path_is_not_a_slash_between_words():
    assert "abbreviation" not in _rules(_journey(sentences=["Je vais sur le site ameli.fr/assure."]))
    assert "abbreviation" not in _rules(_journey(sentences=["Je vais sur le site https://ameli.fr/a/b."]))


def test_an_explained_initialism_is_allowed():
    bad = _journey(sentences=["Je reçois un SMS."])
    good = _journey(sentences=["Je reçois un SMS.", "Un SMS est un message écrit."])
    means = _journey(sentences=["Je reçois un SMS.", "SMS veut dire message écrit."])
    # Naming it again is not explaining it: the same reading as for rare words (vocabulary.defined_words).
    named_again = _journey(sentences=["Je reçois un SMS.", "Le SMS est là."])
    assert "abbreviation" in _rules(bad) and "abbreviation" in _rules(named_again)
    assert "abbreviation" not in _rules(good) and "abbreviation" not in _rules(means)


def test_a_declared_exception_allows_its_rule_only():
    sentences = ["J'écris mon nom.", "Je clique sur le bouton Valider."]
    # Both rules see the 2 gestures: each one needs its own exception.
    assert _rules(_journey(sentences=sentences, label="Valider", exceptions=["main-action", "one-gesture"])) == set()
    assert "main-action" in _rules(_journey(sentences=sentences, label="Valider", exceptions=["capitals"]))


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
    journey = _journey(sentences=["Je clique sur le bouton Continuer."], label="Continuer")
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
        '[[steps]]\nid = "ecran"\nkind = "info"\nsource = "002"\npictogram = "clic"\nsentences = ["J\'attends cinq minutes."]\n'
        '[[steps]]\nid = "fin"\nkind = "end"\nsource = "002"\npictogram = "succes"\nsentences = ["Bravo."]\n',
        encoding="utf-8",
    )
    assert main(["lint", "--lang", "fr", "--steps", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "essai / ecran [fr] numbers-in-digits" in out


def test_every_rule_is_documented():
    assert set(RULES) >= {
        "sentence-length", "one-idea", "sentences-per-screen", "abbreviation", "numbers-in-digits", "capitals",
        "glossary", "main-action", "pictogram", "choices-per-screen", "readability",
        "passive", "negative", "rare-word", "punctuation", "explained-twice", "label", "field-label",
    }
    guide = (Path(__file__).resolve().parents[2] / "docs" / "GUIDE-CONTENU.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"`{rule}`" in guide, f"rule {rule} is not in docs/GUIDE-CONTENU.md"
        assert rule in RULE_NUMBERS


# --------------------------------------------------------------------------- rule 9: passive voice


@pytest.mark.parametrize("sentence, group", [
    ("Mon code est envoyé.", "est envoyé"),
    ("Mes documents sont supprimées.", "sont supprimées"),
    ("Mon compte a été créé.", "a été créé"),
    ("Mon espace santé a bien été activé.", "a bien été activé"),
    ("Mon espace santé ne sera pas créé.", "sera pas créé"),
    ("Le code est écrit sur le courrier.", "est écrit"),
    ("Mes coordonnées sont cachées par des étoiles.", "sont cachées"),
    ("Le code peut être reçu par e-mail.", "être reçu"),
    ("Je suis prévenu par un message.", "suis prévenu"),
    # A state ("protégé") with its doer named by "par" is a passive.
    ("Mon espace santé est protégé par un code personnel.", "est protégé par"),
])
def test_passive_voice_is_found(sentence, group):
    assert french_passive(sentence) == group


@pytest.mark.parametrize("sentence", [
    "La caisse envoie mon code.",
    "Je suis allé sur le site.",            # movement verb: compound past with être, active
    "Il est arrivé hier.",
    "Elle est née en 1990.",
    "Je me suis connecté.",                 # reflexive
    "Il s'est trompé de code.",
    "Nous nous sommes inscrits.",
    "C'est fait.",                          # "c'est" + adjective
    "Mon espace santé est un carnet de santé.",
    "Le code est dans le courrier.",
    "Je suis les flèches.",                 # "suivre", not "être"
    "La messagerie est protégée.",          # a state the person sees
    "J'ai créé mon compte.",
])
def test_active_sentences_are_not_passive(sentence):
    assert french_passive(sentence) is None


def test_english_passive_both_ways():
    assert english_passive("My code is sent.") == "is sent"
    assert english_passive("My documents are deleted.") == "are deleted"
    assert english_passive("Mon espace santé will not be created.") == "be created"
    assert english_passive("The health insurance sends my code.") is None
    assert english_passive("I am logged in.") is None
    assert english_passive("It is a health book.") is None
    # Contractions: "it's sent" is "it is sent"; a possessive "'s" is followed by a noun.
    assert english_passive("It’s sent to my phone.") == "'s sent"
    assert english_passive("They're deleted.") == "'re deleted"
    assert english_passive("The person's code arrives.") is None
    assert english_passive("I'm logged in.") is None
    assert english_passive("It is protected.") is None
    assert english_passive("It is protected by a personal code.") == "is protected by"


# --------------------------------------------------------------------------- rule 9: negative sentences


@pytest.mark.parametrize("sentence, lang", [
    ("Je ne clique pas ici.", "fr"), ("Je n'ai pas de code.", "fr"), ("Personne ne voit mes documents.", "fr"),
    ("Je clique jamais ici.", "fr"), ("Aucun code n'arrive.", "fr"), ("C'est pas grave.", "fr"),
    ("I do not click here.", "en"), ("I don't have a code.", "en"), ("I never click here.", "en"),
    ("I have no code.", "en"), ("I cannot find it.", "en"),
])
def test_negative_sentences_are_found(sentence, lang):
    assert negative(sentence, lang)


@pytest.mark.parametrize("sentence, lang", [
    ("Je reste sur cette page.", "fr"), ("Je suis le guide pas à pas.", "fr"), ("La personne qui m'accompagne m'aide.", "fr"),
    ("Je clique sur le bouton Continuer.", "fr"), ("I stay on this page.", "en"), ("I know my identifier.", "en"),
    ("Je l'écris sans espace.", "fr"), ("I write it with no space.", "en"),
])
def test_positive_sentences_are_not_negative(sentence, lang):
    assert negative(sentence, lang) is None


def test_a_negative_sentence_needs_a_declared_exception():
    assert "negative" in _rules(_journey(sentences=["Je n'ai pas de code."]))
    assert "negative" not in _rules(_journey(sentences=["Je n'ai pas de code."], exceptions=["negative"]))


def test_a_real_label_may_be_negative():
    # The site's own link "Je n'ai pas reçu de code" is copied, not written by us.
    step = {"kind": "action", "label": "Je n'ai pas reçu de code", "label_look": "lien",
            "sentences": ["Je clique sur le lien Je n'ai pas reçu de code."]}
    assert _rules(_journey(**step)) == set()


# --------------------------------------------------------------------------- rule 10: rare words


#: The 2 lists that set vocabulary.RARE_BELOW (measured with wordfreq 3.1; see its docstring).
JARGON = (
    "authentification hébergement confidentialité justificatif clôturer habilitation dématérialisé "
    "interopérabilité modalités afférent ultérieurement préalablement conformément nonobstant subséquent "
    "attestation opposabilité récépissé idoine sus-mentionné dûment requérant émargement tiret ayant-droit "
    "mandataire paramétrer sécurisé réinitialiser identifiants consentir occultée horodatage"
).split()
EVERYDAY = (
    "cocher recopier allergie dentiste majuscule tablette carnet crayon imprimer vaccin ordonnance radio "
    "médecin téléphone réglage minuscule poubelle clavier écran bouton lettre chiffre courrier enveloppe "
    "facture infirmière pharmacie hôpital valise étoile flèche"
).split()


def test_the_rare_word_threshold_is_the_measured_one():
    rare = lambda words: [w for w in words if vocabulary.frequency(w, "fr") < vocabulary.RARE_BELOW]
    assert len(JARGON) == 33 and len(EVERYDAY) == 31
    assert len(rare(JARGON)) == 20
    assert rare(EVERYDAY) == ["recopier"]


def test_word_frequencies_ship_with_the_package(monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("wordfreq tried to reach the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    vocabulary.frequency.cache_clear()
    assert vocabulary.frequency("cocher", "fr") > 3
    assert vocabulary.frequency("récépissé", "fr") < 3


def test_a_word_is_scored_at_its_dictionary_form():
    from wordfreq import zipf_frequency

    assert zipf_frequency("cochée", "fr") < vocabulary.RARE_BELOW  # the written form is rare...
    assert vocabulary.frequency("cochée", "fr") >= vocabulary.RARE_BELOW  # ...the verb "cocher" is not


def test_a_rare_word_is_reported_unless_explained():
    assert "rare-word" in _rules(_journey(sentences=["Je garde le récépissé."]))
    assert "rare-word" not in _rules(_journey(sentences=["Je garde le récépissé.", "Un récépissé est un papier qui prouve ma demande."]))
    assert "rare-word" not in _rules(_journey(sentences=["Je garde le récépissé.", "Récépissé veut dire preuve."]))
    # explained anywhere in the journey: here in help
    assert "rare-word" not in _rules(_journey(sentences=["Je garde le récépissé."], help=["Le récépissé est une preuve."]))


def test_the_glossary_file_explains_words_for_every_journey():
    assert "rare-word" not in _rules(_journey(sentences=["Je veux clôturer mon profil."]))
    glossary = {"fr": vocabulary.Glossary()}
    findings = check_journey(_journey(sentences=["Je veux clôturer mon profil."]), "fr", FRENCH, titles(), glossary)
    assert "rare-word" in {f.rule for f in findings}


def test_labels_and_proper_names_are_not_rare_words():
    step = {"kind": "action", "label": "Générer un récépissé", "label_look": "lien",
            "sentences": ["Je clique sur le lien Générer un récépissé."]}
    assert "rare-word" not in _rules(_journey(**step))
    assert "rare-word" not in _rules(_journey(sentences=["Je vais sur ameli avec FranceConnect."]))
    assert "rare-word" not in _rules(_journey(sentences=["Anne Dupont choisit anne.dupont."]))


# --------------------------------------------------------------------------- rule 10: punctuation


@pytest.mark.parametrize("sentence", [
    "Je lis la page (en haut).", "Je lis la page [en haut].", "Je lis ; je clique.", "J'attends…", "J'attends...",
])
def test_brackets_semicolons_and_ellipses_are_reported(sentence):
    assert "punctuation" in _rules(_journey(sentences=[sentence]))


def test_plain_punctuation_passes():
    assert "punctuation" not in _rules(_journey(sentences=["Je lis le haut de la page.", "Où est le bouton ?"]))
    # A real label keeps its own brackets.
    step = {"kind": "action", "label": "Télécharger (format .pdf)", "label_look": "lien",
            "sentences": ["Je clique sur le lien Télécharger (format .pdf)."]}
    assert "punctuation" not in _rules(_journey(**step))


# --------------------------------------------------------------------------- rule 20: real labels


@pytest.mark.parametrize("step", [
    {"kind": "action", "sentences": ["Je clique sur le bouton pour continuer."]},
    {"kind": "action", "sentences": ["Je clique sur le bouton."]},
    {"kind": "action", "sentences": ["Je coche la case."]},
    {"kind": "action", "label": "Continuer", "sentences": ["Je clique sur le bouton pour continuer."]},
    {"kind": "action", "label": "Valider", "sentences": ["Je regarde le bouton en bas."]},
    {"kind": "action", "label": "Carte Vitale avec photo", "label_look": "bouton",
     "sentences": ["Je clique sur la case Carte Vitale avec photo."]},
    # A radio card is called a "bouton" (seed 002), as a choice of such cards is: never a "case".
    {"kind": "action", "label": "Carte Vitale avec photo", "label_look": "carte",
     "sentences": ["Je coche la case Carte Vitale avec photo."]},
])
def test_an_action_naming_no_real_label_is_reported(step):
    assert "label" in _rules(_journey(**step))


@pytest.mark.parametrize("step", [
    {"kind": "action", "label": "Continuer", "sentences": ["Je clique sur le bouton Continuer."]},
    {"kind": "action", "label": "Connexion", "label_look": "lien", "sentences": ["Je clique sur Connexion."]},
    {"kind": "action", "label": "Carte Vitale avec photo", "label_look": "case",
     "sentences": ["Je clique sur la case Carte Vitale avec photo."]},
    {"kind": "action", "label": "Carte Vitale avec photo", "label_look": "carte",
     "sentences": ["Je clique sur le bouton Carte Vitale avec photo."]},
    {"kind": "info", "sentences": ["Je lis la page."], "help": ["Le bouton est en bas de la page."]},
])
def test_an_action_naming_its_real_label_passes(step):
    assert "label" not in _rules(_journey(**step))


def test_english_actions_name_the_french_label():
    english = Translator("en")
    english.catalog._catalog["Je clique sur le bouton pour continuer."] = "I click on the button to continue."
    english.catalog._catalog["Je clique sur le bouton Continuer."] = "I click on the button Continuer."
    bad = _journey(kind="action", label="Continuer", sentences=["Je clique sur le bouton pour continuer."])
    good = _journey(kind="action", label="Continuer", sentences=["Je clique sur le bouton Continuer."])
    assert "label" in {f.rule for f in check_journey(bad, "en", english, titles())}
    assert "label" not in {f.rule for f in check_journey(good, "en", english, titles())}


# --------------------------------------------------------------------------- rule 22: field labels


@pytest.mark.parametrize("label", ["", "Je suis sur la page J'ai oublié mon mot de passe."])
def test_a_field_step_without_its_own_label_is_reported(label):
    step = {"kind": "field", "field": "identifiant", "label": label, "sentences": ["J'écris mon identifiant."]}
    assert "field-label" in _rules(_journey(**step))


def test_a_field_step_with_its_label_passes():
    step = {"kind": "field", "field": "identifiant", "label": "Identifiant", "sentences": ["J'écris mon identifiant."]}
    assert "field-label" not in _rules(_journey(**step))


# --------------------------------------------------------------------------- rule 7: one name, one explanation


@pytest.mark.parametrize("sentence", [
    "Je demande de l'aide à mon accompagnant.", "Mon tuteur peut m'aider.", "Je reçois un texto.",
    "Je garde mes informations.", "Je garde mes données.",
])
def test_a_second_name_for_one_thing_is_reported(sentence):
    assert "glossary" in _rules(_journey(sentences=[sentence]))


@pytest.mark.parametrize("sentence", [
    "Je demande de l'aide à la personne qui m'accompagne.", "Je reçois un SMS.", "Je garde mes documents.",
    "Un SMS est un message écrit sur mon téléphone portable.",  # names the word to use: an explanation
    "Le site affiche un message.", "J'écris les informations demandées.", "J'ouvre la messagerie.",
])
def test_the_one_name_passes(sentence):
    assert "glossary" not in _rules(_journey(sentences=[sentence]))


def _other(sentences, journey_id="autre"):
    return parse_journey({
        "id": journey_id, "title": "J'essaie", "summary": "Je lis un exemple.", "pictogram": "clic",
        "steps": [{"id": "ecran", "kind": "info", "pictogram": "clic", "sentences": sentences},
                  {"id": "fin", "kind": "end", "pictogram": "succes", "sentences": ["Bravo."]}],
    }, f"{journey_id}.toml")


def test_a_word_explained_two_ways_is_reported_at_both_places():
    one, two = _other(["Saisir veut dire écrire."], "un"), _other(["Saisir veut dire taper."], "deux")
    findings = check_project([one, two], "fr", FRENCH, glossary={})
    assert {(f.journey, f.step, f.rule) for f in findings} == {("un", "ecran", "explained-twice"), ("deux", "ecran", "explained-twice")}
    assert "'taper' in deux / ecran" in findings[0].detail


def test_a_word_explained_the_same_way_passes():
    one, two = _other(["Saisir veut dire écrire."], "un"), _other(["Saisir veut dire : écrire."], "deux")
    assert check_project([one, two], "fr", FRENCH, glossary={}) == []


def test_the_glossary_explanation_is_the_reference():
    glossary = {"fr": vocabulary.Glossary(explanations={"saisir": "écrire"})}
    [finding] = check_project([_other(["Saisir veut dire taper."])], "fr", FRENCH, glossary=glossary)
    assert "falc_wizard/lint/glossary.toml" in finding.detail
    assert check_project([_other(["Saisir veut dire écrire."])], "fr", FRENCH, glossary=glossary) == []


def test_the_project_glossary_file_loads():
    glossary = vocabulary.project_glossary()
    for lang in ("fr", "en"):
        assert glossary[lang].terms and glossary[lang].names
        for term in glossary[lang].terms:
            assert term.replaces and term.word not in term.replaces
    assert glossary["fr"].explanations["clôturer"] == "fermer"


# --------------------------------------------------------------------------- reports and the command


def test_a_finding_names_the_rule_number_and_the_field():
    [finding] = check_journey(_journey(sentences=["Je lis."], help=["Mon code est envoyé."]), "fr", FRENCH, titles())
    text = str(finding)
    for part in ("essai / ecran", "[fr]", "passive (FALC rule 9)", "in help", "'est envoyé'", "Mon code est envoyé."):
        assert part in text


def test_the_command_checks_one_draft_file(capsys):
    assert main(["lint", "--lang", "fr", str(LINT_FIXTURES / "brouillon-fautes.toml")]) == 1
    out = capsys.readouterr().out
    for step, rule in [
        ("passif", "passive"), ("negatif", "negative"), ("mot-rare", "rare-word"), ("ponctuation", "punctuation"),
        ("sans-libelle", "label"), ("deux-explications", "explained-twice"), ("deux-noms", "glossary"),
        ("champ-sans-libelle", "field-label"),
    ]:
        assert f"brouillon-fautes / {step} [fr] {rule} " in out, (step, rule)
    # The draft is compared with the shipped journeys and the glossary, but only the draft is reported.
    assert all(line.startswith("brouillon-fautes / ") for line in out.splitlines())


def test_the_command_passes_the_corrected_draft(capsys):
    assert main(["lint", "--lang", "fr", str(LINT_FIXTURES / "brouillon-juste.toml")]) == 0
    assert "0 finding(s)" in capsys.readouterr().err


def test_the_command_says_when_a_draft_file_is_missing(tmp_path, capsys):
    assert main(["lint", str(tmp_path / "absent.toml")]) == 1
    assert "cannot read the file" in capsys.readouterr().err


def test_the_command_says_a_broken_journey_in_one_line(tmp_path, capsys):
    """A journey file the loader refuses: the command says why in one line (cli.main), exit 1."""
    (tmp_path / "casse.toml").write_text('id = "casse"\n', encoding="utf-8")
    assert main(["lint", "--steps", str(tmp_path)]) == 1
    said = capsys.readouterr().err
    assert said.startswith("error: ") and "casse.toml" in said and said.count("\n") == 1


def _choice_between(kind: str, sentence: str, labels=("Carte Vitale sans photo", "Carte Vitale avec photo"), texts=None):
    """A choice screen between 2 controls of a real page, drawn as ``kind``; each choice button shows ``texts``."""
    end = {"id": "fin", "kind": "end", "pictogram": "succes", "sentences": ["Bravo."]}
    return parse_journey({
        "id": "essai", "title": "J'essaie", "summary": "Je lis un exemple.", "pictogram": "clic",
        "pages": [{"id": "carte", "title": "Ma carte", "elements": [
            {"id": f"c{n}", "kind": kind, "label": label} for n, label in enumerate(labels)]}],
        "steps": [{"id": "ecran", "kind": "choice", "page": "carte", "pictogram": "clic", "sentences": [sentence],
                   "choices": [{"id": f"c{n}", "target": f"c{n}", "text": text, "pictogram": "clic", "next": "fin"}
                               for n, text in enumerate(texts or labels)]}, end],
    }, "essai.toml")


def test_a_choice_between_real_controls_may_say_the_button_and_must_say_what_they_are_drawn_as():
    # Each choice button shows the control's exact label: "le bouton de ma carte" names it well enough.
    assert "label" not in _rules(_choice_between("carte", "Sur le site, je clique sur le bouton de ma carte."))
    assert "label" not in _rules(_choice_between("lien", "Sur le site, je clique sur le lien de mon choix."))
    # The same control under another name: the 2022 and 2021 routes once said "bouton" and "case".
    assert "label" in _rules(_choice_between("carte", "Sur le site, je coche la case de ma carte."))
    # Choice buttons that do not show the real labels name nothing: the ordinary rule applies.
    reworded = _choice_between("carte", "Sur le site, je clique sur le bouton de ma carte.", texts=("Sans photo", "Avec photo"))
    assert "label" in _rules(reworded)


@pytest.mark.parametrize("library", ["textstat", "wordfreq", "pyphen"])
def test_without_its_libraries_the_command_says_in_one_line_what_to_install(library):
    """A plain ``pip install .`` leaves out the ``lint`` extra: the command says what to
    install, in one line, and fails; no traceback."""
    import subprocess
    import sys

    code = (f"import sys; sys.modules[{library!r}] = None\n"
            "from falc_wizard.cli import main\nsys.exit(main(['lint']))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert library in line and "pip install 'falc-wizard[lint]'" in line, line


def test_the_lint_extra_names_every_library_the_checker_imports():
    import ast
    import sys
    import tomllib

    root = Path(__file__).resolve().parents[2]
    extra = tomllib.loads((root / "pyproject.toml").read_text())["project"]["optional-dependencies"]["lint"]
    declared = {requirement.split(">")[0].split("=")[0].split("<")[0].strip().lower() for requirement in extra}
    imported = set()
    for source in (root / "falc_wizard" / "lint").glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported if name not in sys.stdlib_module_names} - {"babel", "falc_wizard"}
    assert third_party <= declared, third_party - declared


# --------------------------------------------------------------------------- rule 16: progress, rule 22: log-in


def _parted(screens_in_second_part: int):
    """A journey of 2 parts: 1 screen, then ``screens_in_second_part`` screens (the last is the end)."""
    steps = [{"id": "debut", "kind": "info", "pictogram": "clic", "sentences": ["Je lis."], "part": "un"}]
    for n in range(1, screens_in_second_part):
        steps.append({"id": f"lire-{n}", "kind": "info", "pictogram": "clic", "sentences": ["Je lis."],
                      **({"part": "deux"} if n == 1 else {})})
    steps.append({"id": "fin", "kind": "end", "pictogram": "succes", "sentences": ["Bravo."],
                  **({"part": "deux"} if screens_in_second_part == 1 else {})})
    return parse_journey({
        "id": "essai", "title": "J'essaie", "summary": "Je lis un exemple.", "pictogram": "clic",
        "parts": [{"id": "un", "title": "Je commence"}, {"id": "deux", "title": "Je lis"}],
        "steps": steps,
    }, "essai.toml")


def test_a_journey_in_parts_of_12_screens_or_fewer_passes_the_progress_rule():
    assert "progress" not in _rules(_parted(12))


def test_a_part_of_more_than_12_screens_is_reported():
    findings = [f for f in check_journey(_parted(13), "fr", FRENCH, titles()) if f.rule == "progress"]
    assert findings and "13 screens" in findings[0].detail and findings[0].step == "lire-1"


def test_too_many_parts_are_reported():
    journey = _parted(2)
    parts = tuple(journey.parts[0].model_copy(update={"id": f"p{n}"}) for n in range(6))
    findings = [f for f in check_journey(dataclasses.replace(journey, parts=parts), "fr", FRENCH, titles())
                if f.rule == "progress"]
    assert findings and "6 parts" in findings[0].detail


def test_an_example_under_a_log_in_identifier_is_reported():
    def journey(field):
        return parse_journey({
            "id": "essai", "title": "J'essaie", "summary": "Je lis un exemple.", "pictogram": "clic",
            "pages": [{"id": "connexion", "title": "Je m'identifie", "elements": [
                {"id": "identifiant", "kind": "champ", "label": "Mon identifiant"},
                {"id": "mot-de-passe", "kind": "champ", "label": "Mon mot de passe"},
            ]}],
            "steps": [
                {"id": "identifiant", "kind": "field", "field": field, "label": "Mon identifiant", "page": "connexion",
                 "target": "identifiant", "pictogram": "identifiant", "sentences": ["J'écris mon identifiant."]},
                {"id": "mot-de-passe", "kind": "field", "field": "mot_de_passe_connexion", "label": "Mon mot de passe",
                 "page": "connexion", "target": "mot-de-passe", "pictogram": "mot-de-passe",
                 "sentences": ["J'écris mon mot de passe."]},
                {"id": "fin", "kind": "end", "pictogram": "succes", "sentences": ["Bravo."]},
            ],
        }, "essai.toml")

    planted = [f for f in check_journey(journey("identifiant"), "fr", FRENCH, titles()) if f.rule == "login-example"]
    assert [(f.step, f.rule) for f in planted] == [("identifiant", "login-example")]
    assert "anne.dupont" in planted[0].detail
    assert "login-example" not in _rules(journey("identifiant_connexion"))


# --------------------------------------------------------------------------- rule 11: one gesture per screen


@pytest.mark.parametrize("sentences", [
    ["J'écris mon identifiant et mon mot de passe."],
    ["J'écris mon identifiant, puis mon mot de passe."],
    ["Je remplis cette page et je l'envoie."],
    ["Le site montre 2 pages.", "Je remplis ces pages."],
    # One gesture a sentence, 2 on the screen: a main-action exception does not hide them.
    ["J'écris ce code.", "Je clique sur le bouton Se connecter."],
])
def test_two_gestures_on_one_screen_are_reported(sentences):
    step = {"sentences": sentences, "label": "Se connecter", "exceptions": ["main-action"]}
    assert "one-gesture" in _rules(_journey(**step))


@pytest.mark.parametrize("sentences", [
    # A password and its confirmation: the same text in the site's 2 fields, one gesture.
    ["J'écris 2 fois le mot de passe que je choisis."],
    # The parts of one field.
    ["J'écris le jour, puis le mois, puis l'année."],
    # Erasing the old value is part of writing in the field.
    ["J'efface l'ancienne adresse écrite dans le champ.", "J'écris ma bonne adresse e-mail."],
    ["J'écris les 12 lettres et chiffres du code reçu."],
])
def test_one_gesture_passes(sentences):
    assert "one-gesture" not in _rules(_journey(sentences=sentences))


def _choice_with(sentence: str, targets: bool):
    """A choice screen on a drawn page with a button Commencer and 2 cards."""
    choices = [
        {"id": "un", "text": "Par e-mail", "pictogram": "email", "next": "fin", **({"target": "email"} if targets else {})},
        {"id": "deux", "text": "Le site me demande autre chose", "pictogram": "clic", "next": "fin",
         **({"target": "sms"} if targets else {})},
    ]
    return parse_journey({
        "id": "essai", "title": "J'essaie", "summary": "Je lis un exemple.", "pictogram": "clic",
        "pages": [{"id": "page", "title": "Ma page", "elements": [
            {"id": "commencer", "kind": "bouton", "label": "Commencer"},
            {"id": "email", "kind": "carte", "label": "Par e-mail"},
            {"id": "sms", "kind": "carte", "label": "Par SMS"},
        ]}],
        "steps": [
            {"id": "choix", "kind": "choice", "page": "page", "label": "Commencer", "pictogram": "clic",
             "sentences": [sentence], "choices": choices},
            {"id": "fin", "kind": "end", "pictogram": "succes", "sentences": ["Bravo."]},
        ],
    }, "essai.toml")


def test_a_choice_screen_that_also_asks_for_a_click_is_reported():
    findings = [f for f in check_journey(_choice_with("Je clique sur le bouton Commencer.", False), "fr", FRENCH, titles())
                if f.rule == "one-gesture"]
    assert [(f.step, f.field) for f in findings] == [("choix", "sentences")]
    assert "'Commencer'" in findings[0].detail


def test_a_click_that_is_the_choice_passes():
    journey = _choice_with("Je clique sur Par e-mail ou sur Par SMS.", True)
    assert "one-gesture" not in {f.rule for f in check_journey(journey, "fr", FRENCH, titles())}


# --------------------------------------------------------------------------- rule 7: explained where first read

HARD = {"fr": vocabulary.Glossary(explanations={"provisoire": "pour un temps court"}, to_explain=("identifiant",))}


def _two_screens(first, second, branch=None):
    """A journey: a choice (to ``first`` or to ``branch``), then ``second``, then its end.
    Each screen is a dict of sentences and help."""
    steps = [
        {"id": "choix", "kind": "choice", "pictogram": "clic", "sentences": ["Je choisis."], "choices": [
            {"id": "a", "text": "Je lis", "pictogram": "clic", "next": "premier"},
            {"id": "b", "text": "Je lis autre chose", "pictogram": "clic", "next": "autre" if branch else "premier"},
        ]},
        {"id": "premier", "kind": "info", "pictogram": "clic", "next": "second", **first},
        *([{"id": "autre", "kind": "info", "pictogram": "clic", "next": "second", **branch}] if branch else []),
        {"id": "second", "kind": "info", "pictogram": "clic", **second},
        {"id": "fin", "kind": "end", "pictogram": "succes", "sentences": ["Bravo."]},
    ]
    return parse_journey({"id": "essai", "title": "J'essaie", "summary": "Je lis un exemple.", "pictogram": "clic",
                          "steps": steps}, "essai.toml")


def _first_use(journey):
    return [(f.step, f.field) for f in check_journey(journey, "fr", FRENCH, titles(), glossary=HARD)
            if f.rule == "explained-first"]


def test_a_hard_word_read_before_it_is_explained_is_reported():
    journey = _two_screens({"sentences": ["J'écris mon code provisoire."]},
                           {"sentences": ["Provisoire veut dire pour un temps court."]})
    assert _first_use(journey) == [("premier", "sentences")]


def test_a_hard_word_explained_on_its_first_screen_passes_on_the_next_ones():
    journey = _two_screens({"sentences": ["J'écris mon code provisoire.", "Provisoire veut dire pour un temps court."]},
                           {"sentences": ["Mon code provisoire marche 1 mois."]})
    assert _first_use(journey) == []


def test_a_word_to_explain_is_found_at_its_forms_and_explained_by_a_definition():
    journey = _two_screens({"sentences": ["J'écris mes identifiants."]}, {"sentences": ["Je lis."]})
    assert _first_use(journey) == [("premier", "sentences")]
    journey = _two_screens({"sentences": ["Un identifiant est le nom que je choisis.", "J'écris mes identifiants."]},
                           {"sentences": ["Je lis."]})
    assert _first_use(journey) == []


def test_an_explanation_in_help_counts_for_its_help_only():
    journey = _two_screens({"sentences": ["Je lis."], "help": ["Mon code provisoire marche 1 mois.",
                                                               "Provisoire veut dire pour un temps court."]},
                           {"sentences": ["J'écris mon code provisoire."]})
    assert _first_use(journey) == [("second", "sentences")]


def test_every_path_is_walked():
    """Explained on one branch only: the screen after both branches is reported for the other."""
    journey = _two_screens({"sentences": ["Provisoire veut dire pour un temps court."]},
                           {"sentences": ["J'écris mon code provisoire."]},
                           branch={"sentences": ["Je lis autre chose."]})
    assert _first_use(journey) == [("second", "sentences")]


def test_the_project_glossary_lists_the_words_to_explain():
    glossary = vocabulary.load_glossary()["fr"]
    assert {"identifiant", "caractère", "coordonnées"} <= set(glossary.to_explain)
