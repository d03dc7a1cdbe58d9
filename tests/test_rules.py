"""Rule loading, validation, metric matching and the embedded-test runner (no pipeline needed)."""
from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

from factcheck.errors import RuleFileError
from factcheck.model import KINDS, LEVELS, VERDICTS
from factcheck.paths import shipped_rules_dir
from factcheck.rules import (
    MESSAGE_FIELDS,
    Rule,
    RuleSet,
    Tolerance,
    lemmatise,
    load_rules,
    run_rule_tests,
)
from factcheck.schemas import load_schema, schema_names, validate

BAD = Path(__file__).parent / "data" / "bad_rules"
SHIPPED = load_rules()

# ---------------------------------------------------------------- the ten broken rule files

#: case -> (file relative to the case dir, line, a fragment of the message); shared with the CLI test.
BAD_CASES = {
    case: (spec["file"], spec["line"], spec["message"])
    for case, spec in json.loads((BAD / "expected.json").read_text(encoding="utf-8")).items()
    if not case.startswith("_")
}


def test_every_bad_case_has_a_fixture_and_vice_versa() -> None:
    assert sorted(p.name for p in BAD.iterdir() if p.is_dir()) == sorted(BAD_CASES)


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_rule_file_is_one_line_file_line_error(case: str) -> None:
    rel, line, fragment = BAD_CASES[case]
    with pytest.raises(RuleFileError) as info:
        load_rules([BAD / case])
    err = info.value
    assert Path(err.path) == BAD / case / rel
    assert err.line == line
    assert fragment in err.message
    text = str(err)
    assert "\n" not in text
    assert text.startswith(f"{BAD / case / rel}:{line}: ")


def test_duplicate_id_names_both_files() -> None:
    with pytest.raises(RuleFileError) as info:
        load_rules([BAD / "duplicate_id"])
    assert str(shipped_rules_dir() / "economy" / "trade.yaml") in str(info.value)


# ---------------------------------------------------------------- the shipped rule set

EXPECTED_IDS = {
    "casualties.death_toll",
    "casualties.injured",
    "casualties.survivors",
    "demography.population",
    "economy.gdp",
    "economy.gdp_growth",
    "economy.inflation",
    "economy.trade",
    "economy.trade_growth",
    "economy.unemployment",
    "events.magnitude",
    "generic",
    "geography.area",
    "geography.distance",
    "health.vaccination",
    "health.vaccine_doses",
    "organisations.companies",
    "organisations.joint_ventures",
    "organisations.schools",
    "organisations.universities",
    "prices.price",
    "production.output",
    "public.budget",
    "public.deficit",
    "public.revenue",
    "public.spending",
}


def test_shipped_ids() -> None:
    assert set(SHIPPED.ids()) == EXPECTED_IDS
    assert list(SHIPPED.ids()) == sorted(SHIPPED.ids())


def test_generic_is_a_warning_without_terms() -> None:
    g = SHIPPED.generic()
    assert g.id == "generic" and g.level == "warning" and g.terms == ()


@pytest.mark.parametrize("rule_id", sorted(EXPECTED_IDS))
def test_every_shipped_rule_has_a_header_and_tests(rule_id: str) -> None:
    rule = SHIPPED.get(rule_id)
    text = Path(rule.path).read_text(encoding="utf-8")
    assert text.startswith("# factcheck rule "), "every rule file opens with a grammar header"
    assert "rules/README.md" in text.splitlines()[0]
    verdicts = {e["verdict"] for t in rule.tests for e in t["expect"]}
    negatives = [e for t in rule.tests for e in t["expect_not"]] + [
        e for t in rule.tests for e in t["expect"] if e["verdict"] != "contradiction"
    ]
    assert "contradiction" in verdicts, "at least one test must show a contradiction"
    assert negatives, "at least one test must show something that is not a contradiction"


def test_rule_kinds_level_partitions_keep_rates_and_amounts_apart() -> None:
    """No two rules may claim the same term for the same kind and aspect (else ties decide)."""
    seen: dict[tuple[str, str, str], str] = {}
    for rule in SHIPPED:
        for term in rule.terms:
            for kind in rule.kinds:
                for aspect in rule.aspects:
                    key = (term, kind, aspect)
                    assert key not in seen or seen[key] == rule.id, f"{key} in {seen.get(key)} and {rule.id}"
                    seen[key] = rule.id


