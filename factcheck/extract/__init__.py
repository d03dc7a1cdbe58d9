"""Stage 1 of the pipeline: text -> quantity and date mentions (`Quantity`), with exact spans.

`extract_text` is pure: the same text (and date) always gives the same list, sorted by position.
"""
from __future__ import annotations

import bisect
import re
import datetime as dt
from dataclasses import replace
from operator import attrgetter
from pathlib import Path
from typing import Callable

from ..model import Quantity
from .lexicon import Lexicon, load_lexicon
from .numbers import rounding_interval
from .scanner import QUANTITY_HAS_DICT, Scanner

__all__ = ["extract_text", "Extractor"]

#: Sort key of the merged list: (start, end), read in C rather than by a lambda.
_BY_SPAN = attrgetter("start", "end")


class Extractor:
    """An extractor bound to one lexicon (the shipped `rules/` unless told otherwise), plus the ignore
    patterns of users' rule directories (``extra_dirs``)."""

    def __init__(self, rules_dir: Path | None = None, extra_dirs: tuple[Path, ...] = ()) -> None:
        self.lexicon: Lexicon = load_lexicon(rules_dir, tuple(extra_dirs))
        self.scanner = Scanner(self.lexicon)

    def extract(self, text: str, *, date: dt.date | None = None, doc: str | None = None) -> list[Quantity]:
        temporal = _find_temporal(text)
        spans = [(q.start, q.end) for q in temporal]
        quantities = self.scanner.scan(text, spans, doc)
        if date is not None:
            temporal = [_resolve(q, date) for q in temporal]
        if temporal:
            starts = self.scanner._line_starts
            bisect_right = bisect.bisect_right
            if QUANTITY_HAS_DICT:
                for q in temporal:  # fresh instances made just now by find_temporal: fill in line and doc
                    d = q.__dict__
                    d["line"] = bisect_right(starts, q.start)
                    d["doc"] = doc
            else:
                temporal = [replace(q, line=bisect_right(starts, q.start), doc=doc) for q in temporal]
            temporal = [_duration_interval(q, self.lexicon.approx_tolerance)
                        if q.kind == "duration" and q.value is not None and q.qualifier != "range" else q
                        for q in temporal]
            if self.scanner._ranges:
                quantities, temporal = _merge_duration_ranges(quantities, temporal)
            if self.scanner._bare_joined:
                quantities, temporal = _merge_count_durations(text, quantities, temporal)
            return sorted(quantities + temporal, key=_BY_SPAN)
        return quantities


#: "4 1/2 months": a duration stated to the fraction's denominator
_FRACTION = re.compile(r"\d/(\d+)")


def _duration_interval(q: Quantity, tolerance: float) -> Quantity:
    """A duration with the interval its words give, as any figure has: rounded at its last stated digit
    ("four months" is 3.5-4.5 months, "4 1/2 months" 4.25-4.75) and hedged ("about 20 seconds" is 18-22 s,
    "almost three weeks" 2.7-3, "more than three decades" over 3). The temporal scanner reads the words and
    the value; the width of a hedge is the hedge lexicon's (`Lexicon.approx_tolerance`)."""
    v = q.value or 0.0
    fraction = _FRACTION.search(q.text)
    step = 1.0 / int(fraction[1]) if fraction else 1.0 if v == int(v) else 10.0 ** -len(repr(v).partition(".")[2])
    lo, hi = rounding_interval(v, step)
    width = abs(v) * tolerance
    if q.qualifier == "approx":
        lo, hi = min(lo, v - width), max(hi, v + width)
    elif q.qualifier == "nearly":
        lo = min(lo, v - width)
    elif q.qualifier in ("more_than", "at_least"):
        lo, hi = v, None
    elif q.qualifier in ("less_than", "at_most"):
        lo, hi = None, v
    return replace(q, low=lo, high=hi)


