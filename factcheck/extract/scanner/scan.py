"""The scanner: for each number `find_cores` finds, the readers of the other modules read what stands
around it, in this order, and `_build` puts the answers together into one `Quantity`.

1. money before it (``money.py``), and whether it is part of a name, code or label (``names.py``,
   ``ignores.py``);
2. the words before it: sign, hedge, direction, range opener (``hedges.py``);
3. the scale and unit after it (``units.py``; currency codes and names after a number are units);
4. a second number joined to it: a range (``ranges.py``), a sum or a ratio (``numbers.py``);
5. what a bare count counts (``nouns.py``), or that it is a year, a decade or an age (``dates.py``);
6. the interval it stands for (``hedges.py``);
7. after all numbers: units shared with the amounts next to them (``neighbours.py``).
"""
from __future__ import annotations

import bisect
import re

from ...model import Quantity
from ..lexicon import Lexicon
from ..numbers import ParsedNumber, tidy
from .dates import DAY_RANGE_JOINS, YEAR_PREPOSITIONS, AgeReader, is_decade
from .hedges import HedgeReader, Left
from .ignores import IgnoreReader
from .money import MoneyReader
from .names import (
    BARE_NEXT,
    BARE_NEXT3,
    CODE_AFTER_RE,
    FOLD_STARTS,
    NAME_WORD_BEFORE_RE,
    STREET_AFTER_ORDINAL_RE,
    STREET_RE,
    NameReader,
    is_name_label,
)
from .neighbours import bracketed_equivalent, carry_back, carry_forward, join_follows
from .nouns import STOP_WORDS, adjective_before, compound_noun, counted_noun, glued_noun, of_noun
from .numbers import ADDITIVE_SCALES, CLAUSE_END_RE, Core, NumberReader, find_cores
from .ranges import RANGE_FIRST, RANGE_START_RE, RangeReader
from .records import FAR, line_starts, make_quantity
from .units import COMPOUND_NEXT, OF_A_UNIT_RE, UnitReader

#: "percent of", "per cent of" opening a sentence, right before a number.
_PERCENT_OF_RE = re.compile(r"(?:^|[.!?:;\n]\s*)(?P<p>percents?|per[ -]cents?)[ \u00a0]+of[ \u00a0]+$")


