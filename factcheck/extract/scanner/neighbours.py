"""Amounts that share a unit with their neighbours: "from 14 mpg to 24", "7- or 8-inch", "1,000 and 10,000
dlrs", "64 points to 4,577", "fell about 600 metres (2,000 feet)".

Why after the scan: a bare number is read alone first; these rules then look at the amounts next to it in the
same phrase, left and right.
"""
from __future__ import annotations

import re

from ...model import Quantity
from .nouns import counted_noun
from .records import with_changes

#: Between a change and its resulting level: its counted noun, if any, and "to".
_TO_BETWEEN_RE = re.compile(r",?(?:[ \u00a0]+[A-Za-z]+){0,2}[ \u00a0]+(?:to|at)[ \u00a0]+\Z")
#: Between an amount and the one it is compared with: "3.9 million headsets, up from 2.4 million",
#: "460 vehicles so far this year compared with 63".
_VERSUS_BETWEEN_RE = re.compile(
    r"(?:[ \u00a0]+(?!(?:and|or|but)\b)[A-Za-z]+){0,5},?[ \u00a0]+(?:(?:up|down)[ \u00a0]+from|from|compared[ \u00a0]+(?:with|to)|versus|vs\.?"
    r"|against)[ \u00a0]+\Z")


def _inherit_change_unit(text: str, change: Quantity, level: Quantity, after: int | None = None) -> Quantity:
    """"rose 64.06 points to 4,577.10": the level after "to" is in the change's unit (points).

    Likewise the amount something is compared with ("3.9 million headsets, up from 2.4 million").
    Only counted or measured units pass on, and after "to" only a change's (one with a direction):
    after "rose 0.1% to 1,333.18" the level is not a percentage.
    """
    if after is None:
        after = change.end
    if change.unit is None or change.kind not in ("count", "measure") or level.start - after > 40:
        return level
    between = text[after:level.start]
    if level.text[:5].lower() == "from ":
        between += "from "
    if not (change.direction is not None and _TO_BETWEEN_RE.match(between)) and not _VERSUS_BETWEEN_RE.match(between):
        return level
    return with_changes(level, kind=change.kind, unit=change.unit)


#: After a bare number: the other end of a range may follow ("three or four years").
_JOIN_AFTER = (" to ", " or ", " and ", "-", "–", " - ", " – ")


def join_follows(low: str, pos: int) -> bool:
    """Does one of `_JOIN_AFTER` start at ``pos``? (One-character tests first.)"""
    c = low[pos:pos + 1]
    if c == "-" or c == "–":
        return True
    return c == " " and low[pos + 1:pos + 2] in ("t", "o", "a", "-", "–") and low.startswith(_JOIN_AFTER, pos)


#: Kinds whose unit a bare number next to them may share.
_CARRY_KINDS = frozenset({"count", "measure", "money", "percent"})
#: "or 2.14%", "(2.14%)": a percentage that restates the change before it.
_RESTATED_RE = re.compile(r",?[ \u00a0]*(?:\(|or[ \u00a0]+)\Z")
#: Between "from 14 mpg" and the number after it: "to".
_FROM_TO_RE = re.compile(r"[ \u00a0]+to[ \u00a0]+\Z")
#: Between an amount and a bare number that is a second one of the same: ", and", "or", "while the
#: lowest is", "but Nasdaq fell by".
_AND_THEN_RE = re.compile(r",?[ \u00a0]+(?:and|or|but|while|whilst|whereas|including)(?:[ \u00a0]+[A-Za-z&'’]+){0,4}"
                          r"[ \u00a0]+\Z")
#: Between a bare number and the amount after it whose unit it shares: "7- or 8-inch", "four-, five-",
#: "280 million of the 1.5 billion shekels", "to 5 from 6%".
_SHARED_AFTER_RE = re.compile(
    r"(?:-[ \u00a0]*,?|[ \u00a0]*,)[ \u00a0]*\Z"
    r"|-?[ \u00a0]*(?:and|or|to|nor|from|out[ \u00a0]+of|of(?:[ \u00a0]+(?:the|a|an|its|their|his|her))?)"
    r"[ \u00a0]+\Z")
