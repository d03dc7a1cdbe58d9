"""What an amount is of, who an apposition describes, which verb governs a counted noun, and a running total
said in other words. Cases are made up, with names and numbers of our own."""
from __future__ import annotations

import pytest

from claimcheck import claims_by_figure, loud


@pytest.mark.parametrize("sentence, figure, metric", [
    ("A week later a $3.5 million bracelet was taken from a guest at Villa Orsa.", "$3.5 million", "bracelet"),
    ("Tarno signed a $300 million deal with Belco.", "$300 million", "deal"),
    ("Burglars took £640,000 worth of watches from a shop in Kelby.", "£640,000", "watch"),
    ("Kelby paid a $1.2 billion settlement last year.", "$1.2 billion", "settlement"),  # not "settlement last year"
])
def test_what_an_amount_is_of(sentence: str, figure: str, metric: str) -> None:
    assert claims_by_figure(sentence)[figure].metric == metric


def test_one_bracelet_with_two_prices_contradicts() -> None:
    found = loud({"a.txt": "A week later a $3.5 million bracelet was stolen from a guest at Villa Orsa, police in "
                           "Kelby said.",
                  "b.txt": "Police in Kelby said a diamond bracelet worth $1.1 million was stolen from a guest at "
                           "Villa Orsa."})
    assert [sorted(c["text"] for c in f["claims"]) for f in found] == [["$1.1 million", "$3.5 million"]]


@pytest.mark.parametrize("sentence, figure, subject", [
    ("Dorrance, thought to own 19 horses, was fined on Monday.", "19", ("Dorrance",)),  # the figure in the apposition
    ("Ilse Dorrance, the former mayor, owns 19 horses.", "19", ("Ilse Dorrance",)),  # an apposition before the verb
])
def test_an_apposition_describes_the_name_that_opens_the_sentence(sentence: str, figure: str,
                                                                   subject: tuple[str, ...]) -> None:
    assert claims_by_figure(sentence)[figure].subject == subject


def test_a_sentence_opened_by_a_word_that_names_no_one_has_no_apposed_subject() -> None:
    assert claims_by_figure("Yesterday, 5 people died in the storm.")["5"].subject == ()


@pytest.mark.parametrize("sentence, figure, concept", [
    ("Police said 74 alleged gang members seized on Friday were held overnight.", "74", "arrests"),
    ("About 900 people live in the valley of Orsa.", "About 900", "rule:demography.population"),
])
def test_a_verb_right_after_the_counted_noun_governs_it(sentence: str, figure: str, concept: str) -> None:
    claim = claims_by_figure(sentence)[figure]
    assert claim.concept is not None and (claim.concept.key == concept or "rule:" + claim.rule == concept)


def test_an_active_verb_after_the_counted_noun_is_what_they_did() -> None:
    # "three gunmen killed five guards": the gunmen were not killed
    claim = claims_by_figure("Three gunmen killed five guards at the Orsa depot.")["Three"]
    assert claim.concept is None or claim.concept.key != "deaths"


def test_people_who_live_in_a_place_meet_its_population() -> None:
    found = loud({"a.txt": "About 900 people live in the valley town of Orsa, its mayor said.",
                  "b.txt": "Orsa, a valley town, has a population of about 1,300."})
    assert len(found) == 1


def test_a_toll_since_the_campaign_began_is_a_running_total() -> None:
    # the war's toll is not one strike's, however the running total is worded
    text = {"a.txt": "The mounting toll, more than 820 Varnish soldiers killed since the siege began nine days ago, "
                     "alarmed Kelby.",
            "b.txt": "A rocket strike that killed about 30 Varnish soldiers at a depot in Orsa on Monday alarmed "
                     "Kelby."}
    assert not loud(text)
