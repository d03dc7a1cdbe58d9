"""Who or what a figure is about: proper nouns and demonyms in a run of words, the names in a figure's
clause, and the places or parties a whole document is about."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .lexicon import FrameLexicon
from .sentences import Token

_NAME_PARTS = re.compile(r"[-–]")
_CLAUSE_STOPS = frozenset({",", ";", ":", "(", ")", "—", "–"})
#: words that join a second verb to the first one's subject ("raided the ranch and removed ...")
_VERB_JOINS = frozenset({"and", "then"})
#: adverbs that may stand between such a join and its verb ("and later fined"), besides "-ly" words
_VERB_ADVERBS = frozenset({"later", "then", "again", "soon", "since", "thereafter", "afterwards"})


def entities(lex: FrameLexicon, toks: Sequence[Token]) -> tuple[str, ...]:
    """Proper nouns and demonyms in a run of tokens, normalised (Russian -> Russia)."""
    found: list[str] = []
    demonyms, not_names, breaks = lex.demonyms, lex.not_names, lex.name_breaks
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        base = t.low.removesuffix("'s").removesuffix("’s")
        if base in demonyms and not (i + 1 < n and f"{base} {toks[i + 1].low}" in demonyms):
            found.append(demonyms[base])
        elif i > 0 and toks[i - 1].low.endswith(("'s", "’s")) and t.text.isupper():
            pass  # "Germany's GDP": the acronym is the metric, not a second subject
        elif t.text[:1].isupper() and base not in not_names and len(base) > 1:
            name = t.text.removesuffix("'s").removesuffix("’s")
            # join consecutive capitalised words: "South Caucasus", "Ali Asadov" (not past "Germany's")
            while i + 1 < n and toks[i + 1].text[:1].isupper() \
                    and toks[i + 1].start - toks[i].end <= 1 and not toks[i].low.endswith(("'s", "’s")):
                nxt = toks[i + 1].text.removesuffix("'s").removesuffix("’s")
                if nxt.lower() in breaks:
                    break
                name += " " + nxt
                i += 1
            if " " not in name and i + 2 < n and toks[i + 1].low == "of" and toks[i + 2].text[:1].isupper() \
                    and toks[i + 2].low not in breaks and toks[i + 2].low not in not_names:
                # "Bank of Tokyo", "Gulf of Aden": one name, so that "Bank of Japan" is not the same bank
                name += " of " + toks[i + 2].text.removesuffix("'s").removesuffix("’s")
                i += 2
                while i + 1 < n and toks[i + 1].text[:1].isupper() and toks[i + 1].start - toks[i].end <= 1 \
                        and not toks[i].low.endswith(("'s", "’s")) and toks[i + 1].low not in breaks:
                    name += " " + toks[i + 1].text.removesuffix("'s").removesuffix("’s")
                    i += 1
            found.append(demonyms.get(name.lower(), name))
            if "-" in name or "–" in name:
                for part in _NAME_PARTS.split(name):  # "Russia-Azerbaijan" names both
                    if part[:1].isupper() and part != name and part.lower() not in lex.not_subjects:
                        found.append(demonyms.get(part.lower(), part))
        i += 1
    return tuple(dict.fromkeys(found))


#: what follows a name that opens a sentence when the name is the one who acts: a verb, or ", who ..."
_AFTER_OPENING_NAME = re.compile(r"(?:\s*,\s*who\b|\s+([a-z]+)\b)")
#: words after a sentence's first name that show it does not act: a preposition, an article, a possessive's
#: "s", a reporting verb (a speaker is not the one who did it)
_NOT_ACTING = frozenset({"and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "the", "a",
                         "an", "s", "said", "says", "say", "told", "reported", "estimated", "added", "stated",
                         "announced", "claimed", "noted", "according"})


@lru_cache(maxsize=65536)
def opening_name(sentence: str, names: tuple[str, ...], attribution: str | None) -> str | None:
    """The name of ``names`` a sentence opens with, when a verb follows it ("Dale Pruitt resigned ...",
    "Marsh, who played ..."): who did what the sentence tells. Not its speaker ("Lang said 12 were
    killed"), and not a name that only starts a longer phrase ("Israel's assault ...")."""
    for name in names:
        if sentence.startswith(name) and name != attribution:
            m = _AFTER_OPENING_NAME.match(sentence, len(name))
            if m is not None and (m.group(1) or "") not in _NOT_ACTING:
                return name
    return None


def clause_entities(lex: FrameLexicon, toks: Sequence[Token], idx_start: int, idx_end: int) -> tuple[str, ...]:
    """Proper nouns in the clause around the number: who or what the figure is about."""
    def names_joined(k: int) -> bool:  # "produced by Bliss and Williams": one list of names, not two clauses
        return toks[k].low == "and" and 0 < k < len(toks) - 1 and toks[k - 1].text[:1].isupper() \
            and toks[k + 1].text[:1].isupper()

    def shared_subject(k: int) -> bool:  # "officials raided the ranch and removed 439 children": one doer
        if toks[k].low not in _VERB_JOINS:
            return False
        nxt = k + 1
        while nxt < len(toks) and (toks[nxt].low.endswith("ly") or toks[nxt].low in _VERB_ADVERBS
                                   or toks[nxt].low in lex.auxiliaries):
            nxt += 1
        return nxt < len(toks) and toks[nxt].text.islower() \
            and (toks[nxt].low.endswith("ed") or toks[nxt].low in lex.action_verbs)

    i = idx_start - 1
    while i >= 0 and toks[i].low not in _CLAUSE_STOPS and (toks[i].low not in lex.clause_breaks or names_joined(i)
                                                          or shared_subject(i)):
        i -= 1
    j = idx_end
    while j < len(toks) and toks[j].low not in _CLAUSE_STOPS and (toks[j].low not in lex.clause_breaks
                                                                  or names_joined(j)):
        j += 1
    found = entities(lex, toks[i + 1:j])
    if not found and i > 0 and toks[i].low == ",":
        return _apposed_doer(lex, toks, i)
    return found


def _apposed_doer(lex: FrameLexicon, toks: Sequence[Token], comma: int) -> tuple[str, ...]:
    """'Ormond Vale, the former treasurer, served seven months', 'Vale, 61, served ...': the clause names no
    one because an apposition stands between it and its doer; the names before the apposition are the doer's,
    when they open the sentence. Or the figure is in the apposition itself ('Vale, said to own 40 boats, was
    ...'): a name that alone opens the sentence is whom it describes."""
    if all(t.text[:1].isupper() or t.low in ("'s", "’s", ".", "-") for t in toks[:comma]):
        return entities(lex, toks[:comma])
    p = comma - 1
    while p >= 0 and toks[p].low not in _CLAUSE_STOPS:
        p -= 1
    if p < 1 or toks[p].low != "," or p + 1 >= comma:
        return ()
    opener = toks[p + 1]
    if not (opener.low in ("the", "a", "an") or (opener.text[:1].isdigit() and p + 2 == comma)):
        return ()
    if any(t.low in _CLAUSE_STOPS or t.low in lex.clause_breaks for t in toks[:p]):
        return ()
    return entities(lex, toks[:p])


#: prepositions whose object is a party the doer deals with, not whom a figure is about ("filed with the
#: Securities and Exchange Commission", "sold to Dorvin Corp")
_PARTY_PREPOSITIONS = frozenset({"with", "to", "from", "at", "before", "against", "through"})


def own_figure_subject(sentence: str, speaker: str | None, subject: Sequence[str]) -> tuple[str, ...] | None:
    """"Witco Corp said it filed with the SEC a statement covering a 100 mln dlr issue": the speaker speaks of
    itself ("<speaker> said it/they") and the sentence names no one else but parties, the objects of a
    preposition ("with the SEC", "to Dorvin Corp"), so the figure is the speaker's. None when the sentence is
    not so, or names someone else the figure may be about ("said it expects Brazil's economy to grow 5 pct")."""
    if not speaker:
        return None
    k = sentence.find(speaker)
    if k < 0 or not re.match(r"\s+(?:said|says|reported|announced)\s+(?:that\s+)?(?:it|they)\b",
                             sentence[k + len(speaker):]):
        return None
    for name in subject:
        if name in speaker or speaker in name:
            continue
        j = sentence.find(name)
        before = sentence[max(0, j - 60):j].split() if j >= 0 else []
        while before and (before[-1][:1].isupper() or before[-1] in ("the", "a", "an", "and", "of", "&")):
            before.pop()  # "with the Securities and Exchange Commission": back to the word before the name
        if j < 0 or not before or before[-1].lower() not in _PARTY_PREPOSITIONS:
            return None
    return (speaker,)


def topics_of(lex: FrameLexicon, sentence_entities: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """The places or parties a text is about: known names in at least three of its (first 200) sentences,
    given the `entities` of each sentence."""
    counts: dict[str, int] = {}
    known = lex.known_names
    for names in sentence_entities[:200]:
        for e in set(names):
            if e in known:
                counts[e] = counts.get(e, 0) + 1
    return tuple(sorted(e for e, n in counts.items() if n >= 3))


_CAPITALISED = re.compile(r"(?<![.!?:\"“]\s)(?<![.!?:\"“]\s\s)(?<!^)(?<!\n)\b([A-Z][\w'’.&-]{2,})", re.MULTILINE)


def document_names(lex: FrameLexicon, text: str) -> frozenset[str]:
    """The capitalised words a whole text uses, away from sentence starts: two reports of one event name
    the same people and places (Klitschko, Rahman, Mannheim), two unrelated stories seldom do. Measured on
    the whole text, not only the sentences that hold figures, so short reports still carry their story."""
    out = set()
    for w in _CAPITALISED.findall(text):
        w = w.lower().rstrip(".").removesuffix("'s").removesuffix("’s")
        if len(w) > 2 and w not in lex.not_names:
            out.add(w)
    return frozenset(out)
