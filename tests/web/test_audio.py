"""Every screen can be heard (FALC.md rule 28): its files, served well, in both languages.

The audio files are made before the suite (``make test`` runs ``falc-wizard audio``); the
``made`` fixture makes whatever is still missing, so this file also runs on its own.
"""

from __future__ import annotations

import logging
import re
import subprocess
from pathlib import Path

import pytest

from falc_wizard import create_app, engine
from falc_wizard.audio import inventory, render
from falc_wizard.web import readings
from falc_wizard.web.listening import audio_dir
from falc_wizard.web.i18n import available_languages
from support import VALID, Visitor, answer

LANGUAGES = available_languages()

#: The words a sentence has need at least this long each, said (a file cut short fails).
SECONDS_PER_WORD = 0.2

_NAME = re.compile(r'data-say="([0-9a-f]{20})"')
_SOURCE = re.compile(r'<source src="/ecouter/([0-9a-f]{20})\.(webm|mp3)" type="([^"]+)">')
#: The places where a shown sentence stands: each must say its file.
_SHOWN = re.compile(r'<(?:h1|p|span|h2|a)\b([^>]*)>', re.S)
_SENTENCE_CLASSES = ("choice-text",)


def _app(**config):
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", **config})


@pytest.fixture(scope="module")
def made():
    """The app and its folder of audio files, with every file made."""
    app = _app()
    found = inventory.build(app.extensions["falc_journeys"], LANGUAGES, readings.screens(app.extensions["falc_site"]),
                            resume_days={30, app.config["RESUME_DAYS"]})
    audio = app.extensions["falc_audio"]
    render.render(found, audio.namer, audio_dir(app), log=lambda line: None)
    audio.folder._looked = 0  # look at the folder again now
    return app, found


def _visitor_in(app, lang: str) -> Visitor:
    """A person who chose ``lang`` in Réglages, on the home page."""
    visitor = Visitor(app.test_client())
    visitor.get("/reglages?retour=/")
    visitor.post(url="/reglages", data={"lang": lang, "retour": "/"})
    assert visitor.url == "/"
    return visitor


def _said_on(page: str) -> tuple[set[str], set[str]]:
    sources = {name for name, _extension, _type in _SOURCE.findall(page)}
    return set(_NAME.findall(page)), sources


def _check_screen(page: str, where: str, folder: Path) -> set[str]:
    """The screen offers its reading and a file for each sentence it shows; returns the names."""
    main = page.split('<main', 1)[1]
    assert re.search(r"<h1 data-say=", main), f"{where}: the title has no audio"
    said, sources = _said_on(page)
    assert len(sources) == 1 and 'class="listen-audio" controls preload="none"' in page, f"{where}: no player"
    sentences = re.search(r'<div[^>]*data-speak>(.*?)</div>', main, re.S)
    for tag in re.findall(r"<(?:h1|p)\b[^>]*>", sentences.group(1)):
        assert "data-say=" in tag, f"{where}: {tag}"
    messages = "".join(re.findall(r'<figure class="copy-message.*?</figure>', main, re.S))
    for tag in re.findall(r'<(?:span class="choice-text"|p class="copy-message-text")[^>]*>', main) + \
            re.findall(r"<figcaption[^>]*>", messages):
        assert "data-say=" in tag, f"{where}: {tag}"
    for block in re.findall(r'<div class="(?:copy-hint|step-help)".*?</div>', main, re.S):
        for tag in re.findall(r"<(?:h2|p)\b[^>]*>", block):
            assert "data-say=" in tag, f"{where}: {tag}"
    for name in said | sources:
        for extension in ("webm", "mp3"):
            assert (folder / f"{name}.{extension}").is_file(), f"{where}: {name}.{extension}"
    return said | sources


def _wrong_element(journey, step) -> str | None:
    page = journey.pages.get(step.page)
    targets = {c.target for c in step.choices} | {step.target}
    return next((e.id for e in page.elements if e.id not in targets), None) if page else None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_sentence_of_every_screen_of_every_journey_has_its_files(made, lang):
    """Every path of every journey in both modes (not a sample), with a wrong press on each
    practice page and a refused value in each practice field, in each language."""
    app, _found = made
    folder = audio_dir(app)
    names: set[str] = set()
    for journey in app.extensions["falc_journeys"].values():
        for practice in (False, True):
            for path in engine.all_paths(journey, practice):
                visitor = _visitor_in(app, lang)
                visitor.get(f"/parcours/{journey.id}")
                names |= _check_screen(visitor.page, f"{lang} {journey.id} start", folder)
                visitor.start(journey, practice)
                for position, step_id in enumerate(path):
                    where = f"{lang} {journey.id}/{step_id} {'practice' if practice else 'guide'}"
                    names |= _check_screen(visitor.page, where, folder)
                    step = journey.in_mode(practice).steps[step_id]
                    if step.is_end:
                        break
                    if practice and step.kind in ("action", "choice") and _wrong_element(journey, step):
                        visitor.post(data={"element": _wrong_element(journey, step)})
                        names |= _check_screen(visitor.page, where + " (wrong press)", folder)
                    if practice and step.kind == "field":
                        visitor.post(data={name: "" for name in VALID[step.field]})
                        names |= _check_screen(visitor.page, where + " (refused)", folder)
                    visitor.post(data=answer(journey, path, position, practice))
    # The other screens: home, settings, an error, the expired page.
    visitor = _visitor_in(app, lang)
    for url in ("/", "/reglages", "/parcours/nulle-part", "/parcours/refuser/m-opposer"):
        visitor.get(url)
        names |= _check_screen(visitor.page, f"{lang} {url}", folder)
    assert len(names) > 300