def test_rules_are_hashable_and_frozen() -> None:
    rule = SHIPPED.get("economy.trade")
    assert hash(rule) == hash(SHIPPED.get("economy.trade"))
    with pytest.raises(AttributeError):
        rule.level = "note"  # type: ignore[misc]


# ---------------------------------------------------------------- metric matching

MATCHES = [
    # phrase, kind, aspect, dimension, expected rule id (None: falls to generic)
    ("trade", "money", "level", None, "economy.trade"),
    ("Mutual Trade", "money", "level", None, "economy.trade"),
    ("bilateral trade volume", "money", "level", None, "economy.trade"),
    ("trade", "percent", "change", None, "economy.trade_growth"),
    ("trade", "percent", "level", None, "economy.trade_growth"),
    ("trade deficit", "money", "level", None, None),
    ("trade surplus", "money", "level", None, None),
    ("trade", "count", "level", None, None),
    ("joint ventures", "count", "level", None, "organisations.joint_ventures"),
    ("joint-venture", "count", "level", None, "organisations.joint_ventures"),
    ("companies", "count", "level", None, "organisations.companies"),
    ("Chinese companies", "count", "level", None, "organisations.companies"),
    ("schools", "count", "level", None, "organisations.schools"),
    ("universities", "count", "level", None, "organisations.universities"),
    ("GDP", "money", "level", None, "economy.gdp"),
    ("gdp", "percent", "change", None, "economy.gdp_growth"),
    ("economy", "percent", "change", None, "economy.gdp_growth"),
    ("GDP per capita", "money", "level", None, None),
    ("inflation", "percent", "level", None, "economy.inflation"),
    ("CPI", "percent", "level", None, "economy.inflation"),
    ("unemployment rate", "percent", "level", None, "economy.unemployment"),
    ("budget", "money", "level", None, "public.budget"),
    ("budget deficit", "money", "level", None, "public.deficit"),
    ("budget revenue", "money", "level", None, "public.revenue"),
    ("government spending", "money", "level", None, "public.spending"),
    ("population", "count", "level", None, "demography.population"),
    ("fatalities", "count", "level", None, "casualties.death_toll"),
    ("people killed", "count", "level", None, "casualties.death_toll"),
    ("injured", "count", "level", None, "casualties.injured"),
    ("vaccine doses", "count", "level", None, "health.vaccine_doses"),
    ("people vaccinated", "count", "level", None, "health.vaccination"),
    ("price", "money", "level", None, "prices.price"),
    ("copper output", "measure", "level", "tonne", "production.output"),
    ("oil production", "measure", "level", "barrel / day", "production.output"),
    ("output", "money", "level", None, None),
    ("length", "measure", "level", "km", "geography.distance"),
    ("length", "measure", "level", "[length]", "geography.distance"),
    ("length", "measure", "level", "tonne", None),
    ("area", "measure", "level", "km**2", "geography.area"),
    ("magnitude", "count", "level", None, "events.magnitude"),
    ("lanes", "count", "level", None, None),
    ("", "count", "level", None, None),
    ("trade turnovr", "money", "level", None, "economy.trade"),  # fuzzy
]


@pytest.mark.parametrize(("phrase", "kind", "aspect", "dimension", "expected"), MATCHES)
def test_match_metric(phrase: str, kind: str, aspect: str, dimension: str | None, expected: str | None) -> None:
    rule = SHIPPED.match_metric(phrase, kind, aspect, dimension)
    assert (rule.id if rule else None) == expected


def test_match_prefers_longest_contained_term() -> None:
    rules = _ruleset(
        tmp_rules={
            "a.yaml": "title: A\nmetric: {name: a, terms: [volume]}\n",
            "b.yaml": "title: B\nmetric: {name: b, terms: [trade volume]}\n",
        }
    )
    assert rules.match_metric("annual trade volume", "money", "level").id == "b"  # type: ignore[union-attr]


