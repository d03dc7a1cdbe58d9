"""factcheck's own pint registry: one per process, extended by `rules/lexicon/units.yaml`.

Pint is slow to build and to parse with, so the registry is created lazily and unit look-ups are
cached; the extractor only ever asks "is this a unit" and "what dimension is it".
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

_REGISTRY: Any = None
_DEFINED: set[str] = set()
#: Definitions known good (from a cached lexicon) waiting for the registry to be built.
_PENDING: list[str] = []


def registry() -> Any:
    """The shared pint UnitRegistry (created on first use, with any pending definitions)."""
    global _REGISTRY
    if _REGISTRY is None:
        import pint

        _REGISTRY = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
        pending = list(_PENDING)
        _PENDING.clear()
        for definition in pending:
            define(definition)
        _define_shipped()
    return _REGISTRY


def _define_shipped() -> None:
    """The shipped lexicon's definitions ("bpd", "bcm"), whoever builds the registry first: claims framed
    elsewhere (a worker process, another machine) name those units, and a process that judges them without
    ever extracting must still know them."""
    from ..paths import shipped_rules_dir
    from .lexicon import load_units

    load_units(shipped_rules_dir() / "lexicon" / "units.yaml")


def define_later(definition: str) -> None:
    """Add a definition already validated (it came from the lexicon cache) without building pint now:
    it is defined when the registry is first needed (building pint costs a quarter of a second)."""
    if _REGISTRY is None:
        if definition not in _PENDING:
            _PENDING.append(definition)
    else:
        define(definition)


def define(definition: str) -> None:
    """Add a unit definition once (reloading the lexicon must not redefine it)."""
    if definition in _DEFINED:
        return
    name = definition.split("=", 1)[0].strip()
    reg = registry()
    if name in reg:
        _DEFINED.add(definition)
        return
    reg.define(definition)
    _DEFINED.add(definition)
    is_unit.cache_clear()
    dimensionality.cache_clear()


@lru_cache(maxsize=4096)
def is_unit(name: str) -> bool:
    try:
        registry().parse_units(name)
        return True
    except Exception:
        return False


@lru_cache(maxsize=4096)
def dimensionality(name: str) -> str:
    """Pint's dimensionality string for a unit name, e.g. '[length]'."""
    return str(registry().parse_units(name).dimensionality)


def convert(value: float, from_unit: str, to_unit: str) -> float:
    reg = registry()
    return float(reg.Quantity(value, from_unit).to(to_unit).magnitude)
