"""SARIF 2.1.0 for GitHub code scanning and IDE viewers.

One result per contradiction (at the finding's level) and per not-comparable finding (as a
note); agreements are not problems and are left out. ``partialFingerprints`` carries the
finding id so code scanning tracks a finding across pushes even as line numbers move.
"""
from __future__ import annotations

import json
import re
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..errors import Problem
from ..model import Claim, Finding, Report
from ..paths import portable_path
from . import _common as c

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "factcheckFindingId/v1"
_LEVELS = {"error": "error", "warning": "warning", "note": "note"}


def _uri(doc: str | None) -> str:
    """A URI reference for the document: relative paths stay relative (code scanning wants that)."""
    name = (doc or "unknown").replace("\\", "/")
    if PurePosixPath(name).is_absolute():
        return "file://" + quote(name, safe="/")
    if PureWindowsPath(doc or "").is_absolute():
        return "file:///" + quote(name, safe="/:")
    return quote(name, safe="/")


def _location(report: Report, claim: Claim, index: int | None = None, message: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(1, claim.quantity.line)}
    col = c.column_of(report, claim)
    if col is not None:
        region["startColumn"] = col
        if "\n" not in claim.quantity.text:
            region["endColumn"] = col + len(claim.quantity.text)
    region["snippet"] = {"text": claim.quantity.text}
    loc: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": _uri(claim.doc)}, "region": region},
    }
    if index is not None:
        loc["id"] = index
    if message:
        loc["message"] = {"text": message}
    return loc


def _rules(report: Report, findings: list[Finding]) -> list[dict[str, Any]]:
    """Rule descriptors from the report's rule metadata, plus a bare one for any rule it lacks."""
    meta = {str(r["id"]): r for r in report.rules if r.get("id")}
    ids = sorted(set(meta) | {f.rule for f in findings})
    out = []
    for rid in ids:
        r = meta.get(rid, {})
        title = str(r.get("title") or rid)
        desc: dict[str, Any] = {"id": rid, "name": rid, "shortDescription": {"text": title}}
        help_text = " ".join(str(r.get("description") or "").split())
        if help_text:
            desc["fullDescription"] = {"text": help_text}
            desc["help"] = {"text": help_text, "markdown": f"**{title}**\n\n{help_text}"}
        elif r.get("message"):
            desc["fullDescription"] = {"text": str(r["message"])}
        if r.get("help_uri"):  # only a real page: SARIF lets a rule go without one
            desc["helpUri"] = str(r["help_uri"])
        level = _LEVELS.get(str(r.get("level", "")), None)
        if level:
            desc["defaultConfiguration"] = {"level": level}
        props: dict[str, Any] = {}
        if r.get("path"):
            props["path"] = portable_path(str(r["path"]))
        if props:
            desc["properties"] = props
        out.append(desc)
    return out


def _result(report: Report, f: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    first = c.primary_claim(report, f)
    others = [cl for cl in f.claims if cl is not first]
    lines = [f"{f.metric}: {c.finding_headline(f)}"] + [f"- {c.claim_summary(cl)}" for cl in f.claims]
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index[f.rule],
        "level": _LEVELS.get(f.level, "warning") if f.verdict == "contradiction" else "note",
        "message": {"text": "\n".join(lines)},
        "locations": [_location(report, first)],
        "partialFingerprints": {FINGERPRINT_KEY: f.id},
        "properties": {"metric": f.metric, "verdict": f.verdict, "findingId": f.id},
    }
    if f.reason:
        result["properties"]["reason"] = f.reason
    if others:
        result["relatedLocations"] = [
            _location(report, cl, i, c.claim_summary(cl)) for i, cl in enumerate(others, start=1)
        ]
    status = report.status_of(f.id)
    if status in ("new", "unchanged"):
        result["baselineState"] = status
    return result


_WHERE_LINE = re.compile(r"^(?P<path>.+):(?P<line>[0-9]+)$")


def _notification(problem: Problem) -> dict[str, Any]:
    """A warning of the run (not a finding) as a tool execution notification, placed where it was given."""
    note: dict[str, Any] = {"level": "warning", "message": {"text": problem.what},
                            "descriptor": {"id": f"factcheck.warning.{problem.kind}"}}
    m = _WHERE_LINE.match(problem.where)
    path, line = (m["path"], int(m["line"])) if m else (problem.where, None)
    if path:
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(portable_path(path))}}
        if line:
            physical["region"] = {"startLine": line}
        note["locations"] = [{"physicalLocation": physical}]
    return note


def to_sarif(report: Report) -> dict[str, Any]:
    """The SARIF log as a dict, for callers (and tests) that want to inspect it."""
    findings = c.reported_findings(report)
    rules = _rules(report, findings)
    rule_index = {r["id"]: i for i, r in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "factcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(report, f, rule_index) for f in findings],
    }
    if report.warnings:  # what the run warned about, counted as the text summary counts it
        run["invocations"] = [{"executionSuccessful": True,
                               "toolExecutionNotifications": [_notification(w) for w in report.warnings]}]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, *, color: bool = False) -> str:
    """SARIF 2.1.0 JSON; `color` is ignored."""
    return json.dumps(to_sarif(report), indent=2, ensure_ascii=False) + "\n"
