"""Walking a journey in the real browser: which paths, and how (mouse or keyboard alone).

A journey like "activer" has dozens of paths of about thirty screens: walking
all of them in a browser would take far too long. ``covering_walks`` picks a
few walks that together take every choice of every choice step at least once,
which is what "every branch" needs.
"""

from __future__ import annotations


from playwright.sync_api import expect

from falc_wizard import engine
from falc_wizard.practice.copy import uses_copy
from falc_wizard.content import Journey

from .browsing import wait_until_ready

#: One walk: (step id, answer) pairs, the answer is a choice id or DONE; the end step has None.
Walk = tuple[tuple[str, str | None], ...]


def all_walks(journey: Journey, practice: bool = False) -> list[Walk]:
    """Every walk from the first step to an end, with the answer given at each step,
    in one mode (each mode walks its own steps: ``only`` in the journey files)."""
    journey = journey.in_mode(practice)
    walks: list[Walk] = []

    def go(trail: tuple, step_id: str) -> None:
        step = journey.steps[step_id]
        if step.is_end:
            walks.append(trail + ((step_id, None),))
            return
        for answer in step.answers():
            go(trail + ((step_id, answer),), step.next_for(answer))

    go((), journey.first)
    return walks


def choice_edges(journey: Journey, walk: Walk) -> set[tuple[str, str]]:
    return {(step_id, answer) for step_id, answer in walk if journey.steps[step_id].kind == "choice"}


def _greedy_cover(walks: list[Walk], features) -> list[Walk]:
    """A few walks that together have every feature of ``walks`` (greedy set cover).

    At each round, the walk with the most features not had yet wins (the shorter
    one on a tie), so the result is small and always the same. No feature at
    all: the shortest walk.
    """
    left = set().union(*(features(w) for w in walks))
    chosen: list[Walk] = []
    while left:
        best = max(walks, key=lambda w: (len(features(w) & left), -len(w)))
        chosen.append(best)
        left -= features(best)
    return chosen or [min(walks, key=len)]


def covering_walks(journey: Journey) -> list[Walk]:
    """A few guide walks that together take every choice at least once."""
    return _greedy_cover(all_walks(journey), lambda walk: choice_edges(journey, walk))


def field_steps(journey: Journey, walk: Walk) -> set[str]:
    return {step_id for step_id, _ in walk if journey.steps[step_id].kind == "field"}


def field_walks(journey: Journey) -> list[Walk]:
    """A few practice walks that together reach every practice field a practice walk can reach.

    Practice mode differs from the guide on the practised screens (the drawn page);
    its choices are the guide's, walked by ``covering_walks``. A journey without a
    field gets its shortest walk, for the practice banner.
    """
    return _greedy_cover(all_walks(journey, practice=True), lambda walk: field_steps(journey, walk))


def walks_for(journey: Journey, practice: bool) -> list[Walk]:
    """What the browser suite walks: every choice in guide mode, every practice field in practice mode."""
    return field_walks(journey) if practice else covering_walks(journey)


def shortest_walk(journey: Journey, practice: bool = False) -> Walk:
    return min(all_walks(journey, practice), key=len)


def steps_of(walk: Walk) -> list[str]:
    return [step_id for step_id, _ in walk]



def start(page, base: str, journey: Journey, practice: bool, auditor=None, keyboard=False) -> None:
    """Open the journey's start screen and choose guide ("Je commence") or practice ("Je m'entraîne")."""
    mode = "entrainement" if practice else "guide"
    page.goto(f"{base}/parcours/{journey.id}")
    if auditor:
        auditor.audit(page, mode)
    button = f"form:has(input[name=mode][value={mode}]) button"
    if keyboard:
        tab_to(page, button)
        page.keyboard.press("Enter")
    else:
        page.locator(button).click()


