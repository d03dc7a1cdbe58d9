"""Framing facts that decide whether two counts are one: who did a deed, whether a count moved, and
whether a figure sizes a window the writer chose. Cases are made up, with names and numbers of our own."""
from __future__ import annotations

from claimcheck import claims_by_figure, loud
from factcheck.model import Aspect


def test_the_doer_of_a_deed_is_its_subject_not_its_source() -> None:
    text = ("Harbour League Roundup\n\nThe Gulls lost at home on Sunday.\n\nMarek Tolvan added 14 points in the "
            "defeat. Osgar Brandt added 15 points with six rebounds. \"We were tired,\" Brandt added.")
    claims = claims_by_figure(text)
    assert claims["14"].subject == ("Marek Tolvan",) and claims["15"].subject == ("Osgar Brandt",)
    assert not loud({"d.txt": text})  # two players' points are two figures


def test_a_source_before_a_figure_stays_a_source() -> None:
    claims = claims_by_figure("Commissioner Ada Voss said 4,000 marchers crossed Vellin on Saturday.")
    assert claims["4,000"].attribution is not None


def test_a_count_after_a_change_verb_is_what_the_act_was_done_to() -> None:
    claims = claims_by_figure("The bomber dropped four shells on the depot. The Greens gained three seats in Varn.")
    assert claims["four"].aspect == Aspect.LEVEL  # four shells dropped, not a fall of four
    assert claims["three"].aspect == Aspect.CHANGE  # a party's seats move by three


def test_two_reports_of_the_shells_dropped_meet() -> None:
    found = loud({"a.txt": "Marl Raid\n\nWitnesses said the bomber dropped five shells on the Marl depot on Monday.",
                   "b.txt": "Marl Depot Hit\n\nThe bomber dropped three shells on the Marl depot on Monday, witnesses said."})
    assert found


def test_a_window_the_writer_chose_is_no_count_in_dispute() -> None:
    texts = {"a.txt": "Orca Bay Rout\n\nThe Orcas beat the Herons 31-10 on Sunday.\n\nThe Orcas scored on four of "
                      "their first five drives against the Herons. Their coach praised the line.",
             "b.txt": "Herons Fall\n\nThe Herons lost again on Sunday.\n\nThe Orcas scored touchdowns on their first "
                      "two drives against the Herons, and the crowd left early.",
             "c.txt": "League Notes\n\nThe Herons visit the Pikes next week.\n\nAll 9,000 tickets sold out in an hour."}
    assert not loud(texts)


def test_it_points_back_to_the_name_before() -> None:
    text = ("Tarvia And Olmen Talk Tin\n\nThe two tin producers met in Olmen on Monday.\n\nTarvia is the largest tin "
            "producer in the region. It mined about 41,300 tonnes of tin in 1986, the ministry said.\n\nOlmen, the "
            "second largest, cut its sales this week. It mined 29,800 tonnes of tin in 1986.")
    claims = claims_by_figure(text)
    first, second = claims["about 41,300 tonnes"], claims["29,800 tonnes"]
    assert first.subject == ("Tarvia",) and second.subject == ("Olmen",)
    assert not loud({"d.txt": text})  # two producers' output, not one figure told twice


def test_a_company_reporting_its_results_is_their_subject() -> None:
    text = ("Harwell Mining Results\n\nFor 1987, Harwell reported net income of 61.3 mln dlrs.\n\nAmong its peers, "
            "Corvane, the largest zinc producer in the region, had net income of 88.9 mln dlrs in 1987.")
    claims = claims_by_figure(text)
    assert claims["61.3 mln dlrs"].subject == ("Harwell",)
    assert not loud({"d.txt": text})


def test_winding_down_injures_no_one() -> None:
    claims = claims_by_figure("By 4 p.m. Tuesday, the hearing was winding down as seven were already sworn in as jurors.")
    assert all(c.rule != "casualties.injured" for c in claims.values())
    wounded = claims_by_figure("The blast in Harrow Lane wounded 23 people, police said.")
    assert wounded["23"].rule == "casualties.injured"


def test_distances_from_two_places_are_two_figures() -> None:
    text = ("Quake Near Orland\n\nThe quake was eight miles west of Dunmore and struck at dawn.\n\nIt was also "
            "about thirty-one miles from Port Aven, the survey said.")
    assert not loud({"d.txt": text})


def test_the_name_a_sentence_opens_with_is_its_subject() -> None:
    text = ("Gulls Name Coach\n\nWren Halloway resigned from the Gulls after six seasons, the club said.\n\n"
            "Tamsin Orr left the Gulls after nine seasons, and Orr's staff followed her.")
    claims = claims_by_figure(text)
    assert claims["six"].subject == ("Wren Halloway",) and claims["nine"].subject == ("Tamsin Orr",)
    assert not loud({"d.txt": text})  # two coaches' seasons


def test_a_possessor_opening_the_sentence_is_not_its_subject() -> None:
    claims = claims_by_figure("Verania's assault on the port killed 48 people, the agency said.")
    assert claims["48"].subject != ("Verania's",)
