"""Figures that look alike in news clusters but are not one figure: the outcomes of two conditions, the
rest of a group, another person's seasons, another bank, the year of another event. Cases are made up,
with names and numbers of our own."""
from __future__ import annotations

from claimcheck import claims_by_figure, loud
from factcheck.model import Modality


# ------------------------------------------------------------------------------ conditions
def test_a_sentence_opened_by_if_puts_all_its_figures_under_the_condition() -> None:
    claims = claims_by_figure("If the ferry carries 40 cars, the crew loads 12 trucks on the lower deck.")
    assert claims["40"].modality == Modality.CONDITION and claims["12"].modality == Modality.CONDITION


def test_a_condition_inside_a_sentence_governs_its_own_clause_only() -> None:
    claims = claims_by_figure("The depot holds 300 buses, and if demand grows it will lease 40 more.")
    assert claims["300"].modality == Modality.FACT


def test_two_scenarios_of_one_text_are_not_a_contradiction() -> None:
    text = ("Tarn Cloud Explained\n\nIf a shop needs only three servers, the scheduler books three free servers. "
            "If the shop gets busy and needs 12 servers, the scheduler books 12 free servers.")
    assert not loud({"d.txt": text})


def test_a_forecast_still_meets_a_forecast() -> None:
    found = loud({"a.txt": "Orlen Hydro will employ 1,200 people at the Vask dam, the company said.",
                   "b.txt": "Orlen Hydro will employ 2,900 people at the Vask dam, officials said."})
    assert found


# ------------------------------------------------------------------------------ parts of a group
def test_the_remaining_ones_are_a_part_of_the_group() -> None:
    texts = {"a.txt": "Coast Guard Stops Smugglers\n\nTwo of the skiffs fled, but the cutter Maren stopped the "
                      "remaining four skiffs near Orsa on Tuesday and held 19 men.",
             "b.txt": "Smugglers Held Off Orsa\n\nThe cutter Maren was patrolling near Orsa on Tuesday when its "
                      "crew saw six skiffs approaching the fishing fleet."}
    assert not loud(texts)


# ------------------------------------------------------------------------------ whose figure
def test_the_name_that_opens_the_figures_clause_is_its_subject() -> None:
    claims = claims_by_figure("That was the week that Ned Varga resigned from the Gulls after six seasons.")
    assert claims["six"].subject == ("Ned Varga",)


def test_one_coachs_seasons_are_not_anothers() -> None:
    texts = {"a.txt": "Gulls Name Orr Coach\n\nTom Orr, who played for the Gulls for 11 seasons, was named "
                      "coach on Monday.\n\nOrr takes over at once.",
             "b.txt": "Orr Takes Over Gulls\n\nThe Gulls named Tom Orr coach on Monday. That was the week that "
                      "Ned Varga resigned from the Gulls after six seasons."}
    assert not loud(texts)


def test_a_name_with_of_is_one_name() -> None:
    claims = claims_by_figure("Last week the Bank of Varnia Ltd sold a 70 mln dlr note to Orsk Securities.")
    assert "Bank of Varnia Ltd" in claims["70 mln dlr"].subject


def test_two_banks_of_two_places_are_two_banks() -> None:
    texts = {"a.txt": "Orsk Securities said on Monday the Bank of Varnia Ltd sold a 70 mln dlr note maturing "
                      "in June 2031, with a coupon of 3 pct.",
             "b.txt": "Orsk Securities said on Monday the Bank of Tessel Ltd sold a 150 mln dlr note maturing "
                      "in June 2031, with a coupon of 3 pct."}
    assert not loud(texts)


def test_a_web_pages_posted_stamp_is_no_speaker() -> None:
    claims = claims_by_figure("Posted: May 3, 2011\n\nThe Gulls sold 9,000 tickets for the final.")
    assert claims["9,000"].attribution is None


# ------------------------------------------------------------------------------ the year of another event
def test_the_year_of_the_event_a_place_was_hit_by_is_not_the_figures() -> None:
    claims = claims_by_figure("A 5.8-magnitude quake shook Varnia's Orsa province, a region struck by the 2009 floods.")
    assert claims["5.8-magnitude"].period is None
