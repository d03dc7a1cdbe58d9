"""Safe YAML loading with line numbers, for rule and lexicon files.

Why not ``yaml.safe_load``: users need ``file:line`` in every error, and a hostile file must not be
able to expand aliases into gigabytes (billion laughs), so aliases are refused outright; nesting deeper
than `MAX_DEPTH` is refused before anything recursive sees it (deep YAML raised RecursionError), and files
over `MAX_RULE_FILE_BYTES` are not read. libyaml (C) parses when it is installed: a large rule file loads
in a second, not tens of seconds.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import FactcheckError, RuleFileError
from .safeio import read_regular

MAX_RULE_FILE_BYTES = 1_000_000
#: The deepest nesting of mappings and sequences a rule file may have (the shipped ones use fewer than 10).
MAX_DEPTH = 64
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LinedDict(dict):
    """A mapping that remembers the 1-based line of each key, for error messages."""

    lines: dict[str, int]
    line: int


class LinedList(list):
    """A sequence that remembers the line of each item."""

    lines: list[int]
    line: int


def _check_events(text: str) -> None:
    """Refuse aliases and deep nesting in one flat pass over the parser's events (no recursion)."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.YAMLError(f"line {event.start_mark.line + 1}: YAML aliases are not allowed in rule files")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise yaml.YAMLError(f"line {event.start_mark.line + 1}: nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _construct(node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LinedDict()
        out.lines = {}
        out.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            out[key] = _construct(value_node, loader)
            out.lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LinedList(_construct(n, loader) for n in node.value)
        seq.lines = [n.start_mark.line + 1 for n in node.value]
        seq.line = node.start_mark.line + 1
        return seq
    return loader.construct_object(node, deep=True)


def _fast(text: str) -> Any:
    """libyaml's parser and composer (several times faster than PyYAML's, which dominated startup), the
    same tree built from the nodes. None when libyaml is missing or the text has an alias or any error:
    then the pure-Python path below runs and words the error exactly as it always has."""
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    try:
        if any(isinstance(e, yaml.AliasEvent) for e in yaml.parse(text, Loader=yaml.CSafeLoader)):
            return None
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
        if node is None:
            return None
        loader = yaml.CSafeLoader("")
        try:
            return _construct(node, loader)
        finally:
            loader.dispose()
    except yaml.YAMLError:
        return None


def load_yaml_text(text: str, path: str) -> Any:
    """Parse YAML text into LinedDict/LinedList/scalars, or raise RuleFileError with a line."""
    try:
        _check_events(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise RuleFileError(path, mark.line + 1 if mark else 1, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        head, _, msg = str(exc).partition(": ")
        raise RuleFileError(path, int(head.split()[1]) if head.startswith("line ") else 1, msg or str(exc)) from None
    fast = _fast(text)
    if fast is not None:
        return fast
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise RuleFileError(path, 1, "the file is empty")
        return _construct(node, loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise RuleFileError(path, line, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        msg = str(exc)
        line = 1
        if msg.startswith("line "):
            head, _, msg = msg.partition(": ")
            line = int(head.split()[1])
        raise RuleFileError(path, line, msg) from None
    finally:
        loader.dispose()


def load_yaml_file(path: Path | str) -> Any:
    """Read a rule file safely: size-capped, UTF-8, no aliases; errors name the file and line."""
    p = Path(path)
    try:
        raw = read_regular(p, MAX_RULE_FILE_BYTES, "file")
    except FactcheckError as exc:
        raise RuleFileError(str(p), 1, exc.what) from None
    if b"\x00" in raw:
        raise RuleFileError(str(p), 1, "binary file, not YAML")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise RuleFileError(str(p), line, "not valid UTF-8") from None
    return load_yaml_text(text, str(p))


def line_of(container: Any, key: str | int | None = None) -> int:
    """Best-known line of ``container[key]`` (or of the container itself)."""
    if key is not None:
        if isinstance(container, LinedDict) and key in container.lines:
            return container.lines[key]  # type: ignore[index]
        if isinstance(container, LinedList) and isinstance(key, int) and key < len(container.lines):
            return container.lines[key]
    return getattr(container, "line", 1)
