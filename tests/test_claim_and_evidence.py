"""A one-sentence claim checked against an evidence text, as a fact-checker pastes them: the evidence often
gives no year, spells a name without its accents, puts a life's span in a bracket after other names, or
sizes a thing with a measure used as an adjective. Cases are made up, with names and numbers of our own."""
from __future__ import annotations

from claimcheck import claims_by_figure, loud


# ------------------------------------------------------------------------------ a year on one side only
def test_undated_evidence_is_read_as_of_the_claims_period() -> None:
    found = loud({"claim.txt": "The March 2014 Velden ice storm brought down 412 power lines.",
                   "evidence.txt": "During the March 2014 Velden ice storm the wind turned north on the second "
                                   "night. In the end, 598 power lines were brought down across the valley."})
    assert found


def test_evidence_with_another_year_stays_apart() -> None:
    assert not loud({"claim.txt": "The Velden ice storm of March 2014 brought down 412 power lines.",
                      "evidence.txt": "The Velden ice storm of March 2016 brought down 598 power lines."})


def test_a_relative_time_that_cannot_be_resolved_is_not_read_as_theclaims() -> None:
    # "last year" in a text with no date may be any year: not the claim's period
    assert not loud({"claim.txt": "The Velden ice storm of March 2014 toppled 412 power lines.",
                      "evidence.txt": "Last year the Velden ice storm toppled 598 power lines."})


# ------------------------------------------------------------------------------ names
def test_a_name_with_and_without_its_accents_is_one_name() -> None:
    found = loud({"claim.txt": "Jiří Novotný was born in 1904.",
                   "evidence.txt": "Jiri Novotny was born in 1907 in a village near Tábor."})
    assert found


def test_two_people_stay_apart_whatever_their_accents() -> None:
    assert not loud({"claim.txt": "Jiří Novotný was born in 1904.",
                      "evidence.txt": "Pavel Dvořák was born in 1907."})


# ------------------------------------------------------------------------------ a life's span in brackets
def test_a_lifespan_after_other_bracketed_names_dates_a_birth_and_a_death() -> None:
    claims = claims_by_figure("Halvar Ostby (Norwegian: Hallvard Østby; 1781–1847) was a shipbuilder in Bergen.")
    assert claims["1781"].metric == "date born" and claims["1847"].metric == "date die"
    assert claims["1781"].subject == ("Halvar Ostby",)


def test_a_lifespan_with_circa_after_a_semicolon() -> None:
    claims = claims_by_figure("Halvar Ostby (Norwegian: Hallvard Østby; c. 1781 – 1847) was a shipbuilder.")
    assert claims["1847"].metric == "date die"


def test_a_birth_year_against_a_lifespan_in_brackets() -> None:
    found = loud({"claim.txt": "Halvar Ostby was born in 1783.",
                   "evidence.txt": "Halvar Ostby (Norwegian: Hallvard Østby; 1781–1847) was a shipbuilder in Bergen."})
    assert found


def test_figures_in_a_bracket_after_a_semicolon_are_no_lifespan() -> None:
    claims = claims_by_figure("The guild (founded in 1850; 1,200–1,400 members) met in Bergen.")
    assert "date" not in (claims["1,200–1,400"].metric or "")


# ------------------------------------------------------------------------------ a measure as an adjective
def test_a_measure_used_as_an_adjective_sizes_its_noun() -> None:
    found = loud({"claim.txt": "Anneke Vos bought the 300-acre Kestrel farm in 1990.",
                   "evidence.txt": "The Kestrel farm covers 420 acres."})
    assert found


def test_a_measure_that_names_a_kind_is_no_size_in_dispute() -> None:
    # "13-inch models" and "15-inch models" are two kinds of one product, not two sizes of one thing
    assert not loud({"a.txt": "Lumo Tablets\n\nLumo sells its 13-inch models for $1,099 from May.\n\n"
                               "Both come in grey.",
                      "b.txt": "Lumo Launch\n\nLumo fits its cheapest 15-inch models with 8GB of memory.\n\n"
                               "Lumo ships them in May."})


def test_an_attributive_measure_needs_an_article_and_a_singular_thing() -> None:
    claims = claims_by_figure("They sold the 40-hectare orchard along the river. Crews laid 5-hectare plots near the dock.")
    assert claims["40-hectare"].rule == "geography.area" and "orchard" in claims["40-hectare"].subject
    assert claims["5-hectare"].rule != "geography.area"


def test_a_length_used_as_an_adjective_names_a_kind() -> None:
    assert not loud({"a.txt": "Lumo Notes\n\nThe 13-inch option costs $1,099.\n\nIt ships in May.",
                      "b.txt": "Lumo Range\n\nThe 15-inch model is offered at $1,899.\n\nIt ships in May."})
