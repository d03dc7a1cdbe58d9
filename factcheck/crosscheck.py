"""Stage 3 of the pipeline: claims -> findings. Claims of one metric are grouped (blocking, not
all pairs), their periods and subjects are matched, their values converted to one unit, and their
intervals compared: disjoint means a contradiction, overlapping an agreement, and a metric stated for
different periods or subjects is reported as not comparable, with the reason.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Collection, Iterable, Iterator, Mapping, NamedTuple, Sequence

from .errors import RuleFileError
from .extract import units as unit_registry
from .fx import RateSource
from .align import (AlignSettings, PairContext, aligned_sides, candidate_index_pairs, concept_key, same_entity,
                    load_align_settings, restated, whose)
from .second_look import summarise_outliers, why_no_contradiction, without_matched
from .model import LEVELS, VERDICTS, Alignment, Claim, Finding, Level, Modality, SubjectSource, finding_id
from .rulefile import line_of
from .rules import Rule, RuleSet
from .schemas import load_lexicon_file
from .same_period import both_ages, event_tally, one_stated_time, other_stated_times, period_within, periods_comparable
from .scope import OTHER_EVENT

if TYPE_CHECKING:
    from .align import _Side

INF = math.inf


@dataclass(frozen=True)
class CompareSettings:
    """From ``rules/lexicon/compare.yaml``."""

    contemporaneous_days: int = 366
    report_agreements: bool = True
    conversion_slack: float = 0.03
    rate_near_days: int = 7
    stale_rate_slack: float = 0.10
    rate_stale_days: int = 366
    spoken_fraction: float = 0.10


@lru_cache(maxsize=4)
def load_compare_settings(rules_dir: Path | None = None) -> CompareSettings:
    data, path = load_lexicon_file("compare", rules_dir)
    types = {"contemporaneous_days": int, "report_agreements": bool,
             "conversion_slack": float, "rate_near_days": int, "stale_rate_slack": float, "rate_stale_days": int,
             "spoken_fraction": float}
    for key, value in data.items():
        if key not in types:
            raise RuleFileError(str(path), line_of(data, key), f"unknown key '{key}'")
        if types[key] is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
            data[key] = value
        if not isinstance(value, types[key]) or (types[key] is int and (isinstance(value, bool) or value < 1)):
            raise RuleFileError(str(path), line_of(data, key), f"'{key}' must be a {types[key].__name__}"
                                + (" of at least 1" if types[key] is int else ""))
    return CompareSettings(**dict(data))


@dataclass(frozen=True)
class _Norm:
    """A claim's interval in the group's comparison unit."""

    value: float
    low: float
    high: float
    unit: str
    note: str | None
    #: How many days the exchange rate used lies from the claim's date (0: no conversion or that day's rate).
    rate_gap: int = 0


# ------------------------------------------------------------------------------ formatting
def fmt_number(x: float | None) -> str:
    """Compact human number: 3.3e9 -> '3.3 billion', 0.25 -> '0.25', 1780 -> '1,780'."""
    if x is None or math.isinf(x):
        return "∞" if x and x > 0 else ("-∞" if x else "?")
    ax = abs(x)
    for factor, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if ax >= factor:
            return f"{x / factor:.4g} {word}"
    if ax >= 1000:
        return f"{x:,.2f}".rstrip("0").rstrip(".")
    return f"{x:.4g}"


def fmt_interval(low: float | None, high: float | None) -> str:
    if low is None and high is None:
        return "any"
    if low is None:
        return f"≤ {fmt_number(high)}"
    if high is None:
        return f"≥ {fmt_number(low)}"
    if low == high:
        return fmt_number(low)
    return f"{fmt_number(low)}–{fmt_number(high)}"


_QUAL_WORD = {"approx": "about", "nearly": "nearly", "more_than": "more than", "at_least": "at least",
              "less_than": "less than", "at_most": "at most", "range": "range"}


def describe(claim: Claim) -> str:
    """'12% (about: 10.8–13.2)' — the quote as stated and the interval it allows."""
    q = claim.quantity
    head = q.text.strip()
    interval = fmt_interval(q.low, q.high)
    word = _QUAL_WORD.get(q.qualifier)
    return f"{head} ({word}: {interval})" if word else f"{head} ({interval})"


# ------------------------------------------------------------------------------ comparison
@lru_cache(maxsize=1)
def _shipped_rate_rules() -> frozenset[str]:
    """The shipped rules whose metric is a rate of change (`Rule.rate_of_change`), for callers with no rule set."""
    from .rules import load_rules

    return frozenset(r.id for r in load_rules() if r.rate_of_change)


def _group_key(c: Claim, rate_rules: frozenset[str] | None = None) -> tuple[str, str, str, str] | None:
    """The blocking key: (rule, concept key, aspect and modality, kind and dimension). Claims no rule names
    fall under `generic` and meet when their concept (lexicon concept, counted noun or metric) is one. A
    forecast meets only forecasts; a condition's outcome meets facts too ("If I gave you 3 bonds" restates
    "I give you 5 bonds"), though never another condition of its own text (`second_look`)."""
    q = c.quantity
    if q.kind == "direction":
        return None
    concept = concept_key(c)
    if concept is None:
        return None
    if q.kind == "measure":
        try:
            kind = "measure:" + unit_registry.dimensionality(q.unit or "")
        except Exception:
            return None
    elif q.kind == "money" and q.unit in ("cent", "pence", "sen"):
        kind = "money:" + q.unit
    elif q.kind == "money" and q.unit and "/" in q.unit:
        kind = "money/" + q.unit.split("/", 1)[1].strip()  # "$98 a share" is never a total
    elif q.kind == "percentage_point":
        kind = "percentage_point"
    elif q.kind == "fraction":
        kind = "percent"  # "a third of the voters" meets "52% of the voters"
    else:
        kind = q.kind
    rule = "generic" if c.rule == "none" else c.rule
    forecast = c.modality == Modality.FORECAST
    rates = _shipped_rate_rules() if rate_rules is None else rate_rules
    aspect = "rate" if c.rule in rates else c.aspect  # "inflation was 4.2%" / "consumer prices rose 5.9%"
    return (rule, concept, aspect + (":" + c.modality if forecast else ""), kind)


#: a pair of counts aligned this strongly is read as one event's tally, told by two reports, even where the
#: reports share few names: the day one names and the other's date of writing may then differ by
#: `same_period.REPORTED_AFTER_DAYS` (not so a price or a level, which moves from one day to the next)
_ONE_EVENT_SCORE = 0.81


def _subjects_comparable(a: Claim, b: Claim) -> tuple[bool, str]:
    if a.subject and b.subject and not any(same_entity(x, y) for x in a.subject for y in b.subject):
        return False, f"different subjects: {', '.join(a.subject)} vs {', '.join(b.subject)}"
    return True, ""


def _scopes_differ(a: Claim, b: Claim, parts: bool) -> str:
    """Why two figures count different wholes, or "": another event than the story's (under every rule),
    or, when the rule matches on ``scope``, different parts ("in Bener Meriah district", "staff")."""
    oa = {s for s in a.scope if s.startswith(OTHER_EVENT)}
    ob = {s for s in b.scope if s.startswith(OTHER_EVENT)}
    if oa != ob and not ((not oa or not ob) and one_stated_time(a, b)):
        # one side marked and the other stating the same time of its own ("That tremor ... in March" /
        # "A tremor struck in March ..."): both tell of that earlier event
        c, marks = (a, oa) if oa else (b, ob)
        return f"{c.doc}:{c.quantity.line} is about {', '.join(sorted(marks))}"
    if not parts:
        return ""
    pa, pb = set(a.scope) - oa, set(b.scope) - ob
    if pa != pb:
        return f"different parts: {', '.join(sorted(pa)) or 'the whole'} vs {', '.join(sorted(pb)) or 'the whole'}"
    return ""


def _signed(c: Claim, lo: float, hi: float, v: float) -> tuple[float, float, float]:
    if c.aspect == "change" and c.quantity.direction == "down" and v > 0:
        return -hi, -lo, -v
    return lo, hi, v


def _normalise(c: Claim, ref_unit: str, rule: Rule, fx: RateSource, on: dt.date,
               settings: CompareSettings | None = None) -> _Norm | str:
    """The claim's interval in ``ref_unit``, or a reason why it cannot be converted (among them: no
    published rate within ``rate_stale_days`` of the date; never a silent conversion years away)."""
    q = c.quantity
    v = q.value if q.value is not None else 0.0
    lo = -INF if q.low is None else q.low
    hi = INF if q.high is None else q.high
    lo, hi, v = _signed(c, lo, hi, v)
    unit = q.unit or ""
    note = None
    if q.kind == "money" and unit not in ("cent", "pence", "sen"):
        per = ""
        if "/" in unit:  # "USD / share": convert the currency, keep the denominator
            unit, per = (x.strip() for x in unit.split("/", 1))
            ref_unit = ref_unit.split("/", 1)[0].strip()
        rate = fx.rate(unit, ref_unit, on)
        if rate is None:
            return f"no exchange rate from {unit} to {ref_unit}"
        gap = abs((rate.day - on).days) if unit != ref_unit else 0
        stale = settings.rate_stale_days if settings is not None else CompareSettings.rate_stale_days
        if gap > stale:
            years = gap / 365.25
            far = f"{years:.0f} years" if years >= 1.5 else f"{gap} days"
            return (f"no {unit}->{ref_unit} exchange rate near {on.isoformat()} (the nearest ECB rate is of "
                    f"{rate.day.isoformat()}, {far} away)")
        if unit != ref_unit:
            note = rate.note
        f = rate.factor
        return _Norm(v * f, lo * f, hi * f, f"{ref_unit} / {per}" if per else ref_unit, note, gap)
    if q.kind == "fraction":  # "a third" is a share said in words: a percent, give or take
        width = (settings or CompareSettings()).spoken_fraction * abs(v)
        return _Norm(v * 100, min(lo, v - width) * 100, max(hi, v + width) * 100, "percent", None)
    if q.kind == "percentage_point" and unit == "basis_point":
        return _Norm(v / 100, lo / 100, hi / 100, "percentage_point", None)
    if q.kind in ("measure", "duration") and unit != ref_unit:
        try:
            conv = [unit_registry.convert(x, unit, ref_unit) if math.isfinite(x) else x for x in (v, lo, hi)]
        except Exception:
            return f"cannot convert {unit} to {ref_unit}"
        return _Norm(conv[0], min(conv[1], conv[2]), max(conv[1], conv[2]), ref_unit, f"{unit} -> {ref_unit} (pint)")
    return _Norm(v, lo, hi, unit, None)


def _tolerance(rule: Rule, a: _Norm, b: _Norm, fx: RateSource, on: dt.date) -> float:
    tol = rule.tolerance
    slack = tol.relative * max(abs(a.value), abs(b.value))
    if tol.absolute:
        unit = tol.absolute_unit
        if unit is None or unit == a.unit:
            slack = max(slack, tol.absolute)
        elif len(unit) == 3 and unit.isupper():
            rate = fx.rate(unit, a.unit, on)
            if rate is not None:
                slack = max(slack, tol.absolute * rate.factor)
        elif unit in ("percentage_point", "percent"):
            slack = max(slack, tol.absolute)
        else:
            try:
                slack = max(slack, unit_registry.convert(tol.absolute, unit, a.unit))
            except Exception:
                pass
    return slack


def _conversion_day(a: Claim, b: Claim, today: dt.date) -> dt.date:
    for c in (a, b):
        if c.period is not None:
            return c.period.end
    return today


def compare_pair(a: Claim, b: Claim, rule: Rule, fx: RateSource, settings: CompareSettings, *,
                 all_undated: bool, today: dt.date, check_subjects: bool = True,
                 one_story: bool = False, evidence: bool = False, one_event: bool = False) -> Finding | None:
    """Judge two claims of one metric; None when the pair says nothing worth reporting.

    ``check_subjects`` False leaves differing subject names to the alignment score: in two reports of one
    story the names a clause carries (an agency, a ship) are often not the figure's subject."""
    metric = a.metric or ""
    subject = ", ".join(sorted(set(a.subject) | set(b.subject)))
    reasons = []
    if "period" in rule.match_on or "period_within" in rule.match_on:
        ok, why = periods_comparable(a, b, settings.contemporaneous_days, all_undated, one_story, evidence,
                                      one_event)
        if not ok and "period_within" in rule.match_on and period_within(a, b):
            ok = True  # a length "in 1920" and one "on 26 September 1920": one state of one thing
        if not ok:
            reasons.append(why)
    if "subject" in rule.match_on and check_subjects:
        ok, why = _subjects_comparable(a, b)
        if not ok:
            reasons.append(why)
    why = _scopes_differ(a, b, "scope" in rule.match_on)
    if why:
        reasons.append(why)
    claims = (a, b)
    if a.quantity.kind == "date":
        return _compare_dates(a, b, rule)
    period_label = a.period.label if a.period else "undated"
    fields = {"metric": metric, "a": describe(a), "b": describe(b),
              "a_interval": fmt_interval(a.quantity.low, a.quantity.high),
              "b_interval": fmt_interval(b.quantity.low, b.quantity.high),
              "period": period_label, "subject": subject}
    if reasons:
        reason = "; ".join(reasons)
        message = f"{describe(a)} vs {describe(b)}: same metric ({metric}) but {reason}"
        return Finding(finding_id(rule.id, "not_comparable", metric, claims), rule.id, "not_comparable", "note",
                       metric, message, claims, reason)
    on = _conversion_day(a, b, today)
    ref = a.quantity.unit or ""
    if a.quantity.kind == "money" and ref not in ("cent", "pence", "sen") and ref != (b.quantity.unit or ""):
        ref = rule.currency or "USD"  # two currencies: both in the rule's; one currency needs no rate at all
    na = _normalise(a, ref, rule, fx, on, settings)
    nb = _normalise(b, ref, rule, fx, on, settings)
    if isinstance(na, str) or isinstance(nb, str):
        reason = na if isinstance(na, str) else nb
        message = f"{describe(a)} vs {describe(b)}: same metric ({metric}) but {reason}"
        return Finding(finding_id(rule.id, "not_comparable", metric, claims), rule.id, "not_comparable", "note",
                       metric, message, claims, str(reason))
    slack = _tolerance(rule, na, nb, fx, on)
    if na.note and "ECB" in na.note or nb.note and "ECB" in (nb.note or ""):
        # the writer converted at another day's or a rounded rate: allow that much more
        slack = max(slack, settings.conversion_slack * max(abs(na.value), abs(nb.value)))
    stale_gap = max(na.rate_gap, nb.rate_gap)
    if stale_gap > settings.rate_near_days:
        # the nearest published rate is weeks or months from the date: say so, and allow for the drift
        slack = max(slack, settings.stale_rate_slack * max(abs(na.value), abs(nb.value)))
    gap = max(nb.low - na.high, na.low - nb.high)
    conversions = "; ".join(n for n in (na.note, nb.note) if n)
    scope = f"both {period_label} {metric}" + (f" of {subject}" if subject else "")
    touching = gap >= 0 and slack == 0  # rounding intervals are half-open: 3 is [2.5, 3.5), 2 is [1.5, 2.5)
    if (gap > slack and gap > 1e-12 * max(abs(na.value), abs(nb.value), 1.0)) or (touching and na.value != nb.value):
        verdict = "contradiction"
        reason = "intervals do not overlap" + (f" (gap {fmt_number(gap)} {_unit_word(na.unit)} > tolerance "
                                               f"{fmt_number(slack)})" if slack else "")
        level = rule.level
    else:
        verdict = "agreement"
        reason = "intervals overlap" if gap <= 0 else f"within tolerance ({fmt_number(gap)} ≤ {fmt_number(slack)})"
        level = "note"
    if conversions:
        reason += f"; converted with {conversions}"
    if stale_gap > settings.rate_near_days:
        reason += (f"; no rate within {settings.rate_near_days} days of {on.isoformat()}: the nearest is "
                   f"{stale_gap} days away, so the tolerance is widened to {settings.stale_rate_slack:.0%}")
    fields["reason"] = reason
    template = rule.render(**fields)
    message = f"{describe(a)} vs {describe(b)}, {scope}: {reason}"
    if rule.message and "{reason}" in rule.message:
        message = template
    elif rule.message and rule.id != "generic" and verdict == "contradiction":
        message = f"{template} — {reason}"
    return Finding(finding_id(rule.id, verdict, metric, claims), rule.id, verdict, level, metric, message, claims,
                   reason)


