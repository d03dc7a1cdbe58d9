"""Date and duration mentions, and their resolution into calendar periods.

Why a module of its own: a claim can only be compared with another if both speak about the same
period, and the quantity extractor must not read "2021" or "24 hours" as counts. So this module
finds every temporal expression with an exact span (the quantity extractor skips numbers inside
them), and turns each into a machine key that `resolve_period` maps onto calendar days once the
document's own date is known.

Speed matters (the whole extractor targets several MB/s): one compiled `re` scan finds the
trigger tokens every mention contains (a 19xx/20xx number, a time unit, a month or weekday name,
"today", "quarter", ...), and only around those is the full grammar tried, at the few word starts
that can begin a mention. The words live in ``rules/lexicon/time.yaml``.

Anchor key grammar (``Quantity.anchor``; parts are joined by ``:``, units are pint singular names)::

    today | yesterday | tomorrow                 the document's day, the day before, after
    {last|this|next}_{year|month|week|quarter}   calendar unit relative to the document date
    previous_year                                relative to another date in the text: unresolved
    ytd                                          1 January of the document year .. document date
    recent_years | recent_months                 a vague window: never resolved
    weekday:<name>[:last|:next|:this]            "on Friday": latest Friday on/before the doc date
    month:<m>[:last|:this|:next]                 a month of an unstated year: bare/this -> the document's
                                                 year; last/next -> latest before / first after it
    day:<m>:<d>                                  a day of an unstated year ("Nov. 17"): the one nearest
                                                 the document date
    quarter:<q> | half:<h>                       of the document's year ("the third quarter")
    since:<yyyy>                                 1 January yyyy .. document date
    compared_to:<yyyy>                           the change over year yyyy+1 ("grew 16% compared to 2020")
    fiscal:<yyyy>                                fiscal year, treated as calendar year yyyy
    ago:<n>:<unit>                               date n units before the document ("two years ago")
    last:<n>:<unit>                              duration: window of n units ending at the doc date
    next:<n>:<unit>                              duration: window of n units starting at the doc date
    for:<n>:<unit>                               duration: the first n units of the document's year
                                                 ("our records for 10 months", "the first nine months")

Absolute dates carry ``date_range=(first_iso_day, last_iso_day)`` and usually no anchor (fiscal
years keep ``fiscal:<yyyy>`` so their label stays "FY2022").

Spans include words that change the meaning (last/this/next, since, compared to, for, in the
last ...) but not plain prepositions ("in 2021" -> "2021", "on Friday" -> "Friday").
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import RuleFileError
from ..model import QUALIFIERS, Period, Quantity
from ..paths import shipped_rules_dir
from ..rulefile import line_of, load_yaml_file
from .ascii_re import ascii_twin
from .scanner.records import make_quantity, with_changes

__all__ = ["find_temporal", "resolve_period", "detect_document_date", "front_matter", "date_field", "Lexicon",
           "load_lexicon"]

_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_UNIT_ORDER = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century")


# --------------------------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """The word lists of time.yaml, normalised to lower case."""

    months: dict[str, int]
    weekdays: tuple[str, ...]
    number_words: dict[str, float]
    units: dict[str, str]  # word form -> pint unit
    qualifiers: dict[str, str]  # phrase -> qualifier
    relative: dict[str, str]  # phrase -> anchor
    month_preceders: frozenset[str]
    year_preceders: frozenset[str]
    weak_year_preceders: frozenset[str]
    count_preceders: frozenset[str]
    year_followers: frozenset[str]
    non_year_followers: frozenset[str]
    event_date_words: frozenset[str] = frozenset()
    stamp_words: frozenset[str] = frozenset()


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _str_list(data: Any, key: str, path: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleFileError(path, line_of(data, key), f"'{key}' must be a non-empty list of words")
    return [_norm(v) for v in value]


def _mapping(data: Any, key: str, path: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise RuleFileError(path, line_of(data, key), f"'{key}' must be a non-empty mapping")
    return value


def _inverted(data: Any, key: str, allowed: Any, what: str, where: str) -> dict[str, str]:
    """``{name: [forms]}`` -> ``{form: name}``, every name checked against ``allowed``."""
    out: dict[str, str] = {}
    raw = _mapping(data, key, where)
    for name in raw:
        if name not in allowed:
            raise RuleFileError(where, line_of(raw, name), f"unknown {what} '{name}'")
        for form in _str_list(raw, name, where):
            out[form] = name
    return out


def load_lexicon(path: Path | str | None = None) -> Lexicon:
    """Read and validate a time lexicon (the shipped one by default); errors carry file:line."""
    p = Path(path) if path is not None else shipped_rules_dir() / "lexicon" / "time.yaml"
    where = str(p)
    data = load_yaml_file(p)
    from ..schemas import validate

    validate(data, "lexicon-time", where)
    if not isinstance(data, dict):
        raise RuleFileError(where, 1, "a time lexicon must be a mapping")
    months: dict[str, int] = {}
    raw_months = _mapping(data, "months", where)
    for word, num in raw_months.items():
        if not isinstance(num, int) or isinstance(num, bool) or not 1 <= num <= 12:
            raise RuleFileError(where, line_of(raw_months, word), f"month '{word}' needs a number 1..12")
        months[_norm(word)] = num
    if set(months.values()) != set(range(1, 13)):
        raise RuleFileError(where, line_of(data, "months"), "'months' must name all twelve months")
    weekdays = _str_list(data, "weekdays", where)
    if len(weekdays) != 7:
        raise RuleFileError(where, line_of(data, "weekdays"), "'weekdays' must list seven days, Monday first")
    numbers: dict[str, float] = {}
    raw_numbers = _mapping(data, "number_words", where)
    for word, num in raw_numbers.items():
        if not isinstance(num, (int, float)) or isinstance(num, bool) or num <= 0:
            raise RuleFileError(where, line_of(raw_numbers, word), f"number word '{word}' needs a positive number")
        numbers[_norm(word)] = float(num)
    units = _inverted(data, "units", _UNIT_ORDER, "time unit", where)
    qualifiers = _inverted(data, "qualifiers", QUALIFIERS, "qualifier", where)
    relative: dict[str, str] = {}
    raw_rel = _mapping(data, "relative", where)
    for phrase, anchor in raw_rel.items():
        if not isinstance(anchor, str) or not re.fullmatch(r"[a-z_]+", anchor):
            raise RuleFileError(where, line_of(raw_rel, phrase), f"relative '{phrase}' needs an anchor key like last_year")
        if anchor not in _RESOLVERS_SIMPLE and anchor not in _UNRESOLVABLE:
            raise RuleFileError(where, line_of(raw_rel, phrase), f"unknown anchor '{anchor}'")
        relative[_norm(phrase)] = anchor
    return Lexicon(
        months=months,
        weekdays=tuple(weekdays),
        number_words=numbers,
        units=units,
        qualifiers=qualifiers,
        relative=relative,
        month_preceders=frozenset(_str_list(data, "month_preceders", where)),
        year_preceders=frozenset(_str_list(data, "year_preceders", where)),
        weak_year_preceders=frozenset(_str_list(data, "weak_year_preceders", where)),
        count_preceders=frozenset(_str_list(data, "count_preceders", where)),
        year_followers=frozenset(_str_list(data, "year_followers", where)),
        non_year_followers=frozenset(_str_list(data, "non_year_followers", where)),
        event_date_words=frozenset(_str_list(data, "event_date_words", where)),
        stamp_words=frozenset(_str_list(data, "stamp_words", where)),
    )


# --------------------------------------------------------------------------------------------
# The scanner
# --------------------------------------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    """Longest-first alternation so "more than" wins over "more"; spaces match any whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_YEAR = r"(?:19|20)\d\d(?!\d)"
#: A year right after a day and month, or a month ("3 March 1881", "Jan. 1747"): any year 1000-2099.
_FULL_YEAR = r"(?:1\d\d\d|20\d\d)(?!\d)"
#: Whitespace inside a mention: may wrap a line, never crosses a blank line. Atomic: what follows is never
#: whitespace, so giving some back never helps, and trying to took a minute after "March" and 100,000 spaces.
_S = r"(?>(?:[^\S\n]+\n?|\n)[^\S\n]*)"
_NUMD = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_ENDINGS = {"'s", "’s"}


