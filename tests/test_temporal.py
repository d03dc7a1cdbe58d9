"""Date and duration mentions: spans, keys, year-or-count decisions, resolution, document dates."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import check_texts
from factcheck.errors import RuleFileError
from factcheck.extract.temporal import (
    detect_document_date,
    find_temporal,
    load_lexicon,
    period_label,
    resolve_period,
)
from factcheck.model import Period, Quantity

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DOC = dt.date(2022, 11, 17)  # a Thursday


def only(text: str) -> Quantity:
    found = find_temporal(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


# --- dates: text -> (span, date_range or anchor) ----------------------------------------------

ABSOLUTE = [
    ("It opened on 17 November 2022 in Baku.", "17 November 2022", ("2022-11-17", "2022-11-17")),
    ("It opened on November 17, 2022.", "November 17, 2022", ("2022-11-17", "2022-11-17")),
    ("Filed 2022-11-17 by the bank.", "2022-11-17", ("2022-11-17", "2022-11-17")),
    ("Prices in November 2020 were high.", "November 2020", ("2020-11-01", "2020-11-30")),
    ("Trade grew in 2021, officials said.", "2021", ("2021-01-01", "2021-12-31")),
    ("Profit rose in Q3 2022 again.", "Q3 2022", ("2022-07-01", "2022-09-30")),
    ("Profit rose in the third quarter of 2022.", "third quarter of 2022", ("2022-07-01", "2022-09-30")),
    ("Sales in the first half of 2022 fell.", "first half of 2022", ("2022-01-01", "2022-06-30")),
    ("Sales in H1 2022 fell.", "H1 2022", ("2022-01-01", "2022-06-30")),
    ("The budget for FY2022 is set.", "FY2022", ("2022-01-01", "2022-12-31")),
    ("Earnings in fiscal 2022 rose.", "fiscal 2022", ("2022-01-01", "2022-12-31")),
    ("The 2012–13 season was long.", "2012–13", ("2012-01-01", "2013-12-31")),
    ("Output over 2012-2013 doubled.", "2012-2013", ("2012-01-01", "2013-12-31")),
    ("Prices soared in the 1990s.", "1990s", ("1990-01-01", "1999-12-31")),
    ("By mid-2021 it was over.", "2021", ("2021-01-01", "2021-12-31")),
    ("Output in the first nine months of 1986 rose.", "in the first nine months of 1986", ("1986-01-01", "1986-09-30")),
]


@pytest.mark.parametrize(("text", "span", "date_range"), ABSOLUTE)
def test_absolute_dates(text: str, span: str, date_range: tuple[str, str]) -> None:
    q = only(text)
    assert q.text == span
    assert q.date_range == date_range
    assert text[q.start : q.end] == span


RELATIVE = [
    ("Trade grew about 12 percent last year.", "last year", "date", "last_year"),
    ("This year we celebrate.", "This year", "date", "this_year"),
    ("It will recover next year.", "next year", "date", "next_year"),
    ("Prices fell last month.", "last month", "date", "last_month"),
    ("National Revival Day, marked today.", "today", "date", "today"),
    ("The deal was signed yesterday.", "yesterday", "date", "yesterday"),
    ("The minister said on Friday that", "Friday", "date", "weekday:friday"),
    ("It opened last Friday.", "last Friday", "date", "weekday:friday:last"),
    ("It was held in Baku last December.", "last December", "date", "month:12:last"),
    ("The forum was held in March.", "March", "date", "month:3"),
    ("Output peaked on Nov. 17 before", "Nov. 17", "date", "day:11:17"),
    ("Trade has doubled in recent years.", "in recent years", "date", "recent_years"),
    ("Sales in the first half rose.", "first half", "date", "half:1"),
    ("Profit in the third quarter rose.", "third quarter", "date", "quarter:3"),
    ("The forum was first held since 2009.", "since 2009", "date", "since:2009"),
    ("Trade increased 16 percent compared to 2020 to $3.3 billion.", "compared to 2020", "date", "compared_to:2020"),
    ("Profit was flat from a year ago.", "a year ago", "date", "ago:1:year"),
    ("He left two years ago.", "two years ago", "date", "ago:2:year"),
    ("Earlier this year, prices fell.", "Earlier this year", "date", "this_year"),
]


@pytest.mark.parametrize(("text", "span", "kind", "anchor"), RELATIVE)
def test_relative_dates(text: str, span: str, kind: str, anchor: str) -> None:
    q = only(text)
    assert (q.text, q.kind, q.anchor) == (span, kind, anchor)
    assert q.value is None and q.low is None and q.high is None and q.unit is None
    assert q.qualifier == "exact"


# --- durations ---------------------------------------------------------------------------------

DURATIONS = [
    ("1,780 press releases posted in the last 24 hours", "in the last 24 hours", 24.0, "hour", "exact", "last:24:hour"),
    ("398,061 in the last 365 days.", "in the last 365 days", 365.0, "day", "exact", "last:365:day"),
    ("our records for 10 months show", "for 10 months", 10.0, "month", "exact", "for:10:month"),
    ("It took 10 months to build.", "10 months", 10.0, "month", "exact", None),
    ("It grew over the past decade.", "over the past decade", 1.0, "decade", "exact", "last:1:decade"),
    ("They met two weeks later.", "two weeks", 2.0, "week", "exact", None),
    ("a 22-year veteran of the fire brigade", "22-year", 22.0, "year", "exact", None),
    ("The boy is 5 years old.", "5 years old", 5.0, "year", "exact", None),
    ("He has worked there for more than 10 years.", "for more than 10 years", 10.0, "year", "more_than", "for:10:year"),
    ("It lasted about twenty-four hours.", "about twenty-four hours", 24.0, "hour", "approx", None),
    ("Rates will rise over the next two years.", "over the next two years", 2.0, "year", "exact", "next:2:year"),
    ("He was jailed for a year.", "for a year", 1.0, "year", "exact", "for:1:year"),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "qualifier", "anchor"), DURATIONS)
def test_durations(text: str, span: str, value: float, unit: str, qualifier: str, anchor: str | None) -> None:
    q = only(text)
    assert (q.text, q.kind, q.value, q.low, q.high, q.unit, q.qualifier, q.anchor) == (
        span, "duration", value, value, value, unit, qualifier, anchor,
    )


# --- years versus numbers ----------------------------------------------------------------------

YEARS = [
    ("It was founded in 2009.", "2009"),
    ("Sales rose 5% in 2021 to a record.", "2021"),
    ("It has grown since 2009 steadily.", "since 2009"),
    ("Results were better than in 2019.", "2019"),
    ("It has been closed until 2025.", "2025"),
    ("The 2021 budget was cut.", "2021"),
    ("Between 2019 and 2021 it doubled.", "2019"),
    ("The target is for 2030.", "2030"),
    ("In June 2020 the plant opened.", "June 2020"),
    ("2021 was a difficult year.", "2021"),
    ("The law of 1994, amended later.", "1994"),
    ("The summer of 1999 was hot.", "1999"),
    ("The plan runs to 2030.", "2030"),
]


@pytest.mark.parametrize(("text", "span"), YEARS)
def test_years(text: str, span: str) -> None:
    assert find_temporal(text)[0].text == span


NOT_YEARS = [
    "There were 2,000 people there.",
    "The road is 2000 km long.",
    "It has 1,780 members.",
    "The phone costs $2021 now.",
    "They sold 2021 cars last month.",
    "About 2000 were killed.",
    "Between 2000 and 3000 tonnes were shipped.",
    "Prices ranged from 1500 to 2000.",
    "It rose 2000% in a decade.",
    "Its code is 12-2021 for the record.",
    "The ratio was 1.2021 on average.",
    "Call 1-800-555-2021 today",
]


@pytest.mark.parametrize("text", NOT_YEARS)
def test_not_years(text: str) -> None:
    years = [q for q in find_temporal(text) if q.date_range and q.date_range[0].endswith("-01-01")]
    assert years == [], [q.text for q in years]


def test_numeric_range_is_not_a_year_range() -> None:
    assert find_temporal("It costs 2000-3000 dollars.") == []


def test_month_alone_needs_a_preceding_word() -> None:
    assert find_temporal("March on, the general said.") == []
    assert find_temporal("You may go.") == []
    assert only("It opened in May.").anchor == "month:5"


# --- spans -------------------------------------------------------------------------------------


def test_spans_sorted_and_disjoint() -> None:
    text = (SEEDS / "000_f66646b3748cdafc.txt").read_text(encoding="utf-8")
    found = find_temporal(text)
    assert found
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.line == 1


def test_mentions_do_not_cross_blank_lines() -> None:
    assert [q.text for q in find_temporal("total 1,428,000\n\nYear ago")] == []


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_spans_slice(text: str) -> None:
    found = find_temporal(text)
    for q in found:
        assert text[q.start : q.end] == q.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


WORDY = st.lists(
    st.sampled_from(["in", "the", "last", "2021", "1,000", "years", "March", "17", "for", "10", "months", "since",
                     "Q3", "first", "half", "of", "ago", "a", "today", "Friday", "-", ",", ".", "\n", "2012–13"]),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(WORDY)
def test_wordy_text_slices_exactly(words: list[str]) -> None:
    text = " ".join(words)
    found = find_temporal(text)
    for q in found:
        assert text[q.start : q.end] == q.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


# --- resolution --------------------------------------------------------------------------------

RESOLVE = [
    ("Trade grew 12 percent last year.", Period(dt.date(2021, 1, 1), dt.date(2021, 12, 31), "2021")),
    ("This year trade grew.", Period(dt.date(2022, 1, 1), dt.date(2022, 12, 31), "2022")),
    ("Trade grew in 2021.", Period(dt.date(2021, 1, 1), dt.date(2021, 12, 31), "2021")),
    ("Trade grew 16% compared to 2020.", Period(dt.date(2021, 1, 1), dt.date(2021, 12, 31), "2021")),
    ("our records for 10 months show", Period(dt.date(2022, 1, 1), dt.date(2022, 10, 31), "Jan–Oct 2022")),
    ("Sales in the first half rose.", Period(dt.date(2022, 1, 1), dt.date(2022, 6, 30), "H1 2022")),
    ("Profit rose in Q3 2022.", Period(dt.date(2022, 7, 1), dt.date(2022, 9, 30), "Q3 2022")),
    ("The FY2022 budget.", Period(dt.date(2022, 1, 1), dt.date(2022, 12, 31), "FY2022")),
    ("posted in the last 24 hours", Period(dt.date(2022, 11, 16), dt.date(2022, 11, 17), "24 hours to 2022-11-17")),
    ("marked today.", Period(DOC, DOC, "17 Nov 2022")),
    ("held since 2009.", Period(dt.date(2009, 1, 1), DOC, "2009–2022-11-17")),
    ("opened last December.", Period(dt.date(2021, 12, 1), dt.date(2021, 12, 31), "Dec 2021")),
    ("He said on Friday.", Period(dt.date(2022, 11, 11), dt.date(2022, 11, 11), "11 Nov 2022")),
    ("He said on Thursday.", Period(DOC, DOC, "17 Nov 2022")),
    ("It rained yesterday.", Period(dt.date(2022, 11, 16), dt.date(2022, 11, 16), "16 Nov 2022")),
    ("Prices fell last month.", Period(dt.date(2022, 10, 1), dt.date(2022, 10, 31), "Oct 2022")),
    ("Profit in the third quarter rose.", Period(dt.date(2022, 7, 1), dt.date(2022, 9, 30), "Q3 2022")),
    ("It was held in March.", Period(dt.date(2022, 3, 1), dt.date(2022, 3, 31), "Mar 2022")),
    ("He left two years ago.", Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31), "2020")),
    ("Prices soared in the 1990s.", Period(dt.date(1990, 1, 1), dt.date(1999, 12, 31), "1990s")),
    ("It opened on Nov. 17.", Period(DOC, DOC, "17 Nov 2022")),
    ("The 2012–13 season.", Period(dt.date(2012, 1, 1), dt.date(2013, 12, 31), "2012–2013")),
]


@pytest.mark.parametrize(("text", "period"), RESOLVE)
def test_resolve_period(text: str, period: Period) -> None:
    assert resolve_period(only(text), DOC) == period


@pytest.mark.parametrize("text", ["last year", "today", "for 10 months", "since 2009", "on Friday", "in the last 24 hours",
                                  "last December", "in March", "the first half"])
def test_relative_needs_a_document_date(text: str) -> None:
    assert resolve_period(only(text), None) is None


@pytest.mark.parametrize("text", ["in 2021", "Q3 2022", "FY2022", "compared to 2020"])
def test_absolute_needs_no_document_date(text: str) -> None:
    assert resolve_period(only(text), None) is not None


@pytest.mark.parametrize("text", ["in recent years", "10 months", "the previous year"])
def test_unresolvable(text: str) -> None:
    assert resolve_period(only(text), DOC) is None


def test_last_month_in_january_is_previous_december() -> None:
    p = resolve_period(only("last month"), dt.date(2023, 1, 10))
    assert p == Period(dt.date(2022, 12, 1), dt.date(2022, 12, 31), "Dec 2022")


def test_last_december_in_december_is_a_year_back() -> None:
    p = resolve_period(only("last December"), dt.date(2022, 12, 20))
    assert p is not None and p.start == dt.date(2021, 12, 1)


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (dt.date(2021, 1, 1), dt.date(2021, 12, 31), "2021"),
        (dt.date(2022, 1, 1), dt.date(2022, 10, 31), "Jan–Oct 2022"),
        (dt.date(2022, 7, 1), dt.date(2022, 9, 30), "Q3 2022"),
        (dt.date(2022, 11, 17), dt.date(2022, 11, 17), "17 Nov 2022"),
        (dt.date(2022, 2, 1), dt.date(2022, 2, 28), "Feb 2022"),
        (dt.date(2022, 11, 1), dt.date(2022, 11, 17), "2022-11-01–2022-11-17"),
    ],
)
def test_period_label(start: dt.date, end: dt.date, label: str) -> None:
    assert period_label(start, end) == label


# --- document dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "date"),
    [("000_f66646b3748cdafc.txt", dt.date(2022, 11, 17)), ("001_2e2350a56879185a.txt", dt.date(2022, 2, 22))],
)
def test_seed_document_dates(name: str, date: dt.date) -> None:
    found, source = detect_document_date((SEEDS / name).read_text(encoding="utf-8"))
    assert (found, source) == (date, "dateline")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ndate: 2022-11-17\ntitle: x\n---\nBody from 3 March 2020.", (dt.date(2022, 11, 17), "front_matter")),
        ("---\ntitle: x\ndate: '17 November 2022'\n---\nBody.", (dt.date(2022, 11, 17), "front_matter")),
        ("Published 3 March 2020. Sales rose.", (dt.date(2020, 3, 3), "text")),
        ("MOSCOW, March 4 - Talks began.\n\n3 March 2020\n", (dt.date(2020, 3, 4), "dateline")),
        ("Sales rose last year.", (None, "none")),
        ("", (None, "none")),
    ],
)
def test_detect_document_date(text: str, expected: tuple[dt.date | None, str]) -> None:
    assert detect_document_date(text) == expected


# --- the lexicon file --------------------------------------------------------------------------


def test_shipped_lexicon_loads() -> None:
    lex = load_lexicon()
    assert lex.months["sept"] == 9 and lex.units["hrs"] == "hour"


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("months: {january: 13}\n", 1, "1..12"),
        ("months: [january]\n", 1, "mapping"),
        ("- just a list\n", 1, "mapping"),
    ],
)
def test_bad_lexicon_names_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = tmp_path / "time.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_lexicon(path)
    assert err.value.line == line and message in err.value.message


def test_bad_anchor_in_lexicon_is_reported(tmp_path: Path) -> None:
    shipped = (Path(__file__).resolve().parent.parent / "rules" / "lexicon" / "time.yaml").read_text(encoding="utf-8")
    bad = shipped.replace("  today: today\n", "  today: no_such_anchor\n")
    path = tmp_path / "time.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_lexicon(path)
    assert "no_such_anchor" in err.value.message
    assert bad.splitlines()[err.value.line - 1].strip().startswith("today:")


# --- full dates with any year (1000-2099) ------------------------------------------------------

FULL_DATES = [
    ("Otto Brandl died on 6 June 1893 (aged 57).", [("6 June 1893", ("1893-06-06", "1893-06-06"))]),
    ("He was born on June 6, 1893 in Kassel.", [("June 6, 1893", ("1893-06-06", "1893-06-06"))]),
    ("It ran aground on the 14th of October 1762 off Vigo.", [("14th of October 1762", ("1762-10-14", "1762-10-14"))]),
    ("The siege began in October 1762.", [("October 1762", ("1762-10-01", "1762-10-31"))]),
    ("The siege began in Oct. 1762 and ended.", [("Oct. 1762", ("1762-10-01", "1762-10-31"))]),
    ("Founded on 1 May 1066.", [("1 May 1066", ("1066-05-01", "1066-05-01"))]),
    ("Brandl (19 April 1836 – 6 June 1893) was a surveyor.",
     [("19 April 1836", ("1836-04-19", "1836-04-19")), ("6 June 1893", ("1893-06-06", "1893-06-06"))]),
    ("Brandl (April 19, 1836 - June 6, 1893)",
     [("April 19, 1836", ("1836-04-19", "1836-04-19")), ("June 6, 1893", ("1893-06-06", "1893-06-06"))]),
    ("Still works for modern years: 17 November 2022.", [("17 November 2022", ("2022-11-17", "2022-11-17"))]),
]


@pytest.mark.parametrize(("text", "expected"), FULL_DATES)
def test_full_dates_with_any_year(text: str, expected: list[tuple[str, tuple[str, str]]]) -> None:
    found = find_temporal(text)
    assert [(q.text, q.date_range) for q in found] == expected
    for q in found:
        assert q.kind == "date" and q.anchor is None
        assert text[q.start : q.end] == q.text


def test_full_date_year_is_not_a_count() -> None:
    from factcheck import extract_text

    found = extract_text("Otto Brandl died on 6 June 1893 (aged 57).")
    assert [(q.text, q.kind) for q in found] == [("6 June 1893", "date"), ("57", "duration")]  # "aged 57": an age in years
    found = extract_text("the 14th of October 1762")
    assert [(q.text, q.kind, q.date_range) for q in found] == [
        ("14th of October 1762", "date", ("1762-10-14", "1762-10-14"))]


@pytest.mark.parametrize(("text", "span", "anchor"), [
    ("On 5 March 1200 workers went on strike.", "5 March", "day:3:5"),
    ("By March 5, 1500 tonnes had shipped.", "March 5", "day:3:5"),
])
def test_old_year_followed_by_a_count_stays_a_count(text: str, span: str, anchor: str) -> None:
    q = find_temporal(text)[0]
    assert (q.text, q.anchor, q.date_range) == (span, anchor, None)


@pytest.mark.parametrize("text", [
    "Greta Lind has died. She was 79. Lind was born Margareta Lind in Uppsala, Sweden on June 9, 1931.",
    "The company, founded on 3 March 1921 by two brothers, said sales rose.",
])
def test_an_event_date_in_the_text_is_not_the_documents_date(text):
    """A birth or founding date is what a text is about, not when it was written: no dateline, no date."""
    assert detect_document_date(text) == (None, "none")


def test_a_plain_first_date_still_dates_the_text():
    assert detect_document_date("Some text. On 3 March 2021 the company said sales rose.") == (
        dt.date(2021, 3, 3), "text")


@pytest.mark.parametrize("text, first, last", [
    ("Varno's shortfall on 2/13/2019 came to 31.2 billion crowns.", "2019-02-13", "2019-02-13"),  # 13 is the day
    ("Polls closed on 13/2/2019 at noon.", "2019-02-13", "2019-02-13"),
    ("Figures as of 03/31/2021 follow.", "2021-03-31", "2021-03-31"),
    ("Shares settled on 3/4/2019.", "2019-03-04", "2019-04-03"),  # either reading: the mention spans both
])
def test_a_numeric_date_reads_day_and_month_in_either_order(text: str, first: str, last: str) -> None:
    q = only(text)
    assert q.date_range == (first, last)
    assert text[q.start:q.end] == q.text


def test_two_numeric_dates_are_two_days_for_the_figures_they_date() -> None:
    report = check_texts({"a.txt": "Daily Varno deficit for 3/13/2019: $21.4B",
                                    "b.txt": "Daily Varno deficit for 3/14/2019: $7.9B"}).to_dict()
    assert not [f for f in report["findings"] if f["verdict"] == "contradiction"]
