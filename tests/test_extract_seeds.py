"""Every figure in the two seed documents, with its value, kind, unit and interval."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import extract_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _find(qs, text, kind=None, start_from=0):
    for x in qs:
        if x.text == text and (kind is None or x.kind == kind) and x.start >= start_from:
            return x
    raise AssertionError(f"{text!r} not found in {[x.text for x in qs]}")


@pytest.fixture(scope="module")
def seed0():
    path = sorted(SEEDS.glob("000_*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    return text, extract_text(text)


@pytest.fixture(scope="module")
def seed1():
    path = sorted(SEEDS.glob("001_*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    return text, extract_text(text)


SEED0 = [
    ("1,780", "count", 1780.0, "press release", 1779.5, 1780.5, "exact"),
    ("398,061", "count", 398061.0, None, 398060.5, 398061.5, "exact"),
    ("11th", "ordinal", 11.0, None, 11.0, 11.0, "exact"),
    ("over 150", "count", 150.0, "international treaty", 150.0, None, "more_than"),
    ("More than 900", "count", 900.0, "joint venture", 900.0, None, "more_than"),
    ("about 300", "count", 300.0, None, 270.0, 330.0, "approx"),
    ("about 12 percent", "percent", 12.0, "percent", 10.8, 13.2, "approx"),
    ("16 percent", "percent", 16.0, "percent", 15.5, 16.5, "exact"),
    ("about $3 billion", "money", 3e9, "USD", 2.5e9, 3.5e9, "approx"),
    ("20 percent", "percent", 20.0, "percent", 19.5, 20.5, "exact"),
    ("more than 70", "count", 70.0, "region", 70.0, None, "more_than"),
    ("A quarter", "fraction", 0.25, None, 0.25, 0.25, "exact"),
    ("about 340", "count", 340.0, "school", 306.0, 374.0, "approx"),
    ("More than 11,000", "count", 11000.0, "student", 11000.0, None, "more_than"),
]

SEED1 = [
    ("1,423", "count", 1423.0, "press release", 1422.5, 1423.5, "exact"),
    ("466,562", "count", 466562.0, None, 466561.5, 466562.5, "exact"),
    ("16 percent", "percent", 16.0, "percent", 15.5, 16.5, "exact"),
    ("$3.3 billion", "money", 3.3e9, "USD", 3.25e9, 3.35e9, "exact"),
    ("More than 1,000", "count", 1000.0, "company", 1000.0, None, "more_than"),
    ("Over 70", "count", 70.0, "region", 70.0, None, "more_than"),
    ("about 220,000", "count", 220000.0, "dose", 198000.0, 242000.0, "approx"),
]


@pytest.mark.parametrize("row", SEED0, ids=[r[0] for r in SEED0])
def test_seed0(seed0, row):
    text, qs = seed0
    x = _find(qs, row[0], row[1])
    assert (x.text, x.kind, x.value, x.unit, x.low, x.high, x.qualifier) == row
    assert text[x.start:x.end] == x.text


@pytest.mark.parametrize("row", SEED1, ids=[r[0] for r in SEED1])
def test_seed1(seed1, row):
    text, qs = seed1
    x = _find(qs, row[0], row[1])
    assert (x.text, x.kind, x.value, x.unit, x.low, x.high, x.qualifier) == row
    assert text[x.start:x.end] == x.text


@pytest.mark.parametrize("fixture", ["seed0", "seed1"])
def test_seed_non_quantities(fixture, request):
    text, qs = request.getfixturevalue(fixture)
    for needle in ("3 + 3", "Covid-19", "Sputnik V"):
        i = text.find(needle)
        while i != -1:
            assert not any(x.start < i + len(needle) and i < x.end for x in qs), needle
            i = text.find(needle, i + 1)


@pytest.mark.parametrize("fixture", ["seed0", "seed1"])
def test_seed_spans_and_lines(fixture, request):
    text, qs = request.getfixturevalue(fixture)
    for x in qs:
        assert text[x.start:x.end] == x.text
        assert x.line == text.count("\n", 0, x.start) + 1
