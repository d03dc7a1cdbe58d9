"""Inline `<!-- factcheck: ignore ... -->` comments and `<doc>.factcheck-ignore.yaml` sidecars."""
from __future__ import annotations

import pytest

from factcheck.errors import RuleFileError
from factcheck.suppress import Suppression, check_rule_ids, is_suppressed, suppressions_for

DOC = """# Title

<!-- factcheck: ignore economy.trade reason="2022 figure in euros" -->

Trade reached $3bn.
It was a record.

Other paragraph with $4bn trade.

Inline text $5bn. <!-- factcheck: ignore economy.gdp public.budget reason='known gap' -->
Same paragraph.

<!-- factcheck: ignore * reason="draft" -->
"""


def test_comment_covers_itself_and_the_next_paragraph() -> None:
    sups = suppressions_for("doc.md", DOC, None)
    trade = [s for s in sups if s.rule == "economy.trade"]
    assert trade == [Suppression("economy.trade", 3, 6, "2022 figure in euros", "doc.md", 3)]
    assert is_suppressed("economy.trade", 5, sups) == trade[0]
    assert is_suppressed("economy.trade", 6, sups) == trade[0]
    assert is_suppressed("economy.trade", 8, sups) is None
    assert is_suppressed("economy.gdp", 5, sups) is None


def test_inline_comment_covers_its_paragraph_and_lists_several_rules() -> None:
    sups = suppressions_for("doc.md", DOC, None)
    gdp = [s for s in sups if s.rule in ("economy.gdp", "public.budget")]
    assert [(s.rule, s.line_from, s.line_to, s.reason) for s in gdp] == [
        ("economy.gdp", 10, 11, "known gap"),
        ("public.budget", 10, 11, "known gap"),
    ]


def test_star_at_end_of_file_covers_only_itself() -> None:
    sups = suppressions_for("doc.md", DOC, None)
    star = [s for s in sups if s.rule == "*"]
    assert [(s.line_from, s.line_to) for s in star] == [(13, 13)]
    assert is_suppressed("anything.at_all", 13, sups) == star[0]


def test_multi_line_comment() -> None:
    text = 'a\n\n<!-- factcheck: ignore economy.trade\n     reason="long\nreason" -->\nx $1\ny $2\n\nz $3\n'
    (s,) = suppressions_for("d.html", text, None)
    assert (s.line_from, s.line_to, s.reason) == (3, 7, "long\nreason")


BAD_COMMENTS = [
    ('<!-- factcheck: ignore economy.trade -->', 1, "without a reason"),
    ('x\n<!-- factcheck: ignore economy.trade reason="" -->', 2, "without a reason"),
    ('<!-- factcheck: ignore economy.trade reason=nope -->', 1, "bad factcheck comment"),
    ('<!-- factcheck: ignroe economy.trade reason="x" -->', 1, "bad factcheck comment"),
    ('<!-- factcheck: ignore reason="x" -->', 1, "bad factcheck comment"),
]


@pytest.mark.parametrize(("text", "line", "fragment"), BAD_COMMENTS)
def test_bad_comments_are_one_line_errors(text: str, line: int, fragment: str) -> None:
    with pytest.raises(RuleFileError) as info:
        suppressions_for("doc.md", text, None)
    assert info.value.path == "doc.md" and info.value.line == line and fragment in info.value.message
    assert "\n" not in str(info.value)


def test_other_html_comments_are_ignored() -> None:
    assert suppressions_for("d.md", "<!-- a note -->\n<!-- factcheck is great -->\n", None) == ()


SIDECAR = """# suppressions for report.txt
- rule: economy.trade
  line: 12
  reason: "figures from different sources"
- rule: "*"
  line: 20
  end_line: 22
  reason: table of estimates
"""


def test_sidecar() -> None:
    sups = suppressions_for("report.txt", "", SIDECAR)
    assert [(s.rule, s.line_from, s.line_to, s.source, s.source_line) for s in sups] == [
        ("economy.trade", 12, 12, "report.txt.factcheck-ignore.yaml", 2),
        ("*", 20, 22, "report.txt.factcheck-ignore.yaml", 5),
    ]
    assert is_suppressed("economy.trade", 12, sups) is not None
    assert is_suppressed("economy.trade", 13, sups) is None
    assert is_suppressed("economy.gdp", 21, sups) is not None


def test_empty_sidecar_is_no_suppressions() -> None:
    assert suppressions_for("r.txt", "", "# nothing yet\n") == ()


BAD_SIDECARS = [
    ("- rule: economy.trade\n  line: 3\n", 1, "[0].reason: required key is missing"),
    ("- rule: economy.trade\n  line: 3\n  reason: ''\n", 3, "[0].reason: must say why"),
    ("- rule: economy.trade\n  line: 3\n  reason: x\n  lines: 4\n", 4, "[0].lines: unknown key (did you mean 'line'?)"),
    ("- rule: economy.trade\n  line: 0\n  reason: x\n", 2, "[0].line: 0 is less than the minimum 1"),
    ("- rule: economy.trade\n  line: 5\n  end_line: 4\n  reason: x\n", 3, "before line 5"),
    ("rule: economy.trade\n", 1, "expected a list"),
    ("- rule: economy.trade\n  line: [3\n", 3, "invalid YAML"),
]


@pytest.mark.parametrize(("text", "line", "fragment"), BAD_SIDECARS)
def test_bad_sidecars(text: str, line: int, fragment: str) -> None:
    with pytest.raises(RuleFileError) as info:
        suppressions_for("r.txt", "", text)
    assert info.value.path == "r.txt.factcheck-ignore.yaml"
    assert (info.value.line, fragment in info.value.message) == (line, True), str(info.value)


def test_unknown_rule_ids_are_reported_where_written() -> None:
    sups = suppressions_for("doc.md", DOC, None)
    check_rule_ids(sups, {"economy.trade", "economy.gdp", "public.budget"})
    with pytest.raises(RuleFileError) as info:
        check_rule_ids(sups, {"economy.trade", "economy.gdpp", "public.budget"})
    assert str(info.value) == "doc.md:10: factcheck suppression: unknown rule 'economy.gdp' (did you mean 'economy.gdpp'?)"
