"""The concept facet: what a figure measures, as features, and whom it is about when its sentence names no one.

Why a facet of its own: "same quantity" used to be decided by exact metric strings, so "Nordwerk employs
2,300 people" never met "Nordwerk has a workforce of 3,100", while a figure with no subject matched every
subject. This component derives, for every framed claim, the counted or modified noun, the governing verb
(lemmatised), the of-object and the entities around it, maps nouns and verbs through the concepts lexicon
(`rules/lexicon/concepts.yaml`) to a blocking key, and takes a missing subject from the headline or the
document's main entity, recording where it came from. It is a pure function of the document and its claims.
"""
from __future__ import annotations

import bisect

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..errors import RuleFileError
from ..model import Claim, Concept, Document, Provenance, SubjectSource
from ..rulefile import line_of
from ..rules import canonical_dimension
from ..schemas import load_lexicon_file
from .entities import opening_name
from .nouns import attributive_noun, nearby_noun, noun_lemma
from .words import CALENDAR_WORDS, Speller, participle, verb_lemma

#: Words that never head a concept: function words and the frame's own glue.
_GLUE = frozenset("of in on at for to from by with the a an and or per than as into over under about".split())
_HEADLINE_MAX_WORDS = 16
_CLAUSE_JOINS = frozenset("and but or while whereas".split())
_OWN = re.compile(r"\bits\b", re.IGNORECASE)
#: "<name> reported net income of ...": a verb of results whose object holds the figure
_RESULTS_VERB = re.compile(r"\s*(?:reported|posted|recorded|booked)\s+[a-z -]{0,40}$", re.IGNORECASE)


def _reports_own(c: Claim) -> bool:
    """Does the attributed name report the figure as its own result ("Newmont reported net income of X"),
    the verb right after the name and the figure in its object?"""
    k = c.sentence.find(c.quantity.text.strip())
    j = c.sentence.find(c.attribution or "\0")
    if k < 0 or j < 0 or j > k:
        return False
    return bool(_RESULTS_VERB.fullmatch(c.sentence, j + len(c.attribution or ""), k))


@dataclass(frozen=True)
class ConceptLexicon:
    """``rules/lexicon/concepts.yaml``, lemmatised once: lemma -> concept, verb lemma -> its synonym class."""

    noun_concept: dict[str, str]
    verb_class: dict[str, str]
    person_nouns: frozenset[str]
    weak_nouns: frozenset[str]
    #: concept -> the rule term it stands for ("area": a figure that "covers" an area is the area rule's)
    concept_term: dict[str, str] = field(default_factory=dict)
    #: dimension -> the rule term a measure used as an adjective stands for ("the 300-acre farm": its area)
    attributive_terms: dict[str, str] = field(default_factory=dict)
    #: verb lemma -> every concept that lists it ("span": an area, or a length), in file order
    verb_concepts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: verbs whose "on"/"for" phrase says what the money went to ("spent $4 million on research")
    spending_verbs: frozenset[str] = frozenset()
    #: event noun -> the concept a percent "in" it is a share of ("won 54% in the election": of the votes)
    share_events: dict[str, str] = field(default_factory=dict)
    #: verbs whose counted noun is their doer: right after the noun they govern it, object or not
    #: ("55,000 people attended the fair", "40 people died")
    doer_verbs: frozenset[str] = frozenset()
    #: one spelling of a word spelt two ways ("jewellery" / "jewelry"), for nouns and verbs alike
    spelled: Speller = field(default_factory=Speller, compare=False)
    #: pairs of verb classes (`verb_key`) of opposite acts: "scored" / "conceded", "sold" / "bought"
    opposites: frozenset[frozenset[str]] = frozenset()

    @property
    def verb_concept(self) -> dict[str, str]:
        """verb lemma -> its first concept (`verb_concepts`)."""
        return self._first_concepts

    @cached_property
    def _first_concepts(self) -> dict[str, str]:
        return {verb: concepts[0] for verb, concepts in self.verb_concepts.items()}

    def verb_key(self, verb: str | None) -> str | None:
        """One name for synonymous verbs: 'seize' and 'detain' -> 'arrest'."""
        if not verb:
            return None
        return self.verb_class.get(verb, verb)


