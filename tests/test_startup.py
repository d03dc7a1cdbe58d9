"""Startup (issue 15): rules, lexicons and rate tables load once per process and lazily; the disk cache of
compiled rule files never serves a stale or broken file."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.errors import RuleFileError
from factcheck.rules import _ECB_CORE, _currencies, load_rule_file

ROOT = Path(__file__).resolve().parents[1]

RULE = """title: Widgets
level: {level}
metric:
  name: widgets
  terms: [widgets]
"""


def test_fixed_currency_lists_cover_the_shipped_rate_table() -> None:
    from factcheck.fx import converter

    table = set(converter().currencies)
    assert table <= _currencies()
    assert _ECB_CORE <= table


def test_cache_serves_a_rule_file_until_it_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    path = tmp_path / "widgets.yaml"
    path.write_text(RULE.format(level="error"))
    assert load_rule_file(path, "widgets").level == "error"
    assert list((tmp_path / "cache" / "rule").glob("*.pickle"))
    assert load_rule_file(path, "widgets").level == "error"  # from the cache
    path.write_text(RULE.format(level="note"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert load_rule_file(path, "widgets").level == "note"
    path.write_text(RULE.format(level="loud"))
    for _ in range(2):  # a broken file is never cached: reported on every run
        with pytest.raises(RuleFileError):
            load_rule_file(path, "widgets")


def test_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    path = tmp_path / "widgets.yaml"
    path.write_text(RULE.format(level="warning"))
    assert load_rule_file(path, "widgets").level == "warning"
    assert not (tmp_path / "cache").exists()


COUNT = """
import sys
import factcheck.fx as fx, factcheck.rules as rules, factcheck.cli as cli
counts = {"rules": 0, "fx": 0}
orig_rules, orig_conv = rules.load_rules, fx.converter.__wrapped__
def load_rules(*a, **k):
    counts["rules"] += 1
    return orig_rules(*a, **k)
def converter():
    counts["fx"] += 1
    return orig_conv()
rules.load_rules = load_rules
fx.converter = __import__("functools").lru_cache(maxsize=1)(converter)
code = cli.main(["check", *sys.argv[1:], "--today", "2026-11-22", "--format", "json"])
print(counts["rules"], counts["fx"], file=sys.stderr)
"""


@pytest.mark.parametrize(("docs", "fx_loads"), [(["seeds"], 0), (["rupees"], 1)])
def test_rules_and_rates_load_once_per_process(tmp_path: Path, docs: list[str], fx_loads: int) -> None:
    """The seeds compare dollars with dollars: no rate table at all; rupees with dollars: the table, once."""
    (tmp_path / "rupees").mkdir()
    for name, amount in (("a", "5 billion rupees"), ("b", "$112 million"), ("c", "$150 million")):
        (tmp_path / "rupees" / f"{name}.txt").write_text(
            f"Tea exports of the cooperative were worth {amount} in 2015, it said.\n")
    docs = [d if d == "seeds" else str(tmp_path / d) for d in docs]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", COUNT, *docs], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    rules_loaded, rates_loaded = map(int, proc.stderr.split()[-2:])
    assert rules_loaded == 1
    assert rates_loaded == fx_loads  # the rate table only when two amounts in money are compared
