"""When a figure holds: the nearest, most specific time expression of its sentence, else the document's date."""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple, Sequence

from ..extract.temporal import resolve_period
from ..model import Period, Quantity


class PeriodChoice(NamedTuple):
    """A claim's period, why it is that (explicit, document_date, unresolved, undated), and the time
    expression it was read from, if any."""

    period: Period | None
    source: str
    expression: Quantity | None = None


#: words that make the time expression after them the base of a comparison ("rose 4 pct compared with
#: September 1986", "to 2.18 mln from 2.12 mln during January/September 1986"), not the figure's own time
_BASE = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?|from|base(?:\s+year)?)\b", re.IGNORECASE)
#: a noun, then a past participle right before a time expression: "the initiative announced January 7, 1987",
#: "a plant opened in 1979", "a region hit by the 2004 tsunami" date the noun (or name another event), not
#: the figure before them ("were exported in 1986" is the verb)
_PARTICIPLE = re.compile(r"\b([a-z]+)\s+([a-z]{3,}ed|hit|struck|shaken|torn|built|sunk|swept|set|held|begun|won)"
                         r"\s+(?:on\s+|in\s+|by\s+(?:the\s+|a\s+)?)?$", re.IGNORECASE)
_AUXILIARIES = frozenset({"was", "were", "be", "been", "being", "is", "are", "had", "has", "have", "not", "and",
                          "or", "it", "they", "he", "she", "which", "that", "who"})


def period_of(q: Quantity, temporal: Sequence[Quantity], doc_date: dt.date | None,
              text: str | None = None) -> PeriodChoice:
    """The period a claim speaks about: the nearest, most specific time expression in its sentence.

    A nearer expression that cannot be resolved ("last month" in an undated text) leaves the period
    unresolved rather than lending the figure a farther one's; with ``text``, an expression that is the
    base of a comparison after the figure ("... compared with September 1986") is not the figure's."""
    best: tuple[tuple[int, int], Period, Quantity] | None = None
    unresolved: int | None = None  # the distance of the nearest expression that could not be resolved
    unresolved_expression: Quantity | None = None
    for t in temporal:
        if t.kind == "duration" and not (t.anchor or "").startswith(("for:", "last:", "next:")):
            continue
        if text is not None and t.start >= q.end and (_is_base(text[q.end:t.start]) or dates_a_noun(text[q.end:t.start])):
            continue
        distance = t.start - q.end if t.start >= q.end else (q.start - t.end) * 2
        period = resolve_period(t, doc_date)
        if period is None:
            if t.anchor and t.anchor not in ("recent_years", "recent_months"):
                if unresolved is None or distance < unresolved:
                    unresolved, unresolved_expression = distance, t
            continue
        span_days = (period.end - period.start).days
        key = (distance, span_days)
        if t.anchor == "today":  # "Today, more than 70 regions ...": the document's own date
            period = Period(period.start, period.end, f"as of {period.start.isoformat()}")
        if best is None or key < best[0]:
            best = (key, period, t)
    if best is not None and (unresolved is None or best[0][0] <= unresolved):
        if best[1].label.startswith("as of "):
            return PeriodChoice(best[1], "document_date", best[2])
        return PeriodChoice(best[1], "explicit", best[2])
    if unresolved is not None:
        return PeriodChoice(None, "unresolved", unresolved_expression)
    if doc_date is not None:
        return PeriodChoice(Period(doc_date, doc_date, f"as of {doc_date.isoformat()}"), "document_date")
    return PeriodChoice(None, "undated")


def dates_a_noun(between: str) -> bool:
    """Does the text between a figure and a later time expression end in a noun and its past participle, or
    in "the <noun> of", with words enough between that the noun is not the figure's own ("1,780 releases
    posted in the last 24 hours" is the figure's time; "tonnes ... under the initiative announced January
    7" and "a coast ravaged by the floods of 1998" are not)?"""
    tail = max(0, len(between) - 60)
    m = _PARTICIPLE.search(between, tail)
    if m is not None and m.group(1).lower() not in _AUXILIARIES and len(between[:m.start()].split()) >= 3:
        return True
    m = _NOUN_OF.search(between, tail)
    return m is not None and m.group(1).lower() not in _PERIOD_NOUNS and len(between[:m.start()].split()) >= 3


#: "the great floods of 1998", "the fire of 1911": a time expression that names its noun's time
_NOUN_OF = re.compile(r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?([a-z]{4,})\s+of\s*$", re.IGNORECASE)
#: nouns of a part of a period, whose "of" phrase is the figure's time ("at the end of 2004")
_PERIOD_NOUNS = frozenset({"end", "start", "beginning", "middle", "half", "quarter", "summer", "winter", "spring",
                           "autumn", "fall", "month", "months", "year", "years", "week", "weeks", "close", "rest",
                           "course", "period", "season", "first", "last", "days", "part", "turn", "runup",
                           "height", "peak", "wake", "aftermath", "time", "date", "spell", "stretch", "decade"})


def _is_base(between: str) -> bool:
    """Does the text between a figure and a later time expression end in a comparison's base: a base word,
    then at most a figure and a few words ("compared with", "from 2.12 mln during")?"""
    found = None
    for found in _BASE.finditer(between):
        pass
    if found is None:
        return False
    tail = between[found.end():].split()
    return not tail if found.group(0).lower().startswith("base") else len(tail) <= 4
