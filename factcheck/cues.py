"""What the words around one figure say: a list item, a further amount, a part word, a pronoun, a weekday,
the words beside it, the sentence's template. The alignment (`factcheck.align`) asks these of both claims of
every candidate pair, so each is worked out once per claim (`Cues`), not once per pair: a corpus checked as
one set has about eight candidate pairs per claim.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .frame.entities import opening_name
from .model import Claim, SubjectSource
from .scope import load_scope

_STOP = frozenset("the a an of in on at for to from by with and or but as is was were are be been has have had "
                  "it its their his her this that these those which who said says will would than more less about "
                  "some over under after before into per".split())


@lru_cache(maxsize=65536)
def _content(sentence: str) -> str:
    words = re.findall(r"[^\W\d_]+", sentence.lower())
    return " ".join(w for w in words if w not in _STOP and len(w) > 2)


@lru_cache(maxsize=262144)
def sentence_similarity(x: str, y: str) -> float:
    """How alike two sentences are (0-1), on their content words."""
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(_content(x), _content(y)) / 100.0


_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")


def _stem(word: str) -> str:
    """A crude stem, enough to match 'seized'/'seizing' and 'boats'/'boat' in a window of words."""
    w = word.lower()
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


@lru_cache(maxsize=262144)
def _window(sentence: str, text: str, width: int = 2) -> frozenset[str]:
    """Content words within ``width`` words on each side of the figure: what it is said of, locally."""
    k = sentence.find(text)
    if k < 0:
        return frozenset()
    before = [w for w in _WORD.findall(sentence[max(0, k - 80):k]) if w.lower() not in _STOP]
    after = [w for w in _WORD.findall(sentence[k + len(text):k + len(text) + 80]) if w.lower() not in _STOP]
    return frozenset(_stem(w) for w in before[-width:] + after[:width])


def _local_overlap(a: Claim, b: Claim) -> float:
    """How many of the words around two figures are the same (0-1, Jaccard): "pirates in three boats" and
    "the pirates in two boats" say the same of their figures; "seized seven rifles" and "seizing 12
    Somali" do not."""
    wa = _window(a.sentence, a.quantity.text.strip())
    wb = _window(b.sentence, b.quantity.text.strip())
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


_DAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                  r"(?<=at |by )(?:about |around |approximately )?\d{1,2}[:.]\d{2}\s*[ap]\.?\s?m\b)", re.IGNORECASE)


def _restates(a: Claim, b: Claim) -> bool:
    """Did the framer give a's metric as a restatement of an earlier figure, b's, in one text?"""
    return b.quantity.start < a.quantity.start and any(
        p.facet == "metric" and p.source.startswith("restatement") for p in a.provenance)


def _modifiers(c: Claim) -> tuple[str, ...]:
    """What the counted noun's own words say besides the head: 'swing state' -> ('swing',)."""
    words = (c.quantity.unit or "").split() if c.quantity.kind == "count" else []
    return tuple(w for w in words[:-1] if w.isalpha())


#: words right before a figure that make it the size of a window the writer chose ("its first five drives",
#: "the past six games", "the top 10"): another window is another choice, not another count of one thing
_WINDOW = re.compile(r"\b(?:first|last|past|next|previous|final|opening|top|bottom)\s+$", re.IGNORECASE)


def is_window(c: Claim) -> bool:
    """The figure sizes a window the writer chose ("their first five drives", "the past six games")."""
    text = c.quantity.text.strip()
    k = c.sentence.find(text)
    return k >= 0 and c.quantity.kind == "count" and bool(_WINDOW.search(c.sentence[max(0, k - 20):k]))


#: "72,000 tons of copper anodes", "40,000 tonnes of free market feed wheat": the stuff a measure is of
#: and a distance's reference place ("six miles west of Cobb", "26 miles from Santa Rosa")
_MATERIAL = re.compile(r"^\s+(?:(north|south|east|west|north-?east|north-?west|south-?east|south-?west|away)\s+)?"
                       r"(?:of|from)\s+((?:[A-Za-z][A-Za-z-]*\s+){0,3}[A-Za-z][A-Za-z-]*)")
_NOT_MATERIAL = frozenset({"the", "a", "an", "its", "their", "his", "her", "which", "whom", "what", "this", "that",
                           "them", "it", "these", "those", "free", "market", "about", "some", "total", "all"})


