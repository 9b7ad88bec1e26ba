"""Practice checks what the real site checks (FALC rule 27), on every screen of every journey:
a received code is typed as received, capitals included, and it is the code the drawn phone
or mailbox shows; a field that holds the current address opens holding it, to erase first;
a screen that says « J'écris » has a field to write in."""

from __future__ import annotations

import re

import pytest

from falc_wizard import engine
from falc_wizard.content import load_journeys
from falc_wizard.practice.rules import rule_for
from support import Visitor

JOURNEYS = load_journeys()
CODES = ("code_unique", "code_provisoire")


def _first_path_to(journey, step_id):
    return next(p for p in engine.all_paths(journey, practice=True) if step_id in p)


def _screens(fields):
    """(journey, step) for each practice field step of these fields, on some path of the journey."""
    return [
        pytest.param(journey_id, step.id, id=f"{journey_id}-{step.id}")
        for journey_id, journey in JOURNEYS.items()
        for step in journey.in_mode(True).steps.values()
        if step.kind == "field" and step.field in fields
    ]


CODE_SCREENS = _screens(CODES)


def test_every_code_screen_is_checked():
    # 6 in « J'active », 1 in « Je refuse », 1 in « Je me connecte », 1 in « Je ferme »,
    # 3 in « Je change mes coordonnées » (its log-in, the e-mail and the phone).
    assert len(CODE_SCREENS) == 12


@pytest.mark.parametrize("journey_id,step_id", CODE_SCREENS)
def test_a_code_screen_shows_the_code_received_and_refuses_any_other(client, journey_id, step_id):
    journey = JOURNEYS[journey_id]
    step = journey.steps[step_id]
    received = rule_for(step.field).example
    visitor = Visitor(client)
    visitor.start(journey, practice=True)
    visitor.walk_to(journey, _first_path_to(journey, step_id), step_id, practice=True)
    # The code arrives on the drawn phone or in the drawn mailbox, on this very screen.
    assert f"Votre code est {received}" in visitor.page
    mistyped = received.swapcase() if step.field == "code_provisoire" else received[:-1] + str((int(received[-1]) + 1) % 10)
    for wrong in (mistyped, "123456" if step.field == "code_unique" else "abcdefghijkl"):
        visitor.post(data={"valeur": wrong})
        assert visitor.url == f"/parcours/{journey_id}/{step_id}", (wrong, visitor.url)
        assert "code reçu" in visitor.page, wrong
    visitor.post(data={"valeur": received})
    assert visitor.url != f"/parcours/{journey_id}/{step_id}"


@pytest.mark.parametrize("journey_id,step_id", _screens(("email", "mobile")))
def test_a_field_that_holds_the_current_value_opens_holding_it(client, journey_id, step_id):
    journey = JOURNEYS[journey_id]
    step = journey.steps[step_id]
    (field,) = rule_for(step.field).inputs
    visitor = Visitor(client)
    visitor.start(journey, practice=True)
    visitor.walk_to(journey, _first_path_to(journey, step_id), step_id, practice=True)
    assert re.search(rf'<input[^>]*name="valeur"[^>]*value="{re.escape(field.value)}"', visitor.page)
    visitor.post(data={"valeur": field.value + rule_for(step.field).example})
    assert visitor.url == f"/parcours/{journey_id}/{step_id}"
    assert "encore dans le champ" in visitor.page
    # And the screen says to erase it first, in both modes.
    assert any(s.startswith("J'efface") for s in step.sentences), step.sentences


@pytest.mark.parametrize("journey_id", [j for j in JOURNEYS if JOURNEYS[j].has_practice])
def test_every_practice_screen_that_says_j_ecris_has_a_field_to_write_in(journey_id):
    for step in JOURNEYS[journey_id].in_mode(True).steps.values():
        if any(s.startswith("J'écris") for s in step.sentences):
            assert step.kind == "field", step.id


def test_practice_says_why_it_stops_at_franceconnect():
    journey = JOURNEYS["se-connecter"]
    picks = {"que-faire": "franceconnect"}
    assert [s.id for s in journey.walk(picks, practice=True)][-3:] == ["franceconnect-cliquer", "franceconnect-entrainement", "fin"]
    assert [s.id for s in journey.walk(picks)][-3:] == ["franceconnect-cliquer", "franceconnect-compte", "fin"]
    assert "Sur le vrai site, FranceConnect ouvre un autre site." in journey.steps["franceconnect-entrainement"].sentences


def test_the_contact_details_screen_of_activation_says_what_to_press():
    step = JOURNEYS["activer"].steps["coordonnees"]
    assert "S'ils sont justes, je clique sur le bouton Confirmer." in step.sentences
    assert step.label == "Confirmer"
