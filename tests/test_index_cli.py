"""`factcheck index` and `factcheck check --against` through the real entry point, in a scratch directory,
with the index in an SQLite file and in a PostgreSQL database (`--db postgresql://...`)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from clirun import run
from index_corpus import golden, index_problems, stories

TODAY = "2032-01-01"


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    """archive/ (the made-up stories but the Belmar rival and the correction) and new/ (those two)."""
    for d in stories():
        folder = "new" if d.name in ("wire/belmar2.txt", "wire/corvane-corrected.txt") else "archive"
        path = tmp_path / folder / d.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ndate: {d.date.isoformat()}\n---\n{d.text}", encoding="utf-8")
    return tmp_path


@pytest.fixture()
def db(new_index: Callable[[], str], work: Path) -> str:
    """The index: ``c.db`` in the scratch directory, or a new PostgreSQL database's URL."""
    target = new_index()
    return "c.db" if target.endswith(".db") else target


def test_index_adds_skips_replaces_and_removes(work: Path, db: str) -> None:
    first = run(work, "index", "archive", "--db", db)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith(f"{db}: 13 added, 0 replaced, 0 unchanged, 0 removed;")
    assert run(work, "index", "archive", "--db", db).stdout.startswith(
        f"{db}: 0 added, 0 replaced, 13 unchanged, 0 removed; 0 claims written")
    belmar = work / "archive" / "wire" / "belmar1.txt"
    belmar.write_text(belmar.read_text(encoding="utf-8").replace("4,100", "4,200"), encoding="utf-8")
    (work / "archive" / "mkt" / "b.txt").unlink()
    third = run(work, "index", "archive", "--db", db, "--batch-size", "2")
    assert third.stdout.startswith(f"{db}: 0 added, 1 replaced, 11 unchanged, 1 removed;"), third.stdout
    assert index_problems(work / db if db == "c.db" else db) == []


def test_check_against_reports_the_new_documents_findings(work: Path, db: str) -> None:
    assert run(work, "index", "archive", "--db", db).returncode == 0
    proc = run(work, "check", "new", "--against", db, "--today", TODAY, "--format", "json", "--fail-on", "warning")
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert [d["doc"] for d in report["documents"]] == ["new/wire/belmar2.txt", "new/wire/corvane-corrected.txt"]
    contradictions = [f for f in report["findings"] if f["verdict"] == "contradiction"]
    docs = sorted(sorted({c["doc"] for c in f["claims"]}) for f in contradictions)
    assert ["archive/wire/belmar1.txt", "new/wire/belmar2.txt"] in docs
    revision = [f for f in contradictions if "revision" in f]
    assert [f["revision"] for f in revision] == [{"earlier": "archive/wire/corvane.txt",
                                                  "later": "new/wire/corvane-corrected.txt", "marker": "Corrected"}]
    text = run(work, "check", "new", "--against", db, "--today", TODAY)
    assert "corrected in new/wire/corvane-corrected.txt" in text.stdout


def test_check_against_a_missing_or_foreign_index_is_one_line_and_exit_2(work: Path) -> None:
    missing = run(work, "check", "new", "--against", "none.db", "--today", TODAY)
    assert missing.returncode == 2 and missing.stderr.strip().splitlines() == [
        "factcheck: error: none.db: no such claim index (build one with `factcheck index PATH... --db none.db`)"]
    (work / "junk.db").write_text("not a database", encoding="utf-8")
    junk = run(work, "check", "new", "--against", "junk.db", "--today", TODAY)
    assert junk.returncode == 2 and len(junk.stderr.strip().splitlines()) == 1 and "not a claim index" in junk.stderr
    nothing = run(work, "index", "nowhere", "--db", "c.db")
    assert nothing.returncode == 2 and "Traceback" not in nothing.stderr


def test_check_against_an_index_of_other_rules_says_to_index_again(work: Path, db: str) -> None:
    more = work / "more" / "lexicon"
    more.mkdir(parents=True)
    (more / "units.yaml").write_text("units: {}\n", encoding="utf-8")
    assert run(work, "index", "archive", "--db", db, "--rules", "more").returncode == 0
    proc = run(work, "check", "new", "--against", db, "--today", TODAY)
    assert proc.returncode == 2 and "indexed under other rules" in proc.stderr
    again = run(work, "check", "new", "--against", db, "--today", TODAY, "--rules", "more", "--fail-on", "warning")
    assert again.returncode == 1, again.stderr


