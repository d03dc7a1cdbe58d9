"""One self-contained HTML page: inline CSS, inline JS, inline SVG, nothing fetched.

A Content-Security-Policy meta tag forbids every network load, and all document text is
escaped with `html.escape`, so the page is safe to open from a CI artifact.
"""
from __future__ import annotations

import html
import math
from typing import NamedTuple

from ..model import Claim, Finding, Report
from . import _common as c

_COLORS = {"contradiction": "#c62828", "not_comparable": "#b26a00", "agreement": "#2e7d32"}

_CSS = """
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--alt:#f6f8fa}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;padding:16px 24px;max-width:1200px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.summary{color:var(--muted);margin:0 0 12px}
.finding{border:1px solid var(--line);border-left:6px solid var(--c);border-radius:6px;padding:10px 14px;margin:12px 0}
.finding h3{font-size:15px;margin:0 0 4px}.finding .msg{margin:0 0 6px}
.tag{display:inline-block;font-size:12px;padding:0 6px;border-radius:10px;border:1px solid var(--c);color:var(--c);margin-right:6px}
.tag.lvl-warning{--c:#9a6700}.tag.lvl-note{--c:#57606a}
.claims{width:100%;border-collapse:collapse;font-size:13px}
.claims th,.claims td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
.claims th{background:var(--alt);position:sticky;top:0;white-space:nowrap}
.claims td.num{white-space:nowrap;font-variant-numeric:tabular-nums}
.claims td.per{white-space:nowrap}
.loc{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;white-space:nowrap}
.attr{color:var(--muted);font-style:italic}
svg.chart{display:block;margin:6px 0;max-width:100%;height:auto}
svg.chart text{font:11px system-ui,sans-serif;fill:#1b1f24}
svg.chart text.axis{fill:#57606a}
details.agreements>summary{cursor:pointer;font-size:18px;font-weight:600;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
#filter{width:100%;max-width:420px;padding:6px 8px;margin:4px 0 10px;border:1px solid var(--line);border-radius:6px;font:inherit}
.count{color:var(--muted);margin-left:8px}
""".strip()

_JS = """
(function(){
  var input=document.getElementById('filter'),rows=document.querySelectorAll('#claims tbody tr'),out=document.getElementById('shown');
  function apply(){var q=input.value.trim().toLowerCase(),n=0;
    for(var i=0;i<rows.length;i++){var hit=!q||rows[i].textContent.toLowerCase().indexOf(q)>=0;rows[i].hidden=!hit;if(hit){n++;}}
    out.textContent=n+' of '+rows.length+' claims';}
  if(location.hash.indexOf('#q=')===0){input.value=decodeURIComponent(location.hash.slice(3));}
  input.addEventListener('input',apply);apply();
})();
""".strip()

_OPEN_UP = ("more_than", "at_least")
_OPEN_DOWN = ("less_than", "at_most")

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


class _Span(NamedTuple):
    """What the chart draws for one claim: the finite part of its interval and its point value."""

    claim: Claim
    value: float | None
    low: float
    high: float


def _finite(v: float | None) -> float | None:
    return v if v is not None and math.isfinite(v) else None


def _span(claim: Claim, use_norm: bool) -> _Span | None:
    if use_norm:
        v, lo, hi = claim.norm_value, claim.norm_low, claim.norm_high
    else:
        v, lo, hi = claim.quantity.value, claim.quantity.low, claim.quantity.high
    v, lo, hi = _finite(v), _finite(lo), _finite(hi)
    known = [x for x in (lo, v, hi) if x is not None]
    if not known:
        return None
    return _Span(claim, v, lo if lo is not None else min(known), hi if hi is not None else max(known))


def _ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """Round tick positions, so the axis reads 10, 12, 14 rather than 10.8, 12.1, ..."""
    raw = (hi - lo) / max(n - 1, 1)
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step) * step
    out: list[float] = []
    t = first
    while t <= hi + step * 1e-9 and len(out) < 12:
        out.append(round(t, 10))
        t += step
    return out


#: Characters of a chart row label that fit left of the plot (11px text in 300px).
_LABEL_CHARS = 46


def _elide_middle(text: str, limit: int) -> str:
    """``seeds/000_f666…cdafc.txt:49``: keeps both ends, where the file name and line number are."""
    if len(text) <= limit:
        return text
    if limit <= 1:
        return "…"
    head = (limit - 1) // 2
    return text[:head] + "…" + text[len(text) - (limit - 1 - head):]