def test_lemmatise_is_lower_case_noun_lemmas() -> None:
    assert lemmatise("Joint-Ventures") == ("joint", "venture")
    assert lemmatise("CPI") == ("cpi",)  # unknown words are left alone, not guessed at
    assert lemmatise("fatalities") == ("fatality",)


# ---------------------------------------------------------------- loading user rules

_TMP_COUNTER = [0]


def _ruleset(tmp_rules: dict[str, str], tmp_root: Path | None = None) -> RuleSet:
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="factcheck-rules-")) if tmp_root is None else tmp_root
    for rel, text in tmp_rules.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return RuleSet(tuple(r for r in load_rules([root]) if r.path.startswith(str(root)) or r.id == "generic"))


def _load_one(tmp_path: Path, body: str, rel: str = "user/widget.yaml") -> Rule:
    p = tmp_path / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return load_rules([tmp_path]).get(rel[: -len(".yaml")].replace("/", "."))


def _error(tmp_path: Path, body: str, rel: str = "user/widget.yaml") -> RuleFileError:
    with pytest.raises(RuleFileError) as info:
        _load_one(tmp_path, body, rel)
    assert "\n" not in str(info.value)
    return info.value


MINIMAL = "title: W\nmetric:\n  name: widgets\n  terms: [widget]\n"


def test_minimal_rule_defaults(tmp_path: Path) -> None:
    rule = _load_one(tmp_path, MINIMAL)
    assert rule.id == "user.widget"
    assert rule.level == "error" and rule.enabled
    assert rule.kinds == ("count", "percent", "percentage_point", "money", "measure", "fraction")
    assert rule.aspects == ("level", "change")
    assert rule.match_on == ("period", "subject")
    assert rule.tolerance == Tolerance()
    assert rule.currency == "USD"
    assert rule.render(metric="widgets", a='"3"', b='"4"') == 'widgets: "3" vs "4"'


TOLERANCES = [
    ('relative: "0.5%"', Tolerance(relative=0.005)),
    ("relative: 0.02", Tolerance(relative=0.02)),
    ('relative: "0.02"', Tolerance(relative=0.02)),
    ('absolute: "1000 EUR"', Tolerance(absolute=1000, absolute_unit="EUR")),
    ('absolute: "1,000 RUB"', Tolerance(absolute=1000, absolute_unit="RUB")),
    ('absolute: "0.1 percentage_point"', Tolerance(absolute=0.1, absolute_unit="percentage_point")),
    ('absolute: "0.1 pp"', Tolerance(absolute=0.1, absolute_unit="percentage_point")),
    ('absolute: "2 km"', Tolerance(absolute=2, absolute_unit="kilometer")),
    ("absolute: 5", Tolerance(absolute=5)),
]


@pytest.mark.parametrize(("line", "expected"), TOLERANCES)
def test_tolerance_parsing(tmp_path: Path, line: str, expected: Tolerance) -> None:
    rule = _load_one(tmp_path, MINIMAL + f"tolerance:\n  {line}\n")
    assert rule.tolerance == expected


