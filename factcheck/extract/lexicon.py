"""Load the extraction lexicons from ``rules/lexicon/*.yaml`` into compiled, immutable tables.

The extractor's vocabulary (hedges, scale words, currencies, units, ignore patterns) is data users
edit; this module validates it on load (``file:line: message``) and compiles it once per rules dir.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import RuleFileError
from ..paths import shipped_rules_dir
from ..rulefile import LinedDict, LinedList, line_of, load_yaml_file
from ..saferegex import BAD_PATTERN, AnyPattern, compile_guarded
from . import units as unit_registry

#: Words that may follow "per", "a", "an" or "/" after an amount to make it a rate ("$5 a share"), besides
#: the units of units.yaml. (Kept here until the units schema grows a key for them.)
RATE_WORDS = frozenset("""share capita head person day week month year annum night unit piece ticket seat household
employee worker passenger vehicle car game match season quarter decade century mmbtu""".split())
QUALIFIERS_FROM_HEDGES = ("approx", "nearly", "more_than", "at_least", "less_than", "at_most")


@dataclass(frozen=True)
class IgnorePattern:
    """A pattern whose matches hold no quantities; `requires` and `near` are cheap pre-checks
    (literals of which one occurs near the number; a short regex every match contains)."""

    id: str
    #: on ``re`` when its shape runs in linear time, else on `regex` under a time limit (`compile_guarded`)
    pattern: AnyPattern
    requires: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    #: ``file:line`` of the entry, for a warning when the pattern runs out of time
    where: str = ""


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractor looks up, compiled; one instance per rules directory."""

    approx_tolerance: float
    rounding: str
    hedge_of: dict[str, str]  # phrase -> qualifier
    scale_words: dict[str, float]  # lower-case word -> factor
    scale_attached: dict[str, float]  # case-sensitive suffix -> factor
    currency_symbols: dict[str, str]  # symbol -> ISO
    currency_codes: frozenset[str]
    currency_names: dict[str, str]  # lower-case name -> ISO
    ambiguous_currency_names: frozenset[str]
    subunit_names: dict[str, str]  # lower-case name -> unit
    default_symbol_code: str
    unit_surfaces: dict[str, tuple[str, bool]]  # surface (lower or exact) -> (unit, attached_only)
    unit_surfaces_cased: dict[str, tuple[str, bool]]
    ignores: tuple[IgnorePattern, ...]
    label_words: frozenset[str]  # a number right after one of these is a label
    suffix_plain: dict[str, tuple[str, str, bool]]  # lower-case surface -> (category, payload, attached_only)
    suffix_cased: dict[str, tuple[str, str, bool]]  # case-sensitive surface -> same
    scale_re: re.Pattern[str]  # scale word after a number, anchored at the start
    scale_re_ascii: re.Pattern[str] | None = None  # the same answers on ASCII text, faster
    rate_words: frozenset[str] = frozenset()  # "per share", "a month": denominators of rates
    #: Integers written with at least this many trailing zeros are rounded at their last non-zero
    #: digit ("48,000" -> +/-500), the half-width capped at round_cap of the value; 0 = off.
    round_zeros: int = 0
    round_cap: float = 0.05
    #: Verbs whose "up"/"down" is a particle, not a change: "set up 900 ventures", "shut down 12 plants".
    particle_verbs: frozenset[str] = frozenset()
    #: Currency words also written before the number ("usd 20", "dollar 22.5 million", "sen 100,000"):
    #: lower-case word -> (ISO code, or None for a subunit; the unit reported).
    prefix_names: dict[str, tuple[str | None, str]] | None = None


def _err(path: Path, node: Any, key: str | int | None, message: str) -> RuleFileError:
    return RuleFileError(str(path), line_of(node, key), message)


