"""Dates as claims: when something named happened ("Liu Zhi died in 1972"), a life's span in brackets
("Karl Weyprecht (8 September 1838 – 2 March 1881)"), and a labelled range ("Production: 1993 – 2002")."""
from __future__ import annotations

import datetime as dt
import re
from typing import Sequence

from ..model import Aspect, Claim, Provenance, Quantity
from .attribution import modal_word
from .entities import clause_entities, entities
from .lexicon import FrameLexicon
from .phrases import noun_phrase_before
from .provenance import subject_facet
from .sentences import Token
from .words import lemma_phrase, verb_lemma

_ORDINAL_RE = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                         r"tenth|last|latest|previous|next|inaugural|original)\b", re.IGNORECASE)
_DASHES = ("–", "-", "—")


def span_days(q: Quantity) -> int:
    """How many days a date mention covers (0 when it is not resolved to a range)."""
    if q.date_range is None:
        return 0
    first, last = (dt.date.fromisoformat(x) for x in q.date_range)
    return (last - first).days + 1


def _date_claim(q: Quantity, metric: str, subjects: Sequence[str], sentence: str, attribution: str | None,
                provenance: tuple[Provenance, ...], modality: str = "fact") -> Claim:
    subject = tuple(sorted(set(subjects)))
    return Claim(quantity=q, metric=metric, subject=subject, period=None, period_source="value",
                 aspect=Aspect.LEVEL, attribution=attribution, sentence=" ".join(sentence.split()), rule="generic",
                 modality=modality, provenance=provenance)


def lifespan_claim(lex: FrameLexicon, topic: str | None, q: Quantity, text: str, toks: list[Token], idx_start: int,
                   sentence: str, attribution: str | None, said: tuple[Provenance, ...] = ()) -> Claim | None:
    """'Karl Weyprecht (8 September 1838 – 2 March 1881) was ...': birth and death dates of the name."""
    before = text[max(0, q.start - 5):q.start]
    after = text[q.end:q.end + 3]
    if ("(" in before or ";" in before) and after.lstrip()[:1] in _DASHES:
        event = "born"
    elif before.rstrip()[-1:] in _DASHES and ")" in after:
        event = "die"
    else:
        return None
    k = next((i for i in range(idx_start - 1, -1, -1) if toks[i].low == "("), -1)
    if k <= 0:
        return None
    subjects = [e for e in entities(lex, toks[:k]) if " " in e or e == topic]
    if not subjects:
        return None
    metric = f"date {event}"
    return _date_claim(q, metric, subjects, sentence, attribution, (
        Provenance("metric", metric, "lifespan in brackets"),
        Provenance("subject", ", ".join(sorted(set(subjects))), "names before the brackets")) + said)


def range_claim(lex: FrameLexicon, q: Quantity, text: str, toks: list[Token], sentence: str,
                attribution: str | None, temporal: Sequence[Quantity],
                said: tuple[Provenance, ...] = ()) -> Claim | None:
    """'Production of the Toyota Supra: May 1993 – August 2002': when the labelled activity began and ended.

    Only a range that follows a label's colon is read, and only when the label names someone or something.
    """
    before = text[:q.start].rstrip()
    after = text[q.end:].lstrip()
    if before.endswith(":") and after[:1] in _DASHES:
        nxt = next((t for t in temporal if t.kind == "date" and t.start > q.end and t.date_range), None)
        if nxt is None or text[q.end:nxt.start].strip() not in _DASHES:
            return None
        event, label_end = "begin", len(before) - 1
    elif before[-1:] in _DASHES:
        prev = next((t for t in reversed(temporal) if t.kind == "date" and t.end <= q.start and t.date_range), None)
        if prev is None or text[prev.end:q.start].strip() not in _DASHES \
                or not text[:prev.start].rstrip().endswith(":"):
            return None
        event, label_end = "end", len(text[:prev.start].rstrip()) - 1
    else:
        return None
    colon = next((i for i, t in enumerate(toks) if t.start == label_end), None)
    if colon is None or q.date_range is None:
        return None
    k = colon - 1
    while k >= 0 and toks[k].low not in (",", ";", "|", ":"):
        k -= 1
    subjects = [e for e in entities(lex, toks[k + 1:colon]) if e.lower() not in ("date", "dates")]
    if attribution:
        subjects = [x for x in subjects if x not in attribution]
    if not subjects:
        return None
    metric = f"date {event}"
    return _date_claim(q, metric, subjects, sentence, attribution, (
        Provenance("metric", metric, "range after a label"),
        Provenance("subject", ", ".join(sorted(set(subjects))), "label")) + said)


