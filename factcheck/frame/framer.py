"""Stage 2 of the pipeline, wired: for each sentence that holds a figure, the components decide the
metric (`metric`), the period (`period`), the subject (`entities`), who says so and whether as a fact
(`attribution`); dates become event claims (`events`) and direction words claims of their own
(`direction`). Every facet records where it came from in ``Claim.provenance``.

Why patterns over the words around each number rather than a parser: a parser costs ~0.1 MB/s and
the whole check must run at ~0.5 MB/s. News and releases state figures in a few frames ("trade grew
16%", "trade reached $3bn", "900 joint ventures", "a death toll of 120"), and a claim whose frame
is not recognised gets no metric and is simply not compared: precision first.
"""
from __future__ import annotations

import bisect
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple, Sequence

from ..model import Claim, Document, Period, Provenance, Quantity
from ..rules import RuleSet, load_rules
from ..scope import Scoper
from .attribution import SPEAKER_LABEL, attribution, modal_word, speaker_at, speaker_labels
from .context import CLAIM_KINDS, DocContext
from .direction import direction_claims
from .entities import clause_entities, entities, own_figure_subject, topics_of
from .ages import AGE_WORDS, age_claim
from .terms import term_claim
from .events import event_claim, lifespan_claim, range_claim, span_days
from .lexicon import FrameLexicon, load_frames
from .metric import frame_metric, metric_and_rule, residual
from .period import PeriodChoice, dates_a_noun, period_of
from .provenance import metric_facet, period_facet, subject_facet
from .sentences import Token, framing_tokens, sentence_spans, tokens

_RESTATED = ("metric", "period", "subject")


class _Sentence(NamedTuple):
    """One sentence being framed, with what its figures share: words, time expressions, speaker."""

    number: int
    text: str
    toks: list[Token]
    temporal: list[Quantity]
    #: the period of a sentence without time expressions of its own (another event's year, the background)
    own_period: tuple[Period | None, str]
    said: str | None
    said_facet: tuple[Provenance, ...]
    #: the text with its whitespace collapsed, as claims quote it (once per sentence, not per figure)
    flat: str = ""


@lru_cache(maxsize=1)
def _shipped_rules() -> RuleSet:
    """The shipped rules, loaded once: the default of `frame` when no rule set is given."""
    return load_rules()


def doc_context(lex: FrameLexicon, doc: Document, quantities: Sequence[Quantity], *,
                all_undated: bool = False) -> DocContext:
    """What the framing of one document needs to know of the whole of it."""
    text = doc.text
    sentences = tuple(sentence_spans(text))
    first_tokens = tuple(tokens(text, a, b) for a, b in sentences[:200])
    first_entities = tuple(entities(lex, toks) for toks in first_tokens)
    return DocContext(doc=doc, sentences=sentences,
                      temporal=tuple(q for q in quantities if q.kind in ("date", "duration")),
                      topic=first_entities[0][0] if first_entities and first_entities[0] else None,
                      topics=topics_of(lex, first_entities), speakers=speaker_labels(text),
                      all_undated=all_undated, first_tokens=first_tokens, first_entities=first_entities)


