#!/usr/bin/env python3
"""How long the default text report is on a real corpus: Reuters-21578 stories checked as one set.

Why (issue 15): a new user ran `factcheck check` on 2,000 Reuters stories and got 138,685 lines, its 19
contradictions under 6,995 not-comparable notes. Goal: the default text report has at most 12 lines per
contradiction at warning or above, plus 40. This script writes the first N stories as files, runs the real
command (piped, 120 columns, the same report a user pipes to a pager), once with the defaults and once with
``--show-notes --show-agreements`` (the old amount of detail), and prints the line counts and the goal.

    python bench/report_lines.py                       # 2,000 stories
    python bench/report_lines.py --stories 500 --out reports/bench/report_lines.md
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
from _common import parser as bench_parser, shared_dir, write_outputs  # noqa: E402

import gzip  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list[str], cwd: Path) -> tuple[str, float]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "factcheck", "check", *args, "--today", "2026-11-22"], cwd=cwd,
                          env=env, capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 1):
        sys.exit(f"report_lines: factcheck failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return proc.stdout, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = bench_parser(__doc__.split("\n\n")[0])
    ap.add_argument("--stories", type=int, default=2000)
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)
    corpus = shared_dir(args.shared) / "corpus" / "reuters21578.jsonl.gz"
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "reuters"
        docs.mkdir()
        with gzip.open(corpus, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if n >= args.stories:
                    break
                story = json.loads(line)
                (docs / f"{story['id']}.txt").write_text(story["text"], encoding="utf-8")
        data = json.loads(_run(["reuters", "--format", "json"], Path(tmp))[0])
        default, took = _run(["reuters"], Path(tmp))
        full, _ = _run(["reuters", "--show-notes", "--show-agreements"], Path(tmp))
    loud = sum(1 for f in data["findings"] if f["verdict"] == "contradiction" and f["level"] in ("error", "warning"))
    lines = len(default.splitlines())
    goal = 12 * loud + 40
    rows = [
        f"## Default text report on {args.stories} Reuters-21578 stories, one set",
        "",
        "| what | value |",
        "|---|---|",
        f"| contradictions at warning or above | {loud} |",
        f"| lines, default report | {lines} |",
        f"| goal: 12 per such contradiction + 40 | ≤ {goal}: {'met' if lines <= goal else 'NOT met'} |",
        f"| lines with --show-notes --show-agreements | {len(full.splitlines())} |",
        f"| findings in all (JSON) | {len(data['findings'])} |",
        f"| wall time of the default run | {took:.1f} s |",
    ]
    write_outputs("\n".join(rows) + "\n", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
