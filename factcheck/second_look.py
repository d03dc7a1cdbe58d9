"""Second looks: when an aligned disagreement is no contradiction, and what a set of findings says together.

Why a room of its own: `crosscheck` judges one pair of figures by the rule's tolerance; the reasons here need
more than the two values (a part word beside a figure, a template two issues share, the dates of running
reports, the other findings of the set). Each returns its reason in words, so the report can say it.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import replace
from typing import Mapping

from .align import items, other_items, part_word, same_entity
from .cues import basis_word, doer, is_increment, is_window, list_total
from .model import LEVELS, Claim, Finding, Modality, finding_id
from .rules import Rule
from .same_period import stated_time

INF = math.inf
_LEVEL_RANK = {lv: i for i, lv in enumerate(LEVELS)}


def why_no_contradiction(a: Claim, b: Claim, rule: Rule, metric: str, weights: Mapping[str, float], *,
                         named: bool, multi: set[str], doc_dates: Mapping[str, dt.date | None]) -> str | None:
    """Why two disagreeing figures are not comparable after all, the first reason that holds, or None."""
    if "opposite_acts" in weights and a.concept is not None and b.concept is not None:
        return f"the figures count opposite acts, or acts that exclude each other: '{a.concept.verb}' vs '{b.concept.verb}'"
    for item, whole in ((a, b), (b, a)):
        total = list_total(item)
        lo, hi = whole.quantity.low, whole.quantity.high
        if total is not None and lo is not None and hi is not None and lo <= total <= hi:
            return (f"{item.doc}:{item.quantity.line} is one item of a list that adds up to "
                    f"{whole.quantity.text.strip()}, the other figure")
    da, db = doer(a), doer(b)
    if da and db and not same_entity(da, db):
        return f"different subjects: {da} vs {db}, each the one who did it"
    if a.doc == b.doc and a.modality == b.modality == Modality.CONDITION and a.sentence != b.sentence:
        return "each figure is the outcome of its own condition ('if ...'): two scenarios of one text"
    if a.doc != b.doc and (a.doc in multi or b.doc in multi):
        where = a.doc if a.doc in multi else b.doc
        return (f"{where} itself gives several different values of {metric} for one period, "
                "so the figures probably describe different things")
    if (named or (a.doc == b.doc and items(a) and items(b))) and _items_differ(a, b):
        # one name, other items: one country's consumer and producer prices, a company's capital and
        # research spending; inside one text, two items each named (a debenture's price and a share's)
        return (f"different items: {', '.join(sorted(items(a))) or 'none named'} vs "
                f"{', '.join(sorted(items(b))) or 'none named'}")
    oa, ob = (a.concept.of_object if a.concept else None), (b.concept.of_object if b.concept else None)
    if "other_of" in weights and oa and ob and oa != ob:  # "spent $400 million on research" / "... on marketing"
        return f"different items: {oa} vs {ob}"
    if other_items(a, b):  # "trade surplus" / "current account surplus": one head, other items
        return f"different items: {a.metric} vs {b.metric}"
    if "another_issue" in weights:
        return (f"{a.doc} and {b.doc} follow one template with other figures: two issues of a recurring "
                "report, of different days or weeks")
    if "other_part" in weights and part_word(a) and part_word(b):
        return f"the figures count other parts: '{part_word(a)}' vs '{part_word(b)}'"
    if "other_part" in weights:
        part = a if part_word(a) else b
        return (f"{part.doc}:{part.quantity.line} gives a part or a sum of parts ('{part_word(part)}'), "
                "the other figure does not")
    if "increment" in weights and (is_increment(a, sure=True) or is_increment(b, sure=True)):
        more = a if is_increment(a, sure=True) else b
        return (f"{more.doc}:{more.quantity.line} is a further amount ('another', 'more', 'new'), the other a "
                "total or a level")
    if "other_day" in weights and ("short_texts" not in weights or (_DAYS_EVENT.search(a.sentence)
                                                                    and _DAYS_EVENT.search(b.sentence))):
        # in a set of documents, two days named are two moments; a claim and its evidence are put side by side
        # as one matter, so there only "Monday's attack" against "Tuesday's attack" names two events
        return ("the sentences name different days or clock times ('Monday's attack' / 'Tuesday's attack'): "
                "figures of two moments")
    if "chosen_window" in weights and is_window(a) and is_window(b):
        # "their first five drives" / "their first two drives": two choices of window, not one count in dispute
        return "each figure sizes a window the writer chose ('the first five drives', 'the past six games')"
    if "other_basis" in weights:
        if basis_word(a) and basis_word(b):
            return f"the figures are stated on other bases: '{basis_word(a)}' vs '{basis_word(b)}'"
        based = a if basis_word(a) else b
        return (f"{based.doc}:{based.quantity.line} states its figure on a basis or by a method of its own "
                f"('{basis_word(based)}'), the other does not")
    if rule.running_total and a.doc != b.doc:
        return _running_update(a, b, doc_dates)
    if "short_texts" in weights or a.doc == b.doc:
        return _total_and_part(a, b)
    return None


def _total_and_part(a: Claim, b: Claim) -> str | None:
    """A claim and its evidence, or two figures of one text: one count of an act with no time at all and the
    other of the act in a year or a season of its own, the timeless one the larger: "published 120 papers" may be all there are, 12 of them last year.
    (The timeless one the smaller is a dispute still: a total is never less than a year's part.)"""
    if not (a.rule in _NO_RULE and b.rule in _NO_RULE and a.quantity.kind == "count" == b.quantity.kind
            and a.concept is not None and b.concept is not None and a.concept.verb and a.concept.verb == b.concept.verb
            and a.concept.verb not in _STATE_VERBS):
        return None
    timeless = [c for c in (a, b) if c.period is None and c.period_source == "undated"]
    timed = [c for c in (a, b) if _a_span_of_its_own(c)]
    if len(timeless) != 1 or len(timed) != 1:
        return None
    total, part = timeless[0], timed[0]
    if total.quantity.low is None or part.quantity.high is None or total.quantity.low <= part.quantity.high:
        return None
    return (f"{total.doc}:{total.quantity.line} gives no time, and may count every {total.concept.verb} there "
            f"is; {part.doc}:{part.quantity.line} counts those of '{stated_time(part)}'")


_NO_RULE = ("generic", "none")


def _a_span_of_its_own(c: Claim) -> bool:
    """The claim states a span of its own over which acts add up: a year, a season, a quarter or a half ("in
    2023", "last season", "in the first half"), not the day or month of one event."""
    if c.period is not None and c.period_source in ("explicit", "relative"):
        return (c.period.end - c.period.start).days >= 85
    return bool(set(stated_time(c).split()) & {"year", "season", "decade", "years", "seasons", "half", "quarter"})


#: verbs of a state, not of an act that adds up over time ("has 640 pupils", "employs 300")
_STATE_VERBS = frozenset({"be", "have", "employ", "hold", "own", "seat", "accommodate", "house", "contain"})


_DAYS_EVENT = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)['’]s\b", re.IGNORECASE)


def _items_differ(a: Claim, b: Claim) -> bool:
    """Whether two claims name different items. An item one names and the other's sentence only says
    ("the Orsa bridge is 1.2 km long" / "the Orsa bridge has a length of ...") is one item."""
    ia, ib = items(a), items(b)
    if ia == ib:
        return False
    if not ia or not ib:
        named, other = (ib, a) if not ia else (ia, b)
        words = set(re.findall(r"[a-z]+", other.sentence.lower()))
        return not all(set(w.split()) <= words for w in named)
    return True


def _report_date(c: Claim, doc_dates: Mapping[str, dt.date | None]) -> dt.date | None:
    """When the claim's document was written: its date, else the date its undated figures were given."""
    d = doc_dates.get(c.doc or "")
    if d is None and c.period_source == "document_date" and c.period is not None:
        d = c.period.start
    return d


def _running_update(a: Claim, b: Claim, doc_dates: Mapping[str, dt.date | None]) -> str | None:
    """Why two disagreeing tolls from two reports are an update rather than a contradiction, or None.

    A running toll (deaths, injured) only rises as reports come in: "dozens injured" on 2 July and
    "249 injured" on 3 July are two moments of one count. Only a lower figure from an earlier-dated
    report qualifies; one from a later report (the toll fell) or from a report of the same or no date
    is still judged as a contradiction.
    """
    qa, qb = a.quantity, b.quantity
    ahi = INF if qa.high is None else qa.high
    bhi = INF if qb.high is None else qb.high
    alo = -INF if qa.low is None else qa.low
    blo = -INF if qb.low is None else qb.low
    if ahi <= blo:
        low, high = a, b
    elif bhi <= alo:
        low, high = b, a
    else:
        return None
    dl, dh = _report_date(low, doc_dates), _report_date(high, doc_dates)
    if dl is None or dh is None or not dl < dh:
        return None
    return (f"counts rise as reports come in: {low.quantity.text.strip()} is from an earlier report "
            f"({low.doc}, {dl.isoformat()}) than {high.quantity.text.strip()} ({high.doc}, {dh.isoformat()})")


def without_matched(findings: dict[str, Finding]) -> dict[str, Finding]:
    """Drop a contradiction whose figure the other document states too, beside the figure it was set
    against: "15 permanent judges plus two nominated ones" against "two judges are nominated" agrees on
    the two, and the 15 in the same sentence is another count. (Two sentences of one report that give
    5.9 and 6.1 for one quake are not excused this way: that report disagrees with itself.)"""
    matched: dict[tuple[str, str, int, str], set[str]] = defaultdict(set)  # claim -> sentences of its equals
    for f in findings.values():
        if f.verdict == "agreement" and len(f.claims) == 2:
            x, y = f.claims
            matched[(f.rule, x.doc or "", x.quantity.start, y.doc or "")].add(y.sentence)
            matched[(f.rule, y.doc or "", y.quantity.start, x.doc or "")].add(x.sentence)

    def accounted(f: Finding) -> bool:
        x, y = f.claims
        return x.doc != y.doc and (x.sentence in matched.get((f.rule, y.doc or "", y.quantity.start, x.doc or ""), ())
                                   or y.sentence in matched.get((f.rule, x.doc or "", x.quantity.start, y.doc or ""),
                                                                ()))

    return {k: f for k, f in findings.items()
            if not (f.verdict == "contradiction" and len(f.claims) == 2 and accounted(f))}


def summarise_outliers(findings: list[Finding], least: int = 5) -> list[Finding]:
    """One claim that contradicts many agreeing reports becomes one finding ("16% in r61 against 12% in
    61 other reports") instead of one per report; nothing is dropped: the count is in the message."""
    by_claim: dict[tuple[str, str, int], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.verdict == "contradiction" and len(f.claims) == 2:
            for c in f.claims:
                by_claim[(f.rule, c.doc or "", c.quantity.start)].append(f)
    merged: set[str] = set()
    out: list[Finding] = []
    for (rule, doc, start), group in sorted(by_claim.items(), key=lambda kv: -len(kv[1])):
        group = [f for f in group if f.id not in merged]
        if len(group) < least:
            continue
        outlier = next(c for c in group[0].claims if c.doc == doc and c.quantity.start == start)
        others = [c for f in group for c in f.claims if c is not outlier and not (c.doc == doc
                                                                                 and c.quantity.start == start)]
        values = sorted({c.quantity.text.strip() for c in others})
        docs = sorted({c.doc or "" for c in others})
        best = max(group, key=lambda f: f.alignment.score if f.alignment else 0.0)
        message = (f"{outlier.quantity.text.strip()} in {outlier.doc} against {', '.join(values[:3])}"
                   f"{' ...' if len(values) > 3 else ''} in {len(docs)} other report{'s' if len(docs) != 1 else ''}"
                   f" ({best.metric}): {best.reason}")
        claims = (outlier, *others[:5])
        out.append(replace(best, id=finding_id(rule, "contradiction", best.metric, (outlier,)) + "s",
                           message=message, claims=claims,
                           level=min((f.level for f in group), key=lambda lv: _LEVEL_RANK.get(lv, 9))))
        merged.update(f.id for f in group)
    return [f for f in findings if f.id not in merged] + out
