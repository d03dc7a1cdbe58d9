"""One text that contradicts itself after an edit, and the runs of data that must not look like it.

Every case is made up. The decisions under test: a sentence restated word for word with one figure changed
("edited"), the same metric phrase with its modifiers ("same_phrase"), sentences that are runs of figures
("dense"), metric phrases with other modifiers, table rows with other qualifiers, one currency compared
without any exchange rate, and the framing of asides and relative clauses.
"""
from __future__ import annotations

import datetime as dt

import pytest

import factcheck
from factcheck.align import restated
from factcheck.frame.tables import load_tables, _row_label

TODAY = dt.date(2026, 1, 1)
_RANK = {"error": 0, "warning": 1, "note": 2}

_FILLER = ("The board met in the spring. Harvests in the valley were mixed after a dry winter.\n\n"
           "Local roads were repaired before the rains came, and the ferry kept its timetable.\n\n")


def _contradictions(texts: dict[str, str]) -> list[dict]:
    report = factcheck.check_texts(texts, today=TODAY).to_dict()
    return [f for f in report["findings"]
            if f["verdict"] == "contradiction" and _RANK[f["level"]] <= _RANK["warning"]]


CASES = [
    ("a restated sentence with one figure changed, in a text of several values",
     {"a.txt": "Tessaly Mills Report\n\nTessaly Mills said its turnover in the northern region rose to 412 mln "
               "crowns in 1991, while turnover abroad came to 198 mln crowns.\n\n" + _FILLER +
               "Turnover at home was 96 mln crowns.\n\n" + _FILLER +
               "Tessaly Mills said its turnover in the northern region rose to 455 mln crowns in 1991, while "
               "turnover abroad came to 198 mln crowns.\n"}, "edited"),
    ("the same metric phrase said again in other words",
     {"a.txt": "Corvell Bank Review\n\nCorvell Bank's prime lending rate is now 7.25 pct, the bank said.\n\n"
               + _FILLER + "The prime lending rate at Corvell Bank stood at 8.5 pct, according to the review.\n"},
     "same_phrase"),
    ("two surpluses of one country are two figures",
     {"a.txt": "Maravia Trade\n\nMaravia's trade surplus rose to 6.2 billion dlrs in May, the ministry said.\n\n"
               + _FILLER + "Maravia posted a current account surplus of 4.9 billion dlrs for May, officials added.\n"}, None),
    ("a run of figures under one noun is many items",
     {"a.txt": "Orlan Output\n\nOrlan's output of steel rose 3.1 pct in March after 2.2 pct in February and "
               "1.4 pct in January, the office said.\n\n" + _FILLER +
               "Steel output at Orlan's mills climbed 5.6 pct over the quarter, including 0.9 pct more plate "
               "and 0.4 pct more wire.\n"}, None),
    ("a primary and a diluted share count are two rows",
     {"a.txt": "Brennock Industries Ltd first quarter results\n\nShr 3.17 dlrs vs 2.91 dlrs\n"
               "Net 81.37 mln vs 70.93 mln\nAvg shrs primary 26.17 mln vs 25.83 mln\n"
               "Avg shrs diluted 29.41 mln vs 29.06 mln\n"}, None),
    ("a figure nothing names, restated in one text with another value",
     {"a.txt": "Rig Count\n\nIn Norlund the count of drilling rigs has dropped from a 1979 peak of 3,100 to only "
               "640 this month, the Kessel survey showed.\n\n" + _FILLER +
               "In Norlund the count of drilling rigs has dropped from a 1979 peak of 3,100 to only 830 this month, "
               "the Kessel survey showed.\n"}, "edited"),
    ("two table rows under one label differ in every figure: two tables, not an edit",
     {"a.txt": "Harvest Tables\n\nBarley (thousand tonnes)\nTotal 14,320 13,980 12,410 Note - 1990/91 figures are "
               "estimates based on the spring survey of farms.\n\nOats (thousand tonnes)\n"
               "Total 27,650 26,100 25,870 Note - 1990/91 figures are estimates based on the spring survey of farms.\n"},
     None),
    ("an expectation is no restatement of the figure before it",
     {"a.txt": "Gellin Reserves\n\nGellin's reserves rose 310 mln dlrs in April, the central bank said.\n\n"
               "That was above forecasts and expectations for a 150 mln dlrs rise.\n"}, None),
]


@pytest.mark.parametrize(("name", "texts", "feature"), CASES, ids=[c[0] for c in CASES])
def test_inside_one_text(name: str, texts: dict[str, str], feature: str | None) -> None:
    found = _contradictions(texts)
    if feature is None:
        assert not found, [f["message"] for f in found]
        return
    assert found, f"{name}: no contradiction"
    assert any(feature in f["aligned_on"] for f in found), [f["aligned_on"] for f in found]


def test_one_currency_needs_no_exchange_rate() -> None:
    """Two amounts in marks from 1987 compare as marks, whether or not a rate of that day is known."""
    texts = {"a.txt": "Holmberg AG said its turnover in 1987 was 1.45 billion marks.",
             "b.txt": "Holmberg AG's turnover in 1987 amounted to 1.92 billion marks, the annual report shows."}
    report = factcheck.check_texts(texts, today=TODAY)
    verdicts = {f.verdict for f in report.findings}
    assert "contradiction" in verdicts
    assert not any("exchange rate" in (f.reason or "") for f in report.findings)


@pytest.mark.parametrize(("sentence", "metric"), [
    ("Nordavia's foreign debt, which fell to 31.5 billion dlrs in 1986, is still large.", "foreign debt"),
    ("Reserve money, the total held by the monetary authorities, was 52.1 billion marks at the end of 1986.",
     "reserve money"),
])
def test_the_metric_is_said_of_the_noun_before_an_aside(sentence: str, metric: str) -> None:
    claims = factcheck.check_texts({"a.txt": sentence}, today=TODAY).claims
    assert claims[0].metric == metric


def test_a_capital_at_the_start_of_a_line_is_no_name() -> None:
    """"Turnover" opening a paragraph after a sign-off with no full stop is the common noun."""
    text = ("Lindqvist sales\n\nLindqvist said sales grew and turnover rose to 2.1 billion marks. ENDS\n\n"
            "Turnover in the car unit came to 1.3 billion marks, the company said.\n")
    claims = factcheck.check_texts({"a.txt": text}, today=TODAY).claims
    last = claims[-1]
    assert last.metric == "turnover" and "Turnover" not in last.subject


def test_restated_needs_one_figure_changed_word_for_word() -> None:
    from dataclasses import replace

    claims = factcheck.check_texts({"a.txt": "Exports were 5 mln tonnes in January."}, today=TODAY).claims
    a = claims[0]
    edited = replace(a, quantity=replace(a.quantity, text="6 mln tonnes"), sentence="Exports were 6 mln tonnes in January.")
    other_month = replace(edited, sentence="Exports were 6 mln tonnes in February.")
    two_changed = replace(edited, sentence="Exports were 6 mln tonnes in 7 January.")
    assert restated(a, edited)
    assert not restated(a, other_month) and not restated(a, two_changed) and not restated(a, a)


def test_row_qualifiers_stop_at_sign_words() -> None:
    lex = load_tables()
    assert _row_label("Avg shrs diluted 29.41 mln vs 29.06 mln", lex)[1].endswith("(diluted)")
    assert "(" not in _row_label("Shr loss 5 cts vs profit 3 cts", lex)[1]