def _phrase_lemmas(phrase: str, verb: bool = False, spelled: Callable[[str], str] = str) -> str:
    fn = verb_lemma if verb else noun_lemma
    return " ".join(spelled(fn(w)) for w in phrase.lower().split())


def _merge(base: dict, extra: dict) -> dict:
    """A user's lexicon extends the shipped one; a concept it names replaces the shipped concept."""
    out = {k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v) for k, v in base.items()}
    for key, value in extra.items():
        if key == "concepts" and isinstance(value, dict):
            out.setdefault("concepts", {}).update(value)
        elif key == "verb_synonyms" and isinstance(value, dict):
            merged = dict(out.get("verb_synonyms", {}))
            for verb, words in value.items():
                merged[verb] = list(dict.fromkeys([*merged.get(verb, []), *words]))
            out["verb_synonyms"] = merged
        elif isinstance(value, list):
            out[key] = list(dict.fromkeys([*out.get(key, []), *value]))
        elif isinstance(value, dict):  # a map (share_events), or a map of maps (spellings): entries replace
            mine = dict(out.get(key) or {})
            for k, v in value.items():
                mine[k] = {**(mine.get(k) or {}), **v} if isinstance(v, dict) and isinstance(mine.get(k), dict) else v
            out[key] = mine
    return out


@lru_cache(maxsize=8)
def load_concepts(extra_dirs: tuple[Path, ...] = ()) -> ConceptLexicon:
    """The shipped concepts lexicon, extended by ``<dir>/lexicon/concepts.yaml`` of each user rules directory."""
    data, path = load_lexicon_file("concepts")
    merged: dict = dict(data)
    for d in extra_dirs:
        if (Path(d) / "lexicon" / "concepts.yaml").is_file():
            more, _p = load_lexicon_file("concepts", Path(d))
            merged = _merge(merged, dict(more))
    spellings = merged.get("spellings") or {}
    spelled = Speller({str(k): str(v) for k, v in (spellings.get("words") or {}).items()},
                      {str(k): str(v) for k, v in (spellings.get("endings") or {}).items()})
    noun_concept: dict[str, str] = {}
    verb_concepts: dict[str, tuple[str, ...]] = {}
    concept_term: dict[str, str] = {}
    for concept, spec in (merged.get("concepts") or {}).items():
        if not isinstance(spec, dict):
            raise RuleFileError(str(path), line_of(data, "concepts"), f"concepts.{concept}: expected nouns/verbs")
        if spec.get("term"):
            concept_term[str(concept)] = str(spec["term"])
        for noun in spec.get("nouns", []) or []:
            noun_concept[_phrase_lemmas(str(noun), spelled=spelled)] = str(concept)
        for verb in spec.get("verbs", []) or []:
            lemma = _phrase_lemmas(str(verb), verb=True, spelled=spelled)
            verb_concepts[lemma] = (*verb_concepts.get(lemma, ()), str(concept))
    verb_class: dict[str, str] = {}
    for verb, words in (merged.get("verb_synonyms") or {}).items():
        head = _phrase_lemmas(str(verb), verb=True, spelled=spelled)
        verb_class[head] = head
        for w in words or []:
            verb_class.setdefault(_phrase_lemmas(str(w), verb=True, spelled=spelled), head)
    opposites = frozenset(frozenset(verb_class.get(v, v) for v in (_phrase_lemmas(str(x), verb=True, spelled=spelled)
                                                                   for x in pair))
                          for pair in merged.get("opposite_verbs", []) or [])
    return ConceptLexicon(noun_concept=noun_concept, verb_class=verb_class, verb_concepts=verb_concepts,
                          opposites=frozenset(p for p in opposites if len(p) == 2),
                          spending_verbs=frozenset(_phrase_lemmas(str(w), verb=True)
                                                   for w in merged.get("spending_verbs", []) or []),
                          share_events={noun_lemma(str(k)): str(v)
                                        for k, v in (merged.get("share_events") or {}).items()},
                          concept_term=concept_term,
                          attributive_terms={str(k): str(v) for k, v in (merged.get("attributive_terms") or {}).items()},
                          person_nouns=frozenset(noun_lemma(w) for w in merged.get("person_nouns", []) or []),
                          doer_verbs=frozenset(_phrase_lemmas(str(w), verb=True)
                                               for w in merged.get("doer_verbs", []) or []),
                          weak_nouns=frozenset(noun_lemma(w) for w in merged.get("weak_nouns", []) or []),
                          spelled=spelled)


