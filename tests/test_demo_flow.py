"""The CI story end to end, in a throw-away git repository, through the real command line.

1. a repository already holds the two seed press releases, which disagree (12% vs 16% trade
   growth in 2021); ``factcheck baseline create`` accepts that and the baseline is committed;
2. a pull request adds a third press release saying trade grew 9 percent in 2021;
3. ``factcheck check seeds --changed-since HEAD~1 --baseline .factcheck-baseline.json`` fails
   and names only findings that involve the new document;
4. correcting the new document makes the check pass.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-22"
NEW_DOC = "seeds/002_overchuk_baku.txt"

THIRD_RELEASE = """Alexei Overchuk holds talks in Baku on trade and transport

RUSSIA, November 25 - Alexei Overchuk holds talks in Baku on trade and transport

25 November 2022

Deputy Prime Minister Alexei Overchuk met with Deputy Prime Minister of Azerbaijan Shahin Mustafayev in Baku to review the work of the intergovernmental commission.

Alexei Overchuk: "Our economic ties are growing steadily. Russia-Azerbaijan trade grew 9 percent in 2021, and we expect further growth this year."

The sides discussed the North-South International Transport Corridor, customs procedures at border checkpoints and new joint projects in agriculture.
"""

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "GIT_"))}
    env.update({"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1"})
    return env


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=repo, env=_env(repo.parent), capture_output=True, text=True, check=False)
    assert proc.returncode == 0, (args, proc.stderr)
    return proc.stdout


def factcheck(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=repo, env=_env(repo.parent),
                          capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)


def gate(repo: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """The CI command of the demo."""
    return factcheck(repo, "check", "seeds", "--changed-since", "HEAD~1", "--baseline", ".factcheck-baseline.json",
                     "--today", TODAY, *extra)


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def failing(data: dict) -> list[dict]:
    """New contradictions: what makes the gate fail."""
    status = data["baseline"]["status"]
    return [f for f in data["findings"] if f["verdict"] == "contradiction" and status[f["id"]] == "new"]


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "demo"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.name", "Demo")
    git(repo, "config", "user.email", "demo@example.invalid")
    git(repo, "config", "commit.gpgsign", "false")
    shutil.copytree(ROOT / "seeds", repo / "seeds")
    commit(repo, "seed press releases")
    proc = factcheck(repo, "baseline", "create", "seeds", "--today", TODAY)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("wrote .factcheck-baseline.json:")
    commit(repo, "accept the known disagreements")
    return repo


def test_baseline_accepts_the_seeds(repo: Path) -> None:
    data = json.loads((repo / ".factcheck-baseline.json").read_text(encoding="utf-8"))
    seed_docs = {"seeds/000_f66646b3748cdafc.txt", "seeds/001_2e2350a56879185a.txt"}
    assert data["findings"] and all(set(e["docs"]) <= seed_docs for e in data["findings"])
    assert any(e["verdict"] == "contradiction" and e["metric"] == "trade growth" for e in data["findings"])
    # the whole corpus now passes against its baseline
    proc = factcheck(repo, "check", "seeds", "--baseline", ".factcheck-baseline.json", "--today", TODAY)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_new_press_release_fails_then_passes_when_corrected(repo: Path) -> None:
    (repo / NEW_DOC).write_text(THIRD_RELEASE, encoding="utf-8")
    commit(repo, "add the Overchuk press release")

    # --- the pull request with "9 percent" fails, naming only findings on the new document
    proc = gate(repo)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "9% [8.5–9.5]" in proc.stdout and "new" in proc.stdout
    data = json.loads(gate(repo, "--format", "json").stdout)
    assert data["findings"], "the new document's findings are reported"
    for f in data["findings"]:
        assert any(c["doc"] == NEW_DOC for c in f["claims"]), f"seed-only finding reported: {f['id']}"
    bad = failing(data)
    assert bad and all(f["metric"] == "trade growth" for f in bad)
    for f in bad:
        new_side = [c for c in f["claims"] if c["doc"] == NEW_DOC]
        assert [c["value"] for c in new_side] == [9.0]
        assert new_side[0]["period"]["label"] == "2021"
    # the annotations a PR would show are about the new document's figure only
    gh = gate(repo, "--format", "github").stdout
    errors = [line for line in gh.splitlines() if line.startswith("::error ")]
    assert len(errors) == len(bad) and all("9%25" in line for line in errors)

    # --- "9 percent" -> "16 percent": the 9% findings are gone, but 16% still disputes Mr Asadov's
    # "about 12 percent" in the first seed. That pair is a new finding (new document), so the gate
    # still fails, on exactly that one contradiction.
    text = THIRD_RELEASE.replace("grew 9 percent", "grew 16 percent")
    (repo / NEW_DOC).write_text(text, encoding="utf-8")
    commit(repo, "use the official 16 percent")
    data = json.loads(gate(repo, "--format", "json").stdout)
    assert not any(c["value"] == 9.0 for f in data["findings"] for c in f["claims"])
    bad = failing(data)
    assert len(bad) == 1
    values = sorted((c["doc"], c["value"]) for c in bad[0]["claims"])
    assert values == [("seeds/000_f66646b3748cdafc.txt", 12.0), (NEW_DOC, 16.0)]
    assert gate(repo).returncode == 1

    # --- the corrected release states the figure no one disputes (the $3.3 billion of the second
    # seed): the gate passes, and the agreement is reported
    text = THIRD_RELEASE.replace("grew 9 percent in 2021", "reached $3.3 billion in 2021")
    (repo / NEW_DOC).write_text(text, encoding="utf-8")
    commit(repo, "state the 2021 trade volume instead")
    proc = gate(repo)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads(gate(repo, "--format", "json").stdout)
    assert not failing(data)
    assert any(f["verdict"] == "agreement" and f["metric"] == "trade volume" for f in data["findings"])
    assert gate(repo, "--format", "github").stdout.count("::error ") == 0


def test_uncommitted_change_counts_as_changed(repo: Path) -> None:
    (repo / NEW_DOC).write_text(THIRD_RELEASE, encoding="utf-8")  # untracked, not committed
    proc = factcheck(repo, "check", "seeds", "--changed-since", "HEAD", "--baseline", ".factcheck-baseline.json",
                     "--today", TODAY)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "9% [8.5–9.5]" in proc.stdout
    gh = factcheck(repo, "check", "seeds", "--changed-since", "HEAD", "--baseline", ".factcheck-baseline.json",
                   "--today", TODAY, "--format", "github").stdout
    assert gh and all(f"file={NEW_DOC}" in line or NEW_DOC in line for line in gh.splitlines())


def test_changed_since_unknown_ref_is_one_line(repo: Path) -> None:
    proc = factcheck(repo, "check", "seeds", "--changed-since", "no-such-ref", "--today", TODAY)
    assert proc.returncode == 2
    assert len(proc.stderr.splitlines()) == 1 and "no-such-ref" in proc.stderr and "Traceback" not in proc.stderr
