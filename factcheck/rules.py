"""Consistency rules: which claims measure the same thing, and how far apart they may be.

A rule is one YAML file (grammar: ``rules/README.md``); its id is its path relative to the rules
directory (``rules/economy/trade.yaml`` -> ``economy.trade``), so an id can never disagree with where
the rule lives. Every problem in a rule file is reported as one ``file:line: message`` line.
"""
from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import string
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence

import regex

from .errors import FactcheckError, Problem, RuleFileError, WarningKind
from .rulefile import line_of, load_yaml_file
from .saferegex import PatternTimeout, compile_pattern, is_off, timed_out
from .saferegex import search as safe_search
from .schemas import validate

if TYPE_CHECKING:
    from .config import Config

__all__ = [
    "ASPECTS",
    "DEFAULT_KINDS",
    "MESSAGE_FIELDS",
    "Rule",
    "RuleSet",
    "RuleTestResult",
    "Tolerance",
    "is_currency",
    "lemmatise",
    "load_rule_file",
    "load_rules",
    "run_rule_test",
    "run_rule_tests",
]

ASPECTS = ("level", "change")
#: Kinds a rule governs when it says nothing: values, not dates, ordinals or durations.
DEFAULT_KINDS = ("count", "percent", "percentage_point", "money", "measure", "fraction")
MATCH_ON = ("period", "subject")
#: Placeholders a `message` template may use; anything else is a load-time error.
MESSAGE_FIELDS = ("metric", "a", "b", "a_interval", "b_interval", "period", "subject", "reason")
DEFAULT_MESSAGE = "{metric}: {a} vs {b}"
DEFAULT_CURRENCY = "USD"
GENERIC_ID = "generic"
#: Units a tolerance may name besides currencies and pint units.
_SPECIAL_UNITS = {
    "percentage_point": "percentage_point",
    "percentage_points": "percentage_point",
    "percentage point": "percentage_point",
    "percentage points": "percentage_point",
    "pp": "percentage_point",
    "%": "percent",
    "percent": "percent",
}
_ID_SEGMENT = re.compile(r"^[A-Za-z0-9_-]+$")
#: The number that starts a tolerance ("1,000 EUR"); the rest, stripped, is its unit (a lazy ``(.*?)\s*$`` for the
#: rest was quadratic on a value with a long run of spaces inside).
_NUMBER = re.compile(r"\s*([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*")

# ISO 4217 active codes. Why a list here: the offline converter only knows the ECB's ~40, but a
# rule may legitimately compare in any currency the extractor recognises.
_ISO_4217 = frozenset(
    """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
    BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
    GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW
    KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN
    NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK
    SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU
    UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL""".split()
)


#: Currencies the ECB table still holds from before the euro replaced them (and the old Turkish lira).
_ECB_LEGACY = frozenset("CYP EEK LTL LVL MTL ROL SIT SKK TRL HRK".split())


def _currencies() -> frozenset[str]:
    """Every code a rule may name; a fixed list, so checking a rule needs no rate table (a third of a
    second to parse). `tests/test_everyday.py` checks it covers the shipped rate table."""
    return _ISO_4217 | _ECB_LEGACY


@functools.lru_cache(maxsize=1)
def _convertible() -> frozenset[str]:
    try:
        from .fx import converter

        return frozenset(converter().currencies)
    except Exception:  # pragma: no cover
        return _ISO_4217


#: Currencies the ECB has published reference rates for since its first years: always in the shipped table,
#: so checking a rule that names one needs no rate table (parsing it costs a third of a second).
_ECB_CORE = frozenset("""AUD BGN BRL CAD CHF CNY CZK DKK EUR GBP HKD HUF IDR ILS INR ISK JPY KRW MXN MYR NOK NZD
    PHP PLN RON RUB SEK SGD THB TRY USD ZAR""".split())


def is_currency(code: str) -> bool:
    """Whether ``code`` is an ISO 4217 currency code (upper case, as rules must write it)."""
    return code in _currencies()


def _check_convertible(code: str, key: str, path: str, line: int) -> None:
    """A rule's currencies must have offline exchange rates, or money could never be compared."""
    if code in _ECB_CORE:
        return
    if code not in _convertible():
        raise RuleFileError(
            path, line, f"{key}: no offline exchange rate for {code!r}; use one of {', '.join(sorted(_convertible() & _ISO_4217))}"
        )


