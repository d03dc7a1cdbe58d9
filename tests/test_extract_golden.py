"""Golden, table-driven tests of the quantity extractor, one table per family.

Each row: text, then the expected (text, kind, value, unit, low, high, qualifier) of every non-date
quantity found, in order. `None` in the expected low/high means "open"; `ANY` skips a field.
"""
from __future__ import annotations

import pytest

from factcheck import extract_text

ANY = object()


def q(text):
    return [x for x in extract_text(text) if x.kind not in ("date", "duration")]


def check(text, expected):
    got = q(text)
    rows = [(x.text, x.kind, x.value, x.unit, x.low, x.high, x.qualifier) for x in got]
    assert len(rows) == len(expected), f"{text!r}: {rows}"
    for row, exp in zip(rows, expected):
        for i, (g, e) in enumerate(zip(row, exp)):
            if e is ANY:
                continue
            if isinstance(e, float) and isinstance(g, float):
                assert g == pytest.approx(e, rel=1e-9), f"{text!r} field {i}: {row}"
            else:
                assert g == e, f"{text!r} field {i}: {row}"
    for x in got:
        assert text[x.start:x.end] == x.text


DIGITS = [
    ("There were 1,780 press releases", [("1,780", "count", 1780.0, "press release", 1779.5, 1780.5, "exact")]),
    ("and 398,061 in the last days", [("398,061", "count", 398061.0, ANY, 398060.5, 398061.5, "exact")]),
    ("growth of 3.3 points", [("3.3", "count", 3.3, "point", 3.25, 3.35, "exact")]),
    ("a 0.5 share", [("0.5", "count", 0.5, None, 0.45, 0.55, "exact")]),
    ("exactly 1 000 copies", [("1 000", "count", 1000.0, "copy", ANY, ANY, "exact")]),
    ("7\u202f654\u202f321.25 is valid", [("7\u202f654\u202f321.25", "count", 7654321.25, None, ANY, ANY, "exact")]),
    ("45,67,890.12 rupees", [("45,67,890.12 rupees", "money", 4567890.12, "INR", ANY, ANY, "exact")]),
    ("4.7e5", [("4.7e5", "count", 470000.0, None, ANY, ANY, "exact")]),
    ("3.85x10^-3", [("3.85x10^-3", "count", 0.00385, None, ANY, ANY, "exact")]),
]

SCALES = [
    ("$3.3bn", [("$3.3bn", "money", 3.3e9, "USD", 3.25e9, 3.35e9, "exact")]),
    ("3.3 billion dollars", [("3.3 billion dollars", "money", 3.3e9, "USD", 3.25e9, 3.35e9, "exact")]),
    ("USD 3.3 billion", [("USD 3.3 billion", "money", 3.3e9, "USD", 3.25e9, 3.35e9, "exact")]),
    ("10k runners", [("10k", "count", 10000.0, "runner", ANY, ANY, "exact")]),
    ("2.5 million tonnes", [("2.5 million tonnes", "measure", 2.5e6, "metric_ton", 2.45e6, 2.55e6, "exact")]),
    ("3 mln dlrs", [("3 mln dlrs", "money", 3e6, "USD", ANY, ANY, "exact")]),
    ("8.6m tonnes", [("8.6m tonnes", "measure", 8.6e6, "metric_ton", ANY, ANY, "exact")]),
    ("7 thousand 2 hundred and 58", [("7 thousand 2 hundred and 58", "count", 7258.0, None, ANY, ANY, "exact")]),
    ("3 dozen eggs", [("3 dozen", "count", 36.0, "egg", ANY, ANY, "exact")]),
    ("120 MEUR", [("120 MEUR", "money", 1.2e8, "EUR", ANY, ANY, "exact")]),
]

