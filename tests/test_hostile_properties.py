"""Property: the whole pipeline (read -> extract -> check -> every renderer) on generated documents never
raises, gives byte-identical output on a second run, and every location slices its source."""
from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from factcheck.model import Document
from factcheck.pipeline import check_documents
from factcheck.readers import NotText, read_bytes
from factcheck.report import FORMATS, render

#: Pieces that make figures, hedges, markup and trouble.
PIECES = [
    "Trade", "grew", "fell", "about", "more than", "percent", "%", "$", "€", "billion", "million", "tonnes",
    "in 2021", "last year", "March 3, 2022", "12", "16", "3.3", "1,780", "-", "–", "to", ".", ",", ";", " ", " ",
    "\n", "\n\n", "\t", "9" * 40, "\u200b", "\u200f", "\u202e", "\x1b[31m", "\x00", "\ud800", "é", "Товар", "中国",
    "<p>", "</p>", "<script>x=5</script>", "<!-- factcheck: ignore x -->", "```", "# ", "---", "`7`", "&amp;",
    "[bold]", "1e400", "½", "٣", "0x1F",
]

documents = st.lists(st.sampled_from(PIECES), min_size=0, max_size=60).map("".join)
suffixes = st.sampled_from([".txt", ".md", ".html"])
encodings = st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1251"])


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


def _run(docs: list[Document]) -> dict[str, str]:
    report = check_documents(docs, today=dt.date(2026, 11, 22))
    out = {fmt: render(report, fmt) for fmt in FORMATS}
    for doc in report.documents:
        for c in report.claims_of(doc.name):
            q = c.quantity
            assert doc.text[q.start:q.end] == q.text, (doc.name, q)
            lines = doc.text.count("\n") + 1
            if not doc.line_map:
                assert q.line == doc.text.count("\n", 0, q.start) + 1
            else:
                assert 1 <= q.line <= max(doc.line_map)
            assert q.line <= lines or doc.line_map
    json.loads(out["json"])
    json.loads(out["sarif"])
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(documents, suffixes, encodings), min_size=1, max_size=3))
def test_pipeline_never_raises_is_deterministic_and_locations_slice(parts: list[tuple[str, str, str]]) -> None:
    docs = []
    for i, (text, suffix, encoding) in enumerate(parts):
        name = f"d{i}{suffix}"
        try:
            reading = read_bytes(_encode(text, encoding), suffix, name)
        except NotText:
            continue
        prose = reading.prose
        docs.append(Document(name, prose.text, dt.date(2022, 3, 3), "cli", prose.line_map, prose.page_map))
    if not docs:
        return
    event(f"{len(docs)} documents")
    first = _run(docs)
    second = _run(docs)
    assert first == second
    for fmt, text in first.items():
        assert "\x1b" not in text and "\x00" not in text, fmt
