"""`extract/scanner/ranges.py`: the second half of a range after a number, and the range read as one
quantity (or found to be no range), read directly and through the extractor."""
from __future__ import annotations

import pytest

from factcheck.extract import Extractor
from factcheck.extract.scanner.hedges import Left
from factcheck.extract.scanner.numbers import find_cores

SCANNER = Extractor().scanner


def range_after(text: str, first: str, opener: str | None, kind: str, currency: str | None,
                unit: str | None) -> tuple | None:
    low = SCANNER.begin(text)
    e = text.index(first) + len(first)
    return SCANNER._range_after(text, low, e, e, opener, kind, currency, unit)


@pytest.mark.parametrize(("text", "first", "opener", "kind", "currency", "unit", "expected"), [
    ("between 3 and 4 billion", "3", "between", "count", None, None,
     ("range", 4.0, 1.0, 1e9, "count", None, None, 23)),
    ("from $10 to $15bn", "10", "from", "money", "USD", "USD", ("range", 15.0, 1.0, 1e9, "money", "USD", "USD", 17)),
    ("5-15% higher", "5", None, "count", None, None, ("range", 15.0, 1.0, 1.0, "percent", "percent", None, 5)),
    # a magnitude word at the end serves both numbers
    ("four to five thousand people", "four", None, "count", None, None,
     ("range", 5.0, 1.0, 1000.0, "count", None, None, 21)),
    ("the score was 89-89", "89", None, "count", None, None, ("skip", 19)),  # bare numbers joined by a hyphen
    ("3 and 4 apples", "3", None, "count", None, None, None),                # "and" only after "between"
    ("145 JPY to 1 USD", "145 JPY", None, "money", "JPY", "JPY", None),       # a rate, two currencies
])
def test_range_after(text: str, first: str, opener: str | None, kind: str, currency: str | None, unit: str | None,
                     expected: tuple | None) -> None:
    assert range_after(text, first, opener, kind, currency, unit) == expected


def test_read_range_of_bare_numbers_after_aged_is_a_range_of_ages() -> None:
    for text, expected in (("aged 25-54", ("25-54", "duration", 39.5, 25.0, 54.0, "year")), ("won 25-54", None)):
        low = SCANNER.begin(text)
        core = next(c for c in find_cores(text, low) if text[c.start:c.end] == "25")
        done = SCANNER._read_range(text, low, core, ("skip", 10), core.end, core.start, Left(core.start), "count",
                                   None, 1.0, 1.0, 25.0, "exact", core.start, False, 0.0)
        assert done is not None
        q, end = done
        assert end == 10 and (q and (q.text, q.kind, q.value, q.low, q.high, q.unit)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("between 3 and 4 billion euros", [("between 3 and 4 billion euros", "money", 3.5e9, 3e9, 4e9, "EUR")]),
    ("from $10 to $15bn", [("from $10 to $15bn", "money", 1.25e10, 1e10, 1.5e10, "USD")]),
    ("between 30 and 45 on the GPa scale", [("between 30 and 45", "measure", 37.5, 30.0, 45.0, "gigapascal")]),
    ("35 to 45 hours a week", [("35 to 45 hours a week", "measure", 40.0, 35.0, 45.0, "hour / week")]),
    # no range: a change and its level, two values going down
    ("rose 3 pct to 7 pct", [("3 pct", "percent", 3.0, 2.5, 3.5, "percent"),
                             ("7 pct", "percent", 7.0, 6.5, 7.5, "percent")]),
    ("2.4 A/cm2 to 0.06 A/cm2", [("2.4 A/cm2", "measure", 2.4, 2.35, 2.45, "ampere_per_square_centimeter"),
                                 ("0.06 A/cm2", "measure", 0.06, 0.055, 0.065, "ampere_per_square_centimeter")]),
    ("the score was 89-89", []),
])
def test_ranges_through_the_extractor(text: str, expected: list[tuple]) -> None:
    got = [(q.text, q.kind, q.value, q.low, q.high, q.unit) for q in Extractor().extract(text)]
    assert got == expected
