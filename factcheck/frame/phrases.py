"""Noun phrases around a figure: the words that name what is measured, and the names of whom it is about.

"Trade between Russia and China" before a verb, "the Federation has a membership of", "a 3% rise in
exports" after a change noun.
"""
from __future__ import annotations

from typing import Sequence

from .entities import entities
from .lexicon import FrameLexicon
from .sentences import Token
from .words import POSSESSION_VERBS, PREPOSITIONS


_RELATIVES = frozenset({"which", "that", "who"})


def _before_aside(toks: Sequence[Token], end: int) -> int:
    """Where the noun phrase before toks[end] really ends, past a relative pronoun or an aside between
    commas: "South Korea's debt, which fell to ..." and "Reserve money, the total held by banks, was ..."
    are said of the debt and of reserve money."""
    if end >= 2 and toks[end - 1].low in _RELATIVES and toks[end - 2].low == ",":
        return end - 2
    if end >= 3 and toks[end - 1].low == ",":
        for k in range(end - 2, max(0, end - 14), -1):
            if toks[k].low == ",":
                inner = toks[k + 1:end - 1]
                # an aside is a noun phrase ("the total held by banks"), not a clause or a list item
                if inner and inner[0].low in ("the", "a", "an", "its", "their", "which", "who") and k > 0 \
                        and toks[k - 1].text[:1].isalpha():
                    return k
                break
            if toks[k].low in (";", ":", "(", ")"):
                break
    return end


#: words after a noun that make it a count or a figure of that noun ("passenger numbers")
_TALLY_WORDS = frozenset({"number", "numbers", "figure", "figures", "count", "tally"})


def noun_phrase_before(lex: FrameLexicon, toks: Sequence[Token], end: int) -> tuple[str | None, tuple[str, ...]]:
    """The noun phrase ending right before toks[end]: (metric words, subject entities).

    "Trade between Russia and China" -> ("trade", (Russia, China)); "Germany's GDP" -> ("gdp",
    (Germany,)); "the average price of a new car in the US" -> ("average price of new car", (US,)).
    """
    words: list[Token] = []
    j = _before_aside(toks, end) - 1
    while j >= 0 and len(words) < 10:
        t = toks[j]
        if not t.text[0].isalpha():
            break
        if t.low in lex.clause_breaks:
            # "between Russia and China": the "and" belongs to the phrase
            if not (t.low == "and" and any(x.low == "between" for x in toks[max(0, j - 4):j])):
                break
        if t.low in lex.attribution_verbs and words:
            break
        if (t.low in lex.level_verbs or t.low in lex.change_verbs) and t.low not in PREPOSITIONS:
            if words:
                break
        if t.low in POSSESSION_VERBS and words and len(words) <= 4 \
                and not any(w.low in PREPOSITIONS or w.text[:1].isupper() for w in words):
            # "the Federation has a membership of 652,723": the metric is what is had, the owner its subject
            owned = [w for w in reversed(words) if w.low not in lex.skip_words]
            if owned and owned[-1].low not in lex.not_subjects:
                _owner, owner_subjects = noun_phrase_before(lex, toks, j)
                return " ".join(w.low for w in owned), tuple(dict.fromkeys(owner_subjects))
        words.append(t)
        j -= 1
    words.reverse()
    while words and (words[0].low in lex.skip_words):
        words = words[1:]
    while words and (words[-1].low in lex.skip_words or words[-1].low.endswith("ly") or words[-1].low in PREPOSITIONS):
        words = words[:-1]
    if not words:
        return None, ()
    subjects: list[str] = list(entities(lex, words))
    # the head: words before the first preposition that follows a content word
    head: list[Token] = []
    tail: list[Token] = []
    for i, t in enumerate(words):
        if t.low in PREPOSITIONS and head and any(not x.text[:1].isupper() for x in head):
            tail = words[i:]
            break
        head.append(t)
    metric_words = [t.low for t in head if _is_metric_word(lex, t, head)]
    if tail and tail[0].low == "of":
        of_words = []
        for t in tail[1:]:
            if t.low in PREPOSITIONS:
                break
            if _is_metric_word(lex, t, tail) and t.low not in lex.skip_words:
                of_words.append(t.low)
        if of_words:
            if metric_words and metric_words[-1] in ("number", "total", "amount", "count", "volume", "value"):
                metric_words = metric_words[:-1] + of_words if metric_words[-1] == "number" else \
                    metric_words + ["of"] + of_words
            elif metric_words:
                metric_words = metric_words + ["of"] + of_words
    if len(metric_words) > 1 and metric_words[-1] in _TALLY_WORDS:
        metric_words = metric_words[:-1]  # "passenger numbers", "unemployment figures": the count of what
    if not metric_words:
        return None, tuple(subjects)
    if metric_words[-1] in lex.skip_words or metric_words[-1] in lex.not_subjects:
        return None, tuple(subjects)
    return " ".join(metric_words), tuple(dict.fromkeys(subjects))


def _is_metric_word(lex: FrameLexicon, t: Token, phrase: Sequence[Token]) -> bool:
    """Common nouns and adjectives name the metric; names, demonyms and possessives name the subject."""
    base = t.low.removesuffix("'s").removesuffix("’s")
    if t.low.endswith(("'s", "’s")) or base in lex.demonyms or t.low in lex.skip_words:
        return False
    if t.text[:1].isupper() and not (t is phrase[-1] and t.text.isupper() and len(t.text) > 1):
        return False
    return t.low not in PREPOSITIONS


_PRONOUNS = frozenset({"them", "it", "us", "you", "these", "those", "which", "whom", "this", "that"})


def of_phrase_after(lex: FrameLexicon, toks: Sequence[Token], start: int) -> tuple[str | None, tuple[str, ...]]:
    """"in/of X" after a change noun or number: the metric and entities of X."""
    if start >= len(toks) or toks[start].low not in ("of", "in"):
        return None, ()
    if start + 1 < len(toks) and toks[start + 1].low in _PRONOUNS:
        return None, ()  # "a quarter of them": whom is the sentence before's business
    words: list[Token] = []
    for t in toks[start + 1:start + 6]:
        if not t.text[0].isalpha() or t.low in lex.clause_breaks or t.low in ("to", "from", "for", "by", "with",
                                                                              "on", "at", "in") \
                or (words and t.low in lex.auxiliaries):  # "of the staff are ...": the phrase ends at its verb
            break
        words.append(t)
    while words and words[0].low in lex.skip_words:
        words = words[1:]
    if not words:
        return None, ()
    subjects = entities(lex, words)
    metric = [t.low for t in words if not (t.text[:1].isupper() or t.low in lex.demonyms)]
    if not metric:
        return None, subjects
    return " ".join(metric), subjects
