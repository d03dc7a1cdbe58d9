"""kill -9 `factcheck index` at any moment: the index stays consistent, and a rerun completes it.

Each batch of documents is one SQLite transaction in WAL mode, with the name counts kept beside the
documents, so a killed run leaves the index as it was after its last whole batch.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from index_corpus import index_problems, stories

ROOT = Path(__file__).resolve().parents[1]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _corpus(root: Path, copies: int) -> None:
    """``copies`` variants of each made-up story, with other numbers, under ``root``."""
    for k in range(copies):
        for d in stories():
            text = d.text.replace("31", str(31 + k % 5)).replace("4,100", f"4,{100 + k:03d}")
            path = root / f"batch{k:02d}" / d.name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"---\ndate: {d.date.isoformat()}\n---\n{text}", encoding="utf-8")


def _content(db: Path) -> list[tuple]:
    conn = sqlite3.connect(str(db))
    try:
        return sorted(conn.execute("SELECT d.name, d.hash, d.claims, group_concat(c.body, '|') FROM documents d "
                                   "LEFT JOIN claims c ON c.doc_id = d.id GROUP BY d.id"))
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_kill_9_at_any_moment_of_an_index_run_leaves_a_consistent_index_that_a_rerun_completes(tmp_path: Path) -> None:
    _corpus(tmp_path / "docs", 16)
    args = [sys.executable, "-m", "factcheck", "index", "docs", "--batch-size", "8", "--db"]
    started = time.monotonic()
    clean = subprocess.run([*args, "clean.db"], cwd=tmp_path, env=_env(), capture_output=True, timeout=300, check=False)
    took = time.monotonic() - started
    assert clean.returncode == 0, clean.stderr
    want = _content(tmp_path / "clean.db")
    assert len(want) == 16 * len(stories())
    killed = 0
    for k in range(8):  # kill at spread moments, up to the end of a run that has less left to do each time
        proc = subprocess.Popen([*args, "c.db"], cwd=tmp_path, env=_env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(took * (0.15 + 0.1 * k))
        proc.send_signal(signal.SIGKILL)
        killed += proc.wait(timeout=30) == -signal.SIGKILL
        if (tmp_path / "c.db").exists():
            assert index_problems(tmp_path / "c.db") == [], k
    assert killed >= 2  # the kills did land mid-run
    rerun = subprocess.run([*args, "c.db"], cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=300,
                           check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert index_problems(tmp_path / "c.db") == []
    assert _content(tmp_path / "c.db") == want
