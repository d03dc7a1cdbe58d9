"""Issue 15, through the real entry point: every warning takes one path (`factcheck.errors.Problem`), is printed
once with its place, and is counted wherever a report counts things; a rule's SARIF ``helpUri`` is a real page
(the configured or published documentation) or is left out, never a placeholder."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factcheck.paths import docs_base_from_project_urls, docs_url

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-22"
CONFIG_LINE = "levels:\n  economy.trade: warning\n  economy.gdp_growht: note\n"  # the typo is on line 3
NOTE = ("# Harbour note\n\nThe port of Velmar handled 41 million tonnes in 2024.\n\n"
        "<!-- factcheck: ignore economy.port_tonage reason=\"counted by the other authority\" -->\n"
        "Velmar handled 44 million tonnes of cargo in 2024.\n")


def run(cwd: Path, *args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env.pop("COLUMNS", None)
    env["NO_COLOR"] = "1"
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=300, check=False)


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "seeds" / "harbour.md").write_text(NOTE, encoding="utf-8")
    return tmp_path


def test_unknown_rules_warn_once_with_their_place_and_every_summary_counts_them(work: Path) -> None:
    config = work / ".factcheck.yaml"
    config.write_text(CONFIG_LINE, encoding="utf-8")
    outs = {fmt: work / f"report.{fmt}" for fmt in ("json", "markdown", "html", "sarif", "junit")}
    outputs = [a for fmt, p in outs.items() for a in ("--output", f"{fmt}={p}")]
    proc = run(work, "check", "seeds", "--today", TODAY, *outputs)
    assert proc.returncode in (0, 1), proc.stderr
    from_config = (f"factcheck: warning: levels: unknown rule 'economy.gdp_growht' "
                   f"(did you mean 'economy.gdp_growth'?) ({config}:3)")
    from_doc = ("factcheck: warning: factcheck suppression: unknown rule 'economy.port_tonage' "
                "(did you mean 'economy.trade'?) (seeds/harbour.md:5)")
    lines = proc.stderr.splitlines()
    assert lines.count(from_config) == 1 and lines.count(from_doc) == 1, proc.stderr
    assert len(lines) == 2, proc.stderr  # nothing else, nothing twice

    summary = proc.stdout.strip().splitlines()[-1]
    assert summary.endswith("; 2 warnings"), summary
    assert "; 2 warnings" in outs["markdown"].read_text(encoding="utf-8")
    assert "; 2 warnings" in outs["html"].read_text(encoding="utf-8")

    data = json.loads(outs["json"].read_text(encoding="utf-8"))
    assert data["summary"]["warnings"] == 2
    assert [(w["kind"], w["where"]) for w in data["warnings"]] == [
        ("unknown_rule", f"{config}:3"), ("unknown_rule", "seeds/harbour.md:5")]

    sarif = json.loads(outs["sarif"].read_text(encoding="utf-8"))
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    placed = [(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               n["locations"][0]["physicalLocation"]["region"]["startLine"]) for n in notes]
    assert placed == [(".factcheck.yaml", 3), ("seeds/harbour.md", 5)]  # relative: no machine path

    suite = ET.fromstring(outs["junit"].read_bytes()).find("testsuite")
    assert suite is not None
    assert {p.get("name"): p.get("value") for p in suite.iter("property")}["warnings"] == "2"
    assert (suite.findtext("system-err") or "").splitlines() == [from_config, from_doc]


def test_a_clean_run_counts_no_warnings(work: Path) -> None:
    (work / "seeds" / "harbour.md").unlink()
    proc = run(work, "check", "seeds", "--today", TODAY, "--format", "json")
    assert proc.returncode in (0, 1) and proc.stderr == "", proc.stderr
    data = json.loads(proc.stdout)
    assert data["summary"]["warnings"] == 0 and "warnings" not in data
    sarif = json.loads(run(work, "check", "seeds", "--today", TODAY, "--format", "sarif").stdout)
    assert "invocations" not in sarif["runs"][0]


def test_rules_commands_print_a_config_warning_once_and_go_on(work: Path) -> None:
    (work / ".factcheck.yaml").write_text(CONFIG_LINE, encoding="utf-8")
    proc = run(work, "rules", "list")
    assert proc.returncode == 0
    assert proc.stderr.count("unknown rule 'economy.gdp_growht'") == 1, proc.stderr
    assert ".factcheck.yaml:3)" in proc.stderr
    assert "economy.trade " in proc.stdout and "warning" in proc.stdout


def test_without_a_docs_url_sarif_has_help_but_no_help_uri(work: Path) -> None:
    proc = run(work, "check", "seeds", "--today", TODAY, "--format", "sarif")
    rules = json.loads(proc.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert rules and all("helpUri" not in r for r in rules)
    assert all(r["help"]["text"] for r in rules if r["id"] != "generic")
    assert "OWNER" not in proc.stdout and str(work) not in proc.stdout
    shown = run(work, "rules", "show", "economy.trade_growth")
    assert shown.returncode == 0 and "help_uri" not in shown.stdout and "description:" in shown.stdout


def test_a_configured_docs_url_links_each_rule_to_its_file(work: Path) -> None:
    base = "https://docs.example.org/factcheck/v2"
    (work / ".factcheck.yaml").write_text(f"docs_url: {base}\n", encoding="utf-8")
    proc = run(work, "check", "seeds", "--today", TODAY, "--format", "sarif")
    rules = {r["id"]: r for r in json.loads(proc.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["economy.trade_growth"]["helpUri"] == f"{base}/rules/economy/trade_growth.yaml"
    shown = run(work, "rules", "show", "economy.trade_growth")
    assert f"help_uri: {base}/rules/economy/trade_growth.yaml" in shown.stdout.splitlines()
    # the environment points at a mirror and wins over the config
    mirror = run(work, "rules", "show", "economy.trade_growth",
                 env_extra={"FACTCHECK_DOCS_URL": "https://mirror.example.net/fc/"})
    assert "help_uri: https://mirror.example.net/fc/rules/economy/trade_growth.yaml" in mirror.stdout.splitlines()


def test_a_rule_of_yours_links_to_the_rule_grammar(work: Path) -> None:
    mine = work / "myrules" / "harbour"
    mine.mkdir(parents=True)
    shutil.copy(ROOT / "rules" / "economy" / "trade_growth.yaml", mine / "cargo.yaml")
    config = "docs_url: https://docs.example.org/fc/\nrules: [myrules]\n"
    (work / ".factcheck.yaml").write_text(config, encoding="utf-8")
    proc = run(work, "rules", "show", "harbour.cargo")
    assert proc.returncode == 0, proc.stderr
    assert "help_uri: https://docs.example.org/fc/rules/README.md" in proc.stdout.splitlines()


def test_a_docs_url_that_is_not_a_url_is_a_config_error(work: Path) -> None:
    (work / ".factcheck.yaml").write_text("docs_url: ftp://files.example.org/\n", encoding="utf-8")
    proc = run(work, "check", "seeds", "--today", TODAY)
    assert proc.returncode == 2
    assert proc.stderr.startswith("factcheck: error: ") and ".factcheck.yaml:1)" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(("entries", "base"), [
    (["Repository, https://github.com/harbourlab/factcheck"], "https://github.com/harbourlab/factcheck/blob/HEAD/"),
    (["Source, https://gitlab.com/harbourlab/tools/factcheck.git/"],
     "https://gitlab.com/harbourlab/tools/factcheck/-/blob/HEAD/"),
    (["Documentation, https://factcheck.example.org/latest/", "Repository, https://github.com/a/b"],
     "https://github.com/a/b/blob/HEAD/"),  # the rule files are surely in the repository
    (["Documentation, https://factcheck.example.org/latest/"], "https://factcheck.example.org/latest/"),
    (["Funding, https://example.org/give", "Issues, https://github.com/a/b/issues"], None),
    (["Repository, not a url"], None),
    ([], None),
])
def test_the_package_metadata_gives_the_docs_base(entries: list[str], base: str | None) -> None:
    assert docs_base_from_project_urls(entries) == base


def test_docs_url_order(monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.paths as paths

    monkeypatch.delenv("FACTCHECK_DOCS_URL", raising=False)
    monkeypatch.setattr(paths, "package_docs_url", lambda: "https://github.com/a/b/blob/HEAD/")
    assert docs_url(None) == "https://github.com/a/b/blob/HEAD/"
    assert docs_url("https://conf.example.org/x") == "https://conf.example.org/x/"
    monkeypatch.setenv("FACTCHECK_DOCS_URL", "https://env.example.org/y/")
    assert docs_url("https://conf.example.org/x") == "https://env.example.org/y/"
    monkeypatch.delenv("FACTCHECK_DOCS_URL")
    monkeypatch.setattr(paths, "package_docs_url", lambda: None)
    assert docs_url(None) is None
