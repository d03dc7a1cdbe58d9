"""What part of which event a figure counts: words from ``rules/lexicon/scope.yaml``.

Why: in real multi-outlet news most false contradictions are figures that are not about the same
whole. A story recalls an earlier event ("That temblor killed at least six people ... in September",
"the 2004 tsunami that killed about 230,000"), or counts a part of the toll ("70 injured in Bener
Meriah district", "seven UN staff were injured"). The framing stage marks such figures; the
comparison then keeps them apart (see `factcheck.crosscheck`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping

from .model import Period
from .rules import lemmatise
from .schemas import load_lexicon_file

_TIME_RX = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)

#: Prefix of the scope marker of a figure about another event than the story's.
OTHER_EVENT = "another event: "


@dataclass(frozen=True)
class ScopeLexicon:
    background_days: int
    other_rx: re.Pattern[str]
    year_rx: re.Pattern[str]
    place_rx: re.Pattern[str]
    groups: frozenset[str]
    #: words after which a reference only compares ("since the 2004 tsunami")
    not_after: frozenset[str]
    #: "four years ago", "almost two years after": a span back to another event
    span_rx: re.Pattern[str]
    #: of those relations, the ones that date the whole sentence ("ago"); the others ("after") date what follows
    span_before: frozenset[str]
    #: an event noun anywhere ("a massive tremor"), and one taken up again ("in the quake")
    event_rx: re.Pattern[str]
    definite_event_rx: re.Pattern[str]
    stamp_words: frozenset[str]
    #: "so far", "in all": a running total over a period, a part marker of its own
    running_rx: re.Pattern[str] | None = None
    #: "in cash", "combined", "alone": a figure that counts a part, or a sum of parts
    part_rx: re.Pattern[str] | None = None
    #: "seasonally adjusted", "by this method": the figure is stated on a basis or by a method of its own
    basis_rx: re.Pattern[str] | None = None
    #: pattern -> a plain pattern every match of it contains (a marker word, a year): most sentences have
    #: none, and the plain one tells at once
    hints: Mapping[str, re.Pattern[str]] = field(default_factory=dict)


def _alternatives(words: list[str]) -> str:
    """One regex alternation of the phrases, longest first; a ``*`` in a phrase stands for any one word, quoted
    or not ("since the * began": the war, the assault; "using this * * method": a "financial deficit" one)."""
    return "|".join(r"\s+".join(_ANY_WORD if w == "*" else re.escape(w) for w in phrase.lower().split())
                    for phrase in sorted(words, key=len, reverse=True))


_ANY_WORD = r"[\"“”'‘’]?[\w-]+[\"“”'‘’]?"


@lru_cache(maxsize=4)
def load_scope(rules_dir: Path | None = None) -> ScopeLexicon:
    """Load and validate ``lexicon/scope.yaml`` (errors are ``file:line: message``)."""
    data, path = load_lexicon_file("scope", rules_dir)
    other = data["other_event"]
    nouns = _alternatives(other["nouns"])
    other_rx = re.compile(rf"(?:(?P<before>\w+)\s+)?(?P<ref>(?:{_alternatives(other['markers'])})"
                          rf"(?:\s+[\w-]+){{0,2}}?\s+(?:{nouns}))\b", re.IGNORECASE)
    year_rx = re.compile(rf"(?:(?P<before>\w+)\s+)?(?P<ref>(?:the|a|an|its|this)\s+(?P<year>1[5-9]\d\d|20\d\d)"
                         rf"(?:\s+[\w-]+){{0,2}}?\s+(?:{nouns}))\b", re.IGNORECASE)
    places = _alternatives(data["part_places"])
    definite = _alternatives(data["part_places_definite"])
    place_rx = re.compile(
        rf"\b[Ii]n\s+(?P<place>(?:(?:a|an|the|neighbouring|neighboring|nearby)\s+)?"
        rf"(?:[A-Z][\w'’.-]*\s+){{0,3}}(?:{places})\b|the\s+(?:{definite})\b(?:\s+of\s+[A-Z][\w'’.-]*)?"
        rf"|[A-Z][\w.-]*['’]s\s+(?:[A-Z][\w'’.-]*\s+){{1,3}}(?:{definite}|{places})\b)")
    return ScopeLexicon(
        background_days=int(data["background_days"]),
        other_rx=other_rx,
        year_rx=year_rx,
        place_rx=place_rx,
        groups=frozenset(w for g in data["part_groups"] for w in lemmatise(g)),
        not_after=frozenset(w.lower() for w in other["not_after"]),
        span_rx=re.compile(rf"\b(?P<ref>(?:[\w-]+\s+)?(?:{_alternatives(other['span_units'])})\s+"
                           rf"(?P<rel>{_alternatives(other['span_before'] + other['span_after'])}))\b",
                           re.IGNORECASE),
        span_before=frozenset(w.lower() for w in other["span_before"]),
        event_rx=re.compile(rf"\b(?:{nouns})\b", re.IGNORECASE),
        stamp_words=frozenset(w.lower() for w in data["stamp_words"]),
        part_rx=(re.compile(rf"(?<!\w)(?:{_alternatives(data['part_markers'])})(?!\w)", re.IGNORECASE)
                 if data.get("part_markers") else None),
        basis_rx=(re.compile(rf"(?<!\w)(?:{_alternatives(data['basis_markers'])})(?!\w)", re.IGNORECASE)
                  if data.get("basis_markers") else None),
        running_rx=(re.compile(rf"\b(?:{_alternatives(data['running_totals'])})\b", re.IGNORECASE)
                    if data.get("running_totals") else None),
        definite_event_rx=re.compile(rf"\b(?:the|its|that)\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b", re.IGNORECASE),
        hints={other_rx.pattern: re.compile(_alternatives(other["markers"]), re.IGNORECASE),
               year_rx.pattern: re.compile(r"1[5-9]\d\d|20\d\d")},
    )


class Scoper:
    """Reads one sentence's references to other events and parts."""

    def __init__(self, lex: ScopeLexicon | None = None) -> None:
        self.lex = lex or load_scope()
        #: (pattern, sentence) -> matches: every figure of a sentence asks the same questions of it, and
        #: a sentence of thousands of figures made the asking quadratic.
        self._memo: dict[tuple[str, str], Any] = {}

    def _memoised(self, key: tuple[str, str], compute: Callable[[], Any]) -> Any:
        if key not in self._memo:
            if len(self._memo) > 512:
                self._memo.clear()
            self._memo[key] = compute()
        return self._memo[key]

    def _first(self, rx: re.Pattern[str], sentence: str) -> re.Match[str] | None:
        return self._memoised((rx.pattern, sentence), lambda: self._first_uncached(rx, sentence))

    def _first_uncached(self, rx: re.Pattern[str], sentence: str) -> re.Match[str] | None:
        hint = self.lex.hints.get(rx.pattern)  # memoised with the answer: a sentence of 60,000 figures asks 60,000 times
        if hint is not None and not hint.search(sentence):
            return None
        for m in rx.finditer(sentence):
            before = (m.group("before") or "").lower()
            if before not in self.lex.not_after:
                return m
        return None

    def event_year(self, sentence: str) -> Period | None:
        """'The 2004 tsunami that killed about 230,000 people': the sentence is about 2004."""
        m = self._first(self.lex.year_rx, sentence)
        if m is None:
            return None
        year = int(m.group("year"))
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year))

    def other_event(self, sentence: str, at: int | None = None) -> str | None:
        """'That temblor killed ...', 'In a separate incident, ...': the marker of another event, or None.

        ``at`` is the figure's offset in the sentence: "hit almost two years after Bam was destroyed in a
        quake that killed tens of thousands" dates only what follows "after"; "four years ago" the sentence.
        """
        m = self._first(self.lex.other_rx, sentence)
        if m is not None:
            return OTHER_EVENT + " ".join(m.group("ref").lower().split())
        spans = self._memoised(("span", sentence), lambda: list(self.lex.span_rx.finditer(sentence)))
        for m in spans:
            if m.group("rel").lower() in self.lex.span_before or at is None or at >= m.end():
                return OTHER_EVENT + " ".join(m.group("ref").lower().split())
        return None

    def parts(self, sentence: str, counted: str | None) -> tuple[str, ...]:
        """Part markers: a sub-area of the sentence ('in bener meriah district') and a counted group ('staff')."""
        out = []
        m = self._memoised(("place", sentence), lambda: self.lex.place_rx.search(sentence))
        if m is not None:
            place = m.group("place").lower()
            place = re.sub(r"^(?:a|an|the|neighbouring|neighboring|nearby)\s+", "", place)
            out.append("in " + " ".join(place.split()))
        for w in lemmatise(counted or ""):
            if w in self.lex.groups:
                out.append(w)
        if self.lex.running_rx is not None and self._memoised(
                ("running", sentence), lambda: self.lex.running_rx.search(sentence)):
            out.append("cumulative")  # "600 killed so far in the offensive" is not one incident's toll
        return tuple(out)

    def dateline(self, text: str, start: int, end: int, events: frozenset[str] = frozenset()) -> bool:
        """Is the date at text[start:end] a dateline: on a line of its own with only stamp words, a time, a
        time zone and at most three capitalised names ("Reuters Sep 18, 2013, 02.16PM IST")?"""
        # look no further than the 80 characters a dateline may hold: on a long line, a search for the
        # line's ends from every date was quadratic
        lo = max(0, start - 81)
        a = text.rfind("\n", lo, start) + 1
        if a == 0 and lo > 0:
            return False
        b = text.find("\n", end, end + 82)
        if b < 0:
            if end + 82 < len(text):
                return False
            b = len(text)
        rest = text[a:start] + " " + text[end:b]
        if len(rest) > 80:
            return False
        rest = _TIME_RX.sub(" ", rest)
        names = 0
        for w in re.findall(r"[^\s,|:/]+|[,|:/]", rest):
            low = w.lower().strip(".")
            if low in events:
                return False  # "Born\n1 February 1972": a label of the event, not a dateline
            if low in self.lex.stamp_words or not low or w.isdigit():
                continue
            if w.isupper() and 2 <= len(w) <= 4:  # a time zone: IST, GMT, EDT
                continue
            if w[:1].isupper():
                names += 1
                continue
            return False
        return names <= 3

    def background(self, period: Period | None, source: str, doc_date: dt.date | None, previous: str,
                   sentence: str) -> Period | None:
        """The previous sentence's period when this sentence goes on about the earlier event it tells.

        "In April last year an 8.6-magnitude quake struck ... Five people died and seven were injured in
        the quake": the previous sentence is dated long before the document and names an event, and
        this one takes an event up again with "the"; its figures are about that event.
        """
        if period is None or source != "explicit" or doc_date is None:
            return None
        if not self.lex.event_rx.search(previous) or not self.lex.definite_event_rx.search(sentence):
            return None
        if (doc_date - period.end).days > self.lex.background_days:
            return period
        return None