# ------------------------------------------------------------------------------ document context
@dataclass(frozen=True)
class DocumentContext:
    """Who a document is about, for claims whose own sentence names no one."""

    headline: tuple[str, ...]
    main: tuple[str, ...]


def headline_span(text: str) -> tuple[int, int] | None:
    """The first line when it reads as a headline: short, not a sentence, followed by a line break."""
    m = re.match(r"\s*([^\n]{3,200})\n", text)
    if not m:
        return None
    line = m.group(1).strip()
    words = line.split()
    if not words or len(words) > _HEADLINE_MAX_WORDS or line.endswith((".", ":", ";", ",")) and len(words) > 8:
        return None
    return m.start(1), m.start(1) + len(m.group(1))


def document_context(sentence_entities: Sequence[tuple[str, ...]],
                     headline_entities: tuple[str, ...]) -> DocumentContext:
    """The headline's names, and the name most sentences mention (at least two, and clearly ahead)."""
    counts: Counter[str] = Counter()
    for names in sentence_entities:
        counts.update(set(names))
    main: tuple[str, ...] = ()
    if counts:
        ranked = counts.most_common(2)
        top, n = ranked[0]
        runner = ranked[1][1] if len(ranked) > 1 else 0
        if n >= 2 and (n > runner or len(ranked) == 1):
            main = (top,)
        elif n >= 2:  # a tie: the one named first
            tied = {e for e, k in counts.items() if k == n}
            first = next((e for names in sentence_entities for e in names if e in tied), top)
            main = (first,)
    return DocumentContext(headline=headline_entities, main=main)


# ------------------------------------------------------------------------------ per claim
def _metric_parts(metric: str | None) -> tuple[str | None, str | None]:
    """'average price of new car' -> ('price', 'new car'): the head noun and the of-object."""
    if not metric:
        return None, None
    head, _sep, tail = metric.partition(" of ")
    words = [w for w in head.split() if w not in _GLUE and w.isalpha()]
    noun = noun_lemma(words[-1]) if words else None
    of_object = " ".join(noun_lemma(w) for w in tail.split() if w not in _GLUE) or None
    return noun, of_object


def _attributive_term(lex: ConceptLexicon, unit: str | None) -> str | None:
    """The rule term a measure in ``unit`` stands for when used as an adjective (`attributive_terms`, whose
    dimensions are read only here: building pint's registry is for the processes that judge units)."""
    dim = canonical_dimension(unit or "")
    return next((term for key, term in lex.attributive_terms.items() if dim and canonical_dimension(key) == dim), None)


#: what may follow a participle right after its counted noun for it to be passive ("members seized on
#: Tuesday", "soldiers killed in the clash", "people arrested."), not the verb of an object ("gunmen killed five")
_REDUCED_PASSIVE_NEXT = frozenset({"on", "in", "at", "by", "during", "after", "since", "last", "this", "when", "while",
                                   "over", "from", "near", ",", ".", ";", ":", ")"})
_VERB_WORDS = re.compile(r"[A-Za-z]+|[,;:()]|\.(?!\d)")


def _past(low: str, verbs: frozenset[str]) -> bool:
    """A past form: a long '-ed' word, or a known verb's form ("died", "fled", "hurt": 'die', 'flee', 'hurt')."""
    if low.endswith("ed") and len(low) > 4:
        return True
    return verb_lemma(low) in verbs


_PREDICATE = re.compile(r"\s*([A-Za-z]+)\s+([a-z]+)\b(?=\s*(?:[.,;:)]|$|\s+(?:in|on|at|by|after|during|from|and)\b))")


