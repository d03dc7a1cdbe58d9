"""Terminal report: what matters first, rich tables on a wide terminal, stacked blocks on a narrow one.

Order: contradictions by level (error, warning, then note only with ``show_notes``), figures revised
between versions of one document, then, on request, the related-but-not-comparable notes and the
agreements. What is left out is counted in the summary line, with the option that shows it.

Every finding shows its level, its rule id, both quotes with ``file:line``, both values (and the value
as compared after a conversion) and its reason in one sentence. Below `STACK_BELOW` columns a table
would break its cells into slivers, so each finding becomes a block of lines instead.
"""
from __future__ import annotations

import io
import textwrap

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import LEVELS, Claim, Finding, Report, is_note
from . import _common as c

DEFAULT_WIDTH = 120
#: Narrower than this, findings are stacked blocks rather than table rows.
STACK_BELOW = 140
#: Claims shown per finding; a consensus finding with more names how many it leaves out.
MAX_CLAIMS = 2

_STYLE = {"contradiction": "bold red", "not_comparable": "yellow", "agreement": "green"}
_LEVEL_STYLE = {"error": "bold red", "warning": "yellow", "note": "cyan"}

#: The widest each short column may grow (it takes no more than its content needs).
_CAPS = {"Level": 7, "Rule": 28, "Baseline": 9, "Where": 36, "Value [interval]": 30, "Period": 16}
#: The narrowest a short column gets.
_FLOORS = {"Level": 5, "Rule": 28, "Baseline": 8, "Where": 28, "Value [interval]": 14, "Period": 8}
#: How the long columns share what is left.
_SHARES = {"Quote": 3, "Reason": 2}
_MIN_LONG = 16


def _widths(headers: list[str], rows: list[list[Text | str]], total: int) -> list[int]:
    """Column widths: short columns fit their content (up to a cap), the quote and reason split the rest."""
    natural = [max([len(h)] + [Text(r[i]).cell_len if isinstance(r[i], str) else r[i].cell_len for r in rows])
               for i, h in enumerate(headers)]
    avail = total - (3 * len(headers) + 1)  # borders and one space of padding either side
    short = {i: min(natural[i], _CAPS[h]) for i, h in enumerate(headers) if h in _CAPS}
    long = [i for i, h in enumerate(headers) if h in _SHARES]
    need = _MIN_LONG * len(long)
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


def value_text(claim: Claim) -> str:
    """The stated value, and the value as compared when a conversion changed it."""
    value = c.fmt_value(claim)
    norm = c.fmt_norm(claim)
    return value + (f" (= {norm})" if norm and norm != value else "")


def reason_text(f: Finding) -> str:
    """The finding's reason as one sentence."""
    return c.one_line(f.reason) if f.reason else c.finding_headline(f)


def _shown_claims(f: Finding) -> tuple[tuple[Claim, ...], int]:
    return f.claims[:MAX_CLAIMS], max(0, len(f.claims) - MAX_CLAIMS)


def _table(report: Report, findings: list[Finding], title: str, style: str, color: bool, width: int) -> Table:
    show_status = c.baseline_applied(report)
    headers = ["Level", "Rule"] + (["Baseline"] if show_status else []) + [
        "Where", "Quote", "Value [interval]", "Period", "Reason"]
    rows: list[tuple[list[Text | str], bool]] = []
    for f in findings:
        claims, more = _shown_claims(f)
        for i, claim in enumerate(claims):
            first = i == 0
            quote = Text(c.quote(claim))
            if claim.attribution:
                quote.append(f" — {claim.attribution}", style="italic" if color else "")
            reason = reason_text(f) + (f" (+{more} more claims)" if more else "")
            row: list[Text | str] = [
                Text(f.level, style=_LEVEL_STYLE.get(f.level, "") if color else "") if first else "",
                # the rule id whole (it is what a user looks up or suppresses), the metric under it
                Text(f.rule) if first else Text(f.metric if i == 1 else "", style="italic" if color else "")]
            if show_status:
                row.append(c.status_label(report, f) if first else "")
            row += [Text(c.location(claim), style="cyan" if color else ""), quote, Text(value_text(claim)),
                    Text(c.fmt_period(claim)), Text(reason) if first else ""]
            rows.append((row, i == len(claims) - 1))
    table = Table(title=Text(title, style=style if color else ""), title_justify="left",
                  box=box.SIMPLE_HEAD if color else box.ASCII2, show_lines=False, expand=False)
    for header, w in zip(headers, _widths(headers, [r for r, _ in rows], width)):
        table.add_column(header, overflow="fold", width=w, no_wrap=header in ("Baseline", "Level", "Rule"))
    for row, last in rows:
        table.add_row(*row, end_section=last)
    return table


def _alignments(findings: list[Finding], color: bool) -> Table | None:
    """Under the contradictions table: each finding's id and why its claims were compared, in words (the id
    is what `factcheck explain` takes)."""
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


def _wrap(text: str, width: int, indent: int, hang: int = 2, most: int = 2) -> list[str]:
    """`text` wrapped with a hanging indent, at most `most` lines (the last ends in … when cut)."""
    lines = textwrap.wrap(text, width=max(20, width), initial_indent=" " * indent,
                          subsequent_indent=" " * (indent + hang), break_long_words=True,
                          break_on_hyphens=False) or [" " * indent]
    if len(lines) > most:
        lines = lines[:most]
        last = lines[-1]
        lines[-1] = (last if len(last) < width else last[: width - 1].rstrip()) + "…"
    return lines


