"""The extractor's speed-ups must not change a single result: ASCII twins of its patterns, the
whole-text pre-check of the ignore gate, and the memos keyed on words."""
from __future__ import annotations

import re

import pytest

from factcheck.extract import extract_text
from factcheck.extract.ascii_re import ascii_class, ascii_twin
from factcheck.extract.scanner.nouns import _NOUN_RE, _counted_noun_words, _first_word_decides
from factcheck.extract.scanner.numbers import (
    DIGITS_ASCII_RE,
    DIGITS_RE,
    WORD_TRIGGER_LED_ASCII_RE,
    WORD_TRIGGER_LED_RE,
)

# ASCII text with the characters where Unicode and ASCII categories could part: \x1c-\x1f are
# space for Unicode `\s`, "_" is a word character, digits and punctuation around words.
TRICKY = [
    "In 1991 sales rose 14.5 pct to 2,340 mln dlrs,\x1cfrom 7 April\x1d1990; three-fifths of_them",
    "the last\x1e24 hours\x1fand THREE weeks ago, 1-2 win at 10:30 pm (202) 555-0143 v2.3.1",
    "x_one one_x 1one \tten\x0bfive\x0cnine\r\nhalf a million\x1c\x1d\x1e\x1f_ 2,5 3.",
]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.lastgroup, m.regs) for m in pattern.finditer(text)]


@pytest.mark.parametrize("item", [r"\s", r"\S", r"\w", r"\W", r"\d", r"\D", r"[^\S\n]", r"[\s(\[\-–—/]", r"[^\W\d_]"])
def test_ascii_class_lists_the_ascii_members(item):
    one = re.compile(item)
    listed = re.compile(ascii_class(item))
    for c in map(chr, range(128)):
        assert bool(one.fullmatch(c)) == bool(listed.fullmatch(c)), (item, c)


@pytest.mark.parametrize("pattern", [DIGITS_RE, WORD_TRIGGER_LED_RE, _NOUN_RE, re.compile(r"(?<![\w$€])(?P<a>\d+)\s+(?i:pct|per\s+cent)\b"),
                                     re.compile(r"[^\S\n]+(?P<w>[^\W\d_]+)(?!\w)")])
def test_ascii_twin_matches_as_the_original_on_ascii_text(pattern):
    twin = ascii_twin(pattern)
    assert twin.flags & re.ASCII
    for text in TRICKY:
        for t in (text, text.lower(), " " + text):
            assert _spans(twin, t) == _spans(pattern, t)


def test_ascii_twin_leaves_alone_what_it_cannot_rewrite_exactly():
    mixed = re.compile(r"[\sa-z]+")  # a category and letters in one class
    assert ascii_twin(mixed) is mixed
    folded = re.compile(r"(?i:\w+ſ)")  # case-folding of a non-ASCII letter
    assert ascii_twin(folded) is folded


def test_shipped_twins():
    assert DIGITS_ASCII_RE.flags & re.ASCII and WORD_TRIGGER_LED_ASCII_RE.flags & re.ASCII
    from factcheck.extract.temporal import _scanner

    sc = _scanner()
    assert all(twin is not p and twin.flags & re.ASCII for p, twin in sc.ascii_twins.items())
    for text in TRICKY:
        for p, twin in sc.ascii_twins.items():
            for i in range(len(text)):
                a, b = p.match(text, i), twin.match(text, i)
                assert (a and (a.span(), a.lastgroup, a.regs)) == (b and (b.span(), b.lastgroup, b.regs))


@pytest.mark.parametrize("text", TRICKY + [
    "Revs 18.6 mln vs 15.9 mln; Shr 2.07 dlrs vs 1.84 dlrs at 11pm on 3-2 votes",
    "call +44 20 7946 0958 or 202-555-0143 about the 2.3.1 release, a 3 + 3 format",
])
def test_ascii_and_unicode_text_read_alike(text):
    """The same text with one non-ASCII character far away takes the Unicode patterns: same result."""
    plain = [q.to_dict() for q in extract_text(text)]
    tail = " \u00e9"
    wide = [q.to_dict() for q in extract_text(text + tail)]
    assert plain == wide[:len(plain)]


@pytest.mark.parametrize("first", ["shares", "people", "of", "The", "more", "pct", "Bags", "bus", "'s", "-"])
@pytest.mark.parametrize("rest", ["", " and bonds", " of the year", " rose", " new shares"])
def test_first_word_decides_as_the_full_reading(first, rest):
    decided = _first_word_decides(first)
    if decided is None:
        return
    for value in (1.0, 2.0):
        assert _counted_noun_words(first + rest, value) == decided


@pytest.mark.parametrize("text", [
    "they sold 5 units; call 202-555-0143 now; 12 more at 10:30 and 7 pm, then 3-2 wins and 4 + 4 = 8",
    "12 and 13 and (14) and +15 and 16@17 and 18%2f and 19.20.21 and 22",
    "no gate here: 1, 2, 3 and 4",
])
def test_gate_pre_check_answers_as_the_window_search(text):
    from factcheck.extract import Extractor

    fast, slow = Extractor(), Extractor()
    assert fast.scanner._gate_monotone
    slow.scanner._gate_monotone = False
    assert [q.to_dict() for q in fast.extract(text)] == [q.to_dict() for q in slow.extract(text)]
    low = text.lower()
    for scanner in (fast.scanner, slow.scanner):
        scanner.scan(text, [])  # set the per-text state
    answers = [[s._ignored(low, m.start(), m.end()) for m in re.finditer(r"\d+", text)]
               for s in (fast.scanner, slow.scanner)]
    assert answers[0] == answers[1]


def test_ascii_twin_of_a_pattern_that_insists_on_unicode_is_the_pattern():
    p = re.compile(r"(?u)\w+\s")
    assert ascii_twin(p) is p