def event_name(lex: FrameLexicon, toks: Sequence[Token], j: int) -> tuple[str, int] | None:
    """The event verb ending at toks[j] ("died", "set up", "started using") and where it starts."""
    if j < 0:
        return None
    for n in (2, 1):
        if j - n + 1 < 0:
            continue
        words = [t.low for t in toks[j - n + 1:j + 1]]
        if not all(w[:1].isalpha() for w in words):
            continue
        phrase = " ".join(words)
        if phrase in lex.event_verbs or lemma_phrase(phrase) in lex.event_synonyms:
            return phrase, j - n + 1
    return None


def event_of(lex: FrameLexicon, verb: str) -> str:
    """'set up' -> 'found', 'started using' -> 'enter service': one name for one event."""
    if verb == "born":
        return verb
    lemma = lemma_phrase(verb)
    return lex.event_synonyms.get(lemma, lemma)


def _event_verb_at(lex: FrameLexicon, toks: list[Token], idx_start: int, idx_end: int) -> tuple[str, int] | None:
    """The event verb a date belongs to and where it is: before the date ("died in 1972", "renamed the X
    Bridge in 1983", "started using the Whitehead torpedo in 1892") or after it ("In 1965, X becomes")."""
    j = idx_start - 1
    while j >= 0:
        if toks[j].low in lex.date_prepositions:
            j -= 1
            continue
        # "died in Taiwan in 1972", "laid down at Woolwich Dockyard in 1746": a place before the date
        k = j
        while k >= 0 and toks[k].text[:1].isupper() and k > j - 4:
            k -= 1
        if k < j and k >= 0 and toks[k].low in ("in", "at", "near", "from") and j < idx_start - 1:
            j = k - 1
            continue
        # "renamed the Arland D. Williams, Jr. Memorial Bridge in 1983": the event's named object first
        k = j
        while k >= 0 and k > j - 8 and (toks[k].text[:1].isupper() or toks[k].low == ","):
            k -= 1
        if k < j and k >= 1 and toks[k].low in ("the", "a", "an") and toks[k + 1].text[:1].isupper():
            k -= 1
        if k < j and k >= 0 and j < idx_start - 1 and (toks[k].low in lex.event_verbs or (
                toks[k].low.endswith("ed") and len(toks[k].low) > 4)) \
                and toks[k + 1].low in ("the", "a", "an") and toks[j].low != ",":
            j = k
            break
        # "went on to found Mediation Northern Ireland in 1988": a named object right after the verb
        if k < j and k >= 0 and j < idx_start - 1 and toks[j].low != "," and toks[k + 1].text[:1].isupper() \
                and toks[k].low in lex.event_verbs and toks[k].low not in ("entered", "left", "joined"):
            j = k
            break
        # "started using the Whitehead torpedo in 1892", "setting up a mediation organisation in 1989"
        if j < idx_start - 1:
            for d in range(j, max(-1, j - 6), -1):
                t = toks[d]
                if not t.text[:1].isalpha() or t.low in lex.clause_breaks:
                    break
                if t.low in ("the", "a", "an", "its", "his", "her", "their") and d < j:
                    found = event_name(lex, toks, d - 1)
                    if found is not None:
                        j = d - 1
                    break
        break
    verb = toks[j].low if j >= 0 else ""
    named = event_name(lex, toks, j)
    if named is not None:
        return named
    if j >= 0 and (verb in lex.event_verbs or (verb.endswith("ed") and len(verb) > 4 and j < idx_start - 1)):
        return verb, j
    # the date first: "In 1965, Paul Fraisse becomes director", "1952: X replaces Y",
    # "In 1971, a second book was published, A Life on Film"
    k = idx_end
    while k < len(toks) and (toks[k].low in (",", ":", "—", "–") or toks[k].text[:1].isupper()):
        k += 1
    if k < len(toks) and k > idx_end and toks[k].low in ("the", "a", "an", "his", "her", "its", "their"):
        m = k + 1  # "a second book was published": a short common noun phrase and an auxiliary
        while m < len(toks) and m <= k + 4 and toks[m].text[:1].isalpha() \
                and toks[m].low not in lex.clause_breaks and toks[m].low not in ("was", "were", "is", "are"):
            m += 1
        if k + 1 < m < len(toks) and toks[m].low in ("was", "were", "is", "are"):
            k = m + 1
    if k < len(toks) and k > idx_end and (toks[k].low in lex.event_verbs or verb_lemma(toks[k].low) in lex.event_verbs
                                          or toks[k].low.endswith("s")
                                          and verb_lemma(toks[k].low) + "d" in lex.event_verbs):
        return toks[k].low, k
    return None


