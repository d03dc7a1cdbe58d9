"""Everything the user is told when something is wrong: exit codes, errors (stop, exit 2) and warnings
(one line each, the run goes on, the summary counts them).

Why one module: the CLI must print every problem the same way, ``factcheck: error: <what> (<where>)``,
and a reader of the code finds every message a user can see by its class here.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Iterator


class ExitCode(IntEnum):
    """Process exit status, shared by every command."""

    CLEAN = 0
    FINDINGS = 1
    USAGE = 2


class FactcheckError(Exception):
    """A problem the user can fix (bad path, bad rule file, bad option): shown as one line, exit 2.

    ``what`` says what is wrong, ``where`` (a path, ``path:line`` or an option) where; ``str()`` is
    ``what (where)``.
    """

    def __init__(self, what: str, where: str | None = None) -> None:
        self.what = one_line(what)
        self.where = one_line(where) if where else None
        super().__init__(f"{self.what} ({self.where})" if self.where else self.what)

    def cli_line(self) -> str:
        """The one line the CLI prints."""
        return f"factcheck: error: {self}"


class RuleFileError(FactcheckError):
    """A rule, lexicon or configuration file is malformed. ``str()`` is ``file:line: message`` (as the
    Python API has always given it); the CLI prints ``factcheck: error: message (file:line)``."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(message, f"{path}:{line if line is not None else 1}")
        self.args = (f"{self.where}: {self.what}",)

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"

    def cli_line(self) -> str:
        return f"factcheck: error: {self.what} ({self.where})"


class WarningKind(StrEnum):
    """Why a warning was given; the summary counts warnings and JSON names their kind."""

    SKIPPED = "skipped"              # a file that was not read (binary, special, too large, unreadable, ...)
    ENCODING = "encoding"            # a legacy encoding was detected and the file decoded from it
    TOO_LARGE = "too_large"          # a number beyond the range of a float: reported, never made infinite
    TIME_BUDGET = "time_budget"      # a document took longer than its time budget; its figures are left out
    PATTERN_TIMEOUT = "pattern_timeout"  # a regular expression ran out of time on some text
    CONTENT = "content"              # something in the text was left out (control characters, an image-only page)
    UNKNOWN_RULE = "unknown_rule"    # a config entry or a suppression names a rule that does not exist


@dataclass(frozen=True)
class Problem:
    """One warning: what happened, where, and of which kind. Never stops the run."""

    kind: WarningKind
    what: str
    where: str

    @classmethod
    def from_error(cls, kind: WarningKind, error: FactcheckError) -> Problem:
        """A problem that stops the run where it must be exact (the Python API, ``rules test``) and only
        warns where the run can go on (the CLI): same words, same ``file:line``."""
        return cls(kind, error.what, error.where or "")

    def cli_line(self) -> str:
        return f"factcheck: warning: {self.what} ({self.where})"

    def to_dict(self) -> dict[str, str]:
        return {"kind": str(self.kind), "what": self.what, "where": self.where}


def one_line(text: str) -> str:
    """A message on one line with no control characters: a file name may hold a newline or an escape."""
    return "".join(ch if ch.isprintable() else _visible(ch) for ch in str(text))


def _visible(ch: str) -> str:
    if ch in "\n\r\t":
        return " "
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


_SINK: ContextVar[list[Problem] | None] = ContextVar("factcheck_warnings", default=None)


def warn(problem: Problem) -> None:
    """Record a warning from deep inside a stage (a pattern that timed out); dropped when nobody collects.

    Why a context variable rather than a return value: the stages stay pure functions of their input, and
    the few places that can warn need no extra plumbing through every caller.
    """
    sink = _SINK.get()
    if sink is not None and problem not in sink:
        sink.append(problem)


@contextmanager
def collecting() -> Iterator[list[Problem]]:
    """Collect the warnings given inside the block."""
    sink: list[Problem] = []
    token = _SINK.set(sink)
    try:
        yield sink
    finally:
        _SINK.reset(token)
