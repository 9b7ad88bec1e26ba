"""The table of step kinds and of the real site's control looks: one home for what each one means.

A step's ``kind`` decides four things at once: which template shows it, the
text of its main button, whether it offers choices, and whether it has a
practice field. Before this table they were spread over the loader, the view's
template-name convention and three templates; now the loader checks kinds
against ``STEP_KINDS``, the view asks ``kind_template``, and the templates ask
``step_kind(...).button``.

A ``label_look`` says how the real site's control looks, so the step screen can
draw a small picture of it ("Sur le site, je vois :"). ``LABEL_LOOKS`` ties each
look to its CSS class and to the words a screen reader says before the label
("un bouton", "un lien"...), because the picture itself is not a control.

Pure Python, no Flask: the loader, the engine and the FALC checker import it.
Button texts and look names are French gettext msgids marked with ``N_`` and
translated when the page is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass


def N_(message: str) -> str:
    """Marks a French message for gettext extraction; returns it unchanged (translated at display)."""
    return message


@dataclass(frozen=True)
class StepKind:
    """What one kind of step is on screen."""

    name: str
    #: The main button's text; None where the answers are the buttons (choice).
    button: str | None
    #: The main button's text in practice mode, where it differs (a field typed here).
    practice_button: str | None = None
    has_choices: bool = False
    has_field: bool = False

    @property
    def template(self) -> str:
        return f"step_{self.name}.html"

    def button_text(self, practice: bool) -> str | None:
        """The msgid of the main button for this mode (guide or practice)."""
        if practice and self.practice_button:
            return self.practice_button
        return self.button


_KINDS = (
    # Something to read, then "Continuer".
    StepKind("info", N_("Continuer")),
    # Something to do on the real site, then "C'est fait".
    StepKind("action", N_("C'est fait")),
    # 2 to 5 big picture buttons: each answer is its own button.
    StepKind("choice", None, has_choices=True),
    # A field of the real site: "C'est fait" in guide mode, typed here and "Continuer" in practice.
    StepKind("field", N_("C'est fait"), practice_button=N_("Continuer"), has_field=True),
    # The last screen: "J'ai fini" forgets everything (shared tablets).
    StepKind("end", N_("J'ai fini")),
)

#: Every kind by name, in the order the guide for content writers lists them.
KINDS: dict[str, StepKind] = {kind.name: kind for kind in _KINDS}

#: The kinds of step the templates know how to show.
STEP_KINDS: tuple[str, ...] = tuple(KINDS)


def step_kind(name: str) -> StepKind:
    """The kind called ``name``; KeyError for an unknown one (the loader refuses those first)."""
    return KINDS[name]


def kind_template(name: str) -> str:
    """The template that shows a step of this kind."""
    return step_kind(name).template


@dataclass(frozen=True)
class LabelLook:
    """How one kind of real-site control is drawn, and what a screen reader says before its label."""

    name: str
    css_class: str
    spoken: str


_LOOKS = (
    LabelLook("bouton", "real-button", N_("un bouton :")),
    LabelLook("bouton-secondaire", "real-button-secondary", N_("un bouton :")),
    LabelLook("lien", "real-link", N_("un lien :")),
    LabelLook("case", "real-checkbox", N_("une case à cocher :")),
    LabelLook("carte", "real-choice", N_("un choix :")),  # a radio card: one of the page's choices
    LabelLook("champ", "real-field", N_("une case à remplir :")),
    LabelLook("menu", "real-menu", N_("un menu :")),
)

LOOKS: dict[str, LabelLook] = {look.name: look for look in _LOOKS}

#: How the real site's control looks, so that it can be drawn the same way.
LABEL_LOOKS: tuple[str, ...] = tuple(LOOKS)


def label_look(name: str) -> LabelLook:
    """The look called ``name``; an unknown one is drawn as a field (the loader refuses those first)."""
    return LOOKS.get(name, LOOKS["champ"])
