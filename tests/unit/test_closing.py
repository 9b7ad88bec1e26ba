"""« Je ferme Mon espace santé » says what seed 000 says, and practice rehearses every safety step.

000, the validated FALC guide, gives the person a choice: keep their information (a copy by
e-mail: « Télécharger les données », « Demander le téléchargement », « Je reçois mes
informations par mail ») or delete it (« Je coche la case », then « Clôturer le profil »).
No seed says that closing by itself deletes the documents.
"""

from __future__ import annotations

import re

import pytest

from falc_wizard.lint import Translator
from falc_wizard.content import load_journeys

CLOSING = load_journeys()["cloturer"]

#: A false consequence: something other than the person deletes the documents, or closing does.
_DELETED = re.compile(
    r"site supprime|supprimés|supprimées|(?<!Je )(?<!je )supprime (?:mes|ses|les|vos) (?:documents|informations|données)"
    r"|deletes (?:my|their|the) (?:documents|information)|(?:are|is) deleted",
    re.IGNORECASE,
)


def _every_text(step):
    return [*step.sentences, *step.help, step.help_title, step.helper_note, *(c.text for c in step.choices)]


@pytest.mark.parametrize("practice", [False, True])
def test_the_keep_path_never_ticks_the_box(practice):
    keep = [p for p in CLOSING.all_picks(practice) if p["garder-ou-supprimer"] == "garder"]
    assert keep
    for picks in keep:
        ids = [s.id for s in CLOSING.walk(picks, practice)]
        assert "cocher-case" not in ids and "lire-case" not in ids, ids
        # 000's keep branch, then the way back on screen, then closing.
        order = ["telecharger-donnees", "demander-telechargement", "recevoir-documents", "revenir-connexion",
                 "revenir-prenom", "revenir-parametres", "revenir-cloture", "cliquer-cloturer-le-profil"]
        assert ids[ids.index(order[0]):ids.index(order[-1]) + 1] == order


@pytest.mark.parametrize("practice", [False, True])
def test_the_delete_path_reads_then_ticks_the_box_before_closing(practice):
    for picks in CLOSING.all_picks(practice):
        if picks["garder-ou-supprimer"] != "supprimer":
            continue
        ids = [s.id for s in CLOSING.walk(picks, practice)]
        at = ids.index("lire-case")
        assert ids[at:at + 3] == ["lire-case", "cocher-case", "cliquer-cloturer-le-profil"]
        assert "telecharger-donnees" not in ids


def test_no_text_of_closing_says_the_documents_are_deleted():
    found = []
    for lang in ("fr", "en"):
        tr = Translator(lang)
        for step in CLOSING.steps.values():
            found += [(lang, step.id, tr(t)) for t in _every_text(step) if t and _DELETED.search(tr(t))]
    assert not found


def test_the_checker_pattern_sees_the_old_false_consequences():
    for sentence in ("Quand je ferme Mon espace santé, le site supprime mes documents.",
                     "Fermer Mon espace santé supprime ses documents de santé.",
                     "The site deletes my documents."):
        assert _DELETED.search(sentence), sentence
    assert not _DELETED.search("Je supprime mes documents")


def test_the_box_is_marked_as_in_no_seed_and_read_with_the_helper():
    box = CLOSING.pages["cloture"].element("case")
    assert box.kind == "case" and box.unseen and not box.label
    reading = CLOSING.steps["lire-case"]
    assert reading.unverified
    assert "Je lis son texte avec la personne qui m'accompagne." in reading.sentences


def test_practice_rehearses_the_box_and_the_email():
    # The box is pressed on the drawn page, and the copy of the documents arrives in a drawn mailbox.
    assert CLOSING.steps["cocher-case"].target == "case"
    assert CLOSING.steps["cocher-case"].only == ""
    waiting = CLOSING.steps["recevoir-documents"]
    assert waiting.only == "" and waiting.page and waiting.message == "email-documents"


def test_no_label_of_closing_is_borrowed_for_the_password():
    step = CLOSING.steps["mot-de-passe"]
    assert not step.label
    assert CLOSING.pages["confirmer"].element("mot-de-passe").unseen
