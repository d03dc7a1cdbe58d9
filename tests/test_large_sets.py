"""What "the same thing" needs when a set is large and its documents are undated, and the framing facts
that decide it: a figure's own period, a period's end date, a table's later block, an amount of money.

Every case is made up (names and numbers of our own). The large-set cases pad the set with short
unrelated stories, so the set's size (`PairContext.crowd`) is what changes between a case and its control.
"""
from __future__ import annotations

import datetime as dt

import pytest

import factcheck
from factcheck.align import PairContext

TODAY = dt.date(2026, 1, 1)
_LOUD = ("warning", "error")


def _filler(n: int) -> dict[str, str]:
    """``n`` short undated stories, each about a place of its own with a figure of its own."""
    return {f"filler_{i:04d}.txt": f"Harbour notes\n\nThe ferry to Isle Vorn{i} carried {20 + i % 50} cars on "
            "its last crossing, the pier master said." for i in range(n)}


def _loud(texts: dict[str, str]) -> list[dict]:
    report = factcheck.check_texts(texts, today=TODAY).to_dict()
    return [f for f in report["findings"] if f["verdict"] == "contradiction" and f["level"] in _LOUD]


def _claims(text: str) -> list[factcheck.Claim]:
    return factcheck.check_texts({"d.txt": text}, today=TODAY).claims


WEEKLY = {
    "week_a.txt": "Pellham Desk Adds Reserves\n\nTraders said overnight funds at the Pellham exchange were trading at 4.25 pct "
                  "when the desk began its morning operation.\n\nThe desk added reserves through customer repurchase "
                  "agreements, a spokesman said, and dealers expected a quiet session before the holiday.",
    "week_b.txt": "Pellham Exchange Drains Cash Before Tax Date\n\nTraders said overnight funds at the Pellham exchange were trading at 4.60 pct "
                  "when the desk began its morning operation.\n\nDealers said the operation drained reserves after a "
                  "week of heavy tax receipts, which had left the banks short of cash on Thursday.",
}


def test_two_reports_alone_with_one_figure_changed_disagree() -> None:
    assert _loud(WEEKLY)  # two documents given as one story: the changed figure is the news


def test_among_thousands_of_undated_reports_one_template_is_a_recurring_report() -> None:
    # with nothing to date them, two issues of one template are this week's and last week's
    assert not _loud({**WEEKLY, **_filler(1200)})


def test_among_thousands_a_stated_common_period_still_disagrees() -> None:
    texts = {
        "one.txt": "Tessaly Trade\n\nTessaly's trade surplus with Norland rose to 6.2 billion dlrs in 1986, "
                   "the customs office said.",
        "two.txt": "Tessaly Exports\n\nTessaly's trade surplus with Norland rose to 5.1 billion dlrs in 1986, "
                   "up from 3.7 billion a year before, according to port data.",
        **_filler(1200)}
    found = _loud(texts)
    assert found and {c["doc"] for c in found[0]["claims"]} == {"one.txt", "two.txt"}


def test_the_prior_of_a_large_set_and_of_a_small_one() -> None:
    small, large = (PairContext(values_per_doc={}, short_texts=False, documents=n) for n in (12, 9000))
    assert small.crowd() == 0.0 and large.crowd() == 1.0


@pytest.mark.parametrize(("sentence", "figure"), [
    ("Brelmark car sales rose 4 pct last month compared with September 1986, the office said.", "4 pct"),
    ("Brelmark car sales rose 4 pct last month against September 1986, the office said.", "4 pct"),
])
def test_a_comparison_base_is_not_the_figures_period(sentence: str, figure: str) -> None:
    claim = next(c for c in _claims(sentence) if c.quantity.text == figure)
    # "last month" in an undated text cannot be resolved, and the base's date is not lent to the figure
    assert claim.period is None and claim.period_source == "unresolved"


def test_a_stated_period_still_wins_over_its_comparison_base() -> None:
    claim = next(c for c in _claims("Brelmark car sales rose 4 pct in 1987 compared with 1985, the office said.")
                 if c.quantity.text == "4 pct")
    assert claim.period is not None and claim.period.label == "1987"


@pytest.mark.parametrize("sentence", [
    "Lendholm's loan book shrank to 641.3 mln dinars for the half ended 31 May 1987, its chairman told owners.",
    "Orrin Stores said sales for the fiscal year ending January 28, 1988, would reach 410 mln dlrs.",
    "Kavel Group said its reserves were 9.1 billion dlrs at end-1986, the bank said.",
])
def test_the_end_of_a_period_is_no_date_in_dispute(sentence: str) -> None:
    assert not [c for c in _claims(sentence) if c.quantity.kind == "date"]


def test_two_period_ends_in_one_text_are_no_contradiction() -> None:
    text = ("Orrin Stores Outlook\n\nOrrin Stores said sales for the fiscal year ending January 28, 1988, would "
            "reach 410 mln dlrs.\n\nOrrin recorded sales of 377.5 mln dlrs for the fiscal year ending January 29, "
            "1987, the company said.")
    assert not _loud({"orrin.txt": text})


