"""The HTML of a refused practice field is well formed: each attribute stands apart from the next.

A browser reads ``aria-describedby="a"aria-invalid="true"`` as two attributes, but it is
invalid HTML (the Nu checker's "no space between attributes"), and a conditional attribute
written straight after another (``data-passwordaria-describedby="a"``) is one attribute a
screen reader never hears. The check is strict on the start tags' syntax (the HTML
standard's ``missing-whitespace-between-attributes``), with no parser to install.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from falc_wizard import engine
from support import VALID

#: A start tag as the HTML standard writes it: a name, then attributes, each after white space.
STRICT_TAG = re.compile(
    r"""<[a-zA-Z][^\s/>]*(?:\s+[^\s/>="']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>""")


def attribute_errors(page: str) -> list[str]:
    """Every start tag whose attributes are not each set apart, or whose attribute name holds another's start."""
    errors = [page[start:start + 120] for start in (m.start() for m in re.finditer(r"<[a-zA-Z]", page))
              if not STRICT_TAG.match(page, start)]

    class Names(HTMLParser):
        def handle_starttag(self, tag, attrs):
            errors.extend(f"<{tag} {name}=…>" for name, _ in attrs if re.search(r".(aria-|data-)", name))

    Names().feed(page)
    return errors


def test_the_strict_check_sees_what_it_is_for():
    assert attribute_errors('<p><input id="a" aria-invalid="true" data-password>') == []
    assert attribute_errors('<input aria-describedby="a"aria-invalid="true">')
    assert attribute_errors('<input value="" data-passwordaria-describedby="a">')


@pytest.mark.parametrize("step_id, refused", [
    ("mot-de-passe", {"mot_de_passe": "abc", "confirmation": "abd"}),  # a password with its checklist
    ("date", None),  # three inputs, each with the example
    ("code-saisir", None),
])
def test_a_refused_practice_field_has_each_attribute_apart(app, visitor, step_id, refused):
    journey = app.extensions["falc_journeys"]["activer"]
    practice = journey.in_mode(True)
    path = next(p for p in engine.all_paths(journey, practice=True) if step_id in p)
    visitor.start(journey, practice=True)
    visitor.walk_to(journey, path, step_id, practice=True)
    wrong = refused or {name: "²" for name in VALID[practice.steps[step_id].field]}
    visitor.post(data=wrong)
    assert 'aria-invalid="true"' in visitor.page, "the field is refused"
    assert attribute_errors(visitor.page) == []
