"""The ``falc-wizard`` command: ``serve`` runs the app under a real WSGI server."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def serve(args: argparse.Namespace) -> int:
    from . import create_app

    from .qr import served_url

    app = create_app()
    # Printed QR codes link here unless FALC_PUBLIC_URL says otherwise (qr.public_base).
    app.config["SERVED_URL"] = served_url(args.host, args.port)
    if args.debug:
        # Flask's development server, only on request: it reloads and shows tracebacks.
        app.run(host=args.host, port=args.port, debug=True)
        return 0
    import waitress

    print(f"falc-wizard: http://{args.host}:{args.port}/", flush=True)
    from .accesslog import wrap

    # waitress logs no requests; ours leaves out what a person typed (accesslog.py).
    waitress.serve(wrap(app), host=args.host, port=args.port, threads=args.threads, ident="falc-wizard")
    return 0


def check(args: argparse.Namespace) -> int:
    """Load and validate every journey file, as the app does at start-up."""
    from .journeys import ContentError, load_journeys

    try:
        journeys = load_journeys()
    except ContentError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for journey in journeys.values():
        print(f"{journey.id}: {len(journey.steps)} steps")
    return 0


def lint(args: argparse.Namespace) -> int:
    """Check journeys in every language against the FALC rules; 1 when there are findings.

    With file names, only those drafts are checked; the shipped journeys are still
    read, so that a word the draft explains differently is seen (explained-twice).
    """
    from .i18n import available_languages
    from .journeys import ContentError, load_file, load_journeys
    from .lint import lint as run_lint

    context: list = []
    try:
        if args.files:
            journeys = {path.name: load_file(path) for path in args.files}
            context = list(load_journeys().values())
        else:
            journeys = load_journeys(args.steps) if args.steps else load_journeys()
    except ContentError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"error: {error.filename}: cannot read the file ({error.strerror})", file=sys.stderr)
        return 1
    languages = args.lang or available_languages()
    findings = run_lint(journeys.values(), languages, context=context)
    for finding in findings:
        print(finding)
    print(f"{len(findings)} finding(s) in {len(journeys)} journeys, languages: {', '.join(languages)}",
          file=sys.stderr)
    return 1 if findings else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="falc-wizard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="serve the app (waitress; --debug for Flask's server)")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8000)
    run.add_argument("--threads", type=int, default=8)
    run.add_argument("--debug", action="store_true", help="Flask's development server, with reload")
    run.set_defaults(func=serve)
    validate = commands.add_parser("check", help="validate every journey file")
    validate.set_defaults(func=check)
    checker = commands.add_parser("lint", help="check every journey against the FALC rules, in every language")
    checker.add_argument("--lang", action="append", help="only this language (repeat for more)")
    checker.add_argument("files", nargs="*", type=Path, help="only these journey files (drafts)")
    checker.add_argument("--steps", type=Path, help="another folder of journey files (a draft)")
    checker.set_defaults(func=lint)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
