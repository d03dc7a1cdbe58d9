"""Readers: a document's bytes -> the prose to check, by format (text, Markdown, HTML, PDF).

Each reader is a pure function of the bytes. What cannot be read raises `NotText` (the caller turns it
into a one-line warning and skips the file); what was read with a doubt comes back as `Problem`s.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import Problem, WarningKind
from .lines import Prose
from .textcodec import NotText, blank_controls, decode_bytes

__all__ = ["NotText", "Reading", "read_bytes"]


@dataclass(frozen=True)
class Reading:
    """What a reader made of a file: ``source`` is the decoded source (where suppression comments are
    read), ``prose`` the text to check with its line and page maps."""

    source: str
    prose: Prose
    problems: tuple[Problem, ...] = ()


def read_bytes(raw: bytes, suffix: str, where: str) -> Reading:
    """Read one document's bytes according to its file suffix; the prose never holds a control character
    (an HTML entity or a PDF can make one after decoding)."""
    reading = _read(raw, suffix.lower(), where)
    text, problem = blank_controls(reading.prose.text, where)
    problems = list(reading.problems)
    if problem is not None and not any(p.kind == problem.kind for p in problems):
        problems.append(problem)
    problems.extend(_shape(text, where))
    return Reading(reading.source, replace(reading.prose, text=text), tuple(problems))


#: A line longer than this is no prose a person wrote (a dump, minified data); worth a warning.
LONG_LINE = 100_000


def _shape(text: str, where: str) -> list[Problem]:
    """Warnings about the text as a whole: nothing to read, or a line no person wrote."""
    if not text.strip():
        return [Problem(WarningKind.CONTENT, "no text to check (empty document)", where)]
    if len(text) <= LONG_LINE:
        return []
    start, number = 0, 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > LONG_LINE:
            return [Problem(WarningKind.CONTENT, f"line {number} is {end - start:,} characters long; "
                            "is this prose?", f"{where}:{number}")]
        start, number = end + 1, number + 1
    return []


def _read(raw: bytes, suffix: str, where: str) -> Reading:
    if suffix == ".pdf":
        from .pdf import pdf_prose

        prose, problems = pdf_prose(raw, where)
        return Reading("", prose, problems)
    decoded = decode_bytes(raw, where)
    text = decoded.text
    if suffix in (".html", ".htm"):
        from .html import MAX_DEPTH, html_prose, nesting_depth

        deep = ()
        if nesting_depth(text) > MAX_DEPTH:
            deep = (Problem(WarningKind.CONTENT, f"HTML nested more than {MAX_DEPTH} elements deep; read as "
                            "text without its structure", where),)
        return Reading(text, html_prose(text), decoded.problems + deep)
    if suffix in (".md", ".markdown"):
        from ..extract.temporal import front_matter
        from .markdown import markdown_prose

        fm = front_matter(text)
        return Reading(text, Prose(markdown_prose(text, fm[0] if fm else 0)), decoded.problems)
    return Reading(text, Prose(text), decoded.problems)
