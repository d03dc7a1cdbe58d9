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


#: The widest each short column may grow (it takes no more than its content needs).
_CAPS = {"Metric": 18, "Baseline": 9, "Where": 36, "Value [interval]": 28, "Period": 16}
#: The narrowest a short column gets on a small terminal.
_FLOORS = {"Metric": 10, "Baseline": 8, "Where": 28, "Value [interval]": 14, "Period": 8}
#: How the long columns share what is left.
_SHARES = {"Quote": 3, "Message": 2, "Reason": 2}
_MIN_LONG = 16


def _widths(headers: list[str], rows: list[list[Text | str]], total: int) -> list[int]:
    """Column widths: short columns fit their content (up to a cap), the quote and message split the rest."""
    natural = [max([len(h)] + [Text(r[i]).cell_len if isinstance(r[i], str) else r[i].cell_len for r in rows])
               for i, h in enumerate(headers)]
    avail = total - (3 * len(headers) + 1)  # borders and one space of padding either side
    short = {i: min(natural[i], _CAPS[h]) for i, h in enumerate(headers) if h in _CAPS}
    long = [i for i, h in enumerate(headers) if h in _SHARES]
    need = _MIN_LONG * len(long)
    # too narrow: take width back one cell at a time from the column with the most room above its floor
    floors = {i: min(short[i], _FLOORS.get(headers[i], 8)) for i in short}
    while sum(short.values()) > avail - need:
        i = max(short, key=lambda k: (short[k] - floors[k], -k))
        if short[i] <= floors[i]:
            break
        short[i] -= 1
    rest = max(avail - sum(short.values()), need)
    weights = sum(_SHARES[headers[i]] for i in long)
    widths = [short.get(i, 0) for i in range(len(headers))]
    given = 0
    for n, i in enumerate(long):
        w = rest - given if n == len(long) - 1 else max(_MIN_LONG, rest * _SHARES[headers[i]] // weights)
        widths[i] = w
        given += widths[i]
    return widths


def _table(report: Report, findings: list[Finding], verdict: str, color: bool, width: int) -> Table:
    show_status = c.baseline_applied(report)
    headers = ["Metric"] + (["Baseline"] if show_status else []) + [
        "Where", "Quote", "Value [interval]", "Period", "Reason" if verdict == "not_comparable" else "Message"]
    rows: list[tuple[list[Text | str], bool]] = []
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
                # the rows already show each value and period, so the reason alone says what is wrong
                Text(c.one_line(f.reason) if f.reason else c.finding_headline(f)) if first else "",
            ]
            rows.append((row, i == len(f.claims) - 1))
    table = Table(
        title=Text(f"{c.VERDICT_TITLES[verdict]} ({len(findings)})", style=_STYLE[verdict] if color else ""),
        title_justify="left",
        box=box.SIMPLE_HEAD if color else box.ASCII2,
        show_lines=False,
        expand=False,
    )
    for header, w in zip(headers, _widths(headers, [r for r, _ in rows], width)):
        table.add_column(header, overflow="fold", width=w, no_wrap=header == "Baseline")
    for row, last in rows:
        table.add_row(*row, end_section=last)
    return table


def _alignments(findings: list[Finding], color: bool) -> Table | None:
    """Under the contradictions: each finding's id and why its claims were compared, in words (the id is
    what `factcheck explain` takes)."""
    rows = [(f, c.alignment_words(f)) for f in findings]
    rows = [(f, words) for f, words in rows if words]
    if not rows:
        return None
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="cyan" if color else "")
    grid.add_column(overflow="fold")
    for f, words in rows:
        where = " vs ".join(c.location(x) for x in f.claims[:2]) + (
            f" (+{len(f.claims) - 2} more)" if len(f.claims) > 2 else "")
        grid.add_row(f.id, Text(f"{f.metric}, {where}: {words}"))
    return grid


def _revisions(findings: list[Finding]) -> Table | None:
    """Under the contradictions: each figure changed between two versions of one document, in words
    ("corrected in DOC"), so a revision reads as one, not as two sources that disagree."""
    rows = [f for f in findings if f.revision is not None]
    if not rows:
        return None
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for f in rows:
        grid.add_row(f.id, Text(f"{f.metric}, {c.location(f.claims[0])}: {f.reason}"))
    return grid


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
            console.print(_table(report, findings, verdict, color, width or DEFAULT_WIDTH))
            revised = _revisions(findings) if verdict == "contradiction" else None
            if revised is not None:
                console.print(Text("Revisions (a figure changed between two versions of one document):",
                                   style="bold" if color else ""))
                console.print(revised)
            aligned = _alignments(findings, color) if verdict == "contradiction" else None
            if aligned is not None:
                console.print(Text("Alignment (`factcheck explain ID PATHS` shows every feature and claim frame):",
                                   style="bold" if color else ""))
                console.print(aligned)
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
