"""Acceptance on the seeds (issue 3 and 4): the user's own example, through the Python API."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import factcheck
from factcheck.documents import expand_paths, read_source, to_document
from factcheck.pipeline import check_documents

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
A = "000_f66646b3748cdafc.txt"  # 17 November 2022
B = "001_2e2350a56879185a.txt"  # 22 February 2022


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    return factcheck.check_texts(texts, today=dt.date(2026, 11, 22)).to_dict()


def _claims(f: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((c["doc"], c["text"]) for c in f["claims"])


def test_documents_carry_their_own_dates(report: dict[str, Any]) -> None:
    dates = {d["doc"]: d["date"] for d in report["documents"]}
    assert dates == {A: "2022-11-17", B: "2022-02-22"}


def test_trade_growth_12_vs_16_is_a_contradiction_across_documents(report: dict[str, Any]) -> None:
    hits = [f for f in report["findings"] if f["verdict"] == "contradiction" and {c["doc"] for c in f["claims"]} == {A, B}]
    assert len(hits) == 1, [f["message"] for f in report["findings"]]
    f = hits[0]
    assert f["rule"] == "economy.trade_growth" and f["level"] == "error"
    by_doc = {c["doc"]: c for c in f["claims"]}
    assert by_doc[A]["value"] == 12 and by_doc[A]["qualifier"] == "approx"
    assert (by_doc[A]["low"], by_doc[A]["high"]) == (10.8, 13.2)
    assert by_doc[A]["attribution"] and "Asadov" in by_doc[A]["attribution"]
    assert by_doc[B]["value"] == 16 and (by_doc[B]["low"], by_doc[B]["high"]) == (15.5, 16.5)
    for c in f["claims"]:
        assert c["period"]["start"] == "2021-01-01" and c["period"]["end"] == "2021-12-31"
        assert c["aspect"] == "change"


def test_the_speaker_disputes_the_figure_within_one_document(report: dict[str, Any]) -> None:
    hits = [f for f in report["findings"] if f["verdict"] == "contradiction" and {c["doc"] for c in f["claims"]} == {A}]
    assert len(hits) == 1
    assert sorted(c["value"] for c in hits[0]["claims"]) == [12, 16]


def test_three_billion_vs_3_3_billion_is_different_periods_not_an_error(report: dict[str, Any]) -> None:
    trade = [f for f in report["findings"] if f["rule"] == "economy.trade"]
    assert trade, "the trade volumes must be reported, not silently dropped"
    assert all(f["verdict"] == "not_comparable" for f in trade)
    f = trade[0]
    assert "different periods" in f["message"]
    periods = sorted((c["period"]["start"], c["period"]["end"]) for c in f["claims"])
    assert periods == [("2021-01-01", "2021-12-31"), ("2022-01-01", "2022-10-31")]


def test_no_false_alarms_from_boilerplate_and_unrelated_counts(report: dict[str, Any]) -> None:
    contradictions = [f for f in report["findings"] if f["verdict"] == "contradiction"]
    assert {f["rule"] for f in contradictions} == {"economy.trade_growth"}
    quoted = {c["text"] for f in contradictions for c in f["claims"]}
    for noise in ("1,780", "1,423", "More than 900", "More than 1,000", "more than 70", "Over 70", "30th"):
        assert noise not in quoted


def test_press_release_counters_are_not_comparable(report: dict[str, Any]) -> None:
    counters = [f for f in report["findings"] if any(c["text"] == "1,780" for c in f["claims"])]
    assert counters and all(f["verdict"] == "not_comparable" for f in counters)


def test_finding_ids_ignore_line_numbers(report: dict[str, Any]) -> None:
    texts = {p.name: "\n\n\n" + p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    shifted = factcheck.check_texts(texts, today=dt.date(2026, 11, 22)).to_dict()
    assert {f["id"] for f in shifted["findings"]} == {f["id"] for f in report["findings"]}


def test_reading_from_disk_gives_the_same_report(report: dict[str, Any]) -> None:
    docs = [to_document(read_source(name, path), {}) for name, path in expand_paths([str(SEEDS)])]
    disk = check_documents(docs, today=dt.date(2026, 11, 22)).to_dict()
    def shape(r: dict[str, Any]) -> list[tuple[str, str, str]]:
        return [(f["verdict"], f["rule"], f["metric"]) for f in r["findings"]]

    assert shape(disk) == shape(report)


def test_output_is_deterministic(report: dict[str, Any]) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    again = factcheck.check_texts(dict(reversed(list(texts.items()))), today=dt.date(2026, 11, 22)).to_dict()
    assert again == report
