"""Who states a figure ("Mr Asadov said", "according to the ministry", a transcript's speaker label) and
whether it is stated as a fact or under a modal ("will reach", "expected to": a forecast)."""
from __future__ import annotations

import bisect
import re
from typing import Sequence

from .lexicon import FrameLexicon
from .sentences import Token

#: A transcript's speaker label at the start of a line: "Ilham Aliyev: Thank you" or "X's remarks:".
_SPEAKER_RE = re.compile(r"(?m)^[ \t]*([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}) ?(?:remarks)?:")
SPEAKER_LABEL = "speaker label"


def speaker_labels(text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Where each speaker label of a transcript starts, and the speaker it names. A lone participle
    ("Posted: May 24", "Updated:") stamps a web page; it names no speaker."""
    found = [(m.start(), m.group(1).removesuffix("’s").removesuffix("'s")) for m in _SPEAKER_RE.finditer(text)
             if not (" " not in m.group(1) and m.group(1).endswith("ed"))]
    return tuple(p for p, _ in found), tuple(s for _, s in found)


def speaker_at(labels: tuple[tuple[int, ...], tuple[str, ...]], offset: int) -> str | None:
    """The speaker whose label comes last before ``offset``."""
    k = bisect.bisect_right(labels[0], offset) - 1
    return labels[1][k] if k >= 0 else None


#: reporting verbs that stay reporting before a figure ("police estimated 5,000 ...", "told 300 delegates")
_REPORTING_ONLY = frozenset({"said", "says", "say", "told", "estimated", "according"})
_FIGURE_AFTER = re.compile(r"\s+(?:another\s+|a\s+further\s+|about\s+|some\s+)?[$£€]?(?:\d|(?:one|two|three|four|five|six|"
                           r"seven|eight|nine|ten|eleven|twelve)\b)", re.IGNORECASE)


def attribution(lex: FrameLexicon, toks: Sequence[Token], speaker: str | None,
                text: str | None = None) -> tuple[str | None, str]:
    """Who states the figures of a sentence: "Mr Asadov said", "according to X", or the speaker; and how
    that was found ("name before 'said'", "speaker label", ...)."""
    for i, t in enumerate(toks):
        if t.low in lex.attribution_verbs or (t.low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to"):
            if text is not None and t.low not in _REPORTING_ONLY and _FIGURE_AFTER.match(text, t.end):
                continue  # "Rice added 14 points", "the storm claimed 12 lives": a deed and its doer, not a source
            verb = "according to" if t.low == "according" and t.low not in lex.attribution_verbs else t.low
            # name before the verb: "Mr Asadov said"
            name: list[str] = []
            j = i - 1
            while j >= 0 and (toks[j].text[:1].isupper() or toks[j].low in lex.titles) and len(name) < 4:
                name.insert(0, toks[j].text)
                j -= 1
            while name and name[0].lower() not in lex.titles and (
                    name[0].lower() in lex.not_subjects or name[0].lower() in lex.clause_breaks):
                name = name[1:]
            if name and not (len(name) == 1 and name[0].lower() in lex.titles):
                return " ".join(name), f"name before '{verb}'"
            # name after: "said Mr Asadov", "according to the ministry"
            k = i + (2 if t.low == "according" else 1)
            while k < len(toks) and toks[k].low in ("the",):
                k += 1
            name = []
            while k < len(toks) and (toks[k].text[:1].isupper() or toks[k].low in lex.titles) and len(name) < 4:
                name.append(toks[k].text)
                k += 1
            if name:
                return " ".join(name), f"name after '{verb}'"
            if toks and i > 0 and toks[i - 1].low in ("i", "we"):
                return speaker, f"first person before '{verb}', {SPEAKER_LABEL}"
    if any(t.low in ("i", "we", "our", "my") for t in toks):
        return speaker, f"first person, {SPEAKER_LABEL}"
    return None, ""


def modal_word(lex: FrameLexicon, toks: Sequence[Token], idx_start: int) -> str | None:
    """The modal that governs the number at toks[idx_start] in its clause ("will", "expected to"), or None.
    A condition word opens the clause it governs ("if sales reach 40"), and one that opens the sentence
    governs the clause after the condition too ("If sales reach 40, the plant needs 12 more staff")."""
    i = idx_start - 1
    seen = 0
    while i >= 0 and seen < 12:
        t = toks[i]
        if t.low in lex.modal_words:
            return t.low
        if t.low in (";", ":") or (t.low in lex.clause_breaks and t.low not in ("and", "to")):
            break
        if i > 0:
            pair = f"{toks[i - 1].low} {t.low}"
            if pair in lex.modal_words:
                return pair
        seen += 1
        i -= 1
    if toks and toks[0].low in lex.condition_words and toks[0].low in lex.modal_words:
        return toks[0].low
    return None

