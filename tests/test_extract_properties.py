"""Property tests of the extractor: render a value in a supported style and read it back; never raise
on arbitrary text; every span slices the source exactly and carries the right line."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import extract_text

SMALL_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
               "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
        90: "ninety"}
SCALE_WORDS = [("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)]
SCALE_SUFFIX = [("k", 1e3), ("m", 1e6), ("bn", 1e9), ("mn", 1e6), ("bln", 1e9), ("tn", 1e12)]
SIGNS = [("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₽", "RUB"), ("₼", "AZN"), ("₹", "INR"),
         ("US$", "USD"), ("C$", "CAD")]
CODES = ["USD", "EUR", "GBP", "JPY", "RUB", "AZN", "CNY"]
HEDGES = [("about", "approx"), ("around", "approx"), ("more than", "more_than"), ("at least", "at_least"),
          ("less than", "less_than"), ("up to", "at_most"), ("nearly", "nearly"),
          ("almost", "nearly")]
NOUNS = [("people", "people"), ("schools", "school"), ("companies", "company"), ("treaties", "treaty"),
         ("joint ventures", "joint venture"), ("goals", "goal")]


def words_for(n: int) -> str:
    if n < 20:
        return SMALL_WORDS[n]
    tens, unit = divmod(n, 10)
    return TENS[tens * 10] + ("-" + SMALL_WORDS[unit] if unit else "")


def with_commas(n: int) -> str:
    return f"{n:,}"


def only(text):
    qs = [q for q in extract_text(text) if q.kind not in ("date", "duration")]
    assert len(qs) == 1, (text, qs)
    return qs[0]


def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


ints = st.integers(min_value=2, max_value=9_999_999).filter(lambda n: not 1800 <= n <= 2100)


@settings(max_examples=150, deadline=None)
@given(n=ints, noun=st.sampled_from(NOUNS))
def test_digits_with_separators_and_noun(n, noun):
    q = only(f"They counted {with_commas(n)} {noun[0]} in total.")
    assert q.kind == "count" and q.value == n and q.unit == noun[1]
    assert close(q.low, n - rounding_half(n)) and close(q.high, n + rounding_half(n))


def rounding_half(n: int) -> float:
    """The documented rule (hedges.yaml tolerances): 3+ trailing zeros round at the last non-zero
    digit, the half-width capped at 5% of the value; otherwise half a unit."""
    if n % 1000:
        return 0.5
    step = 1000
    while n % (step * 10) == 0:
        step *= 10
    return min(step / 2, 0.05 * n)


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=2, max_value=99), noun=st.sampled_from(NOUNS))
def test_number_words(n, noun):
    q = only(f"We saw {words_for(n)} {noun[0]} there.")
    assert q.kind == "count" and q.value == n and q.unit == noun[1]


@settings(max_examples=150, deadline=None)
@given(whole=st.integers(min_value=1, max_value=999), dec=st.integers(min_value=0, max_value=9),
       scale=st.sampled_from(SCALE_WORDS + SCALE_SUFFIX), sign=st.sampled_from(SIGNS))
def test_money_with_sign_and_scale(whole, dec, scale, sign):
    word, factor = scale
    sep = " " if word in dict(SCALE_WORDS) else ""
    text = f"The fund raised {sign[0]}{whole}.{dec}{sep}{word} last week."
    q = only(text)
    value = (whole + dec / 10) * factor
    assert q.kind == "money" and q.unit == sign[1]
    assert close(q.value, value)
    assert close(q.low, value - 0.05 * factor) and close(q.high, value + 0.05 * factor)


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=1, max_value=99_999), code=st.sampled_from(CODES), before=st.booleans())
def test_money_with_code(n, code, before):
    text = f"It cost {code} {with_commas(n)} then." if before else f"It cost {with_commas(n)} {code} then."
    q = only(text)
    assert q.kind == "money" and q.unit == code and q.value == n


@settings(max_examples=100, deadline=None)
@given(whole=st.integers(min_value=0, max_value=99), dec=st.integers(min_value=0, max_value=9),
       style=st.sampled_from(["%", " percent", " per cent", " pct"]))
def test_percent(whole, dec, style):
    q = only(f"Output rose {whole}.{dec}{style} this time.")
    v = whole + dec / 10
    assert q.kind == "percent" and q.unit == "percent" and close(q.value, v)
    assert close(q.low, v - 0.05) and close(q.high, v + 0.05)
    assert q.direction == "up"


@settings(max_examples=150, deadline=None)
@given(n=st.integers(min_value=10, max_value=99_999).filter(lambda n: not 1800 <= n <= 2100),
       hedge=st.sampled_from(HEDGES), noun=st.sampled_from(NOUNS))
def test_hedges(n, hedge, noun):
    q = only(f"There were {hedge[0]} {with_commas(n)} {noun[0]} here.")
    assert q.qualifier == hedge[1] and q.value == n and q.unit == noun[1]
    assert q.text.lower().startswith(hedge[0])
    if hedge[1] == "approx":
        assert close(q.low, n * 0.9) and close(q.high, n * 1.1)
    elif hedge[1] == "nearly":  # close to it from below: only its own rounding reaches above
        assert close(q.low, n * 0.9) and n < q.high <= max(n + 0.5, n * 1.05)
    elif hedge[1] in ("more_than", "at_least"):
        assert q.low == n and q.high is None
    else:
        assert q.low is None and q.high == n


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text):
    for q in extract_text(text):
        assert text[q.start:q.end] == q.text


NUMBERISH = st.sampled_from(["1,780", "3.3", "$3bn", "16%", " per cent", "about", "more than", "-", "–", "to",
                             "and", "between", "from", "1/2", "½", "twenty-two", "a quarter", "of", "km", "m²",
                             "€", "USD", "\n", " ", ".", ",", "11th", "Covid-19", "3 + 3", "e5", "x10^", "dollars",
                             "50 cents", "feet", "inches", "per", "a month", "minus", "1988", "one", "in"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(NUMBERISH, st.text(max_size=4)), max_size=25).map(" ".join))
def test_spans_and_lines(text):
    qs = extract_text(text)
    prev = -1
    for q in qs:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.line == text.count("\n", 0, q.start) + 1
        assert q.start >= prev
        prev = q.start
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
