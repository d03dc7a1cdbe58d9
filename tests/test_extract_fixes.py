"""Rounding of round integers, phrasal-verb particles, decades and early years, and the fast paths
of the scanner (which must give exactly what the plain constructions give)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck import extract_text
from factcheck.errors import RuleFileError
from factcheck.extract.lexicon import load_lexicon
from factcheck.extract.scanner import WORD_TRIGGER_RE, make_quantity
from factcheck.extract.scanner.numbers import WORD_TRIGGER_LED_RE
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
    led = [(m.start(), m.end() - 1) for m in WORD_TRIGGER_LED_RE.finditer(" " + low)]
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
    from factcheck.extract.scanner.ignores import near_gate

    lex = load_lexicon()
    gate = near_gate(lex.ignores)
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
    ("the scheme starts with 2,400 public housing properties", [("2,400", "count", 2400.0, "public housing property")]),
    ("a depot for about 45 seasonal linemen", [("about 45", "count", 45.0, "seasonal lineman")]),
    ("In all, 2,415,000 Canadians were drawing benefits", [("2,415,000", "count", 2_415_000.0, "canadian")]),
    ("it acquired 52,300 Movers Logistics common shares", [("52,300", "count", 52_300.0, None)]),
    ("The Kerna Four appraisal well flowed gas", []),  # a capitalised number word in a name
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


# ------------------------------------------------------------------ counted nouns (issue 11, item 7)
def units(text, kinds=None):
    """(text, kind, value, unit) of every quantity but dates and durations."""
    return [(x.text, x.kind, x.value, x.unit) for x in extract_text(text)
            if x.kind not in ("date", "duration") and (kinds is None or x.kind in kinds)]


@pytest.mark.parametrize("text,expected", [
    # a stray space after a thousands comma, then a glued unit
    ("The glider sank 3, 000ft in a minute.", [("3, 000ft", "measure", 3000.0, "foot")]),
    ("Revenue 2,410, 000 vs 1,980,000", [("2,410, 000", "count", 2410000.0, None),
                                         ("1,980,000", "count", 1980000.0, None)]),
    ("On May 3, 250 workers walked out", [("250", "count", 250.0, "worker")]),  # a list, not one number
    # a counted noun glued to its number
    ("A record 48,512spectators saw the final.", [("48,512", "count", 48512.0, "spectator")]),
    ("The 76ers and the 3Station", []),  # names keep their digits
    # "times" is counted like any noun (a multiplier or how often)
    ("The loan was 4.5 times oversubscribed", [("4.5", "count", 4.5, "time")]),
    ("She called him 12 times that night", [("12", "count", 12.0, "time")]),
    ("Prices were high at one time that year", []),  # when, not how many
    # one of a thing: the singular noun run, and a plural-looking word after it is a verb
    ("One lawsuit alleges fraud", [("One", "count", 1.0, "lawsuit")]),
    ("There is one technical hurdle that remains", [("one", "count", 1.0, "technical hurdle")]),
    ("It was one step ahead of rivals", [("one", "count", 1.0, "step")]),
    # "-men" plurals, but not "regimen"
    ("Nine linemen and 40,000 seamen", [("Nine", "count", 9.0, "lineman"), ("40,000", "count", 40000.0, "seaman")]),
    ("after 2 regimen changes", [("2", "count", 2.0, "regimen change")]),
    # comparatives and superlatives, not nouns that end in -er
    ("the 12 member states", [("12", "count", 12.0, "member state")]),
    ("The 6 winter storms", [("6", "count", 6.0, "winter storm")]),
    ("the 3 best restaurants", [("3", "count", 3.0, "good restaurant")]),
    # the hyphen of a compound adjective left out: the first noun is counted
    ("He wrote a 40 page memo", [("40", "count", 40.0, "page")]),
    ("It has a supercharged 8 cylinder motor", [("8", "count", 8.0, "cylinder")]),
    ("the 7 seat minivan", [("7", "count", 7.0, "seat")]),
    ("since the june 5 flood damaged it", [("5", "count", 5.0, None)]),  # a date
    ("over a 20 consecutive session streak", [("20", "count", 20.0, None)]),  # an adjective
    ("helped the estimated 9,000 left homeless", [("estimated 9,000", "count", 9000.0, None)]),  # a verb
    # "-strong" is the size of a group, not a noun; a score is followed by "thanks"
    ("a 2,000-strong army", [("2,000", "count", 2000.0, None)]),
    ("won 3-1 thanks to a late goal", []),
    # a year before a noun phrase is a year ("the 1994 winter wheat crop producers")
    ("for 1994 spring barley growers", []),
])
def test_counted_nouns(text, expected):
    got = units(text)
    assert [(t, k, u) for t, k, _, u in got] == [(t, k, u) for t, k, _, u in expected]
    assert [v for _, _, v, _ in got] == pytest.approx([v for _, _, v, _ in expected])


@pytest.mark.parametrize("text,expected", [
    # the currency of Nordic and Czech "crowns" and of "Singaporean dollars"; a bare "crowns" stays a noun
    ("a loss of 40 mln Norwegian crowns", [("40 mln Norwegian crowns", "money", 40e6, "NOK")]),
    ("paid 900 Czech crowns", [("900 Czech crowns", "money", 900.0, "CZK")]),
    ("some 250 Singaporean dollars", [("some 250 Singaporean dollars", "money", 250.0, "SGD")]),
    ("the king's 12 crowns", [("12", "count", 12.0, "crown")]),
])
def test_currency_names(text, expected):
    got = units(text)
    assert [(t, k, u) for t, k, _, u in got] == [(t, k, u) for t, k, _, u in expected]
    assert [v for _, _, v, _ in got] == pytest.approx([v for _, _, v, _ in expected])


@pytest.mark.parametrize("text,expected", [
    # a person's age without the commas around it: a full name before and a verb after ...
    ("Maria Okafor 52 has led the firm since 2010", [("52", "duration", 52.0, "year")]),
    ("Olivia Grant 12 has a plan", [("12", "count", 12.0, None)]),  # too young to be sure
    ("Sky 25 will race", [("25", "count", 25.0, None)]),  # no full name
    # ... or a person and "is", "was", "will be" before, and nothing counted after
    ("The boy, who was 9, ran home.", [("9", "duration", 9.0, "year")]),
    ("She will be 61 by March", [("61", "duration", 61.0, "year")]),
    ("he turned 30.", [("30", "duration", 30.0, "year")]),
    ("The score was 30 at halftime", [("30", "count", 30.0, None)]),  # no person
])
def test_ages_without_commas(text, expected):
    got = [(x.text, x.kind, x.value, x.unit) for x in extract_text(text) if x.kind != "date"]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    # a bare number after an amount, in the same phrase, is in its unit
    ("Yields went from about 12-15 tonnes to 30 this year", [("about 12-15 tonnes", "measure", 13.5, "metric_ton"),
                                                              ("30", "measure", 30.0, "metric_ton")]),
    ("The index shed 41.2 points, or 1.3%, to close at 3,120.5.",
     [("41.2", "count", 41.2, "point"), ("1.3%", "percent", 1.3, "percent"), ("3,120.5", "count", 3120.5, "point")]),
    ("The fund sold 220 bonds on Monday and 180 on Tuesday.",
     [("220", "count", 220.0, "bond"), ("180", "count", 180.0, "bond")]),
    ("Oats rose by 3 percent but barley fell by 2.", [("3 percent", "percent", 3.0, "percent"),
                                                       ("2", "percent", 2.0, "percent")]),
    ("The top bid was 61.5 cents, while the lowest was 58.25.", [("61.5 cents", "money", 61.5, "cent"),
                                                                  ("58.25", "money", 58.25, "cent")]),
    # but not to a number of another size, nor across a percentage change to its level
    ("It hired 12 engineers last year and 4,000 in all.", [("12", "count", 12.0, "engineer"),
                                                           ("4,000", "count", 4000.0, None)]),
    ("Shares rose 0.4% to 1,245.6", [("0.4%", "percent", 0.4, "percent"), ("1,245.6", "count", 1245.6, None)]),
    # a bare number before an amount, joined to it, shares its unit
    ("a 5- or 6-metre wall", [("5", "measure", 5.0, "meter"), ("6-metre", "measure", 6.0, "meter")]),
    ("two-, three- and four-bedroom flats", [("two", "count", 2.0, "bedroom"), ("three", "count", 3.0, "bedroom"),
                                             ("four", "count", 4.0, "bedroom")]),
    ("bonds of 200, 2,000 and 20,000 dlrs", [("200", "money", 200.0, "USD"), ("2,000", "money", 2000.0, "USD"),
                                             ("20,000 dlrs", "money", 20000.0, "USD")]),
    ("it spent 40 million of the 90 million euros", [("40 million", "money", 40e6, "EUR"),
                                                     ("90 million euros", "money", 90e6, "EUR")]),
    ("inflation slowed to 3 from 4.5%", [("3", "percent", 3.0, "percent"), ("from 4.5%", "percent", 4.5, "percent")]),
    ("Composite index (2811.4 down 12.7 points)", [("2811.4", "count", 2811.4, "point"),
                                                   ("down 12.7", "count", 12.7, "point")]),
    # but a part is no bigger than its whole, and a comma alone is a list only in a list
    ("seven of the four-ton trucks", [("seven", "count", 7.0, "four-ton truck"), ("four-ton", "measure", 4.0, "ton")]),
    ("Well 7, 90 km north", [("7", "count", 7.0, None), ("90 km", "measure", 90.0, "kilometer")]),
    ("a rate of 35 to one dollar", [("35", "count", 35.0, None), ("one dollar", "money", 1.0, "USD")]),
])
def test_units_carried_in_a_phrase(text, expected):
    got = units(text)
    assert [(t, k, u) for t, k, _, u in got] == [(t, k, u) for t, k, _, u in expected]
    assert [v for _, _, v, _ in got] == pytest.approx([v for _, _, v, _ in expected])


@pytest.mark.parametrize("text,expected", [
    # modifiers that say which things are counted stay; names, nationalities and words that only stress
    # the number go ("over 70 Russian regions" and "more than 70 regions of Russia" count the same)
    ("It opened six new branches", [("six", "count", 6.0, "new branch")]),
    ("Police detained nine other suspects", [("nine", "count", 9.0, "other suspect")]),
    ("a whopping 900 visitors", [("900", "count", 900.0, "visitor")]),
    ("some 40 Belgian farmers", [("some 40", "count", 40.0, "farmer")]),
    # two modifiers joined by "and" describe one noun
    ("It sold 12 used and new vans", [("12", "count", 12.0, "used new van")]),
    ("3 cats and 2 dogs", [("3", "count", 3.0, "cat"), ("2", "count", 2.0, "dog")]),
    # an adjective before the number, after a determiner
    ("the bottom four clubs", [("four", "count", 4.0, "bottom club")]),
    ("the remaining 30 tickets", [("30", "count", 30.0, "ticket")]),  # a verb, not an adjective
    # a part of a group counts what the group is made of
    ("Three of the hostages were freed", [("Three", "count", 3.0, "hostage")]),
    ("four of Smith's horses", [("four", "count", 4.0, "horse")]),
    ("two of them", [("two", "count", 2.0, None)]),
    # a measure between a number and its noun describes the noun
    ("they shipped 400 40-foot containers", [("400", "count", 400.0, "container"),
                                             ("40-foot", "measure", 40.0, "foot")]),
    # "8 B people" is billions; "100,000 B shares" is a class of shares
    ("about 9 B users", [("about 9 B", "count", 9e9, "user")]),
    ("35m of their customers", [("35m", "count", 35e6, "customer")]),
])
def test_counted_noun_phrases(text, expected):
    got = units(text)
    assert [(t, k, u) for t, k, _, u in got] == [(t, k, u) for t, k, _, u in expected]
    assert [v for _, _, v, _ in got] == pytest.approx([v for _, _, v, _ in expected])


@pytest.mark.parametrize("text,expected", [
    # a rate after a bracketed equivalent is both amounts'; a hyphenated "a-day" is a rate
    ("an offer of C$9 (US$6.70) per share", [("C$9", "money", 9.0, "CAD / share"),
                                             ("US$6.70", "money", 6.7, "USD / share")]),
    ("a 80,000 barrel-a-day plant", [("80,000 barrel-a-day", "measure", 80000.0, "barrel / day")]),
    ("a 15-cent-a-share payout", [("15-cent", "money", 15.0, "cent")]),
    # a sign before a minus
    ("the deficit widened to $-4.2bn", [("$-4.2bn", "money", -4.2e9, "USD")]),
    # names and codes, not quantities
    ("the SARS -2 outbreak", []),
    ("He lives at 12 Elm Tree Road, Leeds", []),
    ("an office on 42nd Street", []),
    ("the new iPad 10 and iPad 9", []),
    ("trading starts at 0830 GMT", []),
    ("at 1400gmt", []),
    ("the SP 400 and Fortune 500", []),
    ("it left at 0930 local time", []),
    ("000 and 0 are zero", [("000", "count", 0.0, None), ("0", "count", 0.0, None)]),
])
def test_rates_signs_and_names(text, expected):
    got = units(text)
    assert [(t, k, u) for t, k, _, u in got] == [(t, k, u) for t, k, _, u in expected]
    assert [v for _, _, v, _ in got] == pytest.approx([v for _, _, v, _ in expected])


@pytest.mark.parametrize("text,expected", [
    ("The fair runs Aug. 3-7 and Sept. 1 to 4.", ["Aug. 3", "Sept. 1"]),
    ("from 20 km per litre in 2009 to 25 km per litre", ["from 20 km per litre", "2009", "25 km per litre"]),
])
def test_day_ranges_and_years(text, expected):
    got = [x.text for x in extract_text(text)]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    # the pound sign folded to ASCII ("PS"), but only before an amount that looks like money
    ("a bonus of PS4.5m", [("PS4.5m", "money", 4.5e6, "GBP")]),
    ("fees of PS12,300 a year", [("PS12,300 a year", "money", 12300.0, "GBP / year")]),
    ("the PS4 sold well", []),
    # "mil" is a million; "bhp" and "PS" (Pferdestaerke) are horsepower
    ("a 4mil SEK apartment", [("4mil SEK", "money", 4e6, "SEK")]),
    ("a 410bhp engine (305 kW / 415 PS)", [("410bhp", "measure", 410.0, "brake_horsepower"),
                                          ("305 kW", "measure", 305.0, "kilowatt"),
                                          ("415 PS", "measure", 415.0, "metric_horsepower")]),
    # sports statistics
    ("averaging 21.4 ppg and 9.1 rpg", [("21.4", "count", 21.4, "point per game"),
                                        ("9.1", "count", 9.1, "rebound per game")]),
    ("a pitcher worth 2.5 WAR", [("2.5", "count", 2.5, "win above replacement")]),
    # a share of one unit is a measure; "-fold" counts times
    ("add 1/4 of a cup of milk", [("1/4 of a cup", "measure", 0.25, "cup")]),
    ("it ran half a mile", [("half a mile", "measure", 0.5, "mile")]),
    ("profits rose fourfold", [("fourfold", "count", 4.0, "time")]),
    ("a 12-fold jump", [("12-fold", "count", 12.0, "time")]),
    # a level after a percentage change, in the unit of the like level earlier in the sentence
    ("Index A fell 0.2% to 2,210.4 points, while index B rose 0.3% to 2,050.9.",
     [("0.2%", "percent", 0.2, "percent"), ("2,210.4", "count", 2210.4, "point"),
      ("0.3%", "percent", 0.3, "percent"), ("2,050.9", "count", 2050.9, "point")]),
    ("it rose 0.3% to 2,050.9", [("0.3%", "percent", 0.3, "percent"), ("2,050.9", "count", 2050.9, None)]),
    # a part after "including"; a comparison after many words
    ("8 million cars worldwide including 2.1 million in Asia", [("8 million", "count", 8e6, "car"),
                                                                ("2.1 million", "count", 2.1e6, "car")]),
    ("some 300 bikes were sold in the city last spring compared with 210 in the autumn",
     [("some 300", "count", 300.0, "bike"), ("210", "count", 210.0, "bike")]),
])
def test_more_units(text, expected):
    got = units(text)
    assert [(t, k, u) for t, k, _, u in got] == [(t, k, u) for t, k, _, u in expected]
    assert [v for _, _, v, _ in got] == pytest.approx([v for _, _, v, _ in expected])


@pytest.mark.parametrize("text,expected", [
    # a change, then its level: not a range
    ("Output rose 2 pct to 9 pct in May", [("2 pct", "percent", 2.0, "percent"), ("9 pct", "percent", 9.0, "percent")]),
    ("reserves fell 40 mln dlrs to 2.1 billion dlrs", [("40 mln dlrs", "money", 40e6, "USD"),
                                                      ("2.1 billion dlrs", "money", 2.1e9, "USD")]),
    ("prices rose 3 to 4 percent", [("3 to 4 percent", "percent", 3.5, "percent")]),  # a range of changes
    # two amounts going down are not a range
    ("a loss of 9 mln dlrs or 20 cts a share", [("9 mln dlrs", "money", 9e6, "USD"),
                                                ("20 cts a share", "money", 20.0, "cent / share")]),
    ("from 2.5 A/cm2 to 0.1 A/cm2", [("from 2.5 A/cm2 to 0.1 A/cm2", "measure", 1.3, "ampere_per_square_centimeter")]),
    # a bare number, then a duration: one range of durations
    ("within two to three weeks", [("two to three weeks", "duration", 2.5, "week")]),
    ("in six or seven years", [("six or seven years", "duration", 6.5, "year")]),
    # ages in a range; "the model 5000" after a count names a model
    ("voters aged 30 to 44", [("30 to 44", "duration", 37.0, "year")]),
    ("women aged 35-49", [("35-49", "duration", 42.0, "year")]),
    ("the airline leased three new 767 jets", [("three", "count", 3.0, "jet")]),
    ("with three 300-page books", [("three", "count", 3.0, None), ("300", "count", 300.0, "page")]),
    # Reuters rate codes, a unit read on a scale, a capitalised number word in a name
    ("the dollar fell to 132.5 JPY= today", [("132.5 JPY", "money", 132.5, "JPY")]),
    ("it scored between 4 and 6 on the GPa scale", [("between 4 and 6", "measure", 5.0, "gigapascal")]),
    ("after the Fab Five era ended", []),
    # a possessive or a name before a year-like number: a year
    ("Pfizer's 2021 revenues", []),
    ("the ISO 9001-2 rules", []),
])
def test_changes_ranges_and_names(text, expected):
    got = [(x.text, x.kind, x.value, x.unit) for x in extract_text(text) if x.kind != "date"]
    assert [(t, k, u) for t, k, _, u in got] == [(t, k, u) for t, k, _, u in expected]
    assert [v for _, _, v, _ in got] == pytest.approx([v for _, _, v, _ in expected])


def test_lower_case_attached_scale_is_no_scale():
    """The scale pattern ignores case, the attached suffixes do not: "€ 0t" once raised a KeyError."""
    assert [(x.text, x.value) for x in extract_text("€ 0t")] == [("€ 0t", 0.0)]
    assert [(x.text, x.value) for x in extract_text("$5T")] == [("$5T", 5e12)]


@pytest.mark.parametrize("text,unit", [
    ("with 410 pound-feet of torque", "pound_foot"),  # torque, as written
    ("with 410 lb-ft of torque", "foot_pound"),
])
def test_torque_units(text, unit):
    (x,) = extract_text(text)
    assert (x.kind, x.value, x.unit) == ("measure", 410.0, unit)


@pytest.mark.parametrize("text,value,unit", [
    ("Overnight funds traded at 7-3/16 pct in early dealing.", 7.1875, "percent"),  # wire style: 7 3/16
    ("The shares gained 4-1/2 dlrs on the day.", 4.5, "USD"),
])
def test_hyphenated_mixed_fractions(text, value, unit):
    """The wire writes "five and a half" as 5-1/2: one figure, not a range 5-1 and a stray 2."""
    (x,) = extract_text(text)
    assert (x.value, x.unit) == (value, unit)


def test_version_numbers_after_a_product_word_are_labels():
    """"USB 2.0" names a standard; only the count of ports is a quantity."""
    assert [x.text for x in extract_text("The notebook offers four USB 3.0 sockets and Bluetooth 5.1.")] == ["four"]
