"""One line per finding, ``path:line:col: level [rule.id] message``: the convention of ruff, flake8 and
Vale's ``--output=line``, which editors (quickfix lists, problem matchers) and CI log parsers understand.

Contradictions carry their level; related-but-not-comparable pairs are ``note``; agreements are left out.
"""
from __future__ import annotations

from ..model import Report
from . import _common as c

#: Characters that would end the line early in a log parser.
_BREAKS = str.maketrans({ch: " " for ch in "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"})


def render(report: Report, *, color: bool = False) -> str:
    """Every reported finding on one line, placed on its first (changed) claim; `color` is ignored."""
    out = []
    for f in c.reported_findings(report):
        claim = c.primary_claim(report, f)
        col = c.column_of(report, claim) or 1
        level = f.level if f.verdict == "contradiction" else "note"
        message = c.line_message(f, claim)
        out.append(f"{claim.doc}:{max(1, claim.quantity.line)}:{col}: {level} [{f.rule}] {message}".translate(_BREAKS))
    return "".join(line + "\n" for line in out)
