"""`factcheck index` and `factcheck check --against` through the real entry point, in a scratch directory."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import run
from index_corpus import index_problems, stories

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


def test_index_adds_skips_replaces_and_removes(work: Path) -> None:
    first = run(work, "index", "archive", "--db", "c.db")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("c.db: 13 added, 0 replaced, 0 unchanged, 0 removed;")
    assert run(work, "index", "archive", "--db", "c.db").stdout.startswith(
        "c.db: 0 added, 0 replaced, 13 unchanged, 0 removed; 0 claims written")
    belmar = work / "archive" / "wire" / "belmar1.txt"
    belmar.write_text(belmar.read_text(encoding="utf-8").replace("4,100", "4,200"), encoding="utf-8")
    (work / "archive" / "mkt" / "b.txt").unlink()
    third = run(work, "index", "archive", "--db", "c.db", "--batch-size", "2")
    assert third.stdout.startswith("c.db: 0 added, 1 replaced, 11 unchanged, 1 removed;"), third.stdout
    assert index_problems(work / "c.db") == []


def test_check_against_reports_the_new_documents_findings(work: Path) -> None:
    assert run(work, "index", "archive", "--db", "c.db").returncode == 0
    proc = run(work, "check", "new", "--against", "c.db", "--today", TODAY, "--format", "json", "--fail-on", "warning")
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert [d["doc"] for d in report["documents"]] == ["new/wire/belmar2.txt", "new/wire/corvane-corrected.txt"]
    contradictions = [f for f in report["findings"] if f["verdict"] == "contradiction"]
    docs = sorted(sorted({c["doc"] for c in f["claims"]}) for f in contradictions)
    assert ["archive/wire/belmar1.txt", "new/wire/belmar2.txt"] in docs
    revision = [f for f in contradictions if "revision" in f]
    assert [f["revision"] for f in revision] == [{"earlier": "archive/wire/corvane.txt",
                                                  "later": "new/wire/corvane-corrected.txt", "marker": "Corrected"}]
    text = run(work, "check", "new", "--against", "c.db", "--today", TODAY)
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


def test_check_against_an_index_of_other_rules_says_to_index_again(work: Path) -> None:
    more = work / "more" / "lexicon"
    more.mkdir(parents=True)
    (more / "units.yaml").write_text("units: {}\n", encoding="utf-8")
    assert run(work, "index", "archive", "--db", "c.db", "--rules", "more").returncode == 0
    proc = run(work, "check", "new", "--against", "c.db", "--today", TODAY)
    assert proc.returncode == 2 and "indexed under other rules" in proc.stderr
    again = run(work, "check", "new", "--against", "c.db", "--today", TODAY, "--rules", "more", "--fail-on", "warning")
    assert again.returncode == 1, again.stderr
