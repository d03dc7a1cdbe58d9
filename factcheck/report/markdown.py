"""GitHub-flavoured Markdown, sized for ``$GITHUB_STEP_SUMMARY`` and merge-request comments.

Every piece of document text goes through `escape`, which turns anything Markdown or HTML
would interpret into a character reference, so a quote containing ``<script>`` or ``|``
renders as the literal characters and can neither run nor break the table.
"""
from __future__ import annotations

from ..model import Claim, Finding, Report
from . import _common as c

#: Characters GFM (or the HTML it allows) could interpret, mapped to numeric character references.
_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "|": "&#124;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "\\": "&#92;",
    "#": "&#35;",
    "~": "&#126;",
    "@": "&#64;",
    "!": "&#33;",
    ":": "&#58;",
    "$": "&#36;",
}
_TABLE = str.maketrans(_ESCAPES)

#: GitHub truncates step summaries at 1 MiB; stop listing rows well before.
MAX_ROWS = 500


def escape(text: str) -> str:
    """Inert, single-line Markdown for arbitrary document text."""
    return c.one_line(text).translate(_TABLE)


def _claim_cell(claim: Claim) -> str:
    text = escape(c.quote(claim))
    if claim.attribution:
        text += f" — <em>{escape(claim.attribution)}</em>"
    return text


def _note(note: str, aligned: str, n_claims: int, i: int) -> str:
    """The last cell: the message on a finding's first row, its alignment in words (escaped, in italics)
    on the second, or under the message when the finding has one claim."""
    if i == 0:
        return note + (f"<br><em>{aligned}</em>" if aligned and n_claims == 1 else "")
    return f"<em>{aligned}</em>" if i == 1 and aligned else ""


def _section(report: Report, findings: list[Finding], verdict: str) -> list[str]:
    show_status = c.baseline_applied(report)
    last = "Reason" if verdict == "not_comparable" else "Message"
    head = ["Level", "Rule", "Metric"] + (["Baseline"] if show_status else []) + ["Where", "Quote", "Value [interval]", "Period", last]
    lines = [f"### {c.VERDICT_TITLES[verdict]} ({len(findings)})", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    rows = 0
    for f in findings:
        aligned = escape(c.alignment_words(f))
        for i, claim in enumerate(f.claims):
            if rows >= MAX_ROWS:
                lines.append("")
                lines.append(f"_… {len(findings)} findings in all; see the full report._")
                return lines + [""]
            first = i == 0
            note = (f.reason or f.message) if verdict == "not_comparable" else c.finding_headline(f)
            cells = [escape(f.level) if first else "", f"<code>{escape(f.rule)}</code>" if first else "",
                     f"**{escape(f.metric)}**" if first else "↳"]
            if show_status:
                cells.append(escape(c.status_label(report, f)) if first else "")
            cells += [
                escape(c.location(claim)),
                _claim_cell(claim),
                escape(c.fmt_value(claim)),
                escape(c.fmt_period(claim)),
                _note(escape(note), aligned, len(f.claims), i),
            ]
            lines.append("| " + " | ".join(cells) + " |")
            rows += 1
    return lines + [""]


def render(report: Report, *, color: bool = False) -> str:
    """A summary line, a table per verdict that needs attention, and the agreement count."""
    lines = ["## factcheck", "", escape(c.summary_line(report)), ""]
    for verdict in ("contradiction", "not_comparable"):
        findings = c.sorted_findings(report, verdict)
        if findings:
            lines += _section(report, findings, verdict)
    agreements = len(c.sorted_findings(report, "agreement"))
    lines.append(f"{c.plural(agreements, 'agreement')} between documents.")
    if report.resolved_ids:
        lines += ["", "Resolved since the baseline: " + ", ".join(f"<code>{escape(i)}</code>" for i in report.resolved_ids)]
    if not report.findings:
        lines += ["", "No numeric disagreements found."]
    return "\n".join(lines) + "\n"
