"""`factcheck check NEW... --against claims.db`: a batch checked with itself and against an archive.

Why it gives what one set gives: the batch's claims and the archived claims under the batch's blocking
keys go through the very `crosscheck.cross_check` an in-memory check runs, with the whole set's
`PairContext` built from the index (every document's names, value counts and dates; how many documents
use each name; how many there are), and ``focus`` on the batch, so only pairs with a batch claim are
scored, and the rings of archived claims a batch claim contradicts (`crosscheck.block_findings`). A finding among archived documents only is the archive's own and is not reported again.
Versions: a batch document that is a version of an archived one is one source with it, and its changed
figures are revisions (`links.batch_versions`, `revisions.revisions`).
"""
from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from collections import Counter
from dataclasses import replace
from typing import Any, Callable, Iterator, Mapping, Sequence

from ..align import PairContext
from ..crosscheck import (NAMES_LEAST, NAMES_SHARE, common_names, cross_check_counted, load_compare_settings,
                          short_texts, sort_findings, value_counts)
from ..errors import FactcheckError, collecting
from ..fx import RateSource
from ..model import Claim, Document, Finding, Report
from ..pipeline import FramedDocument, _default_fx, _default_rules, _suppressed, frame_documents
from ..revisions import revisions
from ..rules import RuleSet
from ..suppress import Suppression
from ..versions import VersionPair, revision_chain, version_groups
from .fingerprint import fingerprint
from .links import batch_versions
from .query import Archive, StoredDoc
from .store import DIRECTION, ClaimIndex, direction_words, gkey_of


def check_against(index: ClaimIndex, documents: Sequence[Document], *, rules: RuleSet | None = None,
                  fx: RateSource | None = None, today: dt.date | None = None,
                  suppressions: Mapping[str, Sequence[Suppression]] | None = None,
                  time_budget: float | None = None, engine: Any = None, progress: Any = None) -> Report:
    """The report of ``documents`` checked with each other and against the index's archive: every finding
    with a claim of ``documents``, as a check of archive and documents in one set would give it.

    ``engine`` (`factcheck.engine`) frames the batch where it says, with ``progress``; the cross-check runs
    in this process, which alone reads the index."""
    rules = rules or _default_rules()
    with collecting() as sink:
        docs = sorted(documents, key=lambda d: d.name)
        # framing never reads `all_undated` (the cross-check does)
        framed = (frame_documents(docs, rules, all_undated=False, budget=time_budget) if engine is None else
                  engine.frame(docs, rules, all_undated=False, budget=time_budget, progress=progress))
        report = check_framed_against(index, framed, rules, fx or _default_fx(), today or dt.date.today(),
                                      suppressions=suppressions)
    return replace(report, warnings=report.warnings + tuple(w for w in sink if w not in report.warnings))


def check_framed_against(index: ClaimIndex, framed: Sequence[FramedDocument], rules: RuleSet, fx: RateSource,
                         today: dt.date, *,
                         suppressions: Mapping[str, Sequence[Suppression]] | None = None) -> Report:
    """`pipeline.check_framed` of the batch ``framed`` together with the index's archive, reporting only the
    findings with a batch claim."""
    docs = [f.document for f in framed]
    batch = {d.name for d in docs}
    claims = [c for f in framed for c in f.claims]
    with index.snapshot():  # one moment of the index, whatever another process writes meanwhile
        archive = Archive(index.conn, batch)
        stale = archive.stale(fingerprint(rules))
        if stale:
            raise FactcheckError(f"{index.where}: {stale} document{'s' if stale != 1 else ''} were indexed under "
                                 "other rules or another factcheck: run `factcheck index` again with the same rules")
        keys = {k for c in claims if (k := gkey_of(c)) is not None and k != DIRECTION}
        words = {w for c in claims if c.quantity.kind == "direction" for w in direction_words(c)}
        with _settled() as settle:
            loaded = archive.claims_by_key(keys) + archive.direction_claims(words)
            settle()
            findings, stored_marks, counts = _judged(archive, framed, rules, fx, today, loaded, batch)
    marks = dict(suppressions or {}) | {name: m for name, m in stored_marks.items() if m}
    found = [f for f in findings if not (marks and _suppressed(f, marks))]
    return Report(documents=tuple(docs), claims=tuple(claims), findings=tuple(found), rules=rules.to_dicts(),
                  warnings=tuple(p for f in framed for p in f.problems),
                  stats=(("claims", len(claims)), ("archived_claims", len(loaded)), *counts.items()))


def _judged(archive: Archive, framed: Sequence[FramedDocument], rules: RuleSet, fx: RateSource, today: dt.date,
            loaded: Sequence[tuple[int, Claim]],
            batch: set[str]) -> tuple[list[Finding], dict[str, tuple[Suppression, ...]], dict[str, int]]:
    """The findings of batch and loaded archive claims, revisions included, the archived documents'
    suppressions, and the cross-check's counts."""
    docs = [f.document for f in framed]
    claims = [c for f in framed for c in f.claims]
    pairs, versioned = batch_versions(archive, docs)
    stored_pairs = archive.stored_pairs(versioned.values())
    everything = sorted({*pairs, *stored_pairs}, key=lambda p: (p.earlier, p.later))
    stored = archive.docs({i for i, _c in loaded} | set(versioned.values())
                          | set(_ids(archive, stored_pairs).values()))
    # in the order one sorted set gives them: by document, each document's claims as framed
    all_claims = sorted(claims + [c for _i, c in loaded], key=lambda c: c.doc or "")
    ctx = _context(archive, framed, list(stored.values()), claims)
    doc_dates = {d.name: d.date for d in docs} | {d.name: d.date for d in stored.values()}
    # the archived claims a batch claim contradicts are judged in rings around the batch, so an archived outlier
    # is summarised as one set would (`crosscheck.block_findings`); only findings with a batch claim come back
    findings, counts = cross_check_counted(all_claims, rules, fx, settings=load_compare_settings(),
                                           all_undated=_all_undated(archive, docs), today=today, doc_dates=doc_dates,
                                           one_source=version_groups(everything), context=ctx, focus=batch)
    chain = [p for p in revision_chain(_chain_pairs(everything, batch), _in_order(docs, stored.values()))
             if {p.earlier, p.later} & batch]
    if chain:
        texts, full = _version_material(archive, framed, chain)
        findings = sort_findings([*findings, *revisions(chain, texts, full)])
    return findings, {d.name: d.suppressions for d in stored.values()}, counts


