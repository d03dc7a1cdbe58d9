"""Whether two claims speak of one period, and why not: decided here, for the cross-check and the direction
findings alike.

Why a room of its own: "the same period" is half of "the same thing", and its cases are many (two stated
periods, a document's date against a stated period, two reports of one story a few days apart, relative times
no document date resolves, a claim checked against its evidence). `factcheck.crosscheck` asks it of every pair.
"""
from __future__ import annotations

from typing import Mapping

from .model import Claim, Period

#: in two reports of one story, a report's undated figure may tell of an event this many days before it
REPORTED_AFTER_DAYS = 7


def periods_comparable(a: Claim, b: Claim, days: int, all_undated: bool,
                       one_story: bool = False, evidence: bool = False,
                       one_event: bool = False) -> tuple[bool, str]:
    """Whether two claims speak of one period, and why not. Inside ``one_story`` (two reports of one
    event) a figure from an undated report is taken as of the story's time, like its dated twin's. With
    ``one_event`` (a pair aligned strongly enough to be one event, `crosscheck._ONE_EVENT_SCORE`) or inside one
    story, a report dated a few days after the day the other names speaks of that day; with both, a figure of
    an undated report that states no time is of the time its twin states. With
    ``evidence`` (a claim checked against its evidence text), a figure that states no time at all, in a
    text with no date, is read as of the other's stated period: the evidence was chosen for that claim."""
    pa, pb = a.period, b.period
    if (pa is None) != (pb is None) and (a if pa is None else b).period_source == "undated" and (
            evidence or (one_story and one_event and _an_event_time(pa or pb))):  # type: ignore[arg-type]
        # a claim and its evidence; or, inside one story, a pair aligned as one event's figure, where an undated
        # report's figure that states no time is of the story's time, which its twin states ("in May")
        return True, ""
    if one_story and (pa is None or pb is None):
        undated = [c for c in (a, b) if c.period is None]
        if all(c.period_source in ("undated", "unresolved") for c in undated) and all(
                c.period_source in ("undated", "unresolved", "document_date") for c in (a, b)):
            return True, ""
    if pa is None or pb is None:
        wa, wb = _own_time_words(a), _own_time_words(b)
        if a.doc == b.doc and wa and wb and wa != wb:
            # one writer, two times named ("on Sunday" / "in March"): two events, whatever the year
            return False, f"different times: '{' '.join(wa)}' vs '{' '.join(wb)}' (no document date to resolve them)"
        ra, rb = _relative_words(a), _relative_words(b)
        if ra and rb and ra != rb:  # "last year" / "the year before": unknown, yet surely not one period
            return False, f"different periods: '{ra}' vs '{rb}' (no document date to resolve them)"
        loose = ("undated", "unresolved")
        if all_undated and a.period_source in loose and b.period_source in loose:
            return True, ""
        if all_undated and (pa is None) != (pb is None):
            explicit = pa or pb
            return False, f"different periods: {explicit.label} vs no period given"  # type: ignore[union-attr]
        which = a if pa is None else b
        return False, f"the period of {which.doc}:{which.quantity.line} is unknown (no document date)"
    if a.period_source == "document_date" and b.period_source == "document_date":
        gap = abs((pa.start - pb.start).days)
        if gap <= days:
            return True, ""
        return False, f"stated {gap} days apart ({pa.start.isoformat()} vs {pb.start.isoformat()}) with no period given"
    if a.period_source == "document_date" or b.period_source == "document_date":
        implicit, explicit = (pa, pb) if a.period_source == "document_date" else (pb, pa)
        if explicit.start <= implicit.start <= explicit.end:
            return True, ""
        if (one_story or one_event) and 0 <= (implicit.start - explicit.end).days <= REPORTED_AFTER_DAYS:
            return True, ""  # "four bombs fell on 10 November" and a report of 11 November on the bombing
        return False, f"different periods: {explicit.label or explicit.start} vs no period given ({implicit.label})"
    if pa.start == pb.start and pa.end == pb.end:
        return True, ""
    return False, f"different periods: {pa.label} vs {pb.label}"


def _an_event_time(p: Period) -> bool:
    """A day, a week or a month: when an event happened. "1999-2003" is a span of years, a career's part."""
    return (p.end - p.start).days <= EVENT_DAYS


