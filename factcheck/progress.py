"""A progress bar on stderr for long runs: documents (or blocks) done, per second, and the time left.

Why only sometimes: a bar is for a person watching a terminal. When stderr is piped or the run is in CI
(the ``CI`` environment variable), nothing is drawn, so logs stay clean; a run shorter than `DELAY`
seconds draws nothing either. The bar is drawn from the thread that does the work, never from a thread of
its own, so that worker processes forked while it is up inherit no extra thread.
"""
from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from typing import IO, Any, Callable, Iterator

#: Seconds a run goes on before the bar appears.
DELAY = 0.5
#: Seconds between redraws.
REFRESH = 0.1

Advance = Callable[[int], None]


def _nothing(n: int) -> None:
    return None


class Tracker:
    """Where the stages of a run report how far they got; this one shows nothing."""

    def stage(self, label: str, total: int, unit: str) -> Advance:
        """A new stage of ``total`` ``unit`` s; call the returned function with each number done."""
        return _nothing

    def close(self) -> None:
        return None


NO_PROGRESS = Tracker()


def wanted(stream: IO[str] | None = None) -> bool:
    """Whether to show progress: the stream (stderr) is a terminal and the run is not in CI."""
    stream = stream if stream is not None else sys.stderr
    ci = os.environ.get("CI", "").strip().lower()
    if ci not in ("", "0", "false", "no"):
        return False
    try:
        return bool(stream.isatty()) and os.environ.get("TERM", "") != "dumb"
    except (AttributeError, ValueError):
        return False


class _RichTracker(Tracker):
    """A rich progress bar, started once the run has lasted `DELAY` seconds, erased when it ends."""

    def __init__(self, stream: IO[str], delay: float) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._begun = time.monotonic()
        self._delay = delay
        self._shown = False
        self._drawn = 0.0
        console = Console(file=stream, stderr=stream is sys.stderr, highlight=False)
        self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(),
                             TextColumn("ETA"), TimeRemainingColumn(), console=console, transient=True,
                             auto_refresh=False, redirect_stdout=False)
        self._task: Any = None

    def stage(self, label: str, total: int, unit: str) -> Advance:
        if self._task is not None:
            self._bar.update(self._task, visible=False)
        task = self._task = self._bar.add_task(label, total=total, unit=unit)

        def advance(n: int) -> None:
            self._bar.advance(task, n)
            self._draw()

        self._draw()
        return advance

    def _draw(self) -> None:
        now = time.monotonic()
        if not self._shown:
            if now - self._begun < self._delay:
                return
            self._bar.start()
            self._shown = True
        if now - self._drawn >= REFRESH:
            self._bar.refresh()
            self._drawn = now

    def close(self) -> None:
        if self._shown:
            self._bar.stop()
            self._shown = False


def _Rate() -> Any:  # noqa: N802 - a column, built where rich is imported
    from rich.progress import ProgressColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        """'123 docs/s' from rich's running estimate of the speed."""

        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            unit = task.fields.get("unit", "")
            return Text(f"{speed:,.0f} {unit}/s" if speed else f"– {unit}/s")

    return Rate()


@contextmanager
def progress(enabled: bool | None = None, *, stream: IO[str] | None = None,
             delay: float = DELAY) -> Iterator[Tracker]:
    """A tracker for one run: a bar on ``stream`` (stderr) when ``enabled`` (default: `wanted`), else one
    that shows nothing. The bar is erased when the block ends."""
    stream = stream if stream is not None else sys.stderr
    if not (wanted(stream) if enabled is None else enabled):
        yield NO_PROGRESS
        return
    tracker = _RichTracker(stream, delay)
    try:
        yield tracker
    finally:
        tracker.close()
