"""The step kinds are classes: each has its template and its button, reads its own keys,
says where its answers lead and how practice and paper draw it; every look is drawn."""

from __future__ import annotations

import re
from typing import get_args
from pathlib import Path

import pytest

from falc_wizard import create_app
from falc_wizard.content import DONE, KINDS, STEP_KINDS, Choice, ContentError, parse_journey
from falc_wizard.content.kinds import ChoiceStep, FieldStep
from falc_wizard.content.looks import LABEL_LOOKS, LOOKS, LookName, label_look

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
STYLE = (ROOT / "falc_wizard" / "static" / "style.css").read_text(encoding="utf-8")
CODE = [*(ROOT / "falc_wizard").rglob("*.py"), *TEMPLATES.glob("*.html")]


def test_the_loader_makes_each_step_of_its_kinds_class():
    data = {"id": "essai", "title": "Essai", "summary": "Un essai.", "pictogram": "parcours", "steps": [
        {"id": "lire", "kind": "info", "sentences": ["Je lis."], "pictogram": "lire"},
        {"id": "choisir", "kind": "choice", "sentences": ["Je choisis."], "pictogram": "choisir", "choices": [
            {"id": "oui", "text": "Oui", "pictogram": "oui", "next": "ecrire"},
            {"id": "non", "text": "Non", "pictogram": "non", "next": "fin"}]},
        {"id": "ecrire", "kind": "field", "field": "email", "sentences": ["J'écris."], "pictogram": "ecrire"},
        {"id": "fin", "kind": "end", "sentences": ["C'est fini."], "pictogram": "fin"},
    ]}
    steps = parse_journey(data, "essai.toml").steps
    assert [step.kind for step in steps.values()] == ["info", "choice", "field", "end"]
    assert steps["lire"].next == "choisir" and steps["lire"].answers() == (DONE,)
    assert steps["choisir"].answers() == ("oui", "non") and steps["choisir"].next_for("non") == "fin"
    assert steps["choisir"].next_for(DONE) is None and steps["fin"].answers() == ()
    assert steps["ecrire"].field == "email" and steps["ecrire"].label_look == "champ"
    # A key of another kind is refused in one line.
    data["steps"][0]["field"] = "email"
    with pytest.raises(ContentError, match="essai.toml step 'lire': only a 'field' step has 'field'"):
        parse_journey(data, "essai.toml")


#: What each kind needs besides the keys every step has.
OWN = {
    "choice": {"choices": (Choice(id="oui", text="Oui", pictogram="oui", next="a"),
                           Choice(id="non", text="Non", pictogram="non", next="b"))},
    "field": {"field": "email"},
}


@pytest.mark.parametrize("name", STEP_KINDS)
def test_every_kind_has_a_template_and_a_main_button(name):
    kind = KINDS[name]
    step = kind(id="x", sentences=("Je lis.",), pictogram="lire", **OWN.get(name, {}))
    assert (TEMPLATES / step.template).is_file()
    if kind.has_choices:
        assert kind.button is None, "the choices are the buttons"
    else:
        assert step.button_text(practice=False) and step.button_text(practice=True)


def test_the_kinds_say_what_each_screen_holds():
    assert [k for k in STEP_KINDS if KINDS[k].has_choices] == ["choice"]
    assert [k for k in STEP_KINDS if "field" in KINDS[k].model_fields] == ["field"]
    assert [k for k in STEP_KINDS if KINDS[k].pressable] == ["action", "choice"]
    field = FieldStep(id="x", sentences=("J'écris.",), pictogram="ecrire", field="email")
    assert field.button_text(practice=False) == "C'est fait"
    assert field.button_text(practice=True) == "Continuer"
    assert KINDS["end"](id="x", sentences=("Fin.",), pictogram="fin").button_text(practice=True) == "J'ai fini"
    assert "video" not in KINDS


def test_a_choice_reads_its_answer_from_the_form():
    step = ChoiceStep(id="x", sentences=("Je choisis.",), pictogram="choisir", **OWN["choice"])
    assert step.read({"choix": "non"}) == ("non", {})
    assert step.read({"choix": "peut-etre"}) == (None, {"choix": "Je choisis une réponse."})
    assert KINDS["info"](id="y", sentences=("Je lis.",), pictogram="lire").read({}) == (DONE, {})


def test_code_and_templates_ask_a_step_what_it_does_not_which_kind_it_is():
    """At most a few places test a kind by its name (a new kind is one class and one template)."""
    asks = re.compile(r"""\bkind\s*(==|!=|in\b)\s*\(?\s*["'](%s)["']""" % "|".join(STEP_KINDS))
    places = [f"{path.relative_to(ROOT)}:{number}" for path in CODE
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if asks.search(line)]
    assert len(places) <= 5, places


@pytest.fixture(scope="module")
def app():
    return create_app({"TESTING": True, "SECRET_KEY": "test"})


def _draw(app, look: str) -> str:
    with app.test_request_context("/"):
        template = app.jinja_env.from_string('{% from "macros.html" import real_control %}{{ real_control(label, look) }}')
        return template.render(label="Activer mon profil", look=look)


@pytest.mark.parametrize("look", LABEL_LOOKS)
def test_every_label_look_is_drawn_as_a_picture_of_the_site(app, look):
    html = _draw(app, look)
    css_class = LOOKS[look].css_class
    assert f'class="real {css_class}"' in html
    # Its style exists, and the picture is never a control of this page.
    assert re.search(rf"\.{re.escape(css_class)}\b[^{{]*{{", STYLE), f"style.css does not draw .{css_class}"
    assert not re.search(r"<(button|a|input|select|textarea)\b|tabindex", html)
    assert "Sur le site, je vois :" in html
    # A screen reader hears what kind of control it is, before its label.
    assert LOOKS[look].spoken in html
    assert html.count("Activer mon profil") == 1


def test_each_look_has_its_own_drawing():
    assert len({LOOKS[look].css_class for look in LABEL_LOOKS}) == len(LABEL_LOOKS)
    assert get_args(LookName) == LABEL_LOOKS  # the schema's list is the looks'
    assert label_look("inconnu") is LOOKS["champ"]
