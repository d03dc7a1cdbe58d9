#!/usr/bin/env python3
"""Regenerate the example reports in ``reports/`` from the documents in ``seeds/``.

    python scripts/regenerate_reports.py           # rewrite reports/seeds.* (only files that changed)
    python scripts/regenerate_reports.py --check   # exit 1 and list stale files; writes nothing

Every report comes from the real command line (``python -m factcheck check seeds --today
2026-11-22 --show-notes --output FMT=FILE ...``) run from the repository root, so the committed reports are
exactly what a user gets. The output is deterministic: "today" is fixed, no renderer writes a
timestamp, findings are sorted, and the environment is pinned (no colour, no FACTCHECK_* overrides).
``tests/test_reports_fresh.py`` runs ``--check``, so a change to the pipeline or the renderers
that alters a report fails the tests until the reports are regenerated and committed.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = "seeds"
TODAY = "2026-11-22"
#: Report file name -> the `--output` format that produces it.
REPORTS = {
    "seeds.txt": "text",
    "seeds.json": "json",
    "seeds.md": "markdown",
    "seeds.html": "html",
    "seeds.sarif": "sarif",
    "seeds.junit.xml": "junit",
    "seeds.github.txt": "github",
    "seeds.line.txt": "line",
    "seeds.gitlab.json": "gitlab",
}


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env.update({"NO_COLOR": "1", "PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8", "TERM": "dumb", "COLUMNS": "120"})
    return env


def render_all(workdir: Path) -> dict[str, bytes]:
    """Run the CLI once with one `--output` per format; return file name -> bytes."""
    # --show-notes: the examples show every kind of finding (by default notes are counted, not listed)
    cmd = [sys.executable, "-m", "factcheck", "check", SEEDS, "--today", TODAY, "--format", "json", "--show-notes"]
    for name, fmt in REPORTS.items():
        cmd += ["--output", f"{fmt}={workdir / name}"]
    proc = subprocess.run(cmd, cwd=ROOT, env=_env(), capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 1):  # 1 = contradictions found, which the seeds have
        sys.exit(f"regenerate_reports: `{' '.join(cmd[1:])}` failed (exit {proc.returncode}): {proc.stderr.strip()}")
    return {name: (workdir / name).read_bytes() for name in REPORTS}


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 and list stale reports instead of writing them")
    parser.add_argument("--out", type=Path, default=ROOT / "reports", help="report directory (default: reports/)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="factcheck-reports-") as tmp:
        fresh = render_all(Path(tmp))
    stale = []
    for name, data in fresh.items():
        target = args.out / name
        if not target.exists():
            stale.append((name, "missing"))
        elif target.read_bytes() != data:
            stale.append((name, "differs"))
    if args.check:
        if stale:
            print(f"stale reports in {_show(args.out)}/ (regenerate with: python scripts/regenerate_reports.py):", file=sys.stderr)
            for name, why in stale:
                print(f"  {_show(args.out / name)}: {why}", file=sys.stderr)
            return 1
        print(f"{len(fresh)} reports in {_show(args.out)}/ are up to date")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, why in stale:
        target = args.out / name
        tmp_target = target.with_name(f".{name}.tmp")
        tmp_target.write_bytes(fresh[name])
        os.replace(tmp_target, target)
        print(f"wrote {_show(target)} ({why})")
    if not stale:
        print(f"{len(fresh)} reports in {_show(args.out)}/ already up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
