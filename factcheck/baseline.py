"""Baselines: adopt factcheck on a corpus that already disagrees with itself, and fail only on new findings.

``.factcheck-baseline.json`` lists known findings by their stable id and their `fingerprint`, with
rule, metric, verdict and documents for the humans reviewing it, but no line numbers: editing text
above a claim must not turn a known finding into a "new" one.

The fingerprint is built from the rule, the verdict, each claim's normalised value and its quote with
case, punctuation and line breaks taken out, and no path or line (as semgrep and detekt match theirs):
a moved or renamed file, or a reflowed paragraph, keeps its baseline entry. A finding is known when
its id *or* its fingerprint is in the baseline, so baselines written before fingerprints still work.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import FactcheckError
from .model import Claim, Finding, Report
from .safeio import read_regular

BASELINE_SCHEMA_VERSION = "1.0"
DEFAULT_PATH = ".factcheck-baseline.json"

@dataclass(frozen=True)
class BaselineEntry:
    """One known finding."""

    id: str
    rule: str = ""
    metric: str = ""
    verdict: str = ""
    docs: tuple[str, ...] = ()
    #: Content fingerprint (see `fingerprint`); "" in baselines written before it existed.
    fingerprint: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id}
        if self.fingerprint:
            out["fingerprint"] = self.fingerprint
        out.update({"rule": self.rule, "metric": self.metric, "verdict": self.verdict, "docs": list(self.docs)})
        return out


@dataclass(frozen=True)
class Baseline:
    """A loaded baseline file."""

    entries: tuple[BaselineEntry, ...]
    schema_version: str = BASELINE_SCHEMA_VERSION
    path: str | None = None

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(e.id for e in self.entries)

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(e.fingerprint for e in self.entries if e.fingerprint)

    def knows(self, f: Finding) -> bool:
        """Whether `f` is in this baseline, by id or by content fingerprint."""
        return f.id in self.ids or fingerprint(f) in self.fingerprints

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": self.schema_version, "findings": [e.to_dict() for e in sorted(self.entries, key=lambda e: e.id)]}


_WORDS = re.compile(r"\w+")


def _norm_number(v: float | None) -> str:
    return "" if v is None else f"{v:.6g}"


def _claim_key(c: Claim) -> list[str]:
    """A claim without its place: its value as compared (or as stated) and its quote's words."""
    if c.norm_value is not None:
        values = (c.norm_value, c.norm_low, c.norm_high, c.norm_unit or "")
    else:
        q = c.quantity
        values = (q.value, q.low, q.high, q.unit or "")
    quote = " ".join(_WORDS.findall((c.sentence or c.quantity.text).casefold()))
    return [_norm_number(values[0]), _norm_number(values[1]), _norm_number(values[2]), str(values[3]), quote]


def fingerprint(f: Finding) -> str:
    """Rule, verdict, normalised values and normalised quotes; no path, no line, no offset."""
    parts = sorted(_claim_key(c) for c in f.claims)
    blob = json.dumps([f.rule, f.verdict, parts], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:20]


def _tracked(report: Report) -> list[Finding]:
    """Findings worth remembering: agreements are not problems, so they never enter a baseline."""
    return [f for f in report.findings if f.verdict != "agreement"]


def _entry(f: Finding) -> BaselineEntry:
    return BaselineEntry(id=f.id, rule=f.rule, metric=f.metric, verdict=f.verdict, docs=tuple(sorted(set(f.docs))),
                         fingerprint=fingerprint(f))


def create(report: Report) -> dict[str, Any]:
    """The baseline document for every non-agreement finding in `report`, sorted by id."""
    entries = {f.id: _entry(f) for f in _tracked(report)}
    return Baseline(tuple(entries[i] for i in sorted(entries))).to_dict()


