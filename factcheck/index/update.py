"""`factcheck index PATH... --db claims.db`: bring the index in line with the documents under PATHS.

A document whose text, date and fingerprint are those stored is skipped; a changed one is reframed and
replaced; one stored under PATHS that is no longer there is removed. Documents are framed outside any
transaction and written a batch at a time, each batch one transaction with its version pairs: a run
killed at any instant leaves whole batches, and the next run picks up where it stopped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Callable, Mapping, Sequence

from ..errors import Problem, WarningKind
from ..model import Document
from ..pipeline import FramedDocument, stage_for
from ..rules import RuleSet
from ..suppress import Suppression
from .fingerprint import fingerprint
from .links import batch_versions
from .query import Archive
from .store import ClaimIndex, content_hash


@dataclass(frozen=True)
class IndexRun:
    """What one `update_index` did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    removed: int = 0
    claims: int = 0
    versions: int = 0
    #: documents over their time budget: not stored (a stored older text of theirs is removed)
    left_out: int = 0
    problems: tuple[Problem, ...] = field(default=())

    def summary(self) -> str:
        late = f", {self.left_out} left out (time budget)" if self.left_out else ""
        return (f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged, {self.removed} removed"
                f"{late}; {self.claims} claims written, {self.versions} version pairs")


def under(name: str, roots: Sequence[str]) -> bool:
    """Is the document ``name`` one of ``roots`` or inside one of them (as a path)?"""
    parts = PurePath(name).parts
    for root in roots:
        r = PurePath(root).parts
        if r in ((), (".",)) or parts[:len(r)] == r:
            return True
    return False


def update_index(index: ClaimIndex, documents: Sequence[Document], rules: RuleSet, *,
                 suppressions: Mapping[str, Sequence[Suppression]] | None = None,
                 time_budget: float | None = None, prune: Sequence[str] | None = None, batch_size: int = 64,
                 progress: Callable[[int], None] | None = None,
                 framer: Callable[[Sequence[Document]], Sequence[FramedDocument]] | None = None) -> IndexRun:
    """Add, replace and (with ``prune``: those stored under these roots and not among ``documents``)
    remove documents. ``progress`` is told how many documents each written batch held; ``framer`` frames
    a batch (default: `pipeline.Stage.frame` in this process; another may use a pool of processes)."""
    fp = fingerprint(rules)
    known = index.known()
    marks = suppressions or {}
    todo = [(d, h) for d in sorted(documents, key=lambda d: d.name)
            if known.get(d.name) != (h := content_hash(d), fp)]
    if framer is None:
        stage = stage_for(rules)

        def framer(batch: Sequence[Document]) -> list[FramedDocument]:
            # framing never reads `all_undated` (the cross-check does): a document is framed once for any set
            return [stage.frame(d, all_undated=False, budget=time_budget) for d in batch]
    added = replaced = claims = versions = left_out = 0
    problems: list[Problem] = []
    for k in range(0, len(todo), max(1, batch_size)):
        chunk = todo[k:k + batch_size]
        framed = framer([d for d, _h in chunk])
        problems += [p for f in framed for p in f.problems]
        # a document over its time budget has no claims to show for itself: not stored, so a rerun tries again
        late = {f.document.name for f in framed if any(p.kind == WarningKind.TIME_BUDGET for p in f.problems)}
        kept = [(f, d, h) for f, (d, h) in zip(framed, chunk) if d.name not in late]
        with index.batch():
            pairs, _seen = batch_versions(Archive(index.conn, {d.name for d, _h in chunk}),
                                          [f.document for f, _d, _h in kept])
            for name in sorted(late):
                index.remove(name)
            for f, d, h in kept:
                index.put(f.document, f.claims, f.names, f.head, content=h, fingerprint=fp,
                          suppressions=tuple(marks.get(d.name, ())))
                added += d.name not in known
                replaced += d.name in known
                claims += len(f.claims)
            versions += index.put_pairs(pairs)
        left_out += len(late)
        if progress is not None:
            progress(len(chunk))
    removed = 0
    if prune is not None:
        present = {d.name for d in documents}
        gone = sorted(n for n in known if n not in present and under(n, prune))
        if gone:
            with index.batch():
                removed = sum(index.remove(n) for n in gone)
    return IndexRun(added, replaced, len(documents) - len(todo), removed, claims, versions, left_out, tuple(problems))
