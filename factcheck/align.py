"""Is this the same quantity? The one place that decides it: candidates by blocking, a score from features.

Why a score and not a yes/no: two figures can share a rule's metric and yet concern different companies,
or share only a counted noun and yet be the same count of one event told by two outlets. Each pair of
candidates gets features (same concept, same verb, shared entities, similar sentences, ...), the weights
(`rules/lexicon/align.yaml`, fitted by `bench/fit_align.py`) turn them into a score in 0–1, and the score
sets how loudly a disagreement is reported. Every finding keeps the score and the features it rests on.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from .errors import RuleFileError
from .model import Alignment, Claim, Level, SubjectSource
from .rulefile import line_of
from .scope import load_scope
from .schemas import load_lexicon_file

#: Feature names, in the order `bench/fit_align.py` writes their weights.
FEATURES = ("same_rule", "same_concept", "same_noun", "same_verb", "other_verb", "same_of", "other_of",
            "shared_entity", "shared_context", "no_subject", "same_period", "similarity", "same_doc", "several_values",
            "short_texts", "same_story", "other_subject", "unframed", "value_gap", "enumerated", "other_day",
            "same_words", "other_modifier", "increment", "background", "restatement", "other_part", "pronoun",
            "another_issue", "many_documents")
#: What each feature means in words, for `explain` and the text report.
FEATURE_WORDS = {
    "same_rule": "both fall under the rule's metric",
    "same_concept": "one concept in other words",
    "same_noun": "the same counted or modified noun",
    "same_verb": "the same verb",
    "other_verb": "different verbs",
    "same_of": "the same of-object",
    "other_of": "different of-objects",
    "shared_entity": "a name shared in both sentences",
    "shared_context": "the same subject from headline or document",
    "no_subject": "no subject found for a side",
    "same_period": "the same stated period",
    "similarity": "similar sentences",
    "same_doc": "inside one document",
    "several_values": "a document gives several values of it",
    "short_texts": "short texts checked against each other",
    "same_story": "the two documents name the same people and places",
    "other_subject": "different subjects named",
    "unframed": "a figure with no noun or metric of its own",
    "value_gap": "values an order of magnitude apart",
    "enumerated": "one item of a list of figures",
    "other_day": "the sentences name different days or clock times",
    "same_words": "the same words around the figures",
    "other_modifier": "the counted nouns carry different modifiers",
    "increment": "one figure is a further amount ('another')",
    "background": "a figure of an earlier time than its report (background)",
    "restatement": "the text itself restates the other figure ('a different number: 16 percent')",
    "other_part": "only one figure is a part or a sum of parts ('in cash', 'combined', 'alone')",
    "pronoun": "a sentence says only 'he', 'she' or 'it' of whom the figure is about",
    "many_documents": "a large set of documents, where two figures are seldom about one thing",
    "another_issue": "one template (sentence or headline) with other figures: two issues of a recurring report",
}
#: verb classes (concepts.yaml) that only frame a figure as a level or a change: "reached" vs "grew to"
#: is no evidence of two different things
_FRAMING_VERBS = frozenset({"be", "rise", "fall"})
_STOP = frozenset("the a an of in on at for to from by with and or but as is was were are be been has have had "
                  "it its their his her this that these those which who said says will would than more less about "
                  "some over under after before into per".split())


@dataclass(frozen=True)
class AlignSettings:
    """Weights (logit units) and level thresholds from ``rules/lexicon/align.yaml``."""

    bias: float
    weights: Mapping[str, float]
    error: float
    warning: float
    note: float
    #: groups larger than this are not compared pair by pair: each claim meets the group's consensus
    pairwise_limit: int = 200

    def level_for(self, score: float) -> Level | None:
        if score >= self.error:
            return Level.ERROR
        if score >= self.warning:
            return Level.WARNING
        if score >= self.note:
            return Level.NOTE
        return None


@lru_cache(maxsize=4)
def load_align_settings(rules_dir: Path | None = None) -> AlignSettings:
    data, path = load_lexicon_file("align", rules_dir)
    weights = dict(data.get("weights") or {})
    for key in weights:
        if key not in FEATURES:
            raise RuleFileError(str(path), line_of(data["weights"], key), f"weights.{key}: unknown feature "
                                f"(known: {', '.join(FEATURES)})")
    levels = data.get("levels") or {}
    if not levels.get("error", 1) >= levels.get("warning", 0) >= levels.get("note", 0):
        raise RuleFileError(str(path), line_of(data, "levels"), "levels must satisfy error >= warning >= note")
    return AlignSettings(bias=float(data.get("bias", 0.0)), weights={k: float(v) for k, v in weights.items()},
                         error=float(levels.get("error", 0.85)), warning=float(levels.get("warning", 0.6)),
                         note=float(levels.get("note", 0.35)),
                         pairwise_limit=int(data.get("pairwise_limit", 200)))


# ------------------------------------------------------------------------------ blocking
def concept_key(c: Claim) -> str | None:
    """The claim's blocking key: its rule's metric, or its concept (lexicon concept or counted noun)."""
    if c.rule not in ("generic", "none"):
        return "rule:" + c.rule
    if c.concept is not None and c.concept.key:
        rate = c.metric.partition(" per ")[2] if c.metric and " per " in c.metric else ""
        return c.concept.key + (f" per {rate}" if rate else "")  # "8,000 victims per day" is a rate
    if c.rule == "generic" and c.metric:
        return "metric:" + c.metric
    if c.metric is None and c.quantity.kind in ("measure", "money"):
        return "unframed:" + c.quantity.kind  # "about 20 miles north of X": only the evidence can tie it
    return None


def _names(c: Claim) -> set[str]:
    return {w for s in c.subject for w in s.lower().split() if len(w) > 2}


def candidate_pairs(members: Sequence[Claim], limit: int, *, whole: int = 60,
                    representatives: int = 7,
                    hot: Callable[[Claim], bool] | None = None) -> Iterator[tuple[Claim, Claim]]:
    """Pairs worth scoring inside one block, so cost grows with the claims, not their square.

    A block of up to ``whole`` claims is compared whole. A larger one is compared where two claims share a
    document or a name; a name shared by more than ``limit`` claims ("U.S.") is compared against its
    consensus: every claim meets a few representatives spread over the sorted values (the median among
    them), so an outlier among hundreds of agreeing reports is still found, and nothing is cut.

    ``hot`` keeps only the pairs with a hot claim, chosen exactly as among all pairs (a subsequence of
    them): a batch checked against an archive (`factcheck.index`) meets the archive as it would in one
    set, and the archive's pairs among themselves are never scored.
    """
    flags = None if hot is None else [hot(c) for c in members]
    yield from _pairs(members, limit, whole, representatives, flags)


def _pairs(members: Sequence[Claim], limit: int, whole: int, representatives: int,
           hot: Sequence[bool] | None) -> Iterator[tuple[Claim, Claim]]:
    """`candidate_pairs`; with ``hot``, only the pairs with a hot member (and without enumerating the rest)."""
    if len(members) <= whole:
        if hot is None:
            for i in range(len(members)):
                for j in range(i + 1, len(members)):
                    yield members[i], members[j]
            return
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                if hot[i] or hot[j]:
                    yield members[i], members[j]
        return
    index: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(members):
        for w in _names(c):
            index["n:" + w].append(i)
        index["d:" + (c.doc or "")].append(i)
    seen: set[tuple[int, int]] = set()

    def emit(x: int, y: int) -> Iterator[tuple[Claim, Claim]]:
        pair = (x, y) if x < y else (y, x)
        if x != y and pair not in seen:
            seen.add(pair)
            yield members[pair[0]], members[pair[1]]

    for key in sorted(index):
        ids = index[key]
        if hot is not None and not any(hot[k] for k in ids):
            continue  # no pair here can have a hot member
        if len(ids) <= limit:
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    if hot is None or hot[ids[x]] or hot[ids[y]]:
                        yield from emit(ids[x], ids[y])
            continue
        ranked = sorted(ids, key=lambda k: (members[k].quantity.value is None, members[k].quantity.value or 0.0, k))
        step = max(1, len(ranked) // (representatives - 1))
        reps = sorted(set(ranked[::step][:representatives]) | {ranked[len(ranked) // 2]})
        for r in reps:
            for k in (ids if hot is None or hot[r] else [k for k in ids if hot[k]]):
                yield from emit(r, k)


# ------------------------------------------------------------------------------ features
@lru_cache(maxsize=65536)
def _content(sentence: str) -> str:
    words = re.findall(r"[^\W\d_]+", sentence.lower())
    return " ".join(w for w in words if w not in _STOP and len(w) > 2)


@lru_cache(maxsize=262144)
def _similarity(x: str, y: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(_content(x), _content(y)) / 100.0


def same_entity(x: str, y: str) -> bool:
    if x == y:
        return True
    wx, wy = set(x.lower().split()), set(y.lower().split())
    return bool(wx) and bool(wy) and (wx <= wy or wy <= wx)


def _shares(xs: Iterable[str], ys: Iterable[str]) -> bool:
    ys = tuple(ys)
    return any(same_entity(x, y) for x in xs for y in ys)


def _proper(c: Claim) -> tuple[str, ...]:
    """The subject's names (capitalised), without the item words a rule's term leaves ("capital" of
    "capital spending"): only a shared name is evidence of one subject."""
    return tuple(s for s in c.subject if s[:1].isupper())


def items(c: Claim) -> frozenset[str]:
    """The subject's item words (lower case: "wheat" of wheat exports, "producer" of producer prices)."""
    return frozenset(s for s in c.subject if not s[:1].isupper() and s not in _NOT_ITEMS)


