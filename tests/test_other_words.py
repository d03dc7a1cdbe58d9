"""One quantity said in other words, within one text and across two, and the traps that must stay apart.

Each case is made up, with names and numbers of our own: the phrasings are what matter ("left 471 dead",
"471 people died", "some 55,000 people attended", "spans 1.6 km", "built at a cost of", "passenger numbers",
"took 61 percent of ballots cast"), as are one statement edited inside a text and the figures that only look
alike (visitors and volunteers, a segment's revenue and the total, a speaker's own issue and another's).
"""
from __future__ import annotations

import factcheck
import pytest

from claimcheck import claims_by_figure, loud
from factcheck.cues import value_gap
from factcheck.model import Modality

PAIRS = [
    ("The earthquake killed 217 people in Halvik province.",
     "The earthquake in Halvik province left 471 dead."),
    ("The earthquake killed 217 people in Halvik province.",
     "At least 471 people died in the earthquake in Halvik province."),
    ("The Harvest Fair in Oldbury drew 40,000 visitors this year.",
     "Some 55,000 people attended the Harvest Fair in Oldbury this year."),
    ("The Velin Bridge is 1,200 metres long.", "The Velin Bridge spans 1.6 km."),
    ("The Kessel Dam cost $2 billion to build.",
     "Engineers finished the Kessel Dam at a cost of $3.85 billion in May."),
    ("Orlen Air carried 12 million passengers in 2023.", "Orlen Air's passenger numbers reached 15 million in 2023."),
    ("Anna Korsakova won 54% of the vote in the Tarvel election.",
     "Anna Korsakova took 61 percent of ballots cast in the Tarvel election."),
    ("Anna Korsakova won 54% of the vote in the Tarvel election.",
     "Anna Korsakova received 61% of the votes in the Tarvel election."),
    ("Tessa Vale died in 2019 at the age of 58.", "Tessa Vale died in 2019 aged 61."),
    ("Norland's GDP grew 2.1% in 2023.", "Norland recorded economic growth of 3.4% in 2023."),
    ("Inflation in Norland was 4.2% in June 2024.",
     "Consumer prices in Norland rose 5.9% in June 2024 from a year earlier."),
    ("The Corvan Museum welcomed 1.2 million visitors in 2023.",
     "Some 1.6 million people visited the Corvan Museum in 2023."),
    ("The Velin Bridge opened in 1998.", "The Velin Bridge was inaugurated in 2001."),
    ("The Dorvin flood displaced 20,000 people.", "The Dorvin flood left 35,000 people homeless."),
    ("Thirty people were injured when the Brava express derailed on Friday.",
     "The derailment of the Brava express on Friday left 55 people hurt."),
    ("Dunmore Mills had sales of $800 million last year.", "Dunmore Mills had sales of $950 million last year."),
    ("Selby Rovers scored 74 goals last season.", "Selby Rovers netted 81 goals last season."),
    ("Orvik Bank has 3.2 million customers.", "Orvik Bank serves 4.1 million clients."),
    ("Orvik Bank has 3.2 million customers.", "Orvik Bank's customer base numbers 4.1 million."),
    ("Anna Korsakova won 54% in the Tarvel election.", "Anna Korsakova took 61 percent of the vote in Tarvel."),
    ("Mount Keld is 4,390 metres high.", "The summit of Mount Keld stands at 4,120 metres."),
]


@pytest.mark.parametrize("a, b", PAIRS)
def test_one_quantity_in_other_words_is_compared_across_two_texts(a: str, b: str) -> None:
    assert loud({"a.txt": a, "b.txt": b})


@pytest.mark.parametrize("a, b", PAIRS + [
    ("Brenholt Tools employs 2,300 people at three plants.", "Brenholt Tools has a workforce of 3,100."),
    ("Brenholt Tools employs 2,300 people.", "Brenholt Tools' staff numbers 3,100."),
])
def test_one_quantity_in_other_words_is_compared_inside_one_text(a: str, b: str) -> None:
    assert loud({"d.txt": f"{a}\n\nOther news followed.\n\n{b}"})


