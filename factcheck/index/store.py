"""Writing the claim index: a framed document in, its rows out; a document out, every row of it gone.

Every write happens inside `ClaimIndex.batch()`, one transaction: the counts kept beside the documents
(`name_df`) change in the same transaction as the documents, so no reader and no crash ever sees them
disagree. The index is an SQLite file or a PostgreSQL database (`backend`); the SQL here is the same for both.
"""
from __future__ import annotations

import hashlib
import json
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..crosscheck import _group_key, value_counts
from ..model import Claim, Document
from ..suppress import Suppression
from ..versions import VersionPair, plain_headline, version_keys
from .codec import claim_of, claim_row, key_text, suppressions_row, value_key_row
from .backend import Database
from .schema import connect

#: the blocking key of a stated direction ("Sensex up"): directions meet on a shared name instead
DIRECTION = "direction"


def content_hash(doc: Document) -> str:
    """What makes a document the same document: its text and its date."""
    h = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass"))
    h.update(f"\0{doc.date.isoformat() if doc.date else ''}\0{doc.date_source}".encode())
    return h.hexdigest()


def pack_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)


def unpack_text(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8", "surrogatepass")


def gkey_of(c: Claim) -> str | None:
    """The indexed blocking key of a claim (`crosscheck._group_key`), `DIRECTION`, or None."""
    if c.quantity.kind == "direction":
        return DIRECTION
    key = _group_key(c)
    return key_text(key) if key is not None else None


def direction_words(c: Claim) -> set[str]:
    """The words of a stated direction's subject: two directions meet when their subjects share one."""
    return {w for s in c.subject for w in (s.lower().split() or [""])}


def values_rows(doc: str, claims: Iterable[Claim | str]) -> list[tuple[str, int]]:
    """A document's `value_counts` entries of two or more values, as rows (one value is the default), with
    every count by subject under them (`value_counts` gives those only under a key of several values)."""
    decoded = [claim_of(c) if isinstance(c, str) else c for c in claims]
    return [(value_key_row(k), n) for k, n in value_counts(decoded).items()
            if (n >= 2 or len(k) == 5) and k[0] == doc]


class ClaimIndex:
    """An open claim index: documents by content hash, their claims by blocking key."""

    def __init__(self, conn: Database) -> None:
        self.conn = conn

    @classmethod
    def open(cls, target: str | Path, *, create: bool = True) -> ClaimIndex:
        """The index in the SQLite file ``target``, or in the PostgreSQL database of the URL ``target``
        (``postgresql://user@host/db``; needs ``pip install 'factcheck[postgres]'``)."""
        return cls(connect(target, create=create))

    @property
    def where(self) -> str:
        """The file or URL of the index, as messages show it (without a password)."""
        return self.conn.where

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> ClaimIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction: all of its writes stand, or none (writers take turns)."""
        with self.conn.write():
            yield

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read inside sees the index as one moment left it, whatever another process commits."""
        with self.conn.reading():
            yield

    def known(self) -> dict[str, tuple[str, str]]:
        """Every stored document: name -> (content hash, fingerprint)."""
        return {n: (h, f) for n, h, f in self.conn.execute("SELECT name, hash, fingerprint FROM documents")}

    def put(self, doc: Document, claims: Sequence[Claim], names: frozenset[str], head: str | None, *,
            content: str, fingerprint: str, suppressions: Sequence[Suppression] = ()) -> int:
        """Store one framed document (replacing one of its name); its id. Call inside `batch`."""
        self.remove(doc.name)
        doc_id = self.conn.insert(
            "INSERT INTO documents (name, hash, fingerprint, date, date_source, head, plain_head, claims, sentences,"
            " names, suppressions, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.name, content, fingerprint, doc.date.isoformat() if doc.date else None, doc.date_source, head,
             plain_headline(doc.text), len(claims), len({c.sentence for c in claims}),
             json.dumps(sorted(names), ensure_ascii=False), suppressions_row(tuple(suppressions)),
             pack_text(doc.text)))
        rows = [(doc_id, gkey_of(c), claim_row(c)) for c in claims]
        self.conn.executemany("INSERT INTO claims (doc_id, gkey, body) VALUES (?, ?, ?)", rows)
        words = {w for c in claims if c.quantity.kind == "direction" for w in direction_words(c)}
        self.conn.executemany("INSERT INTO direction_words (word, doc_id) VALUES (?, ?)",
                              [(w, doc_id) for w in sorted(words)])
        self.conn.executemany("INSERT INTO name_df (name, df) VALUES (?, 1) "
                              "ON CONFLICT(name) DO UPDATE SET df = name_df.df + 1", [(n,) for n in sorted(names)])
        self.conn.executemany("INSERT INTO version_keys (key, doc_id) VALUES (?, ?)",
                              [(k, doc_id) for k in sorted(set(version_keys(doc.text)))])
        self.conn.executemany("INSERT INTO doc_values (doc_id, key, n) VALUES (?, ?, ?)",
                              [(doc_id, k, n) for k, n in values_rows(doc.name, claims)])
        return doc_id

    def remove(self, name: str) -> bool:
        """Delete a document and every row of it (claims, keys, pairs by cascade); False if none."""
        row = self.conn.execute("SELECT id, names FROM documents WHERE name = ?", (name,)).fetchone()
        if row is None:
            return False
        doc_id, names = row
        words = [(n,) for n in json.loads(names)]
        self.conn.executemany("UPDATE name_df SET df = df - 1 WHERE name = ?", words)
        self.conn.executemany("DELETE FROM name_df WHERE name = ? AND df <= 0", words)
        self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        return True

    def put_pairs(self, pairs: Iterable[VersionPair]) -> int:
        """Store version pairs (by document name; both must be stored); how many were new."""
        pairs = list(pairs)
        ids: dict[str, int] = {}
        for name in {n for p in pairs for n in (p.earlier, p.later)}:
            row = self.conn.execute("SELECT id FROM documents WHERE name = ?", (name,)).fetchone()
            if row is not None:
                ids[name] = row[0]
        rows = [(ids[p.earlier], ids[p.later], str(p.marker) if p.marker else None, p.similarity, ",".join(p.why))
                for p in pairs if p.earlier in ids and p.later in ids]
        return self.conn.executemany("INSERT INTO version_pairs (earlier, later, marker, similarity, why) "
                                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows)
