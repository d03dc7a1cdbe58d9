"""Versions of one document: recognise them and put them in order.

Why: wire services re-send a story with a corrected figure ("Corrected -", "(CORRECTED)", "UPDATE 2-"),
companies reissue releases, documentation keeps several versions of one page. Two versions are one
source: their figures must not be cross-checked as two reports, and a figure that changed between them
is a revision, the very thing a fact-checker wants to see (see `factcheck.revisions`).

Two documents are versions of one when their bodies are near duplicates in words and in figures (a
re-sent story), or when one carries a correction or update marker, their headlines are alike and most of
their words are shared. Thresholds (`VersionSettings`) are measured by `bench/versions.py`.
Pure functions over `Document`; the whole-set cost is blocking on the headline's first words, so it grows
with the documents, not their square.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from enum import StrEnum
from typing import Collection, Mapping, Sequence

from .model import Document


class Marker(StrEnum):
    """What a headline says of its document's relation to an earlier one."""

    CORRECTED = "Corrected"
    UPDATED = "Updated"
    REPEATED = "Repeated"


#: "(Corrected) - X", "Corrected-X", "CORRECTED - X", "UPDATE 2-X", "Rpt-X", "REFILE-X"
#: Possessive where a run of spaces meets another (a headline of "(" and 100,000 spaces was quadratic); what
#: follows each run is never a space, so the headlines it matches, and where, are the same.
_MARKER = re.compile(
    r"^\W*+(?P<word>corrected|correction|correcting|updated|update|refiled|refile|repeat|rpt)"
    r"(?:\s*+\d++)?+\s*+\)?\s*+(?:[-:–—]|\)\s*+[-:–—]?)\s*+", re.IGNORECASE)
_MARKER_WORDS = {"corrected": Marker.CORRECTED, "correction": Marker.CORRECTED, "correcting": Marker.CORRECTED,
                 "updated": Marker.UPDATED, "update": Marker.UPDATED, "refiled": Marker.REPEATED,
                 "refile": Marker.REPEATED, "repeat": Marker.REPEATED, "rpt": Marker.REPEATED}
_TICKER = re.compile(r"<([^<>]{1,12})>")
_WORD = re.compile(r"[a-z0-9]+(?:[.,'][a-z0-9]+)*")
#: a headline's first words that name no one: never a blocking key on their own
_GENERIC = frozenset("the a an u.s us new more first".split())


@dataclass(frozen=True)
class VersionSettings:
    """Thresholds of `version_pairs`; `bench/versions.py` measures them on Reuters-21578, where daily
    stories written from one template ("money market given 170 mln stg help") share 80-100% of their
    words but not their figures, and corrections keep 70-100% of the words and most figures."""

    #: without a marker: the share of the smaller text's words (no figures) found in the other, and of the
    #: larger text's figures found in the other
    duplicate_words: float = 0.9
    duplicate_figures: float = 0.85
    #: with a correction or update marker: the share of words, and the headline similarity (0-1)
    marked_words: float = 0.65
    marked_headline: float = 0.7
    #: a headline this many documents of the set carry is a recurring report (a daily rate, a monthly
    #: estimate), whose issues are not versions of one another unless marked
    recurring: int = 3
    #: unmarked near duplicates dated further apart than this are two issues of a report, not versions
    max_days: int = 7


@dataclass(frozen=True)
class VersionPair:
    """Two documents that are versions of one, in order: ``later`` replaces ``earlier``."""

    earlier: str
    later: str
    #: the later version's marker, or None when only the order says which is later
    marker: Marker | None
    similarity: float
    #: why they are versions: "near duplicate", "same headline", "marker"
    why: tuple[str, ...]


def headline(text: str) -> str:
    """The first non-empty line: a wire story's headline or slug, a page's title."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def marker_of(text: str) -> tuple[Marker | None, str]:
    """The headline's correction or update marker and the headline without it."""
    head = headline(text)
    m = _MARKER.match(head)
    if m is None:
        return None, head
    return _MARKER_WORDS[m.group("word").lower()], head[m.end():].strip()


