"""Make the site's icons from the "dossier-sante" pictogram: favicon.ico and the manifest's PNGs.

Run once after the pictogram changes (`.venv/bin/python tools/icons.py`); the
files are committed in falc_wizard/static/. Debian's Chromium draws the SVG
(through Playwright, as the browser tests do); Pillow then keeps 32 colours
(a flat pictogram needs no more), which makes the 192 px icon a third of its
size: every screen links it, and every screen must weigh at most 40 KB. The
.ico holds one 48 px PNG, which every current browser reads.
"""

from __future__ import annotations

import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PICTOGRAM = ROOT / "falc_wizard" / "pictograms" / "dossier-sante.svg"
STATIC = ROOT / "falc_wizard" / "static"
CHROMIUM = "/usr/bin/chromium"

#: A white rounded square with the pictogram in its safe zone (80 %, for "maskable" home screens).
PAGE = """<!doctype html><html><body style="margin:0">
<div style="width:{size}px;height:{size}px;background:#fff;display:flex;align-items:center;justify-content:center">
<img src="data:image/svg+xml;base64,{svg}" width="{inner}" height="{inner}"></div></body></html>"""


def render(size: int) -> bytes:
    import base64

    from playwright.sync_api import sync_playwright

    svg = base64.b64encode(PICTOGRAM.read_bytes()).decode("ascii")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": size, "height": size})
        page.set_content(PAGE.format(size=size, inner=round(size * 0.8), svg=svg))
        png = page.screenshot(clip={"x": 0, "y": 0, "width": size, "height": size})
        browser.close()
    return png


def few_colours(png: bytes, colours: int = 32) -> bytes:
    """The same picture as a palette PNG: no dithering, so flat areas stay flat."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("RGB").quantize(colours, dither=Image.Dither.NONE).save(out, "PNG", optimize=True)
    return out.getvalue()


def ico(png: bytes, size: int) -> bytes:
    """An .ico file holding one PNG image (ICONDIR, one ICONDIRENTRY, the PNG)."""
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


def main() -> None:
    for size in (192, 512):
        (STATIC / f"icon-{size}.png").write_bytes(few_colours(render(size)))
    (STATIC / "favicon.ico").write_bytes(ico(few_colours(render(48)), 48))


if __name__ == "__main__":
    main()