def _block(report: Report, f: Finding, color: bool, width: int) -> list[Text]:
    """One finding as at most a dozen lines: the header, each claim's place, value and quote, the reason,
    and why its claims were set against each other."""
    status = c.status_label(report, f)
    head = Text()
    head.append(f.level, style=_LEVEL_STYLE.get(f.level, "") if color else "")
    head.append(f"  {f.rule}")
    if f.metric:
        head.append("  ")
        head.append(f.metric, style="bold" if color else "")
    head.append(f"  {f.id}" + (f"  [{status}]" if status else ""), style="dim" if color else "")
    lines = [head]
    claims, more = _shown_claims(f)
    quote_room = max(40, 2 * (width - 8))  # a quote takes two lines at most
    for claim in claims:
        where = Text("  ")
        where.append(c.location(claim), style="cyan" if color else "")
        where.append(f"  {value_text(claim)}  ({c.fmt_period(claim)})")
        lines.append(where)
        who = f" — {claim.attribution}" if claim.attribution else ""
        quoted = f"\u201c{c.quote(claim, max(30, quote_room - len(who) - 2))}\u201d{who}"
        lines += [Text(x) for x in _wrap(quoted, width, 4, 1)]
    if more:
        lines.append(Text(f"  (+{more} more claims: factcheck explain {f.id} PATHS)"))
    lines += [Text(x) for x in _wrap("why: " + reason_text(f), width, 2, 5)]
    aligned = c.alignment_words(f)
    if aligned:
        lines += [Text(x, style="dim" if color else "") for x in _wrap("compared: " + aligned, width, 2, 10)]
    return lines


def _section(console: Console, report: Report, findings: list[Finding], title: str, style: str, color: bool,
             width: int, alignment: bool = False) -> None:
    if not findings:
        return
    if width >= STACK_BELOW:
        console.print(_table(report, findings, title, style, color, width))
        aligned = _alignments(findings, color) if alignment else None
        if aligned is not None:
            console.print(Text("Alignment (`factcheck explain ID PATHS` shows every feature and claim frame):",
                               style="bold" if color else ""))
            console.print(aligned)
        console.print()
        return
    console.print(Text(title, style=style if color else ""))
    console.print()
    for f in findings:
        for line in _block(report, f, color, width):
            console.print(line, overflow="fold", no_wrap=True, crop=False)
        console.print()


def _by_level(f: Finding) -> tuple[int, str, str]:
    return (LEVELS.index(f.level) if f.level in LEVELS else len(LEVELS), f.metric, f.id)


def hidden_line(report: Report, show_notes: bool, show_agreements: bool) -> str:
    """What the report counted but did not show, and the options that show it; "" when nothing is hidden."""
    notes = sum(1 for f in report.findings if is_note(f)) + sum(n for _v, n in report.unlisted_notes)
    agreements = sum(1 for f in report.findings if f.verdict == "agreement")
    parts = []
    if notes and not show_notes:
        parts.append(f"{c.plural(notes, 'note')} (--show-notes)")
    if agreements and not show_agreements:
        parts.append(f"{c.plural(agreements, 'agreement')} (--show-agreements)")
    return "not shown: " + ", ".join(parts) if parts else ""


def render(report: Report, *, color: bool = False, width: int | None = None, show_notes: bool = False,
           show_agreements: bool = False) -> str:
    """Contradictions by level, then revisions; notes and agreements only when asked; then the summary."""
    width = width or DEFAULT_WIDTH
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False, markup=False,
                      legacy_windows=False)
    contradictions = [f for f in report.findings if f.verdict == "contradiction" and f.revision is None
                      and (show_notes or f.level != "note")]
    revised = [f for f in report.findings if f.verdict == "contradiction" and f.revision is not None
               and (show_notes or f.level != "note")]
    contradictions.sort(key=_by_level)
    revised.sort(key=_by_level)
    _section(console, report, contradictions, f"Contradictions ({len(contradictions)})", _STYLE["contradiction"],
             color, width, alignment=True)
    _section(console, report, revised,
             f"Revisions ({len(revised)}): a figure changed between two versions of one document", "bold",
             color, width)
    if show_notes:
        notes = c.sorted_findings(report, "not_comparable")
        _section(console, report, notes, f"{c.VERDICT_TITLES['not_comparable']} ({len(notes)})",
                 _STYLE["not_comparable"], color, width)
    if show_agreements:
        agreements = c.sorted_findings(report, "agreement")
        _section(console, report, agreements, f"{c.VERDICT_TITLES['agreement']} ({len(agreements)})",
                 _STYLE["agreement"], color, width)
    if report.resolved_ids:
        console.print(Text(f"Resolved since baseline: {', '.join(report.resolved_ids)}"))
    hidden = hidden_line(report, show_notes, show_agreements)
    if hidden:
        console.print(Text(hidden))
    console.print(Text(c.summary_line(report), style="bold" if color else ""))
    out = buf.getvalue()
    if not color:
        out = "\n".join(line.rstrip() for line in out.rstrip("\n").split("\n")) + "\n"
    return out
