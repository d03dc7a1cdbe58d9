"""Project configuration: discovery, validation with file:line errors, and how it changes rules."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Config, Override, load_config
from factcheck.errors import RuleFileError
from factcheck.rules import load_rules

YAML = """\
# project settings
rules: [my_rules]
levels:
  economy.trade: warning
disable: [prices.price]
overrides:
  - glob: "press/*.txt"
    disable: [generic]
    levels: {economy.gdp: note}
format: json
fail_on: warning
"""

TOML = """\
[project]
name = "x"

[tool.factcheck]
rules = ["my_rules"]
disable = ["prices.price"]
format = "json"
fail_on = "warning"

[tool.factcheck.levels]
"economy.trade" = "warning"

[[tool.factcheck.overrides]]
glob = "press/*.txt"
disable = ["generic"]
levels = { "economy.gdp" = "note" }
"""


def _check_loaded(cfg: Config, root: Path) -> None:
    assert cfg.rules == ((root / "my_rules").resolve(),)
    assert cfg.levels == (("economy.trade", "warning"),)
    assert cfg.disable == ("prices.price",)
    assert cfg.overrides == (Override("press/*.txt", ("generic",), (("economy.gdp", "note"),)),)
    assert (cfg.format, cfg.fail_on) == ("json", "warning")


def test_yaml_config(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.yaml").write_text(YAML)
    cfg = load_config(tmp_path)
    assert cfg.path == str(tmp_path / ".factcheck.yaml")
    _check_loaded(cfg, tmp_path)
    assert cfg.line_for("disable", "prices.price") == 5
    assert cfg.line_for("levels", "economy.trade") == 4


def test_pyproject_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(TOML)
    cfg = load_config(tmp_path)
    _check_loaded(cfg, tmp_path)
    assert cfg.line_for("disable") == 6
    assert cfg.line_for("levels", "economy.trade") == 11


def test_dotfile_wins_over_pyproject_and_pyproject_without_table_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert load_config(tmp_path) == Config()
    (tmp_path / "pyproject.toml").write_text(TOML)
    (tmp_path / ".factcheck.yaml").write_text("format: text\n")
    assert load_config(tmp_path).format == "text"


def test_explicit_path_and_empty_file(tmp_path: Path) -> None:
    (tmp_path / "cfg.yaml").write_text("# nothing\n")
    assert load_config(tmp_path, Path("cfg.yaml")).path == str(tmp_path / "cfg.yaml")
    (tmp_path / "factcheck.toml").write_text('fail_on = "note"\n')
    assert load_config(Path("/"), tmp_path / "factcheck.toml").fail_on == "note"
    with pytest.raises(RuleFileError, match="no such config file"):
        load_config(tmp_path, Path("missing.yaml"))
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    with pytest.raises(RuleFileError, match=r"no \[tool.factcheck\] table"):
        load_config(tmp_path, Path("pyproject.toml"))


def test_no_config_is_defaults(tmp_path: Path) -> None:
    cfg = load_config(tmp_path)
    assert cfg == Config() and cfg.path is None
    assert cfg.level_for("economy.trade", "error", "a.txt") == "error"
    assert cfg.is_enabled("economy.trade", "a.txt")


BAD_YAML = [
    ("levles: {}\n", 1, "levles: unknown key (did you mean 'levels'?)"),
    ("levels:\n  economy.trade: fatal\n", 2, "levels.economy.trade: 'fatal' is not one of error, warning, note"),
    ("levels:\n  'bad id!': error\n", 2, "levels.bad id!: is not a rule id"),
    ("disable: economy.trade\n", 1, "disable: expected a list"),
    ("overrides:\n  - disable: [generic]\n", 2, "overrides[0].glob: required key is missing"),
    ("overrides:\n  - glob: '*.md'\n    disabled: [generic]\n", 3, "overrides[0].disabled: unknown key (did you mean 'disable'?)"),
    ("fail_on: errors\n", 1, "fail_on: 'errors' is not one of error, warning, note (did you mean 'error'?)"),
    ("format: 3\n", 1, "format: expected a string, got an integer"),
    ("format: jsn\n", 1, "format: 'jsn' is not one of text, json, markdown, html, sarif, junit, github, line, gitlab (did you mean 'json'?)"),
    ("rules: [a, *b]\n", 1, "aliases are not allowed"),
    ("rules: [a\nformat: x\n", 2, "invalid YAML"),
    ("- just\n- a list\n", 1, "must be a mapping"),
]


@pytest.mark.parametrize(("text", "line", "fragment"), BAD_YAML)
def test_bad_yaml_config(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    (tmp_path / ".factcheck.yaml").write_text(text)
    with pytest.raises(RuleFileError) as info:
        load_config(tmp_path)
    err = info.value
    assert err.path == str(tmp_path / ".factcheck.yaml")
    assert (err.line, fragment in err.message) == (line, True), str(err)
    assert "\n" not in str(err)


BAD_TOML = [
    ('[tool.factcheck]\nformat = "json"\nfail_onn = "note"\n', 3, "fail_onn: unknown key"),
    ('[tool.factcheck]\nformat = "json"\n\n[tool.factcheck.levels]\n"economy.trade" = "loud"\n', 5, "'loud' is not one of"),
    ("[tool.factcheck\n", 1, "invalid TOML"),
    ('[tool.factcheck]\nx = = 1\n', 2, "invalid TOML"),
]


@pytest.mark.parametrize(("text", "line", "fragment"), BAD_TOML)
def test_bad_toml_config(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text)
    with pytest.raises(RuleFileError) as info:
        load_config(tmp_path)
    assert (info.value.line, fragment in info.value.message) == (line, True), str(info.value)


def test_overrides_by_document() -> None:
    cfg = Config(
        levels=(("economy.trade", "warning"),),
        disable=("prices.price",),
        overrides=(
            Override("press/*.txt", ("generic",), (("economy.trade", "note"),)),
            Override("*.md", (), (("economy.trade", "error"),)),
        ),
    )
    assert cfg.level_for("economy.trade", "error") == "warning"
    assert cfg.level_for("economy.trade", "error", "press/a.txt") == "note"
    assert cfg.level_for("economy.trade", "error", "docs/notes.md") == "error"  # base-name match
    assert cfg.level_for("economy.gdp", "error", "press/a.txt") == "error"
    assert not cfg.is_enabled("generic", "press/a.txt")
    assert cfg.is_enabled("generic", "other/a.txt")
    assert not cfg.is_enabled("prices.price", "other/a.txt")


def test_config_changes_the_loaded_rules(tmp_path: Path) -> None:
    user = tmp_path / "my_rules"
    user.mkdir()
    (user / "widgets.yaml").write_text("title: W\nmetric: {name: widgets, terms: [widget]}\n")
    (tmp_path / ".factcheck.yaml").write_text(
        "rules: [my_rules]\nlevels: {economy.trade: warning, widgets: note}\ndisable: [prices.price]\n"
    )
    rules = load_rules(config=load_config(tmp_path))
    assert rules.get("economy.trade").level == "warning"
    assert rules.get("widgets").level == "note"
    assert not rules.get("prices.price").enabled
    assert rules.get("economy.gdp").enabled


UNKNOWN_IDS = [
    ("disable: [economy.trad]\n", 1, "disable: unknown rule 'economy.trad' (did you mean 'economy.trade'?)"),
    ("levels:\n  economy.gpd: note\n", 2, "levels: unknown rule 'economy.gpd' (did you mean 'economy.gdp'?)"),
    ("overrides:\n  - glob: '*'\n    disable:\n      - nope.nothing\n", 4, "overrides: unknown rule 'nope.nothing'"),
    ("rules: [missing_dir]\n", 1, "no such rules directory"),
]


@pytest.mark.parametrize(("text", "line", "fragment"), UNKNOWN_IDS)
def test_unknown_rule_ids_in_config(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    (tmp_path / ".factcheck.yaml").write_text(text)
    with pytest.raises(RuleFileError) as info:
        load_rules(config=load_config(tmp_path))
    assert info.value.path == str(tmp_path / ".factcheck.yaml")
    assert (info.value.line, fragment in info.value.message) == (line, True), str(info.value)


def test_config_formats_and_levels_match_the_reporters() -> None:
    from factcheck.model import LEVELS
    from factcheck.report import FORMATS
    from factcheck.schemas import load_schema

    props = load_schema("config")["properties"]
    assert sorted(props["format"]["enum"]) == sorted(FORMATS)
    assert props["fail_on"]["enum"] == list(LEVELS)
