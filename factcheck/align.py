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
import operator
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Mapping, NamedTuple, Sequence

from .cues import (_NOT_ITEMS, Cues, _alike, another_issue, dense, edited_key, enumerated, issue_of, local_overlap,
                   masked, metric_modifiers, name_words, names_in, other_day, part_word, restated, shares, similarity,
                   value_gap)
from .errors import RuleFileError
from .model import Alignment, Claim, Level, SubjectSource
from .rulefile import line_of
from .schemas import load_lexicon_file

__all__ = ["FEATURES", "FEATURE_WORDS", "AlignSettings", "PairContext", "aligned", "aligned_sides", "another_issue",
           "candidate_index_pairs", "candidate_pairs", "concept_key", "describe_alignment", "enumerated", "features",
           "items", "load_align_settings", "masked", "other_items", "part_word", "restated", "same_entity", "score",
           "value_gap"]

#: Feature names, in the order `bench/fit_align.py` writes their weights.
FEATURES = ("same_rule", "same_concept", "same_noun", "same_verb", "other_verb", "same_of", "other_of",
            "shared_entity", "shared_context", "no_subject", "same_period", "similarity", "same_doc", "several_values",
            "short_texts", "same_story", "other_subject", "unframed", "value_gap", "enumerated", "other_day",
            "same_words", "other_modifier", "increment", "background", "restatement", "other_part", "pronoun",
            "another_issue", "many_documents", "edited", "same_phrase", "dense", "unknown_period", "recurring",
            "chosen_window", "synonyms", "other_basis", "opposite_acts")
#: What each feature means in words, for `explain` and the text report.
FEATURE_WORDS = {
    "same_rule": "both fall under the rule's metric",
    "same_concept": "one concept in other words",
    "synonyms": "nouns or verbs the concepts lexicon makes one ('employs' / 'workforce')",
    "same_noun": "the same counted or modified noun",
    "same_verb": "the same verb",
    "other_verb": "different verbs",
    "opposite_acts": "verbs of opposite acts, or acts that exclude each other ('scored' / 'conceded', 'destroyed' / "
                     "'damaged')",
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
    "other_basis": "only one figure is stated on a basis or by a method of its own ('seasonally adjusted')",
    "other_part": "one figure is a part or a sum of parts the other is not ('in cash', 'combined', 'alone')",
    "pronoun": "a sentence says only 'he', 'she' or 'it' of whom the figure is about",
    "many_documents": "a large set of documents, where two figures are seldom about one thing",
    "unknown_period": "no period known for a figure (none stated, no document date), in a large set",
    "chosen_window": "a figure sizes a window the writer chose ('the first five drives', 'the past six games')",
    "recurring": "one sentence again with only its figure changed, in a large set: a recurring report's issues",
    "another_issue": "one template (sentence or headline) with other figures: two issues of a recurring report",
    "edited": "one sentence word for word, only this figure changed",
    "same_phrase": "the same metric phrase, modifiers and all ('prime lending rate')",
    "dense": "inside one text, a sentence that is a run of figures (many items under one noun)",
}
#: subjects a sentence names itself, or through the pronoun that opens it
_NAMED_HERE = frozenset({SubjectSource.SENTENCE, SubjectSource.ANTECEDENT})

#: verb classes (concepts.yaml) that only frame a figure as a level or a change: "reached" vs "grew to"
#: is no evidence of two different things
_FRAMING_VERBS = frozenset({"be", "rise", "fall"})


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

    def headroom(self, cross: bool) -> float:
        """The most the `COSTLY` features (each at most 1.0) can add to a pair's logit: sentence similarity,
        and another issue of one report when the claims are of two documents (and not short texts)."""
        return self._headroom[cross]

    @cached_property
    def every_weight(self) -> dict[str, float]:
        """The weight of every feature, 0.0 for those the file leaves out."""
        return {k: self.weights.get(k, 0.0) for k in FEATURES}

    @cached_property
    def _headroom(self) -> dict[bool, float]:
        def up(name: str) -> float:
            return max(0.0, self.weights.get(name, 0.0))
        return {False: up("similarity"), True: up("similarity") + up("another_issue") + up("recurring")}


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
    return edited_key(c)  # "... fell to only 765 last week ..." restated in one text with another figure


def _names(c: Claim) -> set[str]:
    return {w for s in c.subject for w in s.lower().split() if len(w) > 2}