def _date_bounds(c: Claim) -> tuple[dt.date, dt.date]:
    lo, hi = c.quantity.date_range or ("0001-01-01", "9999-12-31")
    return dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)


def _compare_dates(a: Claim, b: Claim, rule: Rule) -> Finding | None:
    """Two dates of one event of one subject: they must overlap."""
    shared = sorted({x for x in a.subject for y in b.subject if same_entity(x, y)})
    if not shared:
        return None
    (a0, a1), (b0, b1) = _date_bounds(a), _date_bounds(b)
    subject = ", ".join(shared)
    event = (a.metric or "").removeprefix("date ")
    claims = (a, b)
    da, db = a.quantity.text.strip(), b.quantity.text.strip()
    if a1 < b0 or b1 < a0:
        gap = (b0 - a1).days if a1 < b0 else (a0 - b1).days
        reason = f"the dates do not overlap ({gap} days apart)"
        message = f"{subject} {event}: {da} vs {db}: {reason}"
        return Finding(finding_id(rule.id, "contradiction", a.metric or "", claims), rule.id, "contradiction",
                       rule.level, a.metric or "", message, claims, reason)
    reason = "the dates overlap"
    message = f"{subject} {event}: {da} vs {db}: {reason}"
    return Finding(finding_id(rule.id, "agreement", a.metric or "", claims), rule.id, "agreement", "note",
                   a.metric or "", message, claims, reason)