class Scanner(MoneyReader, NameReader, IgnoreReader, HedgeReader, UnitReader, NumberReader, RangeReader,
              AgeReader):
    """Extracts quantities with one lexicon; instances are cheap to reuse across documents.

    Each reader keeps the tables it builds from the lexicon (``_init_*``); `scan` sets the state of one text
    (``_low``, ``_ascii``, ``_doc``, ``_line_starts`` and the ignore spans) that they read.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._init_money(lexicon)
        self._init_ignores(lexicon)
        self._init_hedges(lexicon)
        self._init_units(lexicon)
        self._digits_memo: dict[str, ParsedNumber] = {}
        self._ascii = False  # whether the text being scanned is ASCII (set by `scan`)

    def begin(self, text: str, doc: str | None = None) -> str:
        """Set the state of one text that the readers share; returns the text lower-cased. `scan` calls it;
        a test that calls one reader alone calls it first."""
        low = self._low = text.lower()
        self._ascii = text.isascii()  # then the lower-cased text is too
        self._gate_from, self._gate_next = FAR, -1
        self._doc = doc
        self._line_starts = line_starts(text)
        self._ignore_spans = self._ignore_matches(low)
        self._ignore_starts = [a for a, _ in self._ignore_spans]
        self._ranges = 0  # ranges read: `Extractor` merges them with durations only when there are some
        self._bare_joined = False  # whether a bare number is joined to what follows ("three or four years")
        self._resume = 0
        return low

    def scan(self, text: str, skip_spans: list[tuple[int, int]], doc: str | None = None) -> list[Quantity]:
        """Quantities in ``text`` outside ``skip_spans`` (the dates already found), in order."""
        out: list[Quantity] = []
        low = self.begin(text, doc)
        skip_starts = [a for a, _ in skip_spans]
        resume = 0
        bare_before = False  # whether a bare number comes right before an amount with a unit
        build = self._build
        bisect_right = bisect.bisect_right
        for core in find_cores(text, low, skip_spans, self._digits_memo):
            if core.start < resume:
                continue
            if skip_spans:
                i = bisect_right(skip_starts, core.end - 1) - 1
                if i >= 0 and skip_spans[i][1] > core.start:
                    continue
                if (i >= 0 and 0 < core.start - skip_spans[i][1] <= 9 and text[skip_spans[i][1] - 1].isdigit()
                        and text[skip_spans[i][1]:core.start] in DAY_RANGE_JOINS and core.number.precision == 1.0
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
                            q = carry_forward(text, out, q)
                    else:
                        if last.unit is None and last.kind == "count":
                            bare_before = True
                        if q.direction is None and last.direction is not None and q.kind == last.kind:
                            q = bracketed_equivalent(text, last, q)
                        if q.kind == "money" and last.kind == "money" and text[q.end:q.end + 1] == ")":
                            q = self._bracketed_rate(text, out, q)
                if q.unit is None and q.kind == "count" and join_follows(low, q.end):
                    self._bare_joined = True  # "three or four years": see `_merge_count_durations`
                out.append(q)
            if end > resume:
                resume = end
        if bare_before:
            out = carry_back(text, out)
        return out

    def _build(self, text: str, low: str, core: Core) -> tuple[Quantity | None, int]:
        """Read everything around one number; returns (Quantity or None, end offset consumed)."""
        s, e = core.start, core.end
        currency, start, name_sub, name_start, from_name = self._money_before(text, core)
        skip_to, currency, start, hyphen_negative = self._not_a_quantity(text, low, core, currency, start)
        if skip_to >= 0:
            return None, skip_to
        if core.kind == "ordinal":
            if STREET_AFTER_ORDINAL_RE.match(text, e):
                return None, e  # "71st St", "Fifth Avenue": a street's name
            v = core.number.value
            return self._q(s, e, text, "ordinal", v, v, v, None, "exact"), e
        number = core.number
        left = (Left(start, negative=True) if hyphen_negative
                else self._left(text, start, self._prev_word if start == s and currency is None else None))
        scale, pos = self._scale_after(text, e, True, currency is not None)
        if (currency == "GBP" and scale == 1.0 and number.precision == 1.0 and text.startswith("PS", start)
                and "," not in text[s:e]):
            return None, e  # "PS2.7m", "PS21,700" are pounds whose sign lost its shape; "PS5" is a console
        extra = 0.0
        precision = number.precision * scale
        if not core.is_word and (scale in ADDITIVE_SCALES or (scale >= 1e6 and low.startswith(" and a", pos))):
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
            om = OF_A_UNIT_RE.match(low, pos)
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
                left = Left(name_start, left.qualifier, left.direction, left.opener, left.negative)
        if currency is not None and kind not in ("percent", "percentage_point"):
            kind, unit = "money", currency
        if unit == "second" and pos == e + 1 and not core.is_word and is_decade(text, low, s, e, number):
            return None, pos  # "the 1990s", "his 30s", "2018s best sector": a decade or an age bracket
        if (left.negative and kind == "count" and scale == 1.0 and s > 4 and text[s - 1] == "-" and text[s - 2] == " "
                and text[s - 5:s - 2].isupper() and text[s - 5:s - 2].isalpha() and number.precision == 1.0
                and text[s - 5:s - 2] not in self.lex.currency_codes):
            return None, e  # "COVID -19 tests": a name with a stray space, not minus nineteen
        glued = None
        if kind == "count" and scale == 1.0 and not core.is_word and e < len(text) and text[e].isalpha():
            glued = glued_noun(text, e)
            if glued is None:
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
        if c and c in RANGE_FIRST and RANGE_START_RE.match(low, pos):
            rng = self._range_after(text, low, e, pos, left.opener, kind, currency, unit)
        else:
            rng = None
            if pos != e:
                c = low[e] if e < n else ""
                if c == " ":
                    c = low[e + 1] if e + 1 < n else ""
                if c and c in RANGE_FIRST and RANGE_START_RE.match(low, e):
                    rng = self._range_after(text, low, e, pos, left.opener, kind, currency, unit)
        if rng is not None:
            done = self._read_range(text, low, core, rng, pos, start, left, kind, unit, scale, precision, value,
                                    qualifier, span_start, yearlike, extra)
            if done is not None:
                return done
        if kind == "count" and number.vague:
            span_start, pos, value, kind, unit = self._vague_of(text, low, span_start, pos, value)
        elif kind == "count":
            done, span_start, pos, kind, unit = self._read_count(text, low, core, pos, value, span_start, left,
                                                                 qualifier, scale, yearlike, glued)
            if done is not None:
                return done
        elif kind in ("money", "measure") and unit is not None:
            if kind == "money" and unit == currency and scale == 1.0 and number.precision == 1.0:
                value, precision, pos = self._compound_money(text, low, pos, value, precision)
            elif kind == "measure" and unit in COMPOUND_NEXT:
                value, precision, pos = self._compound_measure(text, low, pos, value, precision, unit)
            rate = self._rate(text, pos)
            if rate is not None:
                unit, pos = f"{unit} / {rate[0]}", rate[1]
        return self._bounded(text, core, span_start, pos, value, precision, qualifier, kind, unit, left.direction,
                             extra, scale)

    def _read_count(self, text: str, low: str, core: Core, pos: int, value: float, span_start: int, left: Left,
                    qualifier: str, scale: float, yearlike: bool,
                    glued: str | None) -> tuple[tuple[Quantity | None, int] | None, int, int, str, str | None]:
        """What a bare count counts ("900 joint ventures", "two of the victims", "sixfold"), or that it is
        no count: a year, a clock time or code, a name, an age. Returns (done, span start, end, kind, unit):
        done is the (quantity or None, end) to give for the number, or None to go on with the rest."""
        s, e = core.start, core.end
        number = core.number
        kind = "count"
        unit: str | None = None
        if yearlike and qualifier == "exact" and low[max(0, s - 8):s].rstrip().endswith(YEAR_PREPOSITIONS):
            return (None, e), span_start, pos, kind, unit  # "for 2024 totals": a year, for the temporal scanner
        unit = glued or counted_noun(text, pos, value)[0]
        if yearlike and (unit is None or " " in unit or NAME_WORD_BEFORE_RE.search(text, max(0, s - 30), s)):
            # a year ("1987 winter wheat producers", "Merck's 2018 sales")
            return (None, e), span_start, pos, kind, unit
        if unit is None and low[pos:pos + 3] in BARE_NEXT3 and low.startswith(BARE_NEXT, pos):  # rarer shapes
            if low.startswith(FOLD_STARTS, pos):
                unit, pos = "time", pos + (4 if low[pos] == "f" else 5)  # "sixfold", "a 10-fold rise"
            elif CODE_AFTER_RE.match(low, pos):
                # "at 1430 GMT", "the 90049 ZIP code", "500 BC": a clock time, a code, a year
                return (None, e), span_start, pos, kind, unit
            elif low.startswith(" on the ", pos):
                sm = self._on_scale(text, pos)  # "scored 7 on the Mohs scale"
                if sm is not None:
                    kind, unit = "measure", sm
            elif value != 1:  # " of "
                unit = of_noun(text, pos + 3)  # "two of the victims", "two of Johnson's deputies"
        elif (unit is not None and span_start == s and self._prev_word and self._prev_word not in STOP_WORDS
              and self._prev_word.isalpha()):
            unit = adjective_before(text, low, span_start, unit)  # "the top three seeds"
        if (unit is None and pos == e and value != 1 and number.precision == 1.0 and span_start >= 2
                and e + 1 < len(text) and text[e + 1].islower()):
            unit = compound_noun(text, low, span_start, e)
        if (unit is None and pos == e and qualifier == "exact" and not left.negative and left.direction is None
                and not core.is_word and number.precision == 1.0
                and (is_name_label(text, s, e) or STREET_RE.match(text, e))):
            # "S&P 500", "the Big 12.", "787 Dreamliner", "49 Zorro Ranch Road": names
            return (None, e), span_start, pos, kind, unit
        if (unit is None and not core.is_word and number.precision == 1.0 and 0 < value <= 120
                and scale == 1.0 and qualifier == "exact" and not left.negative and span_start >= 3):
            age = self._age_at(text, low, span_start, e, value, left.direction)
            if age is not None:
                return age, span_start, pos, kind, unit
        if unit is None and span_start >= 3 and low.startswith("of ", span_start - 3):
            pm = _PERCENT_OF_RE.search(low, max(0, span_start - 20), span_start)
            if pm is not None and CLAUSE_END_RE.match(text, pos):
                # "percent of 10" opening a sentence, the number ending it: the percent is the number
                # ("50 percent of 210 households" never gets here: 210 has a noun, 50 is the percent)
                kind, unit, span_start = "percent", "percent", pm.start("p")
        return None, span_start, pos, kind, unit

    def _q(self, s: int, e: int, text: str, kind: str, value: float | None, low: float | None, high: float | None,
           unit: str | None, qualifier: str, direction: str | None = None) -> Quantity:
        return make_quantity(s, e, text[s:e], kind, value, low, high, unit, qualifier,
                             bisect.bisect_right(self._line_starts, s), self._doc, direction)
