"""One gesture per screen (FALC rule 11): write one field, or press one thing.

``main-action`` (in the package's main module) counts the action sentences of a
screen. This module reads inside a sentence, where 2 gestures hide in one line:

* 2 gesture verbs: "Je remplis cette page et je l'envoie.", "J'écris ce code, puis je
  clique sur Valider." (each "je clique", "j'écris", "je l'envoie"... is a gesture);
* 2 fields in one writing gesture: "J'écris mon identifiant et mon mot de passe.",
  "J'écris mon identifiant, puis mon mot de passe." (each field the real site has:
  identifier, password, code, address, number, date of birth). The parts of one field
  are one gesture ("J'écris le jour, puis le mois, puis l'année." fills one date);
* a choice screen that also asks to press something that is not one of its choices:
  "Je clique sur le bouton Commencer." above "Le site me demande ..." choices is 2
  gestures (the click, then the choice). A press that *is* the choice passes: it names
  the real control a choice presses ("Je clique sur Par e-mail ou sur Par SMS.",
  "S'ils sont justes, je clique sur le bouton Confirmer."), or every choice button is a
  real control (``lint._real_choices``: "je clique sur le bouton de ma carte").

Erasing the value a field already holds ("J'efface l'ancienne adresse écrite dans le champ.")
is part of writing in that field: it is not counted as a gesture of its own.

The one gesture written twice on purpose: a new password and its confirmation ("J'écris
2 fois le mot de passe que je choisis."). The site puts the 2 fields one under the other,
and the person types the same text in both: it names one field noun, so it is one gesture
here, as it is one practice field (``mot_de_passe_confirmation``).
"""

from __future__ import annotations

from typing import Iterator, Sequence

from ..content import Element, Step
from .languages import rules_for
from .text import plain, split_sentences


def gestures(sentence: str, lang: str) -> int:
    """How many gestures one sentence asks for (0 for a sentence that asks for none)."""
    text = plain(sentence).strip()
    rules = rules_for(lang)
    count = len(rules.gesture.findall(text))
    if count and rules.several.search(text):
        count = max(count, 2)
    if rules.writes.match(text):
        fields = {m.group(0).lower() for m in rules.fields.finditer(text)}
        count = max(count, len(fields))
    return count


def gesture_findings(text: str, lang: str) -> Iterator[str]:
    """A detail for each sentence of a text that holds more than one gesture."""
    for sentence in split_sentences(text):
        count = gestures(sentence, lang)
        if count > 1:
            yield f"{count} gestures in one sentence: one screen for each"


def screen_findings(sentences: Sequence[str], lang: str) -> Iterator[str]:
    """A detail when the sentences of one screen, each of one gesture, ask for more than one.

    Help is left out: it may recall the gestures of a path, one a sentence ("Je clique sur
    Connexion." "J'écris mon identifiant."). So is a choice screen, whose presses are its
    choices ("Si je clique sur Annuler, je garde ..."): ``choice_findings`` reads it. A step's
    ``main-action`` exception does not silence this rule: 2 gestures are 2 screens."""
    count = sum(gestures(part, lang) for sentence in sentences for part in split_sentences(sentence))
    if count > 1 and all(gestures(part, lang) <= 1 for s in sentences for part in split_sentences(s)):
        yield f"{count} gestures on one screen: one screen for each"


def choice_findings(step: Step, sentence: str, lang: str, controls: Sequence[Element | None], real_choices: bool) -> Iterator[str]:
    """A choice screen whose sentence asks to press something that is not one of its choices.

    ``controls``: the real element each choice presses (None where a choice presses none);
    ``real_choices``: every choice button shows a real control's exact label."""
    if not step.has_choices or real_choices:
        return
    text = plain(sentence)
    if not rules_for(lang).press_anywhere.search(text):
        return
    if any(element is not None and element.label and plain(element.label) in text for element in controls):
        return
    named = f" '{step.label}'" if step.label and plain(step.label) in text else ""
    yield f"a choice screen that also asks to press{named}: the press is a screen of its own, before the choice"
