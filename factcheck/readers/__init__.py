"""Readers: a document's bytes -> the prose to check, by format (text, Markdown, HTML, PDF).

Each reader is a pure function of the bytes. What cannot be read raises `NotText` (the caller turns it
into a one-line warning and skips the file); what was read with a doubt comes back as `Problem`s.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import Problem
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
    if problem is None or any(p.kind == problem.kind for p in reading.problems):
        return Reading(reading.source, replace(reading.prose, text=text), reading.problems)
    return Reading(reading.source, replace(reading.prose, text=text), reading.problems + (problem,))


def _read(raw: bytes, suffix: str, where: str) -> Reading:
    if suffix == ".pdf":
        from .pdf import pdf_prose

        prose, problems = pdf_prose(raw, where)
        return Reading("", prose, problems)
    decoded = decode_bytes(raw, where)
    text = decoded.text
    if suffix in (".html", ".htm"):
        from .html import html_prose

        return Reading(text, html_prose(text), decoded.problems)
    if suffix in (".md", ".markdown"):
        from ..extract.temporal import front_matter
        from .markdown import markdown_prose

        fm = front_matter(text)
        return Reading(text, Prose(markdown_prose(text, fm[0] if fm else 0)), decoded.problems)
    return Reading(text, Prose(text), decoded.problems)