@functools.lru_cache(maxsize=1)
def _ureg() -> Any:
    """The process-wide pint registry, with the shipped unit lexicon's definitions (bpd, bcm, ...).

    Why shared: the extractor's unit names ("barrel_per_day") must mean the same thing here, and
    one registry per process is all pint's start-up cost allows.
    """
    from .extract import units

    try:
        from .extract.lexicon import load_units
        from .paths import shipped_rules_dir

        load_units(shipped_rules_dir() / "lexicon" / "units.yaml")
    except (ImportError, FileNotFoundError):  # pragma: no cover - partial installs
        pass
    return units.registry()


@functools.lru_cache(maxsize=4096)
def _lemma(word: str) -> str:
    from lemminflect import getLemma

    # lemmatize_oov=False: guessing on unknown words turns "cpi" into "cpus".
    lemmas = getLemma(word, upos="NOUN", lemmatize_oov=False)
    return lemmas[0] if lemmas else word


@functools.lru_cache(maxsize=4096)
def lemmatise(phrase: str) -> tuple[str, ...]:
    """Lower-cased noun lemmas of the words of ``phrase`` ("Joint-Ventures" -> ("joint", "venture")).

    Rule terms and claim phrases go through this same function, so they compare equal whenever
    they differ only in case, plural or punctuation.
    """
    return tuple(_lemma(w) for w in re.findall(r"[^\W_]+", phrase.lower()))


@functools.lru_cache(maxsize=4096)
def canonical_dimension(text: str) -> str | None:
    """Canonical pint dimensionality of a dimension string (``[area]`` -> ``[length] ** 2``) or unit."""
    ureg = _ureg()
    try:
        if text.strip().startswith("["):
            return str(ureg.get_dimensionality(text))
        return str(ureg.parse_units(text).dimensionality)
    except Exception:
        return None


@dataclass(frozen=True)
class Tolerance:
    """Extra slack beyond the rounding intervals: claims closer than this still agree."""

    relative: float = 0.0
    absolute: float = 0.0
    #: None: same unit as the compared values (counts); else an ISO code, "percentage_point",
    #: "percent", or a pint unit name such as "kilometer".
    absolute_unit: str | None = None


@dataclass(frozen=True)
class Rule:
    """One loaded rule file, validated and with its terms lemmatised."""

    id: str
    title: str
    level: str
    path: str
    metric: str
    #: Lower-cased noun lemmas, space-separated ("joint venture"), as `lemmatise` makes them.
    terms: tuple[str, ...]
    fuzzy: int | None
    kinds: tuple[str, ...]
    dimensions: tuple[str, ...]
    aspects: tuple[str, ...]
    match_on: tuple[str, ...]
    tolerance: Tolerance
    currency: str
    message: str
    ignore: tuple[str, ...]
    #: Normalised embedded tests: {name, line, documents, dates, today, expect, expect_not};
    #: each expectation is {verdict, metric, rule, line}. Not hashed (dicts are not hashable).
    tests: tuple[dict, ...] = field(default=(), hash=False)
    enabled: bool = True
    #: Lemmatised words that veto a match when present in the phrase ("trade deficit" is not trade).
    exclude: tuple[str, ...] = ()
    description: str = ""
    #: A toll that only rises as reports come in (deaths, injured): a lower figure from an earlier-dated
    #: document than a higher one is an update, not a contradiction.
    running_total: bool = False
    #: The metric is itself a rate of change (inflation, GDP growth): "inflation was 4.2%" and "consumer prices
    #: rose 5.9%" state one figure, so its level and change claims are compared with each other.
    rate_of_change: bool = False
    #: The unit a bare figure of the metric is in ("a magnitude of 6.4" is 6.4 on the Richter scale), so that a
    #: figure written with the unit and one without meet; None when a bare figure is a plain count.
    unit: str | None = None

    def applies(self, kind: str, aspect: str, dimension: str | None = None) -> bool:
        """Whether a claim of this kind/aspect (and, for measures, dimension) falls under the rule."""
        if kind not in self.kinds or aspect not in self.aspects:
            return False
        if self.dimensions and dimension is not None:
            return dimension in self.dimensions
        return True

    def ignores(self, sentence: str) -> bool:
        """Whether the claim's sentence matches one of the rule's `ignore` regexes."""
        for p in self.ignore:
            key = f"rule {self.id}: {p}"
            if is_off(key):
                continue  # it ran out of time too often: off for the rest of the run
            try:
                if safe_search(p, sentence, flags=regex.IGNORECASE):
                    return True
            except PatternTimeout:
                timed_out(key, f"ignore pattern {p!r} ran out of time on a sentence; the sentence is not ignored",
                          f"rule {self.id}")
        return False

    def render(self, **fields: Any) -> str:
        """The rule's message with the given fields; missing fields render empty, never raise."""
        return self.message.format_map(_Blank(fields))

    def to_dict(self) -> dict[str, Any]:
        """A summary for reports and `rules list --format json`."""
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "level": self.level,
            "enabled": self.enabled,
            "metric": self.metric,
            "path": self.path,
            "terms": list(self.terms),
            "kinds": list(self.kinds),
            "aspects": list(self.aspects),
            "dimensions": list(self.dimensions),
            "match_on": list(self.match_on),
            "tolerance": {
                "relative": self.tolerance.relative,
                "absolute": self.tolerance.absolute,
                "absolute_unit": self.tolerance.absolute_unit,
            },
            "currency": self.currency,
        }


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> int | None:
    """Index of the last occurrence of ``needle`` as a contiguous run in ``haystack``, or None."""
    n = len(needle)
    if not n or n > len(haystack):
        return None
    for i in range(len(haystack) - n, -1, -1):
        if haystack[i : i + n] == needle:
            return i
    return None


