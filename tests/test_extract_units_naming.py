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
    ("The fare starts at dollar 8.75 million.", [("dollar 8.75 million", "money", 8_750_000.0, "USD")]),
    ("Is sen 250,000 too much to ask?", [("sen 250,000", "money", 250_000.0, "sen")]),
    ("set at yen 4,130 per share", [("yen 4,130 per share", "money", 4_130.0, "JPY / share")]),
    # each amount keeps its own currency
    ("rmb 60 usd 35", [("rmb 60", "money", 60.0, "CNY"), ("usd 35", "money", 35.0, "USD")]),
    ("35 rmb 60 usd", [("35 rmb", "money", 35.0, "CNY"), ("60 usd", "money", 60.0, "USD")]),
    # lower-case codes after the number, and a code glued to the next word by a comma
    ("It sold for half million usd.", [("half million usd", "money", 500_000.0, "USD")]),
    ("The fee is 800 USD,300 times higher", [("800 USD", "money", 800.0, "USD"), ("300", "count", 300.0, "time")]),
    # a country prefix written apart from "$", in lower case
    ("the bid is c $ 27.9 million", [("c $ 27.9 million", "money", 27_900_000.0, "CAD")]),
    ("dropped 23 % to hk $ 14.62 billion .", [("23 %", "percent", 23.0, "percent"),
                                             ("hk $ 14.62 billion", "money", 14_620_000_000.0, "HKD")]),
    # a bare "$" before and a code after: the code says which dollar
    ("paid $10 AUD", [("$10 AUD", "money", 10.0, "AUD")]),
    ("Ana, send me 250,000 ரூ tomorrow", [("250,000 ரூ", "money", 250_000.0, "LKR")]),
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
    ("The load is 35 (kg)", ("35 (kg)", "measure", 35.0, "kilogram")),
    ("The load is 35 [kg]", ("35 [kg]", "measure", 35.0, "kilogram")),
    ("The load is 35 {kg}", ("35 {kg}", "measure", 35.0, "kilogram")),
    ("The load is 35 <kg>", ("35 <kg>", "measure", 35.0, "kilogram")),
    ("at 75 centimeters/millisecond", ("75 centimeters/millisecond", "measure", 75.0, "centimeter / millisecond")),
    ("at 75 km/ms", ("75 km/ms", "measure", 75.0, "kilometer / millisecond")),
    ("Oil smokes at 230° Celsius", ("230° Celsius", "measure", 230.0, "degree_Celsius")),
    ("98.4 degrees farenheit is normal", ("98.4 degrees farenheit", "measure", 98.4, "degree_Fahrenheit")),
    ("it does 21 mpg combined", ("21 mpg", "measure", 21.0, "mile_per_gallon")),
    ("50.12 HZ on the network", ("50.12 HZ", "measure", 50.12, "hertz")),
    ("a 7 picometer gap", ("7 picometer", "measure", 7.0, "picometer")),
])
def test_unit_naming(text, expected):
    assert expected in got(text)


@pytest.mark.parametrize("text", ["sold 5 (4) units", "sales 5 (m) rose"])
def test_brackets_hold_a_unit_only_when_they_hold_nothing_else(text):
    assert not [q for q in extract_text(text) if q.kind == "measure"]


@pytest.mark.parametrize("text", ["31846 L-519", "kx4-219m", "the A380-800 jet"])
def test_codes_are_not_measures(text):
    assert not [q for q in extract_text(text) if q.kind == "measure"]


@pytest.mark.parametrize("text,value", [
    ("percents of forty", 40.0), ("percent of 35", 35.0), ("per cent of thirty-four", 34.0),
    ("Per cent of 480.", 480.0),
])
def test_percent_of_a_number_opening_a_sentence(text, value):
    (q,) = extract_text(text)
    assert (q.kind, q.value, q.unit, q.start) == ("percent", value, "percent", 0)


@pytest.mark.parametrize("text", ["a large percent of 200 workers", "They said 60 per cent of 480."])
def test_percent_of_a_count_stays_a_count(text):
    assert [q.value for q in extract_text(text) if q.kind == "percent"] in ([], [60.0])
    assert any(q.kind == "count" and q.value in (200.0, 480.0) for q in extract_text(text))


@pytest.mark.parametrize("text,value", [
    ("Hollis, 71, has spent the winter", 71.0),
    ("a woman aged 64 with", 64.0),
    ("The client is a woman of age 64 with asthma", 64.0),
    ("after seventy two years of age, habits harden", 72.0),
])
def test_ages(text, value):
    (q,) = [q for q in extract_text(text) if q.value == value]
    assert (q.kind, q.unit) == ("duration", "year")


@pytest.mark.parametrize("text", ["On May 5, 12, people came", "Smith, 12, Jones"])
def test_numbers_between_commas_that_are_not_ages(text):
    assert not [q for q in extract_text(text) if q.kind == "duration"]


@pytest.mark.parametrize("text,expected", [
    ("She is about 30 - 35 years old.", ("about 30 - 35 years old", 27.0, 38.5)),
    ("between 3 and 5 years", ("between 3 and 5 years", 3.0, 5.0)),
    ("She is 30-35 years old.", ("30-35 years old", 30.0, 35.0)),
])
def test_a_range_of_durations_is_one_record(text, expected):
    (q,) = extract_text(text)
    assert (q.text, q.low, q.high, q.kind, q.unit, q.qualifier) == (*expected, "duration", "year", "range")
