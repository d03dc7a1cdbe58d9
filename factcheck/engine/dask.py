"""The Dask engine (`--engine dask [--scheduler ADDRESS]`): framing per partition of documents and the
cross-check per partition of blocking keys, on a `dask.distributed` cluster.

Why Dask: the same work as the local engine, on as many machines as a cluster has. Without an address it
starts a `LocalCluster` of ``jobs`` single-threaded worker processes. The set-level context of the
cross-check (`crosscheck.check_context`: document names, heads, dates, telling names, crowd size) is
computed once here and sent to every worker; each partition of blocks comes back as its findings by
block, and the final pass (`crosscheck.final_findings`) runs here over their union, in block order, so
the findings are those of one process. Optional: ``pip install 'factcheck[dask]'``; nothing else in
factcheck imports dask.

Limits: a worker runs tasks in threads, where `--time-budget` cannot interrupt a document (the
per-pattern time limits still hold). Workers read the rule set they are sent, but user lexicon
directories (``--rules DIR`` with a ``lexicon/``) must be at the same path on every machine.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Iterator, Sequence

from ..crosscheck import CheckContext, Judged, block_findings, blocks, check_context, final_findings
from ..errors import FactcheckError, Problem
from ..model import Claim, Document, Finding, Quantity
from ..pipeline import FramedDocument, extract_one, stage_for
from ..progress import NO_PROGRESS, Tracker
from ..rules import Rule, RuleSet
from . import available_cores, chunks, frame_part, in_order, with_texts

#: Documents per partition (text bytes, count): framing runs at a few hundred KB/s per worker.
FRAME_PARTITION = (64_000, 128)
EXTRACT_PARTITION = (512_000, 1024)
#: Partitions in flight and block partitions per worker: enough to keep every worker busy.
PER_WORKER = 3


class DaskEngine:
    """Framing and the cross-check on a Dask cluster: the one at ``scheduler``, else a new LocalCluster."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, jobs: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise FactcheckError("--engine dask needs dask.distributed: pip install 'factcheck[dask]'") from None
        self._cluster: Any = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="10s")
            else:
                self._cluster = LocalCluster(n_workers=jobs or available_cores(), threads_per_worker=1,
                                             processes=True, dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self._cluster)
        except (OSError, TimeoutError, ValueError) as exc:  # refused, timed out, or not an address
            self.close()
            where = f"--scheduler {scheduler}" if scheduler else "--engine dask"
            raise FactcheckError(f"cannot reach a Dask scheduler: {exc}", where) from None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    # ------------------------------------------------------------------ the work
    def frame(self, docs: Sequence[Document], rules: RuleSet, *, all_undated: bool, budget: float | None,
              progress: Tracker | None = None) -> list[FramedDocument]:
        """Every document framed on the cluster, in order."""
        advance = (progress or NO_PROGRESS).stage("framing", len(docs), "docs")
        [shared] = self.client.scatter([rules], broadcast=True, hash=False)
        framed: list[FramedDocument] = []
        for part, results in self._ordered(_frame_partition, chunks(docs, *FRAME_PARTITION),
                                           (shared, all_undated, budget), advance):
            framed.extend(with_texts(part, results))
        return framed

    def extract(self, docs: Sequence[Document], *, budget: float | None,
                progress: Tracker | None = None) -> Iterator[tuple[Document, list[Quantity], tuple[Problem, ...]]]:
        advance = (progress or NO_PROGRESS).stage("extracting", len(docs), "docs")
        for part, results in self._ordered(_extract_partition, chunks(docs, *EXTRACT_PARTITION), (budget,), advance):
            for doc, (found, problems) in zip(part, results):
                yield doc, found, problems

    def cross_check_counted(self, claims: Sequence[Claim], rules: RuleSet, fx: Any, *,
                            progress: Tracker | None = None,
                            **context: Any) -> tuple[list[Finding], dict[str, int]]:
        """`crosscheck.cross_check_counted` with its blocks judged on the cluster."""
        cx = check_context(claims, **context)
        found = list(blocks(claims, rules))
        advance = (progress or NO_PROGRESS).stage("cross-checking", len(found), "blocks")
        parts = balanced(found, self.workers() * PER_WORKER)
        [shared_cx, shared_fx] = self.client.scatter([cx, fx], broadcast=True, hash=False)
        futures = [self.client.submit(_judge_partition, part, shared_fx, shared_cx, pure=False) for part in parts]
        by_block: dict[int, Judged] = {}
        from distributed import as_completed

        for future in as_completed(futures):
            judged = future.result()
            by_block.update(judged)
            advance(len(judged))
        return final_findings((by_block[i] for i in range(len(found))), claims, rules, cx)

    def _ordered(self, work: Callable[..., list[Any]], parts: Iterator[list[Document]], args: tuple[Any, ...],
                 advance: Callable[[int], None]) -> Iterator[tuple[list[Document], list[Any]]]:
        """``work(part, *args)`` per part on the cluster, a few parts per worker in flight, in order."""
        return in_order(parts, lambda part: self.client.submit(work, part, *args, pure=False),
                        self.workers() * PER_WORKER, advance)


def balanced(found: Sequence[tuple[Rule, list[Claim]]], n: int) -> list[list[tuple[int, Rule, list[Claim]]]]:
    """The blocks in ``n`` partitions of about equal work (largest first onto the least loaded), each block
    with its index so that the findings can be put back in block order."""
    loads = [0] * max(1, n)
    parts: list[list[tuple[int, Rule, list[Claim]]]] = [[] for _ in loads]
    order = sorted(range(len(found)), key=lambda i: -_cost(len(found[i][1])))
    for i in order:
        k = loads.index(min(loads))
        parts[k].append((i, found[i][0], found[i][1]))
        loads[k] += _cost(len(found[i][1]))
    return [p for p in parts if p]


def _cost(n: int) -> int:
    """Candidate pairs of a block, roughly: all pairs up to 60 claims, then about linear (`candidate_pairs`)."""
    return n * min(n, 60)


# ---------------------------------------------------------------------- on the workers
def _frame_partition(docs: list[Document], rules: RuleSet, all_undated: bool,
                     budget: float | None) -> list[FramedDocument]:
    # the rule set is one object per worker (sent once): its Stage is built once
    return frame_part(stage_for(rules), docs, all_undated, budget)


def _extract_partition(docs: list[Document], budget: float | None) -> list[tuple[list[Quantity], tuple[Problem, ...]]]:
    return [extract_one(doc, budget) for doc in docs]


def _judge_partition(part: list[tuple[int, Rule, list[Claim]]], fx: Any,
                     cx: CheckContext) -> dict[int, Judged]:
    return {i: block_findings(rule, members, fx, cx) for i, rule, members in part}