def _unit_word(unit: str) -> str:
    return {"percent": "points", "percentage_point": "pp"}.get(unit, unit.replace("_", " "))


_VERDICT_ORDER = {v: i for i, v in enumerate(VERDICTS)}
_LEVEL_ORDER = {"error": 0, "warning": 1, "note": 2}


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Deterministic order: worst verdict and level first, then metric, then where."""
    return sorted(findings, key=lambda f: (_VERDICT_ORDER.get(f.verdict, 9), _LEVEL_ORDER.get(f.level, 9), f.metric,
                                           [(c.doc or "", c.quantity.start) for c in f.claims], f.id))


def _raw_disjoint(a: Claim, b: Claim) -> bool:
    qa, qb = a.quantity, b.quantity
    if qa.unit != qb.unit or qa.kind != qb.kind:
        return False
    if qa.kind == "date":
        (a0, a1), (b0, b1) = _date_bounds(a), _date_bounds(b)
        return a1 < b0 or b1 < a0
    alo = -INF if qa.low is None else qa.low
    ahi = INF if qa.high is None else qa.high
    blo = -INF if qb.low is None else qb.low
    bhi = INF if qb.high is None else qb.high
    return ahi < blo or bhi < alo or (ahi == blo and qa.value != qb.value) or (bhi == alo and qa.value != qb.value)


def _same_voice(a: Claim, b: Claim) -> bool:
    """'Sutopo Purwo Nugroho' and 'Nugroho' are one source; two unattributed claims share the text's voice."""
    if a.attribution is None or b.attribution is None:
        return a.attribution == b.attribution
    return same_entity(a.attribution, b.attribution)


