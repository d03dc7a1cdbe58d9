"""Why a finding is what it is: the alignment score feature by feature, and the frame of every claim.

`factcheck explain TARGET PATHS...` runs the same check as `factcheck check PATHS` and hands the report
to this module. TARGET is a finding id (as the reports print it) or ``DOC:LINE``. Everything here is a
pure function of the report and the alignment settings: `explain` returns a data structure, `to_dict`
turns it into JSON and `render_text` into text; the command only prints.
"""
from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Mapping, Union

from .align import FEATURE_WORDS, AlignSettings, describe_alignment
from .errors import FactcheckError
from .model import SCHEMA_VERSION, Alignment, Claim, Finding, Report, SubjectSource
from .report import _common as fmt

#: The shortest id prefix accepted in place of a whole finding id (as with git, when it is unique).
MIN_PREFIX = 6
_LINE_TARGET = re.compile(r"(?P<doc>.+):(?P<line>\d+)")
#: How each way of finding a period reads in words.
PERIOD_SOURCE_WORDS = {
    "explicit": "a time expression in its sentence",
    "relative": "a relative time expression resolved against the document date",
    "document_date": "no time expression: the document's own date",
    "unresolved": "a time expression that could not be resolved",
    "undated": "no time expression and no document date",
    "value": "the figure is itself a date or duration",
}
#: How each subject source reads in words.
SUBJECT_SOURCE_WORDS = {
    SubjectSource.SENTENCE: "named in the figure's own sentence",
    SubjectSource.ANTECEDENT: "named in the sentence before, which the pronoun opening this one points back to",
    SubjectSource.HEADLINE: "from the document's headline",
    SubjectSource.DOCUMENT: "the entity the document is mostly about",
    SubjectSource.NONE: "nobody named anywhere",
}


class ExplainError(FactcheckError):
    """The target names no finding or no claim in the documents checked (one line, exit 2)."""


# ------------------------------------------------------------------------------------------ data
@dataclass(frozen=True)
class FeatureLine:
    """One feature's share of an alignment score."""

    feature: str
    words: str
    #: the feature's value (1.0 when present; graded features such as similarity in 0-1); None when its
    #: weight is 0 and the value cannot be recovered from the contribution
    value: float | None
    weight: float
    contribution: float

    def to_dict(self) -> dict[str, Any]:
        return {"feature": self.feature, "words": self.words,
                "value": None if self.value is None else round(self.value, 3),
                "weight": self.weight, "contribution": round(self.contribution, 3)}


@dataclass(frozen=True)
class AlignmentBreakdown:
    """score = 1 / (1 + exp(-(bias + sum of contributions))), with the thresholds that set the level."""

    score: float
    bias: float
    logit: float
    features: tuple[FeatureLine, ...]
    thresholds: tuple[tuple[str, float], ...]
    #: the level the score alone earns ("none" below the note threshold); a rule's level may cap it
    score_level: str
    #: the alignment in words, as the text and Markdown reports say it
    words: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 3), "words": self.words, "bias": self.bias, "logit": round(self.logit, 3),
                "score_level": self.score_level, "thresholds": dict(self.thresholds),
                "features": [f.to_dict() for f in self.features]}


@dataclass(frozen=True)
class Citation:
    """A finding that cites a claim, as the line view lists it."""

    id: str
    verdict: str
    level: str
    metric: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "verdict": self.verdict, "level": self.level, "metric": self.metric}


@dataclass(frozen=True)
class Frame:
    """One claim as framed, with where it sits and which findings cite it."""

    claim: Claim
    column: int | None
    cited_by: tuple[Citation, ...]

    def to_dict(self) -> dict[str, Any]:
        out = self.claim.to_dict()
        out.update({"where": fmt.location(self.claim), "column": self.column,
                    "value_text": fmt.fmt_value(self.claim), "period_text": fmt.fmt_period(self.claim),
                    "subject_source": str(self.claim.concept.subject_source) if self.claim.concept else None,
                    "cited_by": [c.to_dict() for c in self.cited_by]})
        return out


@dataclass(frozen=True)
class FindingExplanation:
    target: str
    finding: Finding
    alignment: AlignmentBreakdown | None
    frames: tuple[Frame, ...]

    def to_dict(self) -> dict[str, Any]:
        finding = {k: v for k, v in self.finding.to_dict().items() if k != "claims"}
        return {"schema_version": SCHEMA_VERSION, "kind": "finding", "target": self.target, "finding": finding,
                "alignment_breakdown": self.alignment.to_dict() if self.alignment else None,
                "frames": [f.to_dict() for f in self.frames]}