WORDS = [
    ("twelve apostles", [("twelve", "count", 12.0, "apostle", 11.5, 12.5, "exact")]),
    ("one hundred and fifty delegates", [("one hundred and fifty", "count", 150.0, "delegate", ANY, ANY, "exact")]),
    ("a dozen roses", [("a dozen", "count", 12.0, "rose", ANY, ANY, "exact")]),
    ("seven point two", [("seven point two", "count", 7.2, None, 7.15, 7.25, "exact")]),
    ("four and a half million fish", [("four and a half million", "count", 4.5e6, "fish", ANY, ANY, "exact")]),
    ("half a million people", [("half a million", "count", 5e5, "people", ANY, ANY, "exact")]),
    ("seven and a fifth", [("seven and a fifth", "count", 7.2, None, ANY, ANY, "exact")]),
    ("two million and a half", [("two million and a half", "count", 2.5e6, None, ANY, ANY, "exact")]),
]

FRACTIONS = [
    ("three-fifths of voters", [("three-fifths", "fraction", pytest.approx(3 / 5), None, ANY, ANY, "exact")]),
    ("A quarter of them agreed", [("A quarter", "fraction", 0.25, None, ANY, ANY, "exact")]),
    ("half of the members", [("half", "fraction", 0.5, None, ANY, ANY, "exact")]),
    ("the jug was ¾ full", [("¾", "fraction", 0.75, None, ANY, ANY, "exact")]),
    ("a 1/4 mile oval", [("1/4 mile", "measure", 0.25, "mile", ANY, ANY, "exact")]),
    ("7 1/2 miles of fencing", [("7 1/2 miles", "measure", 7.5, "mile", ANY, ANY, "exact")]),
    ("one in five Americans", [("one in five", "fraction", 0.2, None, ANY, ANY, "exact")]),
    ("a third term", []),
]

PERCENT = [
    ("16%", [("16%", "percent", 16.0, "percent", 15.5, 16.5, "exact")]),
    ("16 percent", [("16 percent", "percent", 16.0, "percent", 15.5, 16.5, "exact")]),
    ("16 per cent", [("16 per cent", "percent", 16.0, "percent", 15.5, 16.5, "exact")]),
    ("3.2 pct", [("3.2 pct", "percent", 3.2, "percent", ANY, ANY, "exact")]),
    ("rose 2 percentage points", [("2 percentage points", "percentage_point", 2.0, "percentage_point", ANY, ANY,
                                   "exact")]),
    ("27.8 percent-owned", [("27.8 percent", "percent", 27.8, "percent", ANY, ANY, "exact")]),
]

MONEY = [
    ("€5", [("€5", "money", 5.0, "EUR", ANY, ANY, "exact")]),
    ("£5", [("£5", "money", 5.0, "GBP", ANY, ANY, "exact")]),
    ("¥500", [("¥500", "money", 500.0, "JPY", ANY, ANY, "exact")]),
    ("₽100", [("₽100", "money", 100.0, "RUB", ANY, ANY, "exact")]),
    ("₼100", [("₼100", "money", 100.0, "AZN", ANY, ANY, "exact")]),
    ("₹100", [("₹100", "money", 100.0, "INR", ANY, ANY, "exact")]),
    ("500 USD", [("500 USD", "money", 500.0, "USD", ANY, ANY, "exact")]),
    ("US$5", [("US$5", "money", 5.0, "USD", ANY, ANY, "exact")]),
    ("C$5", [("C$5", "money", 5.0, "CAD", ANY, ANY, "exact")]),
    ("HK $6.2 billion", [("HK $6.2 billion", "money", 6.2e9, "HKD", ANY, ANY, "exact")]),
    ("100 roubles", [("100 roubles", "money", 100.0, "RUB", ANY, ANY, "exact")]),
    ("100 rubles", [("100 rubles", "money", 100.0, "RUB", ANY, ANY, "exact")]),
    ("100 manat", [("100 manat", "money", 100.0, "AZN", ANY, ANY, "exact")]),
    ("100 yuan", [("100 yuan", "money", 100.0, "CNY", ANY, ANY, "exact")]),
    ("100 yen", [("100 yen", "money", 100.0, "JPY", ANY, ANY, "exact")]),
    ("20 pounds sterling", [("20 pounds sterling", "money", 20.0, "GBP", ANY, ANY, "exact")]),
    ("50 cents", [("50 cents", "money", 50.0, "cent", ANY, ANY, "exact")]),
    ("10 €", [("10 €", "money", 10.0, "EUR", ANY, ANY, "exact")]),
    ("7 dollars 25 cents", [("7 dollars 25 cents", "money", 7.25, "USD", ANY, ANY, "exact")]),
    ("$71.35 per barrel", [("$71.35 per barrel", "money", 71.35, "USD / barrel", ANY, ANY, "exact")]),
    ("$3,500 a month", [("$3,500 a month", "money", 3500.0, "USD / month", ANY, ANY, "exact")]),
    ("150 JPY to 1 USD", [("150 JPY", "money", 150.0, "JPY", ANY, ANY, "exact"),
                          ("1 USD", "money", 1.0, "USD", ANY, ANY, "exact")]),
]

