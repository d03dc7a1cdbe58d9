"""Same quantity, said differently: the scored alignment (factcheck/align.py, factcheck/frame/concept.py).

Every case is a made-up document set; each one fails on the old decision (exact metric strings, a missing
subject counted as a match, groups cut at 60 claims, nothing compared inside one document).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.align import FEATURES, AlignSettings, load_align_settings, score
from factcheck.frame.concept import load_concepts
from factcheck.errors import RuleFileError

TODAY = dt.date(2026, 1, 1)


def _contradictions(texts: dict[str, str]) -> list[dict]:
    report = factcheck.check_texts(texts, today=TODAY).to_dict()
    return [f for f in report["findings"] if f["verdict"] == "contradiction"]


CASES = [
    # (name, texts, expected: None = no contradiction, else (level at least, docs cited))
    ("a paraphrased workforce is the same figure",
     {"a.txt": "Halvorsen Marine employs 1,850 people at its yards, the company said.",
      "b.txt": "Halvorsen Marine has a workforce of 2,600, its annual report shows."}, ("warning", "same_concept")),
    ("killed and a death toll are one count",
     {"a.txt": "The landslide killed 84 people in the valley on Friday.",
      "b.txt": "The death toll from Friday's landslide in the valley stood at 130."}, ("warning", "same_rule")),
    ("two companies' profit growth is not one figure",
     {"a.txt": "Korvin Steel said its net profit rose 12 percent in 1986.",
      "b.txt": "Alder Foods said its net profit rose 30 percent in 1986."}, None),
    ("headlines name different countries: the inflation rates are not compared",
     {"a.txt": "Portugal Inflation Eases In March\n\nInflation fell to 9.1 pct in March from 9.6 pct in February, "
               "the statistics office said.",
      "b.txt": "Greek Inflation Climbs In March\n\nInflation was 17.5 pct in March, up from 16.9 pct in February, "
               "the statistics office said."}, None),
    ("visitors are not volunteers",
     {"a.txt": "The festival drew 40,000 visitors over the weekend.",
      "b.txt": "The festival relied on 900 volunteers over the weekend."}, None),
    ("the ages of two people stay apart",
     {"a.txt": "Mira Lund, 34, opened the bakery in Tarnby.",
      "b.txt": "Her brother Tomas Lund, 41, joined the bakery in Tarnby."}, None),
    ("an edited document contradicts itself",
     {"a.txt": "Lake Orvana lies in the north of the province. Lake Orvana covers an area of 38 square kilometres. "
               "The lake is fed by three rivers and drains into the sea.\n\nFishing has been regulated since 1990. "
               "The water is clear in summer.\n\nVisitors come for the birds. Lake Orvana covers an area of 45 "
               "square kilometres, making it the largest lake in the province."}, ("warning", "same_rule")),
]
_RANK = {"error": 0, "warning": 1, "note": 2}


@pytest.mark.parametrize(("name", "texts", "expected"), CASES, ids=[c[0] for c in CASES])
def test_alignment_case(name: str, texts: dict[str, str], expected: tuple[str, str] | None) -> None:
    found = [f for f in _contradictions(texts) if _RANK[f["level"]] <= _RANK["warning"]]
    if expected is None:
        assert not found, [f["message"] for f in found]
        return
    level, feature = expected
    assert found, f"{name}: no contradiction"
    best = min(found, key=lambda f: _RANK[f["level"]])
    assert _RANK[best["level"]] <= _RANK[level], best
    assert feature in best["aligned_on"] and 0.0 <= best["score"] <= 1.0
    assert set(best) >= {"score", "aligned_on", "alignment"}


def test_one_outlier_among_many_agreeing_reports_is_flagged_once() -> None:
    texts = {f"r{i:02d}.txt": "The town of Brelin has a population of 12,400, the census office said." for i in range(61)}
    texts["r61.txt"] = "The town of Brelin has a population of 13,900, the census office said."
    found = _contradictions(texts)
    assert len(found) == 1
    assert "r61.txt" in found[0]["message"] and "61 other reports" in found[0]["message"]
    assert found[0]["claims"][0]["doc"] == "r61.txt"


def test_no_subject_anywhere_aligns_weakly_across_long_documents() -> None:
    filler = " ".join(f"Item {w} was discussed at length by the board." for w in "abcdefgh")
    a = filler + " Exports rose 4 percent in 1986 to a record."
    b = filler + " Exports rose 9 percent in 1986 to a record."
    for f in _contradictions({"a.txt": a, "b.txt": b}):
        assert f["level"] != "error", f


def test_user_concepts_extend_the_shipped_lexicon(tmp_path: Path) -> None:
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "concepts.yaml").write_text(
        "concepts:\n  crew:\n    nouns: [sailor, deckhand]\nverb_synonyms:\n  sail: [cruise]\n", encoding="utf-8")
    shipped = load_concepts()
    extended = load_concepts((tmp_path,))
    assert extended.noun_concept["deckhand"] == "crew" and "deckhand" not in shipped.noun_concept
    assert extended.noun_concept["workforce"] == "employees"  # shipped entries stay
    assert extended.verb_key("cruise") == "sail"


def test_a_bad_alignment_file_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "align.yaml").write_text(
        "bias: -4\nweights:\n  same_rule: 3\n  same_nuon: 1\nlevels: {error: 0.9, warning: 0.7, note: 0.4}\n",
        encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_align_settings(tmp_path)
    assert ":4" in str(err.value) and "same_nuon" in str(err.value)


_FEATURE = st.dictionaries(st.sampled_from(FEATURES), st.floats(min_value=0.0, max_value=1.0), max_size=len(FEATURES))


@settings(max_examples=200, deadline=None)
@given(_FEATURE, st.sampled_from(FEATURES))
def test_score_is_a_probability_and_evidence_moves_it_with_its_weight(feats: dict[str, float], extra: str) -> None:
    cfg = load_align_settings()
    base = score(feats, cfg)
    assert 0.0 <= base.score <= 1.0
    more = dict(feats)
    more[extra] = min(1.0, more.get(extra, 0.0) + 0.5)
    moved = score(more, cfg).score
    weight = cfg.weights.get(extra, 0.0)
    assert (moved >= base.score) if weight >= 0 else (moved <= base.score)


def test_levels_follow_thresholds() -> None:
    cfg = AlignSettings(bias=0.0, weights={}, error=0.9, warning=0.7, note=0.4)
    assert [cfg.level_for(x) for x in (0.95, 0.8, 0.5, 0.1)] == ["error", "warning", "note", None]


# ---------------------------------------------------------------- evidence added for real corpora
MORE_CASES = [
    ("the cash part of a price is not the price",
     {"a.txt": "Brannock Tools is paying $190 million in cash for Pellow Optics and the rest in shares.",
      "b.txt": "Brannock Tools is paying $245 million for Pellow Optics, the companies said."}, None),
    ("a figure the other text also states is accounted for there",
     {"a.txt": "The tribunal has nine standing members plus three members named by the parties.",
      "b.txt": "Three members of the tribunal are named by the parties."}, None),
    ("two pronoun sentences of one text need not be about one person",
     {"a.txt": "Sergeant Imre Vass and Officer Dana Rook died in the crash on Route 9.\n\n"
               "He leaves behind a wife and four children.\n\nShe leaves behind a husband and two children."}, None),
    ("two issues of a weekly report are not two accounts of one figure",
     {"a.txt": "Velmar Rig Count Falls\n\nThe number of active drilling rigs in Velmar fell by 12 to 604, against "
               "950 a year earlier, the Orsk Survey said.\n\nThe survey is published every Friday.\n\nEnd.",
      "b.txt": "Velmar Rig Count Falls\n\nThe number of active drilling rigs in Velmar fell by 7 to 597, against "
               "941 a year earlier, the Orsk Survey said.\n\nThe survey is published every Friday.\n\nEnd."},
     None),
    ("three reports of one ferry fire name the same places: the boat counts are compared",
     {"a.txt": "Rescuers from Kettering Bay and the Solvik coast guard pulled 31 people from the water after the "
               "ferry Marisol caught fire off Brenn Island on Tuesday.\n\nPirate-free waters, said captain Alvar "
               "Nyholm, whose crew sent four lifeboats to the Marisol.",
      "b.txt": "The Solvik coast guard said the ferry Marisol burned off Brenn Island, and captain Alvar Nyholm "
               "of Kettering Bay said his crew sent seven lifeboats to the Marisol."}, ("note", "same_story")),
]


@pytest.mark.parametrize(("name", "texts", "expected"), MORE_CASES, ids=[c[0] for c in MORE_CASES])
def test_alignment_case_real_corpora(name: str, texts: dict[str, str], expected: tuple[str, str] | None) -> None:
    test_alignment_case(name, texts, expected)


def test_story_overlap_from_the_whole_text() -> None:
    """Names used anywhere in two texts, not only in the sentences with figures, tell one story; a name that
    most documents of a large set use (a month, 'Corp') tells none."""
    from factcheck.crosscheck import _telling_names
    from factcheck.frame import Framer
    from factcheck.frame.entities import document_names
    from factcheck.rules import load_rules

    lex = Framer(load_rules()).lex
    names = document_names(lex, "Rescuers reached Brenn Island on Tuesday. The captain, Alvar Nyholm, said so.")
    assert {"brenn", "island", "alvar", "nyholm"} <= names and "tuesday" not in names and "rescuers" not in names
    many = {f"d{i}": frozenset({"corp", f"name{i}"}) for i in range(100)}
    kept = _telling_names(many)
    assert all("corp" not in v for v in kept.values()) and kept["d3"] == frozenset({"name3"})
    few = {f"d{i}": frozenset({"qeshm", f"name{i}"}) for i in range(12)}
    assert _telling_names(few) == few  # one event's dozen reports keep the names they share


def test_many_documents_lower_the_prior() -> None:
    from factcheck.align import PairContext

    assert PairContext(values_per_doc={}, short_texts=False, documents=20).crowd() == 0.0
    assert 0.0 < PairContext(values_per_doc={}, short_texts=False, documents=600).crowd() < 1.0
    assert PairContext(values_per_doc={}, short_texts=False, documents=16000).crowd() == 1.0


def test_another_issue_needs_two_changed_figures() -> None:
    from factcheck.align import another_issue

    assert another_issue("Stocks fell by 3.1 mln barrels to 120.4 mln in the week.",
                         "Stocks fell by 2.2 mln barrels to 118.0 mln in the week.")
    # one changed figure is a correction or a dispute, not another issue
    assert not another_issue("Stocks fell by 3.1 mln barrels to 120.4 mln in the week.",
                             "Stocks fell by 3.1 mln barrels to 121.4 mln in the week.")


ITEM_CASES = [
    ("one country's consumer and producer inflation are two figures",
     {"a.txt": "Verania's annual consumer price inflation climbed to 11.4 percent in June, the statistics office said.",
      "b.txt": "Verania's annual producer price inflation climbed to 11.9 percent in June, the statistics "
               "office said."}, None),
    ("a metric's own capitalised word is no shared subject",
     {"a.txt": "Ostland's planning ministry said GDP grew 2.4 percent in real terms during 1991.",
      "b.txt": "Nordmark Warned On Wages\n\nGDP grew about 1.1 percent during 1991, the agency said, and wages grew faster.\n\n"
               "Investment was slower.\n\nEnd."}, None),
]


@pytest.mark.parametrize(("name", "texts", "expected"), ITEM_CASES, ids=[c[0] for c in ITEM_CASES])
def test_items_and_metric_words(name: str, texts: dict[str, str], expected: tuple[str, str] | None) -> None:
    test_alignment_case(name, texts, expected)
