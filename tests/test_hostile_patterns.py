"""Regular expressions cannot hang: the static check of shape (`linear_re`), patterns from YAML on ``re`` or
on `regex` under a time limit (`saferegex.compile_guarded`), and each hand-written pattern that was
quadratic on a crafted line, with the line it was slow on and proof that its rewrite answers the same."""
from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import RuleFileError, WarningKind, collecting
from factcheck.extract import Extractor, extract_text
from factcheck.extract.lexicon import load_lexicon
from factcheck.extract.scanner.ignores import near_gate
from factcheck.extract.temporal import _S, find_temporal
from factcheck.frame.tables import _PIPE_RULE, _period, _pipe_cells, load_tables
from factcheck.linear_re import is_linear, may_start_with_a_word_character, why_not_linear
from factcheck.pipeline import dated_document, stage_for
from factcheck.rules import _parse_absolute, load_rules, number_and_unit
from factcheck.saferegex import Guarded, PatternTimeout, compile_guarded
from factcheck.versions import _MARKER, marker_of

#: A crafted line is read well under this (the fixed patterns took from seconds to a minute on 100 KB).
FAST_S = 1.0
LINE = 100_000


def _timed(fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t


# ------------------------------------------------------------------------------ the static check
@pytest.mark.parametrize("pattern", [
    r"(a+)+$", r"(a|aa)+$", r"(\s*\w+)*$", r"\d+\d+x", r"\s*\s*x", r"\S+@\S+", r".*x", r"(\w)\1",
    r"(?m)^\s*x", r"a[^b]*b", r"^\W*(?:(?:1st|first)?\s*(?:qtr|quarter)\b)", r"(?:ab){2,5}c", r"x\d{1,3}\d",
])
def test_shapes_that_backtrack_fail_the_check(pattern: str) -> None:
    assert why_not_linear(pattern) is not None


@pytest.mark.parametrize("pattern", [
    r"a\s+b", r"\bfoo\b", r"\d\.\d+\.\d", r"^\W*+(?:qtr|quarter)\b", r"\A\s*x", r"x(?>\s+\n?|\n)y", r"a[^a]*a",
    r"\d\s*[ap]\.?m", r"(?:ab){3}c", r"[0-9](?:[a-z]|[.-])*!", r"xa*b?",
])
def test_linear_shapes_pass_the_check(pattern: str) -> None:
    assert why_not_linear(pattern) is None


def test_the_shipped_gate_and_period_headers_run_on_re() -> None:
    """The patterns searched over every text stay on the fast engine."""
    gate = near_gate(load_lexicon().ignores)
    assert isinstance(gate, re.Pattern)
    assert all(isinstance(p, re.Pattern) for _n, p, _w in load_tables().periods)


def test_a_pattern_that_fails_the_check_runs_under_a_time_limit() -> None:
    assert isinstance(compile_guarded(r"a\s+b"), re.Pattern)
    slow = compile_guarded(r"(1|11)+x")
    assert isinstance(slow, Guarded)
    t = time.perf_counter()
    with pytest.raises(PatternTimeout):
        slow.search("1" * 60)
    assert time.perf_counter() - t < 2


def test_a_period_pattern_must_be_able_to_start_with_a_word() -> None:
    assert may_start_with_a_word_character(r"(?:1st|first)?\s*qtr")
    assert not may_start_with_a_word_character(r"\(unaudited\)")


ATOMS = ["a", "b", " ", r"\d", r"\s", r"\w", r"\W", "[ab]", "[^a]", ".", "1", "-"]
QUANTIFIERS = ["", "", "*", "+", "?", "{1,3}", "{2,}", "*?", "++"]


def _piece(draw_atom: str, quantifier: str) -> str:
    return draw_atom + quantifier


pieces = st.builds(_piece, st.sampled_from(ATOMS), st.sampled_from(QUANTIFIERS))
groups = st.builds(lambda a, b, q: f"(?:{a}|{b}){q}", pieces, pieces, st.sampled_from(QUANTIFIERS))
patterns = st.builds(lambda anchor, parts: anchor + "".join(parts), st.sampled_from(["", "", "^", r"\b"]),
                     st.lists(st.one_of(pieces, pieces, groups), min_size=1, max_size=5))

#: Texts that pump each kind of character the atoms match, ending where a match is likely to fail.
PUMPS = [c * 20_000 + "!" for c in ("a", "b", " ", "1", "-", "\n")] + ["ab" * 10_000 + "!", "a " * 10_000 + "!",
                                                                      "1-" * 10_000 + "\n"]


@settings(max_examples=300, deadline=None)
@given(patterns)
def test_a_pattern_that_passes_the_check_searches_in_linear_time(pattern: str) -> None:
    """Whatever passes the check is searched on re through 20,000 pumped characters in well under a second
    (a quadratic pattern needs seconds there, an exponential one forever)."""
    if not is_linear(pattern):
        return
    rx = re.compile(pattern)
    t = time.perf_counter()
    for text in PUMPS:
        for _ in zip(range(200), rx.finditer(text)):
            pass
        rx.search(text, 1)
    assert time.perf_counter() - t < FAST_S, pattern


@settings(max_examples=300, deadline=None)
@given(patterns, st.lists(st.sampled_from(["a", "b", " ", "1", "-", "\n", "ab", "!"]), max_size=12).map("".join))
def test_regex_under_a_time_limit_answers_as_re_does(pattern: str, text: str) -> None:
    """Moving a user's pattern to `regex` changes no answer."""
    expected = re.search(pattern, text)
    got = Guarded(pattern).search(text)
    assert (got and got.span()) == (expected and expected.span()), (pattern, text)


# ------------------------------------------------------------------------------ patterns from YAML
def _user_lexicon(tmp_path: Path, name: str, body: str) -> Path:
    (tmp_path / "mine" / "lexicon").mkdir(parents=True)
    (tmp_path / "mine" / "lexicon" / name).write_text(body, encoding="utf-8")
    return tmp_path / "mine"


def test_a_user_ignore_pattern_hides_its_figures(tmp_path: Path) -> None:
    mine = _user_lexicon(tmp_path, "ignore.yaml", "ignore:\n  - id: docket\n    pattern: 'docket \\d+'\n"
                                                  "    requires: ['docket']\n")
    text = "Buyers took docket 4471 and 312 crates."
    plain = [q.text for q in Extractor().extract(text)]
    theirs = [q.text for q in Extractor(extra_dirs=(mine,)).extract(text)]
    assert plain == ["4471", "312"] and theirs == ["312"]


def test_a_bad_user_ignore_pattern_names_its_file_and_line(tmp_path: Path) -> None:
    mine = _user_lexicon(tmp_path, "ignore.yaml", "ignore:\n  - id: x\n    pattern: '(unclosed'\n")
    with pytest.raises(RuleFileError) as err:
        load_lexicon(None, (mine,))
    assert err.value.where == f"{mine / 'lexicon' / 'ignore.yaml'}:3" and "bad regular expression" in err.value.what


@pytest.mark.parametrize("entry", [
    "  - id: slow\n    pattern: '(1|11)+x'\n",                      # tried in every window: no pre-check
    "  - id: slow\n    pattern: '(1|11)+x'\n    near: ['(1|11)+x']\n",  # and as the near gate
    "  - id: slow\n    pattern: '(1|11)+x'\n    requires: ['units']\n",  # over the whole text
])
def test_a_catastrophic_user_ignore_pattern_times_out_with_a_warning(tmp_path: Path, entry: str) -> None:
    mine = _user_lexicon(tmp_path, "ignore.yaml", "ignore:\n" + entry)
    ex = Extractor(extra_dirs=(mine,))
    text = "\n".join(f"Output line {i} was {'1' * 40} units." for i in range(6))
    with collecting() as warnings:
        found, took = _timed(ex.extract, text)
    assert sum("1" * 40 in q.text for q in found) == 6  # a time-out is no match: every figure is kept
    timeouts = [w for w in warnings if w.kind == WarningKind.PATTERN_TIMEOUT]
    assert timeouts and all("ran out of time" in w.what for w in timeouts)
    assert any("off for the rest of the run" in w.what for w in timeouts) or len(timeouts) < 3
    assert took < 10  # at most a few time limits, then the pattern is off


def test_a_catastrophic_user_period_header_times_out_with_a_warning(tmp_path: Path) -> None:
    mine = _user_lexicon(tmp_path, "tables.yaml", "periods:\n  slow: ['(a|aa)+$']\n")
    rules = load_rules([mine])
    doc = dated_document("t.txt", "Results\n\n" + "a" * 60 + "!\n\nShr 25 cts vs 21 cts\n", dt.date(2022, 3, 3))
    framed, took = _timed(lambda: stage_for(rules).frame(doc, all_undated=False))
    assert any(p.kind == WarningKind.PATTERN_TIMEOUT and "period" in p.what for p in framed.problems)
    assert took < 10


@pytest.mark.parametrize("pattern,what", [("\\(unaudited\\)", "must start with a word"),
                                          ("qtr(", "bad regular expression")])
def test_a_bad_period_header_is_an_error_at_its_line(tmp_path: Path, pattern: str, what: str) -> None:
    mine = _user_lexicon(tmp_path, "tables.yaml", f"periods:\n  audit:\n    - '{pattern}'\n")
    with pytest.raises(RuleFileError) as err:
        load_tables((mine,))
    assert err.value.where.endswith("tables.yaml:2") and what in err.value.what


# ------------------------------------------------------------------------------ hand-written patterns fixed
def test_a_line_of_spaces_is_no_slower_than_reading_it_for_period_headers() -> None:
    found, took = _timed(_period, " " * LINE + "x", load_tables())
    assert found is None and took < FAST_S


def test_a_month_then_a_run_of_spaces_is_read_at_once() -> None:
    found, took = _timed(find_temporal, "It was in March" + " " * LINE + "x")
    assert took < FAST_S and [q.text for q in found] == ["March"]


def test_a_line_of_citation_marks_is_no_recursion() -> None:
    found, took = _timed(extract_text, "It is 1,342" + "[1]" * (LINE // 3) + " km long.")
    assert took < FAST_S and found[0].text.startswith("1,342")


def test_a_headline_of_a_bracket_and_spaces_is_read_at_once() -> None:
    (marker, head), took = _timed(marker_of, "(" + " " * LINE + "x\n\nbody")
    assert marker is None and took < FAST_S


def test_a_table_rule_line_of_spaces_is_read_at_once() -> None:
    cells, took = _timed(_pipe_cells, ["a | b", " " * LINE + "x", "|---" + " " * LINE + "x"])
    assert cells == {} and took < FAST_S


def test_a_tolerance_with_a_long_run_of_spaces_is_read_at_once() -> None:
    t = time.perf_counter()
    with pytest.raises(RuleFileError):
        _parse_absolute("5 x" + " " * LINE + "y", "r.yaml", 3)
    assert time.perf_counter() - t < FAST_S
    assert _parse_absolute(" 1,000 EUR \n", "r.yaml", 3) == (1000.0, "EUR")


OLD_MARKER = re.compile(r"^\W*\(?\s*(?P<word>corrected|correction|correcting|updated|update|refiled|refile|repeat|rpt)"
                        r"(?:\s*\d+)?\s*\)?\s*(?:[-:–—]|\)\s*[-:–—]?)\s*", re.IGNORECASE)
OLD_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
OLD_S = r"(?:[^\S\n]+\n?|\n)[^\S\n]*"
OLD_NUMBER = re.compile(r"^\s*([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*(.*?)\s*$")


def _texts(*pieces: str):
    return st.lists(st.sampled_from(pieces), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(_texts(" ", "(", ")", "-", ":", "—", "\t", "\n", "UPDATE", "rpt", "2", "x", "Corrected", "."))
def test_the_possessive_marker_matches_as_before(text: str) -> None:
    old, new = OLD_MARKER.match(text), _MARKER.match(text)
    assert (old and (old.group("word"), old.end())) == (new and (new.group("word"), new.end()))


@settings(max_examples=500, deadline=None)
@given(_texts(" ", "|", ":", "-", "---", "x", "\t", "\n"))
def test_the_possessive_table_rule_matches_as_before(text: str) -> None:
    assert bool(OLD_PIPE_RULE.match(text)) == bool(_PIPE_RULE.match(text))


@settings(max_examples=500, deadline=None)
@given(_texts(" ", "\t", "\n", "\u00a0", "x", "2021"))
def test_the_atomic_mention_space_matches_as_before(text: str) -> None:
    for tail in (r"(?:x|2021)", r"x?", ""):
        old, new = re.match("a" + OLD_S + tail, "a" + text), re.match("a" + _S + tail, "a" + text)
        assert (old and old.end()) == (new and new.end()), (tail, text)


@settings(max_examples=500, deadline=None)
@given(_texts(" ", "\t", "\n", "\r", "5", "1,000", ".5", "-", "EUR", "km", "x"))
def test_a_tolerance_splits_as_before(text: str) -> None:
    old = OLD_NUMBER.match(text)
    assert (old and old.groups()) == number_and_unit(text)
