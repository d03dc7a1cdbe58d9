"""Figures in tables: earnings-style rows framed by their row label and their column.

Why: results releases state their figures as rows ("Shr 42 cts vs 35 cts", "Net 12.6 mln vs 10.4 mln")
where no metric word frames them, so the sentence framing leaves them unframed and they are never
compared. A row's label names the metric (`rules/lexicon/tables.yaml`), the header above it names the
period ("Qtr", "Nine mths", "Year"; the headline's period word before any header), and "vs" separates the
current period's column from the prior one's. The column and the period go into the claim's blocking key,
so a prior-period figure never meets a current-period one, and the company of the headline is the subject.
"""
from __future__ import annotations

import bisect

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from ..errors import RuleFileError
from ..linear_re import may_start_with_a_word_character
from ..model import Claim, Concept, Document, Period, Provenance, SubjectSource
from ..rulefile import line_of
from ..saferegex import BAD_PATTERN, AnyPattern, PatternTimeout, compile_guarded, is_off, timed_out
from ..schemas import load_lexicon_file
from ..versions import marker_of

#: kinds of figure a table row holds
_ROW_KINDS = frozenset({"count", "money", "percent"})
_TICKER = re.compile(r"<([^<>]+)>")


@dataclass(frozen=True)
class TableLexicon:
    """From ``rules/lexicon/tables.yaml``: row labels (longest first), period headers, separators, signs."""

    rows: tuple[tuple[str, str], ...]
    #: (name, the line's start pattern, ``file:line`` of the entry); on ``re`` when its shape runs in linear
    #: time, else on `regex` under a time limit (users write these patterns)
    periods: tuple[tuple[str, AnyPattern, str], ...]
    separators: frozenset[str]
    negative: frozenset[str]


@lru_cache(maxsize=8)
def load_tables(extra_dirs: tuple[Path, ...] = ()) -> TableLexicon:
    """The shipped tables lexicon, extended by ``<dir>/lexicon/tables.yaml`` of each user rules directory."""
    sources = [load_lexicon_file("tables")]
    for d in extra_dirs:
        if (Path(d) / "lexicon" / "tables.yaml").is_file():
            sources.append(load_lexicon_file("tables", Path(d)))
    rows: dict[str, str] = {}
    periods: dict[str, tuple[AnyPattern, str]] = {}
    separators: set[str] = set()
    negative: set[str] = set()
    for data, path in sources:
        rows.update({" ".join(str(k).lower().split()): str(v) for k, v in (data.get("rows") or {}).items()})
        for name, patterns in (data.get("periods") or {}).items():
            where = (str(path), line_of(data.get("periods"), name))
            periods[str(name)] = (_period_pattern(str(name), patterns, where), f"{where[0]}:{where[1]}")
        separators.update(str(s).lower() for s in data.get("separators") or [])
        negative.update(str(s).lower() for s in (data.get("signs") or {}).get("negative") or [])
    return TableLexicon(rows=tuple(sorted(rows.items(), key=lambda kv: -len(kv[0]))),
                        periods=tuple((name, p, where) for name, (p, where) in periods.items()),
                        separators=frozenset(separators),
                        negative=frozenset(negative))


_SIGN_WORDS = frozenset({"profit", "profits", "gain", "income", "earnings"})


def _row_label(line: str, lex: TableLexicon) -> tuple[str, str] | None:
    """The row's label and its metric. Words the label adds before the first figure qualify the metric:
    "Avg shrs diluted" is not "Avg shrs primary", so the two rows never meet."""
    words = " ".join(line.lower().split())
    for label, metric in lex.rows:
        if words.startswith(label) and (len(words) == len(label) or not words[len(label)].isalpha()):
            extra = []
            for w in words[len(label):].split():
                if not w.isalpha() or w in lex.separators or w in lex.negative or w in _SIGN_WORDS:
                    break  # "Shr loss 5 cts", "Oper shr profit 2.61 dlrs": a sign, not another row
                extra.append(w)
            return label, metric + (f" ({' '.join(extra)})" if extra else "")
    return None


def _period_pattern(name: str, patterns: list[str], where: tuple[str, int]) -> AnyPattern:
    """The header patterns of one period as one, matched after the line's leading spaces and punctuation.

    Why possessive (``\\W*+``): with a plain ``\\W*`` and a pattern that may start with a space, a line of
    100,000 spaces took a minute; possessive, the leading run is read once."""
    for p in patterns:
        try:
            fits = may_start_with_a_word_character(p, re.IGNORECASE)
        except re.error as e:
            raise RuleFileError(*where, f"periods.{name}: bad regular expression {p!r}: {e}") from None
        if not fits:
            raise RuleFileError(*where, f"periods.{name}: {p!r} must start with a word: it is matched after the "
                                "spaces and punctuation that start the line")
    try:
        return compile_guarded(r"^\W*+(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", re.IGNORECASE)
    except BAD_PATTERN as e:
        raise RuleFileError(*where, f"periods.{name}: bad regular expression: {e}") from None


