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
