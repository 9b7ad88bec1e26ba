"""The real site's labels (FALC rules 20 and 22).

The person finds the real button or field by its exact text: a screen that says
"Je clique sur le bouton pour continuer." names nothing they can find. So:

* ``label``: a sentence of the screen that asks to press something ("Je clique",
  "J'appuie", "Je coche", "Je touche"; "I click", "I press", "I tick", "I tap")
  on a step with no ``label``; or a sentence that says "le bouton", "le lien",
  "la case" ("the button", "the link", "the box") without the step's label in it;
  or a sentence that calls the control a "case" when the step draws a "bouton"
  (``label_look``), or the other way round: the same thing, two names.
* a choice between the real site's controls (each choice button shows one's exact
  label: ``choices``) may say "je clique sur le bouton de ma carte" without naming
  one, as long as it calls them what they are drawn as (``_ELEMENT_WORDS``).
* ``field-label``: a ``field`` step with no ``label``, or with a sentence as its
  label ("Je suis sur la page ...") instead of the field's own name.

Only the screen's sentences are read here: help may say "Le bouton est en bas de
la page." about the button the screen already named.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from ..content import Element, Step
from .languages import rules_for
from .text import find, plain

#: What a sentence calls each kind of drawn element (content.pages.ElementKind) and each look of
#: a step's real control (``label_look``): the same kinds. The Vitale card's radio cards are
#: "boutons", as the validated guide (seed 002) says: "Je clique sur le bouton".
_ELEMENT_WORDS = {"bouton": "bouton", "bouton-secondaire": "bouton", "lien": "lien", "case": "case", "carte": "bouton"}


def label_findings(step: Step, sentence: str, lang: str, choices: Sequence[Element] = ()) -> Iterator[str]:
    """A detail for each way a sentence of the screen fails to name the real control.

    ``choices``: on a choice screen, the real controls its choice buttons show, each with its
    exact label (``lint._real_choices``); empty on any other screen.
    """
    text = plain(sentence)
    label = plain(step.label)
    if choices and not label:
        yield from _choice_findings(text, lang, choices)
        return
    rules = rules_for(lang)
    if not label and find(rules.press, text):
        yield "an action with no real label: the step has no 'label'"
        return
    found = find(rules.control, text, anywhere=True)
    if not found:
        return
    named = found.group("look") or found.group("case")
    if not label:
        yield f"'{named}' names no real label: the step has no 'label'"
    elif label not in text:
        yield f"'{named}' without the step's label '{step.label}' in the sentence"
    else:
        drawn = _ELEMENT_WORDS.get(step.label_look)  # the same words for a drawn look as for an element
        if drawn and rules.control_words[named] != drawn:
            yield f"the sentence says '{named}', the step draws a '{step.label_look}' (label_look)"


def _choice_findings(text: str, lang: str, choices: Sequence[Element]) -> Iterator[str]:
    """The choice buttons name the real controls: a sentence that names their kind names it right."""
    rules = rules_for(lang)
    found = find(rules.control, text, anywhere=True)
    if not found:
        return
    named = found.group("look") or found.group("case")
    drawn = {_ELEMENT_WORDS.get(element.kind) for element in choices}
    if rules.control_words[named] not in drawn:
        kinds = ", ".join(sorted({element.kind for element in choices}))
        yield f"the sentence says '{named}', the choices are the site's '{kinds}' (say '{'/'.join(sorted(w for w in drawn if w))}')"


def field_label_findings(step: Step) -> Iterator[str]:
    """A detail when a field step does not name its field."""
    if not step.field:
        return
    label = step.label.strip()
    if not label:
        yield "a field step with no 'label': name the field as the real site does"
    elif label.endswith(".") or re.match(r"^(?:Je|J'|J’|I)\b", label):
        yield f"the label is a sentence, not the field's name: '{label}'"