def _material(c: Claim) -> tuple[frozenset[str], str]:
    """The content words of the of-phrase right after a measure or count ("tonnes of copper anodes" ->
    {"copper", "anode"}), or none: two amounts of other stuff are two figures. And whether the phrase is a
    distance's reference place, the bearing it is given after ("20 miles north of Brenton": "north"), or ""."""
    if c.quantity.kind not in ("measure", "count"):
        return frozenset(), ""
    text = c.quantity.text.strip()
    k = c.sentence.find(text)
    m = _MATERIAL.match(c.sentence[k + len(text):k + len(text) + 60]) if k >= 0 else None
    if m is None or (c.quantity.kind == "count" and m.group(0).lstrip().lower().startswith("from")):
        return frozenset(), ""  # "rose to 12 from 10" is no stuff a count is of
    words = []
    for w in m.group(2).lower().split():
        if w in _PHRASE_ENDS:
            break
        if w not in _NOT_MATERIAL and w not in _STOP:
            words.append(_stem(w))
    return frozenset(words), (m.group(1) or "").lower().replace("-", "")


_PHRASE_ENDS = frozenset({"in", "on", "at", "for", "to", "from", "by", "with", "and", "or", "was", "were", "is",
                          "are", "has", "have", "had", "will", "would", "under", "over", "against", "during"})


def is_increment(c: Claim, sure: bool = False) -> bool:
    """The figure is a further amount ("another $215 billion", "married two more times", "ordered 30 new
    aircraft", "ordered 20 aircraft"), not a total. ``sure`` leaves out "other", which as often names another group ("killing 10 and
    wounding other 70") as a further amount."""
    text = c.quantity.text.strip()
    k = c.sentence.find(text)
    before, after = (_FURTHER, _FURTHER_AFTER) if sure else (_INCREMENT, _INCREMENT_AFTER)
    return k >= 0 and bool(before.search(c.sentence[max(0, k - 30):k])
                           or after.match(c.sentence[k + len(text):k + len(text) + 20]))


def doer(c: Claim) -> str | None:
    """The name the figure's sentence opens with, when a verb follows it ("Mara Quill won 54% of the vote"):
    who did what the figure measures (`frame.entities.opening_name`); or the thing of that name that did it
    ("Mara Quill's party won 38%": "Mara Quill's party", not Mara Quill)."""
    names = tuple(s for s in c.subject if s[:1].isupper())
    for name in names:
        m = _POSSESSED_DOER.match(c.sentence, len(name)) if c.sentence.startswith(name) else None
        if m is not None and m.group(1) not in _NOT_THINGS and not _measured(c, m.group(1)):
            return f"{name}'s {m.group(1)}"
    return opening_name(c.sentence, names, c.attribution)


def _measured(c: Claim, word: str) -> bool:
    """Is ``word`` what the figure measures ("Orlen Air's passenger numbers", "Brenholt's staff numbers"):
    a word of its metric or its counted noun, or a concept's?"""
    metric = set((c.metric or "").lower().split())
    noun = c.concept.noun if c.concept is not None else None
    return word in metric or word.rstrip("s") in metric or word == noun or word.rstrip("s") == noun \
        or (c.concept is not None and c.concept.key is not None and not c.concept.key.startswith(("noun:", "rule:"))
            and c.concept.key in word)


#: "'s party won": a name's thing that acts, a common noun right after the possessive and a verb after it
_POSSESSED_DOER = re.compile(r"['’]s\s+([a-z]+)\s+(?:has\s+|have\s+|had\s+|was\s+|were\s+)?[a-z]+(?:ed|s)?\b")
#: words after a name's possessive that are no thing of it acting ("Quill's own", "Quill's latest")
_NOT_THINGS = frozenset({"own", "latest", "first", "last", "new", "total", "share", "stake"})


def part_word(c: Claim) -> str:
    """The word beside the figure that makes it a part or a sum of parts ("$281 million in cash", "combined,
    the two had $39 billion", "in Athens alone"), or "". Markers: ``part_markers`` of ``lexicon/scope.yaml``.
    A count right before "of the" ("two of the wounded", "40 of the 50 passengers") is a part of a group."""
    text = c.quantity.text.strip()
    if c.quantity.kind == "count":
        k = c.sentence.find(text)
        m = _PARTITIVE.match(c.sentence, k + len(text)) if k >= 0 else None
        if m is not None:
            return m.group(0).strip()
    return _part_word(c.sentence, text)


