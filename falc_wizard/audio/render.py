"""``falc-wizard audio``: make the files that are missing, and only those.

1. Each sentence whose file is missing (or that a missing reading needs) is said into
   a WAV file by its voice, or taken from its human recording; several at once.
2. A missing reading is its sentences' WAVs end to end, with a pause between them.
3. Everything is encoded by ffmpeg (Debian's), WebM/Opus and MP3, a few dozen files a
   call (one ffmpeg call costs more to start than to encode a sentence); the slow
   reading is slowed there, its pitch kept (ffmpeg's atempo filter).
4. Each file is written under a temporary name, then renamed: the app never serves
   half a file, and two renders at once only do the same work twice.
Pure Python and Debian's programs: no Flask.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import wave
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .inventory import Inventory, Reading
from .spoken import spoken
from .store import PAUSE, SPEEDS, Namer

#: What every file is made of: 16 kHz mono, 16 bits.
RATE, WIDTH, CHANNELS = 16000, 2, 1
#: Files per ffmpeg call.
BATCH = 32
#: Opus at 16 kbit/s (voice mode) and MP3 at 24 kbit/s: about 2 and 3 KB per second of speech.
#: Lower encoder effort than the defaults: twice as fast, the same size (benchmarks/audio.py).
OPUS = ("-c:a", "libopus", "-b:a", "16k", "-application", "voip", "-compression_level", "3", "-f", "webm")
MP3 = ("-c:a", "libmp3lame", "-b:a", "24k", "-compression_level", "7", "-f", "mp3")


class RenderError(RuntimeError):
    """A voice or ffmpeg failed: the message says which sentence or which program."""


@dataclass
class Report:
    sentences: int = 0
    readings: int = 0
    already: int = 0
    speech_seconds: float = 0.0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (f"{self.sentences} sentence file(s) and {self.readings} reading(s) made, "
                f"{self.already} already there, {self.speech_seconds:.0f} s of speech, in {self.seconds:.1f} s")


def ffmpeg() -> str:
    found = shutil.which("ffmpeg")
    if found is None:
        raise RenderError("ffmpeg is not installed: run `make voices` (Debian package ffmpeg)")
    return found


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
    if done.returncode != 0:
        raise RenderError(f"{what}: {done.stderr.decode(errors='replace').strip()[-400:]}")


def _is_plain(path: Path) -> bool:
    try:
        with wave.open(str(path), "rb") as sound:
            return (sound.getframerate(), sound.getsampwidth(), sound.getnchannels()) == (RATE, WIDTH, CHANNELS)
    except (wave.Error, EOFError, OSError):
        return False


def _to_plain(source: Path, target: Path) -> None:
    """Any sound file (a recording, a voice at another rate) as 16 kHz mono 16-bit WAV."""
    _run([ffmpeg(), "-v", "error", "-nostdin", "-y", "-i", str(source), "-ac", "1", "-ar", str(RATE),
          "-sample_fmt", "s16", "-map_metadata", "-1", "-f", "wav", str(target)], f"convert {source.name}")


def _frames(path: Path) -> bytes:
    with wave.open(str(path), "rb") as sound:
        return sound.readframes(sound.getnframes())


def _write_wav(path: Path, frames: bytes) -> None:
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(CHANNELS)
        sound.setsampwidth(WIDTH)
        sound.setframerate(RATE)
        sound.writeframes(frames)


def _encode(batch: list[tuple[Path, str, float]], folder: Path) -> None:
    """One ffmpeg call: each (wav, name, tempo) becomes name.webm and name.mp3 in ``folder``."""
    command = [ffmpeg(), "-v", "error", "-nostdin", "-y"]
    for wav, _name, _tempo in batch:
        command += ["-i", str(wav)]
    renames = []
    for index, (_wav, name, tempo) in enumerate(batch):
        slow = ["-filter:a", f"atempo={tempo}"] if tempo != 1.0 else []
        for extension, codec in (("webm", OPUS), ("mp3", MP3)):
            partial = folder / f".{name}.{extension}.part"
            command += ["-map", f"{index}:a", *slow, "-ac", "1", "-ar", str(RATE), "-map_metadata", "-1",
                        *codec, str(partial)]
            renames.append((partial, folder / f"{name}.{extension}"))
    _run(command, f"ffmpeg ({len(batch)} files, the first {batch[0][1]})")
    # The MP3 first, then the WebM: the app counts a name as made when its WebM is there
    # with its MP3 beside it.
    for partial, final in sorted(renames, key=lambda pair: pair[1].suffix != ".mp3"):
        os.replace(partial, final)


def render(inventory: Inventory, namer: Namer, out: Path, jobs: int | None = None,
           log: Callable[[str], None] = print) -> Report:
    """Make every file of ``inventory`` missing from ``out``; return what was done."""
    started = time.monotonic()
    report = Report()
    out.mkdir(parents=True, exist_ok=True)
    jobs = jobs or os.cpu_count() or 1

    # What is missing: sentences by name (text, lang), readings by name (reading, speed).
    wanted: dict[str, tuple[str, str]] = {}
    for (lang, text) in inventory.sentences:
        name = namer.sentence(text, lang)
        if name is not None:
            wanted[name] = (text, lang)
    readings: dict[str, tuple[Reading, str]] = {}
    for reading in inventory.readings:
        for speed in SPEEDS:
            name = namer.reading(reading.sentences, reading.lang, speed)
            if name is not None:
                readings[name] = (reading, speed)
    missing_sentences = {name: said for name, said in wanted.items() if not (out / f"{name}.webm").exists()
                         or not (out / f"{name}.mp3").exists()}
    missing_readings = {name: r for name, r in readings.items() if not (out / f"{name}.webm").exists()
                        or not (out / f"{name}.mp3").exists()}
    report.already = len(wanted) + len(readings) - len(missing_sentences) - len(missing_readings)
    if not missing_sentences and not missing_readings:
        report.seconds = time.monotonic() - started
        return report
    needed = dict(missing_sentences)
    for reading, _speed in missing_readings.values():
        for text in reading.sentences:
            needed[namer.sentence(text, reading.lang)] = (text, reading.lang)
    log(f"audio: making {len(missing_sentences)} sentence file(s) and {len(missing_readings)} reading(s) "
        f"({len(needed)} sentences to say) with {jobs} process(es)")

    with tempfile.TemporaryDirectory(prefix="falc-audio-") as scratch:
        work = Path(scratch)

        def say(item: tuple[str, tuple[str, str]]) -> None:
            name, (text, lang) = item
            wav = work / f"{name}.wav"
            recorded = namer.recording(text, lang)
            try:
                if recorded is not None:
                    _to_plain(recorded.path, wav)
                    return
                raw = work / f"{name}.raw.wav"
                namer.voices[lang].synthesize(spoken(text, lang), raw)
                if _is_plain(raw):
                    raw.rename(wav)
                else:
                    _to_plain(raw, wav)
            except (subprocess.SubprocessError, OSError) as error:
                raise RenderError(f"{lang}: {text!r}: {error}") from error

        with ThreadPoolExecutor(jobs) as pool:
            list(pool.map(say, needed.items()))

        for name, (text, lang) in needed.items():
            with wave.open(str(work / f"{name}.wav"), "rb") as sound:
                if name in missing_sentences:
                    report.speech_seconds += sound.getnframes() / RATE

        jobs_list: list[tuple[Path, str, float]] = [(work / f"{name}.wav", name, 1.0) for name in missing_sentences]
        for name, (reading, speed) in missing_readings.items():
            silence = b"\0" * int(RATE * PAUSE[speed]) * WIDTH
            parts = [_frames(work / f"{namer.sentence(text, reading.lang)}.wav") for text in reading.sentences]
            wav = work / f"{name}.reading.wav"
            _write_wav(wav, silence.join(parts))
            jobs_list.append((wav, name, SPEEDS[speed]))
        batches = [jobs_list[i:i + BATCH] for i in range(0, len(jobs_list), BATCH)]
        with ThreadPoolExecutor(jobs) as pool:
            list(pool.map(lambda batch: _encode(batch, out), batches))

    report.sentences, report.readings = len(missing_sentences), len(missing_readings)
    report.seconds = time.monotonic() - started
    return report
