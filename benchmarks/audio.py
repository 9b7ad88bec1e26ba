"""The audio files, measured: a full render from nothing, their size, and the voices compared.

    .venv/bin/python benchmarks/audio.py [--jobs 2] [--sample 60]

1. A full render of every sentence and reading (``falc-wizard audio``) into an empty
   temporary folder, with the default voices: the time, the files, the total size, the
   seconds of speech, and the bytes per second of speech of each format.
2. Each installed voice on the same French (or English) sentences of the content: how
   much faster than real time it speaks, one process at a time, and its WAV size.
Results go to stdout (benchmarks/README.md keeps them).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from falc_wizard import load_content  # noqa: E402
from falc_wizard.audio import inventory, render  # noqa: E402
from falc_wizard.audio.spoken import spoken  # noqa: E402
from falc_wizard.audio.store import namer_for  # noqa: E402
from falc_wizard.audio.voices import VOICES  # noqa: E402
from falc_wizard.content import load_site  # noqa: E402
from falc_wizard.web import readings  # noqa: E402
from falc_wizard.web.i18n import available_languages  # noqa: E402


def _seconds(paths: list[Path]) -> float:
    total = 0.0
    for start in range(0, len(paths), 64):
        batch = paths[start:start + 64]
        command = ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0"]
        for path in batch:
            total += float(subprocess.run([*command, str(path)], capture_output=True, text=True).stdout or 0)
    return total


def full_render(jobs: int) -> None:
    languages = available_languages()
    found = inventory.build(load_content(), languages, readings.screens(load_site()))
    namer = namer_for(languages, folder=Path("/nonexistent"))  # the voices alone, no recording
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        started = time.monotonic()
        report = render.render(found, namer, out, jobs=jobs, log=lambda line: None)
        elapsed = time.monotonic() - started
        files = sorted(out.iterdir())
        print(f"full render, {jobs} process(es): {elapsed:.0f} s; {report}")
        print(f"  {len(found.sentences)} sentences, {len(found.readings)} screen readings, languages {', '.join(languages)}")
        for extension in ("webm", "mp3"):
            these = [path for path in files if path.suffix == f".{extension}"]
            size = sum(path.stat().st_size for path in these)
            seconds = _seconds(these)
            print(f"  {extension}: {len(these)} files, {size / 1e6:.1f} MB, {seconds / 60:.0f} min of audio, "
                  f"{size / seconds / 1000:.2f} KB per second of speech")
        total = sum(path.stat().st_size for path in files)
        print(f"  total {total / 1e6:.1f} MB; {report.speech_seconds / elapsed:.0f}x faster than real time "
              f"(sentences only)")


def voices(sample: int) -> None:
    found = inventory.build(load_content(), available_languages(), readings.screens(load_site()))
    for voice in VOICES.values():
        if not voice.available():
            print(f"{voice.id}: not installed ({voice.package})")
            continue
        texts = [text for (lang, text) in found.sentences if lang == voice.lang][:sample]
        with tempfile.TemporaryDirectory() as folder:
            started = time.monotonic()
            seconds = size = 0.0
            for index, text in enumerate(texts):
                wav = Path(folder) / f"{index}.wav"
                voice.synthesize(spoken(text, voice.lang), wav)
                with wave.open(str(wav)) as sound:
                    seconds += sound.getnframes() / sound.getframerate()
                size += wav.stat().st_size
            elapsed = time.monotonic() - started
        print(f"{voice.id}: {len(texts)} sentences, {seconds:.0f} s of speech in {elapsed:.1f} s "
              f"({seconds / elapsed:.0f}x real time, one process), WAV {size / seconds / 1000:.0f} KB/s; "
              f"{voice.package}; {voice.licence}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--voices-only", action="store_true")
    args = parser.parse_args()
    voices(args.sample)
    if not args.voices_only:
        full_render(args.jobs)


if __name__ == "__main__":
    main()