class _Shortlisted(NamedTuple):
    """A rule that applies to a kind of claim, with its terms (as given, and as words) and exclude words."""

    rule: Rule
    terms: tuple[tuple[str, tuple[str, ...]], ...]
    exclude: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class RuleSet:
    """All loaded rules, sorted by id; the framing stage asks it which rule governs a claim."""

    rules: tuple[Rule, ...]
    #: user rules directories, in load order: their ``lexicon/`` files extend the shipped lexicons
    lexicon_dirs: tuple[Path, ...] = field(default=(), compare=False)
    #: `match_metric` answers, keyed by its arguments: a pure function of them for this rule set,
    #: asked once per claim and mostly with the same few phrases
    _metric_memo: dict[tuple[str, str, str, str | None], Rule | None] = field(
        default_factory=dict, compare=False, hash=False, repr=False)
    #: What loading them warned about (a config entry naming an unknown rule): the CLI prints these once and
    #: counts them in the report's summary.
    warnings: tuple[Problem, ...] = field(default=(), compare=False)
    #: Where a rule's documentation is published (`paths.docs_url`): None when nobody said, and then no
    #: report links to it rather than to a guess.
    docs_url: str | None = field(default=None, compare=False)
    #: (kind, aspect, dimension) -> the rules that apply, each with its terms and exclude words split
    _shortlists: dict[tuple[str, str, str | None], tuple[_Shortlisted, ...]] = field(
        default_factory=dict, compare=False, hash=False, repr=False)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rules)

    def get(self, rule_id: str) -> Rule:
        """The rule with this id; KeyError with a suggestion otherwise."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        close = difflib.get_close_matches(rule_id, self.ids(), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise KeyError(f"unknown rule {rule_id!r}{hint}")

    def generic(self) -> Rule:
        """The catch-all rule for metrics no other rule names."""
        return self.get(GENERIC_ID)

    def match_metric(self, phrase: str, kind: str, aspect: str, dimension: str | None = None) -> Rule | None:
        """The rule governing a claim whose metric is named by ``phrase``, or None (use `generic`).

        Only rules that apply to ``kind``/``aspect`` (and ``dimension`` — a pint dimensionality such
        as ``[length]`` or any unit pint knows — for measures) compete. Tiers, first hit wins:
        the phrase equals a term; a term occurs in the phrase (longest term wins, a term ending the
        phrase beats one inside it: "trade volume" over "volume"); the best fuzzy score of rules
        that set `fuzzy`. A rule's `exclude` words veto it. Ties go to the alphabetically first id.
        Disabled rules still match, so their claims are not re-checked by `generic`.
        """
        key = (phrase, kind, aspect, dimension)
        memo = self._metric_memo
        if key in memo:
            return memo[key]
        if len(memo) > 50_000:
            memo.clear()
        rule = memo[key] = self._match_metric(phrase, kind, aspect, dimension)
        return rule

    def _shortlist(self, kind: str, aspect: str, dim: str | None) -> tuple[_Shortlisted, ...]:
        """The rules that may govern a claim of this kind, aspect and dimension, in order, words split once."""
        key = (kind, aspect, dim)
        got = self._shortlists.get(key)
        if got is None:
            got = self._shortlists[key] = tuple(
                _Shortlisted(r, tuple((t, tuple(t.split())) for t in r.terms), tuple(tuple(x.split()) for x in r.exclude))
                for r in self.rules if r.id != GENERIC_ID and r.applies(kind, aspect, dim))
        return got

    def _match_metric(self, phrase: str, kind: str, aspect: str, dimension: str | None) -> Rule | None:
        words = lemmatise(phrase)
        if not words:
            return None
        dim = canonical_dimension(dimension) if dimension else None
        candidates = [c for c in self._shortlist(kind, aspect, dim)
                      if not any(_contains(words, x) is not None for x in c.exclude)]
        for c in candidates:
            if any(tw == words for _t, tw in c.terms):
                return c.rule
        best: tuple[tuple[int, int, int], Rule] | None = None
        for c in candidates:
            for term, tw in c.terms:  # terms are stored lemmatised
                at = _contains(words, tw)
                if at is None:
                    continue
                key = (len(tw), int(at + len(tw) == len(words)), len(term))
                if best is None or key > best[0]:
                    best = (key, c.rule)
        if best is not None:
            return best[1]
        from rapidfuzz import fuzz

        joined = " ".join(words)
        fuzzy_best: tuple[tuple[float, int], Rule] | None = None
        for c in candidates:
            rule = c.rule
            if rule.fuzzy is None:
                continue
            for term, tw in c.terms:
                if set(words) < set(tw):  # "output" is less than "economic output": no evidence
                    continue
                score = fuzz.token_set_ratio(joined, " ".join(tw))
                if score >= rule.fuzzy:
                    fkey = (float(score), len(term))
                    if fuzzy_best is None or fkey > fuzzy_best[0]:
                        fuzzy_best = (fkey, rule)
        return fuzzy_best[1] if fuzzy_best else None

    def with_all_enabled(self) -> RuleSet:
        """The same rules, all switched on: embedded tests document a rule whatever the config says."""
        return RuleSet(tuple(replace(r, enabled=True) for r in self.rules), lexicon_dirs=self.lexicon_dirs)

    def to_dicts(self) -> tuple[dict[str, Any], ...]:
        """Each rule's `Rule.to_dict`, plus ``help_uri`` (its documentation) when `docs_url` is known."""
        if self.docs_url is None:
            return tuple(r.to_dict() for r in self.rules)
        return tuple({**r.to_dict(), "help_uri": self.help_uri(r)} for r in self.rules)

    def help_uri(self, rule: Rule) -> str | None:
        """The page that documents `rule`, or None when no documentation URL is known."""
        from .paths import rule_help_uri

        return rule_help_uri(rule.path, self.docs_url) if self.docs_url else None


