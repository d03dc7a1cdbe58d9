"""What a figure measures: the metric frames ("trade grew 16%", "trade reached $3bn", "900 joint ventures",
"a death toll of 120", "the pipeline is 3,000 km long"), and the metric normalised through the rules.

Each frame reads the words around the number; a figure whose frame is not recognised gets no metric
and is simply not compared: precision first.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Sequence

from ..model import Aspect, Quantity
from ..rules import Rule, RuleSet, lemmatise
from .entities import entities
from .lexicon import FrameLexicon
from .phrases import noun_phrase_before, of_phrase_after
from .sentences import Token
from .words import CALENDAR_WORDS, NOT_HEADS, PREPOSITIONS, participle, verb_lemma

_SIZE_ADJECTIVES = {"long": "length", "wide": "width", "high": "height", "tall": "height", "deep": "depth",
                    "thick": "thickness", "heavy": "weight", "old": "age"}
_DIMENSION_NAMES = {"[length]": "length", "[length] ** 2": "area", "[length] ** 3": "volume", "[mass]": "weight",
                    "[length] / [time]": "speed", "[temperature]": "temperature", "[time]": "duration",
                    "[mass] * [length] ** 2 / [time] ** 3": "power"}
_UNIT_METRICS = {"richter_magnitude": "magnitude", "degree_Celsius": "temperature",
                 "degree_Fahrenheit": "temperature"}
_NP = "noun phrase"
_OF = "of phrase"


def _dimension_of(unit: str | None) -> str:
    from ..extract import units as unit_registry

    try:
        return unit_registry.dimensionality(unit or "")
    except Exception:
        return ""


class Frame(NamedTuple):
    """The metric words a frame found for one figure, before the rules normalise them."""

    metric: str | None
    aspect: Aspect
    subject: tuple[str, ...]
    #: which frame found the metric: verb, verb-to, of, noun, noun-before, unit, counted, counted-bare, size,
    #: action, share, label, adjective, verb-after, change-noun, none
    how: str
    #: where the frame's subject names came from ("noun phrase", "of phrase", "owner", ...)
    subject_from: str = ""


def counted_metric(lex: FrameLexicon, q: Quantity, toks: list[Token], idx_start: int,
                   idx_end: int) -> tuple[str, bool, tuple[str, ...], str]:
    """The counted noun plus what is said of it: 'people killed', 'another house', 'victim per day'.

    Returns the metric, whether the count is bare ("five boats": too little said to compare), the names
    the count is about, and where those names came from.
    """
    noun = " ".join(lex.noun_aliases.get(w, w) for w in (q.unit or "").split())
    head = noun.split()[-1] if noun else ""
    # where the noun ends among the tokens after the number
    k = idx_end
    end_idx = idx_end
    while k < min(len(toks), idx_end + 5):
        low = toks[k].low
        if low.rstrip("s") == head.rstrip("s") or low.startswith(head[:4]) or low in ("people", "men", "women",
                                                                                       "children"):
            end_idx = k + 1
            break
        k += 1
    parts = [noun]
    # a scope word right before the number: "another 1,000 houses"
    if idx_start > 0 and toks[idx_start - 1].low in lex.scope_words:
        parts.insert(0, toks[idx_start - 1].low)
    predicate = None
    noun_subjects: tuple[str, ...] = ()
    origin = []
    # a change verb with its subject: "Sensex rises 103 points" is specific enough to compare
    if idx_start > 0 and toks[idx_start - 1].low in lex.change_verbs \
            and toks[idx_start - 1].low not in ("up", "down", "higher", "lower"):
        _np, noun_subjects = noun_phrase_before(lex, toks, idx_start - 1)
        if noun_subjects:
            origin.append(_NP)
    # a verb right before the number: "killed 283 people", "rescuers saved 750 people"
    if idx_start > 0:
        prev = toks[idx_start - 1].low
        if prev in lex.action_verbs:
            predicate = participle(prev)
    # "prepared by two monks": the verb before the agent
    if predicate is None and idx_start > 1 and toks[idx_start - 1].low == "by" \
            and toks[idx_start - 2].low.endswith("ed"):
        predicate = participle(toks[idx_start - 2].low)
    if predicate is None:
        j = end_idx
        if j < len(toks) and toks[j].low in ("who", "that", "which"):
            j += 1  # "the three monks who prepare the mixture"
            if j < len(toks) and toks[j].text[:1].isalpha() and toks[j].low not in lex.auxiliaries:
                predicate = participle(toks[j].low)
        while j < len(toks) and toks[j].low in lex.auxiliaries:
            j += 1
        if predicate is None and j < len(toks) and j > end_idx - 1:
            w = toks[j].low
            if w in lex.predicates or w in lex.action_verbs or ((w.endswith("ed") or w.endswith("en")) and len(w) > 4):
                predicate = "missing" if w == "missing" else participle(w)
    if predicate:
        parts.append(predicate)
    # who has them: "the bridge has four lanes"
    possessor = idx_start > 1 and toks[idx_start - 1].low in ("has", "have", "had", "with", "contains", "includes",
                                                              "operates", "employs", "owns")
    if possessor:  # "the bridge has four lanes": the bridge is what the count is about
        at = idx_start - 1
        if at > 0 and toks[at - 1].low == ",":  # "The bridge over the Daugava, opened in 2023, has 12"
            k = next((i for i in range(at - 2, -1, -1) if toks[i].low == ","), -1)
            if k > 0:
                at = k
        owner, owner_subjects = noun_phrase_before(lex, toks, at)
        noun_subjects = tuple(noun_subjects) + tuple(owner_subjects) + ((owner,) if owner else ())
        if owner_subjects or owner:
            origin.append("owner")
    # a rate: "8,000 victims per day"
    tail = " ".join(t.low for t in toks[end_idx:end_idx + 2])
    rated = False
    for rate in lex.rate_words:
        if tail.startswith(rate):
            parts.append("per " + rate.split()[-1] if not rate.startswith("per") else rate)
            rated = True
            break
    bare = not (predicate or rated or possessor or len(parts) > 1 or noun_subjects)
    return " ".join(parts), bare, tuple(noun_subjects), ", ".join(origin)


#: words of a figure ("115.6 mln dlrs"): a metric phrase that holds them has run into an earlier figure
_FIGURE_WORDS = frozenset({"mln", "million", "billion", "bln", "pct", "percent", "cts", "cents"})


def _noun_before_of(lex: FrameLexicon, toks: Sequence[Token], at: int, metric: str) -> str:
    """The metric of "<noun phrase> of <figure>" where the phrase reader ran back past the phrase: to a
    participle ("built at a cost of $3.5 billion" is a cost, not "built"), or into an earlier figure's units
    ("a loss of 115.6 mln dlrs on revenues of 2.5 billion dlrs" are revenues, not a "loss of mln dlrs")."""
    words_ = metric.split()
    last = words_[-1]
    crossed = any(w in _FIGURE_WORDS or w in lex.money_nouns for w in words_)
    if not crossed and not last.endswith("ed") and verb_lemma(last) == last:
        return metric
    words: list[str] = []
    i = at
    while i >= 0 and len(words) < 3:
        t = toks[i]
        if not t.text[:1].isalpha() or not t.text[:1].islower() or t.low in PREPOSITIONS or t.low in lex.skip_words:
            break
        words.insert(0, t.low)
        i -= 1
    return " ".join(words) if words and i >= 0 and toks[i].low in lex.skip_words | PREPOSITIONS else metric


def frame_metric(lex: FrameLexicon, rules: RuleSet, q: Quantity, toks: list[Token], idx_start: int,
                 idx_end: int) -> Frame:
    """Find the metric for the quantity whose span covers toks[idx_start:idx_end]."""
    aspect = Aspect.CHANGE if q.direction else Aspect.LEVEL
    after = toks[idx_end:]
    # 1. counted nouns: "900 joint ventures", "283 people have been killed", "killed 283 people"
    if q.kind == "count" and q.unit and q.unit not in lex.money_nouns:
        prev = toks[idx_start - 1].low if idx_start > 0 else ""
        moves = not lex.step_nouns or q.unit in lex.step_nouns or q.unit.split()[-1] in lex.step_nouns
        counted_aspect = Aspect.CHANGE if prev in lex.change_verbs and prev not in ("up", "down") and moves \
            else Aspect.LEVEL
        counted, bare, subj, origin = counted_metric(lex, q, toks, idx_start, idx_end)
        return Frame(counted, counted_aspect, subj, "counted-bare" if bare else "counted", origin)
    if q.kind == "ordinal":
        nxt = [t for t in after[:3] if t.text[0].isalpha()]
        if nxt and nxt[0].text.islower():
            return Frame(nxt[0].low, Aspect.LEVEL, (), "counted")
        return Frame(None, Aspect.LEVEL, (), "none")
    if q.kind == "measure" and q.unit in _UNIT_METRICS:
        return Frame(_UNIT_METRICS[q.unit], Aspect.LEVEL, (), "unit")
    # 2. a change noun right after: "20 percent growth", "a 3% rise in exports"
    if after and after[0].low in lex.change_nouns:
        metric, subj = of_phrase_after(lex, toks, idx_end + 1)
        return Frame(metric, Aspect.CHANGE, subj, "noun" if metric else "change-noun", _OF)
    # 2a. "the pipeline is 3,000 km long": the adjective names the dimension
    if q.kind == "measure" and after and after[0].low in _SIZE_ADJECTIVES:
        j = idx_start - 1
        while j >= 0 and toks[j].low in ("is", "was", "are", "were", "be", "been", "stands", "measures",
                                         "measured", "about", "some", "around", "nearly", "roughly"):
            j -= 1
        metric, subj = noun_phrase_before(lex, toks, j + 1)
        dim = _SIZE_ADJECTIVES[after[0].low]
        return Frame(f"{dim} of {metric}" if metric else dim, aspect, subj, "size", _NP)
    # 2a''. a superlative of size before a measure in brackets: "the tallest actor (6' 8")" is a height
    if q.kind == "measure" and idx_start > 0 and toks[idx_start - 1].low == "(":
        for t in toks[max(0, idx_start - 4):idx_start - 1]:
            base = next((adj for adj in _SIZE_ADJECTIVES if t.low in (adj + "est", adj + "er", adj[:-1] + "est",
                                                                         adj[:-1] + "er")), None)
            if base and _DIMENSION_NAMES.get(_dimension_of(q.unit)) == "length" and base not in ("old", "heavy"):
                return Frame(_SIZE_ADJECTIVES[base], aspect, (), "size")
    # 2a'. a metric noun right before the number: "a magnitude 7.8 earthquake", "inflation 3.2%"
    if idx_start > 0 and toks[idx_start - 1].text[:1].isalpha() and toks[idx_start - 1].low not in lex.skip_words:
        prev = toks[idx_start - 1].low
        if prev not in lex.level_verbs and prev not in lex.change_verbs and prev not in PREPOSITIONS:
            kind = "count" if q.kind == "count" else q.kind
            if rules.match_metric(prev, kind, aspect, q.unit if q.kind == "measure" else None):
                return Frame(prev, aspect, (), "noun-before")
    # 2e. an action verb takes the amount: "Goldman to pay $5bn", "Americans taxed $400 billion"
    if q.kind in ("money", "measure", "count") and idx_start > 0 and toks[idx_start - 1].low in lex.action_verbs:
        verb = toks[idx_start - 1].low
        _np, subj = noun_phrase_before(lex, toks, idx_start - 1)
        return Frame(participle(verb), aspect, subj, "action", _NP)
    # 2f. "64% of Americans say ...": a share of a named group and what it does
    if q.kind in ("percent", "fraction") and after and after[0].low == "of":
        group = [t for t in after[1:4] if t.text[:1].isalpha()]
        names = [t for t in group if t.text[:1].isupper() or t.low in lex.demonyms]
        if names:
            k = after.index(names[-1]) + 1 if names[-1] in after else 0
            verb = after[k].low if k and k < len(after) and after[k].text[:1].isalpha() else ""
            who = " ".join(t.low for t in names)
            share = f"share of {who}" + (f" who {verb_lemma(verb)}" if verb and verb not in PREPOSITIONS else "")
            return Frame(share, Aspect.LEVEL, entities(lex, names), "share", "share group")
    # 2b. a label: "Distance: 630 km", "Total distance of the race: 607 km"
    if idx_start > 0 and toks[idx_start - 1].low == ":":
        metric, subj = noun_phrase_before(lex, toks, idx_start - 1)
        if metric:
            return Frame(metric, aspect, subj, "label", _NP)
    # 2c. a measure used as an adjective: "the 1.4 hectares temple precinct", "a 5,000 km pipeline", also
    # past its conversion in brackets ("the 1.4 hectares (3.5 acres) temple precinct")
    if q.kind == "measure" and after and after[0].low == "(":
        close = next((i for i, t in enumerate(after[:8]) if t.low == ")"), None)
        if close is not None:
            after = after[close + 1:]
    if q.kind == "measure" and "-" not in q.text and _dimension_of(q.unit) in ("[length] ** 2", "[length] ** 3") \
            and after and after[0].text[:1].isalpha() and after[0].low not in lex.clause_breaks \
            and after[0].low not in lex.skip_words and after[0].low not in ("of", "in", "to", "from", "for", "at",
                                                                           "on", "by", "per", "a", "an", "long",
                                                                           "wide", "high", "tall", "deep"):
        dimension = _DIMENSION_NAMES.get(_dimension_of(q.unit))
        head = [t.low for t in after[:3] if t.text[:1].isalpha() and t.text.islower()]
        if head and (head[0].endswith(("ing", "ed", "ly")) or head[0] in NOT_HEADS):
            head = []
        if dimension and head:
            stop = next((i for i, w in enumerate(head) if w in lex.clause_breaks or w in lex.skip_words
                         or w in ("of", "in", "was", "is", "were", "are", "had", "has")), len(head))
            if stop:
                return Frame(f"{dimension} of {' '.join(head[:stop])}", aspect, (), "adjective")
    # 2c'. an amount used as an adjective: "a $2.5 million necklace", "a $300 million deal": what it is the
    # price or value of
    if q.kind == "money" and idx_start > 0 and toks[idx_start - 1].low in ("a", "an") and after:
        head = []
        for t in after[:3]:
            if not (t.text[:1].isalpha() and t.text.islower()) or t.low in lex.clause_breaks or t.low in \
                    lex.skip_words or t.low in PREPOSITIONS or t.low in lex.auxiliaries or t.low in NOT_HEADS \
                    or t.low.endswith(("ing", "ed", "ly")) or t.low in CALENDAR_WORDS \
                    or t.low in ("worth", "a", "an", "per", "each", "last", "next", "this", "that", "which", "who"):
                break
            head.append(t.low)
        if head:
            return Frame(" ".join(head), aspect, (), "adjective")
    # 2d. a bare count and a verb: "Three survived", "750 have been rescued"
    if q.kind == "count" and not q.unit and after:
        k = 0
        while k < len(after) and after[k].low in lex.auxiliaries:
            k += 1
        if k < len(after) and (after[k].low in lex.action_verbs or after[k].low in lex.predicates
                               or after[k].low in ("survived", "died", "remain", "remained")):
            return Frame(participle(after[k].low), aspect, (), "verb-after")
    return _verb_frame(lex, q, toks, idx_start, idx_end, aspect)


def _verb_frame(lex: FrameLexicon, q: Quantity, toks: list[Token], idx_start: int, idx_end: int,
                aspect: Aspect) -> Frame:
    """The frames of last resort: a verb on the left in the clause, then "N in/of X" on the right."""
    # 3. a verb frame on the left within the clause
    j = idx_start - 1
    saw_to = False
    steps = 0
    while j >= 0 and steps < 14:
        t = toks[j]
        if t.low in (",", ";", ":", "(", ")", "—", "–") and steps > 0 and not saw_to:
            break
        if t.low in lex.clause_breaks and t.low not in ("and",):
            break
        if t.low == "to" and steps == 0:
            saw_to = True
        if t.low in lex.change_verbs:
            metric, subj = noun_phrase_before(lex, toks, j)
            if metric is None and t.low in ("up", "down", "higher", "lower"):
                metric, subj = noun_phrase_before(lex, toks, j)
            if saw_to:
                return Frame(metric, Aspect.LEVEL, subj, "verb-to", _NP)
            if steps <= 3 or q.kind in ("percent", "percentage_point"):
                return Frame(metric, Aspect.CHANGE, subj, "verb", _NP)
            return Frame(None, aspect, subj, "none", _NP)
        # multi-word level verbs: "amounted to", "stood at"
        for k in range(min(lex.max_level, j + 1) if t.low in lex.level_verb_ends else 0, 0, -1):
            phrase = " ".join(x.low for x in toks[j - k + 1:j + 1])
            if phrase in lex.level_verbs:
                if phrase == "of":
                    metric, subj = noun_phrase_before(lex, toks, j - k + 1)
                    if metric is None or steps > 2:
                        break
                    metric = _noun_before_of(lex, toks, j - k, metric)
                    if metric.split()[-1] in lex.change_nouns and q.kind in ("percent", "percentage_point"):
                        aspect = Aspect.CHANGE  # "economic growth of 3.4%" is the change "grew 3.4%" states
                    return Frame(metric, aspect, subj, "of", _NP)
                if steps > 3:
                    break
                metric, subj = noun_phrase_before(lex, toks, j - k + 1)
                return Frame(metric, aspect, subj, "verb", _NP)
        steps += 1
        j -= 1
    # 4. "N in/of X" for money and measures: "$5 billion in exports", "5,000 km of roads"
    if q.kind in ("money", "measure", "percent", "fraction"):
        worth = q.kind == "money" and idx_end + 1 < len(toks) and toks[idx_end].low == "worth" \
            and toks[idx_end + 1].low == "of"  # "£910,000 worth of jewellery"
        metric, subj = of_phrase_after(lex, toks, idx_end + worth)
        if metric:
            if q.kind in ("percent", "fraction") and toks[idx_end].low == "of":
                return Frame("share of " + metric, Aspect.LEVEL, subj, "of", _OF)
            return Frame(metric, aspect, subj, "of", _OF)
    return Frame(None, aspect, (), "none")


# ---------------------------------------------------------------------------------- normalisation
def metric_and_rule(rules: RuleSet, phrase: str, q: Quantity, aspect: str) -> tuple[str, Rule | None]:
    """Normalise a metric phrase through the rules' synonyms; unmatched phrases keep their lemmas."""
    dimension = None
    if q.kind == "measure" and q.unit:
        dimension = q.unit
    kind = "money" if q.kind == "money" else q.kind
    rule = rules.match_metric(phrase, kind, aspect, dimension)
    if rule is not None:
        return rule.metric, rule
    words = lemmatise(phrase)
    return " ".join(words) if words else phrase, None


