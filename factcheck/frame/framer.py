"""Stage 2 of the pipeline: quantities -> claims. Each number gets a frame: what it measures (the
metric), whether it is a level or a change, about whom, for which period, and who says so.

Why patterns over the words around each number rather than a parser: a parser costs ~0.1 MB/s and
the whole check must run at ~0.5 MB/s. News and releases state figures in a few frames ("trade grew
16%", "trade reached $3bn", "900 joint ventures", "a death toll of 120"), and a claim whose frame
is not recognised gets no metric and is simply not compared: precision first.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Sequence

from ..errors import RuleFileError
from ..extract.temporal import resolve_period
from ..model import Claim, Document, Period, Quantity
from ..rulefile import line_of
from ..rules import Rule, RuleSet, lemmatise
from ..schemas import load_lexicon_file
from ..scope import Scoper

#: Kinds that can be compared; dates and durations only frame other claims.
CLAIM_KINDS = frozenset({"count", "percent", "percentage_point", "money", "measure", "fraction", "ordinal"})
#: Words in any script ("Martín García", "Ndaté"), with inner apostrophes, dots and hyphens, and punctuation.
_WORD_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.\-])*[^\W\d_]|[^\W\d_]|[,;:()\"“”]|—|–")
_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n|\n(?=[ \t]*[-*•] )")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no nos vs etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec "
    "gen col capt lt sgt rep sen gov u.s u.k e.g i.e approx fig jr sr mt ft".split()
)
#: A transcript's speaker label at the start of a line: "Ilham Aliyev: Thank you" or "X's remarks:".
_SPEAKER_RE = re.compile(r"(?m)^[ \t]*([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}) ?(?:remarks)?:")
_ORDINAL_RE = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                         r"tenth|last|latest|previous|next|inaugural|original)\b", re.IGNORECASE)
_CALENDAR_WORDS = frozenset("january february march april may june july august september october november december "
                            "monday tuesday wednesday thursday friday saturday sunday".split())
_NOT_HEADS = frozenset("north south east west northeast northwest southeast southwest away off ahead behind "
                       "above below apart inland offshore down up out per a an the and or than".split())
_POSSESSION_VERBS = frozenset("has have had".split())
_PREPOSITIONS = frozenset("of in between for from on at among with within across to by into over under".split())
_SIZE_ADJECTIVES = {"long": "length", "wide": "width", "high": "height", "tall": "height", "deep": "depth",
                    "thick": "thickness", "heavy": "weight", "old": "age"}
_DIMENSION_NAMES = {"[length]": "length", "[length] ** 2": "area", "[length] ** 3": "volume", "[mass]": "weight",
                    "[length] / [time]": "speed", "[temperature]": "temperature", "[time]": "duration",
                    "[mass] * [length] ** 2 / [time] ** 3": "power"}


def _dimension_of(unit: str | None) -> str:
    from ..extract import units as unit_registry

    try:
        return unit_registry.dimensionality(unit or "")
    except Exception:
        return ""


_UNIT_METRICS = {"richter_magnitude": "magnitude", "degree_Celsius": "temperature",
                 "degree_Fahrenheit": "temperature"}


@dataclass(frozen=True)
class FrameLexicon:
    """The frame words from ``rules/lexicon/frames.yaml``."""

    change_verbs: frozenset[str]
    level_verbs: frozenset[str]
    change_nouns: frozenset[str]
    clause_breaks: frozenset[str]
    attribution_verbs: frozenset[str]
    titles: frozenset[str]
    not_subjects: frozenset[str]
    demonyms: dict[str, str]
    skip_words: frozenset[str]
    action_verbs: frozenset[str]
    auxiliaries: frozenset[str]
    predicates: frozenset[str]
    scope_words: frozenset[str]
    modal_words: frozenset[str]
    rate_words: frozenset[str]
    event_verbs: frozenset[str]
    date_prepositions: frozenset[str]
    vague_heads: frozenset[str]
    noun_aliases: dict[str, str]
    #: word or phrase -> "up" / "down" / "flat": which way a name's own value moved ("Sensex up")
    direction_of: dict[str, str] = field(default_factory=dict)
    direction_links: frozenset[str] = frozenset()
    #: an event verb's lemma (or a phrase of lemmas) -> the event it names ("set up" -> "found")
    event_synonyms: dict[str, str] = field(default_factory=dict)


_FRAME_KEYS = ("change_verbs", "level_verbs", "change_nouns", "clause_breaks", "attribution_verbs", "titles",
               "not_subjects", "skip_words", "action_verbs", "auxiliaries", "predicates", "scope_words",
               "modal_words", "rate_words", "event_verbs", "date_prepositions", "vague_heads")


@lru_cache(maxsize=4)
def load_frames(rules_dir: Path | None = None) -> FrameLexicon:
    """Load and validate ``lexicon/frames.yaml`` (errors are ``file:line: message``)."""
    data, path = load_lexicon_file("frames", rules_dir)
    for key in data:
        if key not in _FRAME_KEYS and key not in ("demonyms", "noun_aliases", "direction_words", "direction_links",
                                                  "event_synonyms"):
            raise RuleFileError(str(path), line_of(data, key), f"unknown key '{key}'")
    sets: dict[str, frozenset[str]] = {}
    for key in _FRAME_KEYS:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RuleFileError(str(path), line_of(data, key), f"'{key}' must be a list of words (quote words YAML reads as booleans: \"on\", \"no\")")
        sets[key] = frozenset(v.lower() for v in value)
    aliases = data.get("noun_aliases", {})
    if not isinstance(aliases, dict):
        raise RuleFileError(str(path), line_of(data, "noun_aliases"), "'noun_aliases' must map words to words")
    demonyms = data.get("demonyms", {})
    if not isinstance(demonyms, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in demonyms.items()):
        raise RuleFileError(str(path), line_of(data, "demonyms"), "'demonyms' must map words to entity names")
    direction_of: dict[str, str] = {}
    for way, words in (data.get("direction_words") or {}).items():
        for w in words:
            direction_of[" ".join(str(w).lower().split())] = str(way)
    links = frozenset(str(w).lower() for w in (data.get("direction_links") or []))
    synonyms: dict[str, str] = {}
    for event, words in (data.get("event_synonyms") or {}).items():
        canonical = " ".join(str(event).lower().split())
        synonyms[canonical] = canonical
        synonyms[_lemma_phrase(canonical)] = canonical
        for w in words:
            synonyms[_lemma_phrase(str(w).lower())] = canonical
    return FrameLexicon(demonyms={k.lower(): v for k, v in demonyms.items()},
                        noun_aliases={str(k).lower(): str(v) for k, v in aliases.items()},
                        direction_of=direction_of, direction_links=links, event_synonyms=synonyms, **sets)


# ---------------------------------------------------------------------------------- sentences
def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries, cheap and good enough for news: punctuation + capital, blank lines."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        end = m.end()
        if m.group(0)[0] == ".":
            k = m.start()
            j = k
            while j > start and (text[j - 1].isalpha() or text[j - 1] == "."):
                j -= 1
            word = text[j:k].lower()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    # trim whitespace so sentences quote cleanly
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((a, b))
    return out


class _Token(NamedTuple):
    """A word of a sentence and where it is. A named tuple, not a frozen dataclass: framing makes one
    per word of every sentence that holds a number, and a tuple is built several times faster."""

    text: str
    low: str
    start: int
    end: int


def _span_days(q: Quantity) -> int:
    """How many days a date mention covers (0 when it is not resolved to a range)."""
    if q.date_range is None:
        return 0
    first, last = (dt.date.fromisoformat(x) for x in q.date_range)
    return (last - first).days + 1


def _tokens(text: str, a: int, b: int) -> list[_Token]:
    new = _Token._make
    return [new((w, w.lower(), m.start(), m.end())) for m in _WORD_RE.finditer(text, a, b) for w in (m.group(0),)]


# ---------------------------------------------------------------------------------- framing
@dataclass(frozen=True)
class _Frame:
    metric: str | None
    aspect: str
    subject: tuple[str, ...]
    how: str  # which frame found the metric: verb, of, noun, unit, counted, inherited


@lru_cache(maxsize=16384)
def _is_english_word(low: str) -> bool:
    """Is this a dictionary word (lemminflect knows it)? Used to read Title Case headlines."""
    try:
        from lemminflect import getAllLemmas

        return bool(getAllLemmas(low))
    except Exception:
        return False


@lru_cache(maxsize=16384)
def _verb_lemma(low: str) -> str:
    try:
        from lemminflect import getLemma

        lemmas = getLemma(low, upos="VERB")
        return lemmas[0] if lemmas else low
    except Exception:
        return low


def _lemma_phrase(phrase: str) -> str:
    """'started using' -> 'start use': the verb lemma of every word of a phrase."""
    return " ".join(_verb_lemma(w) for w in phrase.split())


@lru_cache(maxsize=16384)
def _participle(low: str) -> str:
    """'kills' -> 'killed', 'missing' stays: how a predicate reads in a metric name."""
    if low.endswith("ing") or low.endswith("ed") or low.endswith("en"):
        return low
    try:
        from lemminflect import getInflection

        forms = getInflection(_verb_lemma(low), tag="VBN")
        return forms[0] if forms else low
    except Exception:
        return low


def _detitle(tokens: list[_Token]) -> list[_Token]:
    """In a Title Case headline, common words are not names: 'Goldman To Pay' -> 'Goldman to pay'."""
    words = [t for t in tokens if t.text[0].isalpha() and len(t.text) > 3 and t.low not in _CALENDAR_WORDS]
    if len(words) < 5 or sum(1 for t in words if t.text[0].isupper()) < 0.75 * len(words):
        return tokens
    out = []
    for t in tokens:
        if t.text[0].isupper() and _is_english_word(t.low) and not (t.text.isupper() and len(t.text) > 1):
            out.append(_Token(t.low, t.low, t.start, t.end))
        else:
            out.append(t)
    return out


class Framer:
    """Frames the quantities of one document; holds the lexicons and the rule set."""

    def __init__(self, rules: RuleSet, frames: FrameLexicon | None = None) -> None:
        self.rules = rules
        self.lex = frames or load_frames()
        self._max_level = max(len(v.split()) for v in self.lex.level_verbs)
        self._topic: str | None = None
        self._known_names = frozenset(self.lex.demonyms.values())
        self._last_noun_subjects: tuple[str, ...] = ()
        self._direction_rx: re.Pattern[str] | None = None
        self.scoper = Scoper()

    # ---------------------------------------------------------------- noun phrases and entities
    def _entities(self, tokens: Sequence[_Token]) -> tuple[str, ...]:
        """Proper nouns and demonyms in a run of tokens, normalised (Russian -> Russia)."""
        found: list[str] = []
        i = 0
        while i < len(tokens):
            t = tokens[i]
            base = t.low.removesuffix("'s").removesuffix("’s")
            if base in self.lex.demonyms:
                found.append(self.lex.demonyms[base])
            elif i > 0 and tokens[i - 1].low.endswith(("'s", "’s")) and t.text.isupper():
                pass  # "Germany's GDP": the acronym is the metric, not a second subject
            elif t.text[:1].isupper() and base not in self.lex.not_subjects and base not in self.lex.titles \
                    and len(base) > 1 and base not in self.lex.change_verbs and base not in self.lex.action_verbs:
                name = t.text.removesuffix("'s").removesuffix("’s")
                # join consecutive capitalised words: "South Caucasus", "Ali Asadov" (not past "Germany's")
                while i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper() \
                        and tokens[i + 1].start - tokens[i].end <= 1 and not tokens[i].low.endswith(("'s", "’s")):
                    nxt = tokens[i + 1].text.removesuffix("'s").removesuffix("’s")
                    low_next = nxt.lower()
                    if low_next in self.lex.not_subjects or low_next in self.lex.change_verbs \
                            or low_next in self.lex.level_verbs or low_next in self.lex.action_verbs:
                        break
                    name += " " + nxt
                    i += 1
                found.append(self.lex.demonyms.get(name.lower(), name))
                for part in re.split(r"[-–]", name):  # "Russia-Azerbaijan" names both
                    if part and part != name and part.lower() not in self.lex.not_subjects:
                        found.append(self.lex.demonyms.get(part.lower(), part))
            i += 1
        return tuple(dict.fromkeys(found))

    def _noun_phrase_before(self, tokens: Sequence[_Token], end: int) -> tuple[str | None, tuple[str, ...]]:
        """The noun phrase ending right before tokens[end]: (metric words, subject entities).

        "Trade between Russia and China" -> ("trade", (Russia, China)); "Germany's GDP" -> ("gdp",
        (Germany,)); "the average price of a new car in the US" -> ("average price of new car", (US,)).
        """
        words: list[_Token] = []
        j = end - 1
        while j >= 0 and len(words) < 10:
            t = tokens[j]
            if not t.text[0].isalpha():
                break
            if t.low in self.lex.clause_breaks:
                # "between Russia and China": the "and" belongs to the phrase
                if not (t.low == "and" and any(x.low == "between" for x in tokens[max(0, j - 4):j])):
                    break
            if t.low in self.lex.attribution_verbs and words:
                break
            if (t.low in self.lex.level_verbs or t.low in self.lex.change_verbs) and t.low not in _PREPOSITIONS:
                if words:
                    break
            if t.low in _POSSESSION_VERBS and words and len(words) <= 4 \
                    and not any(w.low in _PREPOSITIONS or w.text[:1].isupper() for w in words):
                # "the Federation has a membership of 652,723": the metric is what is had, the owner its subject
                owned = [w for w in reversed(words) if w.low not in self.lex.skip_words]
                if owned and owned[-1].low not in self.lex.not_subjects:
                    _owner, owner_subjects = self._noun_phrase_before(tokens, j)
                    return " ".join(w.low for w in owned), tuple(dict.fromkeys(owner_subjects))
            words.append(t)
            j -= 1
        words.reverse()
        while words and (words[0].low in self.lex.skip_words):
            words = words[1:]
        while words and (words[-1].low in self.lex.skip_words or words[-1].low.endswith("ly")
                         or words[-1].low in _PREPOSITIONS):
            words = words[:-1]
        if not words:
            return None, ()
        subjects: list[str] = list(self._entities(words))
        # the head: words before the first preposition that follows a content word
        head: list[_Token] = []
        tail: list[_Token] = []
        for i, t in enumerate(words):
            if t.low in _PREPOSITIONS and head and any(not x.text[:1].isupper() for x in head):
                tail = words[i:]
                break
            head.append(t)
        metric_words = [t.low for t in head if self._is_metric_word(t, head)]
        if tail and tail[0].low == "of":
            of_words = []
            for t in tail[1:]:
                if t.low in _PREPOSITIONS:
                    break
                if self._is_metric_word(t, tail) and t.low not in self.lex.skip_words:
                    of_words.append(t.low)
            if of_words:
                if metric_words and metric_words[-1] in ("number", "total", "amount", "count", "volume", "value"):
                    metric_words = metric_words[:-1] + of_words if metric_words[-1] == "number" else \
                        metric_words + ["of"] + of_words
                elif metric_words:
                    metric_words = metric_words + ["of"] + of_words
        if not metric_words:
            return None, tuple(subjects)
        if metric_words[-1] in self.lex.skip_words or metric_words[-1] in self.lex.not_subjects:
            return None, tuple(subjects)
        return " ".join(metric_words), tuple(dict.fromkeys(subjects))

    def _is_metric_word(self, t: _Token, phrase: Sequence[_Token]) -> bool:
        """Common nouns and adjectives name the metric; names, demonyms and possessives name the subject."""
        base = t.low.removesuffix("'s").removesuffix("’s")
        if t.low.endswith(("'s", "’s")) or base in self.lex.demonyms or t.low in self.lex.skip_words:
            return False
        if t.text[:1].isupper() and not (t is phrase[-1] and t.text.isupper() and len(t.text) > 1):
            return False
        return t.low not in _PREPOSITIONS

    def _of_phrase_after(self, tokens: Sequence[_Token], start: int) -> tuple[str | None, tuple[str, ...]]:
        """"in/of X" after a change noun or number: the metric and entities of X."""
        if start >= len(tokens) or tokens[start].low not in ("of", "in"):
            return None, ()
        words: list[_Token] = []
        for t in tokens[start + 1:start + 6]:
            if not t.text[0].isalpha() or t.low in self.lex.clause_breaks or t.low in ("to", "from", "for", "by",
                                                                                         "with", "on", "at", "in"):
                break
            words.append(t)
        while words and words[0].low in self.lex.skip_words:
            words = words[1:]
        if not words:
            return None, ()
        subjects = self._entities(words)
        metric = [t.low for t in words if not (t.text[:1].isupper() or t.low in self.lex.demonyms)]
        if not metric:
            return None, subjects
        return " ".join(metric), subjects

    def _frame(self, q: Quantity, tokens: list[_Token], idx_start: int, idx_end: int) -> _Frame:
        """Find the metric for the quantity whose span covers tokens[idx_start:idx_end]."""
        lex = self.lex
        aspect = "change" if q.direction else "level"
        after = tokens[idx_end:]
        # 1. counted nouns: "900 joint ventures", "283 people have been killed", "killed 283 people"
        if q.kind == "count" and q.unit:
            prev = tokens[idx_start - 1].low if idx_start > 0 else ""
            counted_aspect = "change" if prev in lex.change_verbs and prev not in ("up", "down") else "level"
            metric, bare = self._counted_metric(q, tokens, idx_start, idx_end)
            return _Frame(metric, counted_aspect, self._last_noun_subjects, "counted-bare" if bare else "counted")
        if q.kind == "ordinal":
            nxt = [t for t in after[:3] if t.text[0].isalpha()]
            if nxt and nxt[0].text.islower():
                return _Frame(nxt[0].low, "level", (), "counted")
            return _Frame(None, "level", (), "none")
        if q.kind == "measure" and q.unit in _UNIT_METRICS:
            return _Frame(_UNIT_METRICS[q.unit], "level", (), "unit")
        # 2. a change noun right after: "20 percent growth", "a 3% rise in exports"
        if after and after[0].low in lex.change_nouns:
            metric, subj = self._of_phrase_after(tokens, idx_end + 1)
            return _Frame(metric, "change", subj, "noun" if metric else "change-noun")
        # 2a. "the pipeline is 3,000 km long": the adjective names the dimension
        if q.kind == "measure" and after and after[0].low in _SIZE_ADJECTIVES:
            j = idx_start - 1
            while j >= 0 and tokens[j].low in ("is", "was", "are", "were", "be", "been", "stands", "measures",
                                                "measured", "about", "some", "around", "nearly", "roughly"):
                j -= 1
            metric, subj = self._noun_phrase_before(tokens, j + 1)
            dim = _SIZE_ADJECTIVES[after[0].low]
            return _Frame(f"{dim} of {metric}" if metric else dim, aspect, subj, "size")
        # 2a''. a superlative of size before a measure in brackets: "the tallest actor (6' 8")" is a height
        if q.kind == "measure" and idx_start > 0 and tokens[idx_start - 1].low == "(":
            for t in tokens[max(0, idx_start - 4):idx_start - 1]:
                base = next((adj for adj in _SIZE_ADJECTIVES if t.low in (adj + "est", adj + "er", adj[:-1] + "est",
                                                                             adj[:-1] + "er")), None)
                if base and _DIMENSION_NAMES.get(_dimension_of(q.unit)) == "length" and base not in ("old", "heavy"):
                    return _Frame(_SIZE_ADJECTIVES[base], aspect, (), "size")
        # 2a'. a metric noun right before the number: "a magnitude 7.8 earthquake", "inflation 3.2%"
        if idx_start > 0 and tokens[idx_start - 1].text[:1].isalpha() and tokens[idx_start - 1].low not in lex.skip_words:
            prev = tokens[idx_start - 1].low
            if prev not in lex.level_verbs and prev not in lex.change_verbs and prev not in _PREPOSITIONS:
                kind = "count" if q.kind == "count" else q.kind
                if self.rules.match_metric(prev, kind, aspect, q.unit if q.kind == "measure" else None):
                    return _Frame(prev, aspect, (), "noun-before")
        # 2e. an action verb takes the amount: "Goldman to pay $5bn", "Americans taxed $400 billion"
        if q.kind in ("money", "measure", "count") and idx_start > 0 and tokens[idx_start - 1].low in lex.action_verbs:
            verb = tokens[idx_start - 1].low
            _np, subj = self._noun_phrase_before(tokens, idx_start - 1)
            return _Frame(_participle(verb), aspect, subj, "action")
        # 2f. "64% of Americans say ...": a share of a named group and what it does
        if q.kind == "percent" and after and after[0].low == "of":
            group = [t for t in after[1:4] if t.text[:1].isalpha()]
            names = [t for t in group if t.text[:1].isupper() or t.low in lex.demonyms]
            if names:
                k = after.index(names[-1]) + 1 if names[-1] in after else 0
                verb = after[k].low if k and k < len(after) and after[k].text[:1].isalpha() else ""
                who = " ".join(t.low for t in names)
                metric = f"share of {who}" + (f" who {_verb_lemma(verb)}" if verb and verb not in _PREPOSITIONS else "")
                return _Frame(metric, "level", self._entities(names), "share")
        # 2b. a label: "Distance: 630 km", "Total distance of the race: 607 km"
        if idx_start > 0 and tokens[idx_start - 1].low == ":":
            metric, subj = self._noun_phrase_before(tokens, idx_start - 1)
            if metric:
                return _Frame(metric, aspect, subj, "label")
        # 2c. a measure used as an adjective: "the 1.4 hectares temple precinct", "a 5,000 km pipeline"
        if q.kind == "measure" and "-" not in q.text and _dimension_of(q.unit) in ("[length] ** 2", "[length] ** 3") \
                and after and after[0].text[:1].isalpha() and after[0].low not in lex.clause_breaks \
                and after[0].low not in lex.skip_words and after[0].low not in ("of", "in", "to", "from", "for", "at",
                                                                               "on", "by", "per", "a", "an", "long",
                                                                               "wide", "high", "tall", "deep"):
            dim = _DIMENSION_NAMES.get(_dimension_of(q.unit))
            head = [t.low for t in after[:3] if t.text[:1].isalpha() and t.text.islower()]
            if head and (head[0].endswith(("ing", "ed", "ly")) or head[0] in _NOT_HEADS):
                head = []
            if dim and head:
                stop = next((i for i, w in enumerate(head) if w in lex.clause_breaks or w in lex.skip_words
                             or w in ("of", "in", "was", "is", "were", "are", "had", "has")), len(head))
                if stop:
                    return _Frame(f"{dim} of {' '.join(head[:stop])}", aspect, (), "adjective")
        # 2d. a bare count and a verb: "Three survived", "750 have been rescued"
        if q.kind == "count" and not q.unit and after:
            k = 0
            while k < len(after) and after[k].low in lex.auxiliaries:
                k += 1
            if k < len(after) and (after[k].low in lex.action_verbs or after[k].low in lex.predicates
                                   or after[k].low in ("survived", "died", "remain", "remained")):
                return _Frame(_participle(after[k].low), aspect, (), "verb-after")
        # 3. a verb frame on the left within the clause
        j = idx_start - 1
        saw_to = False
        steps = 0
        while j >= 0 and steps < 14:
            t = tokens[j]
            if t.low in (",", ";", ":", "(", ")", "—", "–") and steps > 0 and not saw_to:
                break
            if t.low in lex.clause_breaks and t.low not in ("and",):
                break
            if t.low == "to" and steps == 0:
                saw_to = True
            if t.low in lex.change_verbs:
                metric, subj = self._noun_phrase_before(tokens, j)
                if metric is None and t.low in ("up", "down", "higher", "lower"):
                    metric, subj = self._noun_phrase_before(tokens, j)
                if saw_to:
                    return _Frame(metric, "level", subj, "verb-to")
                if steps <= 3 or q.kind in ("percent", "percentage_point"):
                    return _Frame(metric, "change", subj, "verb")
                return _Frame(None, aspect, subj, "none")
            # multi-word level verbs: "amounted to", "stood at"
            for k in range(min(self._max_level, j + 1), 0, -1):
                phrase = " ".join(x.low for x in tokens[j - k + 1:j + 1])
                if phrase in lex.level_verbs:
                    if phrase == "of":
                        metric, subj = self._noun_phrase_before(tokens, j - k + 1)
                        if metric is None or steps > 2:
                            break
                        return _Frame(metric, aspect, subj, "of")
                    if steps > 3:
                        break
                    metric, subj = self._noun_phrase_before(tokens, j - k + 1)
                    return _Frame(metric, aspect, subj, "verb")
            steps += 1
            j -= 1
        # 4. "N in/of X" for money and measures: "$5 billion in exports", "5,000 km of roads"
        if q.kind in ("money", "measure", "percent"):
            metric, subj = self._of_phrase_after(tokens, idx_end)
            if metric:
                if q.kind == "percent" and tokens[idx_end].low == "of":
                    return _Frame("share of " + metric, "level", subj, "of")
                return _Frame(metric, aspect, subj, "of")
        return _Frame(None, aspect, (), "none")

    def _document_topics(self, text: str, sentences: Sequence[tuple[int, int]]) -> tuple[str, ...]:
        """The places or parties a text is about: entities named in at least three of its sentences."""
        counts: dict[str, int] = {}
        for a, b in sentences[:200]:
            for e in set(self._entities(_tokens(text, a, b))):
                if e in self._known_names:
                    counts[e] = counts.get(e, 0) + 1
        return tuple(sorted(e for e, n in counts.items() if n >= 3))

    @staticmethod
    def _capitalised_mid_sentence(word: str, text: str) -> bool:
        """Does ``word`` occur capitalised after a word (not after a sentence end) somewhere in the text?"""
        for m in re.finditer(r"(?<=\s)" + re.escape(word) + r"(?=[\s',])", text):
            k = m.start() - 1
            while k >= 0 and text[k].isspace():
                k -= 1
            if k >= 0 and text[k] not in ".!?:;\"”“)]|\n" and not text[k].isdigit():
                return True
        return False

    def _sentence_case(self, tokens: list[_Token], text: str) -> list[_Token]:
        """A capital that only starts the sentence is not a name: "Trade between Russia ..." -> trade."""
        if not tokens:
            return tokens
        t = tokens[0]
        if not t.text[:1].isupper() or t.text.isupper() or t.low.endswith(("'s", "’s")):
            return tokens
        if t.low in self.lex.demonyms or t.text in self._known_names or not _is_english_word(t.low):
            return tokens
        if self._capitalised_mid_sentence(t.text, text):
            return tokens  # capitalised mid-sentence elsewhere: a name
        if len(tokens) > 1 and tokens[1].text[:1].isupper():
            return tokens  # "Marina Baker was born": a first name, not the word "marina"
        return [_Token(t.low, t.low, t.start, t.end)] + tokens[1:]

    def _counted_metric(self, q: Quantity, tokens: list[_Token], idx_start: int, idx_end: int) -> tuple[str, bool]:
        """The counted noun plus what is said of it: 'people killed', 'another house', 'victim per day'."""
        lex = self.lex
        noun = " ".join(lex.noun_aliases.get(w, w) for w in (q.unit or "").split())
        head = noun.split()[-1] if noun else ""
        # where the noun ends among the tokens after the number
        k = idx_end
        end_idx = idx_end
        while k < min(len(tokens), idx_end + 5):
            low = tokens[k].low
            if low.rstrip("s") == head.rstrip("s") or low.startswith(head[:4]) or low in ("people", "men", "women",
                                                                                           "children"):
                end_idx = k + 1
                break
            k += 1
        parts = [noun]
        # a scope word right before the number: "another 1,000 houses"
        if idx_start > 0 and tokens[idx_start - 1].low in lex.scope_words:
            parts.insert(0, tokens[idx_start - 1].low)
        predicate = None
        noun_subjects: tuple[str, ...] = ()
        # a change verb with its subject: "Sensex rises 103 points" is specific enough to compare
        if idx_start > 0 and tokens[idx_start - 1].low in lex.change_verbs \
                and tokens[idx_start - 1].low not in ("up", "down", "higher", "lower"):
            _np, noun_subjects = self._noun_phrase_before(tokens, idx_start - 1)
        # a verb right before the number: "killed 283 people", "rescuers saved 750 people"
        if idx_start > 0:
            prev = tokens[idx_start - 1].low
            if prev in lex.action_verbs:
                predicate = _participle(prev)
        # "prepared by two monks": the verb before the agent
        if predicate is None and idx_start > 1 and tokens[idx_start - 1].low == "by" \
                and tokens[idx_start - 2].low.endswith("ed"):
            predicate = _participle(tokens[idx_start - 2].low)
        if predicate is None:
            j = end_idx
            if j < len(tokens) and tokens[j].low in ("who", "that", "which"):
                j += 1  # "the three monks who prepare the mixture"
                if j < len(tokens) and tokens[j].text[:1].isalpha() and tokens[j].low not in lex.auxiliaries:
                    predicate = _participle(tokens[j].low)
            while j < len(tokens) and tokens[j].low in lex.auxiliaries:
                j += 1
            if predicate is None and j < len(tokens) and j > end_idx - 1:
                w = tokens[j].low
                if w in lex.predicates or w in lex.action_verbs or (
                        (w.endswith("ed") or w.endswith("en")) and len(w) > 4):
                    predicate = "missing" if w == "missing" else _participle(w)
        if predicate:
            parts.append(predicate)
        # who has them: "the bridge has four lanes"
        possessor = idx_start > 1 and tokens[idx_start - 1].low in ("has", "have", "had", "with", "contains",
                                                                      "includes", "operates", "employs", "owns")
        if possessor:  # "the bridge has four lanes": the bridge is what the count is about
            at = idx_start - 1
            if at > 0 and tokens[at - 1].low == ",":  # "The bridge over the Daugava, opened in 2023, has 12"
                k = next((i for i in range(at - 2, -1, -1) if tokens[i].low == ","), -1)
                if k > 0:
                    at = k
            owner, owner_subjects = self._noun_phrase_before(tokens, at)
            noun_subjects = tuple(noun_subjects) + tuple(owner_subjects) + ((owner,) if owner else ())
        # a rate: "8,000 victims per day"
        tail = " ".join(t.low for t in tokens[end_idx:end_idx + 2])
        rated = False
        for rate in lex.rate_words:
            if tail.startswith(rate):
                parts.append("per " + rate.split()[-1] if not rate.startswith("per") else rate)
                rated = True
                break
        bare = not (predicate or rated or possessor or len(parts) > 1 or noun_subjects)
        self._last_noun_subjects = tuple(noun_subjects)
        return " ".join(parts), bare

    def _lifespan_claim(self, q: Quantity, text: str, tokens: list[_Token], idx_start: int, idx_end: int,
                        sentence: str, attribution: str | None) -> Claim | None:
        """'Karl Weyprecht (8 September 1838 – 2 March 1881) was ...': birth and death dates of the name."""
        before = text[max(0, q.start - 3):q.start]
        after = text[q.end:q.end + 3]
        if "(" in before and after.lstrip()[:1] in ("–", "-", "—"):
            event = "born"
        elif before.rstrip()[-1:] in ("–", "-", "—") and ")" in after:
            event = "die"
        else:
            return None
        k = next((i for i in range(idx_start - 1, -1, -1) if tokens[i].low == "("), -1)
        if k <= 0:
            return None
        subjects = [e for e in self._entities(tokens[:k]) if " " in e or e == self._topic]
        if not subjects:
            return None
        return Claim(quantity=q, metric=f"date {event}", subject=tuple(sorted(set(subjects))), period=None,
                     period_source="value", aspect="level", attribution=attribution,
                     sentence=" ".join(sentence.split()), rule="generic")

    def _range_claim(self, q: Quantity, text: str, tokens: list[_Token], idx_start: int, sentence: str,
                     attribution: str | None, temporal: Sequence[Quantity]) -> Claim | None:
        """'Production of the Toyota Supra: May 1993 – August 2002': when the labelled activity began and ended.

        Only a range that follows a label's colon is read, and only when the label names someone or something.
        """
        dashes = ("–", "-", "—")
        before = text[:q.start].rstrip()
        after = text[q.end:].lstrip()
        if before.endswith(":") and after[:1] in dashes:
            nxt = next((t for t in temporal if t.kind == "date" and t.start > q.end and t.date_range), None)
            if nxt is None or text[q.end:nxt.start].strip() not in dashes:
                return None
            event, label_end = "begin", len(before) - 1
        elif before[-1:] in dashes:
            prev = next((t for t in reversed(temporal) if t.kind == "date" and t.end <= q.start and t.date_range), None)
            if prev is None or text[prev.end:q.start].strip() not in dashes \
                    or not text[:prev.start].rstrip().endswith(":"):
                return None
            event, label_end = "end", len(text[:prev.start].rstrip()) - 1
        else:
            return None
        colon = next((i for i, t in enumerate(tokens) if t.start == label_end), None)
        if colon is None or q.date_range is None:
            return None
        k = colon - 1
        while k >= 0 and tokens[k].low not in (",", ";", "|", ":"):
            k -= 1
        subjects = [e for e in self._entities(tokens[k + 1:colon]) if e.lower() not in ("date", "dates")]
        if attribution:
            subjects = [x for x in subjects if x not in attribution]
        if not subjects:
            return None
        return Claim(quantity=q, metric=f"date {event}", subject=tuple(sorted(set(subjects))), period=None,
                     period_source="value", aspect="level", attribution=attribution,
                     sentence=" ".join(sentence.split()), rule="generic")

    def _event_name(self, tokens: Sequence[_Token], j: int) -> tuple[str, int] | None:
        """The event verb ending at tokens[j] ("died", "set up", "started using") and where it starts."""
        lex = self.lex
        if j < 0:
            return None
        for n in (2, 1):
            if j - n + 1 < 0:
                continue
            words = [t.low for t in tokens[j - n + 1:j + 1]]
            if not all(w[:1].isalpha() for w in words):
                continue
            phrase = " ".join(words)
            if phrase in lex.event_verbs or _lemma_phrase(phrase) in lex.event_synonyms:
                return phrase, j - n + 1
        return None

    def _event_of(self, verb: str) -> str:
        """'set up' -> 'found', 'started using' -> 'enter service': one name for one event."""
        if verb == "born":
            return verb
        lemma = _lemma_phrase(verb)
        return self.lex.event_synonyms.get(lemma, lemma)

    def _event_claim(self, q: Quantity, tokens: list[_Token], idx_start: int, idx_end: int, sentence: str,
                     attribution: str | None) -> Claim | None:
        """'Liu Zhi died in 1972' -> a claim that the event 'died' of 'Liu Zhi' happened in 1972."""
        lex = self.lex
        j = idx_start - 1
        while j >= 0:
            if tokens[j].low in lex.date_prepositions:
                j -= 1
                continue
            # "died in Taiwan in 1972", "laid down at Woolwich Dockyard in 1746": a place before the date
            k = j
            while k >= 0 and tokens[k].text[:1].isupper() and k > j - 4:
                k -= 1
            if k < j and k >= 0 and tokens[k].low in ("in", "at", "near", "from") and j < idx_start - 1:
                j = k - 1
                continue
            # "renamed the Arland D. Williams, Jr. Memorial Bridge in 1983": the event's named object first
            k = j
            while k >= 0 and k > j - 8 and (tokens[k].text[:1].isupper() or tokens[k].low == ","):
                k -= 1
            if k < j and k >= 1 and tokens[k].low in ("the", "a", "an") and tokens[k + 1].text[:1].isupper():
                k -= 1
            if k < j and k >= 0 and j < idx_start - 1 and (tokens[k].low in lex.event_verbs or (
                    tokens[k].low.endswith("ed") and len(tokens[k].low) > 4)) \
                    and tokens[k + 1].low in ("the", "a", "an") and tokens[j].low != ",":
                j = k
                break
            # "went on to found Mediation Northern Ireland in 1988": a named object right after the verb
            if k < j and k >= 0 and j < idx_start - 1 and tokens[j].low != "," and tokens[k + 1].text[:1].isupper() \
                    and tokens[k].low in lex.event_verbs and tokens[k].low not in ("entered", "left", "joined"):
                j = k
                break
            # "started using the Whitehead torpedo in 1892", "setting up a mediation organisation in 1989"
            if j < idx_start - 1:
                for d in range(j, max(-1, j - 6), -1):
                    t = tokens[d]
                    if not t.text[:1].isalpha() or t.low in lex.clause_breaks:
                        break
                    if t.low in ("the", "a", "an", "its", "his", "her", "their") and d < j:
                        found = self._event_name(tokens, d - 1)
                        if found is not None:
                            j = d - 1
                        break
            break
        verb = tokens[j].low if j >= 0 else ""
        named = self._event_name(tokens, j)
        if named is not None:
            verb, j = named
        elif j < 0 or (verb not in lex.event_verbs and not (verb.endswith("ed") and len(verb) > 4 and j < idx_start - 1)):
            # the date first: "In 1965, Paul Fraisse becomes director", "1952: X replaces Y",
            # "In 1971, a second book was published, A Life on Film"
            k = idx_end
            while k < len(tokens) and (tokens[k].low in (",", ":", "—", "–") or tokens[k].text[:1].isupper()):
                k += 1
            if k < len(tokens) and k > idx_end and tokens[k].low in ("the", "a", "an", "his", "her", "its", "their"):
                m = k + 1  # "a second book was published": a short common noun phrase and an auxiliary
                while m < len(tokens) and m <= k + 4 and tokens[m].text[:1].isalpha() \
                        and tokens[m].low not in lex.clause_breaks and tokens[m].low not in ("was", "were", "is", "are"):
                    m += 1
                if k + 1 < m < len(tokens) and tokens[m].low in ("was", "were", "is", "are"):
                    k = m + 1
            if k < len(tokens) and k > idx_end and (tokens[k].low in lex.event_verbs
                                                    or _verb_lemma(tokens[k].low) in lex.event_verbs
                                                    or tokens[k].low.endswith("s") and _verb_lemma(tokens[k].low)
                                                    + "d" in lex.event_verbs):
                verb = tokens[k].low
                j = k
            else:
                return None
        metric = "date " + self._event_of(verb)
        subjects = list(self._clause_entities(tokens, j, j + 1))
        _np, np_subj = self._noun_phrase_before(tokens, j)
        subjects.extend(np_subj)
        pronoun_led = bool(tokens) and tokens[0].low in ("he", "she") and self._topic is not None
        if not subjects and pronoun_led:  # "She began ... before setting up X in 1989": about the text's person
            subjects.append(self._topic)
        if not subjects:  # "Julian Lewis Jones (born 21 August 1968)", "The base, established in 1934,"
            subjects.extend(self._entities(tokens[:j]))
        apposition = False
        if not subjects and j + 2 < len(tokens) and tokens[j + 1].low == ",":
            # "a second book was published, A Life on Film, where ...": the name set off after the verb
            k = j + 2
            while k < len(tokens) and tokens[k].low not in (",", ";", ":", "(", ")") \
                    and tokens[k].low not in lex.clause_breaks:
                k += 1
            subjects.extend(self._entities(tokens[j + 2:k]))
            apposition = bool(subjects)
        if self._topic and (any(t.low in ("he", "she", "they", "his", "her") for t in tokens[max(0, j - 3):j])
                            or pronoun_led):
            subjects.append(self._topic)  # "He died in 1972" in a text about Liu Zhi
        if attribution:
            subjects = [x for x in subjects if x not in attribution]
        if not subjects:
            return None  # "was founded in 1998" with no one named: nothing to compare safely
        # "the 11th forum was held on 17 November 2022" vs "the 1st forum was held in 2009": other events
        before = sentence[: max(0, tokens[j].start - tokens[0].start)] if tokens else ""
        # ... from the verb's own clause: in "the 14th Street Bridge opened in 1950, and was renamed X in 1983"
        # the ordinal belongs to a name in another clause; a capitalised ordinal word before a capitalised word is
        # part of a name ("the Fourth Generation Supra", "Second Avenue"), unlike "the 11th Russia-Azerbaijan Forum"
        clause = re.split(r"[,;:]", before)[-1]
        ordinal = next((m for m in _ORDINAL_RE.finditer(clause)
                        if not (m.group(0)[:1].isupper() and re.match(r"\s+[A-Z(]", clause[m.end():]))), None)
        if ordinal and not apposition:
            metric += f" ({ordinal.group(0).lower()})"
        return Claim(quantity=q, metric=metric, subject=tuple(sorted(set(subjects))), period=None,
                     period_source="value", aspect="level", attribution=attribution,
                     sentence=" ".join(sentence.split()), rule="generic", modality=self._modality(tokens, j))

    def _clause_entities(self, tokens: list[_Token], idx_start: int, idx_end: int) -> tuple[str, ...]:
        """Proper nouns in the clause around the number: who or what the figure is about."""
        stop = {",", ";", ":", "(", ")", "—", "–"}
        def names_joined(k: int) -> bool:  # "produced by Bliss and Williams": one list of names, not two clauses
            return tokens[k].low == "and" and 0 < k < len(tokens) - 1 and tokens[k - 1].text[:1].isupper() \
                and tokens[k + 1].text[:1].isupper()

        i = idx_start - 1
        while i >= 0 and tokens[i].low not in stop and (tokens[i].low not in self.lex.clause_breaks or names_joined(i)):
            i -= 1
        j = idx_end
        while j < len(tokens) and tokens[j].low not in stop and (tokens[j].low not in self.lex.clause_breaks
                                                                 or names_joined(j)):
            j += 1
        return self._entities(tokens[i + 1:j])

    def _modality(self, tokens: list[_Token], idx_start: int) -> str:
        """'forecast' when a modal governs the number in its clause ("will reach", "expected to")."""
        i = idx_start - 1
        seen = 0
        while i >= 0 and seen < 12:
            t = tokens[i]
            if t.low in (";", ":") or (t.low in self.lex.clause_breaks and t.low not in ("and", "to")):
                break
            if t.low in self.lex.modal_words:
                return "forecast"
            if i > 0 and f"{tokens[i - 1].low} {t.low}" in self.lex.modal_words:
                return "forecast"
            seen += 1
            i -= 1
        return "fact"

    def _attribution(self, tokens: list[_Token], speaker: str | None) -> str | None:
        """Who states the figures of a sentence: "Mr Asadov said", "according to X", or the speaker."""
        for i, t in enumerate(tokens):
            if t.low in self.lex.attribution_verbs or (t.low == "according" and i + 1 < len(tokens)
                                                        and tokens[i + 1].low == "to"):
                # name before the verb: "Mr Asadov said"
                name: list[str] = []
                j = i - 1
                while j >= 0 and (tokens[j].text[:1].isupper() or tokens[j].low in self.lex.titles) and len(name) < 4:
                    name.insert(0, tokens[j].text)
                    j -= 1
                while name and name[0].lower() not in self.lex.titles and (
                        name[0].lower() in self.lex.not_subjects or name[0].lower() in self.lex.clause_breaks):
                    name = name[1:]
                if name and not (len(name) == 1 and name[0].lower() in self.lex.titles):
                    return " ".join(name)
                # name after: "said Mr Asadov", "according to the ministry"
                k = i + (2 if t.low == "according" else 1)
                while k < len(tokens) and tokens[k].low in ("the",):
                    k += 1
                name = []
                while k < len(tokens) and (tokens[k].text[:1].isupper() or tokens[k].low in self.lex.titles) \
                        and len(name) < 4:
                    name.append(tokens[k].text)
                    k += 1
                if name:
                    return " ".join(name)
                if tokens and i > 0 and tokens[i - 1].low in ("i", "we"):
                    return speaker
        if any(t.low in ("i", "we", "our", "my") for t in tokens):
            return speaker
        return None

    def _metric_and_rule(self, phrase: str, q: Quantity, aspect: str) -> tuple[str, Rule | None]:
        """Normalise a metric phrase through the rules' synonyms; unmatched phrases keep their lemmas."""
        dimension = None
        if q.kind == "measure" and q.unit:
            dimension = q.unit
        kind = "money" if q.kind == "money" else q.kind
        rule = self.rules.match_metric(phrase, kind, aspect, dimension)
        if rule is not None:
            return rule.metric, rule
        words = lemmatise(phrase)
        return " ".join(words) if words else phrase, None

    def _residual(self, phrase: str, rule: Rule | None) -> tuple[str, ...]:
        """What a named rule's term leaves of the phrase: 'length of the pipeline' -> ('pipeline',).

        Claims under one rule are compared only when these objects are compatible, so the length of a
        pipeline is never compared with the length of a river.
        """
        if rule is None:
            return ()
        term_words = {w for t in rule.terms for w in lemmatise(t)} | set(lemmatise(rule.metric))
        rest = [w for w in lemmatise(phrase) if w not in term_words and w not in self.lex.skip_words
                and w not in _PREPOSITIONS and len(w) > 2 and w not in ("average", "total", "overall")]
        return tuple(rest)

    # ---------------------------------------------------------------- the document
    def frame(self, doc: Document, quantities: Sequence[Quantity], *, all_undated: bool = False) -> list[Claim]:
        """Claims for every comparable quantity of one document, in order of position."""
        text = doc.text
        sentences = sentence_spans(text)
        starts = [s for s, _ in sentences]
        temporal = [q for q in quantities if q.kind in ("date", "duration")]
        claims: list[Claim] = []
        speaker: str | None = None
        speakers = [(m.start(), m.group(1).removesuffix("’s").removesuffix("'s"))
                    for m in _SPEAKER_RE.finditer(text)]
        prev_claims_by_sentence: dict[int, list[Claim]] = {}
        self._topic = None
        if sentences:
            first = self._entities(_tokens(text, *sentences[0]))
            self._topic = first[0] if first else None
        topics = self._document_topics(text, sentences)
        seen_sentences: set[str] = set()
        import bisect

        by_sentence: dict[int, list[Quantity]] = {}
        for q in quantities:
            if q.kind not in CLAIM_KINDS and not (q.kind == "date" and q.date_range is not None):
                continue
            si = bisect.bisect_right(starts, q.start) - 1
            if si < 0:
                continue
            by_sentence.setdefault(si, []).append(q)
        for si in sorted(by_sentence):
            a, b = sentences[si]
            sentence = text[a:b]
            key = " ".join(sentence.split())
            if key in seen_sentences:  # repeated headings and captions say nothing new
                continue
            seen_sentences.add(key)
            tokens = self._sentence_case(_detitle(_tokens(text, a, b)), text)
            k = bisect.bisect_right([p for p, _ in speakers], a) - 1
            speaker = speakers[k][1] if k >= 0 else None
            attribution = self._attribution(tokens, speaker) or speaker
            sentence_temporal = [t for t in temporal if a <= t.start < b]
            own_period = None  # a sentence with no time expression of its own: another event's year, or background
            if not sentence_temporal:
                own_period = self.scoper.event_year(sentence)
                if own_period is None and si > 0:
                    pa, pb = sentences[si - 1]
                    prev_temporal = [t for t in temporal if pa <= t.start < pb]
                    if prev_temporal:
                        probe = by_sentence[si][0]
                        own_period = self.scoper.background(*self._period(probe, prev_temporal, doc, all_undated),
                                                            doc.date, text[pa:pb], sentence)
            out_here: list[Claim] = []
            for q in by_sentence[si]:
                idx_start = next((i for i, t in enumerate(tokens) if t.end > q.start), len(tokens))
                idx_end = next((i for i, t in enumerate(tokens) if t.start >= q.end), len(tokens))
                if q.kind == "date":
                    if self.scoper.dateline(text, q.start, q.end, self.lex.event_verbs):
                        continue  # "Published on 18th September 2013": when the report was written
                    life = self._lifespan_claim(q, text, tokens, idx_start, idx_end, sentence, attribution)
                    if life is not None:
                        out_here.append(life)
                        continue
                    span = self._range_claim(q, text, tokens, idx_start, sentence, attribution, temporal)
                    if span is not None:
                        out_here.append(span)
                        continue
                    if _span_days(q) > 366:
                        continue  # "swam to stardom in the 1940's, dies at 91": a decade pins no event
                    event = self._event_claim(q, tokens, idx_start, idx_end, sentence, attribution)
                    if event is not None:
                        out_here.append(event)
                    continue
                fr = self._frame(q, tokens, idx_start, idx_end)
                metric, aspect, subject = fr.metric, fr.aspect, fr.subject
                if metric is not None and metric.split()[-1] in self.lex.vague_heads and " of " not in metric:
                    metric = None  # "a different number: 16 percent" points back at an earlier figure
                if metric is None and fr.how == "change-noun" and out_here:
                    # "trade reached $3bn, or 20 percent growth": the growth of the same metric
                    base = out_here[-1]
                    metric = base.metric if base.metric else None
                    subject = subject or base.subject
                rule = None
                checkable = True
                if metric is not None:
                    phrase = metric
                    metric, rule = self._metric_and_rule(metric, q, aspect)
                    subject = tuple(subject) + self._residual(phrase, rule)
                    if rule is None and fr.how == "counted-bare":
                        checkable = False  # "five boats" vs "three boats": too little said to compare
                period, period_source = self._period(q, sentence_temporal, doc, all_undated)
                if own_period is not None:
                    period, period_source = own_period, "explicit"
                subject = tuple(subject) + self._clause_entities(tokens, idx_start, idx_end)
                if attribution:  # the speaker is not the subject, unless the metric is about them
                    subject = tuple(s_ for s_ in subject if (s_ not in attribution and attribution not in s_)
                                    or (metric and s_.lower() in metric))
                if not subject and metric is not None and fr.how == "size" and self._topic and tokens \
                        and tokens[0].low in ("he", "she"):
                    subject = (self._topic,)  # "He is the tallest actor (6' 8")": the person the text is about
                if not subject and metric is not None and rule is None:
                    subject = topics  # a figure in a text about Russia and Azerbaijan is about them
                claim = Claim(
                    quantity=q,
                    metric=metric,
                    subject=tuple(sorted(set(subject))),
                    period=period,
                    period_source=period_source,
                    aspect=aspect,
                    attribution=attribution,
                    sentence=" ".join(sentence.split()),
                    rule=rule.id if rule is not None else ("generic" if metric and checkable else "none"),
                    modality=self._modality(tokens, idx_start),
                    scope=tuple(x for x in (self.scoper.other_event(sentence, q.start - a),) if x)
                    + self.scoper.parts(sentence, q.unit if q.kind == "count" else None),
                )
                out_here.append(claim)
            # an elliptical restatement: "I have a different number: 16 percent."
            if len(out_here) == 1 and out_here[0].metric is None and not sentence_temporal and len(tokens) <= 14 \
                    and any(t.low in self.lex.vague_heads for t in tokens):
                prev = prev_claims_by_sentence.get(si - 1) or prev_claims_by_sentence.get(si - 2) or []
                same = [c for c in prev if c.metric and c.quantity.kind == out_here[0].quantity.kind]
                if same:
                    base = same[-1]
                    out_here[0] = replace(out_here[0], metric=base.metric, aspect=base.aspect, subject=base.subject,
                                          period=base.period, period_source=base.period_source, rule=base.rule)
            prev_claims_by_sentence[si] = out_here
            claims.extend(out_here)
        moves = self._direction_claims(doc, sentences, quantities, temporal, all_undated)
        if moves:
            claims = sorted(claims + moves, key=lambda c: c.quantity.start)
        return claims

    @property
    def _direction_re(self) -> re.Pattern[str] | None:
        if not self.lex.direction_of:
            return None
        if self._direction_rx is None:
            words = sorted(self.lex.direction_of, key=len, reverse=True)
            self._direction_rx = re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
                                            + r")\b", re.IGNORECASE)
        return self._direction_rx

    def _is_mover_name(self, t: _Token) -> bool:
        lex = self.lex
        return (t.text[:1].isupper() and len(t.text) > 1 and t.low not in lex.not_subjects and t.low not in lex.titles
                and t.low not in _CALENDAR_WORDS and t.low not in lex.direction_of and t.low not in lex.direction_links
                and t.low not in lex.demonyms)

    def _direction_claims(self, doc: Document, sentences: Sequence[tuple[int, int]], quantities: Sequence[Quantity],
                          temporal: Sequence[Quantity], all_undated: bool) -> list[Claim]:
        """'Sensex and Nifty up', 'SENSEX rallied 500 points', 'Nifty flat': which way a name itself moved.

        Only a name (or names joined by "and"/"&") that opens its clause, right before the direction word
        (or one linking verb: "Sensex ends in red"), is taken: "shares of Apple rose" moves the shares, not
        Apple, and is left alone. A figure right after the word is kept with the claim, so the comparison
        knows which side states one.
        """
        rx = self._direction_re
        if rx is None:
            return []
        text = doc.text
        figures = sorted((q for q in quantities if q.kind in CLAIM_KINDS), key=lambda q: q.start)
        fig_starts = [q.start for q in figures]
        import bisect

        out: list[Claim] = []
        for a, b in sentences:
            if rx.search(text, a, b) is None:
                continue
            tokens = self._sentence_case(_detitle(_tokens(text, a, b)), text)
            i = 0
            while i < len(tokens):
                way = None
                width = 0
                for n in (3, 2, 1):
                    phrase = " ".join(x.low for x in tokens[i:i + n])
                    if len(tokens[i:i + n]) == n and phrase in self.lex.direction_of:
                        way, width = self.lex.direction_of[phrase], n
                        break
                if way is None:
                    i += 1
                    continue
                first, last = tokens[i], tokens[i + width - 1]
                i += width
                nxt = tokens[i] if i < len(tokens) else None
                if nxt is not None and nxt.low in ("to", "from") and text[last.end:nxt.start].strip() == "":
                    continue  # "rose to 8.3%", "declined to comment": a level or another verb
                k = i - width - 1
                if k >= 0 and tokens[k].low in self.lex.direction_links:
                    k -= 1
                groups: list[list[_Token]] = []
                group: list[_Token] = []
                right = tokens[k + 1].start if k + 1 < len(tokens) else first.start
                while k >= 0:
                    t = tokens[k]
                    gap = text[t.end:right].strip()
                    if gap not in ("", "&"):
                        break
                    if gap == "&" and group:
                        groups.append(group)
                        group = []
                    if t.low == "and" and group:
                        groups.append(group)
                        group = []
                    elif self._is_mover_name(t):
                        group.insert(0, t)
                    else:
                        break
                    right = t.start
                    k -= 1
                if group:
                    groups.append(group)
                if not groups:
                    continue
                opener = tokens[k] if k >= 0 else None
                if opener is not None and opener.low == "the":
                    opener = tokens[k - 1] if k >= 1 else None
                if opener is not None and opener.low not in (",", ";", ":", "(", "—", "–") \
                        and not (opener.low in self.lex.direction_of and tokens[k + 1].low == "and"):
                    continue  # "shares of Apple rose": the name does not open the clause ("Sensex weak and Nifty flat" does)
                names = tuple(sorted({" ".join(x.text for x in g) for g in groups}))
                end = last.end
                value = unit = None
                j = bisect.bisect_right(fig_starts, last.end) - 1  # "down 74.58" may start at the word
                fig = figures[j] if j >= 0 and figures[j].end > first.start else None
                if fig is None and j + 1 < len(figures) \
                        and re.fullmatch(r"\s*(?:by\s+)?", text[last.end:figures[j + 1].start], re.I):
                    fig = figures[j + 1]
                start = first.start
                if fig is not None:
                    start, end, value, unit = min(start, fig.start), fig.end, fig.value, fig.unit
                q = Quantity(start, end, text[start:end], "direction", value, None, None, unit, "exact",
                             text.count("\n", 0, start) + 1, doc.name, way)
                period, period_source = self._period(q, [x for x in temporal if a <= x.start < b], doc, all_undated)
                out.append(Claim(quantity=q, metric="direction", subject=names, period=period,
                                 period_source=period_source, aspect="change",
                                 attribution=self._attribution(tokens, None), sentence=" ".join(text[a:b].split()),
                                 rule="generic", modality=self._modality(tokens, i - width)))
        return out

    def _period(self, q: Quantity, temporal: Sequence[Quantity], doc: Document,
                all_undated: bool) -> tuple[Period | None, str]:
        """The period a claim speaks about: the nearest, most specific time expression in its sentence."""
        best: tuple[tuple[int, int], Period] | None = None
        unresolved = False
        for t in temporal:
            if t.kind == "duration" and not (t.anchor or "").startswith(("for:", "last:", "next:")):
                continue
            period = resolve_period(t, doc.date)
            if period is None:
                if t.anchor and t.anchor not in ("recent_years", "recent_months"):
                    unresolved = True
                continue
            distance = t.start - q.end if t.start >= q.end else (q.start - t.end) * 2
            span_days = (period.end - period.start).days
            key = (distance, span_days)
            if t.anchor == "today":  # "Today, more than 70 regions ...": the document's own date
                period = Period(period.start, period.end, f"as of {period.start.isoformat()}")
            if best is None or key < best[0]:
                best = (key, period)
        if best is not None:
            if best[1].label.startswith("as of "):
                return best[1], "document_date"
            return best[1], "explicit"
        if unresolved:
            return None, "unresolved"
        if doc.date is not None:
            return Period(doc.date, doc.date, f"as of {doc.date.isoformat()}"), "document_date"
        return None, "undated"


