"""The table of step kinds: every kind has its template and its button, every look is drawn."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from falc_wizard import create_app, journeys, step_kinds
from falc_wizard.step_kinds import KINDS, LABEL_LOOKS, LOOKS, STEP_KINDS, kind_template, label_look, step_kind

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
STYLE = (ROOT / "falc_wizard" / "static" / "style.css").read_text(encoding="utf-8")


def test_the_loader_checks_kinds_and_looks_against_the_one_table():
    assert journeys.STEP_KINDS is step_kinds.STEP_KINDS
    assert journeys.LABEL_LOOKS is step_kinds.LABEL_LOOKS


@pytest.mark.parametrize("name", STEP_KINDS)
def test_every_kind_has_a_template_and_a_main_button(name):
    kind = step_kind(name)
    assert (TEMPLATES / kind_template(name)).is_file()
    if kind.has_choices:
        assert kind.button is None, "the choices are the buttons"
    else:
        assert kind.button_text(practice=False) and kind.button_text(practice=True)


def test_the_kinds_say_what_each_screen_holds():
    assert [k for k in STEP_KINDS if KINDS[k].has_choices] == ["choice"]
    assert [k for k in STEP_KINDS if KINDS[k].has_field] == ["field"]
    assert step_kind("field").button_text(practice=False) == "C'est fait"
    assert step_kind("field").button_text(practice=True) == "Continuer"
    assert step_kind("end").button_text(practice=True) == "J'ai fini"
    with pytest.raises(KeyError):
        step_kind("video")


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
    assert label_look("inconnu") is LOOKS["champ"]