# ---------------------------------------------------------------- loading one file


def _parse_relative(value: Any, path: str, line: int) -> float:
    """``"0.5%"`` -> 0.005; a bare number is a fraction; anything else is an error at ``line``."""
    if isinstance(value, str):
        text = value.strip()
        m = re.fullmatch(r"([0-9]*\.?[0-9]+)\s*%", text)
        if m:
            frac = float(m.group(1)) / 100
        else:
            try:
                frac = float(text)
            except ValueError:
                raise RuleFileError(
                    path, line, f"tolerance.relative: {value!r} is not a percentage like '0.5%' or a fraction like 0.005"
                ) from None
    else:
        frac = float(value)
    if not 0 <= frac <= 1:
        raise RuleFileError(
            path, line, f"tolerance.relative: {value!r} is outside 0..1 (write a percentage such as '5%')"
        )
    return frac


def number_and_unit(value: str) -> tuple[str, str] | None:
    """``" 1,000 EUR "`` -> ``("1,000", "EUR")``: the number that starts the value and the rest of its line."""
    m = _NUMBER.match(value)
    if m is None:
        return None
    unit_text = value[m.end():].rstrip()  # str.isspace is what \s matches
    return None if "\n" in unit_text else (m.group(1), unit_text)


def _parse_absolute(value: Any, path: str, line: int) -> tuple[float, str | None]:
    """``"1000 EUR"``, ``"0.1 percentage_point"``, ``"2 km"`` or a bare number -> (amount, unit)."""
    if isinstance(value, (int, float)):
        amount, unit_text = float(value), ""
    else:
        split = number_and_unit(value)
        if split is None:
            raise RuleFileError(path, line, f"tolerance.absolute: {value!r} is not '<number> <unit>'")
        amount, unit_text = float(split[0].replace(",", "")), split[1]
    if amount < 0:
        raise RuleFileError(path, line, f"tolerance.absolute: {value!r} must not be negative")
    if not unit_text:
        return amount, None
    if len(unit_text) == 3 and is_currency(unit_text.upper()):
        if unit_text != unit_text.upper():
            raise RuleFileError(path, line, f"tolerance.absolute: write the currency in capitals: {unit_text.upper()}")
        return amount, unit_text
    if unit_text.lower() in _SPECIAL_UNITS:
        return amount, _SPECIAL_UNITS[unit_text.lower()]
    if re.fullmatch(r"[A-Z]{3}", unit_text):
        raise RuleFileError(path, line, f"tolerance.absolute: unknown currency {unit_text!r} (not an ISO 4217 code)")
    try:
        unit = _ureg().parse_units(unit_text)
    except Exception:
        raise RuleFileError(
            path, line, f"tolerance.absolute: unknown unit {unit_text!r} (use an ISO currency code, percentage_point or a unit like km)"
        ) from None
    return amount, str(unit)


