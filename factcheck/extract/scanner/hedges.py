"""Hedges, signs and directions: what stands before a number ("about", "more than", "minus", "rose",
"between") and how exact the number is ("48,000" is rounded, "several dozen" and "tens of thousands" are vague).

Why together: they decide the interval a figure stands for, the thing two figures are compared on.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from ...model import Quantity
from ..lexicon import Lexicon
from ..numbers import rounding_interval, tidy
from .records import tuple_new

if TYPE_CHECKING:  # numbers.py reads nouns, which read HYPHEN_PREFIXES from here
    from .numbers import Core

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
#: "raise" right before a sum of money: money collected ("raised $48m in funding"), not a rise
_RAISE = frozenset({"raise", "raised", "raises", "raising"})
#: the leading word of a sum written with a code or a symbol ("EUR 40", "US$5"): up to its first digit
_MONEY_HEAD = re.compile(r"[^\d\s]{1,4}(?=\s?\d)")
#: What may open the first word before a number: "(about 5", "'nearly 6".
LEFT_PUNCT = "(\"'[“‘,;"
#: Words before a hyphen and a number that do not make the number a name ("minus-130", "sub-300").
HYPHEN_PREFIXES = {"minus": "neg", "negative": "neg", "sub": "", "over": "", "under": "", "mid": "", "top": "",
                   "pre": "", "post": "", "about": "", "around": "", "some": "", "nearly": "", "almost": ""}


def _word_before(text: str, end: int) -> tuple[int, int]:
    """(start, end) of the word that ends at ``end`` once trailing spaces are skipped (at most 20 chars)."""
    j = end
    while j > 0 and text[j - 1] in " \u00a0":
        j -= 1
    k = max(text.rfind(" ", max(0, j - 20), j), text.rfind("\n", max(0, j - 20), j)) + 1
    return k, j


#: "several dozen", "a few hundred", "some thousand": an unstated multiple of the scale word.
_SEVERAL_RE = re.compile(r"\b(?:several|a few|few|many)[ \u00a0]+$")


class Left(NamedTuple):
    """What stands before a number: sign, hedge, direction of change, range opener."""

    start: int
    qualifier: str = "exact"
    direction: str | None = None
    opener: str | None = None
    negative: bool = False


class HedgeReader:
    """Reads the words before a number and the width of its interval (a mixin of `Scanner`)."""

    def _init_hedges(self, lexicon: Lexicon) -> None:
        #: by the last word of a hedge: the numbers of words such hedges have, longest first (the hedge
        #: loop of `_left` tries only those)
        lengths: dict[str, set[int]] = {}
        for h in lexicon.hedge_of:
            lengths.setdefault(h.split()[-1], set()).add(len(h.split()))
        self._hedge_lengths = {w: tuple(sorted(ks, reverse=True)) for w, ks in lengths.items()}
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
        self._left_vocab = frozenset(
            {h.split()[-1] for h in lexicon.hedge_of} | set(_DIRECTION_WORDS)
            | {"between", "from", "minus", "negative", "by", "of", "to"}
        )
        #: (value, precision, qualifier) -> tidied (value, low, high): see `_bounds`
        self._bounds_memo: dict[tuple[float, float, str], tuple[float, float | None, float | None]] = {}

    def _left(self, text: str, start: int, prev_word: str | None = None) -> Left:
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
            return tuple_new(Left, (start, "exact", None, None, negative))
        if prev_word is not None and not negative and prev_word.lstrip(LEFT_PUNCT) not in self._left_vocab:
            return tuple_new(Left, (start, "exact", None, None, negative))  # the word `_ignored` read
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
        last = last.lower().lstrip(LEFT_PUNCT)
        if last not in self._left_vocab:
            return tuple_new(Left, (start, "exact", None, None, negative))
        prev_ok = self._left_needs_prev.get(last)
        if prev_ok is not None:
            # "of", "to", "by", "than", "least": they matter only after the right word ("in excess of",
            # "rose by", "more than"); "sales of 1,780" is the commonest shape of all
            k, j = _word_before(text, k - 1)
            if j <= 0 or text[k:j].lower().lstrip(LEFT_PUNCT) not in prev_ok:
                return tuple_new(Left, (start, "exact", None, None, negative))
        wstart = max(0, start - 50)
        window = text[wstart:start]
        low = window.lower()
        words = [w.lstrip(LEFT_PUNCT) or w for w in low.split()]
        if not words:
            return tuple_new(Left, (start, "exact", None, None, negative))
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
            phrase = " ".join(words[-k:]).lstrip(LEFT_PUNCT)
            q = self.lex.hedge_of.get(phrase)
            if q is not None:
                qualifier = q
                take(k)
                cut = wstart + pos_in_low + (len(words and "") if False else 0)
                # the first word may carry an opening bracket or quote
                while cut < start and text[cut] in LEFT_PUNCT:
                    cut += 1
                break
        if opener is None and words and words[-1] in ("between", "from"):
            opener = words[-1]
            take(1)
        linked = bool(words) and words[-1] in ("by", "of", "to") and len(words) > 1 and words[-2] in _DIRECTION_WORDS
        if linked:
            words = words[:-1]
        if words and words[-1] in _DIRECTION_WORDS:
            if words[-1] in ("up", "down") and len(words) > 1 and words[-2] in self.lex.particle_verbs:
                pass  # "had set up 900 joint ventures", "shut down 12 plants": a phrasal verb, no change
            elif words[-1] in _RAISE and not linked and self._money_at(text, start):
                pass  # "raised $48m from investors": money collected, no change ("raised it by $2" is one)
            else:
                direction = _DIRECTION_WORDS[words[-1]]
                if words[-1] in ("up", "down") and cut == start:
                    take(1)
                    cut = wstart + pos_in_low
        return Left(cut, qualifier, direction, opener, negative)

    def _money_at(self, text: str, start: int) -> bool:
        """Does a sum of money open at ``start``: a currency symbol or code of the lexicon ("$48m", "EUR 40")?"""
        m = _MONEY_HEAD.match(text, start)
        return m is not None and (m.group(0) in self.lex.currency_symbols or m.group(0) in self.lex.currency_codes)

    def _interval(self, value: float, precision: float, qualifier: str) -> tuple[float | None, float | None]:
        lex = self.lex
        if lex.rounding == "none" or precision <= 0:
            lo, hi = value, value
        else:
            lo, hi = rounding_interval(value, precision)
        if qualifier == "approx":
            width = abs(value) * lex.approx_tolerance
            lo, hi = min(lo, tidy(value - width)), max(hi, tidy(value + width))
        elif qualifier == "nearly":  # "nearly 23,000": close to it and short of it, not over
            lo = min(lo, tidy(value - abs(value) * lex.approx_tolerance))
        elif qualifier in ("more_than", "at_least"):
            return value, None
        elif qualifier in ("less_than", "at_most"):
            return None, value
        return lo, hi

    def _bounded(self, text: str, core: Core, span_start: int, pos: int, value: float, precision: float,
                 qualifier: str, kind: str, unit: str | None, direction: str | None, extra: float,
                 scale: float) -> tuple[Quantity, int]:
        """The quantity with the interval it stands for: rounded ("48,000" is 47,500-48,500, capped), hedged
        ("about 5" widens by the lexicon's tolerance, "more than 5" is open above), vague ("hundreds": 100 to
        1,000) or an unstated multiple ("several dozen": 24 to 108, about 36); (quantity, end)."""
        low = self._low
        number = core.number
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
                            direction), end)
        end = pos
        while end > span_start and text[end - 1].isspace():
            end -= 1
        return (self._q(span_start, end, text, kind, tidy(value), None if lo is None else tidy(lo),
                        None if hi is None else tidy(hi), unit, qualifier, direction), end)
