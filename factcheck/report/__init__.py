"""Renderers (one pure function per output format) and the exit-code decision.

Every renderer has the signature ``render(report, *, color=False) -> str`` and computes
nothing but layout, so all formats agree on what was found.
"""
from __future__ import annotations

from collections.abc import Callable

from ..errors import ExitCode, FactcheckError
from ..model import LEVELS, Finding, Report
from . import github, htmlpage, jsonfmt, junit, markdown, sarif, text

Renderer = Callable[..., str]

#: Output format name -> renderer, as `--format` and `--output FORMAT=PATH` accept them.
RENDERERS: dict[str, Renderer] = {
    "text": text.render,
    "json": jsonfmt.render,
    "markdown": markdown.render,
    "html": htmlpage.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
}

FORMATS: tuple[str, ...] = tuple(RENDERERS)


def render(report: Report, fmt: str, *, color: bool = False, width: int | None = None) -> str:
    """Render in the named format; `width` only matters to ``text``."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise FactcheckError(f"unknown format {fmt!r} (choose from {', '.join(sorted(RENDERERS))})") from None
    if fmt == "text":
        return text.render(report, color=color, width=width)
    return renderer(report, color=color)


def failing_findings(report: Report, fail_on: str = "error") -> list[Finding]:
    """Contradictions at or above `fail_on`; with a baseline applied, only the new ones."""
    if fail_on not in LEVELS:
        raise FactcheckError(f"--fail-on {fail_on!r}: choose from {', '.join(LEVELS)}")
    threshold = LEVELS.index(fail_on)
    with_baseline = bool(report.baseline_status or report.resolved_ids)
    status = dict(report.baseline_status)
    return [
        f
        for f in report.findings
        if f.verdict == "contradiction"
        and f.level in LEVELS
        and LEVELS.index(f.level) <= threshold
        and (not with_baseline or status.get(f.id, "new") == "new")
    ]


def decide_exit(report: Report, fail_on: str = "error", exit_zero: bool = False) -> ExitCode:
    """FINDINGS when any contradiction at/above `fail_on` is new; CLEAN otherwise or with `exit_zero`."""
    found = failing_findings(report, fail_on)
    if exit_zero:
        return ExitCode.CLEAN
    return ExitCode.FINDINGS if found else ExitCode.CLEAN


__all__ = ["FORMATS", "RENDERERS", "decide_exit", "failing_findings", "render"]