#: ids of the period patterns that ran out of time too often: skipped for the rest of the run
_OFF: set[int] = set()


def _period(line: str, lex: TableLexicon, *, anywhere: bool = False, doc: str = "", number: int = 0) -> str | None:
    """The period a header line names (``doc`` and its line ``number`` say where, for a warning)."""
    for name, pattern, where in lex.periods:
        if _OFF and id(pattern) in _OFF:
            continue
        try:
            if pattern.match(line) or (anywhere and pattern.search(" " + line)):
                return name
        except PatternTimeout:  # no match, with a warning
            key = f"period {where}: {pattern.pattern}"
            at = f"{doc}:{number}" if doc else "a line"
            timed_out(key, f"table period pattern {name!r} ran out of time on {at}; the line is not read as a "
                      "period header", where)
            if is_off(key):
                _OFF.add(id(pattern))
    return None


#: How much of a first line is read as a headline.
_HEADLINE_CHARS = 1000
_HEADLINE_WORDS = 60


def _headline_period(head: str, lex: TableLexicon) -> str | None:
    """The period word of a headline ("... 4Th Qtr Net", "... Year Net"): the default of the rows."""
    # a headline is a line of a few words; a "headline" that is a whole 1 MB line made this quadratic
    words = _TICKER.sub(" ", head[:_HEADLINE_CHARS]).split()[:_HEADLINE_WORDS]
    for k in range(len(words)):
        found = _period(" ".join(words[k:]), lex)
        if found:
            return found
    return None


def company(text: str) -> str | None:
    """The company a results release is about: the headline's bracketed name or the words before its
    ticker ("Acme Widgets Inc <AWI> 2nd Qtr Net" -> "Acme Widgets Inc")."""
    _marker, head = marker_of(text)
    m = _TICKER.search(head)
    if m is None:
        return None
    if m.start() == 0 or not head[:m.start()].strip():
        return m.group(1).strip() or None
    return head[:m.start()].strip(" -:") or None


def table_claims(doc: Document, claims: Sequence[Claim], lex: TableLexicon) -> list[Claim]:
    """The claims, those in a table row framed by the row's label, column and period (others unchanged)."""
    lines = doc.text.split("\n")
    _m, head = marker_of(doc.text)
    period = _headline_period(head, lex) or "period"
    name = company(doc.text)
    row_of: dict[int, tuple[str, str, str, int]] = {}  # line -> (label, metric, period, separator offset)
    offset = 0
    seen: set[str] = set()  # the row labels of the current block
    block, header = 1, period
    for i, line in enumerate(lines):
        if i > 0:
            row = _row_label(line, lex)
            sep = _separator(line, lex) if row else None
            if row and sep is None and _ROW_FIGURE.match(" ".join(line.split())[len(row[0]):]):
                sep = len(line)  # "Shr 25 cts": a row of the current period alone (none stated for the prior)
            if row and sep is not None:
                if row[0] in seen:
                    # "Shr ... Net ... Revs" again with no header between: the next block of the table (the
                    # year after the quarter), another period, whatever it is called
                    block, seen = block + 1, set()
                    period = f"{header}, block {block}"
                seen.add(row[0])
                row_of[i + 1] = (row[0], row[1], period, offset + sep)
            elif not row:
                found = _period(line, lex, doc=doc.name, number=i + 1)
                if found:
                    period, header, block, seen = found, found, 1, set()
        offset += len(line) + 1
    cells = _pipe_cells(lines)
    if not row_of and not cells:
        return list(claims)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    out = []
    for c in claims:
        # the line in the text, from the offset: ``quantity.line`` is the source's (HTML, PDF differ)
        at = bisect.bisect_right(starts, c.quantity.start)
        if c.quantity.kind not in _ROW_KINDS:
            out.append(c)
        elif at in row_of:
            out.append(_framed(c, row_of[at], name, lex, doc.text))
        elif at in cells:
            out.append(_framed_cell(c, cells[at], lex))
        else:
            out.append(c)
    return out


#: what follows a row label in a one-column row: a figure and its unit, nothing else ("Shr 25 cts")
_ROW_FIGURE = re.compile(r"\s*(?:loss\s+|profit\s+)?[$£]?\d[\d,.]*\s*(?:[a-z]{1,4}|mln|billion|dlrs|pct)?\.?\s*$",
                         re.IGNORECASE)


