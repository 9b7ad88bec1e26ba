"""Rendered step pages, kept for whoever asks for the same screen: one cache, one key.

A step page is mostly fixed text: the same screen, in the same language, mode
and display settings, at the same place on the same path, is the same HTML for
everyone. Rendering it (Jinja, about forty translated sentences, twenty URLs)
is most of a request's time, so each worker keeps the pages it rendered, in a
small LRU, under a key of *everything* the page shows: the view's own part
(``ScreenKey`` for a step: journey, step, place, answer) and the request's part,
read here from the request itself (``request_key``): where the site is mounted
(the links' prefix, which a proxy's ``X-Forwarded-Prefix`` sets), the scheme and
host, the page's own address with its query string (written back in the settings
link), the language and the display settings. So whatever one visitor sends
(a header, a cookie, a query string) can only give that visitor another page,
never change the page another visitor is served.

What is never kept, whatever the key:
- the CSRF token: the page is rendered with ``CSRF_PLACEHOLDER`` where the
  token goes (``csrf_token()`` below is the templates' one), and each response
  gets its own person's token put in;
- a typed value or an error message: a page with ``values`` or ``errors`` (a
  refused POST) is never cached, nor a request with a query string (the page
  writes the path back into its settings forms);
- a resume link: the "Je continue plus tard" page is not a step page and is
  never cached.
A key holds ids and the page's address only, never anything typed: a view
caches a page only when its address holds nothing typed.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Hashable

from flask import current_app, g, request

from .i18n import current_language
from .security import csrf_token as signed_csrf_token

#: Stands where a CSRF token goes while a page is rendered for the cache. Only
#: letters and dashes: Jinja's escaping leaves it as it is.
CSRF_PLACEHOLDER = "csrf-token-of-this-request-goes-here"

#: Pages per worker. A page is about 12 KB: at most 6 MB per worker.
DEFAULT_SIZE = 512

#: Printed pages per worker (views/booklet.py): the all-journeys booklet is about
#: 260 KB, a one-journey one about 40 KB: a few MB per worker at most.
PRINT_SIZE = 16


@dataclass(frozen=True)
class ScreenKey:
    """Everything a cached step page shows: two requests with equal keys get the same page."""

    template: str
    journey_id: str
    step_id: str
    practice: bool
    progress: Hashable        # engine.Progress: position, total (and what the bar shows)
    previous: str | None      # the step "Retour" goes to (None: the start screen)
    answer: str | None        # the choice already made at this step (shown as "Mon choix")


def request_key() -> tuple[Hashable, ...]:
    """What the request itself puts in a page, whatever the view: read here, in one place.

    The scheme, host and mount point make the page's links (``url_for`` writes
    ``request.script_root`` before every path); the full path, with its query
    string, is written back in the "Réglages" link; then the language and the
    display settings (the person's session or browser), and which audio files are made.
    """
    # Imported here: templating imports this module (the templates' csrf_token).
    from .templating import display_settings

    # The audio files made so far: a page names only those (audio/web.py), and a render in
    # the background adds more.
    audio = current_app.extensions.get("falc_audio")
    return (
        audio.folder.version() if audio is not None else None,
        request.scheme,
        request.host,
        request.script_root,
        request.full_path,
        current_language(),
        tuple(sorted(display_settings().items())),
    )


class PageCache:
    """A bounded, thread-safe LRU of rendered pages (waitress serves with threads)."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self._pages: OrderedDict[tuple, str] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def page(self, view_key: Hashable, render: Callable[[], str], token: str | None = None) -> str:
        """The page for ``view_key`` and this request, with ``token`` (this person's
        CSRF token; by default the request's own) put in.

        ``view_key`` is what the view alone knows the page shows (a ``ScreenKey``);
        the request's part is added here (``request_key``). ``render`` draws the
        page the first time, with ``csrf_token()`` giving the
        placeholder (templating.py); a page that still holds the real token is
        refused, so that a template that finds the token some other way fails
        loudly instead of handing one person's token to the next.
        """
        key = (view_key, request_key())
        if token is None:
            token = signed_csrf_token()
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
                self.hits += 1
        if page is None:
            g.falc_rendering_for_cache = True
            try:
                page = render()
            finally:
                g.falc_rendering_for_cache = False
            if token in page:
                raise RuntimeError("a page holding a real CSRF token cannot be cached")
            with self._lock:
                self.misses += 1
                self._pages[key] = page
                while len(self._pages) > self.size:
                    self._pages.popitem(last=False)
        return page.replace(CSRF_PLACEHOLDER, token)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()

    def __len__(self) -> int:
        return len(self._pages)


def csrf_token() -> str:
    """The templates' ``csrf_token()``: this request's token, or the placeholder
    while a page is rendered for the cache (even inside imported macros)."""
    return CSRF_PLACEHOLDER if g.get("falc_rendering_for_cache") else signed_csrf_token()