def _predicate_concept(text: str, end: int, noun: str | None, lex: ConceptLexicon) -> str | None:
    """The concept of a predicate right after a figure's person noun: "left 35,000 people homeless", "left 40
    people dead" (a concept noun the lexicon knows, closing the clause)."""
    m = _PREDICATE.match(text, end, min(len(text), end + 60))
    if m is None or noun is None or noun_lemma(m.group(1).lower()) != noun:
        return None
    return lex.noun_concept.get(noun_lemma(m.group(2)))


def governing_verb(text: str, start: int, end: int, verbs: frozenset[str], noun: str | None = None,
                   doers: frozenset[str] = frozenset()) -> str | None:
    """The verb that governs the figure at text[start:end]: the nearest known or past-tense verb
    before it in its clause ("seized 99", "employs 2,300"), else a participle after its noun
    ("89 people were arrested"; with the counted ``noun``, also "99 members seized on Tuesday", where a
    preposition or the clause's end after the participle says it is passive: not "3 gunmen killed 5"; a verb
    of ``doers`` needs neither: "55,000 people attended the fair")."""
    before = _VERB_WORDS.findall(text, max(0, start - 80), start)
    for n in (3, 2):  # a phrase verb right before the figure: "is home to 15,000 people"
        if len(before) >= n and all(w.isalpha() for w in before[-n:]):
            phrase = " ".join(verb_lemma(w.lower()) for w in before[-n:])
            if phrase in verbs:
                return phrase
    last = before[-6:]
    for k, w in enumerate(reversed(last)):
        if w in ",;:()." or w.lower() in _CLAUSE_JOINS:
            break
        low = w.lower()
        if (k + 1 < len(last) and last[-(k + 2)].lower() in _DETERMINERS) or (w[:1].isupper() and low in CALENDAR_WORDS):
            continue  # "a net profit of", "the total": a word of a noun phrase, not a verb; "March", "May": months
        lemma = verb_lemma(low)
        if lemma in verbs or low in verbs or (k <= 1 and low.endswith("ed") and len(low) > 4 and lemma != low):
            return lemma
    after = _VERB_WORDS.findall(text[end:end + 60])
    for i, w in enumerate(after[:6]):
        if w in ",;:()." or w.lower() in _CLAUSE_JOINS:
            break  # "Five people died and seven were injured": "injured" is the next clause's
        low = w.lower()
        if w[:1].isupper() and low in CALENDAR_WORDS:
            continue  # "due March 31": a month, not a verb
        if i > 0 and low.endswith("ed") and len(low) > 4 and after[i - 1].lower() in ("were", "was", "been", "are",
                                                                                         "is", "be", "being"):
            return verb_lemma(low)
        if not (i > 0 and noun and noun_lemma(after[i - 1].lower()) == noun):
            continue  # the rest read a verb right after the counted noun
        nxt = after[i + 1].lower() if i + 1 < len(after) else None
        if verb_lemma(low) in doers:
            return verb_lemma(low)
        if nxt is not None and f"{verb_lemma(low)} {nxt}" in verbs:
            return f"{verb_lemma(low)} {nxt}"  # "800 people live in the community"
        if _past(low, verbs) and (nxt is None or nxt in _REDUCED_PASSIVE_NEXT):
            return verb_lemma(low)
    return None


#: what money laid out went to: "spent $4 million on research" (after a verb of `spending_verbs`)
_WORD_RX = re.compile(r"[a-z][a-z-]+")
_SPENT_ON = re.compile(r"\s+(?:on|for)\s+(?:the\s+|its\s+|their\s+|new\s+)?([a-z]{3,})\b")


