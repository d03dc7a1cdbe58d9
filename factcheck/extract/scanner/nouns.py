"""What a bare number counts: "900 joint ventures" -> "joint venture", "two of the victims", "a
four-cylinder engine", "62,241fans", "the top three seeds", "a 12 page report".

Why pure functions: the counted noun depends only on the words after (or just before) the number, so the
answers are memoised on those words across a corpus.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..numbers import CARDINAL_WORDS, ORDINAL_WORDS
from .hedges import HYPHEN_PREFIXES

_COUNT_SKIP = frozenset({"more", "additional", "extra", "further", "fewer", "less"})
_NOUN_RE = re.compile(r"[ \u00a0]+(?P<words>(?P<first>[A-Za-z][A-Za-z'’-]*)(?:[ \u00a0]+[A-Za-z][A-Za-z'’-]*){0,3})")
_WORD_SPLIT = re.compile(r"[ \u00a0]+")

STOP_WORDS = frozenset("""
of in on at to for from by with and or but nor the a an is are was were be been being have has had will would
shall should can could may might must do does did that which who whom whose this these those than as per each
every more less most least percent per cent also only just about around over under into onto out up down off
it its it's their them they he she his her we our you your i me my us there here then when where while if so
such not no yes all any some many much few several another same both either neither what how why after
before since until till during against between among through across via according year years month months
week weeks day days hour hours minute minutes second seconds decade decades century centuries quarter quarters
old ago later earlier last next first this that p.m a.m am pm million billion thousand trillion
plus equals equal said says say told thanks
""".split())
_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "staff", "police", "personnel", "cattle",
                                "sheep", "fish", "deer", "teeth", "feet", "mice", "geese", "crew", "livestock",
                                "aircraft", "offspring", "species", "series", "data", "media", "troops", "youth",
                                "clergy", "faculty", "workforce"})
_ADJECTIVES = frozenset("""
new more other additional major minor main key small large big huge young old senior junior full part-time
full-time local foreign domestic international national regional federal public private total overall
annual monthly daily weekly active registered confirmed reported estimated known unknown former current
top leading separate different various individual single double certain special major important joint-stock
""".split())
_VERB_SUFFIXES = ("ed", "ing", "ly")
#: Words that stress a number rather than say what is counted: left out of the counted noun.
_INTENSIFIERS = frozenset("""
additional extra further total overall estimated whopping mere record staggering reported respective
""".split())


@lru_cache(maxsize=8192)
def _lemma(word: str) -> str:
    """Singular of a counted noun; lemminflect ships its data, so this works offline."""
    low = word.lower()
    if low in ("people", "staff", "police", "personnel", "data", "media", "species", "series", "news"):
        return low
    try:
        from lemminflect import getLemma

        lemmas = getLemma(low, upos="NOUN")
        if lemmas:
            return lemmas[0]
    except Exception:  # lemminflect missing or odd input: fall back to a plain rule
        pass
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith("s") and not low.endswith("ss"):
        return low[:-1]
    return low


@lru_cache(maxsize=8192)
def _adj_lemma(word: str) -> str:
    """Base form of a comparative or superlative modifier ("smaller tenancies" -> "small tenancy")."""
    if not word.endswith(("er", "est")) or len(word) < 4 or word == "number":
        return word
    try:
        from lemminflect import getLemma

        # dictionary words only: the rules for unknown words make "member" "memb"
        lemmas = getLemma(word, upos="ADJ", lemmatize_oov=False)
        if lemmas:
            return lemmas[0]
    except Exception:
        pass
    return word


def counted_noun(text: str, pos: int, value: float) -> tuple[str | None, int]:
    """The noun a bare number counts ("900 joint ventures" -> "joint venture") and where it ends."""
    m = _NOUN_RE.match(text, pos)
    if not m:
        if value != 1 and text[pos:pos + 1] == "-":
            return _hyphen_noun(text, pos)
        return None, pos
    raw, first = m.group("words", "first")
    # Often the first word alone decides ("shares", "of"): memoised on that word. Otherwise the
    # answer is a pure function of the words and of whether the value is one: memoised on those.
    hit = _NOUN_FIRST_MEMO.get(first, _UNSET)
    if hit is _UNSET:
        hit = _NOUN_FIRST_MEMO[first] = _first_word_decides(first)
        if len(_NOUN_FIRST_MEMO) > 50_000:
            _NOUN_FIRST_MEMO.clear()
    if hit is None:
        key = (raw, value == 1)
        hit = _NOUN_MEMO.get(key)
        if hit is None:
            hit = _counted_noun_words(raw, value)
            if len(_NOUN_MEMO) > 50_000:
                _NOUN_MEMO.clear()
            _NOUN_MEMO[key] = hit
    unit, rel_end = hit
    return (None, pos) if unit is None else (unit, m.start("words") + rel_end)


_NOUN_MEMO: dict[tuple[str, bool], tuple[str | None, int]] = {}
_NOUN_FIRST_MEMO: dict[str, tuple[str | None, int] | None] = {}
_UNSET = object()


#: Counted nouns written as abbreviations, mostly in sports statistics (lower case, or as written
#: when in capitals): "15.3 ppg" counts points per game.
_COUNTED_ABBREVIATIONS = {
    "ppg": "point per game", "rpg": "rebound per game", "apg": "assist per game", "spg": "steal per game",
    "bpg": "block per game", "WAR": "win above replacement", "RBI": "run batted in", "RBIs": "run batted in",
}


def _first_word_decides(first: str) -> tuple[str | None, int] | None:
    """`_counted_noun_words` of any words that start with ``first`` when that word alone decides it:
    a stop word ends the noun before it starts, a plural is the head (whatever the value); None when
    the words after it matter."""
    if first.lower() in _COUNT_SKIP:
        return None  # skipped when more words follow
    abbr = _COUNTED_ABBREVIATIONS.get(first if first.isupper() else first.lower() if first.islower() else "")
    if abbr is not None:
        return abbr, len(first)  # "15.3 ppg", "0.5 WAR"
    lw = first.lower().strip("'’-")
    if not lw or lw in STOP_WORDS:
        return None, 0
    lw = first.lower()
    if first[:1].isupper():
        return None  # "36,700 Builders Transport shares": a capitalised plural depends on what follows
    if lw in _IRREGULAR_PLURALS or (lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and len(lw) > 2):
        return _counted_noun_words(first, 2.0)
    return None


#: Capitalised plurals that count people or things rather than name a team or firm.
_PEOPLE_PLURAL_ENDINGS = ("ans", "ers", "ists", "ites", "ats", "ians", "ards", "ens")


def _plural_follows(words: list[str], start: int) -> bool:
    """Does a plural noun come among ``words[start:]`` ("housing properties", "engineering companies")?"""
    for w in words[start:]:
        lw = w.lower()
        if lw in _IRREGULAR_PLURALS or (lw.endswith("s") and len(lw) > 2 and _lemma(lw) != lw):  # not "gas"
            return True
    return False


_HYPHEN_NOUN_RE = re.compile(r"-(?P<w>[a-z]{3,})\b(?!-)")
#: Words after "N-" that do not name what is counted ("a two-way race", "a three-fold rise").
_HYPHEN_NOT_NOUNS = frozenset({"way", "fold", "odd", "old", "time", "times", "plus", "something", "ish", "off",
                               "thirds", "fourths", "fifths", "year", "month", "week", "day", "hour", "minute",
                               "second", "decade", "century", "quarter", "nil", "all", "strong"})


#: A lower-case plural glued to the digits before it, and what follows: "62,241fans watched".
_GLUED_NOUN_RE = re.compile(r"[a-z]{4,}(?![\w'’-])(?:[ \u00a0]+[A-Za-z][A-Za-z'’-]*){0,3}")


def glued_noun(text: str, pos: int) -> str | None:
    """"62,241fans", "300protesters": a counted noun written without the space after its number.

    Only a lower-case plural of four letters or more ("49ers", "3Station", "5G", "197agreement" are
    names or slips); a stop word ("3months") is no noun."""
    m = _GLUED_NOUN_RE.match(text, pos)
    if m is None:
        return None
    raw = m.group(0)
    first = raw.split(None, 1)[0]
    if not _looks_plural(first) or first in STOP_WORDS:
        return None
    unit, end = _counted_noun_words(raw, 2.0)
    return unit


#: An article before a number: what follows may be a compound adjective ("a 12 page report").
_ARTICLE_BEFORE_RE = re.compile(r"(?:^|[^\w])(?:[Aa]n?|[Tt]he)[ \u00a0]+"
                                r"(?:[a-z][a-z0-9.-]*[ \u00a0]+|[0-9.]+[a-z]{1,2}[ \u00a0]+){0,2}\Z")
#: A singular noun and the noun it describes, after the number: "12 page report", "3 cylinder engine".
_COMPOUND_RE = re.compile(r"[ \u00a0](?P<w>[a-z]{3,})[ \u00a0]+(?P<next>[a-z]{3,})\b(?!['’-])")


#: After "N of": a determiner or a possessive name, then the noun phrase ("two of the victims").
_OF_DETERMINER_RE = re.compile(r"[ \u00a0]+(?:the|its|their|his|her|our|these|those|[A-Z][A-Za-z]+['’]s?)"
                               r"(?=[ \u00a0])")


def of_noun(text: str, pos: int) -> str | None:
    """"two of the victims", "14 of its stores", "two of Johnson's deputies": a part of a group counts
    what the group is made of. Only a plural ("3 of the 10 banks" leaves the second number to say
    what; "one of the best" is no count)."""
    m = _OF_DETERMINER_RE.match(text, pos)
    if m is None:
        return None
    unit, _ = counted_noun(text, m.end(), 2.0)
    return unit


#: A determiner and an adjective right before a number: "the top three seeds", "the other 5 members".
_ADJECTIVE_BEFORE_RE = re.compile(r"\b(?:the|its|their|his|her|our|my|your|these|those)[ \u00a0]+"
                                  r"(?P<a>[a-z]{3,})[ \u00a0]\Z")


def adjective_before(text: str, low: str, start: int, unit: str) -> str:
    """The counted noun with an adjective written before its number: "the top three seeds" counts top
    seeds, "the previous two sessions" previous sessions. Words that stress the number ("the
    record 32 goals"), verbs ("the remaining 20") and words that are no adjectives are left out."""
    m = _ADJECTIVE_BEFORE_RE.search(low, max(0, start - 24), start)
    if m is None or not text[m.start("a")].islower():
        return unit  # "the USB 3.0 standard": a name
    adj = m.group("a")
    if (adj in STOP_WORDS or adj in _INTENSIFIERS or adj in _COUNT_SKIP or adj in CARDINAL_WORDS or adj in ORDINAL_WORDS
            or (adj in HYPHEN_PREFIXES and adj != "top") or adj.endswith(_VERB_SUFFIXES) or adj in _MONTHS
            or _looks_plural(adj)
            or unit.startswith(adj)):
        return unit
    return _adj_lemma(adj) + " " + unit


def compound_noun(text: str, low: str, start: int, end: int) -> str | None:
    """"a 12 page report", "the 3 cylinder engine": the hyphen of "12-page" left out.

    After an article a number, a singular noun and another noun are one compound adjective, and the
    first noun is what is counted, as in `_hyphen_noun`."""
    m = _COMPOUND_RE.match(text, end)
    if m is None:
        return None
    am = _ARTICLE_BEFORE_RE.search(text, max(0, start - 24), start)
    if am is None:
        return None
    between = low[am.start():start].split()[1:]
    if any(w in _MONTHS or w in STOP_WORDS for w in between):
        return None  # "the march 5 earthquake": a date
    word, nxt = m.group("w", "next")
    if (word in _HYPHEN_NOT_NOUNS or word in STOP_WORDS or word in _ADJECTIVES
            or (word.endswith(_VERB_SUFFIXES) and len(word) > 5)  # "speed", "seed" are nouns
            or word.endswith(_ADJECTIVE_ENDINGS) or _looks_plural(word) or word in _NOT_NOUN_TAIL or nxt in STOP_WORDS
            or nxt.endswith("ly")):
        return None
    return _lemma(word)


def _hyphen_noun(text: str, pos: int) -> tuple[str | None, int]:
    """"a four-cylinder engine", "a 10-point plan", "a 12-member panel": the noun after the hyphen."""
    m = _HYPHEN_NOUN_RE.match(text, pos)
    if m is None:
        return None, pos
    word = m.group("w")
    if word in _HYPHEN_NOT_NOUNS or word in STOP_WORDS or word in _ADJECTIVES or word.endswith(_VERB_SUFFIXES) \
            or word.endswith("al"):  # "9.9-annual", "a two-national": adjectives, not nouns
        return None, pos
    return _lemma(word), m.end()


#: Words that may follow a singular counted noun but are not part of it ("one point below", "one
#: stage today", "one measure meant").
_NOT_NOUN_TAIL = frozenset("""
today yesterday tomorrow tonight below above ahead behind apiece alone effective meant went came saw got
made took gave left
""".split())
#: Endings of adjectives, which describe rather than name what is counted ("a 30 consecutive day run").
_ADJECTIVE_ENDINGS = ("al", "est", "ive", "ous", "ful", "ible", "able", "ic", "less")
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _looks_plural(lw: str) -> bool:
    """Is the lower-case word shaped like a plural noun ("shares", "people", "fishermen")? "gas",
    "virus", "thesis" and "regimen", "specimen" (a vowel before "men") are not."""
    return lw in _IRREGULAR_PLURALS or (lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and len(lw) > 2) \
        or (lw.endswith("men") and len(lw) > 5 and (lw[-4] not in "aeiouy" or _lemma(lw) != lw))  # "seamen"


def _counted_noun_words(raw: str, value: float) -> tuple[str | None, int]:
    """`counted_noun` on the words after the number: (noun or None, its end within `raw`)."""
    pos = 0
    words = _WORD_SPLIT.split(raw)
    if len(words) > 1 and words[0].lower() in _COUNT_SKIP:
        words = words[1:]  # "eight more picks" counts picks
    kept: list[str] = []
    for i, w in enumerate(words):
        lw = w.lower().strip("'’-")
        if lw in ("and", "or") and len(kept) == 1 and i + 1 < len(words) and not _looks_plural(kept[0].lower()) \
                and any(_looks_plural(x.lower()) for x in words[i + 1:i + 3]):
            continue  # "4.3M digital and physical sales": two modifiers of one noun
        if not lw or lw in STOP_WORDS or lw in CARDINAL_WORDS:
            break  # "One report said six children": another number starts another phrase
        kept.append(w)
    if not kept or (len(kept[0]) == 1 and len(kept) == 1):
        return None, pos  # "5 x": a stray letter, not a noun
    head = -1
    for i, w in enumerate(kept):
        lw = w.lower()
        if _looks_plural(lw):
            head = i
            break
        if lw.endswith(_VERB_SUFFIXES) and i > 0 and not _plural_follows(kept, i + 1):
            break  # "900 ventures operating": a verb ends the phrase; "1,100 housing properties" does not
    if value == 1 and head != 0:
        # One of a thing: the noun is singular, so the run of lower-case words that follows is the
        # noun ("one particular demand that"), and a plural-looking word after it is a verb ("one
        # proposal asks", "one man died")
        if kept[0].lower().endswith(_VERB_SUFFIXES):
            return None, pos
        head = 0
        for i in range(1, min(len(kept), 3)):
            w = kept[i]
            lw = w.lower()
            if not w.islower() or lw.endswith(_VERB_SUFFIXES) or _looks_plural(lw) or lw in _NOT_NOUN_TAIL:
                break
            head = i
        if kept[head].lower() == "time":
            return None, pos  # "at one time": when, not how many
    elif head < 0:
        return None, pos
    phrase = kept[: head + 1]
    # Drop leading names and nationalities, so that "over 70 Russian regions" and "more than 70 regions
    # of Russia" count the same thing, and words that only stress the number ("a whopping 500 fans"):
    # other modifiers say which things are counted ("eight other employees", "five new seasons").
    while len(phrase) > 1 and (phrase[0][:1].isupper() or phrase[0].lower() in _INTENSIFIERS):
        phrase = phrase[1:]
    if any(not w.isalpha() and "-" not in w for w in phrase):
        return None, pos
    if phrase[0][:1].isupper() and len(phrase) == 1 and phrase[0].lower() not in _IRREGULAR_PLURALS:
        # "5 Bloomberg", "3 Mets": names, not counted nouns; "1,307,000 Americans", "17 Missing Miners" are
        word = kept[head]
        if not word.islower() and not (word[1:].islower() and word.endswith(_PEOPLE_PLURAL_ENDINGS)
                                       and (head == len(kept) - 1 or (kept[head + 1].islower()
                                                                     and not _looks_plural(kept[head + 1])))):
            # "36,700 Builders Transport shares": a firm; "millions of Americans including" are people
            return None, pos
    lemma_words = [_adj_lemma(w.lower()) for w in phrase[:-1]] + [_lemma(phrase[-1])]
    # find the end offset of the head word in the words
    end = 0
    for w in kept[: head + 1]:
        end = raw.find(w, end) + len(w)
    return " ".join(lemma_words), end
