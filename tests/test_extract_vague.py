"""Vague multiples: "several dozen" is an interval of two to nine dozen, not twelve."""
from __future__ import annotations

import pytest

from factcheck import extract_text


@pytest.mark.parametrize("text, quote, value, low, high", [
    ("Besides the two drivers, several dozen passengers were hurt.", "several dozen", 36, 24, 108),
    ("A few hundred protesters gathered.", "A few hundred", 300, 200, 900),
    ("Several thousand people marched.", "Several thousand", 3000, 2000, 9000),
])
def test_several_scale_words_are_wide_intervals(text: str, quote: str, value: float, low: float, high: float) -> None:
    [q] = [q for q in extract_text(text) if q.text == quote]
    assert (q.value, q.low, q.high, q.qualifier) == (value, low, high, "approx")
    assert text[q.start:q.end] == q.text


def test_a_dozen_is_still_twelve() -> None:
    [q] = extract_text("He planted a dozen oaks.")
    assert (q.value, q.qualifier) == (12, "exact")