BAD_BODIES = [
    # body appended to MINIMAL (lines 1-4), expected line, message fragment
    ('tolerance:\n  relative: "five"\n', 6, "tolerance.relative: 'five' is not a percentage"),
    ("tolerance:\n  relative: 5\n", 6, "outside 0..1"),
    ('tolerance:\n  absolute: "3 XYZ"\n', 6, "unknown currency 'XYZ'"),
    ('tolerance:\n  absolute: "3 eur"\n', 6, "capitals"),
    ('tolerance:\n  absolute: "3 AZN"\n', 6, "no offline exchange rate for 'AZN'"),
    ("currency: NGN\n", 5, "currency: no offline exchange rate for 'NGN'"),
    ('tolerance:\n  absolute: "three km"\n', 6, "is not '<number> <unit>'"),
    ('tolerance:\n  absolute: "-3"\n', 6, "must not be negative"),
    ('applies_to:\n  kinds: [count]\ntolerance:\n  absolute: "1000 EUR"\n', 8, "no money claims"),
    ('applies_to:\n  kinds: [money]\ntolerance:\n  absolute: "2 km"\n', 8, "no measures"),
    ('applies_to:\n  kinds: [money]\ntolerance:\n  absolute: "1 pp"\n', 8, "no percentages"),
    (
        'applies_to:\n  kinds: [measure]\n  dimensions: ["[mass]"]\ntolerance:\n  absolute: "2 km"\n',
        9,
        "not one of the rule's dimensions",
    ),
    ('applies_to:\n  kinds: [measure]\n  dimensions: ["[lenght]"]\n', 7, "applies_to.dimensions[0]"),
    ('applies_to:\n  kinds: [measure]\n  dimensions: ["length"]\n', 7, "not a pint dimensionality"),
    ('applies_to:\n  kinds: [money]\n  dimensions: ["[length]"]\n', 7, "add measure to kinds"),
    ("applies_to:\n  kinds: [monye]\n", 6, "'monye' is not one of"),
    ("applies_to:\n  aspects: [level, lvl]\n", 6, "applies_to.aspects[1]"),
    ('applies_to:\n  kinds: [count]\nunit: richter_magnitude\n', 7, "unit: a bare figure's unit needs applies_to.kinds"),
    ('applies_to:\n  kinds: [count, measure]\nunit: furlongs_per_fortnite\n', 7, "unit: unknown unit"),
    ('applies_to:\n  kinds: [count, measure]\n  dimensions: ["[mass]"]\nunit: km\n', 8, "not one of the rule's dimensions"),
    ("currency: usd\n", 5, "currency: must be a three-letter ISO 4217 code"),
    ("currency: XYZ\n", 5, "currency: 'XYZ' is not an ISO 4217 code"),
    ('message: "{metric}: {a} vs {c}"\n', 5, "message: unknown field {c}"),
    ('message: "{metrc}"\n', 5, "did you mean {metric}?"),
    ('message: "{metric"\n', 5, "message:"),
    ("match_on: [period, subjet]\n", 5, "match_on[1]: 'subjet' is not one of period, period_within, scope, subject (did you mean 'subject'?)"),
    ("level: fatal\n", 5, "level: 'fatal' is not one of error, warning, note"),
    ("enabled: maybe\n", 5, "enabled: expected true or false"),
    ("ignore: '\\bx'\n", 5, "ignore: expected a list"),
    ("titel: again\n", 5, "titel: unknown key (did you mean 'title'?)"),
    ("tests:\n  - name: t\n    documents: {a: x}\n", 6, "tests[0]: a test needs `expect` or `expect_not`"),
    (
        "tests:\n  - name: t\n    documents: {a: x}\n    dates: {b: 2024-01-01}\n    expect: [{verdict: agreement}]\n",
        8,
        "'b' is not one of the test's documents",
    ),
    (
        "tests:\n  - name: t\n    documents: {a: x}\n    dates: {a: '2024-13-01'}\n    expect: [{verdict: agreement}]\n",
        8,
        "is not a real date",
    ),
    (
        "tests:\n  - name: t\n    documents: {a: x}\n    dates: {a: 'Jan 1'}\n    expect: [{verdict: agreement}]\n",
        8,
        "must be a date written YYYY-MM-DD",
    ),
    ("tests:\n  - name: t\n    documents: {a: x}\n    expect:\n      - verdict: contradicton\n", 9, "did you mean 'contradiction'"),
    ("tests:\n  - name: t\n    documents: {a: x}\n    expect:\n      - {verdict: agreement, rule: economy.trad}\n", 9, "unknown rule 'economy.trad' (did you mean 'economy.trade'?)"),
    ("tests:\n  - name: t\n    documents: {}\n    expect: [{verdict: agreement}]\n", 7, "tests[0].documents: must not be empty"),
]


@pytest.mark.parametrize(("body", "line", "fragment"), BAD_BODIES)
def test_bad_rule_bodies(tmp_path: Path, body: str, line: int, fragment: str) -> None:
    err = _error(tmp_path, MINIMAL + body)
    assert (err.line, fragment in err.message) == (line, True), str(err)


