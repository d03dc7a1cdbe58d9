"""factcheck: find the numbers that disagree across a set of documents."""
from __future__ import annotations

from .model import Claim, Document, Finding, Period, Quantity, Report

__all__ = ["Claim", "Document", "Finding", "Period", "Quantity", "Report", "check_texts", "extract_text"]
__version__ = "0.1.0"


def extract_text(text: str, *, date=None, doc=None):  # type: ignore[no-untyped-def]
    """Every quantitative statement in ``text``, in order of position (see `factcheck.extract`)."""
    from .extract import extract_text as _extract

    return _extract(text, date=date, doc=doc)


def check_texts(texts, *, dates=None, today=None, rules=None):  # type: ignore[no-untyped-def]
    """Cross-check a mapping of name -> text and return a `Report` (see `factcheck.pipeline`)."""
    from .pipeline import check_texts as _check

    return _check(texts, dates=dates, today=today, rules=rules)