# ------------------------------------------------------------------------------ markdown tables
#: A Markdown table's rule line ("|---|:--:|"). Possessive: neighbouring runs of spaces made a line of 100,000
#: spaces quadratic; no run gives back what the next item could use, so the lines it matches are the same.
_PIPE_RULE = re.compile(r"^\s*+\|?\s*+:?-{3,}+:?\s*+(?:\|\s*+:?-{3,}+:?\s*+)*+\|?\s*+$")
_YEAR = re.compile(r"^(?:fy\s*)?((?:19|20)\d\d)$", re.IGNORECASE)


def _split_cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of each cell of a pipe-table line, offsets in the document."""
    bars = [i for i, ch in enumerate(line) if ch == "|"]
    if not line.strip().startswith("|"):
        bars = [-1, *bars]
    if not line.rstrip().endswith("|"):
        bars.append(len(line))
    return [(offset + a + 1, offset + b, line[a + 1:b].strip(" *_`")) for a, b in zip(bars, bars[1:])]


def _pipe_cells(lines: Sequence[str]) -> dict[int, tuple[str, tuple[tuple[int, int, str], ...]]]:
    """Line (1-based) of each body row of a Markdown table -> (row label, ((start, end, column header), ...))."""
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    out: dict[int, tuple[str, tuple[tuple[int, int, str], ...]]] = {}
    i = 0
    while i + 1 < len(lines):
        if "|" in lines[i] and _PIPE_RULE.match(lines[i + 1]) and "|" in lines[i + 1]:
            header = [t for _s, _e, t in _split_cells(lines[i], 0)]
            j = i + 2
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                cells = _split_cells(lines[j], starts[j])
                if cells and len(cells) == len(header):
                    out[j + 1] = (cells[0][2], tuple((s, e, header[k]) for k, (s, e, _t) in enumerate(cells) if k))
                j += 1
            i = j
        else:
            i += 1
    return out


def _framed_cell(c: Claim, row: tuple[str, tuple[tuple[int, int, str], ...]], lex: TableLexicon) -> Claim:
    """A figure in a Markdown table: its metric from the row label, its column from the header cell (a year
    header is its period)."""
    label, cells = row
    header = next((h for s, e, h in cells if s <= c.quantity.start < e), None)
    if header is None or not label or any(ch.isdigit() for ch in label):
        return c
    known = _row_label(label, lex)
    metric = known[1] if known else " ".join(label.lower().split())
    column = " ".join(header.lower().split()) or "value"
    period, source = c.period, c.period_source
    year = _YEAR.match(column)
    if year:
        y = int(year.group(1))
        period, source = Period(dt.date(y, 1, 1), dt.date(y, 12, 31), str(y)), "explicit"
    # the table's own words (its labels and headers) are no subject: the document's headline or main name is
    context = c.concept.context if c.concept is not None else ()
    subject = context or c.subject
    concept = Concept(key=f"table:{metric}:{column}", noun=metric, entities=subject, context=context,
                      subject_source=SubjectSource.HEADLINE if context else SubjectSource.NONE)
    facet = Provenance("metric", metric, f"table row '{label}', column '{header}'")
    return replace(c, metric=metric, rule="generic", aspect="level", period=period, period_source=source,
                   subject=subject, concept=concept, provenance=(*[p for p in c.provenance if p.facet != "metric"], facet))


def _separator(line: str, lex: TableLexicon) -> int | None:
    for m in re.finditer(r"\S+", line):
        if m.group().lower() in lex.separators:
            return m.start()
    return None


def _framed(c: Claim, row: tuple[str, str, str, int], name: str | None, lex: TableLexicon, text: str) -> Claim:
    label, metric, period, sep = row
    column = "current" if c.quantity.start < sep else "prior"
    q = c.quantity
    before = text[max(0, q.start - 12):q.start].lower().split()
    if before and before[-1] in lex.negative and q.value is not None and q.value > 0:
        q = replace(q, value=-q.value, low=None if q.high is None else -q.high,
                    high=None if q.low is None else -q.low)
    subject = (name,) if name else c.subject
    concept = Concept(key=f"table:{metric}:{period}:{column}", noun=metric, entities=subject, context=subject,
                      subject_source=SubjectSource.HEADLINE if name else SubjectSource.NONE)
    facet = Provenance("metric", metric, f"tables.yaml row '{label}', {column} column, period {period}")
    return replace(c, quantity=q, metric=metric, rule="generic", aspect="level", subject=subject, concept=concept,
                   provenance=(*[p for p in c.provenance if p.facet not in ("metric", "subject")], facet))
