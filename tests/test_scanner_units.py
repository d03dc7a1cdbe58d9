"""`extract/scanner/units.py`: scale, unit, percent, currency code and rate after a number, "5 feet 2
inches", "on the GPa scale", read directly."""
from __future__ import annotations

import pytest

from factcheck.extract import Extractor
from factcheck.extract.scanner.units import _millions_counted

SCANNER = Extractor().scanner


def end_of(text: str, fragment: str) -> int:
    return text.index(fragment) + len(fragment)


@pytest.mark.parametrize(("text", "number", "money", "expected"), [
    ("sales of 2.6 billion rose", "2.6", False, (1e9, 20)),
    ("3.3 thousand million", "3.3", False, (1e9, 20)),       # a scale of a scale
    ("2.7m viewers watched", "2.7", False, (1e6, 4)),        # millions before a plural noun
    ("a 5m wall", "5", False, (1.0, 3)),                     # metres (no scale)
    ("$12m deal", "12", True, (1e6, 4)),
    ("40-mln dlr loan", "40", False, (1e6, 6)),
    ("the 10-K filing", "10", False, (1.0, 6)),               # a form's name
    ("8 B people", "8", False, (1e9, 3)),
    ("5 to go", "5", False, (1.0, 1)),
])
def test_scale_after(text: str, number: str, money: bool, expected: tuple[float, int]) -> None:
    SCANNER.begin(text)
    assert SCANNER._scale_after(text, end_of(text, number), True, money) == expected


@pytest.mark.parametrize(("text", "number", "expected", "mscale"), [
    ("ran 5 km.", "5", ("measure", "kilometer", None, 8), 1.0),
    ("weighs 20 (kg) net", "20", ("measure", "kilogram", None, 14), 1.0),
    ("a 1,342[1] km road", "1,342", ("measure", "kilometer", None, 13), 1.0),  # past a reference mark
    ("3 pct rise", "3", ("percent", "percent", None, 5), 1.0),
    ("a 5 percentage point gap", "5", ("percentage_point", "percentage_point", None, 20), 1.0),
    ("10 euros each", "10", ("money", "EUR", "EUR", 8), 1.0),
    ("50 pounds of flour", "50", ("measure", "pound", None, 9), 1.0),
    ("50 pounds sterling", "50", ("money", "GBP", "GBP", 18), 1.0),
    ("120 MEUR deal", "120", ("money", "EUR", "EUR", 8), 1e6),  # a scale hidden in the code
    ("7 widgets", "7", (None, None, None, 1), 1.0),
])
def test_unit_after(text: str, number: str, expected: tuple, mscale: float) -> None:
    SCANNER.begin(text)
    SCANNER._mscale = 1.0  # `_build` resets it for every number
    assert SCANNER._unit_after(text, end_of(text, number), False, False) == expected
    assert SCANNER._mscale == mscale


@pytest.mark.parametrize(("text", "amount", "expected"), [
    ("$5 a share", "$5", ("share", 10)),
    ("20 barrels per day", "20 barrels", ("day", 18)),
    ("9 km/h", "9 km", ("hour", 6)),
    ("$2.36 billion a year earlier", "billion", None),  # when, not per what
    ("10 tonnes each", "10 tonnes", None),
    ("80 dollars per cent", "80 dollars", None),
])
def test_rate(text: str, amount: str, expected: tuple[str, int] | None) -> None:
    SCANNER.begin(text)
    assert SCANNER._rate(text, end_of(text, amount)) == expected


@pytest.mark.parametrize(("text", "first", "unit", "expected"), [
    ("5 feet 2 inches tall", "5 feet", "foot", (5 + 2 / 12, 1 / 12, 15)),
    ("5 ft 2 in tall", "5 ft", "foot", (5 + 2 / 12, 1 / 12, 9)),
    ("3 hours 20 minutes", "3 hours", "hour", (3 + 20 / 60, 1 / 60, 18)),
    ("5 feet 2 metres", "5 feet", "foot", (5.0, 1.0, 6)),  # not the smaller unit of feet
])
def test_compound_measure(text: str, first: str, unit: str, expected: tuple[float, float, int]) -> None:
    low = SCANNER.begin(text)
    value, precision, end = SCANNER._compound_measure(text, low, end_of(text, first), 5.0 if unit == "foot" else 3.0,
                                                      1.0, unit)
    assert (value, precision, end) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "number", "expected"), [
    ("between 30 and 45 on the GPa scale", "45", "gigapascal"),
    ("7 on the richter scale", "7", "richter_magnitude"),
    ("5 on the whole scale", "5", None),
])
def test_on_scale(text: str, number: str, expected: str | None) -> None:
    SCANNER.begin(text)
    assert SCANNER._on_scale(text, end_of(text, number)) == expected


@pytest.mark.parametrize(("text", "millions"), [
    ("2.7m viewers", True), ("5m people", True), ("35m of its devices", True),
    ("the 100m hurdles", False), ("a 5m wall", False),
])
def test_a_glued_m_is_millions_before_what_is_counted(text: str, millions: bool) -> None:
    m = text.index("m")
    assert _millions_counted(text, m, m + 1) is millions
