"""Which noun a figure is about when no frame named it: "17 of the hijacked ships", "puts the magnitude at
6.1", "the 300-acre dairy farm". A room of its own because it reads only the words around the figure, and the
concept facet (`concept`) asks it for every claim whose metric the frames left empty."""
from __future__ import annotations

import re
from functools import lru_cache

from .words import verb_lemma


@lru_cache(maxsize=65536)
def noun_lemma(word: str) -> str:
    """'workers' -> 'worker', 'people' stays; offline, through lemminflect's tables."""
    low = word.lower()
    try:
        from lemminflect import getLemma

        lemmas = getLemma(low, upos="NOUN")
        return lemmas[0] if lemmas else low
    except Exception:
        return low


_OF_AFTER = re.compile(r"\s+(?:of|in)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:[a-z]+-?[a-z]+\s+){0,2}?"
                       r"([a-z]{3,})(?=[\s,.;:)]|$)")
_HEAD_BEFORE = re.compile(r"(?:the|a|its|their|his|her)\s+(?:[a-z]+\s+)?([a-z]{3,})\s+(?:at|of|was|is|were|stood at|"
                          r"reached|totalled|totaled|of about|of around|of nearly|of almost)\s+"
                          r"(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$")


#: "a 300-acre dairy farm in", "the 5-metre (16 ft) wall of": an article, a hyphenated measure, at most one
#: modifier, then a singular head that a preposition, verb or punctuation ends
_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(?:a|an|the|its|their|his|her)\s+$", re.IGNORECASE)
_ATTRIBUTIVE_AFTER = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:([A-Za-z][\w-]*)\s+)??([a-z]{3,})(?=\s*(?:[,.;:)]|$)|\s+(?:of|in|on|at|for|to|"
    r"from|by|with|and|or|near|along|across|around|into|over|under|through|during|since|after|before|that|which|was|"
    r"is|were|has|had|will|would)\b)")
_HYPHENATED_MEASURE = re.compile(r"\d-[a-z]+$", re.IGNORECASE)


def attributive_noun(text: str, start: int, end: int) -> str | None:
    """The thing a measure used as an adjective sizes ("the 300-acre dairy farm"). A plural head ("the
    13-inch models") names a kind, not one thing's size, and is left alone."""
    if not (_HYPHENATED_MEASURE.search(text, max(start, end - 20), end)
            and _ARTICLE_BEFORE.search(text, max(0, start - 8), start)):
        return None
    m = _ATTRIBUTIVE_AFTER.match(text, end, min(len(text), end + 80))
    if m is None or (m.group(1) and m.group(1)[-1] == "s" and m.group(1).islower()):
        return None
    head = m.group(2)
    return head if noun_lemma(head) == head and verb_lemma(head) == head else None


def nearby_noun(text: str, start: int, end: int) -> str | None:
    """The noun a figure the frames did not read is about: "17 of the hijacked ships", "200 million euros
    of damage", "puts the magnitude at 6.1", "the 300-acre dairy farm" (a measure used as an adjective)."""
    attributive = attributive_noun(text, start, end)
    if attributive:
        return attributive
    m = _OF_AFTER.match(text, end, min(len(text), end + 50))
    if m:
        return noun_lemma(m.group(1))
    m = _HEAD_BEFORE.search(text[max(0, start - 60):start].lower())
    if m:
        return noun_lemma(m.group(1))
    return None