_NOT_ITEMS = frozenset({"year", "years", "month", "months", "week", "quarter", "last", "first", "total"})


def named_in_sentence(a: Claim, b: Claim) -> bool:
    """b's sentence names one of a's subjects although b's own clause names no one: "... known only to
    the three monks who prepare it" in a text about a liqueur the other sentence names."""
    return any(re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", b.sentence) for s in a.subject if len(s) > 2)


@dataclass(frozen=True)
class PairContext:
    """Facts about the whole set that features need: how many values each document gives per key."""

    values_per_doc: Mapping[tuple, int]
    short_texts: bool
    #: the words of every name each document's claims are about: two reports of one story share many
    doc_names: Mapping[str, frozenset[str]] = None  # type: ignore[assignment]
    #: each document's date, to tell a report's news from the background it recalls ("the 1998 flood")
    doc_dates: Mapping[str, dt.date | None] = None  # type: ignore[assignment]

    #: each document's headline with its figures masked ("u.k. money market given late help of # mln stg"),
    #: for documents of more than a headline and two lines
    doc_heads: Mapping[str, str] = None  # type: ignore[assignment]

    #: how many documents the set holds: the more unrelated documents, the lower the prior that two
    #: figures from two of them are one quantity
    documents: int = 0

    def crowd(self) -> float:
        """0 for a set of up to 50 documents, rising with the log of their number to 1 at 5,000."""
        return min(1.0, max(0.0, math.log10(max(1, self.documents) / 50) / 2))

    def one_series(self, x: str, y: str) -> bool:
        """Two documents under one headline template: issues of a recurring report (a daily money-market
        operation, a weekly rig count), whose figures are of different days even where no date says so."""
        hx, hy = (self.doc_heads or {}).get(x), (self.doc_heads or {}).get(y)
        if not hx or not hy or x == y or len(hx.split()) < 3 or len(hy.split()) < 3:
            return False
        return _alike(hx, hy)

    def is_background(self, c: Claim) -> bool:
        """The claim's own period ended over a year before its report: a recalled earlier event (last year's
        figures are still news in a release that reports them)."""
        when = (self.doc_dates or {}).get(c.doc or "")
        return (when is not None and c.period is not None and c.period_source == "explicit"
                and (when - c.period.end).days > 366)

    def story_overlap(self, x: str, y: str) -> float:
        """How much two documents name the same things (0-1): the share of the smaller name set in both."""
        if x == y or not self.doc_names:
            return 0.0
        a, b = self.doc_names.get(x, frozenset()), self.doc_names.get(y, frozenset())
        if len(a) < 2 or len(b) < 2:
            return 0.0
        return len(a & b) / min(len(a), len(b))


def features(a: Claim, b: Claim, ctx: PairContext) -> dict[str, float]:
    """The evidence that two claims measure the same thing (1.0 = present; similarity is graded)."""
    ca, cb = a.concept, b.concept
    f: dict[str, float] = {}
    if a.rule == b.rule and a.rule not in ("generic", "none"):
        f["same_rule"] = 1.0
    ka, kb = concept_key(a), concept_key(b)
    if ka and ka == kb and not ka.startswith(("noun:", "rule:", "metric:")):
        f["same_concept"] = 1.0
    if ca is not None and cb is not None:
        if ca.noun and ca.noun == cb.noun:
            f["same_noun"] = 1.0
        if ca.verb and cb.verb:
            if ca.verb == cb.verb:
                f["same_verb"] = 1.0
            elif not {ca.verb, cb.verb} & _FRAMING_VERBS:
                f["other_verb"] = 1.0
        if ca.of_object and cb.of_object:
            f["same_of" if ca.of_object == cb.of_object else "other_of"] = 1.0
        sa, sb = ca.subject_source, cb.subject_source
        if sa == SubjectSource.SENTENCE and sb == SubjectSource.SENTENCE and _shares(_proper(a), _proper(b)):
            f["shared_entity"] = 1.0
        elif (sa == SubjectSource.SENTENCE != sb and named_in_sentence(a, b)) or (
                sb == SubjectSource.SENTENCE != sa and named_in_sentence(b, a)):
            # only where the other clause names no one of its own: "10 houses in Takengon, the capital of
            # Central Aceh" is not about Aceh's 300
            f["shared_entity"] = 1.0
        elif SubjectSource.NONE not in (sa, sb) and _shares(a.subject, b.subject):
            f["shared_context"] = 1.0
        elif a.doc == b.doc and not (a.subject and b.subject):
            f["shared_context"] = 1.0  # one document, no other subject named: the document's own
        if a.subject and b.subject and not _shares(a.subject, b.subject) and not f.get("shared_entity"):
            # weaker evidence inside one story, where clause names are often an agency or a vessel
            if sa == sb == SubjectSource.SENTENCE:
                # both sentences name whom the figure is about, and not the same one: Felt and his wife,
                # two clubs' offers. One story does not excuse that.
                f["other_subject"] = 1.0
            else:  # a headline's or document's name is a guess, and weaker still inside one story
                f["other_subject"] = 0.5 * (1.0 - min(1.0, ctx.story_overlap(a.doc or "", b.doc or "")))
        if not ctx.short_texts and a.doc != b.doc:  # inside one document the unknown subject is one
            f["no_subject"] = float((sa == SubjectSource.NONE) + (sb == SubjectSource.NONE))
    if a.period is not None and a.period == b.period and a.period_source in ("explicit", "relative") \
            and b.period_source in ("explicit", "relative"):
        f["same_period"] = 1.0
    if (ka or "").startswith("unframed:"):
        f["unframed"] = 1.0
    gap = 0.0 if ctx.short_texts else value_gap(a, b)  # a claim and its evidence: any gap is the dispute
    if gap:
        f["value_gap"] = gap
    if enumerated(a) or enumerated(b):
        f["enumerated"] = 1.0
    if _modifiers(a) != _modifiers(b) and a.quantity.kind == "count" == b.quantity.kind:
        f["other_modifier"] = 1.0  # "seven swing states" / "41 states"
    if _increment(a) != _increment(b):
        f["increment"] = 1.0
    if bool(part_word(a)) != bool(part_word(b)):
        f["other_part"] = 1.0
    pronouns = _pronoun_led(a) + _pronoun_led(b)
    if pronouns:
        f["pronoun"] = float(pronouns)
    if a.doc != b.doc:
        recalled = ctx.is_background(a) + ctx.is_background(b)
        if recalled:
            f["background"] = float(recalled)
    if a.doc == b.doc and (_restates(a, b) or _restates(b, a)):
        f["restatement"] = 1.0
    if a.doc != b.doc and ctx.crowd():
        f["many_documents"] = ctx.crowd()
    if a.doc != b.doc and not ctx.short_texts and (
            another_issue(a.sentence, b.sentence)
            or (ctx.one_series(a.doc or "", b.doc or "") and _similarity(a.sentence, b.sentence) >= 0.7)):
        # under one headline template, alike sentences are this issue's and the last one's (a page banner
        # such as "1,780 releases posted today" is a template too, so the sentences must match as well)
        f["another_issue"] = 1.0
    local = _local_overlap(a, b)
    if local >= 0.3:
        f["same_words"] = local
    da, db = _days(a.sentence), _days(b.sentence)
    for kind in (str.isalpha, lambda w: not w.isalpha()):  # weekdays against weekdays, clock times against times
        xa, xb = {w for w in da if kind(w)}, {w for w in db if kind(w)}
        if xa and xb and not xa & xb:
            f["other_day"] = 1.0
    f["similarity"] = max(0.0, _similarity(a.sentence, b.sentence) - 0.4) / 0.6
    if a.doc == b.doc:
        f["same_doc"] = 1.0
    key = ka or ""
    several = max(ctx.values_per_doc.get((a.doc or "", key, a.period, a.attribution), 1),
                  ctx.values_per_doc.get((b.doc or "", key, b.period, b.attribution), 1))
    if several > (2 if a.doc == b.doc else 1):  # inside one document the pair itself is two values
        f["several_values"] = 1.0
    if ctx.short_texts:
        f["short_texts"] = 1.0
    overlap = ctx.story_overlap(a.doc or "", b.doc or "")
    if overlap >= 0.3:
        f["same_story"] = overlap
    return {k: v for k, v in f.items() if v}


_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")


def _stem(word: str) -> str:
    """A crude stem, enough to match 'seized'/'seizing' and 'boats'/'boat' in a window of words."""
    w = word.lower()
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


@lru_cache(maxsize=262144)
def _window(sentence: str, text: str, width: int = 2) -> frozenset[str]:
    """Content words within ``width`` words on each side of the figure: what it is said of, locally."""
    k = sentence.find(text)
    if k < 0:
        return frozenset()
    before = [w for w in _WORD.findall(sentence[max(0, k - 80):k]) if w.lower() not in _STOP]
    after = [w for w in _WORD.findall(sentence[k + len(text):k + len(text) + 80]) if w.lower() not in _STOP]
    return frozenset(_stem(w) for w in before[-width:] + after[:width])


def _local_overlap(a: Claim, b: Claim) -> float:
    """How many of the words around two figures are the same (0-1, Jaccard): "pirates in three boats" and
    "the pirates in two boats" say the same of their figures; "seized seven rifles" and "seizing 12
    Somali" do not."""
    wa = _window(a.sentence, a.quantity.text.strip())
    wb = _window(b.sentence, b.quantity.text.strip())
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


_DAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                  r"(?<=at |by )(?:about |around |approximately )?\d{1,2}[:.]\d{2}\s*[ap]\.?\s?m\b)", re.IGNORECASE)


