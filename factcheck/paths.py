"""Where the shipped rules live: beside the package in a source checkout, inside it in a wheel."""
from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def shipped_rules_dir() -> Path:
    """The `rules/` directory that ships with factcheck (users edit a copy or add their own)."""
    for candidate in (_PKG / "_rules", _PKG.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("factcheck's shipped rules/ directory is missing from this installation")


#: Where the project's documentation is published; a rule's ``helpUri`` in SARIF is its file under this base
#: (shipped rules) or the rule grammar (rules of yours). Set FACTCHECK_DOCS_URL to point at your fork or mirror.
DOCS_URL = "https://github.com/OWNER/factcheck/blob/main/"


def docs_url() -> str:
    import os

    base = os.environ.get("FACTCHECK_DOCS_URL") or DOCS_URL
    return base if base.endswith("/") else base + "/"
