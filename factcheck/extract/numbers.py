"""Turn the text of a number (digits or English words) into a value and its rounding unit.

Why hand-written rather than text2num: we need the value *and* the precision the writer used
("3.3 billion" is stated to 0.1 billion; "three hundred thousand" to a hundred thousand) so that
rounding becomes an interval, and we need fractions ("two-thirds", "a quarter") and "a dozen",
which text2num does not parse.
"""
from __future__ import annotations

import math
import re

UNITS_WORDS = {
    "zero": 0, "nil": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
MAGNITUDE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
                   "trillion": 1_000_000_000_000}
DENOMINATOR_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "twelfth": 12, "twelfths": 12, "twentieth": 20,
    "twentieths": 20, "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
    "millionth": 10**6, "millionths": 10**6, "billionth": 10**9, "billionths": 10**9,
    "trillionth": 10**12, "trillionths": 10**12,
}
CARDINAL_WORDS = {**UNITS_WORDS, **TENS_WORDS}
#: Spelled-out ordinals: "the eleventh", "its fortieth"; compounds take the first nine ("twenty-first").
UNIT_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9}
ORDINAL_WORDS = {
    **UNIT_ORDINALS, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
    "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
}

_CARD = "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True))
_TENS = "|".join(TENS_WORDS)
#: "fifty - two": a spaced hyphen joins a tens word only to one of these
_DIGIT_WORDS = "|".join(w for w, v in UNITS_WORDS.items() if 1 <= v <= 9)
_MAG = "|".join(MAGNITUDE_WORDS) + "|dozen|dozens"
_DEN = "|".join(sorted(DENOMINATOR_WORDS, key=len, reverse=True))
_SEP = r"(?:[ \u00a0]+(?:and[ \u00a0]+)?|-)"
_SP = r"[ \u00a0]+"
#: "point" decimals: "five point five", "two hundred point zero three", "nought point eleven".
_POINT = r"(?:" + _SP + r"point(?:" + _SP + r"(?:" + _CARD + r")\b(?:-(?:" + _CARD + r")\b)?)+)?"
#: A fraction tail: "and a half", "and three quarters", "and fifty-four hundredths", "of a million".
_FRAC_TAIL = (r"(?:" + _SP + r"and" + _SP + r"(?:a|an|one|(?:" + _CARD + r")(?:-(?:" + _CARD + r"))?)" + _SP
              + r"(?:" + _DEN + r")\b(?:" + _SP + r"(?:" + _MAG + r")\b)?)?")
#: A run of English number words, e.g. "one hundred and fifty", "twenty-two thousand", "a dozen",
#: "five and a half million", "half a million", "two-thirds", "a quarter", "five point five".
WORD_NUMBER = (
    r"(?:(?:(?:a|an|half[ \u00a0]+a|one[ \u00a0]+and[ \u00a0]+a[ \u00a0]+half)[ \u00a0]+"
    r"(?:(?:" + _MAG + r")\b|(?:" + _DEN + r")\b(?:[ \u00a0]+(?:" + _MAG + r")\b)?)"
    r"|(?:half|quarter)[ \u00a0]+(?:" + _MAG + r")\b)"
    r"(?:" + _SEP + r"(?:" + _CARD + r"|" + _MAG + r")\b)*" + _FRAC_TAIL +
    r"|(?:" + _CARD + r")[ \u00a0]+-[ \u00a0]+(?:" + _DEN + r")\b"
    r"|(?:(?:" + _TENS + r")[ \u00a0]+-[ \u00a0]+(?:" + _DIGIT_WORDS + r")|" + _CARD + r")\b(?:" + _SEP + r"(?:" + _CARD + r"|" + _MAG + r"|" + _DEN + r")\b"
    r"|[ \u00a0]+and[ \u00a0]+a[ \u00a0]+half\b)*" + _POINT + _FRAC_TAIL +
    r"(?:[ \u00a0]+of[ \u00a0]+an?[ \u00a0]+(?:million|billion|trillion|thousand)\b)?"
    r"|(?:" + _MAG + r")s?\b(?:[ \u00a0]+of\b)?"
    r")"
)

