"""Tests of the practice field rules (falc_wizard.practice.rules).

Here, what holds for every field: the interface other code relies on; every
check is total (any text, any missing input, never an exception); every message
is an ``N_("...")`` literal that gettext extraction finds and follows the FALC
rules of the project (short sentences, digits, words).

What each field accepts and refuses, like the real site, with the FALC message of
the right branch on the right input, is tested by family beside this file:
test_practice_dates, _vitale, _codes, _accounts, _contact.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from falc_wizard.practice import rules as pr
from falc_wizard.lint.voice import negative, passive
from falc_wizard.practice.rules import FIELD_RULES, Message, check

#: The package's modules, one per family of fields (dates, vitale, codes, accounts, contact).
SOURCES = sorted(Path(pr.__file__).parent.glob("*.py"))

FIELD_NAMES = {
    "identifiant_connexion",
    "mot_de_passe_connexion",
    "date_naissance",
    "nir",
    "serie_sans_photo",
    "serie_avec_photo",
    "code_provisoire",
    "identifiant",
    "mot_de_passe",
    "mot_de_passe_confirmation",
    "email",
    "mobile",
    "code_unique",
}


# --------------------------------------------------------------------------
# The interface other code relies on
# --------------------------------------------------------------------------


def test_field_names_are_the_fixed_ones():
    assert set(FIELD_RULES) == FIELD_NAMES
    for name, rule in FIELD_RULES.items():
        assert rule.name == name


def test_check_of_an_unknown_field_is_a_key_error():
    with pytest.raises(KeyError):
        check("pas_un_champ", {"valeur": "x"})


def test_n_returns_its_message_unchanged():
    assert pr.N_("Bonjour.") == "Bonjour."


def test_single_input_fields_use_valeur_and_no_label():
    for name, rule in FIELD_RULES.items():
        if name in {"date_naissance", "mot_de_passe_confirmation"}:
            continue
        assert [(i.name, i.label) for i in rule.inputs] == [("valeur", "")]


def test_no_input_blocks_paste_or_autofill():
    for rule in FIELD_RULES.values():
        for item in rule.inputs:
            assert item.maxlength is None
            assert item.size > 0


def test_date_inputs():
    inputs = FIELD_RULES["date_naissance"].inputs
    assert [(i.name, i.label, i.size, i.inputmode) for i in inputs] == [
        ("jour", "Jour", 2, "numeric"),
        ("mois", "Mois", 2, "numeric"),
        ("annee", "Année", 4, "numeric"),
    ]


def test_password_inputs():
    (single,) = FIELD_RULES["mot_de_passe"].inputs
    assert (single.type, single.autocomplete) == ("password", "new-password")
    rule = FIELD_RULES["mot_de_passe_confirmation"]
    first, second = rule.inputs
    # 2 separate fields: the first is named by the page (002 and 003 say it differently).
    assert rule.separate and (first.name, first.label) == ("mot_de_passe", "")
    assert (second.name, second.label) == ("confirmation", "Confirmer le mot de passe")
    for item in (first, second):
        assert (item.type, item.autocomplete) == ("password", "new-password")


@pytest.mark.parametrize(
    "field_name, html_type, inputmode, autocomplete",
    [
        ("email", "email", "email", "email"),
        ("mobile", "tel", "tel", "tel"),
        ("code_unique", "text", "numeric", "one-time-code"),
        ("serie_sans_photo", "text", "numeric", "off"),
        ("serie_avec_photo", "text", "numeric", "off"),
        # A number pad like the other numbers; 2A/2B stay accepted from a full keyboard.
        ("nir", "text", "numeric", "off"),
        ("identifiant", "text", "text", "username"),
    ],
)
def test_input_kinds(field_name, html_type, inputmode, autocomplete):
    (item,) = FIELD_RULES[field_name].inputs
    assert (item.type, item.inputmode, item.autocomplete) == (html_type, inputmode, autocomplete)


@pytest.mark.parametrize(
    "field_name, example",
    [
        ("nir", "1 55 12 55 555 555 97"),
        ("serie_sans_photo", "0102457612 4"),
        ("serie_avec_photo", "80250000021"),
        ("code_provisoire", "HuqZF3KXCz8k"),
        ("identifiant", "anne.dupont"),
        ("email", "anne.dupont@exemple.fr"),
        ("mobile", "06 12 34 56 78"),
        ("code_unique", "094567"),
    ],
)
def test_examples_are_the_given_ones(field_name, example):
    assert FIELD_RULES[field_name].example == example


def test_every_sample_is_the_example_typed_and_is_accepted():
    """An example that the check refuses would teach the person a wrong value; the sample is
    that example typed into the field's inputs (the walks of the tests type it too)."""
    for name, rule in FIELD_RULES.items():
        assert list(rule.sample) == [item.name for item in rule.inputs], name
        if name == "date_naissance":
            assert " ".join(rule.sample.values()) == rule.example
        elif any(item.type == "password" for item in rule.inputs) or name == "identifiant_connexion":
            # No example on a password or a log-in identifier (FALC rule 22: people copy examples).
            assert rule.example == "", f"{name}: no example on a password or a log-in field"
        else:
            assert set(rule.sample.values()) == {rule.example}, name
        assert rule.check(rule.sample) == {}, name


