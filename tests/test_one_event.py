"""Two reports of one event: the day a report was written, the names a figure is about, hedges that stop
short of a figure, and a strongly aligned pair read as one event though the reports share few names.
Cases are made up, with names and numbers of our own."""
from __future__ import annotations

import datetime as dt

import pytest

from claimcheck import claims_by_figure, loud
from factcheck.extract.temporal import detect_document_date

SHELLS_A = """Shelling hits Varno market
Published: Saturday, 12 March 2022, 10:05 GMT
Residents of Varno said the shelling of the market lasted an hour, Mira Olt, a fruit seller from Hessing, said.
Seven shells were fired at the Varno market, of which five exploded, they told our reporter Tilde Pann.
Traders had packed up their stalls by noon, and the Ostrava Road was closed, police in Brecken said.
"""

SHELLS_B = """Kessel accuses Dorrin over attack
{stamp}
Officials in Kessel condemned the attack and called for talks with Admiral Sool.
On Friday afternoon a Dorrin gunboat fired nine shells at the market in Varno, hitting a warehouse.
Aid groups asked both sides for calm, a spokesman for the Lanter Trust in Grenn said.
"""


def test_a_strong_pair_from_reports_that_share_few_names_is_one_event() -> None:
    # report A, written on 12 March, gives no day; report B names Friday, 11 March: one shelling
    found = loud({"a.txt": SHELLS_A, "b.txt": SHELLS_B.format(stamp="March 12, 2022")})
    assert len(found) == 1
    assert "same_story" not in found[0]["aligned_on"]  # the names they share are too few to say so
    assert {c["text"] for c in found[0]["claims"]} == {"Seven", "nine"}


def test_a_report_written_weeks_after_the_day_is_another_time() -> None:
    later = SHELLS_A.replace("Saturday, 12 March 2022", "Saturday, 2 April 2022")
    assert not loud({"a.txt": later, "b.txt": SHELLS_B.format(stamp="March 12, 2022")})


@pytest.mark.parametrize("stamp,day", [
    ("Published: Tuesday, 4 June 2019, 09:12 BST", dt.date(2019, 6, 4)),
    ("UPDATED 7:41 PM CST Jun 4, 2019", dt.date(2019, 6, 4)),
    ("Story Created: Jun 4, 2019 at 6:12 AM PDT", dt.date(2019, 6, 4)),
])
def test_a_stamp_line_below_the_lead_dates_the_report(stamp: str, day: dt.date) -> None:
    text = f"Ferry fares rise\nThe Varno ferry line raised its fares.\n{stamp}\nFares rose 6 percent.\n"
    assert detect_document_date(text) == (day, "text")


def test_a_date_inside_a_later_sentence_is_not_the_day_of_writing() -> None:
    text = ("Harbour strike ends\nTwo unions settled with the port of Varno.\nPay rises of 4 percent were agreed.\n"
            "The dispute began on March 3, 2019, when crane drivers walked out.\n")
    assert detect_document_date(text) == (None, "none")
    # so "last April" there stays unresolved instead of being read from the dispute's start
    claims = claims_by_figure(text + "Police arrested 14 pickets last April.\n")
    assert claims["14"].period is None


def test_a_demonym_names_its_country_unless_it_opens_a_name_of_its_own() -> None:
    assert claims_by_figure("Sudanese jets dropped four bombs on the town.")["four"].subject == ("Sudan",)
    assert claims_by_figure("Police in British Columbia seized 40 rifles.")["40"].subject == ("British Columbia",)


@pytest.mark.parametrize("text", [
    "Ohio inspectors visited the Garrow plant and fined 30 workers.",
    "Ohio inspectors visited the Garrow plant last spring and later fined 30 workers.",
])
def test_a_second_verb_shares_the_first_ones_subject(text: str) -> None:
    assert "Ohio" in claims_by_figure(text)["30"].subject


def test_a_new_subject_after_the_join_is_its_own() -> None:
    text = "Ohio inspectors visited the Garrow plant last spring, and the company fined 30 workers."
    assert "Ohio" not in claims_by_figure(text)["30"].subject


def test_nearly_stops_short_of_its_figure() -> None:
    q = claims_by_figure("The Orsk camp holds nearly 31,000 refugees.")["nearly 31,000"].quantity
    assert q.qualifier == "nearly" and q.low == pytest.approx(27_900) and q.high <= 31_500


@pytest.mark.parametrize("other,clash", [("over 32,000", True), ("30,200", False)])
def test_nearly_against_another_figure(other: str, clash: bool) -> None:
    found = loud({"a.txt": "The Orsk camp holds nearly 31,000 refugees.",
                  "b.txt": f"The Orsk camp holds {other} refugees."})
    assert bool(found) == clash
    # "about" reaches above its figure, so "about 31,000" and "over 32,000" may be one count
    if clash:
        assert not loud({"a.txt": "The Orsk camp holds about 31,000 refugees.",
                         "b.txt": f"The Orsk camp holds {other} refugees."})


def test_a_price_two_days_apart_is_two_prices() -> None:
    # a tally of one event may be reported the next day; a price moves from one day to the next
    assert not loud({"a.txt": "Orbcoin soars to $520!  May 3 2019  Tallyboard",
                     "b.txt": "Orbcoin hit $380  May 1st 2019  Tallyboard"})


@pytest.mark.parametrize("phrase,qualifier", [("about three weeks ago", "approx"), ("nearly ten years ago", "nearly"),
                                              ("two weeks ago", "exact")])
def test_a_hedged_time_ago_is_still_a_date(phrase: str, qualifier: str) -> None:
    from factcheck.extract import extract_text

    found = [q for q in extract_text(f"The Varno ferry was sold {phrase}, its owner said.") if q.text == phrase]
    assert found and found[0].kind == "date" and found[0].qualifier == qualifier