@pytest.mark.parametrize("a, b", [
    ("The Harvest Fair in Oldbury drew 40,000 visitors this year.",
     "The Harvest Fair in Oldbury relied on 4,000 volunteers this year."),
    ("Marta Lind, 54, chairs the board.", "Piotr Lind, 61, runs the plant."),
    ("The earthquake killed 217 people in Halvik province.", "The earthquake injured 471 people in Halvik province."),
    ("The Tarsk Tower is 320 metres tall.", "The Tarsk Tower is 80 metres wide."),
    ("Brenholt Tools employs 2,300 people.", "Halder Glass employs 3,100 people."),
    ("Brenholt Tools employs 2,300 people in Norland.", "Brenholt Tools employs 3,100 people worldwide."),
    ("Gunmen killed 12 people in Monday's attack on the Ardel market.",
     "Gunmen killed 40 people in Tuesday's attack on the Ardel station."),
    ("Anna Korsakova won 54% of the vote in the first round.", "Anna Korsakova won 61% of the vote in the runoff."),
    ("The Dorvin mill hired 300 workers last year.", "The Dorvin mill employs 4,000 workers."),
    ("Kestrel Air operates 85 aircraft.", "Kestrel Air has ordered 30 new aircraft."),
    ("The Oldbury Marathon had 12,000 runners this year.",
     "About 9,000 runners finished the Oldbury Marathon this year."),
    ("Dunmore Mills had sales of $800 million last year.", "Dunmore Mills had sales of $950 million the year before."),
    ("Mirva Pharma spent $400 million on research in 2024.", "Mirva Pharma spent $90 million on marketing in 2024."),
    ("The Talin ferry can carry 1,200 passengers.", "The Talin ferry carried 900 passengers on Monday."),
])
def test_figures_that_only_look_alike_stay_apart(a: str, b: str) -> None:
    assert not loud({"a.txt": a, "b.txt": b})
    assert not loud({"d.txt": f"{a}\n\nOther news followed.\n\n{b}"})


@pytest.mark.parametrize("sentence, figure, metric, key", [
    ("The storm in Brava left 40 dead.", "40", "death toll", "rule:casualties.death_toll"),
    ("Some 120 people died in the flood.", "Some 120", "death toll", "rule:casualties.death_toll"),
    ("About 9,000 people attended the Oldbury fair.", "About 9,000", None, "spectators"),
    ("The Velin Bridge spans 1.6 km.", "1.6 km", "distance", "rule:geography.distance"),
    ("Lake Orla spans 40 square kilometres.", "40 square kilometres", "area", "rule:geography.area"),
    ("Engineers finished the Kessel Dam at a cost of $3.85 billion in May.", "$3.85 billion", "price",
     "rule:prices.price"),
    ("Orlen Air's passenger numbers reached 15 million in 2023.", "15 million", "passenger", "noun:passenger"),
    ("Tarvel's new mayor took 61 percent of ballots cast.", "61 percent", None, "share of votes"),
    ("The strike at the Dorvin mill went on for three weeks.", "for three weeks", "duration", "noun:duration"),
])
def test_the_phrasing_names_what_the_figure_measures(sentence: str, figure: str, metric: str | None,
                                                      key: str) -> None:
    c = claims_by_figure(sentence)[figure]
    assert metric is None or c.metric == metric
    assert c.concept is not None and c.concept.key == key


def test_a_phrasal_verb_keeps_its_particle_out_of_the_figure() -> None:
    # "burned down 300 houses" is no fall of 300
    (q,) = [q for q in factcheck.extract_text("The fire in Castor burned down 300 houses.")]
    assert q.text == "300" and q.direction is None


def test_a_word_with_no_verb_reading_is_not_made_a_participle() -> None:
    from factcheck.frame.words import participle

    assert participle("dead") == "dead" and participle("kills") == "killed"


def test_a_speaker_that_speaks_of_itself_owns_the_figure() -> None:
    c = claims_by_figure("Tamsin Foods said it lodged papers with the Ontario Securities Commission for a 40 mln "
                         "dlr bond sale maturing in 2031.")["40 mln dlr"]
    assert c.subject == ("Tamsin Foods",)
    # another name the figure may be about keeps the sentence's own reading
    c = claims_by_figure("Halder Bank said it expects Veldia's economy to grow 5 pct this year.")["5 pct"]
    assert "Halder Bank" not in c.subject


