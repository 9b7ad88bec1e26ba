"""Practice ("Je m'entraîne"): the same procedure on a drawn copy of each real page.

- ``rules/``: the practice fields and how the real site checks them, one module per family;
- ``fields.py``: a field read from a posted form, checked, then forgotten;
- ``copy.py``: the drawn copy of the step's page: what a press means, the hint after a wrong
  press, the highlight, the elements already done, the fold, the code that arrives.

Pure Python, no Flask: sentences come out as French msgids (``rules.Message``) and are
translated by the caller, in the person's language, when the page is drawn.
"""
