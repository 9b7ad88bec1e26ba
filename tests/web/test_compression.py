"""Compressed responses for browsers that accept gzip; every screen light enough for a weak connection."""

from __future__ import annotations

import gzip
import re

import pytest

from support import Visitor

GZIP = {"Accept-Encoding": "gzip, deflate, br"}
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="(/[^"]+)"')


@pytest.mark.parametrize("url", ["/", "/parcours/activer", "/static/style.css", "/static/app.js",
                                 "/pictogrammes/activer.svg"])
def test_text_is_gzipped_for_a_browser_that_accepts_it(client, url):
    plain = client.get(url)
    packed = client.get(url, headers=GZIP)
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed.headers["Vary"]
    body = gzip.decompress(packed.data)
    assert len(packed.data) < len(body)
    if url.startswith("/static/") or url.startswith("/pictogrammes/"):
        assert body == plain.data
    else:  # a page holds the person's token: same page, another token
        assert re.sub(rb'value="[^"]{40,}"', b"", body) == re.sub(rb'value="[^"]{40,}"', b"", plain.data)


@pytest.mark.parametrize("url", ["/static/style.css", "/pictogrammes/activer.svg"])
def test_a_compressed_file_has_its_own_etag_and_still_gets_its_304(client, url):
    plain = client.get(url)
    first = client.get(url, headers=GZIP)
    assert first.headers["Content-Encoding"] == "gzip"
    assert first.headers["ETag"] != plain.headers["ETag"], "another representation, another ETag"
    again = client.get(url, headers={**GZIP, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_small_binary_or_partial_responses_are_left_alone(client):
    assert "Content-Encoding" not in client.get("/sante", headers=GZIP).headers  # a few bytes of JSON
    assert "Content-Encoding" not in client.get("/fiches/activer.png", headers=GZIP).headers
    partial = client.get("/static/style.css", headers={**GZIP, "Range": "bytes=0-99"})
    assert partial.status_code == 206 and "Content-Encoding" not in partial.headers


def test_every_screen_of_a_journey_with_its_assets_weighs_at_most_40_kb(client):
    """A step screen with everything it loads, before compression."""
    visitor = Visitor(client)
    visitor.get("/parcours/activer")
    visitor.post(data={"mode": "guide"})
    heaviest, screens = 0, 0
    while True:
        page = client.get(visitor.url).data
        assets = set(ASSET.findall(page.decode()))
        weight = len(page) + sum(len(client.get(asset).data) for asset in assets)
        heaviest, screens = max(heaviest, weight), screens + 1
        if "J'ai fini" in visitor.page or screens > 80:
            break
        choice = re.search(r'name="choix" value="([^"]+)"', visitor.page)
        visitor.post(data={"choix": choice.group(1)} if choice else {})
    assert screens > 10
    assert heaviest <= 40 * 1024, heaviest


@pytest.mark.parametrize("header, gzipped", [
    ("gzip;q=0", False),
    ("gzip; q=0.000, deflate", False),
    ("*;q=0.5, gzip;q=0", False),
    ("identity", False),
    ("deflate, br", False),
    ("x-gzip-not-really", False),
    ("GZIP;Q=0.5", True),
    ("*", True),
    ("br;q=1.0, gzip;q=0.8", True),
])
def test_gzip_is_sent_only_where_the_browser_accepts_it(client, header, gzipped):
    """Accept-Encoding as RFC 9110 reads it: q=0 means "not acceptable"."""
    for url in ("/", "/static/style.css"):
        response = client.get(url, headers={"Accept-Encoding": header})
        assert response.status_code == 200
        assert (response.headers.get("Content-Encoding") == "gzip") is gzipped, (url, header)
        assert response.data.startswith(b"\x1f\x8b") is gzipped, url  # gzip's magic number