def test_metric_needs_terms_except_generic(tmp_path: Path) -> None:
    err = _error(tmp_path, "title: W\nmetric:\n  name: widgets\n")
    assert err.line == 2 and "metric.terms" in err.message


def test_file_must_be_a_mapping(tmp_path: Path) -> None:
    err = _error(tmp_path, "- a\n- b\n")
    assert err.line == 1 and "mapping" in err.message


def test_bad_file_name_is_not_an_id(tmp_path: Path) -> None:
    err = _error(tmp_path, MINIMAL, rel="user/my rule.yaml")
    assert "cannot be part of a rule id" in err.message


def test_lexicon_readme_and_hidden_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "hedges.yaml").write_text("not: a rule\n")
    (tmp_path / "README.md").write_text("# docs\n")
    (tmp_path / ".hidden.yaml").write_text("junk: [\n")
    (tmp_path / "_draft.yaml").write_text("junk: [\n")
    rule = _load_one(tmp_path, MINIMAL)
    assert rule.id == "user.widget"


def test_missing_rules_dir_is_a_user_error(tmp_path: Path) -> None:
    from factcheck.errors import FactcheckError

    with pytest.raises(FactcheckError, match="no such rules directory"):
        load_rules([tmp_path / "nope"])


def test_same_dir_twice_is_not_a_duplicate(tmp_path: Path) -> None:
    (tmp_path / "w.yaml").write_text(MINIMAL)
    assert "w" in load_rules([tmp_path, tmp_path]).ids()
    assert "economy.trade" in load_rules([shipped_rules_dir()]).ids()


def test_ignore_regexes_and_unquoted_dates(tmp_path: Path) -> None:
    rule = _load_one(
        tmp_path,
        MINIMAL
        + "ignore:\n  - '\\bforecast\\b'\ntests:\n  - name: t\n    documents: {a: x}\n"
        + "    dates: {a: 2024-01-31}\n    expect: [{verdict: agreement}]\n",
    )
    assert rule.ignores("The FORECAST says 3 widgets")
    assert not rule.ignores("The forecasts say 3 widgets")
    assert rule.tests[0]["dates"] == {"a": "2024-01-31"}


# ---------------------------------------------------------------- schema and documentation


def _schema_paths(node: dict, prefix: str = "") -> list[str]:
    out: list[str] = []
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        out += _schema_paths(node["items"], prefix + "[]")
    for key, sub in node.get("properties", {}).items():
        path = f"{prefix}.{key}" if prefix else key
        out.append(path)
        out += _schema_paths(sub, path)
    return out


def test_every_rule_key_is_documented_in_rules_readme() -> None:
    readme = (shipped_rules_dir() / "README.md").read_text(encoding="utf-8")
    missing = [p for p in _schema_paths(load_schema("rule")) if f"`{p}`" not in readme]
    assert not missing, f"rule keys not documented in rules/README.md: {missing}"


def _objects(node: object) -> list[dict]:
    if isinstance(node, dict):
        found = [node] if node.get("type") == "object" else []
        for value in node.values():
            found += _objects(value)
        return found
    if isinstance(node, list):
        return [o for v in node for o in _objects(v)]
    return []


@pytest.mark.parametrize("name", schema_names())
def test_every_schema_object_forbids_unknown_keys(name: str) -> None:
    for obj in _objects(load_schema(name)):
        assert "additionalProperties" in obj, (name, sorted(obj.get("properties", {})))
        if obj.get("properties"):
            assert obj["additionalProperties"] is False, (name, sorted(obj["properties"]))


def test_schema_enums_mirror_the_model() -> None:
    schema = load_schema("rule")
    assert schema["properties"]["applies_to"]["properties"]["kinds"]["items"]["enum"] == list(KINDS)
    assert schema["properties"]["level"]["enum"] == list(LEVELS)
    expect = schema["properties"]["tests"]["items"]["properties"]["expect"]["items"]
    assert sorted(expect["properties"]["verdict"]["enum"]) == sorted(VERDICTS)


def test_message_fields_are_documented() -> None:
    readme = (shipped_rules_dir() / "README.md").read_text(encoding="utf-8")
    assert all(f"`{{{f}}}`" in readme for f in MESSAGE_FIELDS)


