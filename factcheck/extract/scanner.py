"""The quantity scanner: one pass over the text finds number cores, then cheap anchored look-ups
around each core read its sign, hedge, currency, scale, unit or counted noun.

Why this shape: a dependency parser costs ~0.1 MB/s and the goal is >= 3 MB/s, so the work per
number must be a handful of compiled-pattern matches at fixed positions and dictionary look-ups.
Cheap character tests guard the rarer readers (a range reader runs only before "-", "to", "and"...;
the scale reader only before a letter a scale word starts with; the ignore patterns only where
their `near` regexes occur), and the look-ups that repeat across a corpus ("pct", "dlrs", "shares")
are memoised on the words they read, so the output is exactly that of the plain readers.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, NamedTuple

from ..model import Quantity
from .ascii_re import ascii_twin
from .lexicon import IgnorePattern, Lexicon
from .numbers import (
    CARDINAL_WORDS,
    ORDINAL_WORDS,
    TENS_WORDS,
    UNIT_ORDINALS,
    WORD_NUMBER,
    ParsedNumber,
    parse_digits,
    parse_words,
    rounding_interval,
    tidy,
)

#: Digits: every alternative starts with a plain digit so the regex engine can skip ahead fast.
DIGITS_RE = re.compile(
    r"\d(?:\d?,\d\d(?:,\d\d)*,\d{3}(?![\d,])(?:\.\d+)?"  # Indian grouping: 12,34,567.89
    r"|\d{0,2}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?(?![\d,])"
    r"|\d*(?:\.\d+)?)"
)
#: The same pattern for ASCII text (see `ascii_twin`).
_DIGITS_ASCII_RE = ascii_twin(DIGITS_RE)
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
_WORD_TRIGGER_LED_RE = re.compile(r"\W(?:" + _trie(_TRIGGER_WORDS) + r")\b")


#: `_WORD_TRIGGER_LED_RE` for ASCII text: the same matches, faster (see `ascii_twin`).
_WORD_TRIGGER_LED_ASCII_RE = ascii_twin(_WORD_TRIGGER_LED_RE)
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
_DIRECTION_WORDS = {w: ("down" if w in (
    "down fell fall falls fallen falling decreased decrease decreases decreasing declined decline declines declining "
    "dropped drop drops dropping lost lose loses slipped slip plunged plunge slumped slump shrank shrink contracted "
    "contract cut cuts slid slide tumbled tumble eased lower reduced reduce shed sheds").split() else "up") for w in (
    "up down rose rise rises risen rising fell fall falls fallen falling grew grow grows grown growing increased "
    "increase increases increasing decreased decrease decreases decreasing declined decline declines declining "
    "dropped drop drops dropping gained gain gains lost lose loses climbed climb climbs jumped jump jumps surged "
    "surge surges slipped slip plunged plunge soared soar slumped slump shrank shrink expanded expand contracted "
    "contract added cut cuts slid slide tumbled tumble eased edged higher lower reduced reduce raised raise shed sheds"
).split()}
_TOKEN_RE = re.compile(r"[^\s\d(][^\s(]{0,39}(?:[ \u00a0][^\s\d(][^\s(]{0,39}){0,3}")
#: The first token of a _TOKEN_RE match.
_FIRST_TOKEN_RE = re.compile(r"[^\s\d(][^\s(]{0,39}")
_LEFT_PUNCT = "(\"'[“‘,;"
#: Closing punctuation that may follow a unit word ("5 km.", "10%)").
_SUFFIX_STRIP = ".,;:!?)\"'’”="  # "=": a Reuters rate code ("108.79 JPY=")
#: The (at most 16) non-space characters that end at the search's end position.
_PREV_TOKEN_RE = re.compile(r"\S{1,16}$")
_DIGIT_OR_HYPHEN_RE = re.compile(r"[\d²³¹⁰⁴⁵⁶⁷⁸⁹\-/,]")
#: After an age set off by commas: ", has", ", who", ", said".
_AGE_APPOSITIVE_RE = re.compile(r",[ \u00a0]+[a-z]")
#: A person's name (a capitalised word, not a month or weekday) right before ", 66,".
_NAME_BEFORE_RE = re.compile(
    r"(?<![\w.])(?!(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)"
    r"[A-Z][a-z]+(?:[ \u00a0][A-Z][a-z]+)?\Z")
#: "aged 87", "age 87" right before the number.
_AGE_WORD_RE = re.compile(r"\bage[d]?[ \u00a0]\Z")
#: "percent of", "per cent of" opening a sentence, right before a number.
_PERCENT_OF_RE = re.compile(r"(?:^|[.!?:;\n]\s*)(?P<p>percents?|per[ -]cents?)[ \u00a0]+of[ \u00a0]+$")
#: The end of a clause right after a number (and its unit).
_CLAUSE_END_RE = re.compile(r"[ \u00a0]*(?:[.!?;,)\n]|$)")
#: Brackets a unit may be written in after a number: "20 (kg)", "20 [kg]".
#: A reference mark right after a number: "[1]", "[12]", "[a]", "[note 3]".
_CITATION_RE = re.compile(r"\[(?:\d{1,3}|[a-z]|note \d{1,3})\]")
_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}
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
_JOIN_RE = re.compile(r"[ \u00a0]+(?:and[ \u00a0]+)?(?=\w)")
#: "per barrel", "a month", "/day": what opens the denominator of a rate.
_RATE_RE = re.compile(r"(?:[ \u00a0]*/[ \u00a0]*|(?:[ \u00a0]+|-)(?:per|a|an|every|each)[ \u00a0-])"
                      r"(?P<w>[A-Za-z][A-Za-z.²³23]*(?:[ \u00a0][A-Za-z]+)?)")
#: Denominators a hyphenated rate may have: "barrel-a-day", "£24 a-year".
_TIME_RATES = frozenset({"day", "week", "month", "year", "hour", "minute", "second"})
#: After "a year", "a month": these make it a time ("a year earlier"), not a rate ("a year").
_TIME_AFTER_RE = re.compile(r"[ \u00a0]+(?:earlier|ago|before|later|previously|prior|back|on|after)\b", re.IGNORECASE)
#: Words before a hyphen and a number that do not make the number a name ("minus-130", "sub-300").
_HYPHEN_PREFIXES = {"minus": "neg", "negative": "neg", "sub": "", "over": "", "under": "", "mid": "", "top": "",
                    "pre": "", "post": "", "about": "", "around": "", "some": "", "nearly": "", "almost": ""}
#: Words that describe how many more rather than what is counted: "eight more picks" counts picks.
_YEAR_PREPOSITIONS = (" in", " for", " since", " by", " until", " before", " after", " during", " of")
_MAGNITUDES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ADDITIVE_SCALES = frozenset({100.0, 1000.0, 100000.0, 10000000.0})
#: The smaller unit that may follow a measure, and its size in the larger one: "5 feet 2 inches".
_COMPOUND_NEXT = {"foot": ("inch", 1 / 12), "pound": ("ounce", 1 / 16), "hour": ("minute", 1 / 60),
                  "minute": ("second", 1 / 60), "stone": ("pound", 1 / 14), "meter": ("centimeter", 0.01),
                  "kilogram": ("gram", 0.001), "mile": ("yard", 1 / 1760), "yard": ("foot", 1 / 3)}
_INCH_RE = re.compile(r"[ \u00a0]*(?:in\b\.?|\"|″|'')")
_COUNT_SKIP = frozenset({"more", "additional", "extra", "further", "fewer", "less"})
_RANGE_SEP_RE = re.compile(r"(?P<sep>[ \u00a0]*(?:-to-|-|–|—|to|and|or|through)[ \u00a0]*)", re.IGNORECASE)
#: Where _RANGE_SEP_RE matches (its trailing spaces are optional): the test before the full range
#: reader, which is worth a call only then ("of 5", "at 5", "the 5" no longer call it).
_RANGE_START_RE = re.compile(r"[ \u00a0]*(?:-|–|—|to|and|or|through)", re.IGNORECASE)
#: The characters a range separator starts with, after at most one space: the one-character test
#: `_build` makes before `_RANGE_START_RE`.
_RANGE_FIRST = frozenset("-–—tao \u00a0")


_NOUN_RE = re.compile(r"[ \u00a0]+(?P<words>(?P<first>[A-Za-z][A-Za-z'’-]*)(?:[ \u00a0]+[A-Za-z][A-Za-z'’-]*){0,3})")
_WORD_SPLIT = re.compile(r"[ \u00a0]+")

_STOP = frozenset("""
of in on at to for from by with and or but nor the a an is are was were be been being have has had will would
shall should can could may might must do does did that which who whom whose this these those than as per each
every more less most least percent per cent also only just about around over under into onto out up down off
it its it's their them they he she his her we our you your i me my us there here then when where while if so
such not no yes all any some many much few several another same both either neither what how why after
before since until till during against between among through across via according year years month months
week weeks day days hour hours minute minutes second seconds decade decades century centuries quarter quarters
old ago later earlier last next first this that p.m a.m am pm million billion thousand trillion
plus equals equal said says say told thanks
""".split())
_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "staff", "police", "personnel", "cattle",
                                "sheep", "fish", "deer", "teeth", "feet", "mice", "geese", "crew", "livestock",
                                "aircraft", "offspring", "species", "series", "data", "media", "troops", "youth",
                                "clergy", "faculty", "workforce"})
_ADJECTIVES = frozenset("""
new more other additional major minor main key small large big huge young old senior junior full part-time
full-time local foreign domestic international national regional federal public private total overall
annual monthly daily weekly active registered confirmed reported estimated known unknown former current
top leading separate different various individual single double certain special major important joint-stock
""".split())
_VERB_SUFFIXES = ("ed", "ing", "ly")
#: Words that stress a number rather than say what is counted: left out of the counted noun.
_INTENSIFIERS = frozenset("""
additional extra further total overall estimated whopping mere record staggering reported respective
""".split())


class _Core(NamedTuple):
    """A number found in the text, before anything around it is read (a tuple: one per number, made
    with `_tuple_new` where it counts)."""

    start: int
    end: int
    number: ParsedNumber
    is_word: bool
    kind: str = "number"  # number | ordinal | fraction | weak (kept only with a unit or noun)


#: ``tuple.__new__``: makes a `_Core` or `_Left` in C, without the Python ``__new__`` of a named tuple.
_tuple_new = tuple.__new__
_new = object.__new__
#: Whether Quantity instances keep their fields in a __dict__ (a plain frozen dataclass does).
_QUANTITY_HAS_DICT = "__slots__" not in Quantity.__dict__


def make_quantity(start: int, end: int, text: str, kind: str, value: float | None, low: float | None,
                  high: float | None, unit: str | None, qualifier: str, line: int = 1, doc: str | None = None,
                  direction: str | None = None, date_range: tuple[str, str] | None = None,
                  anchor: str | None = None) -> Quantity:
    """``Quantity(...)`` at a quarter of the cost: a frozen dataclass's ``__init__`` goes through
    ``object.__setattr__`` once per field, which dominates when every number in a corpus becomes one.
    The instance is indistinguishable from one made by the constructor (equality, hash, repr)."""
    if not _QUANTITY_HAS_DICT:
        return Quantity(start, end, text, kind, value, low, high, unit, qualifier, line, doc, direction,
                        date_range, anchor)
    q = _new(Quantity)
    d = q.__dict__
    d["start"] = start
    d["end"] = end
    d["text"] = text
    d["kind"] = kind
    d["value"] = value
    d["low"] = low
    d["high"] = high
    d["unit"] = unit
    d["qualifier"] = qualifier
    d["line"] = line
    d["doc"] = doc
    d["direction"] = direction
    d["date_range"] = date_range
    d["anchor"] = anchor
    return q


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


def with_changes(q: Quantity, **changes: Any) -> Quantity:
    """``dataclasses.replace`` for a Quantity, through the fast constructor."""
    if not _QUANTITY_HAS_DICT:
        return replace(q, **changes)
    fields = dict(q.__dict__)
    fields.update(changes)
    return make_quantity(**fields)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


@lru_cache(maxsize=8192)
def _lemma(word: str) -> str:
    """Singular of a counted noun; lemminflect ships its data, so this works offline."""
    low = word.lower()
    if low in ("people", "staff", "police", "personnel", "data", "media", "species", "series", "news"):
        return low
    try:
        from lemminflect import getLemma

        lemmas = getLemma(low, upos="NOUN")
        if lemmas:
            return lemmas[0]
    except Exception:  # lemminflect missing or odd input: fall back to a plain rule
        pass
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith("s") and not low.endswith("ss"):
        return low[:-1]
    return low


@lru_cache(maxsize=8192)
def _adj_lemma(word: str) -> str:
    """Base form of a comparative or superlative modifier ("smaller tenancies" -> "small tenancy")."""
    if not word.endswith(("er", "est")) or len(word) < 4 or word == "number":
        return word
    try:
        from lemminflect import getLemma

        # dictionary words only: the rules for unknown words make "member" "memb"
        lemmas = getLemma(word, upos="ADJ", lemmatize_oov=False)
        if lemmas:
            return lemmas[0]
    except Exception:
        pass
    return word


#: The words before a glued "s" that make "90s" a decade or an age bracket, not ninety seconds.
_DECADE_BEFORE = frozenset({"the", "his", "her", "their", "its", "our", "my", "your", "early", "mid", "late",
                            "mid-"})
#: A capitalised word after a number and then lower-case running text ("787 Dreamliner was").
_LABEL_NEXT_RE = re.compile(r"[ \u00a0](?P<w>[A-Z][a-z]{2,})(?=[.,;:]|[ \u00a0]+[a-z]|\Z)")
#: Words before a number that make what follows a count even when it is capitalised ("from 18 Kuomintang").
_STOP_BEFORE_LABEL = frozenset({"from", "to", "of", "by", "with", "and", "or", "than", "about", "some", "nearly"})
_NAME_ADJECTIVE_ENDINGS = ("ese", "ish", "ch", "an", "s", "i", "et", "ek")  # Japanese, Soviet, Iraqi, Greek


#: Between a change and its resulting level: its counted noun, if any, and "to".
_TO_BETWEEN_RE = re.compile(r",?(?:[ \u00a0]+[A-Za-z]+){0,2}[ \u00a0]+(?:to|at)[ \u00a0]+\Z")
#: Between an amount and the one it is compared with: "3.9 million headsets, up from 2.4 million",
#: "460 vehicles so far this year compared with 63".
_VERSUS_BETWEEN_RE = re.compile(
    r"(?:[ \u00a0]+(?!(?:and|or|but)\b)[A-Za-z]+){0,5},?[ \u00a0]+(?:(?:up|down)[ \u00a0]+from|from|compared[ \u00a0]+(?:with|to)|versus|vs\.?"
    r"|against)[ \u00a0]+\Z")


#: "aged", "ages", "age" right before a number.
_AGE_WORDS_BEFORE_RE = re.compile(r"\bage[ds]?[ \u00a0]\Z")
#: The oldest age of a range of ages: "aged 18 to 34", "aged 25-54".
_AGE_RANGE_RE = re.compile(r"[ \u00a0]*(?:-|–|to)[ \u00a0]*(?P<hi>\d{1,3})(?![\d.,]\d|[%\w])")
#: An era before a number makes it a year: "A.D. 1000" (one after it is in `_CODE_AFTER`).
_ERA_BEFORE_RE = re.compile(r"(?:\bA\.D\.|\bAD|\bB\.C\.|\bC\.E\.)[ \u00a0]\Z")
#: The other end of a range of years of an era: "A.D. 1000 and 1260".
_ERA_RANGE_RE = re.compile(r"[ \u00a0]*(?:-|–|to|and)[ \u00a0]*\d{1,4}\b"
                           r"(?:[ \u00a0](?:B\.C\.|BC|BCE|A\.D\.|AD|C\.E\.|CE)\b)?")
#: A capitalised word in running text right before a capitalised number word ("the Kick Six win").
_CAP_NAME_AROUND_RE = re.compile(r"[a-z,;:][ \u00a0]+[A-Z][a-z]+[ \u00a0]\Z")
#: A lower-case word after it: running text, not a title-case headline ("Sees Six Pct Rise").
_LOWER_WORD_AFTER_RE = re.compile(r"[ \u00a0]+[a-z]")
#: A name or a possessive right before a number ("Merck's 2018 sales", "Keytruda's 2018"), not the first
#: word of a sentence.
_NAME_WORD_BEFORE_RE = re.compile(r"[a-z,;][ \u00a0]+[A-Z][A-Za-z]+(?:['’]s?)?[ \u00a0]\Z|[a-z]['’]s?[ \u00a0]\Z")
#: A first and a last name right before a number ("Nick Hague 44"), not a month or weekday.
_FULL_NAME_BEFORE_RE = re.compile(
    r"(?<![\w.])(?!(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z]+[ \u00a0][A-Z][a-z]+[ \u00a0]\Z")
#: What a person's age is followed by when the commas around it are left out: "Nick Hague 44 has spent".
_AGE_VERB_AFTER_RE = re.compile(r"[ \u00a0]+(?:has|had|is|was|said|says|told|who|will|would|joined|died|became|"
                                r"added|and[ \u00a0]+(?:his|her))\b")
#: A person and "is", "was", "will be", "turned" right before a number: "who was 10", "he will be 35".
_AGE_BE_RE = re.compile(r"\b(?:he|she|who|i)[ \u00a0]+(?:is|was|will[ \u00a0]+be|would[ \u00a0]+be|turns|turned|"
                        r"will[ \u00a0]+turn|is[ \u00a0]+now|was[ \u00a0]+only|was[ \u00a0]+just)[ \u00a0]+\Z")
#: The last words `_AGE_BE_RE` can end with, as a cheap test before it.
_AGE_BE_LAST = (" is ", " was ", " be ", " turns ", " turned ", " turn ", " now ", " only ", " just ")
#: After the age of "who was 10": the end of the clause or a word that starts another phrase.
_AGE_BE_AFTER_RE = re.compile(r"[ \u00a0]*(?:[.!?;,)\n]|$)|[ \u00a0]+(?:by|when|at|in|and|but|with|on|years)\b")


def _bare_age(text: str, low: str, start: int, end: int, value: float) -> bool:
    """A person's age written without the commas or the word "aged": "Nick Hague 44 has spent" (a
    full name before, a verb after), "who was 10.", "he will be 35 by then" (a person and "is" or
    "was" before, nothing counted after)."""
    if start >= 8 and low.endswith(_AGE_BE_LAST, 0, start) and _AGE_BE_RE.search(low, max(0, start - 24), start):
        return _AGE_BE_AFTER_RE.match(low, end) is not None
    return (15 <= value <= 110 and text[start - 2].islower() and _AGE_VERB_AFTER_RE.match(low, end) is not None
            and _FULL_NAME_BEFORE_RE.search(text, max(0, start - 40), start) is not None)


def _inherit_change_unit(text: str, change: Quantity, level: Quantity, after: int | None = None) -> Quantity:
    """"rose 64.06 points to 4,577.10": the level after "to" is in the change's unit (points).

    Likewise the amount something is compared with ("3.9 million headsets, up from 2.4 million").
    Only counted or measured units pass on, and after "to" only a change's (one with a direction):
    after "rose 0.1% to 1,333.18" the level is not a percentage.
    """
    if after is None:
        after = change.end
    if change.unit is None or change.kind not in ("count", "measure") or level.start - after > 40:
        return level
    between = text[after:level.start]
    if level.text[:5].lower() == "from ":
        between += "from "
    if not (change.direction is not None and _TO_BETWEEN_RE.match(between)) and not _VERSUS_BETWEEN_RE.match(between):
        return level
    return with_changes(level, kind=change.kind, unit=change.unit)


#: What joins the first and the last day of a range of days ("Oct. 18-22", "March 3 to 5").
_DAY_RANGE_JOINS = frozenset({"-", "–", " - ", " – ", " to ", " through "})
_FOLD_STARTS = ("fold", "-fold")
_CODE_AFTER_RE = re.compile(r" (?:gmt|utc|edt|est\)|zip code|postal code|area code|bce?|b\.c\.|a\.d\.)(?!\w)")
#: After a number: it is a clock time or a code ("1430 GMT", "the 90049 ZIP code").
_CODE_AFTER = (" gmt", " utc", " edt", " est)", " zip code", " postal code", " area code", " bc", " b.c.", " a.d.")
#: What `_build` looks for after a bare number in one test: "fold", a code, " on the ", " of ".
_BARE_NEXT = _FOLD_STARTS + _CODE_AFTER + (" on the ", " of ")
_BARE_NEXT3 = frozenset(w[:3] for w in _BARE_NEXT)
#: A number word glued to "fold": "sixfold", "a tenfold rise".
_FOLD_WORD_RE = re.compile(r"\b(?P<w>two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|"
                           r"fifty)fold\b")
#: Between a share and the unit it is a share of: "1/16 of a pint", "half a mile", "a third of a US cup".
_OF_A_UNIT_RE = re.compile(r"[ \u00a0]+(?:of[ \u00a0]+)?an?[ \u00a0]+(?:(?:us|u\.s\.|uk|imperial|metric)[ \u00a0]+)?")
#: "to" and an amount that names its own unit or sign: "3 pct to 7 pct", "$43.6 billion to $419.2 billion".
_CHANGE_TO_LEVEL_RE = re.compile(r"[ \u00a0]+to[ \u00a0]+(?:[^\W\d]{1,3}[ \u00a0]?)?[$€£¥]?[ \u00a0]?\d[\d,.]*"
                                 r"(?:[ \u00a0]*"
                                 r"(?:mln|million|billion|bln|bn|m|trillion|thousand))?[ \u00a0]*(?:[^\W\d]|%)")
#: " on the GPa scale": the unit a number is read on.
_ON_SCALE_RE = re.compile(r" on the (?P<u>[^\W\d][^\s]{0,15}) scale\b")
#: After a bare number: the other end of a range may follow ("three or four years").
_JOIN_AFTER = (" to ", " or ", " and ", "-", "–", " - ", " – ")


def _join_follows(low: str, pos: int) -> bool:
    """Does one of `_JOIN_AFTER` start at ``pos``? (One-character tests first.)"""
    c = low[pos:pos + 1]
    if c == "-" or c == "–":
        return True
    return c == " " and low[pos + 1:pos + 2] in ("t", "o", "a", "-", "–") and low.startswith(_JOIN_AFTER, pos)
#: Kinds whose unit a bare number next to them may share.
_CARRY_KINDS = frozenset({"count", "measure", "money", "percent"})
#: "or 2.14%", "(2.14%)": a percentage that restates the change before it.
_RESTATED_RE = re.compile(r",?[ \u00a0]*(?:\(|or[ \u00a0]+)\Z")
#: Between "from 14 mpg" and the number after it: "to".
_FROM_TO_RE = re.compile(r"[ \u00a0]+to[ \u00a0]+\Z")
#: Between an amount and a bare number that is a second one of the same: ", and", "or", "while the
#: lowest is", "but Nasdaq fell by".
_AND_THEN_RE = re.compile(r",?[ \u00a0]+(?:and|or|but|while|whilst|whereas|including)(?:[ \u00a0]+[A-Za-z&'’]+){0,4}"
                          r"[ \u00a0]+\Z")
#: Between a bare number and the amount after it whose unit it shares: "7- or 8-inch", "four-, five-",
#: "280 million of the 1.5 billion shekels", "to 5 from 6%".
_SHARED_AFTER_RE = re.compile(
    r"(?:-[ \u00a0]*,?|[ \u00a0]*,)[ \u00a0]*\Z"
    r"|-?[ \u00a0]*(?:and|or|to|nor|from|out[ \u00a0]+of|of(?:[ \u00a0]+(?:the|a|an|its|their|his|her))?)"
    r"[ \u00a0]+\Z")
#: Words after a bare number that may end it ("and 187 by tender", "while the lowest is 74.07.").
_BARE_END_RE = re.compile(r"[ \u00a0]*(?:[.!?;)\n]|$)|[ \u00a0]+(?:by|in|on|at|for|last|this|from|during|a|per|each)\b")


def _carry_forward(text: str, out: list[Quantity], level: Quantity) -> Quantity:
    """A bare number after an amount with a unit, in the same phrase, is in that unit.

    "from 14 mpg to 24" (after "from ... to"), "64 points to 4,577" and "lost 162 points, or 2.1%,
    to 7,425" (a change's level, past the percentage that restates it), "435 homes by open sale and
    187 by tender", "84.75 cents, while the lowest is 74.07" (a second amount of the same thing,
    ending its clause); both of a like size (within ten times). A percentage change passes its
    unit to no level ("rose 0.1% to 1,333.18").
    """
    prev = out[-1]
    after = prev.end
    if prev.unit is None or level.start - after > 80:
        return level  # the common case: a bare number after another (tables), or far from it
    if prev.kind == "percent" and len(out) > 1:
        if _RESTATED_RE.search(text, max(0, prev.start - 6), prev.start) and out[-2].direction is not None:
            prev = out[-2]  # "lost 162.31 points, or 2.14%, to fall to 7,425.81"
        elif prev.direction is not None and _TO_BETWEEN_RE.match(text, after, level.start):
            return _parallel_level(text, out, level)
    q = _inherit_change_unit(text, prev, level, after)
    if q is not level or prev.unit is None or prev.kind not in _CARRY_KINDS:
        return q
    between = text[prev.end:level.start]
    if prev.kind in ("count", "measure") and _VERSUS_FAR_RE.match(between) and _like_size(level.value, prev.value) \
            and _DIGIT_OR_STOP_RE.search(between) is None:
        return with_changes(level, kind=prev.kind, unit=prev.unit)
    if level.start - prev.end > 48:
        return level
    if _DIGIT_OR_STOP_RE.search(between) is not None:
        return level
    if not _like_size(level.value, prev.value):
        return level
    if ((prev.text[:5].lower() == "from " or text[max(0, prev.start - 5):prev.start].lower() == "from ")
            and _FROM_TO_RE.match(between)):
        return with_changes(level, kind=prev.kind, unit=prev.unit)
    m = _AND_THEN_RE.match(between)
    if m is None and (prev.kind != "count" or _WORDS_THEN_AND_RE.match(between) is None):
        return level
    if _BARE_END_RE.match(text, level.end) is None:
        return level
    return with_changes(level, kind=prev.kind, unit=prev.unit)


def _parallel_level(text: str, out: list[Quantity], level: Quantity) -> Quantity:
    """"X edged down 0.03% to a close of 1,463.87 points, while Y climbed 0.1% to 1,333.18": a level
    after a percentage change is in the unit of the level of the same size earlier in the sentence
    (one without a change of its own, at most three amounts back)."""
    for k in range(len(out) - 2, max(-1, len(out) - 5), -1):
        cand = out[k]
        if ". " in text[cand.end:level.start]:
            break
        if (cand.unit is not None and cand.kind in ("count", "measure") and cand.direction is None
                and cand.value and level.value and 0.5 <= abs(level.value / cand.value) <= 2):
            return with_changes(level, kind=cand.kind, unit=cand.unit)
    return level


#: A digit or the end of a sentence or clause between two amounts: they are not of one phrase.
_DIGIT_OR_STOP_RE = re.compile(r"[\d.;:]")
#: "435 homes by open sale and 187": words about the first amount, then "and".
_WORDS_THEN_AND_RE = re.compile(r"(?:[ \u00a0]+[A-Za-z]+){1,4},?[ \u00a0]+(?:and|or|but|while|whilst|whereas|including)"
                                r"[ \u00a0]+\Z")
#: `_VERSUS_BETWEEN_RE` with more words between ("460 vehicles have been stolen so far this year compared
#: with 63"): then the two must be of a like size.
_VERSUS_FAR_RE = re.compile(
    r"(?:[ \u00a0]+[A-Za-z]+){6,12},?[ \u00a0]+(?:(?:up|down)[ \u00a0]+from|from|compared[ \u00a0]+"
    r"(?:with|to)|versus|vs\.?|against)[ \u00a0]+\Z")


def _like_size(a: float | None, b: float | None) -> bool:
    """Two amounts of the same thing in one phrase are of a like size (within ten times)."""
    return bool(a and b and 0.1 <= abs(a / b) <= 10)


#: Between a count and a model number after it: nothing or an adjective or a maker ("two new 737 jets").
_MODEL_BETWEEN_RE = re.compile(r"[ \u00a0](?:(?:[a-z]+|[A-Z][a-z]+)[ \u00a0]){0,2}\Z")


def _carry_back(text: str, out: list[Quantity]) -> list[Quantity]:
    """A bare number before an amount with a unit, joined to it, shares the unit: "7- or 8-inch",
    "four-, five- and six-cylinder", "1,000 and 10,000 dlrs", "280 million of the 1.5 billion
    shekels" (a part no bigger than its whole), "fell to 5 from 6%", "(16369.03 up 58.06 points)" (a
    level right before its change). The two are of a like size, but for a part and its whole and a
    level and its change. Right to left, so lists chain; a comma alone joins only such a list
    ("4,340, 4,345 and 4,350 dlrs", not "Lufeng 13-1-1, 250 km")."""
    carried = -1  # the index that got its unit here last
    for i in range(len(out) - 2, -1, -1):
        q = out[i]
        if q.unit is not None or q.kind != "count" or q.qualifier == "range":
            continue
        nxt = out[i + 1]
        if nxt.unit is None or nxt.kind not in _CARRY_KINDS or nxt.start - q.end > 16:
            continue
        between = text[q.end:nxt.start]
        if (nxt.kind == "count" and nxt.text.isdigit() and nxt.value is not None and nxt.value >= 100
                and text[nxt.end:nxt.end + 1] != "-" and _MODEL_BETWEEN_RE.match(between)
                and q.value is not None and q.value < nxt.value):
            # "two new 737 Max jets": the second number names a model; the first counts the jets
            out[i] = with_changes(q, unit=nxt.unit)
            del out[i + 1]
            carried = -1
            continue
        if nxt.kind == "measure" and nxt.direction is None and between in (" ", "\u00a0"):
            # "eight million 250ml bottles", "two 12-inch pizzas": the measure describes what is counted
            noun, _ = counted_noun(text, nxt.end, 2.0)
            if noun is not None:
                out[i] = with_changes(q, unit=noun)
            continue
        if nxt.text[:1].isalpha():  # "to 5 from 6%": the joining word opens the next span
            first = nxt.text.split(None, 1)[0].lower()
            if first in ("from", "or", "and", "to", "of"):
                between += first + " "
        m = _SHARED_AFTER_RE.match(between)
        if m is None:
            if not (nxt.direction is not None and nxt.kind in ("count", "measure") and between.strip(" \u00a0,") == ""
                    and nxt.text[:1].isalpha()):
                continue
        elif "of" in between.split():
            if (nxt.kind == "measure" or q.value is None or nxt.value is None or abs(q.value) > abs(nxt.value)
                    or abs(q.value) * 1000 < abs(nxt.value)):
                continue  # a part is no bigger than its whole ("five of the three-ton satellites"), nor tiny
        elif not _like_size(q.value, nxt.value):
            continue  # "at 35 to one dollar", "3,003 billion, down 0.8 pct"
        elif between.strip(" \u00a0") in ("", ","):
            if carried != i + 1 or (nxt.kind == "money" and "," not in between):
                continue  # "8 $9" is not one amount; a bare comma joins only a list
        out[i] = with_changes(q, kind=nxt.kind, unit=nxt.unit)
        carried = i
    return out


def _bracketed_equivalent(text: str, first: Quantity, second: Quantity) -> Quantity:
    """"fell about 600 metres (2,000 feet)": the bracketed conversion is the same change, so it has
    the same direction (else the two would read as a fall and a rise)."""
    if not 1 <= second.start - first.end <= 2 or text[second.start - 1] != "(":
        return second
    return with_changes(second, direction=first.direction)


def _millions_counted(text: str, num_end: int, after: int) -> bool:
    """"2.7m viewers", "5m people": a glued "m" before a plural noun is millions, not metres.

    Whole numbers after "the" or "a" stay metres ("the 100m hurdles", "a 5m wall").
    """
    if counted_noun(text, after, 2.0)[0] is None and not (text.startswith(" of ", after)
                                                         and _of_noun(text, after + 3) is not None):
        return False  # "2.7m viewers", "35m of its devices" are millions
    k = num_end
    while k > 0 and (text[k - 1].isdigit() or text[k - 1] in ",."):
        k -= 1
    if "." in text[k:num_end]:
        return True
    prev = text[max(0, k - 5):k].split()
    return not prev or prev[-1].lower() not in ("the", "a", "an")


#: "hundreds of thousands": a second order of magnitude multiplies the first
_OF_MAGNITUDES_RE = re.compile(r" of (?P<mag>thousand|million|billion|trillion)s\b")


#: Words before a spelled-out ordinal that make it one ("the eleventh", "its fortieth"), rather than a
#: fraction ("a fifth of", "two fifths").
_ORDINAL_DETERMINERS = frozenset({"the", "its", "his", "her", "their", "our", "my", "your", "whose"})
_COMPOUND_ORDINAL_RE = re.compile(r"-(" + "|".join(UNIT_ORDINALS) + r")\b")
_ORDINAL_WORD_RE = re.compile(r"(" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")\b")


def _ordinal_at(low: str, s: int, wm: re.Match[str] | None) -> _Core | None:
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
        return _Core(s, cm.end(), ParsedNumber(float(tens + UNIT_ORDINALS[cm.group(1)]), 1.0), True, "ordinal")
    om = _ORDINAL_WORD_RE.match(low, s)
    if om is None or low.startswith(" of ", om.end()) or ORDINAL_WORDS[om.group(1)] < 10:
        return None  # "the sixth round", "the third quarter": positions in a story's sequence, not claims
    before = low[max(0, s - 7):s].split()
    if not before or before[-1] not in _ORDINAL_DETERMINERS:
        return None
    return _Core(s, om.end(), ParsedNumber(float(ORDINAL_WORDS[om.group(1)]), 1.0), True, "ordinal")


def _is_decade(text: str, low: str, s: int, e: int, number: ParsedNumber) -> bool:
    """"1990s", "2018s", "the 90s", "in her 30s": a glued "s" that is not seconds."""
    if e < len(text) - 1 and (text[e + 1].isalnum() or text[e + 1] == "'"):
        return False
    value = number.value
    if number.precision != 1.0:
        return False
    if e - s == 4:
        return 1000 <= value <= 2100
    if value % 10:
        return False
    prev = low[max(0, s - 8):s].split()
    return bool(prev) and (prev[-1] in _DECADE_BEFORE or (s > 0 and text[s - 1] in "'’"))


#: After a house number: capitalised words (or an ordinal) and a street word ("49 Zorro Ranch Road",
#: "9 E 71st St", "22 Ave Foch").
_STREET_RE = re.compile(
    r"[ \u00a0](?:(?:[A-Z][A-Za-z]*\.?|\d+(?:st|nd|rd|th))[ \u00a0]){0,3}(?:St|Street|Road|Rd|Ave|Avenue|Way|Blvd|"
    r"Boulevard|Lane|Drive|Dr|Place|Court|Terrace|Parkway|Square)\b(?!['’])"
    r"|[ \u00a0](?:Ave|Avenue|Rue|Via|Calle)[ \u00a0][A-Z]")
#: A street after an ordinal: "71st St", "42nd Street".
_STREET_AFTER_ORDINAL_RE = re.compile(r"[ \u00a0](?:St|Street|Ave|Avenue)\b")


def _is_name_label(text: str, s: int, e: int) -> bool:
    """A bare integer that belongs to a name: "Boeing's own 787 Dreamliner", "the Big 12.".

    Called only when no unit, scale or counted noun follows. Two shapes, both in running (not
    title-case) text: a capitalised singular word follows the number and lower-case text follows
    that word ("787 Dreamliner was", "11 Pro and"); or a capitalised word in mid-sentence comes
    before it and the clause ends with it ("in the Big 12."). Nationalities and plurals after it
    ("400 Japanese", "20 Republicans") are people being counted; title-case headlines ("17 Missing
    Miners Found") and "12 Boeing 737 jets" are counts.
    """
    if not text[s:e].isdigit():
        return False
    k = s - 1
    if k < 1 or text[k] != " ":
        return False
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    prev = text[k:s - 1]
    if not prev.isalpha():
        return False
    if prev[0].islower() and not prev.islower():
        return True  # "iPhone 11", "eBay 5": a product's name in mixed case
    m = _LABEL_NEXT_RE.match(text, e)
    if m is not None:
        word = m.group("w").lower()
        return (prev[0].islower() and not word.endswith(_NAME_ADJECTIVE_ENDINGS) and word not in _STOP
                and prev.lower() not in _STOP_BEFORE_LABEL)
    if not prev[0].isupper() or prev.lower() in _STOP or (e < len(text) and text[e] not in ".,;:)"):
        return False
    j = k - 1
    while j > 0 and text[j - 1] == " ":
        j -= 1
    i = j
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return j > 0 and text[i:j].isalpha() and text[i].islower()


def counted_noun(text: str, pos: int, value: float) -> tuple[str | None, int]:
    """The noun a bare number counts ("900 joint ventures" -> "joint venture") and where it ends."""
    m = _NOUN_RE.match(text, pos)
    if not m:
        if value != 1 and text[pos:pos + 1] == "-":
            return _hyphen_noun(text, pos)
        return None, pos
    raw, first = m.group("words", "first")
    # Often the first word alone decides ("shares", "of"): memoised on that word. Otherwise the
    # answer is a pure function of the words and of whether the value is one: memoised on those.
    hit = _NOUN_FIRST_MEMO.get(first, _UNSET)
    if hit is _UNSET:
        hit = _NOUN_FIRST_MEMO[first] = _first_word_decides(first)
        if len(_NOUN_FIRST_MEMO) > 50_000:
            _NOUN_FIRST_MEMO.clear()
    if hit is None:
        key = (raw, value == 1)
        hit = _NOUN_MEMO.get(key)
        if hit is None:
            hit = _counted_noun_words(raw, value)
            if len(_NOUN_MEMO) > 50_000:
                _NOUN_MEMO.clear()
            _NOUN_MEMO[key] = hit
    unit, rel_end = hit
    return (None, pos) if unit is None else (unit, m.start("words") + rel_end)


_NOUN_MEMO: dict[tuple[str, bool], tuple[str | None, int]] = {}
_NOUN_FIRST_MEMO: dict[str, tuple[str | None, int] | None] = {}
_UNSET = object()


#: Counted nouns written as abbreviations, mostly in sports statistics (lower case, or as written
#: when in capitals): "15.3 ppg" counts points per game.
_COUNTED_ABBREVIATIONS = {
    "ppg": "point per game", "rpg": "rebound per game", "apg": "assist per game", "spg": "steal per game",
    "bpg": "block per game", "WAR": "win above replacement", "RBI": "run batted in", "RBIs": "run batted in",
}


def _first_word_decides(first: str) -> tuple[str | None, int] | None:
    """`_counted_noun_words` of any words that start with ``first`` when that word alone decides it:
    a stop word ends the noun before it starts, a plural is the head (whatever the value); None when
    the words after it matter."""
    if first.lower() in _COUNT_SKIP:
        return None  # skipped when more words follow
    abbr = _COUNTED_ABBREVIATIONS.get(first if first.isupper() else first.lower() if first.islower() else "")
    if abbr is not None:
        return abbr, len(first)  # "15.3 ppg", "0.5 WAR"
    lw = first.lower().strip("'’-")
    if not lw or lw in _STOP:
        return None, 0
    lw = first.lower()
    if first[:1].isupper():
        return None  # "36,700 Builders Transport shares": a capitalised plural depends on what follows
    if lw in _IRREGULAR_PLURALS or (lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and len(lw) > 2):
        return _counted_noun_words(first, 2.0)
    return None
#: Capitalised plurals that count people or things rather than name a team or firm.
_PEOPLE_PLURAL_ENDINGS = ("ans", "ers", "ists", "ites", "ats", "ians", "ards", "ens")


def _plural_follows(words: list[str], start: int) -> bool:
    """Does a plural noun come among ``words[start:]`` ("housing properties", "engineering companies")?"""
    for w in words[start:]:
        lw = w.lower()
        if lw in _IRREGULAR_PLURALS or (lw.endswith("s") and len(lw) > 2 and _lemma(lw) != lw):  # not "gas"
            return True
    return False


_HYPHEN_NOUN_RE = re.compile(r"-(?P<w>[a-z]{3,})\b(?!-)")
#: Words after "N-" that do not name what is counted ("a two-way race", "a three-fold rise").
_HYPHEN_NOT_NOUNS = frozenset({"way", "fold", "odd", "old", "time", "times", "plus", "something", "ish", "off",
                               "thirds", "fourths", "fifths", "year", "month", "week", "day", "hour", "minute",
                               "second", "decade", "century", "quarter", "nil", "all", "strong"})


#: A lower-case plural glued to the digits before it, and what follows: "62,241fans watched".
_GLUED_NOUN_RE = re.compile(r"[a-z]{4,}(?![\w'’-])(?:[ \u00a0]+[A-Za-z][A-Za-z'’-]*){0,3}")


def _glued_noun(text: str, pos: int) -> str | None:
    """"62,241fans", "300protesters": a counted noun written without the space after its number.

    Only a lower-case plural of four letters or more ("49ers", "3Station", "5G", "197agreement" are
    names or slips); a stop word ("3months") is no noun."""
    m = _GLUED_NOUN_RE.match(text, pos)
    if m is None:
        return None
    raw = m.group(0)
    first = raw.split(None, 1)[0]
    if not _looks_plural(first) or first in _STOP:
        return None
    unit, end = _counted_noun_words(raw, 2.0)
    return unit


#: An article before a number: what follows may be a compound adjective ("a 12 page report").
_ARTICLE_BEFORE_RE = re.compile(r"(?:^|[^\w])(?:[Aa]n?|[Tt]he)[ \u00a0]+"
                                r"(?:[a-z][a-z0-9.-]*[ \u00a0]+|[0-9.]+[a-z]{1,2}[ \u00a0]+){0,2}\Z")
#: A singular noun and the noun it describes, after the number: "12 page report", "3 cylinder engine".
_COMPOUND_RE = re.compile(r"[ \u00a0](?P<w>[a-z]{3,})[ \u00a0]+(?P<next>[a-z]{3,})\b(?!['’-])")


#: After "N of": a determiner or a possessive name, then the noun phrase ("two of the victims").
_OF_DETERMINER_RE = re.compile(r"[ \u00a0]+(?:the|its|their|his|her|our|these|those|[A-Z][A-Za-z]+['’]s?)"
                               r"(?=[ \u00a0])")


def _of_noun(text: str, pos: int) -> str | None:
    """"two of the victims", "14 of its stores", "two of Johnson's deputies": a part of a group counts
    what the group is made of. Only a plural ("3 of the 10 banks" leaves the second number to say
    what; "one of the best" is no count)."""
    m = _OF_DETERMINER_RE.match(text, pos)
    if m is None:
        return None
    unit, _ = counted_noun(text, m.end(), 2.0)
    return unit


#: A determiner and an adjective right before a number: "the top three seeds", "the other 5 members".
_ADJECTIVE_BEFORE_RE = re.compile(r"\b(?:the|its|their|his|her|our|my|your|these|those)[ \u00a0]+"
                                  r"(?P<a>[a-z]{3,})[ \u00a0]\Z")


def _adjective_before(text: str, low: str, start: int, unit: str) -> str:
    """The counted noun with an adjective written before its number: "the top three seeds" counts top
    seeds, "the previous two sessions" previous sessions. Words that stress the number ("the
    record 32 goals"), verbs ("the remaining 20") and words that are no adjectives are left out."""
    m = _ADJECTIVE_BEFORE_RE.search(low, max(0, start - 24), start)
    if m is None or not text[m.start("a")].islower():
        return unit  # "the USB 3.0 standard": a name
    adj = m.group("a")
    if (adj in _STOP or adj in _INTENSIFIERS or adj in _COUNT_SKIP or adj in CARDINAL_WORDS or adj in ORDINAL_WORDS
            or (adj in _HYPHEN_PREFIXES and adj != "top") or adj.endswith(_VERB_SUFFIXES) or adj in _MONTHS
            or _looks_plural(adj)
            or unit.startswith(adj)):
        return unit
    return _adj_lemma(adj) + " " + unit


def _compound_noun(text: str, low: str, start: int, end: int) -> str | None:
    """"a 12 page report", "the 3 cylinder engine": the hyphen of "12-page" left out.

    After an article a number, a singular noun and another noun are one compound adjective, and the
    first noun is what is counted, as in `_hyphen_noun`."""
    m = _COMPOUND_RE.match(text, end)
    if m is None:
        return None
    am = _ARTICLE_BEFORE_RE.search(text, max(0, start - 24), start)
    if am is None:
        return None
    between = low[am.start():start].split()[1:]
    if any(w in _MONTHS or w in _STOP for w in between):
        return None  # "the march 5 earthquake": a date
    word, nxt = m.group("w", "next")
    if (word in _HYPHEN_NOT_NOUNS or word in _STOP or word in _ADJECTIVES
            or (word.endswith(_VERB_SUFFIXES) and len(word) > 5)  # "speed", "seed" are nouns
            or word.endswith(_ADJECTIVE_ENDINGS) or _looks_plural(word) or word in _NOT_NOUN_TAIL or nxt in _STOP
            or nxt.endswith("ly")):
        return None
    return _lemma(word)


def _hyphen_noun(text: str, pos: int) -> tuple[str | None, int]:
    """"a four-cylinder engine", "a 10-point plan", "a 12-member panel": the noun after the hyphen."""
    m = _HYPHEN_NOUN_RE.match(text, pos)
    if m is None:
        return None, pos
    word = m.group("w")
    if word in _HYPHEN_NOT_NOUNS or word in _STOP or word in _ADJECTIVES or word.endswith(_VERB_SUFFIXES) \
            or word.endswith("al"):  # "9.9-annual", "a two-national": adjectives, not nouns
        return None, pos
    return _lemma(word), m.end()


#: Words that may follow a singular counted noun but are not part of it ("one point below", "one
#: stage today", "one measure meant").
_NOT_NOUN_TAIL = frozenset("""
today yesterday tomorrow tonight below above ahead behind apiece alone effective meant went came saw got
made took gave left
""".split())
#: Endings of adjectives, which describe rather than name what is counted ("a 30 consecutive day run").
_ADJECTIVE_ENDINGS = ("al", "est", "ive", "ous", "ful", "ible", "able", "ic", "less")
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _looks_plural(lw: str) -> bool:
    """Is the lower-case word shaped like a plural noun ("shares", "people", "fishermen")? "gas",
    "virus", "thesis" and "regimen", "specimen" (a vowel before "men") are not."""
    return lw in _IRREGULAR_PLURALS or (lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and len(lw) > 2) \
        or (lw.endswith("men") and len(lw) > 5 and (lw[-4] not in "aeiouy" or _lemma(lw) != lw))  # "seamen"


def _counted_noun_words(raw: str, value: float) -> tuple[str | None, int]:
    """`counted_noun` on the words after the number: (noun or None, its end within `raw`)."""
    pos = 0
    words = _WORD_SPLIT.split(raw)
    if len(words) > 1 and words[0].lower() in _COUNT_SKIP:
        words = words[1:]  # "eight more picks" counts picks
    kept: list[str] = []
    for i, w in enumerate(words):
        lw = w.lower().strip("'’-")
        if lw in ("and", "or") and len(kept) == 1 and i + 1 < len(words) and not _looks_plural(kept[0].lower()) \
                and any(_looks_plural(x.lower()) for x in words[i + 1:i + 3]):
            continue  # "4.3M digital and physical sales": two modifiers of one noun
        if not lw or lw in _STOP or lw in CARDINAL_WORDS:
            break  # "One report said six children": another number starts another phrase
        kept.append(w)
    if not kept or (len(kept[0]) == 1 and len(kept) == 1):
        return None, pos  # "5 x": a stray letter, not a noun
    head = -1
    for i, w in enumerate(kept):
        lw = w.lower()
        if _looks_plural(lw):
            head = i
            break
        if lw.endswith(_VERB_SUFFIXES) and i > 0 and not _plural_follows(kept, i + 1):
            break  # "900 ventures operating": a verb ends the phrase; "1,100 housing properties" does not
    if value == 1 and head != 0:
        # One of a thing: the noun is singular, so the run of lower-case words that follows is the
        # noun ("one particular demand that"), and a plural-looking word after it is a verb ("one
        # proposal asks", "one man died")
        if kept[0].lower().endswith(_VERB_SUFFIXES):
            return None, pos
        head = 0
        for i in range(1, min(len(kept), 3)):
            w = kept[i]
            lw = w.lower()
            if not w.islower() or lw.endswith(_VERB_SUFFIXES) or _looks_plural(lw) or lw in _NOT_NOUN_TAIL:
                break
            head = i
        if kept[head].lower() == "time":
            return None, pos  # "at one time": when, not how many
    elif head < 0:
        return None, pos
    phrase = kept[: head + 1]
    # Drop leading names and nationalities, so that "over 70 Russian regions" and "more than 70 regions
    # of Russia" count the same thing, and words that only stress the number ("a whopping 500 fans"):
    # other modifiers say which things are counted ("eight other employees", "five new seasons").
    while len(phrase) > 1 and (phrase[0][:1].isupper() or phrase[0].lower() in _INTENSIFIERS):
        phrase = phrase[1:]
    if any(not w.isalpha() and "-" not in w for w in phrase):
        return None, pos
    if phrase[0][:1].isupper() and len(phrase) == 1 and phrase[0].lower() not in _IRREGULAR_PLURALS:
        # "5 Bloomberg", "3 Mets": names, not counted nouns; "1,307,000 Americans", "17 Missing Miners" are
        word = kept[head]
        if not word.islower() and not (word[1:].islower() and word.endswith(_PEOPLE_PLURAL_ENDINGS)
                                       and (head == len(kept) - 1 or (kept[head + 1].islower()
                                                                     and not _looks_plural(kept[head + 1])))):
            # "36,700 Builders Transport shares": a firm; "millions of Americans including" are people
            return None, pos
    lemma_words = [_adj_lemma(w.lower()) for w in phrase[:-1]] + [_lemma(phrase[-1])]
    # find the end offset of the head word in the words
    end = 0
    for w in kept[: head + 1]:
        end = raw.find(w, end) + len(w)
    return " ".join(lemma_words), end



#: The first item of a `near` regex: one character, escape or character class (and the rest).
_FIRST_ITEM_RE = re.compile(r"(\\[dws]|\\[^a-zA-Z0-9]|\[(?!\^)(?:\\.|[^\]\\])+\]|[^\\()\[\]|.*+?{}^$])(.*)\Z", re.S)


#: Constructs whose success can depend on what follows the end of a search window (look-aheads, end
#: anchors, word boundaries, atomic groups, possessive repeats): a pattern free of them that matches
#: inside a window also matches, at the same place, in the whole text.
_END_SENSITIVE_RE = re.compile(r"\(\?[=!>]|\$|\\[bBZ]|[*+?}]\+")
#: "No match": beyond any text position.
_FAR = 1 << 62


def _near_gate(ignores: tuple[IgnorePattern, ...]) -> re.Pattern[str] | None:
    """One search that any windowed ignore pattern needs to succeed near a number: each pattern's
    `near` regexes, else its `requires` literals; None when some pattern has neither.

    The alternatives are regrouped behind one character class of their first characters, so `re`
    skips from candidate to candidate instead of trying every alternative at every position, and
    alternatives with the same first item share one look-behind (a digit is tested once, not once
    per alternative)."""
    nears: list[str] = []
    for ig in ignores:
        if ig.requires and all(len(r) >= 3 for r in ig.requires):
            continue  # matched once over the whole text, never in a window
        own = ig.near or tuple(re.escape(r) for r in ig.requires)
        if not own:
            return None  # a pattern with no pre-check: every window must be searched
        nears.extend(own)
    if not nears:
        return None
    rests: dict[str, list[str]] = {}  # first item -> the rests after it, in order
    for n in nears:
        m = _FIRST_ITEM_RE.match(n)
        if m is None or m.group(2)[:1] in ("*", "+", "?", "{") or "|" in m.group(2):
            return re.compile("|".join(f"(?:{n})" for n in nears))
        first, rest = m.groups()
        rests.setdefault(first, []).append(rest)
    firsts = "[" + "".join(f[1:-1] if f.startswith("[") else f for f in rests) + "]"
    alts = [f"(?<={first})" if "" in tails else f"(?<={first})(?:{'|'.join(dict.fromkeys(tails))})"
            for first, tails in rests.items()]
    return re.compile(firsts + "(?:" + "|".join(alts) + ")")


class _FirstWordWords(dict):
    """first word -> most words of a phrase starting with it, cased or lower-cased (filled lazily)."""

    def __init__(self, cased: dict[str, int], lowered: dict[str, int]) -> None:
        super().__init__()
        self._cased = cased
        self._lowered = lowered

    def __missing__(self, word: str) -> int:
        n = max(self._cased.get(word, 1), self._lowered.get(word.lower(), 1))
        if len(self) > 50_000:
            self.clear()
        self[word] = n
        return n


def _word_before(text: str, end: int) -> tuple[int, int]:
    """(start, end) of the word that ends at ``end`` once trailing spaces are skipped (at most 20 chars)."""
    j = end
    while j > 0 and text[j - 1] in " \u00a0":
        j -= 1
    k = max(text.rfind(" ", max(0, j - 20), j), text.rfind("\n", max(0, j - 20), j)) + 1
    return k, j


#: "several dozen", "a few hundred", "some thousand": an unstated multiple of the scale word.
_SEVERAL_RE = re.compile(r"\b(?:several|a few|few|many)[ \u00a0]+$")


class _Left(NamedTuple):
    """What stands before a number: sign, hedge, direction of change, range opener."""

    start: int
    qualifier: str = "exact"
    direction: str | None = None
    opener: str | None = None
    negative: bool = False


class Scanner:
    """Extracts quantities with one lexicon; instances are cheap to reuse across documents."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._symbols_by_len = sorted(lexicon.currency_symbols, key=len, reverse=True)
        #: the first of those that the text continues with, in one match (alternatives tried in order)
        self._symbols_re = (re.compile("|".join(re.escape(sym) for sym in self._symbols_by_len))
                            if self._symbols_by_len else None)
        self._max_hedge_words = max((len(h.split()) for h in lexicon.hedge_of), default=1)
        #: by the last word of a hedge: the numbers of words such hedges have, longest first (the hedge
        #: loop of `_left` tries only those)
        lengths: dict[str, set[int]] = {}
        for h in lexicon.hedge_of:
            lengths.setdefault(h.split()[-1], set()).add(len(h.split()))
        self._hedge_lengths = {w: tuple(sorted(ks, reverse=True)) for w, ks in lengths.items()}
        self._requires_re = {ig: re.compile("|".join(re.escape(r) for r in sorted(ig.requires, key=len, reverse=True)))
                             for ig in lexicon.ignores if ig.requires}
        self._near_gate = _near_gate(lexicon.ignores)
        self._near_gate_ascii = None if self._near_gate is None else ascii_twin(self._near_gate)
        #: whether a gate match inside a window is always a match in the whole text (see `_ignored`)
        self._gate_monotone = self._near_gate is not None and _END_SENSITIVE_RE.search(self._near_gate.pattern) is None
        self._gate_from = _FAR  # the gate's first match in the whole text at or after _gate_from ...
        self._gate_next = -1  # ... starts here (_FAR: none); reset by `scan` for every text
        self._ascii = False  # whether the text being scanned is ASCII (set by `scan`)
        self._suffix_firsts = frozenset(k.split()[0].lower() for k in (*lexicon.suffix_plain, *lexicon.suffix_cased)
                                        if k.split())
        # Words of _left_vocab that mean something only after a particular word: the last word of
        # multi-word hedges ("than", "least", "of") and the prepositions after a change word ("rose by").
        standalone = ({h for h in lexicon.hedge_of if " " not in h} | set(_DIRECTION_WORDS)
                      | {"between", "from", "minus", "negative"})
        needs_prev: dict[str, set[str]] = {}
        for h in lexicon.hedge_of:
            parts = h.split()
            if len(parts) > 1 and parts[-1] not in standalone:
                needs_prev.setdefault(parts[-1], set()).add(parts[-2])
        for w in ("by", "of", "to"):
            if w not in standalone:
                needs_prev.setdefault(w, set()).update(_DIRECTION_WORDS)
        self._left_needs_prev = {w: frozenset(prev) for w, prev in needs_prev.items()}
        self._currency_hits: dict[str, tuple[tuple[int, str, str], ...]] = {}
        self._scale_firsts = frozenset(w[:1].casefold() for w in (*lexicon.scale_words, *lexicon.scale_attached))
        # The cheap test before the scale pattern: the (at most) three-letter starts of the scale words
        # of two letters or more, and the one-letter ones (which must end a word).
        scale_all = [w.casefold() for w in (*lexicon.scale_words, *lexicon.scale_attached)]
        self._scale_pre3 = frozenset(w[:3] for w in scale_all if len(w) > 2)
        self._scale_pre2 = frozenset(w for w in scale_all if len(w) == 2)
        self._scale_letters = frozenset(w for w in scale_all if len(w) == 1)
        # The last character of every currency sign and code: any other before a number means none.
        self._currency_last_chars = frozenset(
            ch for ch in ({sym[-1] for sym in lexicon.currency_symbols if sym}
                          | {code[-1] for code in lexicon.currency_codes if code} | {"$"})
            if not ch.isspace() and not ch.isdigit() and ch not in ",;:(-")
        # Per first word of a unit, percent or currency phrase: the most words such a phrase has.
        unit_words: dict[str, int] = {}
        for key in lexicon.suffix_cased:
            w = key.split()
            if w and len(w) > unit_words.get(w[0], 1):
                unit_words[w[0]] = len(w)
        lowered = {}
        for key in lexicon.suffix_plain:
            w = key.split()
            if w and len(w) > lowered.get(w[0], 1):
                lowered[w[0]] = len(w)
        self._unit_words = _FirstWordWords(unit_words, lowered)
        #: `_unit_seg` results by the flags (glued, hyphen, money, scaled) as bits, then by the words
        self._unit_memo: list[dict[str, tuple]] = [{} for _ in range(16)]
        self._mscale = 1.0
        self._resume = 0
        self._prefix_names = lexicon.prefix_names or {}
        #: the last letters of those words: a one-character test before reading the word
        self._prefix_last = frozenset(w[-1] for w in self._prefix_names if w)
        self._digits_memo: dict[str, ParsedNumber] = {}
        #: (value, precision, qualifier) -> tidied (value, low, high): see the end of `_build`
        self._bounds_memo: dict[tuple[float, float, str], tuple[float, float | None, float | None]] = {}
        self._window_memo: dict[tuple[bool, ...], tuple[tuple[IgnorePattern, re.Pattern[str] | None], ...]] = {}
        self._whole_ignores = tuple(ig for ig in lexicon.ignores
                                    if ig.requires and all(len(r) >= 3 for r in ig.requires))
        self._ignore_requires = tuple(ig.requires for ig in lexicon.ignores)
        self._ignore_is_whole = tuple(ig in self._whole_ignores for ig in lexicon.ignores)
        self._left_vocab = frozenset(
            {h.split()[-1] for h in lexicon.hedge_of} | set(_DIRECTION_WORDS)
            | {"between", "from", "minus", "negative", "by", "of", "to"}
        )

    # ------------------------------------------------------------------ number cores
    def _cores(self, text: str, low: str, skip_spans: list[tuple[int, int]] = ()) -> list[_Core]:
        """Every number in the text, digits and words, in order and without overlaps.

        Digits that lie wholly inside one of ``skip_spans`` (dates and durations, which `scan` skips)
        are left out at once: a quarter of the digits in news are dates."""
        cores: list[_Core] = []
        append = cores.append
        n = len(text)
        digits_memo = self._digits_memo
        skip_to = -1
        si, n_skip = 0, len(skip_spans)
        span_a, span_b = skip_spans[0] if n_skip else (_FAR, _FAR)
        for m in (_DIGITS_ASCII_RE if text.isascii() else DIGITS_RE).finditer(text):
            s, e = m.span()
            if s < skip_to:
                continue
            if s >= span_a:
                while s >= span_b:
                    si += 1
                    span_a, span_b = skip_spans[si] if si < n_skip else (_FAR, _FAR)
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
                    append(_Core(s, e + 2, ParsedNumber(float(raw.replace(",", "")), 1.0), False, "ordinal"))
                    continue
            elif nxt and nxt in "/⁄" and raw.isdigit():
                sm = _FRACTION_RE.match(text, e)
                if sm and not (s > 0 and text[s - 1] == "/"):
                    den = int(sm.group(1))
                    num = int(raw)
                    if 0 < num < den:
                        frac = _Core(s, sm.end(), ParsedNumber(num / den, 0.0, is_fraction=True), False, "fraction")
                        prev_core = cores[-1] if cores else None
                        if (prev_core is not None and prev_core.kind == "number" and not prev_core.is_word
                                and prev_core.number.precision == 1.0 and 0 < s - prev_core.end <= 2
                                and (text[prev_core.end:s].isspace() or text[prev_core.end:s] == "-")):
                            # "10 1/2", and the wire's "5-1/2" (five and a half)
                            cores[-1] = _Core(prev_core.start, sm.end(),
                                              ParsedNumber(prev_core.number.value + num / den, 0.0), False)
                        else:
                            append(frac)
                        continue
                continue  # dates such as 11/17 and codes such as 24/7
            elif nxt and nxt in "eExX×*^ " and (nxt != " " or text[e + 1:e + 2] in ("x", "X", "*", "×")):
                sci = _SCI_RE.match(text, e)
                if sci:
                    exp_txt = sci.group("e") or sci.group("x")
                    base = float(raw.replace(",", ""))
                    try:
                        if exp_txt is not None:
                            value = base * 10.0 ** int(exp_txt.replace("−", "-"))
                        else:
                            p = sci.group("p")
                            sign = -1 if p.count("-") % 2 else 1
                            value = base ** (sign * int(p.lstrip("+-")))
                    except (OverflowError, ValueError, ZeroDivisionError):
                        value = None
                    if value is not None and value == value and abs(value) < 1e300:
                        append(_Core(s, sci.end(), ParsedNumber(value, 0.0), False))
                        continue
            elif nxt and nxt in _VULGAR:  # "2½"
                append(_Core(s, e + 1, ParsedNumber(float(raw.replace(",", "")) + _VULGAR[nxt], 0.0), False))
                continue
            parsed = digits_memo.get(raw)
            if parsed is None:
                parsed = parse_digits(raw)
                if parsed is not None and len(digits_memo) < 100_000:
                    digits_memo[raw] = parsed  # ParsedNumber is treated as immutable: safe to share
            if parsed is not None:
                append(_tuple_new(_Core, (s, e, parsed, False, "number")))
        if not text.isascii() and any(c in text for c in "½¼¾⅓⅔⅕⅛"):  # no need to look in ASCII text
            extra = []
            for vm in _VULGAR_RE.finditer(text):
                s = vm.start()
                if s > 0 and text[s - 1].isdigit():
                    continue
                extra.append(_Core(s, s + 1, ParsedNumber(_VULGAR[vm.group(0)], 0.0, is_fraction=True), False,
                                   "fraction"))
            if extra:
                cores = sorted(cores + extra, key=lambda c: c.start)
        if len(low) == n:
            word_cores: list[_Core] = []
            last_end = -1
            led = _WORD_TRIGGER_LED_ASCII_RE if low.isascii() else _WORD_TRIGGER_LED_RE
            si = 0
            span_a, span_b = skip_spans[0] if n_skip else (_FAR, _FAR)
            for m in led.finditer(" " + low):
                s = m.start()  # the lead character's offset in " " + low is the word's offset in low
                if s < last_end:
                    continue
                if s >= span_a:
                    while s >= span_b:
                        si += 1
                        span_a, span_b = skip_spans[si] if si < n_skip else (_FAR, _FAR)
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
                            word_cores.append(_Core(s, e, _words_number(raw), True))  # "minus one": a number
                        elif raw in _KEEP_IF_UNIT:
                            word_cores.append(_Core(s, e, _words_number(raw), True, "weak"))
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
                        word_cores.append(_Core(s, e, parsed, True, "fraction" if parsed.is_fraction else "number"))
                    last_end = e
                elif m.group(0)[1:] == "half":
                    m_end = m.end() - 1
                    after = low[m_end:m_end + 8].split()
                    if after and after[0] in _HALF_OBJECT:
                        word_cores.append(_Core(m_end - 4, m_end, ParsedNumber(0.5, 0.0, is_fraction=True),
                                                True, "fraction"))
                    last_end = m_end
            if "fold" in low:  # "sixfold", "tenfold": the number word glued to "fold"
                for fm in _FOLD_WORD_RE.finditer(low):
                    word_cores.append(_Core(fm.start(), fm.end("w"), ParsedNumber(float(CARDINAL_WORDS[fm.group("w")]),
                                                                                  1.0), True))
            if word_cores:
                cores = sorted(cores + word_cores, key=lambda c: c.start)
        return cores

    # ------------------------------------------------------------------ context readers
    def _currency_before(self, text: str, start: int) -> tuple[str | None, int]:
        """A currency sign or code right before ``start`` ("$", "US$ ", "USD", "Y=", "HK $", "aud$")."""
        j = start
        if j > 0 and text[j - 1] in " \u00a0":
            j -= 1
        if j == 0:
            return None, start
        c = text[j - 1]
        if c not in self._currency_last_chars:
            return None, start  # every currency sign or code ends with one of these characters
        k = j
        while k > 0 and j - k < 7 and not text[k - 1].isspace() and not text[k - 1].isdigit():
            k -= 1
        token = text[k:j]
        hits = self._currency_hits.get(token)
        if hits is None:
            hits = self._currency_hits_of(token)
        if not hits:
            return None, start
        lex = self.lex
        symbols = lex.currency_symbols
        codes = lex.currency_codes
        for cut, cand, code in hits:
            at = k + cut
            if at > 0 and text[at - 1].isalpha() and cand[0].isalpha():
                continue  # "RM" inside "FIRM79" is not a sign
            if cand == "$" and at >= 2 and text[at - 1] == " ":
                # "HK $3.7 billion", "C $6": a country prefix written apart from the sign
                q = at - 1
                while q > 0 and at - 1 - q < 3 and text[q - 1].isalpha():
                    q -= 1
                if q < at - 1 and (q == 0 or not text[q - 1].isalnum()):
                    pre = text[q:at - 1]
                    if pre.isupper():
                        alt = symbols.get(pre + "$") or symbols.get(pre.upper() + "$")
                        if alt is None and pre.upper() in codes:
                            alt = pre.upper()
                    elif pre.islower() and pre not in ("a", "s", "i"):
                        # lower case ("hk $ 10.05 billion", "c $ 300 million") only as a listed sign:
                        # "a $48m contract" is an article, "murdoch ' s $ 5" a possessive
                        alt = symbols.get(pre.upper() + "$")
                    else:
                        alt = None
                    if alt is not None:
                        return alt, q
            return code, at
        return None, start

    def _prefix_name_before(self, text: str, s: int) -> tuple[str | None, str, int] | None:
        """A currency word written before the number ("usd 20", "dollar 22.5 million", "sen 100,000"):
        (ISO code or None for a subunit, unit, where the word starts), or None."""
        names = self.lex.prefix_names
        if not names:
            return None
        j = s - 1
        k = j
        while k > 0 and j - k < 10 and text[k - 1].isalpha():
            k -= 1
        if k < self._resume or (k > 0 and not (text[k - 1].isspace() or text[k - 1] in "(\"'")):
            return None  # "peso/dollar 1987"; "10 rmb 20 usd": "rmb" is the amount's before
        word = text[k:j]
        if not word.islower():
            return None  # "Sen 100", "Dollar 5": names or sentence starts, not amounts ("USD 5" is a code)
        hit = names.get(word.lower())
        if hit is None:
            return None
        return hit[0], hit[1], k

    def _currency_hits_of(self, token: str) -> tuple[tuple[int, str, str], ...]:
        """Every suffix of ``token`` that names a currency, longest first: (cut, suffix, ISO code).

        A pure function of the token, cached: the words before numbers repeat endlessly."""
        lex = self.lex
        symbols = lex.currency_symbols
        codes = lex.currency_codes
        hits = []
        for cut in range(len(token)):
            cand = token[cut:]
            code = symbols.get(cand)
            if code is None and cand in codes:
                code = cand
            if code is None and cand[-1:] == "$" and len(cand) > 1 and cand[:-1].upper() in codes:
                code = cand[:-1].upper()  # "aud$ 15"
            if code is None and len(cand) == 4 and cand[0] == "M" and cand[1:] in codes:
                code = cand[1:]  # "MAUD 60": handled as a scale by the caller
            if code is not None:
                hits.append((cut, cand, code))
        result = tuple(hits)
        if len(self._currency_hits) > 50_000:
            self._currency_hits.clear()
        self._currency_hits[token] = result
        return result

    def _left(self, text: str, start: int, prev_word: str | None = None) -> _Left:
        """Read sign, hedge, change direction and range opener from the words before ``start``.

        ``prev_word``: the lower-cased word before ``start`` if the caller has read it already
        (`_ignored` does, for the number's own start)."""
        negative = False
        if start > 0:
            c = text[start - 1]
            if c in "-−":
                before = text[start - 2] if start > 1 else " "
                if before in " \t\n([:;=\u00a0" or start == 1:
                    negative = True
                    start -= 1
            elif c == " " and start > 1 and text[start - 2] in "-−" and (
                    start == 2 or text[start - 3] in "\n(\t:=" or (text[start - 3] == " " and (start == 3 or text[start - 4] in "\n(:="))):
                negative = True
                start -= 2
        if start == 0 or not text[start - 1].isspace():
            return _tuple_new(_Left, (start, "exact", None, None, negative))
        if prev_word is not None and not negative and prev_word.lstrip(_LEFT_PUNCT) not in self._left_vocab:
            return _tuple_new(_Left, (start, "exact", None, None, negative))  # the word `_ignored` read
        # fast path: the word right before is not one that can open a hedge, direction or range
        # (`_word_before(text, start - 1)`, inlined: this runs for nearly every number)
        j = start - 1
        while j > 0 and text[j - 1] in " \u00a0":
            j -= 1
        lo = j - 20 if j > 20 else 0
        k = text.rfind(" ", lo, j) + 1
        last = text[k:j]
        if "\n" in last:  # a line break inside the window: the word starts after it
            k += last.rfind("\n") + 1
            last = text[k:j]
        last = last.lower().lstrip(_LEFT_PUNCT)
        if last not in self._left_vocab:
            return _tuple_new(_Left, (start, "exact", None, None, negative))
        prev_ok = self._left_needs_prev.get(last)
        if prev_ok is not None:
            # "of", "to", "by", "than", "least": they matter only after the right word ("in excess of",
            # "rose by", "more than"); "sales of 1,780" is the commonest shape of all
            k, j = _word_before(text, k - 1)
            if j <= 0 or text[k:j].lower().lstrip(_LEFT_PUNCT) not in prev_ok:
                return _tuple_new(_Left, (start, "exact", None, None, negative))
        wstart = max(0, start - 50)
        window = text[wstart:start]
        low = window.lower()
        words = [w.lstrip(_LEFT_PUNCT) or w for w in low.split()]
        if not words:
            return _tuple_new(_Left, (start, "exact", None, None, negative))
        cut = start  # where the span will begin
        pos_in_low = len(low.rstrip())

        def take(k: int) -> None:
            nonlocal pos_in_low, words
            phrase_words = words[-k:]
            words = words[:-k]
            idx = low.rfind(phrase_words[0], 0, pos_in_low)
            if idx >= 0:
                pos_in_low = idx
        qualifier = "exact"
        opener = None
        direction = None
        if words[-1] in ("minus", "negative"):
            negative = True
            take(1)
            cut = wstart + pos_in_low
        if words and words[-1] in ("between", "from"):
            opener = words[-1]
            take(1)
            cut = wstart + pos_in_low
        for k in self._hedge_lengths.get(words[-1], ()) if words else ():
            if k > len(words):
                continue
            phrase = " ".join(words[-k:]).lstrip(_LEFT_PUNCT)
            q = self.lex.hedge_of.get(phrase)
            if q is not None:
                qualifier = q
                take(k)
                cut = wstart + pos_in_low + (len(words and "") if False else 0)
                # the first word may carry an opening bracket or quote
                while cut < start and text[cut] in _LEFT_PUNCT:
                    cut += 1
                break
        if opener is None and words and words[-1] in ("between", "from"):
            opener = words[-1]
            take(1)
        if words and words[-1] in ("by", "of", "to") and len(words) > 1 and words[-2] in _DIRECTION_WORDS:
            words = words[:-1]
        if words and words[-1] in _DIRECTION_WORDS:
            if words[-1] in ("up", "down") and len(words) > 1 and words[-2] in self.lex.particle_verbs:
                pass  # "had set up 900 joint ventures", "shut down 12 plants": a phrasal verb, no change
            else:
                direction = _DIRECTION_WORDS[words[-1]]
                if words[-1] in ("up", "down") and cut == start:
                    take(1)
                    cut = wstart + pos_in_low
        return _Left(cut, qualifier, direction, opener, negative)

    def _interval(self, value: float, precision: float, qualifier: str) -> tuple[float | None, float | None]:
        lex = self.lex
        if lex.rounding == "none" or precision <= 0:
            lo, hi = value, value
        else:
            lo, hi = rounding_interval(value, precision)
        if qualifier == "approx":
            width = abs(value) * lex.approx_tolerance
            lo, hi = min(lo, tidy(value - width)), max(hi, tidy(value + width))
        elif qualifier in ("more_than", "at_least"):
            return value, None
        elif qualifier in ("less_than", "at_most"):
            return None, value
        return lo, hi

    def _scale_after(self, text: str, pos: int, glued_ok: bool, money: bool) -> tuple[float, int]:
        """A scale word or suffix at ``pos`` ("billion", "bn", "m" after money): (factor, new pos)."""
        lex = self.lex
        low = self._low
        n = len(low)
        if pos >= n:
            return 1.0, pos
        c = low[pos]
        q = pos + 1 if c == " " or c == "\u00a0" or c == "-" else pos
        if q >= n or low[q] not in self._scale_firsts:
            return 1.0, pos  # no scale word or suffix starts with this letter ("pct", "dlrs", ",")
        t = low[q:q + 3]
        if not (t in self._scale_pre3 or t[:2] in self._scale_pre2
                or (t[0] in self._scale_letters and not (t[1:2].isalnum() or t[1:2] == "_"))):
            return 1.0, pos  # no scale word or suffix starts here ("to", "the", "march")
        scale_re = lex.scale_re_ascii if self._ascii and lex.scale_re_ascii is not None else lex.scale_re
        sc = scale_re.match(text, pos)
        if not sc or (sc.group("sp") == "-" and not sc.group("word")):
            return 1.0, pos  # "40-mln dlr" is a scale; "10-K" is a form
        if sc.group("word"):
            word = sc.group("word").lower()
            if word == "b" and (sc.group("sp") or not money) and not (
                    sc.group("word") == "B" and sc.group("sp") and self._lead_value(text, pos) < 1000
                    and counted_noun(text, sc.end(), 2.0)[0] is not None):
                return 1.0, pos  # "8 B people" is billions
            factor, pos = lex.scale_words[word], sc.end()
        else:
            att = sc.group("att")
            glued = not sc.group("sp")
            if att not in lex.scale_attached:
                return 1.0, pos  # the pattern ignores case, the suffixes do not: "€ 0t" is no trillion
            if money and (glued or att in ("m", "M", "k", "K", "B", "T")):
                pass
            elif att == "M" or (att == "K" and glued):
                pass
            elif not glued and att in ("k", "K") and counted_noun(text, sc.end(), 2.0)[0] is not None:
                pass  # "2.33 k units": a spaced scale letter before what is counted
            elif att in ("m", "k") and glued:
                # "5m" is metres unless money or a spelt-out unit follows ("12m tonnes", "5m euros")
                kind, _unit, _cur, after = self._unit_after(text, sc.end(), False, True)
                named = kind == "money" or (kind == "measure" and len(text[sc.end():after].strip(" -")) > 2)
                if not named and att == "m" and not _millions_counted(text, pos, sc.end()):
                    return 1.0, pos
            else:
                return 1.0, pos
            factor, pos = lex.scale_attached[att], sc.end()
        sc2 = scale_re.match(text, pos)  # "3.3 thousand million"
        if sc2 and sc2.group("word") and sc2.group("word").lower() not in ("b",):
            factor *= lex.scale_words[sc2.group("word").lower()]
            pos = sc2.end()
        return factor, pos

    @staticmethod
    def _lead_value(text: str, end: int) -> float:
        """The plain number that ends at ``end`` (digits, commas and a point), or infinity."""
        k = end
        while k > 0 and (text[k - 1].isdigit() or text[k - 1] in ",."):
            k -= 1
        try:
            return float(text[k:end].replace(",", ""))
        except ValueError:
            return float("inf")

    def _unit_after(self, text: str, pos: int, money: bool, scaled: bool) -> tuple[str | None, str | None, str | None, int]:
        """Percent, currency or unit at ``pos``: (kind, unit, currency, new pos).

        Dictionary look-ups of the next one to four tokens, longest first: far cheaper than one
        regular expression with hundreds of alternatives. A scale hidden in a code ("120 MEUR") is
        reported through ``self._mscale``.
        """
        n = len(text)
        p = pos
        hyphen = False
        if p < n and text[p] in "- \u00a0":
            if text[p] == "-":
                hyphen = True
            p += 1
            if p < n and text[p] == " " and not hyphen:
                p += 1
        glued = p == pos
        if p < n and text[p] == "[" and not hyphen:
            cm = _CITATION_RE.match(text, p)
            if cm is not None:  # "1,342[1] km": a reference mark between the number and its unit
                kind, unit, currency, after = self._unit_after(text, cm.end(), money, scaled)
                return (kind, unit, currency, after) if kind is not None else (None, None, None, pos)
        if p < n and text[p] in _BRACKETS and not hyphen:
            return self._bracket_unit(text, p, money, scaled, pos)
        token = _FIRST_TOKEN_RE.match(text, p)
        if not token:
            return None, None, None, pos
        seg = token.group(0)
        # The answer depends only on as many words as the longest unit starting with the first word
        # has ("dlrs", "pct", "cubic feet"): memoised on those words, it is one look-up per number.
        # Most first words start no multi-word unit: then the first token alone is the key.
        k = self._unit_words[seg]
        if k > 1:
            seg = _TOKEN_RE.match(text, p).group(0)  # type: ignore[union-attr]  # the first token matched
            parts = seg.split()
            if len(parts) > k:
                seg = seg[: sum(map(len, parts[:k])) + k - 1]
        # one memo per combination of the four flags: the key is then the words alone
        memo = self._unit_memo[glued | hyphen << 1 | money << 2 | scaled << 3]
        hit = memo.get(seg)
        if hit is None:
            hit = memo[seg] = self._unit_seg(seg, glued, hyphen, money, scaled)
            if len(memo) > 50_000:
                memo.clear()
        if hit[3] < 0:
            return None, None, None, pos
        if hit[4]:
            self._mscale = 1e6
        return hit[0], hit[1], hit[2], p + hit[3]

    def _bracket_unit(self, text: str, p: int, money: bool, scaled: bool,
                      pos: int) -> tuple[str | None, str | None, str | None, int]:
        """A unit alone in brackets after the number: "20 (kg)", "20 [kg]", "5 (km)"."""
        close = text.find(_BRACKETS[text[p]], p + 1, p + 16)
        if close < 0:
            return None, None, None, pos
        inner = text[p + 1:close]
        if len(inner) < 2 or inner != inner.strip() or not inner[0].isalpha():
            return None, None, None, pos  # "(m)" in a table is millions as often as meters
        hit = self._unit_seg(inner, True, False, money, scaled)
        if hit[3] != len(inner) or hit[0] != "measure" or hit[4]:
            return None, None, None, pos
        return hit[0], hit[1], hit[2], close + 1

    def _unit_seg(self, seg: str, glued: bool, hyphen: bool, money: bool,
                  scaled: bool) -> tuple[str | None, str | None, str | None, int, bool]:
        """`_unit_after` on the tokens `seg`: (kind, unit, currency, end in seg or -1, code has a scale)."""
        saved = self._mscale
        self._mscale = 1.0
        try:
            hit = self._lookup(seg, 0, glued, hyphen, money, scaled)
            if hit is None:
                # "USD50", "m212", "percent-owned": try the letters alone
                first = seg.split(None, 1)[0]
                cm = _DIGIT_OR_HYPHEN_RE.search(first, 1)
                cut = 0 if first[0].isdigit() else cm.start() if cm else len(first)
                if 0 < cut < len(first):
                    if first[cut].isdigit() or (first[cut] == "-" and first[cut + 1:cut + 2].isdigit()):
                        return None, None, None, -1, False  # "24703m212", "USD50 cards", "L-202": codes
                    hit = self._lookup(first[:cut], 0, glued, hyphen, money, scaled)
            if hit is None:
                return None, None, None, -1, False
            return hit[0], hit[1], hit[2], hit[3], self._mscale != 1.0
        finally:
            self._mscale = saved

    def _lookup(self, seg: str, p: int, glued: bool, hyphen: bool, money: bool,
                scaled: bool) -> tuple[str | None, str | None, str | None, int] | None:
        parts = seg.split()
        first = parts[0]
        firsts = self._suffix_firsts
        if first.lower() not in firsts and first.rstrip(_SUFFIX_STRIP).lower() not in firsts:
            return None  # no percent sign, currency or unit begins with this word: the common case
        lex = self.lex
        for k in range(min(4, len(parts)), 0, -1):
            phrase = " ".join(parts[:k]) if k > 1 else parts[0]
            stripped = phrase.rstrip(_SUFFIX_STRIP)
            for cand in ((phrase, stripped) if stripped != phrase else (phrase,)):
                if not cand:
                    continue
                hit = lex.suffix_cased.get(cand) or lex.suffix_plain.get(cand.lower())
                if hit is None:
                    continue
                category, payload, attached_only = hit
                if attached_only and not glued and not hyphen:
                    continue
                if k == 1:
                    end = p + len(cand)
                else:
                    end = p + seg.index(parts[k - 1]) + len(parts[k - 1]) - (len(phrase) - len(cand))
                if category == "pp":
                    return "percentage_point", payload, None, end
                if category == "pct":
                    return "percent", "percent", None, end
                if category == "code":
                    return "money", payload, payload, end
                if category == "mcode":
                    self._mscale = 1e6
                    return "money", payload, payload, end
                if category == "subunit":
                    if cand.lower() == "p" and not glued:
                        continue
                    return "money", payload, None, end
                if category == "curname":
                    low_name = cand.lower()
                    if low_name in lex.ambiguous_currency_names and not money and not scaled \
                            and "sterling" not in low_name and "british" not in low_name:
                        return "measure", "pound", None, end
                    return "money", payload, payload, end
                return "measure", payload, None, end
        return None

    # ------------------------------------------------------------------ main entry
    def scan(self, text: str, skip_spans: list[tuple[int, int]], doc: str | None = None) -> list[Quantity]:
        """Quantities in ``text`` outside ``skip_spans`` (the dates already found), in order."""
        out: list[Quantity] = []
        low = self._low = text.lower()
        self._ascii = text.isascii()  # then the lower-cased text is too
        self._gate_from, self._gate_next = _FAR, -1
        self._doc = doc
        self._line_starts = _line_starts(text)
        self._ignore_spans = self._ignore_matches(low)
        self._ignore_starts = [a for a, _ in self._ignore_spans]
        skip_starts = [a for a, _ in skip_spans]
        self._ranges = 0
        self._bare_joined = False
        resume = 0
        carry_back = False
        build = self._build
        bisect_right = bisect.bisect_right
        for core in self._cores(text, low, skip_spans):
            if core.start < resume:
                continue
            if skip_spans:
                i = bisect_right(skip_starts, core.end - 1) - 1
                if i >= 0 and skip_spans[i][1] > core.start:
                    continue
                if (i >= 0 and 0 < core.start - skip_spans[i][1] <= 9 and text[skip_spans[i][1] - 1].isdigit()
                        and text[skip_spans[i][1]:core.start] in _DAY_RANGE_JOINS and core.number.precision == 1.0
                        and 1 <= core.number.value <= 31 and not core.is_word
                        and not text[skip_spans[i][0]:skip_spans[i][1]].isdigit()):
                    continue  # "Oct. 18-22", "March 3 to 5": the last day of a range of days
            self._resume = resume
            q, end = build(text, low, core)
            if q is not None:
                if out:
                    last = out[-1]
                    if q.unit is None:
                        if q.kind == "count" and last.unit is not None:
                            q = _carry_forward(text, out, q)
                    else:
                        if last.unit is None and last.kind == "count":
                            carry_back = True  # a bare number before an amount with a unit
                        if q.direction is None and last.direction is not None and q.kind == last.kind:
                            q = _bracketed_equivalent(text, last, q)
                        if q.kind == "money" and last.kind == "money" and text[q.end:q.end + 1] == ")":
                            q = self._bracketed_rate(text, out, q)
                if q.unit is None and q.kind == "count" and _join_follows(low, q.end):
                    self._bare_joined = True  # "three or four years": see `_merge_count_durations`
                out.append(q)
            if end > resume:
                resume = end
        if carry_back:
            out = _carry_back(text, out)
        return out

    def _ignore_matches(self, low: str) -> list[tuple[int, int]]:
        """Spans of the whole-text ignore patterns (those with long pre-check literals, such as web
        addresses) whose literals occur in this text, sorted and merged; the others are tried in a
        window around each number (see `_ignored`)."""
        spans: list[tuple[int, int]] = []
        # whether each pattern's pre-check literals occur: a plain loop, as this runs once per text
        on_list = []
        for requires in self._ignore_requires:
            on = not requires
            for r in requires:
                if r in low:
                    on = True
                    break
            on_list.append(on)
        present = tuple(on_list)
        window = self._window_memo.get(present)
        if window is None:
            window = self._window_memo[present] = tuple(
                (ig, self._requires_re.get(ig)) for ig, on in zip(self.lex.ignores, present)
                if on and ig not in self._whole_ignores)
        self._window_ignores = window
        for ig, on, whole in zip(self.lex.ignores, present, self._ignore_is_whole):
            if on and whole:
                spans.extend(m.span() for m in ig.pattern.finditer(low) if m.end() > m.start())
        if len(spans) > 1:
            spans.sort()
            merged = [spans[0]]
            for a, b in spans[1:]:
                if a <= merged[-1][1]:
                    if b > merged[-1][1]:
                        merged[-1] = (merged[-1][0], b)
                else:
                    merged.append((a, b))
            spans = merged
        return spans

    def _ignored(self, low: str, s: int, e: int) -> bool:
        """Is the number at s..e a label ("Section 427") or inside an ignore pattern (a phone number)?

        Leaves the lower-cased word before the number in ``self._prev_word`` (None if not read)."""
        self._prev_word = None
        j = s
        while j > 0 and low[j - 1] in " \u00a0":
            j -= 1
        if 0 < j < s:
            # the (at most 16) non-space characters ending at j, as _PREV_TOKEN_RE would find them
            prev_word = "" if low[j - 1].isspace() else low[j - 16 if j > 16 else 0:j].rsplit(None, 1)[-1]
            self._prev_word = prev_word
            labels = self.lex.label_words
            if prev_word in labels or prev_word.lstrip(_LEFT_PUNCT) in labels:
                return True
        if self._ignore_spans:
            i = bisect.bisect_right(self._ignore_starts, s) - 1
            if i >= 0 and self._ignore_spans[i][1] >= e:
                return True
        if not self._window_ignores:
            return False
        n = len(low)
        gate = self._near_gate_ascii if self._ascii else self._near_gate
        if gate is not None:
            a = s - 20 if s > 20 else 0
            if self._gate_monotone:
                # Where does the gate first match in the whole text at or after `a`? A match inside
                # the window would be one in the whole text too, so none before the window's end means
                # none in the window: one search serves every number up to that match (most texts
                # have no match at all), instead of one search per number.
                if a < self._gate_from or self._gate_next < a:
                    gm = gate.search(low, a)
                    self._gate_from = a
                    self._gate_next = _FAR if gm is None else gm.start()
                if self._gate_next >= e + 20:
                    return False
            if gate.search(low, a, e + 20) is None:
                return False
        near_a = s - 12 if s > 12 else 0
        for ig, requires_re in self._window_ignores:
            # one C-level search for any pre-check literal within 12 characters of the number
            if requires_re is not None and requires_re.search(low, near_a, e + 12) is None:
                continue
            a = s - 20 if s > 20 else 0
            b = min(n, e + 20)
            while a <= s:
                im = ig.pattern.search(low, a, b)
                if im is None or im.start() > s:
                    break
                if im.end() >= e:
                    return True
                a = max(im.end(), im.start() + 1)
        return False

    def _build(self, text: str, low: str, core: _Core) -> tuple[Quantity | None, int]:
        """Read everything around one number; returns (Quantity or None, end offset consumed)."""
        s, e = core.start, core.end
        # `_currency_before`'s first test, inlined: most numbers follow a character that ends no
        # currency sign or code
        j = s - 1 if s > 0 and text[s - 1] in " \u00a0" else s
        if j == 0 or text[j - 1] not in self._currency_last_chars:
            currency, start = None, s
        else:
            currency, start = self._currency_before(text, s)
        name_sub = None  # a subunit named before the number ("sen 100,000")
        from_name = False
        if (currency is None and s > 1 and text[s - 2] in self._prefix_last and text[s - 1] == " "
                and text[text.rfind(" ", 0 if s < 12 else s - 12, s - 1) + 1:s - 1] in self._prefix_names):
            pre = self._prefix_name_before(text, s)
            if pre is not None and not (core.kind == "number" and not core.is_word and e - s == 4
                                        and 1800 <= core.number.value <= 2100):
                from_name = True
                if pre[0] is None:
                    name_sub = pre[1]
                    name_start = pre[2]
                else:
                    currency, start = pre[0], pre[2]
        self._mscale = 1.0
        if currency is not None and text.startswith("M" + currency, start):
            self._mscale = 1e6  # "MAUD 60"
        hyphen_negative = False
        if currency is None and s > 0 and not core.is_word:
            prev = text[s - 1]
            if prev.isalpha() or prev == "_":
                return None, e  # "G20", "A380", "B2B": names, not quantities
            if prev == "-" and s > 1 and text[s - 2] in self._currency_last_chars and not text[s - 2].isalpha():
                cur, cur_start = self._currency_before(text, s - 1)
                if cur is not None:  # "$-50.8bn": a sign, then a minus
                    currency, start, hyphen_negative = cur, cur_start, True
            elif prev == "-" and s > 1 and text[s - 2].isalpha():
                k = s - 1
                while k > 0 and s - 1 - k < 12 and text[k - 1].isalpha():
                    k -= 1
                how = _HYPHEN_PREFIXES.get(text[k:s - 1].lower())
                if how is None:
                    return None, e  # "Covid-19"
                if how == "neg":  # "minus-130 degrees"
                    hyphen_negative = True
                    start = k
            elif prev == "-" and s > 1 and text[s - 2].isdigit():
                k = s - 2
                while k > 0 and s - 2 - k < 12 and text[k - 1].isalnum():
                    k -= 1
                if any(c.isalpha() for c in text[k:s - 1]):
                    return None, e  # "scp2-173m", "A380-800": part of a code
                if k > 1 and text[k - 1] == " " and self._ignored(low, k, s - 1):
                    return None, e  # "ISO 3888-2": the rest of a label
            elif prev == "." and s > 1 and text[s - 2].isalpha():
                return None, e  # "ID.3", "No.5"
            elif prev == ":" and s > 1 and text[s - 2].isdigit():
                return None, e  # "1:36.6", clock times and scores
            elif prev == " " and s > 2 and text[s - 2] in ".D" and _ERA_BEFORE_RE.search(text, max(0, s - 7), s):
                em = _ERA_RANGE_RE.match(text, e)  # "A.D. 1000 and 1260": years of an era
                return None, em.end() if em is not None else e
            elif (prev == "(" and s > 2 and text[e:e + 1] == ")" and text[s - 3].isalpha() and e - s <= 2
                  and _LOWER_WORD_AFTER_RE.match(text, e + 1)
                  and _CAP_NAME_AROUND_RE.search(text, max(0, s - 30), s - 1)):
                return None, e + 1  # "quarterback Dak Prescott (4) celebrates": a shirt number
            if text[s] == "0" and e - s > 1 and text[s + 1].isdigit() and text[s:e].strip("0"):
                return None, e  # "0401 GMT", "007": a leading zero makes a code or a clock time
        elif (core.is_word and text[s].isupper() and s > 3 and text[s - 1] == " " and text[s - 2].islower()
              and _CAP_NAME_AROUND_RE.search(text, max(0, s - 30), s) and _LOWER_WORD_AFTER_RE.match(text, e)):
            return None, e  # "the Kick Six win", "the Big Ten title": a capitalised number word in a name
        if currency is None and self._ignored(low, s, e):
            return None, e
        if core.kind == "ordinal":
            if _STREET_AFTER_ORDINAL_RE.match(text, e):
                return None, e  # "71st St", "Fifth Avenue": a street's name
            v = core.number.value
            return self._q(s, e, text, "ordinal", v, v, v, None, "exact"), e
        number = core.number
        left = (_Left(start, negative=True) if hyphen_negative
                else self._left(text, start, self._prev_word if start == s and currency is None else None))
        scale, pos = self._scale_after(text, e, True, currency is not None)
        if (currency == "GBP" and scale == 1.0 and number.precision == 1.0 and text.startswith("PS", start)
                and "," not in text[s:e]):
            return None, e  # "PS2.7m", "PS21,700" are pounds whose sign lost its shape; "PS5" is a console
        extra = 0.0
        precision = number.precision * scale
        if not core.is_word and (scale in _ADDITIVE_SCALES or (scale >= 1e6 and low.startswith(" and a", pos))):
            extra, precision, pos = self._additive(text, low, pos, scale, precision)
        kind = "fraction" if number.is_fraction else "count"
        unit: str | None = None
        k2, u2, cur2, pos2 = self._unit_after(text, pos, currency is not None, scale != 1.0)
        if k2 is not None:
            if k2 == "money" and cur2 is None:  # cents, pence
                kind, unit = "money", u2
            elif k2 == "money":
                if currency is not None and cur2 != currency:
                    if text[start:s].strip() != "$":
                        pos2 = pos  # "rmb 10 usd 20": the code after belongs to the next amount
                    currency = cur2 if text[start:s].strip() == "$" else currency  # "$10 AUD"
                currency = currency or cur2
                if scale == 1.0:  # "75 USD million"
                    scale, pos2 = self._scale_after(text, pos2, True, True)
                    precision = number.precision * scale
            else:
                kind, unit = k2, u2
            pos = pos2
        if self._mscale != 1.0:
            scale *= self._mscale
            precision *= self._mscale
        if kind == "fraction" and k2 is None:
            om = _OF_A_UNIT_RE.match(low, pos)
            if om is not None:  # "1/16 of a pint", "half a mile": a share of one unit is a measure
                k3, u3, _c3, p3 = self._unit_after(text, om.end() - 1, False, False)
                if k3 == "measure":
                    kind, unit, pos = k3, u3, p3
        if from_name:
            if kind not in ("count", "money"):  # "the euro 1.2 percent": the name is not this amount's
                currency, start = None, s
                left = self._left(text, start)
            elif name_sub is not None and kind == "count":
                kind, unit = "money", name_sub
                left = _Left(name_start, left.qualifier, left.direction, left.opener, left.negative)
        if currency is not None and kind not in ("percent", "percentage_point"):
            kind, unit = "money", currency
        if unit == "second" and pos == e + 1 and not core.is_word and _is_decade(text, low, s, e, number):
            return None, pos  # "the 1990s", "his 30s", "2018s best sector": a decade or an age bracket
        if (left.negative and kind == "count" and scale == 1.0 and s > 4 and text[s - 1] == "-" and text[s - 2] == " "
                and text[s - 5:s - 2].isupper() and text[s - 5:s - 2].isalpha() and number.precision == 1.0
                and text[s - 5:s - 2] not in self.lex.currency_codes):
            return None, e  # "COVID -19 tests": a name with a stray space, not minus nineteen
        glued_noun = None
        if kind == "count" and scale == 1.0 and not core.is_word and e < len(text) and text[e].isalpha():
            glued_noun = _glued_noun(text, e)
            if glued_noun is None:
                return None, e  # "5G", "3D", "1980s": names and decades, not counts
        if kind == "count" and scale == 1.0 and not extra and number.precision == 1.0 and 0 < number.value <= 100:
            ratio = self._ratio(text, low, e, number.value)
            if ratio is not None:
                r_value, r_end = ratio
                lo_hi = tidy(-r_value if left.negative else r_value)
                return (self._q(left.start, r_end, text, "fraction", lo_hi, lo_hi, lo_hi, None, left.qualifier,
                                left.direction), r_end)
        if core.kind == "weak" and (kind == "count" or text.startswith(" of ", e)):
            if kind != "count" or counted_noun(text, pos, number.value)[0] is None:
                return None, e
        value = number.value * scale + extra
        if left.negative:
            value = -value
        qualifier = left.qualifier
        span_start = left.start
        yearlike = (kind == "count" and currency is None and scale == 1.0 and not core.is_word
                    and number.precision == 1.0 and 1800 <= number.value <= 2100 and e - s == 4
                    and not left.negative)
        # the second half of a range follows a separator: only then is the full reader worth trying
        # does a range separator follow (at ``pos``, or at ``e``)? One character first: this runs for
        # every number, and most are followed by a space and a word that starts none
        n = len(low)
        c = low[pos] if pos < n else ""
        if c == " ":
            c = low[pos + 1] if pos + 1 < n else ""
        if c and c in _RANGE_FIRST and _RANGE_START_RE.match(low, pos):
            rng = self._range_after(text, low, e, pos, left.opener, kind, currency, unit)
        else:
            rng = None
            if pos != e:
                c = low[e] if e < n else ""
                if c == " ":
                    c = low[e + 1] if e + 1 < n else ""
                if c and c in _RANGE_FIRST and _RANGE_START_RE.match(low, e):
                    rng = self._range_after(text, low, e, pos, left.opener, kind, currency, unit)
        if rng is not None:
            if rng[0] == "skip":  # "89-89", "20-24": scores and day ranges, not quantities
                am = _AGE_RANGE_RE.match(text, e)
                if (am is not None and _AGE_WORDS_BEFORE_RE.search(low, max(0, span_start - 6), span_start)
                        and value < int(am.group("hi")) <= 120):  # "aged 25-54": a range of ages
                    hi = float(am.group("hi"))
                    return (self._q(span_start, am.end(), text, "duration", tidy((value + hi) / 2), tidy(value),
                                    tidy(hi), "year", "range", left.direction), am.end())
                return None, rng[-1]
            _, v2, p2, scale2, kind2, unit2, cur2, end2 = rng
            if (left.direction is not None and left.opener is None and (pos > e or start < s)
                    and _CHANGE_TO_LEVEL_RE.match(text, pos) and kind2 != "count"):
                rng = None  # "rose 3 pct to 7 pct", "increased by $43.6 bn to $419.2 bn": a change, then its level
            elif (left.opener is None and pos > e and kind2 != "count"
                  and v2 * scale2 < number.value * scale):
                rng = None  # "1.3 A/cm2 to 0.03 A/cm2": two values going down, not a range
        if rng is not None:
            _, v2, p2, scale2, kind2, unit2, cur2, end2 = rng
            if yearlike and kind2 == "count" and unit2 is None and 1800 <= v2 <= 2100:
                return None, end2
            if yearlike and left.opener is None and v2 * (scale2 if scale2 != 1.0 else 1.0) < value:
                return None, e  # "in 2008 to 29 mpg": a year, then a level, not a range down from 2008
            if scale == 1.0 and scale2 != 1.0 and number.value < 1000 and not extra:
                # "between 3 and 4 billion": the scale serves both
                value *= scale2
                precision *= scale2
            v2 *= scale2 if scale2 != 1.0 else scale
            p2 *= scale2 if scale2 != 1.0 else scale
            if kind in ("count", "fraction") and unit is None and kind2 != "count":
                kind, unit = kind2, unit2
            if kind not in ("money",) and cur2:
                kind, unit = "money", cur2
            lo, hi = min(value, v2), max(value, v2)
            if qualifier == "approx":
                lo, hi = lo - abs(lo) * self.lex.approx_tolerance, hi + abs(hi) * self.lex.approx_tolerance
            if kind == "count" and unit is None:
                unit, nend = counted_noun(text, end2, v2)
                if unit is None and low.startswith(" on the ", end2):
                    sm = self._on_scale(text, end2)  # "between 50 and 70 on the GPa scale"
                    if sm is not None:
                        kind, unit = "measure", sm
            elif kind in ("money", "measure") and unit is not None:
                rate = self._rate(text, end2)
                if rate is not None:
                    unit, end2 = f"{unit} / {rate[0]}", rate[1]
            mid = (min(value, v2) + max(value, v2)) / 2
            self._ranges += 1
            return (self._q(span_start, end2, text, kind, tidy(mid), tidy(lo), tidy(hi), unit, "range",
                            left.direction), end2)
        if kind == "count" and number.vague:
            span_start, pos, value, kind, unit = self._vague_of(text, low, span_start, pos, value)
        elif kind == "count":
            if yearlike and qualifier == "exact" and low[max(0, s - 8):s].rstrip().endswith(_YEAR_PREPOSITIONS):
                return None, e  # "for 2024 totals": a year, the temporal scanner's business
            unit = glued_noun or counted_noun(text, pos, value)[0]
            if yearlike and (unit is None or " " in unit or _NAME_WORD_BEFORE_RE.search(text, max(0, s - 30), s)):
                return None, e  # a year ("1987 winter wheat producers", "Merck's 2018 sales")
            if unit is None and low[pos:pos + 3] in _BARE_NEXT3 and low.startswith(_BARE_NEXT, pos):  # rarer shapes
                if low.startswith(_FOLD_STARTS, pos):
                    unit, pos = "time", pos + (4 if low[pos] == "f" else 5)  # "sixfold", "a 10-fold rise"
                elif _CODE_AFTER_RE.match(low, pos):
                    return None, e  # "at 1430 GMT", "the 90049 ZIP code", "500 BC": a clock time, a code, a year
                elif low.startswith(" on the ", pos):
                    sm = self._on_scale(text, pos)  # "scored 7 on the Mohs scale"
                    if sm is not None:
                        kind, unit = "measure", sm
                elif value != 1:  # " of "
                    unit = _of_noun(text, pos + 3)  # "two of the victims", "two of Johnson's deputies"
            elif (unit is not None and span_start == s and self._prev_word and self._prev_word not in _STOP
                  and self._prev_word.isalpha()):
                unit = _adjective_before(text, low, span_start, unit)  # "the top three seeds"
            if (unit is None and pos == e and value != 1 and number.precision == 1.0 and span_start >= 2
                    and e + 1 < len(text) and text[e + 1].islower()):
                unit = _compound_noun(text, low, span_start, e)
            if (unit is None and pos == e and qualifier == "exact" and not left.negative and left.direction is None
                    and not core.is_word and number.precision == 1.0
                    and (_is_name_label(text, s, e) or _STREET_RE.match(text, e))):
                return None, e  # "S&P 500", "the Big 12.", "787 Dreamliner", "49 Zorro Ranch Road": names
            if (unit is None and not core.is_word and number.precision == 1.0 and 0 < value <= 120
                    and scale == 1.0 and qualifier == "exact" and not left.negative and span_start >= 3):
                if ((text.startswith(", ", span_start - 2) and _AGE_APPOSITIVE_RE.match(text, e)
                     and _NAME_BEFORE_RE.search(text, max(0, span_start - 30), span_start - 2))
                        or ((low.startswith("age ", span_start - 4) or low.startswith("aged ", span_start - 5))
                            and _AGE_WORD_RE.search(low, max(0, span_start - 6), span_start))):
                    # "Maddon, 66, has used", "a man aged 87": an age in years
                    am = _AGE_RANGE_RE.match(text, e)
                    if am is not None and value < int(am.group("hi")) <= 120:  # "aged 18 to 34"
                        hi = float(am.group("hi"))
                        return (self._q(span_start, am.end(), text, "duration", tidy((value + hi) / 2), tidy(value),
                                        tidy(hi), "year", "range", left.direction), am.end())
                    return (self._q(span_start, e, text, "duration", tidy(value), tidy(value), tidy(value),
                                    "year", "exact", left.direction), e)
                if text[span_start - 1] == " " and _bare_age(text, low, span_start, e, value):
                    # "Nick Hague 44 has spent", "who was 10.", "He will be 35 by then": the commas left out
                    return (self._q(span_start, e, text, "duration", tidy(value), tidy(value), tidy(value),
                                    "year", "exact", left.direction), e)
            if unit is None and span_start >= 3 and low.startswith("of ", span_start - 3):
                pm = _PERCENT_OF_RE.search(low, max(0, span_start - 20), span_start)
                if pm is not None and _CLAUSE_END_RE.match(text, pos):
                    # "percent of 10" opening a sentence, the number ending it: the percent is the number
                    # ("50 percent of 210 households" never gets here: 210 has a noun, 50 is the percent)
                    kind, unit, span_start = "percent", "percent", pm.start("p")
        elif kind in ("money", "measure") and unit is not None:
            if kind == "money" and unit == currency and scale == 1.0 and number.precision == 1.0:
                value, precision, pos = self._compound_money(text, low, pos, value, precision)
            elif kind == "measure" and unit in _COMPOUND_NEXT:
                value, precision, pos = self._compound_measure(text, low, pos, value, precision, unit)
            rate = self._rate(text, pos)
            if rate is not None:
                unit, pos = f"{unit} / {rate[0]}", rate[1]
        several_m = _SEVERAL_RE.search(low, max(0, core.start - 12), core.start) \
            if core.is_word and number.value in (12.0, 100.0, 1000.0, 1e6, 1e9) else None
        several = several_m is not None
        if several and several_m is not None:
            span_start = min(span_start, several_m.start())
        if number.vague:
            lo, hi = value, value * 10
            qualifier = "approx"
        elif several:  # "several dozen", "a few hundred": between two and nine of them, about three
            lo, hi = 2 * value, 9 * value
            value = 3 * value
            qualifier = "approx"
        else:
            round_zeros = self.lex.round_zeros
            if round_zeros and not core.is_word and number.precision == 1.0 and not extra:
                # "48,000" is rounded at its last non-zero digit (+/-500), capped at round_cap of the value
                whole = int(number.value)
                step = 10 ** round_zeros
                if whole and whole % step == 0:
                    while whole % (step * 10) == 0:
                        step *= 10
                    precision = max(precision, min(step * scale, 2 * self.lex.round_cap * abs(value)))
            # the same figures recur across a corpus ("15 pct", "1.5 billion"): the tidied value and
            # bounds are memoised on (value, precision, qualifier); zero is left out, as -0.0 == 0.0
            key = (value, precision, qualifier)
            bounds = self._bounds_memo.get(key) if value else None
            if bounds is None:
                lo, hi = self._interval(value, precision, qualifier)
                bounds = (tidy(value), None if lo is None else tidy(lo), None if hi is None else tidy(hi))
                if value:
                    if len(self._bounds_memo) > 50_000:
                        self._bounds_memo.clear()
                    self._bounds_memo[key] = bounds
            end = pos
            while end > span_start and text[end - 1].isspace():
                end -= 1
            return (self._q(span_start, end, text, kind, bounds[0], bounds[1], bounds[2], unit, qualifier,
                            left.direction), end)
        end = pos
        while end > span_start and text[end - 1].isspace():
            end -= 1
        return (self._q(span_start, end, text, kind, tidy(value), None if lo is None else tidy(lo),
                        None if hi is None else tidy(hi), unit, qualifier, left.direction), end)

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
            value *= _MAGNITUDES[m.group("mag")]
            pos = m.end()
        if low.startswith(" of ", pos):
            kind, unit, currency, end = self._unit_after(text, pos + 4, True, True)
            if kind == "money" and currency is not None:
                return start, end, value, "money", currency
            unit, _ = counted_noun(text, pos + 3, value)
            return start, pos, value, "count", unit
        return start, pos, value, "count", None

    def _additive(self, text: str, low: str, pos: int, scale: float, precision: float) -> tuple[float, float, int]:
        """"4 thousand 3 hundred and 21": smaller numbers after a scale word add to it."""
        extra = 0.0
        last = scale
        while True:
            jm = _JOIN_RE.match(text, pos)
            if not jm or ("and" in jm.group(0) and last != 100 and not low.startswith(" and a", jm.start())):
                break
            c2 = self._core_at(text, low, jm.end(), weak_ok=last == 100)
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
            if not 0 < add < last or (sc3 != 1.0 and sc3 not in _ADDITIVE_SCALES):
                break
            extra += add
            precision = c2.number.precision * sc3
            pos, last = p3, sc3
            if sc3 == 1.0:
                break
        return extra, precision, pos

    def _compound_money(self, text: str, low: str, pos: int, value: float,
                        precision: float) -> tuple[float, float, int]:
        """"3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 USD 50"."""
        jm = _JOIN_RE.match(text, pos)
        if not jm:
            return value, precision, pos
        c2 = self._core_at(text, low, jm.end())
        if c2 is None or c2.number.is_fraction or c2.number.precision != 1.0 or not 0 < c2.number.value < 100:
            return value, precision, pos
        k3, u3, cur3, p3 = self._unit_after(text, c2.end, True, False)
        if k3 == "money" and cur3 is None:
            end = p3
        elif k3 is None and (c2.end == len(text) or text[c2.end] in ".,;!?)" or text.startswith(" more", c2.end)):
            end = c2.end
        else:
            return value, precision, pos
        sign = -1.0 if value < 0 else 1.0
        return value + sign * c2.number.value / 100.0, 0.01, end

    def _compound_measure(self, text: str, low: str, pos: int, value: float, precision: float,
                          unit: str) -> tuple[float, float, int]:
        """"5 feet 2 inches", "5 ft 2 in", "3 hours 20 minutes": the smaller part adds, in the first unit."""
        jm = _JOIN_RE.match(text, pos)
        if not jm:
            return value, precision, pos
        c2 = self._core_at(text, low, jm.end())
        if c2 is None or c2.number.is_fraction:
            return value, precision, pos
        small, factor = _COMPOUND_NEXT[unit]
        k3, u3, _, p3 = self._unit_after(text, c2.end, False, False)
        if k3 != "measure" or u3 != small:
            m = _INCH_RE.match(text, c2.end) if small == "inch" else None
            if m is None:
                return value, precision, pos
            p3 = m.end()
        return value + c2.number.value * factor, c2.number.precision * factor, p3

    def _ratio(self, text: str, low: str, e: int, num: float) -> tuple[float, int] | None:
        """"1 in 5", "one out of three": a share written as a ratio; (value, end)."""
        m = _RATIO_RE.match(text, e)
        if m is None:
            return None
        c2 = self._core_at(text, low, m.end())
        if c2 is None or c2.number.is_fraction or c2.number.vague or not c2.number.value.is_integer():
            return None  # "one in a hundred" and "two out of five hundred" are shares too
        den = c2.number.value
        if not num < den or (1800 <= den <= 2100 and c2.end - c2.start == 4):
            return None  # "a 52 over 48 vote" is not a share
        if m.group("over") and not _CLAUSE_END_RE.match(text, c2.end):
            return None  # "one over three" is a fraction only when nothing follows: not "2 over 3 years"
        k, _, _, _ = self._unit_after(text, c2.end, False, False)
        if k is not None:
            return None  # "5 in 10 days", "2 in 10 km"
        return num / den, c2.end

    def _on_scale(self, text: str, pos: int) -> str | None:
        """" on the GPa scale", " on the Celsius scale": the unit a number is read on, or None."""
        m = _ON_SCALE_RE.match(text, pos)
        if m is None:
            return None
        k, u, _c, end = self._unit_after(text, m.start("u") - 1, False, False)
        return u if k == "measure" and end == m.end("u") else None

    def _bracketed_rate(self, text: str, out: list[Quantity], q: Quantity) -> Quantity:
        """"C$6 (US$4.46) per share", "9 billion shekels ($2.4 billion) a year": the rate after the
        bracket is both amounts'. ``q`` is the bracketed one, ``out[-1]`` the amount before it."""
        prev = out[-1]
        if "/" in (q.unit or "/") or "/" in (prev.unit or "/") or text[prev.end:q.start].strip() != "(":
            return q
        rate = self._rate(text, q.end + 1)
        if rate is None:
            return q
        out[-1] = with_changes(prev, unit=f"{prev.unit} / {rate[0]}")
        return with_changes(q, unit=f"{q.unit} / {rate[0]}")

    def _rate(self, text: str, pos: int) -> tuple[str, int] | None:
        """"per barrel", "a month", "/day" after an amount: (denominator, end)."""
        m = _RATE_RE.match(text, pos)
        if m is None:
            return None
        if "-" in text[m.start():m.start("w")] and m.group("w").split()[0].lower().rstrip(".,;:") not in _TIME_RATES:
            return None  # "barrel-a-day", "£24 a-year"; but "a 12-cent-a-share dividend" is in cents
        w = m.group("w")
        opener = text[m.start():m.start("w")].strip().lower()
        lex = self.lex
        for cand in (w, w.split()[0]) if " " in w or "\u00a0" in w else (w,):
            c = cand.rstrip(".,;:")
            if not c or (opener in ("a", "an") and len(c) < 3) or (opener == "per" and c.lower() == "cent"):
                continue
            hit = lex.suffix_cased.get(c) or lex.suffix_plain.get(c.lower())
            if hit is not None and hit[0] == "unit":
                return hit[1], m.start("w") + len(c)
            lw = c.lower()
            if opener in ("a", "an") and _TIME_AFTER_RE.match(text, m.start("w") + len(c)):
                return None  # "$1.17 billion a year earlier": when, not per what
            if lw in lex.rate_words:
                return lw, m.start("w") + len(c)
            if lw.endswith("s") and lw[:-1] in lex.rate_words and opener not in ("a", "an"):
                return lw[:-1], m.start("w") + len(c)
        return None

    def _q(self, s: int, e: int, text: str, kind: str, value: float | None, low: float | None, high: float | None,
           unit: str | None, qualifier: str, direction: str | None = None) -> Quantity:
        return make_quantity(s, e, text[s:e], kind, value, low, high, unit, qualifier,
                             bisect.bisect_right(self._line_starts, s), self._doc, direction)

    def _range_after(self, text: str, low: str, e: int, pos: int, opener: str | None, kind: str,
                     currency: str | None, unit: str | None) -> tuple | None:
        """The second half of a range after the first number ("-15%", "and 4 billion", "to $15bn").

        Returns ("range", value, precision, scale, kind, unit, currency, end), ("skip", end) for a
        pair of bare numbers joined by a hyphen ("89-89", "20-24"), or None.
        """
        for at in ((pos, e) if pos != e else (pos,)):
            rs = _RANGE_SEP_RE.match(text, at)
            if not rs:
                continue
            raw_sep = rs.group("sep")
            sep = raw_sep.strip().lower()
            if sep == "and" and opener != "between":
                continue
            if sep in ("to", "through") and opener not in ("from", None):
                continue
            j = rs.end()
            cur2 = None
            sm = self._symbols_re.match(text, j) if self._symbols_re is not None else None
            if sm is not None:
                sym = sm.group(0)
                cur2 = self.lex.currency_symbols[sym]
                j += len(sym)
                if j < len(text) and text[j] == " ":
                    j += 1
            core2 = self._core_at(text, low, j)
            if core2 is None or core2.kind == "ordinal":
                continue
            if core2.is_word and sep == "-":
                continue
            if currency and cur2 and cur2 != currency:
                continue  # "110 JPY to 1 USD": a rate, not a range
            scale2, p2 = self._scale_after(text, core2.end, True, currency is not None or cur2 is not None)
            k2, u2, c2, p3 = self._unit_after(text, p2, currency is not None or cur2 is not None, scale2 != 1.0)
            kind2, unit2 = "count", None
            if k2 is not None:
                p2 = p3
                if k2 == "money" and c2:
                    cur2 = cur2 or c2
                else:
                    kind2, unit2 = k2, u2
            if currency and cur2 and cur2 != currency:
                continue
            if cur2 and kind == "money" and currency is None and unit is not None:
                continue  # "18 sen to RM23.50"
            if cur2 and kind2 == "count":
                kind2, unit2 = "money", cur2
            if kind2 == "count" and currency and kind == "money":
                kind2, unit2 = "money", currency
            if kind not in ("count", "fraction") and kind2 != "count" and kind2 != kind:
                continue
            if kind not in ("count", "fraction", "money") and kind2 == "count":
                continue  # "rose 0.4 per cent to 13176": a level after a change
            if kind == "money" and kind2 == "count":
                continue
            if kind2 != "count" and kind == kind2 and unit and unit2 and unit != unit2 and kind != "money":
                continue
            if kind in ("count", "fraction") and kind2 == "count" and cur2 is None and currency is None:
                bare_pair = raw_sep == "-" and not core2.is_word
                if sep == "or" or (opener is None and scale2 == 1.0
                                   and counted_noun(text, p2, core2.number.value)[0] is None):
                    if bare_pair and core2.number.precision == 1.0 and "." not in text[e - 3:e]:
                        return ("skip", core2.end)
                    # "8 to 10" without a unit: too ambiguous to join
                    continue
            if sep == "or" and kind2 == "count":
                continue
            v2, pr2 = core2.number.value, core2.number.precision
            if core2.is_word and scale2 == 1.0:  # "four to five thousand people": the magnitude serves both
                last = low[core2.start:core2.end].rsplit(None, 1)[-1]
                mag = _MAGNITUDES.get(last)
                if mag:
                    v2, pr2, scale2 = v2 / mag, pr2 / mag, mag
            return ("range", v2, pr2, scale2, kind2, unit2, cur2, p2)
        return None

    def _core_at(self, text: str, low: str, j: int, weak_ok: bool = False) -> _Core | None:
        """The number that starts at ``j``; weak words ("one") only when ``weak_ok``."""
        m = DIGITS_RE.match(text, j)
        if m:
            tail = text[m.end():m.end() + 3]
            if tail[:2] in ("st", "nd", "rd", "th") and (len(tail) < 3 or not tail[2].isalpha()):
                return _Core(j, m.end() + 2, ParsedNumber(0.0, 1.0), False, "ordinal")
            raw = m.group(0).rstrip(".,")
            parsed = parse_digits(raw)
            return _Core(j, j + len(raw), parsed, False) if parsed else None
        wm = WORD_NUMBER_RE.match(low, j)
        if wm and (wm.group(0) not in _WEAK_WORDS or (weak_ok and wm.group(0) in _KEEP_IF_UNIT)):
            parsed = parse_words(wm.group(0))
            if parsed is not None:
                return _Core(j, wm.end(), parsed, True)
        return None
