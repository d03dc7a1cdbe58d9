"""`extract/scanner/names.py` and `ignores.py`: numbers that are part of a name, a code or a label, and
numbers inside the lexicon's ignore patterns (phone numbers, web addresses, clock times), read directly."""
from __future__ import annotations

import pytest

from factcheck.extract import Extractor
from factcheck.extract.scanner.names import STREET_RE, is_name_label
from factcheck.extract.scanner.numbers import find_cores

SCANNER = Extractor().scanner


@pytest.mark.parametrize(("text", "number", "label"), [
    ("Boeing's own 787 Dreamliner was late", "787", True),
    ("she coached in the Pac 10.", "10", True),
    ("his iPhone 11 broke", "11", True),
    ("400 Japanese tourists", "400", False),      # a nationality: people counted
    ("sold 12 new phones", "12", False),
    ("17 Missing Miners Found", "17", False),     # a title-case headline counts
])
def test_is_name_label(text: str, number: str, label: bool) -> None:
    s = text.index(number)
    assert is_name_label(text, s, s + len(number)) is label


def test_street() -> None:
    assert STREET_RE.match("at 17 Willow Creek Road", 5)
    assert not STREET_RE.match("at 49 percent", 5)


@pytest.mark.parametrize(("text", "number", "expected"), [
    # (end to skip to or -1 for a quantity, currency, start of the amount, minus from a hyphen)
    ("the G20 summit", "20", (7, None, 5, False)),
    ("a Covid-19 case", "19", (10, None, 8, False)),
    ("the A380-800 jet", "800", (12, None, 9, False)),
    ("the ID.3 car", "3", (8, None, 7, False)),
    ("won in 1:36.6 flat", "36.6", (13, None, 9, False)),
    ("at 0401 GMT", "0401", (7, None, 3, False)),
    ("Dak Prescott (4) celebrates", "4", (16, None, 14, False)),   # a shirt number
    ("the Kick Six win", "Six", (12, None, 9, False)),
    ("see Section 427 of it", "427", (15, None, 12, False)),       # a label word (ignores.py)
    ("call 555-0143 now", "0143", (13, None, 9, False)),
    ("down $-50.8bn now", "50.8", (-1, "USD", 5, True)),           # a sign, then a minus
    ("at minus-130 degrees", "130", (-1, None, 3, True)),
    ("sold 40 cars", "40", (-1, None, 5, False)),
])
def test_not_a_quantity(text: str, number: str, expected: tuple) -> None:
    low = SCANNER.begin(text)
    at = text.index(number)
    core = next(c for c in find_cores(text, low) if c.start == at)
    assert SCANNER._not_a_quantity(text, low, core, None, core.start) == expected


@pytest.mark.parametrize(("text", "number", "ignored"), [
    ("call +44 20 7946 0958 today", "7946", True),
    ("ring 202-555-0143 now", "555", True),
    ("at 10:30 pm we met", "10", True),
    ("version 2.3.1 shipped", "2.3", True),
    ("a 3 + 3 format", "3", True),
    ("it won 3-2 victory", "3", True),
    ("mail me at bob5@example.org", "5", True),
    ("sold 40 cars", "40", False),
])
def test_ignored(text: str, number: str, ignored: bool) -> None:
    low = SCANNER.begin(text)
    s = text.index(number)
    assert SCANNER._ignored(low, s, s + len(number)) is ignored


def test_whole_text_ignore_spans() -> None:
    text = "see https://example.org/page/2024/5 for 3 tips"
    assert SCANNER._ignore_matches(SCANNER.begin(text)) == [(4, 35)]
    assert [q.text for q in SCANNER.scan(text, [])] == ["3"]
