"""`extract/scanner/hedges.py`: sign, hedge, direction and range opener before a number, and the interval a
figure stands for (rounding, hedges, vague and unstated multiples), read directly."""
from __future__ import annotations

import pytest

from factcheck.extract import Extractor
from factcheck.extract.scanner.numbers import Core, find_cores

SCANNER = Extractor().scanner


def core(text: str, number: str) -> Core:
    at = text.index(number)
    return next(c for c in find_cores(text, text.lower()) if c.start == at)


@pytest.mark.parametrize(("text", "number", "expected"), [
    # (where the span starts, qualifier, direction, range opener, negative)
    ("sales of about 40 units", "40", (9, "approx", None, None, False)),
    ("more than 1,200 workers", "1,200", (0, "more_than", None, None, False)),
    ("at least 30 firms", "30", (0, "at_least", None, None, False)),
    ("(nearly 6 tonnes)", "6", (1, "nearly", None, None, False)),  # the bracket stays out of the span
    ("temperatures of minus 5 degrees", "5", (16, "exact", None, None, True)),
    ("fell to -3", "3", (8, "exact", "down", None, True)),
    ("exports rose by 12 pct", "12", (16, "exact", "up", None, False)),
    ("prices down 2%", "2", (7, "exact", "down", None, False)),
    ("had set up 900 joint ventures", "900", (11, "exact", None, None, False)),  # a phrasal verb: no change
    ("between 3 and 4", "3", (0, "exact", None, "between", False)),
    ("from 5 to 9", "5", (0, "exact", None, "from", False)),
    ("a figure of 7", "7", (12, "exact", None, None, False)),  # "of" means something only after some words
])
def test_left(text: str, number: str, expected: tuple) -> None:
    SCANNER.begin(text)
    assert tuple(SCANNER._left(text, text.index(number))) == expected


@pytest.mark.parametrize(("value", "precision", "qualifier", "expected"), [
    (48.0, 1.0, "exact", (47.5, 48.5)),      # half the last digit either side
    (3.3, 0.1, "exact", (3.25, 3.35)),
    (100.0, 1.0, "approx", (90.0, 110.0)),   # the lexicon's approx tolerance, 10%
    (5.0, 1.0, "more_than", (5.0, None)),
    (5.0, 1.0, "at_most", (None, 5.0)),
])
def test_interval(value: float, precision: float, qualifier: str, expected: tuple) -> None:
    assert SCANNER._interval(value, precision, qualifier) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "number", "value", "qualifier", "expected"), [
    # (text, value, low, high, qualifier)
    ("they sold 48,000 seats", "48,000", 48000.0, "exact", ("48,000", 48000.0, 47500.0, 48500.0, "exact")),
    ("they sold 48,000 seats", "48,000", 48000.0, "approx", ("48,000", 48000.0, 43200.0, 52800.0, "approx")),
    ("several dozen kites", "dozen", 12.0, "exact", ("several dozen", 36.0, 24.0, 108.0, "approx")),
    ("a few hundred lamps", "hundred", 100.0, "exact", ("a few hundred", 300.0, 200.0, 900.0, "approx")),
    ("hundreds of lamps", "hundreds", 100.0, "exact", ("hundreds", 100.0, 100.0, 1000.0, "approx")),
])
def test_bounded(text: str, number: str, value: float, qualifier: str, expected: tuple) -> None:
    SCANNER.begin(text)
    c = core(text, number)
    q, end = SCANNER._bounded(text, c, c.start, c.end, value, c.number.precision, qualifier, "count", None, None,
                              0.0, 1.0)
    assert (q.text, q.value, q.low, q.high, q.qualifier) == expected
    assert end == q.end
