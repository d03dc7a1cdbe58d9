"""When a figure holds: the nearest, most specific time expression of its sentence, else the document's date."""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple, Sequence

from ..extract.temporal import resolve_period
from ..model import Period, Quantity


class PeriodChoice(NamedTuple):
    """A claim's period, why it is that (explicit, document_date, unresolved, undated), and the time
    expression it was read from, if any."""

    period: Period | None
    source: str
    expression: Quantity | None = None


def period_of(q: Quantity, temporal: Sequence[Quantity], doc_date: dt.date | None) -> PeriodChoice:
    """The period a claim speaks about: the nearest, most specific time expression in its sentence."""
    best: tuple[tuple[int, int], Period, Quantity] | None = None
    unresolved = False
    for t in temporal:
        if t.kind == "duration" and not (t.anchor or "").startswith(("for:", "last:", "next:")):
            continue
        period = resolve_period(t, doc_date)
        if period is None:
            if t.anchor and t.anchor not in ("recent_years", "recent_months"):
                unresolved = True
            continue
        distance = t.start - q.end if t.start >= q.end else (q.start - t.end) * 2
        span_days = (period.end - period.start).days
        key = (distance, span_days)
        if t.anchor == "today":  # "Today, more than 70 regions ...": the document's own date
            period = Period(period.start, period.end, f"as of {period.start.isoformat()}")
        if best is None or key < best[0]:
            best = (key, period, t)
    if best is not None:
        if best[1].label.startswith("as of "):
            return PeriodChoice(best[1], "document_date", best[2])
        return PeriodChoice(best[1], "explicit", best[2])
    if unresolved:
        return PeriodChoice(None, "unresolved")
    if doc_date is not None:
        return PeriodChoice(Period(doc_date, doc_date, f"as of {doc_date.isoformat()}"), "document_date")
    return PeriodChoice(None, "undated")
