"""The claim index as stored: schema versions and migrations, and what an index run adds, replaces and removes.

Each test that takes ``new_index`` runs against an SQLite file and a PostgreSQL database (`conftest.py`)."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Callable

import pytest
from index_corpus import golden, index_problems, index_rows, stories

from factcheck.errors import FactcheckError
from factcheck.index import SCHEMA_VERSION, ClaimIndex, check_against, update_index
from factcheck.index.schema import MIGRATIONS
from factcheck.pipeline import _default_rules

TODAY = dt.date(2032, 1, 1)


def _rows(target: str, table: str) -> list[tuple]:
    return sorted(index_rows(target, f"SELECT * FROM {table}"))


def test_a_new_index_is_at_the_last_schema_version(new_index: Callable[[], str]) -> None:
    with ClaimIndex.open(new_index()) as index:
        assert index.conn.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION
        if index.conn.kind == "sqlite":
            assert index.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [m.version for m in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))


def test_an_index_of_schema_1_is_migrated_in_place(new_index: Callable[[], str]) -> None:
    """Schema 2 added each document's value counts; an index written at schema 1 gets them computed from its
    stored claims when it is opened, and then answers as one built at schema 2."""
    docs = stories() + golden()
    db = new_index()
    with ClaimIndex.open(db) as index:
        update_index(index, docs[1::2], _default_rules())
        want = list(check_against(index, docs[::2], rules=_default_rules(), today=TODAY).findings)
        values = _rows(db, "doc_values")
        assert values  # some documents give several values of one thing
        with index.batch():
            index.conn.execute("DROP TABLE doc_values")
            index.conn.execute("UPDATE schema_version SET version = 1")
    with ClaimIndex.open(db) as index:
        assert index.conn.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION
        assert list(check_against(index, docs[::2], rules=_default_rules(), today=TODAY).findings) == want
    assert _rows(db, "doc_values") == values
    assert index_problems(db) == []


def test_an_index_of_a_newer_schema_or_another_database_is_refused(new_index: Callable[[], str]) -> None:
    from factcheck.index.backend import open_database

    db = new_index()
    with ClaimIndex.open(db) as index:
        index.conn.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(FactcheckError, match="schema 99, newer"):
        ClaimIndex.open(db)
    other = new_index()
    conn = open_database(other)
    conn.execute("CREATE TABLE t (x INTEGER)")
    conn.close()
    with pytest.raises(FactcheckError, match="not a claim index"):
        ClaimIndex.open(other)


def test_a_check_never_makes_an_index(tmp_path: Path) -> None:
    """`check --against` opens without creating: a missing file is an error that says how to build one."""
    with pytest.raises(FactcheckError, match="no such claim index"):
        ClaimIndex.open(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_a_check_never_makes_an_index_in_an_empty_postgresql_database(postgres_server: object) -> None:
    empty = postgres_server.new_database()  # type: ignore[attr-defined]
    with pytest.raises(FactcheckError, match="no claim index there"):
        ClaimIndex.open(empty, create=False)
    assert index_rows(empty, "SELECT COUNT(*) FROM information_schema.tables "
                             "WHERE table_schema = current_schema()") == [(0,)]


def test_unchanged_documents_are_skipped_changed_ones_replaced_and_gone_ones_removed(
        new_index: Callable[[], str]) -> None:
    docs = stories() + golden()[:20]
    db = new_index()
    rules = _default_rules()
    with ClaimIndex.open(db) as index:
        first = update_index(index, docs, rules, prune=["storm", "wire", "mkt", "golden"], batch_size=7)
        assert (first.added, first.replaced, first.unchanged, first.removed) == (len(docs), 0, 0, 0)
        again = update_index(index, docs, rules, prune=["storm", "wire", "mkt", "golden"])
        assert (again.added, again.replaced, again.unchanged, again.removed, again.claims) == (0, 0, len(docs), 0, 0)
        edited = [replace(d, text=d.text.replace("4,100", "4,300")) if d.name == "wire/belmar1.txt" else d
                  for d in docs]
        redated = [replace(d, date=dt.date(2031, 5, 10)) if d.name == "storm/outlet-a.txt" else d for d in edited]
        kept = [d for d in redated if d.name not in ("mkt/a.txt", "golden/00/a.md")]
        run = update_index(index, kept, rules, prune=["mkt", "storm", "wire"])
        assert (run.added, run.replaced, run.unchanged, run.removed) == (0, 2, len(kept) - 2, 1)
        names = set(index.known())
    assert "mkt/a.txt" not in names  # gone from under a root given
    assert any(n.startswith("golden/00/") for n in names)  # outside the roots given: kept
    assert index_problems(db) == []
    text = next(b for n, b in _texts(db) if n == "wire/belmar1.txt")
    assert "4,300" in text


def _texts(db: str) -> list[tuple[str, str]]:
    from factcheck.index.store import unpack_text

    return [(n, unpack_text(b)) for n, b in index_rows(db, "SELECT name, text FROM documents")]


def test_a_correction_indexed_after_its_original_is_stored_as_its_version(new_index: Callable[[], str]) -> None:
    docs = {d.name: d for d in stories()}
    db = new_index()
    with ClaimIndex.open(db) as index:
        update_index(index, [docs["wire/corvane.txt"]], _default_rules())
        run = update_index(index, [docs["wire/corvane.txt"], docs["wire/corvane-corrected.txt"]], _default_rules())
        assert run.versions == 1
        pairs = index.conn.execute("SELECT e.name, l.name, p.marker FROM version_pairs p JOIN documents e ON "
                                   "e.id = p.earlier JOIN documents l ON l.id = p.later").fetchall()
    assert pairs == [("wire/corvane.txt", "wire/corvane-corrected.txt", "Corrected")]


def test_framing_does_not_depend_on_the_set_being_undated() -> None:
    """The index frames a document once for any set it may meet: that holds only while framing ignores
    `all_undated` (the cross-check reads it, from the whole set's dates)."""
    from factcheck.pipeline import frame_documents

    docs = stories() + golden()
    undated = [replace(d, date=None, date_source="none") for d in docs]
    for batch in (docs, undated):
        once = frame_documents(batch, _default_rules(), all_undated=True)
        assert once == frame_documents(batch, _default_rules(), all_undated=False)


def test_a_document_over_its_time_budget_is_left_out_and_tried_again(new_index: Callable[[], str]) -> None:
    from factcheck.errors import Problem, WarningKind
    from factcheck.pipeline import FramedDocument

    docs = stories()[:4]

    def late_framer(batch):  # the second document runs out of time
        from factcheck.pipeline import frame_documents

        out = frame_documents(batch, _default_rules(), all_undated=False)
        late = (Problem(WarningKind.TIME_BUDGET, "late", docs[1].name),)
        return [FramedDocument(f.document, (), f.names, f.head, late) if f.document.name == docs[1].name else f
                for f in out]

    with ClaimIndex.open(new_index()) as index:
        run = update_index(index, docs, _default_rules(), framer=late_framer)
        assert (run.added, run.left_out) == (3, 1) and docs[1].name not in index.known()
        again = update_index(index, docs, _default_rules())
        assert (again.added, again.unchanged) == (1, 3)


def test_blocking_keys_do_not_depend_on_what_this_process_framed_before() -> None:
    """A claim framed in another process keeps its blocking key here: a measure of a lexicon unit
    ("barrel_per_day") needs the lexicon's pint definitions, which framing loads and an index reader may not."""
    import subprocess
    import sys

    code = ("from factcheck.crosscheck import _group_key; from factcheck.index.codec import claim_of; import sys; "
            "print(_group_key(claim_of(sys.stdin.read())))")
    from factcheck.index.codec import claim_row
    from factcheck.model import Document
    from factcheck.pipeline import frame_documents
    from factcheck.crosscheck import _group_key

    doc = Document("oil.txt", "Ardania pumped 1.2 mln bpd in March, its oil ministry said.", dt.date(2031, 4, 2), "cli")
    framed = frame_documents([doc], _default_rules(), all_undated=False)[0]
    (claim,) = [c for c in framed.claims if "bpd" in c.quantity.text]
    here = _group_key(claim)
    assert here is not None and here[3].startswith("measure:")
    fresh = subprocess.run([sys.executable, "-c", code], input=claim_row(claim), capture_output=True, text=True,
                           check=True)
    assert fresh.stdout.strip() == str(here)