@dataclass(frozen=True)
class LineExplanation:
    target: str
    doc: str
    line: int
    frames: tuple[Frame, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, "kind": "line", "target": self.target, "doc": self.doc,
                "line": self.line, "frames": [f.to_dict() for f in self.frames]}


Explanation = Union[FindingExplanation, LineExplanation]


# ------------------------------------------------------------------------------------------ logic
def parse_target(target: str) -> tuple[str, int] | str:
    """``(doc, line)`` for ``DOC:LINE``, else the finding id (finding ids never hold a colon)."""
    m = _LINE_TARGET.fullmatch(target.strip())
    if m:
        return m.group("doc"), int(m.group("line"))
    return target.strip()


def breakdown(al: Alignment, settings: AlignSettings) -> AlignmentBreakdown:
    """Each feature's words, value, weight and weighted contribution, with the bias and thresholds."""
    lines = []
    for name, contribution in al.contributions:
        weight = float(settings.weights.get(name, 0.0))
        value = contribution / weight if weight else None
        lines.append(FeatureLine(name, FEATURE_WORDS.get(name, name), value, weight, contribution))
    logit = settings.bias + sum(x.contribution for x in lines)
    level = settings.level_for(al.score)
    return AlignmentBreakdown(score=al.score, bias=settings.bias, logit=logit, features=tuple(lines),
                              thresholds=(("error", settings.error), ("warning", settings.warning),
                                          ("note", settings.note)),
                              score_level=str(level) if level is not None else "none",
                              words=describe_alignment(al))


def _key(c: Claim) -> tuple[str, int, int]:
    return (c.doc or "", c.quantity.start, c.quantity.end)


def _citations(report: Report) -> dict[tuple[str, int, int], tuple[Citation, ...]]:
    out: dict[tuple[str, int, int], list[Citation]] = {}
    for f in fmt.sorted_findings(report):
        for c in f.claims:
            cites = out.setdefault(_key(c), [])
            if all(x.id != f.id for x in cites):
                cites.append(Citation(f.id, f.verdict, f.level, f.metric))
    return {k: tuple(v) for k, v in out.items()}


def _frame(report: Report, c: Claim, cites: Mapping[tuple[str, int, int], tuple[Citation, ...]]) -> Frame:
    return Frame(c, fmt.column_of(report, c), cites.get(_key(c), ()))