#: Words after a bare number that may end it ("and 187 by tender", "while the lowest is 74.07.").
_BARE_END_RE = re.compile(r"[ \u00a0]*(?:[.!?;)\n]|$)|[ \u00a0]+(?:by|in|on|at|for|last|this|from|during|a|per|each)\b")


def carry_forward(text: str, out: list[Quantity], level: Quantity) -> Quantity:
    """A bare number after an amount with a unit, in the same phrase, is in that unit.

    "from 14 mpg to 24" (after "from ... to"), "64 points to 4,577" and "lost 162 points, or 2.1%,
    to 7,425" (a change's level, past the percentage that restates it), "435 homes by open sale and
    187 by tender", "84.75 cents, while the lowest is 74.07" (a second amount of the same thing,
    ending its clause); both of a like size (within ten times). A percentage change passes its
    unit to no level ("rose 0.1% to 1,333.18").
    """
    prev = out[-1]
    after = prev.end
    if prev.unit is None or level.start - after > 80:
        return level  # the common case: a bare number after another (tables), or far from it
    if prev.kind == "percent" and len(out) > 1:
        if _RESTATED_RE.search(text, max(0, prev.start - 6), prev.start) and out[-2].direction is not None:
            prev = out[-2]  # "lost 162.31 points, or 2.14%, to fall to 7,425.81"
        elif prev.direction is not None and _TO_BETWEEN_RE.match(text, after, level.start):
            return _parallel_level(text, out, level)
    q = _inherit_change_unit(text, prev, level, after)
    if q is not level or prev.unit is None or prev.kind not in _CARRY_KINDS:
        return q
    between = text[prev.end:level.start]
    if prev.kind in ("count", "measure") and _VERSUS_FAR_RE.match(between) and _like_size(level.value, prev.value) \
            and _DIGIT_OR_STOP_RE.search(between) is None:
        return with_changes(level, kind=prev.kind, unit=prev.unit)
    if level.start - prev.end > 48:
        return level
    if _DIGIT_OR_STOP_RE.search(between) is not None:
        return level
    if not _like_size(level.value, prev.value):
        return level
    if ((prev.text[:5].lower() == "from " or text[max(0, prev.start - 5):prev.start].lower() == "from ")
            and _FROM_TO_RE.match(between)):
        return with_changes(level, kind=prev.kind, unit=prev.unit)
    m = _AND_THEN_RE.match(between)
    if m is None and (prev.kind != "count" or _WORDS_THEN_AND_RE.match(between) is None):
        return level
    if _BARE_END_RE.match(text, level.end) is None:
        return level
    return with_changes(level, kind=prev.kind, unit=prev.unit)


def _parallel_level(text: str, out: list[Quantity], level: Quantity) -> Quantity:
    """"X edged down 0.03% to a close of 1,463.87 points, while Y climbed 0.1% to 1,333.18": a level
    after a percentage change is in the unit of the level of the same size earlier in the sentence
    (one without a change of its own, at most three amounts back)."""
    for k in range(len(out) - 2, max(-1, len(out) - 5), -1):
        cand = out[k]
        if ". " in text[cand.end:level.start]:
            break
        if (cand.unit is not None and cand.kind in ("count", "measure") and cand.direction is None
                and cand.value and level.value and 0.5 <= abs(level.value / cand.value) <= 2):
            return with_changes(level, kind=cand.kind, unit=cand.unit)
    return level


#: A digit or the end of a sentence or clause between two amounts: they are not of one phrase.
_DIGIT_OR_STOP_RE = re.compile(r"[\d.;:]")
#: "435 homes by open sale and 187": words about the first amount, then "and".
_WORDS_THEN_AND_RE = re.compile(r"(?:[ \u00a0]+[A-Za-z]+){1,4},?[ \u00a0]+(?:and|or|but|while|whilst|whereas|including)"
                                r"[ \u00a0]+\Z")
#: `_VERSUS_BETWEEN_RE` with more words between ("460 vehicles have been stolen so far this year compared
#: with 63"): then the two must be of a like size.
_VERSUS_FAR_RE = re.compile(
    r"(?:[ \u00a0]+[A-Za-z]+){6,12},?[ \u00a0]+(?:(?:up|down)[ \u00a0]+from|from|compared[ \u00a0]+"
    r"(?:with|to)|versus|vs\.?|against)[ \u00a0]+\Z")


