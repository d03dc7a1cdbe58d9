"""Golden tests for how amounts are named: currencies written before the number or in lower case,
units in brackets or glued to a rate, codes that are not measures, "percent of N", ages, and
ranges of durations (one record, not two overlapping ones)."""
from __future__ import annotations

import pytest

from factcheck import extract_text


def got(text, kinds=None):
    return [(q.text, q.kind, q.value, q.unit) for q in extract_text(text) if kinds is None or q.kind in kinds]


@pytest.mark.parametrize("text,expected", [
    # a currency word before the number
    ("The price starts at dollar 22.5 million.", [("dollar 22.5 million", "money", 22_500_000.0, "USD")]),
    ("Do you think sen 100,000 is expensive?", [("sen 100,000", "money", 100_000.0, "sen")]),
    ("fixed at yen 2,817 per share", [("yen 2,817 per share", "money", 2_817.0, "JPY / share")]),
    # each amount keeps its own currency
    ("rmb 10 usd 20", [("rmb 10", "money", 10.0, "CNY"), ("usd 20", "money", 20.0, "USD")]),
    ("10 rmb 20 usd", [("10 rmb", "money", 10.0, "CNY"), ("20 usd", "money", 20.0, "USD")]),
    # lower-case codes after the number, and a code glued to the next word by a comma
    ("It costs half million usd.", [("half million usd", "money", 500_000.0, "USD")]),
    ("The cost is 500 USD,100 times more", [("500 USD", "money", 500.0, "USD"), ("100", "count", 100.0, "time")]),
    # a country prefix written apart from "$", in lower case
    ("the price is c $ 16.4 million", [("c $ 16.4 million", "money", 16_400_000.0, "CAD")]),
    ("fell 19 % to hk $ 10.05 billion .", [("19 %", "percent", 19.0, "percent"),
                                          ("hk $ 10.05 billion", "money", 10_050_000_000.0, "HKD")]),
    # a bare "$" before and a code after: the code says which dollar
    ("paid $10 AUD", [("$10 AUD", "money", 10.0, "AUD")]),
    ("Bob, lend me 100,000 ரூ today", [("100,000 ரூ", "money", 100_000.0, "LKR")]),
])
def test_currency_naming(text, expected):
    assert got(text, ("money", "count", "percent")) == expected


@pytest.mark.parametrize("text", [
    "a $48m contract",  # "a" is an article, not A$
    "murdoch ' s $ 5 million",  # a possessive, not S$
    "the peso/dollar 1987 target rate",  # a year after a currency word is a year
    "won 5 games",  # "won" is listed as a name after the number only
])
def test_currency_words_that_are_not_prefixes(text):
    assert all(q.unit in (None, "USD", "game") for q in extract_text(text) if q.kind != "date"), got(text)


def test_a_currency_word_before_a_percent_is_not_its_unit():
    assert got("the euro 1.2 percent higher") == [("1.2 percent", "percent", 1.2, "percent")]


@pytest.mark.parametrize("text,expected", [
    ("The weight is 20 (kg)", ("20 (kg)", "measure", 20.0, "kilogram")),
    ("The weight is 20 [kg]", ("20 [kg]", "measure", 20.0, "kilogram")),
    ("The weight is 20 {kg}", ("20 {kg}", "measure", 20.0, "kilogram")),
    ("The weight is 20 <kg>", ("20 <kg>", "measure", 20.0, "kilogram")),
    ("at 50 centimeters/millisecond", ("50 centimeters/millisecond", "measure", 50.0, "centimeter / millisecond")),
    ("at 50 km/ms", ("50 km/ms", "measure", 50.0, "kilometer / millisecond")),
    ("Water boils at 100° Celsius", ("100° Celsius", "measure", 100.0, "degree_Celsius")),
    ("100.2 degrees farenheit is low", ("100.2 degrees farenheit", "measure", 100.2, "degree_Fahrenheit")),
    ("it does 21 mpg combined", ("21 mpg", "measure", 21.0, "mile_per_gallon")),
    ("49.55 HZ on the grid", ("49.55 HZ", "measure", 49.55, "hertz")),
    ("a 2 picometer gap", ("2 picometer", "measure", 2.0, "picometer")),
])
def test_unit_naming(text, expected):
    assert expected in got(text)


@pytest.mark.parametrize("text", ["sold 5 (4) units", "sales 5 (m) rose"])
def test_brackets_hold_a_unit_only_when_they_hold_nothing_else(text):
    assert not [q for q in extract_text(text) if q.kind == "measure"]


@pytest.mark.parametrize("text", ["24703 L-202", "scp2-173m", "the A380-800 jet"])
def test_codes_are_not_measures(text):
    assert not [q for q in extract_text(text) if q.kind == "measure"]


@pytest.mark.parametrize("text,value", [
    ("percents of twenty", 20.0), ("percent of 10", 10.0), ("per cent of twenty-two", 22.0),
    ("Per cent of 210.", 210.0),
])
def test_percent_of_a_number_opening_a_sentence(text, value):
    (q,) = extract_text(text)
    assert (q.kind, q.value, q.unit, q.start) == ("percent", value, "percent", 0)


@pytest.mark.parametrize("text", ["a large percent of 200 workers", "They said 40 per cent of 210."])
def test_percent_of_a_count_stays_a_count(text):
    assert [q.value for q in extract_text(text) if q.kind == "percent"] in ([], [40.0])
    assert any(q.kind == "count" and q.value in (200.0, 210.0) for q in extract_text(text))


@pytest.mark.parametrize("text,value", [
    ("Maddon, 66, has used the downtime", 66.0),
    ("a man aged 87 with", 87.0),
    ("The patient is a man of age 87 with history", 87.0),
    ("after ninety five years of age, perspectives change", 95.0),
])
def test_ages(text, value):
    (q,) = [q for q in extract_text(text) if q.value == value]
    assert (q.kind, q.unit) == ("duration", "year")


@pytest.mark.parametrize("text", ["On May 5, 12, people came", "Smith, 12, Jones"])
def test_numbers_between_commas_that_are_not_ages(text):
    assert not [q for q in extract_text(text) if q.kind == "duration"]


@pytest.mark.parametrize("text,expected", [
    ("He is about 40 - 50 years old.", ("about 40 - 50 years old", 36.0, 55.0)),
    ("between 3 and 5 years", ("between 3 and 5 years", 3.0, 5.0)),
    ("He is 40-50 years old.", ("40-50 years old", 40.0, 50.0)),
])
def test_a_range_of_durations_is_one_record(text, expected):
    (q,) = extract_text(text)
    assert (q.text, q.low, q.high, q.kind, q.unit, q.qualifier) == (*expected, "duration", "year", "range")