_TOKEN = re.compile(r"[a-z]+")


class ParsedNumber:
    """A parsed number: its value, the unit of its last stated digit, and whether it is a fraction.

    A plain slotted class rather than a frozen dataclass: the scanner makes one per number in the
    text, and a frozen dataclass's ``__init__`` costs four times as much. Treat it as immutable.
    """

    __slots__ = ("value", "precision", "is_fraction", "vague")

    def __init__(self, value: float, precision: float, is_fraction: bool = False, vague: bool = False) -> None:
        self.value = value
        self.precision = precision  # half of this is the rounding slack
        self.is_fraction = is_fraction
        self.vague = vague  # "thousands", "dozens": an order of magnitude, not a figure

    def _key(self) -> tuple[float, float, bool, bool]:
        return (self.value, self.precision, self.is_fraction, self.vague)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ParsedNumber) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return "ParsedNumber(value=%r, precision=%r, is_fraction=%r, vague=%r)" % self._key()


def parse_digits(text: str) -> ParsedNumber | None:
    """'1,780' -> 1780 (precision 1); '3.3' -> 3.3 (precision 0.1); '1 000' -> 1000."""
    if text.isdigit() and text.isascii():  # the commonest shape: a plain integer
        return ParsedNumber(float(text), 1.0)
    clean = text.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if clean.startswith("."):
        clean = "0" + clean
    try:
        value = float(clean)
    except ValueError:
        return None
    dot = clean.find(".")
    precision = 10.0 ** -(len(clean) - dot - 1) if dot >= 0 else 1.0
    return ParsedNumber(value, precision)


