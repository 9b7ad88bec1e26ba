"""The real pages as content (content/pages.py): the loader's refusals, and the mode-only steps
the engine skips."""

import copy
import re
import tomllib

import pytest
from hypothesis import given, settings, strategies as st

from falc_wizard import engine
from falc_wizard.content import checks
from falc_wizard.content import DONE, ContentError, parse_journey
from falc_wizard.content.site import load_site
from support import FIXTURES

DEMO = tomllib.loads((FIXTURES / "steps" / "demo.toml").read_text(encoding="utf-8"))


def demo_data():
    return copy.deepcopy(DEMO)


def step(data, step_id):
    return next(s for s in data["steps"] if s["id"] == step_id)


def refused(data) -> str:
    with pytest.raises(ContentError) as caught:
        parse_journey(data, "demo.toml")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("demo.toml")
    return message


def test_the_demo_pages_are_read():
    journey = parse_journey(demo_data(), "demo.toml")
    assert journey.has_practice
    identite = journey.pages["identite"]
    assert identite.title == "Mon identité"
    assert identite.element("serie").label == "Numéro de série de carte Vitale"
    assert journey.steps["verifier"].target == "continuer"
    assert [c.target for c in journey.steps["carte"].choices] == ["sans-photo", "avec-photo"]


#: Remove the value instead of setting it.
REMOVED = object()


def edited(path: tuple, value) -> dict:
    """The demo with one change: ``path`` is ("steps" or "pages", its id, then keys down to the value)."""
    data = demo_data()
    kind, item_id, *keys, last = path
    where = next(item for item in data[kind] if item["id"] == item_id)
    for key in keys:
        where = where[key]
    if value is REMOVED:
        del where[last]
    else:
        where[last] = value
    return data


@pytest.mark.parametrize("path, value, said", [
    pytest.param(("steps", "verifier", "target"), "valider", "target 'valider' is not an element of page 'identite'",
                 id="a target that is not on its page"),
    pytest.param(("pages", "identite", "elements", 0, "label"), " ",
                 "element 'sans-photo': an element has its exact label", id="an element without a label"),
    pytest.param(("pages", "code", "elements"), [], "page 'code': a page has elements", id="a page without elements"),
    pytest.param(("pages", "code", "elements", 0, "kind"), "image", "unknown kind 'image'", id="an unknown element kind"),
    pytest.param(("steps", "verifier", "page"), "accueil", "step 'verifier': unknown page 'accueil'", id="an unknown page"),
    pytest.param(("steps", "verifier", "target"), REMOVED,
                 "step 'verifier': a practice action step names its 'page' and 'target'",
                 id="a practice action step without target"),
    pytest.param(("steps", "serie-avec-photo", "target"), "continuer", "a field step's target is a field (champ)",
                 id="a field step types in a field"),
    pytest.param(("steps", "verifier", "target"), "serie", "target 'serie' is a field (champ)",
                 id="an action step presses, not a field"),
    pytest.param(("steps", "envoi", "choices", 1, "target"), REMOVED, "every choice names its target, or none does",
                 id="choices name all their targets or none"),
    pytest.param(("steps", "envoi", "choices", 1, "target"), "email", "two choices have the same target",
                 id="two choices with the same target"),
    pytest.param(("steps", "debut", "only"), "pratique", "'only' is 'guide' or 'entrainement'", id="an unknown only"),
    pytest.param(("steps", "debut", "message"), "courrier", "'message' is 'sms', 'email' or 'email-documents'", id="an unknown message"),
    pytest.param(("steps", "fin", "only"), "guide", "an end step is for both modes", id="an end step for one mode"),
])
def test_the_loader_refuses(path, value, said):
    assert said in refused(edited(path, value))


def test_a_guide_only_action_step_needs_no_target():
    data = edited(("steps", "verifier", "target"), REMOVED)
    step(data, "verifier")["only"] = "guide"
    assert parse_journey(data, "demo.toml").steps["verifier"].only == "guide"


def test_practice_never_shows_a_real_site_step():
    data = demo_data()
    step(data, "debut")["real_site"] = True
    assert "practice never sends the person to the real site" in refused(data)
    step(data, "debut")["only"] = "guide"
    assert parse_journey(data, "demo.toml")


def test_practice_never_names_the_real_site_before_the_end():
    """The address pattern is the content folder's (site.toml's ``never_show``), not the code's."""
    site = load_site(FIXTURES / "steps")
    data = demo_data()
    step(data, "verifier")["help"] = [f"Je peux aussi aller sur {site.address}."]
    journey = parse_journey(data, "demo.toml")
    with pytest.raises(ContentError) as caught:
        checks.never_shown(journey, site.never_show)
    assert "step 'verifier': practice shows this screen, so it never names the real site's address" in str(caught.value)
    checks.never_shown(journey, re.compile("another-site", re.IGNORECASE))
    step(data, "verifier")["only"] = "guide"
    del step(data, "verifier")["target"]
    checks.never_shown(parse_journey(data, "demo.toml"), site.never_show)


def test_a_guide_only_choice_is_passed_by_its_first_choice_in_practice():
    data = demo_data()
    step(data, "envoi")["only"] = "guide"
    journey = parse_journey(data, "demo.toml")
    practice = engine.all_paths(journey, practice=True)
    assert ["debut", "carte", "serie-sans-photo", "fin"] in practice
    assert all("envoi" not in p for p in practice)
    assert any("envoi" in p for p in engine.all_paths(journey, practice=False))