def _period_end(lex: FrameLexicon, toks: Sequence[Token], j: int, metric: str) -> bool:
    """Is the date at the verb toks[j] where a period ends ("the year ended September 4, 1986", "at end-1986",
    "by the end of 1985")? It says when the figures are; two of them in one text are two periods."""
    if metric != "date end" or j < 1:
        return False
    before = toks[j - 1].low
    return before in lex.period_nouns or before in ("fiscal", "financial") or (
        toks[j].low == "end" and before in ("at", "the", "by", "to", "until", "till", "from", "since"))


def event_claim(lex: FrameLexicon, topic: str | None, q: Quantity, toks: list[Token], idx_start: int, idx_end: int,
                sentence: str, attribution: str | None, said: tuple[Provenance, ...] = ()) -> Claim | None:
    """'Liu Zhi died in 1972' -> a claim that the event 'died' of 'Liu Zhi' happened in 1972."""
    found = _event_verb_at(lex, toks, idx_start, idx_end)
    if found is None:
        return None
    verb, j = found
    metric = "date " + event_of(lex, verb)
    if _period_end(lex, toks, j, metric):
        return None
    subjects = list(clause_entities(lex, toks, j, j + 1))
    parts: list[tuple[str, Sequence[str]]] = [("clause", tuple(subjects))]
    _np, np_subj = noun_phrase_before(lex, toks, j)
    subjects.extend(np_subj)
    parts.append(("noun phrase", np_subj))
    pronoun_led = bool(toks) and toks[0].low in ("he", "she") and topic is not None
    if not subjects and pronoun_led and topic is not None:  # "She began ... before setting up X in 1989": about the text's person
        subjects.append(topic)
        parts.append(("document topic (pronoun)", (topic,)))
    if not subjects:  # "Julian Lewis Jones (born 21 August 1968)", "The base, established in 1934,"
        subjects.extend(entities(lex, toks[:j]))
        parts.append(("names before the verb", tuple(subjects)))
    apposition = False
    if not subjects and j + 2 < len(toks) and toks[j + 1].low == ",":
        # "a second book was published, A Life on Film, where ...": the name set off after the verb
        k = j + 2
        while k < len(toks) and toks[k].low not in (",", ";", ":", "(", ")") and toks[k].low not in lex.clause_breaks:
            k += 1
        subjects.extend(entities(lex, toks[j + 2:k]))
        apposition = bool(subjects)
        parts.append(("apposition", tuple(subjects)))
    if topic and (any(t.low in ("he", "she", "they", "his", "her") for t in toks[max(0, j - 3):j]) or pronoun_led):
        subjects.append(topic)  # "He died in 1972" in a text about Liu Zhi
        parts.append(("document topic (pronoun)", (topic,)))
    if attribution:
        subjects = [x for x in subjects if x not in attribution]
    if not subjects:
        return None  # "was founded in 1998" with no one named: nothing to compare safely
    # "the 11th forum was held on 17 November 2022" vs "the 1st forum was held in 2009": other events
    before = sentence[: max(0, toks[j].start - toks[0].start)] if toks else ""
    # ... from the verb's own clause: in "the 14th Street Bridge opened in 1950, and was renamed X in 1983"
    # the ordinal belongs to a name in another clause; a capitalised ordinal word before a capitalised word is
    # part of a name ("the Fourth Generation Supra", "Second Avenue"), unlike "the 11th Russia-Azerbaijan Forum"
    clause = re.split(r"[,;:]", before)[-1]
    ordinal = next((m for m in _ORDINAL_RE.finditer(clause)
                    if not (m.group(0)[:1].isupper() and re.match(r"\s+[A-Z(]", clause[m.end():]))), None)
    how = f"event verb '{verb}'"
    if ordinal and not apposition:
        metric += f" ({ordinal.group(0).lower()})"
        how += f", ordinal '{ordinal.group(0)}'"
    modal = modal_word(lex, toks, j)
    subject = tuple(sorted(set(subjects)))
    about = subject_facet(subject, parts)
    provenance = (Provenance("metric", metric, how),) + ((about,) if about else ()) + said
    if modal is not None:
        provenance += (Provenance("modality", lex.modality(modal), f"modal '{modal}'"),)
    return _date_claim(q, metric, subjects, sentence, attribution, provenance,
                       lex.modality(modal))
