#!/usr/bin/env python3
"""Fill deploy/nginx/falc-wizard.conf for one site: its name, certificate, ports and app processes.

    python3 deploy/nginx/render.py --server-name pas-a-pas.example.fr \
        --certificate /etc/letsencrypt/live/pas-a-pas.example.fr/fullchain.pem \
        --certificate-key /etc/letsencrypt/live/pas-a-pas.example.fr/privkey.pem \
        --app 127.0.0.1:8001 --app 127.0.0.1:8002 > /etc/nginx/sites-available/falc-wizard

Standard library only, so that it runs where nginx runs. tests/web/test_nginx.py uses it.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).with_name("falc-wizard.conf")


def render(server_name: str, certificate: str, certificate_key: str, apps: list[str],
           https_listen: str = "443", http_listen: str = "80", log_dir: str = "/var/log/nginx",
           template: str | None = None) -> str:
    """The configuration text; every placeholder filled, or a ValueError naming the one left."""
    if not apps:
        raise ValueError("at least one app process (--app HOST:PORT)")
    given = {"server name": server_name, "certificate": certificate, "certificate key": certificate_key,
             "HTTPS listen": https_listen, "HTTP listen": http_listen, "log folder": log_dir,
             **{f"app {app!r}": app for app in apps}}
    for what, value in given.items():
        if not value or re.search(r"[;{}\s'\"$]", value):
            raise ValueError(f"the {what} cannot be empty or hold spaces, quotes, '$', ';' or braces: {value!r}")
    https_port = https_listen.rsplit(":", 1)[-1]
    values = {
        "SERVER_NAME": server_name,
        "TLS_CERTIFICATE": certificate,
        "TLS_CERTIFICATE_KEY": certificate_key,
        "APP_SERVERS": "\n".join(f"    server {app} max_fails=1 fail_timeout=5s;" for app in apps),
        "HTTPS_LISTEN": https_listen,
        "HTTP_LISTEN": http_listen,
        "HTTPS_PORT_SUFFIX": "" if https_port == "443" else f":{https_port}",
        "LOG_DIR": log_dir.rstrip("/") or "/",
    }
    text = template if template is not None else TEMPLATE.read_text()
    text = re.sub(r"@([A-Z_]+)@", lambda match: values.get(match.group(1), match.group(0)), text)
    left = re.findall(r"@[A-Z_]+@", text)
    if left:
        raise ValueError(f"not filled: {', '.join(sorted(set(left)))}")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server-name", required=True, help="the public host name (that of FALC_PUBLIC_URL)")
    parser.add_argument("--certificate", required=True, help="the TLS certificate chain (PEM)")
    parser.add_argument("--certificate-key", required=True, help="its private key (PEM)")
    parser.add_argument("--app", action="append", default=[], help="an app process, HOST:PORT (repeat)")
    parser.add_argument("--https-listen", default="443", help="nginx's HTTPS address or port (default 443)")
    parser.add_argument("--http-listen", default="80", help="nginx's HTTP address or port (default 80)")
    parser.add_argument("--log-dir", default="/var/log/nginx")
    args = parser.parse_args(argv)
    try:
        sys.stdout.write(render(args.server_name, args.certificate, args.certificate_key, args.app,
                                args.https_listen, args.http_listen, args.log_dir))
    except ValueError as error:
        print(f"render.py: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
