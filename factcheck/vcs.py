"""``--changed-since REF``: check only findings that touch files changed in this branch or PR."""
from __future__ import annotations

import dataclasses
import os
import subprocess
from pathlib import Path

from .errors import FactcheckError
from .model import Report


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
        )
    except FileNotFoundError:
        raise FactcheckError("--changed-since needs git, which is not installed or not on PATH") from None
    except NotADirectoryError:
        raise FactcheckError(f"--changed-since: {cwd} is not a directory") from None


def _names(out: str) -> list[str]:
    return [n for n in out.split("\0") if n]


def changed_files(ref: str, cwd: Path) -> set[Path]:
    """Absolute paths of files added, copied, modified or renamed since `ref`, plus untracked files.

    Deleted files are left out: there is nothing left in them to check.
    """
    cwd = Path(cwd)
    if not ref or ref.startswith("-"):
        raise FactcheckError(f"--changed-since: invalid git ref {ref!r}")
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top.returncode != 0:
        raise FactcheckError(f"--changed-since: {cwd} is not inside a git repository")
    root = Path(top.stdout.strip())
    sha = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root)
    if sha.returncode != 0 or not sha.stdout.strip():
        raise FactcheckError(
            f"--changed-since: unknown git ref {ref!r} (in CI, fetch enough history, e.g. actions/checkout with fetch-depth: 0)"
        )
    diff = _git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=ACMR", sha.stdout.strip(), "--"], root)
    if diff.returncode != 0:
        raise FactcheckError(f"--changed-since: git diff failed: {diff.stderr.strip().splitlines()[-1:] or ['?']}")
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], root)
    if untracked.returncode != 0:
        raise FactcheckError("--changed-since: git ls-files failed")
    return {(root / n).resolve() for n in _names(diff.stdout) + _names(untracked.stdout)}


def docs_in(report: Report, paths: set[Path], cwd: Path) -> set[str]:
    """Names of the report's documents whose file (relative to `cwd`) is among `paths`."""
    wanted = {Path(p).resolve() for p in paths}
    return {d.name for d in report.documents if (Path(cwd) / d.name).resolve() in wanted}


def restrict_to(report: Report, docs: set[str]) -> Report:
    """A copy of `report` with only the findings that involve at least one of `docs`.

    Documents and claims are kept whole (they give the findings context); baseline statuses
    follow the findings kept, and resolved ids are left as they are.
    """
    kept = tuple(f for f in report.findings if any(c.doc in docs for c in f.claims))
    ids = {f.id for f in kept}
    status = tuple((i, s) for i, s in report.baseline_status if i in ids)
    return dataclasses.replace(report, findings=kept, baseline_status=status)