def frame(doc: Document, quantities: Sequence[Quantity], *, all_undated: bool = False, rules: RuleSet | None = None,
          frames: FrameLexicon | None = None, scoper: Scoper | None = None, ctx: DocContext | None = None) -> list[Claim]:
    """Claims for every comparable quantity of one document, in order of position.

    ``rules`` defaults to the shipped rules, ``frames`` to the shipped frame lexicon. Nothing is kept
    between calls: what the framing learns of the document lives in its `DocContext` (``ctx``, made here
    unless the caller, who reads the same sentences afterwards, made it with `doc_context`).
    """
    lex = frames or load_frames()
    rules = rules if rules is not None else _shipped_rules()
    scoper = scoper or Scoper()
    ctx = ctx if ctx is not None else doc_context(lex, doc, quantities, all_undated=all_undated)
    starts = [s for s, _ in ctx.sentences]
    by_sentence: dict[int, list[Quantity]] = {}
    for q in quantities:
        if q.kind not in CLAIM_KINDS and not (q.kind == "date" and q.date_range is not None) \
                and q.kind != "duration":  # a duration may be an age or a term
            continue
        si = bisect.bisect_right(starts, q.start) - 1
        if si < 0:
            continue
        by_sentence.setdefault(si, []).append(q)
    claims: list[Claim] = []
    seen_sentences: set[str] = set()
    prev_claims_by_sentence: dict[int, list[Claim]] = {}
    for si in sorted(by_sentence):
        a, b = ctx.sentences[si]
        sentence = " ".join(doc.text[a:b].split())
        if sentence in seen_sentences:  # repeated headings and captions say nothing new
            continue
        seen_sentences.add(sentence)
        out_here = _sentence_claims(lex, rules, scoper, ctx, si, by_sentence, prev_claims_by_sentence)
        prev_claims_by_sentence[si] = out_here
        claims.extend(out_here)
    moves = direction_claims(lex, ctx, quantities)
    if moves:
        claims = sorted(claims + moves, key=lambda c: c.quantity.start)
    return claims


def _own_period(scoper: Scoper, ctx: DocContext, si: int, probe: Quantity, sentence: str) -> tuple[Period | None, str]:
    """A sentence with no time expression of its own: another event's year, or the background the
    previous sentence tells. Returns the period (or None) and how it was found."""
    own = scoper.event_year(sentence)
    if own is not None and not dates_a_noun(sentence[:max(0, sentence.find(own.label))]):
        # not "a region struck by the 2009 floods": that year is another event's, named to place the region
        return own, "explicit: the year of the event the sentence names"
    if si > 0:
        text = ctx.doc.text
        pa, pb = ctx.sentences[si - 1]
        prev_temporal = ctx.temporal_in(pa, pb)
        if prev_temporal:
            choice = period_of(probe, prev_temporal, ctx.doc.date)
            own = scoper.background(choice.period, choice.source, ctx.doc.date, text[pa:pb], sentence)
            if own is not None:
                return own, "explicit: the previous sentence's period (background)"
    return None, ""


def _sentence_claims(lex: FrameLexicon, rules: RuleSet, scoper: Scoper, ctx: DocContext, si: int,
                     by_sentence: dict[int, list[Quantity]], prev_claims: dict[int, list[Claim]]) -> list[Claim]:
    """The claims of the figures of sentence ``si``."""
    text = ctx.doc.text
    a, b = ctx.sentences[si]
    sentence = text[a:b]
    toks = framing_tokens(lex, text, a, b, ctx.raw_tokens(si))
    ends = [t.end for t in toks]
    tok_starts = [t.start for t in toks]
    speaker = speaker_at(ctx.speakers, a)
    said, said_how = attribution(lex, toks, speaker, text)
    if not said and speaker:
        said, said_how = speaker, SPEAKER_LABEL
    said_facet = (Provenance("attribution", said, said_how),) if said else ()
    sentence_temporal = ctx.temporal_in(a, b)
    figures = by_sentence[si]
    own: tuple[Period | None, str] = (None, "")
    if not sentence_temporal and any(q.kind != "date" for q in figures):
        own = _own_period(scoper, ctx, si, figures[0], sentence)
    here = _Sentence(si, sentence, toks, sentence_temporal, own, said, said_facet, " ".join(sentence.split()))
    out_here: list[Claim] = []
    for q in figures:
        idx_start = bisect.bisect_right(ends, q.start)  # the first token that ends after the figure starts
        idx_end = bisect.bisect_left(tok_starts, q.end)  # the first token that starts after it
        if q.kind == "date":
            if scoper.dateline(text, q.start, q.end, lex.event_verbs):
                continue  # "Published on 18th September 2013": when the report was written
            claim = lifespan_claim(lex, ctx.topic, q, text, toks, idx_start, sentence, said, said_facet) \
                or range_claim(lex, q, text, toks, sentence, said, ctx.temporal, said_facet)
            if claim is None and span_days(q) <= 366:  # "swam to stardom in the 1940's": a decade pins no event
                claim = event_claim(lex, ctx.topic, q, toks, idx_start, idx_end, sentence, said, said_facet)
            if claim is not None:
                out_here.append(claim)
            continue
        if q.kind == "duration":
            claim = age_claim(lex, q, text, sentence, said, _period(ctx, here, q), said_facet) or term_claim(
                lex, q, text, toks, idx_start, idx_end, sentence, said, _period(ctx, here, q), said_facet)
            if claim is not None:
                out_here.append(claim)
            continue
        if q.kind == "count" and not q.unit and AGE_WORDS.search(text, max(0, q.start - 20), q.start):
            claim = age_claim(lex, q, text, sentence, said, _period(ctx, here, q), said_facet)
            if claim is not None:  # "died in 2019 at the age of 58": an age, not a toll of the verb before
                out_here.append(claim)
                continue
        out_here.append(_figure_claim(lex, rules, scoper, ctx, here, q, idx_start, idx_end, out_here))
    # an elliptical restatement: "I have a different number: 16 percent."
    # (not a forecast, "above expectations for a 100 mln rise", nor a part, "Of the total, 1.1 bn was ...")
    if len(out_here) == 1 and out_here[0].metric is None and not sentence_temporal and len(toks) <= 14 \
            and out_here[0].modality == "fact" and toks and toks[0].low != "of" \
            and any(t.low in lex.vague_heads for t in toks):
        prev = prev_claims.get(si - 1) or prev_claims.get(si - 2) or []
        same = [c for c in prev if c.metric and c.quantity.kind == out_here[0].quantity.kind]
        if same:
            out_here[0] = _restated(out_here[0], same[-1])
    return out_here


