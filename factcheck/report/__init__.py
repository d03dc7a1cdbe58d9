"""Renderers (one pure function per output format) and the exit-code decision.

Every renderer has the signature ``render(report, *, color=False) -> str`` and computes
nothing but layout, so all formats agree on what was found.
"""
from __future__ import annotations

from collections.abc import Callable

from dataclasses import replace

from ..errors import ExitCode, FactcheckError
from ..model import LEVELS, Finding, Report
from ._common import is_failing
from . import github, gitlab, htmlpage, jsonfmt, junit, line, markdown, sarif, text

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
    "line": line.render,
    "gitlab": gitlab.render,
}

FORMATS: tuple[str, ...] = tuple(RENDERERS)


def render(report: Report, fmt: str, *, color: bool = False, width: int | None = None, show_notes: bool = False,
           show_agreements: bool = False) -> str:
    """Render in the named format; `width` and the ``show_*`` switches only matter to ``text``."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise FactcheckError(f"unknown format {fmt!r} (choose from {', '.join(sorted(RENDERERS))})") from None
    if fmt == "text":
        return text.render(report, color=color, width=width, show_notes=show_notes,
                           show_agreements=show_agreements)
    return renderer(report, color=color)


def failing_findings(report: Report, fail_on: str | None = None) -> list[Finding]:
    """Contradictions at or above `fail_on` (default: the report's own); with a baseline, only the new ones."""
    fail_on = fail_on or report.fail_on
    if fail_on not in LEVELS:
        raise FactcheckError(f"--fail-on {fail_on!r}: choose from {', '.join(LEVELS)}")
    probe = report if fail_on == report.fail_on else replace(report, fail_on=fail_on)
    return [f for f in report.findings if is_failing(probe, f)]


def decide_exit(report: Report, fail_on: str | None = None, exit_zero: bool = False) -> ExitCode:
    """FINDINGS when any contradiction at/above `fail_on` is new; CLEAN otherwise or with `exit_zero`."""
    found = failing_findings(report, fail_on)
    if exit_zero:
        return ExitCode.CLEAN
    return ExitCode.FINDINGS if found else ExitCode.CLEAN


__all__ = ["FORMATS", "RENDERERS", "decide_exit", "failing_findings", "render"]
