"""Shared helpers for the framing and alignment tests written as made-up texts: the claims of one text by their
figure, and the loud findings (contradictions at warning or above) of a set, all on one fixed day."""
from __future__ import annotations

import datetime as dt

import factcheck

TODAY = dt.date(2026, 1, 1)


def claims_by_figure(text: str) -> dict[str, factcheck.Claim]:
    """The claims of one text, by the text of their figure."""
    return {c.quantity.text: c for c in factcheck.check_texts({"d.txt": text}, today=TODAY).claims}


def loud(texts: dict[str, str]) -> list[dict]:
    """The contradictions at warning or above that checking ``texts`` as one set reports, as JSON."""
    report = factcheck.check_texts(texts, today=TODAY).to_dict()
    return [f for f in report["findings"] if f["verdict"] == "contradiction" and f["level"] in ("warning", "error")]