def _multi_valued_docs(members: Sequence[Claim]) -> set[str]:
    """Documents that state one metric with clearly different values for one period in one voice.

    "Two touchdowns ... nine touchdowns" in one story are two games, not a correction; a figure that
    disagrees with such a document is reported as not comparable rather than as a contradiction.
    """
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in members:
        by_doc[c.doc or ""].append(c)
    multi = set()
    for doc, cs in by_doc.items():
        done = False
        for i in range(len(cs)):
            for j in range(i + 1, len(cs)):
                a, b = cs[i], cs[j]
                if not _same_voice(a, b) or a.period != b.period or other_stated_times(a, b) or (
                        whose(a) and whose(b) and not set(whose(a)) & set(whose(b))):
                    continue  # "Venn has 12 wives, and Oler has two": two people's, not two values of one
                if _raw_disjoint(a, b):
                    multi.add(doc)
                    done = True
                    break
            if done:
                break
    return multi


def _direction_findings(claims: Sequence[Claim], rules: RuleSet, settings: CompareSettings,
                        all_undated: bool, hot: Callable[[Claim], bool] | None = None) -> list[Finding]:
    """'Sensex up' in one text, 'Sensex down 74.58 points' in another: opposite directions of one name.

    Only claims framed as a name's own movement (metric ``direction``) take part. When both sides state a
    figure the numeric comparison judges them; "flat" contradicts only a bare "up" or "down". A text that
    moves one name both ways is left out for that name.
    """
    movers = [c for c in claims if c.quantity.kind == "direction" and c.modality == "fact" and c.subject]
    if len(movers) < 2 or len({c.doc for c in movers}) < 2:
        return []
    try:
        rule = rules.get("generic")
    except KeyError:
        return []
    if not rule.enabled:
        return []
    movers = [c for c in movers if not rule.ignores(c.sentence)]

    def torn(c: Claim, name: str) -> bool:
        return any(o.doc == c.doc and o.quantity.direction != c.quantity.direction
                   and any(same_entity(name, s) for s in o.subject) for o in movers)

    out = []
    for i, a in enumerate(movers):
        for b in movers[i + 1:]:
            da, db = a.quantity.direction, b.quantity.direction
            if a.doc == b.doc or da == db or (hot is not None and not hot(a) and not hot(b)):
                continue
            stated = (a.quantity.value is not None, b.quantity.value is not None)
            if all(stated) or ("flat" in (da, db) and any(stated)):
                continue
            shared = sorted({x for x in a.subject for y in b.subject if same_entity(x, y)})
            shared = [x for x in shared if not torn(a, x) and not any(torn(b, y) for y in b.subject
                                                                      if same_entity(x, y))]
            if not shared:
                continue
            ok, _why = periods_comparable(a, b, settings.contemporaneous_days, all_undated)
            if not ok:
                continue
            claims_ = (a, b)
            reason = f"one text says {da}, the other {db}"
            message = f"{', '.join(shared)}: {a.quantity.text.strip()} vs {b.quantity.text.strip()}: {reason}"
            out.append(Finding(finding_id(rule.id, "contradiction", "direction of change", claims_), rule.id,
                               "contradiction", rule.level, "direction of change", message, claims_, reason))
    return out


