"""The claim codec is lossless: claim -> index row -> claim gives the claim back, equal in every field."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from index_corpus import golden, stories

from factcheck.crosscheck import value_counts
from factcheck.index.codec import claim_of, claim_row, suppressions_of, suppressions_row, value_key_of, value_key_row
from factcheck.model import Claim, Concept, Period, Provenance, Quantity, SubjectSource
from factcheck.pipeline import _default_rules, dated_document, frame_documents
from factcheck.suppress import Suppression

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
text = st.text(max_size=12)  # any characters: quotes, newlines, surrogate-free unicode
maybe_text = st.none() | text
number = st.none() | st.floats(allow_nan=False)  # NaN is never equal to itself, so no value can be "kept"
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
periods = st.none() | st.builds(Period, dates, dates, text)
quantities = st.builds(
    Quantity, st.integers(0, 10**7), st.integers(0, 10**7), text, st.sampled_from(["count", "money", "direction"]),
    number, number, number, maybe_text, st.sampled_from(["exact", "approx", "range"]), st.integers(1, 10**6),
    maybe_text, st.none() | st.sampled_from(["up", "down", "flat"]), st.none() | st.tuples(text, text), maybe_text,
    st.none() | st.integers(1, 999))
concepts = st.none() | st.builds(Concept, maybe_text, maybe_text, maybe_text, maybe_text, st.tuples(text, text),
                                 st.tuples() | st.tuples(text), st.sampled_from(list(SubjectSource)))
claims = st.builds(
    Claim, quantities, maybe_text, st.lists(text, max_size=3).map(tuple), periods, text, text, text, maybe_text,
    text, text, number, number, number, maybe_text, maybe_text, st.lists(text, max_size=2).map(tuple), concepts,
    st.lists(st.builds(Provenance, text, text, text), max_size=3).map(tuple))


@settings(max_examples=300, deadline=None)
@given(claims)
def test_any_claim_survives_the_round_trip(claim: Claim) -> None:
    back = claim_of(claim_row(claim))
    assert back == claim
    assert claim_row(back) == claim_row(claim)


def test_every_claim_framed_from_the_test_corpus_survives_the_round_trip() -> None:
    seeds = [dated_document(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    framed = frame_documents([*stories(), *golden(), *seeds], _default_rules(), all_undated=False)
    claims = [c for f in framed for c in f.claims]
    assert len(claims) > 100 and {c.period is None for c in claims} == {True, False}
    assert [claim_of(claim_row(c)) for c in claims] == claims
    counts = value_counts(claims)
    assert {value_key_of(k[0], value_key_row(k)): n for k, n in counts.items()} == counts


@given(st.lists(st.builds(Suppression, text, st.integers(1, 99), st.integers(1, 99), text, text, st.integers(0, 99)),
                max_size=3).map(tuple))
def test_suppressions_survive_the_round_trip(marks: tuple[Suppression, ...]) -> None:
    assert suppressions_of(suppressions_row(marks)) == marks
