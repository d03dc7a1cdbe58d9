"""`factcheck rules list --rules DIR` on each broken rule file: exit 2, one stderr line, no traceback.

Needs the CLI (`factcheck.cli`); until it lands these fail.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BAD = Path(__file__).parent / "data" / "bad_rules"
BAD_CASES = {
    case: (spec["file"], spec["line"], spec["message"])
    for case, spec in json.loads((BAD / "expected.json").read_text(encoding="utf-8")).items()
    if not case.startswith("_")
}


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_rules_exit_2_with_one_line(case: str, tmp_path: Path) -> None:
    rel, line, fragment = BAD_CASES[case]
    proc = _run("rules", "list", "--rules", str(BAD / case), cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("factcheck: error: ") and lines[0].endswith(f" ({BAD / case / rel}:{line})"), lines[0]
    assert fragment in lines[0]


def test_rules_list_shows_the_shipped_rules(tmp_path: Path) -> None:
    proc = _run("rules", "list", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    for rule_id in ("economy.trade", "economy.trade_growth", "organisations.joint_ventures", "generic"):
        assert rule_id in proc.stdout