def _restates(a: Claim, b: Claim) -> bool:
    """Did the framer give a's metric as a restatement of an earlier figure, b's, in one text?"""
    return b.quantity.start < a.quantity.start and any(
        p.facet == "metric" and p.source.startswith("restatement") for p in a.provenance)


def _modifiers(c: Claim) -> tuple[str, ...]:
    """What the counted noun's own words say besides the head: 'swing state' -> ('swing',)."""
    words = (c.quantity.unit or "").split() if c.quantity.kind == "count" else []
    return tuple(w for w in words[:-1] if w.isalpha())


def _increment(c: Claim) -> bool:
    text = c.quantity.text.strip()
    k = c.sentence.find(text)
    return k >= 0 and bool(_INCREMENT.search(c.sentence[max(0, k - 30):k])
                           or _INCREMENT_AFTER.match(c.sentence[k + len(text):k + len(text) + 20]))


def part_word(c: Claim) -> str:
    """The word beside the figure that makes it a part or a sum of parts ("$281 million in cash", "combined,
    the two had $39 billion", "in Athens alone"), or "". Markers: ``part_markers`` of ``lexicon/scope.yaml``."""
    return _part_word(c.sentence, c.quantity.text.strip())


@lru_cache(maxsize=65536)
def _part_word(sentence: str, text: str) -> str:
    """Cached per figure: every candidate pair asks it of both its claims."""
    rx = load_scope().part_rx
    k = sentence.find(text)
    if rx is None or k < 0:
        return ""
    before = re.split(r"[;:]|,\s+(?:and|but|while)\b", sentence[max(0, k - 60):k])[-1]
    m = rx.search(before) or rx.search(sentence[k + len(text):k + len(text) + 40].split(",")[0])
    return m.group(0) if m else ""


