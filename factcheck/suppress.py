"""Inline and sidecar suppressions: "we know these numbers differ, and here is why".

Why a reason is mandatory: a silent ignore hides the next real contradiction on the same line;
a reason is what a reviewer reads to decide whether the suppression still holds.

In Markdown/HTML (or any text) write a comment::

    <!-- factcheck: ignore economy.trade reason="2022 figure is in euros, 2023 in dollars" -->

It covers the comment's own lines and the next paragraph (the next run of non-blank lines). If
the comment shares a line with text, it covers the whole paragraph it sits in instead. Several
rule ids may be listed; ``*`` means every rule. For plain text, put the same in a sidecar file
``<doc>.factcheck-ignore.yaml``::

    - rule: economy.trade
      line: 12            # 1-based line of the claim in <doc>
      end_line: 14        # optional, inclusive
      reason: "..."
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Collection, Iterable

import regex

from .errors import Problem, RuleFileError, WarningKind
from .rulefile import line_of, load_yaml_text
from .saferegex import PatternTimeout
from .saferegex import match as safe_match
from .schemas import validate

__all__ = ["Suppression", "suppressions_for", "is_suppressed", "check_rule_ids", "unknown_rule_ids",
           "unknown_rule_warnings", "SIDECAR_SUFFIX"]

SIDECAR_SUFFIX = ".factcheck-ignore.yaml"
_HEAD = re.compile(r"<!--\s*factcheck\s*:", re.IGNORECASE)
#: ``ignore RULES [reason="..."]``. Each rule id is a run of non-space characters and the separators are
#: mandatory, so no text can be split two ways: the pattern cannot backtrack (the old ``(?:X+\s*)+?``
#: took exponential time on a long id with no reason). It runs under a time limit all the same.
_DIRECTIVE = re.compile(
    r"""\A\s*ignore\s+(?P<rules>[^\s"'=]+(?:\s+[^\s"'=]+)*?)(?:\s+reason\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'))?\s*\Z""",
    re.DOTALL,
)
_RULE_ID = re.compile(r"^(\*|[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*)$")


@dataclass(frozen=True)
class Suppression:
    """Findings of `rule` ("*": any) on lines `line_from`..`line_to` (inclusive) are suppressed."""

    rule: str
    line_from: int
    line_to: int
    reason: str
    #: Where the suppression is written (file and line), for errors and reports.
    source: str = ""
    source_line: int = 0

    def covers(self, rule_id: str, line: int) -> bool:
        return (self.rule == "*" or self.rule == rule_id) and self.line_from <= line <= self.line_to


def _paragraph_end(lines: list[str], first: int) -> int:
    """Last 0-based index of the run of non-blank lines starting at ``first``."""
    end = first
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    return end


@dataclass(frozen=True)
class _Comment:
    """A ``<!-- factcheck: ... -->`` comment: its span and what follows the colon."""

    a: int
    b: int
    body: str

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b

    def group(self, _name: str) -> str:
        return self.body


def _comments(text: str) -> list[_Comment]:
    """Every factcheck comment, found in one forward pass: an unclosed ``<!--`` ends the search (a lazy
    ``.*?-->`` rescanned the rest of the text from every opening, quadratic on a crafted file)."""
    out = []
    pos = 0
    while True:
        m = _HEAD.search(text, pos)
        if m is None:
            return out
        close = text.find("-->", m.end())
        if close < 0:
            return out
        out.append(_Comment(m.start(), close + 3, text[m.end():close]))
        pos = close + 3


def _from_comments(doc_name: str, text: str) -> list[Suppression]:
    lines = text.splitlines()
    out: list[Suppression] = []
    for m in _comments(text):
        first = text.count("\n", 0, m.start())  # 0-based lines of the comment
        last = text.count("\n", 0, m.end())
        line = first + 1
        try:
            d = safe_match(_DIRECTIVE.pattern, m.group("body"), flags=regex.DOTALL)
        except PatternTimeout:
            d = None
        if not d:
            raise RuleFileError(
                doc_name, line, 'bad factcheck comment: write <!-- factcheck: ignore RULE_ID reason="why" -->'
            )
        reason = d.group("dq") if d.group("dq") is not None else d.group("sq")
        if reason is None or not reason.strip():
            raise RuleFileError(doc_name, line, 'factcheck suppression without a reason: add reason="why"')
        rules = d.group("rules").split()
        for rid in rules:
            if not _RULE_ID.match(rid):
                raise RuleFileError(doc_name, line, f"factcheck suppression: {rid!r} is not a rule id")
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        around = text[line_start : m.start()] + text[m.end() : len(text) if line_end < 0 else line_end]
        if around.strip():  # inline: the paragraph the comment sits in
            start = first
            while start > 0 and lines[start - 1].strip():
                start -= 1
            end = _paragraph_end(lines, last)
        else:  # on its own: its lines and the next paragraph
            start = first
            nxt = last + 1
            while nxt < len(lines) and not lines[nxt].strip():
                nxt += 1
            end = _paragraph_end(lines, nxt) if nxt < len(lines) else last
        for rid in rules:
            out.append(Suppression(rid, start + 1, end + 1, reason.strip(), doc_name, line))
    return out


def _from_sidecar(doc_name: str, sidecar_text: str) -> list[Suppression]:
    path = doc_name + SIDECAR_SUFFIX
    if not [ln for ln in sidecar_text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]:
        return []
    data = load_yaml_text(sidecar_text, path)
    validate(data, "suppressions", path)
    out: list[Suppression] = []
    for i, item in enumerate(data):
        end = item.get("end_line", item["line"])
        if end < item["line"]:
            raise RuleFileError(path, line_of(item, "end_line"), f"[{i}].end_line: {end} is before line {item['line']}")
        out.append(Suppression(item["rule"], item["line"], end, item["reason"].strip(), path, line_of(data, i)))
    return out


def suppressions_for(doc_name: str, text: str, sidecar_text: str | None) -> tuple[Suppression, ...]:
    """Every suppression for one document: its comments plus its sidecar file's entries."""
    found = _from_comments(doc_name, text)
    if sidecar_text is not None:
        found += _from_sidecar(doc_name, sidecar_text)
    return tuple(sorted(found, key=lambda s: (s.line_from, s.line_to, s.rule, s.source_line)))


