"""Ranges: "5-15%", "between 3 and 4 billion", "from $10 to $15bn", "three or four years", and the pairs
of bare numbers that are no range ("89-89" is a score, "20-24" days).
"""
from __future__ import annotations

import re

from ...model import Quantity
from ..numbers import tidy
from .hedges import Left
from .nouns import counted_noun
from .numbers import MAGNITUDES, Core, core_at

_RANGE_SEP_RE = re.compile(r"(?P<sep>[ \u00a0]*(?:-to-|-|–|—|to|and|or|through)[ \u00a0]*)", re.IGNORECASE)
#: Where _RANGE_SEP_RE matches (its trailing spaces are optional): the test before the full range
#: reader, which is worth a call only then ("of 5", "at 5", "the 5" no longer call it).
RANGE_START_RE = re.compile(r"[ \u00a0]*(?:-|–|—|to|and|or|through)", re.IGNORECASE)
#: The characters a range separator starts with, after at most one space: the one-character test
#: `_build` makes before `RANGE_START_RE`.
RANGE_FIRST = frozenset("-–—tao \u00a0")
#: "to" and an amount that names its own unit or sign: "3 pct to 7 pct", "$43.6 billion to $419.2 billion".
_CHANGE_TO_LEVEL_RE = re.compile(r"[ \u00a0]+to[ \u00a0]+(?:[^\W\d]{1,3}[ \u00a0]?)?[$€£¥]?[ \u00a0]?\d[\d,.]*"
                                 r"(?:[ \u00a0]*"
                                 r"(?:mln|million|billion|bln|bn|m|trillion|thousand))?[ \u00a0]*(?:[^\W\d]|%)")


class RangeReader:
    """Reads the second half of a range after a number (a mixin of `Scanner`)."""

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
            core2 = core_at(text, low, j)
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
                mag = MAGNITUDES.get(last)
                if mag:
                    v2, pr2, scale2 = v2 / mag, pr2 / mag, mag
            return ("range", v2, pr2, scale2, kind2, unit2, cur2, p2)
        return None

    def _read_range(self, text: str, low: str, core: Core, rng: tuple, pos: int, start: int, left: Left, kind: str,
                    unit: str | None, scale: float, precision: float, value: float, qualifier: str,
                    span_start: int, yearlike: bool, extra: float) -> tuple[Quantity | None, int] | None:
        """The range that `_range_after` found after the number of `core`, as one quantity: (quantity or None
        when it is no quantity, end), or None when it is no range after all ("rose 3 pct to 7 pct" is a change
        and its level) and the number is read alone."""
        s, e = core.start, core.end
        number = core.number
        if rng[0] == "skip":  # "89-89", "20-24": scores and day ranges, not quantities
            # ... but "aged 25-54" is a range of ages
            return self._age_range_at(text, low, span_start, e, value, left.direction) or (None, rng[-1])
        _, v2, p2, scale2, kind2, unit2, cur2, end2 = rng
        if (left.direction is not None and left.opener is None and (pos > e or start < s)
                and _CHANGE_TO_LEVEL_RE.match(text, pos) and kind2 != "count"):
            return None  # "rose 3 pct to 7 pct", "increased by $43.6 bn to $419.2 bn": a change, then its level
        elif (left.opener is None and pos > e and kind2 != "count"
              and v2 * scale2 < number.value * scale):
            return None  # "1.3 A/cm2 to 0.03 A/cm2": two values going down, not a range
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
        elif qualifier == "nearly":
            lo = lo - abs(lo) * self.lex.approx_tolerance
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