_PRONOUN = re.compile(r"^\W*(?:he|she|they|it|his|her|their|its)\b", re.IGNORECASE)


def _pronoun_led(c: Claim) -> int:
    """1 when the sentence opens with a pronoun and names no one of its own: "He leaves two children" is about
    whoever the sentences before name, which two such sentences of one story need not share."""
    return int(bool(_PRONOUN.match(c.sentence))
               and (c.concept is None or c.concept.subject_source != SubjectSource.SENTENCE or not c.subject))


_FIGURE = re.compile(r"\d[\d,.]*\d|\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
                     re.IGNORECASE)


@lru_cache(maxsize=65536)
def another_issue(x: str, y: str) -> bool:
    """Two sentences of one template with two or more figures changed ("the rig count was up 14 to 164, against 422"
    / "up by two to 183, against 324"): this week's and last week's issue of a recurring report, not two
    accounts of one figure. A re-sent correction changes one figure and keeps the rest."""
    if "|" in x or "|" in y:
        return False  # a table reads as one "sentence"; its cells are framed by row and column instead
    fx, fy = _FIGURE.findall(x), _FIGURE.findall(y)
    if len(fx) < 2 or len(fx) != len(fy) or sum(p.lower() != q.lower() for p, q in zip(fx, fy)) < 2:
        return False
    return _alike(masked(x), masked(y))


