"""Word-level helpers shared by the frame components: lemmas (lemminflect) and closed word classes."""
from __future__ import annotations

from functools import lru_cache

#: Month and weekday names: capitalised, yet neither names nor the words of a Title Case headline.
CALENDAR_WORDS = frozenset("january february march april may june july august september october november december "
                           "monday tuesday wednesday thursday friday saturday sunday".split())
PREPOSITIONS = frozenset("of in between for from on at among with within across to by into over under".split())
POSSESSION_VERBS = frozenset("has have had".split())
#: Words after a measure that are no noun it qualifies ("5 km north", "3 m above").
NOT_HEADS = frozenset("north south east west northeast northwest southeast southwest away off ahead behind "
                      "above below apart inland offshore down up out per a an the and or than".split())


@lru_cache(maxsize=16384)
def is_english_word(low: str) -> bool:
    """Is this a dictionary word (lemminflect knows it)? Used to read Title Case headlines."""
    try:
        from lemminflect import getAllLemmas

        return bool(getAllLemmas(low))
    except Exception:
        return False


@lru_cache(maxsize=16384)
def verb_lemma(low: str) -> str:
    """The verb's lemma, offline ("killed" -> "kill"). News says "wound" of people, never of clocks: the
    lemmatiser's "wound" -> "wind" would make "winding down" a verb of injuring."""
    if low in _NEWS_LEMMAS:
        return _NEWS_LEMMAS[low]
    try:
        from lemminflect import getLemma

        lemmas = getLemma(low, upos="VERB")
        return lemmas[0] if lemmas else low
    except Exception:
        return low


_NEWS_LEMMAS = {"wound": "wound", "wounds": "wound", "wounded": "wound", "wounding": "wound"}


def lemma_phrase(phrase: str) -> str:
    """'started using' -> 'start use': the verb lemma of every word of a phrase."""
    return " ".join(verb_lemma(w) for w in phrase.split())


@lru_cache(maxsize=16384)
def participle(low: str) -> str:
    """'kills' -> 'killed', 'missing' stays: how a predicate reads in a metric name. A word with no verb
    reading stays as it is ("left 40 dead": 'dead', not 'deaded')."""
    if low.endswith("ing") or low.endswith("ed") or low.endswith("en"):
        return low
    try:
        from lemminflect import getAllLemmas, getInflection

        if getAllLemmas(low) and "VERB" not in getAllLemmas(low):
            return low

        forms = getInflection(verb_lemma(low), tag="VBN")
        return forms[0] if forms else low
    except Exception:
        return low


class Speller:
    """One spelling for a word spelt two ways ("jewellery" / "jewelry", "organisation" / "organization"): two
    reports of one story, one British and one American, name one thing. ``words`` maps a spelling to the one
    used; an ending of ``endings`` is rewritten in a word of ``least`` letters or more, and only when the
    rewritten word is a dictionary word ("colour" -> "color"; "prise" is too short, "exercise" has no
    "exercize")."""

    def __init__(self, words: dict[str, str] | None = None, endings: dict[str, str] | None = None,
                 least: int = 6) -> None:
        self.words = dict(words or {})
        self.endings = tuple(sorted((endings or {}).items(), key=lambda kv: -len(kv[0])))
        self.least = least
        self._memo: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        got = self._memo.get(word)
        if got is None:
            got = self._memo[word] = self._spell(word)
        return got

    def _spell(self, word: str) -> str:
        if word in self.words:
            return self.words[word]
        if len(word) >= self.least:
            for old, new in self.endings:
                if word.endswith(old):
                    other = word[: len(word) - len(old)] + new
                    return other if is_english_word(other) else word
        return word

    def phrase(self, phrase: str) -> str:
        """Every word of a phrase in its one spelling."""
        return " ".join(self(w) for w in phrase.split())

