"""falc-wizard: guides a person through a site's online procedures, one action per screen, in FALC.

The rooms: ``content`` (what a journey is, read and checked), ``engine`` (one person's
walk), ``practice`` (the drawn copy and the real site's checks), ``paper`` (QR sheets,
booklets, review kits), ``audio``, ``lint`` (the FALC checker) and ``web`` (the Flask app).
docs/ARCHITECTURE.md draws them.
"""

from .web import create_app, load_content

__all__ = ["create_app", "load_content"]
