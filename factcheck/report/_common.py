"""Layout helpers every renderer shares, so all formats order and spell things the same way.

Nothing here judges claims: it only sorts, formats numbers and locations, and looks up text
that the report already carries.
"""
from __future__ import annotations

import math

from ..align import describe_alignment
from ..model import LEVELS, VERDICTS, Claim, Finding, Report

#: Headings for each verdict, in the order reports present them.
VERDICT_TITLES = {
    "contradiction": "Contradictions",
    "not_comparable": "Related but not comparable",
    "agreement": "Agreements",
}

#: The longest quote a one-line renderer shows before eliding.
MAX_QUOTE = 240


def _rank(value: str, order: tuple[str, ...]) -> int:
    return order.index(value) if value in order else len(order)


def finding_sort_key(f: Finding) -> tuple[int, int, str, str]:
    """Worst verdict first, then worst level, then metric and id so output is stable."""
    return (_rank(f.verdict, VERDICTS), _rank(f.level, LEVELS), f.metric, f.id)


def sorted_findings(report: Report, verdict: str | None = None) -> list[Finding]:
    """The report's findings in presentation order, optionally of one verdict only."""
    items = [f for f in report.findings if verdict is None or f.verdict == verdict]
    return sorted(items, key=finding_sort_key)


def claim_sort_key(c: Claim) -> tuple[str, str, int, int]:
    return (c.metric or "", c.doc or "", c.quantity.line, c.quantity.start)


def baseline_applied(report: Report) -> bool:
    """True when `baseline.compare` filled in statuses, so renderers can show them."""
    return bool(report.baseline_status or report.resolved_ids)


def fmt_number(v: float | None) -> str:
    """A number as a reader writes it: no trailing ``.0``, thousands separated, no exponent."""
    if v is None:
        return "?"
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return str(v)
    if float(v).is_integer():
        return f"{int(v):,}"
    if abs(v) >= 1000:
        return f"{v:,.2f}".rstrip("0").rstrip(".")
    text = f"{v:.6g}"
    if "e" in text:
        text = f"{v:.10f}".rstrip("0").rstrip(".")
    return text


#: Scale words for compact display of big numbers, largest first.
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
#: Currencies written as a sign before the number ("$3.3 billion"); others follow it ("3 billion RUB").
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}


def scale_for(*values: float | None) -> tuple[float, str]:
    """The scale (factor, word) that suits the largest finite value: ``(1e9, "billion")`` for 3.3e9."""
    finite = [abs(v) for v in values if v is not None and math.isfinite(v)]
    top = max(finite, default=0.0)
    for factor, word in SCALES:
        if top >= factor:
            return factor, word
    return 1.0, ""


def _scaled(v: float, factor: float) -> str:
    if factor == 1.0:
        return fmt_number(v)
    text = f"{v / factor:.6g}"
    return text if "e" not in text else fmt_number(v / factor)



def location(c: Claim) -> str:
    """``doc:line``, the form editors and CI logs turn into links; in a PDF, ``doc:line (page N)`` with the
    line counted within the page."""
    if c.quantity.page is not None:
        return f"{c.doc or '?'}:{c.quantity.line} (page {c.quantity.page})"
    return f"{c.doc or '?'}:{c.quantity.line}"


def unit_suffix(unit: str | None) -> str:
    if not unit:
        return ""
    if unit in ("%", "percent"):
        return "%"
    if unit in ("pp", "percentage_point"):
        return " pp"
    return f" {unit.replace('_', ' ')}"


_QUALIFIER_MARK = {"approx": "~", "nearly": "≲", "more_than": ">", "at_least": "≥", "less_than": "<", "at_most": "≤"}


def _bound(v: float | None, factor: float, empty: str) -> str:
    return empty if v is None else _scaled(v, factor)


def _interval(low: float | None, high: float | None, factor: float = 1.0, word: str = "") -> str:
    body = f"{_bound(low, factor, '−∞')}–{_bound(high, factor, '∞')}"
    return f"[{body}{' ' + word if word else ''}]"


