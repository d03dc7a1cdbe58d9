"""Which regular expressions may run on the stdlib's backtracking engine without a time limit: a static
check of their shape.

Why: the stdlib ``re`` takes no time limit, and `regex` (which does) is 2.4x slower on the ignore patterns'
`near` gate searched through every text and 15x on the table period headers tried on every line
(``bench/patterns.py``). So a
pattern from a YAML file runs on ``re`` only when its shape guarantees time linear in the text, and on
`regex` under a time limit otherwise (`saferegex.compile_guarded`).

The guarantee: every repeat is *deterministic*. Its body is one character (a literal or a class); the
characters that may follow it are not in that class, so giving one back never lets the rest match (a
repeat of exactly n, or a possessive one, never gives back at all); and, unless the pattern is anchored at
the start of the text, the character before it is not in the class either, so each run of the class is
scanned from a bounded number of places where a match may start (a repeat of at most `BOUNDED` characters
needs no such care). Nested repeats ``(a+)+``, repeated alternatives ``(a|aa)+``, neighbours that overlap
(``\\d+\\d+``, ``\\s*\\s*``) and a leading ``\\S+`` fail. The check is conservative: failing it means "run it
under a time limit", not "wrong". Character classes are compared over the Basic Multilingual Plane.
"""
from __future__ import annotations

import re
import sys
from array import array
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

#: A repeat of at most this many characters costs a bounded amount at each start, whatever precedes it.
BOUNDED = 16

_ALL = (1 << 0x110000) - 1
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_SINGLE = (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN)
_START_ANCHORS = (C.AT_BEGINNING, C.AT_BEGINNING_STRING)


class _Unsafe(Exception):
    """The pattern's shape can make the backtracking engine take more than linear time."""


@dataclass(frozen=True)
class _Before:
    """What may precede a point of the pattern: these characters, or (``open``) the place a search starts."""

    chars: int
    open: bool


def why_not_linear(pattern: str, flags: int = 0, *, anchored: bool = False) -> str | None:
    """None when searching with ``pattern`` (``search``, ``finditer``; ``match`` with ``anchored``) runs in
    linear time on ``re``; else what in its shape may backtrack.

    Raises ``re.error`` for a pattern ``re`` cannot compile."""
    tree = _parser.parse(pattern, flags)
    flags = tree.state.flags
    items = list(tree)
    anchored = anchored or bool(items) and items[0][0] is C.AT and (
        items[0][1] is C.AT_BEGINNING_STRING or (items[0][1] is C.AT_BEGINNING and not flags & re.MULTILINE))
    try:
        _Checker(anchored).sequence(items, flags, _Before(0, True), None)
    except _Unsafe as exc:
        return str(exc)
    return None


def is_linear(pattern: str, flags: int = 0, *, anchored: bool = False) -> bool:
    """Whether ``pattern`` passes `why_not_linear`."""
    return why_not_linear(pattern, flags, anchored=anchored) is None


def may_start_with_a_word_character(pattern: str, flags: int = 0) -> bool:
    """Whether a match of ``pattern`` may begin with a letter, digit or underscore (or be empty): one that
    cannot never matches after a possessive ``\\W*+``."""
    tree = _parser.parse(pattern, flags)
    items = list(tree)
    word = _category(C.CATEGORY_WORD, bool(tree.state.flags & re.ASCII))
    return all(_nullable(i) for i in items) or bool(_first_of(items, tree.state.flags) & word)


