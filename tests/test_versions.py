"""Versions of one document (issue 12): recognition, ordering, revisions, and tables of figures.

Every text here is invented (companies, figures); none comes from a scored set.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.errors import RuleFileError
from factcheck.frame.tables import company, load_tables
from factcheck.model import Document, Revision
from factcheck.versions import Marker, marker_of, version_groups, version_pairs

RELEASE = """Quillfeather Optics Inc <QFO> 2nd Qtr Net

Shr 58 cts vs 44 cts

Net 21.3 mln vs 16.2 mln

Revs 412.9 mln vs 377.5 mln

Avg shrs 36.4 mln vs 35.9 mln

Six mths

Revs 801.4 mln vs 733.0 mln

Net 39.2 mln vs 30.4 mln

Shr 1.19 dlrs vs 87 cts
"""
CORRECTED = RELEASE.replace("Quillfeather Optics Inc <QFO>", "Corrected - Quillfeather Optics Inc <QFO>").replace(
    "Net 21.3 mln", "Net 23.1 mln") + "\nNOTE: corrects current quarter net.\n"
DATES = {"r1.txt": dt.date(2025, 7, 14), "r2.txt": dt.date(2025, 7, 15)}


@pytest.mark.parametrize("headline, marker, rest", [
    ("Corrected - Halvorsen Pumps Sets Dividend", Marker.CORRECTED, "Halvorsen Pumps Sets Dividend"),
    ("(Corrected) - Halvorsen Pumps Sets Dividend", Marker.CORRECTED, "Halvorsen Pumps Sets Dividend"),
    ("CORRECTED-Halvorsen Pumps Sets Dividend", Marker.CORRECTED, "Halvorsen Pumps Sets Dividend"),
    ("UPDATE 2-Halvorsen Pumps Sets Dividend", Marker.UPDATED, "Halvorsen Pumps Sets Dividend"),
    ("Rpt-Halvorsen Pumps Sets Dividend", Marker.REPEATED, "Halvorsen Pumps Sets Dividend"),
    ("Agency To Update Wheat Acreage Estimate", None, "Agency To Update Wheat Acreage Estimate"),
    ("Halvorsen Pumps Corrects Dividend Date", None, "Halvorsen Pumps Corrects Dividend Date"),
])
def test_marker_of_headline(headline: str, marker: Marker | None, rest: str) -> None:
    assert marker_of(headline + "\n\nBody text.\n") == (marker, rest)


def test_corrected_release_is_a_later_version_of_the_original() -> None:
    pairs = version_pairs([Document("r2.txt", CORRECTED), Document("r1.txt", RELEASE)])
    assert [(p.earlier, p.later, p.marker) for p in pairs] == [("r1.txt", "r2.txt", Marker.CORRECTED)]
    assert version_groups(pairs) == {"r1.txt": "r1.txt", "r2.txt": "r1.txt"}


def test_unmarked_versions_are_ordered_by_date_then_by_order() -> None:
    later = RELEASE + "\nNOTE: figures unaudited.\n"
    docs = [Document("z.txt", RELEASE, dt.date(2025, 7, 1)), Document("a.txt", later, dt.date(2025, 7, 4))]
    assert [(p.earlier, p.later, p.marker) for p in version_pairs(docs)] == [("z.txt", "a.txt", None)]
    a_month_on = [Document("z.txt", RELEASE, dt.date(2025, 7, 1)), Document("a.txt", later, dt.date(2025, 8, 1))]
    assert version_pairs(a_month_on) == ()  # two issues of a report, unless marked
    undated = [Document("x.txt", RELEASE), Document("y.txt", later)]
    assert [(p.earlier, p.later) for p in version_pairs(undated)] == [("x.txt", "y.txt")]


def test_a_recurring_headline_is_a_series_not_versions() -> None:
    """Three documents under one headline are issues of a recurring report: an unmarked pair of them
    is not one document, however alike."""
    day = "Brindle Harbour Grain Receipts\n\nGrain receipts at Brindle Harbour were {} tonnes on the day, " \
          "against 39,800 tonnes a week earlier, the port authority said.\n"
    docs = [Document(f"d{i}.txt", day.format(v)) for i, v in enumerate(("41,200", "41,200", "44,750"))]
    assert version_pairs(docs) == ()
    assert len(version_pairs(docs[:2])) == 1  # two alike documents alone are a re-send


def test_template_stories_with_other_figures_are_not_versions() -> None:
    """Daily reports written from one template share their words, not their figures."""
    day = "Brindle Harbour Grain Receipts\n\nGrain receipts at Brindle Harbour were {} tonnes on the day, " \
          "against {} tonnes a week earlier, the port authority said. Barley made up {} pct.\n"
    docs = [Document("d1.txt", day.format("41,200", "39,800", "12")),
            Document("d2.txt", day.format("44,750", "41,200", "15"))]
    assert version_pairs(docs) == ()


def test_a_corrected_earnings_release_gives_one_revision() -> None:
    """Net changed, every other row the same: exactly one contradiction, a revision naming the later
    version, and no finding that sets a prior-period column against a current one."""
    report = factcheck.check_texts({"r1.txt": RELEASE, "r2.txt": CORRECTED}, dates=DATES)
    contradictions = [f for f in report.findings if f.verdict == "contradiction"]
    assert len(contradictions) == 1
    f = contradictions[0]
    assert f.revision == Revision("r1.txt", "r2.txt", "Corrected")
    assert f.level in ("warning", "error")
    assert {c.quantity.text for c in f.claims} == {"21.3 mln", "23.1 mln"}
    assert "corrected in r2.txt" in f.message
    assert f.to_dict()["revision"] == {"earlier": "r1.txt", "later": "r2.txt", "marker": "Corrected"}
    for finding in report.findings:  # nothing at all between the two versions but the revision
        assert finding.revision is not None or len({c.doc for c in finding.claims}) == 1
        keys = {c.concept.key.rsplit(":", 1)[-1] for c in finding.claims if c.concept and c.concept.key}
        assert len(keys) <= 1, finding.message  # never current against prior


def test_identical_versions_give_no_findings() -> None:
    report = factcheck.check_texts({"r1.txt": RELEASE, "r2.txt": RELEASE.replace("Quillfeather Optics Inc <QFO>",
                                                                                "Rpt-Quillfeather Optics Inc <QFO>")},
                                   dates=DATES)
    assert [f for f in report.findings if len({c.doc for c in f.claims}) == 2] == []


@settings(max_examples=15, deadline=None)
@given(row=st.sampled_from(["Shr 58 cts", "Net 21.3 mln", "Revs 412.9 mln", "Net 39.2 mln", "Revs 801.4 mln"]),
       new=st.integers(min_value=2, max_value=900))
def test_one_changed_figure_is_one_revision(row: str, new: int) -> None:
    label, value = row.split(" ", 1)
    old = value.split()[0]
    if abs(float(old) - new) < 0.5:
        return  # "21" for "21.3" is the same figure said coarser (its rounding interval holds it): no revision
    if old.isdigit() and abs(int(old) - new) == 1:
        return  # "57" for "58": rounding intervals that only touch, as a recurring report's next issue often does
    changed = RELEASE.replace(row, f"{label} {new} {value.split()[1]}", 1)
    later = changed.replace("Quillfeather Optics Inc <QFO>", "UPDATE 1-Quillfeather Optics Inc <QFO>")
    report = factcheck.check_texts({"r1.txt": RELEASE, "r2.txt": later}, dates=DATES)
    revisions = [f for f in report.findings if f.revision is not None]
    assert len(revisions) == 1 and revisions[0].revision.marker == "Updated"
    assert [f for f in report.findings if f.verdict == "contradiction" and f.revision is None] == []


def test_same_row_in_two_different_stories_is_an_ordinary_contradiction() -> None:
    other = ("Quillfeather Optics Inc <QFO> Reports Quarter Results\n\nQuillfeather Optics said lens demand "
             "lifted its results in the quarter.\n\nQtr\n\nNet 24.8 mln vs 16.2 mln\n\nRevs 412.9 mln vs 377.5 mln\n")
    report = factcheck.check_texts({"r1.txt": RELEASE, "r3.txt": other},
                                   dates={"r1.txt": dt.date(2025, 7, 14), "r3.txt": dt.date(2025, 7, 16)})
    contradictions = [f for f in report.findings if f.verdict == "contradiction"]
    assert [sorted(c.quantity.text for c in f.claims) for f in contradictions] == [["21.3 mln", "24.8 mln"]]
    assert contradictions[0].revision is None


def test_table_rows_are_framed_by_label_column_and_period() -> None:
    report = factcheck.check_texts({"r1.txt": RELEASE}, dates={"r1.txt": DATES["r1.txt"]})
    by_text = {c.quantity.text: c for c in report.claims}
    assert by_text["21.3 mln"].metric == "net income"
    assert by_text["21.3 mln"].concept.key == "table:net income:quarter:current"
    assert by_text["16.2 mln"].concept.key == "table:net income:quarter:prior"
    assert by_text["39.2 mln"].concept.key == "table:net income:six_months:current"
    assert by_text["58 cts"].metric == "earnings per share"
    assert by_text["21.3 mln"].subject == ("Quillfeather Optics Inc",)
    assert company("Corrected-<Marrow Bay Utilities Ltd> Year Net\n") == "Marrow Bay Utilities Ltd"


def test_bad_tables_lexicon_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "tables.yaml").write_text("rows:\n  shr: per share\nperiods:\n  quarter: ['(qtr']\n",
                                                      encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_tables((tmp_path,))
    assert "tables.yaml" in str(err.value) and ":4:" in str(err.value)
    (tmp_path / "lexicon" / "tables.yaml").write_text("rowz:\n  shr: per share\n", encoding="utf-8")
    with pytest.raises(RuleFileError):
        load_tables((tmp_path,))


def test_cli_reports_the_revision(tmp_path: Path) -> None:
    (tmp_path / "r1.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "r2.txt").write_text(CORRECTED, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["NO_COLOR"] = "1"
    base = [sys.executable, "-m", "factcheck", "check", "r1.txt", "r2.txt", "--date", "r1.txt=2025-07-14",
            "--date", "r2.txt=2025-07-15", "--today", "2025-08-01"]
    proc = subprocess.run([*base, "--format", "json"], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr  # a warning does not fail the default --fail-on error
    data = json.loads(proc.stdout)
    contradictions = [f for f in data["findings"] if f["verdict"] == "contradiction"]
    assert [f["revision"] for f in contradictions] == [{"earlier": "r1.txt", "later": "r2.txt",
                                                        "marker": "Corrected"}]
    for fmt in ("text", "markdown"):
        out = subprocess.run([*base, "--format", fmt], cwd=tmp_path, env=env, capture_output=True, text=True,
                             timeout=300, check=False).stdout
        assert "corrected in r2.txt" in " ".join(out.split()), fmt


PAGE_A = """# Tollbridge Ceramics annual figures

