"""Reading documents: the I/O edge before the pipeline. Paths in, `Document`s (text + date) out.

Bad input never gets past here as a traceback: a missing path, a binary or huge file, or text
that is not UTF-8 raises `FactcheckError` with one line naming the file.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from .discover import Selection
from .errors import FactcheckError
from .extract.temporal import date_field, detect_document_date, front_matter
from .model import Document

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class Source:
    """A document as read from disk, before its date is known."""

    name: str
    path: Path
    text: str
    sidecar_suppressions: str | None = None


def expand_paths(paths: Iterable[str], selection: Selection | None = None) -> list[tuple[str, Path]]:
    """Files named, and the text files inside directories named, sorted and without repeats.

    `selection` filters what a directory yields (include/exclude globs, .gitignore); a file named
    is always read."""
    found: dict[Path, str] = {}
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise FactcheckError(f"{raw}: no such file or directory")
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if (child.is_file() and child.suffix.lower() in TEXT_SUFFIXES and not _hidden(child, p)
                        and (selection is None or selection.wanted(child, p))):
                    found.setdefault(child.resolve(), str(child))
        elif p.is_file():
            if p.suffix.lower() not in TEXT_SUFFIXES:
                raise FactcheckError(f"{raw}: unsupported file type '{p.suffix or '(none)'}' "
                                     f"(supported: {', '.join(TEXT_SUFFIXES)})")
            found.setdefault(p.resolve(), raw)
        else:
            raise FactcheckError(f"{raw}: not a regular file")
    if not found:
        raise FactcheckError("no documents to read (supported: " + ", ".join(TEXT_SUFFIXES) + ")")
    return sorted(((name, path) for path, name in found.items()), key=lambda x: x[0])


def _hidden(child: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in child.relative_to(root).parts)


def decode(raw: bytes, name: str) -> str:
    """UTF-8 with or without a BOM; anything else is a one-line error."""
    if b"\x00" in raw[:8192]:
        raise FactcheckError(f"{name}: binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FactcheckError(f"{name}:{line}: not valid UTF-8 (byte 0x{raw[exc.start]:02x}); "
                             "convert the file to UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one block per line (selectolax: fast, C-backed, no network)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for tag in ("script", "style", "noscript", "template", "head"):
        for node in tree.css(tag):
            node.decompose()
    body = tree.body or tree.root
    if body is None:
        return ""
    for table in body.css("table"):
        table.replace_with(_pipe_table(table))
    blocks = "p, h1, h2, h3, h4, h5, h6, li, td, th, div, br, tr, title, blockquote, pre"
    for node in body.css(blocks):
        node.insert_after("\n\n")
    text = body.text(separator="", strip=False)
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+\n", "\n", text)).strip() + "\n"


def _pipe_table(table: Any) -> str:
    """An HTML table as a Markdown pipe table, so its header cells and row labels frame its figures
    (`factcheck.frame.tables`) as they would in a Markdown page."""
    rows = [[" ".join(cell.text(separator=" ").split()).replace("|", "/") for cell in tr.css("th, td")]
            for tr in table.css("tr")]
    rows = [r for r in rows if any(r)]
    if not rows:
        return "\n\n"
    width = max(len(r) for r in rows)
    lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
    return "\n\n" + "\n".join([lines[0], "|" + "---|" * width, *lines[1:]]) + "\n\n"


def blank_front_matter(text: str) -> tuple[str, dt.date | None]:
    """Blank out YAML front matter (keeping offsets and lines) and return its date, if any."""
    fm = front_matter(text)
    if fm is None:
        return text, None
    end, date = fm
    return re.sub(r"[^\n]", " ", text[:end]) + text[end:], date


def read_source(name: str, path: Path, max_bytes: int = MAX_BYTES) -> Source:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FactcheckError(f"{name}: file is {size:,} bytes, over the {max_bytes:,}-byte limit "
                                 "(raise it with --max-bytes)")
        raw = path.read_bytes()
    except OSError as exc:
        raise FactcheckError(f"{name}: cannot read: {exc.strerror or exc}") from None
    text = decode(raw, name)
    if path.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    sidecar = path.with_name(path.name + ".factcheck-ignore.yaml")
    sidecar_text = None
    if sidecar.is_file():
        try:
            sidecar_text = sidecar.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise FactcheckError(f"{sidecar}: cannot read suppressions: {exc}") from None
    return Source(name, path, text, sidecar_text)


def _sidecar_date(path: Path) -> dt.date | None:
    meta = path.with_name(path.name + ".meta.yaml")
    if not meta.is_file():
        return None
    field = date_field(meta.read_text(encoding="utf-8", errors="replace"))
    if field is None:
        raise FactcheckError(f"{meta}:1: no 'date: YYYY-MM-DD' line")
    value, day = field
    if day is None:
        raise FactcheckError(f"{meta}:1: '{value}' is not a valid date")
    return day


def to_document(src: Source, explicit: Mapping[str, dt.date]) -> Document:
    """Date a document: command line, then front matter, then a sidecar, then the text itself."""
    text, fm_date = blank_front_matter(src.text)
    date = explicit.get(src.name) or explicit.get(str(src.path)) or explicit.get(src.path.name)
    if date is not None:
        return Document(src.name, text, date, "cli")
    if fm_date is not None:
        return Document(src.name, text, fm_date, "front_matter")
    side = _sidecar_date(src.path)
    if side is not None:
        return Document(src.name, text, side, "sidecar")
    found, source = detect_document_date(text)
    return Document(src.name, text, found, source if found else "none")


def parse_date_option(spec: str) -> tuple[str, dt.date]:
    """``FILE=YYYY-MM-DD`` from --date."""
    name, sep, value = spec.rpartition("=")
    if not sep or not name:
        raise FactcheckError(f"--date {spec!r}: expected FILE=YYYY-MM-DD")
    try:
        return name, dt.date.fromisoformat(value)
    except ValueError:
        raise FactcheckError(f"--date {spec!r}: {value!r} is not a date (YYYY-MM-DD)") from None
