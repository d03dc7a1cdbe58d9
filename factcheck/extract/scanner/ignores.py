"""The ignore patterns of the lexicon (``rules/lexicon/ignore.yaml``: phone numbers, web addresses, clock
times, version numbers) and its label words ("Section 427"): digits inside them are no quantities.

Why a gate: the patterns are tried only in a window around a number, and only where one of their `near`
regexes occurs, which one search over the text answers for most numbers at once.

The patterns are data users edit, so none may hang: each runs on ``re`` only when its shape is linear,
else on `regex` under a time limit (`saferegex.compile_guarded`). A pattern that runs out of time counts
as no match there, with a warning; after a few time-outs it is off for the rest of the run.
"""
from __future__ import annotations

import bisect
import re

from ...saferegex import AnyPattern, PatternTimeout, compile_guarded, is_off, timed_out
from ..ascii_re import ascii_twin
from ..lexicon import IgnorePattern, Lexicon
from .hedges import LEFT_PUNCT
from .records import FAR

#: The first item of a `near` regex: one character, escape or character class (and the rest).
_FIRST_ITEM_RE = re.compile(r"(\\[dws]|\\[^a-zA-Z0-9]|\[(?!\^)(?:\\.|[^\]\\])+\]|[^\\()\[\]|.*+?{}^$])(.*)\Z", re.S)
#: Constructs whose success can depend on what follows the end of a search window (look-aheads, end
#: anchors, word boundaries, atomic groups, possessive repeats): a pattern free of them that matches
#: inside a window also matches, at the same place, in the whole text.
_END_SENSITIVE_RE = re.compile(r"\(\?[=!>]|\$|\\[bBZ]|[*+?}]\+")


def near_gate(ignores: tuple[IgnorePattern, ...]) -> AnyPattern | None:
    """One search that any windowed ignore pattern needs to succeed near a number: each pattern's
    `near` regexes, else its `requires` literals; None when some pattern has neither.

    The alternatives are regrouped behind one character class of their first characters, so `re`
    skips from candidate to candidate instead of trying every alternative at every position, and
    alternatives with the same first item share one look-behind (a digit is tested once, not once
    per alternative)."""
    nears: list[str] = []
    for ig in ignores:
        if ig.requires and all(len(r) >= 3 for r in ig.requires):
            continue  # matched once over the whole text, never in a window
        own = ig.near or tuple(re.escape(r) for r in ig.requires)
        if not own:
            return None  # a pattern with no pre-check: every window must be searched
        nears.extend(own)
    if not nears:
        return None
    rests: dict[str, list[str]] = {}  # first item -> the rests after it, in order
    for n in nears:
        m = _FIRST_ITEM_RE.match(n)
        if m is None or m.group(2)[:1] in ("*", "+", "?", "{") or "|" in m.group(2):
            return compile_guarded("|".join(f"(?:{n})" for n in nears))
        first, rest = m.groups()
        rests.setdefault(first, []).append(rest)
    firsts = "[" + "".join(f[1:-1] if f.startswith("[") else f for f in rests) + "]"
    alts = [f"(?<={first})" if "" in tails else f"(?<={first})(?:{'|'.join(dict.fromkeys(tails))})"
            for first, tails in rests.items()]
    return compile_guarded(firsts + "(?:" + "|".join(alts) + ")")