def _period(ctx: DocContext, here: _Sentence, q: Quantity) -> tuple[PeriodChoice, Provenance]:
    """The figure's period and why: its sentence's nearest time expression, else the sentence's own period
    (another event's year, the background), else the document's date."""
    when = period_of(q, here.temporal, ctx.doc.date, ctx.doc.text)
    if here.own_period[0] is not None:
        when = PeriodChoice(here.own_period[0], "explicit")
        return when, period_facet(when, here.own_period[1])
    return when, period_facet(when)


def _figure_claim(lex: FrameLexicon, rules: RuleSet, scoper: Scoper, ctx: DocContext, here: _Sentence, q: Quantity,
                  idx_start: int, idx_end: int, out_here: list[Claim]) -> Claim:
    """The claim of one comparable figure: metric, rule, period, subject, attribution and modality.

    ``out_here`` holds the claims already made in the same sentence ("..., or 20 percent growth").
    """
    toks, said = here.toks, here.said
    fr = frame_metric(lex, rules, q, toks, idx_start, idx_end)
    metric, aspect, subject, how = fr.metric, fr.aspect, fr.subject, fr.how
    parts: list[tuple[str, Sequence[str]]] = [(fr.subject_from, subject)]
    if metric is not None and metric.split()[-1] in lex.vague_heads and " of " not in metric:
        metric = None  # "a different number: 16 percent" points back at an earlier figure
    if metric is None and how == "change-noun" and out_here:
        # "trade reached $3bn, or 20 percent growth": the growth of the same metric
        base = out_here[-1]
        metric = base.metric if base.metric else None
        how = "inherited"
        if not subject:
            subject = base.subject
            parts.append(("inherited", subject))
    rule = None
    checkable = True
    metric_prov: tuple[Provenance, ...] = ()
    if metric is not None:
        phrase = metric
        metric, rule = metric_and_rule(rules, metric, q, aspect)
        rest = residual(lex, phrase, rule)
        subject = tuple(subject) + rest
        parts.append(("rest of the metric phrase", rest))
        if rule is None and how == "counted-bare":
            checkable = False  # "five boats" vs "three boats": too little said to compare
        metric_prov = (metric_facet(metric, how, rule, phrase),)
    when, period_prov = _period(ctx, here, q)
    clause = clause_entities(lex, toks, idx_start, idx_end)
    subject = tuple(subject) + clause
    if metric:  # "GNP rose 14 pct", "Pretax profit 46.1 mln": a capitalised word of the metric names no one
        words = set(metric.lower().split())
        subject = tuple(e for e in subject if " " in e or not e[:1].isupper() or e.lower() not in words)
    parts.append(("clause", clause))
    own = own_figure_subject(here.text, said, subject) if metric is not None else None
    if own is not None:  # "Witco Corp said it filed ... a 100 mln dlr issue": the speaker's own figure
        subject = own
        parts.append(("the speaker's own ('said it')", own))
    elif said:  # the speaker is not the subject, unless the metric is about them
        subject = tuple(s_ for s_ in subject if (s_ not in said and said not in s_) or (metric and s_.lower() in metric))
    if not subject and metric is not None and how == "size" and ctx.topic and toks and toks[0].low in ("he", "she"):
        subject = (ctx.topic,)  # "He is the tallest actor (6' 8")": the person the text is about
        parts.append(("document topic (pronoun)", subject))
    if not subject and metric is not None and rule is None:
        subject = ctx.topics  # a figure in a text about Russia and Azerbaijan is about them
        parts.append(("document topics", subject))
    subject = tuple(sorted(set(subject)))
    subject_prov = subject_facet(subject, parts)
    modal = modal_word(lex, toks, idx_start)
    provenance = metric_prov + (period_prov,) + ((subject_prov,) if subject_prov else ()) + here.said_facet
    if modal is not None:
        provenance += (Provenance("modality", lex.modality(modal), f"modal '{modal}'"),)
    return Claim(
        quantity=q,
        metric=metric,
        subject=subject,
        period=when.period,
        period_source=when.source,
        aspect=aspect,
        attribution=said,
        sentence=here.flat,
        rule=rule.id if rule is not None else ("generic" if metric and checkable else "none"),
        modality=lex.modality(modal),
        scope=tuple(x for x in (scoper.other_event(here.text, q.start - ctx.sentences[here.number][0]),) if x)
        + scoper.parts(here.text, q.unit if q.kind == "count" else None),
        provenance=provenance,
    )