def _like_size(a: float | None, b: float | None) -> bool:
    """Two amounts of the same thing in one phrase are of a like size (within ten times)."""
    return bool(a and b and 0.1 <= abs(a / b) <= 10)


#: Between a count and a model number after it: nothing or an adjective or a maker ("two new 737 jets").
_MODEL_BETWEEN_RE = re.compile(r"[ \u00a0](?:(?:[a-z]+|[A-Z][a-z]+)[ \u00a0]){0,2}\Z")


def carry_back(text: str, out: list[Quantity]) -> list[Quantity]:
    """A bare number before an amount with a unit, joined to it, shares the unit: "7- or 8-inch",
    "four-, five- and six-cylinder", "1,000 and 10,000 dlrs", "280 million of the 1.5 billion
    shekels" (a part no bigger than its whole), "fell to 5 from 6%", "(16369.03 up 58.06 points)" (a
    level right before its change). The two are of a like size, but for a part and its whole and a
    level and its change. Right to left, so lists chain; a comma alone joins only such a list
    ("4,340, 4,345 and 4,350 dlrs", not "Lufeng 13-1-1, 250 km")."""
    carried = -1  # the index that got its unit here last
    for i in range(len(out) - 2, -1, -1):
        q = out[i]
        if q.unit is not None or q.kind != "count" or q.qualifier == "range":
            continue
        nxt = out[i + 1]
        if nxt.unit is None or nxt.kind not in _CARRY_KINDS or nxt.start - q.end > 16:
            continue
        between = text[q.end:nxt.start]
        if (nxt.kind == "count" and nxt.text.isdigit() and nxt.value is not None and nxt.value >= 100
                and text[nxt.end:nxt.end + 1] != "-" and _MODEL_BETWEEN_RE.match(between)
                and q.value is not None and q.value < nxt.value):
            # "two new 737 Max jets": the second number names a model; the first counts the jets
            out[i] = with_changes(q, unit=nxt.unit)
            del out[i + 1]
            carried = -1
            continue
        if nxt.kind == "measure" and nxt.direction is None and between in (" ", "\u00a0"):
            # "eight million 250ml bottles", "two 12-inch pizzas": the measure describes what is counted
            noun, _ = counted_noun(text, nxt.end, 2.0)
            if noun is not None:
                out[i] = with_changes(q, unit=noun)
            continue
        if nxt.text[:1].isalpha():  # "to 5 from 6%": the joining word opens the next span
            first = nxt.text.split(None, 1)[0].lower()
            if first in ("from", "or", "and", "to", "of"):
                between += first + " "
        m = _SHARED_AFTER_RE.match(between)
        if m is None:
            if not (nxt.direction is not None and nxt.kind in ("count", "measure") and between.strip(" \u00a0,") == ""
                    and nxt.text[:1].isalpha()):
                continue
        elif "of" in between.split():
            if (nxt.kind == "measure" or q.value is None or nxt.value is None or abs(q.value) > abs(nxt.value)
                    or abs(q.value) * 1000 < abs(nxt.value)):
                continue  # a part is no bigger than its whole ("five of the three-ton satellites"), nor tiny
        elif not _like_size(q.value, nxt.value):
            continue  # "at 35 to one dollar", "3,003 billion, down 0.8 pct"
        elif between.strip(" \u00a0") in ("", ","):
            if carried != i + 1 or (nxt.kind == "money" and "," not in between):
                continue  # "8 $9" is not one amount; a bare comma joins only a list
        out[i] = with_changes(q, kind=nxt.kind, unit=nxt.unit)
        carried = i
    return out


def bracketed_equivalent(text: str, first: Quantity, second: Quantity) -> Quantity:
    """"fell about 600 metres (2,000 feet)": the bracketed conversion is the same change, so it has
    the same direction (else the two would read as a fall and a rise)."""
    if not 1 <= second.start - first.end <= 2 or text[second.start - 1] != "(":
        return second
    return with_changes(second, direction=first.direction)