class IgnoreReader:
    """Tells the numbers inside an ignore pattern or after a label word (a mixin of `Scanner`)."""

    def _init_ignores(self, lexicon: Lexicon) -> None:
        self._requires_re = {ig: re.compile("|".join(re.escape(r) for r in sorted(ig.requires, key=len, reverse=True)))
                             for ig in lexicon.ignores if ig.requires}
        self._near_gate = near_gate(lexicon.ignores)
        self._near_gate_ascii = (ascii_twin(self._near_gate) if isinstance(self._near_gate, re.Pattern)
                                 else self._near_gate)
        #: where the `near` regexes come from, for a warning when the gate runs out of time
        self._near_where = ", ".join(dict.fromkeys(ig.where.rsplit(":", 1)[0] for ig in lexicon.ignores if ig.near))
        #: whether a gate match inside a window is always a match in the whole text (see `_ignored`)
        self._gate_monotone = self._near_gate is not None and _END_SENSITIVE_RE.search(self._near_gate.pattern) is None
        self._gate_from = FAR  # the gate's first match in the whole text at or after _gate_from ...
        self._gate_next = -1  # ... starts here (FAR: none); reset by `scan` for every text
        self._window_memo: dict[tuple[bool, ...], tuple[tuple[IgnorePattern, re.Pattern[str] | None], ...]] = {}
        self._ignores_off: set[IgnorePattern] = set()  # patterns that ran out of time too often
        self._whole_ignores = tuple(ig for ig in lexicon.ignores
                                    if ig.requires and all(len(r) >= 3 for r in ig.requires))
        self._ignore_requires = tuple(ig.requires for ig in lexicon.ignores)
        self._ignore_is_whole = tuple(ig in self._whole_ignores for ig in lexicon.ignores)
        self._prev_word: str | None = None

    def _ignore_matches(self, low: str) -> list[tuple[int, int]]:
        """Spans of the whole-text ignore patterns (those with long pre-check literals, such as web
        addresses) whose literals occur in this text, sorted and merged; the others are tried in a
        window around each number (see `_ignored`)."""
        spans: list[tuple[int, int]] = []
        # whether each pattern's pre-check literals occur: a plain loop, as this runs once per text
        on_list = []
        for requires in self._ignore_requires:
            on = not requires
            for r in requires:
                if r in low:
                    on = True
                    break
            on_list.append(on)
        present = tuple(on_list)
        window = self._window_memo.get(present)
        if window is None:
            window = self._window_memo[present] = tuple(
                (ig, self._requires_re.get(ig)) for ig, on in zip(self.lex.ignores, present)
                if on and ig not in self._whole_ignores and ig not in self._ignores_off)
        self._window_ignores = window
        for ig, on, whole in zip(self.lex.ignores, present, self._ignore_is_whole):
            if on and whole and ig not in self._ignores_off:
                try:
                    for m in ig.pattern.finditer(low):
                        if m.end() > m.start():
                            spans.append(m.span())
                except PatternTimeout:  # the matches found so far stand
                    self._pattern_timed_out(ig, None)
        if len(spans) > 1:
            spans.sort()
            merged = [spans[0]]
            for a, b in spans[1:]:
                if a <= merged[-1][1]:
                    if b > merged[-1][1]:
                        merged[-1] = (merged[-1][0], b)
                else:
                    merged.append((a, b))
            spans = merged
        return spans

    def _ignored(self, low: str, s: int, e: int) -> bool:
        """Is the number at s..e a label ("Section 427") or inside an ignore pattern (a phone number)?

        Leaves the lower-cased word before the number in ``self._prev_word`` (None if not read)."""
        self._prev_word = None
        j = s
        while j > 0 and low[j - 1] in " \u00a0":
            j -= 1
        if 0 < j < s:
            # the (at most 16) non-space characters ending at j (as `\S{1,16}$` would find them)
            prev_word = "" if low[j - 1].isspace() else low[j - 16 if j > 16 else 0:j].rsplit(None, 1)[-1]
            self._prev_word = prev_word
            labels = self.lex.label_words
            if prev_word in labels or prev_word.lstrip(LEFT_PUNCT) in labels:
                return True
        if self._ignore_spans:
            i = bisect.bisect_right(self._ignore_starts, s) - 1
            if i >= 0 and self._ignore_spans[i][1] >= e:
                return True
        if not self._window_ignores:
            return False
        n = len(low)
        gate = self._near_gate_ascii if self._ascii else self._near_gate
        if gate is not None:
            a = s - 20 if s > 20 else 0
            try:
                if self._gate_monotone:
                    # Where does the gate first match in the whole text at or after `a`? A match inside
                    # the window would be one in the whole text too, so none before the window's end means
                    # none in the window: one search serves every number up to that match (most texts
                    # have no match at all), instead of one search per number.
                    if a < self._gate_from or self._gate_next < a:
                        gm = gate.search(low, a)
                        self._gate_from = a
                        self._gate_next = FAR if gm is None else gm.start()
                    if self._gate_next >= e + 20:
                        return False
                if gate.search(low, a, e + 20) is None:
                    return False
            except PatternTimeout:  # no answer from the gate: every pattern is tried in this window
                self._gate_from, self._gate_next = a, a
                self._gate_timed_out(s)
        near_a = s - 12 if s > 12 else 0
        for ig, requires_re in self._window_ignores:
            # one C-level search for any pre-check literal within 12 characters of the number
            if requires_re is not None and requires_re.search(low, near_a, e + 12) is None:
                continue
            a = s - 20 if s > 20 else 0
            b = min(n, e + 20)
            try:
                while a <= s:
                    im = ig.pattern.search(low, a, b)
                    if im is None or im.start() > s:
                        break
                    if im.end() >= e:
                        return True
                    a = max(im.end(), im.start() + 1)
            except PatternTimeout:
                self._pattern_timed_out(ig, s)
        return False

    def _where_in_text(self, pos: int | None) -> str:
        """``doc:line`` of ``pos`` (the document alone for None), for a warning."""
        doc = self._doc or "the text"
        return doc if pos is None else f"{doc}:{bisect.bisect_right(self._line_starts, pos)}"

    def _pattern_timed_out(self, ig: IgnorePattern, pos: int | None) -> None:
        """Warn of an ignore pattern that ran out of time; switch it off after too many time-outs."""
        key = f"ignore {ig.where}: {ig.pattern.pattern}"
        timed_out(key, f"ignore pattern {ig.id!r} ran out of time on the text at {self._where_in_text(pos)}; "
                  "the numbers there are read as figures", ig.where)
        if is_off(key):
            self._ignores_off.add(ig)
            self._window_memo.clear()
            self._window_ignores = tuple(w for w in self._window_ignores if w[0] is not ig)

    def _gate_timed_out(self, pos: int) -> None:
        """Warn of the `near` gate running out of time; without it after too many, every window is searched."""
        gate = self._near_gate
        key = f"near gate: {gate.pattern if gate is not None else ''}"
        timed_out(key, f"the `near` regexes of the ignore patterns ran out of time on the text at "
                  f"{self._where_in_text(pos)}; every ignore pattern is tried there", self._near_where)
        if is_off(key):
            self._near_gate = self._near_gate_ascii = None
