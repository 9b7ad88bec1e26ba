"""The audio files on the site (falc_wizard/audio makes them): the route that serves them, and
what templates use to offer them.

- ``/ecouter/<name>.webm`` and ``.mp3``: a file's name is a hash of what it says, so it
  never changes: a year of cache, ``immutable`` (security.py keeps such a response
  cacheable whatever its path: a new file route needs no list to be added to);
- ``|say``: a sentence's ``data-say`` attribute, the name of its file, when it is made
  (``audio.js`` plays them in order and highlights the one being read);
- ``audio_reading(sentences)``: the screen's reading, for « Écouter » without
  JavaScript (``macros.listen_button``), at the person's speed, when it is made.

Without any file the site works as before: « Écouter » uses the browser's voice where
there is one, else it is hidden; the log says so once, at start.
"""

from __future__ import annotations

import re
from pathlib import Path

from flask import Blueprint, Flask, abort, current_app, send_from_directory, url_for
from markupsafe import Markup

from ..audio.inventory import normal
from ..audio.store import FORMATS, SPEEDS, Folder, Namer, namer_for, parse_voices
from .display import display_settings
from .i18n import current_language

bp = Blueprint("audio", __name__)

#: A year: the name changes with the content.
MAX_AGE = 365 * 24 * 3600
_NAME = re.compile(r"^[0-9a-f]{20}$")
_TYPES = dict(FORMATS)


class SiteAudio:
    """The app's audio: the names (voices, recordings) and the folder of made files."""

    def __init__(self, namer: Namer, folder: Folder) -> None:
        self.namer = namer
        self.folder = folder

    def sentence(self, text: str, lang: str) -> str | None:
        name = self.namer.sentence(text, lang)
        return name if self.folder.has(name) else None

    def reading(self, sentences, lang: str, speed: str) -> str | None:
        name = self.namer.reading(tuple(normal(text) for text in sentences), lang, speed)
        return name if self.folder.has(name) else None


def site_audio() -> SiteAudio:
    return current_app.extensions["falc_audio"]


def audio_dir(app: Flask) -> Path:
    return Path(app.config.get("AUDIO_DIR") or Path(app.instance_path) / "audio")


@bp.get("/ecouter/<name>.<extension>")
def audio_file(name: str, extension: str):
    if not _NAME.match(name) or extension not in _TYPES:
        abort(404)
    folder = site_audio().folder
    response = send_from_directory(folder.path, f"{name}.{extension}", mimetype=_TYPES[extension], max_age=MAX_AGE)
    response.cache_control.immutable = True
    return response


def say(text: str, lang: str | None = None) -> Markup:
    """`` data-say="<name>"`` for a shown sentence whose file is made, else nothing.

    ``lang``: the sentence's own language when it is not the page's (the real site's
    labels are French on every screen: ``label|say('fr')``)."""
    lang = lang or current_language()
    name = site_audio().sentence(str(text), lang)
    if name is None:
        return Markup("")
    return Markup(' data-say="%s"') % name + (Markup(' data-say-lang="%s"') % lang if lang != current_language() else "")


def audio_reading(sentences=()) -> dict:
    """« Écouter » for a screen, at the person's speed (Réglages): ``slow``, the ``rate``
    audio.js plays at, the folder of the files (``base``), and the screen's reading
    (``webm`` and ``mp3`` addresses) when it is made."""
    slow = display_settings()["slow_reading"]
    said = {"slow": slow, "rate": SPEEDS["slow"] if slow else SPEEDS["normal"]}
    name = site_audio().reading(sentences, current_language(), "slow" if slow else "normal") if sentences else None
    if name is not None:
        for extension, _type in FORMATS:
            said[extension] = url_for("audio.audio_file", name=name, extension=extension)
        said["base"] = said["webm"].rsplit("/", 1)[0] + "/"
    return said


def init_app(app: Flask) -> None:
    folder = Folder(audio_dir(app))
    namer = namer_for(app.config["LANGUAGES"], parse_voices(app.config.get("AUDIO_VOICES")))
    app.extensions["falc_audio"] = SiteAudio(namer, folder)
    app.register_blueprint(bp)
    app.jinja_env.filters["say"] = say
    app.jinja_env.globals["audio_reading"] = audio_reading
    if folder.count() == 0:
        app.logger.warning("falc-wizard: no audio made yet in %s: « Écouter » uses the browser's voice "
                           "(falc-wizard audio makes the files).", folder.path)