def _pair_context(claims: Sequence[Claim], doc_dates: Mapping[str, dt.date | None] | None = None,
                  doc_names: Mapping[str, frozenset[str]] | None = None,
                  doc_heads: Mapping[str, str] | None = None) -> PairContext:
    """How many distinct values each document gives per blocking key (for one period, in one voice: the
    same value said twice, or values of other years, are not "several"), and whether the set is short texts.
    ``doc_names`` (document -> the names its whole text uses) tells reports of one story apart from unrelated
    ones; without it, the names the claims are about stand in."""
    docs: dict[str, int] = defaultdict(int)
    for c in claims:
        docs[c.doc or ""] += 1
    sentences: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        sentences[c.doc or ""].add(c.sentence)
        if doc_names is None:  # without the texts, the names the claims are about stand in
            for s in c.subject:
                names[c.doc or ""].update(w for w in s.lower().split() if len(w) > 2)
    short = short_texts(len(docs), [len(v) for v in sentences.values()], any((doc_heads or {}).get(d) for d in docs))
    if doc_names is None:
        doc_names = {d: frozenset(v) for d, v in names.items()}
    doc_names = _telling_names(doc_names)
    return PairContext(values_per_doc=value_counts(claims), short_texts=short,
                       doc_names=dict(doc_names), doc_dates=dict(doc_dates or {}), doc_heads=dict(doc_heads or {}),
                       documents=len(docs))


def value_counts(claims: Iterable[Claim]) -> dict[tuple, int]:
    """How many distinct values each document gives per (document, concept key, period, voice): a fact of
    each document alone, so a claim index can store it per document (`factcheck.index`).

    Where a key has several values, each group of them its sentences name one subject of is counted too,
    under the key with that subject added (`whose`; () for the values no sentence names a subject of):
    "Venn has 12 wives, and Oler has two" gives Venn one value, not two."""
    values: dict[tuple, set[tuple[str | None, float | None, float | None]]] = defaultdict(set)
    for c in claims:
        key = concept_key(c)
        if key is not None:
            value = (c.quantity.unit, c.quantity.low, c.quantity.high)
            values[(c.doc or "", key, c.period, c.attribution)].add(value)
            values[(c.doc or "", key, c.period, c.attribution, whose(c))].add(value)

    def distinct(v: set) -> int:  # "6 ft 9 in (2.06 m)" is one value in two units
        per_unit: dict = defaultdict(int)
        for unit, _lo, _hi in v:
            per_unit[unit] += 1
        return max(per_unit.values())

    counts = {k: distinct(v) for k, v in values.items() if len(k) == 4}
    counts.update((k, distinct(v)) for k, v in values.items() if len(k) == 5 and counts[k[:4]] > 1)
    return counts


def short_texts(documents: int, sentences: Sequence[int], headed: bool) -> bool:
    """A claim and its evidence: two documents (with claims) of a few sentences each, neither a headed story
    of several lines. ``sentences``: how many distinct sentences each document's claims sit in."""
    return documents == 2 and all(n <= 3 for n in sentences) and not headed


#: a name more than this many documents and this share of the set use is too common to tell a story
NAMES_LEAST, NAMES_SHARE = 30, 0.01


def _telling_names(doc_names: Mapping[str, frozenset[str]], least: int = NAMES_LEAST,
                   share: float = NAMES_SHARE) -> dict[str, frozenset[str]]:
    """Without the names that many documents of a large set use ("Corp", "Qtr", "Jan", "Net" in a wire's
    year of earnings tables): they tell no story apart. A name in more than ``least`` documents and more
    than ``share`` of them is dropped; one event's dozen reports all keep theirs."""
    df: dict[str, int] = defaultdict(int)
    for words in doc_names.values():
        for w in words:
            df[w] += 1
    common = common_names(df, len(doc_names), least, share)
    if not common:
        return dict(doc_names)
    return {d: frozenset(words - common) for d, words in doc_names.items()}


def common_names(df: Mapping[str, int], documents: int, least: int = NAMES_LEAST,
                 share: float = NAMES_SHARE) -> set[str]:
    """The names of ``df`` (name -> how many of the set's ``documents`` use it) too common to tell a story."""
    cut = max(least, share * documents)
    return {w for w, n in df.items() if n > cut}


