"""Terminal report: rich tables on a terminal, plain aligned text (no ANSI) when piped."""
from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Finding, Report
from . import _common as c

DEFAULT_WIDTH = 120

_STYLE = {"contradiction": "bold red", "not_comparable": "yellow", "agreement": "green"}


def _table(report: Report, findings: list[Finding], verdict: str, color: bool) -> Table:
    show_status = c.baseline_applied(report)
    table = Table(
        title=Text(f"{c.VERDICT_TITLES[verdict]} ({len(findings)})", style=_STYLE[verdict] if color else ""),
        title_justify="left",
        box=box.SIMPLE_HEAD if color else box.ASCII2,
        show_lines=False,
        expand=True,
    )
    # Short columns take the width their content needs (up to a cap); quote and message share the rest.
    table.add_column("Metric", overflow="fold", max_width=18)
    if show_status:
        table.add_column("Baseline", no_wrap=True)
    table.add_column("Where", overflow="fold", max_width=36)
    table.add_column("Quote", overflow="fold", ratio=3, min_width=20)
    table.add_column("Value [interval]", overflow="fold", max_width=28)
    table.add_column("Period", overflow="fold", max_width=16)
    table.add_column("Reason" if verdict == "not_comparable" else "Message", overflow="fold", ratio=2, min_width=16)
    for f in findings:
        for i, claim in enumerate(f.claims):
            first = i == 0
            quote = Text(c.quote(claim))
            if claim.attribution:
                quote.append(f" — {claim.attribution}", style="italic" if color else "")
            value = c.fmt_value(claim)
            norm = c.fmt_norm(claim)
            if norm and norm != value:
                value += f" (= {norm})"
            row: list[Text | str] = [Text(f.metric, style="bold" if color else "") if first else ""]
            if show_status:
                row.append(c.status_label(report, f) if first else "")
            row += [
                Text(c.location(claim), style="cyan" if color else ""),
                quote,
                Text(value),
                Text(c.fmt_period(claim)),
                Text((f.reason or c.one_line(f.message)) if verdict == "not_comparable" else c.finding_headline(f)) if first else "",
            ]
            table.add_row(*row, end_section=i == len(f.claims) - 1)
    return table


def render(report: Report, *, color: bool = False, width: int | None = None) -> str:
    """Contradictions, then related-but-not-comparable findings with their reason, then a count of agreements."""
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width or DEFAULT_WIDTH,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    for verdict in ("contradiction", "not_comparable"):
        findings = c.sorted_findings(report, verdict)
        if findings:
            console.print(_table(report, findings, verdict, color))
            console.print()
    agreements = len(c.sorted_findings(report, "agreement"))
    if agreements:
        console.print(Text(f"{c.plural(agreements, 'agreement')} (claims that match across documents).", style="green" if color else ""))
    if report.resolved_ids:
        console.print(Text(f"Resolved since baseline: {', '.join(report.resolved_ids)}"))
    console.print(Text(c.summary_line(report), style="bold" if color else ""))
    out = buf.getvalue()
    if not color:
        out = "\n".join(line.rstrip() for line in out.rstrip("\n").split("\n")) + "\n"
    return out
