"""Which files a directory argument yields: the config's `include` / `exclude` globs and ``.gitignore``.

Why pathspec: it implements Git's wildmatch (``**``, a trailing ``/`` for directories, ``!`` to
re-include), so the globs mean what they mean in ``.gitignore``, ruff and black. A file named on the
command line is always read, as ruff does without ``--force-exclude``; only what a directory walk
finds is filtered.

``.gitignore`` files are read from the repository root (the first parent holding ``.git``; outside a
repository, the walked directory) down to each file's directory, each matching paths relative to its
own directory; ``.git/info/exclude`` counts too.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Selection", "repo_root"]


def repo_root(start: Path) -> Path | None:
    """The nearest directory at or above `start` that holds ``.git``; None outside a repository."""
    here = start.resolve()
    for d in (here, *here.parents):
        if (d / ".git").exists():
            return d
    return None


@functools.lru_cache(maxsize=4096)
def _spec(path: Path) -> object | None:
    """The compiled patterns of one ignore file, or None when it is missing or empty."""
    import pathspec

    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    lines = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    return pathspec.GitIgnoreSpec.from_lines(lines) if lines else None


def _matches(spec: object | None, rel: str) -> bool:
    return spec is not None and spec.match_file(rel)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Selection:
    """The filter a directory walk applies. `root` is the config file's directory (globs are relative to it);
    with no config, globs are relative to the walked directory."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    root: Path | None = None

    @functools.cached_property
    def _include(self) -> object | None:
        import pathspec

        return pathspec.GitIgnoreSpec.from_lines(self.include) if self.include else None

    @functools.cached_property
    def _exclude(self) -> object | None:
        import pathspec

        return pathspec.GitIgnoreSpec.from_lines(self.exclude) if self.exclude else None

    def wanted(self, path: Path, walked: Path) -> bool:
        """Whether `path`, found by walking `walked`, is read."""
        path = path.resolve()
        base = self.root or walked.resolve()
        try:
            rel = path.relative_to(base).as_posix()
        except ValueError:
            rel = None  # outside the config's tree: its globs do not apply
        if rel is not None:
            if self._include is not None and not _matches(self._include, rel):
                return False
            if _matches(self._exclude, rel):
                return False
        return not (self.respect_gitignore and self.ignored(path, walked))

    def ignored(self, path: Path, walked: Path) -> bool:
        """Whether a ``.gitignore`` (or ``.git/info/exclude``) between the repository root and `path` ignores it."""
        top = repo_root(walked) or walked.resolve()
        try:
            parts = path.relative_to(top).parts
        except ValueError:
            return False
        if _matches(_spec(top / ".git" / "info" / "exclude"), "/".join(parts)):
            return True
        here = top
        for i in range(len(parts)):
            rel = "/".join(parts[i:])
            if _matches(_spec(here / ".gitignore"), rel):
                return True
            here = here / parts[i]
        return False
