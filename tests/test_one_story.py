"""Reports of one story told in other ways: an earlier event both reports recall at one stated time, a count whose
noun differs from its twin's, a figure in a clause of its own after an opening pronoun, two spellings of one
noun, an undated report's figure against its twin's stated day, and a count of some of a group. Cases are made
up, with names and numbers of our own."""
from __future__ import annotations

import pytest

from claimcheck import claims_by_figure, loud
from factcheck.cues import part_word
from factcheck.frame.words import Speller

QUAKE_A = """Quake shakes Torvik island
A quake of magnitude 5.1 hit Torvik island on Sunday, injuring 12 people, the Orland news agency said.
A powerful tremor of magnitude 5.8 struck Torvik in March near the port of Halsby, killing four people and injuring 30.
Rescue teams from Halsby reached the villages of Torvik by night, Governor Emil Dask said.
"""

QUAKE_B = """Second quake in a year for Torvik
A new quake rattled Torvik island on Sunday, Governor Emil Dask told the Orland news agency.
That tremor killed four people, injured about 60 and damaged homes near Halsby in {month}.
Schools in Halsby stayed shut while engineers checked them, the governor said.
"""


def test_two_reports_that_recall_an_earlier_event_at_one_time_compare_it() -> None:
    found = loud({"a.txt": QUAKE_A, "b.txt": QUAKE_B.format(month="March")})
    assert [{c["text"] for c in f["claims"]} for f in found] == [{"30", "about 60"}]


def test_an_earlier_event_at_another_time_is_another_event() -> None:
    assert not loud({"a.txt": QUAKE_A, "b.txt": QUAKE_B.format(month="May")})


RAID_A = """Gang suspect found dead in Keswin cell
Piet Varga, one of 64 suspected gang members detained on Friday, died in a cell in Keswin.
Prosecutors in Keswin said the ring moved fuel across the Drava border for a decade.
"""

RAID_B = """Inquiry into death of Keswin suspect
Piet Varga, 41, died in a Keswin prison cell, officials there said.
He may have feared reprisals because intercepted calls led police to the raid on Friday in which 58 people
were arrested following a year-long inquiry, the Drava news agency reported.
Prosecutors in Keswin said Varga had run the ring's fuel trade across the Drava border.
"""


def test_a_count_under_another_noun_and_after_a_pronoun_is_still_compared() -> None:
    # "64 suspected gang members" / "58 people": the modifiers of two nouns are no choice between kinds of one thing;
    # "He" opens the sentence, but the figure sits in a clause of its own ("in which 58 people were arrested")
    found = loud({"a.txt": RAID_A, "b.txt": RAID_B})
    assert [{c["text"] for c in f["claims"]} for f in found] == [{"64", "58"}]


THEFT_A = """Jewels stolen at Varno film gala
In June 2019, thieves stole jewellery worth £800,000 from a dealer of the Halden house during the Varno
film gala, police in Varno said.
The Halden house had lent the pieces to actors for the gala's opening night in Varno.
"""

THEFT_B = """Varno gala hit by jewel thieves
Thieves also struck at the Varno film gala, stealing $2.6 million in jewelry from a safe belonging to a dealer
working for the Halden house, police in Varno said.
The Halden house declined to say which pieces were taken from its Varno suite.
"""


def test_two_spellings_of_one_noun_and_an_undated_twin_are_compared() -> None:
    found = loud({"a.txt": THEFT_A, "b.txt": THEFT_B})
    assert [{c["text"] for c in f["claims"]} for f in found] == [{"£800,000", "$2.6 million"}]


CAREER_A = """Rovers name Venn interim coach
Osk Venn has spent 17 seasons with the Rovers.
Venn, 52, played for the Rovers before he joined their coaching staff in Brekke's first year.
The Rovers dismissed coach Lars Brekke after a 4-13 start, Rovers chairman Ada Lind said.
"""

CAREER_B = """Venn takes over the Rovers
Before that, Osk Venn spent four seasons as chief scout for the Rovers (2001-2005), then two as an assistant.
Rovers chairman Ada Lind said Venn would coach through to the season's close.
Brekke leaves after three years in charge, with a record of 98-148 (.398).
"""


def test_a_span_of_years_is_no_event_time_for_an_undated_twin() -> None:
    assert not loud({"a.txt": CAREER_A, "b.txt": CAREER_B})


@pytest.mark.parametrize("a, b", [
    ("Nine people were hurt in the Orsa blast, and three of them are in a serious condition.",
     "Three of the injured in the Orsa blast are in a serious condition."),
    ("Nine people were hurt in the Orsa blast.", "Three of the injured in the Orsa blast remain in hospital."),
])
def test_a_count_of_some_of_a_group_is_a_part(a: str, b: str) -> None:
    assert not loud({"a.txt": a, "b.txt": b})


