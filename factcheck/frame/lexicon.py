"""The frame words from ``rules/lexicon/frames.yaml``, loaded and validated once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from ..errors import RuleFileError
from ..model import Modality
from ..rulefile import line_of
from ..schemas import load_lexicon_file
from .words import lemma_phrase


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
    #: nouns of a span of time ("year", "quarter"): "the year ended 4 September" dates a period, not an event
    period_nouns: frozenset[str] = frozenset()
    #: words for money that name no one currency ("46 billion crowns"): what is counted is money, and what
    #: the money is (sales, a backlog) is for the rest of the sentence to say
    money_nouns: frozenset[str] = frozenset()
    #: counted nouns a change moves by ("rose 5 points", "gained three seats"); after a change verb a count
    #: of anything else is what the act was done to ("dropped four bombs"). Empty: every count is a change.
    step_nouns: frozenset[str] = frozenset()
    #: modal words that open a condition ("if", "unless"): its figures, and those of the clause that
    #: follows a sentence opened by one, are outcomes of a scenario, not facts
    condition_words: frozenset[str] = frozenset()
    #: a verb (and its lemma) or noun phrase -> the term it sizes ("sentenced" -> "prison sentence",
    #: "lasted" -> "duration"): a duration it governs is a claim (`frame.terms`)
    term_of: dict[str, str] = field(default_factory=dict)

    def modality(self, modal: str | None) -> Modality:
        """The modality a governing modal word gives a figure (`attribution.modal_word`)."""
        if modal is None:
            return Modality.FACT
        return Modality.CONDITION if modal in self.condition_words else Modality.FORECAST

    # Derived once per lexicon (cached_property writes the instance dict, which a frozen dataclass allows).
    @cached_property
    def max_level(self) -> int:
        """Words in the longest level verb ("amounted to": 2)."""
        return max(len(v.split()) for v in self.level_verbs)

    @cached_property
    def level_verb_ends(self) -> frozenset[str]:
        """The last word of every level verb ("to" of "amounted to"): a phrase can end only at one of them."""
        return frozenset(v.split(" ")[-1] for v in self.level_verbs)

    @cached_property
    def not_names(self) -> frozenset[str]:
        """Capitalised words that start no name: not-subjects, titles, change and action verbs."""
        return self.not_subjects | self.titles | self.change_verbs | self.action_verbs

    @cached_property
    def name_breaks(self) -> frozenset[str]:
        """Capitalised words that end a name of several words ("Sensex Rises"): not-subjects and verbs."""
        return self.not_subjects | self.change_verbs | self.level_verbs | self.action_verbs

    @cached_property
    def known_names(self) -> frozenset[str]:
        """The entity names demonyms stand for (Russia, Azerbaijan, ...)."""
        return frozenset(self.demonyms.values())

    @cached_property
    def direction_re(self) -> re.Pattern[str] | None:
        """Any direction word or phrase ("up", "ends in red"), or None when the lexicon has none."""
        if not self.direction_of:
            return None
        words = sorted(self.direction_of, key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + r")\b",
                          re.IGNORECASE)


_FRAME_KEYS = ("change_verbs", "level_verbs", "change_nouns", "clause_breaks", "attribution_verbs", "titles",
               "not_subjects", "skip_words", "action_verbs", "auxiliaries", "predicates", "scope_words",
               "modal_words", "rate_words", "event_verbs", "date_prepositions", "vague_heads")


@lru_cache(maxsize=4)
def load_frames(rules_dir: Path | None = None) -> FrameLexicon:
    """Load and validate ``lexicon/frames.yaml`` (errors are ``file:line: message``)."""
    data, path = load_lexicon_file("frames", rules_dir)
    for key in data:
        if key not in _FRAME_KEYS and key not in ("demonyms", "noun_aliases", "direction_words", "direction_links",
                                                  "event_synonyms", "period_nouns", "money_nouns", "step_nouns",
                                                  "condition_words", "term_words"):
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
        synonyms[lemma_phrase(canonical)] = canonical
        for w in words:
            synonyms[lemma_phrase(str(w).lower())] = canonical
    term_of: dict[str, str] = {}
    for term, words in (data.get("term_words") or {}).items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise RuleFileError(str(path), line_of(data, "term_words"), f"term_words: '{term}' must list words")
        for w in words:
            low = " ".join(w.lower().split())
            term_of[low] = term_of[lemma_phrase(low)] = " ".join(str(term).lower().split())
    optional: dict[str, frozenset[str]] = {}
    for key in ("period_nouns", "money_nouns", "step_nouns", "condition_words"):
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RuleFileError(str(path), line_of(data, key), f"'{key}' must be a list of words")
        optional[key] = frozenset(v.lower() for v in value)
    return FrameLexicon(demonyms={k.lower(): v for k, v in demonyms.items()}, **optional,
                        noun_aliases={str(k).lower(): str(v) for k, v in aliases.items()},
                        direction_of=direction_of, direction_links=links, event_synonyms=synonyms, term_of=term_of,
                        **sets)