def test_passwords_are_the_inputs_never_shown_again():
    assert FIELD_RULES["mot_de_passe"].hidden_inputs == {"valeur"}
    assert FIELD_RULES["mot_de_passe_confirmation"].hidden_inputs == {"mot_de_passe", "confirmation"}
    assert FIELD_RULES["mot_de_passe_connexion"].hidden_inputs == {"valeur"}
    for name in FIELD_NAMES - {"mot_de_passe", "mot_de_passe_confirmation", "mot_de_passe_connexion"}:
        assert FIELD_RULES[name].hidden_inputs == frozenset(), name


def test_the_rule_of_a_field_is_found_by_its_name():
    assert pr.rule_for("nir") is FIELD_RULES["nir"]
    with pytest.raises(KeyError):
        pr.rule_for("pas_un_champ")


def test_message_is_frozen_with_empty_params_by_default():
    message = Message("Texte.")
    assert dict(message.params) == {}
    with pytest.raises(AttributeError):
        message.text = "Autre."  # type: ignore[misc]


# --------------------------------------------------------------------------
# Every check is total
# --------------------------------------------------------------------------

#: Characters that reach the deep branches (digits, 2A, @, dots, accents, spaces, controls).
NEAR_VALID = st.text(alphabet="0123456789 2AaBb@.-_+éÉ\t\n\x00\u00a0Zz!", max_size=40)
ANY_TEXT = st.one_of(st.text(), NEAR_VALID)


def input_names(field_name: str) -> list[str]:
    return [item.name for item in FIELD_RULES[field_name].inputs]


@st.composite
def field_and_values(draw):
    """A field and an arbitrary dict of texts: its inputs, some missing, some unknown keys."""
    field_name = draw(st.sampled_from(sorted(FIELD_NAMES)))
    keys = st.sampled_from(input_names(field_name) + ["autre", "valeur", ""])
    return field_name, draw(st.dictionaries(keys, ANY_TEXT))


def msgids_in_module() -> set[str]:
    """Every N_("...") literal of the package, as gettext (Babel) extraction finds them."""
    from babel.messages.extract import extract_python

    msgids = set()
    for path in SOURCES:
        with path.open("rb") as source:
            found = extract_python(source, {"N_": None}, [], {})
            msgids |= {messages if isinstance(messages, str) else messages[0] for _, _, messages, _ in found}
    return msgids


MSGIDS = msgids_in_module()


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(field_and_values())
def test_every_check_is_total(field_and_values):
    field_name, values = field_and_values
    errors = check(field_name, values)
    assert isinstance(errors, dict)
    assert set(errors) <= set(input_names(field_name))
    for message in errors.values():
        assert isinstance(message, Message)
        assert message.text in MSGIDS, message.text
        assert isinstance(message.text % dict(message.params), str)


@pytest.mark.parametrize("field_name", sorted(FIELD_NAMES))
def test_huge_and_strange_values_are_handled(field_name):
    for value in ("9" * 100_000, "a" * 100_000, "\x00" * 50, "\u202e\u200b", "🙂" * 20, "1" * 15 + "\n" + "1"):
        values = dict.fromkeys(input_names(field_name), value)
        errors = check(field_name, values)
        assert set(errors) <= set(input_names(field_name))


@pytest.mark.parametrize("field_name", sorted(FIELD_NAMES))
def test_every_empty_input_has_its_own_message(field_name):
    """Nothing typed: one message per input, a "J'écris ..." that tells what to do."""
    errors = check(field_name, {})
    assert set(errors) == set(input_names(field_name))
    for message in errors.values():
        assert message.text.startswith("J'écris")


def test_non_text_values_count_as_empty():
    assert check("nir", {"valeur": None}) == check("nir", {})  # type: ignore[dict-item]
    assert check("code_unique", {"valeur": 123456}) == check("code_unique", {})  # type: ignore[dict-item]


# --------------------------------------------------------------------------
# The messages: gettext literals, FALC style
# --------------------------------------------------------------------------

LABELS = {item.label for rule in FIELD_RULES.values() for item in rule.inputs if item.label} | {
    label for rule in FIELD_RULES.values() for _, label in rule.checklist
}
MESSAGES = MSGIDS - LABELS
NUMBER_WORDS = r"\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quinze|seize|vingt)\b"
#: Abbreviations and other words for things the project names one way only.
AVOIDED_WORDS = [
    r"\bmdp\b",
    r"\blogin\b",
    r"(?<!e-)\bmail\b",
    r"\bcourriel\b",
    r"\bsms\b",
    r"\bnir\b",
    r"\bn°",
    r"\bex\.",
    r"\betc\b",
]


