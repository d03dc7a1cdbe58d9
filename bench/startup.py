#!/usr/bin/env python3
"""Startup: `factcheck check` on one tiny document against importing the libraries it is built on.

Why: in an editor or a pre-commit hook factcheck runs on one file at a time, so the fixed cost of a run
(imports, rules, lexicons, rate tables) is what a user waits for. Goal (issue 15): one tiny document
costs at most 3x ``python -c "import pint, rich, yaml, regex, click"``, both measured in this run.

Each command runs `--repeat` times in a fresh process, alternating, and the table gives the median
wall time of each (the minimum too: on a shared machine the median is the honest figure, the minimum
what the code costs with the CPU to itself). This is a benchmark, not a test.

    python bench/startup.py                 # 7 runs each
    python bench/startup.py --repeat 15 --out reports/bench/startup.md
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TINY = "Trade grew 12 percent in 2021, the ministry said, against 16 percent in 2020.\n"
LIBS = "import pint, rich, yaml, regex, click"
GOAL = 3.0


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=False)
    took = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"startup: {' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()}")
    return took


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--out", type=Path, default=None, help="also write the markdown table here")
    args = ap.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), "NO_COLOR": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "tiny.txt"
        doc.write_text(TINY, encoding="utf-8")
        check = [sys.executable, "-m", "factcheck", "check", str(doc), "--today", "2026-01-01"]
        libs = [sys.executable, "-c", LIBS]
        _time(libs, env), _time(check, env)  # warm the OS file cache
        t_libs, t_check = [], []
        for _ in range(args.repeat):
            t_libs.append(_time(libs, env))
            t_check.append(_time(check, env))
    med_l, med_c = statistics.median(t_libs), statistics.median(t_check)
    min_l, min_c = min(t_libs), min(t_check)
    ratio = med_c / med_l
    lines = [
        f"Startup, {args.repeat} runs each, alternating, one process per run (wall time, seconds)",
        "",
        "| what | median | min |",
        "|---|---|---|",
        f"| `python -c \"{LIBS}\"` | {med_l:.3f} | {min_l:.3f} |",
        f"| `factcheck check tiny.txt` (one sentence) | {med_c:.3f} | {min_c:.3f} |",
        f"| ratio (goal ≤ {GOAL:g}×) | {ratio:.2f}× {'met' if ratio <= GOAL else 'NOT met'} | {min_c / min_l:.2f}× |",
    ]
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
