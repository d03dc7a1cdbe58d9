"""Where a run's work happens: in this process, in a pool of processes on this machine (`-j N`), or on a
Dask cluster (`--engine dask`).

Why engines: framing is per document and the cross-check per blocking key, so both can run anywhere; the
engine only decides where. Every engine calls the same functions (`pipeline.Stage.frame`,
`pipeline.extract_one`, and `crosscheck.check_context` / `block_findings` / `final_findings`) and puts the
results back in the order one process would have produced them, so the report is the same byte for byte.

An engine has ``frame(docs, rules, *, all_undated, budget, progress)`` -> list of `FramedDocument`,
``extract(docs, *, budget, progress)`` -> (quantities, warnings) per document, in order, and
``cross_check_counted(claims, rules, fx, *, progress, **context)`` -> (findings, counts), as
`crosscheck.cross_check_counted`.
"""
from __future__ import annotations

import os
from dataclasses import replace
from collections import deque
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from ..model import Document

if TYPE_CHECKING:
    from ..pipeline import FramedDocument, Stage


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it): the default of `-j`."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def chunks(docs: Sequence[Document], max_bytes: int, max_docs: int) -> Iterator[list[Document]]:
    """Consecutive runs of documents of about ``max_bytes`` of text (at most ``max_docs``): the unit one
    worker takes at a time. Small enough that the work spreads evenly and few texts are in flight at once;
    large enough that sending them costs little next to framing them."""
    run: list[Document] = []
    size = 0
    for doc in docs:
        run.append(doc)
        size += len(doc.text)
        if size >= max_bytes or len(run) >= max_docs:
            yield run
            run, size = [], 0
    if run:
        yield run


def in_order(parts: Iterator[list[Document]], submit: Callable[[list[Document]], Any], in_flight: int,
             advance: Callable[[int], None]) -> Iterator[tuple[list[Document], Any]]:
    """Each part with its result (``submit(part)`` returns a future), in the order of the parts, with at most
    ``in_flight`` parts submitted and not yet taken: memory stays bounded while the workers stay busy."""
    window: deque[tuple[list[Document], Any]] = deque()

    def more() -> None:
        part = next(parts, None)
        if part is not None:
            window.append((part, submit(part)))

    for _ in range(max(1, in_flight)):
        more()
    while window:
        part, future = window.popleft()
        results = future.result()
        more()
        advance(len(part))
        yield part, results


def make_engine(name: str = "local", *, jobs: int | None = None, scheduler: str | None = None) -> Any:
    """The engine a command line asks for; the Dask one is imported only when asked for (the core does not
    need dask)."""
    if name == "dask":
        from .dask import DaskEngine

        return DaskEngine(scheduler=scheduler, jobs=jobs)
    from .local import LocalEngine

    return LocalEngine(jobs)


def frame_part(stage: Stage, docs: Sequence[Document], all_undated: bool,
               budget: float | None) -> list[FramedDocument]:
    """A part of a set framed by a worker, for sending back: without the texts the sender already holds,
    except where the guards changed one (a too-large number blanked). `with_texts` puts them back."""
    out = []
    for doc in docs:
        framed = stage.frame(doc, all_undated=all_undated, budget=budget)
        out.append(replace(framed, document=None) if framed.document is doc else framed)  # type: ignore[arg-type]
    return out


def with_texts(docs: Sequence[Document], framed: Sequence[FramedDocument]) -> Iterator[FramedDocument]:
    """The framed documents of `frame_part` with their documents back."""
    for doc, f in zip(docs, framed, strict=True):
        yield f if f.document is not None else replace(f, document=doc)
