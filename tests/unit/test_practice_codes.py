"""The codes the person receives (practice.rules.codes): the code provisoire and the code à usage unique."""

from __future__ import annotations

import pytest

from falc_wizard.practice.rules import check
from support import practice_error as error


# --------------------------------------------------------------------------
# code_provisoire
# --------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["HuqZF3KXCz8k", "  HuqZF3KXCz8k "])
def test_code_provisoire_valid(value):
    assert error("code_provisoire", value) is None


CODE_CASE = "Une majuscule ou une minuscule est fausse. Je recopie chaque lettre comme dans le code reçu."
CODE_OTHER = "Ce code est différent du code reçu. Je recopie le code reçu, lettre par lettre."


@pytest.mark.parametrize(
    "value, expected",
    [
        # The real site refuses a code typed with a capital changed: the case of each letter counts.
        ("huqzf3kxcz8k", CODE_CASE),
        ("HUQZF3KXCZ8K", CODE_CASE),
        ("HuqZF3KXCz8K", CODE_CASE),
        # A well-shaped code that is not the one received.
        ("abcdefghijkl", CODE_OTHER),
        ("123456789012", CODE_OTHER),
        ("HuqZF3KXCz8j", CODE_OTHER),
    ],
)
def test_code_provisoire_is_typed_as_received(value, expected):
    assert error("code_provisoire", value) == expected


def test_the_code_provisoire_received_is_the_example_practice_shows():
    from falc_wizard.practice.rules import rule_for
    from falc_wizard.practice.rules.codes import PROVISIONAL_CODE_RECEIVED

    assert rule_for("code_provisoire").example == PROVISIONAL_CODE_RECEIVED


CODE_SIGN = "Le code provisoire a un signe en trop. J'écris seulement des lettres et des chiffres."


@pytest.mark.parametrize(
    "value, expected",
    [
        ("", "J'écris mon code provisoire."),
        ("HuqZ F3KX Cz8k", "Le code provisoire a un espace. J'enlève les espaces."),
        ("HuqZF3KXCé8k", "Le code provisoire a un accent. J'écris les lettres sans accent."),
        ("HuqZF3KXCe\u03018k", "Le code provisoire a un accent. J'écris les lettres sans accent."),
        ("HuqZF3KX-z8k", CODE_SIGN),
        ("HuqZF3KXCz8\x00", CODE_SIGN),
        ("HuqZF3KXCz8", "Le code provisoire a %(count)s caractères. Il faut 12 caractères."),
        ("HuqZF3KXCz8kk", "Le code provisoire a %(count)s caractères. Il faut 12 caractères."),
        ("H", "Le code provisoire a %(count)s caractère. Il faut 12 caractères."),
    ],
)
def test_code_provisoire_invalid(value, expected):
    assert error("code_provisoire", value) == expected


def test_code_provisoire_says_the_count():
    message = check("code_provisoire", {"valeur": "HuqZF3KXCz"})["valeur"]
    assert message.text % message.params == "Le code provisoire a 10 caractères. Il faut 12 caractères."


# --------------------------------------------------------------------------
# code_unique: code à usage unique
# --------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["094567", " 094567 "])
def test_code_unique_valid(value):
    assert error("code_unique", value) is None


@pytest.mark.parametrize("value", ["000000", "094568", "765490", "123456"])
def test_code_unique_is_typed_as_received(value):
    assert error("code_unique", value) == "Ce code est différent du code reçu. Je recopie les 6 chiffres du code reçu."


@pytest.mark.parametrize(
    "value, expected",
    [
        ("", "J'écris le code à usage unique que j'ai reçu."),
        ("094 567", "Le code à usage unique a un espace. J'enlève les espaces."),
        ("O94567", "Le code à usage unique a une lettre ou un signe. J'écris seulement des chiffres."),
        ("09456", "Le code à usage unique a %(count)s chiffres. Il faut 6 chiffres."),
        ("0945678", "Le code à usage unique a %(count)s chiffres. Il faut 6 chiffres."),
        ("0", "Le code à usage unique a %(count)s chiffre. Il faut 6 chiffres."),
    ],
)
def test_code_unique_invalid(value, expected):
    assert error("code_unique", value) == expected