@pytest.mark.parametrize("word, spelled", [
    ("jewellery", "jewelry"), ("organisation", "organization"), ("colour", "color"), ("centre", "center"),
    ("defence", "defense"), ("analyse", "analyze"), ("catalogue", "catalog"),
    # too short, no dictionary word when rewritten, or not an ending of the list
    ("prise", "prise"), ("promise", "promise"), ("four", "four"), ("flour", "flour"), ("tonne", "tonne"),
])
def test_one_spelling_for_a_word_spelt_two_ways(word: str, spelled: str) -> None:
    speller = Speller({"jewellery": "jewelry"},
                      {"isation": "ization", "ise": "ize", "our": "or", "tre": "ter", "ence": "ense", "yse": "yze",
                       "ogue": "og"})
    assert speller(word) == spelled


def test_a_share_got_in_a_sentence_of_an_election_is_a_share_of_votes() -> None:
    claims = claims_by_figure("In the 1921 assembly election, the Agrarian League received 38.2%.")
    assert claims["38.2%"].concept.key == "share of votes"
    # no event that shares are won in: no concept to guess
    assert claims_by_figure("The Agrarian League received 38.2%.")["38.2%"].concept.key is None


def test_money_raised_is_money_collected_not_a_rise() -> None:
    claims = claims_by_figure("Corvel, which raised $48m over three funding rounds, was bought by Asteron.")
    assert claims["$48m"].quantity.direction is None and claims["$48m"].concept.key == "funding"
    assert claims_by_figure("Orlen raised its fees by 5% in May.")["5%"].concept.key != "funding"
    assert loud({"a.txt": "Corvel has raised $35m from investors since it was founded in Varno.",
                 "b.txt": "Corvel, founded in Varno, has raised $60 million in funding from three investors."})


SANTA_A = """Quake rattles Brenton valley
The 4.1 quake was centred at Orwell, some 20 miles north of Brenton, the survey said.
Residents of Orwell and Brenton reported broken windows, and a road near the Kessel dam was closed.
Engineers from Brenton checked the Kessel dam and found no damage, the water board said.
"""

SANTA_B = """4.4 quake shakes Brenton valley
Its centre lay some 26 miles north of Brenton, near the Kessel dam, the survey said on Thursday.
No one in Brenton or Orwell was hurt, the county sheriff said.
The valley has had three quakes of magnitude 4 or more since January, the survey said.
"""


def test_two_distances_from_one_point_in_one_bearing_are_one_distance() -> None:
    found = loud({"a.txt": SANTA_A, "b.txt": SANTA_B})
    assert [{c["text"] for c in f["claims"]} for f in found] == [{"some 20 miles", "some 26 miles"}]
    assert "same_of" in found[0]["aligned_on"]
    # another bearing from the same town is another point
    assert not loud({"a.txt": SANTA_A, "b.txt": SANTA_B.replace("26 miles north", "26 miles south")})


def test_a_bare_magnitude_is_on_the_scale_its_rule_names() -> None:
    found = loud({"a.txt": "The Orsa earthquake's magnitude was 5.2, officials said.",
                  "b.txt": "The Orsa earthquake measured 5.7 on the Richter scale."})
    assert [{c["text"] for c in f["claims"]} for f in found] == [{"5.2", "5.7 on the Richter scale"}]
    claim = claims_by_figure("The Orsa earthquake's magnitude was 5.2, officials said.")["5.2"]
    assert (claim.quantity.kind, claim.quantity.unit) == ("measure", "richter_magnitude")
    assert any(p.facet == "unit" for p in claim.provenance)  # explain says why
    # the scale's name is no one the figure is about
    assert "Richter" not in claims_by_figure("The Orsa quake measured 5.7 on the Richter scale.")["5.7 on the Richter scale"].subject


def test_a_year_that_names_another_event_does_not_date_the_figure() -> None:
    text = "The 5.4-magnitude quake injured dozens as it shook a coast that was ravaged by the great floods of 1998."
    assert claims_by_figure(text)["5.4-magnitude"].period is None
    # the end of a year is the figure's own time
    assert claims_by_figure("Exports rose 5 percent by the end of 2004.")["5 percent"].period.label == "2004"


def test_a_part_word_in_a_clause_before_is_not_the_figures() -> None:
    text = "Asteron pays $120m in cash and $30m in stock for Corvel, which raised $35m from investors."
    claims = claims_by_figure(text)
    assert part_word(claims["$35m"]) == "" and part_word(claims["$120m"]) == "in cash"


WIVES_A = """Two Halden sect leaders charged
Prosecutors in Halden say Arlo Venn has 12 wives, and Per Oler has two wives.
Both men lead factions of the Halden sect, whose members live near the Varno river.
Venn and Oler will appear in a Halden court in March, the prosecutors said.
"""

