"""Project configuration: ``.factcheck.yaml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

Why both: Python projects keep tool settings in pyproject.toml, everyone else wants a dotfile.
The file is found as ruff and black find theirs: in the directory of the checked path, then each
parent up to the repository root (the first directory holding ``.git``), the first directory with a
``.factcheck.yaml`` or a ``pyproject.toml`` that has a ``[tool.factcheck]`` table wins (a dotfile wins
over pyproject.toml in one directory); failing that, the working directory; ``--config`` overrides
it all. Keys (all optional)::

    rules: [dir, ...]                 # extra rule directories, relative to the config file
    levels: {rule_id: error|warning|note}
    disable: [rule_id, ...]
    overrides:                        # per-document changes, matched on the document name
      - glob: "press/*.txt"
        disable: [rule_id, ...]
        levels: {rule_id: level}
    format: text                      # default output format: text, json, markdown, html, sarif, junit, github
    fail_on: error|warning|note       # lowest contradiction level that makes the exit status 1
    include: ["docs/**/*.md"]         # gitignore-style globs, relative to the config file: read only these
    exclude: ["drafts/", "*.tmp.md"]  # ... and never these (files named on the command line are always read)
    respect_gitignore: true           # skip what .gitignore files ignore (default true)
    docs_url: https://github.com/you/factcheck/blob/main/   # where rules/… are published (SARIF helpUri)

Every problem is a ``file:line: message`` `RuleFileError`.
"""
from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import FactcheckError, RuleFileError
from .rulefile import MAX_RULE_FILE_BYTES, LinedDict, LinedList, line_of, load_yaml_file
from .safeio import read_regular
from .schemas import validate

__all__ = ["Config", "Override", "load_config", "find_config", "search_dirs", "CONFIG_FILES"]

#: Files looked for in the working directory, first found wins.
CONFIG_FILES = (".factcheck.yaml", ".factcheck.yml", "pyproject.toml")


@dataclass(frozen=True)
class Override:
    """Rule changes for the documents whose name matches `glob`."""

    glob: str
    disable: tuple[str, ...] = ()
    levels: tuple[tuple[str, str], ...] = ()

    def matches(self, doc: str) -> bool:
        """fnmatch on the document name; a glob without '/' also matches the base name."""
        name = doc.replace("\\", "/")
        if fnmatch.fnmatchcase(name, self.glob):
            return True
        return "/" not in self.glob and fnmatch.fnmatchcase(PurePosixPath(name).name, self.glob)


@dataclass(frozen=True)
class Config:
    """The validated configuration; tuples rather than dicts so it is hashable and ordered."""

    #: The file it came from (None: no config file, all defaults).
    path: str | None = None
    rules: tuple[Path, ...] = ()
    levels: tuple[tuple[str, str], ...] = ()
    disable: tuple[str, ...] = ()
    overrides: tuple[Override, ...] = ()
    format: str | None = None
    fail_on: str | None = None
    #: Which files a directory yields (gitignore-style globs relative to `root`); see `factcheck.discover`.
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    #: The directory the config file is in: `include`, `exclude` and `rules` are relative to it.
    root: Path | None = None
    #: Base URL of the published rule files (SARIF ``helpUri``); see `paths.docs_url`.
    docs_url: str | None = None
    #: ((key, sub-key or ""), line) so later checks (unknown rule ids) can point at the line.
    key_lines: tuple[tuple[tuple[str, str], int], ...] = ()

    def line_for(self, key: str, sub: str = "") -> int:
        """Line of ``key`` (or of ``sub`` inside it) in the config file; 1 when unknown."""
        lines = dict(self.key_lines)
        return lines.get((key, sub)) or lines.get((key, "")) or 1

    def level_for(self, rule_id: str, default: str, doc: str | None = None) -> str:
        """The level of ``rule_id``'s findings in ``doc``: global `levels`, then matching overrides."""
        level = dict(self.levels).get(rule_id, default)
        if doc is not None:
            for ov in self.overrides:
                if ov.matches(doc):
                    level = dict(ov.levels).get(rule_id, level)
        return level

    def is_enabled(self, rule_id: str, doc: str | None = None) -> bool:
        """Whether ``rule_id`` runs (for ``doc``): not in `disable` nor in a matching override's."""
        if rule_id in self.disable:
            return False
        if doc is not None:
            return not any(ov.matches(doc) and rule_id in ov.disable for ov in self.overrides)
        return True


def _toml_lines(data: Any, text_lines: list[str], start: int) -> Any:
    """Rebuild TOML data as LinedDict/LinedList, finding each key's line by searching the text.

    Why searching: tomllib keeps no positions, but a message pointing at line 1 of a long
    pyproject.toml is little help. The first line at or after the parent's that assigns the key wins.
    """
    if isinstance(data, dict):
        out = LinedDict()
        out.line, out.lines = start, {}
        for key, value in data.items():
            pattern = re.compile(r"(^|[{,.\s\[])(\"" + re.escape(key) + r"\"|'" + re.escape(key) + r"'|" + re.escape(key) + r")\s*(=|\]|\.)")
            line = start
            for i in range(start - 1, len(text_lines)):
                if pattern.search(text_lines[i]):
                    line = i + 1
                    break
            out.lines[key] = line
            out[key] = _toml_lines(value, text_lines, line)
        return out
    if isinstance(data, list):
        seq = LinedList(_toml_lines(v, text_lines, start) for v in data)
        seq.line, seq.lines = start, [start] * len(data)
        return seq
    return data


