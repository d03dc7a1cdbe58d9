"""Reading documents: the I/O edge before the pipeline. Paths in, `Document`s (text + date) out.

Bad input never gets past here as a traceback: a missing path is a `FactcheckError`; a file that
cannot be read (binary, special, too large, malformed) is a warning and the others are read.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from .discover import Selection
from .errors import FactcheckError, Problem, WarningKind
from .extract.temporal import date_field, detect_document_date, front_matter
from .model import Document
from .readers import NotText, read_bytes
from .readers.html import html_prose
from .readers.textcodec import decode_bytes
from .safeio import read_regular
from .walk import DOCUMENT_SUFFIXES, find_documents

TEXT_SUFFIXES = DOCUMENT_SUFFIXES
MAX_BYTES = 20_000_000
#: Suppression sidecars and date sidecars are small; more is a mistake.
MAX_SIDECAR_BYTES = 1_000_000


class Unreadable(FactcheckError):
    """A document that cannot be read: one warning when it is one of several, an error on its own."""


@dataclass(frozen=True)
class Source:
    """A document as read from disk, before its date is known: ``text`` is the prose to check, ``raw``
    the decoded source (where suppression comments are read; equal to ``text`` for plain text)."""

    name: str
    path: Path
    text: str
    sidecar_suppressions: str | None = None
    raw: str | None = None
    line_map: tuple[int, ...] = ()
    page_map: tuple[int, ...] = ()
    problems: tuple[Problem, ...] = ()


def expand_paths(paths: Iterable[str], selection: Selection | None = None) -> list[tuple[str, Path]]:
    """Files named, and the document files inside directories named, sorted and without repeats.

    `selection` filters what a directory yields (include/exclude globs, .gitignore); a file named
    is always read."""
    return find_documents(paths, selection)[0]


def decode(raw: bytes, name: str) -> str:
    """Bytes -> text (see `readers.textcodec`); what cannot be text is a one-line FactcheckError."""
    try:
        return decode_bytes(raw, name).text
    except NotText as exc:
        raise FactcheckError(str(exc), name) from None


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one block per line (selectolax: fast, C-backed, no network)."""
    return html_prose(html).text


def blank_front_matter(text: str) -> tuple[str, dt.date | None]:
    """Blank out YAML front matter (keeping offsets and lines) and return its date, if any. A ``title:``
    keeps its value in place, so the title is the document's first line (its headline)."""
    fm = front_matter(text)
    if fm is None:
        return text, None
    end, date = fm
    head = re.sub(r"[^\n]", " ", text[:end])
    title = _TITLE.search(text, 0, end)
    if title is not None:
        a, b = title.span("value")
        head = head[:a] + text[a:b] + head[b:]
    return head + text[end:], date


_TITLE = re.compile(r"^title:[ \t]*[\"']?(?P<value>[^\n\"']*)", re.MULTILINE)


def read_source(name: str, path: Path, max_bytes: int = MAX_BYTES) -> Source:
    """Read and convert one document; a file that cannot be read is a one-line FactcheckError."""
    try:
        raw = read_regular(path, max_bytes, "document")
    except FactcheckError as exc:
        raise Unreadable(exc.what, name) from None
    try:
        reading = read_bytes(raw, path.suffix, name)
    except NotText as exc:
        raise Unreadable(str(exc), name) from None
    sidecar = path.with_name(path.name + ".factcheck-ignore.yaml")
    sidecar_text = None
    if sidecar.is_file():
        side = read_regular(sidecar, MAX_SIDECAR_BYTES, "suppressions")
        try:
            sidecar_text = side.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise FactcheckError("cannot read suppressions: not UTF-8", str(sidecar)) from None
    prose = reading.prose
    return Source(name, path, prose.text, sidecar_text, reading.source, prose.line_map, prose.page_map,
                  reading.problems)


def read_sources(paths: Iterable[str], max_bytes: int = MAX_BYTES,
                 selection: Selection | None = None) -> tuple[list[Source], list[Problem]]:
    """Every readable document under ``paths`` and a warning for each one passed over.

    A path that does not exist is an error (the user named it); a file that cannot be read is a warning,
    unless no document at all could be read.
    """
    found, problems = find_documents(paths, selection)
    sources: list[Source] = []
    for name, path in found:
        try:
            src = read_source(name, path, max_bytes)
        except Unreadable as exc:
            problems.append(Problem(WarningKind.SKIPPED, f"skipped: {exc.what}", name))
            continue
        problems.extend(src.problems)
        sources.append(src)
    if not sources and len(found) == 1 and problems:
        raise FactcheckError(problems[-1].what.removeprefix("skipped: "), problems[-1].where)
    if not sources:
        raise FactcheckError(f"none of the {len(found)} document{'s' if len(found) != 1 else ''} could be read"
                             + (f"; {problems[0].what}" if problems else ""),
                             problems[0].where if problems else None)
    return sources, problems


def _sidecar_date(path: Path) -> dt.date | None:
    meta = path.with_name(path.name + ".meta.yaml")
    if not meta.is_file():
        return None
    field = date_field(read_regular(meta, MAX_SIDECAR_BYTES, "date sidecar").decode("utf-8", errors="replace"))
    if field is None:
        raise FactcheckError("no 'date: YYYY-MM-DD' line", f"{meta}:1")
    value, day = field
    if day is None:
        raise FactcheckError(f"'{value}' is not a valid date", f"{meta}:1")
    return day


def to_document(src: Source, explicit: Mapping[str, dt.date]) -> Document:
    """Date a document: command line, then front matter, then a sidecar, then the text itself."""
    text, fm_date = blank_front_matter(src.text)
    date = explicit.get(src.name) or explicit.get(str(src.path)) or explicit.get(src.path.name)
    if date is not None:
        return Document(src.name, text, date, "cli", src.line_map, src.page_map)
    if fm_date is not None:
        return Document(src.name, text, fm_date, "front_matter", src.line_map, src.page_map)
    side = _sidecar_date(src.path)
    if side is not None:
        return Document(src.name, text, side, "sidecar", src.line_map, src.page_map)
    found, source = detect_document_date(text)
    return Document(src.name, text, found, source if found else "none", src.line_map, src.page_map)


def parse_date_option(spec: str) -> tuple[str, dt.date]:
    """``FILE=YYYY-MM-DD`` from --date."""
    name, sep, value = spec.rpartition("=")
    if not sep or not name:
        raise FactcheckError(f"--date {spec!r}: expected FILE=YYYY-MM-DD")
    try:
        return name, dt.date.fromisoformat(value)
    except ValueError:
        raise FactcheckError(f"--date {spec!r}: {value!r} is not a date (YYYY-MM-DD)") from None