def walk(page, base: str, journey: Journey, walk: Walk, practice: bool, valid: dict,
         auditor=None, keyboard=False) -> None:
    """Walk one path to its end and "J'ai fini", checking the URL and "Étape n sur N, écran k sur M" on each screen.

    With ``keyboard``, only Tab, Enter and Space are used to move and press
    (the practice values are typed); otherwise the mouse clicks.
    """
    mode = "entrainement" if practice else "guide"
    journey = journey.in_mode(practice)
    start(page, base, journey, practice, auditor, keyboard)
    state = engine.start(journey, practice)  # what the engine says each screen's progress is
    for position, (step_id, answer) in enumerate(walk):
        expect(page).to_have_url(f"{base}/parcours/{journey.id}/{step_id}")
        shown = engine.progress(journey, state, step_id)
        expect(page.locator(".progress-text")).to_have_text(
            f"Étape {shown.position} sur {shown.total}, écran {shown.screen} sur {shown.screens}")
        if answer is not None:
            state = engine.walk(journey, state).advance(step_id, answer).state
        step = journey.steps[step_id]
        if auditor:
            # Practice mode only adds its banner to a screen that has no practice field:
            # that banner is audited on the journey's first screen, the rest once for both modes.
            differs = step.kind == "field" or position == 0
            auditor.audit(page, mode if differs else "guide ou entrainement")
        if step.is_end:
            press(page, "form[action$='/fini'] button", keyboard, "Enter")
            expect(page).to_have_url(f"{base}/")
            return
        on_copy = uses_copy(practice, step)  # practice on the drawn page: press its element
        if step.kind == "choice":
            if on_copy:
                press(page, f".site-copy-form button[name=element][value='{step.choice(answer).target}']", keyboard, "Space")
            else:
                press(page, f"button[name=choix][value='{answer}']", keyboard, "Space")
            continue
        if step.kind == "action" and on_copy:
            press(page, f".site-copy-form button[name=element][value='{step.target}']", keyboard, "Enter")
            continue
        if step.kind == "field" and practice:
            for name, value in valid[step.field].items():
                field = f"main form [name='{name}']"
                if keyboard:
                    tab_to(page, field)
                    page.keyboard.type(value)
                else:
                    page.locator(field).fill(value)
        press(page, "main form .button-main", keyboard, "Enter")
    raise AssertionError(f"the walk of {journey.id} did not reach an end")


def press(page, selector: str, keyboard: bool, key: str) -> None:
    if keyboard:
        tab_to(page, selector)
        page.keyboard.press(key)
    else:
        page.locator(selector).click()


#: Enough Tab presses to cross any screen (header, main, help, footer).
MAX_TABS = 60

_FOCUS = """(selector) => {
  const el = document.activeElement;
  if (!el || !el.matches(selector)) return null;
  const style = getComputedStyle(el);
  return {outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
}"""


def tab_to(page, selector: str) -> None:
    """Press Tab until the element is focused; its focus must be clearly visible."""
    wait_until_ready(page)  # the focus style is read from the stylesheet
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS, selector)
        if focus is not None:
            assert focus["outline"] != "none" and focus["width"] >= 3, (
                f"focus is not clearly visible on {selector} at {page.url}: {focus}")
            return
    raise AssertionError(f"Tab never reaches {selector} on {page.url}")


def open_practice_step(page, base: str, journey: Journey, path: list[str], step_id: str, valid: dict) -> None:
    """Start the journey in practice mode and follow ``path`` (a practice path) with the mouse
    until ``step_id`` is shown."""
    journey = journey.in_mode(True)
    start(page, base, journey, practice=True)
    for position, current in enumerate(path[:path.index(step_id)]):
        expect(page).to_have_url(f"{base}/parcours/{journey.id}/{current}")
        step = journey.steps[current]
        on_copy = uses_copy(True, step)
        if step.kind == "choice":
            following = path[position + 1]
            choice = next(c for c in step.choices if c.next == following)
            if on_copy:
                page.locator(f".site-copy-form button[name=element][value='{choice.target}']").click()
            else:
                page.locator(f"button[name=choix][value='{choice.id}']").click()
            continue
        if step.kind == "action" and on_copy:
            page.locator(f".site-copy-form button[name=element][value='{step.target}']").click()
            continue
        if step.kind == "field":
            for name, value in valid[step.field].items():
                page.locator(f"main form [name='{name}']").fill(value)
        page.locator("main form .button-main").click()
    expect(page).to_have_url(f"{base}/parcours/{journey.id}/{step_id}")
    wait_until_ready(page)
