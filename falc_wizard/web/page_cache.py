"""Rendered pages, kept for whoever asks for the same screen: the one cache on the request path.

It keeps the step pages, and the printed pages (booklet, review kit) that take a
tenth of a second to draw and are the same for everyone who asks for them.

A step page is mostly fixed text: the same screen, in the same language, mode
and display settings, after the same answers, is the same HTML for everyone.
Rendering it (Jinja, about forty translated sentences, twenty URLs) is most of a
request's time, so each worker keeps the pages it rendered, in a small LRU.

The key is made here, and only here (``page_key``), from everything that makes
the page:
- how the site is reached: the scheme, the host and where it is mounted (the
  links' prefix, ``request.script_root``, which a proxy's ``X-Forwarded-Prefix``
  sets): ``url_for`` writes them into every link;
- the page's own address with its query string (written back in the settings link);
- the language, the display settings, and which audio files are made so far;
- on a step page, the person's journey, mode and every stored answer
  (``engine.State``): the path, the step shown, "Retour", the progress and the
  choice already made all follow from them (a printed page has no state).
So whatever one visitor sends (a header, a cookie, a query string) can only give
that visitor another page, never change the page another visitor is served.
The view hands over the state and a function that draws the page; it builds no key.

What is never kept, whatever the key:
- the CSRF token: the page is rendered with ``CSRF_PLACEHOLDER`` where the
  token goes (``csrf_token()`` below is the templates' one), and each response
  gets its own person's token put in;
- a typed value or an error message: a request with a query string is drawn and
  never kept, and the view never asks for a page with errors or a press on the
  practice copy;
- a resume link: the "Je continue plus tard" page is not a step page.
A key holds ids and the page's address only, never anything typed.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Hashable

from flask import current_app, g, request

from ..engine import State
from .display import display_settings
from .i18n import current_language
from .security import csrf_token as signed_csrf_token

#: Stands where a CSRF token goes while a page is rendered for the cache. Only
#: letters and dashes: Jinja's escaping leaves it as it is.
CSRF_PLACEHOLDER = "csrf-token-of-this-request-goes-here"

#: Pages per worker. A page is about 12 KB: at most 6 MB per worker.
DEFAULT_SIZE = 512


def page_key(state: State | None) -> tuple[Hashable, ...]:
    """Everything that makes a page: two requests with equal keys get the same page."""
    # The audio files made so far: a page names only those (listening.py), and a render in
    # the background adds more.
    audio = current_app.extensions.get("falc_audio")
    return (
        request.scheme,
        request.host,
        request.script_root,
        request.full_path,
        current_language(),
        tuple(sorted(display_settings().items())),
        audio.folder.version() if audio is not None else None,
    ) + ((state.journey_id, state.practice, tuple(state.answers.items())) if state is not None else ())


class PageCache:
    """A bounded, thread-safe LRU of rendered pages (waitress serves with threads)."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self._pages: OrderedDict[tuple, str] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def page(self, state: State | None, render: Callable[[], str]) -> str:
        """The page of this request (a step page for a person in ``state``; a printed page
        has none), with their CSRF token.

        ``render`` draws the page the first time, with ``csrf_token()`` giving the
        placeholder (templating.py); a page that still holds the real token is
        refused, so that a template that finds the token some other way fails
        loudly instead of handing one person's token to the next.
        """
        if request.query_string:
            return render()
        key = page_key(state)
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
