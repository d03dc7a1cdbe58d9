"""Figures that changed between two versions of one document: align the versions by diff.

Why a diff and not the cross-check: two versions are one source, so their figures are not two reports to
be aligned by meaning; a figure is the same figure when it sits at the same place of the text. The lines
of both versions are diffed (difflib) with their figures masked, so a line whose figures changed still
pairs with its counterpart; inside a pair of lines the figures pair in order. A figure whose interval no
longer overlaps its counterpart's (or whose "loss" became a "profit") is a contradiction carrying a
`Revision`; a figure restated ("12.1 mln" -> "12,141,000") or unchanged gives nothing.
"""
from __future__ import annotations

import bisect

import difflib
import re
from collections import defaultdict
from typing import Sequence

from .crosscheck import describe, finding_id
from .model import Claim, Finding, Level, Revision, Verdict
from .versions import VersionPair

#: figures of these kinds are never revisions on their own (a date moved is a changed dateline)
_SKIP_KINDS = frozenset({"date", "duration", "direction", "ordinal"})
_DIGITS = re.compile(r"\d[\d,.]*")
_NUMBER_WORDS = re.compile(r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                           r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
                           r"seventy|eighty|ninety|hundred|thousand)\b")
_TOKEN = re.compile(r"\S+")
_NEGATIVE = re.compile(r"\b(?:loss|losses|deficit|minus)\s+(?:of\s+)?$", re.IGNORECASE)
#: how alike two lines must be, figures masked, to be one line of two versions
_LINE_SIMILARITY = 0.6


def _mask(line: str) -> str:
    """A line with its figures as "#": the same line of two versions whatever its figures say."""
    return " ".join(_NUMBER_WORDS.sub("#", _DIGITS.sub("#", line.lower())).split())


