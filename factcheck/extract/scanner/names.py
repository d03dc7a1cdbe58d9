"""Numbers that are part of a name, a code or a label, not quantities: "G20", "Covid-19", "A380-800",
"ID.3", "1:36.6", "0401 GMT", "the Kick Six win", "787 Dreamliner", "the Big 12.", "49 Zorro Ranch Road",
"71st St", "the 90049 ZIP code".
"""
from __future__ import annotations

import re

from .dates import ERA_BEFORE_RE, ERA_RANGE_RE
from .hedges import HYPHEN_PREFIXES
from .nouns import STOP_WORDS
from .numbers import Core

#: A capitalised word after a number and then lower-case running text ("787 Dreamliner was").
_LABEL_NEXT_RE = re.compile(r"[ \u00a0](?P<w>[A-Z][a-z]{2,})(?=[.,;:]|[ \u00a0]+[a-z]|\Z)")
#: Words before a number that make what follows a count even when it is capitalised ("from 18 Kuomintang").
_STOP_BEFORE_LABEL = frozenset({"from", "to", "of", "by", "with", "and", "or", "than", "about", "some", "nearly"})
_NAME_ADJECTIVE_ENDINGS = ("ese", "ish", "ch", "an", "s", "i", "et", "ek")  # Japanese, Soviet, Iraqi, Greek
#: A capitalised word in running text right before a capitalised number word ("the Kick Six win").
_CAP_NAME_AROUND_RE = re.compile(r"[a-z,;:][ \u00a0]+[A-Z][a-z]+[ \u00a0]\Z")
#: A lower-case word after it: running text, not a title-case headline ("Sees Six Pct Rise").
_LOWER_WORD_AFTER_RE = re.compile(r"[ \u00a0]+[a-z]")
#: A name or a possessive right before a number ("Merck's 2018 sales", "Keytruda's 2018"), not the first
#: word of a sentence.
NAME_WORD_BEFORE_RE = re.compile(r"[a-z,;][ \u00a0]+[A-Z][A-Za-z]+(?:['’]s?)?[ \u00a0]\Z|[a-z]['’]s?[ \u00a0]\Z")
FOLD_STARTS = ("fold", "-fold")
CODE_AFTER_RE = re.compile(r" (?:gmt|utc|edt|est\)|zip code|postal code|area code|bce?|b\.c\.|a\.d\.)(?!\w)")
#: After a number: it is a clock time or a code ("1430 GMT", "the 90049 ZIP code").
_CODE_AFTER = (" gmt", " utc", " edt", " est)", " zip code", " postal code", " area code", " bc", " b.c.", " a.d.")
#: What `_build` looks for after a bare number in one test: "fold", a code, " on the ", " of ".
BARE_NEXT = FOLD_STARTS + _CODE_AFTER + (" on the ", " of ")
BARE_NEXT3 = frozenset(w[:3] for w in BARE_NEXT)


#: After a house number: capitalised words (or an ordinal) and a street word ("49 Zorro Ranch Road",
#: "9 E 71st St", "22 Ave Foch").
STREET_RE = re.compile(
    r"[ \u00a0](?:(?:[A-Z][A-Za-z]*\.?|\d+(?:st|nd|rd|th))[ \u00a0]){0,3}(?:St|Street|Road|Rd|Ave|Avenue|Way|Blvd|"
    r"Boulevard|Lane|Drive|Dr|Place|Court|Terrace|Parkway|Square)\b(?!['’])"
    r"|[ \u00a0](?:Ave|Avenue|Rue|Via|Calle)[ \u00a0][A-Z]")
#: A street after an ordinal: "71st St", "42nd Street".
STREET_AFTER_ORDINAL_RE = re.compile(r"[ \u00a0](?:St|Street|Ave|Avenue)\b")


def is_name_label(text: str, s: int, e: int) -> bool:
    """A bare integer that belongs to a name: "Boeing's own 787 Dreamliner", "the Big 12.".

    Called only when no unit, scale or counted noun follows. Two shapes, both in running (not
    title-case) text: a capitalised singular word follows the number and lower-case text follows
    that word ("787 Dreamliner was", "11 Pro and"); or a capitalised word in mid-sentence comes
    before it and the clause ends with it ("in the Big 12."). Nationalities and plurals after it
    ("400 Japanese", "20 Republicans") are people being counted; title-case headlines ("17 Missing
    Miners Found") and "12 Boeing 737 jets" are counts.
    """
    if not text[s:e].isdigit():
        return False
    k = s - 1
    if k < 1 or text[k] != " ":
        return False
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    prev = text[k:s - 1]
    if not prev.isalpha():
        return False
    if prev[0].islower() and not prev.islower():
        return True  # "iPhone 11", "eBay 5": a product's name in mixed case
    m = _LABEL_NEXT_RE.match(text, e)
    if m is not None:
        word = m.group("w").lower()
        return (prev[0].islower() and not word.endswith(_NAME_ADJECTIVE_ENDINGS) and word not in STOP_WORDS
                and prev.lower() not in _STOP_BEFORE_LABEL)
    if not prev[0].isupper() or prev.lower() in STOP_WORDS or (e < len(text) and text[e] not in ".,;:)"):
        return False
    j = k - 1
    while j > 0 and text[j - 1] == " ":
        j -= 1
    i = j
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return j > 0 and text[i:j].isalpha() and text[i].islower()