def _check_message(template: str, path: str, line: int) -> None:
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise RuleFileError(path, line, f"message: {exc} (write {{{{ and }}}} for literal braces)") from None
    for _, name, _, _ in parsed:
        if name is None:
            continue
        if name not in MESSAGE_FIELDS:
            close = difflib.get_close_matches(name, MESSAGE_FIELDS, n=1)
            hint = f" (did you mean {{{close[0]}}}?)" if close else ""
            raise RuleFileError(
                path, line, f"message: unknown field {{{name}}}{hint}; known: {', '.join(MESSAGE_FIELDS)}"
            )


def _rule_id(rel: Path, path: str) -> str:
    parts = list(rel.with_suffix("").parts)
    for part in parts:
        if not _ID_SEGMENT.match(part):
            raise RuleFileError(
                path, 1, f"{part!r} cannot be part of a rule id: use letters, digits, '_' and '-' only in rule paths"
            )
    return ".".join(parts)


def _norm_tests(data: Any, path: str) -> tuple[dict, ...]:
    out: list[dict] = []
    for i, test in enumerate(data.get("tests", ()) or ()):
        where = line_of(data["tests"], i)
        docs = {str(k): str(v) for k, v in test["documents"].items()}
        dates = {str(k): str(v) for k, v in (test.get("dates") or {}).items()}
        for name, value in dates.items():
            if name not in docs:
                raise RuleFileError(path, line_of(test["dates"], name), f"tests[{i}].dates: {name!r} is not one of the test's documents")
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise RuleFileError(path, line_of(test["dates"], name), f"tests[{i}].dates.{name}: {value!r} is not a real date") from None
        if "today" in test:
            try:
                dt.date.fromisoformat(test["today"])
            except ValueError:
                raise RuleFileError(path, line_of(test, "today"), f"tests[{i}].today: {test['today']!r} is not a real date") from None
        if not test.get("expect") and not test.get("expect_not"):
            raise RuleFileError(path, where, f"tests[{i}]: a test needs `expect` or `expect_not`")
        norm: dict[str, Any] = {"name": test["name"], "line": where, "documents": docs, "dates": dates, "today": test.get("today")}
        for key in ("expect", "expect_not"):
            items = test.get(key) or []
            norm[key] = [
                {"verdict": e["verdict"], "metric": e.get("metric"), "rule": e.get("rule"), "line": line_of(items, j)}
                for j, e in enumerate(items)
            ]
        out.append(norm)
    return tuple(out)


def load_rule_file(path: Path, rule_id: str) -> Rule:
    """Load, validate and normalise one rule file; every problem is a `RuleFileError` at its line.

    The result is kept in factcheck's disk cache (`factcheck.cache`) until the file or factcheck changes."""
    from .cache import cached
    from .paths import shipped_rules_dir

    units = shipped_rules_dir() / "lexicon" / "units.yaml"  # pint dimensions depend on its definitions
    return cached("rule", [path, units], lambda: _load_rule_file(path, rule_id), extra=rule_id)