def test_two_issuers_of_one_template_are_not_one_issue() -> None:
    template = ("{} said it lodged papers with the Ontario Securities Commission for a {} mln dlr bond sale "
                "maturing in 2031.")
    names = ["Tamsin Foods", "Orvel Mining", "Kester Chemicals", "Daly Freight"]
    texts = {f"{i}.txt": template.format(n, v) for i, (n, v) in enumerate(zip(names, (40, 75, 100, 65)))}
    assert not loud(texts)


def test_a_forecast_edited_inside_one_text_contradicts() -> None:
    story = ("The Brava central bank's discount rate is projected to fall to 3.5 pct from 4.1 under the new "
             "accord, officials in the capital said.\n\nThe bank declined to comment on the talks.\n\n"
             "The Brava central bank's discount rate is projected to fall to 2.9 pct from 4.1 under the new "
             "accord, officials in the capital said.")
    assert loud({"d.txt": story})
    # two forecasts that are not one sentence edited stay as the rule's ignore list has them
    assert not loud({"d.txt": "Veldia is expected to cut its rate to 5.5 pct.\n\nAnalysts expect a cut to 5 pct."})


def test_an_edited_sentence_keeps_its_subject_and_its_pronoun() -> None:
    story = ("Orvel Mining reported higher output on Monday.\n\n"
             "It said copper producers in Brava will receive about 515 mln dlrs under the new programme.\n\n"
             "Halder Bank, its lender, had no comment on the figures.\n\n"
             "It said copper producers in Brava will receive about 670 mln dlrs under the new programme.")
    assert loud({"d.txt": story})


def test_enough_for_is_a_capacity_not_a_count() -> None:
    c = claims_by_figure("The depot in Bunda holds enough food for 15,000 refugees.")["15,000"]
    assert c.modality != Modality.FACT


def test_values_fifty_fold_apart_weigh_double() -> None:
    def claim(text: str) -> factcheck.Claim:
        return next(iter(claims_by_figure(text).values()))
    small, large, huge = claim("12 people died."), claim("120 people died."), claim("2,000,000 people died.")
    assert value_gap(small, large) == pytest.approx(1.0)
    assert value_gap(small, huge) == pytest.approx(2.0)


def test_a_province_named_as_part_of_a_country_is_a_part() -> None:
    c = claims_by_figure("The floods killed 1,200 people in Talmera's Dorvin province.")["1,200"]
    assert any(s.startswith("in ") and "dorvin province" in s for s in c.scope)


def test_one_figure_by_a_method_of_its_own_is_another_measure() -> None:
    story = ("Brava's budget deficit was 2.41 billion crowns in the year to June 2025, the treasury said.\n\n"
             "By the accruals reckoning, using this \"cash-flow\" method, the deficit in the year to June 2025 "
             "was 2.12 billion crowns, he said.")
    assert not loud({"d.txt": story})
    assert loud({"d.txt": story.replace('using this "cash-flow" method, ', "")})


@pytest.mark.parametrize("sentence, figure, owner", [
    ("Tessa Vale died in 2019 at the age of 58.", "58", "Tessa Vale"),
    ("Tessa Vale died in 2019 aged 61.", "61", "Tessa Vale"),
    ("Jon Vale, aged 64, is a sculptor.", "64", "Jon Vale"),
])
def test_an_age_after_a_death_is_an_age_not_a_toll(sentence: str, figure: str, owner: str) -> None:
    c = claims_by_figure(sentence)[figure]
    assert c.metric == "age" and c.subject == (owner,)


@pytest.mark.parametrize("sentence, figure, rule", [
    ("Marlow Foods' revenue rose to $4.2 billion in 2022.", "$4.2 billion", "generic"),
    ("Norland's tax revenue reached €310 billion in 2023.", "€310 billion", "public.revenue"),
])
def test_a_companys_revenue_is_not_public_revenue(sentence: str, figure: str, rule: str) -> None:
    assert claims_by_figure(sentence)[figure].rule == rule
