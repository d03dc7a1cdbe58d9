"""Claims to index rows and back, losslessly: a claim read from the index is equal to the claim framed.

Why positional JSON arrays and not `Claim.to_dict`: the report record drops what the cross-check needs
(a quantity's direction, date range and anchor; the concept's subject source) and names every field on
every row. An array per dataclass, in field order, keeps all of it and stays readable with `sqlite3`.
A change to a dataclass's fields is a change of the index schema (see `schema.MIGRATIONS`).
"""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Any

from ..model import Claim, Concept, Period, Provenance, Quantity, SubjectSource
from ..suppress import Suppression


def _period(p: Period | None) -> list[str] | None:
    return None if p is None else [p.start.isoformat(), p.end.isoformat(), p.label]


def _unperiod(v: list[str] | None) -> Period | None:
    return None if v is None else _period_of(v[0], v[1], v[2])


# Reading a batch's candidates decodes hundreds of thousands of claims whose periods and provenance repeat:
# one shared (frozen) instance of each is built once, which halves the time and the memory of a read.
@lru_cache(maxsize=65536)
def _period_of(start: str, end: str, label: str) -> Period:
    return Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end), label)


@lru_cache(maxsize=262144)
def _provenance_of(facet: str, value: str, source: str) -> Provenance:
    return Provenance(facet, value, source)


_SOURCES = {str(s): s for s in SubjectSource}


def _quantity(q: Quantity) -> list[Any]:
    return [q.start, q.end, q.text, q.kind, q.value, q.low, q.high, q.unit, q.qualifier, q.line, q.doc,
            q.direction, list(q.date_range) if q.date_range is not None else None, q.anchor, q.page]


def _unquantity(v: list[Any]) -> Quantity:
    (start, end, text, kind, value, low, high, unit, qualifier, line, doc, direction, date_range, anchor,
     page) = v
    return Quantity(start, end, text, kind, value, low, high, unit, qualifier, line, doc, direction,
                    tuple(date_range) if date_range is not None else None, anchor, page)


def _concept(c: Concept | None) -> list[Any] | None:
    if c is None:
        return None
    return [c.key, c.noun, c.verb, c.of_object, list(c.entities), list(c.context), str(c.subject_source)]


def _unconcept(v: list[Any] | None) -> Concept | None:
    if v is None:
        return None
    key, noun, verb, of_object, entities, context, source = v
    return Concept(key, noun, verb, of_object, tuple(entities), tuple(context), _SOURCES[source])


def claim_row(c: Claim) -> str:
    """The claim as one JSON text (see `claim_of`)."""
    return json.dumps([
        _quantity(c.quantity), c.metric, list(c.subject), _period(c.period), c.period_source, c.aspect,
        c.modality, c.attribution, c.sentence, c.rule, c.norm_value, c.norm_low, c.norm_high, c.norm_unit,
        c.conversion, list(c.scope), _concept(c.concept), [[p.facet, p.value, p.source] for p in c.provenance],
    ], ensure_ascii=False, separators=(",", ":"))


def claim_of(row: str) -> Claim:
    """The claim `claim_row` wrote."""
    (quantity, metric, subject, period, period_source, aspect, modality, attribution, sentence, rule, norm_value,
     norm_low, norm_high, norm_unit, conversion, scope, concept, provenance) = json.loads(row)
    return Claim(_unquantity(quantity), metric, tuple(subject), _unperiod(period), period_source, aspect, modality,
                 attribution, sentence, rule, norm_value, norm_low, norm_high, norm_unit, conversion, tuple(scope),
                 _unconcept(concept), tuple(_provenance_of(*p) for p in provenance))


def key_text(key: tuple[str, ...]) -> str:
    """A blocking key as one indexed text (its parts never hold a newline)."""
    return "\n".join(key)


def value_key_row(key: tuple) -> str:
    """A `crosscheck.value_counts` key (document, concept key, period, voice[, whose]) without its document."""
    _doc, concept, period, voice, *rest = key
    row = [concept, _period(period), voice] + [list(w) for w in rest]
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


def value_key_of(doc: str, row: str) -> tuple:
    concept, period, voice, *rest = json.loads(row)
    return (doc, concept, _unperiod(period), voice, *(tuple(w) for w in rest))


def suppressions_row(marks: tuple[Suppression, ...]) -> str | None:
    if not marks:
        return None
    return json.dumps([[m.rule, m.line_from, m.line_to, m.reason, m.source, m.source_line] for m in marks],
                      ensure_ascii=False)


def suppressions_of(row: str | None) -> tuple[Suppression, ...]:
    return () if not row else tuple(Suppression(*m) for m in json.loads(row))