#: "two of the wounded", "17 of those held": a count of some of a group the sentence names
_PARTITIVE = re.compile(r"\s+of\s+(?:the|those|these)\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _part_word(sentence: str, text: str) -> str:
    """Cached per figure: every candidate pair asks it of both its claims."""
    rx = load_scope().part_rx
    k = sentence.find(text)
    if rx is None or k < 0:
        return ""
    # the figure's own clause: "$30m in stock for Corvel, which raised $48m" is no part of the $48m
    before = re.split(r"[;:]|,\s+(?:and|but|while|which|who|whom|whose|where|when)\b", sentence[max(0, k - 60):k])[-1]
    m = rx.search(before) or rx.search(sentence[k + len(text):k + len(text) + 40].split(",")[0])
    return m.group(0) if m else ""


def basis_word(c: Claim) -> str:
    """The words in the figure's sentence that state it on a basis or by a method of its own ("seasonally
    adjusted", "using this method"), or "". Markers: ``basis_markers`` of ``lexicon/scope.yaml``."""
    return _basis_word(c.sentence)


@lru_cache(maxsize=65536)
def _basis_word(sentence: str) -> str:
    rx = load_scope().basis_rx
    m = rx.search(sentence) if rx is not None else None
    return m.group(0) if m else ""


_PRONOUN = re.compile(r"^\W*(?:he|she|they|it|his|her|their|its)\b", re.IGNORECASE)


#: a clause of its own, or reported speech, between the opening pronoun and the figure: "He may have been
#: driven to it because ... the raid in which 58 people were arrested", "It said 30 people died"
_OWN_CLAUSE = re.compile(r"\b(?:because|which|where|when|whom|who|whose|while|although|though|after|before|"
                         r"since|that|said|says|told|tells|reported|according)\b", re.IGNORECASE)


def _pronoun_led(c: Claim) -> int:
    """1 when the sentence opens with a pronoun and names no one of its own: "He leaves two children" is about
    whoever the sentences before name, which two such sentences of one story need not share. A figure in a
    clause of its own ("He said 58 people were arrested") is not the pronoun's."""
    m = _PRONOUN.match(c.sentence)
    if m is None or (c.concept is not None and c.concept.subject_source == SubjectSource.SENTENCE and c.subject):
        return 0
    at = c.sentence.find(c.quantity.text.strip())
    return int(at < 0 or not _OWN_CLAUSE.search(c.sentence, m.end(), at))


_FIGURE = re.compile(r"\d[\d,.]*\d|\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
                     re.IGNORECASE)


@lru_cache(maxsize=65536)
def another_issue(x: str, y: str) -> bool:
    """Two sentences of one template with two or more figures changed ("the rig count was up 14 to 164, against 422"
    / "up by two to 183, against 324"): this week's and last week's issue of a recurring report, not two
    accounts of one figure. A re-sent correction changes one figure and keeps the rest."""
    if "|" in x or "|" in y:
        return False  # a table reads as one "sentence"; its cells are framed by row and column instead
    fx, fy = _FIGURE.findall(x), _FIGURE.findall(y)
    if len(fx) < 2 or len(fx) != len(fy) or sum(p.lower() != q.lower() for p, q in zip(fx, fy)) < 2:
        return False
    return _alike(masked(x), masked(y))


@lru_cache(maxsize=65536)
def _alike(x: str, y: str) -> bool:
    """Two templates (figures masked) that differ in a few characters at most: one report's issues."""
    from rapidfuzz import fuzz

    return fuzz.ratio(x, y) >= 90


def masked(text: str) -> str:
    """The text in lower case with every figure replaced by '#': its template."""
    return _FIGURE.sub("#", text.lower())


_CLOCK = re.compile(r"\d[:.]\d\d")


@lru_cache(maxsize=65536)
def _days(sentence: str) -> frozenset[str]:
    """Weekdays and clock times a sentence names: "Sunday's quake" and "Monday's quake", or a quake "at 9:30
    a.m." and one "at 7:30 a.m.", are two events of one story."""
    if "day" not in sentence.lower() and not _CLOCK.search(sentence):
        return frozenset()  # every weekday ends in "day", every clock time has its minutes
    return frozenset(re.sub(r"[\s.]|about|around|approximately", "", m.lower()) for m in _DAY.findall(sentence))


def value_gap(a: Claim, b: Claim) -> float:
    """How far apart two values are beyond a factor of two (0 at 2x, 1 at tenfold, 2 at about 50-fold or more):
    two reports of one count seldom differ that much, while a part and its whole, or two events, often do (40
    at one school vs 612 in a quake; 12 killed in a raid vs 2 million in a civil war)."""
    x, y = a.quantity.value, b.quantity.value
    if x is None or y is None or x <= 0 or y <= 0 or a.quantity.kind in ("date", "ordinal"):
        return 0.0
    if a.quantity.unit != b.quantity.unit and a.quantity.kind not in ("count", "percent"):
        return 0.0  # other units of a measure or currency: the raw ratio says nothing before conversion
    # reports of one count seldom differ by more than a factor of two: count only what lies beyond it
    beyond = math.log10(max(x, y) / min(x, y)) - math.log10(2.0)
    return min(2.0, max(0.0, beyond / (1.0 - math.log10(2.0))))


_NUMBER = (r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
           r"fifty|hundred|dozen)\b)")
_LIST_AFTER = re.compile(r"^\s*[\w-]*\s*(?:,|and|&|plus)\s+(?:another\s+|the\s+|its\s+|their\s+)?" + _NUMBER,
                         re.IGNORECASE)
_LIST_BEFORE = re.compile(r"\b" + _NUMBER + r"[\d,.]*\s+[A-Za-z-]+\s*(?:,|and|plus)\s*(?:the\s+|its\s+|their\s+)?$",
                          re.IGNORECASE)
#: words right before a figure that make it a further or different part ("another $215 billion"), or right
#: after it ("married two more times", "ordered 30 new aircraft")
_INCREMENT = re.compile(r"\b(?:another|additional|further|extra|more|other|order(?:s|ed)?)\s+(?:\S+\s+)?$",
                        re.IGNORECASE)
_INCREMENT_AFTER = re.compile(r"^\s*(?:more|additional|further|other|others|new)\b", re.IGNORECASE)
#: the same without "other": surely a further amount
#: ("ordered 20 aircraft" adds to a fleet: an order is never the fleet itself)
_FURTHER = re.compile(r"\b(?:another|additional|further|extra|order(?:s|ed)?)\s+(?:\S+\s+)?$", re.IGNORECASE)
_FURTHER_AFTER = re.compile(r"^\s*(?:more|additional|further|new)\b", re.IGNORECASE)


def enumerated(c: Claim) -> bool:
    """Is the figure one item of a list of figures ("9 Danish and 4 Dutch sailors", "six rifles, three
    other rifles")? Each item counts a part, not the whole the other report counts."""
    s = c.sentence
    q = c.quantity.text.strip()
    k = s.find(q)
    if k < 0:
        return False
    return bool(_LIST_AFTER.match(s[k + len(q):k + len(q) + 60]) or _LIST_BEFORE.search(s[max(0, k - 60):k]))


def list_total(c: Claim) -> float | None:
    """The sum of the list of figures the claim's figure is an item of ("12 Somali and 11 Yemeni pirates": 23),
    or None when it is no item of a list of plain figures."""
    if not enumerated(c):
        return None
    s = c.sentence
    k = s.find(c.quantity.text.strip())
    for m in _FIGURE_LIST.finditer(s):
        if m.start() <= k < m.end():
            figures = [float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*(?:\.\d+)?", m.group(0))]
            return sum(figures) if len(figures) >= 2 else None
    return None


#: a list of plain figures, each with at most two words, joined by commas, "and" or "plus"
_FIGURE_LIST = re.compile(r"\b\d[\d,]*(?:\.\d+)?(?:\s+[A-Za-z-]+){0,2}?(?:\s*,\s*(?:and\s+)?|\s+(?:and|plus)\s+)"
                          r"(?:\d[\d,]*(?:\.\d+)?(?:\s+[A-Za-z-]+){0,2}?(?:\s*,\s*(?:and\s+)?|\s+(?:and|plus)\s+))*"
                          r"\d[\d,]*(?:\.\d+)?\b")


# ------------------------------------------------------------------------------ once per claim
@lru_cache(maxsize=65536)
def name_words(name: str) -> frozenset[str]:
    """A name's words, lower case and without accents: "Muḥammad III" and "Muhammad III", "Zürich" and
    "Zurich" are spellings of one name."""
    folded = unicodedata.normalize("NFKD", name.lower())
    return frozenset("".join(ch for ch in folded if not unicodedata.combining(ch)).split())


@dataclass(frozen=True, eq=False)
class NameSet:
    """Names with their lower-case words, as `same_entity` compares them, and what lets most pairs of name
    sets be told apart at once: the names themselves and all their words."""

    names: tuple[tuple[str, frozenset[str]], ...]
    strings: frozenset[str]
    words: frozenset[str]

    @classmethod
    def of(cls, names: tuple[str, ...]) -> NameSet:
        cued = tuple((s, name_words(s)) for s in names)
        return cls(cued, frozenset(names), frozenset(w for _s, ws in cued for w in ws))


@dataclass(frozen=True, eq=False)
class Cues:
    """What one claim's own words say, worked out once: every candidate pair it is in asks the same."""

    #: the subjects
    subjects: NameSet
    #: the capitalised subjects (names)
    proper: NameSet
    #: the names among its subjects (capitalised, more than two characters): what another sentence may name of it
    names: tuple[str, ...]
    enumerated: bool
    modifiers: tuple[str, ...]
    increment: bool
    #: the figure sizes a window ("the first five drives")
    chosen: bool
    #: what a measure or count is of ("tonnes of copper anodes"), or a distance's reference place
    material: frozenset[str]
    #: the bearing a reference place is given after ("20 miles north of Brenton": "north"), or ""
    bearing: str
    #: the part or sum word beside the figure (`part_word`), or "": two different ones are two parts
    part: str
    #: the basis or method the figure is stated by ("seasonally adjusted"), or ""
    basis: str
    pronoun: int
    weekdays: frozenset[str]
    times: frozenset[str]
    window: frozenset[str]
    #: the claim's sentence (its content words and figures are asked only of the few pairs that can align)
    sentence: str
    #: the framer gave the metric as a restatement of an earlier figure
    restated: bool
    #: the modifiers of its own metric phrase (`metric_modifiers`)
    metric_modifiers: frozenset[str]

    @classmethod
    def of(cls, c: Claim) -> Cues:
        days = _days(c.sentence)
        material, bearing = _material(c)
        return cls(subjects=NameSet.of(c.subject), proper=NameSet.of(tuple(s for s in c.subject if s[:1].isupper())),
                   names=tuple(s for s in c.subject if len(s) > 2 and s[:1].isupper()), enumerated=enumerated(c),
                   modifiers=_modifiers(c), increment=is_increment(c), chosen=is_window(c), material=material, bearing=bearing,
                   part=part_word(c).lower(),
                   basis=basis_word(c).lower(),
                   pronoun=_pronoun_led(c), weekdays=frozenset(w for w in days if w.isalpha()),
                   times=frozenset(w for w in days if not w.isalpha()),
                   window=_window(c.sentence, c.quantity.text.strip()), sentence=c.sentence,
                   restated=any(p.facet == "metric" and p.source.startswith("restatement") for p in c.provenance),
                   metric_modifiers=metric_modifiers(c))


def shares(xs: NameSet, ys: NameSet) -> bool:
    """Some name of xs is some name of ys, or one's words hold the other's (`same_entity` on cued words)."""
    if xs.strings & ys.strings:
        return True
    if not xs.words & ys.words:  # word sets that share no word hold no one another
        return False
    return any(wx and wy and (wx <= wy or wy <= wx) for _x, wx in xs.names for _y, wy in ys.names)


def names_in(names: tuple[str, ...], sentence: str) -> bool:
    """Does ``sentence`` name one of ``names`` as a whole word? (A substring test first: most do not.)"""
    return any(n in sentence and _whole_word(n).search(sentence) for n in names)


@lru_cache(maxsize=65536)
def _whole_word(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")


def similarity(x: Cues, y: Cues) -> float:
    """`sentence_similarity` of two cued claims' sentences."""
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(_content(x.sentence), _content(y.sentence)) / 100.0


def local_overlap(x: Cues, y: Cues) -> float:
    """`_local_overlap` of two cued claims."""
    if not x.window or not y.window:
        return 0.0
    return len(x.window & y.window) / len(x.window | y.window)


def other_day(x: Cues, y: Cues) -> bool:
    """The sentences name weekdays, or clock times, and none of them in common."""
    return bool((x.weekdays and y.weekdays and not x.weekdays & y.weekdays)
                or (x.times and y.times and not x.times & y.times))


@lru_cache(maxsize=65536)
def _figures(sentence: str) -> tuple[str, ...] | None:
    """The sentence's figures in lower case; None for a table row (a "|" in the sentence)."""
    return None if "|" in sentence else tuple(m.lower() for m in _FIGURE.findall(sentence))


def issue_of(x: Cues, y: Cues, sx: str, sy: str, changed: int = 2) -> bool:
    """`another_issue` of two cued claims' sentences ``sx`` and ``sy``: one template with at least ``changed``
    of its figures changed."""
    fx, fy = _figures(x.sentence), _figures(y.sentence)
    if fx is None or fy is None or len(fx) < changed or len(fx) != len(fy) \
            or sum(p != q for p, q in zip(fx, fy)) < changed:
        return False
    return _alike(masked(sx), masked(sy))


#: words of a subject or metric that say when or how much, not which item ("year" of "last year")
_NOT_ITEMS = frozenset({"year", "years", "month", "months", "week", "quarter", "last", "first", "total"})
#: words before a metric's head that say how or when it was given, not which item it is
_NOT_MODIFIERS = frozenset({"annual", "overall", "estimated", "latest", "reported", "official", "new", "current",
                            "average", "provisional", "preliminary", "final", "revised", "actual", "real", "nominal"})


def metric_modifiers(c: Claim) -> frozenset[str]:
    """The words before the head of a claim's own metric phrase ("trade" of "trade surplus", "current
    account" of "current account surplus"); none for a rule's normalised metric or a phrase with an of-part."""
    if c.rule not in ("generic", "none") or not c.metric or c.concept is None or not c.concept.noun \
            or " of " in f" {c.metric} ":
        return frozenset()
    words = c.metric.split()
    if len(words) < 2 or words[-1] != c.concept.noun:
        return frozenset()
    return frozenset(w for w in words[:-1] if w.isalpha() and w not in _NOT_ITEMS and w not in _NOT_MODIFIERS)


def restated(a: Claim, b: Claim) -> bool:
    """b's sentence restates a's word for word with only this figure changed: one statement edited, so
    however many other values the texts give, these two disagree about one thing. The mark of an edited
    text that contradicts itself, or of a copied report altered. (Word for word: "exports were 5 mln
    tonnes in January" and "... 6 mln tonnes in February" are two statements.)"""
    x, y = a.sentence, b.sentence
    if x == y or a.quantity.text == b.quantity.text:
        return False
    fx, fy = _figures(x), _figures(y)
    if not fx or fy is None or len(fx) != len(fy) or sum(p != q for p, q in zip(fx, fy)) != 1:
        return False
    return " ".join(masked(x).split()) == " ".join(masked(y).split())


#: the least words a sentence needs before one with a figure changed counts as the same statement edited
EDITED_MIN_WORDS = 8


def edited_key(c: Claim) -> str | None:
    """A blocking key for a figure that no rule, concept or noun names: its document and its sentence with
    only this figure taken out. The same sentence twice in one text with this figure changed, and every
    other figure as it was, is one statement edited, whatever the figure measures (two table rows that
    differ in every figure are not); None when the sentence is short or the figure cannot be placed."""
    return _edited_key(c.doc, c.sentence, c.quantity.text)


@lru_cache(maxsize=65536)
def _edited_key(doc: str | None, sentence: str, text: str) -> str | None:
    """`edited_key` of a figure's (document, sentence, text): asked of each claim more than once."""
    if "  " in sentence or "\n" in sentence or "\t" in sentence:  # framing collapses it; a hand-made claim may not
        sentence = " ".join(sentence.split())
    if not sentence or "|" in sentence or sentence.count(text) != 1 or sentence.count(" ") + 1 < EDITED_MIN_WORDS:
        return None
    return f"edited:{doc}:{sentence.replace(text, '#').lower()}"


@lru_cache(maxsize=65536)
def dense(sentence: str) -> bool:
    """A sentence of three or more figures besides years: a run of data ("rose 0.5 pct in February after a
    0.1 pct increase in January and gains of 0.8 pct in durables"), where one noun serves many items."""
    return sum(1 for m in _FIGURE.finditer(sentence) if not _YEAR.fullmatch(m.group(0))) >= 3


_YEAR = re.compile(r"1[89]\d\d|20\d\d")
