"""Settings and their defaults, read from ``FALC_*`` environment variables.

Every setting has a safe default for a workstation. Production is switched on
with ``FALC_ENV=production``: the app then refuses to start without a secret
key from the environment, rather than sign cookies with a key nobody set, and
without its public address, rather than print sheets, QR codes and resume
links that point to ``http://127.0.0.1:8000``.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit


#: How many days a "Je continue plus tard" link works, unless FALC_RESUME_DAYS says otherwise.
DEFAULT_RESUME_DAYS = 30


class ConfigError(RuntimeError):
    """A setting is missing or wrong: the app must not start."""


def _csv(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _count(env: Mapping[str, str], name: str, default: int = 0, least: int = 0) -> int:
    """A whole number of at least ``least``, or a clear refusal to start (never a traceback)."""
    raw = env.get(name, "").strip() or str(default)
    if not raw.isdigit() or int(raw) < least:
        raise ConfigError(f"{name} must be a whole number of at least {least} (got {raw!r}).")
    return int(raw)


def from_environment(environ: Mapping[str, str] | None = None) -> dict:
    """Flask settings drawn from the environment (see the README for each one)."""
    env = os.environ if environ is None else environ
    production = env.get("FALC_ENV", "development") == "production"
    public_url = env.get("FALC_PUBLIC_URL", "").rstrip("/")
    https = env.get("FALC_HTTPS", "1" if public_url.startswith("https://") else "0") == "1"
    settings = {
        "PRODUCTION": production,
        "SECRET_KEY": env.get("FALC_SECRET_KEY", ""),
        "SECRET_KEY_FALLBACKS": _csv(env.get("FALC_SECRET_KEY_FALLBACKS", "")),
        "PUBLIC_URL": public_url,
        # 0 days would make every "Je continue plus tard" link dead on arrival.
        "RESUME_DAYS": _count(env, "FALC_RESUME_DAYS", DEFAULT_RESUME_DAYS, least=1),
        "HTTPS": https,
        "TRUSTED_HOSTS": _csv(env.get("FALC_TRUSTED_HOSTS", "")) or None,
        "PROXY_FIX": _count(env, "FALC_PROXY_FIX"),
        # Audio files (falc_wizard/audio): where they are made and served from (empty:
        # instance/audio), and another voice for a language ("fr=mbrola-fr4").
        "AUDIO_DIR": env.get("FALC_AUDIO_DIR", ""),
        "AUDIO_VOICES": env.get("FALC_AUDIO_VOICES", ""),
    }
    if content_dir(env):
        settings["STEPS_DIR"] = content_dir(env)
    return settings


def content_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    """The content folder of ``FALC_CONTENT`` (its site.toml and journey files), or None: the shipped one."""
    env = os.environ if environ is None else environ
    value = env.get("FALC_CONTENT", "").strip()
    return Path(value) if value else None


def signing_keys(config: Mapping) -> list[str]:
    """Every key a signature may use, oldest first, ``SECRET_KEY`` last.

    itsdangerous signs with the last key of a list and accepts all of them, so
    a rotated key (``FALC_SECRET_KEY_FALLBACKS``) keeps yesterday's links and
    open pages working. The session, the CSRF tokens and the resume links all
    sign with this one list.
    """
    return [*(config.get("SECRET_KEY_FALLBACKS") or ()), config["SECRET_KEY"]]


def base_settings() -> dict:
    """Settings that do not depend on the environment: safe cookies, CSRF, limits."""
    return {
        # The cookie dies with the browser (a shared tablet forgets the last
        # person): Flask sends no Expires as long as no view sets
        # session.permanent, and none does (tests/web/test_security.py).
        "SESSION_COOKIE_NAME": "falc",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        # A slow person is never refused a page they were allowed to post:
        # the CSRF token lives as long as the session.
        "WTF_CSRF_TIME_LIMIT": None,
        # Flask-WTF's "SSL strict" mode demands a same-origin Referer on HTTPS
        # posts, but Referrer-Policy: no-referrer means browsers send none (and
        # an Origin of "null"): every post would fail. The signed token plus
        # the SameSite=Lax cookie (and the Sec-Fetch-Site check in security.py)
        # are the protection instead.
        "WTF_CSRF_SSL_STRICT": False,
        # The largest legitimate post is a few short fields.
        "MAX_CONTENT_LENGTH": 16 * 1024,
        "MAX_FORM_MEMORY_SIZE": 16 * 1024,
        "MAX_FORM_PARTS": 50,
        "BABEL_DEFAULT_LOCALE": "fr",
        "LANGUAGES": ("fr",),
    }


def ensure_secret_key(config: dict, instance_path: Path) -> None:
    """Refuse to run production without a key; make and keep one in development."""
    if config.get("SECRET_KEY"):
        return
    if config.get("PRODUCTION"):
        raise ConfigError(
            "FALC_SECRET_KEY is not set: in production the secret key must come from the environment."
        )
    key_file = instance_path / "secret_key"
    if key_file.exists():
        config["SECRET_KEY"] = key_file.read_text().strip()
        return
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    key_file.write_text(key)
    key_file.chmod(0o600)
    config["SECRET_KEY"] = key


def ensure_public_url(config: dict) -> None:
    """Production needs its public address; its host is then the only trusted host by default.

    Every printed sheet, QR code and resume link starts with ``PUBLIC_URL``
    (qr.public_base): without it they would point to the serve command's own
    address, which nobody else can reach. And a site that knows its name has no
    reason to answer to any other Host header (FALC_TRUSTED_HOSTS widens it).
    """
    public_url = config.get("PUBLIC_URL") or ""
    if public_url:
        parts = urlsplit(public_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(
                f"FALC_PUBLIC_URL must be an http:// or https:// address with a host name (got {public_url!r})."
            )
    if not config.get("PRODUCTION"):
        return
    if not public_url:
        raise ConfigError(
            "FALC_PUBLIC_URL is not set: in production the public address (for example "
            "https://pas-a-pas.example.fr) must come from the environment; printed sheets, "
            "QR codes and resume links start with it."
        )
    if not config.get("TRUSTED_HOSTS"):
        config["TRUSTED_HOSTS"] = [urlsplit(public_url).hostname]