def _amount(value: float, unit: str | None, factor: float, word: str) -> str:
    """``$3.3 billion``, ``3 billion RUB``, ``12%``, ``1,780 press release``."""
    number = _scaled(value, factor) + (f" {word}" if word else "")
    sign = CURRENCY_SIGNS.get(unit or "")
    if sign:
        return ("-" if value < 0 else "") + sign + number.lstrip("-")
    return number + unit_suffix(unit)


def _value_text(value: float | None, low: float | None, high: float | None, unit: str | None, mark: str = "") -> str:
    factor, word = scale_for(value, low, high)
    if value is None:
        return _interval(low, high, factor, word) + unit_suffix(unit)
    text = mark + _amount(value, unit, factor, word)
    if (low is not None or high is not None) and (low != value or high != value):
        text += f" {_interval(low, high, factor, word)}"
    return text


def fmt_value(c: Claim) -> str:
    """The stated value with its qualifier and interval, e.g. ``~12% [10.8–13.2]``, ``>150 [150–∞]``, ``$3.3 billion [3.25–3.35 billion]``."""
    q = c.quantity
    if q.value is None and q.low is None and q.high is None:
        return one_line(q.text)
    if q.kind == "fraction" and q.value is not None:  # "a third (33.3%)": the share it is set against
        return f"{one_line(q.text)} ({q.value * 100:.3g}%)"
    return _value_text(q.value, q.low, q.high, q.unit, _QUALIFIER_MARK.get(q.qualifier, ""))


def fmt_norm(c: Claim) -> str:
    """The value as compared (after unit/currency conversion), or "" when none was needed."""
    if c.norm_value is None:
        return ""
    low, high = c.norm_low, c.norm_high
    if low is None or high is None:
        low = high = c.norm_value
    return _value_text(c.norm_value, low, high, c.norm_unit)


def fmt_period(c: Claim) -> str:
    """The period label, or its ISO bounds, or a dash when unknown."""
    p = c.period
    if p is None:
        return "—"
    if p.label:
        return p.label
    if p.start == p.end:
        return p.start.isoformat()
    return f"{p.start.isoformat()}–{p.end.isoformat()}"


def one_line(text: str) -> str:
    """Collapse whitespace so a quote fits a table cell or an annotation title."""
    return " ".join(text.split())


