"""What a document's stored claims depend on besides its text: the rules, the lexicons and the framing code.

Why: claims framed under other rules or by another factcheck would align differently from those of a new
batch. Each stored document carries the fingerprint it was framed under; `factcheck index` reframes a
document whose fingerprint is not the current one, and `check --against` refuses an index that holds any.
"""
from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from ..rules import RuleSet

_PKG = Path(__file__).resolve().parents[1]
#: the code whose output is stored: extraction, framing, the claim model, blocking keys and the codec
_CODE = ("extract", "frame", "pipeline.py", "model.py", "rules.py", "align.py", "crosscheck.py", "versions.py",
         "guard.py", "scope.py", "index/codec.py", "index/store.py")


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    h = hashlib.sha256()
    for part in _CODE:
        path = _PKG / part
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for f in files:
            h.update(str(f.relative_to(_PKG)).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def _tree_digest(root: Path) -> str:
    h = hashlib.sha256()
    if root.is_dir():
        for f in sorted(root.rglob("*.yaml")):
            h.update(str(f.relative_to(root)).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def fingerprint(rules: RuleSet) -> str:
    """A short digest of the rule set (as loaded, config applied), every lexicon file and the framing code."""
    from .. import __version__
    from ..paths import shipped_rules_dir

    h = hashlib.sha256(__version__.encode())
    h.update(json.dumps(rules.to_dicts(), sort_keys=True, default=str).encode())
    for root in (shipped_rules_dir(), *rules.lexicon_dirs):
        h.update(_tree_digest(Path(root)).encode())
    h.update(_code_digest().encode())
    return h.hexdigest()[:24]
