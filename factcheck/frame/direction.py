"""Which way a name itself moved, stated in words: 'Sensex and Nifty up', 'SENSEX rallied 500 points'."""
from __future__ import annotations

import bisect
import re
from typing import Sequence

from ..model import Aspect, Claim, Provenance, Quantity
from .attribution import attribution, modal_word
from .context import CLAIM_KINDS, DocContext
from .lexicon import FrameLexicon
from .period import period_of
from .provenance import period_facet
from .sentences import Token, framing_tokens
from .words import CALENDAR_WORDS

_OPENERS = (",", ";", ":", "(", "—", "–")


def _is_mover_name(lex: FrameLexicon, t: Token) -> bool:
    return (t.text[:1].isupper() and len(t.text) > 1 and t.low not in lex.not_subjects and t.low not in lex.titles
            and t.low not in CALENDAR_WORDS and t.low not in lex.direction_of and t.low not in lex.direction_links
            and t.low not in lex.demonyms)


def _movers(lex: FrameLexicon, text: str, toks: list[Token], k: int, first: Token) -> tuple[list[list[Token]], int]:
    """The names (joined by "and"/"&") right before toks[k + 1], and the index of the token before them."""
    groups: list[list[Token]] = []
    group: list[Token] = []
    right = toks[k + 1].start if k + 1 < len(toks) else first.start
    while k >= 0:
        t = toks[k]
        gap = text[t.end:right].strip()
        if gap not in ("", "&"):
            break
        if gap == "&" and group:
            groups.append(group)
            group = []
        if t.low == "and" and group:
            groups.append(group)
            group = []
        elif _is_mover_name(lex, t):
            group.insert(0, t)
        else:
            break
        right = t.start
        k -= 1
    if group:
        groups.append(group)
    return groups, k


def direction_claims(lex: FrameLexicon, ctx: DocContext, quantities: Sequence[Quantity]) -> list[Claim]:
    """'Sensex and Nifty up', 'SENSEX rallied 500 points', 'Nifty flat': which way a name itself moved.

    Only a name (or names joined by "and"/"&") that opens its clause, right before the direction word
    (or one linking verb: "Sensex ends in red"), is taken: "shares of Apple rose" moves the shares, not
    Apple, and is left alone. A figure right after the word is kept with the claim, so the comparison
    knows which side states one.
    """
    rx = lex.direction_re
    if rx is None:
        return []
    doc, text, temporal = ctx.doc, ctx.doc.text, ctx.temporal
    figures = sorted((q for q in quantities if q.kind in CLAIM_KINDS), key=lambda q: q.start)
    fig_starts = [q.start for q in figures]
    out: list[Claim] = []
    firsts = {p.split(" ")[0] for p in lex.direction_of}  # the first words of the direction phrases
    for si, (a, b) in enumerate(ctx.sentences):
        raw = ctx.raw_tokens(si)
        if raw is not None and not any(t.low in firsts for t in raw):
            continue  # no word that opens a direction phrase (told faster than by the pattern)
        if rx.search(text, a, b) is None:
            continue
        toks = framing_tokens(lex, text, a, b, raw)
        i = 0
        while i < len(toks):
            way = None
            width = 0
            if toks[i].low not in firsts:
                i += 1
                continue
            for n in (3, 2, 1):
                phrase = " ".join(x.low for x in toks[i:i + n])
                if len(toks[i:i + n]) == n and phrase in lex.direction_of:
                    way, width = lex.direction_of[phrase], n
                    break
            if way is None:
                i += 1
                continue
            first, last = toks[i], toks[i + width - 1]
            i += width
            nxt = toks[i] if i < len(toks) else None
            if nxt is not None and nxt.low in ("to", "from") and text[last.end:nxt.start].strip() == "":
                continue  # "rose to 8.3%", "declined to comment": a level or another verb
            k = i - width - 1
            if k >= 0 and toks[k].low in lex.direction_links:
                k -= 1
            groups, k = _movers(lex, text, toks, k, first)
            if not groups:
                continue
            opener = toks[k] if k >= 0 else None
            if opener is not None and opener.low == "the":
                opener = toks[k - 1] if k >= 1 else None
            if opener is not None and opener.low not in _OPENERS \
                    and not (opener.low in lex.direction_of and toks[k + 1].low == "and"):
                continue  # "shares of Apple rose": the name does not open the clause ("Sensex weak and Nifty flat" does)
            names = tuple(sorted({" ".join(x.text for x in g) for g in groups}))
            end = last.end
            value = unit = None
            j = bisect.bisect_right(fig_starts, last.end) - 1  # "down 74.58" may start at the word
            fig = figures[j] if j >= 0 and figures[j].end > first.start else None
            if fig is None and j + 1 < len(figures) \
                    and re.fullmatch(r"\s*(?:by\s+)?", text[last.end:figures[j + 1].start], re.I):
                fig = figures[j + 1]
            start = first.start
            if fig is not None:
                start, end, value, unit = min(start, fig.start), fig.end, fig.value, fig.unit
            q = Quantity(start, end, text[start:end], "direction", value, None, None, unit, "exact",
                         text.count("\n", 0, start) + 1, doc.name, way)
            when = period_of(q, [x for x in temporal if a <= x.start < b], doc.date)
            said, said_how = attribution(lex, toks, None)
            modal = modal_word(lex, toks, i - width)
            word = " ".join(x.low for x in toks[i - width:i])
            provenance: tuple[Provenance, ...] = (Provenance("metric", "direction", f"direction word '{word}' ({way})"),
                          Provenance("subject", ", ".join(names), "names opening the clause"),
                          period_facet(when))
            if said:
                provenance += (Provenance("attribution", said, said_how),)
            if modal is not None:
                provenance += (Provenance("modality", lex.modality(modal), f"modal '{modal}'"),)
            out.append(Claim(quantity=q, metric="direction", subject=names, period=when.period,
                             period_source=when.source, aspect=Aspect.CHANGE, attribution=said,
                             sentence=" ".join(text[a:b].split()), rule="generic",
                             modality=lex.modality(modal), provenance=provenance))
    return out
