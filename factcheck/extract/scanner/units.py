"""Units and scales after a number: "5 km", "20 (kg)", "3 pct", "2.6 billion", "5m", "40-mln", "$5 a share",
"5 feet 2 inches", "7 on the Mohs scale".

Why dictionary look-ups: a pattern with hundreds of unit alternatives costs far more than looking up the
next one to four words, memoised on those words (see `UnitReader._unit_after`).
"""
from __future__ import annotations

import re

from ..lexicon import Lexicon
from .nouns import counted_noun, of_noun
from .numbers import JOIN_RE, core_at

_TOKEN_RE = re.compile(r"[^\s\d(][^\s(]{0,39}(?:[ \u00a0][^\s\d(][^\s(]{0,39}){0,3}")
#: The first token of a _TOKEN_RE match.
_FIRST_TOKEN_RE = re.compile(r"[^\s\d(][^\s(]{0,39}")
#: Closing punctuation that may follow a unit word ("5 km.", "10%)").
_SUFFIX_STRIP = ".,;:!?)\"'’”="  # "=": a Reuters rate code ("108.79 JPY=")
_DIGIT_OR_HYPHEN_RE = re.compile(r"[\d²³¹⁰⁴⁵⁶⁷⁸⁹\-/,]")
#: Brackets a unit may be written in after a number: "20 (kg)", "20 [kg]".
#: A reference mark right after a number: "[1]", "[12]", "[a]", "[note 3]".
_CITATION_RE = re.compile(r"\[(?:\d{1,3}|[a-z]|note \d{1,3})\]")
_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}
#: "per barrel", "a month", "/day": what opens the denominator of a rate.
_RATE_RE = re.compile(r"(?:[ \u00a0]*/[ \u00a0]*|(?:[ \u00a0]+|-)(?:per|a|an|every|each)[ \u00a0-])"
                      r"(?P<w>[A-Za-z][A-Za-z.²³23]*(?:[ \u00a0][A-Za-z]+)?)")
#: Denominators a hyphenated rate may have: "barrel-a-day", "£24 a-year".
_TIME_RATES = frozenset({"day", "week", "month", "year", "hour", "minute", "second"})
#: After "a year", "a month": these make it a time ("a year earlier"), not a rate ("a year").
_TIME_AFTER_RE = re.compile(r"[ \u00a0]+(?:earlier|ago|before|later|previously|prior|back|on|after)\b", re.IGNORECASE)
#: The smaller unit that may follow a measure, and its size in the larger one: "5 feet 2 inches".
COMPOUND_NEXT = {"foot": ("inch", 1 / 12), "pound": ("ounce", 1 / 16), "hour": ("minute", 1 / 60),
                 "minute": ("second", 1 / 60), "stone": ("pound", 1 / 14), "meter": ("centimeter", 0.01),
                 "kilogram": ("gram", 0.001), "mile": ("yard", 1 / 1760), "yard": ("foot", 1 / 3)}
_INCH_RE = re.compile(r"[ \u00a0]*(?:in\b\.?|\"|″|'')")
#: Between a share and the unit it is a share of: "1/16 of a pint", "half a mile", "a third of a US cup".
OF_A_UNIT_RE = re.compile(r"[ \u00a0]+(?:of[ \u00a0]+)?an?[ \u00a0]+(?:(?:us|u\.s\.|uk|imperial|metric)[ \u00a0]+)?")
#: " on the GPa scale": the unit a number is read on.
_ON_SCALE_RE = re.compile(r" on the (?P<u>[^\W\d][^\s]{0,15}) scale\b")


def _millions_counted(text: str, num_end: int, after: int) -> bool:
    """"2.7m viewers", "5m people": a glued "m" before a plural noun is millions, not metres.

    Whole numbers after "the" or "a" stay metres ("the 100m hurdles", "a 5m wall").
    """
    if counted_noun(text, after, 2.0)[0] is None and not (text.startswith(" of ", after)
                                                          and of_noun(text, after + 3) is not None):
        return False  # "2.7m viewers", "35m of its devices" are millions
    k = num_end
    while k > 0 and (text[k - 1].isdigit() or text[k - 1] in ",."):
        k -= 1
    if "." in text[k:num_end]:
        return True
    prev = text[max(0, k - 5):k].split()
    return not prev or prev[-1].lower() not in ("the", "a", "an")


class _FirstWordWords(dict):
    """first word -> most words of a phrase starting with it, cased or lower-cased (filled lazily)."""

    def __init__(self, cased: dict[str, int], lowered: dict[str, int]) -> None:
        super().__init__()
        self._cased = cased
        self._lowered = lowered

    def __missing__(self, word: str) -> int:
        n = max(self._cased.get(word, 1), self._lowered.get(word.lower(), 1))
        if len(self) > 50_000:
            self.clear()
        self[word] = n
        return n


