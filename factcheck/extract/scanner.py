"""The quantity scanner: one pass over the text finds number cores, then cheap anchored look-ups
around each core read its sign, hedge, currency, scale, unit or counted noun.

Why this shape: a dependency parser costs ~0.1 MB/s and the goal is >= 3 MB/s, so the work per
number must be a handful of compiled-pattern matches at fixed positions and dictionary look-ups.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Quantity
from .lexicon import IgnorePattern, Lexicon
from .numbers import (
    CARDINAL_WORDS,
    WORD_NUMBER,
    ParsedNumber,
    parse_digits,
    parse_words,
    rounding_interval,
    tidy,
)

#: Digits: every alternative starts with a plain digit so the regex engine can skip ahead fast.
DIGITS_RE = re.compile(
    r"\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d,]|\.\d)"
    r"|\d*(?:\.\d+)?)"
)
_TRIGGER_WORDS = sorted(
    [w for w in CARDINAL_WORDS if w not in ("one", "zero", "nil")]
    + ["one", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
       "trillion", "dozen", "dozens", "half", "quarter", "third", "thirds", "quarters"],
    key=len, reverse=True,
)
#: Number words are found on the lower-cased text (3x faster than a case-insensitive scan).
WORD_TRIGGER_RE = re.compile(r"\b(?:" + "|".join(_TRIGGER_WORDS) + r")\b")
WORD_NUMBER_RE = re.compile(r"(?:" + WORD_NUMBER + r")")
_A_BEFORE_RE = re.compile(r"(?:\b(?:a|an|half a|one and a half)[ \u00a0]+)$")
_HALF_OBJECT = frozenset({"of", "the", "a", "an", "their", "its", "our", "his", "her", "all", "them", "those", "these"})
#: Words that, alone, are articles or pronouns far more often than quantities.
_WEAK_WORDS = frozenset({"a", "an", "one", "zero", "nil", "third", "quarter", "quarters", "thirds"})
_DIRECTION_WORDS = {w: ("down" if w in (
    "down fell fall falls fallen falling decreased decrease decreases decreasing declined decline declines declining "
    "dropped drop drops dropping lost lose loses slipped slip plunged plunge slumped slump shrank shrink contracted "
    "contract cut cuts slid slide tumbled tumble eased lower reduced reduce").split() else "up") for w in (
    "up down rose rise rises risen rising fell fall falls fallen falling grew grow grows grown growing increased "
    "increase increases increasing decreased decrease decreases decreasing declined decline declines declining "
    "dropped drop drops dropping gained gain gains lost lose loses climbed climb climbs jumped jump jumps surged "
    "surge surges slipped slip plunged plunge soared soar slumped slump shrank shrink expanded expand contracted "
    "contract added cut cuts slid slide tumbled tumble eased edged higher lower reduced reduce raised raise"
).split()}
_TOKEN_RE = re.compile(r"[^\s\d(]{1,40}(?:[ \u00a0][^\s\d(]{1,40}){0,3}")
_LEFT_PUNCT = "(\"'[“‘"
_RANGE_SEP_RE = re.compile(r"(?P<sep>[ \u00a0]*(?:-|–|—|to|and|or|through)[ \u00a0]*)", re.IGNORECASE)
_NOUN_RE = re.compile(r"[ \u00a0]+(?P<words>[A-Za-z][A-Za-z'’-]*(?:[ \u00a0]+[A-Za-z][A-Za-z'’-]*){0,3})")
_WORD_SPLIT = re.compile(r"[ \u00a0]+")
_LETTERS_BEFORE = re.compile(r"[A-Za-z$€£¥₽₼₹₩₺₴₪₦₱₿=.]{1,6}$")

_STOP = frozenset("""
of in on at to for from by with and or but nor the a an is are was were be been being have has had will would
shall should can could may might must do does did that which who whom whose this these those than as per each
every more less most least percent per cent also only just about around over under into onto out up down off
it its it's their them they he she his her we our you your i me my us there here then when where while if so
such not no yes all any some many much few several other another same both either neither what how why after
before since until till during against between among through across via according year years month months
week weeks day days hour hours minute minutes second seconds decade decades century centuries quarter quarters
times time old ago later earlier last next first this that p.m a.m am pm million billion thousand trillion
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