def _line_pairs(a_lines: Sequence[str], b_lines: Sequence[str]) -> list[tuple[int, int]]:
    """(line in a, line in b) pairs, 0-based, of lines that are one line of the text in two versions.

    Blank lines are left out of the diff (they anchor nothing); inside a block the diff could not match
    exactly, each line takes the most alike later line of the other version, in order."""
    from rapidfuzz import fuzz

    ia = [i for i, x in enumerate(a_lines) if x.strip()]
    ib = [j for j, x in enumerate(b_lines) if x.strip()]
    ma, mb = [_mask(a_lines[i]) for i in ia], [_mask(b_lines[j]) for j in ib]
    out: list[tuple[int, int]] = []
    sm = difflib.SequenceMatcher(None, ma, mb, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            out.extend((ia[i1 + k], ib[j1 + k]) for k in range(i2 - i1))
        elif tag == "replace":
            j = j1
            for i in range(i1, i2):
                best, best_j = 0.0, -1
                for k in range(j, j2):
                    s = fuzz.ratio(ma[i], mb[k]) / 100.0
                    if s > best:
                        best, best_j = s, k
                if best >= _LINE_SIMILARITY:
                    out.append((ia[i], ib[best_j]))
                    j = best_j + 1
    return out


def _claim_pairs(ca: Sequence[Claim], cb: Sequence[Claim], line_a: str, line_b: str, sa: int,
                 sb: int) -> list[tuple[Claim, Claim]]:
    """The figures of two versions of one line, paired by a diff of the line's words (figures masked):
    a figure pairs with the one at the same place, wherever words were added or dropped around it."""
    ta = [(m.start() + sa, m.end() + sa, _mask(m.group())) for m in _TOKEN.finditer(line_a)]
    tb = [(m.start() + sb, m.end() + sb, _mask(m.group())) for m in _TOKEN.finditer(line_b)]

    def token_of(c: Claim, toks: list[tuple[int, int, str]]) -> int:
        for k, (s, e, _w) in enumerate(toks):
            if s <= c.quantity.start < e or c.quantity.start < s:
                return k
        return len(toks) - 1

    at = {token_of(c, ta): c for c in ca}
    bt = {token_of(c, tb): c for c in cb}
    out = []
    sm = difflib.SequenceMatcher(None, [t[2] for t in ta], [t[2] for t in tb], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(i2 - i1):
                if i1 + k in at and j1 + k in bt:
                    out.append((at[i1 + k], bt[j1 + k]))
    return out


def _negative(c: Claim, text: str, line_start: int) -> bool:
    return bool(_NEGATIVE.search(text[max(line_start, c.quantity.start - 20):c.quantity.start]))


def _changed(a: Claim, b: Claim, text_a: str, text_b: str, sa: int, sb: int) -> bool:
    """The two figures say different things: other words of another kind, disjoint intervals, or a loss
    become a profit. Two different units of one kind are not compared (no interval says how far apart)."""
    qa, qb = a.quantity, b.quantity
    if qa.kind != qb.kind:
        if "count" not in (qa.kind, qb.kind):  # "one ct" read as a carat beside "five cts": the words changed
            return qa.text.strip().lower() != qb.text.strip().lower()
        # "819 mln dlrs" restated as "819 mln Canadian dlrs" (read as a count of dlr): compare the values
    elif (qa.unit or "") != (qb.unit or ""):
        if qa.unit and qb.unit:
            return False  # "a year" become "a day", dollars become marks: no interval says how far apart
        # "819 mln dlrs" restated as "819 mln": the unit was dropped, the figure is the one compared below
    if _negative(a, text_a, sa) != _negative(b, text_b, sb):
        return True
    alo, ahi = qa.low if qa.low is not None else qa.value, qa.high if qa.high is not None else qa.value
    blo, bhi = qb.low if qb.low is not None else qb.value, qb.high if qb.high is not None else qb.value
    if None in (alo, ahi, blo, bhi):
        return False
    return ahi < blo or bhi < alo  # type: ignore[operator]


def _shifted(a: Claim, b: Claim, ca: Sequence[Claim], cb: Sequence[Claim]) -> bool:
    """The line moved on rather than being corrected: b's value is new to a's line, and a's value reappears
    elsewhere in b's ("forecast at 16.70 mln tonnes, vs 17.30 mln last month" after "at 17.30 mln, vs 17.50
    mln"), or the other way round: the next issue of a recurring report. A correction that swaps two columns
    brings no new value."""
    def value(c: Claim) -> tuple[str | None, float | None]:
        return c.quantity.unit, c.quantity.value
    before, after = {value(c) for c in ca}, {value(c) for c in cb}
    # either way round: which of two undated issues is the later one is often unknown
    return (value(b) not in before and value(a) in after) or (value(a) not in after and value(b) in before)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    return starts


def revision_findings(pair: VersionPair, text_a: str, text_b: str, claims_a: Sequence[Claim],
                      claims_b: Sequence[Claim]) -> list[Finding]:
    """One contradiction per figure that changed from ``pair.earlier`` (text_a, claims_a) to
    ``pair.later`` (text_b, claims_b), each at warning and carrying the `Revision`."""
    a_lines, b_lines = text_a.split("\n"), text_b.split("\n")
    sa, sb = _line_starts(text_a), _line_starts(text_b)
    by_line_a: dict[int, list[Claim]] = defaultdict(list)
    by_line_b: dict[int, list[Claim]] = defaultdict(list)
    # the line in the text, from the offset: ``quantity.line`` is the source's line (an HTML or PDF
    # document's text has other lines than its source)
    for c in claims_a:
        if c.quantity.kind not in _SKIP_KINDS:
            by_line_a[bisect.bisect_right(sa, c.quantity.start) - 1].append(c)
    for c in claims_b:
        if c.quantity.kind not in _SKIP_KINDS:
            by_line_b[bisect.bisect_right(sb, c.quantity.start) - 1].append(c)
    revision = Revision(pair.earlier, pair.later, str(pair.marker) if pair.marker else None)
    out: list[Finding] = []
    for i, j in _line_pairs(a_lines, b_lines):
        ca = sorted(by_line_a.get(i, []), key=lambda c: c.quantity.start)
        cb = sorted(by_line_b.get(j, []), key=lambda c: c.quantity.start)
        if not ca or not cb:
            continue
        for a, b in _claim_pairs(ca, cb, a_lines[i], b_lines[j], sa[i], sb[j]):
            if _changed(a, b, text_a, text_b, sa[i], sb[j]) and not (pair.marker is None and _shifted(a, b, ca, cb)):
                out.append(_finding(a, b, revision))
    return out


def _finding(a: Claim, b: Claim, revision: Revision) -> Finding:
    metric = b.metric or a.metric or "figure"
    rule = a.rule if a.rule not in ("none", "") else "generic"
    where = f"{revision.verb} in {revision.later}"
    reason = f"{where} (was {a.quantity.text.strip()} in {revision.earlier})"
    message = f"{metric}: {describe(a)} {where}: {describe(b)}"
    claims = (a, b)
    return Finding(finding_id(rule, "revision", metric, claims), rule, str(Verdict.CONTRADICTION),
                   str(Level.WARNING), metric, message, claims, reason, revision=revision)


def revisions(pairs: Sequence[VersionPair], texts: dict[str, str], claims: Sequence[Claim]) -> list[Finding]:
    """The revision findings of every version pair, in the pairs' order."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.doc or ""].append(c)
    out: list[Finding] = []
    for p in pairs:
        out.extend(revision_findings(p, texts[p.earlier], texts[p.later], by_doc.get(p.earlier, []),
                                     by_doc.get(p.later, [])))
    return out