class UnitReader:
    """Reads the scale, unit, rate or currency code after a number (a mixin of `Scanner`)."""

    def _init_units(self, lexicon: Lexicon) -> None:
        self._suffix_firsts = frozenset(k.split()[0].lower() for k in (*lexicon.suffix_plain, *lexicon.suffix_cased)
                                        if k.split())
        self._scale_firsts = frozenset(w[:1].casefold() for w in (*lexicon.scale_words, *lexicon.scale_attached))
        # The cheap test before the scale pattern: the (at most) three-letter starts of the scale words
        # of two letters or more, and the one-letter ones (which must end a word).
        scale_all = [w.casefold() for w in (*lexicon.scale_words, *lexicon.scale_attached)]
        self._scale_pre3 = frozenset(w[:3] for w in scale_all if len(w) > 2)
        self._scale_pre2 = frozenset(w for w in scale_all if len(w) == 2)
        self._scale_letters = frozenset(w for w in scale_all if len(w) == 1)
        # Per first word of a unit, percent or currency phrase: the most words such a phrase has.
        unit_words: dict[str, int] = {}
        for key in lexicon.suffix_cased:
            w = key.split()
            if w and len(w) > unit_words.get(w[0], 1):
                unit_words[w[0]] = len(w)
        lowered = {}
        for key in lexicon.suffix_plain:
            w = key.split()
            if w and len(w) > lowered.get(w[0], 1):
                lowered[w[0]] = len(w)
        self._unit_words = _FirstWordWords(unit_words, lowered)
        #: `_unit_seg` results by the flags (glued, hyphen, money, scaled) as bits, then by the words
        self._unit_memo: list[dict[str, tuple]] = [{} for _ in range(16)]
        #: a scale hidden in a currency code ("120 MEUR"): 1e6 after reading one, else 1 (see `_unit_after`)
        self._mscale = 1.0

    def _scale_after(self, text: str, pos: int, glued_ok: bool, money: bool) -> tuple[float, int]:
        """A scale word or suffix at ``pos`` ("billion", "bn", "m" after money): (factor, new pos)."""
        lex = self.lex
        low = self._low
        n = len(low)
        if pos >= n:
            return 1.0, pos
        c = low[pos]
        q = pos + 1 if c == " " or c == "\u00a0" or c == "-" else pos
        if q >= n or low[q] not in self._scale_firsts:
            return 1.0, pos  # no scale word or suffix starts with this letter ("pct", "dlrs", ",")
        t = low[q:q + 3]
        if not (t in self._scale_pre3 or t[:2] in self._scale_pre2
                or (t[0] in self._scale_letters and not (t[1:2].isalnum() or t[1:2] == "_"))):
            return 1.0, pos  # no scale word or suffix starts here ("to", "the", "march")
        scale_re = lex.scale_re_ascii if self._ascii and lex.scale_re_ascii is not None else lex.scale_re
        sc = scale_re.match(text, pos)
        if not sc or (sc.group("sp") == "-" and not sc.group("word")):
            return 1.0, pos  # "40-mln dlr" is a scale; "10-K" is a form
        if sc.group("word"):
            word = sc.group("word").lower()
            if word == "b" and (sc.group("sp") or not money) and not (
                    sc.group("word") == "B" and sc.group("sp") and self._lead_value(text, pos) < 1000
                    and counted_noun(text, sc.end(), 2.0)[0] is not None):
                return 1.0, pos  # "8 B people" is billions
            factor, pos = lex.scale_words[word], sc.end()
        else:
            att = sc.group("att")
            glued = not sc.group("sp")
            if att not in lex.scale_attached:
                return 1.0, pos  # the pattern ignores case, the suffixes do not: "€ 0t" is no trillion
            if money and (glued or att in ("m", "M", "k", "K", "B", "T")):
                pass
            elif att == "M" or (att == "K" and glued):
                pass
            elif not glued and att in ("k", "K") and counted_noun(text, sc.end(), 2.0)[0] is not None:
                pass  # "2.33 k units": a spaced scale letter before what is counted
            elif att in ("m", "k") and glued:
                # "5m" is metres unless money or a spelt-out unit follows ("12m tonnes", "5m euros")
                kind, _unit, _cur, after = self._unit_after(text, sc.end(), False, True)
                named = kind == "money" or (kind == "measure" and len(text[sc.end():after].strip(" -")) > 2)
                if not named and att == "m" and not _millions_counted(text, pos, sc.end()):
                    return 1.0, pos
            else:
                return 1.0, pos
            factor, pos = lex.scale_attached[att], sc.end()
        sc2 = scale_re.match(text, pos)  # "3.3 thousand million"
        if sc2 and sc2.group("word") and sc2.group("word").lower() not in ("b",):
            factor *= lex.scale_words[sc2.group("word").lower()]
            pos = sc2.end()
        return factor, pos

    @staticmethod
    def _lead_value(text: str, end: int) -> float:
        """The plain number that ends at ``end`` (digits, commas and a point), or infinity."""
        k = end
        while k > 0 and (text[k - 1].isdigit() or text[k - 1] in ",."):
            k -= 1
        try:
            return float(text[k:end].replace(",", ""))
        except ValueError:
            return float("inf")

    def _unit_after(self, text: str, pos: int, money: bool, scaled: bool) -> tuple[str | None, str | None, str | None, int]:
        """Percent, currency or unit at ``pos``: (kind, unit, currency, new pos).

        Dictionary look-ups of the next one to four tokens, longest first: far cheaper than one
        regular expression with hundreds of alternatives. A scale hidden in a code ("120 MEUR") is
        reported through ``self._mscale``.
        """
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
        if p < n and text[p] == "[" and not hyphen:
            cm = _CITATION_RE.match(text, p)
            if cm is not None:  # "1,342[1] km": a reference mark between the number and its unit
                end = cm.end()
                while True:  # more marks ("[1][2]", "[1] [2]"): all skipped here, as one call deeper each
                    q = end  # went past the recursion limit on a line of marks
                    if q < n and text[q] in " \u00a0":
                        q += 1
                        if q < n and text[q] == " ":
                            q += 1
                    cm = _CITATION_RE.match(text, q) if q < n and text[q] == "[" else None
                    if cm is None:
                        break
                    end = cm.end()
                kind, unit, currency, after = self._unit_after(text, end, money, scaled)
                return (kind, unit, currency, after) if kind is not None else (None, None, None, pos)
        if p < n and text[p] in _BRACKETS and not hyphen:
            return self._bracket_unit(text, p, money, scaled, pos)
        token = _FIRST_TOKEN_RE.match(text, p)
        if not token:
            return None, None, None, pos
        seg = token.group(0)
        # The answer depends only on as many words as the longest unit starting with the first word
        # has ("dlrs", "pct", "cubic feet"): memoised on those words, it is one look-up per number.
        # Most first words start no multi-word unit: then the first token alone is the key.
        k = self._unit_words[seg]
        if k > 1:
            seg = _TOKEN_RE.match(text, p).group(0)  # type: ignore[union-attr]  # the first token matched
            parts = seg.split()
            if len(parts) > k:
                seg = seg[: sum(map(len, parts[:k])) + k - 1]
        # one memo per combination of the four flags: the key is then the words alone
        memo = self._unit_memo[glued | hyphen << 1 | money << 2 | scaled << 3]
        hit = memo.get(seg)
        if hit is None:
            hit = memo[seg] = self._unit_seg(seg, glued, hyphen, money, scaled)
            if len(memo) > 50_000:
                memo.clear()
        if hit[3] < 0:
            return None, None, None, pos
        if hit[4]:
            self._mscale = 1e6
        return hit[0], hit[1], hit[2], p + hit[3]

    def _bracket_unit(self, text: str, p: int, money: bool, scaled: bool,
                      pos: int) -> tuple[str | None, str | None, str | None, int]:
        """A unit alone in brackets after the number: "20 (kg)", "20 [kg]", "5 (km)"."""
        close = text.find(_BRACKETS[text[p]], p + 1, p + 16)
        if close < 0:
            return None, None, None, pos
        inner = text[p + 1:close]
        if len(inner) < 2 or inner != inner.strip() or not inner[0].isalpha():
            return None, None, None, pos  # "(m)" in a table is millions as often as meters
        hit = self._unit_seg(inner, True, False, money, scaled)
        if hit[3] != len(inner) or hit[0] != "measure" or hit[4]:
            return None, None, None, pos
        return hit[0], hit[1], hit[2], close + 1

    def _unit_seg(self, seg: str, glued: bool, hyphen: bool, money: bool,
                  scaled: bool) -> tuple[str | None, str | None, str | None, int, bool]:
        """`_unit_after` on the tokens `seg`: (kind, unit, currency, end in seg or -1, code has a scale)."""
        saved = self._mscale
        self._mscale = 1.0
        try:
            hit = self._lookup(seg, 0, glued, hyphen, money, scaled)
            if hit is None:
                # "USD50", "m212", "percent-owned": try the letters alone
                first = seg.split(None, 1)[0]
                cm = _DIGIT_OR_HYPHEN_RE.search(first, 1)
                cut = 0 if first[0].isdigit() else cm.start() if cm else len(first)
                if 0 < cut < len(first):
                    if first[cut].isdigit() or (first[cut] == "-" and first[cut + 1:cut + 2].isdigit()):
                        return None, None, None, -1, False  # "24703m212", "USD50 cards", "L-202": codes
                    hit = self._lookup(first[:cut], 0, glued, hyphen, money, scaled)
            if hit is None:
                return None, None, None, -1, False
            return hit[0], hit[1], hit[2], hit[3], self._mscale != 1.0
        finally:
            self._mscale = saved

    def _lookup(self, seg: str, p: int, glued: bool, hyphen: bool, money: bool,
                scaled: bool) -> tuple[str | None, str | None, str | None, int] | None:
        parts = seg.split()
        first = parts[0]
        firsts = self._suffix_firsts
        if first.lower() not in firsts and first.rstrip(_SUFFIX_STRIP).lower() not in firsts:
            return None  # no percent sign, currency or unit begins with this word: the common case
        lex = self.lex
        for k in range(min(4, len(parts)), 0, -1):
            phrase = " ".join(parts[:k]) if k > 1 else parts[0]
            stripped = phrase.rstrip(_SUFFIX_STRIP)
            for cand in ((phrase, stripped) if stripped != phrase else (phrase,)):
                if not cand:
                    continue
                hit = lex.suffix_cased.get(cand) or lex.suffix_plain.get(cand.lower())
                if hit is None:
                    continue
                category, payload, attached_only = hit
                if attached_only and not glued and not hyphen:
                    continue
                if k == 1:
                    end = p + len(cand)
                else:
                    end = p + seg.index(parts[k - 1]) + len(parts[k - 1]) - (len(phrase) - len(cand))
                if category == "pp":
                    return "percentage_point", payload, None, end
                if category == "pct":
                    return "percent", "percent", None, end
                if category == "code":
                    return "money", payload, payload, end
                if category == "mcode":
                    self._mscale = 1e6
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
        return None

    def _compound_measure(self, text: str, low: str, pos: int, value: float, precision: float,
                          unit: str) -> tuple[float, float, int]:
        """"5 feet 2 inches", "5 ft 2 in", "3 hours 20 minutes": the smaller part adds, in the first unit."""
        jm = JOIN_RE.match(text, pos)
        if not jm:
            return value, precision, pos
        c2 = core_at(text, low, jm.end())
        if c2 is None or c2.number.is_fraction:
            return value, precision, pos
        small, factor = COMPOUND_NEXT[unit]
        k3, u3, _, p3 = self._unit_after(text, c2.end, False, False)
        if k3 != "measure" or u3 != small:
            m = _INCH_RE.match(text, c2.end) if small == "inch" else None
            if m is None:
                return value, precision, pos
            p3 = m.end()
        return value + c2.number.value * factor, c2.number.precision * factor, p3

    def _on_scale(self, text: str, pos: int) -> str | None:
        """" on the GPa scale", " on the Celsius scale": the unit a number is read on, or None."""
        m = _ON_SCALE_RE.match(text, pos)
        if m is None:
            return None
        k, u, _c, end = self._unit_after(text, m.start("u") - 1, False, False)
        return u if k == "measure" and end == m.end("u") else None

    def _rate(self, text: str, pos: int) -> tuple[str, int] | None:
        """"per barrel", "a month", "/day" after an amount: (denominator, end)."""
        m = _RATE_RE.match(text, pos)
        if m is None:
            return None
        if "-" in text[m.start():m.start("w")] and m.group("w").split()[0].lower().rstrip(".,;:") not in _TIME_RATES:
            return None  # "barrel-a-day", "£24 a-year"; but "a 12-cent-a-share dividend" is in cents
        w = m.group("w")
        opener = text[m.start():m.start("w")].strip().lower()
        lex = self.lex
        for cand in (w, w.split()[0]) if " " in w or "\u00a0" in w else (w,):
            c = cand.rstrip(".,;:")
            if not c or (opener in ("a", "an") and len(c) < 3) or (opener == "per" and c.lower() == "cent"):
                continue
            hit = lex.suffix_cased.get(c) or lex.suffix_plain.get(c.lower())
            if hit is not None and hit[0] == "unit":
                return hit[1], m.start("w") + len(c)
            lw = c.lower()
            if opener in ("a", "an") and _TIME_AFTER_RE.match(text, m.start("w") + len(c)):
                return None  # "$1.17 billion a year earlier": when, not per what
            if lw in lex.rate_words:
                return lw, m.start("w") + len(c)
            if lw.endswith("s") and lw[:-1] in lex.rate_words and opener not in ("a", "an"):
                return lw[:-1], m.start("w") + len(c)
        return None
