"""Ages as claims: "Mara Quill, 36, won", "Quill is 34 years old", "the 40-year-old Quill", "Quill, aged 52",
"Quill died in 2019 at the age of 58".

Why a room of its own: an age is a duration to the extractor, and durations are no claims. Only an age that the
sentence's grammar pins to one name is read (an apposition, "NAME is N years old", "N-year-old NAME"), so the
ages of two people, or an age nobody owns ("a 34-year-old man"), never meet.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Aspect, Claim, Provenance, Quantity
from .lexicon import FrameLexicon
from .period import PeriodChoice

#: a name of one to four capitalised words (joined by "of"/"de" and the like inside)
_NAME = r"([A-Z][\w'’.-]+(?:\s+(?:(?:of|de|da|van|von|del|la|al|bin|ibn)\s+)?[A-Z][\w'’.-]+){0,3})"
#: "Mara Quill, 36," / "Mara Quill (36)" / "Mara Quill, aged 36" / "Mara Quill, who is 36": the name just before
_APPOSED = re.compile(_NAME + r"(?:,\s*(?:aged\s+|age\s+|who\s+is\s+|who\s+was\s+)?|\s+\(\s*(?:aged\s+)?)\Z")
#: what must follow an apposed age: its closing comma or bracket, or the sentence's end
_APPOSED_END = re.compile(r"\s*(?:[,)]|\.(?!\d)|;|$| and\b)")
#: "Mara Quill is 34 years old", "Quill turned 60": a name, then its verb of age
_COPULA = re.compile(_NAME + r"\s+(?:is|was|turned|turns|will\s+be)\s+\Z")
#: "at the age of 58", "aged 61": a bare number that the words before make an age
AGE_WORDS = re.compile(r"\b(?:at\s+the\s+age\s+of|aged|at\s+age)\s+\Z", re.IGNORECASE)
#: the name a sentence opens with, followed by its verb ("Mara Quill died in 2019 aged 61")
_OPENING = re.compile(r"\s*" + _NAME + r"\s+[a-z]")
#: "the 40-year-old Mara Quill", "40-year-old driver Mara Quill": the name just after
_FOLLOWED = re.compile(r"\s+(?:[a-z]+\s+){0,2}?" + _NAME)


def _owner(lex: FrameLexicon, name: str) -> str | None:
    """The name, unless it is a word that names no one ("He", "Monday", "The")."""
    first = name.split()[0].lower().rstrip(".")
    return None if first in lex.not_names or len(name) < 2 else name.removesuffix("'s").removesuffix("’s")


def age_owner(lex: FrameLexicon, q: Quantity, text: str, sentence: str = "") -> tuple[str, str] | None:
    """The name whose age the duration ``q`` is, and how the sentence says so; None when it is no age of a
    named one. A bare number is an age only after "at the age of" or "aged": then the name apposed to it, or
    the one its ``sentence`` opens with ("Mara Quill died in 2019 at the age of 58")."""
    if q.value is None or not 0 < q.value < 130:
        return None
    before = text[max(0, q.start - 80):q.start]
    m = AGE_WORDS.search(before)
    if (q.kind == "count" and not q.unit) or (m is not None and q.unit == "year" and q.text.strip().isdigit()):
        if m is None:
            return None
        apposed = _APPOSED.search(before)  # "Jon Vale, aged 64,"
        if apposed:
            name = _owner(lex, apposed.group(1))
            return (name, "the name before an apposed age") if name else None
        m = _OPENING.match(sentence)
        name = _owner(lex, m.group(1)) if m else None
        return (name, "the name the sentence opens with, 'at the age of N'") if name else None
    if q.unit != "year":
        return None
    words = q.text.strip().lower()
    old = words.endswith("old")
    if words.endswith("year-old") or words.endswith("years-old"):
        m = _FOLLOWED.match(text, q.end, min(len(text), q.end + 60))
        name = _owner(lex, m.group(1)) if m else None
        return (name, "the name after 'N-year-old'") if name else None
    m = _COPULA.search(before)
    if m and old:
        name = _owner(lex, m.group(1))
        return (name, "'NAME is N years old'") if name else None
    m = _APPOSED.search(before)
    if m and (old or _APPOSED_END.match(text, q.end)):
        name = _owner(lex, m.group(1))
        return (name, "the name before an apposed age") if name else None
    return None


def age_claim(lex: FrameLexicon, q: Quantity, text: str, sentence: str, attribution: str | None,
              period: tuple[PeriodChoice, Provenance], said: tuple[Provenance, ...] = ()) -> Claim | None:
    """The claim "age of NAME" for an age the sentence pins to a name, or None. ``period`` is the
    (`PeriodChoice`, its provenance) of the figure, as for any other claim: an age holds at a time."""
    found = age_owner(lex, q, text, sentence)
    if found is None:
        return None
    name, how = found
    if q.kind == "count":  # "at the age of 58": years, as "aged 61" and "58-year-old" are
        q = replace(q, kind="duration", unit="year")
    when, period_prov = period
    return Claim(quantity=q, metric="age", subject=(name,), period=when.period, period_source=when.source,
                 aspect=Aspect.LEVEL, attribution=attribution, sentence=" ".join(sentence.split()), rule="generic",
                 provenance=(Provenance("metric", "age", how), period_prov, Provenance("subject", name, how)) + said)