def _plain_headline(head: str) -> str:
    """A headline compared across versions: no ticker, no punctuation, lower case."""
    return " ".join(_WORD.findall(_TICKER.sub(" ", head).lower().replace(".", "")))


def _body(text: str) -> str:
    head = headline(text)
    i = text.find(head)
    return text[i + len(head):] if head else text


def _bag(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def _split(bag: Counter[str]) -> tuple[Counter[str], Counter[str]]:
    """Words and figures apart: a template shares its words, a version its figures too."""
    words: Counter[str] = Counter()
    figures: Counter[str] = Counter()
    for k, v in bag.items():
        (figures if not k.isalpha() and any(ch.isdigit() for ch in k) else words)[k] = v  # letters are no digits
    return words, figures


def containment(a: Counter[str], b: Counter[str]) -> float:
    """The share of the smaller bag found in the larger: a truncated or re-sent version of a text scores
    near 1 however its figures moved, two tables of two companies share only their labels."""
    small = min(sum(a.values()), sum(b.values()))
    if small == 0:
        return 0.0
    return sum((a & b).values()) / small


def overlap(a: Counter[str], b: Counter[str]) -> float:
    """The share of the larger bag found in the smaller: symmetric, so a story with one figure is no
    duplicate of a longer one that repeats it (containment would call it 1)."""
    large = max(sum(a.values()), sum(b.values()))
    return sum((a & b).values()) / large if large else 0.0


def headline_similarity(x: str, y: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(_plain_headline(x), _plain_headline(y)) / 100.0


@dataclass(frozen=True)
class _Doc:
    index: int
    doc: Document
    marker: Marker | None
    head: str
    words: Counter
    figures: Counter

    @property
    def keys(self) -> tuple[str, ...]:
        return _keys(self.head)


def _keys(head: str) -> tuple[str, ...]:
    """Blocking keys: the headline's tickers and its first two words (the name it is about)."""
    keys = ["t:" + t.lower().split(".")[0] for t in _TICKER.findall(head)]
    words = [w for w in _plain_headline(head).split() if w not in _GENERIC]
    if words:
        keys.append("w:" + " ".join(words[:2]))
    return tuple(keys)


def version_keys(text: str) -> tuple[str, ...]:
    """The blocking keys `version_pairs` gives a document's text: only documents that share one are compared
    (a claim index stores them, so a new version finds its archived original without reading the archive)."""
    return _keys(marker_of(text)[1])


def plain_headline(text: str) -> str:
    """The headline `version_pairs` counts to tell a recurring report: no marker, ticker or punctuation."""
    return _plain_headline(marker_of(text)[1])


def _read(docs: Sequence[Document]) -> list[_Doc]:
    out = []
    for i, d in enumerate(docs):
        marker, head = marker_of(d.text)
        out.append(_Doc(i, d, marker, head, *_split(_bag(_body(d.text)))))
    return out


def _judge(x: _Doc, y: _Doc, s: VersionSettings, recurring: frozenset[str] = frozenset()) -> VersionPair | None:
    """The version pair of x and y, in order, or None when they are two documents."""
    words = containment(x.words, y.words)
    why: list[str] = []
    if x.marker is not None or y.marker is not None:
        if words >= s.marked_words and headline_similarity(x.head, y.head) >= s.marked_headline:
            why = ["marker", "same headline"]
    dx, dy = x.doc.date, y.doc.date
    apart = dx is not None and dy is not None and abs((dx - dy).days) > s.max_days
    series = _plain_headline(x.head) in recurring and _plain_headline(y.head) in recurring
    if not why and words >= s.duplicate_words and not apart and not series:
        some = min(sum(x.figures.values()), sum(y.figures.values()))
        if some == 0 and sum(x.figures.values()) == sum(y.figures.values()) or (
                some and overlap(x.figures, y.figures) >= s.duplicate_figures):
            why = ["near duplicate"]
    if not why:
        return None
    earlier, later = _order(x, y)
    return VersionPair(earlier.doc.name, later.doc.name, later.marker, round(words, 3), tuple(why))


def _order(x: _Doc, y: _Doc) -> tuple[_Doc, _Doc]:
    """Earlier first: an unmarked version before a marked one, then by date, then by order given."""
    if (x.marker is None) != (y.marker is None):
        return (x, y) if x.marker is None else (y, x)
    if x.doc.date is not None and y.doc.date is not None and x.doc.date != y.doc.date:
        return (x, y) if x.doc.date < y.doc.date else (y, x)
    return (x, y) if x.index < y.index else (y, x)


def version_pairs(docs: Sequence[Document], settings: VersionSettings | None = None,
                  *, block_limit: int = 400, focus: Collection[str] | None = None,
                  heads: Mapping[str, int] | None = None,
                  key_sizes: Mapping[str, int] | None = None) -> tuple[VersionPair, ...]:
    """Every pair of versions among ``docs``, each once, in a stable order.

    Only documents that share a blocking key (a headline ticker, the headline's first two words) are
    compared; a key shared by more than ``block_limit`` documents is too common to tell anything.

    Against a claim index, ``docs`` are a batch and the archived documents that share a key with it:
    ``focus`` (the batch) keeps the pairs with one of its documents, and ``heads`` (plain headline -> how
    many documents of the whole set carry it) and ``key_sizes`` (key -> how many documents of the whole
    set have it) stand for the counts these documents alone would give.
    """
    s = settings or VersionSettings()
    read = _read(docs)
    counts = heads if heads is not None else Counter(_plain_headline(d.head) for d in read)
    recurring = frozenset(h for h, n in counts.items() if n >= s.recurring)
    blocks: dict[str, list[int]] = defaultdict(list)
    for d in read:
        for k in d.keys:
            blocks[k].append(d.index)
    seen: set[tuple[int, int]] = set()
    out: list[VersionPair] = []
    for key in sorted(blocks):
        ids = blocks[key]
        size = len(ids) if key_sizes is None else max(len(ids), key_sizes.get(key, 0))
        if len(ids) < 2 or size > block_limit:
            continue
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                pair = (ids[i], ids[j])
                if pair in seen or (focus is not None and docs[ids[i]].name not in focus
                                    and docs[ids[j]].name not in focus):
                    continue
                seen.add(pair)
                found = _judge(read[pair[0]], read[pair[1]], s, recurring)
                if found is not None:
                    out.append(found)
    return tuple(sorted(out, key=lambda p: (p.earlier, p.later)))


def version_groups(pairs: Sequence[VersionPair]) -> Mapping[str, str]:
    """Document -> its group's first member: the documents that are versions of one, transitively."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        a, b = find(p.earlier), find(p.later)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {d: find(d) for d in parent}


def revision_chain(pairs: Sequence[VersionPair], docs: Sequence[Document]) -> tuple[VersionPair, ...]:
    """The pairs whose figures are diffed: in each group, each version against the one it replaced
    (the latest earlier one), so three versions give two revisions rather than three."""
    order = {d.name: i for i, d in enumerate(docs)}
    by_later: dict[str, list[VersionPair]] = defaultdict(list)
    for p in pairs:
        by_later[p.later].append(p)
    out = []
    for later, ps in sorted(by_later.items()):
        # the closest predecessor: no other candidate lies between it and ``later``
        cands = {p.earlier for p in ps}
        closest = [p for p in ps if not any(_before(p.earlier, o, pairs) for o in cands if o != p.earlier)]
        best = max(closest or ps, key=lambda p: order.get(p.earlier, -1))
        out.append(best)
    return tuple(out)


def _before(x: str, y: str, pairs: Sequence[VersionPair]) -> bool:
    """x is a direct earlier version of y."""
    return any(p.earlier == x and p.later == y for p in pairs)