def candidate_pairs(members: Sequence[Claim], limit: int, *, whole: int = 60,
                    representatives: int = 7) -> Iterator[tuple[Claim, Claim]]:
    """Pairs worth scoring inside one block, so cost grows with the claims, not their square.

    A block of up to ``whole`` claims is compared whole. A larger one is compared where two claims share a
    document or a name; a name shared by more than ``limit`` claims ("U.S.") is compared against its
    consensus: every claim meets a few representatives spread over the sorted values (the median among
    them), so an outlier among hundreds of agreeing reports is still found, and nothing is cut.
    """
    for i, j in candidate_index_pairs(members, limit, whole=whole, representatives=representatives):
        yield members[i], members[j]


def candidate_index_pairs(members: Sequence[Claim], limit: int, *, whole: int = 60, representatives: int = 7,
                          hot: Sequence[bool] | None = None) -> Iterator[tuple[int, int]]:
    """`candidate_pairs` as positions in ``members`` (i < j), in the same order.

    ``hot`` (one flag per member) keeps only the pairs with a hot member, chosen exactly as among all pairs (a
    subsequence of them) and without enumerating the rest: a batch checked against an archive
    (`factcheck.index`) meets the archive as it would in one set, and the archive's own pairs are never scored.
    """
    if len(members) <= whole:
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                if hot is None or hot[i] or hot[j]:
                    yield i, j
        return
    index: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(members):
        for w in _names(c):
            index["n:" + w].append(i)
        index["d:" + (c.doc or "")].append(i)
    seen: set[tuple[int, int]] = set()  # one block's pairs, not the set's
    for key in sorted(index):
        ids = index[key]
        if hot is not None and not any(hot[k] for k in ids):
            continue  # no pair here has a hot member
        if len(ids) <= limit:
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    pair = (ids[x], ids[y]) if ids[x] < ids[y] else (ids[y], ids[x])
                    if pair[0] != pair[1] and pair not in seen and (hot is None or hot[pair[0]] or hot[pair[1]]):
                        seen.add(pair)
                        yield pair
            continue
        ranked = sorted(ids, key=lambda k: (members[k].quantity.value is None, members[k].quantity.value or 0.0, k))
        step = max(1, len(ranked) // (representatives - 1))
        reps = sorted(set(ranked[::step][:representatives]) | {ranked[len(ranked) // 2]})
        for r in reps:
            for k in (ids if hot is None or hot[r] else [k for k in ids if hot[k]]):
                pair = (r, k) if r < k else (k, r)
                if r != k and pair not in seen:
                    seen.add(pair)
                    yield pair


# ------------------------------------------------------------------------------ features

def same_entity(x: str, y: str) -> bool:
    """One name within the other, word for word ("Nordwerk" and "Nordwerk AG")."""
    if x == y:
        return True
    wx, wy = name_words(x), name_words(y)
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

    #: what the features ask of each claim, worked out once (a cache, not state)
    _sides: dict[int, _Side] = field(default_factory=dict, init=False, repr=False, compare=False)

    def crowd(self) -> float:
        """0 for a set of up to 50 documents, rising with the log of their number to 1 at 5,000."""
        return self._crowd

    @cached_property
    def _crowd(self) -> float:
        return min(1.0, max(0.0, math.log10(max(1, self.documents) / 50) / 2))

    def side(self, c: Claim) -> _Side:
        """The claim as the features read it, worked out on first use (by identity: claims are not copied)."""
        got = self._sides.get(id(c))
        if got is None or got.claim is not c:
            key = concept_key(c)
            got = self._sides[id(c)] = _Side(
                c, c.doc, Cues.of(c), key, values_of_whose(self.values_per_doc, c, key or ""),
                int(self.is_background(c)), self._undated(c))
        return got

    def _undated(self, c: Claim) -> int:
        """1 when nothing gives the claim a time: no period stated or resolved, and no document date. A date
        of an undated document counts too: "the programme announced on 6 August" names which programme, and
        two such dates in two undated reports may be two programmes as well as one in dispute."""
        if c.period is None and c.period_source in ("undated", "unresolved"):
            return 1
        return int(c.quantity.kind == "date" and (self.doc_dates or {}).get(c.doc or "") is None)

    def forget(self, claims: Iterable[Claim]) -> None:
        """Drop what `side` worked out for these claims (a block done: its claims meet no other)."""
        for c in claims:
            self._sides.pop(id(c), None)

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


class _Side(NamedTuple):
    """One claim as the features read it: its cues and what the set says of it, worked out once."""

    claim: Claim
    doc: str | None
    cues: Cues
    key: str | None
    #: how many distinct values its document gives of its key, for its period, in its voice
    several: int
    #: 1 when its period ended over a year before its report (`PairContext.is_background`)
    background: int
    #: 1 when nothing gives it a time (`PairContext._undated`)
    undated: int


#: The order of a pair's features (the order `score` sums them and `explain` lists them).
_ORDER = ("same_rule", "same_concept", "synonyms", "same_noun", "same_phrase", "same_verb", "other_verb",
          "opposite_acts", "same_of",
          "other_of", "shared_entity", "shared_context", "other_subject", "no_subject", "same_period", "unframed",
          "value_gap", "enumerated", "other_modifier", "increment", "chosen_window", "other_part", "other_basis",
          "pronoun", "background", "restatement", "edited", "dense", "many_documents", "unknown_period",
          "another_issue", "recurring", "same_words", "other_day", "similarity", "same_doc", "several_values",
          "short_texts", "same_story")
#: The features `_plain` leaves out, because they cost the most (sentence similarity): a pair whose
#: other features already rule it out is never asked them (`aligned`).
COSTLY = frozenset({"another_issue", "recurring", "similarity"})


def features(a: Claim, b: Claim, ctx: PairContext) -> dict[str, float]:
    """The evidence that two claims measure the same thing (1.0 = present; similarity is graded)."""
    x, y = ctx.side(a), ctx.side(b)
    f = _plain(x, y, ctx)
    f.update(_costly(x, y, ctx))
    return {k: f[k] for k in _ORDER if f.get(k)}


def aligned(a: Claim, b: Claim, ctx: PairContext, settings: AlignSettings,
            least: float) -> tuple[dict[str, float], Alignment] | None:
    """The features and score of a pair, or None when its score cannot reach ``least``.

    Exact, not a guess: the costly features are worked out only when the others, with the costly ones at
    their most favourable, can reach ``least``; a pair left out would have scored below it."""
    return aligned_sides(ctx.side(a), ctx.side(b), ctx, settings, least)


def aligned_sides(x: _Side, y: _Side, ctx: PairContext, settings: AlignSettings,
                  least: float) -> tuple[dict[str, float], Alignment] | None:
    """`aligned` of two claims as `PairContext.side` gives them."""
    f = _plain(x, y, ctx)
    if 0.0 < least < 1.0:
        best = settings.bias + settings.headroom(x.doc != y.doc and not ctx.short_texts) + sum(
            map(operator.mul, map(settings.every_weight.__getitem__, f), f.values()))
        if best < math.log(least / (1.0 - least)) - 1e-9:
            return None
    f.update(_costly(x, y, ctx))
    feats = {k: f[k] for k in _ORDER if f.get(k)}
    return feats, score(feats, settings)


def _plain(x: _Side, y: _Side, ctx: PairContext) -> dict[str, float]:
    """Every feature but the `COSTLY` ones, unordered, zeros included."""
    a, b = x.claim, y.claim
    ca, cb = a.concept, b.concept
    cx, cy = x.cues, y.cues
    cross = x.doc != y.doc
    overlap = ctx.story_overlap(x.doc or "", y.doc or "")
    f: dict[str, float] = {}
    if a.rule == b.rule and a.rule not in ("generic", "none"):
        f["same_rule"] = 1.0
    ka, kb = x.key, y.key
    if ka and ka == kb and not ka.startswith(("noun:", "rule:", "metric:")):
        f["same_concept"] = 1.0
    if ca is not None and cb is not None:
        if not cross and "same_concept" in f and not ka.startswith("unframed:") and ca.noun != cb.noun:
            # inside one text, where one writer varies the word ("employs" / "workforce"), the lexicon's
            # synonyms are as good as one noun; across reports of one story they are as often two counts
            f["synonyms"] = 1.0
        if ca.noun and ca.noun == cb.noun:
            f["same_noun"] = 1.0
            if not cross and cx.metric_modifiers and cx.metric_modifiers == cy.metric_modifiers:
                # "the prime lending rate" both times, not just some rate: inside one text, where the story and
                # its time are one (across documents a recurring report repeats its phrases every issue)
                f["same_phrase"] = 1.0
        if ca.verb and cb.verb:
            if ca.verb == cb.verb:
                f["same_verb"] = 1.0
            elif frozenset((ca.verb, cb.verb)) in opposite_verbs():
                f["opposite_acts"] = 1.0  # "scored 74 goals" / "conceded 41 goals": two counts, not one in dispute
            elif not {ca.verb, cb.verb} & _FRAMING_VERBS:
                f["other_verb"] = 1.0
        if ca.of_object and cb.of_object:
            f["same_of" if ca.of_object == cb.of_object else "other_of"] = 1.0
        elif cx.material and cy.material and not cx.material & cy.material:
            f["other_of"] = 1.0  # "tonnes of ore" / "tons of copper anodes"
        elif cx.bearing and cy.bearing and cx.material & cy.material:
            # "20 miles north of Brenton" / "26 miles north of Brenton": one point; "south of" another
            f["same_of" if cx.bearing == cy.bearing else "other_of"] = 1.0
        sa, sb = ca.subject_source, cb.subject_source
        if sa == SubjectSource.SENTENCE and sb == SubjectSource.SENTENCE and shares(cx.proper, cy.proper):
            f["shared_entity"] = 1.0
        elif (sa == SubjectSource.SENTENCE != sb and names_in(cx.names, b.sentence)) or (
                sb == SubjectSource.SENTENCE != sa and names_in(cy.names, a.sentence)):
            # only where the other clause names no one of its own: "10 houses in Takengon, the capital of
            # Central Aceh" is not about Aceh's 300
            f["shared_entity"] = 1.0
        elif SubjectSource.NONE not in (sa, sb) and shares(cx.proper, cy.proper):
            f["shared_context"] = 1.0  # names, not item words: "capital" spending is no one's
        elif not cross and not (a.subject and b.subject):
            f["shared_context"] = 1.0  # one document, no other subject named: the document's own
        if cx.proper.names and cy.proper.names and "shared_entity" not in f and not shares(cx.proper, cy.proper):
            # weaker evidence inside one story, where clause names are often an agency or a vessel
            if {sa, sb} <= _NAMED_HERE:
                # both sentences name whom the figure is about, and not the same one: Felt and his wife,
                # two clubs' offers. One story does not excuse that.
                f["other_subject"] = 1.0
            else:  # a headline's or document's name is a guess, and weaker still inside one story
                f["other_subject"] = 0.5 * (1.0 - min(1.0, overlap))
        if not ctx.short_texts and cross:  # inside one document the unknown subject is one
            f["no_subject"] = float((sa == SubjectSource.NONE) + (sb == SubjectSource.NONE))
    if _same_stated_period(a, b):
        f["same_period"] = 1.0
    if (ka or "").startswith("unframed:"):
        f["unframed"] = 1.0
    if not ctx.short_texts:  # a claim and its evidence: any gap is the dispute
        f["value_gap"] = value_gap(a, b)
    if cx.enumerated or cy.enumerated:
        f["enumerated"] = 1.0
    if cx.modifiers != cy.modifiers and a.quantity.kind == "count" == b.quantity.kind and _one_head(a, b):
        # "seven swing states" / "41 states"; the words before two other nouns ("64 suspected gang members" /
        # "58 people") are no choice between kinds of one thing: the concept already joined the nouns
        f["other_modifier"] = 1.0
    elif cx.metric_modifiers and cy.metric_modifiers and not cx.metric_modifiers & cy.metric_modifiers:
        f["other_modifier"] = 1.0  # "the trade surplus" / "the current account surplus" (`other_items`)
    if cx.increment != cy.increment:
        f["increment"] = 1.0
    if cx.chosen or cy.chosen:
        f["chosen_window"] = float(cx.chosen + cy.chosen)
    if cx.part != cy.part:
        f["other_part"] = 1.0
    if cx.basis != cy.basis:
        f["other_basis"] = 1.0
    f["pronoun"] = float(cx.pronoun + cy.pronoun)
    if cross:
        f["background"] = float(x.background + y.background)
        f["many_documents"] = ctx.crowd()
        if not ctx.short_texts:
            # "same period" is half of "the same thing": among thousands of undated reports, two figures with
            # no time of their own may be this week's and last week's, and nothing says which
            f["unknown_period"] = ctx.crowd() * (x.undated + y.undated)
    else:
        if (cx.restated and b.quantity.start < a.quantity.start) or (cy.restated and a.quantity.start < b.quantity.start):
            f["restatement"] = 1.0
        if restated(a, b) and len(a.sentence.split()) >= 8:
            # only inside one text: across documents one sentence with one figure changed is as often the next
            # issue of a recurring report ("Federal funds were trading at 6-1/4 pct when ..."), and a headline or
            # a table line with one figure changed is always that
            f["edited"] = 1.0
            # word for word one sentence: whom it is about is one, whatever names the sentences around lend or
            # whoever its "he" or "it" stands for
            f.pop("other_subject", None)
            f.pop("pronoun", None)
        else:
            f["dense"] = float(dense(a.sentence) + dense(b.sentence))
    local = local_overlap(cx, cy)
    if local >= 0.3:
        f["same_words"] = local
    if other_day(cx, cy):
        f["other_day"] = 1.0  # weekdays against weekdays, clock times against times
    if not cross:
        f["same_doc"] = 1.0
    if ka == kb:
        several = max(x.several, y.several)
    else:  # both looked up under a's key, as the set counts values per key
        key = ka or ""
        several = max(x.several, values_of_whose(ctx.values_per_doc, b, key))
    if several > (1 if cross else 2):  # inside one document the pair itself is two values
        f["several_values"] = 1.0
    if ctx.short_texts:
        f["short_texts"] = 1.0
    if overlap >= 0.3:
        f["same_story"] = overlap
    return f


def whose(c: Claim) -> tuple[str, ...]:
    """Whom the claim's own sentence names as its subject (the last word of each name, lower case: "Arlo
    Venn" and "Venn" are one), or () when its sentence names no one (a subject the document's topics
    lend is no one the sentence names)."""
    if c.concept is None or c.concept.subject_source != SubjectSource.SENTENCE:
        return ()
    return tuple(sorted({s.split()[-1].lower() for s in c.subject
                         if s[:1].isupper() and s.split() and s in c.sentence}))  # not a topic lent by the text


def values_of_whose(counts: Mapping[tuple, int], c: Claim, key: str) -> int:
    """How many distinct values of ``key`` c's document gives for c's period and voice, and of those, only the
    ones of c's subject and of no named subject when c's sentence names one (`value_counts`)."""
    base = (c.doc or "", key, c.period, c.attribution)
    total = counts.get(base, 1)
    mine = whose(c)
    if total <= 1 or not mine:
        return total
    return min(total, counts.get((*base, mine), 1) + counts.get((*base, ()), 0))


@lru_cache(maxsize=1)
def opposite_verbs() -> frozenset[frozenset[str]]:
    """The pairs of verb classes of opposite acts (``opposite_verbs`` of the shipped ``lexicon/concepts.yaml``,
    read as the concepts lexicon reads verbs)."""
    from .frame.concept import load_concepts
    return load_concepts().opposites


def _one_head(a: Claim, b: Claim) -> bool:
    """The two counted nouns have one head ("swing states" / "states")."""
    ha, hb = (a.quantity.unit or "").split()[-1:], (b.quantity.unit or "").split()[-1:]
    return ha == hb


def _same_stated_period(a: Claim, b: Claim) -> bool:
    """Both claims state one period of their own ("in 2021", "last year" in a dated text)."""
    return a.period is not None and a.period == b.period and a.period_source in ("explicit", "relative") \
        and b.period_source in ("explicit", "relative")


def other_items(a: Claim, b: Claim) -> tuple[frozenset[str], frozenset[str]] | None:
    """The modifiers of two metric phrases of one head when they name other items ("trade" surplus /
    "current account" surplus), else None."""
    ma, mb = metric_modifiers(a), metric_modifiers(b)
    return (ma, mb) if ma and mb and not ma & mb else None


def _costly(x: _Side, y: _Side, ctx: PairContext) -> dict[str, float]:
    """The `COSTLY` features: another issue of one report, sentence similarity."""
    a, b = x.claim, y.claim
    cx, cy = x.cues, y.cues
    f: dict[str, float] = {}
    alike = similarity(cx, cy)
    if x.doc != y.doc and not ctx.short_texts and (
            issue_of(cx, cy, a.sentence, b.sentence) or (ctx.one_series(x.doc or "", y.doc or "") and alike >= 0.7)):
        # under one headline template, alike sentences are this issue's and the last one's (a page banner
        # such as "1,780 releases posted today" is a template too, so the sentences must match as well)
        f["another_issue"] = 1.0
    elif x.doc != y.doc and not ctx.short_texts and ctx.crowd() and not _same_stated_period(a, b) \
            and issue_of(cx, cy, a.sentence, b.sentence, 1):
        # among thousands of documents, one sentence again with only its figure changed is most often the
        # next issue of a recurring report ("Federal funds were trading at 6-1/4 pct when ..."); a re-sent
        # correction is a version of the document (`factcheck.versions`), checked as a revision instead
        f["recurring"] = ctx.crowd()
    f["similarity"] = max(0.0, alike - 0.4) / 0.6
    return f


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