class _Scanner:
    """The compiled trigger scan, the sub-grammars tried around triggers, and their handlers."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        full: dict[int, str] = {}
        for word, month in lex.months.items():
            if len(word) > len(full.get(month, "")):
                full[month] = word
        full_names = set(full.values())
        abbrevs = [w for w in lex.months if w not in full_names]

        def cased(words: list[str] | set[str]) -> str:
            return _alt([w.title() for w in words] + [w.upper() for w in words])

        mon = rf"(?:(?:{cased(full_names)})(?!\w)|(?:{cased(abbrevs)})(?:\.|(?!\w)))"
        full_mon = rf"(?:{cased(full_names)})(?!\w)"
        tens = [w for w, v in lex.number_words.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)]
        ones = [w for w, v in lex.number_words.items() if 1 <= v <= 9 and v == int(v)]
        numw = rf"(?i:(?:{_alt(tens)})[- ](?:{_alt(ones)})|{_alt(lex.number_words)})(?!\w)"
        # "4 1/2 months" is four and a half; the "2" of "41/2" (a mangled 4½) or of "1/2" is no number of its own
        num = rf"(?:(?<![\d/.])(?:\d{{1,3}}\s+)?[1-9]/[1-9](?![\d/])|(?<![\d/.]){_NUMD}(?![\w,/]\d*)|{numw})"
        numa = rf"(?:{num}|(?i:an|a)(?!\w))"
        unit = rf"(?i:{_alt(lex.units)})(?!\w)"
        qual = rf"(?i:{_alt(lex.qualifiers)})\s+"
        year_suffix = rf"(?:(?:\s+(?i:of))?[\s/-]+(?:(?i:fiscal)\s+|FY\s?)?(?P<{{g}}>{_YEAR}|'\d\d(?!\d)))?"
        weekdays = "|".join(w.title() for w in lex.weekdays)
        alternatives = [
            ("win", rf"(?:(?i:in|over|during|within|for)\s+)?(?i:the)\s+(?P<wdir>(?i:last|past|next|coming|following))"
                    rf"\s+(?:(?P<wq>{qual})?(?P<wnum>{num})(?:\s+|-))?(?P<wunit>{unit})"),
            ("first", rf"(?:(?i:in|during|for|over)\s+)?(?i:the)\s+(?i:first)\s+(?P<fnum>{num})\s+(?P<funit>(?i:months|weeks|days))(?!\w)"
                      rf"(?:\s+(?i:of)\s+(?:(?i:fiscal|calendar)\s+)?(?P<fyear>{_YEAR}))?"),
            ("forn", rf"(?i:for)\s+(?P<rq>{qual})?(?P<rnum>{numa})(?:\s+|-)(?P<runit>{unit})"),
            ("ago", rf"(?P<aq>{qual})?(?P<anum>{numa})(?:\s+|-)(?P<aunit>{unit})\s+(?i:ago|earlier)(?!\w)"),
            ("dur", rf"(?P<dq>{qual})?(?P<dnum>{num})(?:\s+|-)(?P<dunit>{unit})(?P<dold>(?:\s+|-)(?i:old)(?!\w))?"),
            ("iso", r"(?P<isoy>(?:19|20)\d\d)-(?P<isom>0[1-9]|1[0-2])-(?P<isod>0[1-9]|[12]\d|3[01])(?![\d-])"),
            # "2/14/2013", "14/2/2013": month and day in either order
            ("slash", r"(?P<sa>[0-3]?\d)/(?P<sb>[0-3]?\d)/(?P<sy>(?:19|20)\d\d)(?!\d|/\d)"),
            ("dmy", rf"(?P<dd>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?(?P<dmon>{mon})(?:,?\s+(?P<dyear>{_FULL_YEAR}))?"),
            ("qtr", r"(?P<qq>Q[1-4]|(?i:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?i:quarter))(?!\w)"
                    + year_suffix.format(g="qyear")),
            ("half", r"(?P<hh>H[12]|(?i:first|second|1st|2nd)[\s-]+(?i:half))(?!\w)" + year_suffix.format(g="hyear")),
            ("fy", rf"(?:(?i:fiscal)(?:\s+(?i:year))?\s+(?P<fyy>{_YEAR}|'\d\d(?!\d))|FY\s?'?(?P<fyz>{_YEAR}|\d\d(?!\d)))"),
            ("dec", r"(?:(?P<decy>1[1-9]\d0|20\d0)'?|'(?P<decs>\d0))s(?!\w)"),
            ("yrange", rf"(?P<yr1>{_YEAR})\s?[-–—/]\s?(?P<yr2>(?:19|20)\d\d|\d\d)(?!\d|%|[.,]\d)"),
            ("cmp", rf"(?P<cword>(?i:since|compared\s+(?:to|with)))\s+(?P<cyear>{_YEAR})(?![.,]\d|%|\w)"),
            ("mdy", rf"(?P<mmon>{mon})\s+(?P<md>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?(?!\w)(?:,?\s+(?P<myear>{_FULL_YEAR}))?"),
            ("my", rf"(?P<ymon>{mon}),?\s+(?P<yyear>{_FULL_YEAR})"),
            ("mon", rf"(?P<mpre>(?i:{_alt(lex.month_preceders)}))[\s-]+(?:(?i:early|late|mid)[\s-]+)?(?P<mname>{full_mon})"
                    rf"(?!\s+\d|,?\s*{_YEAR})"),
            ("rel", rf"(?P<relp>(?i:{_alt(lex.relative)}))(?!\w)"),
            ("wk", rf"(?:(?P<wkpre>(?i:last|next|this))\s+|(?i:on)\s+)?(?P<wkd>{weekdays})(?!\w)"),
            ("year", r"(?P<yy>(?:19|20)\d\d)(?!\w|[.,]\d)"),
            # a year before 1900 ("In 1528", "from 1788 until"): only after a year preposition
            ("oyear", r"(?P<oy>1[0-8]\d\d)(?!\w|[.,]\d)"),
        ]
        by_name = dict(alternatives)

        def compile_(names: list[str]) -> re.Pattern[str]:
            body = "|".join(f"(?P<{n}>{by_name[n]})" for n in names)
            body = body.replace(r"\s+", _S).replace(r"\s*", r"[^\S\n]*").replace(r"\s?", r"[^\S\n]?")
            return re.compile(rf"(?<![\w$€£¥])(?<!\d[.,])(?:{body})")

        # The sub-grammars worth trying around each kind of trigger, same priority order.
        year_p = compile_(["iso", "slash", "yrange", "dec", "cmp", "fy", "year", "oyear"])
        month_p = compile_(["dmy", "mdy", "my", "mon"])
        week_p = compile_(["wk"])
        part_p = compile_(["qtr", "half", "fy", "rel"])
        unit_p = compile_(["win", "first", "forn", "ago", "dur", "rel"])
        self.month_form = {w.lower(): n for w, n in lex.months.items()}
        self.trigger = re.compile(_trigger_source(lex))
        #: the same scan for ASCII text, faster (see `ascii_twin`)
        self.trigger_ascii = ascii_twin(self.trigger)
        #: each sub-grammar's twin for ASCII text
        self.ascii_twins = {p: ascii_twin(p) for p in (year_p, month_p, week_p, part_p, unit_p)}
        # Words that can begin a unit-led mention ("in the last 24 hours", "for a year", "about
        # two weeks", "earlier this year"); digits always can.
        starters = {"in", "over", "during", "within", "for", "the", "a", "an"}
        for group in (lex.qualifiers, lex.number_words, lex.relative):
            starters.update(phrase.split()[0].split("-")[0] for phrase in group)
        self.start_words = frozenset(starters)
        # Per trigger word: how many words before it a mention may start, which words can start it
        # there, and the sub-grammar to try (unit words use the general policy). A mention whose first trigger is a year, month or
        # weekday starts at most two words back, which keeps the common case to one or two tries.
        Policy = tuple[int, frozenset[str], re.Pattern[str]]
        policy: dict[str, Policy] = {}
        month_starts = frozenset(lex.month_preceders | {"early", "late", "mid", "of"})
        for w in lex.months:
            policy[w] = (2, month_starts, month_p)
        for w in lex.weekdays:
            policy[w] = (1, frozenset({"last", "next", "this", "on"}), week_p)
        for w in ("q1", "q2", "q3", "q4", "h1", "h2", "fy"):
            policy[w] = (0, frozenset(), part_p)
        for w in ("today", "yesterday", "tomorrow", "tonight"):
            policy[w] = (0, frozenset(), unit_p)
        ordinals = frozenset({"first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"})
        for w in ("quarter", "quarters", "half"):
            policy[w] = (1, ordinals, part_p)
        policy["year"] = (4, self.start_words, unit_p)
        self.policy = policy
        self.year_policy: Policy = (2, frozenset({"since", "compared", "fiscal"}), year_p)
        self.unit_policy: Policy = (6, self.start_words, unit_p)
        #: trigger token as written -> (words back, the starters spelled backwards, sub-grammar, its
        #: twin for ASCII text)
        self.walks: dict[str, tuple[int, frozenset[str], re.Pattern[str], re.Pattern[str]]] = {}
        self.handlers: dict[str, Callable[[re.Match[str], str], Quantity | None]] = {
            name: getattr(self, f"_h_{name}") for name, _ in alternatives
        }

    def walk_of(self, token: str) -> tuple[int, frozenset[str], re.Pattern[str], re.Pattern[str]]:
        """How far back a mention with this trigger may start, which words can start it (spelled
        backwards, as the walk reads them from the reversed text), the sub-grammar and its twin for
        ASCII text; memoised."""
        if token[0].isdigit() or token[0] == "'":
            back, starters, pattern = self.year_policy
        else:
            back, starters, pattern = self.policy.get(token.lower(), self.unit_policy)
        walk = (back, frozenset(w[::-1] for w in starters), pattern, self.ascii_twins[pattern])
        if len(self.walks) > 10_000:
            self.walks.clear()
        self.walks[token] = walk
        return walk

    # ---- helpers -------------------------------------------------------------------------

    def number(self, word: str) -> float:
        w = _norm(word)
        if "/" in w:  # "4 1/2", "1/2"
            whole, _, frac = w.rpartition(" ")
            top, _, bottom = frac.partition("/")
            return (float(whole) if whole else 0.0) + int(top) / int(bottom)
        if w[0].isdigit():
            return float(w.replace(",", ""))
        if w in ("a", "an"):
            return 1.0
        if w in self.lex.number_words:
            return self.lex.number_words[w]
        tens, _, one = w.replace(" ", "-").partition("-")
        return self.lex.number_words[tens] + self.lex.number_words[one]

    def month(self, word: str) -> int:
        return self.month_form[word.rstrip(".").lower()]

    # ---- handlers: each returns a Quantity, or None to reject the candidate ----------------

    def _duration(self, m: re.Match[str], start: int, num: str | None, unit: str, qual: str | None,
                  anchor: str | None, text: str) -> Quantity | None:
        if num and len(num) == 4 and num.isdigit() and unit.lower() == "year" and _year_like(num):
            return None  # "for 1986 year": a year, not 1986 years
        value = self.number(num) if num else 1.0
        u = self.lex.units[unit.lower()]
        qualifier = self.lex.qualifiers[_norm(qual)] if qual else "exact"
        end = m.end()
        return make_quantity(start, end, text[start:end], "duration", value, value, value, u, qualifier,
                             anchor=None if anchor is None else f"{anchor}:{_num_key(value)}:{u}")

    def _h_win(self, m: re.Match[str], text: str) -> Quantity | None:
        direction = "next" if m["wdir"].lower() in ("next", "coming", "following") else "last"
        return self._duration(m, m.start(), m["wnum"], m["wunit"], m["wq"], direction, text)

    def _h_first(self, m: re.Match[str], text: str) -> Quantity | None:
        n = self.number(m["fnum"])
        unit = self.lex.units[m["funit"].lower()]
        if m["fyear"] and unit == "month" and 1 <= n <= 12 and n == int(n):
            y = int(m["fyear"])
            q = self._duration(m, m.start(), m["fnum"], m["funit"], None, None, text)
            return None if q is None else with_changes(q, date_range=(f"{y}-01-01", _month_end(y, int(n)).isoformat()))
        return self._duration(m, m.start(), m["fnum"], m["funit"], None, "for", text)

    def _h_forn(self, m: re.Match[str], text: str) -> Quantity | None:
        return self._duration(m, m.start(), m["rnum"], m["runit"], m["rq"], "for", text)

    def _h_ago(self, m: re.Match[str], text: str) -> Quantity:
        """"two weeks ago", "about three weeks ago": the calendar unit that lies n units back; a hedge stays
        on the mention ("about"), so the date is not read as exact."""
        n = self.number(m["anum"])
        u = self.lex.units[m["aunit"].lower()]
        q = _date(m.start(), m.end(), text, anchor=f"ago:{_num_key(n)}:{u}")
        return with_changes(q, qualifier=self.lex.qualifiers[_norm(m["aq"])]) if m["aq"] else q

    def _h_dur(self, m: re.Match[str], text: str) -> Quantity | None:
        return self._duration(m, m.start(), m["dnum"], m["dunit"], m["dq"], None, text)

    def _h_iso(self, m: re.Match[str], text: str) -> Quantity | None:
        day = _safe_date(int(m["isoy"]), int(m["isom"]), int(m["isod"]))
        return None if day is None else _date(m.start(), m.end(), text, day, day)

    def _h_slash(self, m: re.Match[str], text: str) -> Quantity | None:
        """A numeric date: day and month told apart by a number over 12 ("2/14/2013" is 14 February); where
        both could be the month ("3/4/2013"), the mention spans both readings, never a guess between them."""
        a, b, y = int(m["sa"]), int(m["sb"]), int(m["sy"])
        days = {d for d in (_safe_date(y, a, b), _safe_date(y, b, a)) if d is not None}
        if not days:
            return None
        return _date(m.start(), m.end(), text, min(days), max(days))

    def _h_dmy(self, m: re.Match[str], text: str) -> Quantity | None:
        return self._day(m, text, self.month(m["dmon"]), int(m["dd"]), "dyear")

    def _h_mdy(self, m: re.Match[str], text: str) -> Quantity | None:
        return self._day(m, text, self.month(m["mmon"]), int(m["md"]), "myear")

    def _day(self, m: re.Match[str], text: str, month: int, day: int, group: str) -> Quantity | None:
        """A day and month, with the year that follows them if any ("3 March 1881", "March 3, 1881").

        The year makes the date full for any year 1000-2099; a year before 1900 must not be followed
        by a count noun or unit ("on 5 March 1200 workers"): the day and month then stand alone."""
        year = m[group]
        end = m.end()
        if year:
            if year[:2] not in ("19", "20") and self._count_follows(text, end):
                end = m.start(group)
                while text[end - 1] in ", \t\n\u00a0":
                    end -= 1
            else:
                d = _safe_date(int(year), month, day)
                return None if d is None else _date(m.start(), end, text, d, d)
        if _safe_date(2000, month, day) is None:  # 2000 is a leap year: 29 February is allowed
            return None
        return _date(m.start(), end, text, anchor=f"day:{month}:{day}")

    def _h_my(self, m: re.Match[str], text: str) -> Quantity | None:
        """A month and year ("January 1747", "Jan. 1987"); an old year must not be a count ("May 1200 tons")."""
        year = m["yyear"]
        if year[:2] not in ("19", "20") and self._count_follows(text, m.end()):
            return None
        y, mo = int(year), self.month(m["ymon"])
        return _date(m.start(), m.end(), text, dt.date(y, mo, 1), _month_end(y, mo))

    def _h_mon(self, m: re.Match[str], text: str) -> Quantity:
        pre = m["mpre"].lower()
        mo = self.month(m["mname"])
        if pre in ("last", "this", "next"):
            return _date(m.start(), m.end(), text, anchor=f"month:{mo}:{pre}")
        return _date(m.start("mname"), m.end(), text, anchor=f"month:{mo}")

    def _part(self, m: re.Match[str], text: str, which: str, index: int, year: str | None) -> Quantity:
        if year is None:
            return _date(m.start(), m.end(), text, anchor=f"{which}:{index}")
        y = _year_of(year)
        months = 3 if which == "quarter" else 6
        first = (index - 1) * months + 1
        return _date(m.start(), m.end(), text, dt.date(y, first, 1), _month_end(y, first + months - 1))

    def _h_qtr(self, m: re.Match[str], text: str) -> Quantity:
        return self._part(m, text, "quarter", _ordinal(m["qq"]), m["qyear"])

    def _h_half(self, m: re.Match[str], text: str) -> Quantity:
        return self._part(m, text, "half", _ordinal(m["hh"]), m["hyear"])

    def _h_fy(self, m: re.Match[str], text: str) -> Quantity:
        y = _year_of(m["fyy"] or m["fyz"])
        return _date(m.start(), m.end(), text, dt.date(y, 1, 1), dt.date(y, 12, 31), anchor=f"fiscal:{y}")

    def _h_dec(self, m: re.Match[str], text: str) -> Quantity | None:
        """A decade: "the 1990s", "the 1790s", "mid-1980s", "the '90s" ('NNs reads as _year_of does)."""
        if m["decy"]:
            y = int(m["decy"])
        else:
            y = _year_of(m["decs"])
        if self._count_follows(text, m.end()):
            return None
        return _date(m.start(), m.end(), text, dt.date(y, 1, 1), dt.date(y + 9, 12, 31))

    def _h_yrange(self, m: re.Match[str], text: str) -> Quantity | None:
        y1, raw2 = int(m["yr1"]), m["yr2"]
        y2 = int(raw2) if len(raw2) == 4 else y1 // 100 * 100 + int(raw2)
        if not y1 < y2 <= y1 + 30 or not 1900 <= y2 <= 2099:
            return None
        if self._count_follows(text, m.end()):
            return None
        q = _date(m.start(), m.end(), text, dt.date(y1, 1, 1), dt.date(y2, 12, 31))
        return with_changes(q, qualifier="range")

    def _h_cmp(self, m: re.Match[str], text: str) -> Quantity | None:
        if self._count_follows(text, m.end()):
            return None
        key = "since" if m["cword"].lower() == "since" else "compared_to"
        return _date(m.start(), m.end(), text, anchor=f"{key}:{m['cyear']}")

    def _h_rel(self, m: re.Match[str], text: str) -> Quantity:
        return _date(m.start(), m.end(), text, anchor=self.lex.relative[_norm(m["relp"])])

    def _h_wk(self, m: re.Match[str], text: str) -> Quantity:
        name = m["wkd"].lower()
        pre = m["wkpre"]
        if pre:
            return _date(m.start(), m.end(), text, anchor=f"weekday:{name}:{pre.lower()}")
        return _date(m.start("wkd"), m.end(), text, anchor=f"weekday:{name}")

    def _h_oyear(self, m: re.Match[str], text: str) -> Quantity | None:
        """A year before 1900: a date only right after a year preposition ("In 1528", "the spring of
        1528", "from 1788 until"), with no count noun or unit after it and no second number joined
        to it ("from 1500 to 2000 tonnes")."""
        start, end = m.start(), m.end()
        if _in_bracketed_years(text, start, end):
            y = int(m["oy"])
            return _date(start, end, text, dt.date(y, 1, 1), dt.date(y, 12, 31))
        if start >= 1 and text[start - 1] in "-–/$€£¥":
            return None
        follower = _follower(text, end)
        if follower is not None:
            low = follower.lower()
            if follower == "%" or low in self.lex.non_year_followers or low in self.lex.units:
                return None
        if _PARTNER.match(text, end):
            return None
        toks = text[max(0, start - 40) : start].split()
        p1 = _bare(toks[-1]) if toks else ""
        p2 = f"{_bare(toks[-2])} {p1}" if len(toks) > 1 else ""
        if not (p2 in self.lex.year_preceders or p1 in self.lex.year_preceders):
            return None
        if p1 in ("to", "and", "or") or (toks and toks[-1][-1:] in ",;:"):
            return None
        y = int(m["oy"])
        clock = y % 100 < 60 and y // 100 < 24  # "by 1700 EST", "after 1530 London time": a clock time
        if follower is not None and not (follower in _ENDINGS or (follower[0].isupper() and not clock)
                                         or follower in self.lex.year_followers):
            return None  # "in 1200 villages": a count
        if clock and follower is None and text[end:end + 2].strip()[:1] not in ("", ".", ",", ";", ":"):
            return None  # "until 1500 (1400 GMT)"
        return _date(start, end, text, dt.date(y, 1, 1), dt.date(y, 12, 31))

    def _h_year(self, m: re.Match[str], text: str) -> Quantity | None:
        start, end = m.start(), m.end()
        if not self.is_year(text, start, end) and not _in_bracketed_years(text, start, end):
            return None
        y = int(m["yy"])
        return _date(start, end, text, dt.date(y, 1, 1), dt.date(y, 12, 31))

    # ---- the year test -------------------------------------------------------------------

    def _count_follows(self, text: str, end: int) -> bool:
        """True when a unit or count noun follows: "2000 km", "2012-2013 tonnes"."""
        w = _follower(text, end)
        return w is not None and (w == "%" or w.lower() in self.lex.non_year_followers or w.lower() in self.lex.units)

    def is_year(self, text: str, start: int, end: int) -> bool:
        """Is the 1900-2099 number at text[start:end] used as a year? Cheap: looks two words each side."""
        if start >= 2 and text[start - 1] in "-–/" and text[start - 2].isdigit():
            return False  # second half of a numeric range or a code
        follower = _follower(text, end)
        if follower is not None:
            low = follower.lower()
            if follower == "%" or low in self.lex.non_year_followers or low in self.lex.units:
                return False
        toks = text[max(0, start - 40) : start].split()
        p1 = _bare(toks[-1]) if toks else ""
        p2 = f"{_bare(toks[-2])} {p1}" if len(toks) > 1 else ""
        partner = _PARTNER.match(text, end)
        if partner and not _year_like(partner[1]) and not _smaller(partner[1], text[start:end]):
            return False  # "between 2000 and 3000"; but "in 2009 to 25 km" is a year, then a level
        if p1 in ("to", "and", "or") and len(toks) > 1 and toks[-2][:1].isdigit() and not _year_like(toks[-2]):
            return False  # "from 1500 to 2000"
        if p2 in self.lex.year_preceders or p1 in self.lex.year_preceders or p1 in self.month_form:
            return True
        if p1 in self.lex.count_preceders:
            return False
        if follower is None:
            return True  # punctuation, end of text or line: "... in the summer, 2021."
        if follower in _ENDINGS or follower[0].isupper():
            return True
        return follower.lower() in self.lex.year_followers


_NEXT_WORD = re.compile(r"[ \t\u00a0]?(%)|[ \t\u00a0]+([^\W\d_]+|['’]s\b)|(['’]s)\b")
#: "(1194–1250)", "(c. 1194 – 1250;": a span of years in brackets, as after a name (a lifespan, a reign)
_BRACKET_YEARS_AFTER = re.compile(r"[^\S\n]?[-–—][^\S\n]?(1\d{3}|20\d\d)[^\S\n]?[);]")
_BRACKET_YEARS_BEFORE = re.compile(r"(?:\(|;[^\S\n]?)(?:c\.[^\S\n]?)?(1\d{3}|20\d\d)[^\S\n]?[-–—][^\S\n]?\Z")
#: "Ibn Hayyan (Arabic: ...; 1165–1240)": the bracket's last item after a semicolon, the bracket still open
_OPEN_BRACKET_ITEM = re.compile(r"\([^()\n]{1,120};[^\S\n]?(?:c\.[^\S\n]?)?\Z")


def _in_bracketed_years(text: str, start: int, end: int) -> bool:
    """Is this year one end of a bracketed span of years ("Frederick II (1194–1250)", "Ibn Hayyan (Arabic:
    ...; 1165–1240)")?"""
    year = int(text[start:end])
    if text[start - 1:start] == "(" or text[max(0, start - 4):start] in ("(c. ", "(c.", "(b. ") \
            or (text[start - 2:start].strip() in (";", "c.") and _OPEN_BRACKET_ITEM.search(text, max(0, start - 130), start)):
        m = _BRACKET_YEARS_AFTER.match(text, end)
        return m is not None and year < int(m[1]) <= year + 120
    if text[end:end + 1] in (")", ";") and start > 0 and text[start - 1] in "-–— ":
        m = _BRACKET_YEARS_BEFORE.search(text, max(0, start - 14), start)
        return m is not None and int(m[1]) < year <= int(m[1]) + 120
    return False


_PARTNER = re.compile(r"\s*(?:and|to|or|-|–)\s*(\d[\d,.]*)")
#: One word back, read in the reversed text: a short gap on the same line or across one line break.
_REV_WORD = re.compile(r"[^\w\n]{0,3}\n?[^\w\n]{0,3}([^\W_]+)")
_PUNCT = "-–—(\"'“‘”’[,;:"


def _bare(token: str) -> str:
    """A token without surrounding punctuation, lower-cased ("mid-" -> "mid", "(in" -> "in")."""
    return token.strip(_PUNCT).lower()


def _follower(text: str, end: int) -> str | None:
    """The word (or "%", "'s") right after position `end`, or None at punctuation/line end."""
    m = _NEXT_WORD.match(text, end)
    return (m[1] or m[2] or m[3]) if m else None


def _smaller(number: str, year: str) -> bool:
    """Is ``number`` (the other end of "2009 to 25") smaller than the year, so no range up from it?"""
    try:
        return float(number.rstrip(".,").replace(",", "")) < float(year)
    except ValueError:
        return False


def _year_like(number: str) -> bool:
    digits = number.rstrip(".,")
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2099


def _year_of(raw: str) -> int:
    digits = raw.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    n = int(digits)
    return 2000 + n if n < 70 else 1900 + n


def _ordinal(token: str) -> int:
    t = token.lower()
    if t[0] in "qh":
        return int(t[1])
    for i, words in enumerate((("first", "1st"), ("second", "2nd"), ("third", "3rd"), ("fourth", "4th")), 1):
        if t.startswith(words):
            return i
    raise ValueError(token)


def _num_key(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _date(start: int, end: int, text: str, first: dt.date | None = None, last: dt.date | None = None,
          anchor: str | None = None) -> Quantity:
    rng = (first.isoformat(), last.isoformat()) if first and last else None
    return make_quantity(start, end, text[start:end], "date", None, None, None, None, "exact",
                         date_range=rng, anchor=anchor)


def _trigger_source(lex: Lexicon) -> str:
    """A pattern for the tokens every mention contains (a year, a time unit, a month or weekday, ...).

    The pattern starts with the character before the token (a space, a bracket, a hyphen...), so
    `re` skips ahead with its first-character table to word starts and tries a first-letter trie
    there, instead of trying the full grammar at every position: that is what makes the scan fast.
    """
    words = set(lex.units) | {"today", "yesterday", "tomorrow", "tonight", "quarter", "quarters", "half"}
    words.discard("second")  # "second" is mostly an ordinal; "30 seconds" still triggers
    forms: set[str] = set()
    for w in words:
        # upper-case abbreviations are acronyms ("SEC", "MIN"), not units
        forms.update((w, w.title(), w.upper()) if len(w) > 3 or w in _FULL_UNIT_WORDS else (w, w.title()))
    for w in list(lex.months) + list(lex.weekdays):
        forms.update((w.title(), w.upper()))
    by_first: dict[str, list[str]] = {}
    for f in forms:
        by_first.setdefault(f[0], []).append(f[1:])
    alts = [f"{re.escape(c)}(?:{_alt(rests)})(?![^\\W\\d_])" for c, rests in sorted(by_first.items())]
    alts += [r"19\d\d(?!\d)", r"20\d\d(?!\d)", r"1[0-8]\d\d(?!\d)", r"'\d0s(?!\w)", r"Q[1-4]", r"H[12]", r"FY"]
    return _TRIGGER_LEAD + "(?:" + "|".join(alts) + ")"


_FULL_UNIT_WORDS = frozenset({"day", "days"})
#: A trigger is led by the character before it, so `re` can skip ahead to spaces and the like.
_TRIGGER_LEAD = "[\\s(\\[\\-–—\"'“‘/]"


@lru_cache(maxsize=1)
def _scanner() -> _Scanner:
    return _Scanner(load_lexicon())


def find_temporal(text: str) -> list[Quantity]:
    """Every date and duration mention in `text`, sorted by start and non-overlapping.

    Each mention contains a trigger token; for each trigger the full grammar is tried only at the
    few word starts just before it that can begin a mention, so cost follows the number of
    triggers rather than the length of the text.
    """
    sc = _scanner()
    handlers = sc.handlers
    walks = sc.walks
    rev_word = _REV_WORD.match
    rev = text[::-1]
    n = len(text)
    out: list[Quantity] = []
    pos = 0
    # A trigger match includes the character before the token; the leading space makes the
    # offsets in " " + text those of the token in text.
    ascii = text.isascii()
    trigger = sc.trigger_ascii if ascii else sc.trigger
    for trig in trigger.finditer(" " + text):
        s = trig.start()
        if s < pos:
            continue
        token = trig[0]
        walk = walks.get(token[1:])
        if walk is None:
            walk = sc.walk_of(token[1:])
        back, rev_starters, pattern, twin = walk
        if ascii:
            pattern = twin
        cands = [s]
        at = n - s
        for _ in range(back):  # walk back word by word over the reversed text: anchored, cheap
            w = rev_word(rev, at)
            if w is None:
                break
            at = w.end()
            start = n - at
            if start < pos:
                break
            word = w[1]  # reversed
            if word[-1].isdigit() or word.lower() in rev_starters:
                cands.insert(0, start)
        for c in cands:
            m = pattern.match(text, c)
            if m is None or m.end() <= s:
                continue
            q = handlers[m.lastgroup](m, text)  # type: ignore[index]
            if q is not None:
                out.append(q)
                pos = m.end()
                break
    return out


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------


def _add_months(d: dt.date, months: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _shift(d: dt.date, n: float, unit: str) -> dt.date:
    """`d` moved back by n units (a negative n moves forward)."""
    if unit in ("month", "year", "decade", "century"):
        months = {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit] * n
        return _add_months(d, -int(round(months)))
    seconds = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "fortnight": 1209600}[unit]
    moved = dt.datetime.combine(d, dt.time()) - dt.timedelta(seconds=seconds * n)
    return moved.date()


def _fmt_day(d: dt.date) -> str:
    return f"{d.day} {_MONTH_ABBR[d.month - 1]} {d.year}"


def period_label(start: dt.date, end: dt.date) -> str:
    """How a person names the span: "2021", "Q3 2022", "Jan–Oct 2022", "17 Nov 2022"."""
    if start == end:
        return _fmt_day(start)
    whole_months = start.day == 1 and end == _month_end(end.year, end.month)
    if whole_months and start.year == end.year:
        y, m1, m2 = start.year, start.month, end.month
        if (m1, m2) == (1, 12):
            return str(y)
        if m2 - m1 == 2 and m1 % 3 == 1:
            return f"Q{m1 // 3 + 1} {y}"
        if m2 - m1 == 5 and m1 in (1, 7):
            return f"H{1 if m1 == 1 else 2} {y}"
        if m1 == m2:
            return f"{_MONTH_ABBR[m1 - 1]} {y}"
        return f"{_MONTH_ABBR[m1 - 1]}–{_MONTH_ABBR[m2 - 1]} {y}"
    if whole_months and (start.month, end.month) == (1, 12):
        if start.year % 10 == 0 and end.year == start.year + 9:
            return f"{start.year}s"
        return f"{start.year}–{end.year}"
    return f"{start.isoformat()}–{end.isoformat()}"


def _year(y: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _month(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), _month_end(y, m)


def _week(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _quarter(y: int, q: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q)


def _month_offset(d: dt.date, k: int) -> tuple[dt.date, dt.date]:
    y, m0 = divmod(d.year * 12 + d.month - 1 + k, 12)
    return _month(y, m0 + 1)


def _quarter_offset(d: dt.date, k: int) -> tuple[dt.date, dt.date]:
    y, q0 = divmod(d.year * 4 + (d.month - 1) // 3 + k, 4)
    return _quarter(y, q0 + 1)


def _nearest_year(doc: dt.date, month: int, day: int = 15) -> int:
    """The year that puts month/day closest to the document date (ties go to the past)."""
    best = None
    for y in (doc.year - 1, doc.year, doc.year + 1):
        d = _safe_date(y, month, day) or _month_end(y, month)
        key = (abs((d - doc).days), d > doc)
        if best is None or key < best[0]:
            best = (key, y)
    assert best is not None
    return best[1]


_RESOLVERS_SIMPLE: dict[str, Callable[[dt.date], tuple[dt.date, dt.date]]] = {
    "today": lambda d: (d, d),
    "yesterday": lambda d: (d - dt.timedelta(days=1), d - dt.timedelta(days=1)),
    "tomorrow": lambda d: (d + dt.timedelta(days=1), d + dt.timedelta(days=1)),
    "last_year": lambda d: _year(d.year - 1),
    "this_year": lambda d: _year(d.year),
    "next_year": lambda d: _year(d.year + 1),
    "last_month": lambda d: _month_offset(d, -1),
    "this_month": lambda d: _month_offset(d, 0),
    "next_month": lambda d: _month_offset(d, 1),
    "last_week": lambda d: _week(d - dt.timedelta(days=7)),
    "this_week": lambda d: _week(d),
    "next_week": lambda d: _week(d + dt.timedelta(days=7)),
    "last_quarter": lambda d: _quarter_offset(d, -1),
    "this_quarter": lambda d: _quarter_offset(d, 0),
    "next_quarter": lambda d: _quarter_offset(d, 1),
    "ytd": lambda d: (dt.date(d.year, 1, 1), d),
}
#: Anchors that are found but never resolved: they need more than the document date.
_UNRESOLVABLE = frozenset({"previous_year", "recent_years", "recent_months"})


def _resolve_anchor(anchor: str, doc: dt.date | None) -> Period | None:
    parts = anchor.split(":")
    head = parts[0]
    if head == "compared_to":
        y = int(parts[1]) + 1
        return Period(*_year(y), label=str(y))
    if head == "fiscal":
        y = int(parts[1])
        return Period(*_year(y), label=f"FY{y}")
    if doc is None or anchor in _UNRESOLVABLE:
        return None
    if anchor in _RESOLVERS_SIMPLE:
        start, end = _RESOLVERS_SIMPLE[anchor](doc)
        return Period(start, end, period_label(start, end))
    if head == "since":
        start = dt.date(int(parts[1]), 1, 1)
        return Period(start, doc, f"{start.year}–{doc.isoformat()}") if start <= doc else None
    if head == "weekday":
        target = _WEEKDAYS.index(parts[1])
        mode = parts[2] if len(parts) > 2 else "on"
        back = (doc.weekday() - target) % 7
        if mode == "last":
            day = doc - dt.timedelta(days=back or 7)
        elif mode == "next":
            day = doc + dt.timedelta(days=(target - doc.weekday()) % 7 or 7)
        elif mode == "this":
            day = _week(doc)[0] + dt.timedelta(days=target)
        else:
            day = doc - dt.timedelta(days=back)
        return Period(day, day, _fmt_day(day))
    if head == "month":
        mo = int(parts[1])
        mode = parts[2] if len(parts) > 2 else ""
        if mode == "last":
            y = doc.year if mo < doc.month else doc.year - 1
        elif mode == "next":
            y = doc.year if mo > doc.month else doc.year + 1
        else:  # "this March" and a bare "in March" both mean the document's year
            y = doc.year
        start, end = _month(y, mo)
        return Period(start, end, period_label(start, end))
    if head == "day":
        mo, d = int(parts[1]), int(parts[2])
        y = _nearest_year(doc, mo, d)
        the_day = _safe_date(y, mo, d)
        return None if the_day is None else Period(the_day, the_day, _fmt_day(the_day))
    if head in ("quarter", "half"):
        months = 3 if head == "quarter" else 6
        first = (int(parts[1]) - 1) * months + 1
        start, end = dt.date(doc.year, first, 1), _month_end(doc.year, first + months - 1)
        return Period(start, end, period_label(start, end))
    if head in ("ago", "last", "next", "for"):
        n, unit = float(parts[1]), parts[2]
        return _resolve_count(head, n, unit, doc)
    return None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _resolve_count(head: str, n: float, unit: str, doc: dt.date) -> Period | None:
    count = f"{_num_key(n)} {unit}{'' if n == 1 else 's'}"
    if head == "last":
        start = _shift(doc, n, unit)
        return Period(start, doc, f"{count} to {doc.isoformat()}")
    if head == "next":
        end = _shift(doc, -n, unit)
        return Period(doc, end, f"{count} from {doc.isoformat()}")
    if head == "for":
        if unit != "month" or n != int(n) or not 1 <= n <= 12:
            return None
        start, end = dt.date(doc.year, 1, 1), _month_end(doc.year, int(n))
        return Period(start, end, period_label(start, end))
    # ago: the calendar unit that lies n units back
    then = _shift(doc, n, unit)
    if unit in ("year", "decade", "century"):
        start, end = _year(then.year)
    elif unit == "month":
        start, end = _month(then.year, then.month)
    elif unit in ("week", "fortnight"):
        start, end = _week(then)
    else:
        start = end = then
    return Period(start, end, period_label(start, end))


def resolve_period(mention: Quantity, doc_date: dt.date | None) -> Period | None:
    """The calendar days a date/duration mention speaks about, given the document's date.

    Absolute dates resolve on their own; relative ones need `doc_date` and give None without it.
    """
    if mention.anchor:
        try:
            return _resolve_anchor(mention.anchor, doc_date)
        except (ValueError, OverflowError):
            return None  # "3,000 years ago" falls outside the calendar Python can represent
    if mention.date_range:
        start, end = (dt.date.fromisoformat(d) for d in mention.date_range)
        return Period(start, end, period_label(start, end))
    return None


# --------------------------------------------------------------------------------------------
# The document's own date
# --------------------------------------------------------------------------------------------

_HEAD_CHARS = 2000
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.S | re.M)
_FM_DATE = re.compile(r"^(?:date|published|pubdate)[ \t]*:[ \t]*['\"]?([^'\"\r\n]+)", re.M | re.I)
_ISO_PREFIX = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def _single_days(text: str) -> list[tuple[Quantity, dt.date]]:
    out = []
    for q in find_temporal(text):
        if q.kind == "date" and q.date_range and q.date_range[0] == q.date_range[1]:
            out.append((q, dt.date.fromisoformat(q.date_range[0])))
    return out


@lru_cache(maxsize=1)
def _dateline_pattern() -> re.Pattern[str]:
    lex = _scanner().lex
    forms = _alt([w.title() for w in lex.months] + [w.upper() for w in lex.months])
    return re.compile(
        rf"^[ \t]*[A-Z][A-Z .,'&/()-]{{1,60}},[ \t]+(?P<mon>{forms})\.?[ \t]+(?P<day>[0-3]?\d)(?!\d)", re.M
    )


def date_field(block: str) -> tuple[str, dt.date | None] | None:
    """The ``date:`` (or ``published:``) line of a YAML block: its value and the day it names
    (ISO or written out, "17 November 2022"; None when it names none); None without such a line.

    One reader for front matter and ``FILE.meta.yaml`` sidecars alike.
    """
    found = _FM_DATE.search(block)
    if found is None:
        return None
    value = found.group(1).strip()
    iso = _ISO_PREFIX.match(value)
    day = _safe_date(int(iso[1]), int(iso[2]), int(iso[3])) if iso else None
    if day is None:
        written = _single_days(value)
        day = written[0][1] if written else None
    return value, day


def front_matter(text: str) -> tuple[int, dt.date | None] | None:
    """A YAML front-matter block at the top of ``text``: (where it ends, its date or None); None without one."""
    fm = _FRONT.match(text)
    if fm is None:
        return None
    field = date_field(fm.group(1))
    return fm.end(), (field[1] if field else None)


def detect_document_date(text: str) -> tuple[dt.date | None, str]:
    """The document's own date and where it came from: front_matter, dateline, text or none."""
    fm = front_matter(text)
    if fm is not None and fm[1] is not None:
        return fm[1], "front_matter"
    head = text[:_HEAD_CHARS]
    days = _single_days(head)
    line = _dateline_pattern().search(head)
    if line and days:
        mo, d = _scanner().month(line["mon"]), int(line["day"])
        ref = days[0][1]
        best: dt.date | None = None
        for y in (ref.year - 1, ref.year, ref.year + 1):
            cand = _safe_date(y, mo, d)
            if cand and (best is None or abs((cand - ref).days) < abs((best - ref).days)):
                best = cand
        if best is not None:
            return best, "dateline"
    event_words = _scanner().lex.event_date_words
    for q, day in days:
        if head.count("\n", 0, q.start) >= _LEAD_LINES and not _stamp_line(head, q.start, q.end):
            continue  # a date inside a later sentence is a date the story tells, not the day it was written
        # "born ... on April 22, 1923" is a date the text is about, not the date it was written
        lo = max(0, q.start - 150)
        stop = max(head.rfind(". ", lo, q.start), head.rfind("\n", lo, q.start))  # the sentence so far
        before = _LOWER_WORDS.findall(head[max(lo, stop + 1):q.start].lower())
        if not event_words.intersection(before):
            return day, "text"
    return None, "none"


#: the headline and the lead: a full date there is taken as the day of writing unless an event word
#: precedes it; below them only a line that does nothing but date the page counts
_LEAD_LINES = 2


def _stamp_line(head: str, start: int, end: int) -> bool:
    """Whether the line around ``head[start:end]`` only stamps the page ("Published: Friday, 9 October
    2020, 4:05 PM", "Updated 7:41 PM CST Oct 9, 2020"): every other word on it is a stamp word of the
    time lexicon (``stamp_words``), a weekday, a month or a clock zone, bar two (a wire's or a writer's name)."""
    lex = _scanner().lex
    line_start = head.rfind("\n", 0, start) + 1
    line_end = head.find("\n", end)
    rest = head[line_start:start] + " " + head[end:len(head) if line_end < 0 else line_end]
    words = [w for w in _LOWER_WORDS.findall(rest.lower())
             if w not in lex.stamp_words and w not in lex.months and w not in lex.weekdays]
    return len(words) <= 2


_LOWER_WORDS = re.compile(r"[a-z]+")
