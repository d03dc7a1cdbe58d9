"""The linear core (issue 13): a pair left unscored could not have reached a level, claims' cues are worked out
once, notes are counted rather than kept, and the collector pause leaves the collector as it found it.

The documents are made up here (towns, mills and counts of our own); none comes from a scored set.
"""
from __future__ import annotations

import datetime as dt
import gc
import math
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.align import (FEATURES, AlignSettings, aligned, candidate_index_pairs, candidate_pairs, features,
                             load_align_settings, score)
from factcheck.crosscheck import _pair_context, blocks, cross_check, cross_check_counted
from factcheck.fx import EcbRates
from factcheck.pipeline import collector_paused
from factcheck.rules import load_rules

TODAY = dt.date(2026, 1, 1)
TOWNS = ["Norvale", "Kestrel Bay", "Ambry", "Tollins", "Quarrow", "Fenmark"]
SENTENCES = [
    "The flood in {town} killed {n} people on Monday, officials said.",
    "Officials in {town} said {n} people died in the flood.",
    "{town} Mills said its net profit rose {p} percent in 2024.",
    "Net profit at {town} Mills rose {p} pct to {n} mln dlrs in 2024.",
    "The depot at {town} shipped {n} tonnes of barley in week {w}.",
    "He said another {n} workers were hired in {town}, and {m} more in Ambry.",
    "Sales of {town} Mills alone rose {p} percent to ${n} million.",
    "The storm destroyed {n} houses in {town} district at 9:30 a.m. on Sunday.",
]


def _texts(rng: random.Random, docs: int, lines: int) -> dict[str, str]:
    out = {}
    for d in range(docs):
        body = [rng.choice(SENTENCES).format(town=rng.choice(TOWNS), n=rng.randrange(2, 900), m=rng.randrange(2, 90),
                                             p=rng.randrange(1, 40), w=rng.randrange(1, 52)) for _ in range(lines)]
        out[f"d{d:02}.txt"] = " ".join(body)
    return out


def _claims(texts: dict[str, str]):
    report = factcheck.check_texts(texts, today=TODAY)
    return report, list(report.claims)


_WEIGHTS = st.dictionaries(st.sampled_from(FEATURES), st.floats(-5, 5, allow_nan=False), min_size=len(FEATURES))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), weights=_WEIGHTS, bias=st.floats(-6, 2), least=st.floats(0.05, 0.95))
def test_a_pair_left_unscored_could_not_have_reached_the_level(seed: int, weights: dict[str, float], bias: float,
                                                                least: float) -> None:
    """Under any weights, `aligned` leaves out only pairs whose full score is below ``least``, and gives the
    full features and score of every other pair."""
    report, claims = _claims(_texts(random.Random(seed), 6, 5))
    align = AlignSettings(bias=bias, weights=weights, error=0.9, warning=0.8, note=0.45)
    ctx = _pair_context(claims, {d.name: d.date for d in report.documents})
    pairs = 0
    for _rule, members in blocks(claims, load_rules()):
        for a, b in candidate_pairs(members, align.pairwise_limit):
            pairs += 1
            full = features(a, b, ctx)
            got = aligned(a, b, ctx, align, least)
            if got is None:
                assert score(full, align).score < least
            else:
                assert got[0] == full and list(got[0]) == list(full) and got[1] == score(full, align)
    assert pairs > 0


def test_positions_and_pairs_agree() -> None:
    _report, claims = _claims(_texts(random.Random(3), 12, 10))
    for _rule, members in blocks(claims, load_rules()):
        for limit in (3, 100):
            assert [(members[i], members[j]) for i, j in candidate_index_pairs(members, limit, whole=5)] \
                == list(candidate_pairs(members, limit, whole=5))


def test_the_counts_say_what_the_check_did() -> None:
    report, claims = _claims(_texts(random.Random(5), 8, 6))
    rules = load_rules()
    found, counts = cross_check_counted(claims, rules, EcbRates(), today=TODAY)
    assert found == cross_check(claims, rules, EcbRates(), today=TODAY)
    assert counts["candidate_pairs"] >= counts["pairs_scored"] >= counts["pairs_aligned"] > 0
    assert counts["candidate_pairs"] == sum(1 for _r, m in blocks(claims, rules)
                                            for _p in candidate_pairs(m, load_align_settings().pairwise_limit))
    assert dict(report.stats)["claims"] == len(report.claims)
    assert dict(report.to_dict()["stats"]) == dict(report.stats)


def test_notes_are_counted_not_kept() -> None:
    report, _claims_ = _claims(_texts(random.Random(8), 8, 6))
    notes = [f for f in report.findings if f.verdict == "not_comparable"
             or (f.verdict == "contradiction" and f.level == "note")]
    assert notes
    counted = report.notes_counted()
    assert len(counted.findings) == len(report.findings) - len(notes)
    assert counted.verdict_counts() == report.verdict_counts()
    assert sum(n for _v, n in counted.unlisted_notes) == len(notes)
    assert counted.notes_counted() == counted
    assert counted.to_dict()["summary"] == report.to_dict()["summary"]


def test_the_collector_is_left_as_found() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_headroom_is_the_most_the_costly_features_add() -> None:
    align = AlignSettings(bias=0.0, weights={"similarity": 2.0, "another_issue": -4.0}, error=0.9, warning=0.8,
                          note=0.45)
    assert align.headroom(False) == 2.0 and align.headroom(True) == 2.0
    flipped = AlignSettings(bias=0.0, weights={"similarity": -1.0, "another_issue": 0.5}, error=0.9, warning=0.8,
                            note=0.45)
    assert flipped.headroom(False) == 0.0 and math.isclose(flipped.headroom(True), 0.5)


def test_every_feature_has_its_place_in_the_order() -> None:
    from factcheck.align import _ORDER, COSTLY

    assert sorted(_ORDER) == sorted(FEATURES) and COSTLY <= set(FEATURES)