def quote(c: Claim, limit: int = MAX_QUOTE) -> str:
    """The sentence the claim came from (or its own words), on one line, elided around the number."""
    text = one_line(c.sentence) if c.sentence else one_line(c.quantity.text)
    if len(text) <= limit:
        return text
    anchor = text.find(one_line(c.quantity.text))
    if anchor < 0:
        return text[: limit - 1] + "…"
    start = max(0, anchor - limit // 2)
    end = min(len(text), start + limit)
    start = max(0, end - limit)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def attribution(c: Claim) -> str:
    return c.attribution or ""


def claim_summary(c: Claim) -> str:
    """One line per claim for plain-text channels: ``16% [15.5–16.5] (2021) at 001.txt:17, per X``."""
    parts = [f"{fmt_value(c)} ({fmt_period(c)}) at {location(c)}"]
    if c.attribution:
        parts.append(f"per {c.attribution}")
    return ", ".join(parts)


def finding_headline(f: Finding) -> str:
    """The finding's message, with the reason for not_comparable findings."""
    msg = one_line(f.message)
    if f.reason and f.reason not in msg:
        msg = f"{msg} ({f.reason})" if msg else f.reason
    return msg


def alignment_words(f: Finding) -> str:
    """For a contradiction with an alignment score, the score and the features it rests on in words
    ("alignment 0.99 (both fall under the rule's metric, the same stated period, ...)"); "" otherwise."""
    if f.verdict != "contradiction" or f.alignment is None:
        return ""
    return describe_alignment(f.alignment)


def column_of(report: Report, c: Claim) -> int | None:
    """1-based column of the claim's first character, from the document text the report holds."""
    text = _doc_text(report, c.doc)
    if text is None or c.quantity.start > len(text):
        return None
    return c.quantity.start - (text.rfind("\n", 0, c.quantity.start) + 1) + 1


def _doc_text(report: Report, name: str | None) -> str | None:
    for d in report.documents:
        if d.name == name:
            return d.text
    return None


def counts(report: Report) -> dict[str, int]:
    """Findings per verdict, notes counted but not listed included."""
    return report.verdict_counts()


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def summary_line(report: Report) -> str:
    """``2 documents, 5 claims: 1 contradiction (1 error), 1 not comparable, 1 agreement``."""
    c = counts(report)
    unlisted = dict(report.unlisted_notes).get("contradiction", 0)  # every unlisted contradiction is a note
    levels = [(lv, sum(1 for f in report.findings if f.verdict == "contradiction" and f.level == lv)
               + (unlisted if lv == "note" else 0)) for lv in LEVELS]
    by_level = ", ".join(f"{n} {lv}" for lv, n in levels if n)
    text = (
        f"{plural(len(report.documents), 'document')}, {plural(len(report.claims), 'claim')}: "
        f"{plural(c['contradiction'], 'contradiction')}{f' ({by_level})' if by_level else ''}, "
        f"{c['not_comparable']} not comparable, "
        f"{plural(c['agreement'], 'agreement')}"
    )
    if baseline_applied(report):
        statuses = dict(report.baseline_status)
        new = sum(1 for f in report.findings if f.verdict != "agreement" and statuses.get(f.id) == "new")
        text += f"; baseline: {new} new, {len(report.resolved_ids)} resolved"
    if report.warnings:
        text += f"; {plural(len(report.warnings), 'warning')}"
    return text


def status_label(report: Report, f: Finding) -> str:
    return report.status_of(f.id) or ""


def primary_claim(report: Report, f: Finding) -> Claim:
    """The claim a one-location format places the finding on: under ``--changed-since`` the first claim in a
    changed document (never an annotation on a file the change did not touch), else the first claim."""
    if report.changed_docs:
        changed = set(report.changed_docs)
        for cl in f.claims:
            if cl.doc in changed:
                return cl
    return f.claims[0]


def is_failing(report: Report, f: Finding) -> bool:
    """Whether `f` makes the run exit 1: a contradiction at or above the report's ``fail_on``, and new when a
    baseline was applied. The one definition the exit code, JUnit failures and annotations share."""
    if f.verdict != "contradiction" or f.level not in LEVELS:
        return False
    threshold = LEVELS.index(report.fail_on) if report.fail_on in LEVELS else 0
    if LEVELS.index(f.level) > threshold:
        return False
    return not baseline_applied(report) or report.status_of(f.id) in (None, "new")


def reported_findings(report: Report) -> list[Finding]:
    """What the CI formats (line, GitHub, GitLab, SARIF) report: contradictions and not-comparable pairs, in
    presentation order; agreements are not problems."""
    return [f for f in sorted_findings(report) if f.verdict in ("contradiction", "not_comparable") and f.claims]


def line_message(f: Finding, primary: Claim) -> str:
    """One line that says the finding: the metric, the value here, the other value and where, the reason."""
    others = [cl for cl in f.claims if cl is not primary]
    here = f"{fmt_value(primary)} ({fmt_period(primary)})"
    there = "; ".join(f"{fmt_value(cl)} ({fmt_period(cl)}) at {location(cl)}" for cl in others[:2])
    if len(others) > 2:
        there += f" and {len(others) - 2} more"
    reason = one_line(f.reason) if f.reason else one_line(f.message)
    what = f"{f.metric}: " if f.metric else ""
    return f"{what}{here} vs {there} — {reason}" if there else f"{what}{here} — {reason}"