def test_a_journey_without_pages_offers_no_practice():
    data = demo_data()
    del data["pages"]
    for raw in data["steps"]:
        for key in ("page", "target"):
            raw.pop(key, None)
        for choice in raw.get("choices", []):
            choice.pop("target", None)
    assert not parse_journey(data, "demo.toml").has_practice


# --------------------------------------------------------------------------- modes


def with_mode_steps():
    """The demo with a guide-only first screen and a practice-only screen before the end."""
    data = demo_data()
    data["steps"].insert(0, {"id": "aller", "kind": "action", "pictogram": "aide", "only": "guide",
                             "real_site": True, "sentences": ["Je vais sur le site."]})
    data["first"] = "aller"
    data["steps"].insert(len(data["steps"]) - 1, {
        "id": "bilan", "kind": "info", "pictogram": "aide", "only": "entrainement",
        "sentences": ["Je regarde ce que j'ai fait."], "next": "fin"})
    step(data, "verifier")["next"] = "bilan"
    return parse_journey(data, "demo.toml")


def test_each_mode_walks_past_the_other_modes_steps():
    journey = with_mode_steps()
    guide = engine.all_paths(journey, practice=False)
    practice = engine.all_paths(journey, practice=True)
    assert all(p[0] == "aller" and "bilan" not in p for p in guide)
    assert all(p[0] == "debut" and "aller" not in p for p in practice)
    assert any("bilan" in p for p in practice)
    assert ["debut", "carte", "serie-avec-photo", "verifier", "bilan", "fin"] in practice
    assert ["aller", "debut", "carte", "serie-avec-photo", "verifier", "fin"] in guide


def test_the_engine_starts_practice_after_the_guide_only_screen():
    journey = with_mode_steps()
    state = engine.start(journey, practice=True)
    assert engine.walk(journey, state).frontier == "debut"
    assert not engine.walk(journey, state).reaches("aller")
    state = engine.walk(journey, state).advance("debut", DONE).state
    assert engine.path(journey, state) == ["debut", "carte"]
    assert engine.walk(journey, engine.start(journey)).frontier == "aller"
    # The cookie of a practice walk reads back the same.
    assert engine.State.from_dict(state.to_dict(), journey) == state


OPTIONS = st.lists(st.sampled_from(["", "", "guide", "entrainement"]), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(only=OPTIONS, practice=st.booleans())
def test_a_mode_keeps_its_steps_in_order_and_drops_only_the_others(only, practice):
    """On a line of info steps with random modes, a mode's path is exactly its steps, in file order."""
    data = {"id": "ligne", "title": "T", "summary": "S", "pictogram": "aide", "steps": [
        {"id": f"s{i}", "kind": "info", "pictogram": "aide", "sentences": ["Je lis."], "only": mode}
        for i, mode in enumerate(only)
    ] + [{"id": "fin", "kind": "end", "pictogram": "aide", "sentences": ["Fini."]}]}
    journey = parse_journey(data, "ligne.toml")
    hidden = "guide" if practice else "entrainement"
    expected = [f"s{i}" for i, mode in enumerate(only) if mode != hidden] + ["fin"]
    assert engine.all_paths(journey, practice) == [expected]
    state = engine.start(journey, practice)
    for step_id in expected[:-1]:
        assert engine.walk(journey, state).frontier == step_id
        state = engine.walk(journey, state).advance(step_id, DONE).state
    assert engine.walk(journey, state).frontier == "fin"
    assert engine.progress(journey, state, "fin").total == len(expected)


# --------------------------------------------------------------- a text no seed shows


def _with_element(**keys):
    data = demo_data()
    data["pages"][0]["elements"].append({"id": "en-plus", "kind": "case", **keys})
    return data


def test_an_element_no_seed_shows_has_no_label_and_says_what_is_there():
    journey = parse_journey(_with_element(source="aucun", description="Je lis ce texte sur le vrai site."), "demo.toml")
    box = journey.pages[DEMO["pages"][0]["id"]].element("en-plus")
    assert box.unseen and box.label == "" and box.description == "Je lis ce texte sur le vrai site."
    # Every element a seed shows keeps its label.
    assert not any(e.unseen for e in parse_journey(demo_data(), "demo.toml").pages[box.id and DEMO["pages"][0]["id"]].elements)


@pytest.mark.parametrize(
    "keys, said",
    [
        ({"source": "aucun", "label": "Invented", "description": "Je lis ce texte."}, "no seed shows its text"),
        ({"source": "aucun"}, "no seed shows its text"),
        ({"source": "003", "label": "Continuer"}, "only \"aucun\""),
        ({"label": "Continuer", "description": "Mots"}, "'description' is only"),
    ],
)
def test_an_invented_label_or_a_missing_description_is_refused(keys, said):
    assert said in refused(_with_element(**keys))


def test_after_names_an_element_above_on_the_same_page():
    data = demo_data()
    data["pages"][0]["elements"].insert(0, {"id": "boite", "kind": "case", "label": "Case", "after": "carte"})
    data["pages"][0]["elements"].append({"id": "carte", "kind": "carte", "label": "Carte"})
    assert f"page '{data['pages'][0]['id']}': element 'boite': 'after' names an element above it" in refused(data)
