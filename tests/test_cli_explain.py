"""`factcheck explain` through the real entry point (``python -m factcheck``), and `factcheck.explain` itself.

A finding id taken from `factcheck check seeds/ --format json`, a ``DOC:LINE`` on made-up documents, unknown
targets (one line, exit 2) and the JSON form, which must say what the check's JSON says.
"""
from __future__ import annotations

import dataclasses
import json
import math
import shutil
from pathlib import Path

import pytest
from conftest_report import seed_report
from test_cli_check import SEEDS, TODAY, assert_one_line_error, run

from factcheck.align import FEATURE_WORDS, load_align_settings
from factcheck.explain import (ExplainError, FindingExplanation, LineExplanation, explain, parse_target,
                               render_text)
from factcheck.model import Alignment

#: Two made-up reports of one ferry company that disagree on a count, and a line with rich markup in it.
FERRY_A = ("Harbour report\n\n"
           "Nordvik Ferries carried 1.2 million passengers in 2023, the company said.\n\n"
           "The fleet has 14 vessels.\n")
FERRY_B = ("Ferry review\n\n"
           "Nordvik Ferries carried 1.6 million passengers in 2023, according to the port authority.\n\n"
           "Tickets cost [bold red]12 euros[/] on average.\n")
DATES = ("--date", "a.txt=2024-02-01", "--date", "b.txt=2024-02-02")


def explain_cli(cwd: Path, *args: str) -> object:
    return run(cwd, "explain", *args, "--today", TODAY)


def check_json(cwd: Path, *args: str) -> dict:
    proc = run(cwd, "check", *args, "--today", TODAY, "--format", "json")
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def seeds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("explain-seeds")
    shutil.copytree(SEEDS, work / "seeds")
    return work


@pytest.fixture(scope="module")
def seeds_json(seeds_dir: Path) -> dict:
    return check_json(seeds_dir, "seeds/", "--show-notes")  # explain cites notes too


@pytest.fixture(scope="module")
def seed_contradiction(seeds_json: dict) -> dict:
    """A contradiction with an alignment whose two claims sit in different documents."""
    return next(f for f in seeds_json["findings"] if f["verdict"] == "contradiction" and f.get("alignment")
                and len({c["doc"] for c in f["claims"]}) == 2)


@pytest.fixture()
def ferries(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(FERRY_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FERRY_B, encoding="utf-8")
    return tmp_path


# ------------------------------------------------------------------------------ finding id
def test_explain_a_seed_finding(seeds_dir: Path, seed_contradiction: dict) -> None:
    f = seed_contradiction
    proc = explain_cli(seeds_dir, f["id"], "seeds/")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert f"Finding {f['id']}" in out
    for needle in (f["verdict"], f["level"], f["rule"], f["reason"], "bias", "total (logit)", "levels: error from"):
        assert needle in out, needle
    settings = load_align_settings()
    assert f"{settings.bias:+.2f}" in out and f"error from {settings.error:g}" in out
    # every feature the score rests on, in its own words, with its weighted contribution
    for feature, contribution in f["alignment"]["contributions"].items():
        line = next(line for line in out.splitlines() if f"| {feature} " in line)
        shown = float(line.rstrip(" |").rsplit("|", 1)[1])  # the JSON rounds to 3 places, the table to 2
        assert FEATURE_WORDS[feature] in line and abs(shown - contribution) <= 0.0051, line
    # every claim's frame: where, quote, kind, rule, aspect, modality, period, attribution, concept, provenance
    for i, claim in enumerate(f["claims"], 1):
        assert f"Claim {i} of {len(f['claims'])}  {claim['doc']}:{claim['line']}" in out
        assert claim["sentence"].split()[0] in out
        for label in ("quote", "where", "span", "kind", "value", "metric", "rule", "aspect", "modality", "subject",
                      "period", "attribution", "scope", "concept", "provenance", "cited by"):
            assert f"\n{label} " in out, label
        assert f"key {claim['concept']['key']}" in out
        assert f"from {claim['concept']['subject_source']}" in out
        assert f"{claim['period']['label']}" in out and claim["period_source"] in out
        for p in claim["provenance"]:
            assert f"{p['facet']} = {p['value']}  ← {p['source']}" in out
    assert "Traceback" not in proc.stderr and not proc.stderr


def test_explain_takes_a_unique_id_prefix(seeds_dir: Path, seed_contradiction: dict) -> None:
    proc = explain_cli(seeds_dir, seed_contradiction["id"][:10], "seeds/")
    assert proc.returncode == 0, proc.stderr
    assert f"Finding {seed_contradiction['id']}" in proc.stdout


def test_explain_unknown_id_is_one_line_and_exit_2(seeds_dir: Path) -> None:
    proc = explain_cli(seeds_dir, "0123456789abcdef", "seeds/")
    assert_one_line_error(proc)
    assert "0123456789abcdef" in proc.stderr and proc.stderr.startswith("factcheck: error:")
    assert proc.stdout == ""


# ------------------------------------------------------------------------------ DOC:LINE
def test_explain_doc_line_lists_every_claim_and_the_findings_citing_it(ferries: Path) -> None:
    report = check_json(ferries, "a.txt", "b.txt", *DATES)
    cited = [f for f in report["findings"] if any(c["doc"] == "b.txt" and c["line"] == 3 for c in f["claims"])]
    assert cited, report["findings"]
    for target in ("b.txt:3", f"{ferries / 'b.txt'}:3"):
        proc = explain_cli(ferries, target, "a.txt", "b.txt", *DATES)
        assert proc.returncode == 0, proc.stderr
        out = proc.stdout
        assert out.startswith("b.txt:3  1 claim")
        assert "Claim 1 of 1  '1.6 million'" in out
        assert "Nordvik Ferries carried 1.6 million passengers in 2023" in out
        assert "2023" in out and "explicit" in out
        for f in cited:
            assert f["id"] in out


def test_explain_doc_line_by_basename_in_a_directory(ferries: Path) -> None:
    docs = ferries / "docs"
    docs.mkdir()
    for name in ("a.txt", "b.txt"):
        (ferries / name).rename(docs / name)
    proc = run(ferries, "explain", "a.txt:3", "docs", "--today", TODAY)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"{Path('docs') / 'a.txt'}:3")
    assert "1.2 million" in proc.stdout


