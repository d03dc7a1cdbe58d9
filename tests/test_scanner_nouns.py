"""`extract/scanner/nouns.py`: what a bare number counts, read directly."""
from __future__ import annotations

import pytest

from factcheck.extract.scanner.nouns import (
    _hyphen_noun,
    _lemma,
    _looks_plural,
    adjective_before,
    compound_noun,
    counted_noun,
    glued_noun,
    of_noun,
)


@pytest.mark.parametrize(("text", "number", "value", "expected"), [
    ("900 joint ventures were set up", "900", 900, ("joint venture", 18)),
    ("eight more picks", "eight", 8, ("pick", 16)),                      # "more" says how many, not what
    ("one man died", "one", 1, ("man", 7)),                              # "died" is a verb, not the noun
    ("one particular demand that", "one", 1, ("particular demand", 21)),
    ("5 Bloomberg reporters", "5", 5, ("reporter", 21)),                 # the name before the noun drops out
    ("1,307,000 Americans voted", "1,307,000", 2, ("american", 19)),     # people, capitalised
    ("36,700 Builders Transport shares", "36,700", 2, (None, 6)),        # a firm's name
    ("a four-cylinder engine", "four", 4, ("cylinder", 15)),
    ("15.3 ppg", "15.3", 15.3, ("point per game", 8)),
    ("12 of them", "12", 12, (None, 2)),
    ("at one time", "one", 1, (None, 6)),                                # when, not how many
])
def test_counted_noun(text: str, number: str, value: float, expected: tuple[str | None, int]) -> None:
    assert counted_noun(text, text.index(number) + len(number), value) == expected


@pytest.mark.parametrize(("text", "at", "expected"), [
    ("62,241fans watched", 6, "fan"),
    ("49ers won", 2, None),       # a team
    ("3months later", 1, None),   # a stop word is no noun
])
def test_glued_noun(text: str, at: int, expected: str | None) -> None:
    assert glued_noun(text, at) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("two of the victims", "victim"),
    ("two of Johnson's deputies", "deputy"),
    ("one of the best", None),
])
def test_of_noun(text: str, expected: str | None) -> None:
    assert of_noun(text, text.index(" of") + 3) == expected


@pytest.mark.parametrize(("text", "number", "unit", "expected"), [
    ("the top three seeds", "three", "seed", "top seed"),
    ("the previous two sessions", "two", "session", "previous session"),
    ("the record 32 goals", "32", "goal", "goal"),          # stresses the number
    ("the remaining 20 players", "20", "player", "player"),  # a verb form
])
def test_adjective_before(text: str, number: str, unit: str, expected: str) -> None:
    assert adjective_before(text, text.lower(), text.index(number), unit) == expected


@pytest.mark.parametrize(("text", "number", "expected"), [
    ("a 12 page report", "12", "page"),
    ("the 3 cylinder engine", "3", "cylinder"),
    ("the march 5 earthquake", "5", None),     # a date
    ("a 30 consecutive day run", "30", None),  # an adjective
])
def test_compound_noun(text: str, number: str, expected: str | None) -> None:
    s = text.index(number)
    assert compound_noun(text, text.lower(), s, s + len(number)) == expected


def test_hyphen_noun_lemma_and_plural_shapes() -> None:
    assert _hyphen_noun("a 10-point plan", 4) == ("point", 10)
    assert _hyphen_noun("a two-way race", 5) == (None, 5)
    assert (_lemma("companies"), _lemma("people")) == ("company", "people")
    assert _looks_plural("fishermen") and _looks_plural("lanterns") and not _looks_plural("specimen")
