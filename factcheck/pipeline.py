"""The whole pipeline, wired: documents -> quantities -> claims -> findings -> Report.

Each stage is a pure function of the previous stage's output; this module only strings them
together and supplies the edges (rules, exchange rates, "today").
"""
from __future__ import annotations

import datetime as dt
import functools
import gc
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Mapping, Sequence

from dataclasses import dataclass, replace
from pathlib import Path

from .crosscheck import cross_check_counted, load_compare_settings, sort_findings
from .extract import Extractor
from .extract.temporal import detect_document_date
from .frame import DocContext, Framer, doc_context, entities, tokens
from .frame.concept import load_concepts, verb_lemma, with_concepts
from .align import masked
from .frame.entities import document_names
from .frame.framer import on_rule_scale
from .frame.metric import metric_and_rule
from .frame.sentences import detitle
from .errors import Problem, WarningKind, collecting
from .frame.tables import load_tables, table_claims
from .fx import EcbRates, RateSource
from .guard import BudgetExceeded, blank_huge_numbers, finite, time_budget
from .guard import time_budget as time_budget_of
from .model import Claim, Document, Finding, Quantity, Report
from .revisions import revisions
from .versions import marker_of, revision_chain, version_groups, version_pairs
from .rules import RuleSet, load_rules
from .suppress import Suppression, is_suppressed

#: `crosscheck.cross_check_counted`, or an engine's: (claims, rules, fx, **context) -> (findings, counts)
CrossCheck = Callable[..., tuple[list[Finding], dict[str, int]]]

_EXTRACTORS: dict[tuple[Path, ...], Extractor] = {}
_RULES: RuleSet | None = None
_FX: EcbRates | None = None


def _extractor(lexicon_dirs: tuple[Path, ...] = ()) -> Extractor:
    """The extractor of the shipped lexicon plus the ignore patterns of these user lexicon directories, built
    once per process."""
    found = _EXTRACTORS.get(lexicon_dirs)
    if found is None:
        found = _EXTRACTORS[lexicon_dirs] = Extractor(extra_dirs=lexicon_dirs)
    return found


def _default_rules() -> RuleSet:
    """The shipped rules, loaded once per process and only when a caller passes none."""
    global _RULES
    if _RULES is None:
        _RULES = load_rules()
    return _RULES


def _default_fx() -> EcbRates:
    global _FX
    if _FX is None:
        _FX = EcbRates()
    return _FX


def _defaults() -> tuple[Extractor, RuleSet, EcbRates]:
    return _extractor(), _default_rules(), _default_fx()


def dated_document(name: str, text: str, date: dt.date | None = None) -> Document:
    """A Document with its date: the one given, else the one the text states, else none."""
    if date is not None:
        return Document(name, text, date, "cli")
    found, source = detect_document_date(text)
    return Document(name, text, found, source if found else "none")


def check_documents(documents: Sequence[Document], *, rules: RuleSet | None = None, fx: RateSource | None = None,
                    today: dt.date | None = None,
                    suppressions: Mapping[str, Sequence[Suppression]] | None = None,
                    time_budget: float | None = None, engine: Any = None, progress: Any = None) -> Report:
    """Run the whole check over documents that already carry their dates.

    ``time_budget`` caps the seconds one document may take to extract and frame; a document over it is
    left out with a warning. Every warning of the run is in the report's ``warnings``. ``engine`` (see
    `factcheck.engine`) says where framing and the cross-check run (default: here, in this process), and
    ``progress`` (`factcheck.progress`) shows how far they got; neither changes the report.
    """
    with collecting() as sink, collector_paused():
        report = _check(documents, rules, fx, today, suppressions, time_budget, engine, progress)
    return replace(report, warnings=report.warnings + tuple(w for w in sink if w not in report.warnings))


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a set is framed and checked. Why: the claims of a large set are
    millions of live objects, which every full collection walks again (a seventh of the CPU time of the
    whole Reuters corpus as one set), and the pipeline makes no reference cycles to collect; reference
    counting still frees everything. The collector's state is restored on the way out."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@dataclass(frozen=True)
class FramedDocument:
    """One document after extraction and framing: everything the cross-check needs of it.

    Why a unit of its own: framing is per document, so it can run in another process, on another
    machine, or be read back from a claim index, and the cross-check sees the same thing each way.
    """

    document: Document            # its text after the guards (too-large numbers blanked)
    claims: tuple[Claim, ...]
    names: frozenset[str]         # the names its whole text uses (how far two documents tell one story)
    head: str | None              # its masked headline template, if it is longer than a headline
    problems: tuple[Problem, ...] = ()


