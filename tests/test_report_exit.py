"""The exit-code decision: which findings fail a CI run."""
from __future__ import annotations

import dataclasses

import pytest
from conftest_report import seed_report, with_level

from factcheck.errors import ExitCode, FactcheckError
from factcheck.report import decide_exit, failing_findings
from factcheck.report import render as render_fmt

CLEAN, FAIL = ExitCode.CLEAN, ExitCode.FINDINGS


@pytest.mark.parametrize(
    ("contradiction_level", "fail_on", "baseline", "exit_zero", "expected"),
    [
        ("error", "error", None, False, FAIL),
        ("error", "warning", None, False, FAIL),
        ("error", "note", None, False, FAIL),
        ("warning", "error", None, False, CLEAN),
        ("warning", "warning", None, False, FAIL),
        ("warning", "note", None, False, FAIL),
        ("note", "error", None, False, CLEAN),
        ("note", "warning", None, False, CLEAN),
        ("note", "note", None, False, FAIL),
        ("error", "error", None, True, CLEAN),
        ("error", "error", "new", False, FAIL),
        ("error", "error", "unchanged", False, CLEAN),
        ("error", "note", "unchanged", False, CLEAN),
        ("error", "error", "new", True, CLEAN),
    ],
)
def test_decide_exit_table(contradiction_level: str, fail_on: str, baseline: str | None, exit_zero: bool, expected: ExitCode) -> None:
    r = with_level(seed_report(), "fc-0001", contradiction_level)
    if baseline:
        r = dataclasses.replace(r, baseline_status=(("fc-0001", baseline), ("fc-0002", "new"), ("fc-0003", "new")))
    assert decide_exit(r, fail_on=fail_on, exit_zero=exit_zero) == expected


def test_not_comparable_and_agreements_never_fail() -> None:
    r = seed_report()
    r = dataclasses.replace(r, findings=r.findings[1:])
    r = with_level(with_level(r, "fc-0002", "error"), "fc-0003", "error")
    assert decide_exit(r, fail_on="note") == CLEAN


def test_baseline_applied_with_only_resolved_ids_still_counts_unknown_as_new() -> None:
    r = dataclasses.replace(seed_report(), resolved_ids=("gone",))
    assert decide_exit(r) == FAIL
    assert [f.id for f in failing_findings(r)] == ["fc-0001"]


def test_empty_report_is_clean() -> None:
    from factcheck.model import Report

    assert decide_exit(Report((), (), ())) == CLEAN


def test_bad_fail_on_is_usage_error() -> None:
    with pytest.raises(FactcheckError, match="--fail-on"):
        decide_exit(seed_report(), fail_on="critical")


def test_render_unknown_format() -> None:
    with pytest.raises(FactcheckError, match="unknown format"):
        render_fmt(seed_report(), "pdf")
