"""`check_against`: a batch checked against an index gives what one in-memory set gives.

For a set A+B: index A, then check B against it. The findings must be exactly those of an in-memory check
of A+B that hold a claim of B (the findings among A alone are the archive's own and are not reported
again), in the same order and with the same messages, scores and revisions. Each test that takes
``new_index`` runs with the index in an SQLite file and in a PostgreSQL database (`conftest.py`).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable, Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from index_corpus import CORRECTED, RELEASE, golden, stories

from factcheck.errors import FactcheckError
from factcheck.index import ClaimIndex, check_against, update_index
from factcheck.model import Document
from factcheck.pipeline import _default_rules, check_documents
from factcheck.rules import load_rules

TODAY = dt.date(2032, 1, 1)
CORPUS = stories() + golden()


def _in_memory(a: Sequence[Document], b: Sequence[Document]) -> list:
    names = {d.name for d in b}
    report = check_documents([*a, *b], rules=_default_rules(), today=TODAY)
    return [f for f in report.findings if any(c.doc in names for c in f.claims)]


def _against(db: str | Path, a: Sequence[Document], b: Sequence[Document]) -> list:
    with ClaimIndex.open(db) as index:
        update_index(index, a, _default_rules())
        return list(check_against(index, b, rules=_default_rules(), today=TODAY).findings)


def test_the_made_up_stories_split_in_two_give_what_one_set_gives(new_index: Callable[[], str]) -> None:
    docs = stories()
    a, b = docs[::2], docs[1::2]
    want = _in_memory(a, b)
    assert {f.verdict for f in want} >= {"contradiction", "agreement", "not_comparable"}
    assert any(f.revision is not None for f in want) and any(f.metric == "direction of change" for f in want)
    assert _against(new_index(), a, b) == want


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.booleans(), min_size=len(CORPUS), max_size=len(CORPUS)))
def test_any_split_of_a_corpus_gives_what_one_set_gives(new_index: Callable[[], str], in_b: list[bool]) -> None:
    a = [d for d, x in zip(CORPUS, in_b) if not x]
    b = [d for d, x in zip(CORPUS, in_b) if x]
    if not b:
        return
    assert _against(new_index(), a, b) == _in_memory(a, b)


def test_findings_among_archived_documents_are_not_reported_again(new_index: Callable[[], str]) -> None:
    docs = {d.name: d for d in stories()}
    archive = [docs["wire/belmar1.txt"], docs["wire/belmar2.txt"]]  # they contradict each other
    batch = [docs["mkt/a.txt"]]
    with ClaimIndex.open(new_index()) as index:
        update_index(index, archive, _default_rules())
        report = check_against(index, batch, rules=_default_rules(), today=TODAY)
    assert report.findings == ()
    assert [d.name for d in report.documents] == ["mkt/a.txt"]


def test_a_corrected_version_of_an_indexed_release_is_a_revision_not_a_second_source(
        new_index: Callable[[], str]) -> None:
    """Issue 12, item 5: the correction meets its archived original as a revision (the changed figure, with
    the later version named), and their figures are never set against each other as two reports."""
    original = Document("wire/release.txt", RELEASE, dt.date(2031, 4, 21), "cli")
    correction = Document("new/release-corrected.txt", CORRECTED, dt.date(2031, 4, 22), "cli")
    with ClaimIndex.open(new_index()) as index:
        update_index(index, [original], _default_rules())
        report = check_against(index, [correction], rules=_default_rules(), today=TODAY)
    contradictions = [f for f in report.findings if f.verdict == "contradiction"]
    assert len(contradictions) == 1
    (f,) = contradictions
    assert f.revision is not None and (f.revision.earlier, f.revision.later, f.revision.marker) == (
        "wire/release.txt", "new/release-corrected.txt", "Corrected")
    assert [c.quantity.text for c in f.claims] == ["27.3 mln dlrs", "29.3 mln dlrs"]
    assert not [g for g in report.findings if g.revision is None and len({c.doc for c in g.claims}) == 2]


def test_an_indexed_document_of_a_batch_name_is_its_old_text_and_is_left_out(new_index: Callable[[], str]) -> None:
    """Checking an edited file against an index that holds its last text: the stored copy is shadowed, so
    the edit is never compared with the text it replaces, and every count leaves the copy out."""
    docs = stories()
    edited = Document("wire/belmar2.txt", docs[-3].text.replace("5,600", "4,100"), docs[-3].date, "cli")
    rest = [d for d in docs if d.name != "wire/belmar2.txt"]
    assert _against(new_index(), docs, [edited]) == _in_memory(rest, [edited])


def test_an_index_built_under_other_rules_is_refused(tmp_path: Path, new_index: Callable[[], str]) -> None:
    rules_dir = tmp_path / "more"
    (rules_dir / "lexicon").mkdir(parents=True)
    (rules_dir / "lexicon" / "units.yaml").write_text("units: {}\n", encoding="utf-8")
    other = load_rules(extra_dirs=(rules_dir,))
    with ClaimIndex.open(new_index()) as index:
        update_index(index, stories()[:3], other)
        with pytest.raises(FactcheckError, match="indexed under other rules"):
            check_against(index, stories()[3:5], rules=_default_rules(), today=TODAY)
        run = update_index(index, stories()[:3], _default_rules())  # indexing again reframes them
        assert (run.replaced, run.unchanged) == (3, 0)
        check_against(index, stories()[3:5], rules=_default_rules(), today=TODAY)
