"""The ``falc-wizard`` command: ``serve`` runs the app under a real WSGI server."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path


#: Open connections waitress keeps at once. Its default (100) is what slow
#: clients exhaust: 100 connections sending their headers one byte at a time
#: left no room for anyone else. Reading is asynchronous (a thread is taken only
#: once a request has fully arrived), so a slow connection costs one file
#: descriptor and a little memory, not a thread.
CONNECTION_LIMIT = 1000

#: Seconds an idle connection stays open, and how often waitress looks (its
#: defaults: 120 and 30). A browser reopens a closed keep-alive connection.
CHANNEL_TIMEOUT = 30
CLEANUP_INTERVAL = 10

#: The largest body waitress reads. Checked against Content-Length before any
#: of the body is read (and while a chunked body arrives): waitress's default
#: would read 1 GiB to a temporary file before the app's 16 KiB limit
#: (config.base_settings) could answer. Between the two, the app answers its
#: own FALC "too long" page.
MAX_REQUEST_BODY = 64 * 1024

#: All request headers together. A real request's are about 1 KiB (the session
#: cookie is small); waitress's default is 256 KiB.
MAX_REQUEST_HEADERS = 32 * 1024


def waitress_options(app, args: argparse.Namespace) -> dict:
    """What ``falc-wizard serve`` tells waitress, settings that survive slow or hostile clients."""
    return {
        "host": args.host,
        "port": args.port,
        "threads": args.threads,
        "ident": "falc-wizard",
        "connection_limit": args.connection_limit,
        "channel_timeout": CHANNEL_TIMEOUT,
        "cleanup_interval": CLEANUP_INTERVAL,
        # select() cannot watch more than 1024 file descriptors; poll() can.
        "asyncore_use_poll": True,
        "max_request_body_size": MAX_REQUEST_BODY,
        "max_request_header_size": MAX_REQUEST_HEADERS,
        # waitress removes every X-Forwarded-* header unless told to trust a
        # proxy; FALC_PROXY_FIX (security.py, Werkzeug's ProxyFix) is the one
        # place that decides how many proxies to trust, for waitress and
        # gunicorn alike. Without it the headers are still removed.
        "clear_untrusted_proxy_headers": not app.config.get("PROXY_FIX"),
    }


def allow_open_files(connections: int) -> None:
    """Raise this process's open-file limit so that ``connections`` fit (Debian's soft limit is 1024)."""
    try:
        import resource
    except ImportError:  # not on this system: keep its limit
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 2 * connections + 100  # a socket each, a temporary file for some, the app's own files
    if soft != resource.RLIM_INFINITY and soft < wanted:
        new_soft = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (new_soft, hard))


def serve(args: argparse.Namespace) -> int:
    from . import create_app
    from .paper.qr import served_url

    app = create_app()
    # Printed QR codes link here unless FALC_PUBLIC_URL says otherwise (qr.public_base).
    app.config["SERVED_URL"] = served_url(args.host, args.port)
    if args.debug:
        # Flask's development server, only on request: it reloads and shows tracebacks.
        app.run(host=args.host, port=args.port, debug=True)
        return 0
    import waitress

    from .web.accesslog import wrap
    from .web.waitress_log import install as summarise_queue_warnings

    allow_open_files(args.connection_limit)
    # Under load, one line now and then that requests wait for a thread, not one per request.
    summarise_queue_warnings()
    if not args.no_audio:
        render_audio_in_background()
    print(f"falc-wizard: http://{args.host}:{args.port}/", flush=True)
    # waitress logs no requests; ours leaves out what a person typed (accesslog.py).
    waitress.serve(wrap(app), **waitress_options(app, args))
    return 0


def audio(args: argparse.Namespace) -> int:
    """Make the audio files that are missing (falc_wizard/audio): every sentence, every screen's reading."""
    from . import create_app
    from .audio import inventory, render
    from .audio.spoken import spoken
    from .audio.store import namer_for, parse_voices, sentence_id
    from .web import readings
    from .web.listening import audio_dir

    app = create_app()
    chosen = parse_voices(app.config.get("AUDIO_VOICES"))
    chosen.update(parse_voices(",".join(args.voice or ())))
    languages = args.lang or list(app.config["LANGUAGES"])
    namer = namer_for(languages, chosen)
    days = {30, app.config.get("RESUME_DAYS", 30)}
    site = app.extensions["falc_site"]
    found = inventory.build(app.extensions["falc_journeys"], languages, readings.screens(site), resume_days=days, site=site)
    if args.list:
        for (lang, text), where in sorted(found.sentences.items()):
            said = spoken(text, lang)
            extra = f"\tsaid: {said}" if said != text else ""
            print(f"{lang}\t{sentence_id(text, lang)}\t{namer.sentence(text, lang)}\t{where}\t{text}{extra}")
        return 0
    out = Path(args.out) if args.out else audio_dir(app)
    for lang in languages:
        voice = namer.voices.get(lang)
        if voice is None or not voice.available():
            print(f"falc-wizard audio: no voice for {lang!r} is installed (make voices)", file=sys.stderr)
            return 1
    try:
        report = render.render(found, namer, out, jobs=args.jobs,
                               log=(lambda _line: None) if args.quiet else print)
    except render.RenderError as error:
        print(f"falc-wizard audio: {error}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"falc-wizard audio: {report} ({out})")
    return 0


def render_audio_in_background() -> None:
    """Make the missing audio files in a child process at low priority, while the app serves:
    the app shows each screen's player as soon as its files are there (web/listening.py)."""
    import subprocess

    from .audio.voices import DEFAULT_VOICES, VOICES

    if not all(VOICES[name].available() for name in DEFAULT_VOICES.values()):
        print("falc-wizard: no voice installed (make voices): « Écouter » uses the browser's voice", file=sys.stderr)
        return
    command = [sys.executable, "-m", "falc_wizard.cli", "audio", "--quiet"]
    if shutil.which("nice"):
        command = ["nice", "-n", "10", *command]
    subprocess.Popen(command, stdin=subprocess.DEVNULL)
    print("falc-wizard: making the missing audio files in the background", flush=True)


def check(args: argparse.Namespace) -> int:
    """Load and validate every journey file, as the app does at start-up."""
    from . import load_content
    from .web.config import content_dir

    journeys = load_content(content_dir())
    for journey in journeys.values():
        print(f"{journey.id}: {len(journey.steps)} steps")
    return 0


def lint(args: argparse.Namespace) -> int:
    """Check journeys in every language against the FALC rules; 1 when there are findings.

    With file names, only those drafts are checked; the shipped journeys are still
    read, so that a word the draft explains differently is seen (explained-twice).
    """
    from .web.i18n import available_languages
    from . import load_content
    from .web.config import content_dir
    from .content import SITE_FILE, load_file, load_site

    try:
        from .lint import lint as run_lint
    except ModuleNotFoundError as missing:
        return _without_lint_extra(missing)

    context: list = []
    # The content folder (FALC_CONTENT, or the shipped one) and its site table; a draft
    # folder with a site.toml of its own is another site, one without is a draft of this one.
    folder = content_dir()
    if args.steps and (args.steps / SITE_FILE).exists():
        folder = args.steps
    try:
        site = load_site(folder)
        if args.files:
            journeys = {path.name: load_file(path) for path in args.files}
            context = list(load_content(folder, site).values())
        else:
            journeys = load_content(args.steps or folder, site)
    except OSError as error:
        print(f"error: {error.filename}: cannot read the file ({error.strerror})", file=sys.stderr)
        return 1
    languages = args.lang or available_languages()
    try:
        findings = run_lint(journeys.values(), languages, context=context, site=site)
    except ModuleNotFoundError as missing:  # a language's rules import their own libraries
        return _without_lint_extra(missing)
    except LookupError as missing:  # a language without rules or catalog: say which, in one line
        print(f"falc-wizard lint: {missing.args[0]}", file=sys.stderr)
        return 2
    for finding in findings:
        print(finding)
    findings = [*findings, *misread_sentences(journeys, languages, site)]
    print(f"{len(findings)} finding(s) in {len(journeys)} journeys, languages: {', '.join(languages)}",
          file=sys.stderr)
    return 1 if findings else 0


def _without_lint_extra(missing: ModuleNotFoundError) -> int:
    """A plain install leaves out the checker's libraries (the "lint" extra of pyproject.toml):
    say which to install, in one line."""
    if (missing.name or "").split(".")[0] == "falc_wizard":
        raise missing
    print(f"falc-wizard lint needs {missing.name}, which is not installed: "
          "pip install 'falc-wizard[lint]'", file=sys.stderr)
    return 2


def misread_sentences(journeys, languages, site=None) -> list[str]:
    """Sentences a voice is likely to misread that have no spoken text (falc_wizard/audio/spoken.py),
    each printed as a finding of its own."""
    from .audio.inventory import build
    from .audio.spoken import likely_misread
    from .content import load_site
    from .web import readings

    site = site or load_site()
    found = []
    for (lang, text), where in build(journeys, languages, readings.screens(site), site=site).sentences.items():
        for reason in likely_misread(text, lang):
            found.append(f"{where}: spoken-text [{lang}] {reason}: needs a spoken text in "
                         f"falc_wizard/audio/spoken.toml: {text}")
            print(found[-1])
    return found


def schema(args: argparse.Namespace) -> int:
    """Write the JSON Schemas of the content files (authors' editors read them: .taplo.toml)."""
    from .content.schema import json_schemas

    args.folder.mkdir(parents=True, exist_ok=True)
    for name, text in json_schemas().items():
        (args.folder / name).write_text(text, encoding="utf-8")
        print(args.folder / name)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="falc-wizard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="serve the app (waitress; --debug for Flask's server)")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8000)
    run.add_argument("--threads", type=int, default=8)
    run.add_argument("--connection-limit", type=int, default=CONNECTION_LIMIT,
                     help=f"open connections at once (default {CONNECTION_LIMIT})")
    run.add_argument("--debug", action="store_true", help="Flask's development server, with reload")
    run.add_argument("--no-audio", action="store_true", help="do not make the missing audio files in the background")
    run.set_defaults(func=serve)
    speak = commands.add_parser("audio", help="make the audio files that are missing (every sentence, both languages)")
    speak.add_argument("--lang", action="append", help="only this language (repeat for more)")
    speak.add_argument("--voice", action="append", help="another voice for a language: fr=mbrola-fr4 (docs/AUDIO.md)")
    speak.add_argument("--out", help="another folder (default: FALC_AUDIO_DIR, else instance/audio)")
    speak.add_argument("--jobs", type=int, help="processes at once (default: one per core)")
    speak.add_argument("--list", action="store_true",
                       help="list every sentence: language, id (a recording's name), file name, where, text")
    speak.add_argument("--quiet", action="store_true")
    speak.set_defaults(func=audio)
    shape = commands.add_parser("schema", help="write the JSON Schemas of the content files, for editors")
    shape.add_argument("folder", type=Path, help="where to write them (the repository's: docs/schemas)")
    shape.set_defaults(func=schema)
    validate = commands.add_parser("check", help="validate every journey file")
    validate.set_defaults(func=check)
    checker = commands.add_parser("lint", help="check every journey against the FALC rules, in every language")
    checker.add_argument("--lang", action="append", help="only this language (repeat for more)")
    checker.add_argument("files", nargs="*", type=Path, help="only these journey files (drafts)")
    checker.add_argument("--steps", type=Path, help="another folder of journey files: a draft, or another site with its own site.toml")
    checker.set_defaults(func=lint)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command. A wrong setting or journey file is said in one line, not a traceback:
    the person who runs the command reads what to fix. Each command may raise either."""
    from .web.config import ConfigError
    from .content import ContentError
    from .content.site import SiteError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ConfigError as error:
        print(f"falc-wizard: {error}", file=sys.stderr)
        return 2
    except (ContentError, SiteError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
