"""What every page must pass in the browser: axe-core, text and target sizes, no sideways scroll.

The person may have low vision or poor motor control, and uses a tablet (or a
phone). So each distinct page is checked once (cached by URL path, mode and
display settings, to keep the suite fast) for:

- axe-core (WCAG 2.0/2.1/2.2 A and AA rules, plus best practices): no violation;
- text: every visible text at least 20 CSS px;
- touch targets: every link, button, field and summary at least 44 × 44 CSS px,
  not overlapping another target and with space between them;
- reach: no horizontal scrolling on a tablet (768 px), a phone (390 px) and at
  320 px wide, which is also what a 1280 px screen shows at 400 % zoom.

Set FALC_SCREENSHOTS=<folder> to also write a tablet-size screenshot of every
distinct page there, for people to review.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from .browsing import PHONE, TABLET, wait_until_ready

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"

#: WCAG 2.2 A and AA (axe tags every rule with the version that introduced it), plus best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

#: 400 % zoom of a 1280 px wide screen shows a 320 px wide page (WCAG 1.4.10 Reflow).
ZOOM_400 = {"width": 1280 // 4, "height": 1024 // 4}

MIN_TEXT_PX = 20
MIN_TARGET_PX = 44
#: Space kept between two targets, so a shaking finger does not hit the neighbour.
MIN_GAP_PX = 8

_AXE_RUN = """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(result => result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary.replace(/\\s+/g, ' '))
  })))"""

# One pass over the page, in the page: returns a list of readable problems.
_MEASURE = r"""([minText, minTarget, minGap]) => {
  const problems = [];
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth > width) {
    const wide = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(-3).map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`);
    problems.push(`horizontal scroll: page is ${root.scrollWidth}px wide in ${width}px (widest: ${wide.join(', ')})`);
  }

  const visible = (el) => {
    // Inside a closed <details> an element keeps a layout box but is not drawn.
    if (el.checkVisibility && !el.checkVisibility()) return false;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) return false;            // hidden, or visually-hidden text for screen readers
    if (r.right <= 0) return false;                              // the skip link, off screen until focused
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  const describe = (el) => {
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || el.name || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}> "${text}"`;
  };

  // Text: every element that holds visible text directly.
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || seen.has(el) || !visible(el)) continue;
    seen.add(el);
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < minText - 0.01) problems.push(`text ${size}px < ${minText}px: ${describe(el)}`);
  }

  // Targets: what a finger must hit. A control inside a <label> counts with its label.
  const targets = [];
  document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])').forEach((el) => {
    if (!visible(el)) return;
    const hit = (el.matches('input, select, textarea') && el.closest('label')) || el;
    const r = hit.getBoundingClientRect();
    targets.push([hit, r]);
    if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5)
      problems.push(`target ${Math.round(r.width)}×${Math.round(r.height)}px < ${minTarget}px: ${describe(el)}`);
    if (r.right > width + 0.5) problems.push(`target cut at the right edge (${Math.round(r.right)}px > ${width}px): ${describe(el)}`);
  });
  for (let i = 0; i < targets.length; i++) {
    for (let j = i + 1; j < targets.length; j++) {
      const [a, ra] = targets[i], [b, rb] = targets[j];
      if (a === b || a.contains(b) || b.contains(a)) continue;
      const gapX = Math.max(rb.left - ra.right, ra.left - rb.right);
      const gapY = Math.max(rb.top - ra.bottom, ra.top - rb.bottom);
      if (Math.max(gapX, gapY) < minGap - 0.5)
        problems.push(`targets ${Math.round(Math.max(gapX, gapY))}px apart (< ${minGap}px): ${describe(a)} and ${describe(b)}`);
    }
  }
  return problems;
}"""


def run_axe(page) -> list[dict]:
    """The axe-core violations of the page, once it is fully loaded (axe is injected if needed)."""
    wait_until_ready(page)
    assert AXE_JS.exists(), f"axe-core is missing: `make axe` installs it in {AXE_JS.parent}"
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # evaluate() is not subject to the page's CSP, so the strict CSP stays on for the test.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    return page.evaluate(_AXE_RUN, AXE_TAGS)


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {node}" for node in v["nodes"])
    return "\n".join(lines)


def measure(page) -> list[str]:
    """Size and reach problems of the page at its current viewport, once it is fully loaded."""
    wait_until_ready(page)
    return page.evaluate(_MEASURE, [MIN_TEXT_PX, MIN_TARGET_PX, MIN_GAP_PX])


def check_layout(page) -> list[str]:
    """Sizes on the tablet, the phone and at 320 px (400 % zoom); the viewport is restored."""
    start = page.viewport_size or TABLET
    problems = []
    for name, size in (("tablet", TABLET), ("phone", PHONE), ("320px / 400% zoom", ZOOM_400)):
        page.set_viewport_size(size)
        problems += [f"[{name}] {p}" for p in measure(page)]
    page.set_viewport_size(start)
    return problems


def screenshot_folder() -> Path | None:
    folder = os.environ.get("FALC_SCREENSHOTS")
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


class Auditor:
    """Audits each distinct page once per session; collects problems instead of stopping at the first."""

    def __init__(self, seen: set | None = None):
        self.seen: set[tuple] = set() if seen is None else seen
        self.problems: list[str] = []
        self.audited = 0
        self.screenshots = screenshot_folder()

    def audit(self, page, mode: str, settings: str = "") -> None:
        path = urlsplit(page.url).path
        key = (path, mode, settings)
        if key in self.seen:
            return
        self.seen.add(key)
        self.audited += 1
        wait_until_ready(page)
        where = f"{path} [{mode}{', ' + settings if settings else ''}]"
        violations = run_axe(page)
        if violations:
            self.problems.append(f"axe on {where}:\n{format_violations(violations)}")
        layout = check_layout(page)
        if layout:
            self.problems.append(f"layout on {where}:\n  " + "\n  ".join(layout))
        if self.screenshots is not None:
            parts = [mode.replace(" ", "-"), settings, path.strip("/").replace("/", "_") or "accueil"]
            name = re.sub(r"[^a-z0-9_-]+", "", "-".join(p for p in parts if p).lower())
            page.screenshot(path=str(self.screenshots / f"{name}.png"), full_page=True)

    def assert_clean(self) -> None:
        assert not self.problems, "\n\n".join(self.problems)
