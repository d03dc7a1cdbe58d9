"""Hand-built reports for the renderer, baseline and exit-code tests (imported, not a conftest)."""
from __future__ import annotations

import dataclasses
import datetime as dt

from factcheck.model import Claim, Document, Finding, Period, Quantity, Report

Y2021 = Period(dt.date(2021, 1, 1), dt.date(2021, 12, 31), "2021")
Y2022 = Period(dt.date(2022, 1, 1), dt.date(2022, 12, 31), "2022")

SENT_A = "Mr Asadov said trade grew about 12 percent last year."
SENT_B = "I have a different number: 16 percent."
SENT_C = "Mutual trade reached about $3 billion, or 20 percent growth."
SENT_D = "Trade grew 12 percent in 2021, officials confirmed."
SENT_E = "Over 150 international treaties underpin the relationship."
SENT_F = "There are over 150 international treaties."


def _doc_text(lines: dict[int, str], total: int = 60) -> str:
    return "\n".join(lines.get(n, f"Filler line {n}.") for n in range(1, total + 1)) + "\n"


def _claim(doc: Document, sentence: str, needle: str, line: int, **kw) -> Claim:
    q_start = doc.text.index(sentence) + sentence.index(needle)
    values = kw.pop("values")
    q = Quantity(
        start=q_start,
        end=q_start + len(needle),
        text=needle,
        kind=kw.pop("kind", "percent"),
        value=values[0],
        low=values[1],
        high=values[2],
        unit=kw.pop("unit", "%"),
        qualifier=kw.pop("qualifier", "exact"),
        line=line,
        doc=doc.name,
    )
    return Claim(quantity=q, sentence=sentence, **kw)


def seed_report(sentence_a: str = SENT_A, attribution: str = "Mr Asadov") -> Report:
    """The seed case: a contradiction, a not-comparable pair and an agreement across two documents."""
    d0 = Document("000.txt", _doc_text({50: sentence_a, 52: SENT_C, 30: SENT_E}), dt.date(2022, 2, 22), "dateline")
    d1 = Document("001.txt", _doc_text({17: SENT_B, 20: SENT_D, 40: SENT_F}), dt.date(2022, 2, 23), "cli")
    needle_a = "about 12 percent" if "about 12 percent" in sentence_a else sentence_a
    a = _claim(d0, sentence_a, needle_a, 50, values=(12.0, 10.8, 13.2), qualifier="approx",
               metric="trade growth", period=Y2021, aspect="change", attribution=attribution, rule="trade")
    b = _claim(d1, SENT_B, "16 percent", 17, values=(16.0, 15.5, 16.5), metric="trade growth",
               period=Y2021, aspect="change", rule="trade")
    c = _claim(d0, SENT_C, "20 percent", 52, values=(20.0, 19.5, 20.5), metric="trade growth",
               period=Y2022, aspect="change", rule="trade")
    d = _claim(d1, SENT_D, "12 percent", 20, values=(12.0, 11.5, 12.5), metric="trade growth",
               period=Y2021, aspect="change", rule="trade")
    e = _claim(d0, SENT_E, "Over 150", 30, values=(150.0, 150.0, None), kind="count", unit=None,
               qualifier="more_than", metric="treaties", period=None, period_source="unresolved")
    f = _claim(d1, SENT_F, "over 150", 40, values=(150.0, 150.0, None), kind="count", unit=None,
               qualifier="more_than", metric="treaties", period=None, period_source="unresolved")
    findings = (
        Finding("fc-0001", "trade", "contradiction", "error", "trade growth",
                "12% [10.8–13.2] and 16% [15.5–16.5] do not overlap", (a, b)),
        Finding("fc-0002", "trade", "not_comparable", "note", "trade growth",
                "claims cover different periods", (b, c), reason="different periods"),
        Finding("fc-0003", "generic", "agreement", "note", "treaties", "intervals overlap", (e, f)),
    )
    rules = (
        {"id": "trade", "title": "Trade growth figures must agree", "level": "error", "path": "rules/trade.yaml",
         "message": "Growth rates for the same period should not contradict each other."},
    )
    return Report(documents=(d0, d1), claims=(a, c, e, b, d, f), findings=findings, rules=rules)


EVIL = 'He said <script>alert("x")</script> | `rm -rf` [link](http://x) trade grew about 12 percent\n::error::fake'


def evil_report() -> Report:
    """Document text trying to inject markup, table cells and workflow commands."""
    r = seed_report(sentence_a=EVIL.replace("\n", " "), attribution='<img src=x onerror=alert(1)>,:%\n::warning::x')
    f = r.findings[0]
    f2 = dataclasses.replace(f, metric="trade <b>growth</b>")
    return dataclasses.replace(r, findings=(f2,) + r.findings[1:])


def with_level(report: Report, finding_id: str, level: str) -> Report:
    return dataclasses.replace(
        report, findings=tuple(dataclasses.replace(f, level=level) if f.id == finding_id else f for f in report.findings)
    )