def _series(c: Claim, ctx: PairContext) -> bool:
    """Does c's document give three or more values of c's key, for c's period, in c's voice? Two values
    may be an edit that contradicts itself; more are a list ("two touchdowns ... nine touchdowns ...")."""
    return ctx.values_per_doc.get((c.doc or "", concept_key(c) or "", c.period, c.attribution), 1) >= 3


_LEVEL_RANK = {lv: i for i, lv in enumerate(LEVELS)}


def _both_named(a: Claim, b: Claim) -> bool:
    """Both claims name their subject in their own sentence or headline (not the document's most named
    entity, a guess): two earnings releases headed by two companies are about two companies, however alike."""
    return all(c.concept is not None and c.subject
               and c.concept.subject_source in (SubjectSource.SENTENCE, SubjectSource.HEADLINE) for c in (a, b))


def _capped(level: str, by: Level) -> str:
    """The milder of a rule's level and the alignment's: a weak alignment never reports an error."""
    return level if _LEVEL_RANK.get(level, 0) >= _LEVEL_RANK[by] else str(by)


def _judge(a: Claim, b: Claim, rule: Rule, fx: RateSource, settings: CompareSettings, multi: set[str],
           al: Alignment, level: Level, *, all_undated: bool, today: dt.date,
           doc_dates: Mapping[str, dt.date | None]) -> Finding | None:
    """The finding for one aligned pair, its level capped by the alignment."""
    weights = dict(al.contributions)
    story = weights.get("same_story", 0.0) > 0 and al.score >= 0.5
    # a name both sentences share (or one names the other's subject), or one sentence word for word, already
    # answered "about whom"
    named = "shared_entity" in weights or "edited" in weights
    # inside one story the names a clause carries (an agency, a vessel) are seldom the figure's subject:
    # differing names there are weighed by the score (other_subject), not a veto
    f = compare_pair(a, b, rule, fx, settings, all_undated=all_undated, today=today,
                     check_subjects=not (named or (weights.get("same_story", 0.0) > 0 and not _both_named(a, b))),
                     one_story=story and not both_ages(a, b), evidence=weights.get("short_texts", 0.0) > 0,
                     one_event=al.score >= _ONE_EVENT_SCORE and event_tally(a, b, weights))
    if f is None:
        return None
    if f.verdict == "contradiction":
        reason = why_no_contradiction(a, b, rule, f.metric, weights, named=named,
                                      multi=set() if "edited" in weights else multi, doc_dates=doc_dates)
        if reason:
            f = replace(f, id=finding_id(rule.id, "not_comparable", f.metric, f.claims), verdict="not_comparable",
                        level="note", reason=reason, message=f"{describe(a)} vs {describe(b)}: {reason}")
    if f.verdict == "contradiction":
        f = replace(f, level=_capped(f.level, level))
    return replace(f, alignment=al)


def blocks(claims: Sequence[Claim], rules: RuleSet) -> Iterator[tuple[Rule, list[Claim]]]:
    """The candidate blocks: claims that share a blocking key, under an enabled rule, in a stable order,
    without those the rule ignores."""
    groups: dict[tuple[str, str, str, str], list[Claim]] = defaultdict(list)
    rates = frozenset(r.id for r in rules if r.rate_of_change)
    for c in claims:
        key = _group_key(c, rates)
        if key is not None:
            groups[key].append(c)
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda c: (c.doc or "", c.quantity.start))
        if len(members) < 2:
            continue
        try:
            rule = rules.get(key[0])
        except KeyError:
            continue
        if rule.enabled:
            yield rule, _not_ignored(rule, members)


def _not_ignored(rule: Rule, members: Sequence[Claim]) -> list[Claim]:
    """The block's claims the rule does not ignore, and those it would that one text states twice, word for
    word with only the figure changed: the ignore patterns ("forecast", "target") say what a figure is, not
    that two versions of one statement may differ ("Japan is expected to cut the rate to 5.5 pct" / "... to
    7.2 pct" in one text is one forecast edited)."""
    ignored = [c for c in members if rule.ignores(c.sentence)]
    if not ignored:
        return list(members)
    by_doc: dict[str | None, list[Claim]] = defaultdict(list)
    for c in ignored:
        by_doc[c.doc].append(c)
    edited = {id(c) for cs in by_doc.values() if len(cs) > 1
              for c in cs if any(o is not c and restated(c, o) for o in cs)}
    skip = {id(c) for c in ignored} - edited
    return [c for c in members if id(c) not in skip]


#: What `block_findings` counts, in the order `Report.stats` lists them: pairs that share a blocking key,
#: those whose score could reach a level (so every feature was worked out), and those judged.
COUNTS = ("candidate_pairs", "pairs_scored", "pairs_aligned")
#: How many rings of claims outside a focus are judged around it (see `block_findings`).
RINGS = 2


class Judged(NamedTuple):
    """One block's verdicts: its findings by id, in the order they were found, and the work they took
    (`COUNTS`). What an engine sends back from wherever the block was judged."""

    findings: dict[str, Finding]
    counts: tuple[int, ...]


@dataclass(frozen=True)
class CheckContext:
    """What the per-block pass needs of the whole set, computed once (`check_context`) and shared by every
    block: an engine that judges blocks on other machines ships this, not the set."""

    pair: PairContext
    settings: CompareSettings
    align: AlignSettings
    all_undated: bool
    today: dt.date
    doc_dates: Mapping[str, dt.date | None]
    one_source: Mapping[str, str]
    #: The documents whose pairs are judged (a batch checked against an archive), or None: every pair.
    focus: frozenset[str] | None = None


