"""Reading QR codes back, as a phone would: PNG bytes or an inline SVG, into a real decoder (zxing-cpp).

Only QR codes are looked for. With every format on, zxing may also "find" a
linear barcode in a row of the QR code's modules (a false positive seen on CI:
two different texts for one picture), so every test reads through here.
"""

from __future__ import annotations

import io
import re

import zxingcpp
from PIL import Image, ImageDraw

_SVG = re.compile(r'<svg class="qr"[^>]*viewBox="0 0 (\d+) (\d+)".*?</svg>', re.S)
_RUN = re.compile(r"M(\d+),(\d+)h(\d+)v1h-\d+z")


def read_codes(image: Image.Image) -> list[zxingcpp.Barcode]:
    """The QR codes zxing finds in ``image``, each text once (it may report one code twice)."""
    found: dict[str, zxingcpp.Barcode] = {}
    for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        found.setdefault(code.text, code)
    return list(found.values())


def decode_image(image: Image.Image) -> list[str]:
    return [code.text for code in read_codes(image)]


def decode_png(data: bytes) -> list[str]:
    return decode_image(Image.open(io.BytesIO(data)))


def svgs(page: str) -> list[str]:
    """Every inline QR code SVG of a page."""
    return [match.group(0) for match in _SVG.finditer(page)]


def decode_svg(svg: str, scale: int = 8) -> list[str]:
    """Draw the SVG's modules (the path's runs of dark modules, one row high) and decode."""
    size = int(_SVG.match(svg).group(1))
    image = Image.new("L", (size * scale, size * scale), 255)
    draw = ImageDraw.Draw(image)
    for x, y, width in _RUN.findall(svg):
        x, y, width = int(x), int(y), int(width)
        draw.rectangle([x * scale, y * scale, (x + width) * scale - 1, (y + 1) * scale - 1], fill=0)
    return decode_image(image)
