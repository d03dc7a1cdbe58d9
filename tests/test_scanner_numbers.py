"""`extract/scanner/numbers.py`: finding the numbers (digits, words, ordinals, fractions) and the numbers made
of numbers ("6 thousand 2 hundred and 14", "1 in 5", "tens of thousands of"), read directly."""
from __future__ import annotations

import re
import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.extract import Extractor
from factcheck.extract.scanner import numbers
from factcheck.extract.scanner.numbers import DIGITS_ASCII_RE, DIGITS_RE, core_at, find_cores

SCANNER = Extractor().scanner


def read(text: str) -> list[tuple[str, float, str]]:
    """The cores as `Scanner.scan` takes them: left to right, none inside the one before."""
    out, end = [], -1
    for c in find_cores(text, text.lower()):
        if c.start >= end:
            out.append((text[c.start:c.end], c.number.value, c.kind))
            end = c.end
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("The orchard has 12,34,567 trees on 4,210.75 acres",
     [("12,34,567", 1234567.0, "number"), ("4,210.75", 4210.75, "number")]),
    ("a 1 250 000 budget", [("1 250 000", 1250000.0, "number")]),
    ("ratio 2, 000 boxes", [("2, 000", 2000.0, "number")]),  # a stray space after a thousands comma
    ("revenue of .5 and 7,", [(".5", 0.5, "number"), ("7", 7.0, "number")]),
    ("the 21st stage and the eleventh title", [("21st", 21.0, "ordinal"), ("eleventh", 11.0, "ordinal")]),
    ("the sixth round", []),  # first to ninth are positions in a story, not claims
    ("11 1/2 miles and 5/8 cup", [("11 1/2", 11.5, "number"), ("5/8", 0.625, "fraction")]),
    ("open 24/7", [("7", 7.0, "number")]),  # no fraction (24 > 7), and the code's first part is no number
    ("a load of 2.5e6 and 1.3x10^4", [("2.5e6", 2500000.0, "number"), ("1.3x10^4", 13000.0, "number")]),
    ("she ran 2½ laps", [("2½", 2.5, "number")]),
    # digit groups set off by spaces before "½", "th" or an exponent (these raised ValueError, killing the run)
    ("seats 1 250½ guests", [("1 250½", 1250.5, "number")]),
    ("the 1 000th show", [("1 000th", 1000.0, "ordinal")]),
    ("a load of 2 500e3 kg", [("2 500e3", 2500000.0, "number")]),
    ("odd .5.5½ text", []),  # no number, as "0.5.5" is none
    ("three hundred and twelve lanterns, a hundred more, half the town",
     [("three hundred and twelve", 312.0, "number"), ("a hundred", 100.0, "number"), ("half", 0.5, "fraction")]),
    ("one of them, a third term, minus one", [("one", 1.0, "weak"), ("one", 1.0, "number")]),
    ("a sixfold rise", [("six", 6.0, "number")]),
])
def test_find_cores(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert read(text) == expected


def test_cores_inside_skipped_spans_are_left_out() -> None:
    text = "On 12 May 2024 they sold 40 kites"
    assert [t for t, _, _ in read(text)] == ["12", "2024", "40"]
    spans = [(3, 14)]  # "12 May 2024", a date the temporal scanner found
    assert [text[c.start:c.end] for c in find_cores(text, text.lower(), spans)] == ["40"]


@pytest.mark.parametrize(("text", "j", "weak_ok", "expected"), [
    ("x 2,500 y", 2, False, ("2,500", 2500.0, "number")),
    ("one apple", 0, False, None),  # a weak word alone: an article more often than a number
    ("one apple", 0, True, ("one", 1.0, "number")),
    ("forty-two", 0, False, ("forty-two", 42.0, "number")),
    ("9th", 0, False, ("9th", 0.0, "ordinal")),
    ("abc", 0, False, None),
])
def test_core_at(text: str, j: int, weak_ok: bool, expected: tuple[str, float, str] | None) -> None:
    c = core_at(text, text.lower(), j, weak_ok)
    assert (c and (text[c.start:c.end], c.number.value, c.kind)) == expected


# ------------------------------------------------------------------ the scan pattern is the plain one, faster


def _reference_cores(text: str) -> list:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(numbers, "DIGITS_SCAN_RE", DIGITS_RE)
        m.setattr(numbers, "DIGITS_SCAN_ASCII_RE", DIGITS_ASCII_RE)
        return find_cores(text, text.lower())


#: Texts built of number pieces, so that digit groups, commas and points meet in every order.
_PIECES = st.lists(st.sampled_from(["1", "12", "123", "4567", ",", ",12", ",123", ",1234", ".", ".5", " ", "\u00a0",
                                    "a", "-", "/", "½", "th"]), max_size=14).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_PIECES, st.text(alphabet="0123456789,.  \u00a0ab-/", max_size=40)))
