"""The claim index as stored: schema versions and migrations, and what an index run adds, replaces and removes."""
from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from index_corpus import golden, index_problems, stories

from factcheck.errors import FactcheckError
from factcheck.index import SCHEMA_VERSION, ClaimIndex, check_against, update_index
from factcheck.index.schema import MIGRATIONS
from factcheck.pipeline import _default_rules

TODAY = dt.date(2032, 1, 1)


def _rows(path: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(str(path))
    try:
        return sorted(conn.execute(f"SELECT * FROM {table}"))
    finally:
        conn.close()


def test_a_new_index_is_at_the_last_schema_version_in_wal_mode(tmp_path: Path) -> None:
    with ClaimIndex.open(tmp_path / "c.db") as index:
        assert index.conn.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION
        assert index.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [m.version for m in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))


def test_an_index_of_schema_1_is_migrated_in_place(tmp_path: Path) -> None:
    """Schema 2 added each document's value counts; an index written at schema 1 gets them computed from its
    stored claims when it is opened, and then answers as one built at schema 2."""
    docs = stories() + golden()
    db = tmp_path / "c.db"
    with ClaimIndex.open(db) as index:
        update_index(index, docs[1::2], _default_rules())
        want = list(check_against(index, docs[::2], rules=_default_rules(), today=TODAY).findings)
    values = _rows(db, "doc_values")
    assert values  # some documents give several values of one thing
    conn = sqlite3.connect(str(db))
    conn.executescript("DROP TABLE doc_values; UPDATE schema_version SET version = 1;")
    conn.close()
    with ClaimIndex.open(db) as index:
        assert index.conn.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION
        assert list(check_against(index, docs[::2], rules=_default_rules(), today=TODAY).findings) == want
    assert _rows(db, "doc_values") == values
    assert index_problems(db) == []


def test_an_index_of_a_newer_schema_or_another_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    ClaimIndex.open(db).close()
    conn = sqlite3.connect(str(db))
    conn.execute("UPDATE schema_version SET version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(FactcheckError, match="schema 99, newer"):
        ClaimIndex.open(db)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(str(other))
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(FactcheckError, match="not a claim index"):
        ClaimIndex.open(other)
    with pytest.raises(FactcheckError, match="no such claim index"):
        ClaimIndex.open(tmp_path / "missing.db", create=False)


def test_unchanged_documents_are_skipped_changed_ones_replaced_and_gone_ones_removed(tmp_path: Path) -> None:
    docs = stories() + golden()[:20]
    db = tmp_path / "c.db"
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


def _texts(db: Path) -> list[tuple[str, str]]:
    from factcheck.index.store import unpack_text

    conn = sqlite3.connect(str(db))
    try:
        return [(n, unpack_text(b)) for n, b in conn.execute("SELECT name, text FROM documents")]
    finally:
        conn.close()


def test_a_correction_indexed_after_its_original_is_stored_as_its_version(tmp_path: Path) -> None:
    docs = {d.name: d for d in stories()}
    db = tmp_path / "c.db"
    with ClaimIndex.open(db) as index:
        update_index(index, [docs["wire/corvane.txt"]], _default_rules())
        run = update_index(index, [docs["wire/corvane.txt"], docs["wire/corvane-corrected.txt"]], _default_rules())
        assert run.versions == 1
        pairs = index.conn.execute("SELECT e.name, l.name, p.marker FROM version_pairs p JOIN documents e ON "
                                   "e.id = p.earlier JOIN documents l ON l.id = p.later").fetchall()
    assert pairs == [("wire/corvane.txt", "wire/corvane-corrected.txt", "Corrected")]