MEASURES = [
    ("5,000 km", [("5,000 km", "measure", 5000.0, "kilometer", ANY, ANY, "exact")]),
    ("3,100 miles", [("3,100 miles", "measure", 3100.0, "mile", ANY, ANY, "exact")]),
    ("15,800 m²", [("15,800 m²", "measure", 15800.0, "square_meter", ANY, ANY, "exact")]),
    ("170,000 sq ft", [("170,000 sq ft", "measure", 170000.0, "square_foot", ANY, ANY, "exact")]),
    ("10 bcm", [("10 bcm", "measure", 10.0, "billion_cubic_meter", ANY, ANY, "exact")]),
    ("40°C", [("40°C", "measure", 40.0, "degree_Celsius", ANY, ANY, "exact")]),
    ("a 6.1-magnitude quake", [("6.1-magnitude", "measure", 6.1, "richter_magnitude", ANY, ANY, "exact")]),
    ("she is 5 feet 7 inches", [("5 feet 7 inches", "measure", pytest.approx(5 + 7 / 12), "foot", ANY, ANY,
                                "exact")]),
    ("24703m2", [("24703m2", "measure", 24703.0, "square_meter", ANY, ANY, "exact")]),
    ("minus-85 degrees Fahrenheit", [("minus-85 degrees Fahrenheit", "measure", -85.0, "degree_Fahrenheit",
                                       ANY, ANY, "exact")]),
    ("450 Nm of torque", [("450 Nm", "measure", 450.0, "newton_meter", ANY, ANY, "exact")]),
    ("5G networks", []),
]

RANGES = [
    ("10-15%", [("10-15%", "percent", 12.5, "percent", 10.0, 15.0, "range")]),
    ("between 3 and 4 billion", [("between 3 and 4 billion", "count", 3.5e9, None, 3e9, 4e9, "range")]),
    ("from 2,500 to 1,800 feet", [("from 2,500 to 1,800 feet", "measure", 2150.0, "foot", 1800.0, 2500.0, "range")]),
    ("from $350,000 to $275 million", [("from $350,000 to $275 million", "money", ANY, "USD", 3.5e5, 2.75e8,
                                        "range")]),
    ("six to seven thousand people", [("six to seven thousand", "count", 6500.0, "people", 6000.0, 7000.0,
                                       "range")]),
    ("fell 0.7 per cent to 24519", [("0.7 per cent", "percent", 0.7, "percent", ANY, ANY, "exact"),
                                    ("24519", "count", 24519.0, None, ANY, ANY, "exact")]),
    ("tied the game at 89-89", []),
]

