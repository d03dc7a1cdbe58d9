"""Numbers that are times: years ("in 2024", "Merck's 2018 sales"), decades ("the 1990s", "her 30s"),
eras ("A.D. 1000"), the last day of a range of days ("Oct. 18-22") and ages ("Maddon, 66,", "aged 18 to
34", "who was 10."). The dates themselves are read by the temporal scanner (``extract/temporal.py``); this
is what the quantity scanner must know of time so as not to count it.
"""
from __future__ import annotations

import re

from ...model import Quantity
from ..numbers import ParsedNumber, tidy

#: After an age set off by commas: ", has", ", who", ", said".
_AGE_APPOSITIVE_RE = re.compile(r",[ \u00a0]+[a-z]")
#: A person's name (a capitalised word, not a month or weekday) right before ", 66,".
_NAME_BEFORE_RE = re.compile(
    r"(?<![\w.])(?!(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)"
    r"[A-Z][a-z]+(?:[ \u00a0][A-Z][a-z]+)?\Z")
#: "aged 87", "age 87" right before the number.
_AGE_WORD_RE = re.compile(r"\bage[d]?[ \u00a0]\Z")
#: Words before a year ("for 2024 totals"): the temporal scanner's business, not a count.
YEAR_PREPOSITIONS = (" in", " for", " since", " by", " until", " before", " after", " during", " of")
#: The words before a glued "s" that make "90s" a decade or an age bracket, not ninety seconds.
_DECADE_BEFORE = frozenset({"the", "his", "her", "their", "its", "our", "my", "your", "early", "mid", "late",
                            "mid-"})
#: "aged", "ages", "age" right before a number.
_AGE_WORDS_BEFORE_RE = re.compile(r"\bage[ds]?[ \u00a0]\Z")
#: The oldest age of a range of ages: "aged 18 to 34", "aged 25-54".
_AGE_RANGE_RE = re.compile(r"[ \u00a0]*(?:-|–|to)[ \u00a0]*(?P<hi>\d{1,3})(?![\d.,]\d|[%\w])")
#: An era before a number makes it a year: "A.D. 1000" (one after it is in `names.CODE_AFTER`).
ERA_BEFORE_RE = re.compile(r"(?:\bA\.D\.|\bAD|\bB\.C\.|\bC\.E\.)[ \u00a0]\Z")
#: The other end of a range of years of an era: "A.D. 1000 and 1260".
ERA_RANGE_RE = re.compile(r"[ \u00a0]*(?:-|–|to|and)[ \u00a0]*\d{1,4}\b"
                          r"(?:[ \u00a0](?:B\.C\.|BC|BCE|A\.D\.|AD|C\.E\.|CE)\b)?")
#: A first and a last name right before a number ("Nick Hague 44"), not a month or weekday.
_FULL_NAME_BEFORE_RE = re.compile(
    r"(?<![\w.])(?!(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z]+[ \u00a0][A-Z][a-z]+[ \u00a0]\Z")
#: What a person's age is followed by when the commas around it are left out: "Nick Hague 44 has spent".
_AGE_VERB_AFTER_RE = re.compile(r"[ \u00a0]+(?:has|had|is|was|said|says|told|who|will|would|joined|died|became|"
                                r"added|and[ \u00a0]+(?:his|her))\b")
#: A person and "is", "was", "will be", "turned" right before a number: "who was 10", "he will be 35".
_AGE_BE_RE = re.compile(r"\b(?:he|she|who|i)[ \u00a0]+(?:is|was|will[ \u00a0]+be|would[ \u00a0]+be|turns|turned|"
                        r"will[ \u00a0]+turn|is[ \u00a0]+now|was[ \u00a0]+only|was[ \u00a0]+just)[ \u00a0]+\Z")
#: The last words `_AGE_BE_RE` can end with, as a cheap test before it.
_AGE_BE_LAST = (" is ", " was ", " be ", " turns ", " turned ", " turn ", " now ", " only ", " just ")
#: After the age of "who was 10": the end of the clause or a word that starts another phrase.
_AGE_BE_AFTER_RE = re.compile(r"[ \u00a0]*(?:[.!?;,)\n]|$)|[ \u00a0]+(?:by|when|at|in|and|but|with|on|years)\b")


