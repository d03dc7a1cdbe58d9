"""kill -9 `factcheck index` at any moment: the index stays consistent, and a rerun completes it.

Each batch of documents is one transaction (SQLite in WAL mode, or PostgreSQL), with the name counts kept
beside the documents, so a killed run leaves the index as it was after its last whole batch.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from itertools import groupby
from pathlib import Path
from typing import Callable

import pytest
from index_corpus import index_problems, index_rows, stories

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


def _content(db: str | Path) -> list[tuple]:
    rows = index_rows(db, "SELECT d.name, d.hash, d.claims, c.body FROM documents d "
                          "LEFT JOIN claims c ON c.doc_id = d.id ORDER BY d.name, c.id")
    return [(*key, "|".join(r[3] for r in group if r[3] is not None))
            for key, group in groupby(rows, key=lambda r: r[:3])]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_kill_9_at_any_moment_of_an_index_run_leaves_a_consistent_index_that_a_rerun_completes(
        tmp_path: Path, new_index: Callable[[], str]) -> None:
    _corpus(tmp_path / "docs", 16)
    target = new_index()  # the killed runs' index; the clean run's reference is an SQLite file
    db, seen = ("c.db", tmp_path / "c.db") if target.endswith(".db") else (target, target)
    args = [sys.executable, "-m", "factcheck", "index", "docs", "--batch-size", "8", "--db"]
    started = time.monotonic()
    clean = subprocess.run([*args, "clean.db"], cwd=tmp_path, env=_env(), capture_output=True, timeout=300, check=False)
    took = time.monotonic() - started
    assert clean.returncode == 0, clean.stderr
    want = _content(tmp_path / "clean.db")
    assert len(want) == 16 * len(stories())
    killed = 0
    for k in range(8):  # kill at spread moments, up to the end of a run that has less left to do each time
        proc = subprocess.Popen([*args, db], cwd=tmp_path, env=_env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(took * (0.15 + 0.1 * k))
        proc.send_signal(signal.SIGKILL)
        killed += proc.wait(timeout=30) == -signal.SIGKILL
        if db != "c.db" or (tmp_path / "c.db").exists():
            assert index_problems(seen) == [], k
    assert killed >= 2  # the kills did land mid-run
    rerun = subprocess.run([*args, db], cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=300,
                           check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert index_problems(seen) == []
    assert _content(seen) == want