def concept_of(claim: Claim, text: str, lex: ConceptLexicon, known_verbs: frozenset[str],
               money_nouns: frozenset[str] = frozenset()) -> Concept:
    """The concept features of one claim in its document's text. A count of ``money_nouns`` ("35 billion
    crowns") is an amount of money: its noun is its metric's, not the currency's."""
    q = claim.quantity
    metric_noun, of_object = _metric_parts(claim.metric)
    noun = None
    if q.kind == "count" and q.unit and q.unit not in money_nouns:
        words = [w for w in q.unit.split() if w.isalpha()]
        noun = noun_lemma(words[-1]) if words else None
    if noun is None:
        noun = metric_noun
    if noun is None and claim.metric is None:
        noun = nearby_noun(text, q.start, q.end)
    verb = governing_verb(text, q.start, q.end, known_verbs, noun, lex.doer_verbs)
    # one spelling for two ("jewellery" / "jewelry"), once the words were found in the text as written
    noun, verb = (lex.spelled(noun) if noun else noun), (lex.spelled(verb) if verb else verb)
    of_object = lex.spelled.phrase(of_object) if of_object else of_object
    key: str | None = None
    if claim.rule not in ("generic", "none"):
        key = "rule:" + claim.rule
    else:
        # a percent is a share or a change of something, never what its verb counts ("raised fees by 5%")
        by_verb = lex.verb_concept.get(verb or "") if q.kind != "percent" else None
        metric_lemmas = _phrase_lemmas(claim.metric or "", spelled=lex.spelled)
        by_noun = lex.noun_concept.get(noun or "") or next(
            (c for phrase, c in lex.noun_concept.items() if " " in phrase and phrase in metric_lemmas), None)
        if noun in lex.person_nouns or noun is None or (q.kind == "money" and noun == claim.metric and verb
                                                         and verb_lemma(noun) == verb):
            # a count of people, or a sum whose metric is only its verb ("raised $48m"): the verb says what it is,
            # or its synonyms' concept ("attracted 120,000 people": "attract" is a verb of attending)
            by_class = lex.verb_concept.get(lex.verb_key(verb) or "") if q.kind != "percent" else None
            key = by_verb or by_class or _predicate_concept(text, q.end, noun, lex) or (noun and f"noun:{noun}")
        else:
            key = by_noun or (f"noun:{noun}" if noun else None)
            if by_verb and (by_noun is None and noun in lex.noun_concept.values()
                            or by_noun is not None and by_noun != by_verb):
                key = by_verb  # what was done to them says what is counted: "injured 40 fans", "hired 300 workers"
        if key is not None and key.startswith("noun:") and noun in lex.weak_nouns:
            key = None
    if q.kind == "percent" and noun in lex.share_events and not (key or "").startswith("rule:"):
        key = f"share of {lex.share_events[noun]}"  # "won 54% in the election" is "54% of the vote"
    elif q.kind == "percent" and key is None and noun is None and lex.verb_key(verb) == "win":
        # "During the election the League got 38.2%": a share won, in a sentence of an event shares are won in
        event = next((lex.share_events[w] for w in map(noun_lemma, _WORD_RX.findall(claim.sentence.lower()))
                      if w in lex.share_events), None)
        if event is not None:
            key = f"share of {event}"
    # "a share of the vote" / "of ballots cast": an of-object the lexicon knows is named by its concept
    of_concept = next((lex.noun_concept[w] for w in (of_object or "").split() if w in lex.noun_concept), None)
    if of_concept is not None:
        of_object = of_concept
        if key is None and noun in lex.weak_nouns:
            key = f"{noun} of {of_concept}"
    if of_object is None and verb in lex.spending_verbs:
        m = _SPENT_ON.match(text, q.end, min(len(text), q.end + 40))
        if m is not None:  # "spent $400 million on research" / "... on marketing": what the money went to
            of_object = lex.spelled(noun_lemma(m.group(1)))
    return Concept(key=key, noun=noun, verb=lex.verb_key(verb), of_object=of_object, entities=tuple(claim.subject))