class NameReader:
    """Tells a number that is part of a name, a code or a label (a mixin of `Scanner`)."""

    def _not_a_quantity(self, text: str, low: str, core: Core, currency: str | None,
                        start: int) -> tuple[int, str | None, int, bool]:
        """Is the number of `core` part of a name or code ("G20", "Covid-19", "ID.3", "0401 GMT"), or inside an
        ignore pattern? Returns (the end to skip to, or -1 when it is a quantity, the currency and the start
        of the amount, whether a hyphen before it is a minus sign). A minus after a currency sign ("$-50.8bn")
        and a sign word glued with a hyphen ("minus-130") are read here too."""
        s, e = core.start, core.end
        hyphen_negative = False
        if currency is None and s > 0 and not core.is_word:
            prev = text[s - 1]
            if prev.isalpha() or prev == "_":
                return e, currency, start, hyphen_negative  # "G20", "A380", "B2B": names, not quantities
            if prev == "-" and s > 1 and text[s - 2] in self._currency_last_chars and not text[s - 2].isalpha():
                cur, cur_start = self._currency_before(text, s - 1)
                if cur is not None:  # "$-50.8bn": a sign, then a minus
                    currency, start, hyphen_negative = cur, cur_start, True
            elif prev == "-" and s > 1 and text[s - 2].isalpha():
                k = s - 1
                while k > 0 and s - 1 - k < 12 and text[k - 1].isalpha():
                    k -= 1
                how = HYPHEN_PREFIXES.get(text[k:s - 1].lower())
                if how is None:
                    return e, currency, start, hyphen_negative  # "Covid-19"
                if how == "neg":  # "minus-130 degrees"
                    hyphen_negative = True
                    start = k
            elif prev == "-" and s > 1 and text[s - 2].isdigit():
                k = s - 2
                while k > 0 and s - 2 - k < 12 and text[k - 1].isalnum():
                    k -= 1
                if any(c.isalpha() for c in text[k:s - 1]):
                    return e, currency, start, hyphen_negative  # "scp2-173m", "A380-800": part of a code
                if k > 1 and text[k - 1] == " " and self._ignored(low, k, s - 1):
                    return e, currency, start, hyphen_negative  # "ISO 3888-2": the rest of a label
            elif prev == "." and s > 1 and text[s - 2].isalpha():
                return e, currency, start, hyphen_negative  # "ID.3", "No.5"
            elif prev == ":" and s > 1 and text[s - 2].isdigit():
                return e, currency, start, hyphen_negative  # "1:36.6", clock times and scores
            elif prev == " " and s > 2 and text[s - 2] in ".D" and ERA_BEFORE_RE.search(text, max(0, s - 7), s):
                em = ERA_RANGE_RE.match(text, e)  # "A.D. 1000 and 1260": years of an era
                return (em.end() if em is not None else e), currency, start, hyphen_negative
            elif (prev == "(" and s > 2 and text[e:e + 1] == ")" and text[s - 3].isalpha() and e - s <= 2
                  and _LOWER_WORD_AFTER_RE.match(text, e + 1)
                  and _CAP_NAME_AROUND_RE.search(text, max(0, s - 30), s - 1)):
                return e + 1, currency, start, hyphen_negative  # "Dak Prescott (4) celebrates": a shirt number
            if text[s] == "0" and e - s > 1 and text[s + 1].isdigit() and text[s:e].strip("0"):
                # "0401 GMT", "007": a leading zero makes a code or a clock time
                return e, currency, start, hyphen_negative
        elif (core.is_word and text[s].isupper() and s > 3 and text[s - 1] == " " and text[s - 2].islower()
              and _CAP_NAME_AROUND_RE.search(text, max(0, s - 30), s) and _LOWER_WORD_AFTER_RE.match(text, e)):
            # "the Kick Six win", "the Big Ten title": a capitalised number word in a name
            return e, currency, start, hyphen_negative
        if currency is None and self._ignored(low, s, e):
            return e, currency, start, hyphen_negative
        return -1, currency, start, hyphen_negative
