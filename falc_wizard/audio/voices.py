"""The voices: synthesizers Debian installs (``make voices``), nothing downloaded at run time.

Each voice writes one sentence to a WAV file. The default voice of each language
is the one docs/AUDIO.md chose after listening and measuring (SVOX Pico for French
and English); the others stay here so a reading group can compare them:
``falc-wizard audio --voice fr=mbrola-fr4``. espeak-ng's own formant voice is not
offered for French: it is too hard to understand for the people this site is for.
Pure Python: no Flask.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


class VoiceMissing(RuntimeError):
    """The voice's program is not installed (``make voices`` installs it)."""


@dataclass(frozen=True)
class Voice:
    """One synthesizer voice: its name (part of every file's name), language and command."""

    id: str
    lang: str
    program: str
    #: The command, with {wav} for the output file; the text is its last argument.
    args: tuple[str, ...]
    package: str
    licence: str

    def available(self) -> bool:
        return shutil.which(self.program) is not None and all(
            Path(arg).exists() for arg in self.args if arg.startswith("/usr/share/mbrola/"))

    def synthesize(self, text: str, wav: Path) -> None:
        """Say ``text`` into ``wav`` (16 kHz mono for Pico; render.py resamples the others)."""
        if shutil.which(self.program) is None:
            raise VoiceMissing(f"{self.program} is not installed: run `make voices` (Debian package {self.package})")
        # Pico reads <...> as its own markup: a sentence never holds any, and a stray sign must not change the voice.
        said = text.replace("<", " ").replace(">", " ").strip() or "."
        command = [arg.format(wav=wav) for arg in self.args]
        subprocess.run([self.program, *command, "--", said] if self.program == "pico2wave" else [self.program, *command, said],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)


VOICES: dict[str, Voice] = {
    voice.id: voice
    for voice in (
        Voice("pico-fr", "fr", "pico2wave", ("-l", "fr-FR", "-w", "{wav}"), "libttspico-utils (non-free)",
              "Apache 2.0 (SVOX); Debian puts it in non-free: its voice data comes without its sources"),
        Voice("pico-en", "en", "pico2wave", ("-l", "en-GB", "-w", "{wav}"), "libttspico-utils (non-free)",
              "Apache 2.0 (SVOX); Debian puts it in non-free: its voice data comes without its sources"),
        Voice("mbrola-fr4", "fr", "espeak-ng", ("-v", "mb-fr4", "-s", "150", "-w", "{wav}"), "mbrola-fr4 (contrib)",
              "MBROLA voice licence: free to use and share, not to sell (non-commercial)"),
        Voice("mbrola-fr1", "fr", "espeak-ng", ("-v", "mb-fr1", "-s", "150", "-w", "{wav}"), "mbrola-fr1 (contrib)",
              "MBROLA voice licence: free to use and share, not to sell (non-commercial)"),
    )
}

#: The voice of each language unless told otherwise (docs/AUDIO.md says why).
DEFAULT_VOICES = {"fr": "pico-fr", "en": "pico-en"}


def voice_for(lang: str, chosen: dict[str, str] | None = None) -> Voice:
    """The voice that speaks ``lang``: the one ``chosen`` names, else the default."""
    name = (chosen or {}).get(lang) or DEFAULT_VOICES.get(lang)
    if name not in VOICES:
        raise KeyError(f"no voice for language {lang!r} (voices: {', '.join(VOICES)})")
    voice = VOICES[name]
    if voice.lang != lang:
        raise KeyError(f"voice {name} speaks {voice.lang}, not {lang}")
    return voice