def with_concepts(doc: Document, claims: Sequence[Claim], lex: ConceptLexicon, known_verbs: frozenset[str],
                  entities_of: Callable[[str, int, int], Iterable[str]],
                  sentences: Sequence[tuple[int, int]],
                  match_rule: Callable[[str, Claim], tuple[str, str] | None] | None = None,
                  money_nouns: frozenset[str] = frozenset()) -> list[Claim]:
    """Every claim of one document with its `Concept`, and a subject from the document when its sentence
    names none (provenance records which)."""
    if not claims:
        return []
    text = doc.text
    head = headline_span(text)
    headline_entities = tuple(entities_of(text, *head)) if head else ()
    names = [tuple(entities_of(text, a, b)) for a, b in sentences[:40]]
    ctx = document_context(names, headline_entities)
    starts = [a for a, _b in sentences]
    read: dict[tuple[int, int], tuple[str, ...]] = {}

    def names_at(span: tuple[int, int]) -> tuple[str, ...]:
        """The names of one sentence, read once however many of its figures ask."""
        got = read.get(span)
        if got is None:
            got = read[span] = tuple(entities_of(text, *span))
        return got
    out = []
    for c in claims:
        concept = concept_of(c, text, lex, known_verbs, money_nouns)
        if c.rule in ("generic", "none") and match_rule is not None and c.quantity.kind == "count" and concept.verb \
                and c.metric != "age" \
                and (not c.quantity.unit or noun_lemma(c.quantity.unit.split()[-1]) in lex.person_nouns):
            # "killing seven people and injuring 40": the verb names a rule's metric the frames did not read
            found = match_rule(participle(concept.verb), c)
            if found is not None:
                c = replace(c, metric=found[0], rule=found[1],
                            provenance=(*c.provenance, Provenance("metric", found[0], f"governing verb "
                                                                                      f"'{concept.verb}', rule {found[1]}")))
                concept = concept_of(c, text, lex, known_verbs, money_nouns)
        # the concept stands for a rule's term ("Lake Orla covers 120 km2": the area rule's), by its key or by its
        # verb ("The Kestrel farm covers 420 acres": the farm's area); by the verb, the first of its concepts whose
        # rule takes the figure ("spans 1.6 km": a length, "spans 40 km2": an area)
        by_verb = lex.verb_concept.get(concept.verb or "")
        terms = [(k, lex.concept_term[k]) for k in lex.verb_concepts.get(concept.verb or "", ())
                 if k in lex.concept_term]
        if concept.key in lex.concept_term and concept.key != by_verb or not terms:
            terms = [(concept.key or "", lex.concept_term[concept.key])] if concept.key in lex.concept_term else []
        if c.rule in ("generic", "none") and terms and match_rule is not None:
            found = None
            via = ""
            for via, term in terms:
                found = match_rule(term, c)
                if found is not None:
                    break
            if found is not None:
                noun = concept.noun if concept.noun and not lex.concept_term.get(concept.key or "") else None
                c = replace(c, metric=found[0], rule=found[1], subject=(*c.subject, noun) if noun else c.subject,
                            provenance=(*c.provenance, Provenance("metric", found[0], f"concept "
                                                                                      f"'{via}' "
                                                                                      f"(term '{term}'), rule {found[1]}")))
                concept = concept_of(c, text, lex, known_verbs, money_nouns)
            elif lex.concept_term.get(concept.key or ""):  # "a statement covering a $25 mln issue" is no area
                concept = replace(concept, key=f"noun:{concept.noun}" if concept.noun else None, verb=None)
            else:
                concept = replace(concept, verb=None)
        if c.rule in ("generic", "none") and c.metric is None and match_rule is not None and lex.attributive_terms \
                and c.quantity.kind == "measure" and attributive_noun(text, c.quantity.start, c.quantity.end):
            term = _attributive_term(lex, c.quantity.unit)
            found = match_rule(term, c) if term else None  # "the 300-acre farm": the farm's area
            if found is not None:
                c = replace(c, metric=found[0], rule=found[1], subject=(*c.subject, concept.noun or ""),
                            provenance=(*c.provenance, Provenance("metric", found[0], f"a measure used as an "
                                                                                      f"adjective of '{concept.noun}'")))
                concept = concept_of(c, text, lex, known_verbs, money_nouns)
        if c.metric is None and concept.noun and match_rule is not None:
            found = match_rule(concept.noun, c)  # "puts the magnitude at 6.1": a rule's term the frames missed
            if found is not None:
                c = replace(c, metric=found[0], rule=found[1],
                            provenance=(*c.provenance, Provenance("metric", found[0], f"noun near the figure "
                                                                                      f"'{concept.noun}', rule {found[1]}")))
                concept = concept_of(c, text, lex, known_verbs, money_nouns)
        # item words a rule's term leaves ("capital" of "capital spending") say what, not whose: a sentence
        # with only those names no one, and its subject is looked for further out like any other's
        items = tuple(x for x in c.subject if not x[:1].isupper())
        doer = _doer_noun(c, concept, lex) if not items and c.rule not in ("generic", "none") else None
        if doer:  # "The Tessel dam cost $2 billion": what cost it is the item, beside the name
            items = (doer,)
        subject = tuple(x for x in c.subject if x[:1].isupper())
        source = SubjectSource.SENTENCE if subject else SubjectSource.NONE
        provenance = list(c.provenance)
        if not subject and c.attribution and _OWN.search(c.sentence):
            # "Korvin Steel said its net profit rose 12 percent": the speaker's own figure
            subject, source = (c.attribution,), SubjectSource.SENTENCE
            provenance.append(Provenance("subject", c.attribution, "the speaker's own figure ('its')"))
        if not subject and _PRONOUN_LED.match(c.sentence):
            before = _sentence_before(c.quantity.start, sentences, starts)
            named = names_at(before) if before else ()
            if named:
                # "Peru, the second biggest producer, froze sales. It produced 57 mln ounces": Peru's figure
                subject, source = named[:1], SubjectSource.ANTECEDENT
                provenance.append(Provenance("subject", named[0], "the name opening the sentence before ('it')"))
        if not subject:
            span = _sentence_at(c.quantity.start, sentences, starts)
            lead = _sentence_subject(c, names_at(span) if span else ())
            if lead and " " not in lead and text.count(lead) < 2:
                lead = None  # a lone capitalised first word ("Only three survived") is no name by itself
            if lead:
                # "Dale Pruitt resigned from the Gulls after six seasons": the figure's clause names no one,
                # the sentence's does
                subject, source = (lead,), SubjectSource.SENTENCE
                provenance.append(Provenance("subject", lead, "the name the sentence opens with"))
        if not subject and c.attribution and _reports_own(c):
            # "For 1986, Newmont reported net income of 74.2 mln dlrs": a company reporting its own results
            subject, source = (c.attribution,), SubjectSource.SENTENCE
            provenance.append(Provenance("subject", c.attribution, "the reporter of its own results ('reported')"))
        if not subject and ctx.headline:
            subject, source = ctx.headline, SubjectSource.HEADLINE
        elif not subject and ctx.main:
            subject, source = ctx.main, SubjectSource.DOCUMENT
        subject = tuple(subject) + items
        if source in (SubjectSource.HEADLINE, SubjectSource.DOCUMENT):
            provenance.append(Provenance("subject", ", ".join(subject), f"{source.value} of {doc.name}"))
        provenance.append(Provenance("concept", concept.key or "-", _concept_why(concept)))
        concept = replace(concept, context=tuple(dict.fromkeys([*ctx.headline, *ctx.main])), subject_source=source)
        out.append(replace(c, subject=tuple(sorted(set(subject))), concept=concept, provenance=tuple(provenance)))
    return out


