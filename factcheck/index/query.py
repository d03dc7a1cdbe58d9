"""Reading the claim index for one batch: only the rows the batch's keys name, never the whole archive.

`Archive` is the index as a batch sees it: an archived document with the name of a batch document is
shadowed (the batch holds its new text), so its rows and its share of every count are left out.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Collection, Iterable, Iterator, Sequence

from ..model import Claim, Document
from ..suppress import Suppression
from ..versions import Marker, VersionPair
from .backend import Database
from .codec import claim_of, suppressions_of, value_key_of
from .store import DIRECTION, unpack_text

_CHUNK = 500  # parameters per IN (...) query


@dataclass(frozen=True)
class StoredDoc:
    """An archived document's facts, without its text and claims (read those only when needed)."""

    id: int
    name: str
    date: dt.date | None
    date_source: str
    head: str | None
    plain_head: str
    claims: int
    sentences: int
    suppressions: tuple[Suppression, ...]


#: not the names (a long list each): a batch meets many documents, few of them in a scored pair
_DOC_COLUMNS = "id, name, date, date_source, head, plain_head, claims, sentences, suppressions"


def _doc(row: tuple) -> StoredDoc:
    i, name, date, source, head, plain, claims, sentences, marks = row
    return StoredDoc(i, name, dt.date.fromisoformat(date) if date else None, source, head, plain, claims, sentences,
                     suppressions_of(marks))