def test_the_same_findings_from_an_sqlite_and_a_postgresql_index(work: Path, postgres_server: object) -> None:
    """The made-up stories, the golden cases' documents and the seeds, split between archive and batch,
    indexed in both; the batch checked against each gives the same report, byte for byte."""
    import shutil

    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").iterdir())
    for k, doc in enumerate(golden()):
        path = work / ("new" if k % 3 == 0 else "archive") / doc.name
        path.parent.mkdir(parents=True, exist_ok=True)
        dated = f"---\ndate: {doc.date.isoformat()}\n---\n" if doc.date else ""
        path.write_text(dated + doc.text, encoding="utf-8")
    for k, seed in enumerate(seeds):
        (work / ("new" if k % 2 else "archive") / "seeds").mkdir(parents=True, exist_ok=True)
        shutil.copy(seed, work / ("new" if k % 2 else "archive") / "seeds" / seed.name)
    url = postgres_server.new_database()  # type: ignore[attr-defined]
    reports = []
    for target in ("c.db", url):
        assert run(work, "index", "archive", "--db", target).returncode == 0
        proc = run(work, "check", "new", "--against", target, "--today", TODAY, "--format", "json",
                   "--fail-on", "warning")
        assert proc.returncode == 1, proc.stderr
        reports.append(proc.stdout)
    assert reports[0] == reports[1]
    findings = json.loads(reports[0])["findings"]
    assert len(findings) >= 20 and {f["verdict"] for f in findings} >= {"contradiction", "agreement"}


def _without_psycopg(tmp_path: Path) -> dict[str, str]:
    """An environment in which ``import psycopg`` fails, as where the extra is not installed."""
    shim = tmp_path / "no-psycopg"
    shim.mkdir(exist_ok=True)
    (shim / "psycopg.py").write_text("raise ModuleNotFoundError(\"No module named 'psycopg'\")\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["PYTHONPATH"] = os.pathsep.join([str(shim), *filter(None, [env.get("PYTHONPATH")])])
    env["NO_COLOR"] = "1"
    return env


def test_a_postgresql_url_without_psycopg_is_one_line_and_exit_2(work: Path) -> None:
    for args in (("index", "archive", "--db"), ("check", "new", "--today", TODAY, "--against")):
        proc = subprocess.run([sys.executable, "-m", "factcheck", *args, "postgresql://u:secret@db.example/claims"],
                              cwd=work, env=_without_psycopg(work), capture_output=True, text=True,
                              timeout=120, check=False)
        assert proc.returncode == 2 and proc.stderr.splitlines() == [
            "factcheck: error: postgresql://u:***@db.example/claims: a PostgreSQL index needs psycopg: "
            "pip install 'factcheck[postgres]'"], proc.stderr


def test_an_unreachable_postgresql_server_is_one_line_and_exit_2(work: Path) -> None:
    pytest.importorskip("psycopg")
    url = f"postgresql://factcheck:secret@/claims?host={work / 'no-server-here'}"
    for args in (("index", "archive", "--db"), ("check", "new", "--today", TODAY, "--against")):
        proc = run(work, *args, url)
        assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1, proc.stderr
        assert proc.stderr.startswith("factcheck: error: postgresql://factcheck:***@/claims?host=")
        assert "cannot open the PostgreSQL database" in proc.stderr and "secret" not in proc.stderr


def test_the_core_does_not_import_psycopg(work: Path) -> None:
    """An SQLite index needs nothing of the PostgreSQL extra: psycopg is imported only for a URL."""
    code = ("import sys; from factcheck.cli import main; main(['index', 'archive', '--db', 'c.db']); "
            "main(['check', 'new', '--against', 'c.db', '--today', %r]); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'psycopg'))" % TODAY)
    proc = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True, timeout=120,
                          check=False)
    assert proc.stdout.strip().splitlines()[-1] == "[]", proc.stderr