def test_validate_plain_dicts_fall_back_to_line_one() -> None:
    with pytest.raises(RuleFileError) as info:
        validate({"title": "x", "metric": {"name": "m"}, "levle": "error"}, "rule", "inline")
    assert str(info.value) == "inline:1: levle: unknown key (did you mean 'level'?)"


def test_schema_files_are_valid_json() -> None:
    for name in schema_names():
        path = Path(__file__).parents[1] / "factcheck" / "schemas" / f"{name}.schema.json"
        json.loads(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- embedded-test runner (fake pipeline)


def _fake_check(findings: list[tuple[str, str, str]]):  # type: ignore[no-untyped-def]
    calls: list[dict] = []

    def check(texts, *, dates=None, today=None, rules=None):  # type: ignore[no-untyped-def]
        calls.append({"texts": texts, "dates": dates, "rules": rules})
        return SimpleNamespace(
            findings=[
                SimpleNamespace(verdict=v, rule=r, metric=m, message=f"{m} msg", reason="") for v, r, m in findings
            ]
        )

    check.calls = calls  # type: ignore[attr-defined]
    return check


def test_runner_passes_and_fails_with_a_readable_diff() -> None:
    ok = _fake_check([("contradiction", "economy.trade", "trade volume"), ("agreement", "economy.trade", "trade volume")])
    results = run_rule_tests(SHIPPED, check=ok, only=["economy.trade"])
    names = [r.name for r in results]
    assert names == [t["name"] for t in SHIPPED.get("economy.trade").tests]
    # The fake always reports a contradiction, so the expect_not tests fail and the others pass.
    by_name = {r.name: r for r in results}
    assert by_name["two volumes for the same year contradict"].passed
    bad = by_name["a trade surplus is not the trade volume"]
    assert not bad.passed
    text = bad.render()
    assert text.startswith("FAIL economy.trade :: a trade surplus is not the trade volume (")
    assert "expected no contradiction [rule any]" in text
    assert "contradiction [rule economy.trade] metric 'trade volume'" in text
    import datetime as dt

    assert ok.calls[0]["dates"] == {"a": dt.date(2024, 1, 20), "b": dt.date(2024, 1, 20)}
    assert ok.calls[0]["rules"].ids() == SHIPPED.ids()


def test_runner_reports_a_crash_as_a_failure() -> None:
    def boom(texts, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("pipeline exploded")

    (result, *_) = run_rule_tests(SHIPPED, check=boom, only=["generic"])
    assert not result.passed and "RuntimeError: pipeline exploded" in result.render()


def test_runner_enables_disabled_rules() -> None:
    from dataclasses import replace

    off = RuleSet(tuple(replace(r, enabled=False) for r in SHIPPED))
    seen = _fake_check([])
    run_rule_tests(off, check=seen, only=["generic"])
    assert all(r.enabled for r in seen.calls[0]["rules"])


def test_message_render_tolerates_missing_fields() -> None:
    rule = SHIPPED.get("demography.population")
    assert rule.render(metric="population", a="1", b="2") == "population of  : 1 vs 2"
    assert re.search(r"\{", rule.render()) is None


@pytest.mark.parametrize("name", ["hedges", "scales", "currencies", "units", "ignore", "scope"])
def test_shipped_lexicons_match_their_schemas(name: str) -> None:
    from factcheck.rulefile import load_yaml_file

    path = shipped_rules_dir() / "lexicon" / f"{name}.yaml"
    validate(load_yaml_file(path), f"lexicon-{name}", str(path))


def test_lexicon_typo_is_reported_at_its_line() -> None:
    from factcheck.rulefile import load_yaml_text

    data = load_yaml_text("scales:\n  - id: k\n    factor: 1000\n    word: [thousand]\n", "scales.yaml")
    with pytest.raises(RuleFileError) as info:
        validate(data, "lexicon-scales", "scales.yaml")
    assert str(info.value) == "scales.yaml:4: scales[0].word: unknown key (did you mean 'words'?)"


def test_unknown_schema_name_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        validate({}, "lexicon-nope", "x")