class Stage:
    """The per-process tools of framing, built once per rule set (framer, concept and table lexicons)."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.extractor = _extractor(rules.lexicon_dirs)
        self.framer = Framer(rules)
        self.concepts = load_concepts(rules.lexicon_dirs)
        self.known_verbs = _known_verbs(self.framer)
        self.tables = load_tables(rules.lexicon_dirs)

    def names(self, text: str, a: int, b: int) -> tuple[str, ...]:
        return entities(self.framer.lex, detitle(tokens(text, a, b)))

    def _names_of(self, ctx: DocContext) -> Callable[[str, int, int], tuple[str, ...]]:
        """`names`, reading the words framing already split for the document's first sentences."""
        made = {span: (toks, names) for span, toks, names in zip(ctx.sentences, ctx.first_tokens, ctx.first_entities)}
        lex = self.framer.lex

        def names(text: str, a: int, b: int) -> tuple[str, ...]:
            toks, found = made.get((a, b), (None, ())) if text is ctx.doc.text else (None, ())
            if toks is None:
                return entities(lex, detitle(tokens(text, a, b)))
            read = detitle(toks)
            return found if read is toks else entities(lex, read)  # not a Title Case headline: the same words
        return names

    def match_rule(self, noun: str, c: Claim) -> tuple[str, str] | None:
        metric, rule = metric_and_rule(self.rules, noun, c.quantity, c.aspect)
        return (metric, rule.id) if rule is not None else None

    def frame(self, doc: Document, *, all_undated: bool, budget: float | None = None) -> FramedDocument:
        """Extract and frame one document under the guards; a document over its time budget keeps no claims."""
        problems: list[Problem] = []
        text, huge = blank_huge_numbers(doc.text, doc.name)
        if huge:
            doc = replace(doc, text=text)
            problems.extend(huge)
        claims: tuple[Claim, ...] = ()
        with collecting() as sink:
            try:
                with time_budget(budget):
                    quantities = self.extractor.extract(doc.text, date=doc.date, doc=doc.name)
                    quantities, infinite = finite(quantities, doc.name)
                    problems.extend(infinite)
                    if doc.line_map:
                        quantities = [doc.locate(q) for q in quantities]
                    ctx = doc_context(self.framer.lex, doc, quantities, all_undated=all_undated)
                    framed = self.framer.frame(doc, quantities, all_undated=all_undated, ctx=ctx)
                    claims = tuple(on_rule_scale(c, self.rules) for c in table_claims(doc, with_concepts(
                        doc, framed, self.concepts, self.known_verbs, self._names_of(ctx), ctx.sentences,
                        self.match_rule, self.framer.lex.money_nouns), self.tables))
            except BudgetExceeded:
                problems.append(Problem(WarningKind.TIME_BUDGET, f"took longer than its time budget of {budget:g} s; "
                                        "its figures are left out (raise it with --time-budget)", doc.name))
        problems.extend(w for w in sink if w not in problems)
        return FramedDocument(doc, claims, document_names(self.framer.lex, doc.text), headline_template(doc),
                              tuple(problems))


_STAGES: dict[int, Stage] = {}


def stage_for(rules: RuleSet) -> Stage:
    """The Stage of a rule set, built once per process (rule sets are loaded once and shared)."""
    stage = _STAGES.get(id(rules))
    if stage is None or stage.rules is not rules:
        stage = _STAGES[id(rules)] = Stage(rules)
    return stage


def frame_documents(documents: Sequence[Document], rules: RuleSet, *, all_undated: bool,
                    budget: float | None = None) -> list[FramedDocument]:
    """Every document framed, in order, in this process."""
    stage = stage_for(rules)
    with collector_paused():
        return [stage.frame(d, all_undated=all_undated, budget=budget) for d in documents]


def check_framed(framed: Sequence[FramedDocument], rules: RuleSet, fx: RateSource, today: dt.date, *,
                 all_undated: bool, suppressions: Mapping[str, Sequence[Suppression]] | None = None,
                 cross: CrossCheck = cross_check_counted) -> Report:
    """The cross-check and the report over framed documents (sorted by name), wherever they were framed.
    ``cross`` is `crosscheck.cross_check_counted` or an engine's equivalent (same arguments, same findings and
    counts). The units the lexicon defines are known to whichever process judges the claims
    (`extract.units.registry`), so the documents may have been framed anywhere."""
    with collector_paused():
        return _check_framed(framed, rules, fx, today, all_undated=all_undated, suppressions=suppressions,
                             cross=cross)


def _check_framed(framed: Sequence[FramedDocument], rules: RuleSet, fx: RateSource, today: dt.date, *,
                  all_undated: bool, suppressions: Mapping[str, Sequence[Suppression]] | None,
                  cross: CrossCheck) -> Report:
    docs = [f.document for f in framed]
    claims = [c for f in framed for c in f.claims]
    problems = [p for f in framed for p in f.problems]
    pairs = version_pairs(docs) if len(docs) > 1 else ()
    findings, counts = cross(
        claims, rules, fx, settings=load_compare_settings(), all_undated=all_undated, today=today,
        doc_dates={d.name: d.date for d in docs}, doc_names={f.document.name: f.names for f in framed},
        doc_heads={f.document.name: f.head for f in framed if f.head is not None}, one_source=version_groups(pairs))
    if pairs:
        found = revisions(revision_chain(pairs, docs), {d.name: d.text for d in docs}, claims)
        findings = sort_findings([*findings, *found])
    if suppressions:
        findings = [f for f in findings if not _suppressed(f, suppressions)]
    return Report(documents=tuple(docs), claims=tuple(claims), findings=tuple(findings), rules=rules.to_dicts(),
                  warnings=tuple(problems), stats=(("claims", len(claims)), *counts.items()))


