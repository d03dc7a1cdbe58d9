"""Regular expressions that cannot hang: users' patterns (rule ``ignore``, the lexicon's ignore patterns and
table period headers) and any pattern that could backtrack run on the `regex` module with a time limit.

Why: a pattern such as ``(a+)+$`` takes exponential time on a crafted line, and the stdlib ``re`` has no
way to stop it. `regex` takes ``timeout=`` and raises TimeoutError; we turn that into `PatternTimeout`,
which callers treat as "no match" plus a warning. `regex` is 2.4x slower than ``re`` on the ignore
patterns' `near` gate and 15x on the table period headers (``bench/patterns.py``), so a pattern searched over
every text (`compile_guarded`) stays on ``re`` when its shape is linear (`linear_re`).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, Union

import regex

from .errors import Problem, WarningKind, warn
from .linear_re import is_linear

#: Seconds one search may take: far more than any sane pattern needs on a sentence.
DEFAULT_TIMEOUT = 0.5


class PatternTimeout(Exception):
    """A search ran past its time limit."""


@lru_cache(maxsize=1024)
def compile_pattern(pattern: str, flags: int = 0) -> Any:
    """A compiled `regex` pattern (V0: the syntax of the stdlib ``re``); raises ``regex.error`` when bad."""
    return regex.compile(pattern, flags | regex.VERSION0)


def search(pattern: str | Any, text: str, *, flags: int = 0, timeout: float = DEFAULT_TIMEOUT,
           pos: int = 0) -> Any:
    """``pattern.search(text)`` under a time limit; raises `PatternTimeout`."""
    rx = compile_pattern(pattern, flags) if isinstance(pattern, str) else pattern
    try:
        return rx.search(text, pos, timeout=timeout)
    except TimeoutError:
        raise PatternTimeout(rx.pattern) from None


def match(pattern: str | Any, text: str, *, flags: int = 0, timeout: float = DEFAULT_TIMEOUT) -> Any:
    """``pattern.match(text)`` under a time limit; raises `PatternTimeout`."""
    rx = compile_pattern(pattern, flags) if isinstance(pattern, str) else pattern
    try:
        return rx.match(text, timeout=timeout)
    except TimeoutError:
        raise PatternTimeout(rx.pattern) from None


#: What a bad pattern raises, from either engine.
BAD_PATTERN = (re.error, regex.error)

_TO_REGEX_FLAGS = ((re.IGNORECASE, regex.IGNORECASE), (re.MULTILINE, regex.MULTILINE), (re.DOTALL, regex.DOTALL),
                   (re.VERBOSE, regex.VERBOSE), (re.ASCII, regex.ASCII))


class Guarded:
    """A pattern on `regex` whose every search stops after `timeout` seconds with `PatternTimeout`; the
    methods are those of ``re.Pattern`` that the callers use."""

    __slots__ = ("rx", "pattern", "flags", "timeout")

    def __init__(self, pattern: str, flags: int = 0, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.pattern, self.flags, self.timeout = pattern, flags, timeout
        rflags = 0
        for re_flag, regex_flag in _TO_REGEX_FLAGS:
            if flags & re_flag:
                rflags |= regex_flag
        self.rx = compile_pattern(pattern, rflags)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        try:
            return self.rx.search(text, pos, len(text) if endpos is None else endpos, timeout=self.timeout)
        except TimeoutError:
            raise PatternTimeout(self.pattern) from None

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        try:
            return self.rx.match(text, pos, len(text) if endpos is None else endpos, timeout=self.timeout)
        except TimeoutError:
            raise PatternTimeout(self.pattern) from None

    def finditer(self, text: str) -> Iterator[Any]:
        """The matches in ``text``; `PatternTimeout` once the whole scan has taken `timeout` seconds."""
        try:
            yield from self.rx.finditer(text, timeout=self.timeout)
        except TimeoutError:
            raise PatternTimeout(self.pattern) from None


#: A compiled pattern of either kind: both have ``search``, ``match``, ``finditer`` and ``pattern``.
AnyPattern = Union[re.Pattern, Guarded]


def compile_guarded(pattern: str, flags: int = 0) -> AnyPattern:
    """``pattern`` on the fast ``re`` when its shape runs in linear time, else on `regex` under a time limit.

    Raises one of `BAD_PATTERN` for a pattern either engine refuses."""
    fast = re.compile(pattern, flags)
    return fast if is_linear(pattern, flags) else Guarded(pattern, flags)


#: How often each pattern ran out of time in this process; at `MAX_TIMEOUTS` it is switched off.
_TIMEOUTS: dict[str, int] = {}
#: Time-outs after which a pattern is skipped for the rest of the run: a hostile pattern costs at most
#: this many time limits, not one per sentence.
MAX_TIMEOUTS = 3


def is_off(key: str) -> bool:
    """Whether the pattern known as ``key`` timed out too often and is skipped for the rest of the run."""
    return _TIMEOUTS.get(key, 0) >= MAX_TIMEOUTS


def timed_out(key: str, what: str, where: str) -> None:
    """Count a time-out of the pattern known as ``key`` and warn: ``what`` happened instead, at ``where``."""
    n = _TIMEOUTS[key] = _TIMEOUTS.get(key, 0) + 1
    off = "; it is off for the rest of the run" if n >= MAX_TIMEOUTS else ""
    warn(Problem(WarningKind.PATTERN_TIMEOUT, what + off, where))
