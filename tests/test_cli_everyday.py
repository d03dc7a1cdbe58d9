"""Issue 15, everyday use, through the real entry point (``python -m factcheck``): a text report that leads
with what matters, the ``line`` and ``gitlab`` formats, configuration found like ruff's, warnings for
unknown rule ids, rule help in ``rules show`` and SARIF, CI formats that agree with the exit code,
baselines that survive a moved file or a reflowed paragraph, and honest currency conversion."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TODAY = "2026-11-22"
A = "000_f66646b3748cdafc.txt"
B = "001_2e2350a56879185a.txt"
LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning|note) "
                  r"\[(?P<rule>[A-Za-z0-9_.-]+)\] (?P<message>\S.*)$")


def run(cwd: Path, *args: str, columns: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_TODAY", "FACTCHECK_DEBUG")}
    env.pop("COLUMNS", None)
    env["NO_COLOR"] = "1"
    if columns:
        env["COLUMNS"] = str(columns)
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=300, check=False)


def check(cwd: Path, *args: str, columns: int | None = None) -> subprocess.CompletedProcess[str]:
    proc = run(cwd, "check", *args, "--today", TODAY, columns=columns)
    assert proc.returncode in (0, 1), (args, proc.returncode, proc.stderr)
    return proc


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


def _json(cwd: Path, *args: str) -> dict:
    return json.loads(check(cwd, *args, "--format", "json").stdout)


# ------------------------------------------------------------------------------ the text report


def test_text_leads_with_contradictions_and_counts_the_rest(work: Path) -> None:
    data = _json(work, "seeds")
    out = check(work, "seeds").stdout
    lines = out.splitlines()
    assert lines[0] == "Contradictions (2)"
    assert "Related but not comparable" not in out and "Agreements (" not in out
    assert "different periods" not in out  # the notes' reasons are not listed...
    assert "not shown: 3 notes (--show-notes), 3 agreements (--show-agreements)" in out  # ...but counted
    assert lines[-1] == "2 documents, 35 claims: 2 contradictions (2 error), 3 not comparable, 3 agreements"
    for f in (f for f in data["findings"] if f["verdict"] == "contradiction"):
        head = next(line for line in lines if f["id"] in line)
        assert head.startswith(f"{f['level']}  {f['rule']}  {f['metric']}")
        block = "\n".join(lines[lines.index(head):lines.index(head) + 12])
        for claim in f["claims"]:
            assert f"{claim['doc']}:{claim['line']}" in block
            assert claim["sentence"].split()[0] in block
        assert "why: " + f["reason"] in block
    assert out.index("12 percent") < out.index("not shown")


def test_notes_are_counted_and_listed_only_when_asked(work: Path) -> None:
    """Without --show-notes no format lists a note, and every format still counts them."""
    counted, listed = _json(work, "seeds"), _json(work, "seeds", "--show-notes")
    notes = [f for f in listed["findings"] if f["verdict"] == "not_comparable"
             or (f["verdict"] == "contradiction" and f["level"] == "note")]
    assert notes and not any(f["id"] in {n["id"] for n in notes} for f in counted["findings"])
    assert counted["findings"] == [f for f in listed["findings"] if f not in notes]
    assert counted["summary"] == listed["summary"]
    assert sum(counted["unlisted_notes"].values()) == len(notes) and "unlisted_notes" not in listed
    for fmt in ("line", "sarif", "markdown"):
        quiet, loud = check(work, "seeds", "--format", fmt).stdout, check(work, "seeds", "--format", fmt,
                                                                           "--show-notes").stdout
        assert "different periods" in loud and "different periods" not in quiet
    assert "Related but not comparable (3)" in check(work, "seeds", "--fail-on", "note").stdout


def test_show_notes_and_agreements(work: Path) -> None:
    out = check(work, "seeds", "--show-notes", "--show-agreements").stdout
    assert out.index("Contradictions (2)") < out.index("Related but not comparable (3)") < out.index("Agreements (3)")
    assert "different periods" in out and "not shown" not in out
    assert "Agreements (" not in check(work, "seeds", "--show-notes").stdout


@pytest.mark.parametrize(("columns", "table"), [(80, False), (139, False), (140, True), (180, True)])
def test_stacked_below_140_columns(work: Path, columns: int, table: bool) -> None:
    out = check(work, "seeds", columns=columns).stdout
    ruled = [line for line in out.splitlines() if line.startswith(("+-", "| "))]
    assert bool(ruled) == table
    assert all(len(line) <= columns for line in out.splitlines()), columns
    assert "economy.trade_growth" in out and "error" in out


def test_markdown_shows_level_and_rule(work: Path) -> None:
    out = check(work, "seeds", "--format", "markdown").stdout
    assert "| Level | Rule | Metric |" in out
    assert re.search(r"^\| error \| <code>economy\.trade&#95;growth</code> \|", out, re.M)


# ------------------------------------------------------------------------------ line and gitlab


def test_line_format_one_line_per_finding(work: Path) -> None:
    data = _json(work, "seeds")
    proc = check(work, "seeds", "--format", "line")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    reported = [f for f in data["findings"] if f["verdict"] != "agreement"]
    assert len(lines) == len(reported)
    text = {d["doc"]: (work / d["doc"]).read_text(encoding="utf-8") for d in data["documents"]}
    for line, f in zip(lines, reported):
        m = LINE.match(line)
        assert m, line
        assert m["rule"] == f["rule"]
        assert m["level"] == (f["level"] if f["verdict"] == "contradiction" else "note")
        first = f["claims"][0]
        assert (m["path"], int(m["line"])) == (first["doc"], first["line"])
        body = text[first["doc"]]
        col = first["start"] - (body.rfind("\n", 0, first["start"]) + 1) + 1
        assert int(m["col"]) == col
        assert body.splitlines()[first["line"] - 1][col - 1:].startswith(first["text"])
    assert all(LINE.match(x)["level"] == "error" for x in lines[:2])


def test_gitlab_code_quality(work: Path) -> None:
    data = _json(work, "seeds", "--show-notes")
    issues = json.loads(check(work, "seeds", "--format", "gitlab", "--show-notes").stdout)
    reported = [f for f in data["findings"] if f["verdict"] != "agreement"]
    assert len(issues) == len(reported)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    for issue, f in zip(issues, reported):
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == f["rule"] and f["rule"] in issue["description"]
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"] == {"path": f["claims"][0]["doc"], "lines": {"begin": f["claims"][0]["line"]}}
        assert (work / issue["location"]["path"]).is_file()
    assert [i["severity"] for i in issues[:2]] == ["critical", "critical"]
    assert {i["severity"] for i in issues[2:]} == {"info"}


# ------------------------------------------------------------------------------ configuration


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "outer" / "repo"
    (repo / "docs" / "sub").mkdir(parents=True)
    (repo / ".git").mkdir()  # enough to mark the repository root
    shutil.copy(SEEDS / A, repo / "docs" / "sub" / "a.txt")
    shutil.copy(SEEDS / B, repo / "docs" / "b.txt")
    return repo


def test_config_found_walking_up_from_the_checked_path(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "outer" / ".factcheck.yaml").write_text("format: json\n")  # above the repository root: not used
    assert check(elsewhere, str(repo / "docs" / "sub")).stdout.startswith("Contradictions")
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.factcheck]\nformat = "line"\n')
    out = check(elsewhere, str(repo / "docs" / "sub")).stdout
    assert LINE.match(out.splitlines()[0])
    (repo / "docs" / ".factcheck.yaml").write_text("format: gitlab\n")  # nearer wins
    assert isinstance(json.loads(check(elsewhere, str(repo / "docs")).stdout), list)
    (elsewhere / "mine.yaml").write_text("format: json\n")  # --config overrides
    assert "findings" in json.loads(check(elsewhere, str(repo / "docs"), "--config", "mine.yaml").stdout)


def test_include_exclude_and_gitignore(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "docs" / "drafts").mkdir()
    shutil.copy(SEEDS / B, repo / "docs" / "drafts" / "c.txt")
    shutil.copy(SEEDS / B, repo / "docs" / "ignored.txt")
    shutil.copy(SEEDS / B, repo / "docs" / "notes.md")
    (repo / ".gitignore").write_text("ignored.txt\n")

    def docs(*args: str) -> list[str]:
        return sorted(d["doc"] for d in _json(repo, "docs", *args)["documents"])

    assert docs() == ["docs/b.txt", "docs/drafts/c.txt", "docs/notes.md", "docs/sub/a.txt"]
    (repo / ".factcheck.yaml").write_text('exclude: ["drafts/"]\ninclude: ["*.txt"]\n')
    assert docs() == ["docs/b.txt", "docs/sub/a.txt"]
    (repo / ".factcheck.yaml").write_text('exclude: ["drafts/"]\nrespect_gitignore: false\n')
    assert docs() == ["docs/b.txt", "docs/ignored.txt", "docs/notes.md", "docs/sub/a.txt"]
    named = sorted(d["doc"] for d in _json(repo, "docs/sub", "docs/drafts/c.txt")["documents"])
    assert named == ["docs/drafts/c.txt", "docs/sub/a.txt"]  # a file named is always read


# ------------------------------------------------------------------------------ unknown rule ids, rule help


def test_unknown_rule_ids_are_warnings_with_their_place(work: Path) -> None:
    doc = work / "seeds" / "note.md"
    doc.write_text("# Note\n\n<!-- factcheck: ignore economy.trade_grwth reason=\"typo\" -->\nTrade grew 3 percent.\n")
    (work / ".factcheck.yaml").write_text("levels:\n  economy.gpd: note\n")
    proc = check(work, "seeds")
    assert proc.returncode == 1  # the run goes on
    assert ("factcheck: warning: factcheck suppression: unknown rule 'economy.trade_grwth' "
            "(did you mean 'economy.trade_growth'?) (seeds/note.md:3)") in proc.stderr
    assert ("factcheck: warning: levels: unknown rule 'economy.gpd' (did you mean 'economy.gdp'?) "
            f"({work / '.factcheck.yaml'}:2)") in proc.stderr
    assert proc.stdout.rstrip().endswith("; 2 warnings")  # counted like every other warning
    assert "Contradictions (2)" in proc.stdout


def test_rules_show_and_sarif_carry_the_help_text(work: Path) -> None:
    (work / ".factcheck.yaml").write_text("docs_url: https://docs.example.org/factcheck/\n")
    proc = run(work, "rules", "show", "economy.trade_growth")
    assert proc.returncode == 0, proc.stderr
    desc = re.search(r"^description: (.+)$", proc.stdout, re.M)
    assert desc and len(desc.group(1)) > 20
    assert re.search(r"^help_uri: https://\S+/rules/economy/trade_growth\.yaml$", proc.stdout, re.M)
    sarif = json.loads(check(work, "seeds", "--format", "sarif").stdout)
    rule = next(r for r in sarif["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "economy.trade_growth")
    assert rule["help"]["text"].startswith(desc.group(1).strip()[:20])
    assert rule["helpUri"].endswith("rules/economy/trade_growth.yaml")


# ------------------------------------------------------------------------------ CI outputs agree


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args], cwd=cwd,
                   check=True, capture_output=True)


def test_changed_since_places_every_ci_format_on_the_changed_file(work: Path) -> None:
    _git(work, "init", "-q")
    _git(work, "add", "-A")
    _git(work, "commit", "-qm", "seeds")
    with open(work / "seeds" / B, "a", encoding="utf-8") as fh:
        fh.write("\nA new paragraph.\n")
    args = ("seeds", "--changed-since", "HEAD")
    data = _json(work, *args)
    assert data["findings"] and all(any(c["doc"].endswith(B) for c in f["claims"]) for f in data["findings"])
    github = check(work, *args, "--format", "github").stdout.splitlines()
    assert github and all(f"file=seeds/{B}," in line for line in github)
    lines = check(work, *args, "--format", "line").stdout.splitlines()
    assert lines and all(line.startswith(f"seeds/{B}:") for line in lines)
    sarif = json.loads(check(work, *args, "--format", "sarif").stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {f"seeds/{B}"}
    failing = [f for f in data["findings"] if f["verdict"] == "contradiction" and f["level"] == "error"]
    assert len([line for line in github if line.startswith("::error ")]) == len(failing) == 1
    assert check(work, *args).returncode == 1


@pytest.mark.parametrize(("fail_on", "code", "failures"), [("error", 0, 0), ("warning", 1, 2), ("note", 1, 2)])
def test_junit_failures_match_fail_on(work: Path, fail_on: str, code: int, failures: int) -> None:
    (work / ".factcheck.yaml").write_text("levels:\n  economy.trade_growth: warning\n")
    proc = check(work, "seeds", "--format", "junit", "--fail-on", fail_on)
    assert proc.returncode == code
    root = ET.fromstring(proc.stdout)
    assert int(root.get("failures")) == len(root.findall(".//failure")) == failures


# ------------------------------------------------------------------------------ baselines


def test_baseline_survives_a_moved_file_and_a_reflowed_paragraph(work: Path) -> None:
    assert run(work, "baseline", "create", "seeds", "--today", TODAY).returncode == 0
    saved = json.loads((work / ".factcheck-baseline.json").read_text())
    assert all(e["fingerprint"] for e in saved["findings"])
    old_ids = {f["id"] for f in _json(work, "seeds")["findings"]}
    (work / "seeds" / "archive").mkdir()
    shutil.move(work / "seeds" / B, work / "seeds" / "archive" / "moved.txt")
    text = (work / "seeds" / A).read_text(encoding="utf-8")
    sentence = "Mr Asadov said trade grew about 12 percent last year."
    assert sentence in text
    (work / "seeds" / A).write_text(text.replace(sentence, "Mr Asadov said trade\ngrew about 12 percent last year."),
                                    encoding="utf-8")
    data = _json(work, "seeds", "--baseline", ".factcheck-baseline.json")
    contradictions = [f for f in data["findings"] if f["verdict"] == "contradiction"]
    assert len(contradictions) == 2 and {f["id"] for f in contradictions} - old_ids  # the moved pair's id changed
    assert {data["baseline"]["status"][f["id"]] for f in contradictions} == {"unchanged"}
    assert check(work, "seeds", "--baseline", ".factcheck-baseline.json").returncode == 0
    # a baseline written before fingerprints (ids only) is still read
    for e in saved["findings"]:
        del e["fingerprint"]
    (work / "old.json").write_text(json.dumps(saved))
    assert check(work, "seeds", "--baseline", "old.json").returncode == 1  # ids changed, nothing to match on
    shutil.move(work / "seeds" / "archive" / "moved.txt", work / "seeds" / B)
    (work / "seeds" / A).write_text(text, encoding="utf-8")
    assert check(work, "seeds", "--baseline", "old.json").returncode == 0


# ------------------------------------------------------------------------------ currency at a date


def test_no_silent_conversion_years_away(tmp_path: Path) -> None:
    d = tmp_path / "docs"
    d.mkdir()
    (d / "a.txt").write_text("Tea exports of the cooperative were worth 5 billion rupees in 1987, it said.\n")
    (d / "b.txt").write_text("Tea exports of the cooperative were worth $800 million in 1987, it said.\n")
    dates = ("--date", "a.txt=1988-03-01", "--date", "b.txt=1988-03-01")
    data = _json(tmp_path, "docs", *dates, "--show-notes")
    money = [f for f in data["findings"] if any(c["kind"] == "money" for c in f["claims"])]
    assert money and all(f["verdict"] == "not_comparable" for f in money)
    assert any(re.search(r"no INR->USD exchange rate near 1987-12-31 \(the nearest ECB rate is of 2009-\d\d-\d\d, "
                         r"21 years away\)", f["reason"]) for f in money)
    assert "21 years away" in check(tmp_path, "docs", *dates, "--format", "line", "--show-notes").stdout


def test_a_rate_months_away_widens_the_tolerance_and_says_so(tmp_path: Path) -> None:
    d = tmp_path / "docs"
    d.mkdir()
    (d / "a.txt").write_text("Tea exports of the cooperative were worth 5 billion rupees in June 2008, it said.\n")
    (d / "b.txt").write_text("Tea exports of the cooperative were worth $112 million in June 2008, it said.\n")
    dates = ("--date", "a.txt=2008-07-01", "--date", "b.txt=2008-07-01")
    data = _json(tmp_path, "docs", *dates, "--show-agreements")
    money = [f for f in data["findings"] if any(c["kind"] == "money" for c in f["claims"])]
    assert money and all(f["verdict"] == "agreement" for f in money)  # 103 vs 112 million: within 10%
    assert any("no rate within 7 days of 2008-06-30" in f["reason"] and "widened to 10%" in f["reason"] for f in money)