def _load_rule_file(path: Path, rule_id: str) -> Rule:
    spath = str(path)
    data = load_yaml_file(path)
    if not isinstance(data, dict):
        raise RuleFileError(spath, line_of(data), "a rule file must be a mapping of keys (title:, metric:, ...)")
    validate(data, "rule", spath)

    metric = data["metric"]
    terms_raw = list(metric.get("terms") or [])
    if rule_id == GENERIC_ID and terms_raw:
        raise RuleFileError(spath, line_of(metric, "terms"), "metric.terms: generic takes every metric no other rule names; remove terms")
    if rule_id != GENERIC_ID and not terms_raw:
        raise RuleFileError(spath, line_of(data, "metric"), "metric.terms: required key is missing (a rule needs at least one term)")
    terms_seen: dict[str, None] = {}  # ordered and O(1): a list's `in` made a 30,000-term file quadratic
    for i, term in enumerate(terms_raw):
        lem = " ".join(lemmatise(term))
        if not lem:
            raise RuleFileError(spath, line_of(metric["terms"], i), f"metric.terms[{i}]: {term!r} has no words")
        terms_seen.setdefault(lem)
    terms = list(terms_seen)
    exclude = tuple(dict.fromkeys(" ".join(lemmatise(x)) for x in metric.get("exclude") or () if lemmatise(x)))

    applies = data.get("applies_to") or {}
    kinds = tuple(applies.get("kinds") or DEFAULT_KINDS)
    aspects = tuple(applies.get("aspects") or ASPECTS)
    dims: list[str] = []
    for i, text in enumerate(applies.get("dimensions") or ()):
        canon = canonical_dimension(text) if text.strip().startswith("[") else None
        if canon is None:
            raise RuleFileError(
                spath,
                line_of(applies["dimensions"], i),
                f"applies_to.dimensions[{i}]: {text!r} is not a pint dimensionality such as '[length]' or '[mass] / [time]'",
            )
        dims.append(canon)
    if dims and "measure" not in kinds:
        raise RuleFileError(spath, line_of(applies, "dimensions"), "applies_to.dimensions: only measures have dimensions; add measure to kinds")

    tol_data = data.get("tolerance") or {}
    relative = _parse_relative(tol_data["relative"], spath, line_of(tol_data, "relative")) if "relative" in tol_data else 0.0
    absolute, abs_unit = 0.0, None
    if "absolute" in tol_data:
        line = line_of(tol_data, "absolute")
        absolute, abs_unit = _parse_absolute(tol_data["absolute"], spath, line)
        if abs_unit is not None and is_currency(abs_unit):
            if "money" not in kinds:
                raise RuleFileError(spath, line, f"tolerance.absolute: {abs_unit} given but the rule applies to no money claims")
            _check_convertible(abs_unit, "tolerance.absolute", spath, line)
        if abs_unit == "percentage_point" and not {"percent", "percentage_point"} & set(kinds):
            raise RuleFileError(spath, line, "tolerance.absolute: percentage points given but the rule applies to no percentages")
        if abs_unit not in (None, "percent", "percentage_point") and not is_currency(abs_unit):
            if "measure" not in kinds:
                raise RuleFileError(spath, line, f"tolerance.absolute: unit {abs_unit!r} given but the rule applies to no measures")
            dim = canonical_dimension(abs_unit)
            if dims and dim not in dims:
                raise RuleFileError(spath, line, f"tolerance.absolute: {abs_unit!r} is {dim}, not one of the rule's dimensions {', '.join(dims)}")

    currency = data.get("currency", DEFAULT_CURRENCY)
    if not is_currency(currency):
        raise RuleFileError(spath, line_of(data, "currency"), f"currency: {currency!r} is not an ISO 4217 code")
    _check_convertible(currency, "currency", spath, line_of(data, "currency"))

    unit = data.get("unit")
    if unit is not None:
        if "measure" not in kinds or "count" not in kinds:
            raise RuleFileError(spath, line_of(data, "unit"), "unit: a bare figure's unit needs applies_to.kinds "
                                "to take both count and measure")
        dim = canonical_dimension(str(unit))
        if dim is None:
            raise RuleFileError(spath, line_of(data, "unit"), f"unit: unknown unit {unit!r}")
        if dims and dim not in dims:
            raise RuleFileError(spath, line_of(data, "unit"), f"unit: {unit!r} is {dim}, not one of the rule's dimensions {', '.join(dims)}")

    message = data.get("message", DEFAULT_MESSAGE)
    if "message" in data:
        _check_message(message, spath, line_of(data, "message"))

    ignore = tuple(data.get("ignore") or ())
    for i, pattern in enumerate(ignore):
        try:
            compile_pattern(pattern, regex.IGNORECASE)
        except regex.error as exc:
            raise RuleFileError(spath, line_of(data["ignore"], i), f"ignore[{i}]: bad regular expression: {exc}") from None

    return Rule(
        id=rule_id,
        title=data["title"],
        level=data.get("level", "error"),
        path=spath,
        metric=metric["name"],
        terms=tuple(terms),
        fuzzy=metric.get("fuzzy"),
        kinds=kinds,
        dimensions=tuple(dims),
        aspects=aspects,
        match_on=tuple(data.get("match_on", MATCH_ON)),
        tolerance=Tolerance(relative, absolute, abs_unit),
        currency=currency,
        message=message,
        ignore=ignore,
        tests=_norm_tests(data, spath),
        enabled=data.get("enabled", True),
        exclude=exclude,
        description=data.get("description", "").strip(),
        running_total=data.get("running_total", False),
        rate_of_change=data.get("rate_of_change", False),
        unit=str(unit) if unit is not None else None,
    )


