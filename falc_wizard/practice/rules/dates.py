"""Dates: the birth date, typed in 3 inputs (day, month, year) like on the real site."""

from __future__ import annotations

from datetime import date, datetime
from typing import Callable, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .common import N_, Errors, FieldRule, Input, Message, Refusal, clean, first_refusal, is_empty, not_digits, raw


DAY, MONTH, YEAR = "jour", "mois", "annee"
FIRST_YEAR = 1900


def _today_in_france() -> date:
    """Today where the real site is.

    The server may run in UTC, and a French birthday starts at midnight in Paris.
    """
    try:
        return datetime.now(ZoneInfo("Europe/Paris")).date()
    except ZoneInfoNotFoundError:
        return date.today()


def _outside(low: int, high: int) -> Callable[[str], bool]:
    """The test of a part of the date typed in digits: wrong when it is not 1 or 2 digits from low to high."""
    return lambda text: len(text) > 2 or not low <= int(text) <= high


# Each part of the date is checked alone, with the real site's order: typed, digits, range.
_check_day = first_refusal(
    Refusal(is_empty, N_("J'écris le jour de ma naissance.")),
    Refusal(not_digits, N_("J'écris le jour avec des chiffres.")),
    Refusal(_outside(1, 31), N_("Le jour n'est pas bon. J'écris un nombre de 1 à 31.")),
)
_check_month = first_refusal(
    Refusal(is_empty, N_("J'écris le mois de ma naissance.")),
    Refusal(not_digits, N_("J'écris le mois avec des chiffres. Par exemple : 3 pour mars.")),
    Refusal(_outside(1, 12), N_("Le mois n'est pas bon. J'écris un nombre de 1 à 12.")),
)
_check_year = first_refusal(
    Refusal(is_empty, N_("J'écris l'année de ma naissance.")),
    Refusal(not_digits, N_("J'écris l'année avec des chiffres.")),
    Refusal(lambda text: len(text) != 4, N_("J'écris l'année avec 4 chiffres. Par exemple : 1985.")),
    Refusal(lambda text: int(text) < FIRST_YEAR, N_("L'année est trop ancienne. J'écris une année à partir de 1900.")),
)


def check_birth_date(values: Mapping[str, str], today: date | None = None) -> Errors:
    """Check a birth date typed in 3 inputs.

    Each input is checked alone first, so the message sits next to the input
    to fix. Only when the 3 parts are right is the whole date checked: a real
    calendar date (no 30 February), strictly before today. ``today`` is a
    parameter so tests do not depend on the clock.
    """
    day, month, year = (clean(raw(values, name)) for name in (DAY, MONTH, YEAR))
    parts = {DAY: _check_day(day), MONTH: _check_month(month), YEAR: _check_year(year)}
    errors = {name: message for name, message in parts.items() if message}
    if errors:
        return errors
    try:
        birth = date(int(year), int(month), int(day))
    except ValueError:
        return {DAY: Message(N_("Ce jour n'existe pas dans ce mois. Je vérifie le jour."))}
    today = today or _today_in_france()
    if birth == today:
        return {YEAR: Message(N_("C'est la date d'aujourd'hui. J'écris ma date de naissance."))}
    if birth > today:
        return {YEAR: Message(N_("Cette date n'est pas encore passée. Je vérifie l'année."))}
    return {}


#: date_naissance: 3 inputs, day, month, year.
BIRTH_DATE = FieldRule(
    "date_naissance",
    (
        Input(DAY, N_("Jour"), inputmode="numeric", autocomplete="bday-day", size=2),
        Input(MONTH, N_("Mois"), inputmode="numeric", autocomplete="bday-month", size=2),
        Input(YEAR, N_("Année"), inputmode="numeric", autocomplete="bday-year", size=4),
    ),
    "14 07 1985",
    check_birth_date,
    given_sample={DAY: "14", MONTH: "07", YEAR: "1985"},
)
