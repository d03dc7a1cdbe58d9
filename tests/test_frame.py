"""Framing: which metric, aspect, subject, period and attribution a figure gets (table-driven)."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from factcheck.errors import RuleFileError
from factcheck.extract import extract_text
from factcheck.frame import Framer, load_frames, sentence_spans
from factcheck.model import Document
from factcheck.paths import shipped_rules_dir
from factcheck.rules import load_rules

RULES = load_rules()
DOC_DATE = dt.date(2022, 11, 17)


def _claims(text: str, date: dt.date | None = DOC_DATE):
    doc = Document("d.txt", text, date, "cli" if date else "none")
    return Framer(RULES).frame(doc, extract_text(text, date=date, doc="d.txt"))


def _one(text: str, quote: str):
    found = [c for c in _claims(text) if c.quantity.text == quote]
    assert found, [(c.quantity.text, c.metric) for c in _claims(text)]
    return found[0]


@pytest.mark.parametrize("text, quote, metric, aspect, rule", [
    ("Mr Asadov said trade grew about 12 percent last year.", "about 12 percent", "trade growth", "change",
     "economy.trade_growth"),
    ("Mutual trade reached about $3 billion.", "about $3 billion", "trade volume", "level", "economy.trade"),
    ("More than 900 joint ventures operate in Azerbaijan.", "More than 900", "joint ventures", "level",
     "organisations.joint_ventures"),
    ("The earthquake killed 120 people on Monday.", "120", "death toll", "level", "casualties.death_toll"),
    ("Spain's unemployment rate was 13.5% in 2023.", "13.5%", "unemployment rate", "level", "economy.unemployment"),
    ("The Power of Siberia pipeline is 3,000 km long.", "3,000 km", "distance", "level", "geography.distance"),
    ("Harlan Mutual agreed to pay $2.7 billion to end the lawsuit.", "$2.7 billion", "paid", "level", "generic"),
])
def test_metric_aspect_and_rule(text: str, quote: str, metric: str, aspect: str, rule: str) -> None:
    c = _one(text, quote)
    assert (c.metric, c.aspect, c.rule) == (metric, aspect, rule)


@pytest.mark.parametrize("text, quote, start, end", [
    ("Mr Asadov said trade grew about 12 percent last year.", "about 12 percent", "2021-01-01", "2021-12-31"),
    ("Trade increased 16 percent compared to 2020 to $3.3 billion.", "$3.3 billion", "2021-01-01", "2021-12-31"),
    ("This year, our records for 10 months show that mutual trade reached about $3 billion.", "about $3 billion",
     "2022-01-01", "2022-10-31"),
    ("There were 1,780 press releases posted in the last 24 hours.", "1,780", "2022-11-16", "2022-11-17"),
    ("More than 70 regions cooperate with Azerbaijan.", "More than 70", "2022-11-17", "2022-11-17"),
])
def test_period_is_resolved_against_the_document_date(text: str, quote: str, start: str, end: str) -> None:
    c = _one(text, quote)
    assert c.period is not None and (c.period.start.isoformat(), c.period.end.isoformat()) == (start, end)


def test_relative_periods_in_undated_documents_stay_unresolved() -> None:
    [c] = [c for c in _claims("Trade grew 12 percent last year.", date=None) if c.quantity.kind == "percent"]
    assert c.period is None and c.period_source == "unresolved"


def test_subjects_come_from_possessives_and_prepositions() -> None:
    assert "Germany" in _one("Germany's GDP was $4.5 trillion in 2023.", "$4.5 trillion").subject
    c = _one("Trade between Russia and China reached $240 billion in 2023.", "$240 billion")
    assert {"Russia", "China"} <= set(c.subject)


def test_names_with_diacritics_are_whole_subjects() -> None:
    c = _one("The rebels had 23 wounded in the Siege of Peñón Álvarez.", "23")
    assert "Siege of Peñón Álvarez" in c.subject, c.subject  # "X of Y" is one name, accents and all


def test_direction_words_frame_a_named_mover_only() -> None:
    moves = [c for c in _claims("Tandor & Corvex down, Lira up 0.6%. Shares of Zentrica rose.") if c.metric == "direction"]
    assert {(c.quantity.direction, c.subject) for c in moves} == {("down", ("Corvex", "Tandor")), ("up", ("Lira",))}
    assert [c.quantity.value for c in moves if c.quantity.direction == "up"] == [0.6]


def test_attribution_and_transcript_speakers() -> None:
    text = "Ilham Aliyev: Thank you. We sold 900 tractors in 2021.\n\nMr Asadov said trade grew 12 percent in 2021."
    claims = {c.quantity.text: c for c in _claims(text)}
    assert claims["900"].attribution == "Ilham Aliyev"
    assert claims["12 percent"].attribution == "Mr Asadov"


def test_a_restatement_inherits_the_previous_metric() -> None:
    claims = _claims("Mr Asadov said trade grew about 12 percent last year. I have a different number: 16 percent.")
    second = [c for c in claims if c.quantity.text == "16 percent"][0]
    assert (second.metric, second.aspect) == ("trade growth", "change")
    assert second.period and second.period.start.year == 2021


def test_forecasts_are_marked() -> None:
    assert _one("The population will reach 10 billion by 2060.", "10 billion").modality == "forecast"
    assert _one("The population reached 8 billion in 2022.", "8 billion").modality == "fact"


def test_event_dates_become_claims() -> None:
    [c] = [c for c in _claims("Wen Tao died on 9 March 1967 in Tainan.") if c.quantity.kind == "date"]
    assert c.metric == "date die" and "Wen Tao" in c.subject


def test_sentences_respect_abbreviations() -> None:
    text = "Mr. Smith said exports rose 3% in 2021. Imports fell."
    assert [text[a:b] for a, b in sentence_spans(text)] == ["Mr. Smith said exports rose 3% in 2021.", "Imports fell."]


def test_a_bad_frames_lexicon_is_one_file_line_error(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(shipped_rules_dir() / "lexicon", rules / "lexicon")
    path = rules / "lexicon" / "frames.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("change_verbs: [", "change_verbs: 12 #[", 1),
                    encoding="utf-8")
    load_frames.cache_clear()
    with pytest.raises(RuleFileError) as err:
        load_frames(rules)
    assert str(err.value).startswith(f"{path}:")


@pytest.mark.parametrize("text, quote, metric", [
    ("The club was set up in 1931 by Anna Weber.", "1931", "date found"),
    ("Anna Weber established the club in 1931.", "1931", "date found"),
    ("The Navy started using the Mark 8 torpedo in 1927.", "1927", "date enter service"),
    ("The Ninth Avenue Viaduct opened in 1961.", "1961", "date open"),
    ("The 11th forum was held in 2022 in Baku, Azerbaijan.", "2022", "date hold (11th)"),
])
def test_event_synonyms_and_ordinals(text: str, quote: str, metric: str) -> None:
    [c] = [c for c in _claims(text) if c.quantity.text == quote]
    assert c.metric == metric, (c.metric, c.subject)


def test_what_is_had_is_the_metric_and_the_owner_its_subject() -> None:
    c = _one("The Baltic Dockers Union has a membership of 48,210.", "48,210")
    assert c.metric == "membership" and any("Baltic" in s for s in c.subject), (c.metric, c.subject)
    assert _one("The groundwater under the marsh has a salinity of just 0.21%.", "0.21%").metric == "salinity"


def test_a_sentence_initial_capital_is_not_a_name_because_a_sentence_follows_a_space() -> None:
    c = _one("Most of the crew died. Only three survived.", "three")
    assert c.subject == () and c.metric == "survivors", (c.metric, c.subject)
