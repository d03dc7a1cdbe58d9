"""The claim index's schema, its version, and the migrations from each older version.

Why versioned: an index outlives the factcheck that wrote it. ``schema_version`` holds the version a database
is at; opening it applies, in one transaction each, every migration after that version, so an index of an
older factcheck is brought up to date in place (and one of a newer factcheck is refused, not misread).
Add a change as a new entry at the end of `MIGRATIONS`; never edit an entry that has shipped.
The schema is written once, in SQLite's words; `backend` says it in PostgreSQL's.

One transaction per batch (WAL journal in SQLite): a writer killed at any instant (kill -9) leaves the index
as it was after its last whole batch, readable at once, and the next `factcheck index` run completes it.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import FactcheckError
from .backend import Database, is_url, open_database

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- one row per document: what the cross-check needs of it besides its claims
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,             -- sha256 of the text and date it was framed from
    fingerprint TEXT NOT NULL,      -- the rules and framing code it was framed under
    date TEXT,                      -- ISO date or NULL
    date_source TEXT NOT NULL,
    head TEXT,                      -- headline template (FramedDocument.head)
    plain_head TEXT NOT NULL,       -- versions.plain_headline: how a recurring report is counted
    claims INTEGER NOT NULL,        -- how many claims
    sentences INTEGER NOT NULL,     -- distinct sentences its claims sit in
    names TEXT NOT NULL,            -- JSON list: FramedDocument.names
    suppressions TEXT,              -- JSON, or NULL
    text BLOB NOT NULL              -- zlib of the (guarded) text: versions and revisions diff it
);
CREATE INDEX documents_plain_head ON documents(plain_head);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    gkey TEXT,                      -- crosscheck._group_key, parts joined by newlines, or 'direction', or NULL
    body TEXT NOT NULL              -- codec.claim_row
);
CREATE INDEX claims_gkey ON claims(gkey, doc_id) WHERE gkey IS NOT NULL;
CREATE INDEX claims_doc ON claims(doc_id);
-- a stated direction ("Sensex up") by each word of its subject: directions meet on a shared name
CREATE TABLE direction_words (
    word TEXT NOT NULL,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX direction_words_word ON direction_words(word);
CREATE INDEX direction_words_doc ON direction_words(doc_id);
-- how many documents use each name (crosscheck.common_names), kept in step with `documents`
CREATE TABLE name_df (name TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE version_keys (
    key TEXT NOT NULL,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX version_keys_key ON version_keys(key);
CREATE INDEX version_keys_doc ON version_keys(doc_id);
CREATE TABLE version_pairs (
    earlier INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    later INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    marker TEXT,
    similarity REAL NOT NULL,
    why TEXT NOT NULL,
    PRIMARY KEY (earlier, later)
);
CREATE INDEX version_pairs_later ON version_pairs(later);
"""

_V2 = """
-- crosscheck.value_counts of each document, where a document gives two or more values
CREATE TABLE doc_values (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    key TEXT NOT NULL,              -- codec.value_key_row
    n INTEGER NOT NULL
);
CREATE INDEX doc_values_doc ON doc_values(doc_id);
"""


def _script(sql: str) -> Callable[[Database], None]:
    def run(db: Database) -> None:
        db.script(sql)
    return run


def _v2_values(db: Database) -> None:
    """Add `doc_values` and fill it from the claims already stored (indexes of schema 1 lack it)."""
    from .store import values_rows

    db.script(_V2)
    for doc_id, name in db.execute("SELECT id, name FROM documents").fetchall():
        bodies = [b for (b,) in db.execute("SELECT body FROM claims WHERE doc_id = ? ORDER BY id", (doc_id,))]
        db.executemany("INSERT INTO doc_values (doc_id, key, n) VALUES (?, ?, ?)",
                         [(doc_id, k, n) for k, n in values_rows(name, bodies)])


@dataclass(frozen=True)
class Migration:
    version: int
    what: str
    apply: Callable[[Database], None]


#: Every schema change, in order; an index at version N gets those after N.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, claims by blocking key, names, version keys and pairs", _script(_V1)),
    Migration(2, "each document's value counts (doc_values), computed from its stored claims", _v2_values),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def connect(target: str | Path, *, create: bool) -> Database:
    """An open index at the current schema version: created when ``create``, migrated when older.

    ``target`` is an SQLite file or a PostgreSQL URL (``postgresql://...``, an empty database or one of an
    index). A missing file (without ``create``), a file that is no SQLite database, a database with other
    tables, a server that cannot be reached, or an index of a newer schema is a one-line `FactcheckError`.
    """
    if is_url(target):
        db = open_database(target)
        try:
            migrate(db, create=create)
        except BaseException:
            db.close()
            raise
        return db
    p = Path(target)
    if not create and not p.is_file():
        raise FactcheckError(f"{p}: no such claim index (build one with `factcheck index PATH... --db {p}`)")
    if p.exists() and not p.is_file():
        raise FactcheckError(f"{p}: not a file")
    try:
        db = open_database(p)
        migrate(db)
    except sqlite3.DatabaseError as exc:
        raise FactcheckError(f"{p}: not a claim index ({exc})") from None
    return db


def version_of(db: Database) -> int:
    """The schema version of an open index; 0 for an empty database."""
    tables = db.tables()
    if "schema_version" not in tables:
        if tables:
            raise FactcheckError(f"{db.where}: not a claim index (a database with other tables)")
        return 0
    row = db.execute("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(db: Database, *, create: bool = True) -> int:
    """Apply the migrations the index lacks, each in its own transaction; the version reached.
    Without ``create``, an empty database is refused rather than made an index."""
    version = version_of(db)
    if version == 0 and not create:
        raise FactcheckError(f"{db.where}: no claim index there (build one with `factcheck index PATH... --db "
                             f"{db.where}`)")
    if version > SCHEMA_VERSION:
        raise FactcheckError(f"the claim index is of schema {version}, newer than this factcheck knows "
                             f"({SCHEMA_VERSION}): upgrade factcheck")
    for m in MIGRATIONS:
        if m.version <= version:
            continue
        with db.write():
            if version_of(db) >= m.version:  # another process migrated it meanwhile
                version = m.version
                continue
            if m.version == 1:
                db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
                db.execute("INSERT INTO schema_version VALUES (0)")
            m.apply(db)
            db.execute("UPDATE schema_version SET version = ?", (m.version,))
        version = m.version
    return version