@dataclass(frozen=True)
class _Core:
    """A number found in the text, before anything around it is read."""

    start: int
    end: int
    number: ParsedNumber
    is_word: bool
    kind: str = "number"  # number | ordinal | fraction


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


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


def counted_noun(text: str, pos: int, value: float) -> tuple[str | None, int]:
    """The noun a bare number counts ("900 joint ventures" -> "joint venture") and where it ends."""
    m = _NOUN_RE.match(text, pos)
    if not m:
        return None, pos
    raw = m.group("words")
    words = _WORD_SPLIT.split(raw)
    kept: list[str] = []
    for w in words:
        lw = w.lower().strip("'’-")
        if not lw or lw in _STOP:
            break
        kept.append(w)
    if not kept:
        return None, pos
    head = -1
    for i, w in enumerate(kept):
        lw = w.lower()
        if lw in _IRREGULAR_PLURALS or (lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and len(lw) > 2):
            head = i
            break
        if lw.endswith(_VERB_SUFFIXES) and i > 0:
            break
    if head < 0:
        first = kept[0].lower()
        if value == 1 and not first.endswith(_VERB_SUFFIXES):
            head = 0
        else:
            return None, pos
    phrase = kept[: head + 1]
    # Drop leading modifiers that describe rather than name what is counted.
    while len(phrase) > 1 and (phrase[0][:1].isupper() or phrase[0].lower() in _ADJECTIVES):
        phrase = phrase[1:]
    if any(not w.isalpha() and "-" not in w for w in phrase):
        return None, pos
    if phrase[0][:1].isupper() and len(phrase) == 1 and phrase[0].lower() not in _IRREGULAR_PLURALS:
        # "63,150 Model 3s", "5 Bloomberg": names, not counted nouns
        if not kept[head].islower():
            return None, pos
    lemma_words = [w.lower() for w in phrase[:-1]] + [_lemma(phrase[-1])]
    # find the end offset of the head word in the text
    end = m.start("words")
    for w in kept[: head + 1]:
        end = text.find(w, end) + len(w)
    return " ".join(lemma_words), end



@dataclass(frozen=True)
class _Left:
    """What stands before a number: sign, hedge, direction of change, range opener."""

    start: int
    qualifier: str = "exact"
    direction: str | None = None
    opener: str | None = None
    negative: bool = False


