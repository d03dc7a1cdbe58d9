"""Where the shipped rules live (beside the package in a source checkout, inside it in a wheel), and where
their documentation is published."""
from __future__ import annotations

import functools
import os
from pathlib import Path
from urllib.parse import quote, urlsplit

_PKG = Path(__file__).resolve().parent

#: Environment variable that points rule documentation at a fork or mirror (beats the config's ``docs_url``).
DOCS_URL_ENV = "FACTCHECK_DOCS_URL"
#: `[project.urls]` labels read, in order, when neither the environment nor the config names a docs URL. The
#: repository comes first: the rule files are surely there, under the same paths as in the checkout.
_URL_LABELS = ("repository", "source", "source code", "documentation", "docs", "homepage")


def shipped_rules_dir() -> Path:
    """The `rules/` directory that ships with factcheck (users edit a copy or add their own)."""
    for candidate in (_PKG / "_rules", _PKG.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("factcheck's shipped rules/ directory is missing from this installation")


def docs_url(configured: str | None = None) -> str | None:
    """The base URL under which the project's files (``rules/…``) can be read, ending in ``/``; None if unknown.

    In order: $FACTCHECK_DOCS_URL, the config's ``docs_url``, then the package's own ``[project.urls]``.
    Why None rather than a default: a link to a placeholder is worse than no link, and SARIF lets a rule
    go without a ``helpUri`` (its help text is in ``help`` all the same).
    """
    base = os.environ.get(DOCS_URL_ENV) or configured or package_docs_url()
    if not base:
        return None
    return base if base.endswith("/") else base + "/"


@functools.lru_cache(maxsize=1)
def package_docs_url() -> str | None:
    """The documentation base from the installed package's metadata: a GitHub or GitLab repository becomes the
    view of its default branch (``…/blob/HEAD/``), any other URL is taken as it is."""
    from importlib import metadata

    try:
        entries = metadata.metadata("factcheck").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    return docs_base_from_project_urls(entries)


def docs_base_from_project_urls(entries: list[str]) -> str | None:
    """``["Repository, https://github.com/o/factcheck", ...]`` (core metadata ``Project-URL``) -> base URL."""
    urls: dict[str, str] = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        if url.strip().startswith(("https://", "http://")):
            urls.setdefault(label.strip().lower(), url.strip())
    for label in _URL_LABELS:
        if label in urls:
            return _browsable(urls[label])
    return None


def _browsable(url: str) -> str:
    """A repository's front page -> the URL prefix of its files; anything else unchanged."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/").removesuffix(".git")
    if parts.netloc in ("github.com", "www.github.com") and path.count("/") == 2:
        return f"https://github.com{path}/blob/HEAD/"
    if parts.netloc == "gitlab.com" and path.count("/") >= 2 and "/-/" not in path:
        return f"https://gitlab.com{path}/-/blob/HEAD/"
    return url


def portable_path(path: str) -> str:
    """A rule file's path without the machine it ran on: shipped rules as ``rules/…``, others relative to the
    working directory when inside it, so the same check gives the same report in any checkout."""
    p = Path(path)
    if not p.is_absolute():
        return p.as_posix()
    try:
        return "rules/" + p.resolve().relative_to(shipped_rules_dir().resolve()).as_posix()
    except (ValueError, FileNotFoundError, OSError):
        pass
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return p.as_posix()


def rule_help_uri(path: str, base: str) -> str:
    """The rule's documentation under `base`: its own file for a shipped rule, else the rule grammar
    (``rules/README.md``), since a rule of yours is not published with factcheck."""
    portable = portable_path(path) if path else ""
    if portable.startswith("rules/"):
        return base + quote(portable, safe="/")
    return base + "rules/README.md"