def _read_toml(path: Path, require_table: bool) -> Any | None:
    """The factcheck table of a TOML file with lines attached, or None when it has none."""
    spath = str(path)
    try:
        text = read_regular(path, MAX_RULE_FILE_BYTES, "file").decode("utf-8")
    except FactcheckError as exc:
        raise RuleFileError(spath, 1, exc.what) from None
    except UnicodeDecodeError:
        raise RuleFileError(spath, 1, "cannot read: not UTF-8") from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise RuleFileError(spath, int(m.group(1)) if m else 1, f"invalid TOML: {str(exc).split(' (at')[0]}") from None
    table = doc.get("tool", {}).get("factcheck") if isinstance(doc.get("tool"), dict) else None
    if table is None:
        if require_table:
            return None
        table = doc
    lines = text.splitlines()
    start = 1
    for i, line in enumerate(lines):
        if re.match(r"\s*\[\s*tool\s*\.\s*factcheck\s*[\].]", line):
            start = i + 1
            break
    return _toml_lines(table, lines, start)


def _read_yaml(path: Path) -> Any:
    try:
        raw = read_regular(path, MAX_RULE_FILE_BYTES, "file")
    except FactcheckError as exc:
        raise RuleFileError(str(path), 1, exc.what) from None
    content = [ln for ln in raw.decode("utf-8", "replace").splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not content:  # an empty config file means "all defaults", unlike an empty rule file
        out = LinedDict()
        out.line, out.lines = 1, {}
        return out
    return load_yaml_file(path)


def _in_dir(directory: Path) -> tuple[Path, Any] | None:
    for name in CONFIG_FILES:
        path = directory / name
        if not path.is_file():
            continue
        if name == "pyproject.toml":
            data = _read_toml(path, require_table=True)
            if data is not None:
                return path, data
        else:
            return path, _read_yaml(path)
    return None


def search_dirs(start: Path) -> list[Path]:
    """The directories looked in, nearest first: `start` (or its directory) up to the repository root, or
    to the file system's root outside a repository."""
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    out = []
    for d in (here, *here.parents):
        out.append(d)
        if (d / ".git").exists():
            break
    return out


def find_config(start: Path, cwd: Path | None = None) -> Path | None:
    """The config file in force for a check of `start`; None when there is none."""
    found = _find(start, cwd)
    return found[0] if found else None


def _find(start: Path, cwd: Path | None = None) -> tuple[Path, Any] | None:
    dirs = search_dirs(start)
    if cwd is not None and cwd.resolve() not in dirs:
        dirs.append(cwd.resolve())
    for d in dirs:
        found = _in_dir(d)
        if found is not None:
            return found
    return None


def load_config(cwd: Path, explicit: Path | None = None, start: Path | None = None) -> Config:
    """The configuration in force for a run started in ``cwd`` that checks ``start`` (default: ``cwd``),
    or the file ``explicit``."""
    if explicit is not None:
        path = explicit if explicit.is_absolute() else cwd / explicit
        if not path.is_file():
            raise RuleFileError(str(explicit), 1, "no such config file")
        if path.suffix == ".toml":
            data = _read_toml(path, require_table=path.name == "pyproject.toml")
            if data is None:
                raise RuleFileError(str(explicit), 1, "no [tool.factcheck] table in this file")
        else:
            data = _read_yaml(path)
        found: tuple[Path, Any] | None = (path, data)
    else:
        found = _find(start if start is not None else cwd, cwd)
    if found is None:
        return Config()
    path, data = found
    spath = str(path)
    if not isinstance(data, dict):
        raise RuleFileError(spath, line_of(data), "the configuration must be a mapping of keys (rules:, levels:, ...)")
    validate(data, "config", spath)

    key_lines: dict[tuple[str, str], int] = {}
    for key in data:
        key_lines[(key, "")] = line_of(data, key)
    for i, rid in enumerate(data.get("disable") or ()):
        key_lines.setdefault(("disable", rid), line_of(data["disable"], i))
    for rid in data.get("levels") or {}:
        key_lines.setdefault(("levels", rid), line_of(data["levels"], rid))
    overrides: list[Override] = []
    for i, ov in enumerate(data.get("overrides") or ()):
        for j, rid in enumerate(ov.get("disable") or ()):
            key_lines.setdefault(("overrides", rid), line_of(ov["disable"], j))
        for rid in ov.get("levels") or {}:
            key_lines.setdefault(("overrides", rid), line_of(ov["levels"], rid))
        overrides.append(
            Override(
                glob=ov["glob"],
                disable=tuple(ov.get("disable") or ()),
                levels=tuple((str(k), str(v)) for k, v in (ov.get("levels") or {}).items()),
            )
        )
    base = path.parent
    return Config(
        path=spath,
        rules=tuple((base / d).resolve() for d in data.get("rules") or ()),
        levels=tuple((str(k), str(v)) for k, v in (data.get("levels") or {}).items()),
        disable=tuple(data.get("disable") or ()),
        overrides=tuple(overrides),
        format=data.get("format"),
        fail_on=data.get("fail_on"),
        include=tuple(data.get("include") or ()),
        exclude=tuple(data.get("exclude") or ()),
        respect_gitignore=bool(data.get("respect_gitignore", True)),
        docs_url=data.get("docs_url"),
        root=base.resolve(),
        key_lines=tuple(sorted(key_lines.items())),
    )