HEDGES = [
    ("about 12 percent", [("about 12 percent", "percent", 12.0, "percent", 10.8, 13.2, "approx")]),
    ("around 300", [("around 300", "count", 300.0, None, 270.0, 330.0, "approx")]),
    ("approximately 5 km", [("approximately 5 km", "measure", 5.0, "kilometer", 4.5, 5.5, "approx")]),
    ("nearly 40 schools", [("nearly 40", "count", 40.0, "school", 36.0, 40.5, "nearly")]),
    ("more than 900 joint ventures", [("more than 900", "count", 900.0, "joint venture", 900.0, None, "more_than")]),
    ("over 150 treaties", [("over 150", "count", 150.0, "treaty", 150.0, None, "more_than")]),
    ("at least 5 people", [("at least 5", "count", 5.0, "people", 5.0, None, "at_least")]),
    ("less than 5 people", [("less than 5", "count", 5.0, "people", None, 5.0, "less_than")]),
    ("under 5%", [("under 5%", "percent", 5.0, "percent", None, 5.0, "less_than")]),
    ("up to 20 percent", [("up to 20 percent", "percent", 20.0, "percent", None, 20.0, "at_most")]),
    ("no more than 7 cars left", [("no more than 7", "count", 7.0, "car", None, 7.0, "at_most")]),
    ("3.3 billion", [("3.3 billion", "count", 3.3e9, None, 3.25e9, 3.35e9, "exact")]),
    ("about $3 billion", [("about $3 billion", "money", 3e9, "USD", 2.5e9, 3.5e9, "approx")]),
]

SIGNS = [
    ("-3%", [("-3%", "percent", -3.0, "percent", ANY, ANY, "exact")]),
    ("minus 187 Celsius", [("minus 187 Celsius", "measure", -187.0, "degree_Celsius", ANY, ANY, "exact")]),
]

NOT_QUANTITIES = [
    ("Covid-19 cases", []),
    ("the Sputnik V vaccine", []),
    ("the G20 summit", []),
    ("the 3 + 3 cooperation format", []),
    ("call +44 20 7946 0958 now", []),
    ("see Section 318 and Article 9", []),
    ("the Boeing 737 fleet", []),
    ("the S&P 500 index", []),
    ("see https://shop.example.org/find?p=45%25%2010%", []),
    ("at 10:30 today", []),
    ("version 2.3.1 released", []),
    ("the 1994 action film", []),
]

ORDINALS = [
    ("the 11th forum", [("11th", "ordinal", 11.0, None, 11.0, 11.0, "exact")]),
    ("the 30th anniversary", [("30th", "ordinal", 30.0, None, 30.0, 30.0, "exact")]),
    ("the 32nd amendment", [("32nd", "ordinal", 32.0, None, 32.0, 32.0, "exact")]),
]

COUNTS = [
    ("900 joint ventures", [("900", "count", 900.0, "joint venture", ANY, ANY, "exact")]),
    ("22 goals", [("22", "count", 22.0, "goal", ANY, ANY, "exact")]),
    ("three more trades", [("three", "count", 3.0, "trade", ANY, ANY, "exact")]),
    ("five Asian countries", [("five", "count", 5.0, "country", ANY, ANY, "exact")]),
    ("one penny", [("one penny", "money", 1.0, "pence", ANY, ANY, "exact")]),
    ("one of them", []),
]

ALL = (
    [("digits", *r) for r in DIGITS] + [("scales", *r) for r in SCALES] + [("words", *r) for r in WORDS]
    + [("fractions", *r) for r in FRACTIONS] + [("percent", *r) for r in PERCENT]
    + [("money", *r) for r in MONEY] + [("measures", *r) for r in MEASURES] + [("ranges", *r) for r in RANGES]
    + [("hedges", *r) for r in HEDGES] + [("signs", *r) for r in SIGNS]
    + [("not", *r) for r in NOT_QUANTITIES] + [("ordinals", *r) for r in ORDINALS]
    + [("counts", *r) for r in COUNTS]
)


@pytest.mark.parametrize("family,text,expected", ALL, ids=[f"{f}:{t[:40]}" for f, t, _ in ALL])
def test_golden(family, text, expected):
    check(text, expected)


def test_direction_words():
    (x,) = q("Sales fell by $2bn")
    assert (x.kind, x.value, x.unit, x.direction) == ("money", 2e9, "USD", "down")
    (x,) = q("exports were down 3%")
    assert x.direction == "down" and x.value == 3.0
    (x,) = q("trade grew 16 percent")
    assert x.direction == "up"


def test_line_numbers():
    text = "first 5 km\nsecond line\nthird has 7%"
    got = q(text)
    assert [x.line for x in got] == [1, 3]