def _durations(paths: list[Path]) -> dict[Path, float]:
    """Each file decoded by ffmpeg (a broken one fails), and its length in seconds."""
    found = {}
    for start in range(0, len(paths), 64):
        batch = paths[start:start + 64]
        command = ["ffmpeg", "-nostdin", "-hide_banner", "-xerror"]
        for path in batch:
            command += ["-i", str(path)]
        for index in range(len(batch)):
            command += ["-map", f"{index}:a", "-f", "null", "-"]
        done = subprocess.run(command, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
        lengths = re.findall(r"Duration: (\d+):(\d+):([\d.]+)", done.stderr)
        assert len(lengths) == len(batch), done.stderr[-2000:]
        for path, (hours, minutes, seconds) in zip(batch, lengths):
            found[path] = int(hours) * 3600 + int(minutes) * 60 + float(seconds)
    return found


def test_every_file_decodes_and_lasts_as_long_as_its_words_need(made):
    app, found = made
    namer, folder = app.extensions["falc_audio"].namer, audio_dir(app)
    wanted = {}
    for (lang, text) in found.sentences:
        wanted[namer.sentence(text, lang)] = len(text.split())
    for reading in found.readings:
        wanted[namer.reading(reading.sentences, reading.lang, "normal")] = sum(len(t.split()) for t in reading.sentences)
    paths = {folder / f"{name}.{extension}": words for name, words in wanted.items() for extension in ("webm", "mp3")}
    lengths = _durations(sorted(paths))
    short = [f"{path.name}: {lengths[path]:.2f} s for {words} words" for path, words in paths.items()
             if lengths[path] < words * SECONDS_PER_WORD]
    assert not short, "\n".join(short[:20])
    sizes = [path.stat().st_size / lengths[path] for path in paths if path.suffix == ".webm" and lengths[path] > 2]
    assert 1000 < sorted(sizes)[len(sizes) // 2] < 3500  # about 2 KB a second of speech


def test_english_screens_play_english_files(made):
    app, _found = made
    namer = app.extensions["falc_audio"].namer
    visitor = _visitor_in(app, "fr")
    visitor.get("/")
    french = _said_on(visitor.page)
    visitor = _visitor_in(app, "en")
    english = _said_on(visitor.page)
    assert not (french[0] & english[0]) and french[1] != english[1]
    title = re.search(r"<h1 data-say=\"(\w+)\">([^<]+)</h1>", visitor.page)
    assert title.group(1) == namer.sentence(title.group(2), "en") and title.group(2) == "I choose what I want to do"


def test_a_file_is_served_with_a_year_of_cache_and_its_type(made):
    app, _found = made
    client = app.test_client()
    page = client.get("/").get_data(as_text=True)
    for name, extension, kind in _SOURCE.findall(page):
        response = client.get(f"/ecouter/{name}.{extension}")
        assert response.status_code == 200 and response.mimetype == kind
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert response.data[:4] in (b"\x1aE\xdf\xa3", b"\xff\xf3\x84\xc4", b"\xff\xf3\x84\xc0") or kind == "audio/mpeg"
    for url in ("/ecouter/" + "0" * 20 + ".webm", "/ecouter/../../secret_key.webm", "/ecouter/abc.ogg"):
        response = client.get(url)
        assert response.status_code == 404 and response.headers["Cache-Control"] == "no-store"


def test_the_slower_reading_is_remembered_and_plays_slower_files(made):
    app, _found = made
    visitor = Visitor(app.test_client())
    visitor.get("/reglages?retour=/")
    assert ">J'écoute plus lentement</button>" in visitor.page
    normal = _said_on(visitor.page)
    assert 'data-rate="1.0"' in visitor.page
    visitor.toggle("slow_reading", back_to="/reglages?retour=/")
    assert ">J'écoute à la vitesse normale</button>" in visitor.page
    slow = _said_on(visitor.page)
    assert 'data-rate="0.8"' in visitor.page
    assert slow[0] == normal[0] and slow[1] != normal[1]  # the same sentences, a slower reading
    visitor.get("/")
    assert 'data-rate="0.8"' in visitor.page


def test_without_audio_the_site_works_with_the_browser_voice_and_says_so_once(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        app = _app(AUDIO_DIR=str(tmp_path / "empty"))
    assert sum("no audio made yet" in record.getMessage() for record in caplog.records) == 1
    client = app.test_client()
    for url in ("/", "/parcours/activer", "/reglages"):
        response = client.get(url)
        page = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "<audio" not in page and "data-say" not in page
        assert re.search(r'<button type="button" class="button button-listen" data-listen hidden>', page)
    assert client.get("/ecouter/" + "0" * 20 + ".webm").status_code == 404