def sentences(message: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+", message.strip()) if part]


def words(sentence: str) -> list[str]:
    return [token for token in sentence.split() if re.search(r"\w", token)]


def test_extraction_finds_the_messages_and_labels():
    assert len(MESSAGES) >= 40
    assert {"Jour", "Mois", "Année", "1 chiffre", "Confirmer le mot de passe"} <= LABELS <= MSGIDS


def test_every_message_and_label_is_an_n_literal():
    """Babel finds exactly the N_("...") literals: a message built at run time would not be translated."""
    source = "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)
    literals = set(re.findall(r'N_\(\s*"((?:[^"\\]|\\.)*)"\s*\)', source))
    assert literals - {"..."} == MSGIDS  # "..." is the docstring that shows the form


@pytest.mark.parametrize("message", sorted(MESSAGES))
def test_message_follows_falc(message):
    parts = sentences(message)
    assert 1 <= len(parts) <= 2, message
    for sentence in parts:
        assert sentence[0].isupper(), sentence
        assert sentence.endswith("."), sentence
        assert len(words(sentence)) <= 12, sentence
    assert not re.search(NUMBER_WORDS, message, re.IGNORECASE), message
    assert not re.search(r"\b[A-Z]{2,}\b", message), message  # no capitals text, no acronym
    for avoided in AVOIDED_WORDS:
        assert not re.search(avoided, message, re.IGNORECASE), (avoided, message)


#: The messages whose negative is the fact to fix (FALC rule 9 allows a needed negative):
#: the value is wrong ("n'est pas bon", "ne sont pas pareils") or breaks a rule of the
#: real site said in its own words ("ne peut pas être une adresse e-mail"). A message
#: that states a rule as a negative ("Le code n'a pas d'espace." when it has one) is
#: not here: it says what the person typed, "Le code a un espace.".
NEEDED_NEGATIVES = {
    "Ce jour n'existe pas dans ce mois. Je vérifie le jour.",
    "Cette date n'est pas encore passée. Je vérifie l'année.",
    "L'identifiant ne peut pas être le numéro de sécurité sociale. Je choisis un autre identifiant.",
    "L'identifiant ne peut pas être une adresse e-mail. Je choisis un autre identifiant.",
    "La fin de l'adresse n'est pas bonne. Je vérifie après le signe @.",
    "Le début de l'adresse n'est pas bon. Je vérifie avant le signe @.",
    "Le jour n'est pas bon. J'écris un nombre de 1 à 31.",
    "Le mois n'est pas bon. J'écris un nombre de 1 à 12.",
    "Le numéro n'est pas bon. Je vérifie les 2 derniers chiffres.",
    "Le numéro n'est pas un numéro français. J'écris un numéro de portable français.",
    "Le numéro ne commence pas par 06 ou 07. J'écris mon numéro de portable.",
    "Les 2 mots de passe ne sont pas pareils.",
}


@pytest.mark.parametrize("message", sorted(MESSAGES))
def test_message_is_active_and_negative_only_when_needed(message):
    """The FALC checker's own voice rules (falc_wizard.lint.voice), as on the journeys."""
    for sentence in sentences(message):
        assert passive(sentence, "fr") is None, sentence
    if message not in NEEDED_NEGATIVES:
        assert negative(message, "fr") is None, message


def test_every_needed_negative_is_a_message():
    assert NEEDED_NEGATIVES <= MESSAGES


@pytest.mark.parametrize("message", sorted(MESSAGES))
def test_message_parameters_are_named(message):
    """Only %(name)s placeholders: a bare % would break the translation formatting."""
    assert "%" not in re.sub(r"%\(count\)s", "", message), message


def test_words_are_the_project_ones():
    """Always the same words for the same thing (FALC): a new word is a new thing for the reader."""
    text = " ".join(MESSAGES)
    for phrase in ("code provisoire", "code à usage unique", "identifiant", "mot de passe", "carte Vitale",
                   "numéro de sécurité sociale", "numéro de série"):
        assert phrase in text, phrase
    assert "code unique" not in text
    assert "Vitale" not in text.replace("carte Vitale", "")


def test_message_reads_well_with_its_count():
    """The singular form for 1, the plural otherwise."""
    one = check("code_provisoire", {"valeur": "H"})["valeur"]
    assert one.text % one.params == "Le code provisoire a 1 caractère. Il faut 12 caractères."
    two = check("code_provisoire", {"valeur": "Hu"})["valeur"]
    assert two.text % two.params == "Le code provisoire a 2 caractères. Il faut 12 caractères."


def test_module_does_not_import_flask_or_wtforms():
    assert len(SOURCES) >= 6
    source = "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)
    assert not re.search(r"^\s*(from|import)\s+(flask|wtforms|flask_wtf)\b", source, re.MULTILINE)


def test_a_broken_mapping_counts_as_empty():
    """Practice mode must never crash, even on a form object that fails to read."""

    class Broken(dict):
        def get(self, *args):
            raise RuntimeError("unreadable form")

    assert check("nir", Broken()) == check("nir", {})