@lru_cache(maxsize=65536)
def _alike(x: str, y: str) -> bool:
    """Two templates (figures masked) that differ in a few characters at most: one report's issues."""
    from rapidfuzz import fuzz

    return fuzz.ratio(x, y) >= 90


def masked(text: str) -> str:
    """The text in lower case with every figure replaced by '#': its template."""
    return _FIGURE.sub("#", text.lower())


def _days(sentence: str) -> frozenset[str]:
    """Weekdays and clock times a sentence names: "Sunday's quake" and "Monday's quake", or a quake "at 9:30
    a.m." and one "at 7:30 a.m.", are two events of one story."""
    return frozenset(re.sub(r"[\s.]|about|around|approximately", "", m.lower()) for m in _DAY.findall(sentence))


def value_gap(a: Claim, b: Claim) -> float:
    """How far apart two values are beyond a factor of two, up to tenfold (0-1): two reports of one count
    seldom differ that much, while a part and its whole, or two events, often do (40 at one school vs 612
    in a quake)."""
    x, y = a.quantity.value, b.quantity.value
    if x is None or y is None or x <= 0 or y <= 0 or a.quantity.kind in ("date", "ordinal"):
        return 0.0
    if a.quantity.unit != b.quantity.unit and a.quantity.kind not in ("count", "percent"):
        return 0.0  # other units of a measure or currency: the raw ratio says nothing before conversion
    # reports of one count seldom differ by more than a factor of two: count only what lies beyond it
    beyond = math.log10(max(x, y) / min(x, y)) - math.log10(2.0)
    return min(1.0, max(0.0, beyond / (1.0 - math.log10(2.0))))