def _merge_duration_ranges(quantities: list[Quantity], temporal: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """"between 3 and 5 years", "40 - 50 years old": the scanner reads the range, the temporal scanner
    the duration that ends it; one record, a range of durations, says what the words say."""
    starts = [t.start for t in temporal]
    drop: set[int] = set()
    out = quantities
    for i, q in enumerate(quantities):
        if q.qualifier != "range" or q.kind not in ("count", "measure"):
            continue
        j = bisect.bisect_right(starts, q.start)
        if j >= len(temporal) or temporal[j].start >= q.end:
            continue
        t = temporal[j]
        if (t.kind == "duration" and q.unit is not None and " / " in q.unit and q.unit.split(" / ")[0] == t.unit
                and t.end <= q.end):
            drop.add(j)  # "40 to 50 hours a week": a rate, read whole by the scanner
            continue
        if t.kind != "duration" or t.qualifier != "exact" or (q.unit is not None and q.unit != t.unit):
            continue
        if out is quantities:
            out = list(quantities)
        end = max(q.end, t.end)
        out[i] = replace(q, end=end, text=q.text + t.text[q.end - t.start:] if t.end > q.end else q.text,
                         kind="duration", unit=t.unit)
        drop.add(j)
    if drop:
        temporal = [t for k, t in enumerate(temporal) if k not in drop]
    return out, temporal


#: Between a bare number and the duration that ends a range with it: "three or four years", "40 to 50
#: hours", "between seven and 10 years".
_COUNT_DURATION_JOIN = re.compile(r"[ \u00a0]*(?:-|–|to|or|and)[ \u00a0]*\Z")


def _merge_count_durations(text: str, quantities: list[Quantity],
                           temporal: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """"three or four years", "40 to 50 hours": the scanner reads a bare number, the temporal scanner
    the duration after it; one record, a range of durations, says what the words say ("and" only
    after "between")."""
    ends = None
    drop: set[int] = set()
    out = quantities
    for j, t in enumerate(temporal):
        if t.kind != "duration" or not text.endswith(_JOIN_ENDINGS, 0, t.start) or t.qualifier != "exact" \
                or t.value is None:
            continue
        if ends is None:
            ends = [q.end for q in quantities]
        i = bisect.bisect_right(ends, t.start) - 1
        if i < 0:
            continue
        q = quantities[i]
        if (q.kind != "count" or q.unit is not None or q.qualifier not in ("exact", "approx", "nearly")
                or q.value is None or not 0 <= q.value < t.value or t.start - q.end > 5
                or not _COUNT_DURATION_JOIN.match(text, q.end, t.start)):
            continue
        joint = text[q.end:t.start].strip()
        if joint == "and" and not q.text.lower().startswith("between"):
            continue
        first = t.text.split()[0]
        if not first.replace(".", "").replace(",", "").isdigit() and first.lower() not in _WORD_VALUES:
            continue  # "for a month", "the last five years": not the other end of a range
        if out is quantities:
            out = list(quantities)
        out[i] = replace(q, end=t.end, text=text[q.start:t.end], kind="duration", unit=t.unit,
                         value=(q.value + t.value) / 2, low=q.value, high=t.value, qualifier="range")
        drop.add(j)
    if drop:
        temporal = [t for k, t in enumerate(temporal) if k not in drop]
    return out, temporal


#: How the text before such a duration ends (a cheap test before `_COUNT_DURATION_JOIN`).
_JOIN_ENDINGS = ("-", "–", " to ", " or ", " and ", "- ", "– ")
#: Number words a duration may start with ("three or four years").
_WORD_VALUES = frozenset("two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
                         "fifty hundred".split())


def _find_temporal(text: str) -> list[Quantity]:
    global _FIND_TEMPORAL
    if _FIND_TEMPORAL is None:  # imported once: an import statement per text costs more than it seems
        try:
            from .temporal import find_temporal
        except ImportError:  # the temporal scanner is optional while it is being built
            return []
        _FIND_TEMPORAL = find_temporal
    return _FIND_TEMPORAL(text)


_FIND_TEMPORAL: Callable[[str], list[Quantity]] | None = None


def _resolve(q: Quantity, date: dt.date) -> Quantity:
    if q.date_range is not None:
        return q
    try:
        from .temporal import resolve_period
    except ImportError:
        return q
    period = resolve_period(q, date)
    if period is None:
        return q
    return replace(q, date_range=(period.start.isoformat(), period.end.isoformat()))


_DEFAULT: Extractor | None = None


def extract_text(text: str, *, date: dt.date | None = None, doc: str | None = None) -> list[Quantity]:
    """Every quantitative statement in ``text`` (numbers, money, measures, dates), sorted by position."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(text, date=date, doc=doc)
