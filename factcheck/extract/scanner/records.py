"""What every reader of the scanner shares: the fast `Quantity` constructor and the line of an offset.

Why a module of its own: every number in a corpus becomes a `Quantity`, so how one is made is a matter of
speed that the readers (and the temporal scanner, ``extract/temporal.py``) share.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...model import Quantity

#: "No match": beyond any text position.
FAR = 1 << 62
#: ``tuple.__new__``: makes a `Core` or `Left` in C, without the Python ``__new__`` of a named tuple.
tuple_new = tuple.__new__
_new = object.__new__
#: Whether Quantity instances keep their fields in a __dict__ (a plain frozen dataclass does).
QUANTITY_HAS_DICT = "__slots__" not in Quantity.__dict__


def make_quantity(start: int, end: int, text: str, kind: str, value: float | None, low: float | None,
                  high: float | None, unit: str | None, qualifier: str, line: int = 1, doc: str | None = None,
                  direction: str | None = None, date_range: tuple[str, str] | None = None,
                  anchor: str | None = None) -> Quantity:
    """``Quantity(...)`` at a quarter of the cost: a frozen dataclass's ``__init__`` goes through
    ``object.__setattr__`` once per field, which dominates when every number in a corpus becomes one.
    The instance is indistinguishable from one made by the constructor (equality, hash, repr)."""
    if not QUANTITY_HAS_DICT:
        return Quantity(start, end, text, kind, value, low, high, unit, qualifier, line, doc, direction,
                        date_range, anchor)
    q = _new(Quantity)
    d = q.__dict__
    d["start"] = start
    d["end"] = end
    d["text"] = text
    d["kind"] = kind
    d["value"] = value
    d["low"] = low
    d["high"] = high
    d["unit"] = unit
    d["qualifier"] = qualifier
    d["line"] = line
    d["doc"] = doc
    d["direction"] = direction
    d["date_range"] = date_range
    d["anchor"] = anchor
    return q


def with_changes(q: Quantity, **changes: Any) -> Quantity:
    """``dataclasses.replace`` for a Quantity, through the fast constructor."""
    if not QUANTITY_HAS_DICT:
        return replace(q, **changes)
    fields = dict(q.__dict__)
    fields.update(changes)
    return make_quantity(**fields)


def line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts
