"""The HTML report in a real browser: no console errors, and the chart is drawn."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest_report import evil_report, seed_report

from factcheck.report import RENDERERS
from factcheck.report.output import write_atomic

CHROMIUM = Path("/usr/bin/chromium")
CONSOLE = re.compile(r"CONSOLE[(:]|Uncaught|Content Security Policy|Refused to")


def _screenshot(html: str, tmp_path: Path) -> tuple[Path, str]:
    if not CHROMIUM.exists():
        pytest.skip("chromium not installed (apt-get install chromium)")
    page = tmp_path / "report.html"
    png = tmp_path / "shot.png"
    write_atomic(page, html)
    proc = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
         f"--screenshot={png}", "--window-size=1200,900", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )
    return png, proc.stderr


def _console_errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if CONSOLE.search(line)]


def _png_size(png: Path) -> tuple[int, int]:
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.mark.parametrize("make", [seed_report, evil_report])
def test_html_opens_without_console_errors(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    png, stderr = _screenshot(RENDERERS["html"](make()), tmp_path)
    assert not _console_errors(stderr), _console_errors(stderr)
    assert png.exists() and png.stat().st_size > 10_000  # a blank page is a few KB
    assert _png_size(png) == (1200, 900)


def test_console_error_detection_works(tmp_path: Path) -> None:
    _, stderr = _screenshot("<html><body><script>undefinedFn();</script></body></html>", tmp_path)
    assert _console_errors(stderr)


def test_claims_filter_runs_in_browser(tmp_path: Path) -> None:
    """The inline filter script runs: a ``#q=`` link pre-fills it and hides non-matching rows."""
    if not CHROMIUM.exists():
        pytest.skip("chromium not installed (apt-get install chromium)")
    page = tmp_path / "report.html"
    write_atomic(page, RENDERERS["html"](seed_report()))
    proc = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri() + "#q=treaties"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert "2 of 6 claims" in proc.stdout
    assert proc.stdout.count("<tr hidden=") == 4
