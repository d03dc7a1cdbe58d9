"""Stage 1 of the pipeline: text -> quantity and date mentions (`Quantity`), with exact spans.

`extract_text` is pure: the same text (and date) always gives the same list, sorted by position.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import replace
from operator import attrgetter
from pathlib import Path
from typing import Callable

from ..model import Quantity
from .lexicon import Lexicon, load_lexicon
from .scanner import _QUANTITY_HAS_DICT, Scanner

__all__ = ["extract_text", "Extractor"]

#: Sort key of the merged list: (start, end), read in C rather than by a lambda.
_BY_SPAN = attrgetter("start", "end")


class Extractor:
    """An extractor bound to one lexicon (the shipped `rules/` unless told otherwise)."""

    def __init__(self, rules_dir: Path | None = None) -> None:
        self.lexicon: Lexicon = load_lexicon(rules_dir)
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
            if _QUANTITY_HAS_DICT:
                for q in temporal:  # fresh instances made just now by find_temporal: fill in line and doc
                    d = q.__dict__
                    d["line"] = bisect_right(starts, q.start)
                    d["doc"] = doc
            else:
                temporal = [replace(q, line=bisect_right(starts, q.start), doc=doc) for q in temporal]
            if self.scanner._ranges:
                quantities, temporal = _merge_duration_ranges(quantities, temporal)
            return sorted(quantities + temporal, key=_BY_SPAN)
        return quantities


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
