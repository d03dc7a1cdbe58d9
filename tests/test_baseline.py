"""Baseline files: create, load, compare, prune; and --changed-since restriction."""
from __future__ import annotations

import dataclasses
import json
import subprocess
from pathlib import Path

import pytest
from conftest_report import seed_report

from factcheck import baseline as bl
from factcheck import vcs
from factcheck.errors import FactcheckError
from factcheck.model import Report


def _drop(report: Report, *ids: str) -> Report:
    return dataclasses.replace(report, findings=tuple(f for f in report.findings if f.id not in ids))


def _rename(report: Report, old: str, new: str) -> Report:
    return dataclasses.replace(
        report, findings=tuple(dataclasses.replace(f, id=new) if f.id == old else f for f in report.findings)
    )


def _replaced(report: Report, old: str, new: str) -> Report:
    """`old` fixed and another finding `new` introduced: a new id and other claims (other values, quotes)."""
    other = report.findings[2].claims
    return dataclasses.replace(
        report, findings=tuple(dataclasses.replace(f, id=new, claims=other) if f.id == old else f
                               for f in report.findings))


def test_create_sorted_without_line_numbers() -> None:
    r = seed_report()
    r = dataclasses.replace(r, findings=tuple(reversed(r.findings)))
    data = bl.create(r)
    assert data["schema_version"] == bl.BASELINE_SCHEMA_VERSION
    ids = [e["id"] for e in data["findings"]]
    assert ids == sorted(ids) == ["fc-0001", "fc-0002"]  # agreements are not baselined
    assert data["findings"][0] == {
        "id": "fc-0001", "fingerprint": bl.fingerprint(r.findings[-1]), "rule": "trade", "metric": "trade growth", "verdict": "contradiction", "docs": ["000.txt", "001.txt"],
    }
    text = bl.dumps(data)
    assert '"line"' not in text and '"start"' not in text and "50" not in text
    assert bl.dumps(bl.create(seed_report())) == text  # stable


def test_save_load_roundtrip(tmp_path: Path) -> None:
    path = tmp_path / ".factcheck-baseline.json"
    bl.save(path, bl.create(seed_report()))
    loaded = bl.load(path)
    assert loaded.ids == {"fc-0001", "fc-0002"}
    assert loaded.to_dict() == bl.create(seed_report())


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (None, "not found"),
        ("{not json", r"baseline is not valid JSON: .*:1:2\)"),
        ("[]", "JSON object"),
        ('{"schema_version": "9.0", "findings": []}', "unsupported baseline schema_version"),
        ('{"schema_version": "1.0", "findings": {}}', "must be a list"),
        ('{"schema_version": "1.0", "findings": [{"rule": "x"}]}', r"findings\[0\]"),
        ('{"schema_version": "1.0", "findings": [{"id": "a", "docs": "x"}]}', r"docs must be a list"),
    ],
)
def test_load_errors_are_one_line(tmp_path: Path, content: str | None, match: str) -> None:
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(FactcheckError, match=match) as err:
        bl.load(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_load_directory(tmp_path: Path) -> None:
    with pytest.raises(FactcheckError, match="directory"):
        bl.load(tmp_path)


def test_compare_marks_new_unchanged_resolved() -> None:
    base = bl.from_dict(bl.create(seed_report()))
    later = _replaced(seed_report(), "fc-0002", "fc-0009")  # fc-0002 fixed, fc-0009 introduced
    out = bl.compare(later, base)
    assert dict(out.baseline_status) == {"fc-0001": "unchanged", "fc-0009": "new", "fc-0003": "new"}
    assert out.resolved_ids == ("fc-0002",)
    assert out.findings == later.findings  # a copy, nothing else changed
    assert later.baseline_status == ()  # the input is untouched
    assert [f.id for f in bl.new_findings(out)] == ["fc-0009"]
    assert out.to_dict()["baseline"]["resolved"] == ["fc-0002"]


def test_new_findings_without_baseline_is_everything_but_agreements() -> None:
    assert [f.id for f in bl.new_findings(seed_report())] == ["fc-0001", "fc-0002"]


def test_prune_only_removes() -> None:
    base = bl.from_dict(bl.create(seed_report()))
    later = _rename(_drop(seed_report(), "fc-0001"), "fc-0002", "fc-0002")
    brand_new = dataclasses.replace(seed_report().findings[0], id="fc-brand-new", claims=seed_report().findings[2].claims)
    later = dataclasses.replace(later, findings=later.findings + (brand_new,))
    pruned = bl.prune(base, later)
    assert [e["id"] for e in pruned["findings"]] == ["fc-0002"]  # fc-0001 gone, fc-brand-new NOT added
    assert bl.prune(bl.from_dict(pruned), seed_report()) == pruned  # never grows back
    empty = bl.prune(base, Report((), (), ()))
    assert empty["findings"] == [] and empty["schema_version"] == bl.BASELINE_SCHEMA_VERSION


def test_prune_keeps_hand_edited_fields() -> None:
    data = bl.create(seed_report())
    data["findings"][0]["metric"] = "renamed by a human"
    pruned = bl.prune(bl.from_dict(data), seed_report())
    assert pruned["findings"][0]["metric"] == "renamed by a human"


# --- changed-since ------------------------------------------------------------------------------


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.com", "HOME": str(cwd), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if subprocess.run(["git", "--version"], capture_output=True).returncode != 0:
        pytest.skip("git not installed")
    _git(tmp_path, "init", "-q", "-b", "main")
    for name in ("000.txt", "001.txt", "keep.txt", "gone.txt", "docs/sub.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("ignored.txt\n", encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "init")
    return tmp_path


def test_changed_files(repo: Path) -> None:
    (repo / "000.txt").write_text("edited", encoding="utf-8")
    (repo / "docs/sub.txt").write_text("edited", encoding="utf-8")
    (repo / "gone.txt").unlink()
    (repo / "new file.txt").write_text("new", encoding="utf-8")
    (repo / "ignored.txt").write_text("ignored", encoding="utf-8")
    got = vcs.changed_files("HEAD", repo / "docs")
    assert got == {(repo / p).resolve() for p in ("000.txt", "docs/sub.txt", "new file.txt")}


def test_changed_files_committed_since_ref(repo: Path) -> None:
    (repo / "001.txt").write_text("edited", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "edit")
    assert vcs.changed_files("HEAD~1", repo) == {(repo / "001.txt").resolve()}
    assert vcs.changed_files("HEAD", repo) == set()


@pytest.mark.parametrize("ref", ["no-such-ref", "--output=/tmp/x", ""])
def test_changed_files_bad_ref(repo: Path, ref: str) -> None:
    with pytest.raises(FactcheckError, match="ref") as err:
        vcs.changed_files(ref, repo)
    assert "\n" not in str(err.value)


def test_changed_files_not_a_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    with pytest.raises(FactcheckError, match="not inside a git repository"):
        vcs.changed_files("HEAD", tmp_path)


def test_restrict_to_and_docs_in(tmp_path: Path) -> None:
    r = dataclasses.replace(seed_report(), baseline_status=(("fc-0001", "new"), ("fc-0002", "new"), ("fc-0003", "new")))
    only = vcs.restrict_to(r, {"000.txt"})
    assert [f.id for f in only.findings] == ["fc-0001", "fc-0002", "fc-0003"]
    none = vcs.restrict_to(r, {"elsewhere.txt"})
    assert none.findings == () and none.baseline_status == () and none.claims == r.claims
    assert vcs.docs_in(r, {(tmp_path / "001.txt").resolve(), tmp_path / "x.txt"}, tmp_path) == {"001.txt"}
    json.dumps(none.to_dict())