# ---------------------------------------------------------------- loading a rule set


def _rule_files(root: Path) -> list[tuple[Path, str]]:
    """(file, id) for every rule file under ``root``, in a stable order; lexicons are not rules."""
    if root.is_file():
        return [(root, _rule_id(Path(root.name), str(root)))]
    found: list[tuple[Path, str]] = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or path.suffix not in (".yaml", ".yml"):
            continue
        if rel.parts[0] == "lexicon" or any(p.startswith((".", "_")) for p in rel.parts):
            continue
        found.append((path, _rule_id(rel, str(path))))
    return found


def load_rules(extra_dirs: Sequence[Path] = (), config: Config | None = None, *, lenient: bool = False) -> RuleSet:
    """The shipped rules plus ``extra_dirs`` plus the config's `rules`, with the config applied.

    Config `levels` and `disable` change the rules themselves (per-file `overrides` are for the
    caller, see `Config.level_for`). An unknown rule id in the config is a `RuleFileError` at its line:
    raised, or with `lenient` (the CLI) kept as a warning in the result's `warnings` and the entry skipped.
    The result's `docs_url` is the config's, else the environment's or the package's (`paths.docs_url`).
    """
    from .paths import docs_url, shipped_rules_dir

    roots: list[tuple[Path, str | None, int]] = [(shipped_rules_dir(), None, 0)]
    roots += [(Path(d), None, 0) for d in extra_dirs]
    if config is not None:
        roots += [(Path(d), config.path, config.line_for("rules")) for d in config.rules]
    seen_roots: set[Path] = set()
    by_id: dict[str, Rule] = {}
    for root, origin, origin_line in roots:
        if not root.exists():
            if origin:
                raise RuleFileError(origin, origin_line, f"rules: {root}: no such rules directory")
            raise FactcheckError(f"{root}: no such rules directory")
        resolved = root.resolve()
        if resolved in seen_roots:
            continue
        seen_roots.add(resolved)
        for path, rule_id in _rule_files(root):
            if rule_id in by_id:
                raise RuleFileError(str(path), 1, f"rule id {rule_id!r} is already defined by {by_id[rule_id].path}")
            by_id[rule_id] = load_rule_file(path, rule_id)
    if GENERIC_ID not in by_id:
        raise FactcheckError("no 'generic' rule found: the shipped rules/generic.yaml is missing")
    _check_test_rule_ids(by_id)
    found: list[Problem] = []
    if config is not None:
        by_id = _apply_config(by_id, config, found.append if lenient else None)
    extra = tuple(r for r, _o, _l in roots[1:] if (r / "lexicon").is_dir())
    return RuleSet(tuple(by_id[k] for k in sorted(by_id)), lexicon_dirs=extra, warnings=tuple(found),
                   docs_url=docs_url(config.docs_url if config is not None else None))


def _check_test_rule_ids(by_id: Mapping[str, Rule]) -> None:
    for rule in by_id.values():
        for test in rule.tests:
            for exp in (*test["expect"], *test["expect_not"]):
                rid = exp["rule"]
                if rid is not None and rid != "*" and rid not in by_id:
                    close = difflib.get_close_matches(rid, sorted(by_id), n=1)
                    hint = f" (did you mean {close[0]!r}?)" if close else ""
                    raise RuleFileError(rule.path, exp["line"], f"tests: unknown rule {rid!r}{hint}")


