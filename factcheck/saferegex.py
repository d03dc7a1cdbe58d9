"""Regular expressions that cannot hang: users' patterns (rule ``ignore``) and any pattern that could
backtrack run on the `regex` module with a time limit.

Why: a pattern such as ``(a+)+$`` takes exponential time on a crafted line, and the stdlib ``re`` has no
way to stop it. `regex` takes ``timeout=`` and raises TimeoutError; we turn that into `PatternTimeout`,
which callers treat as "no match" plus a warning.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

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
