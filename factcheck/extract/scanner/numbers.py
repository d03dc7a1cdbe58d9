"""Finding the numbers: digits ("1,234.5", "12,34,567", "1e10", "2½", "10 1/2"), number words ("three
million", "a hundred", "half"), ordinals ("21st", "the eleventh") and fractions ("3/4", "a third"), plus the
readers that join numbers into one ("4 thousand 3 hundred and 21", "1 in 5").

Why first and alone: `find_cores` is one pass over the text (a compiled pattern for digits, one for number
words), and everything else the scanner does happens around the numbers it finds.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..ascii_re import ascii_twin
from ..numbers import (
    CARDINAL_WORDS,
    ORDINAL_WORDS,
    TENS_WORDS,
    UNIT_ORDINALS,
    WORD_NUMBER,
    ParsedNumber,
    parse_digits,
    parse_words,
)
from .nouns import counted_noun
from .records import FAR, tuple_new

#: Digits: every alternative starts with a plain digit so the regex engine can skip ahead fast.
DIGITS_RE = re.compile(
    r"\d(?:\d?,\d\d(?:,\d\d)*,\d{3}(?![\d,])(?:\.\d+)?"  # Indian grouping: 12,34,567.89
    r"|\d{0,2}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?(?![\d,])"
    r"|\d*(?:\.\d+)?)"
)
#: The same pattern for ASCII text (see `ascii_twin`).
DIGITS_ASCII_RE = ascii_twin(DIGITS_RE)
#: `DIGITS_RE` for the scan over a whole text, with the Indian grouping barred right after a digit and a comma.
#: Why: a failed attempt at that alternative runs to the end of a run of ",dd" groups, so a line such as
#: "1,11,11,11,..." took time quadratic in its length (a minute for 80 KB). A number that starts right after a
#: digit and a comma is dropped by `find_cores` all the same, and the numbers read instead there end where that
#: one would have, so the numbers found are the same (tests/test_scanner_numbers.py checks it against the plain
#: pattern).
DIGITS_SCAN_RE = re.compile(
    DIGITS_RE.pattern.replace(r"\d(?:\d?,\d\d(?:,\d\d)*", r"\d(?:(?<!\d,\d)\d?,\d\d(?:,\d\d)*", 1))
DIGITS_SCAN_ASCII_RE = ascii_twin(DIGITS_SCAN_RE)
_TRIGGER_WORDS = sorted(
    [w for w in CARDINAL_WORDS if w not in ("one", "zero", "nil")]
    + ["one", "zero", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
       "trillion", "dozen", "dozens", "half", "quarter", "third", "thirds", "quarters", "fifth", "tenth",
       "hundredth", "thousandth", "millionth", "billionth", "trillionth"]
    + [w for w in ORDINAL_WORDS if ORDINAL_WORDS[w] > 10 and w not in ("hundredth", "thousandth")],
    key=len, reverse=True,
)
#: Number words are found on the lower-cased text (3x faster than a case-insensitive scan).
WORD_TRIGGER_RE = re.compile(r"\b(?:" + "|".join(_TRIGGER_WORDS) + r")\b")


def _trie(words: list[str]) -> str:
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    return "|".join(re.escape(c) + "(?:" + "|".join(re.escape(r) for r in sorted(rest, key=len, reverse=True)) + ")"
                    for c, rest in sorted(by_first.items()))


#: The same words, led by the non-word character before them and grouped by first letter, run on
#: " " + lower-cased text: `re` then skips ahead to word starts instead of trying every alternative
#: at every position (2.5x faster than WORD_TRIGGER_RE, same matches; offsets shift by one).
WORD_TRIGGER_LED_RE = re.compile(r"\W(?:" + _trie(_TRIGGER_WORDS) + r")\b")


#: `WORD_TRIGGER_LED_RE` for ASCII text: the same matches, faster (see `ascii_twin`).
WORD_TRIGGER_LED_ASCII_RE = ascii_twin(WORD_TRIGGER_LED_RE)
WORD_NUMBER_RE = re.compile(r"(?:" + WORD_NUMBER + r")")
_A_BEFORE_RE = re.compile(r"(?:\b(?:a|an|half a|one and a half)[ \u00a0]+)$")
#: The last letters of the phrases _A_BEFORE_RE knows ("a", "an", "half a", "one and a half").
_A_BEFORE_LAST = frozenset("anf")
_HALF_OBJECT = frozenset({"of", "the", "a", "an", "their", "its", "our", "his", "her", "all", "them", "those", "these"})
#: Words that, alone, are articles or pronouns far more often than quantities.
_WEAK_WORDS = frozenset({"a", "an", "one", "zero", "nil", "naught", "third", "quarter", "quarters", "thirds"})
#: Weak words kept when a unit, currency or counted noun follows: "one penny", "zero emissions".
_KEEP_IF_UNIT = frozenset({"one", "zero"})
#: "minus one", "negative zero": a sign word makes a weak word a number
_SIGN_WORD_BEFORE_RE = re.compile(r"\b(?:minus|negative)[ \u00a0]+\Z")
#: The end of a clause right after a number (and its unit).
CLAUSE_END_RE = re.compile(r"[ \u00a0]*(?:[.!?;,)\n]|$)")
#: Scientific notation right after digits: "1e10", "12.32e+14", "1.3x10^6", "1.99×10−30", "1.1^23".
_SCI_RE = re.compile(
    r"(?:[eE](?P<e>[+\-−]?\d{1,3})"
    r"|[ ]?(?:[xX*][ ]?10[ ]?(?:\^|\*\*)|×[ ]?10[ ]?\^?)[ ]?(?P<x>[+\-−]?\d{1,3})"
    r"|\^(?P<p>[+\-−]{0,2}\d{1,3}))(?![\w.,]\d|\w)"
)
_VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8,
           "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
_VULGAR_RE = re.compile("[" + "".join(_VULGAR) + "]")
_FRACTION_RE = re.compile(r"[/⁄](\d{1,3})(?![\w/])")
#: "1 in 5", "one out of three": a share written as a ratio.
_RATIO_RE = re.compile(r"[ \u00a0]+(?:in|out[ \u00a0]+of|(?P<over>over))[ \u00a0]+")
#: What may join the parts of "3 dollars 50 cents", "5 feet 2 inches", "4 thousand 3 hundred and 21".
JOIN_RE = re.compile(r"[ \u00a0]+(?:and[ \u00a0]+)?(?=\w)")
MAGNITUDES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
#: "hundreds of thousands": a second order of magnitude multiplies the first
_OF_MAGNITUDES_RE = re.compile(r" of (?P<mag>thousand|million|billion|trillion)s\b")
ADDITIVE_SCALES = frozenset({100.0, 1000.0, 100000.0, 10000000.0})


class Core(NamedTuple):
    """A number found in the text, before anything around it is read (a tuple: one per number, made
    with `tuple_new` where it counts)."""

    start: int
    end: int
    number: ParsedNumber
    is_word: bool
    kind: str = "number"  # number | ordinal | fraction | weak (kept only with a unit or noun)


_WORDS_MEMO: dict[str, ParsedNumber | None] = {}


def _words_number(raw: str) -> ParsedNumber | None:
    """`parse_words`, memoised: the same few number words ("two", "three million") recur endlessly.
    A ParsedNumber is treated as immutable, so the instances are safe to share."""
    try:
        return _WORDS_MEMO[raw]
    except KeyError:
        parsed = _WORDS_MEMO[raw] = parse_words(raw)
        if len(_WORDS_MEMO) > 50_000:
            _WORDS_MEMO.clear()
        return parsed


#: A number word glued to "fold": "sixfold", "a tenfold rise".
_FOLD_WORD_RE = re.compile(r"\b(?P<w>two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|"
                           r"fifty)fold\b")

#: Words before a spelled-out ordinal that make it one ("the eleventh", "its fortieth"), rather than a
#: fraction ("a fifth of", "two fifths").
_ORDINAL_DETERMINERS = frozenset({"the", "its", "his", "her", "their", "our", "my", "your", "whose"})
_COMPOUND_ORDINAL_RE = re.compile(r"-(" + "|".join(UNIT_ORDINALS) + r")\b")
_ORDINAL_WORD_RE = re.compile(r"(" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")\b")


def _ordinal_at(low: str, s: int, wm: re.Match[str] | None) -> Core | None:
    """"the eleventh title", "its fortieth anniversary", "twenty-first": a spelled-out ordinal at ``s``.

    A compound ("twenty-first") is an ordinal anywhere; a single word only from "tenth" up (news style
    spells out first to ninth, mostly for rounds, quarters and innings), after a determiner and not
    before "of" ("the tenth of the votes" is a share).
    """
    if wm is not None and low[s:wm.end()] not in ORDINAL_WORDS:
        tens = TENS_WORDS.get(low[s:wm.end()])
        if tens is None:
            return None
        cm = _COMPOUND_ORDINAL_RE.match(low, wm.end())
        if cm is None:
            return None
        return Core(s, cm.end(), ParsedNumber(float(tens + UNIT_ORDINALS[cm.group(1)]), 1.0), True, "ordinal")
    om = _ORDINAL_WORD_RE.match(low, s)
    if om is None or low.startswith(" of ", om.end()) or ORDINAL_WORDS[om.group(1)] < 10:
        return None  # "the sixth round", "the third quarter": positions in a story's sequence, not claims
    before = low[max(0, s - 7):s].split()
    if not before or before[-1] not in _ORDINAL_DETERMINERS:
        return None
    return Core(s, om.end(), ParsedNumber(float(ORDINAL_WORDS[om.group(1)]), 1.0), True, "ordinal")


def _as_float(raw: str) -> float | None:
    """The value of digits as written, group separators left out: "1,250" and "1 250" are 1250 (before "½",
    "th" or an exponent, where `parse_digits` is not asked); None for no number (".5.5")."""
    try:
        return float(raw.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", ""))
    except ValueError:
        return None


def find_cores(text: str, low: str, skip_spans: list[tuple[int, int]] | tuple[()] = (),
               digits_memo: dict[str, ParsedNumber] | None = None) -> list[Core]:
    """Every number in the text, digits and words, in order and without overlaps.

    Digits that lie wholly inside one of ``skip_spans`` (dates and durations, which `scan` skips)
    are left out at once: a quarter of the digits in news are dates. ``digits_memo`` keeps the parse of
    each digit string across texts (a scanner passes its own)."""
    cores: list[Core] = []
    append = cores.append
    n = len(text)
    if digits_memo is None:
        digits_memo = {}
    skip_to = -1
    si, n_skip = 0, len(skip_spans)
    span_a, span_b = skip_spans[0] if n_skip else (FAR, FAR)
    for m in (DIGITS_SCAN_ASCII_RE if text.isascii() else DIGITS_SCAN_RE).finditer(text):
        s, e = m.span()
        if s < skip_to:
            continue
        if s >= span_a:
            while s >= span_b:
                si += 1
                span_a, span_b = skip_spans[si] if si < n_skip else (FAR, FAR)
            if span_a <= s and e <= span_b:
                continue  # inside a date: `scan` would skip it
        if s > 0:
            prev = text[s - 1]
            if prev in ".,":
                if s > 1 and text[s - 2].isdigit():
                    continue
                if prev == "." and (s < 2 or not text[s - 2].isalnum()):
                    s -= 1  # ".5" written without the zero
        raw = text[s:e]
        while raw and raw[-1] in ".,":
            raw = raw[:-1]
            e -= 1
        if not raw or raw == ".":
            continue
        nxt = text[e:e + 1]
        if (nxt == "," and text.startswith(", 0", e) and text[e + 3:e + 5].isdigit()
                and not text[e + 5:e + 6].isdigit() and "." not in raw and (len(raw) <= 3 or "," in raw)):
            e += 5  # "2, 000ft", "1,710, 000": a stray space after a thousands comma
            raw = text[s:e]
            skip_to = e
            nxt = text[e:e + 1]
        if nxt and nxt in "snrt" and "." not in raw:
            tail = text[e:e + 3]
            if tail[:2] in ("st", "nd", "rd", "th") and (len(tail) < 3 or not tail[2].isalpha()):
                whole = _as_float(raw)
                if whole is not None:
                    append(Core(s, e + 2, ParsedNumber(whole, 1.0), False, "ordinal"))
                    continue
        elif nxt and nxt in "/⁄" and raw.isdigit():
            sm = _FRACTION_RE.match(text, e)
            if sm and not (s > 0 and text[s - 1] == "/"):
                den = int(sm.group(1))
                num = int(raw)
                if 0 < num < den:
                    frac = Core(s, sm.end(), ParsedNumber(num / den, 0.0, is_fraction=True), False, "fraction")
                    prev_core = cores[-1] if cores else None
                    if (prev_core is not None and prev_core.kind == "number" and not prev_core.is_word
                            and prev_core.number.precision == 1.0 and 0 < s - prev_core.end <= 2
                            and (text[prev_core.end:s].isspace() or text[prev_core.end:s] == "-")):
                        # "10 1/2", and the wire's "5-1/2" (five and a half)
                        cores[-1] = Core(prev_core.start, sm.end(),
                                         ParsedNumber(prev_core.number.value + num / den, 0.0), False)
                    else:
                        append(frac)
                    continue
            continue  # dates such as 11/17 and codes such as 24/7
        elif nxt and nxt in "eExX×*^ " and (nxt != " " or text[e + 1:e + 2] in ("x", "X", "*", "×")):
            sci = _SCI_RE.match(text, e)
            if sci:
                exp_txt = sci.group("e") or sci.group("x")
                base = _as_float(raw)
                try:
                    if base is None:
                        value = None  # ".5.5e3": no number, as `parse_digits` finds below
                    elif exp_txt is not None:
                        value = base * 10.0 ** int(exp_txt.replace("−", "-"))
                    else:
                        p = sci.group("p")
                        sign = -1 if p.count("-") % 2 else 1
                        value = base ** (sign * int(p.lstrip("+-")))
                except (OverflowError, ValueError, ZeroDivisionError):
                    value = None
                if value is not None and value == value and abs(value) < 1e300:
                    append(Core(s, sci.end(), ParsedNumber(value, 0.0), False))
                    continue
        elif nxt and nxt in _VULGAR:  # "2½"
            whole = _as_float(raw)
            if whole is not None:
                append(Core(s, e + 1, ParsedNumber(whole + _VULGAR[nxt], 0.0), False))
                continue
        parsed = digits_memo.get(raw)
        if parsed is None:
            parsed = parse_digits(raw)
            if parsed is not None and len(digits_memo) < 100_000:
                digits_memo[raw] = parsed  # ParsedNumber is treated as immutable: safe to share
        if parsed is not None:
            append(tuple_new(Core, (s, e, parsed, False, "number")))
    if not text.isascii() and any(c in text for c in "½¼¾⅓⅔⅕⅛"):  # no need to look in ASCII text
        extra = []
        for vm in _VULGAR_RE.finditer(text):
            s = vm.start()
            if s > 0 and text[s - 1].isdigit():
                continue
            extra.append(Core(s, s + 1, ParsedNumber(_VULGAR[vm.group(0)], 0.0, is_fraction=True), False,
                              "fraction"))
        if extra:
            cores = sorted(cores + extra, key=lambda c: c.start)
    if len(low) == n:
        word_cores: list[Core] = []
        last_end = -1
        led = WORD_TRIGGER_LED_ASCII_RE if low.isascii() else WORD_TRIGGER_LED_RE
        si = 0
        span_a, span_b = skip_spans[0] if n_skip else (FAR, FAR)
        for m in led.finditer(" " + low):
            s = m.start()  # the lead character's offset in " " + low is the word's offset in low
            if s < last_end:
                continue
            if s >= span_a:
                while s >= span_b:
                    si += 1
                    span_a, span_b = skip_spans[si] if si < n_skip else (FAR, FAR)
                if span_a <= s and m.end() - 1 <= span_b:
                    last_end = span_b  # inside a date or duration ("two years"): `scan` would skip it
                    continue
            # "a hundred", "one and a half million": only after a space that follows "a", "an" or "half"
            am = None
            if s > 1 and low[s - 1] in " \u00a0":
                j = s - 2
                while j > 0 and low[j] in " \u00a0":
                    j -= 1
                if low[j] in _A_BEFORE_LAST:
                    am = _A_BEFORE_RE.search(low, max(0, s - 20), s)
            if am:
                s = am.start()
            wm = WORD_NUMBER_RE.match(low, s)
            if not wm and am:
                s = m.start()
                wm = WORD_NUMBER_RE.match(low, s)
            ordinal = _ordinal_at(low, s, wm)
            if ordinal is not None:
                word_cores.append(ordinal)
                last_end = ordinal.end
                continue
            if wm:
                e = wm.end()
                raw = low[s:e]
                if raw.endswith(" of"):
                    e -= 3
                    raw = raw[:-3]
                if raw in _WEAK_WORDS:
                    last_end = e
                    if raw in _KEEP_IF_UNIT and _SIGN_WORD_BEFORE_RE.search(low, max(0, s - 10), s):
                        word_cores.append(Core(s, e, _words_number(raw), True))  # "minus one": a number
                    elif raw in _KEEP_IF_UNIT:
                        word_cores.append(Core(s, e, _words_number(raw), True, "weak"))
                    continue
                parsed = _words_number(raw)
                if parsed is not None:
                    if parsed.is_fraction and raw.startswith(("a ", "an ")) and " " not in raw[2:].strip():
                        # "a third" is a share only before "of" or at the end of a clause:
                        # "a third term", "a fifth straight year" are ordinals
                        after = low[e:e + 4]
                        if (after[:1] == " " and not after.startswith(" of")) or after[:1] == "-":
                            # ... and "a third-party review", "a quarter-final" are names
                            last_end = e
                            continue
                    word_cores.append(Core(s, e, parsed, True, "fraction" if parsed.is_fraction else "number"))
                last_end = e
            elif m.group(0)[1:] == "half":
                m_end = m.end() - 1
                after = low[m_end:m_end + 8].split()
                if after and after[0] in _HALF_OBJECT:
                    word_cores.append(Core(m_end - 4, m_end, ParsedNumber(0.5, 0.0, is_fraction=True),
                                           True, "fraction"))
                last_end = m_end
        if "fold" in low:  # "sixfold", "tenfold": the number word glued to "fold"
            for fm in _FOLD_WORD_RE.finditer(low):
                word = float(CARDINAL_WORDS[fm.group("w")])
                word_cores.append(Core(fm.start(), fm.end("w"), ParsedNumber(word, 1.0), True))
        if word_cores:
            cores = sorted(cores + word_cores, key=lambda c: c.start)
    return cores


def core_at(text: str, low: str, j: int, weak_ok: bool = False) -> Core | None:
    """The number that starts at ``j``; weak words ("one") only when ``weak_ok``."""
    m = DIGITS_RE.match(text, j)
    if m:
        tail = text[m.end():m.end() + 3]
        if tail[:2] in ("st", "nd", "rd", "th") and (len(tail) < 3 or not tail[2].isalpha()):
            return Core(j, m.end() + 2, ParsedNumber(0.0, 1.0), False, "ordinal")
        raw = m.group(0).rstrip(".,")
        parsed = parse_digits(raw)
        return Core(j, j + len(raw), parsed, False) if parsed else None
    wm = WORD_NUMBER_RE.match(low, j)
    if wm and (wm.group(0) not in _WEAK_WORDS or (weak_ok and wm.group(0) in _KEEP_IF_UNIT)):
        parsed = parse_words(wm.group(0))
        if parsed is not None:
            return Core(j, wm.end(), parsed, True)
    return None


class NumberReader:
    """Numbers made of numbers: a smaller one added after a scale word, a share written as a ratio, an order of
    magnitude and what it counts (a mixin of `Scanner`: it reads scales and units with the other readers)."""

    def _additive(self, text: str, low: str, pos: int, scale: float, precision: float) -> tuple[float, float, int]:
        """"4 thousand 3 hundred and 21": smaller numbers after a scale word add to it."""
        extra = 0.0
        last = scale
        while True:
            jm = JOIN_RE.match(text, pos)
            if not jm or ("and" in jm.group(0) and last != 100 and not low.startswith(" and a", jm.start())):
                break
            c2 = core_at(text, low, jm.end(), weak_ok=last == 100)
            if c2 is None:
                break
            if c2.number.is_fraction:
                if "and" in jm.group(0) and 0 < c2.number.value < 1 and last >= 1000:
                    # "3 million and a half": half of the last scale
                    extra += c2.number.value * last
                    precision = last / 4
                    pos = c2.end
                break
            sc3, p3 = self._scale_after(text, c2.end, True, False)
            add = c2.number.value * sc3
            if not 0 < add < last or (sc3 != 1.0 and sc3 not in ADDITIVE_SCALES):
                break
            extra += add
            precision = c2.number.precision * sc3
            pos, last = p3, sc3
            if sc3 == 1.0:
                break
        return extra, precision, pos

    def _ratio(self, text: str, low: str, e: int, num: float) -> tuple[float, int] | None:
        """"1 in 5", "one out of three": a share written as a ratio; (value, end)."""
        m = _RATIO_RE.match(text, e)
        if m is None:
            return None
        c2 = core_at(text, low, m.end())
        if c2 is None or c2.number.is_fraction or c2.number.vague or not c2.number.value.is_integer():
            return None  # "one in a hundred" and "two out of five hundred" are shares too
        den = c2.number.value
        if not num < den or (1800 <= den <= 2100 and c2.end - c2.start == 4):
            return None  # "a 52 over 48 vote" is not a share
        if m.group("over") and not CLAUSE_END_RE.match(text, c2.end):
            return None  # "one over three" is a fraction only when nothing follows: not "2 over 3 years"
        k, _, _, _ = self._unit_after(text, c2.end, False, False)
        if k is not None:
            return None  # "5 in 10 days", "2 in 10 km"
        return num / den, c2.end

    def _vague_of(self, text: str, low: str, start: int, pos: int,
                  value: float) -> tuple[int, int, float, str, str | None]:
        """"tens of thousands of dollars", "hundreds of thousands of people", "dozens of people".

        An order of magnitude ("thousands") may be multiplied ("tens of", "of thousands") and is
        followed by what it counts after "of": (span start, end, lowest value, kind, unit).
        """
        if start >= 8 and low.startswith("tens of ", start - 8):
            start -= 8
            value *= 10
        m = _OF_MAGNITUDES_RE.match(low, pos)
        if m is not None:
            value *= MAGNITUDES[m.group("mag")]
            pos = m.end()
        if low.startswith(" of ", pos):
            kind, unit, currency, end = self._unit_after(text, pos + 4, True, True)
            if kind == "money" and currency is not None:
                return start, end, value, "money", currency
            unit, _ = counted_noun(text, pos + 3, value)
            return start, pos, value, "count", unit
        return start, pos, value, "count", None
