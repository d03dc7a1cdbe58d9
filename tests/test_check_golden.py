"""Golden, data-driven cross-check cases: input documents -> the findings that must (not) appear."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

import factcheck

CASES = yaml.safe_load((Path(__file__).parent / "data" / "check" / "golden.yaml").read_text())["cases"]
TODAY = dt.date(2026, 11, 22)


def _matches(finding: dict[str, Any], exp: dict[str, Any]) -> bool:
    if finding["verdict"] != exp["verdict"]:
        return False
    if "rule" in exp and finding["rule"] != exp["rule"]:
        return False
    if "metric" in exp and finding["metric"] != exp["metric"]:
        return False
    if "docs" in exp and sorted({c["doc"] for c in finding["claims"]}) != sorted(exp["docs"]):
        return False
    return True


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_case(case: dict[str, Any]) -> None:
    dates = {k: (v if isinstance(v, dt.date) else dt.date.fromisoformat(v)) for k, v in (case.get("dates") or {}).items()}
    report = factcheck.check_texts(case["documents"], dates=dates, today=TODAY).to_dict()
    summary = [(f["verdict"], f["rule"], f["metric"], f["message"]) for f in report["findings"]]
    for exp in case.get("expect", []):
        assert any(_matches(f, exp) for f in report["findings"]), f"missing {exp}; found {summary}"
    for exp in case.get("expect_not", []):
        assert not any(_matches(f, exp) for f in report["findings"]), f"unexpected {exp}; found {summary}"