WIVES_B = """Arlo Venn, who has 14 wives, told reporters in Halden that the charges break his freedom of religion.
The Halden sect settled near the Varno river in the 1950s, Venn said.
His lawyer said Venn would plead not guilty when the Halden court sits in March.
"""


def test_values_of_two_people_are_not_several_values_of_one() -> None:
    # one text gives Venn's wives and Oler's: Venn has one value there, and the other report's is in dispute
    found = loud({"a.txt": WIVES_A, "b.txt": WIVES_B})
    assert [{c["text"] for c in f["claims"]} for f in found] == [{"12", "14"}]
    assert "several_values" not in dict(found[0]["alignment"]["contributions"])


SOUGHT = """Gunman sought after Varno shooting
Police in Varno kept up the hunt on Friday night for Ivo Brant, 27, whom they called a danger to the public.
A deputy was shot dead at a house on Kessel Street, police said.
Officers from three towns joined the search for Brant, the Varno sheriff said.
"""

TRIED = """Varno gunman convicted
(June 3, 2024)
A jury in Varno found Ivo Brant, 29, guilty of murdering a deputy on Kessel Street.
Brant faces life in prison, the district attorney said, and will be sentenced in July.
"""


def test_an_undated_reports_age_is_of_no_known_time_even_in_one_story() -> None:
    assert not loud({"a.txt": SOUGHT, "b.txt": TRIED})


def both_ways(a: str, b: str) -> tuple[bool, bool]:
    """Whether checking the two sentences reports a loud contradiction as two texts, and as one text."""
    return bool(loud({"a.txt": a, "b.txt": b})), bool(loud({"one.txt": a + "\n\n" + b}))


@pytest.mark.parametrize("a, b", [
    # opposite acts, or acts that exclude each other
    ("Brisk Albion scored 62 goals last season.", "Brisk Albion conceded 35 goals last season."),
    ("Velmar Motors sold 31,000 vans in 2023.", "Velmar Motors bought 18,000 vans in 2023."),
    ("Tarvia exported 3 million tonnes of rye in 2022.", "Tarvia imported 1.4 million tonnes of rye in 2022."),
    ("The Orvik fire destroyed 40 homes.", "The Orvik fire damaged 120 homes."),
    # two statistics of pay, an order and a fleet, a half and the whole match
    ("The mean salary at Velmar is $52,000.", "The median salary at Velmar is $47,000."),
    ("The average salary at Velmar is $52,000.", "The starting salary at Velmar is $38,000."),
    ("Kessel Air has 45 aircraft.", "Kessel Air ordered 20 aircraft."),
    ("Brisk Albion scored 4 goals in the first half.", "Brisk Albion scored 6 goals in the match."),
])
def test_two_kinds_of_one_thing_stay_apart(a: str, b: str) -> None:
    assert both_ways(a, b) == (False, False)


def test_a_timeless_count_of_an_act_may_be_the_total_of_a_years() -> None:
    total, year = "Prof Ilse Varga has published 95 papers.", "Prof Ilse Varga published 9 papers last year."
    assert both_ways(total, year) == (False, False)
    # a total less than one year's part is a dispute still
    assert loud({"a.txt": total.replace("95", "7"), "b.txt": year})


@pytest.mark.parametrize("a, b", [
    ("Some 3,000 people marched through Orvik on Saturday.", "About 5,000 protesters marched through Orvik on Saturday."),
    ("Velmar cut 500 jobs in 2023.", "Velmar laid off 800 workers in 2023."),
    ("The Brava fair drew 80,000 visitors.", "The Brava fair attracted 120,000 people."),
])
def test_more_of_one_quantity_in_other_words(a: str, b: str) -> None:
    assert both_ways(a, b) == (True, True)


def test_a_word_of_a_noun_phrase_or_a_month_is_no_verb() -> None:
    # "a net profit": "net" is no verb of scoring; "due March 31": March is no verb of marching
    assert claims_by_figure("Velmar reported a net profit of $12 million.")["$12 million"].concept.verb != "score"
    assert claims_by_figure("Velmar is issuing a 30 mln dlr bond due March 31, 2030.")["30 mln dlr"].concept.verb is None


def test_an_item_of_a_list_that_adds_up_to_the_other_figure_agrees() -> None:
    assert not loud({"a.txt": "Coast guards held 19 Tarvian and Orsk fishermen on Sunday.",
                     "b.txt": "Coast guards held 11 Tarvian and 8 Orsk fishermen on Sunday."})
    # a list that adds up to something else is a dispute still
    assert loud({"a.txt": "Coast guards held 25 Tarvian and Orsk fishermen on Sunday.",
                 "b.txt": "Coast guards held 11 Tarvian and 8 Orsk fishermen on Sunday."})