def _require(data: Any, key: str, kind: type | tuple[type, ...], path: Path) -> Any:
    if not isinstance(data, LinedDict):
        raise _err(path, data, None, "expected a mapping at the top of the file")
    if key not in data:
        raise _err(path, data, None, f"missing required key '{key}'")
    value = data[key]
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise _err(path, data, key, f"'{key}' must be a {names}")
    return value


def _check_keys(node: Any, allowed: set[str], path: Path, where: str) -> None:
    if not isinstance(node, LinedDict):
        raise _err(path, node, None, f"{where}: expected a mapping")
    for key in node:
        if key not in allowed:
            raise _err(path, node, key, f"{where}: unknown key '{key}' (allowed: {', '.join(sorted(allowed))})")


def _strings(node: Any, key: str, path: Path, where: str) -> list[str]:
    value = node.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _err(path, node, key, f"{where}: '{key}' must be a list of non-empty strings")
    return list(value)


def _validate_against_schema(data: Any, name: str, path: Path) -> None:
    """Use the JSON Schema of the lexicon when the schemas package provides one."""
    try:
        from ..schemas import validate  # type: ignore[attr-defined]
    except ImportError:
        return
    try:
        validate(data, f"lexicon-{name}", str(path))
    except FileNotFoundError:
        return
    except KeyError:
        return


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _nocase(word: str) -> str:
    """``word`` as a pattern matching it in any case on ASCII text: "bn" -> "[bB][nN]".

    Why: `re` skips an alternative whose first item is a literal or a class after one character
    test, but tries every case-insensitive alternative in full; spelt out, the alternation costs
    one test per word. A non-ASCII character keeps its own case-insensitive scope."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isascii() and c.isalpha() else
                   re.escape(c) if c.isascii() else f"(?i:{re.escape(c)})" for c in word)


def _scale_re(scale_words: dict[str, float], scale_attached: dict[str, float],
              ascii_text: bool = False) -> re.Pattern[str]:
    """The scale word or suffix right after a number, case-insensitive; with ``ascii_text``, a
    pattern that answers the same on ASCII text, faster (see `_nocase`)."""
    def alternation(words: list[str]) -> str:
        if not ascii_text:
            return _alternation(words)
        return "|".join(_nocase(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))

    return re.compile(
        r"(?P<sp>[ \u00a0]?|-)(?:(?P<word>" + alternation(list(scale_words)) + r")\b|(?P<att>"
        + alternation(list(scale_attached)) + r")(?![\w]))",
        0 if ascii_text else re.IGNORECASE,
    )



def load_hedges(path: Path) -> dict[str, Any]:
    data = load_yaml_file(path)
    _validate_against_schema(data, "hedges", path)
    _check_keys(data, {"tolerances", "hedges", "particle_verbs"}, path, "top level")
    tol = _require(data, "tolerances", dict, path)
    _check_keys(tol, {"approx", "rounding", "round_trailing_zeros", "round_cap"}, path, "tolerances")
    approx = tol.get("approx", 0.1)
    if not isinstance(approx, (int, float)) or isinstance(approx, bool) or not 0 <= approx < 1:
        raise _err(path, tol, "approx", "tolerances.approx must be a number from 0 to 1 (0.1 means +/-10%)")
    rounding = tol.get("rounding", "half_last_digit")
    if rounding not in ("half_last_digit", "none"):
        raise _err(path, tol, "rounding", "tolerances.rounding must be half_last_digit or none")
    zeros = tol.get("round_trailing_zeros", 0)
    if not isinstance(zeros, int) or isinstance(zeros, bool) or zeros < 0:
        raise _err(path, tol, "round_trailing_zeros",
                   "tolerances.round_trailing_zeros must be a whole number >= 0 (0 turns the rule off)")
    cap = tol.get("round_cap", 0.05)
    if not isinstance(cap, (int, float)) or isinstance(cap, bool) or not 0 < cap < 1:
        raise _err(path, tol, "round_cap", "tolerances.round_cap must be a number between 0 and 1 (0.05 means 5%)")
    hedges: dict[str, str] = {}
    entries = _require(data, "hedges", list, path)
    for i, entry in enumerate(entries):
        where = f"hedges[{i}]"
        _check_keys(entry, {"id", "qualifier", "phrases"}, path, where)
        qualifier = entry.get("qualifier")
        if qualifier not in QUALIFIERS_FROM_HEDGES:
            raise _err(path, entry, "qualifier", f"{where}: qualifier must be one of {', '.join(QUALIFIERS_FROM_HEDGES)}")
        for phrase in _strings(entry, "phrases", path, where):
            hedges[phrase.lower()] = qualifier
    particles = frozenset(w.lower() for w in _strings(data, "particle_verbs", path, "particle_verbs"))
    return {"approx": float(approx), "rounding": rounding, "hedges": hedges, "round_zeros": zeros,
            "round_cap": float(cap), "particle_verbs": particles}


def load_scales(path: Path) -> tuple[dict[str, float], dict[str, float]]:
    data = load_yaml_file(path)
    _validate_against_schema(data, "scales", path)
    _check_keys(data, {"scales"}, path, "top level")
    words: dict[str, float] = {}
    attached: dict[str, float] = {}
    for i, entry in enumerate(_require(data, "scales", list, path)):
        where = f"scales[{i}]"
        _check_keys(entry, {"id", "factor", "words", "attached_only"}, path, where)
        factor = entry.get("factor")
        if not isinstance(factor, (int, float)) or isinstance(factor, bool) or factor <= 0:
            raise _err(path, entry, "factor", f"{where}: factor must be a positive number")
        for w in _strings(entry, "words", path, where):
            words[w.lower()] = float(factor)
        for w in _strings(entry, "attached_only", path, where):
            attached[w] = float(factor)
    return words, attached


def load_currencies(path: Path) -> dict[str, Any]:
    data = load_yaml_file(path)
    _validate_against_schema(data, "currencies", path)
    _check_keys(data, {"currencies", "subunits", "default_symbol_code"}, path, "top level")
    symbols: dict[str, str] = {}
    codes: set[str] = set()
    names: dict[str, str] = {}
    ambiguous: set[str] = set()
    prefix: dict[str, tuple[str | None, str]] = {}
    for i, entry in enumerate(_require(data, "currencies", list, path)):
        where = f"currencies[{i}]"
        _check_keys(entry, {"code", "symbols", "names", "ambiguous", "prefix_names"}, path, where)
        code = entry.get("code")
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3}", code):
            raise _err(path, entry, "code", f"{where}: code must be an ISO 4217 code of three capital letters")
        codes.add(code)
        for s in _strings(entry, "symbols", path, where):
            symbols[s] = code
        for n in _strings(entry, "names", path, where):
            names[n.lower()] = code
            if entry.get("ambiguous"):
                ambiguous.add(n.lower())
        for n in _strings(entry, "prefix_names", path, where):
            if " " in n.strip():
                raise _err(path, entry, "prefix_names", f"{where}: prefix_names must be single words")
            names.setdefault(n.lower(), code)
            prefix[n.lower()] = (code, code)
    subunits: dict[str, str] = {}
    for i, entry in enumerate(data.get("subunits", []) or []):
        where = f"subunits[{i}]"
        _check_keys(entry, {"unit", "names", "prefix_names"}, path, where)
        unit = entry.get("unit")
        if not isinstance(unit, str) or not unit:
            raise _err(path, entry, "unit", f"{where}: unit must be a name")
        for n in _strings(entry, "names", path, where):
            subunits[n.lower()] = unit
        for n in _strings(entry, "prefix_names", path, where):
            if " " in n.strip():
                raise _err(path, entry, "prefix_names", f"{where}: prefix_names must be single words")
            prefix[n.lower()] = (None, unit)
    default = data.get("default_symbol_code", "USD")
    if default not in codes:
        raise _err(path, data, "default_symbol_code", "default_symbol_code must be one of the listed codes")
    return {"symbols": symbols, "codes": frozenset(codes), "names": names, "ambiguous": frozenset(ambiguous),
            "subunits": subunits, "default": default, "prefix": prefix}


def load_units(path: Path) -> tuple[dict[str, tuple[str, bool]], dict[str, tuple[str, bool]], frozenset[str]]:
    """The unit surfaces of ``units.yaml``, its definitions added to pint. Validating every unit needs pint, so
    the validated result is cached (`factcheck.cache`) and, on a hit, pint is built only when first used."""
    from ..cache import cached

    defines, result = cached("units", [path], lambda: _load_units(path))
    for definition in defines:
        unit_registry.define_later(definition)
    return result


def _load_units(path: Path) -> tuple[tuple[str, ...], tuple[dict[str, tuple[str, bool]], dict[str, tuple[str, bool]],
                                                             frozenset[str]]]:
    data = load_yaml_file(path)
    _validate_against_schema(data, "units", path)
    _check_keys(data, {"define", "units"}, path, "top level")
    rate_words = RATE_WORDS
    defines = data.get("define", []) or []
    if not isinstance(defines, LinedList) or not all(isinstance(d, str) for d in defines):
        raise _err(path, data, "define", "'define' must be a list of pint definition strings")
    for i, definition in enumerate(defines):
        try:
            unit_registry.define(definition)
        except Exception as exc:  # pint raises many types for a bad definition
            raise _err(path, defines, i, f"define[{i}]: pint rejects {definition!r}: {exc}") from None
    plain: dict[str, tuple[str, bool]] = {}
    cased: dict[str, tuple[str, bool]] = {}
    for i, entry in enumerate(_require(data, "units", list, path)):
        where = f"units[{i}]"
        _check_keys(entry, {"unit", "surfaces", "case", "attached_only"}, path, where)
        unit = entry.get("unit")
        if not isinstance(unit, str) or not unit_registry.is_unit(unit):
            raise _err(path, entry, "unit", f"{where}: '{unit}' is not a unit pint knows (add it under define)")
        attached = bool(entry.get("attached_only", False))
        for surface in _strings(entry, "surfaces", path, where):
            if entry.get("case") is False:
                plain[surface.lower()] = (unit, attached)
            elif entry.get("case") or (any(c.isupper() for c in surface) and len(surface) <= 4):
                cased[surface] = (unit, attached)
            else:
                plain[surface.lower()] = (unit, attached)
    return tuple(defines), (plain, cased, rate_words)


def load_ignores(path: Path) -> tuple[tuple[IgnorePattern, ...], frozenset[str]]:
    data = load_yaml_file(path)
    _validate_against_schema(data, "ignore", path)
    _check_keys(data, {"ignore", "label_words"}, path, "top level")
    labels = frozenset(w.lower() for w in _strings(data, "label_words", path, "label_words"))
    patterns: list[IgnorePattern] = []
    for i, entry in enumerate(_require(data, "ignore", list, path)):
        where = f"ignore[{i}]"
        _check_keys(entry, {"id", "pattern", "why", "requires", "near"}, path, where)
        pattern = entry.get("pattern")
        if not isinstance(pattern, str):
            raise _err(path, entry, "pattern", f"{where}: pattern must be a string")
        try:
            compiled = compile_guarded(pattern)
        except BAD_PATTERN as exc:
            raise _err(path, entry, "pattern", f"{where}: bad regular expression: {exc}") from None
        requires = tuple(r.lower() for r in _strings(entry, "requires", path, where))
        near = tuple(_strings(entry, "near", path, where))
        for n in near:
            try:
                re.compile(n)
            except re.error as exc:
                raise _err(path, entry, "near", f"{where}: bad regular expression in near: {exc}") from None
        patterns.append(IgnorePattern(str(entry.get("id", f"ignore_{i}")), compiled, requires, near,
                                      f"{path}:{line_of(entry, 'pattern')}"))
    return tuple(patterns), labels


@lru_cache(maxsize=8)
def load_lexicon(rules_dir: Path | None = None, extra_dirs: tuple[Path, ...] = ()) -> Lexicon:
    """Load and compile ``<rules_dir>/lexicon/*.yaml`` (the shipped rules when None); the ignore patterns and
    label words of ``<dir>/lexicon/ignore.yaml`` in each of ``extra_dirs`` (users' rule directories) are
    added to its own."""
    base = (rules_dir or shipped_rules_dir()) / "lexicon"
    hedge_data = load_hedges(base / "hedges.yaml")
    approx, rounding, hedges = hedge_data["approx"], hedge_data["rounding"], hedge_data["hedges"]
    scale_words, scale_attached = load_scales(base / "scales.yaml")
    cur = load_currencies(base / "currencies.yaml")
    plain_units, cased_units, rate_words = load_units(base / "units.yaml")
    ignores, label_words = load_ignores(base / "ignore.yaml")
    for extra in extra_dirs:
        if (Path(extra) / "lexicon" / "ignore.yaml").is_file():
            more, more_labels = load_ignores(Path(extra) / "lexicon" / "ignore.yaml")
            ignores, label_words = ignores + more, label_words | more_labels

    scale_re = _scale_re(scale_words, scale_attached)
    scale_re_ascii = _scale_re(scale_words, scale_attached, ascii_text=True)
    plain: dict[str, tuple[str, str, bool]] = {}
    cased: dict[str, tuple[str, str, bool]] = {}
    for w in ("percentage point", "percentage points", "percentage-point", "percentage-points", "percent point",
              "percent points", "pp", "ppt", "ppts", "pct point", "pct points"):
        plain.setdefault(w, ("pp", "percentage_point", False))
    for w in ("basis point", "basis points", "basis-point", "basis-points", "bps", "bp"):
        plain.setdefault(w, ("pp", "basis_point", False))
    for w in ("%", "percent", "per cent", "per-cent", "percents", "percentage", "percentages", "pct", "pc"):
        plain.setdefault(w, ("pct", "percent", False))
    for code in cur["codes"]:
        cased.setdefault(code, ("code", code, False))
        cased.setdefault("M" + code, ("mcode", code, False))  # "120 MEUR": millions
    for sym, code in cur["symbols"].items():
        if not any(c.isascii() and c.isalpha() for c in sym):  # "10 €", "100元", "100 ரூ"
            cased.setdefault(sym, ("code", code, False))
    cased.setdefault("元", ("code", cur["symbols"].get("元", "CNY"), False))
    for name, code in cur["names"].items():
        plain.setdefault(name, ("curname", code, False))
    for name, unit in cur["subunits"].items():
        plain.setdefault(name, ("subunit", unit, False))
    for surface, (unit, attached) in cased_units.items():
        cased.setdefault(surface, ("unit", unit, attached))
    for surface, (unit, attached) in plain_units.items():
        plain.setdefault(surface, ("unit", unit, attached))
    return Lexicon(
        suffix_plain=plain,
        suffix_cased=cased,
        approx_tolerance=approx,
        rounding=rounding,
        hedge_of=hedges,
        scale_words=scale_words,
        scale_attached=scale_attached,
        currency_symbols=cur["symbols"],
        currency_codes=cur["codes"],
        currency_names=cur["names"],
        ambiguous_currency_names=cur["ambiguous"],
        subunit_names=cur["subunits"],
        default_symbol_code=cur["default"],
        unit_surfaces=plain_units,
        unit_surfaces_cased=cased_units,
        ignores=ignores,
        label_words=label_words,
        scale_re=scale_re,
        scale_re_ascii=scale_re_ascii,
        rate_words=rate_words,
        round_zeros=hedge_data["round_zeros"],
        round_cap=hedge_data["round_cap"],
        particle_verbs=hedge_data["particle_verbs"],
        prefix_names=cur["prefix"],
    )