_PRONOUN_LED = re.compile(r"^\W*(?:it|its|they|their|he|his|she|her)\b", re.IGNORECASE)


def _sentence_at(at: int, sentences: Sequence[tuple[int, int]], starts: Sequence[int]) -> tuple[int, int] | None:
    """The span of the sentence holding offset ``at`` (``starts``: the sentences' starts), if any."""
    k = bisect.bisect_right(starts, at) - 1
    return sentences[k] if k >= 0 and at < sentences[k][1] else None


_WORD = re.compile(r"[A-Za-z]+")


def _doer_noun(c: Claim, concept: Concept, lex: ConceptLexicon) -> str | None:
    """The common noun right after a name and right before the figure's verb ("The Tessel dam cost $2
    billion": "dam"), the thing of that name the rule's metric is of; None otherwise."""
    if not concept.verb:
        return None
    at = c.sentence.find(c.quantity.text.strip())
    words = [(m.group(0), m.start()) for m in _WORD.finditer(c.sentence, 0, max(0, at))]
    for k in range(len(words) - 1, 0, -1):
        if verb_lemma(words[k][0].lower()) == concept.verb or lex.verb_key(verb_lemma(words[k][0].lower())) == concept.verb:
            word = words[k - 1][0]
            name = words[k - 2][0] if k >= 2 else ""
            if not (name[:1].isupper() and name.lower() not in _DETERMINERS
                    and c.sentence[words[k - 2][1] + len(name):words[k - 1][1]].strip() == ""):
                return None  # only a name's own thing: "the Pellow dam", not "Italy's economy" or "the valley"
            noun = noun_lemma(word)
            metric = set((c.metric or "").lower().split())
            if word.islower() and len(word) > 2 and word not in _GLUE and word not in _NOT_DOERS \
                    and noun not in lex.person_nouns and noun not in lex.weak_nouns \
                    and word not in metric and noun not in metric:  # "trade grew 12%": the metric's own word
                return noun
            return None
    return None


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                          "some", "every", "each", "no", "one"})
#: words before a verb that are no thing doing it
_NOT_DOERS = frozenset({"which", "that", "who", "also", "still", "only", "then", "has", "have", "had", "was", "were",
                        "will", "would", "could", "may", "might", "not", "and", "but", "reportedly", "already",
                        "they", "she", "its", "their", "his", "her", "this", "these", "those", "all", "both"})


