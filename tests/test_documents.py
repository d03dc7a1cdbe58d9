"""Reading documents: HTML text, front matter and sidecar dates, and one-line errors for bad files."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.documents import blank_front_matter, expand_paths, html_to_text, read_source, to_document
from factcheck.errors import FactcheckError


def test_html_keeps_visible_text_in_blocks_and_drops_scripts() -> None:
    html = ("<html><head><title>T</title><script>var trade = 99;</script></head><body><h1>Trade</h1>"
            "<p>Trade <b>grew</b> 16% in 2021.</p><style>p{}</style><div>Next</div></body></html>")
    text = html_to_text(html)
    assert "99" not in text and "p{}" not in text
    assert "Trade grew 16% in 2021." in text
    assert "\n\nNext" in text


def test_front_matter_date_keeps_offsets() -> None:
    raw = "---\ndate: 2022-03-01\ntitle: x\n---\nTrade grew 12 percent.\n"
    text, date = blank_front_matter(raw)
    assert date == dt.date(2022, 3, 1)
    assert len(text) == len(raw) and text.count("\n") == raw.count("\n")
    assert text.endswith("Trade grew 12 percent.\n")


def test_dates_come_from_cli_then_front_matter_then_sidecar_then_text(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ndate: 2022-03-01\n---\nText of 17 November 2022.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Written on 17 November 2022.\n", encoding="utf-8")
    (tmp_path / "b.txt.meta.yaml").write_text("date: 2021-05-05\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("RUSSIA, February 22 - text.\n\n22 February 2022\n", encoding="utf-8")
    docs = {Path(n).name: to_document(read_source(n, p), {}) for n, p in expand_paths([str(tmp_path)])}
    assert (docs["a.md"].date, docs["a.md"].date_source) == (dt.date(2022, 3, 1), "front_matter")
    assert (docs["b.txt"].date, docs["b.txt"].date_source) == (dt.date(2021, 5, 5), "sidecar")
    assert docs["c.txt"].date == dt.date(2022, 2, 22)
    name, path = expand_paths([str(tmp_path / "a.md")])[0]
    explicit = to_document(read_source(name, path), {name: dt.date(2020, 1, 1)})
    assert (explicit.date, explicit.date_source) == (dt.date(2020, 1, 1), "cli")


@pytest.mark.parametrize("content, message", [
    (b"abc\x00def", "binary file"),
    (b"\xff\xfe\x00\xd8", "not valid UTF-16"),
])
def test_bad_files_are_one_line_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(FactcheckError) as err:
        read_source("bad.txt", path)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_a_bom_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffTrade grew 12 percent.".encode("utf-8"))
    assert read_source("bom.txt", path).text == "Trade grew 12 percent."


def test_missing_and_unsupported_paths(tmp_path: Path) -> None:
    with pytest.raises(FactcheckError, match="no such file"):
        expand_paths([str(tmp_path / "nope.txt")])
    (tmp_path / "x.docx").write_bytes(b"PK")
    with pytest.raises(FactcheckError, match="unsupported file type"):
        expand_paths([str(tmp_path / "x.docx")])
