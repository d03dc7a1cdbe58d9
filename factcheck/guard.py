"""Guards around the pipeline's core: numbers too large for a float, and a time budget per document.

Why here and not in the extractor: both are about hostile input, not about reading numbers. A number
with hundreds of digits is no figure anyone compares (as a float it is infinity, which is not valid JSON
and broke `int()` in the scanner), so it is blanked before extraction and reported as too large. A
document that takes longer than its budget is left out with a warning instead of stalling the run.
"""
from __future__ import annotations

import math
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import Problem, WarningKind
from .model import Quantity

#: Digits beyond which a number is "too large": 10**250 times a trillion still fits in a float.
MAX_DIGITS = 250
#: A run of more than `MAX_DIGITS` digits, with or without thousands separators or a decimal point.
#: Each repetition consumes one digit, so the pattern cannot backtrack.
_HUGE = re.compile(r"\d(?:[,.]?\d){%d,}" % MAX_DIGITS)
#: Seconds one document may take to extract and frame (the CLI's --time-budget).
DEFAULT_BUDGET = 60.0


def blank_huge_numbers(text: str, where: str) -> tuple[str, tuple[Problem, ...]]:
    """``text`` with every too-large number replaced by spaces (offsets kept), and a warning for each."""
    if not _has_long_digit_run(text):
        return text, ()
    problems = []
    parts = []
    last = 0
    for m in _HUGE.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group(0))
        line = text.count("\n", 0, m.start()) + 1
        problems.append(Problem(WarningKind.TOO_LARGE, f"a number of {digits:,} digits is too large to compare "
                                "(beyond the range of a float); left out", f"{where}:{line}"))
        parts.append(text[last:m.start()])
        parts.append(" " * (m.end() - m.start()))
        last = m.end()
    parts.append(text[last:])
    return "".join(parts), tuple(problems[:20]) + ((Problem(
        WarningKind.TOO_LARGE, f"{len(problems) - 20} more numbers too large to compare", where),)
        if len(problems) > 20 else ())


def _has_long_digit_run(text: str) -> bool:
    """A cheap test before the pattern: is there any run of `MAX_DIGITS` digits at all?"""
    return re.search(r"\d{%d}" % (MAX_DIGITS // 2), text) is not None


def finite(quantities: list[Quantity], where: str) -> tuple[list[Quantity], tuple[Problem, ...]]:
    """Drop any quantity whose value or bounds are not finite (an exponent such as 1e999), with a warning."""
    bad = [q for q in quantities if any(v is not None and not math.isfinite(v) for v in (q.value, q.low, q.high))]
    if not bad:
        return quantities, ()
    keep = [q for q in quantities if q not in bad]
    return keep, tuple(Problem(WarningKind.TOO_LARGE, f"{q.text[:40]!r} is too large to compare (beyond the "
                               "range of a float); left out", f"{where}:{q.line}") for q in bad[:20])


class BudgetExceeded(Exception):
    """The time budget of a document ran out."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise `BudgetExceeded` inside the block once ``seconds`` have passed (main thread, POSIX only; a
    no-op elsewhere, where the per-pattern timeouts still hold)."""
    usable = (seconds is not None and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def _expired(signum: int, frame: object) -> None:
        raise BudgetExceeded()

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