def _chart_label(cl: Claim) -> str:
    """``doc:line · period``, elided so it never runs off the left edge of the chart."""
    where = c.location(cl)
    if cl.period is None:
        return _elide_middle(where, _LABEL_CHARS)
    period = c.fmt_period(cl)
    if len(period) > 22:
        period = period[:21] + "…"
    return f"{_elide_middle(where, _LABEL_CHARS - len(period) - 3)} · {period}"


def _unit_name(unit: str | None) -> str:
    if not unit:
        return ""
    return {"%": "percent", "pp": "percentage points", "percentage_point": "percentage points"}.get(unit, unit.replace("_", " "))


def _tick_label(t: float, factor: float) -> str:
    """Axis numbers in the axis's scale: 2.5, 3, 3.5 under "billion USD"."""
    if factor == 1.0:
        return c.fmt_number(t)
    text = f"{t / factor:.6g}"
    return text if "e" not in text else c.fmt_number(t / factor)


def chart(finding: Finding) -> str:
    """An inline SVG: every claim's interval and point value on one shared axis, labelled doc:line."""
    use_norm = all(cl.norm_value is not None for cl in finding.claims)
    spans = [s for s in (_span(cl, use_norm) for cl in finding.claims) if s is not None]
    if not spans:
        return ""
    lo = min(s.low for s in spans)
    hi = max(s.high for s in spans)
    if hi == lo:
        pad = abs(lo) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    pad = (hi - lo) * 0.08
    lo, hi = lo - pad, hi + pad
    color = _COLORS.get(finding.verdict, "#57606a")
    label_w, plot_w, row_h, top = 300, 520, 24, 8
    width = label_w + plot_w + 24
    height = top + row_h * len(spans) + 46

    def x(v: float) -> float:
        return round(label_w + (v - lo) / (hi - lo) * plot_w, 2)

    unit = finding.claims[0].norm_unit if use_norm else finding.claims[0].quantity.unit
    ticks = _ticks(lo, hi)
    factor, word = c.scale_for(*ticks)
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{_e("intervals for " + finding.metric)}">'
    ]
    axis_y = top + row_h * len(spans) + 4
    for t in ticks:
        parts.append(f'<line x1="{x(t)}" y1="{top}" x2="{x(t)}" y2="{axis_y}" stroke="#eaeef2"/>')
        parts.append(f'<text x="{x(t)}" y="{axis_y + 14}" text-anchor="middle">{_e(_tick_label(t, factor))}</text>')
    parts.append(f'<line x1="{label_w}" y1="{axis_y}" x2="{label_w + plot_w}" y2="{axis_y}" stroke="#57606a"/>')
    axis_title = " ".join(w for w in (word, _unit_name(unit)) if w)
    if axis_title:
        parts.append(f'<text class="axis" x="{label_w + plot_w / 2}" y="{axis_y + 30}" text-anchor="middle">{_e(axis_title)}</text>')
    for i, (cl, v, a, b) in enumerate(spans):
        y = top + row_h * i + row_h / 2
        full = c.location(cl) + (f" · {c.fmt_period(cl)}" if cl.period is not None else "")
        parts.append(f'<text x="{label_w - 8}" y="{y + 4}" text-anchor="end"><title>{_e(full)}</title>{_e(_chart_label(cl))}</text>')
        parts.append(
            f'<line x1="{x(a)}" y1="{y}" x2="{x(b)}" y2="{y}" stroke="{color}" stroke-width="6" stroke-linecap="round" opacity="0.45"/>'
        )
        q = cl.quantity
        raw_lo, raw_hi = (cl.norm_low, cl.norm_high) if use_norm else (q.low, q.high)
        for open_end, edge in ((raw_hi is None and q.qualifier in _OPEN_UP, hi), (raw_lo is None and q.qualifier in _OPEN_DOWN, lo)):
            if open_end:
                # an unbounded side ("more than 150"): a dashed ray to the edge of the axis
                parts.append(
                    f'<line x1="{x(v if v is not None else b)}" y1="{y}" x2="{x(edge)}" y2="{y}" stroke="{color}" '
                    'stroke-width="2" stroke-dasharray="4 3" opacity="0.7"/>'
                )
        if v is not None:
            parts.append(
                f'<circle cx="{x(v)}" cy="{y}" r="5" fill="{color}"><title>{_e(c.fmt_value(cl))}</title></circle>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _claim_rows(claims: tuple[Claim, ...] | list[Claim]) -> str:
    rows = []
    for cl in claims:
        attr = f' <span class="attr">— {_e(cl.attribution)}</span>' if cl.attribution else ""
        norm = c.fmt_norm(cl)
        rows.append(
            "<tr>"
            f'<td class="loc">{_e(c.location(cl))}</td>'
            f"<td>{_e(c.quote(cl))}{attr}</td>"
            f'<td class="num">{_e(c.fmt_value(cl))}{"<br><small>= " + _e(norm) + "</small>" if norm else ""}</td>'
            f'<td class="per">{_e(c.fmt_period(cl))}</td>'
            "</tr>"
        )
    return "".join(rows)


def _finding(report: Report, f: Finding) -> str:
    color = _COLORS.get(f.verdict, "#57606a")
    status = c.status_label(report, f)
    tags = f'<span class="tag lvl-{_e(f.level)}">{_e(f.level)}</span><span class="tag">{_e(f.rule)}</span>'
    if status:
        tags += f'<span class="tag">{_e(status)}</span>'
    return (
        f'<section class="finding {_e(f.verdict)}" id="{_e("f-" + f.id)}" style="--c:{color}">'
        f"<h3>{_e(f.metric)}</h3><div>{tags}</div>"
        f'<p class="msg">{_e(c.finding_headline(f))}</p>'
        f"{chart(f)}"
        '<table class="claims"><thead><tr><th>Where</th><th>Quote</th><th>Value [interval]</th><th>Period</th></tr></thead>'
        f"<tbody>{_claim_rows(f.claims)}</tbody></table></section>"
    )


def _all_claims(report: Report) -> str:
    rows = []
    for cl in sorted(report.claims, key=c.claim_sort_key):
        attr = _e(cl.attribution or "")
        rows.append(
            "<tr>"
            f"<td>{_e(cl.metric or '—')}</td>"
            f'<td class="loc">{_e(c.location(cl))}</td>'
            f'<td class="num">{_e(c.fmt_value(cl))}</td>'
            f'<td class="per">{_e(c.fmt_period(cl))}</td>'
            f"<td>{attr}</td>"
            f"<td>{_e(c.quote(cl))}</td>"
            "</tr>"
        )
    return (
        '<input id="filter" type="search" placeholder="Filter claims by metric, document, text…" aria-label="Filter claims">'
        '<span id="shown" class="count"></span>'
        '<table class="claims" id="claims"><thead><tr><th>Metric</th><th>Where</th><th>Value [interval]</th>'
        "<th>Period</th><th>Attribution</th><th>Quote</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def render(report: Report, *, color: bool = False) -> str:
    """The whole report as one HTML file; `color` is ignored (the page is always coloured)."""
    body = [f"<h1>factcheck report</h1><p class=\"summary\">{_e(c.summary_line(report))}</p>"]
    for verdict in ("contradiction", "not_comparable"):
        findings = c.sorted_findings(report, verdict)
        if findings:
            body.append(f"<h2>{_e(c.VERDICT_TITLES[verdict])} ({len(findings)})</h2>")
            body.extend(_finding(report, f) for f in findings)
    agreements = c.sorted_findings(report, "agreement")
    if agreements:
        # claims that match are context, not problems: folded so the page leads with what needs a look
        body.append(f'<details class="agreements"><summary>{_e(c.VERDICT_TITLES["agreement"])} ({len(agreements)})</summary>')
        body.extend(_finding(report, f) for f in agreements)
        body.append("</details>")
    if report.resolved_ids:
        body.append("<h2>Resolved since the baseline</h2><ul>")
        body.extend(f"<li><code>{_e(i)}</code></li>" for i in report.resolved_ids)
        body.append("</ul>")
    body.append(f"<h2>All claims ({len(report.claims)})</h2>")
    body.append(_all_claims(report))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<link rel="icon" href="data:,">'
        "<title>factcheck report</title>"
        f"<style>{_CSS}</style></head>\n<body>\n"
        + "\n".join(body)
        + f"\n<script>{_JS}</script>\n</body></html>\n"
    )
