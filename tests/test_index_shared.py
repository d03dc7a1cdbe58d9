"""One index shared by several writers at once, as several machines share one PostgreSQL index.

Writers frame in parallel and take turns to write (one transaction per batch; `backend` says how each
database makes them take turns), so several `factcheck index` runs into one fresh index, each over folders
of its own, leave what one run over all the folders leaves.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from index_corpus import index_problems, index_rows, stories

from factcheck.index.backend import shown

ROOT = Path(__file__).resolve().parents[1]


def _write(root: Path, copies: int) -> None:
    for k in range(copies):
        for d in stories():
            text = d.text.replace("31", str(31 + k % 4)).replace("4,100", f"4,{100 + k:03d}")
            path = root / f"desk{k % 3}" / f"day{k:02d}" / d.name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"---\ndate: {d.date.isoformat()}\n---\n{text}", encoding="utf-8")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _stored(target: str | Path) -> list[tuple]:
    return sorted(index_rows(target, "SELECT name, hash, claims FROM documents"))


def test_three_writers_at_once_leave_what_one_writer_leaves(tmp_path: Path, new_index: Callable[[], str]) -> None:
    _write(tmp_path, 9)
    index = [sys.executable, "-m", "factcheck", "index"]
    one = subprocess.run([*index, "desk0", "desk1", "desk2", "--db", "one.db"], cwd=tmp_path, env=_env(),
                         capture_output=True, text=True, timeout=300, check=False)
    assert one.returncode == 0, one.stderr
    target = new_index()
    db, seen = ("shared.db", tmp_path / "shared.db") if target.endswith(".db") else (target, target)
    runs = [subprocess.Popen([*index, f"desk{k}", "--db", db, "--batch-size", "4"], cwd=tmp_path, env=_env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for k in range(3)]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        assert out.startswith(f"{db}: {3 * len(stories())} added, 0 replaced, 0 unchanged, 0 removed;"), out
    assert index_problems(seen) == []
    assert _stored(seen) == _stored(tmp_path / "one.db")


@pytest.mark.parametrize(("url", "shows"), [
    ("postgresql://desk:s3cret@db.example:5432/claims", "postgresql://desk:***@db.example:5432/claims"),
    ("postgres://desk@/claims?host=/run/postgresql&password=s3cret", "postgres://desk@/claims?host=/run/postgresql"
                                                                     "&password=***"),
    ("postgresql://db.example/claims?sslmode=require", "postgresql://db.example/claims?sslmode=require"),
    ("claims.db", "claims.db"),
])
def test_a_url_is_shown_without_its_password(url: str, shows: str) -> None:
    assert shown(url) == shows