def _chunks(items: Iterable, size: int = _CHUNK) -> Iterator[list]:
    items = list(items)
    for k in range(0, len(items), size):
        yield items[k:k + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


class Archive:
    """The index as one batch sees it (documents named like a batch document are shadowed)."""

    def __init__(self, conn: Database, batch: Collection[str] = ()) -> None:
        self.conn = conn
        self.shadowed = [d for chunk in _chunks(sorted(batch)) for d in map(_doc, conn.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents WHERE name IN ({_marks(len(chunk))})", chunk))]
        self.hidden = frozenset(d.id for d in self.shadowed)
        self._docs: dict[int, StoredDoc] = {}

    # ------------------------------------------------------------------ whole-index counts
    def stale(self, fingerprint: str) -> int:
        """How many visible documents were framed under another fingerprint."""
        n = self.conn.execute("SELECT COUNT(*) FROM documents WHERE fingerprint != ?", (fingerprint,)).fetchone()[0]
        return n - sum(1 for d in self.shadowed if self._fingerprint(d.id) != fingerprint)

    def _fingerprint(self, doc_id: int) -> str:
        return self.conn.execute("SELECT fingerprint FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]

    def totals(self) -> tuple[int, int, int]:
        """(documents, documents with claims, dated documents), shadowed ones left out."""
        n, with_claims, dated = self.conn.execute(
            "SELECT COUNT(*), COUNT(CASE WHEN claims > 0 THEN 1 END), COUNT(date) "
            "FROM documents").fetchone()
        return (n - len(self.shadowed), with_claims - sum(d.claims > 0 for d in self.shadowed),
                dated - sum(d.date is not None for d in self.shadowed))

    def with_claims(self, limit: int) -> list[StoredDoc]:
        """Up to ``limit`` visible documents that have claims (a set of two is a claim and its evidence)."""
        rows = self.conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE claims > 0 ORDER BY id LIMIT ?",
                                 (limit + len(self.shadowed),)).fetchall()
        return [d for d in map(_doc, rows) if d.id not in self.hidden][:limit]

    def names(self, name: str) -> frozenset[str]:
        """The names a visible document's text uses (`FramedDocument.names`)."""
        row = self.conn.execute("SELECT id, names FROM documents WHERE name = ?", (name,)).fetchone()
        return frozenset(json.loads(row[1])) if row is not None and row[0] not in self.hidden else frozenset()

    def frequent_names(self, least: int) -> dict[str, int]:
        """Every name more than ``least`` visible documents use, with how many do."""
        out = dict(self.conn.execute("SELECT name, df FROM name_df WHERE df > ?", (least,)))
        for d in self.shadowed:
            for n in self._names_of(d.id):
                if n in out:
                    out[n] -= 1
        return {n: k for n, k in out.items() if k > least}

    def _names_of(self, doc_id: int) -> list[str]:
        return json.loads(self.conn.execute("SELECT names FROM documents WHERE id = ?", (doc_id,)).fetchone()[0])

    # ------------------------------------------------------------------ claims
    def claims_by_key(self, keys: Iterable[str]) -> list[tuple[int, Claim]]:
        """Every visible claim under one of these blocking keys, with its document's id."""
        out: list[tuple[int, Claim]] = []
        for key in sorted(set(keys)):
            out.extend((d, claim_of(b)) for d, b in self.conn.execute(
                "SELECT doc_id, body FROM claims WHERE gkey = ? ORDER BY id", (key,)) if d not in self.hidden)
        return out

    def direction_claims(self, words: Iterable[str]) -> list[tuple[int, Claim]]:
        """Every stated direction of each visible document whose directions name one of these words."""
        ids: set[int] = set()
        for chunk in _chunks(sorted(set(words))):
            ids.update(i for (i,) in self.conn.execute(
                f"SELECT DISTINCT doc_id FROM direction_words WHERE word IN ({_marks(len(chunk))})", chunk))
        out: list[tuple[int, Claim]] = []
        for i in sorted(ids - self.hidden):
            out.extend((i, claim_of(b)) for (b,) in self.conn.execute(
                "SELECT body FROM claims WHERE gkey = ? AND doc_id = ? ORDER BY id", (DIRECTION, i)))
        return out

    def all_claims(self, doc_id: int) -> list[Claim]:
        return [claim_of(b) for (b,) in self.conn.execute("SELECT body FROM claims WHERE doc_id = ? ORDER BY id",
                                                          (doc_id,))]

    # ------------------------------------------------------------------ documents
    def docs(self, ids: Iterable[int]) -> dict[int, StoredDoc]:
        want = sorted(set(ids) - set(self._docs) - self.hidden)
        for chunk in _chunks(want):
            for row in self.conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE id IN ({_marks(len(chunk))})",
                                         chunk):
                d = _doc(row)
                self._docs[d.id] = d
        return {i: self._docs[i] for i in ids if i in self._docs}

    def document(self, doc_id: int) -> Document:
        """The archived document as framed (its guarded text and its date)."""
        name, date, source, blob = self.conn.execute(
            "SELECT name, date, date_source, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return Document(name, unpack_text(blob), dt.date.fromisoformat(date) if date else None, source)

    def values(self, docs: Sequence[StoredDoc]) -> dict[tuple, int]:
        """`crosscheck.value_counts` of these documents (only the entries of two or more values)."""
        names = {d.id: d.name for d in docs}
        out: dict[tuple, int] = {}
        for chunk in _chunks(sorted(names)):
            for i, key, n in self.conn.execute(
                    f"SELECT doc_id, key, n FROM doc_values WHERE doc_id IN ({_marks(len(chunk))})", chunk):
                out[value_key_of(names[i], key)] = n
        return out

    # ------------------------------------------------------------------ versions
    def version_keys(self, keys: Iterable[str], limit: int) -> tuple[dict[str, list[int]], dict[str, int]]:
        """For each version key: the visible documents that have it (when at most ``limit`` do) and how many
        visible documents have it (counted up to ``limit + 1``: beyond, the key tells nothing)."""
        members: dict[str, list[int]] = {}
        sizes: dict[str, int] = {}
        for key in sorted(set(keys)):
            ids = [i for (i,) in self.conn.execute("SELECT doc_id FROM version_keys WHERE key = ? LIMIT ?",
                                                   (key, limit + 1 + len(self.hidden))) if i not in self.hidden]
            sizes[key] = min(len(ids), limit + 1)
            if len(ids) <= limit:
                members[key] = ids
        return members, sizes

    def head_counts(self, heads: Iterable[str]) -> dict[str, int]:
        """How many visible documents carry each plain headline."""
        out = {}
        for h in sorted(set(heads)):
            n = self.conn.execute("SELECT COUNT(*) FROM documents WHERE plain_head = ?", (h,)).fetchone()[0]
            out[h] = n - sum(1 for d in self.shadowed if d.plain_head == h)
        return out

    def stored_pairs(self, ids: Iterable[int]) -> list[VersionPair]:
        """The stored version pairs of these documents' groups: every pair reachable from them."""
        seen: set[int] = set(ids) - self.hidden
        frontier = set(seen)
        rows: set[tuple] = set()
        while frontier:
            found: set[tuple] = set()
            for chunk in _chunks(sorted(frontier)):
                m = _marks(len(chunk))
                found.update(self.conn.execute(
                    f"SELECT earlier, later, marker, similarity, why FROM version_pairs "
                    f"WHERE earlier IN ({m}) OR later IN ({m})", chunk + chunk))
            found = {r for r in found if r[0] not in self.hidden and r[1] not in self.hidden}
            rows |= found
            frontier = {i for r in found for i in r[:2]} - seen
            seen |= frontier
        names = {d.id: d.name for d in self.docs(seen).values()}
        return [VersionPair(names[e], names[lt], Marker(m) if m else None, s, tuple(w.split(",")))
                for e, lt, m, s, w in sorted(rows)]
