"""Rounding of round integers, phrasal-verb particles, decades and early years, and the fast paths
of the scanner (which must give exactly what the plain constructions give)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck import extract_text
from factcheck.errors import RuleFileError
from factcheck.extract.lexicon import load_lexicon
from factcheck.extract.scanner import _WORD_TRIGGER_LED_RE, WORD_TRIGGER_RE, make_quantity
from factcheck.model import Quantity
from factcheck.paths import shipped_rules_dir


def only(text, kinds=None):
    got = [x for x in extract_text(text) if kinds is None or x.kind in kinds]
    return [(x.text, x.kind, x.value, x.low, x.high, x.qualifier) for x in got]


# ------------------------------------------------------------------ rounding (hedges.yaml tolerances)
@pytest.mark.parametrize("text,low,high", [
    ("sales of 48,000 units", 47_500.0, 48_500.0),  # +/-500, under the 5% cap (2,400)
    ("11,000 students", 10_500.0, 11_500.0),
    ("1,000 people", 950.0, 1_050.0),  # +/-500 would be 50%: capped at 5%
    ("3,000 tonnes", 2_850.0, 3_150.0),
    ("2,500,000 shares", 2_450_000.0, 2_550_000.0),  # +/-50,000 (last non-zero digit), cap 125,000
    ("1,780 press releases", 1_779.5, 1_780.5),  # one trailing zero: half the last digit
    ("100 people", 99.5, 100.5),  # two trailing zeros: still exact to the unit
    ("12.000 points", 11.9995, 12.0005),  # decimals are written precision, never widened
    ("$1,000 million", 950e6, 1_050e6),  # the scale scales the step; the cap still holds
])
def test_round_integers(text, low, high):
    (x,) = [x for x in extract_text(text) if x.kind not in ("date", "duration")]
    assert (x.low, x.high) == (pytest.approx(low), pytest.approx(high))


def test_round_integers_keep_hedges_and_bounds():
    assert only("More than 1,000 companies") == [("More than 1,000", "count", 1000.0, 1000.0, None, "more_than")]
    (x,) = extract_text("about 48,000 people")
    assert (x.low, x.high) == (pytest.approx(43_200.0), pytest.approx(52_800.0))  # approx 10% is wider


def _rules_copy(tmp_path: Path, old: str, new: str) -> Path:
    shutil.copytree(shipped_rules_dir() / "lexicon", tmp_path / "lexicon")
    hedges = tmp_path / "lexicon" / "hedges.yaml"
    text = hedges.read_text()
    assert old in text
    hedges.write_text(text.replace(old, new))
    return tmp_path


@pytest.mark.parametrize("old,new", [
    ("round_cap: 0.05", "round_cap: 2"),
    ("round_trailing_zeros: 3", "round_trailing_zeros: -1"),
    ("round_trailing_zeros: 3", "round_trailing_zeros: many"),
])
def test_round_tolerances_validated(tmp_path, old, new):
    with pytest.raises(RuleFileError):
        load_lexicon(_rules_copy(tmp_path, old, new))


def test_round_rule_can_be_turned_off(tmp_path):
    from factcheck.extract import Extractor

    ex = Extractor(_rules_copy(tmp_path, "round_trailing_zeros: 3", "round_trailing_zeros: 0"))
    (x,) = ex.extract("48,000 units")
    assert (x.low, x.high) == (47_999.5, 48_000.5)


# ------------------------------------------------------------------ phrasal verbs are not directions
@pytest.mark.parametrize("text", [
    "The company had set up 900 joint ventures",
    "they picked up 5 contracts",
    "the talks broke down 3 times",
    "it shut down 12 plants",
    "exports made up 40% of sales",
    "to sum up 3 points",
])
def test_particle_is_not_a_direction(text):
    (x,) = [x for x in extract_text(text) if x.kind not in ("date", "duration")]
    assert x.direction is None
    assert not x.text.lower().startswith(("up", "down"))


@pytest.mark.parametrize("text,direction", [
    ("exports were up 5% on the year", "up"),
    ("shares were down 3 pct", "down"),
    ("prices rose up to 7%", "up"),
])
def test_change_words_still_directions(text, direction):
    (x,) = [x for x in extract_text(text) if x.kind not in ("date", "duration")]
    assert x.direction == direction


def test_up_to_stays_a_hedge():
    (x,) = extract_text("The company had set up to 900 joint ventures")
    assert x.qualifier == "at_most" and x.high == 900.0


# ------------------------------------------------------------------ decades and early years are dates
@pytest.mark.parametrize("text,span,first,last", [
    ("the 1790s were hard", "1790s", "1790-01-01", "1799-12-31"),
    ("in the early 1970s, prices rose", "1970s", "1970-01-01", "1979-12-31"),
    ("the '90s boom", "'90s", "1990-01-01", "1999-12-31"),
    ("the 1990s saw growth", "1990s", "1990-01-01", "1999-12-31"),
    ("in the mid-1880s", "1880s", "1880-01-01", "1889-12-31"),
    ("From 1813 the company grew", "1813", "1813-01-01", "1813-12-31"),
    ("In 1642, Sweden", "1642", "1642-01-01", "1642-12-31"),
    ("the spring of 1642 was cold", "1642", "1642-01-01", "1642-12-31"),
])
def test_decades_and_early_years_are_dates(text, span, first, last):
    got = extract_text(text)
    assert [(x.text, x.kind, x.date_range) for x in got] == [(span, "date", (first, last))]


def test_from_until_decade():
    got = extract_text("from 1813 until the early 1820s it shrank")
    assert [(x.text, x.kind) for x in got] == [("1813", "date"), ("1820s", "date")]


@pytest.mark.parametrize("text,value,unit", [
    ("In 1642 people died", 1642.0, "people"),
    ("in 1200 villages", 1200.0, "village"),
    ("from 1500 to 2000 tonnes", 1750.0, "metric_ton"),
    ("the race took 90s", 90.0, "second"),
])
def test_early_year_shapes_that_are_counts(text, value, unit):
    (x,) = extract_text(text)
    assert (x.value, x.unit) == (value, unit) and x.kind != "date"


# ------------------------------------------------------------------ fast paths equal the plain ones
def test_make_quantity_equals_constructor():
    args = (3, 9, "about 5", "count", 5.0, 4.5, 5.5, "people", "approx", 2, "d", "up", None, None)
    fast, plain = make_quantity(*args), Quantity(*args)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    with pytest.raises(Exception):
        fast.value = 6.0  # still frozen


@pytest.mark.parametrize("text", [
    "two hundred and fifty people, a third of them", "Twenty-one—five and half of one", "tenth,eleven;twelve",
    "someone, anyone: none", "half a million", "the twos and threes", "élan one", "x_one one_x 1one",
])
def test_led_word_trigger_matches_plain(text):
    low = text.lower()
    plain = [(m.start(), m.end()) for m in WORD_TRIGGER_RE.finditer(low)]
    led = [(m.start(), m.end() - 1) for m in _WORD_TRIGGER_LED_RE.finditer(" " + low)]
    assert led == plain


# ------------------------------------------------------------------ currency names
@pytest.mark.parametrize("text,span,code", [
    ("a deficit of 5,000 billion lire", "5,000 billion lire", "ITL"),  # the Italian plural
    ("1.5 trillion Italian lire", "1.5 trillion Italian lire", "ITL"),
    ("10 Turkish liras", "10 Turkish liras", "TRY"),
])
def test_lire_are_italian(text, span, code):
    found = [x for x in extract_text(text) if x.kind == "money"]
    assert [(x.text, x.unit) for x in found] == [(span, code)]


# ------------------------------------------------------------------ ignore patterns: the `near` gate
@pytest.mark.parametrize("text", [
    "call +44 20 7946 0958 today", "call (202) 555-0143 now", "or 202-555-0143.", "at 11pm", "at 10:30 sharp",
    "at 9 a.m. on", "version 2.3.1 is out", "a 3-2 win", "the 3 + 3 format", "mail a1@b2.com",
])
def test_ignored_numbers_stay_ignored(text):
    assert [x.text for x in extract_text(text) if x.kind not in ("date", "duration")] == []


def test_near_gate_is_necessary_for_every_windowed_pattern():
    """Wherever a windowed ignore pattern matches, the combined `near` gate matches inside the match."""
    from factcheck.extract.scanner import _near_gate

    lex = load_lexicon()
    gate = _near_gate(lex.ignores)
    assert gate is not None and gate.pattern.startswith("[")  # regrouped behind one character class
    samples = ["+44 20 7946 0958", "(202) 555-0143", "202-555-0143", "202.555.0143", "11pm", "11 p.m.", "10:30",
               "7 am", "2.3.1", "10.0.0.1", "3-2 win", "3 + 3", "a@b", "%2f", "12 +4"]
    for ig in lex.ignores:
        if ig.requires and all(len(r) >= 3 for r in ig.requires):
            continue
        for sample in samples:
            for m in ig.pattern.finditer(sample):
                assert gate.search(sample, m.start(), m.end()), (ig.id, sample)


def test_bad_near_regex_names_the_file(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(shipped_rules_dir(), rules)
    path = rules / "lexicon" / "ignore.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(r"near: ['\d\.\d+\.\d']", "near: ['(']"),
                    encoding="utf-8")
    load_lexicon.cache_clear()
    try:
        with pytest.raises(RuleFileError) as err:
            load_lexicon(rules)
        assert "near" in err.value.message
    finally:
        load_lexicon.cache_clear()


# ------------------------------------------------------------------ memoised look-ups equal fresh ones
@pytest.mark.parametrize("text", [
    "sales of 120 MEUR and 5 EUR, then 7 MEUR", "5 EUR then 120 MEUR", "up 7 pct to 2.6 billion dlrs from 4 pct",
    "12 cubic feet and 3 cubic metres", "3 shares, 4 shares of stock, 1 share", "5 feet 2 inches tall, 5 feet",
    "one penny and 2p, then 3 p", "1,500 dlrs vs 1,200 dlrs; 15 cts a share vs 12 cts",
])
def test_memoised_lookups_equal_a_fresh_scanner(text):
    from factcheck.extract import Extractor

    warm = Extractor()
    for _ in range(2):
        warm.extract(text + " " + text)  # fill the memo tables with this text's phrases
    fresh = Extractor()
    assert warm.extract(text) == fresh.extract(text)


# ------------------------------------------------------------------ session 3: number shapes and names
def quantities(text):
    return [(x.text, x.kind, x.value, x.unit) for x in extract_text(text) if x.kind not in ("date", "duration")]


@pytest.mark.parametrize("text,expected", [
    # a sign word makes "one" a number, not a pronoun
    ("The balance is minus one", [("minus one", "count", -1.0, None)]),
    ("The reading was negative one", [("negative one", "count", -1.0, None)]),
    ("one of them agreed", []),
    # a fraction after a scale word, and "and one" after a hundred
    ("4 million and a half people", [("4 million and a half", "count", 4_500_000.0, "people")]),
    ("2 billion and a half dollars", [("2 billion and a half dollars", "money", 2.5e9, "USD")]),
    ("5 hundred and one people", [("5 hundred and one", "count", 501.0, "people")]),
    ("$3 million and a new car", [("$3 million", "money", 3e6, "USD")]),
    # a spaced hyphen joins a tens word to a digit word only
    ("sixty - three", [("sixty - three", "count", 63.0, None)]),
    # a glued "m" before a plural noun counts millions; metres stay metres
    ("2.7m viewers", [("2.7m", "count", 2.7e6, "viewer")]),
    ("5m people", [("5m", "count", 5e6, "people")]),
    ("a 5m wall", [("5m", "measure", 5.0, "meter")]),
    ("She won the 100m hurdles", [("100m", "measure", 100.0, "meter")]),
    ("8.6m tonnes", [("8.6m tonnes", "measure", 8.6e6, "metric_ton")]),
    # a spaced scale letter before what is counted
    ("shipments of 4.75 k units", [("4.75 k", "count", 4750.0, "unit")]),
    ("100,000 B warrants and 3B minicomputers", [("100,000", "count", 100_000.0, "warrant")]),
    ("We chose plan B", []),
    # decades and age brackets are not seconds; seconds still are
    ("Utilities, 2021s weakest performing sector", []),
    ("music of the 90s", []),
    ("in his 30s", []),
    ("he ran it in 10s.", [("10s", "measure", 10.0, "second")]),
    # numbers that belong to names
    ("Canada's S&P/TSX 60 lost 1.3 percent", [("1.3 percent", "percent", 1.3, "percent")]),
    ("It includes 270 Soviet triple-warhead missiles", [("270", "count", 270.0, "triple-warhead missile")]),
    ("They placed fourth behind Iowa in the Big 8.", []),
    ("The debut of Boeing's own 787 Dreamliner was late", []),
    # ... and numbers that only look like it: counts before names, plurals, nationalities
    ("We have 12 Boeing 737 jets", [("12", "count", 12.0, None)]),
    ("It delivered 38000 Model Y and Model S cars", [("38000", "count", 38000.0, None)]),
    ("400 Japanese were evacuated", [("400", "count", 400.0, None)]),
    ("The WHO said 40 had died.", [("40", "count", 40.0, None)]),
    ("Exports rose to 300 in March.", [("300", "count", 300.0, None)]),
    # a change's unit passes to the level after "to"; not a percentage's
    ("The S&P 500 slipped 27.31 points to 3,812.44.",
     [("27.31", "count", 27.31, "point"), ("3,812.44", "count", 3812.44, "point")]),
    ("the KRX-300 climbed 0.4% to 2,087.56, on thin volume",
     [("0.4%", "percent", 0.4, "percent"), ("2,087.56", "count", 2087.56, None)]),
    # orders of magnitude: multiplied, and what they count after "of"
    ("Dozens of people were hurt.", [("Dozens", "count", 12.0, "people")]),
    ("hundreds of thousands of people fled", [("hundreds of thousands", "count", 100_000.0, "people")]),
    ("tens of thousands of dollars", [("tens of thousands of dollars", "money", 10_000.0, "USD")]),
    # a noun after a hyphen is what is counted, unless it is a way, a fold or a time
    ("a four-cylinder engine", [("four", "count", 4.0, "cylinder")]),
    ("a 12-member panel and a two-way race", [("12", "count", 12.0, "member"), ("two", "count", 2.0, None)]),
    ("Ecopetrol shelved a 65-mln dlr fuel oil tender", [("65-mln dlr", "money", 65e6, "USD")]),
    ("a 3-billion-dollar deal", [("3-billion-dollar", "money", 3e9, "USD")]),
    ("a 7.4-annual interest rate", [("7.4", "count", 7.4, None)]),
    # "two over five" is a fraction only at the end of a clause, and only below one
    ("The ratio came to two over five.", [("two over five", "fraction", 0.4, None)]),
    ("He finished 2 over par", [("2", "count", 2.0, None)]),
    ("three over one thousand", [("three over one thousand", "fraction", 0.003, None)]),
    ("The slope was negative three over 40", [("negative three over 40", "fraction", -0.075, None)]),
    ("three out of four hundred radios", [("three out of four hundred", "fraction", 0.0075, None)]),
    # spaced hyphens in fractions; digits read out one by one are not one number
    ("two - fifths and seven - tenths", [("two - fifths", "fraction", 0.4, None),
                                         ("seven - tenths", "fraction", 0.7, None)]),
    ("the tally read six-nought-nine", []),
    ("zero point zero six then nought point twelve", [("zero point zero six", "count", 0.06, None),
                                                      ("nought point twelve", "count", 0.12, None)]),
    ("zero percent", [("zero percent", "percent", 0.0, "percent")]),
    # the amount something is compared with is in its unit; not across "and"
    ("shipments hit 5.2 million scooters up from 3.1 million in 2019",
     [("5.2 million", "count", 5.2e6, "scooter"), ("from 3.1 million", "count", 3.1e6, "scooter")]),
    ("It sold 300 cars vs 250", [("300", "count", 300.0, "car"), ("250", "count", 250.0, "car")]),
    ("stores in 14 provinces and Yukon compared to 2,118 last year",
     [("14", "count", 14.0, "province"), ("2,118", "count", 2118.0, None)]),
    # counted nouns: -ing modifiers, -men plurals, capitalised plurals of people (not firms)
    ("the scheme starts with 2,400 public housing properties", [("2,400", "count", 2400.0, "housing property")]),
    ("a depot for about 45 seasonal linemen", [("about 45", "count", 45.0, "seasonal lineman")]),
    ("In all, 2,415,000 Canadians were drawing benefits", [("2,415,000", "count", 2_415_000.0, "canadian")]),
    ("it acquired 52,300 Movers Logistics common shares", [("52,300", "count", 52_300.0, None)]),
    ("The Kerna Four appraisal well flowed gas", [("Four", "count", 4.0, None)]),
    # a counted noun stops at another number and at a reporting verb
    ("One account said four pupils were hurt.", [("One", "count", 1.0, "account"), ("four", "count", 4.0, "pupil")]),
    # "zero" counts only with a plural noun
    ("a five-year zero coupon bond and zero people", [("zero", "count", 0.0, "people")]),
    # spelled-out ordinals: compounds anywhere, single words after a determiner; shares stay shares
    ("She took the twelfth stage and ended thirty-first", [("twelfth", "ordinal", 12.0, None),
                                                           ("thirty-first", "ordinal", 31.0, None)]),
    ("for the tenth straight year", [("tenth", "ordinal", 10.0, None)]),
    ("stopped him in the sixth round", []),
    ("A tenth of the seats and three tenths", [("A tenth", "fraction", 0.1, None), ("three tenths", "fraction", 0.3, None)]),
    # reference marks are neither numbers nor a wall between a number and its unit
    ("The canal is 2,715[2] km long and has 9 locks.[5][6]",
     [("2,715[2] km", "measure", 2715.0, "kilometer"), ("9", "count", 9.0, "lock")]),
    # watt-hours
    ("We produced 50 Wh today", [("50 Wh", "measure", 50.0, "watt_hour")]),
])
def test_number_shapes_and_names(text, expected):
    got = quantities(text)
    assert [(t, k, u) for t, k, _, u in got] == [(t, k, u) for t, k, _, u in expected]
    assert [v for *_, v, _ in got] == pytest.approx([v for *_, v, _ in expected])


@pytest.mark.parametrize("text,years", [
    ("Frederick II (1194–1250) was king.", ["1194", "1250"]),
    ("Anton Hellwig (1841 – 1902) was a geologist.", ["1841", "1902"]),
    ("Frederick (1894–1962) was king.", ["1894", "1962"]),
])
def test_bracketed_years_are_dates(text, years):
    """A lifespan or reign in brackets after a name: dates, so the framer can read births and deaths."""
    got = extract_text(text)
    assert [(x.text, x.kind) for x in got] == [(y, "date") for y in years]


def test_bracketed_counts_stay_counts():
    assert [(x.text, x.kind) for x in extract_text("between (1500-2000 tonnes)")] == [("1500-2000 tonnes", "measure")]


def test_bracketed_conversion_keeps_the_direction():
    """"dropped about 450 metres (1,500 feet)": one fall, written in two units, is not a fall and a rise."""
    got = [(x.text, x.direction) for x in extract_text("The climber dropped about 450 metres (1,500 feet) down the gully.")]
    assert got == [("about 450 metres", "down"), ("1,500 feet", "down")]
    got = [(x.text, x.direction) for x in extract_text("Sales fell 5% to 600 tonnes (2,000 last year).")]
    assert ("600 tonnes", None) in got