_NUMBER = (r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
           r"fifty|hundred|dozen)\b)")
_LIST_AFTER = re.compile(r"^\s*[\w-]*\s*(?:,|and|&|plus)\s+(?:another\s+|the\s+|its\s+|their\s+)?" + _NUMBER,
                         re.IGNORECASE)
_LIST_BEFORE = re.compile(r"\b" + _NUMBER + r"[\d,.]*\s+[A-Za-z-]+\s*(?:,|and|plus)\s*(?:the\s+|its\s+|their\s+)?$",
                          re.IGNORECASE)
#: words right before a figure that make it a further or different part ("another $215 billion"), or right
#: after it ("married two more times")
_INCREMENT = re.compile(r"\b(?:another|additional|further|extra|more|other)\s+(?:\S+\s+)?$", re.IGNORECASE)
_INCREMENT_AFTER = re.compile(r"^\s*(?:more|additional|further|other|others)\b", re.IGNORECASE)


def enumerated(c: Claim) -> bool:
    """Is the figure one item of a list of figures ("9 Danish and 4 Dutch sailors", "six rifles, three
    other rifles")? Each item counts a part, not the whole the other report counts."""
    s = c.sentence
    q = c.quantity.text.strip()
    k = s.find(q)
    if k < 0:
        return False
    return bool(_LIST_AFTER.match(s[k + len(q):k + len(q) + 60]) or _LIST_BEFORE.search(s[max(0, k - 60):k]))


def score(feats: Mapping[str, float], settings: AlignSettings) -> Alignment:
    """The logistic score of a pair, with each feature's contribution kept for `explain`."""
    contributions = tuple((k, settings.weights.get(k, 0.0) * v) for k, v in feats.items())
    z = settings.bias + sum(v for _k, v in contributions)
    s = 1.0 / (1.0 + math.exp(-z))
    aligned_on = tuple(k for k, v in contributions if v > 0)
    return Alignment(score=s, aligned_on=aligned_on, contributions=contributions)


def describe_alignment(al: Alignment) -> str:
    """'score 0.91: both fall under the rule's metric, a name shared in both sentences'."""
    words = [FEATURE_WORDS.get(k, k) for k in al.aligned_on]
    return f"alignment {al.score:.2f}" + (f" ({', '.join(words)})" if words else "")
