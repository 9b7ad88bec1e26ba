"""The person's display settings: switched on the settings page, kept in the session.

One list for the page that switches them, for the templates and for the page cache: the
cache's key holds ``display_settings()``, so a setting missing there would serve one
person's display to another.
"""

from __future__ import annotations

from flask import session

DISPLAY_SETTINGS = ("helper", "large_text", "contrast", "slow_reading")


def display_settings() -> dict:
    """The person's display choices, kept in the session (work without JavaScript)."""
    return {name: bool(session.get(name)) for name in DISPLAY_SETTINGS}
