"""`extract/scanner/dates.py`: years, decades, eras, the last day of a range of days and ages, the time the
quantity scanner must not count, read directly and through the extractor."""
from __future__ import annotations

import pytest

from factcheck.extract import Extractor
from factcheck.extract.scanner.dates import _bare_age, is_decade
from factcheck.extract.scanner.numbers import find_cores

SCANNER = Extractor().scanner


@pytest.mark.parametrize(("text", "number", "decade"), [
    ("in the 1990s", "1990", True),
    ("her 30s", "30", True),
    ("the 2018s best", "2018", True),
    ("it took 90s flat", "90", False),  # ninety seconds
    ("his 35s", "35", False),           # not a multiple of ten
])
def test_is_decade(text: str, number: str, decade: bool) -> None:
    at = text.index(number)
    core = next(c for c in find_cores(text, text.lower()) if c.start == at)
    assert is_decade(text, text.lower(), core.start, core.end, core.number) is decade


@pytest.mark.parametrize(("text", "number", "age"), [
    ("Lena Brooks 52 has worked", "52", True),   # a full name before, a verb after
    ("who was 10.", "10", True),
    ("she will be 41 by then", "41", True),
    ("she was 10 minutes late", "10", False),  # something counted after it
])
def test_bare_age(text: str, number: str, age: bool) -> None:
    s = text.index(number)
    assert _bare_age(text, text.lower(), s, s + len(number), float(number)) is age


@pytest.mark.parametrize(("text", "number", "expected"), [
    ("Ortega, 71, has run", "71", ("71", 71.0, 71.0, 71.0, 10)),
    ("a man aged 87 died", "87", ("87", 87.0, 87.0, 87.0, 13)),
    ("those aged 18 to 34 said", "18", ("18 to 34", 26.0, 18.0, 34.0, 19)),
    ("who was 10.", "10", ("10", 10.0, 10.0, 10.0, 10)),
    ("he scored 10.", "10", None),
])
def test_age_at(text: str, number: str, expected: tuple | None) -> None:
    s = text.index(number)
    low = SCANNER.begin(text)
    got = SCANNER._age_at(text, low, s, s + len(number), float(number), None)
    assert (got and (got[0].text, got[0].value, got[0].low, got[0].high, got[1])) == expected
    if got:
        assert (got[0].kind, got[0].unit) == ("duration", "year")


@pytest.mark.parametrize(("text", "expected"), [
    ("from Oct. 18-22 the fair ran", [("Oct. 18", "date")]),  # "22" is the last day, not a count
    ("in 2024 totals rose", [("2024", "date")]),
    ("the 1987 winter wheat producers", []),                   # a year before a noun phrase
    ("A.D. 900 and 1140 saw", []),                            # years of an era
])
def test_times_are_not_counted(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.kind) for q in Extractor().extract(text)] == expected