@example("a,12,34,567")
@example("1 12,34,567")
@example(".5.5½")
@example(" ,12,34,567 and 8,12,34,567")
@example("1,11,11,111")
@example("9,12,34,567.8")
@example("12,34,12,34,567,1")
@example("5,12,345")
@example("1,11,11")
@example("1.12,34,567")
def test_scan_pattern_finds_what_the_plain_pattern_finds(text: str) -> None:
    assert find_cores(text, text.lower()) == _reference_cores(text)


def test_a_long_run_of_comma_groups_is_read_in_linear_time() -> None:
    # "1,11,11,...": every failed Indian-grouping attempt used to run to the end of the line (quadratic;
    # about a minute for this line); now it takes milliseconds. The bound is far above either.
    text = "1" + ",11" * 100_000
    t0 = time.perf_counter()
    cores = find_cores(text, text)
    assert time.perf_counter() - t0 < 10
    assert [(c.start, c.end) for c in cores] == [(0, 1)]  # the rest start after a digit and a comma


def test_scan_pattern_bars_only_the_indian_grouping_after_a_digit_and_comma() -> None:
    assert numbers.DIGITS_SCAN_RE.match("12,34,567").group(0) == "12,34,567"
    text = "7,12,34,567"
    m = numbers.DIGITS_SCAN_RE.match(text, 2)
    assert m is not None and m.group(0) == "12"
    assert DIGITS_RE.match(text, 2).group(0) == "12,34,567"
    assert re.fullmatch(r"\[0123456789\].*", numbers.DIGITS_SCAN_ASCII_RE.pattern)


# ------------------------------------------------------------------ numbers made of numbers (NumberReader)


def test_additive() -> None:
    text = "6 thousand 2 hundred and 14 lanterns"
    SCANNER.begin(text)
    assert SCANNER._additive(text, text.lower(), 10, 1000.0, 1000.0) == (214.0, 1.0, 27)


@pytest.mark.parametrize(("text", "e", "num", "expected"), [
    ("1 in 5 voters agreed", 1, 1.0, (0.2, 6)),
    ("two out of seven", 3, 2.0, (2 / 7, 16)),
    ("2 in 10 km", 1, 2.0, None),  # a unit after the second number: no share
    ("7 in 1999", 1, 7.0, None),  # a year
    ("5 over 3 weeks", 1, 5.0, None),
])
def test_ratio(text: str, e: int, num: float, expected: tuple[float, int] | None) -> None:
    SCANNER.begin(text)
    assert SCANNER._ratio(text, text.lower(), e, num) == expected


@pytest.mark.parametrize(("text", "start", "pos", "value", "expected"), [
    ("tens of thousands of pesos", 8, 17, 1000.0, (0, 26, 10000.0, "money", "MXN")),
    ("hundreds of thousands of people", 0, 8, 100.0, (0, 21, 100000.0, "count", "people")),
    ("dozens of kites flew", 0, 6, 12.0, (0, 6, 12.0, "count", "kite")),
])
def test_vague_of(text: str, start: int, pos: int, value: float, expected: tuple) -> None:
    SCANNER.begin(text)
    assert SCANNER._vague_of(text, text.lower(), start, pos, value) == expected