def is_suppressed(rule_id: str, line: int, suppressions: Iterable[Suppression]) -> Suppression | None:
    """The first suppression covering a finding of ``rule_id`` at ``line``, or None."""
    for s in suppressions:
        if s.covers(rule_id, line):
            return s
    return None


def unknown_rule_ids(suppressions: Iterable[Suppression], known: Collection[str]) -> list[RuleFileError]:
    """One ``file:line`` problem per suppression naming a rule that does not exist (surely a typo: it
    suppresses nothing). The CLI warns about them (`unknown_rule_warnings`)."""
    import difflib

    out = []
    ordered = sorted(known)
    for s in suppressions:
        if s.rule != "*" and s.rule not in known:
            close = difflib.get_close_matches(s.rule, ordered, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            out.append(RuleFileError(s.source, s.source_line, f"factcheck suppression: unknown rule {s.rule!r}{hint}"))
    return out


def unknown_rule_warnings(suppressions: Iterable[Suppression], known: Collection[str]) -> list[Problem]:
    """`unknown_rule_ids` as warnings (the run goes on, the summary counts them)."""
    return [Problem.from_error(WarningKind.UNKNOWN_RULE, e) for e in unknown_rule_ids(suppressions, known)]


def check_rule_ids(suppressions: Iterable[Suppression], known: Collection[str]) -> None:
    """Fail on the first suppression naming a rule that does not exist."""
    problems = unknown_rule_ids(suppressions, known)
    if problems:
        raise problems[0]
