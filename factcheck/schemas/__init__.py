"""JSON Schemas for rule, lexicon, config and suppression files, and one `validate()` for all.

Why a schema at all: a typo in a rule file (``relativ:``) must be an error at its line, not a
silently ignored key, and one schema per file kind keeps the grammar in one reviewable place.
"""
from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import jsonschema
from jsonschema.exceptions import ValidationError

from ..errors import RuleFileError
from ..rulefile import line_of

__all__ = ["validate", "load_schema", "schema_names", "key_path", "plain_dates"]


def schema_names() -> tuple[str, ...]:
    """Names accepted by `validate` (file ``<name>.schema.json`` in this package)."""
    files = resources.files(__name__)
    return tuple(
        sorted(p.name[: -len(".schema.json")] for p in files.iterdir() if p.name.endswith(".schema.json"))
    )


@functools.lru_cache(maxsize=None)
def load_schema(name: str) -> dict[str, Any]:
    """The parsed schema ``<name>.schema.json``; cached because schemas never change at run time."""
    try:
        text = resources.files(__name__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyError(f"no schema named {name!r}; known: {', '.join(schema_names())}") from None
    schema = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def plain_dates(data: Any) -> Any:
    """Turn YAML timestamps (unquoted ``2024-01-31``) into ISO strings, in place.

    Why: authors rarely quote dates, and JSON Schema only knows strings; the containers keep
    their line numbers because they are mutated, not rebuilt.
    """
    if isinstance(data, dict):
        for key, value in list(data.items()):
            if isinstance(value, (dt.date, dt.datetime)):
                data[key] = value.isoformat()
            else:
                plain_dates(value)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            if isinstance(value, (dt.date, dt.datetime)):
                data[i] = value.isoformat()
            else:
                plain_dates(value)
    return data


def key_path(parts: Iterable[str | int]) -> str:
    """``['tests', 0, 'expect']`` -> ``tests[0].expect``: how users name a spot in their file."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _walk(data: Any, parts: Iterable[str | int]) -> tuple[Any, str | int | None]:
    """The container holding the last element of ``parts``, and that element's key."""
    parent: Any = None
    key: str | int | None = None
    node = data
    for part in parts:
        parent, key = node, part
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    return parent, key


def _line(data: Any, parts: list[str | int]) -> int:
    if not parts:
        return line_of(data)
    parent, key = _walk(data, parts)
    return line_of(parent, key) if parent is not None else line_of(data)


_TYPE_WORDS = {
    "string": "a string",
    "number": "a number",
    "integer": "an integer",
    "boolean": "true or false",
    "object": "a mapping (key: value)",
    "array": "a list",
    "null": "empty",
}


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return type(value).__name__


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _describe(error: ValidationError, data: Any) -> list[tuple[int, str]]:
    """One or more (line, message) pairs for a jsonschema error, in the user's vocabulary."""
    parts = list(error.absolute_path)
    if "propertyNames" in error.schema_path and isinstance(error.instance, str):
        parts.append(error.instance)  # the offending thing is the key itself
    where = key_path(parts)
    schema = error.schema if isinstance(error.schema, dict) else {}
    custom = schema.get("x-message")
    if error.validator == "additionalProperties":
        allowed = set(schema.get("properties", {}))
        out = []
        instance = error.instance if isinstance(error.instance, dict) else {}
        for key in instance:
            if key in allowed:
                continue
            full = key_path([*parts, key])
            out.append((_line(data, [*parts, key]), f"{full}: unknown key{_suggest(key, allowed)}"))
        return out or [(_line(data, parts), f"{where or 'file'}: unknown key")]
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else str(error.validator_value)
        full = key_path([*parts, missing])
        return [(_line(data, parts), f"{full}: required key is missing")]
    label = where or "file"
    if custom:
        return [(_line(data, parts), f"{label}: {custom}")]
    if error.validator == "type":
        expected = error.validator_value
        names = expected if isinstance(expected, list) else [expected]
        want = " or ".join(_TYPE_WORDS.get(str(n), str(n)) for n in names)
        return [(_line(data, parts), f"{label}: expected {want}, got {_type_of(error.instance)}")]
    if error.validator == "enum":
        choices = [str(c) for c in error.validator_value]
        hint = _suggest(str(error.instance), choices) if isinstance(error.instance, str) else ""
        return [
            (_line(data, parts), f"{label}: {error.instance!r} is not one of {', '.join(choices)}{hint}")
        ]
    if error.validator in ("minItems", "minProperties") and error.validator_value == 1:
        return [(_line(data, parts), f"{label}: must not be empty")]
    if error.validator == "minLength" and error.validator_value == 1:
        return [(_line(data, parts), f"{label}: must not be empty")]
    if error.validator == "minimum":
        return [(_line(data, parts), f"{label}: {error.instance!r} is less than the minimum {error.validator_value}")]
    if error.validator == "maximum":
        return [(_line(data, parts), f"{label}: {error.instance!r} is more than the maximum {error.validator_value}")]
    if error.validator == "uniqueItems":
        return [(_line(data, parts), f"{label}: items must not repeat")]
    if error.validator in ("anyOf", "oneOf") and error.context:
        best = jsonschema.exceptions.best_match(error.context)
        return _describe(best, data) if best is not None else [(_line(data, parts), f"{label}: {error.message}")]
    return [(_line(data, parts), f"{label}: {error.message}")]


#: When one spot breaks several constraints, the most basic explanation is shown first.
_RANK = {"type": 0, "additionalProperties": 1, "required": 2}


def validate(data: Any, schema_name: str, path: str) -> None:
    """Check ``data`` (from `rulefile.load_yaml_file`) against a named schema.

    Raises one `RuleFileError` for the problem nearest the top of the file, so the user sees
    exactly one ``file:line: key: problem`` line and fixes files top to bottom.
    """
    schema = load_schema(schema_name)
    plain_dates(data)
    validator = jsonschema.Draft202012Validator(schema)
    found: list[tuple[int, int, str]] = []
    for error in validator.iter_errors(data):
        rank = _RANK.get(str(error.validator), len(_RANK))
        found.extend((line, rank, message) for line, message in _describe(error, data))
    if found:
        line, _, message = min(found)
        raise RuleFileError(path, line, message)


def load_lexicon_file(name: str, rules_dir: Path | None = None) -> tuple[Any, Path]:
    """``<rules_dir>/lexicon/<name>.yaml`` (the shipped rules when None), loaded safely and checked
    against the ``lexicon-<name>`` schema: (a mapping with line numbers, its path), or a
    ``file:line: message`` error."""
    from ..paths import shipped_rules_dir
    from ..rulefile import LinedDict, load_yaml_file

    path = (rules_dir or shipped_rules_dir()) / "lexicon" / f"{name}.yaml"
    data = load_yaml_file(path)
    validate(data, f"lexicon-{name}", str(path))
    if not isinstance(data, LinedDict):
        raise RuleFileError(str(path), 1, "expected a mapping at the top of the file")
    return data, path