def _apply_config(by_id: dict[str, Rule], config: Config,
                  warn: Callable[[Problem], None] | None = None) -> dict[str, Rule]:
    known = sorted(by_id)

    def check(rule_id: str, key: str) -> None:
        if rule_id not in by_id:
            close = difflib.get_close_matches(rule_id, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            err = RuleFileError(config.path or "config", config.line_for(key, rule_id),
                                f"{key}: unknown rule {rule_id!r}{hint}")
            if warn is None:
                raise err
            warn(Problem.from_error(WarningKind.UNKNOWN_RULE, err))

    for rid in config.disable:
        check(rid, "disable")
    for rid, _ in config.levels:
        check(rid, "levels")
    for ov in config.overrides:
        for rid in ov.disable:
            check(rid, "overrides")
        for rid, _ in ov.levels:
            check(rid, "overrides")
    out = dict(by_id)
    for rid, level in config.levels:
        if rid in out:
            out[rid] = replace(out[rid], level=level)
    for rid in config.disable:
        if rid in out:
            out[rid] = replace(out[rid], enabled=False)
    return out


# ---------------------------------------------------------------- embedded rule tests


@dataclass(frozen=True)
class RuleTestResult:
    """The outcome of one embedded test: pass/fail plus a readable account of any mismatch."""

    rule: str
    name: str
    path: str
    line: int
    passed: bool
    problems: tuple[str, ...] = ()
    #: One line per finding the pipeline produced, for the diff.
    findings: tuple[str, ...] = ()

    def render(self) -> str:
        head = f"{'PASS' if self.passed else 'FAIL'} {self.rule} :: {self.name} ({self.path}:{self.line})"
        if self.passed:
            return head
        lines = [head, *(f"  - {p}" for p in self.problems), "  findings:"]
        lines += [f"    {f}" for f in self.findings] or ["    (none)"]
        return "\n".join(lines)


def _describe_expectation(exp: Mapping[str, Any], rule_id: str) -> str:
    rid = exp.get("rule") or rule_id
    text = f"{exp['verdict']} [rule {'any' if rid == '*' else rid}]"
    return text + (f" on metric {exp['metric']!r}" if exp.get("metric") else "")


def _matches(finding: Any, exp: Mapping[str, Any], rule_id: str) -> bool:
    rid = exp.get("rule") or rule_id
    if finding.verdict != exp["verdict"]:
        return False
    if rid != "*" and finding.rule != rid:
        return False
    if exp.get("metric") and str(finding.metric).lower() != exp["metric"].lower():
        return False
    return True


def run_rule_test(rule: Rule, test: Mapping[str, Any], ruleset: RuleSet, check: Callable[..., Any]) -> RuleTestResult:
    """Run one embedded test through ``check`` (``factcheck.check_texts``'s signature)."""
    dates = {k: dt.date.fromisoformat(v) for k, v in test["dates"].items()} or None
    kwargs: dict[str, Any] = {"dates": dates, "rules": ruleset}
    if test.get("today"):
        kwargs["today"] = dt.date.fromisoformat(test["today"])
    base = dict(rule=rule.id, name=test["name"], path=rule.path, line=test["line"])
    try:
        report = check(dict(test["documents"]), **kwargs)
    except Exception as exc:  # a crash is a failed test, not a crashed test run
        return RuleTestResult(**base, passed=False, problems=(f"the check raised {type(exc).__name__}: {exc}",))
    findings = tuple(report.findings)
    problems = [
        f"expected {_describe_expectation(e, rule.id)} (line {e['line']}), found none"
        for e in test["expect"]
        if not any(_matches(f, e, rule.id) for f in findings)
    ]
    problems += [
        f"expected no {_describe_expectation(e, rule.id)} (line {e['line']}), found one"
        for e in test["expect_not"]
        if any(_matches(f, e, rule.id) for f in findings)
    ]
    shown = tuple(
        f"{f.verdict} [rule {f.rule}] metric {f.metric!r}: {f.message}"
        + (f" ({f.reason})" if getattr(f, "reason", "") else "")
        for f in findings
    )
    return RuleTestResult(**base, passed=not problems, problems=tuple(problems), findings=shown)


def run_rule_tests(
    ruleset: RuleSet, check: Callable[..., Any] | None = None, only: Iterable[str] | None = None
) -> list[RuleTestResult]:
    """Run every embedded test (of the rules in ``only``, if given) with all rules enabled."""
    if check is None:
        from . import check_texts

        check = check_texts
    wanted = set(only) if only is not None else None
    full = ruleset.with_all_enabled()
    results: list[RuleTestResult] = []
    for rule in full.rules:
        if wanted is not None and rule.id not in wanted:
            continue
        for test in rule.tests:
            results.append(run_rule_test(rule, test, full, check))
    return results
