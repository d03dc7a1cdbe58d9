"""The local engine: framing and extraction in a pool of processes on this machine (`-j N`), the
cross-check in this process.

Why processes: framing is pure Python, so threads would share one interpreter lock. Each worker builds its
`pipeline.Stage` once (on Linux the workers are forked after the parent built it, so they inherit it; where
they are spawned, the rule set is sent once and each worker builds its own). Work goes out in chunks of
consecutive documents, a few chunks per worker at a time, and comes back in order, so no more than a
window of texts is in flight, and the results are exactly those of one process. A framed document comes
back without its text (the parent has it). Small sets stay in this process: starting workers would cost
more than it saves.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterator, Sequence

from ..crosscheck import Judged, block_findings, blocks, check_context, final_findings
from ..errors import FactcheckError, Problem
from ..model import Document, Finding, Quantity
from ..pipeline import FramedDocument, _extractor, extract_one, stage_for
from ..progress import NO_PROGRESS, Tracker
from ..rules import RuleSet
from . import available_cores, chunks, frame_part, in_order, with_texts

#: Below these amounts of text a set is framed (extracted) in this process: about half a second of work
#: for one core, against the tenth of a second or so that starting workers and sending texts costs.
FRAME_MIN_BYTES = 100_000
EXTRACT_MIN_BYTES = 1_000_000
MIN_DOCS = 4
#: One chunk of work: framing runs at a few hundred KB/s, extraction at a few MB/s per process.
FRAME_CHUNK = (32_000, 64)
EXTRACT_CHUNK = (256_000, 512)
#: Chunks in flight per worker: enough to keep it busy while its last result travels back.
WINDOW = 2
#: Seconds between a worker's looks at whether its parent is still there.
PARENT_CHECK = 0.5

Extracted = tuple[Document, list[Quantity], tuple[Problem, ...]]


class LocalEngine:
    """Framing and extraction over ``jobs`` processes (default: the cores available), the cross-check here."""

    name = "local"

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = max(1, jobs or available_cores())
        self._pool: ProcessPoolExecutor | None = None
        self._pool_rules: RuleSet | None = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    # ------------------------------------------------------------------ the work
    def frame(self, docs: Sequence[Document], rules: RuleSet, *, all_undated: bool, budget: float | None,
              progress: Tracker | None = None) -> list[FramedDocument]:
        """Every document framed, in order, as `pipeline.frame_documents` frames them."""
        advance = (progress or NO_PROGRESS).stage("framing", len(docs), "docs")
        stage = stage_for(rules)  # built before any worker starts: forked workers inherit it
        if not self.parallel(docs, FRAME_MIN_BYTES):
            out = []
            for doc in docs:
                out.append(stage.frame(doc, all_undated=all_undated, budget=budget))
                advance(1)
            return out
        framed: list[FramedDocument] = []
        for part, results in self._ordered(rules, _frame_chunk, chunks(docs, *FRAME_CHUNK), (all_undated, budget),
                                           advance):
            framed.extend(with_texts(part, results))
        return framed

    def extract(self, docs: Sequence[Document], *, budget: float | None,
                progress: Tracker | None = None) -> Iterator[Extracted]:
        """Each document's quantities and warnings, in order, as `pipeline.extract_one` gives them; a
        generator, so that a caller can write each document's records as they come."""
        advance = (progress or NO_PROGRESS).stage("extracting", len(docs), "docs")
        _extractor()
        if not self.parallel(docs, EXTRACT_MIN_BYTES):
            for doc in docs:
                found, problems = extract_one(doc, budget)
                advance(1)
                yield doc, found, problems
            return
        for part, results in self._ordered(None, _extract_chunk, chunks(docs, *EXTRACT_CHUNK), (budget,), advance):
            for doc, (found, problems) in zip(part, results):
                yield doc, found, problems

    def cross_check_counted(self, claims: Sequence[Any], rules: RuleSet, fx: Any, *,
                            progress: Tracker | None = None,
                            **context: Any) -> tuple[list[Finding], dict[str, int]]:
        """`crosscheck.cross_check_counted`, in this process, block by block (so that progress can count
        blocks)."""
        cx = check_context(claims, **context)
        found = list(blocks(claims, rules))
        advance = (progress or NO_PROGRESS).stage("cross-checking", len(found), "blocks")

        def judged() -> Iterator[Judged]:
            for rule, members in found:
                yield block_findings(rule, members, fx, cx)
                advance(1)

        return final_findings(judged(), claims, rules, cx)

    # ------------------------------------------------------------------ the pool
    def parallel(self, docs: Sequence[Document], min_bytes: int) -> bool:
        """Whether a set is worth sending to workers."""
        return self.jobs > 1 and len(docs) >= MIN_DOCS and sum(len(d.text) for d in docs) >= min_bytes

    def _executor(self, rules: RuleSet | None) -> ProcessPoolExecutor:
        if self._pool is not None and self._pool_rules is rules:
            return self._pool
        self.close()
        self._pool = ProcessPoolExecutor(self.jobs, mp_context=_context(), initializer=_init_worker,
                                         initargs=(rules,))
        self._pool_rules = rules
        return self._pool

    def _ordered(self, rules: RuleSet | None, work: Callable[..., list[Any]], parts: Iterator[list[Document]],
                 args: tuple[Any, ...], advance: Callable[[int], None]) -> Iterator[tuple[list[Document], list[Any]]]:
        """``work(part, *args)`` for each part on the pool, at most `WINDOW` parts per worker in flight,
        results in the order of the parts."""
        pool = self._executor(rules)
        try:
            yield from in_order(parts, lambda part: pool.submit(work, part, *args), WINDOW * self.jobs, advance)
        except BrokenProcessPool:
            self._abandon()
            raise FactcheckError("a worker process stopped unexpectedly (out of memory?); "
                                 "try fewer jobs (-j 1) or --max-bytes") from None
        except BaseException:  # interrupted, or a bug in a worker: stop the others now
            self._abandon()
            raise

    def _abandon(self) -> None:
        """Stop the workers without waiting for the work they hold."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.terminate()
        pool.shutdown(wait=False, cancel_futures=True)


def _context() -> Any:
    """Fork where it is the safe, fast default (Linux: workers inherit the loaded rules); spawn elsewhere."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


# ---------------------------------------------------------------------- in the workers
_WORKER_RULES: RuleSet | None = None


def _init_worker(rules: RuleSet | None) -> None:
    """Once per worker: Ctrl-C is the parent's to handle, a parent killed outright takes its workers with
    it, and the Stage (or extractor) is built here."""
    global _WORKER_RULES
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _WORKER_RULES = rules
    if rules is not None:
        stage_for(rules)
    else:
        _extractor()


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent died (``kill -9``) would wait for work forever: it leaves within a second."""
    while True:
        time.sleep(PARENT_CHECK)
        if os.getppid() != parent:
            os._exit(1)


def _frame_chunk(docs: list[Document], all_undated: bool, budget: float | None) -> list[FramedDocument]:
    assert _WORKER_RULES is not None
    return frame_part(stage_for(_WORKER_RULES), docs, all_undated, budget)


def _extract_chunk(docs: list[Document], budget: float | None) -> list[tuple[list[Quantity], tuple[Problem, ...]]]:
    return [extract_one(doc, budget) for doc in docs]
