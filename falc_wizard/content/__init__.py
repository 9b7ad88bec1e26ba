"""The content room: what a journey is (model, kinds, pages, site), how files are read and checked.

Pure Python, no Flask. The names most rooms use are handed on here.
"""

from .checks import UNVERIFIED_NOTE
from .kinds import KINDS, STEP_KINDS, Choice, Step
from .loader import load_file, load_journeys, parse_journey
from .model import Journey, Need, Part
from .pages import Element, Page
from .pictograms import titles
from .site import CONTENT_DIR, SITE_FILE, Site, load_site
from .values import DONE, GUIDE, NO_SOURCE, PRACTICE, ContentError

__all__ = [
    "CONTENT_DIR", "DONE", "GUIDE", "KINDS", "NO_SOURCE", "PRACTICE", "SITE_FILE", "STEP_KINDS",
    "UNVERIFIED_NOTE", "Choice", "ContentError", "Element", "Journey", "Need", "Page", "Part",
    "Site", "Step", "load_file", "load_journeys", "load_site", "parse_journey", "titles",
]
