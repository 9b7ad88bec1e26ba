"""The journey on paper (falc_wizard/paper/booklet.py): every screen once, every path followable.

A person holding the booklet starts at screen 1, reads on, and at a choice or
at a "Je vais à l'écran n" turns to the screen named. These tests follow every
path of every journey that way, on paper, and check it gives the same screens,
in the same order, as the wizard (``Journey.walk``).
"""

from __future__ import annotations

import pytest

from falc_wizard.paper.booklet import Booklet, build, condition, content_version, practice_blocks, route_step, routes
from falc_wizard.content import load_file, load_journeys
from support import FIXTURES

JOURNEYS = load_journeys()


def follow_on_paper(booklet: Booklet, picks: dict[str, str]) -> list[str]:
    """The step ids a reader goes through: the next block, or the screen a pointer names."""
    by_number = {block.number: block for block in booklet.blocks}
    last_of_section = {section.blocks[-1].number: section for section in booklet.sections}
    number, seen = 1, []
    while True:
        block = by_number[number]
        seen.append(block.step.id)
        if block.step.is_end:
            return seen
        if block.step.kind == "choice":
            (number,) = [e.target for e in block.exits if e.choice.id == picks[block.step.id]]
        elif number in last_of_section:
            number = last_of_section[number].goto
        else:
            number += 1  # read on: the next block of the same section


def test_the_demo_journey_on_paper(demo):
    booklet = build(demo)
    layout = [[block.step.id for block in section.blocks] for section in booklet.sections]
    assert layout == [
        ["debut", "carte"],
        ["serie-sans-photo"],
        ["serie-avec-photo", "verifier"],
        ["envoi"],
        ["fin"],
    ]
    numbers = [block.number for block in booklet.blocks]
    assert numbers == list(range(1, 8))
    # The branches are introduced by their choice, in the choice's order; shared screens are "La suite".
    assert [s.choice.text if s.choice else None for s in booklet.sections] == [None, "Sans photo", "Avec photo", None, None]
    assert [s.rejoin for s in booklet.sections] == [False, False, False, True, True]
    # Where the branches rejoin, each points to the shared screen; a choice points to each branch.
    assert [s.goto for s in booklet.sections] == [None, 6, 6, None, None]
    carte = booklet.blocks[1]
    assert [(e.choice.id, e.target) for e in carte.exits] == [("sans-photo", 3), ("avec-photo", 4)]
    envoi = booklet.blocks[5]
    assert [(e.choice.id, e.target) for e in envoi.exits] == [("email", 7), ("sms", 7)]


@pytest.mark.parametrize("journey_id", [*JOURNEYS, "demo"])
def test_every_screen_is_printed_once_and_every_path_can_be_followed(journey_id, demo):
    journey = demo if journey_id == "demo" else JOURNEYS[journey_id]
    booklet = build(journey)
    printed = [block.step.id for block in booklet.blocks]
    assert sorted(printed) == sorted(journey.in_mode(False).steps), "every screen exactly once"
    assert printed[0] == journey.first
    for picks in journey.all_picks():
        assert follow_on_paper(booklet, picks) == [step.id for step in journey.walk(picks)], picks


@pytest.mark.parametrize("journey_id", [*JOURNEYS, "demo"])
def test_each_route_has_its_own_booklet_that_follows_only_its_paths(journey_id, demo):
    """One booklet per answer of the first choice: every path of that answer can be followed
    in it, it prints only the screens those paths show, and together they print every screen."""
    journey = demo if journey_id == "demo" else JOURNEYS[journey_id]
    step = route_step(journey)
    books = routes(journey)
    assert [book.route for book in books] == (list(step.choices) if step else [None])
    printed_somewhere = set()
    for book in books:
        picks_here = [p for p in journey.all_picks() if step is None or p[step.id] == book.route.id]
        shown = {s.id for picks in picks_here for s in journey.walk(picks)}
        printed = [block.step.id for block in book.blocks]
        assert sorted(printed) == sorted(shown), "each screen of the route once, no other"
        assert [block.number for block in book.blocks] == list(range(1, len(printed) + 1))
        for picks in picks_here:
            assert follow_on_paper(book, picks) == [s.id for s in journey.walk(picks)], picks
        if step is not None:  # the route's choice screen shows the route's answer only
            (choice_block,) = [b for b in book.blocks if b.step.id == step.id]
            assert [e.choice for e in choice_block.exits] == [book.route]
        printed_somewhere.update(printed)
    assert printed_somewhere == set(journey.in_mode(False).steps)


def test_the_review_kit_adds_the_screens_only_practice_shows():
    journey = JOURNEYS["activer"]
    whole = build(journey)
    extra = practice_blocks(journey, len(whole.blocks))
    only = journey.in_mode(True).steps.keys() - journey.in_mode(False).steps.keys()
    assert only and sorted(b.step.id for b in extra) == sorted(only)
    assert [b.number for b in extra] == list(range(len(whole.blocks) + 1, len(whole.blocks) + 1 + len(only)))
    for block in extra:  # off the printed path: a choice names no screen to go to
        assert all(exit.target is None for exit in block.exits)
        assert [e.choice for e in block.exits] == list(block.step.choices)


@pytest.mark.parametrize("journey_id", [*JOURNEYS, "demo"])
def test_a_shared_section_comes_after_every_screen_that_leads_to_it(journey_id, demo):
    """So a reader only ever turns forward, and a branch's section follows its choice."""
    journey = demo if journey_id == "demo" else JOURNEYS[journey_id]
    booklet = build(journey)
    for block in booklet.blocks:
        assert all(exit.target > block.number for exit in block.exits), block.step.id
    for section in booklet.sections[1:]:
        # Introduced by one choice, or a place where paths rejoin; never both, never neither.
        assert (section.choice is not None) != section.rejoin


def test_a_choice_reads_after_if_when_it_is_a_clause():
    assert condition("Ma carte Vitale a une photo", "fr") == "ma carte Vitale a une photo"
    assert condition("J'ai oublié mon identifiant", "fr") == "j'ai oublié mon identifiant"
    assert condition("C'est pour moi", "fr") == "c'est pour moi"
    assert condition("Par e-mail", "fr") is None
    assert condition("Carte Vitale sans photo", "fr") is None
    assert condition("I forgot my password", "en") == "I forgot my password"
    assert condition("My carte Vitale has a photo", "en") == "my carte Vitale has a photo"
    assert condition("By e-mail", "en") is None
    assert condition("Ma carte", "de") is None


def test_the_version_changes_with_the_text_not_with_the_validation(demo):
    import dataclasses

    version = content_version(demo)
    assert len(version) == 8 and version == content_version(load_file(FIXTURES / "steps" / "demo.toml"))
    validated = dataclasses.replace(demo, validated_by="Groupe FALC", validated_on="2026-01-15")
    assert content_version(validated) == version
    steps = dict(demo.steps)
    steps["debut"] = steps["debut"].model_copy(update={"sentences": ("Je lis bien.",)})
    assert content_version(dataclasses.replace(demo, steps=steps)) != version