@lru_cache(maxsize=4096)
def matched_term(terms: tuple[str, ...], phrase: str) -> str | None:
    """Which of a matched rule's (lemmatised) terms the phrase holds: the equal one, else the longest
    contained one; None when the rule matched only by fuzzy score."""
    words = lemmatise(phrase)
    best: tuple[tuple[int, int, int], str] | None = None
    for term in terms:
        tw = tuple(term.split())
        if tw == words:
            return term
        n = len(tw)
        at = next((i for i in range(len(words) - n, -1, -1) if words[i:i + n] == tw), None) if n else None
        if at is not None:
            key = (n, int(at + n == len(words)), len(term))
            if best is None or key > best[0]:
                best = (key, term)
    return best[1] if best is not None else None


def residual(lex: FrameLexicon, phrase: str, rule: Rule | None) -> tuple[str, ...]:
    """What a named rule's term leaves of the phrase: 'length of the pipeline' -> ('pipeline',).

    Claims under one rule are compared only when these objects are compatible, so the length of a
    pipeline is never compared with the length of a river.
    """
    if rule is None:
        return ()
    term_words = {w for t in rule.terms for w in lemmatise(t)} | set(lemmatise(rule.metric))
    past = {w for w in phrase.lower().split() if w.endswith("ed") and verb_lemma(w) != w}  # "Norland recorded ..."
    rest = [w for w in lemmatise(phrase) if w not in term_words and w not in lex.skip_words and w not in past
            and w not in PREPOSITIONS and len(w) > 2 and w not in ("average", "total", "overall")]
    return tuple(rest)
