"""What the app's own screens read aloud (not a journey's): the audio inventory makes them.

Each reading is the French msgids that a screen's « Écouter » plays, in the order its
template passes them to ``audio_reading``; the error pages' come from their view.
"""

from __future__ import annotations

from ..audio.inventory import Screens
from ..content import Site
from .views.errors import MESSAGES


def screens(site: Site) -> Screens:
    """The home, settings, expired, practice-end and error screens of an app serving ``site``."""
    readings = {
        "home": ("Je choisis ce que je veux faire", site.app.lead),
        "settings": ("Réglages", "Je choisis comment je vois le site."),
        "expired": ("Cette page n'est plus ouverte", "C'est normal après une pause.",
                    "Je recommence le parcours depuis le début."),
        "practice end": ("Bravo, j'ai fini de m'entraîner.", "Sur le vrai site, rien n'a changé."),
    }
    for status, (title, sentence) in sorted(MESSAGES.items()):
        readings[f"error {status}"] = (title, sentence)
    sentences = {site.app.name: "the app's name", "Pour de vrai, voici la suite :": "practice end"}
    return Screens(readings=readings, sentences=sentences)
