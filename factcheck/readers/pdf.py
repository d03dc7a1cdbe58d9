"""PDF -> the text of its pages (pypdf, pure Python), with the page of every line.

Why a page map: a PDF has no lines a reader can go to, but it has pages; a finding in a PDF says
"page 3, line 12 of that page". A page with no text (a scan) is reported, and a file pypdf cannot open is
one warning, never a traceback.
"""
from __future__ import annotations

import io
import logging
import warnings

from ..errors import Problem, WarningKind
from .lines import LineBuilder, Prose
from .textcodec import NotText

#: Pages read at most (a crafted PDF can claim millions).
MAX_PAGES = 5000


def pdf_prose(raw: bytes, where: str) -> tuple[Prose, tuple[Problem, ...]]:
    """The text of every page, a paragraph break between pages; raises `NotText` when it is no PDF."""
    if not raw.lstrip()[:5].startswith(b"%PDF"):
        raise NotText("not a PDF (no %PDF header)")
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # pypdf logs every repair it makes
    problems: list[Problem] = []
    out = LineBuilder()
    empty: list[int] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(raw), strict=False)
            if reader.is_encrypted:
                try:
                    reader.decrypt("")
                except Exception:  # noqa: BLE001 - any failure means we cannot read it
                    raise NotText("encrypted PDF") from None
            pages = reader.pages
            count = len(pages)
            for number in range(1, min(count, MAX_PAGES) + 1):
                try:
                    text = pages[number - 1].extract_text() or ""
                except Exception:  # noqa: BLE001 - a damaged page is skipped, the rest is read
                    text = ""
                out.new_page(number)
                if not text.strip():
                    empty.append(number)
                    continue
                for k, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
                    out.add(line if k == 0 else "\n" + line, None)
    except NotText:
        raise
    except RecursionError:
        raise NotText("malformed PDF (nested too deeply)") from None
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on damaged files
        raise NotText(f"malformed PDF ({type(exc).__name__})") from None
    if count > MAX_PAGES:
        problems.append(Problem(WarningKind.CONTENT, f"only the first {MAX_PAGES} of {count} pages read", where))
    prose = out.build()
    if empty and not prose.text.strip():
        raise NotText("PDF without text (scanned images only?); run OCR on it first")
    if empty:
        shown = ", ".join(map(str, empty[:10])) + (" ..." if len(empty) > 10 else "")
        problems.append(Problem(WarningKind.CONTENT, f"page{'s' if len(empty) > 1 else ''} {shown} "
                                "without text (scanned images?) left out", where))
    return _page_lines(prose), tuple(problems)


def _page_lines(prose: Prose) -> Prose:
    """Source line of each prose line = its line within its page, counted from 1."""
    lines: list[int] = []
    last_page, n = None, 0
    for page in prose.page_map or (1,) * prose.text.count("\n"):
        n = n + 1 if page == last_page else 1
        last_page = page
        lines.append(n)
    return Prose(prose.text, tuple(lines), prose.page_map)
