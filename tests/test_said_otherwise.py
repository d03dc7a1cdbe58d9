"""One quantity said in other words, and the traps that must stay apart: ages, areas, populations,
visitor counts and lengths. Cases are made up, with names and numbers of our own."""
from __future__ import annotations

import pytest

from claimcheck import claims_by_figure, loud


def _loud(a: str, b: str) -> list[dict]:
    return loud({"a.txt": a, "b.txt": b})



SAME_THING = [
    ("The Orvel river is 630 km long.", "The Orvel river flows for 710 kilometres to the sea."),
    ("The arena in Tarsk seats 18,000 people.", "The Tarsk arena has a capacity of 24,500."),
    ("The Pellow dam cost $2 billion to build.", "Building the Pellow dam cost $3.5 billion."),
    ("Anja Ruul won 54% of the vote in Tarsk.", "Anja Ruul took 61% of the vote in Tarsk."),
    ("Police said 12 people died in the Tarsk flood.", "Officials said 19 people died in the Tarsk flood."),
    ("Tova Brink is 41 years old.", "Tova Brink, 44, opened the new clinic in Sarn."),
    ("The 52-year-old Aled Morn took the helm.", "Aled Morn, aged 49, took the helm of the ferry line."),
    ("Lake Vessa covers 210 square kilometres.", "Lake Vessa has an area of 260 km2."),
    ("Kelmarsh is home to 48,000 people.", "Kelmarsh has a population of 61,000."),
    ("The Harl gallery drew 82,000 visitors in 2018.", "Attendance at the Harl gallery reached 97,000 in 2018."),
    ("The Duna viaduct is 2.4 km long.", "The Duna viaduct has a length of 2,900 metres."),
    ("About a third of Dalby's voters backed the levy in 2019.", "In 2019, 58% of Dalby's voters backed the levy."),
    ("Half of the 600 staff at Brannock work in Ulm.", "Brannock's Ulm site holds 65% of its 600 staff."),
    ("The Tern library holds 4 million books.", "The Tern library's collection numbers 5.2 million volumes."),
    ("The blaze in Kettow destroyed 80 homes.", "The Kettow blaze razed 210 houses."),
    ("The 1.2 hectares (3 acres) fruit orchard at Vell was planted in 1904.",
     "The fruit orchard at Vell covers an area of 1.9 hectares."),
]

APART = [
    ("The arena in Tarsk seats 18,000 people.", "The Tarsk arena drew 24,500 fans on Sunday."),
    ("The Orvel river is 630 km long.", "The Orvel river basin covers 710 square kilometres."),
    ("Tova Brink, 41, opened the clinic.", "Her brother Ivo Brink, 44, runs the pharmacy next door."),
    ("Tova Brink is 41 years old.", "Piet Lund is 44 years old."),
    ("A 41-year-old man was arrested in Sarn.", "A 44-year-old man was arrested in Sarn."),
    ("The Harl gallery drew 82,000 visitors.", "The Harl gallery relies on 800 volunteers."),
    ("Lake Vessa covers 210 square kilometres.", "Lake Vessa is 38 metres deep."),
    ("The Duna viaduct is 2.4 km long.", "The Duna tunnel is 2.9 km long."),
    ("The Pellow dam cost $2 billion to build.", "The Pellow bridge cost $3.5 billion to build."),
    ("Anja Ruul won 54% of the vote in Tarsk.", "Oskar Venn won 61% of the vote in Tarsk."),
    ("Half of the 600 staff at Brannock work in Ulm.", "Brannock's Ulm site holds 52% of its 600 staff."),
    ("Two-thirds of Dalby's voters backed the levy in 2019.", "In 2019, 66% of Dalby's voters backed the levy."),
    ("The blaze in Kettow destroyed 80 homes.", "The Kettow blaze damaged 210 houses."),
    ("The Tern library holds 4 million books.", "The Tern library has 5.2 million visitors a year."),
    ("On Monday Brell Corp sent out a prospectus covering a 40 mln dlr sale of bonds.",
     "On Monday Tamsin Corp sent out a prospectus covering a 90 mln dlr sale of bonds."),
]


@pytest.mark.parametrize("a,b", SAME_THING)
def test_one_quantity_in_other_words_is_compared(a: str, b: str) -> None:
    assert _loud(a, b), (a, b)


@pytest.mark.parametrize("a,b", APART)
def test_traps_stay_apart(a: str, b: str) -> None:
    assert not _loud(a, b), (a, b)


def test_an_age_is_a_claim_about_the_name_it_is_pinned_to() -> None:
    claims = claims_by_figure("Tova Brink, 41, and her brother Ivo Brink, 44, run the Sarn pharmacy.")
    assert claims["41"].metric == "age" and claims["41"].subject == ("Tova Brink",)
    assert claims["44"].subject == ("Ivo Brink",)


def test_an_age_nobody_owns_is_no_claim() -> None:
    claims = claims_by_figure("A 41-year-old man was arrested on Friday.")
    assert "41-year-old" not in claims


def test_a_concept_verb_outside_its_rule_is_no_concept() -> None:
    # "covering" a sum of money is no area: the claim keeps no verb of the area concept
    claims = claims_by_figure("On Monday Brell Corp sent out a prospectus covering a 40 mln dlr sale of bonds.")
    c = claims["40 mln dlr"]
    assert c.rule != "geography.area" and c.concept.verb is None


def test_the_thing_before_the_verb_is_the_item() -> None:
    claims = claims_by_figure("The Pellow dam cost $2 billion to build.")
    assert "dam" in claims["$2 billion"].subject


def test_the_name_that_opens_a_sentence_and_acts_is_its_doer() -> None:
    from factcheck.cues import doer

    claims = claims_by_figure("Anja Ruul won 54% of the vote in Tarsk. Police said 12 people died in Tarsk.")
    assert doer(claims["54%"]) == "Anja Ruul"
    assert doer(claims["12"]) is None  # a speaker is no doer


def test_a_fraction_meets_a_percent_and_shows_its_share(tmp_path) -> None:
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("Half of the 600 staff at Brannock work in Ulm.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Brannock's Ulm site holds 65% of its 600 staff.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "factcheck", "check", str(tmp_path), "--format", "line",
                          "--fail-on", "warning"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    line = next(x for x in run.stdout.splitlines() if "warning" in x)
    assert "share of staff" in line and "Half (50%)" in line and "65%" in line