def test_explain_does_not_interpret_markup_in_documents(ferries: Path) -> None:
    proc = explain_cli(ferries, "b.txt:5", "a.txt", "b.txt", *DATES)
    assert proc.returncode == 0, proc.stderr
    assert "Tickets cost [bold red]12 euros[/] on average." in proc.stdout


@pytest.mark.parametrize(("target", "needle"), [("b.txt:4", "no claim at b.txt:4"),
                                                 ("c.txt:3", "'c.txt' is not among"),
                                                 ("b.txt:999", "no claim at b.txt:999")])
def test_explain_no_claim_there_is_one_line_and_exit_2(ferries: Path, target: str, needle: str) -> None:
    proc = explain_cli(ferries, target, "a.txt", "b.txt", *DATES)
    assert_one_line_error(proc)
    assert needle in proc.stderr


# ------------------------------------------------------------------------------ JSON
def test_explain_json_round_trip(seeds_dir: Path, seeds_json: dict, seed_contradiction: dict) -> None:
    f = seed_contradiction
    proc = explain_cli(seeds_dir, f["id"], "seeds/", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["kind"] == "finding" and data["target"] == f["id"] and data["schema_version"]
    # the finding and its claims say exactly what the check's JSON says
    assert data["finding"] == {k: v for k, v in f.items() if k != "claims"}
    extra = {"where", "column", "value_text", "period_text", "subject_source", "cited_by"}
    assert [{k: v for k, v in fr.items() if k not in extra} for fr in data["frames"]] == f["claims"]
    for fr, claim in zip(data["frames"], f["claims"]):
        assert fr["where"] == f"{claim['doc']}:{claim['line']}"
        assert fr["subject_source"] == claim["concept"]["subject_source"]
        assert f["id"] in {c["id"] for c in fr["cited_by"]}
    # the breakdown adds up to the score
    al = data["alignment_breakdown"]
    assert {x["feature"]: x["contribution"] for x in al["features"]} == f["alignment"]["contributions"]
    logit = al["bias"] + sum(x["contribution"] for x in al["features"])
    assert math.isclose(1 / (1 + math.exp(-logit)), f["score"], abs_tol=0.002)
    assert al["thresholds"].keys() == {"error", "warning", "note"}
    assert all(x["words"] == FEATURE_WORDS[x["feature"]] for x in al["features"])
    # DOC:LINE of the first claim cites this finding, and every id it cites explains again
    first = f["claims"][0]
    proc = explain_cli(seeds_dir, f"{first['doc']}:{first['line']}", "seeds/", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    line = json.loads(proc.stdout)
    assert line["kind"] == "line" and line["doc"] == first["doc"] and line["line"] == first["line"]
    ids = {c["id"] for fr in line["frames"] for c in fr["cited_by"]}
    assert f["id"] in ids
    known = {x["id"] for x in seeds_json["findings"]}
    assert ids <= known
    for other in sorted(ids - {f["id"]})[:2]:
        again = explain_cli(seeds_dir, other, "seeds/", "--format", "json")
        assert again.returncode == 0 and json.loads(again.stdout)["finding"]["id"] == other


# ------------------------------------------------------------------------------ the module
def test_parse_target() -> None:
    assert parse_target("seeds/a.txt:12") == ("seeds/a.txt", 12)
    assert parse_target(r"C:\docs\a.txt:3") == (r"C:\docs\a.txt", 3)
    assert parse_target("09ddfb8d9b76f632") == "09ddfb8d9b76f632"
    assert parse_target("09ddfb8d9b76f632s") == "09ddfb8d9b76f632s"


def _aligned_report():  # the hand-built seed report, its contradiction given an alignment
    r = seed_report()
    al = Alignment(0.95, ("same_rule", "same_period"), (("same_rule", 3.5), ("same_period", 1.0), ("same_doc", -0.5)))
    findings = (dataclasses.replace(r.findings[0], alignment=al),) + r.findings[1:]
    return dataclasses.replace(r, findings=findings)


def test_explain_module_is_pure_data_and_text() -> None:
    settings = load_align_settings()
    e = explain(_aligned_report(), "fc-0001", settings)
    assert isinstance(e, FindingExplanation) and e.alignment is not None
    assert [x.feature for x in e.alignment.features] == ["same_rule", "same_period", "same_doc"]
    assert e.alignment.logit == pytest.approx(settings.bias + 4.0)
    assert json.loads(json.dumps(e.to_dict()))["finding"]["id"] == "fc-0001"
    text = render_text(e)
    assert "different verbs" not in text and FEATURE_WORDS["same_doc"] in text and "-0.50" in text
    assert render_text(e, color=True) != text
    line = explain(_aligned_report(), "001.txt:17", settings)
    assert isinstance(line, LineExplanation) and [c.id for c in line.frames[0].cited_by] == ["fc-0001", "fc-0002"]
    with pytest.raises(ExplainError):
        explain(_aligned_report(), "fc-9999", settings)