@contextmanager
def _settled() -> Iterator[Callable[[], None]]:
    """Read many claims without the cyclic garbage collector, then judge them out of its sight: they hold no
    cycles, yet every few thousand new objects it would walk all of them again (a third of the time of a
    large read, and as much again while their pairs are judged). The caller calls what it is given once
    the claims are read (`gc.freeze`); everything is handed back to the collector on the way out."""
    was = gc.isenabled()
    gc.disable()

    def settle() -> None:
        gc.freeze()
        if was:
            gc.enable()

    try:
        yield settle
    finally:
        gc.unfreeze()
        if was:
            gc.enable()


def _all_undated(archive: Archive, docs: Sequence[Document]) -> bool:
    """`all_undated` of the whole set: no batch document and no archived one has a date."""
    return all(d.date is None for d in docs) and archive.totals()[2] == 0


def _ids(archive: Archive, pairs: Sequence) -> dict[str, int]:
    names = {n for p in pairs for n in (p.earlier, p.later)}
    out = {}
    for n in names:
        row = archive.conn.execute("SELECT id FROM documents WHERE name = ?", (n,)).fetchone()
        if row is not None and row[0] not in archive.hidden:
            out[n] = row[0]
    return out


def _chain_pairs(pairs: Sequence[VersionPair], batch: set[str]) -> list[VersionPair]:
    """The pairs `versions.revision_chain` needs to choose the revisions with a batch document: those of each
    later version that has a batch version, and those among its earlier versions (which is the closest)."""
    laters = {p.later for p in pairs if p.later in batch or p.earlier in batch}
    earlier = {p.earlier for p in pairs if p.later in laters}
    return [p for p in pairs if p.later in laters or (p.earlier in earlier and p.later in earlier)]


def _in_order(docs: Sequence[Document], stored: object) -> list[Document]:
    """Batch and archived documents by name, as one sorted set orders them (only names are read)."""
    names = sorted({d.name for d in docs} | {s.name for s in stored})  # type: ignore[attr-defined]
    return [Document(n, "") for n in names]


def _version_material(archive: Archive, framed: Sequence[FramedDocument],
                      chain: Sequence) -> tuple[dict[str, str], list[Claim]]:
    """The texts and every claim of the documents in ``chain``: a revision diffs two whole versions."""
    texts = {f.document.name: f.document.text for f in framed}
    full = [c for f in framed for c in f.claims]
    ids = _ids(archive, chain)
    for name, i in ids.items():
        if name not in texts:
            texts[name] = archive.document(i).text
            full.extend(archive.all_claims(i))
    return texts, full


def _context(archive: Archive, framed: Sequence[FramedDocument], stored: Sequence[StoredDoc],
             claims: Sequence[Claim]) -> PairContext:
    """The `PairContext` the whole set (archive and batch) would give, for the documents that can meet."""
    total, with_claims, _dated = archive.totals()
    total += len(framed)
    with_claims += sum(1 for f in framed if f.claims)
    values = value_counts(claims) | archive.values(stored)
    short = False
    if with_claims == 2:  # a claim and its evidence, perhaps: ask the few documents that have claims
        two = [(len({c.sentence for c in f.claims}), f.head) for f in framed if f.claims]
        two += [(d.sentences, d.head) for d in archive.with_claims(2)]
        short = short_texts(2, [n for n, _h in two], any(h for _n, h in two))
    heads = {f.document.name: f.head for f in framed if f.head is not None} | {
        d.name: d.head for d in stored if d.head is not None}
    dates = {f.document.name: f.document.date for f in framed} | {d.name: d.date for d in stored}
    return PairContext(values_per_doc=values, short_texts=short, doc_names=_Names(archive, framed, total),
                       doc_dates=dates, doc_heads=heads, documents=with_claims)


class _Names(Mapping[str, frozenset[str]]):
    """Each document's telling names (`crosscheck._telling_names` of the whole set), read when a pair asks:
    the names too common to tell a story are those the index counts in more documents than the cut."""

    def __init__(self, archive: Archive, framed: Sequence[FramedDocument], total: int) -> None:
        self.archive = archive
        self.batch = {f.document.name: f.names for f in framed}
        self.total = total
        cut = max(NAMES_LEAST, NAMES_SHARE * total)
        df = Counter(w for ws in self.batch.values() for w in ws)
        # a name the batch alone cannot push over the cut is common only if the archive has it over cut - batch
        df.update(archive.frequent_names(int(cut) - len(framed)))
        self.common = common_names(df, total)
        self._seen: dict[str, frozenset[str]] = {}

    def __getitem__(self, doc: str) -> frozenset[str]:
        if doc not in self._seen:
            words = self.batch[doc] if doc in self.batch else self.archive.names(doc)
            self._seen[doc] = frozenset(words - self.common)
        return self._seen[doc]

    def __iter__(self) -> Iterator[str]:
        return iter(self.batch)

    def __len__(self) -> int:
        return self.total
