"""A disk cache for what rule and lexicon files compile to, so a run on one file starts fast.

Why: validating a rule file (YAML, JSON Schema, lemmas of its terms, pint dimensions) costs far more
than the check of a short document, and the files rarely change. As ruff keeps ``.ruff_cache``,
factcheck keeps the compiled result of each file under ``$FACTCHECK_CACHE_DIR`` (default
``$XDG_CACHE_HOME/factcheck`` or ``~/.cache/factcheck``), keyed by the files' paths, sizes and
modification times and by factcheck's own code, so any edit to either is a miss. Only successes are
stored: a broken file is read and reported every run. ``FACTCHECK_NO_CACHE=1`` turns it off; a cache
that cannot be read or written is ignored.
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")

_PKG = Path(__file__).resolve().parent


def cache_dir() -> Path:
    explicit = os.environ.get("FACTCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck"


@functools.lru_cache(maxsize=1)
def _code_key() -> str:
    """factcheck's own code: every module's path, size and mtime (a stat each, about a millisecond)."""
    h = hashlib.sha256()
    for p in sorted(_PKG.rglob("*.py")) + sorted((_PKG / "schemas").glob("*.json")):
        st = p.stat()
        h.update(f"{p.relative_to(_PKG)}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


def _key(kind: str, files: Sequence[Path], extra: str) -> str:
    h = hashlib.sha256(f"{kind}|{extra}|{_code_key()}".encode())
    for f in files:
        st = f.stat()
        h.update(f"|{f.resolve()}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:32]


def enabled() -> bool:
    return not os.environ.get("FACTCHECK_NO_CACHE")


def cached(kind: str, files: Sequence[Path], build: Callable[[], T], extra: str = "") -> T:
    """`build()`'s result, from the cache when `files` (and factcheck) are unchanged since it was stored."""
    if not enabled():
        return build()
    try:
        path = cache_dir() / kind / f"{_key(kind, files, extra)}.pickle"
    except OSError:
        return build()
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own cache directory, written by this function
    except Exception:
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:
        try:
            os.unlink(tmp)  # type: ignore[possibly-undefined]
        except Exception:
            pass
    return value
