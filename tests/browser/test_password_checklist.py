"""The live password checklist (static/checklist.js) agrees with the Python rule (practice.rules.accounts).

The person sees each rule ticked as they type; the server then checks the same
rules. If the two disagreed, the checklist would tick everything and the server
refuse the password (as "Soleil-٣abc" once was: an Arabic-Indic digit), or
count differently (an emoji is 1 character for Python, 2 UTF-16 units for a
naive script). So the script's own function is run in Chromium and compared with
Python's, on every character and on whole passwords typed into the real page.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from playwright.sync_api import expect

from falc_wizard import engine
from falc_wizard.content import load_journeys
from falc_wizard.practice.rules import FIELD_RULES, password_rules
from support import VALID

from .browsing import wait_until_ready
from .walking import open_practice_step

KEYS = [key for key, _ in FIELD_RULES["mot_de_passe"].checklist]
#: The rules about one character (the length is about the whole value).
CHARACTER_KEYS = [key for key in KEYS if key != "longueur"]

#: Whole passwords, typed into the page: the two a review found first.
CASES = [
    "Soleil-٣abc",     # an Arabic-Indic digit is not a digit from 0 to 9
    "Aa1-😀😀",        # 6 characters (code points), not 8 UTF-16 units
    "Aa1-😀😀😀😀",    # 8 characters
    "",
    "abc",
    "Soleil-2024",
    "Été 2024 au soleil",
    "ÉCOLE1!",         # 7 characters
    "straße1-ΣΑΣ",     # ß and Greek letters
    "Ⅻaaaaaa1",        # a Roman numeral: uppercase (Python's isupper), not special
    "Ⓐbcdefg1",        # a circled letter: uppercase too
    "ǅungle-12",       # a titlecase letter: neither upper nor lower case
    "AAAA aaaa 1111",  # a space is special
    "Aa1\u00a0aaaaa",  # so is a no-break space
    "Aa1\u0301aaaaa",  # a combining accent (a mark, not a letter): special
    "Ａｂｃｄｅｆ１-",  # full-width letters and digit: the digit is not 0 to 9
    "一二三四五六七A1",  # Chinese numerals are letters (Lo) for both
    "a\U0001d400bcdefg1",  # a mathematical bold capital A, outside the 16-bit range
]

_RANGES = """(keys) => {
  // For each rule, the ranges [first, last] of code points it accepts, one character at a time.
  const ranges = {};
  keys.forEach((key) => { ranges[key] = []; });
  for (let cp = 0; cp < 0x110000; cp++) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates: not characters
    const met = window.falcPasswordRules(String.fromCodePoint(cp));
    for (const key of keys) {
      if (!met[key]) continue;
      const list = ranges[key], last = list[list.length - 1];
      if (last && last[1] === cp - 1) last[1] = cp; else list.push([cp, cp]);
    }
  }
  return ranges;
}"""

_CATEGORY = """(cps) => {
  const categories = ['Lu','Ll','Lt','Lm','Lo','Mn','Mc','Me','Nd','Nl','No','Pc','Pd','Ps','Pe','Pi','Pf','Po',
                      'Sm','Sc','Sk','So','Zs','Zl','Zp','Cc','Cf','Co','Cn'];
  return cps.map((cp) => categories.find((gc) => new RegExp(`^\\\\p{gc=${gc}}$`, 'u').test(String.fromCodePoint(cp))) || '?');
}"""


def _python_characters():
    """Every character Python's Unicode tables know (unassigned code points have no rule to agree on)."""
    return [chr(cp) for cp in range(0x110000)
            if not 0xD800 <= cp <= 0xDFFF and unicodedata.category(chr(cp)) != "Cn"]


def test_the_script_and_python_agree_on_every_character(page, live_server):
    page.goto(live_server + "/")
    page.add_script_tag(url=live_server + "/static/checklist.js")
    wait_until_ready(page)
    ranges = page.evaluate(_RANGES, CHARACTER_KEYS)
    accepted_by_script = {key: set() for key in CHARACTER_KEYS}
    for key, spans in ranges.items():
        for first, last in spans:
            accepted_by_script[key].update(range(first, last + 1))
    characters = _python_characters()
    known = {ord(char) for char in characters}
    by_python = {key: set() for key in CHARACTER_KEYS}
    for char in characters:
        for key, met in password_rules(char).items():
            if met and key in by_python:
                by_python[key].add(ord(char))
    disagree = {key: sorted((by_python[key] ^ accepted_by_script[key]) & known) for key in CHARACTER_KEYS}
    # Python and Chromium may carry different Unicode versions: a character whose
    # general category differs between them, or a modifier letter (Lm: Unicode 15
    # made some lowercase), is a difference of tables, not of rules.
    everything = sorted({cp for cps in disagree.values() for cp in cps})
    script_category = dict(zip(everything, page.evaluate(_CATEGORY, everything))) if everything else {}
    for key, cps in disagree.items():
        real = [f"U+{cp:04X} {unicodedata.name(chr(cp), '?')} ({unicodedata.category(chr(cp))})"
                for cp in cps
                if script_category[cp] == unicodedata.category(chr(cp)) != "Lm"]
        assert not real, f"{key}: the script and Python disagree on {real[:10]}"
    # The comparison is not empty: each rule accepts many characters, and the digit only 0 to 9.
    assert len(accepted_by_script["majuscule"]) > 1000 and len(accepted_by_script["minuscule"]) > 1000
    assert accepted_by_script["chiffre"] == set(range(ord("0"), ord("9") + 1))


def test_the_script_counts_characters_like_python(page, live_server):
    page.goto(live_server + "/")
    page.add_script_tag(url=live_server + "/static/checklist.js")
    wait_until_ready(page)
    for value in CASES + ["😀" * 7, "😀" * 8, "e\u0301" * 4, "\U0001d400" * 8]:
        assert page.evaluate("(v) => window.falcPasswordRules(v).longueur", value) == password_rules(value)["longueur"], value


def _password_step():
    """A journey, a path and the step of it where a new password is chosen (with the checklist)."""
    for journey in load_journeys().values():
        for path in engine.all_paths(journey, practice=True):
            for step_id in path:
                step = journey.steps[step_id]
                if step.kind == "field" and FIELD_RULES[step.field].checklist:
                    return journey, path, step_id
    pytest.fail("no journey has a password step")


def test_the_checklist_ticks_what_python_accepts_as_the_person_types(page, live_server):
    journey, path, step_id = _password_step()
    open_practice_step(page, live_server, journey, path, step_id, VALID)
    field = page.locator("main form [data-password]").first
    items = page.locator("[data-checklist] [data-rule]")
    expect(items).to_have_count(len(KEYS))
    ticked = re.compile(r"(^|\s)ok(\s|$)")
    for value in CASES:
        field.fill(value)
        expected = password_rules(value)
        for key in KEYS:
            item = page.locator(f"[data-checklist] [data-rule='{key}']")
            if expected[key]:
                expect(item, f"{key} of {value!r}").to_have_class(ticked)
            else:
                expect(item, f"{key} of {value!r}").not_to_have_class(ticked)
