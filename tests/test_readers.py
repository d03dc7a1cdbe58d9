"""The readers one by one: HTML lines map to source lines, Markdown keeps offsets and hides code, PDF
pages, text encodings, the directory walk, safe reads and time-limited patterns."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from factcheck.documents import blank_front_matter, read_source, to_document
from factcheck.errors import FactcheckError, WarningKind
from factcheck.guard import blank_huge_numbers
from factcheck.pipeline import extract_documents
from factcheck.readers import NotText, read_bytes
from factcheck.readers.html import html_prose
from factcheck.readers.markdown import markdown_prose
from factcheck.readers.textcodec import decode_bytes
from factcheck.safeio import read_regular
from factcheck.saferegex import PatternTimeout, search
from factcheck.walk import find_documents
from deeptree import make_chain, remove_chain
from pdfmaker import make_pdf

HTML = """<html>
<head><title>Ignored 11</title><script>var x = 22;</script></head>
<body>
<nav>Menu 33 percent</nav>
<h1>Trade report</h1>
<p>First paragraph
with trade up
<b>12 percent</b> in 2021.</p>


<div>Imports of
44 tonnes</div>
</body></html>
"""


def test_html_figures_sit_on_their_source_lines(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    doc = to_document(read_source("page.html", path), {})
    found, _ = extract_documents([doc])
    where = {q.text: q.line for q in found}
    assert where == {"up\n12 percent": 7, "2021": 8, "44 tonnes": 12}
    assert "22" not in doc.text and "33" not in doc.text and "11" not in doc.text


def test_html_entities_and_tags_inside_attributes_do_not_shift_lines() -> None:
    prose = html_prose('<p title="5 percent">x</p>\n<p>A &amp; B\n<a href="/7">7 percent</a></p>')
    lines = prose.text.splitlines()
    at = next(i for i, ln in enumerate(lines) if "7 percent" in ln)
    assert prose.line_map[at] == 3


def test_markdown_keeps_offsets_and_blanks_code_and_link_targets() -> None:
    text = "# Title\n\nTrade grew `99` 12 percent, see [report](http://x/2020/5).\n\n```\n77 percent\n```\n"
    prose = markdown_prose(text)
    assert len(prose) == len(text) and prose.count("\n") == text.count("\n")
    assert "12 percent" in prose and "99" not in prose and "2020" not in prose and "77" not in prose


def test_front_matter_title_stays_as_the_first_line_and_keys_go() -> None:
    raw = "---\ntitle: Trade news\ndate: 2022-03-05\ntags: [a, 99]\n---\nBody 12 percent.\n"
    text, date = blank_front_matter(raw)
    assert date == dt.date(2022, 3, 5)
    assert text.split() == ["Trade", "news", "Body", "12", "percent."]
    assert len(text) == len(raw)


def test_pdf_pages_and_lines() -> None:
    reading = read_bytes(make_pdf([["Alpha 1 percent"], [], ["x", "Gamma 3 percent"]]), ".pdf", "r.pdf")
    prose = reading.prose
    lines = prose.text.splitlines()
    at = next(i for i, ln in enumerate(lines) if "Gamma" in ln)
    assert (prose.page_map[at], prose.line_map[at]) == (3, 2)
    assert [p.kind for p in reading.problems] == [WarningKind.CONTENT]  # page 2 has no text


@pytest.mark.parametrize("raw", [b"%PDF-1.4 garbage", make_pdf([["x"]])[:120], b"not a pdf", make_pdf([[]])])
def test_bad_pdfs_are_not_text(raw: bytes) -> None:
    with pytest.raises(NotText):
        read_bytes(raw, ".pdf", "r.pdf")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_encodings_decode_without_warning(encoding: str) -> None:
    text = "Trade grew 12 percent in 2021 — «café».\n"
    decoded = decode_bytes(text.encode(encoding), "a.txt")
    assert decoded.text == text and decoded.problems == ()


def test_legacy_encoding_is_named_in_a_warning() -> None:
    text = "Товарооборот вырос на 12 процентов в 2021 году, и это хороший результат.\n"
    decoded = decode_bytes(text.encode("cp1251"), "ru.txt")
    assert decoded.text == text
    assert decoded.encoding == "cp1251" and "cp1251" in decoded.problems[0].what


def test_binary_and_printable_checks() -> None:
    with pytest.raises(NotText):
        decode_bytes(b"\x00\x01\x02\xff" * 100, "x.txt")
    with pytest.raises(NotText):
        decode_bytes(b"abc\x00def", "x.txt")


def test_huge_numbers_are_blanked_in_place() -> None:
    text = "Exports were " + "9" * 400 + " tonnes.\nImports 5 tonnes."
    out, problems = blank_huge_numbers(text, "a.txt")
    assert len(out) == len(text) and "9" not in out and "5 tonnes" in out
    assert problems[0].where == "a.txt:1" and problems[0].kind == WarningKind.TOO_LARGE


def test_walk_is_iterative_and_reports_loops(tmp_path: Path) -> None:
    deep = make_chain(tmp_path / "docs", 1500)  # rglob raised RecursionError here
    try:
        (deep / "a.txt").write_text("x", encoding="utf-8")
        (tmp_path / "docs" / "loop").symlink_to(tmp_path / "docs")
        found, problems = find_documents([str(tmp_path / "docs")])
        assert len(found) == 1
        assert [p.what for p in problems] == ["skipped: symlink loop (it points to a directory already read)"]
    finally:
        remove_chain(tmp_path / "docs")


def test_read_regular_refuses_fifos_and_devices(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(FactcheckError, match="FIFO"):
        read_regular(tmp_path / "pipe", 100)
    with pytest.raises(FactcheckError, match="character device"):
        read_regular("/dev/zero", 100)
    (tmp_path / "big").write_bytes(b"x" * 101)
    with pytest.raises(FactcheckError, match="byte limit"):
        read_regular(tmp_path / "big", 100)


def test_a_catastrophic_pattern_times_out() -> None:
    with pytest.raises(PatternTimeout):
        search(r"(a|aa)+$", "a" * 60 + "!", timeout=0.05)
    assert search(r"a+", "xaay").group(0) == "aa"