#: the longest period an event's time is given as ("in May")
EVENT_DAYS = 31


def _unresolved_words(c: Claim) -> list[str]:
    """The words of the time a claim's period could not be resolved from ("last year", "in September" in an
    undated text), as its period provenance records them, lower-cased; none when its period was resolved."""
    if c.period_source != "unresolved":
        return []
    for p in c.provenance:
        if p.facet == "period" and p.source.startswith("unresolved: '"):
            return p.source[len("unresolved: '"):].rstrip("'").lower().replace("-", " ").split()  # "first-half"
    return []


def _relative_words(c: Claim) -> str:
    """The words of the relative time a claim's period could not be resolved from ("last year" in an undated
    text), or "" for a time too short to be a figure's own."""
    words = _unresolved_words(c)
    if not (_LONG_RELATIVE & set(words) or (_MONTHS & set(words) and not any(w[:1].isdigit() for w in words))):
        return ""  # "today", "on 3 Sept" in a headline date the report as often as the figure
    return " ".join(w for w in words if w not in _GLUE)


def _own_time_words(c: Claim) -> list[str]:
    """The words of the time the claim's sentence states and no document date resolves, without the glue
    ("in September" -> ["september"])."""
    return [w for w in _unresolved_words(c) if w not in _GLUE]


def stated_time(c: Claim) -> str:
    """The time the claim's sentence states of its own, in words ("2023", "last year"), or "" for none."""
    if c.period is not None and c.period_source in ("explicit", "relative"):
        return c.period.label
    return " ".join(_own_time_words(c))


def other_stated_times(a: Claim, b: Claim) -> bool:
    """The two figures' sentences state different times that no document date resolves ("in September" /
    none): inside one undated text, two values of one measure at two times are two things, not a dispute."""
    return _own_time_words(a) != _own_time_words(b)


def one_stated_time(a: Claim, b: Claim) -> bool:
    """Both figures' sentences state one time of their own: the same period ("in 2004"), or the same words of a
    time no document date resolves ("in September" in two undated reports). Two sentences that tell of an
    earlier event ("That tremor, in March, ...", "A tremor struck in March ...") tell of one event."""
    if a.period is not None and a.period == b.period:
        return a.period_source == b.period_source == "explicit"
    wa = _own_time_words(a)
    return bool(wa) and wa == _own_time_words(b)


_GLUE = frozenset({"the", "in", "on", "during", "for", "of"})


#: month names: "in May" and "in April" of an undated text are two months, whatever year they are of
_MONTHS = frozenset("january february march april may june july august september october november december".split())
#: the words of relative periods long enough to be a figure's own ("last year", "the previous quarter")
_LONG_RELATIVE = frozenset({"year", "years", "quarter", "quarters", "month", "months", "week", "weeks", "half",
                            "fiscal"})


def period_within(a: Claim, b: Claim) -> bool:
    """Both claims state their own period and one lies within the other (26 Sep 1920 within 1920)."""
    pa, pb = a.period, b.period
    if pa is None or pb is None or a.period_source != "explicit" or b.period_source != "explicit":
        return False
    return (pb.start <= pa.start and pa.end <= pb.end) or (pa.start <= pb.start and pb.end <= pa.end)


def both_ages(a: Claim, b: Claim) -> bool:
    """Two ages: they grow a year a year, so an undated report's age is of no known time, even in one story
    (the suspect aged 27 when sought is 29 at his trial)."""
    return a.metric == "age" == b.metric


def event_tally(a: Claim, b: Claim, weights: Mapping[str, float]) -> bool:
    """Two counts, or two sums one event's verb governs ("stole $2.6 million" / "stole £800,000"): a tally of
    what happened, not a price or a level that moves from one day to the next."""
    if a.quantity.kind == "count" == b.quantity.kind:
        return True
    return (a.quantity.kind == "money" == b.quantity.kind and "same_verb" in weights and a.concept is not None
            and a.concept.verb not in _PRICE_VERBS and a.aspect == "level" == b.aspect)


#: verb classes (`ConceptLexicon.verb_key`) of a level or a price, not of an event: "closed at $50", "stood at $3
#: billion" ("stand" is of the class "be", "trade" of "sell")
_PRICE_VERBS = frozenset({"be", "close", "open", "sell", "cost", "price", "value", "fetch"})
