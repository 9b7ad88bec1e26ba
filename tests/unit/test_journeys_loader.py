"""The loader refuses a bad journey file with one line: file, step, problem."""

import tomllib

import pytest

from falc_wizard.content import UNVERIFIED_NOTE, ContentError, load_journeys, parse_journey
from falc_wizard.content.checks import complete as check_complete, references as check_references
from support import FIXTURES

DEMO = FIXTURES / "steps" / "demo.toml"


def demo_data():
    return tomllib.loads(DEMO.read_text(encoding="utf-8"))


def refused(data) -> str:
    with pytest.raises(ContentError) as caught:
        parse_journey(data, "demo.toml")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("demo.toml")
    return message


def test_the_demo_file_is_valid():
    journey = parse_journey(demo_data(), "demo.toml")
    assert journey.first == "debut"
    assert journey.steps["verifier"].next == "envoi"  # default: the next step in the file


def test_unknown_next_step():
    data = demo_data()
    data["steps"][0]["next"] = "nulle-part"
    assert refused(data) == "demo.toml step 'debut': unknown next step 'nulle-part'"


def test_duplicate_id():
    data = demo_data()
    data["steps"][2]["id"] = "debut"
    assert "step 'debut': duplicate id" in refused(data)


def test_unreachable_step():
    data = demo_data()
    data["steps"][1]["choices"][1]["next"] = "serie-sans-photo"
    # serie-avec-photo and verifier can no longer be reached
    assert "unreachable step" in refused(data)


def test_a_path_with_no_end():
    data = demo_data()
    data["steps"][-1]["kind"] = "info"  # the last step now leads nowhere
    assert refused(data) == "demo.toml step 'fin': a path with no end (no next step after it)"


def test_a_loop_is_a_path_with_no_end():
    data = demo_data()
    data["steps"][3]["next"] = "debut"
    assert "a path with no end (it loops back" in refused(data)


@pytest.mark.parametrize("change, problem", [
    (lambda d: d["steps"][0].update(sentences=[]), "1 to 3 sentences"),
    (lambda d: d["steps"][0].update(sentences=["a.", "b.", "c.", "d."]), "1 to 3 sentences"),
    (lambda d: d["steps"][0].update(kind="popup"), "unknown kind"),
    (lambda d: d["steps"][1].update(choices=d["steps"][1]["choices"][:1]), "2 to 5 choices"),
    (lambda d: d["steps"][2].pop("field"), "'field' is missing"),
    (lambda d: d["steps"][0].update(colour="red"), "unknown key(s) colour"),
    (lambda d: d["steps"][0].pop("pictogram"), "'pictogram' is missing"),
    (lambda d: d["steps"][1]["choices"][0].pop("next"), "step 'carte' choice 'sans-photo': 'next' is missing"),
    (lambda d: d.update(validation={"on": 3}), "demo.toml: 'validation.on': input should be a valid string"),
])
def test_malformed_steps(change, problem):
    data = demo_data()
    change(data)
    assert problem in refused(data)


def test_missing_pictogram_and_unknown_field():
    journey = parse_journey(demo_data(), "demo.toml")
    everything = journey.pictograms()
    with pytest.raises(ContentError, match="step 'envoi': missing pictogram 'sms'"):
        check_references({"demo": journey}, everything - {"sms"}, {"serie_sans_photo", "serie_avec_photo"})
    with pytest.raises(ContentError, match="unknown practice field 'serie_avec_photo'"):
        check_references({"demo": journey}, everything, {"serie_sans_photo"})
    check_references({"demo": journey}, everything, {"serie_sans_photo", "serie_avec_photo"})


def test_the_shipped_journeys_all_load():
    journeys = load_journeys()
    assert journeys, "no journey file found"


# ------------------------------------------------------------------ parts

def with_parts(data):
    """The demo cut in 3 parts: 'debut'; 'carte' (both branches); 'fin' (from 'envoi')."""
    data["parts"] = [
        {"id": "debut", "title": "Je commence"},
        {"id": "carte", "title": "Ma carte"},
        {"id": "fin", "title": "Je finis"},
    ]
    by_id = {step["id"]: step for step in data["steps"]}
    by_id["debut"]["part"] = "debut"
    by_id["carte"]["part"] = "carte"
    by_id["envoi"]["part"] = "fin"
    return data


