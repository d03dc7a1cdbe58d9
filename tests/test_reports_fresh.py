"""reports/ holds what `python scripts/regenerate_reports.py` produces from seeds/ right now.

When this fails after a change to the pipeline or the renderers, look at the diff, then run
``python scripts/regenerate_reports.py`` and commit reports/.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "regenerate_reports.py"
NAMES = ("seeds.txt", "seeds.json", "seeds.md", "seeds.html", "seeds.sarif", "seeds.junit.xml", "seeds.github.txt",
         "seeds.line.txt", "seeds.gitlab.json")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, check=False)


def test_committed_reports_are_fresh() -> None:
    proc = _run("--check")
    assert proc.returncode == 0, proc.stderr + "\nregenerate with: python scripts/regenerate_reports.py"


def test_check_mode_lists_stale_files_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    (out / "seeds.json").write_text("{}\n", encoding="utf-8")
    proc = _run("--check", "--out", str(out))
    assert proc.returncode == 1
    for name in NAMES:
        assert name in proc.stderr, name
    assert "seeds.json: differs" in proc.stderr and "seeds.txt: missing" in proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["seeds.json"]
    assert (out / "seeds.json").read_text(encoding="utf-8") == "{}\n"


def test_regeneration_is_deterministic_and_matches_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    assert _run("--out", str(out)).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(NAMES)
    again = _run("--check", "--out", str(out))
    assert again.returncode == 0, again.stderr
    # the same bytes the committed copies hold (no timestamps, no machine-specific paths)
    for name in NAMES:
        text = (out / name).read_text(encoding="utf-8")
        assert str(ROOT) not in text and str(tmp_path) not in text, name
