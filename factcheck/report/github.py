"""GitHub Actions workflow commands (``::error file=…,line=…::…``) that annotate the PR diff.

One annotation per contradiction and per not-comparable finding (as a notice), placed on the
first claim and naming the others. When a baseline was applied, findings it already knew
("unchanged") are not annotated, so a PR shows only what it introduced.
"""
from __future__ import annotations

from ..model import Finding, Report
from . import _common as c

_LEVELS = {"error": "error", "warning": "warning", "note": "notice"}
#: Characters other tools treat as line breaks; document text loses them so one command stays one line everywhere.
_SEPARATORS = str.maketrans({ch: " " for ch in "\v\f\x1c\x1d\x1e\x85\u2028\u2029"})


def escape_data(text: str) -> str:
    """Escape a command's message as the Actions runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value (file, title): the data escapes plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(report: Report, f: Finding) -> str:
    first = c.primary_claim(report, f)
    level = _LEVELS.get(f.level, "warning") if f.verdict == "contradiction" else "notice"
    props = [f"file={escape_property((first.doc or '').translate(_SEPARATORS))}", f"line={max(1, first.quantity.line)}"]
    col = c.column_of(report, first)
    if col is not None:
        props.append(f"col={col}")
    what = "contradiction" if f.verdict == "contradiction" else "not comparable"
    title = f"factcheck {what}: {f.metric} ({f.rule})".translate(_SEPARATORS)
    props.append(f"title={escape_property(title)}")
    lines = [c.finding_headline(f)] + [f"- {c.claim_summary(cl)}: \"{c.quote(cl, 160)}\"" for cl in
                                       [first, *(x for x in f.claims if x is not first)]]
    message = "\n".join(line.translate(_SEPARATORS) for line in lines)
    return f"::{level} {','.join(props)}::{escape_data(message)}"


def render(report: Report, *, color: bool = False) -> str:
    """Workflow commands, one per line; `color` is ignored."""
    out = []
    for f in c.reported_findings(report):
        if report.status_of(f.id) == "unchanged":
            continue
        out.append(_command(report, f))
    return "".join(line + "\n" for line in out)
