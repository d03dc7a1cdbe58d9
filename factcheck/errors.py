"""Exit codes and the one error type that the CLI turns into a one-line message."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit status, shared by every command."""

    CLEAN = 0
    FINDINGS = 1
    USAGE = 2


class FactcheckError(Exception):
    """A problem the user can fix (bad path, bad rule file, bad option): shown as one line, exit 2."""


class RuleFileError(FactcheckError):
    """A rule or lexicon file is malformed; renders as ``file:line: message``."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(f"{path}:{line if line is not None else 1}: {message}")
