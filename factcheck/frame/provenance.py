"""Provenance records: which frame, rule, lexicon entry or time expression decided each facet of a claim."""
from __future__ import annotations

from typing import Iterable, Sequence

from ..model import Period, Provenance
from ..rules import Rule
from .metric import matched_term
from .period import PeriodChoice


def metric_facet(metric: str, how: str, rule: Rule | None = None, phrase: str = "") -> Provenance:
    """facet 'metric': the frame that found it ("verb", "counted", ...) and the rule and term it matched."""
    if rule is None:
        return Provenance("metric", metric, how)
    term = matched_term(rule.terms, phrase)
    return Provenance("metric", metric, f"{how}; rule {rule.id}, " + (f"term '{term}'" if term else "fuzzy match"))


def period_facet(choice: PeriodChoice, source: str | None = None) -> Provenance:
    """facet 'period': why the period is what it is, with the time expression it was read from."""
    period: Period | None = choice.period
    value = (period.label or f"{period.start.isoformat()}..{period.end.isoformat()}") if period is not None else "none"
    how = source or choice.source
    if choice.expression is not None:
        how += f": '{choice.expression.text}'"
    return Provenance("period", value, how)


def subject_facet(subject: Sequence[str], parts: Iterable[tuple[str, Sequence[str]]]) -> Provenance | None:
    """facet 'subject': the names, and where those that remain came from ("noun phrase, clause")."""
    if not subject:
        return None
    kept = set(subject)
    where = [label for label, names in parts if label and any(n in kept for n in names)]
    return Provenance("subject", ", ".join(subject), ", ".join(dict.fromkeys(where)))