def test_parts_are_inherited_in_file_order():
    journey = parse_journey(with_parts(demo_data()), "demo.toml")
    assert [p.title for p in journey.parts] == ["Je commence", "Ma carte", "Je finis"]
    assert {s.id: s.part for s in journey.steps.values()} == {
        "debut": "debut", "carte": "carte", "serie-sans-photo": "carte", "serie-avec-photo": "carte",
        "verifier": "carte", "envoi": "fin", "fin": "fin",
    }
    assert journey.part_of("verifier")[0] == 1


def test_a_journey_without_parts_still_loads():
    journey = parse_journey(demo_data(), "demo.toml")
    assert journey.parts == () and journey.part_of("carte") is None
    assert journey.longest_walk == 6


def _step(data, step_id):
    return next(s for s in data["steps"] if s["id"] == step_id)


@pytest.mark.parametrize("change, message", [
    (lambda d: _step(d, "debut").pop("part"),
     "demo.toml step 'debut': the first step of the file names its part"),
    (lambda d: _step(d, "carte").update(part="nulle-part"),
     "demo.toml step 'carte': part 'nulle-part' is not declared in [[parts]]"),
    (lambda d: d["parts"].append({"id": "apres", "title": "Après"}),
     "demo.toml part 'apres': no step names this part"),
    (lambda d: d["parts"].append({"id": "debut", "title": "Encore"}),
     "demo.toml part 'debut': duplicate id"),
    (lambda d: d["parts"][0].pop("title"),
     "demo.toml part 'debut': 'title' is missing"),
    (lambda d: d["parts"][0].update(id="Début"),
     "demo.toml part 'Début': the id must be lowercase letters, digits and '-'"),
    # A step back into an earlier part: 'verifier' (after the card) put in the first part.
    (lambda d: _step(d, "verifier").update(part="debut"),
     "demo.toml step 'serie-avec-photo': goes from part 'carte' to part 'debut' "
     "(every path visits every part, in order: debut, carte, fin)"),
    # The parts in another order than the paths visit them.
    (lambda d: d["parts"].reverse(),
     "demo.toml step 'debut': the first step is in part 'fin', not 'debut'"),
    # A branch that skips a part: the part 'carte' starts only on the branch with a photo.
    (lambda d: (_step(d, "carte").pop("part"), _step(d, "serie-avec-photo").update(part="carte")),
     "demo.toml step 'serie-sans-photo': goes from part 'debut' to part 'fin'"),
])
def test_parts_that_a_walk_would_not_visit_in_order_are_refused(change, message):
    data = with_parts(demo_data())
    change(data)
    assert refused(data).startswith(message)


# ------------------------------------------------------------------ a journey served is complete


def incomplete(data) -> str:
    """The one-line refusal of check_complete, which load_journeys runs on every journey served."""
    with pytest.raises(ContentError) as caught:
        check_complete(parse_journey(data, "demo.toml"))
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_the_demo_is_complete():
    check_complete(parse_journey(demo_data(), "demo.toml"))


def test_a_step_without_a_source_is_refused():
    data = demo_data()
    _step(data, "carte").pop("source")
    assert incomplete(data) == (
        "demo.toml step 'carte': no source: write source = \"002\" (the seed it comes from) or source = \"aucun\""
    )


def test_an_unverified_step_tells_the_helper():
    data = demo_data()
    _step(data, "verifier").update(source="aucun", helper_note="Regardez le site.")
    assert incomplete(data) == (
        f"demo.toml step 'verifier': source 'aucun': its helper_note says \"{UNVERIFIED_NOTE}\""
    )
    _step(data, "verifier").update(helper_note=UNVERIFIED_NOTE)
    check_complete(parse_journey(data, "demo.toml"))


@pytest.mark.parametrize("label", [None, "  ", "J'écris le numéro de série."])
def test_a_field_step_without_its_own_label_is_refused(label):
    data = demo_data()
    if label is None:
        _step(data, "serie-sans-photo").pop("label")
    else:
        _step(data, "serie-sans-photo")["label"] = label
    assert incomplete(data) == (
        "demo.toml step 'serie-sans-photo': a field step has its own 'label', naming what to type"
    )


def test_load_journeys_refuses_an_incomplete_file(tmp_path):
    text = DEMO.read_text(encoding="utf-8").replace('source = "002"\nid = "envoi"', 'id = "envoi"', 1)
    assert text != DEMO.read_text(encoding="utf-8")
    (tmp_path / "demo.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=r"^demo\.toml step 'envoi': no source"):
        load_journeys(tmp_path)