def _sentence_subject(c: Claim, names: tuple[str, ...]) -> str | None:
    """The name a sentence opens with, when a verb follows it ("Dale Pruitt resigned ...", "Marsh, who
    played ..."): the sentence's subject. Else the name that opens the figure's own clause, after a
    conjunction ("... the day that Ned Varga resigned after six seasons"). Not its speaker ("Lang said 12
    were killed"), and not a name that only starts a longer phrase."""
    lead = opening_name(c.sentence, names[:1], c.attribution)
    if lead:
        return lead
    at = c.sentence.find(c.quantity.text.strip())
    if at < 0:
        return None
    ends = _clause_opener_ends(c.sentence)
    k = bisect.bisect_left(ends, at) - 1  # the last opener that ends before the figure (its look-ahead too)
    clause = c.sentence[ends[k] if k >= 0 else 0:at]
    for name in names:
        if name != c.attribution and clause.startswith(name) and _VERB_AFTER_NAME.match(clause, len(name)):
            return name
    return None


@lru_cache(maxsize=4096)
def _clause_opener_ends(sentence: str) -> tuple[int, ...]:
    """Where each clause opener of a sentence ends, worked out once per sentence: every figure of a sentence
    asks, and a sentence of thousands of figures made the asking quadratic."""
    return tuple(m.end() for m in _CLAUSE_OPENER.finditer(sentence))


_VERB_AFTER_NAME = re.compile(r"\s+[a-z]+ed\b")
#: the words that open a subordinate clause, before a capitalised word: the name after one, and its verb, are
#: that clause's subject
_CLAUSE_OPENER = re.compile(r"\b(?:that|when|after|because|since|while|before|until|where|as|although|though)"
                            r"\s+(?=[A-Z])")



def _sentence_before(at: int, sentences: Sequence[tuple[int, int]], starts: Sequence[int]) -> tuple[int, int] | None:
    """The span of the sentence before the one holding offset ``at``, if any."""
    k = bisect.bisect_right(starts, at) - 1
    return sentences[k - 1] if k >= 1 else None


def _concept_why(c: Concept) -> str:
    parts = [f"noun '{c.noun}'" if c.noun else "", f"verb '{c.verb}'" if c.verb else "",
             f"of '{c.of_object}'" if c.of_object else ""]
    return "concepts lexicon / " + ", ".join(p for p in parts if p) if c.key and not c.key.startswith(("noun:", "rule:")) \
        else ", ".join(p for p in parts if p) or "no noun or verb"
