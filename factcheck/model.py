"""The data that flows down the pipeline: documents -> quantities -> claims -> findings -> report.

Every stage takes these frozen dataclasses and returns new ones, so no stage can mutate what an
earlier stage produced and every result can be compared, hashed and sorted deterministically.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Sequence

from .errors import Problem

#: Kinds of quantity mention, as written in the JSON record.
KINDS = ("count", "percent", "percentage_point", "money", "measure", "fraction", "ordinal", "date", "duration")
#: Not extracted but framed: a name's direction of change stated in words ("Sensex up"); its value is the
#: figure that follows, if any, and ``direction`` says which way.
CLAIM_ONLY_KINDS = ("direction",)
#: How the statement bounds the value.
QUALIFIERS = ("exact", "approx", "nearly", "more_than", "at_least", "less_than", "at_most", "range")


class Verdict(StrEnum):
    """What a finding says of its claims, worst first."""

    CONTRADICTION = "contradiction"
    NOT_COMPARABLE = "not_comparable"
    AGREEMENT = "agreement"


class Level(StrEnum):
    """How loudly a finding is reported, worst first."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


class Aspect(StrEnum):
    """What side of a quantity a figure states: its level ("trade reached $3bn") or a change ("grew 16%")."""

    LEVEL = "level"
    CHANGE = "change"


class Modality(StrEnum):
    """How a figure is put: as a fact, a forecast ("will reach", "expected to"), or the outcome of a
    condition ("if the plan passes, 40 jobs go"). Figures are compared only within one modality."""

    FACT = "fact"
    FORECAST = "forecast"
    CONDITION = "condition"  # two conditions in one text are two scenarios, never one figure twice


class SubjectSource(StrEnum):
    """Where a claim's subject came from; the further from the figure, the weaker the alignment."""

    SENTENCE = "sentence"      # named in the figure's own sentence
    ANTECEDENT = "antecedent"  # named in the sentence before, which the pronoun opening this one points back to
    HEADLINE = "headline"      # the document's headline or first line
    DOCUMENT = "document"      # the entity the document is mostly about
    NONE = "none"              # nobody named anywhere: the claim can only align weakly


@dataclass(frozen=True)
class Provenance:
    """Which rule, lexicon entry or frame decided one facet of a claim, so `explain` can show it."""

    facet: str
    value: str
    source: str

    def to_dict(self) -> dict[str, str]:
        return {"facet": self.facet, "value": self.value, "source": self.source}


@dataclass(frozen=True)
class Concept:
    """What a figure measures, as features: the words that tie two phrasings of one quantity together.

    ``key`` is the blocking key (a lexicon concept such as ``employees`` or the counted noun's lemma);
    ``entities`` are named in the figure's sentence, ``context`` around it (headline,
    document), and ``subject_source`` says where the claim's subject was found.
    """

    key: str | None
    noun: str | None = None
    verb: str | None = None
    of_object: str | None = None
    entities: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    subject_source: SubjectSource = SubjectSource.NONE

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "noun": self.noun, "verb": self.verb, "of_object": self.of_object,
                "entities": list(self.entities), "context": list(self.context),
                "subject_source": str(self.subject_source)}


@dataclass(frozen=True)
class Alignment:
    """How strongly two claims were judged to measure the same thing, and on what."""

    score: float
    aligned_on: tuple[str, ...]
    #: feature name -> its weighted contribution to the score (before the logistic squash)
    contributions: tuple[tuple[str, float], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 3), "aligned_on": list(self.aligned_on),
                "contributions": {k: round(v, 3) for k, v in self.contributions}}


@dataclass(frozen=True)
class Document:
    """One input text and what we know of when it was written."""

    name: str
    text: str
    date: dt.date | None = None
    #: Where the date came from: "cli", "front_matter", "sidecar", "dateline", "text" or "none".
    date_source: str = "none"
    #: ``line_map[i]``: the source line of line ``i + 1`` of ``text`` when the text was converted (HTML, PDF);
    #: empty when the text is the source.
    line_map: tuple[int, ...] = field(default=(), repr=False, compare=False)
    #: ``page_map[i]``: the page of line ``i + 1`` of ``text`` (PDF); empty without pages.
    page_map: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def locate(self, q: Quantity) -> Quantity:
        """``q`` with its line (and page) in the source rather than in the converted text."""
        if not self.line_map:
            return q
        i = min(max(q.line - 1, 0), len(self.line_map) - 1)
        page = self.page_map[i] if self.page_map else None
        return replace(q, line=self.line_map[i], page=page)


