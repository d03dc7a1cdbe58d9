"""`extract/scanner/money.py`: the currency written before a number (sign, code, word), "3 dollars 50 cents"
and a rate after a bracketed conversion, read directly."""
from __future__ import annotations

import pytest

from factcheck.extract import Extractor
from factcheck.extract.scanner.numbers import Core, find_cores

SCANNER = Extractor().scanner


def core(text: str, number: str) -> Core:
    at = text.index(number)
    return next(c for c in find_cores(text, text.lower()) if c.start == at)


@pytest.mark.parametrize(("text", "number", "expected"), [
    ("it cost US$ 45 in all", "45", ("USD", 8)),
    ("HK $3.7 billion", "3.7", ("HKD", 0)),      # a country prefix written apart from the sign
    ("C $6 a share", "6", ("CAD", 0)),
    ("aud$ 15 now", "15", ("AUD", 0)),
    ("EUR 20 each", "20", ("EUR", 0)),
    ("a $48m contract", "48", ("USD", 2)),       # "a" is an article, not a country
    ("FIRM79 listed", "79", (None, 4)),          # "RM" inside a word is no ringgit sign
    ("priced at 20 dollars", "20", (None, 10)),  # a currency after the number is a unit (units.py)
])
def test_currency_before(text: str, number: str, expected: tuple[str | None, int]) -> None:
    SCANNER.begin(text)
    assert SCANNER._currency_before(text, text.index(number)) == expected


@pytest.mark.parametrize(("text", "number", "expected"), [
    ("paid usd 20 today", "20", ("USD", "USD", 5)),
    ("dollar 37.5 million", "37.5", ("USD", "USD", 0)),
    ("the sen 100,000 fee", "100,000", (None, "sen", 4)),  # a subunit: no ISO code of its own
    ("Dollar 5 store", "5", None),  # capitalised: a name or a sentence's first word, not an amount
])
def test_prefix_name_before(text: str, number: str, expected: tuple | None) -> None:
    SCANNER.begin(text)
    assert SCANNER._prefix_name_before(text, text.index(number)) == expected


@pytest.mark.parametrize(("text", "number", "expected", "mscale"), [
    ("it cost US$ 45 in all", "45", ("USD", 8, None, 12, False), 1.0),
    ("paid usd 20 today", "20", ("USD", 5, None, 9, True), 1.0),
    ("the sen 100,000 fee", "100,000", (None, 8, "sen", 4, True), 1.0),
    ("worth MAUD 60 now", "60", ("AUD", 6, None, 11, False), 1e6),  # "M" before a code: millions
    ("in usd 1987 terms", "1987", (None, 7, None, 7, False), 1.0),  # a year after a currency word
    ("only 40 left", "40", (None, 5, None, 5, False), 1.0),
])
def test_money_before(text: str, number: str, expected: tuple, mscale: float) -> None:
    SCANNER.begin(text)
    assert SCANNER._money_before(text, core(text, number)) == expected
    assert SCANNER._mscale == mscale


@pytest.mark.parametrize(("text", "first", "unit_end", "expected"), [
    ("a 3 dollars 50 cents ticket", "3", "3 dollars", (3.5, 0.01, 20)),
    ("thirteen dollars and forty-five cents", "thirteen", "thirteen dollars", (13.45, 0.01, 37)),
    ("costs 15 USD 50.", "15", "15 USD", (15.5, 0.01, 15)),
    ("15 USD 50 tickets", "15", "15 USD", (15.0, 1.0, 6)),  # "50 tickets" is another amount
])
def test_compound_money(text: str, first: str, unit_end: str, expected: tuple[float, float, int]) -> None:
    low = SCANNER.begin(text)
    pos = text.index(unit_end) + len(unit_end)
    assert SCANNER._compound_money(text, low, pos, core(text, first).number.value, 1.0) == expected


@pytest.mark.parametrize(("text", "units"), [
    ("a payout of C$8 (US$5.90) per share", ["CAD / share", "USD / share"]),
    ("the levy is 9 billion shekels ($2.4 billion) a year", ["ILS / year", "USD / year"]),
])
def test_a_rate_after_a_bracketed_conversion_is_both_amounts(text: str, units: list[str]) -> None:
    assert [q.unit for q in Extractor().extract(text) if q.kind == "money"] == units
