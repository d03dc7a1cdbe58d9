"""The README's rule and configuration examples work as printed, and editing a user rule's tolerance
changes the verdict (issue 4 acceptance)."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import factcheck
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _rule_example() -> str:
    m = re.search(r"A complete rule, `my-rules/energy/gas_exports.yaml`:\n\n```yaml\n(.*?)```", README, re.S)
    assert m, "the README lost its worked rule example"
    return m.group(1)


def _write_rule(tmp_path: Path, text: str) -> Path:
    d = tmp_path / "my-rules" / "energy"
    d.mkdir(parents=True)
    (d / "gas_exports.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "my-rules"


def test_readme_opens_with_the_two_commands() -> None:
    head = README.split("```sh", 1)[1].split("```", 1)[0]
    assert "factcheck check seeds/" in head
    assert "python -m pytest" in head


def test_readme_rule_example_passes_its_own_tests(tmp_path: Path) -> None:
    rules_dir = _write_rule(tmp_path, _rule_example())
    proc = subprocess.run([sys.executable, "-m", "factcheck", "rules", "test", str(rules_dir)], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "PASS energy.gas_exports :: two volumes for one year contradict" in proc.stdout


def test_readme_config_example_loads(tmp_path: Path) -> None:
    _write_rule(tmp_path, _rule_example())
    toml = re.search(r"```toml\n(.*?)```", README, re.S)
    assert toml
    (tmp_path / "pyproject.toml").write_text(toml.group(1), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "factcheck", "rules", "list"], cwd=tmp_path, capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr
    assert "energy.gas_exports" in proc.stdout
    assert re.search(r"prices\.price\s+\S*\(off\)", proc.stdout)
    assert re.search(r"generic\s+note", proc.stdout)


def _verdicts(rules_dir: Path) -> set[str]:
    ruleset = load_rules(extra_dirs=(rules_dir,))
    docs = {"a": "Gas exports to China reached 22 bcm in 2022.", "b": "Gas exports to China reached 20.5 bcm in 2022."}
    dates = {"a": dt.date(2023, 2, 1), "b": dt.date(2023, 2, 1)}
    report = factcheck.check_texts(docs, dates=dates, rules=ruleset)
    return {f.verdict for f in report.findings if f.rule == "energy.gas_exports"}


def test_editing_a_tolerance_changes_the_verdict(tmp_path: Path) -> None:
    strict = _write_rule(tmp_path / "strict", _rule_example().replace('relative: "2%"', 'relative: "0%"'))
    loose = _write_rule(tmp_path / "loose", _rule_example().replace('relative: "2%"', 'relative: "5%"'))
    assert _verdicts(strict) == {"contradiction"}
    assert _verdicts(loose) == {"agreement"}


def _block_after(marker: str) -> str:
    m = re.search(re.escape(marker) + r".*?```text\n(.*?)```", README, re.S)
    assert m, f"the README lost the example after {marker!r}"
    return m.group(1)


def test_readme_default_output_is_what_the_seeds_give() -> None:
    """The README shows the new default text report of `factcheck check seeds/` exactly."""
    shown = _block_after("`factcheck check seeds/` (piped, so plain text at")
    assert shown == (ROOT / "reports" / "seeds.txt").read_text(encoding="utf-8")
    assert shown.startswith("Contradictions (2)\n\nerror  economy.trade_growth  trade growth")
    assert "not shown: " in shown and "--show-notes" in README and "--show-agreements" in README


def test_readme_line_format_example_is_real() -> None:
    shown = _block_after("`--format line` gives one line per finding").splitlines()
    real = (ROOT / "reports" / "seeds.line.txt").read_text(encoding="utf-8").splitlines()
    assert shown[-1] == "..." and shown[:-1] == real[: len(shown) - 1]
    assert all(re.match(r"^\S+:\d+:\d+: (error|warning|note) \[[\w.]+\] ", line) for line in shown[:-1])