Tollbridge Ceramics published its results for the year.

| Figure | 2024 | 2023 |
|---|---|---|
| Revenue | $412 million | $371 million |
| Employees | 2,310 | 2,180 |
"""
PAGE_B = """# Tollbridge Ceramics at a glance

A short profile of Tollbridge Ceramics.

| | 2024 | 2023 |
|---|---:|---:|
| **Revenue** | $436 million | $371 million |
| Employees | 2,310 | 2,310 |
"""


def test_markdown_tables_compare_cells_of_one_row_and_column() -> None:
    """Header cell and row label frame a cell: 2024 revenue differs, 2023 employees differ, and 2,310 employees
    in 2024 is never set against 2,180 in 2023 although the values differ."""
    report = factcheck.check_texts({"a.md": PAGE_A, "b.md": PAGE_B},
                                   dates={"a.md": dt.date(2025, 3, 1), "b.md": dt.date(2025, 3, 5)})
    contradictions = sorted(tuple(sorted(c.quantity.text for c in f.claims)) for f in report.findings
                            if f.verdict == "contradiction")
    assert contradictions == [("$412 million", "$436 million"), ("2,180", "2,310")]
    for f in report.findings:
        assert len({c.period.label for c in f.claims if c.period}) == 1, f.message
        assert {c.metric for c in f.claims} <= {"revenue", "employees"}


def test_html_tables_read_as_markdown_tables() -> None:
    from factcheck.documents import html_to_text

    html = ("<html><body><h1>Tollbridge Ceramics annual figures</h1><table><tr><th>Figure</th><th>2024</th>"
            "<th>2023</th></tr><tr><td>Revenue</td><td>$412 million</td><td>$371 million</td></tr></table>"
            "</body></html>")
    text = html_to_text(html)
    assert "| Figure | 2024 | 2023 |\n|---|---|---|\n| Revenue | $412 million | $371 million |" in text
    report = factcheck.check_texts({"a.html": text}, dates={"a.html": dt.date(2025, 3, 1)})
    framed = {c.quantity.text: (c.metric, c.period.label if c.period else None) for c in report.claims}
    assert framed["$412 million"] == ("revenue", "2024")
    assert framed["$371 million"] == ("revenue", "2023")
