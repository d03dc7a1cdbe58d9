"""Terms: a duration the grammar makes the length of something named ("served seven months", "was jailed
for six years", "a 13-year sentence", "the tremor lasted about 20 seconds") is a claim; other durations ("a
three-year loan", "nine days after") only date other figures. Durations carry the interval their words give.
Cases are made up, with names and numbers of our own."""
from __future__ import annotations

import factcheck
import pytest

from claimcheck import claims_by_figure, loud


def _duration(text: str) -> factcheck.Quantity:
    (q,) = [q for q in factcheck.extract_text(text) if q.kind == "duration"]
    return q


@pytest.mark.parametrize("text, figure, low, high", [
    ("He served four months there.", "four months", 3.5, 4.5),  # rounded at its last stated digit
    ("He served 4 1/2 months there.", "4 1/2 months", 4.25, 4.75),  # four and a half, to the half
    ("It lasted 2.5 hours.", "2.5 hours", 2.45, 2.55),
    ("The tremor lasted about 20 seconds.", "about 20 seconds", 18.0, 22.0),  # hedged as any figure
    ("She waited almost three weeks.", "almost three weeks", 2.5, 3.5),  # as "almost three" of anything
    ("They kept it up for more than three decades.", "more than three decades", 3.0, None),
])
def test_a_duration_carries_the_interval_its_words_give(text: str, figure: str, low: float,
                                                         high: float | None) -> None:
    q = _duration(text)
    assert q.text.strip().removeprefix("for ") == figure
    assert q.low == pytest.approx(low) and (q.high == pytest.approx(high) if high is not None else q.high is None)


def test_the_half_of_a_mangled_fraction_is_no_duration() -> None:
    # "61/2 weeks" is a 6½ that lost its glyph: the "2" after the slash is not two weeks
    assert not [q for q in factcheck.extract_text("Pell Hanley served 61/2 weeks in custody.") if q.kind == "duration"]


@pytest.mark.parametrize("sentence, figure, metric", [
    ("Ormond Vale served seven months in a state prison.", "seven months", "time served"),
    ("Ormond Vale was sentenced to thirteen years by a Kelby court.", "thirteen years", "prison sentence"),
    ("Ormond Vale was jailed for six years.", "for six years", "prison sentence"),
    ("Ormond Vale is serving a 14-year sentence in Kelby.", "14-year", "prison sentence"),
    ("The tremor in Dunmarsh lasted about 20 seconds.", "about 20 seconds", "duration"),
])
def test_a_duration_that_sizes_a_term_is_a_claim(sentence: str, figure: str, metric: str) -> None:
    assert claims_by_figure(sentence)[figure].metric == metric


@pytest.mark.parametrize("sentence, figure", [
    ("Ormond Vale took out a three-year loan from Tessing Bank.", "three-year"),
    ("Ormond Vale died nine days after the fire in Kelby.", "nine days"),
    ("In the past nine months Ormond Vale sold 40 boats.", "In the past nine months"),
])
def test_other_durations_are_no_claims(sentence: str, figure: str) -> None:
    assert figure not in claims_by_figure(sentence)


def test_an_apposition_between_the_doer_and_the_verb_keeps_the_doer() -> None:
    claim = claims_by_figure("Ormond Vale, the former county treasurer, served seven months in prison.")
    assert claim["seven months"].subject == ("Ormond Vale",)


def test_two_reports_of_one_term_with_different_lengths_contradict() -> None:
    found = loud({"a.txt": "Ormond Vale, the former county treasurer, served seven months in a state prison.",
                  "b.txt": "Ormond Vale served nine months in a state prison for the fraud, the court said."})
    assert len(found) == 1
    assert {c["text"] for c in found[0]["claims"]} == {"seven months", "nine months"}


def test_one_term_in_other_units_and_words_agrees() -> None:
    # 4 1/2 months is about 137 days; "a 13-year sentence" is "sentenced to 13 years"
    assert not loud({"a.txt": "Ormond Vale served 4 1/2 months in a state prison for the fraud.",
                     "b.txt": "Ormond Vale served 136 days in a state prison for the fraud."})
    assert not loud({"a.txt": "Ormond Vale was sentenced to 13 years by a Kelby court for the fraud.",
                     "b.txt": "Ormond Vale began a 13-year prison sentence for the fraud on Monday."})


def test_two_people_or_two_kinds_of_term_stay_apart() -> None:
    assert not loud({"a.txt": "Ormond Vale served seven months in a state prison for the fraud.",
                     "b.txt": "Lisa Perrow served nine months in a state prison for the fraud."})
    # time served is not the sentence passed
    assert not loud({"a.txt": "Ormond Vale served seven months in a state prison for the fraud.",
                     "b.txt": "Ormond Vale was sentenced to three years by a Kelby court for the fraud."})
    # a loan's term is no term the lexicon names
    assert not loud({"a.txt": "Ormond Vale took out a three-year loan from Tessing Bank.",
                     "b.txt": "Ormond Vale took out a five-year loan from Tessing Bank."})