def dumps(data: dict[str, Any]) -> str:
    """Stable text for the file, so regenerating an unchanged baseline gives an empty diff."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def save(path: str | os.PathLike[str], data: dict[str, Any]) -> None:
    """Write the baseline atomically."""
    from .report.output import write_atomic

    write_atomic(path, dumps(data))


#: A baseline holds ids, not text; anything larger is not one.
MAX_BASELINE_BYTES = 100_000_000


def from_dict(data: Any, source: str = "<baseline>") -> Baseline:
    """Validate a parsed baseline document; every problem is a one-line FactcheckError."""
    if not isinstance(data, dict):
        raise FactcheckError("baseline must be a JSON object with 'schema_version' and 'findings'", source)
    version = data.get("schema_version")
    if not isinstance(version, str) or version.split(".")[0] != BASELINE_SCHEMA_VERSION.split(".")[0]:
        raise FactcheckError(
            f"unsupported baseline schema_version {version!r} (expected {BASELINE_SCHEMA_VERSION}); "
            "recreate it with `factcheck baseline create`", source
        )
    items = data.get("findings")
    if not isinstance(items, list):
        raise FactcheckError("'findings' must be a list", source)
    entries = []
    for n, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
            raise FactcheckError(f"findings[{n}] must be an object with a non-empty string 'id'", source)
        fp = item.get("fingerprint", "")
        if not isinstance(fp, str):
            raise FactcheckError(f"findings[{n}].fingerprint must be a string", source)
        docs = item.get("docs", [])
        if not isinstance(docs, list) or not all(isinstance(d, str) for d in docs):
            raise FactcheckError(f"findings[{n}].docs must be a list of strings", source)
        entries.append(
            BaselineEntry(
                id=item["id"],
                rule=str(item.get("rule", "")),
                metric=str(item.get("metric", "")),
                verdict=str(item.get("verdict", "")),
                docs=tuple(docs),
                fingerprint=fp,
            )
        )
    return Baseline(tuple(entries), schema_version=version, path=source)


def load(path: str | os.PathLike[str]) -> Baseline:
    """Read a baseline file; a missing file or bad JSON is a clear one-line FactcheckError."""
    p = Path(path)
    if not p.exists() and not p.is_symlink():
        raise FactcheckError("baseline file not found (create it with `factcheck baseline create`)", str(p))
    try:
        raw = read_regular(p, MAX_BASELINE_BYTES, "baseline").decode("utf-8")
    except UnicodeDecodeError:
        raise FactcheckError("baseline is not UTF-8 text", str(p)) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise FactcheckError(f"baseline is not valid JSON: {exc.msg}", f"{p}:{exc.lineno}:{exc.colno}") from None
    except RecursionError:
        raise FactcheckError("baseline is not valid JSON: nested too deeply", str(p)) from None
    return from_dict(data, str(p))


def compare(report: Report, baseline: Baseline) -> Report:
    """A copy of `report` with each finding marked "new" or "unchanged" and vanished ids listed as resolved."""
    ids, prints_known = baseline.ids, baseline.fingerprints
    status = tuple(sorted((f.id, "unchanged" if f.id in ids or fingerprint(f) in prints_known else "new")
                          for f in report.findings))
    seen = {f.id for f in report.findings}
    prints = {fingerprint(f) for f in report.findings}
    resolved = tuple(sorted(e.id for e in baseline.entries if e.id not in seen and e.fingerprint not in prints))
    return dataclasses.replace(report, baseline_status=status, resolved_ids=resolved)


def prune(baseline: Baseline, report: Report) -> dict[str, Any]:
    """The baseline without entries the report no longer finds; never adds an entry."""
    seen = {f.id for f in report.findings}
    prints = {fingerprint(f) for f in report.findings}
    kept = tuple(e for e in baseline.entries if e.id in seen or (e.fingerprint and e.fingerprint in prints))
    return Baseline(kept, schema_version=BASELINE_SCHEMA_VERSION).to_dict()


def new_findings(report: Report) -> list[Finding]:
    """Non-agreement findings not in the baseline (all of them when no baseline was applied)."""
    return [f for f in _tracked(report) if report.status_of(f.id) in (None, "new")]
