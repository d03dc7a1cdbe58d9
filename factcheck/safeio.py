"""Opening files the user names without ever blocking or reading more than we mean to.

Why not ``Path.read_bytes``: a FIFO blocks it forever, a device (``/dev/zero``) never ends, and a symlink
loop surfaces as an unclear "no such file". Every file factcheck reads (documents, rules, configuration,
baselines, suppression sidecars) comes through `read_regular`.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .errors import FactcheckError


def kind_of(mode: int) -> str:
    """A person's name for a file type that is not a regular file."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def why_unreadable(exc: OSError) -> str:
    """One phrase for an OSError: a symlink loop and a name too long get their own words."""
    if exc.errno == errno.ELOOP:
        return "symlink loop (a link that points back to itself)"
    if exc.errno == errno.ENAMETOOLONG:
        return "path too long"
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno == errno.EACCES:
        return "permission denied"
    return exc.strerror or str(exc)


def read_regular(path: Path | str, max_bytes: int, label: str = "file") -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; anything else is a one-line FactcheckError.

    The file is opened non-blocking and checked again after opening, so a FIFO swapped in between the
    two checks cannot block either.
    """
    where = str(path)
    try:
        st = os.stat(path)
    except OSError as exc:
        raise FactcheckError(f"cannot read {label}: {why_unreadable(exc)}", where) from None
    if not stat.S_ISREG(st.st_mode):
        raise FactcheckError(f"cannot read {label}: {kind_of(st.st_mode)}, not a regular file", where)
    if st.st_size > max_bytes:
        raise FactcheckError(f"{label} is {st.st_size:,} bytes, over the {max_bytes:,}-byte limit", where)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FactcheckError(f"cannot read {label}: {why_unreadable(exc)}", where) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FactcheckError(f"cannot read {label}: {kind_of(st.st_mode)}, not a regular file", where)
        chunks = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:
                raise FactcheckError(f"{label} grew past the {max_bytes:,}-byte limit while being read", where)
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise FactcheckError(f"cannot read {label}: {why_unreadable(exc)}", where) from None
    finally:
        os.close(fd)
