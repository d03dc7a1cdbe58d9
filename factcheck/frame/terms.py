"""Terms as claims: how long something named lasted or was imposed ("served four months in prison", "was
sentenced to 12 years", "a five-year ban", "the shaking lasted about 20 seconds").

Why a room of its own: a duration is, to the extractor, mostly the period of other figures ("in the past nine
months", "a three-year loan"), and durations are no claims. Only a duration that the grammar makes the length of
a term the lexicon names (``term_words`` of ``rules/lexicon/frames.yaml``) is read: as the object of a term verb
("served", "jailed for", "lasted") or as the modifier of a term noun ("a 12-year sentence"). Two reports of one
sentence that give it different lengths then meet; "a three-year contract" and "nine days after" never do.
"""
from __future__ import annotations

from typing import Sequence

from ..model import Aspect, Claim, Provenance, Quantity
from .attribution import modal_word
from .entities import clause_entities
from .lexicon import FrameLexicon
from .period import PeriodChoice
from .provenance import subject_facet
from .sentences import Token
from .words import verb_lemma

#: words that may stand between a term verb and its length ("sentenced to", "jailed for a further", "served
#: only", "lasted up to"); a hedge is inside the figure's own span already
_BETWEEN = frozenset({"to", "for", "a", "an", "the", "only", "just", "another", "further", "additional", "up",
                      "of", "nearly", "almost", "about", "around", "some", "roughly", "approximately", "over",
                      "than", "more", "less", "at", "least", "most"})
#: how many such words may stand between
_REACH = 4


def _term_before(lex: FrameLexicon, toks: Sequence[Token], idx_start: int) -> tuple[str, str] | None:
    """The term a verb before the duration names, and the verb as written: "served (only) four months"."""
    j = idx_start - 1
    skipped = 0
    while j >= 0 and toks[j].low in _BETWEEN and skipped < _REACH:
        j -= 1
        skipped += 1
    if j < 0 or not toks[j].low.isalpha():
        return None
    if j > 0 and toks[j - 1].low.isalpha():  # a phrasal verb: "the strike went on for three weeks"
        phrase = f"{verb_lemma(toks[j - 1].low)} {toks[j].low}"
        if phrase in lex.term_of:
            return lex.term_of[phrase], f"{toks[j - 1].text} {toks[j].text}"
    term = lex.term_of.get(toks[j].low) or lex.term_of.get(verb_lemma(toks[j].low))
    return (term, toks[j].text) if term else None


def _term_after(lex: FrameLexicon, toks: Sequence[Token], idx_end: int) -> tuple[str, str] | None:
    """The term a noun right after a duration used as an adjective names: "a 12-year (prison) sentence"."""
    for n in (2, 1):
        words = [t.low for t in toks[idx_end:idx_end + n]]
        if len(words) == n:
            phrase = " ".join(words)
            term = lex.term_of.get(phrase)
            if term:
                return term, " ".join(t.text for t in toks[idx_end:idx_end + n])
    return None


def _attributive(q: Quantity, text: str) -> bool:
    """'a 12-year sentence', 'a five-month ban': the duration is one hyphenated adjective."""
    words = q.text.strip()
    return "-" in words and not words.endswith(("s", "s.")) and text[q.end:q.end + 1] == " "


def term_claim(lex: FrameLexicon, q: Quantity, text: str, toks: list[Token], idx_start: int, idx_end: int,
               sentence: str, attribution: str | None, period: tuple[PeriodChoice, Provenance],
               said: tuple[Provenance, ...] = ()) -> Claim | None:
    """The claim "length of a term" for a duration the grammar makes one, or None (`term_words`)."""
    if q.value is None or q.low is None or q.high is None or (q.anchor or "").startswith(("last:", "next:")):
        return None  # "in the past nine months" is when other figures are, not a term
    found = _term_after(lex, toks, idx_end) if _attributive(q, text) else _term_before(lex, toks, idx_start)
    if found is None:
        return None
    term, word = found
    subject = clause_entities(lex, toks, idx_start, idx_end)
    if attribution:
        subject = tuple(s for s in subject if s not in attribution and attribution not in s)
    subject = tuple(sorted(set(subject)))
    when, period_prov = period
    modal = modal_word(lex, toks, idx_start)
    about = subject_facet(subject, [("clause", subject)])
    provenance = (Provenance("metric", term, f"term word '{word}'"), period_prov) + ((about,) if about else ()) + said
    if modal is not None:
        provenance += (Provenance("modality", lex.modality(modal), f"modal '{modal}'"),)
    return Claim(quantity=q, metric=term, subject=subject, period=when.period, period_source=when.source,
                 aspect=Aspect.LEVEL, attribution=attribution, sentence=" ".join(sentence.split()), rule="generic",
                 modality=lex.modality(modal), provenance=provenance)
