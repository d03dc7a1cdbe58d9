"""Which files the paths on the command line name: an iterative walk that cannot recurse too deep, loop
on a symlink or block on a special file.

Why not ``Path.rglob``: it recurses (a tree a thousand levels deep raises RecursionError), follows a
symlink loop until the path is too long, and says nothing of the files it cannot use. Named paths that
cannot be read are errors (the user asked for them); inside a directory they are warnings and the walk
goes on.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, Iterable

from .errors import FactcheckError, Problem, WarningKind, one_line
from .safeio import kind_of, why_unreadable

#: File types factcheck reads; other files inside a directory are passed over in silence.
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")


def display_name(path: str) -> str:
    """A document's name as every report shows it: control characters (an escape sequence in a file name)
    written as ``\\x1b``, so no report can carry them to a terminal or into XML. Unpaired surrogates (a
    file name that is not valid UTF-8) are written as escapes too."""
    try:
        path = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        path = path.encode("utf-8", "backslashreplace").decode("ascii")
    return one_line(path)


def find_documents(paths: Iterable[str], selection: Any = None) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """Files named, and the document files inside directories named, sorted by name and without repeats,
    with a warning for each file inside a directory that was passed over. ``selection``
    (`factcheck.discover.Selection`) filters what a directory yields; a file named is always read."""
    found: dict[tuple[int, int], tuple[str, Path]] = {}
    problems: list[Problem] = []
    for raw in paths:
        p = Path(raw)
        try:
            st = os.stat(p)
        except OSError as exc:
            raise FactcheckError(why_unreadable(exc), raw) from None
        if stat.S_ISDIR(st.st_mode):
            _walk(raw, found, problems, selection)
        elif stat.S_ISREG(st.st_mode):
            if p.suffix.lower() not in DOCUMENT_SUFFIXES:
                raise FactcheckError(f"unsupported file type '{p.suffix or '(none)'}' "
                                     f"(supported: {', '.join(DOCUMENT_SUFFIXES)})", raw)
            found.setdefault((st.st_dev, st.st_ino), (display_name(raw), p))
        else:
            raise FactcheckError(f"{kind_of(st.st_mode)}, not a document", raw)
    if not found:
        raise FactcheckError("no documents to read (supported: " + ", ".join(DOCUMENT_SUFFIXES) + ")",
                             ", ".join(paths))
    return sorted(found.values(), key=lambda x: x[0]), problems


def _walk(root: str, found: dict[tuple[int, int], tuple[str, Path]], problems: list[Problem],
          selection: Any = None) -> None:
    """Depth-first over ``root`` with an explicit stack; every directory is entered at most once."""
    seen_dirs: set[tuple[int, int]] = set()
    st = os.stat(root)
    seen_dirs.add((st.st_dev, st.st_ino))
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(WarningKind.SKIPPED, f"directory skipped: {why_unreadable(exc)}",
                                    display_name(directory)))
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            where = os.path.join(directory, entry.name)
            shown = display_name(where)
            try:
                est = entry.stat()  # follows symlinks
            except OSError as exc:
                if Path(entry.name).suffix.lower() in DOCUMENT_SUFFIXES or entry.is_symlink():
                    problems.append(Problem(WarningKind.SKIPPED, f"skipped: {why_unreadable(exc)}", shown))
                continue
            if stat.S_ISDIR(est.st_mode):
                key = (est.st_dev, est.st_ino)
                if key in seen_dirs:
                    if entry.is_symlink():
                        problems.append(Problem(WarningKind.SKIPPED, "skipped: symlink loop (it points to a "
                                                "directory already read)", shown))
                    continue
                seen_dirs.add(key)
                subdirs.append(where)
                continue
            if Path(entry.name).suffix.lower() not in DOCUMENT_SUFFIXES:
                continue
            if selection is not None and not selection.wanted(Path(where), Path(root)):
                continue
            if not stat.S_ISREG(est.st_mode):
                problems.append(Problem(WarningKind.SKIPPED, f"skipped: {kind_of(est.st_mode)}, not a document",
                                        shown))
                continue
            found.setdefault((est.st_dev, est.st_ino), (display_name(where), Path(where)))
        stack.extend(reversed(subdirs))
