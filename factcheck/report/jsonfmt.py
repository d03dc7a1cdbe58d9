"""The versioned JSON report: exactly `Report.to_dict()`, the contract scripts depend on."""
from __future__ import annotations

import json

from ..model import Report


def render(report: Report, *, color: bool = False) -> str:
    """`Report.to_dict()` as indented UTF-8 JSON; `color` is accepted for a uniform signature and ignored."""
    return json.dumps(report.to_dict(), indent=2, sort_keys=False, ensure_ascii=False) + "\n"