def _bare_age(text: str, low: str, start: int, end: int, value: float) -> bool:
    """A person's age written without the commas or the word "aged": "Nick Hague 44 has spent" (a
    full name before, a verb after), "who was 10.", "he will be 35 by then" (a person and "is" or
    "was" before, nothing counted after)."""
    if start >= 8 and low.endswith(_AGE_BE_LAST, 0, start) and _AGE_BE_RE.search(low, max(0, start - 24), start):
        return _AGE_BE_AFTER_RE.match(low, end) is not None
    return (15 <= value <= 110 and text[start - 2].islower() and _AGE_VERB_AFTER_RE.match(low, end) is not None
            and _FULL_NAME_BEFORE_RE.search(text, max(0, start - 40), start) is not None)


#: What joins the first and the last day of a range of days ("Oct. 18-22", "March 3 to 5").
DAY_RANGE_JOINS = frozenset({"-", "–", " - ", " – ", " to ", " through "})


def is_decade(text: str, low: str, s: int, e: int, number: ParsedNumber) -> bool:
    """"1990s", "2018s", "the 90s", "in her 30s": a glued "s" that is not seconds."""
    if e < len(text) - 1 and (text[e + 1].isalnum() or text[e + 1] == "'"):
        return False
    value = number.value
    if number.precision != 1.0:
        return False
    if e - s == 4:
        return 1000 <= value <= 2100
    if value % 10:
        return False
    prev = low[max(0, s - 8):s].split()
    return bool(prev) and (prev[-1] in _DECADE_BEFORE or (s > 0 and text[s - 1] in "'’"))


class AgeReader:
    """Reads a person's age, a duration in years (a mixin of `Scanner`)."""

    def _age_at(self, text: str, low: str, span_start: int, e: int, value: float,
                direction: str | None) -> tuple[Quantity, int] | None:
        """A bare whole number read as an age: "Maddon, 66, has used", "a man aged 87", "aged 18 to 34",
        "Nick Hague 44 has spent", "who was 10."; (the duration, its end) or None."""
        if ((text.startswith(", ", span_start - 2) and _AGE_APPOSITIVE_RE.match(text, e)
             and _NAME_BEFORE_RE.search(text, max(0, span_start - 30), span_start - 2))
                or ((low.startswith("age ", span_start - 4) or low.startswith("aged ", span_start - 5))
                    and _AGE_WORD_RE.search(low, max(0, span_start - 6), span_start))):
            # "Maddon, 66, has used", "a man aged 87": an age in years
            am = _AGE_RANGE_RE.match(text, e)
            if am is not None and value < int(am.group("hi")) <= 120:  # "aged 18 to 34"
                hi = float(am.group("hi"))
                return (self._q(span_start, am.end(), text, "duration", tidy((value + hi) / 2), tidy(value),
                                tidy(hi), "year", "range", direction), am.end())
            return (self._q(span_start, e, text, "duration", tidy(value), tidy(value), tidy(value),
                            "year", "exact", direction), e)
        if text[span_start - 1] == " " and _bare_age(text, low, span_start, e, value):
            # "Nick Hague 44 has spent", "who was 10.", "He will be 35 by then": the commas left out
            return (self._q(span_start, e, text, "duration", tidy(value), tidy(value), tidy(value),
                            "year", "exact", direction), e)
        return None

    def _age_range_at(self, text: str, low: str, span_start: int, e: int, value: float,
                      direction: str | None) -> tuple[Quantity, int] | None:
        """"aged 25-54": two bare numbers joined by a hyphen after "aged" are a range of ages; (the duration,
        its end) or None."""
        am = _AGE_RANGE_RE.match(text, e)
        if (am is not None and _AGE_WORDS_BEFORE_RE.search(low, max(0, span_start - 6), span_start)
                and value < int(am.group("hi")) <= 120):  # "aged 25-54": a range of ages
            hi = float(am.group("hi"))
            return (self._q(span_start, am.end(), text, "duration", tidy((value + hi) / 2), tidy(value),
                            tidy(hi), "year", "range", direction), am.end())
        return None
