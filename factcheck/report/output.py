"""Writing reports to files without ever leaving a torn or half-written one behind.

CI steps read report files as soon as a job ends (and code scanning rejects a truncated
SARIF), so every file is written to a temporary sibling, fsynced and renamed into place.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import FactcheckError
from ..model import Report
from . import RENDERERS


def _default_mode() -> int:
    """0o666 less the umask: what `open()` would have created, since mkstemp makes files 0o600."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Replace `path` with `text` (UTF-8) atomically; on any failure the old file is untouched.

    Raises `FactcheckError` for problems the user can fix (missing directory, no permission).
    """
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    try:
        mode = target.stat().st_mode & 0o7777 if target.exists() else _default_mode()
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{target.name}.", suffix=".tmp")
    except FileNotFoundError:
        raise FactcheckError(f"{target}: cannot write report: directory {parent} does not exist") from None
    except OSError as exc:
        raise FactcheckError(f"{target}: cannot write report: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise FactcheckError(f"{target}: cannot write report: {exc.strerror or exc}") from None
        raise
    _fsync_dir(parent)


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable; not every platform allows opening a directory."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def parse_output_spec(spec: str) -> tuple[str, Path]:
    """``"sarif=out.sarif"`` -> ``("sarif", Path("out.sarif"))``; a bad spec is a one-line FactcheckError."""
    fmt, sep, path = spec.partition("=")
    fmt = fmt.strip().lower()
    if not sep or not fmt or not path.strip():
        raise FactcheckError(f"--output {spec!r}: expected FORMAT=PATH, e.g. sarif=factcheck.sarif")
    if fmt not in RENDERERS:
        raise FactcheckError(f"--output {spec!r}: unknown format {fmt!r} (choose from {', '.join(sorted(RENDERERS))})")
    return fmt, Path(path)


def write_outputs(report: Report, outputs: Iterable[tuple[str, str | os.PathLike[str]]], *, color: bool = False) -> None:
    """Render every requested format first, then write them: a renderer that raises writes nothing."""
    rendered = [(Path(path), RENDERERS[fmt](report, color=color)) for fmt, path in outputs]
    for path, text in rendered:
        write_atomic(path, text)