class _Checker:
    def __init__(self, anchored: bool) -> None:
        self.anchored = anchored

    def sequence(self, items: list[Any], flags: int, before: _Before, follow: int | None) -> None:
        """Check each item, knowing what may come before and after it: the characters that may follow, or
        None where the match cannot fail any more (the end of the pattern, of a look-ahead or of an atomic
        group, reached through items that may all be empty), so nothing after gives cause to backtrack."""
        follows: list[int | None] = [None] * len(items)
        after = follow
        for i in range(len(items) - 1, -1, -1):
            follows[i] = after
            item = items[i]
            if after is None and _trivial(item):
                continue
            after = _first(item, flags) | ((after or 0) if _nullable(item) else 0)
        for item, item_follow in zip(items, follows):
            self.item(item, flags, before, item_follow)
            before = _after(before, item, flags)

    def item(self, item: Any, flags: int, before: _Before, follow: int | None) -> None:
        op, av = item
        if op in _SINGLE or op is C.AT:
            return
        if op is C.SUBPATTERN:
            _group, add, remove, body = av
            self.sequence(list(body), (flags | add) & ~remove, before, follow)
        elif op is C.ATOMIC_GROUP:  # never backtracked into once matched
            self.sequence(list(av), flags, before, None)
        elif op is C.BRANCH:
            for branch in av[1]:
                self.sequence(list(branch), flags, before, follow)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            self.sequence(list(av[1]), flags, before, None)
        elif op in _REPEATS:
            self.repeat(op, av, flags, before, follow)
        else:  # back-references, conditionals: no bound at all
            raise _Unsafe(f"{_name(op)} can backtrack without bound")

    def repeat(self, op: Any, av: Any, flags: int, before: _Before, follow: int | None) -> None:
        low, high, body = av[0], av[1], list(av[2])
        if high <= 1:  # optional: its body once
            self.sequence(body, flags, before, follow)
            return
        chars = _single(body, flags)
        if chars is None:
            if low == high and high <= BOUNDED:  # (…){3}: its body a fixed number of times
                again = _first_of(body, flags) | (follow or 0)
                self.sequence(body, flags, _Before(before.chars | _last_of(body, flags), before.open), again)
                return
            raise _Unsafe("a repeated group, such as (a+)+ or (a|aa)+, can backtrack exponentially")
        if op is not C.POSSESSIVE_REPEAT and low != high and follow is not None and chars & follow:
            raise _Unsafe("a repeat followed by a character it also matches, such as \\d+\\d or \\s*\\s*, "
                          "can backtrack polynomially")
        if (high is C.MAXREPEAT or high > BOUNDED) and not self.anchored:
            if before.open:
                raise _Unsafe("an unbounded repeat where a match may start, such as a leading \\S+, is rescanned "
                              "from every start inside its run")
            if chars & before.chars:
                raise _Unsafe("an unbounded repeat after a character it also matches is rescanned from every "
                              "start inside its run")


def _trivial(item: Any) -> bool:
    """Whether ``item`` always matches, if need be the empty string (a zero-width assertion can fail)."""
    return _empty(item, assertions=False)


def _after(before: _Before, item: Any, flags: int) -> _Before:
    """What may precede the point just after ``item``."""
    op, av = item
    if op is C.AT and av in _START_ANCHORS and (av is C.AT_BEGINNING_STRING or not flags & re.MULTILINE):
        return _Before(0, False)  # only at the start of the text
    if op in _ZERO_WIDTH:
        return before
    last = _last(item, flags)
    return _Before(before.chars | last, before.open) if _nullable(item) else _Before(last, False)


def _single(body: list[Any], flags: int) -> int | None:
    """The characters a one-character body matches; None for anything longer."""
    if len(body) != 1:
        return None
    op, av = body[0]
    if op is C.SUBPATTERN:
        return _single(list(av[3]), (flags | av[1]) & ~av[2])
    if op is C.BRANCH:  # (?:[a-z]|[.-]): one character either way, unless two alternatives share one
        out = 0
        for branch in av[1]:
            chars = _single(list(branch), flags)
            if chars is None or chars & out:
                return None
            out |= chars
        return out
    return _chars(op, av, flags) if op in _SINGLE else None


def _chars(op: Any, av: Any, flags: int) -> int:
    if op is C.LITERAL:
        return _fold(1 << av, flags)
    if op is C.NOT_LITERAL:
        return _ALL ^ _fold(1 << av, flags)
    if op is C.ANY:
        return _ALL if flags & re.DOTALL else _ALL ^ (1 << 10)
    negate, chars = False, 0
    for kind, value in av:
        if kind is C.NEGATE:
            negate = True
        elif kind is C.LITERAL:
            chars |= 1 << value
        elif kind is C.RANGE:
            chars |= ((1 << (value[1] - value[0] + 1)) - 1) << value[0]
        elif kind is C.CATEGORY:
            chars |= _category(value, bool(flags & re.ASCII))
        else:
            raise _Unsafe(f"unknown class item {kind}")
    chars = _fold(chars, flags)
    return _ALL ^ chars if negate else chars