def parse_words(text: str) -> ParsedNumber | None:
    """Parse a run of number words; None when the words do not form a number."""
    tokens = _TOKEN.findall(text.lower())
    if not tokens:
        return None
    # "two thirds of a million"
    if len(tokens) > 3 and tokens[-3] == "of" and tokens[-2] in ("a", "an") and tokens[-1] in MAGNITUDE_WORDS:
        head = _parse_tokens(tokens[:-3])
        if head is None:
            return None
        mag = MAGNITUDE_WORDS[tokens[-1]]
        return ParsedNumber(head.value * mag, head.precision * mag if head.precision else 0.0)
    # "five point five", "two hundred point zero three"
    if "point" in tokens:
        i = tokens.index("point")
        head = _parse_tokens(tokens[:i]) if i else None
        if head is None or head.is_fraction:
            return None
        digits = ""
        for tok in tokens[i + 1:]:
            v = CARDINAL_WORDS.get(tok)
            if v is None:
                return None
            if v < 10 and (digits == "" or not digits[-1:].isdigit() or tok in UNITS_WORDS):
                digits += str(v)
            elif v >= 10:
                digits += str(v) if v % 10 or tok in UNITS_WORDS else str(v // 10)
            else:
                digits += str(v)
        if not digits:
            return None
        # "seventy-one" reads 7 then 1; "seventy" alone is "7"
        return ParsedNumber(head.value + float("0." + digits), 10.0 ** -len(digits))
    # "five and a quarter", "one million and a half", "two and fifty-four hundredths"
    if len(tokens) > 2 and tokens[-1] in DENOMINATOR_WORDS or (len(tokens) > 3 and tokens[-2] in DENOMINATOR_WORDS
                                                                and tokens[-1] in MAGNITUDE_WORDS):
        for k in range(len(tokens) - 2, 0, -1):
            if tokens[k] != "and":
                continue
            tail = _parse_tokens(tokens[k + 1:])
            if tail is None or not tail.is_fraction or tail.value >= 1:
                break
            head = _parse_tokens(tokens[:k])
            if head is None or head.is_fraction:
                break
            last = tokens[k - 1]
            mag = MAGNITUDE_WORDS.get(last, 1) if last != "hundred" else 1
            den = next(DENOMINATOR_WORDS[t] for t in reversed(tokens) if t in DENOMINATOR_WORDS)
            return ParsedNumber(head.value + tail.value * mag, mag / den)
    return _parse_tokens(tokens)


def _parse_tokens(tokens: list[str]) -> ParsedNumber | None:
    if not tokens:
        return None
    total = 0.0
    current = 0.0
    seen_number = False
    last_unit = 1.0
    fraction = False
    i = 0
    if tokens[0] in ("thousands", "millions", "billions", "hundreds", "dozens"):
        base = tokens[0][:-1]
        low = 12 if base == "dozen" else MAGNITUDE_WORDS[base]
        return ParsedNumber(float(low), float(low), vague=True)
    group_unit = 1.0  # unit of the last word inside the group below a thousand
    prev_tens = 0
    prev_unit_word = False  # the last word was "one" to "nineteen"
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok in ("a", "an"):
            if nxt == "half" and seen_number:
                current += 0.5
                group_unit = 0.5
                last_unit = 0.5
                i += 2
                continue
            if not seen_number:
                current = 1.0
                seen_number = True
            i += 1
            continue
        if tok in ("and", "of"):
            i += 1
            continue
        tens_here = 0
        if tok in CARDINAL_WORDS:
            if tok in UNITS_WORDS and prev_unit_word:
                return None  # "three four", "three-nought-four": digits read out, not one number
            current += CARDINAL_WORDS[tok]
            seen_number = True
            group_unit = last_unit = 1.0
            tens_here = CARDINAL_WORDS[tok] if tok in TENS_WORDS else 0
        elif tok == "hundred":
            current = (current or 1.0) * 100
            seen_number = True
            group_unit = last_unit = 100.0
        elif tok in ("dozen", "dozens"):
            current = (current or 1.0) * 12
            seen_number = True
            group_unit = last_unit = 12.0
        elif tok in MAGNITUDE_WORDS:
            mag = MAGNITUDE_WORDS[tok]
            total += (current or 1.0) * mag
            current = 0.0
            seen_number = True
            last_unit = group_unit * mag
            group_unit = 1.0
        elif tok == "half" and not seen_number:
            current = 0.5
            seen_number = True
            fraction = nxt is None
            group_unit = last_unit = 0.5
        elif tok in DENOMINATOR_WORDS:
            den = DENOMINATOR_WORDS[tok]
            numerator = current or 1.0
            if prev_tens and den < 10 and numerator > prev_tens:  # "one twenty-fifth" = 1/25
                numerator -= prev_tens
                den += prev_tens
            current = numerator / den
            fraction = nxt not in MAGNITUDE_WORDS  # "a quarter million" is a count
            group_unit = last_unit = 1.0 / den
            seen_number = True
        else:
            return None
        prev_tens = tens_here
        prev_unit_word = tok in UNITS_WORDS
        i += 1
    if not seen_number:
        return None
    value = total + current
    if fraction and total == 0:
        return ParsedNumber(value, 0.0, is_fraction=True)
    return ParsedNumber(value, last_unit)


def rounding_interval(value: float, precision: float) -> tuple[float, float]:
    """Half a unit of the last stated digit either side: 3.3 (precision 0.1) -> (3.25, 3.35)."""
    half = precision / 2.0
    lo, hi = value - half, value + half
    if lo > hi:
        lo, hi = hi, lo
    return (_tidy(lo), _tidy(hi))


def _tidy(x: float) -> float:
    """Remove binary noise (3.3e9 - 0.05e9 = 3249999999.9999995) so intervals print and compare cleanly."""
    if (x + x).is_integer() and -1e15 < x < 1e15:  # whole and half numbers are exact in binary
        return x
    if not math.isfinite(x):
        return x
    digits = 12 - int(math.floor(math.log10(abs(x))))
    return round(x, max(0, digits)) if digits > 0 else float(round(x))


tidy = _tidy
