"""The birth date (practice.rules.dates): a real calendar date, strictly before today in France."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from falc_wizard.practice import rules as pr
from falc_wizard.practice.rules import check, dates


# --------------------------------------------------------------------------
# date_naissance
# --------------------------------------------------------------------------

TODAY = date(2024, 6, 15)


def birth(day: str, month: str, year: str, today: date = TODAY) -> dict[str, str]:
    """input name -> msgid for a date checked as if today were ``today``."""
    errors = pr.check_birth_date({"jour": day, "mois": month, "annee": year}, today=today)
    return {name: message.text for name, message in errors.items()}


@pytest.mark.parametrize(
    "day, month, year",
    [
        ("14", "07", "1985"),
        ("1", "1", "1900"),
        (" 3 ", " 4 ", " 1990 "),
        ("29", "02", "2000"),  # 2000 is a leap year (divisible by 400)
        ("29", "2", "2024"),  # leap year
        ("14", "6", "2024"),  # yesterday
        ("31", "12", "1999"),
    ],
)
def test_date_valid(day, month, year):
    assert birth(day, month, year) == {}


def test_date_29_february_of_a_non_leap_year_is_refused_on_the_day():
    assert birth("29", "02", "2023") == {"jour": "Ce jour n'existe pas dans ce mois. Je vérifie le jour."}
    # 1900 is divisible by 100 but not by 400: not a leap year.
    assert birth("29", "02", "1900") == {"jour": "Ce jour n'existe pas dans ce mois. Je vérifie le jour."}


def test_date_31_april_does_not_exist():
    assert set(birth("31", "04", "1990")) == {"jour"}


def test_date_today_is_refused():
    assert birth("15", "06", "2024") == {"annee": "C'est la date d'aujourd'hui. J'écris ma date de naissance."}


def test_date_tomorrow_is_refused():
    assert birth("16", "06", "2024") == {"annee": "Cette date n'est pas encore passée. Je vérifie l'année."}


def test_date_far_future_is_refused():
    assert set(birth("1", "1", "2085")) == {"annee"}


def test_date_1899_is_refused_and_1900_accepted():
    assert birth("31", "12", "1899") == {
        "annee": "L'année est trop ancienne. J'écris une année à partir de 1900."
    }
    assert birth("1", "1", "1900") == {}


def test_date_uses_the_real_today_by_default():
    tomorrow = date.today() + timedelta(days=2)
    values = {"jour": str(tomorrow.day), "mois": str(tomorrow.month), "annee": str(tomorrow.year)}
    future = check("date_naissance", values)
    assert set(future) == {"annee"}
    assert check("date_naissance", {"jour": "14", "mois": "7", "annee": "1985"}) == {}


def test_today_in_france_is_a_date():
    assert abs(dates._today_in_france() - date.today()) <= timedelta(days=1)


#: For each part of the date, each message and what typed there gets it (the other 2 parts right).
EACH_PART = {
    "jour": {
        "J'écris le jour de ma naissance.": ["", "  "],
        "J'écris le jour avec des chiffres.": ["1e", "٣"],  # ٣: Arabic digit 3
        "Le jour n'est pas bon. J'écris un nombre de 1 à 31.": ["0", "32", "003"],
    },
    "mois": {
        "J'écris le mois de ma naissance.": [""],
        "J'écris le mois avec des chiffres. Par exemple : 3 pour mars.": ["juillet"],
        "Le mois n'est pas bon. J'écris un nombre de 1 à 12.": ["13", "00"],
    },
    "annee": {
        "J'écris l'année de ma naissance.": [""],
        "J'écris l'année avec des chiffres.": ["19 85"],
        "J'écris l'année avec 4 chiffres. Par exemple : 1985.": ["85", "01985"],
        "L'année est trop ancienne. J'écris une année à partir de 1900.": ["0985"],
    },
}
RIGHT_PARTS = {"jour": "14", "mois": "7", "annee": "1985"}


@pytest.mark.parametrize(
    "part, typed, expected",
    [
        pytest.param(part, typed, expected, id=f"{part}-{typed!r}")
        for part, messages in EACH_PART.items()
        for expected, values in messages.items()
        for typed in values
    ],
)
def test_date_each_part(part, typed, expected):
    values = {**RIGHT_PARTS, part: typed}
    assert birth(values["jour"], values["mois"], values["annee"]) == {part: expected}


def test_date_every_wrong_part_gets_its_message():
    assert birth("", "", "") == {
        "jour": "J'écris le jour de ma naissance.",
        "mois": "J'écris le mois de ma naissance.",
        "annee": "J'écris l'année de ma naissance.",
    }
    assert set(birth("40", "x", "85")) == {"jour", "mois", "annee"}


def test_date_huge_numbers_do_not_crash():
    """int() of more than 4300 digits raises in Python 3.11+: the length is checked first."""
    huge = "9" * 10_000
    assert set(birth(huge, huge, huge)) == {"jour", "mois", "annee"}


def test_date_missing_inputs_count_as_empty():
    assert set(check("date_naissance", {})) == {"jour", "mois", "annee"}
    assert set(check("date_naissance", {"jour": "1"})) == {"mois", "annee"}
