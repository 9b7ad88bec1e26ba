"""The names of the audio files, and the folder that holds them.

A sentence's file is named by a hash of what is said, the language, the voice, the
speed and the encoding: a changed sentence gets a new name (so a browser may keep a
file for a year: it never changes), and only it is made again. A human recording
(``falc_wizard/recordings/<lang>/<sentence id>.<ext>``) replaces the voice: the
file is then named by a hash of the recording itself.

A screen's reading (what « Écouter » plays without JavaScript) is named by the names
of its sentences' files, its speed and the pause between them.

The folder is generated, never committed: ``FALC_AUDIO_DIR``, else ``instance/audio``.
Each file is written under a temporary name and renamed when complete: the app never
serves half a file. Pure Python: no Flask.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .inventory import normal
from .spoken import spoken
from .voices import Voice, voice_for

#: Part of every name: a change of encoding makes every file again.
ENCODING = "opus16k+mp3-24k/1"
#: Both files of every sentence and reading: WebM/Opus first, MP3 for Safari.
FORMATS = (("webm", "audio/webm"), ("mp3", "audio/mpeg"))
#: The speeds a reading is made at: the person's choice in Réglages (« Je fais lire plus lentement »).
SPEEDS = {"normal": 1.0, "slow": 0.8}
#: The pause between two sentences of a reading, in seconds, at each speed.
PAUSE = {"normal": 0.4, "slow": 0.8}
#: Human recordings, by language: falc_wizard/recordings/fr/<sentence id>.wav (docs/GUIDE-CONTENU.md).
RECORDINGS_DIR = Path(__file__).parent.parent / "recordings"
RECORDING_TYPES = (".wav", ".flac", ".ogg", ".opus", ".mp3", ".m4a", ".webm")


def _hash(*parts: str, length: int = 20) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:length]


def sentence_id(text: str, lang: str) -> str:
    """The id of a sentence as it is shown: what a human recording is named by."""
    return _hash("sentence", lang, normal(text), length=12)


@dataclass(frozen=True)
class Recording:
    path: Path
    digest: str


def recordings(folder: Path = RECORDINGS_DIR) -> dict[tuple[str, str], Recording]:
    """Every human recording: (lang, sentence id) -> the file and a hash of its bytes."""
    found = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*/*")):
            if path.suffix.lower() in RECORDING_TYPES and path.is_file():
                found[(path.parent.name, path.stem)] = Recording(path, hashlib.sha256(path.read_bytes()).hexdigest())
    return found


@dataclass(frozen=True)
class Namer:
    """Names files for a set of voices and recordings: the same name in the renderer and the app."""

    voices: dict[str, Voice]
    recorded: dict[tuple[str, str], Recording]

    def recording(self, text: str, lang: str) -> Recording | None:
        return self.recorded.get((lang, sentence_id(text, lang)))

    def sentence(self, text: str, lang: str) -> str | None:
        """The name of a sentence's file (without extension); None when ``lang`` has no voice."""
        text = normal(text)
        found = self.recording(text, lang)
        if found is not None:
            return _hash("recording", found.digest, ENCODING)
        voice = self.voices.get(lang)
        if voice is None or not text:
            return None
        return _hash(voice.id, lang, "1.0", ENCODING, spoken(text, lang))

    def reading(self, sentences: tuple[str, ...], lang: str, speed: str) -> str | None:
        names = [self.sentence(text, lang) for text in sentences]
        if not names or None in names:
            return None
        return _hash("reading", speed, str(SPEEDS[speed]), str(PAUSE[speed]), *names)


class Folder:
    """The folder of made files, as the app sees it: which names are there (looked at again
    when the folder changes, at most once a second: a render in the background adds files)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._names: frozenset[str] = frozenset()
        self._seen: int | None = None
        self._looked = 0.0

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._looked < 1.0:
            return
        with self._lock:
            self._looked = now
            try:
                changed = os.stat(self.path).st_mtime_ns
            except OSError:
                self._names, self._seen = frozenset(), None
                return
            if changed != self._seen:
                with os.scandir(self.path) as entries:
                    files = {entry.name for entry in entries}
                self._names = frozenset(name[:-5] for name in files
                                        if name.endswith(".webm") and name[:-5] + ".mp3" in files)
                self._seen = changed

    def has(self, name: str | None) -> bool:
        """True when both files of ``name`` are made."""
        if name is None:
            return False
        self._refresh()
        return name in self._names

    def count(self) -> int:
        self._refresh()
        return len(self._names)

    def version(self) -> int | None:
        """Changes whenever files are added or removed: part of the page cache's key."""
        self._refresh()
        return self._seen


def namer_for(languages, chosen: dict[str, str] | None = None, folder: Path = RECORDINGS_DIR) -> Namer:
    """The names for ``languages``, each with its voice (``chosen``, else the default) and the recordings."""
    voices = {}
    for lang in languages:
        try:
            voices[lang] = voice_for(lang, chosen)
        except KeyError:
            continue  # a language without a voice has no files: its screens fall back
    return Namer(voices, recordings(folder))


def parse_voices(text: str | None) -> dict[str, str]:
    """``"fr=mbrola-fr4,en=pico-en"`` (FALC_AUDIO_VOICES, ``--voice``) as {lang: voice}."""
    chosen = {}
    for part in (text or "").replace(" ", "").split(","):
        if "=" in part:
            lang, name = part.split("=", 1)
            chosen[lang] = name
    return chosen