def _restated(claim: Claim, base: Claim) -> Claim:
    """'I have a different number: 16 percent.': the figure restates ``base``'s metric, subject and period."""
    inherited = tuple(Provenance(p.facet, p.value, f"restatement of '{base.quantity.text}' ({p.source})")
                      for p in base.provenance if p.facet in _RESTATED)
    own = tuple(p for p in claim.provenance if p.facet not in _RESTATED)
    return replace(claim, metric=base.metric, aspect=base.aspect, subject=base.subject, period=base.period,
                   period_source=base.period_source, rule=base.rule, provenance=inherited + own)


class Framer:
    """Frames the quantities of one document at a time with one rule set and one frame lexicon.

    A thin façade over `frame`: it holds no per-document state, so one Framer serves any number of
    documents.
    """

    def __init__(self, rules: RuleSet, frames: FrameLexicon | None = None) -> None:
        self.rules = rules
        self.lex = frames or load_frames()
        self.scoper = Scoper()

    def frame(self, doc: Document, quantities: Sequence[Quantity], *, all_undated: bool = False,
              ctx: DocContext | None = None) -> list[Claim]:
        """Claims for every comparable quantity of one document, in order of position."""
        return frame(doc, quantities, all_undated=all_undated, rules=self.rules, frames=self.lex, scoper=self.scoper,
                     ctx=ctx)


def on_rule_scale(c: Claim, rules: RuleSet) -> Claim:
    """A bare figure of a rule that names its unit ("a magnitude of 6.4"), as a measure in that unit: it then
    meets the figures written with the unit ("6.9 on the Richter scale"). Asked once a claim's rule is final."""
    if c.quantity.kind != "count" or c.quantity.unit or c.rule in ("generic", "none"):
        return c
    try:
        unit = rules.get(c.rule).unit
    except KeyError:
        return c
    if not unit:
        return c
    return replace(c, quantity=replace(c.quantity, kind="measure", unit=unit),
                   provenance=(*c.provenance, Provenance("unit", unit, f"rule {c.rule}: a bare figure is in {unit}")))

