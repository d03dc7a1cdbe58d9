"""Atomic report writing and ``--output FORMAT=PATH`` parsing."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest_report import seed_report

from factcheck.errors import FactcheckError
from factcheck.report import RENDERERS
from factcheck.report import output as out_mod
from factcheck.report.output import parse_output_spec, write_atomic, write_outputs


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_write_atomic_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    write_atomic(target, "first\n")
    assert target.read_text(encoding="utf-8") == "first\n"
    write_atomic(target, "second – ünïcode\n")
    assert target.read_text(encoding="utf-8") == "second – ünïcode\n"
    assert _leftovers(tmp_path) == []


def test_write_atomic_respects_umask_and_existing_mode(tmp_path: Path) -> None:
    target = tmp_path / "r.txt"
    old = os.umask(0o022)
    try:
        write_atomic(target, "x")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0o600
    target.chmod(0o640)
    write_atomic(target, "y")
    assert target.stat().st_mode & 0o777 == 0o640


def test_render_failure_leaves_old_report(tmp_path: Path) -> None:
    target = tmp_path / "out.sarif"
    target.write_text("OLD", encoding="utf-8")
    other = tmp_path / "out.md"

    def boom(report, *, color=False):  # type: ignore[no-untyped-def]
        raise RuntimeError("renderer bug")

    RENDERERS["boom"] = boom
    try:
        with pytest.raises(RuntimeError):
            write_outputs(seed_report(), [("markdown", other), ("boom", target)])
    finally:
        del RENDERERS["boom"]
    assert target.read_text(encoding="utf-8") == "OLD"
    assert not other.exists()  # renders everything before writing anything
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("fail_at", ["fsync", "replace"])
def test_write_failure_leaves_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_at: str) -> None:
    target = tmp_path / "report.html"
    target.write_text("OLD", encoding="utf-8")

    def fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(out_mod.os, fail_at, fail)
    with pytest.raises(FactcheckError, match="No space left"):
        write_atomic(target, "NEW" * 1000)
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "OLD"
    assert _leftovers(tmp_path) == []


def test_write_atomic_interrupted_keeps_old(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.txt"
    target.write_text("OLD", encoding="utf-8")

    def interrupt(*a, **k):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(out_mod.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "NEW")
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "OLD" and _leftovers(tmp_path) == []


def test_write_atomic_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(FactcheckError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "r.txt", "x")


def test_write_outputs_writes_every_format(tmp_path: Path) -> None:
    specs = [(fmt, tmp_path / f"r.{fmt}") for fmt in sorted(RENDERERS)]
    write_outputs(seed_report(), specs)
    for fmt, path in specs:
        assert path.read_text(encoding="utf-8") == RENDERERS[fmt](seed_report())


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("sarif=out.sarif", ("sarif", Path("out.sarif"))),
        ("markdown=/tmp/summary.md", ("markdown", Path("/tmp/summary.md"))),
        ("HTML=report.html", ("html", Path("report.html"))),
        ("json=dir/a=b.json", ("json", Path("dir/a=b.json"))),
    ],
)
def test_parse_output_spec(spec: str, expected: tuple[str, Path]) -> None:
    assert parse_output_spec(spec) == expected


@pytest.mark.parametrize("spec", ["sarif", "sarif=", "=out.sarif", "pdf=out.pdf", "", "  =  "])
def test_parse_output_spec_rejects(spec: str) -> None:
    with pytest.raises(FactcheckError) as err:
        parse_output_spec(spec)
    assert "\n" not in str(err.value)