class Scanner:
    """Extracts quantities with one lexicon; instances are cheap to reuse across documents."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._symbols_by_len = sorted(lexicon.currency_symbols, key=len, reverse=True)
        self._max_hedge_words = max((len(h.split()) for h in lexicon.hedge_of), default=1)
        self._left_vocab = frozenset(
            {h.split()[-1] for h in lexicon.hedge_of} | set(_DIRECTION_WORDS)
            | {"between", "from", "minus", "negative", "by", "of", "to"}
        )

    # ------------------------------------------------------------------ number cores
    def _cores(self, text: str, low: str) -> list[_Core]:
        """Every number in the text, digits and words, in order and without overlaps."""
        cores: list[_Core] = []
        n = len(text)
        for m in DIGITS_RE.finditer(text):
            s, e = m.span()
            if s > 0 and text[s - 1] in ".,":
                if s > 1 and text[s - 2].isdigit():
                    continue
            if s > 0 and text[s - 1] == "." and (s < 2 or not text[s - 2].isalnum()):
                # ".5" written without the zero
                s -= 1
            raw = text[s:e]
            while raw and raw[-1] in ".,":
                raw = raw[:-1]
                e -= 1
            if not raw or raw in (".",):
                continue
            tail = text[e:e + 3]
            if tail[:2] in ("st", "nd", "rd", "th") and (len(tail) < 3 or not tail[2].isalpha()) and "." not in raw:
                cores.append(_Core(s, e + 2, ParsedNumber(float(raw.replace(",", "")), 1.0), False, "ordinal"))
                continue
            if tail[:1] == "/" and raw.isdigit():
                sm = re.match(r"/(\d{1,3})(?![\w/])", text[e:e + 5])
                if sm and not (s > 0 and text[s - 1] in "/"):
                    den = int(sm.group(1))
                    num = int(raw)
                    if 0 < num < den:
                        cores.append(_Core(s, e + sm.end(), ParsedNumber(num / den, 0.0, is_fraction=True), False,
                                           "fraction"))
                        continue
                continue  # dates such as 11/17 and codes such as 24/7
            parsed = parse_digits(raw)
            if parsed is not None:
                cores.append(_Core(s, e, parsed, False))
        if len(low) == n:
            word_cores: list[_Core] = []
            last_end = -1
            for m in WORD_TRIGGER_RE.finditer(low):
                if m.start() < last_end:
                    continue
                s = m.start()
                am = _A_BEFORE_RE.search(low, max(0, s - 20), s)
                if am:
                    s = am.start()
                wm = WORD_NUMBER_RE.match(low, s)
                if not wm and am:
                    s = m.start()
                    wm = WORD_NUMBER_RE.match(low, s)
                if wm:
                    e = wm.end()
                    raw = low[s:e]
                    if raw.endswith(" of"):
                        e -= 3
                        raw = raw[:-3]
                    if raw in _WEAK_WORDS:
                        last_end = e
                        continue
                    parsed = parse_words(raw)
                    if parsed is not None:
                        word_cores.append(_Core(s, e, parsed, True, "fraction" if parsed.is_fraction else "number"))
                    last_end = e
                elif m.group(0) == "half":
                    after = low[m.end():m.end() + 8].split()
                    if after and after[0] in _HALF_OBJECT:
                        word_cores.append(_Core(m.start(), m.end(), ParsedNumber(0.5, 0.0, is_fraction=True),
                                                True, "fraction"))
                    last_end = m.end()
            if word_cores:
                cores = sorted(cores + word_cores, key=lambda c: c.start)
        return cores

    # ------------------------------------------------------------------ context readers
    def _currency_before(self, text: str, start: int) -> tuple[str | None, int]:
        """A currency sign or code right before ``start`` ("$", "US$ ", "USD", "Y=")."""
        j = start
        if j > 0 and text[j - 1] in " \u00a0":
            j -= 1
        k = j
        while k > 0 and j - k < 7 and not text[k - 1].isspace() and not text[k - 1].isdigit():
            k -= 1
        token = text[k:j]
        for cut in range(len(token)):
            cand = token[cut:]
            code = self.lex.currency_symbols.get(cand)
            if code is None and cand in self.lex.currency_codes:
                code = cand
            if code is not None:
                at = k + cut
                if at > 0 and text[at - 1].isalpha() and cand[0].isalpha():
                    continue  # "RM" inside "FIRM79" is not a sign
                if j < start and not (cand in self.lex.currency_codes or not cand[-1].isalpha()):
                    # "Rs 100" is fine, but a word like "RM" apart from the number needs to be a code
                    pass
                return code, at
        return None, start

    def _left(self, text: str, start: int) -> _Left:
        """Read sign, hedge, change direction and range opener from the words before ``start``."""
        negative = False
        if start > 0:
            c = text[start - 1]
            if c in "-−":
                before = text[start - 2] if start > 1 else " "
                if before in " \t\n([:;=\u00a0" or start == 1:
                    negative = True
                    start -= 1
            elif c == " " and start > 1 and text[start - 2] in "-−" and (start == 2 or text[start - 3] in " \n(\t"):
                negative = True
                start -= 2
        if start == 0 or not text[start - 1].isspace():
            return _Left(start, negative=negative)
        # fast path: the word right before is not one that can open a hedge, direction or range
        j = start - 1
        while j > 0 and text[j - 1] in " \u00a0":
            j -= 1
        k = text.rfind(" ", max(0, j - 20), j) + 1
        k2 = text.rfind("\n", max(0, j - 20), j) + 1
        if text[max(k, k2):j].lower().lstrip(_LEFT_PUNCT) not in self._left_vocab:
            return _Left(start, negative=negative)
        wstart = max(0, start - 50)
        window = text[wstart:start]
        low = window.lower()
        words = low.split()
        if not words:
            return _Left(start, negative=negative)
        cut = start  # where the span will begin
        pos_in_low = len(low.rstrip())

        def take(k: int) -> None:
            nonlocal pos_in_low, cut, words
            phrase_words = words[-k:]
            words = words[:-k]
            idx = low.rfind(phrase_words[0], 0, pos_in_low)
            if idx >= 0:
                pos_in_low = idx
        qualifier = "exact"
        opener = None
        direction = None
        if words[-1] in ("minus", "negative"):
            negative = True
            take(1)
            cut = wstart + pos_in_low
        if words and words[-1] in ("between", "from"):
            opener = words[-1]
            take(1)
            cut = wstart + pos_in_low
        for k in range(min(self._max_hedge_words, len(words)), 0, -1):
            phrase = " ".join(words[-k:]).lstrip(_LEFT_PUNCT)
            q = self.lex.hedge_of.get(phrase)
            if q is not None:
                qualifier = q
                take(k)
                cut = wstart + pos_in_low + (len(words and "") if False else 0)
                # the first word may carry an opening bracket or quote
                while cut < start and text[cut] in _LEFT_PUNCT:
                    cut += 1
                break
        if opener is None and words and words[-1] in ("between", "from"):
            opener = words[-1]
            take(1)
        if words and words[-1] in ("by", "of", "to") and len(words) > 1 and words[-2] in _DIRECTION_WORDS:
            words = words[:-1]
        if words and words[-1] in _DIRECTION_WORDS:
            direction = _DIRECTION_WORDS[words[-1]]
            if words[-1] in ("up", "down") and cut == start:
                take(1)
                cut = wstart + pos_in_low
        return _Left(cut, qualifier, direction, opener, negative)

    def _ignored(self, low: str, s: int, e: int, active: tuple[IgnorePattern, ...]) -> bool:
        """Is the number at s..e a label ("Section 427") or inside an ignore pattern (a phone number)?"""
        n = len(low)
        # the word before, for label words
        j = s
        while j > 0 and low[j - 1] in " \u00a0":
            j -= 1
        if j < s:
            k = j
            while k > 0 and j - k < 16 and not low[k - 1].isspace():
                k -= 1
            prev_word = low[k:j]
            if prev_word in self.lex.label_words or prev_word.lstrip(_LEFT_PUNCT) in self.lex.label_words:
                return True
        if not active:
            return False
        near = low[max(0, s - 12): e + 12]
        for ig in active:
            if ig.requires and not any(r in near for r in ig.requires):
                continue
            a = max(0, s - 20)
            b = min(n, e + 20)
            while a <= s:
                im = ig.pattern.search(low, a, b)
                if im is None or im.start() > s:
                    break
                if im.end() >= e:
                    return True
                a = max(im.end(), im.start() + 1)
        return False

    def _active_ignores(self, low: str) -> tuple[IgnorePattern, ...]:
        """The ignore patterns whose pre-check literals occur somewhere in this document."""
        return tuple(ig for ig in self.lex.ignores if not ig.requires or any(r in low for r in ig.requires))

    def _interval(self, value: float, precision: float, qualifier: str) -> tuple[float | None, float | None]:
        lex = self.lex
        if lex.rounding == "none" or precision <= 0:
            lo, hi = value, value
        else:
            lo, hi = rounding_interval(value, precision)
        if qualifier == "approx":
            width = abs(value) * lex.approx_tolerance
            lo, hi = min(lo, tidy(value - width)), max(hi, tidy(value + width))
        elif qualifier in ("more_than", "at_least"):
            return value, None
        elif qualifier in ("less_than", "at_most"):
            return None, value
        return lo, hi

    def _scale_after(self, text: str, pos: int, glued_ok: bool, money: bool) -> tuple[float, int]:
        """A scale word or suffix at ``pos`` ("billion", "bn", "m" after money): (factor, new pos)."""
        lex = self.lex
        sc = lex.scale_re.match(text, pos)
        if not sc:
            return 1.0, pos
        if sc.group("word"):
            word = sc.group("word").lower()
            if word == "b" and (sc.group("sp") or not money):
                return 1.0, pos
            factor, pos = lex.scale_words[word], sc.end()
        else:
            att = sc.group("att")
            glued = not sc.group("sp")
            if money and (glued or att in ("m", "M", "k", "K", "B", "T")):
                pass
            elif att == "M" or (att == "K" and glued):
                pass
            elif att in ("m", "k") and glued:
                nxt = lex.suffix_re.match(text, sc.end())
                if not (nxt and (nxt.group("code") or nxt.group("curname"))):
                    if att == "m":
                        return 1.0, pos
            else:
                return 1.0, pos
            factor, pos = lex.scale_attached[att], sc.end()
        sc2 = lex.scale_re.match(text, pos)  # "3.3 thousand million"
        if sc2 and sc2.group("word") and sc2.group("word").lower() not in ("b",):
            factor *= lex.scale_words[sc2.group("word").lower()]
            pos = sc2.end()
        return factor, pos

    def _unit_after(self, text: str, pos: int, money: bool, scaled: bool) -> tuple[str | None, str | None, str | None, int]:
        """Percent, currency or unit at ``pos``: (kind, unit, currency, new pos).

        Dictionary look-ups of the next one to four tokens, longest first: far cheaper than one
        regular expression with hundreds of alternatives.
        """
        lex = self.lex
        n = len(text)
        p = pos
        hyphen = False
        if p < n and text[p] in "- \u00a0":
            if text[p] == "-":
                hyphen = True
            p += 1
            if p < n and text[p] == " " and not hyphen:
                p += 1
        glued = p == pos
        tokens = _TOKEN_RE.match(text, p)
        if not tokens:
            return None, None, None, pos
        seg = tokens.group(0)
        if "\n" in seg:
            seg = seg[: seg.index("\n")]
        parts = seg.split()
        for k in range(min(4, len(parts)), 0, -1):
            phrase = " ".join(parts[:k])
            for cand in (phrase, phrase.rstrip(".,;:!?)\"'’”")):
                if not cand:
                    continue
                hit = lex.suffix_cased.get(cand) or lex.suffix_plain.get(cand.lower())
                if hit is None:
                    continue
                category, payload, attached_only = hit
                if attached_only and not glued and not hyphen:
                    continue
                end = text.index(cand, p) + len(cand) if k == 1 else p + seg.index(parts[k - 1]) + len(parts[k - 1]) - (len(phrase) - len(cand))
                if category == "pp":
                    return "percentage_point", payload, None, end
                if category == "pct":
                    return "percent", "percent", None, end
                if category == "code":
                    return "money", payload, payload, end
                if category == "subunit":
                    if cand.lower() == "p" and not glued:
                        continue
                    return "money", payload, None, end
                if category == "curname":
                    low_name = cand.lower()
                    if low_name in lex.ambiguous_currency_names and not money and not scaled \
                            and "sterling" not in low_name and "british" not in low_name:
                        return "measure", "pound", None, end
                    return "money", payload, payload, end
                return "measure", payload, None, end
        return None, None, None, pos

    # ------------------------------------------------------------------ main entry
    def scan(self, text: str, skip_spans: list[tuple[int, int]], doc: str | None = None) -> list[Quantity]:
        """Quantities in ``text`` outside ``skip_spans`` (the dates already found), in order."""
        out: list[Quantity] = []
        low = text.lower()
        self._doc = doc
        self._line_starts = _line_starts(text)
        self._active = self._active_ignores(low)
        skip_starts = [a for a, _ in skip_spans]
        resume = 0
        for core in self._cores(text, low):
            if core.start < resume:
                continue
            if skip_spans:
                i = bisect.bisect_right(skip_starts, core.end - 1) - 1
                if i >= 0 and skip_spans[i][1] > core.start:
                    continue
            q, end = self._build(text, low, core)
            if q is not None:
                out.append(q)
                resume = max(resume, end)
        return out

    def _build(self, text: str, low: str, core: _Core) -> tuple[Quantity | None, int]:
        """Read everything around one number; returns (Quantity or None, end offset consumed)."""
        s, e = core.start, core.end
        currency, start = self._currency_before(text, s)
        if currency is None and s > 0 and not core.is_word:
            prev = text[s - 1]
            if prev.isalpha() or prev == "_":
                return None, e  # "G20", "A380", "B2B": names, not quantities
            if prev == "-" and s > 1 and text[s - 2].isalpha():
                return None, e  # "Covid-19"
        if currency is None and self._ignored(low, s, e, self._active):
            return None, e
        if core.kind == "ordinal":
            v = core.number.value
            return self._q(s, e, text, "ordinal", v, v, v, None, "exact"), e
        if core.kind == "fraction" and not core.is_word:
            v = core.number.value
            return self._q(s, e, text, "fraction", v, v, v, None, "exact"), e
        number = core.number
        left = self._left(text, start)
        if left.negative and currency is None:
            currency, _ = self._currency_before(text, left.start + 1) if False else (None, 0)
        scale, pos = self._scale_after(text, e, True, currency is not None)
        kind = "fraction" if number.is_fraction else "count"
        unit: str | None = None
        k2, u2, cur2, pos2 = self._unit_after(text, pos, currency is not None, scale != 1.0)
        if k2 is not None:
            if k2 == "money" and cur2 is None:  # cents, pence
                kind, unit = "money", u2
            elif k2 == "money":
                currency = currency or cur2
                if scale == 1.0:  # "75 USD million"
                    scale, pos2 = self._scale_after(text, pos2, True, True)
            else:
                kind, unit = k2, u2
            pos = pos2
        if currency is not None and kind not in ("percent", "percentage_point"):
            kind, unit = "money", currency
        value = number.value * scale
        precision = number.precision * scale
        if left.negative:
            value = -value
        qualifier = left.qualifier
        span_start = left.start
        rng = self._range_after(text, low, e, pos, left.opener, kind, currency)
        if rng is not None:
            v2, p2, scale2, kind2, unit2, cur2, end2 = rng
            if scale == 1.0 and scale2 != 1.0:  # "between 3 and 4 billion": the scale serves both
                value *= scale2
                precision *= scale2
            v2 *= scale2 if scale2 != 1.0 else scale
            p2 *= scale2 if scale2 != 1.0 else scale
            if kind in ("count", "fraction") and unit is None and kind2 != "count":
                kind, unit = kind2, unit2
            if kind not in ("money",) and cur2:
                kind, unit = "money", cur2
            lo1, hi1 = rounding_interval(value, precision) if precision > 0 else (value, value)
            lo2, hi2 = rounding_interval(v2, p2) if p2 > 0 else (v2, v2)
            lo, hi = min(lo1, lo2), max(hi1, hi2)
            if qualifier == "approx":
                lo, hi = lo - abs(lo) * self.lex.approx_tolerance, hi + abs(hi) * self.lex.approx_tolerance
            if kind == "count" and unit is None:
                unit, _ = counted_noun(text, end2, v2)
            mid = (min(value, v2) + max(value, v2)) / 2
            return (self._q(span_start, end2, text, kind, tidy(mid), tidy(lo), tidy(hi), unit, "range",
                            left.direction), end2)
        if kind == "count":
            unit, _ = counted_noun(text, pos, value)
        if number.vague:
            lo, hi = value, value * 10
            qualifier = "approx"
        else:
            lo, hi = self._interval(value, precision, qualifier)
        end = pos
        while end > span_start and text[end - 1].isspace():
            end -= 1
        return (self._q(span_start, end, text, kind, tidy(value), None if lo is None else tidy(lo),
                        None if hi is None else tidy(hi), unit, qualifier, left.direction), end)

    def _q(self, s: int, e: int, text: str, kind: str, value: float | None, low: float | None, high: float | None,
           unit: str | None, qualifier: str, direction: str | None = None) -> Quantity:
        line = bisect.bisect_right(self._line_starts, s)
        return Quantity(s, e, text[s:e], kind, value, low, high, unit, qualifier, line, self._doc, direction)

    def _range_after(self, text: str, low: str, e: int, pos: int, opener: str | None, kind: str,
                     currency: str | None) -> tuple[float, float, float, str, str | None, str | None, int] | None:
        """The second half of a range after the first number ("-15%", "and 4 billion", "to $15bn")."""
        for at in ((pos, e) if pos != e else (pos,)):
            rs = _RANGE_SEP_RE.match(text, at)
            if not rs:
                continue
            sep = rs.group("sep").strip().lower()
            if sep == "and" and opener != "between":
                continue
            if sep in ("to", "through") and opener not in ("from", None):
                continue
            if sep == "or" and currency is None:
                continue
            j = rs.end()
            cur2 = None
            for sym in self._symbols_by_len:
                if text.startswith(sym, j):
                    cur2 = self.lex.currency_symbols[sym]
                    j += len(sym)
                    if j < len(text) and text[j] == " ":
                        j += 1
                    break
            core2 = self._core_at(text, low, j)
            if core2 is None:
                continue
            if core2.is_word and sep == "-":
                continue
            scale2, p2 = self._scale_after(text, core2.end, True, currency is not None or cur2 is not None)
            k2, u2, c2, p3 = self._unit_after(text, p2, currency is not None or cur2 is not None, scale2 != 1.0)
            kind2, unit2 = "count", None
            if k2 is not None:
                p2 = p3
                if k2 == "money" and c2:
                    cur2 = cur2 or c2
                else:
                    kind2, unit2 = k2, u2
            if cur2 and kind2 == "count":
                kind2, unit2 = "money", cur2
            if kind2 == "count" and currency and kind == "money":
                kind2, unit2 = "money", currency
            if kind not in ("count", "fraction") and kind2 != "count" and kind2 != kind:
                continue
            if kind in ("count", "fraction") and kind2 == "count" and opener is None and cur2 is None and currency is None:
                # "3-2" scores, "2012-13" seasons, "8 to 10" without a unit: too ambiguous to join
                continue
            return core2.number.value, core2.number.precision, scale2, kind2, unit2, cur2, p2
        return None

    def _core_at(self, text: str, low: str, j: int) -> _Core | None:
        m = DIGITS_RE.match(text, j)
        if m:
            raw = m.group(0).rstrip(".,")
            parsed = parse_digits(raw)
            return _Core(j, j + len(raw), parsed, False) if parsed else None
        wm = WORD_NUMBER_RE.match(low, j)
        if wm and wm.group(0) not in _WEAK_WORDS:
            parsed = parse_words(wm.group(0))
            if parsed is not None:
                return _Core(j, wm.end(), parsed, True)
        return None