def _check(documents: Sequence[Document], rules: RuleSet | None, fx: RateSource | None, today: dt.date | None,
           suppressions: Mapping[str, Sequence[Suppression]] | None, budget: float | None,
           engine: Any = None, progress: Any = None) -> Report:
    rules = rules or _default_rules()
    fx = fx or _default_fx()  # loaded only when a caller passes none, once per process
    today = today or dt.date.today()
    docs = sorted(documents, key=lambda d: d.name)
    all_undated = all(d.date is None for d in docs)
    if engine is None:
        framed = frame_documents(docs, rules, all_undated=all_undated, budget=budget)
        return check_framed(framed, rules, fx, today, all_undated=all_undated, suppressions=suppressions)
    framed = engine.frame(docs, rules, all_undated=all_undated, budget=budget, progress=progress)
    return check_framed(framed, rules, fx, today, all_undated=all_undated, suppressions=suppressions,
                        cross=functools.partial(engine.cross_check_counted, progress=progress))


def extract_documents(documents: Sequence[Document], *,
                      time_budget: float | None = None) -> tuple[list[Quantity], tuple[Problem, ...]]:
    """Every quantity of every document at its source line (`factcheck extract`), under the same guards as
    `check_documents`: too-large numbers and documents over their time budget are warnings."""
    out: list[Quantity] = []
    problems: list[Problem] = []
    for doc in documents:
        found, warned = extract_one(doc, time_budget)
        out.extend(found)
        problems.extend(warned)
    return out, tuple(problems)


def extract_one(doc: Document, time_budget: float | None = None) -> tuple[list[Quantity], tuple[Problem, ...]]:
    """One document's quantities at their source lines and its warnings: the unit of `factcheck extract`'s
    work wherever it runs (this process or a worker)."""
    problems: list[Problem] = []
    with collecting() as sink:
        text, huge = blank_huge_numbers(doc.text, doc.name)
        problems.extend(huge)
        try:
            with time_budget_of(time_budget):
                found = _extractor().extract(text, date=doc.date, doc=doc.name)
        except BudgetExceeded:
            problems.append(Problem(WarningKind.TIME_BUDGET, f"took longer than its time budget of "
                                    f"{time_budget:g} s; its figures are left out", doc.name))
            found = []
        found, infinite = finite(found, doc.name)
        problems.extend(infinite)
    return [doc.locate(q) for q in found], tuple(problems) + tuple(w for w in sink if w not in problems)


def headline_template(doc: Document) -> str | None:
    """A document's headline, without correction marker, figures masked: issues of one recurring report
    share it. Only for documents longer than a headline and two lines (a one-line claim is no series)."""
    if sum(1 for line in doc.text.splitlines() if line.strip()) >= 4:
        return masked(marker_of(doc.text)[1])
    return None


def headline_templates(documents: Sequence[Document]) -> dict[str, str]:
    """`headline_template` of every document that has one."""
    return {d.name: h for d in documents if (h := headline_template(d)) is not None}


def story_names(documents: Sequence[Document], rules: RuleSet | None = None) -> dict[str, frozenset[str]]:
    """Each document's names, as the cross-check measures how far two documents tell one story (for
    scripts that rebuild the cross-check's context from a report)."""
    lex = Framer(rules or _default_rules()).lex
    return {d.name: document_names(lex, d.text) for d in documents}


def _known_verbs(framer: Framer) -> frozenset[str]:
    """Verb lemmas that govern a figure: the frame lexicon's action verbs and predicates, and every verb of
    the concepts lexicon (its concept verbs and synonym classes)."""
    lex = framer.lex
    concepts = load_concepts(framer.rules.lexicon_dirs)
    words = {verb_lemma(w) for w in lex.action_verbs | lex.predicates if " " not in w}
    return frozenset(words | set(concepts.verb_concept) | set(concepts.verb_class)) - {"be", "have"}


def _suppressed(finding: Finding, suppressions: Mapping[str, Sequence[Suppression]]) -> bool:
    """A finding is dropped when any claim in it sits under an ignore comment for its rule."""
    for c in finding.claims:
        marks = suppressions.get(c.doc or "")
        if marks and is_suppressed(finding.rule, c.quantity.line, marks):
            return True
    return False


def check_texts(texts: Mapping[str, str], *, dates: Mapping[str, dt.date] | None = None,
                today: dt.date | None = None, rules: RuleSet | None = None, fx: RateSource | None = None) -> Report:
    """Cross-check a mapping of name -> text; ``dates`` overrides each document's own date."""
    dates = dates or {}
    docs = [dated_document(name, text, dates.get(name)) for name, text in texts.items()]
    return check_documents(docs, rules=rules, fx=fx, today=today)