def test_an_event_date_is_still_a_date_claim() -> None:
    dates = [c for c in _claims("Halvard Ness founded the Ness Boatworks in 1961 in Bergvik.") if c.quantity.kind == "date"]
    assert dates and dates[0].metric.startswith("date")


def test_a_table_repeated_without_a_header_is_its_next_block() -> None:
    text = ("Tamsin Controls Inc Qtr Net Falls\n\nShr 2.31 dlrs vs 1.88 dlrs\n\nNet 7,024,118 vs 4,559,207\n\n"
            "Revs 193.6 mln vs 163.9 mln\n\nShr 7.74 dlrs vs 5.29 dlrs\n\nNet 2,604,880 vs 1,731,004\n\n"
            "Revs 71.8 mln vs 60.3 mln\n")
    assert not _loud({"tamsin.txt": text})
    rows = [c for c in _claims(text) if c.metric and c.quantity.text in ("2.31 dlrs", "7.74 dlrs")]
    assert len({c.concept.key for c in rows}) == 2  # one key per block: never compared with each other


def test_the_same_block_of_two_versions_still_meets() -> None:
    first = "Tamsin Controls Inc Qtr Net Falls\n\nShr 2.31 dlrs vs 1.88 dlrs\n\nNet 7,024,118 vs 4,559,207\n\nShr 7.74 dlrs vs 5.29 dlrs\n"
    claims = [c for c in _claims(first) if c.quantity.text in ("2.31 dlrs", "7.74 dlrs")]
    assert "block 2" in claims[1].concept.key and "block" not in claims[0].concept.key


def test_an_amount_of_crowns_is_framed_by_what_it_is() -> None:
    text = ("Vasterholm Results\n\nVasterholm's order backlog stood at 21.4 billion crowns at the end of 1986. "
            "Total sales in 1986 were 35 billion crowns.")
    by_text = {c.quantity.text: c for c in _claims(text)}
    backlog, sales = by_text["21.4 billion"], by_text["35 billion"]
    assert "crown" not in (backlog.metric or "") and "crown" not in (sales.metric or "")
    assert not _loud({"vasterholm.txt": text})


def test_a_one_column_row_is_framed_by_its_label_and_block() -> None:
    text = "\n\n".join(["Quillon Savings Bank Reports Third Quarter Gain", "Shr 3.17 dlrs",
                          "Net 41,120,577 vs 29,773,018", "Nine months to end of September, 1988", "Shr 11.93 dlrs",
                          "Net 139.8 mln vs 94,126,633"]) + "\n"
    assert not _loud({"quillon.txt": text})
    rows = [c for c in _claims(text) if c.quantity.text in ("3.17 dlrs", "11.93 dlrs")]
    assert len(rows) == 2 and rows[0].concept.key != rows[1].concept.key


_ISSUE = ("Brannock Crop Outlook\n\nThe farm ministry forecast Brannock's 1988/89 barley crop at {now} mln tonnes, vs "
          "{before} mln tonnes last month.\n\nExports were put at 2.4 mln tonnes, unchanged from the last report, and "
          "the ministry kept its estimate of carry-over stocks at 0.9 mln tonnes.\n\nWheat was forecast at 11.2 mln "
          "tonnes, oats at 0.7 mln, rye at 0.35 mln and maize at 1.9 mln tonnes, all as in the last report, and "
          "the ministry saw feed use of 3.3 mln tonnes.\n")


def test_a_report_that_moved_on_is_no_correction() -> None:
    # last month's figure reappears as "last month" in the next issue: a series, not a changed figure
    texts = {"may.txt": _ISSUE.format(now="6.45", before="6.80"), "june.txt": _ISSUE.format(now="6.10", before="6.45")}
    assert not [f for f in _loud(texts) if f.get("revision")]


def test_a_changed_figure_in_an_unmarked_version_is_still_found() -> None:
    texts = {"may.txt": _ISSUE.format(now="6.45", before="6.80"), "may2.txt": _ISSUE.format(now="6.54", before="6.80")}
    assert [f for f in _loud(texts) if f.get("revision")]


def test_a_date_that_names_a_programme_is_not_the_figures_time() -> None:
    claim = next(c for c in _claims("Some 21,500 tonnes of barley remain open to Kestland under the export scheme "
                                    "announced March 3, 1987, the agency said.") if "21,500" in c.quantity.text)
    assert claim.period is None  # neither the figure's period nor the document's date


def test_a_figures_own_participle_keeps_its_time() -> None:
    claim = next(c for c in _claims("There were 640 bulletins filed in the last 24 hours.") if c.quantity.text == "640")
    # the time expression is the figure's own, though an undated text cannot resolve it (skipped, it would be
    # "undated")
    assert claim.period_source == "unresolved"


def test_an_index_base_year_is_not_its_period() -> None:
    claim = next(c for c in _claims("Brannock's index of farm prices rose 2.3 pct to 141.6 (base 1975) in 1987.")
                 if c.quantity.text == "2.3 pct")
    assert claim.period is not None and claim.period.label == "1987"
