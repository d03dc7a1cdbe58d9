"""`extract/scanner/neighbours.py`: units shared with the amounts next to a number, read directly (each rule
is given the quantities the scanner reads, with the bare number's unit taken away) and through `scan`."""
from __future__ import annotations

import pytest

from factcheck.extract import Extractor
from factcheck.extract.scanner.neighbours import bracketed_equivalent, carry_back, carry_forward, join_follows
from factcheck.extract.scanner.records import with_changes

SCANNER = Extractor().scanner


def bare(q):  # the number as it is read alone, before its neighbours are looked at
    return with_changes(q, kind="count", unit=None)


@pytest.mark.parametrize(("text", "unit"), [
    ("mileage went from 14 mpg to 24 in a decade", "mile_per_gallon"),  # "from ... to"
    ("fell 40 points to 3,000 while", "point"),                           # a change, then its level
    ("612 flats by auction and 95 by lottery", "flat"),                 # a second amount of the same
])
def test_carry_forward(text: str, unit: str) -> None:
    first, second = SCANNER.scan(text, [])
    assert second.unit == unit
    assert carry_forward(text, [first], bare(second)).unit == unit


def test_carry_forward_passes_a_change_over_the_percentage_that_restates_it() -> None:
    text = "it lost 162 points, or 2.1%, to 7,425"
    change, pct, level = SCANNER.scan(text, [])
    assert carry_forward(text, [change, pct], bare(level)).unit == "point"
    assert carry_forward(text, [pct], bare(level)).unit is None  # a percentage change passes on no unit


def test_carry_forward_keeps_far_or_unlike_amounts_apart() -> None:
    text = "rents rose to 14 mpg. Then 2,400 more"
    first, second = SCANNER.scan(text, [])
    assert second.unit is None and carry_forward(text, [first], second).unit is None


@pytest.mark.parametrize(("text", "unit"), [
    ("7- or 8-inch pipes", "inch"),
    ("2,000 and 20,000 dlrs", "USD"),
    ("340 million of the 2.2 billion shekels", "ILS"),  # a part of its whole
])
def test_carry_back(text: str, unit: str) -> None:
    first, second = SCANNER.scan(text, [])
    assert first.unit == unit
    assert carry_back(text, [bare(first), second])[0].unit == unit


def test_carry_back_reads_a_model_number_as_no_count() -> None:
    text = "two new 737 jets"
    (two,) = SCANNER.scan(text, [])
    assert two.unit == "jet"


def test_bracketed_equivalent_has_the_direction_of_the_change() -> None:
    text = "dropped about 900 metres (2,950 feet)"
    first, second = SCANNER.scan(text, [])
    assert (first.direction, second.direction) == ("down", "down")
    assert bracketed_equivalent(text, first, with_changes(second, direction=None)).direction == "down"


@pytest.mark.parametrize(("low", "pos", "joined"), [
    ("three or four", 5, True), ("5-6", 1, True), ("three, four", 5, False),
])
def test_join_follows(low: str, pos: int, joined: bool) -> None:
    assert join_follows(low, pos) is joined