def check_context(claims: Sequence[Claim], *, settings: CompareSettings | None = None, all_undated: bool = False,
                  today: dt.date | None = None, doc_dates: Mapping[str, dt.date | None] | None = None,
                  doc_names: Mapping[str, frozenset[str]] | None = None, doc_heads: Mapping[str, str] | None = None,
                  align: AlignSettings | None = None, one_source: Mapping[str, str] | None = None,
                  context: PairContext | None = None, focus: Collection[str] | None = None) -> CheckContext:
    """The set-level context of `cross_check` (document names, heads, dates, telling names, crowd size).

    ``context`` stands for the `PairContext` the claims would give when they are only part of the set: a batch
    and the archived claims it can meet know less than the claim index does (every document's names and value
    counts, how many there are; `factcheck.index`). ``focus`` is `CheckContext.focus`."""
    doc_dates = doc_dates or {}
    pair = context if context is not None else _pair_context(claims, doc_dates, doc_names, doc_heads)
    return CheckContext(pair, settings or load_compare_settings(), align or load_align_settings(), all_undated,
                        today or dt.date.today(), doc_dates, one_source or {},
                        None if focus is None else frozenset(focus))


def block_findings(rule: Rule, members: Sequence[Claim], fx: RateSource, cx: CheckContext) -> Judged:
    """The findings of one candidate block (`blocks`) and the work they took.

    Each candidate pair is scored by `factcheck.align`, the costly features only where the score could still
    reach the least level the pair could be reported at, and only a pair that aligns at least weakly is
    judged. With a focus, only the pairs with a claim of the focus documents are judged, and the rings around
    them (`_focused`). A claim is in one block only, so what the pair context worked out for the block's claims
    is dropped when it is done (`PairContext.forget`)."""
    if cx.focus is None:
        sides = [cx.pair.side(c) for c in members]
        found, counts = _judge_pairs(rule, members, sides, _multi_valued_docs(members), fx, cx, None, None)
    else:
        found, counts = _focused(rule, members, fx, cx, cx.focus)
    cx.pair.forget(members)
    return Judged(found, counts)


def _focused(rule: Rule, members: Sequence[Claim], fx: RateSource, cx: CheckContext,
             focus: frozenset[str]) -> tuple[dict[str, Finding], tuple[int, ...]]:
    """`block_findings` around the claims of the ``focus`` documents.

    A claim outside the focus that a focus claim contradicts may be an outlier against many others, and one
    set would summarise its contradictions as one finding (`second_look.summarise_outliers`). So the claims
    outside the focus in a contradiction are put in focus too, and those they contradict in turn (`RINGS`
    rings in all), each pair judged once; beyond the rings nothing outside the focus is judged."""
    hot = [c.doc in focus for c in members]
    if not any(hot):
        return {}, (0,) * len(COUNTS)
    multi = _multi_valued_docs(members)
    sides = _Sides(cx.pair, members)
    memo: dict[tuple[int, int], Finding | None] = {}
    found, counts = _judge_pairs(rule, members, sides, multi, fx, cx, hot, memo)
    ring: set[int] = set()
    for _ in range(RINGS):
        more = {id(c) for f in found.values() if f.verdict == "contradiction" for c in f.claims if c.doc not in focus}
        if more <= ring:
            break
        ring |= more
        wider = [h or id(c) in ring for h, c in zip(hot, members)]
        found, added = _judge_pairs(rule, members, sides, multi, fx, cx, wider, memo)
        counts = tuple(map(sum, zip(counts, added)))
    return found, counts


class _Sides:
    """A block's claims as `PairContext.side` gives them, by position, worked out when a pair first asks: a
    focus on a few claims of a large block of others needs few of them."""

    def __init__(self, ctx: PairContext, members: Sequence[Claim]) -> None:
        self.ctx, self.members = ctx, members

    def __getitem__(self, k: int) -> _Side:
        return self.ctx.side(self.members[k])


def _judge_pairs(rule: Rule, members: Sequence[Claim], sides: Sequence[_Side] | _Sides, multi: set[str],
                 fx: RateSource, cx: CheckContext, hot: Sequence[bool] | None,
                 memo: dict[tuple[int, int], Finding | None] | None) -> tuple[dict[str, Finding], tuple[int, ...]]:
    """The findings of a block's candidate pairs (with ``hot``, those with a hot member) by id, in the order
    found, and their counts. ``memo`` (pair of positions -> its finding) lets a caller that asks a block again
    judge (and count) each pair once."""
    ctx, align, one_source = cx.pair, cx.align, cx.one_source
    findings: dict[str, Finding] = {}
    candidates = scored = judged = 0
    for i, j in candidate_index_pairs(members, align.pairwise_limit, hot=hot):
        if memo is not None:
            if (i, j) in memo:
                if (known := memo[i, j]) is not None:
                    findings.setdefault(known.id, known)
                continue
            memo[i, j] = None  # judged now: a finding, if it has one, takes its place below
        candidates += 1
        x, y = sides[i], sides[j]
        a, b = x.claim, y.claim
        if x.doc != y.doc and x.doc in one_source and one_source.get(x.doc) == one_source.get(y.doc or ""):
            continue  # two versions of one document: their changes are revisions (factcheck.revisions)
        if a.sentence == b.sentence and (x.doc == y.doc or a.quantity.text != b.quantity.text):
            continue  # "rose from 10 to 12": two figures of one statement, in one text or copied into two
        if x.doc == y.doc and x.doc in multi and _same_voice(a, b) and _series(a, ctx) \
                and not (restated(a, b) and len(a.sentence.split()) >= 8):
            continue  # one text, one voice, three or more values: a series of things, not a dispute
        got = aligned_sides(x, y, ctx, align, align.note if x.doc != y.doc else align.warning)
        if got is None:
            continue  # cannot reach the least level the pair could be reported at
        scored += 1
        feats, al = got
        level = align.level_for(al.score)
        if level is None:
            continue  # not the same thing, as far as the evidence goes
        if feats.get("no_subject"):
            level = Level.NOTE  # an unknown subject is no match: at most a weak alignment
        if a.doc == b.doc and level == Level.NOTE:
            continue  # inside one document only a strong alignment is a self-contradiction
        judged += 1
        f = _judge(a, b, rule, fx, cx.settings, multi, al, level, all_undated=cx.all_undated, today=cx.today,
                   doc_dates=cx.doc_dates)
        if f is not None:
            findings.setdefault(f.id, f)
            if memo is not None:
                memo[i, j] = f
    return findings, (candidates, scored, judged)