def _fold(chars: int, flags: int) -> int:
    """``chars`` with the other cases of its letters, when the pattern ignores case."""
    if not flags & re.IGNORECASE or chars.bit_count() > 4096:  # a category: closed under case already
        return chars
    out, rest = chars, chars
    while rest:
        low = rest & -rest
        rest ^= low
        ch = chr(low.bit_length() - 1)
        for other in (ch.lower(), ch.upper(), ch.swapcase(), ch.casefold()):
            if len(other) == 1:
                out |= 1 << ord(other)
    return out


@lru_cache(maxsize=None)
def _category(category: Any, ascii_only: bool) -> int:
    """The characters of \\d, \\s, \\w or their negations, over the Basic Multilingual Plane."""
    positive = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s", C.CATEGORY_WORD: r"\w",
                C.CATEGORY_NOT_DIGIT: r"\d", C.CATEGORY_NOT_SPACE: r"\s", C.CATEGORY_NOT_WORD: r"\w"}.get(category)
    if positive is None:
        raise _Unsafe(f"unknown category {category}")
    text = _bmp()[:128] if ascii_only else _bmp()
    chars = 0
    for m in re.finditer(positive + "+", text, re.ASCII if ascii_only else 0):
        a, b = m.span()
        chars |= ((1 << (b - a)) - 1) << a
    return _ALL ^ chars if "NOT" in str(category) else chars


@lru_cache(maxsize=1)
def _bmp() -> str:
    """Every character of the Basic Multilingual Plane, in order (decoded at once: a join of 65,536 ``chr``
    took 7 ms)."""
    return array("I", range(0x10000)).tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be",
                                                        "surrogatepass")


def _edge(item: Any, flags: int, end: bool) -> int:
    """The characters a match of ``item`` may start with, or with ``end`` end with."""
    op, av = item
    if op in _SINGLE:
        return _chars(op, av, flags)
    if op is C.SUBPATTERN:
        return _edge_of(list(av[3]), (flags | av[1]) & ~av[2], end)
    if op is C.ATOMIC_GROUP:
        return _edge_of(list(av), flags, end)
    if op is C.BRANCH:
        return _union(_edge_of(list(b), flags, end) for b in av[1])
    if op in _REPEATS:
        return _edge_of(list(av[2]), flags, end)
    return 0


def _first(item: Any, flags: int) -> int:
    return _edge(item, flags, False)


def _last(item: Any, flags: int) -> int:
    return _edge(item, flags, True)


def _nullable(item: Any) -> bool:
    """Whether ``item`` may match the empty string."""
    return _empty(item, assertions=True)


def _empty(item: Any, assertions: bool) -> bool:
    """Whether ``item`` matches the empty string: may (``assertions``: a zero-width assertion counts as
    empty) or always does (it does not, since it can fail). One walk for `_nullable` and `_trivial`."""
    op, av = item
    if op in _SINGLE:
        return False
    if op is C.SUBPATTERN:
        return all(_empty(i, assertions) for i in av[3])
    if op is C.ATOMIC_GROUP:
        return all(_empty(i, assertions) for i in av)
    if op is C.BRANCH:
        return any(all(_empty(i, assertions) for i in b) for b in av[1])
    if op in _REPEATS:
        return av[0] == 0 or all(_empty(i, assertions) for i in av[2])
    return assertions  # zero-width: anchors, look-arounds (back-references are refused before this matters)


def _edge_of(items: list[Any], flags: int, end: bool) -> int:
    """The characters a match of the sequence ``items`` may start with (or end with): each item's, up to
    the first (or last) that cannot match empty."""
    out = 0
    for item in (reversed(items) if end else items):
        out |= _edge(item, flags, end)
        if not _nullable(item):
            break
    return out


def _first_of(items: list[Any], flags: int) -> int:
    return _edge_of(items, flags, False)


def _last_of(items: list[Any], flags: int) -> int:
    return _edge_of(items, flags, True)


def _union(parts: Any) -> int:
    out = 0
    for p in parts:
        out |= p
    return out


def _name(op: Any) -> str:
    return {C.GROUPREF: "a back-reference", C.GROUPREF_EXISTS: "a conditional group"}.get(op, str(op).lower())
