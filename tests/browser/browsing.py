"""What every browser test shares that is not a fixture: Chromium's settings, the
browser contexts the person may use, and the wait before looking at a page.

A page is looked at (audited, measured, its focus read) only once it is fully
loaded: its ``load`` event fired, every stylesheet parsed, every font ready.
Before that, Chromium lays the page out with its default styles: a footer
button then measures 21 px high although ``style.css`` makes it 48 px, which
made the audit fail now and then. ``wait_until_ready`` is that one wait.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

#: How long an expectation may wait before it fails, as long as an action may (Playwright's
#: 30 s): its own 5 s are short for a 2-core machine running Chromium twice (make test's
#: 2 workers) next to other work, and a slow machine must make the suite slower, not red.
EXPECT_TIMEOUT_MS = 30_000

#: The viewports the person may use: a tablet (the main one) and a phone.
TABLET = {"width": 768, "height": 1024}
PHONE = {"width": 390, "height": 844}


def context_options(**extra) -> dict:
    """A French tablet (the app follows the browser's language), plus ``extra`` options."""
    return {"viewport": TABLET, "locale": "fr-FR", **extra}


# True once the document is complete, each of its stylesheets is parsed (a <link>
# has its .sheet with rules only then) and the fonts are ready. It is run by
# Playwright, not by the page, so it works with the page's JavaScript off too.
_READY = """() => document.readyState === 'complete'
  && [...document.querySelectorAll('link[rel~=stylesheet]')].every((link) => {
       try { return link.sheet !== null && link.sheet.cssRules.length > 0; } catch (e) { return false; }
     })
  && (!document.fonts || document.fonts.status === 'loaded')"""


def wait_until_ready(page) -> None:
    """Wait until the page now shown is fully loaded and styled, before any audit or measure.

    Call it once the new page is known to be there (its URL or one of its texts
    checked): right after a click, the old page would still count as loaded.
    """
    page.wait_for_load_state("load")
    page.wait_for_function(_READY, polling=50)