@dataclass(frozen=True)
class Quantity:
    """One quantitative statement: a value interval with its exact character span."""

    start: int
    end: int
    text: str
    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str
    line: int = 1
    doc: str | None = None
    #: "up" / "down" when the words state a change ("rose 3%", "fell by $2bn"); not part of the record.
    direction: str | None = None
    #: For dates: the ISO first and last day the expression covers; not part of the record.
    date_range: tuple[str, str] | None = None
    #: For relative dates/durations: a machine key such as "last_year" or "months:10"; not part of the record.
    anchor: str | None = None
    #: The page of a PDF the figure is on (``line`` is then its line within the page); None elsewhere.
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON extraction record: the contract later stages, reports and benchmarks rely on."""
        record = {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "text": self.text,
            "kind": self.kind,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "qualifier": self.qualifier,
        }
        if self.page is not None:
            record["page"] = self.page
        return record


@dataclass(frozen=True)
class Period:
    """A closed span of calendar days a claim speaks about; `label` is how a person would say it."""

    start: dt.date
    end: dt.date
    label: str = ""

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def to_dict(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "label": self.label}


@dataclass(frozen=True)
class Claim:
    """A quantity framed: what is measured, about whom, when, and who says so."""

    quantity: Quantity
    metric: str | None
    subject: tuple[str, ...] = ()
    period: Period | None = None
    #: Why the period is what it is: "explicit", "relative", "document_date", "unresolved".
    period_source: str = "document_date"
    #: "level" or "change".
    aspect: str = "level"
    #: `Modality`: a forecast or a condition is never compared with a fact.
    modality: str = Modality.FACT
    attribution: str | None = None
    sentence: str = ""
    #: The shipped or user rule that governs this metric ("generic" when none does).
    rule: str = "generic"
    #: Value and bounds converted to the rule's comparison unit (e.g. USD), with a note on how.
    norm_value: float | None = None
    norm_low: float | None = None
    norm_high: float | None = None
    norm_unit: str | None = None
    conversion: str | None = None
    #: What part of which event the figure counts, when not the story's whole (see `factcheck.scope`):
    #: "another event: that temblor", "in bener meriah district", "staff".
    scope: tuple[str, ...] = ()
    #: What the figure measures as features (see `Concept`); set by the concept component.
    concept: Concept | None = None
    #: Which rule or lexicon entry decided each facet (metric, subject, period, ...).
    provenance: tuple[Provenance, ...] = ()

    @property
    def doc(self) -> str | None:
        return self.quantity.doc

    def to_dict(self) -> dict[str, Any]:
        """The extraction record plus the frame, as findings cite it."""
        record = self.quantity.to_dict()
        record.update(
            {
                "metric": self.metric,
                "aspect": self.aspect,
                "modality": self.modality,
                "period": self.period.to_dict() if self.period else None,
                "period_source": self.period_source,
                "subject": list(self.subject),
                "attribution": self.attribution,
                "sentence": self.sentence,
                "rule": self.rule,
                "normalized": None
                if self.norm_value is None
                else {
                    "value": self.norm_value,
                    "low": self.norm_low,
                    "high": self.norm_high,
                    "unit": self.norm_unit,
                    "conversion": self.conversion,
                },
            }
        )
        if self.scope:
            record["scope"] = list(self.scope)
        if self.concept is not None:
            record["concept"] = self.concept.to_dict()
        if self.provenance:
            record["provenance"] = [p.to_dict() for p in self.provenance]
        return record


#: Finding verdicts, worst first.
VERDICTS = ("contradiction", "not_comparable", "agreement")
#: Finding levels, worst first.
LEVELS = ("error", "warning", "note")


@dataclass(frozen=True)
class Revision:
    """A figure that changed between two versions of one document: ``later`` replaces ``earlier``.

    ``marker`` is the later version's headline marker ("Corrected", "Updated", "Repeated") or None when
    only the order of the versions says which is later.
    """

    earlier: str
    later: str
    marker: str | None = None

    @property
    def verb(self) -> str:
        """How a report says it: "corrected in DOC", "updated in DOC", "changed in DOC"."""
        return {"Corrected": "corrected", "Updated": "updated", "Repeated": "changed"}.get(self.marker or "",
                                                                                          "changed")

    def to_dict(self) -> dict[str, str | None]:
        return {"earlier": self.earlier, "later": self.later, "marker": self.marker}


@dataclass(frozen=True)
class Finding:
    """A judgement on two or more claims of one metric."""

    id: str
    rule: str
    verdict: str
    level: str
    metric: str
    message: str
    claims: tuple[Claim, ...]
    #: Why the claims were not compared, for not_comparable findings ("different periods", ...).
    reason: str = ""
    #: The alignment score and the features it rests on; None for findings of a named rule's own logic.
    alignment: Alignment | None = None
    #: Set when the two claims are one figure in two versions of one document (see `factcheck.revisions`).
    revision: Revision | None = None

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(sorted({c.doc or "" for c in self.claims}))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "verdict": self.verdict,
            "level": self.level,
            "metric": self.metric,
            "message": self.message,
            "reason": self.reason,
            **({"score": round(self.alignment.score, 3), "aligned_on": list(self.alignment.aligned_on),
                "alignment": self.alignment.to_dict()} if self.alignment is not None else {}),
            **({"revision": self.revision.to_dict()} if self.revision is not None else {}),
            "claims": [c.to_dict() for c in self.claims],
        }


SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class Report:
    """Everything a reporter renders; reporters compute nothing beyond layout."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    #: Baseline status per finding id: "new", "unchanged"; ids in the baseline not seen are "resolved".
    baseline_status: tuple[tuple[str, str], ...] = ()
    resolved_ids: tuple[str, ...] = ()
    rules: tuple[dict[str, Any], ...] = field(default=())
    #: What the run warned about (files skipped, numbers too large, ...): counted in the summary.
    warnings: tuple[Problem, ...] = ()
    #: Under ``--changed-since``: the documents changed, so reports place each finding on a claim in one of
    #: them rather than on an unchanged file. Empty: every document counts.
    changed_docs: tuple[str, ...] = ()
    #: The lowest contradiction level that fails the run (``--fail-on``), so every format marks the same
    #: findings as failures as the exit code does.
    fail_on: str = "error"
    #: Notes counted but not listed, by verdict (`notes_counted`): "not_comparable" and note-level
    #: "contradiction". A large set has thousands; they are kept only where a user asks for them.
    unlisted_notes: tuple[tuple[str, int], ...] = ()
    #: How much work the check took: claims, candidate_pairs, pairs_scored, pairs_aligned (`cross_check_counted`).
    stats: tuple[tuple[str, int], ...] = ()

    def notes_counted(self) -> Report:
        """This report with its notes (not-comparable pairs, contradictions at note level) counted, not listed."""
        notes = [f for f in self.findings if is_note(f)]
        if not notes:
            return self
        left = dict(self.unlisted_notes)
        for f in notes:
            left[f.verdict] = left.get(f.verdict, 0) + 1
        return replace(self, findings=tuple(f for f in self.findings if not is_note(f)),
                       unlisted_notes=tuple(sorted(left.items())))

    def verdict_counts(self) -> dict[str, int]:
        """Findings per verdict, the unlisted notes included."""
        left = dict(self.unlisted_notes)
        return {v: sum(1 for f in self.findings if f.verdict == v) + left.get(v, 0) for v in VERDICTS}

    def claims_of(self, doc: str) -> list[Claim]:
        return [c for c in self.claims if c.doc == doc]

    def status_of(self, finding_id: str) -> str | None:
        return dict(self.baseline_status).get(finding_id)

    def to_dict(self) -> dict[str, Any]:
        by_doc: dict[str | None, list[Claim]] = {}
        for c in self.claims:  # one pass: asking claims_of per document is quadratic on a corpus
            by_doc.setdefault(c.doc, []).append(c)
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "documents": [
                {
                    "doc": d.name,
                    "date": d.date.isoformat() if d.date else None,
                    "date_source": d.date_source,
                    "claims": [c.to_dict() for c in by_doc.get(d.name, [])],
                }
                for d in self.documents
            ],
            "findings": [f.to_dict() for f in self.findings],
            "summary": {**self.verdict_counts(), "warnings": len(self.warnings)},
        }
        if self.unlisted_notes:
            out["unlisted_notes"] = dict(self.unlisted_notes)
        if self.stats:
            out["stats"] = dict(self.stats)
        if self.warnings:
            out["warnings"] = [w.to_dict() for w in self.warnings]
        if self.baseline_status or self.resolved_ids:
            out["baseline"] = {
                "status": dict(self.baseline_status),
                "resolved": list(self.resolved_ids),
            }
        return out


def is_note(f: Finding) -> bool:
    """A note: a related pair that is not comparable, or a contradiction only at note level (agreements are
    not notes: they have options of their own)."""
    return f.verdict == "not_comparable" or (f.verdict == "contradiction" and f.level == "note")


def finding_id(rule: str, verdict: str, metric: str, claims: Sequence[Claim]) -> str:
    """A fingerprint that survives edits elsewhere in the documents: no line numbers, no offsets."""
    parts = sorted((c.doc or "", c.quantity.text, c.sentence) for c in claims)
    blob = json.dumps([rule, verdict, metric, parts], ensure_ascii=False)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:16]