def find_finding(report: Report, finding_id: str) -> Finding:
    """The finding with this id, or with this unique id prefix (at least MIN_PREFIX characters)."""
    want = finding_id.lower()
    for f in report.findings:
        if f.id.lower() == want:
            return f
    matches = [f for f in report.findings if len(want) >= MIN_PREFIX and f.id.lower().startswith(want)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise ExplainError(f"finding id {finding_id!r} is ambiguous: it starts "
                           f"{', '.join(sorted(f.id for f in matches))}")
    raise ExplainError(f"no finding with id {finding_id!r} among the {fmt.plural(len(report.findings), 'finding')} "
                       f"of these documents (see `factcheck check PATHS --format json`)")


def find_document(report: Report, spec: str) -> str:
    """The document name ``spec`` stands for: the name as given, the same path spelled otherwise, or its
    basename when only one document has it."""
    names = [d.name for d in report.documents]
    if spec in names:
        return spec
    norm = os.path.normpath(spec)
    same = [n for n in names if os.path.normpath(n) == norm]
    if not same:
        base = PurePath(spec).name
        same = [n for n in names if PurePath(n).name == base]
    if len(same) == 1:
        return same[0]
    if len(same) > 1:
        raise ExplainError(f"{spec!r} names {len(same)} documents ({', '.join(sorted(same))}); give the path")
    raise ExplainError(f"{spec!r} is not among the {fmt.plural(len(names), 'document')} checked")


def explain(report: Report, target: str, settings: AlignSettings) -> Explanation:
    """The explanation of a finding id or of a ``DOC:LINE``; ExplainError when it names nothing."""
    parsed = parse_target(target)
    cites = _citations(report)
    if isinstance(parsed, tuple):
        spec, line = parsed
        doc = find_document(report, spec)
        claims = sorted((c for c in report.claims if c.doc == doc and c.quantity.line == line),
                        key=lambda c: c.quantity.start)
        if not claims:
            lines = sorted({c.quantity.line for c in report.claims if c.doc == doc})
            near = ", ".join(str(n) for n in lines[:12]) + (" ..." if len(lines) > 12 else "")
            raise ExplainError(f"no claim at {doc}:{line}"
                               + (f" (claims are on lines {near})" if lines else " (the document has no claims)"))
        return LineExplanation(target, doc, line, tuple(_frame(report, c, cites) for c in claims))
    if not parsed:
        raise ExplainError("empty target: give a finding id or DOC:LINE")
    finding = find_finding(report, parsed)
    al = breakdown(finding.alignment, settings) if finding.alignment is not None else None
    return FindingExplanation(target, finding, al, tuple(_frame(report, c, cites) for c in finding.claims))


def to_dict(explanation: Explanation) -> dict[str, Any]:
    return explanation.to_dict()


# ------------------------------------------------------------------------------------------ text
def _signed(v: float) -> str:
    return f"{v:+.2f}"


def _num(v: float | None) -> str:
    if v is None:
        return "—"
    if float(v).is_integer():
        return str(int(v))
    return f"{v:.3g}" if abs(v) < 1 else f"{v:.2f}"


def _alignment_table(al: AlignmentBreakdown, plain: bool) -> Any:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    table = Table(box=box.ASCII2 if plain else box.SIMPLE_HEAD, show_footer=True, title_justify="left")
    table.add_column("feature", footer="total (logit)")
    table.add_column("means")
    table.add_column("value", justify="right")
    table.add_column("weight", justify="right")
    table.add_column("contribution", justify="right", footer=_signed(al.logit))
    table.add_row("bias", "the starting point before any evidence", "", "", _signed(al.bias))
    for f in al.features:
        style = "" if plain else ("green" if f.contribution > 0 else "red" if f.contribution < 0 else "")
        contribution = f"[{style}]{_signed(f.contribution)}[/]" if style else _signed(f.contribution)
        table.add_row(escape(f.feature), escape(f.words), _num(f.value), f"{f.weight:.2f}", contribution)
    return table


def _grid() -> Any:
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    return grid


def _or_dash(text: str | None) -> str:
    from rich.markup import escape

    return escape(text) if text else "—"


def _frame_grid(frame: Frame, plain: bool) -> Any:
    from rich.markup import escape

    c, q = frame.claim, frame.claim.quantity
    label = (lambda s: s) if plain else (lambda s: f"[bold]{s}[/]")
    grid = _grid()

    def row(name: str, value: str) -> None:
        grid.add_row(label(name), value)

    row("quote", escape(fmt.one_line(c.sentence or q.text)))
    where = fmt.location(c) + (f", column {frame.column}" if frame.column else "")
    row("where", escape(where) + f"  (characters {q.start}–{q.end})")
    row("span", escape(repr(q.text)))
    row("kind", escape(q.kind) + (f", direction {escape(q.direction)}" if q.direction else ""))
    value = fmt.fmt_value(c)
    interval = "—" if q.low is None and q.high is None else f"{_bound(q.low, '−∞')} – {_bound(q.high, '∞')}"
    row("value", f"{escape(value)}  (value {_bound(q.value, '—')}, interval {interval}, unit "
                 f"{_or_dash(q.unit)}, qualifier {escape(q.qualifier)})")
    if q.date_range:
        row("date range", escape(" – ".join(q.date_range)))
    if c.norm_value is not None:
        row("compared as", escape(fmt.fmt_norm(c)) + (f"  ({escape(c.conversion)})" if c.conversion else ""))
    row("metric", _or_dash(c.metric))
    row("rule", escape(c.rule))
    row("aspect", escape(c.aspect))
    row("modality", escape(c.modality))
    source = c.concept.subject_source if c.concept is not None else None
    subject = ", ".join(c.subject) if c.subject else "none"
    if source is not None:
        subject += f"  (from {source.value}: {SUBJECT_SOURCE_WORDS.get(source, source.value)})"
    row("subject", escape(subject))
    if c.period is not None:
        bounds = f"{c.period.start.isoformat()} – {c.period.end.isoformat()}"
        period = f"{fmt.fmt_period(c)}  ({bounds})" if c.period.label else bounds
    else:
        period = "none"
    why = PERIOD_SOURCE_WORDS.get(c.period_source, "")
    row("period", escape(f"{period}; {c.period_source}" + (f" ({why})" if why else "")))
    row("attribution", _or_dash(c.attribution))
    row("scope", escape("; ".join(c.scope)) if c.scope else "—")
    if c.concept is not None:
        k = c.concept
        row("concept", escape(f"key {k.key or '—'}, noun {k.noun or '—'}, verb {k.verb or '—'}, "
                              f"of-object {k.of_object or '—'}"))
        if k.entities:
            row("entities", escape(", ".join(k.entities)))
        if k.context:
            row("context", escape(", ".join(k.context)))
    else:
        row("concept", "—")
    if c.provenance:
        for i, p in enumerate(c.provenance):
            row("provenance" if i == 0 else "", escape(f"{p.facet} = {p.value}  ← {p.source}"))
    else:
        row("provenance", "—")
    if frame.cited_by:
        for i, x in enumerate(frame.cited_by):
            row("cited by" if i == 0 else "", escape(f"{x.id}  {x.verdict}, {x.level}, {x.metric}"))
    else:
        row("cited by", "no finding")
    return grid


def _level_note(score_level: str, f: Finding) -> str:
    if score_level == f.level:
        return ""
    if f.verdict == "contradiction":
        return f"; the finding is {f.level} (its rule's level caps it)"
    return f"; the finding is {f.level} (every {f.verdict} finding is a {f.level})"


def _bound(v: float | None, empty: str) -> str:
    return empty if v is None else fmt.fmt_number(v)


def render_text(explanation: Explanation, *, color: bool = False, width: int | None = None) -> str:
    """The explanation as a terminal page: rich styling with colour, plain aligned text without."""
    from rich.console import Console
    from rich.markup import escape

    buf = io.StringIO()
    console = Console(file=buf, width=width or 120, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False,
                      legacy_windows=False)
    plain = not color
    head = (lambda s: s) if plain else (lambda s: f"[bold]{s}[/]")
    if isinstance(explanation, FindingExplanation):
        f = explanation.finding
        console.print(head(f"Finding {escape(f.id)}"))
        grid = _grid()
        for name, value in (("verdict", f.verdict), ("level", f.level), ("rule", f.rule), ("metric", f.metric),
                            ("message", fmt.one_line(f.message)), ("reason", fmt.one_line(f.reason))):
            grid.add_row(name if plain else f"[bold]{name}[/]", _or_dash(value))
        console.print(grid)
        console.print()
        al = explanation.alignment
        if al is None and f.revision is not None:
            r = f.revision
            console.print(escape(f"A revision: {r.earlier} and {r.later} are versions of one document "
                                 f"({r.marker or 'no marker: ordered by date and order given'}); the figure at the same "
                                 f"place was {r.verb} in {r.later}. Versions are one source: not aligned by score."))
        elif al is None:
            console.print("No alignment score: the finding comes from the rule's own logic.")
        else:
            console.print(head(f"Alignment {al.score:.3f}") + escape(
                f"  = 1 / (1 + exp(-z)), z = bias + contributions = {_signed(al.logit)}"))
            console.print(escape(al.words))
            console.print(_alignment_table(al, plain))
            console.print(escape("levels: " + ", ".join(f"{name} from {v:g}" for name, v in al.thresholds)
                                 + f" (below note: not reported); this score earns {al.score_level}"
                                 + _level_note(al.score_level, f)))
        console.print()
        n = len(explanation.frames)
        for i, frame in enumerate(explanation.frames, 1):
            console.print(head(f"Claim {i} of {n}") + "  " + escape(fmt.location(frame.claim)))
            console.print(_frame_grid(frame, plain))
            console.print()
    else:
        n = len(explanation.frames)
        console.print(head(escape(f"{explanation.doc}:{explanation.line}")) + f"  {fmt.plural(n, 'claim')}")
        console.print()
        for i, frame in enumerate(explanation.frames, 1):
            console.print(head(f"Claim {i} of {n}") + "  " + escape(repr(frame.claim.quantity.text)))
            console.print(_frame_grid(frame, plain))
            console.print()
    out = buf.getvalue()
    return "\n".join(line.rstrip() for line in out.rstrip("\n").split("\n")) + "\n"