def final_findings(found: Iterable[Judged], claims: Sequence[Claim], rules: RuleSet,
                   cx: CheckContext) -> tuple[list[Finding], dict[str, int]]:
    """The pass over the union of every block's findings (given in block order): matched figures, agreements
    the settings leave out, opposite directions of one name, outliers against a consensus; sorted, with the
    work every block took added up (`COUNTS`). With a focus, only the findings with a claim of the focus
    documents: the others are the rest of the set's own."""
    findings: dict[str, Finding] = {}
    totals = [0] * len(COUNTS)
    for block in found:
        for fid, f in block.findings.items():
            findings.setdefault(fid, f)
        totals = [t + n for t, n in zip(totals, block.counts)]
    findings = without_matched(findings)
    if not cx.settings.report_agreements:
        findings = {k: f for k, f in findings.items() if f.verdict != "agreement"}
    focus = cx.focus
    for f in _direction_findings(claims, rules, cx.settings, cx.all_undated,
                                 None if focus is None else (lambda c: c.doc in focus)):
        findings.setdefault(f.id, f)
    out = sort_findings(summarise_outliers(list(findings.values())))
    if focus is not None:
        out = [f for f in out if any(c.doc in focus for c in f.claims)]
    return out, dict(zip(COUNTS, totals))


def cross_check(claims: Sequence[Claim], rules: RuleSet, fx: RateSource, *, settings: CompareSettings | None = None,
                all_undated: bool = False, today: dt.date | None = None,
                doc_dates: Mapping[str, dt.date | None] | None = None,
                doc_names: Mapping[str, frozenset[str]] | None = None,
                doc_heads: Mapping[str, str] | None = None,
                align: AlignSettings | None = None, one_source: Mapping[str, str] | None = None,
                context: PairContext | None = None, focus: Collection[str] | None = None) -> list[Finding]:
    """All findings for a set of claims (from one or many documents): `cross_check_counted` without its counts."""
    return cross_check_counted(claims, rules, fx, settings=settings, all_undated=all_undated, today=today,
                               doc_dates=doc_dates, doc_names=doc_names, doc_heads=doc_heads, align=align,
                               one_source=one_source, context=context, focus=focus)[0]


def cross_check_counted(claims: Sequence[Claim], rules: RuleSet, fx: RateSource, *,
                        settings: CompareSettings | None = None, all_undated: bool = False, today: dt.date | None = None,
                        doc_dates: Mapping[str, dt.date | None] | None = None,
                        doc_names: Mapping[str, frozenset[str]] | None = None,
                        doc_heads: Mapping[str, str] | None = None,
                        align: AlignSettings | None = None, one_source: Mapping[str, str] | None = None,
                        context: PairContext | None = None,
                        focus: Collection[str] | None = None) -> tuple[list[Finding], dict[str, int]]:
    """All findings for a set of claims (from one or many documents), and the work they took. Pure: data in,
    data out.

    Candidates come from blocking on (rule, concept, aspect, kind); each candidate pair is scored by
    `factcheck.align`, and only a pair that aligns at least weakly is judged. ``doc_dates`` (document
    name -> its date) orders the reports of a running toll (see `_running_update`); ``doc_names`` (document
    name -> the names its text uses) measures how far two documents tell one story; ``doc_heads`` (document
    name -> its headline template) tells issues of one recurring report. ``one_source`` maps
    each version of a document to its group (`factcheck.versions`): versions are never two reports.
    For a batch checked against a claim index (`factcheck.index`), ``context`` is the whole set's
    `PairContext` and ``focus`` the batch's documents: the findings with a batch claim, as one set gives them.

    Three steps, so that an engine can run the middle one per block elsewhere (`factcheck.engine`):
    `check_context` once, `block_findings` per block of `blocks`, `final_findings` over their union. The
    counts (`COUNTS`) say how much work the set took.
    """
    cx = check_context(claims, settings=settings, all_undated=all_undated, today=today, doc_dates=doc_dates,
                       doc_names=doc_names, doc_heads=doc_heads, align=align, one_source=one_source,
                       context=context, focus=focus)
    return final_findings((block_findings(rule, members, fx, cx) for rule, members in blocks(claims, rules)),
                          claims, rules, cx)
