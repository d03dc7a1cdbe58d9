"""GitLab Code Quality JSON (``artifacts: reports: codequality``): merge requests show each finding on its line.

One issue per contradiction and per not-comparable pair (as ``info``), placed on its first (changed)
claim. The fingerprint is the baseline's content fingerprint (rule, values, quotes; no path or line),
so GitLab sees a moved file or a reflowed paragraph as the same issue, not as one fixed and one new.
"""
from __future__ import annotations

import json
from typing import Any

from ..baseline import fingerprint
from ..model import Report
from . import _common as c

#: factcheck level -> Code Quality severity (info, minor, major, critical, blocker).
SEVERITY = {"error": "critical", "warning": "major", "note": "minor"}


def to_gitlab(report: Report) -> list[dict[str, Any]]:
    """The Code Quality issues as a list of dicts."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for f in c.reported_findings(report):
        claim = c.primary_claim(report, f)
        fp = fingerprint(f)
        if fp in seen:  # the same pair in two places: keep both issues, each with its own fingerprint
            fp = f"{fp}-{f.id}"
        seen.add(fp)
        severity = SEVERITY.get(f.level, "major") if f.verdict == "contradiction" else "info"
        out.append({
            "description": f"[{f.rule}] {c.line_message(f, claim)}",
            "check_name": f.rule,
            "fingerprint": fp,
            "severity": severity,
            "location": {"path": (claim.doc or "").replace("\\", "/"), "lines": {"begin": max(1, claim.quantity.line)}},
        })
    return out


def render(report: Report, *, color: bool = False) -> str:
    """Code Quality JSON; `color` is ignored."""
    return json.dumps(to_gitlab(report), indent=2, ensure_ascii=False) + "\n"
