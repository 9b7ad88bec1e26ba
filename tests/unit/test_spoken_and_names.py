"""The audio of every sentence (falc_wizard/audio): spoken texts, names, the inventory, a render."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from falc_wizard import load_content
from falc_wizard.audio import inventory, render, spoken
from falc_wizard.audio.store import Folder, namer_for, sentence_id
from falc_wizard.audio.voices import DEFAULT_VOICES, VOICES
from falc_wizard.content import load_site
from falc_wizard.content.pictograms import titles
from falc_wizard.web import readings
from falc_wizard.web.i18n import available_languages

JOURNEYS = load_content()
LANGUAGES = available_languages()
SCREENS = readings.screens(load_site())


# --- what the voice says ---------------------------------------------------------------

def test_the_help_line_is_said_as_a_phone_number_and_the_address_in_words():
    assert spoken.spoken("J'appelle le 3422.", "fr") == "J'appelle le 34 22."
    assert "mon espace santé point f r" in spoken.spoken("Je vais sur monespacesante.fr.", "fr")
    assert "dot" in spoken.spoken("I go to monespacesante.fr.", "en")


def test_a_code_is_said_sign_by_sign_with_its_capitals():
    assert spoken.spoken("Votre code est 094567", "fr") == "Votre code est 0, 9, 4, 5, 6, 7"
    said = spoken.spoken("Exemple : HuqZF3", "fr")
    assert said == "Exemple : H majuscule, u, q, Z majuscule, F majuscule, 3"
    assert spoken.spoken("Example: HuqZF3", "en").startswith("Example: capital H, u, q")


def test_digits_in_groups_are_said_group_by_group():
    assert spoken.spoken("Exemple : 1 55 12 55 555 555 97", "fr") == "Exemple : 1, 55, 12, 55, 555, 555, 97"
    assert spoken.spoken("Exemple : 14\u00a007\u00a01985", "fr") == "Exemple : 14, 07, 1985"


def test_what_a_voice_would_misread_is_listed_unless_a_spoken_text_covers_it():
    assert spoken.likely_misread("Je contacte la MDPH au 0800.", "fr") == [
        "initialism: MDPH", "number of 4 digits or more: 0800"]
    assert spoken.likely_misread("Je vais sur exemple.org.", "fr") == ["web address: exemple.org"]
    assert spoken.likely_misread("Je note la date : 12/03/2026.", "fr") == ["date or number with slashes: 12/03/2026"]
    # Covered by spoken.toml's words, by the code rule, or a year: nothing to say.
    assert spoken.likely_misread("J'appelle le 3422. Je reçois un SMS sur monespacesante.fr.", "fr") == []
    assert spoken.likely_misread("Votre code est 094567. Né en 1985.", "fr") == []


def test_every_sentence_of_the_shipped_content_is_said_right():
    found = inventory.build(JOURNEYS, LANGUAGES, SCREENS)
    misread = [f"{lang}: {text}: {spoken.likely_misread(text, lang)}"
               for (lang, text) in found.sentences if spoken.likely_misread(text, lang)]
    assert not misread, "\n".join(misread)


# --- names ----------------------------------------------------------------------------

def test_a_file_name_changes_with_the_text_the_language_the_voice_and_the_speed(tmp_path):
    namer = namer_for(["fr", "en"], folder=tmp_path)
    name = namer.sentence("Je clique.", "fr")
    assert name == namer.sentence(" Je\u00a0clique. ", "fr")  # as shown: no-break spaces are spaces
    assert name != namer.sentence("Je clique ici.", "fr")
    assert name != namer.sentence("Je clique.", "en")
    other_voice = namer_for(["fr"], {"fr": "mbrola-fr4"}, folder=tmp_path)
    assert name != other_voice.sentence("Je clique.", "fr")
    reading = ("Je clique.", "C'est fait.")
    assert namer.reading(reading, "fr", "normal") != namer.reading(reading, "fr", "slow")
    assert namer.reading(reading, "fr", "normal") != namer.reading(reading[::-1], "fr", "normal")


def test_a_human_recording_replaces_the_voice_and_names_the_file_by_its_content(tmp_path):
    text = "Je clique sur le bouton."
    folder = tmp_path / "recordings"
    (folder / "fr").mkdir(parents=True)
    synthetic = namer_for(["fr"], folder=folder).sentence(text, "fr")
    recording = folder / "fr" / f"{sentence_id(text, 'fr')}.wav"
    recording.write_bytes(b"first take")
    first = namer_for(["fr"], folder=folder)
    assert first.recording(text, "fr").path == recording
    assert first.sentence(text, "fr") not in (None, synthetic)
    recording.write_bytes(b"second take")
    assert namer_for(["fr"], folder=folder).sentence(text, "fr") != first.sentence(text, "fr")
    assert first.sentence("Une autre phrase.", "fr") == namer_for(["fr"], folder=tmp_path).sentence("Une autre phrase.", "fr")


def test_the_folder_counts_a_name_once_both_its_files_are_there(tmp_path):
    folder = Folder(tmp_path)
    (tmp_path / "abc.webm").write_bytes(b"x")
    assert not folder.has("abc")
    folder._looked = 0
    (tmp_path / "abc.mp3").write_bytes(b"x")
    folder._looked = 0
    assert folder.has("abc") and folder.count() == 1 and not folder.has(None)
    assert Folder(tmp_path / "none").count() == 0


# --- the inventory, over the content (not a sample) -----------------------------------

def test_every_sentence_of_every_screen_of_every_journey_is_in_the_inventory_in_each_language():
    found = inventory.build(JOURNEYS, LANGUAGES, SCREENS)
    readings = {(r.lang, r.where): r.sentences for r in found.readings}
    for lang in LANGUAGES:
        tr = inventory.Catalog(lang)
        for journey in JOURNEYS.values():
            for text in (journey.title, journey.summary, *(need.text for need in journey.needs)):
                assert (lang, inventory.normal(tr(text))) in found.sentences, (lang, journey.id, text)
            for step in journey.steps.values():
                shown = [*step.sentences, *(c.text for c in step.choices), *step.help]
                shown += [titles()[name] for name in step.help_pictograms]
                for text in shown:
                    assert (lang, inventory.normal(tr(text))) in found.sentences, (lang, journey.id, step.id, text)
                assert readings[(lang, f"{journey.id}/{step.id}")][0] == inventory.normal(tr(step.sentences[0]))
                if step.label:
                    assert ("fr", inventory.normal(step.label)) in found.sentences
                if step.helper_note:  # a helper note needs no audio
                    assert (lang, inventory.normal(tr(step.helper_note))) not in found.sentences or any(
                        inventory.normal(tr(step.helper_note)) == inventory.normal(tr(t))
                        for j in JOURNEYS.values() for s in j.steps.values() for t in (*s.sentences, *s.help))
    # The code's and templates' sentences, and those made with a value.
    for text in ("Je choisis ce que je veux faire", "J'appelle le 3422.", "Le service est gratuit.",
                 "Je ne trouve pas cette page", "C'est déjà fait."):
        assert ("fr", text) in found.sentences
    assert ("en", "I call 3422.") in found.sentences


# --- a real render --------------------------------------------------------------------

needs_voices = pytest.mark.skipif(
    shutil.which("ffmpeg") is None or not all(VOICES[v].available() for v in DEFAULT_VOICES.values()),
    reason="the voices are installed by `make voices`")


def _duration(path) -> float:
    done = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
                          capture_output=True, text=True, check=True)
    return float(done.stdout)


@needs_voices
def test_a_render_makes_what_is_missing_and_only_that(tmp_path):
    found = inventory.Inventory()
    found.add_reading("fr", "test", ["J'appelle le 3422.", "Votre code est 094567"])
    found.add("en", "I press the blue button.", "test")
    namer = namer_for(["fr", "en"], folder=tmp_path / "no-recordings")
    out = tmp_path / "audio"
    report = render.render(found, namer, out, jobs=2, log=lambda line: None)
    assert (report.sentences, report.readings) == (3, 2)
    names = [namer.sentence(text, lang) for lang, text in found.sentences]
    for name in names + [namer.reading(found.readings[0].sentences, "fr", s) for s in ("normal", "slow")]:
        for extension in ("webm", "mp3"):
            assert (out / f"{name}.{extension}").stat().st_size > 1000
    # Each lasts as long as its words need; the slow reading is longer than the normal one.
    code = out / f"{namer.sentence('Votre code est 094567', 'fr')}.webm"
    assert _duration(code) >= 9 * 0.3  # 4 words and 6 digits said one by one
    normal_reading, slow_reading = (namer.reading(found.readings[0].sentences, "fr", s) for s in ("normal", "slow"))
    assert _duration(out / f"{slow_reading}.mp3") > 1.15 * _duration(out / f"{normal_reading}.mp3")
    assert not list(out.glob(".*"))  # no partial file left
    # Nothing is missing now; a changed sentence makes only itself (and no reading).
    assert render.render(found, namer, out, log=lambda line: None).sentences == 0
    found.add("en", "I press the red button.", "test")
    again = render.render(found, namer, out, log=lambda line: None)
    assert (again.sentences, again.readings, again.already) == (1, 0, 5)
