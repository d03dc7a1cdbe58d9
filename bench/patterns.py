#!/usr/bin/env python3
"""Patterns from YAML files on the stdlib ``re`` (when their shape is linear) against the same patterns on the
`regex` module under a time limit, on Reuters-21578.

Why: every pattern a user can write in a YAML file must not hang a run (issue 14). `regex` takes a time limit
and ``re`` does not; running every such pattern on `regex` would be simplest. This measures what that costs
where it matters, on the patterns searched over every text: the ignore patterns' `near` gate (one search per
text and more) and the table period headers (tried on every line), and whole extraction with the gate on
each engine. factcheck keeps a pattern on ``re`` when `factcheck/linear_re.py` finds its shape linear, so the
shipped ones run on ``re``; a user's pattern that fails the check runs on `regex`. Each figure is the best of
`--repeat` runs. This is a benchmark, not a test.

    python bench/patterns.py                              # the first 4,000 stories
    python bench/patterns.py --limit 0 --out reports/bench/patterns.md
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
from _common import parser as bench_parser, shared_dir, write_outputs  # noqa: E402
from throughput import MB, load_corpus  # noqa: E402

import re  # noqa: E402
import time  # noqa: E402
from typing import Callable  # noqa: E402


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = bench_parser(__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=4000, help="stories (0: all)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", default=None, help="also write the markdown table here")
    args = ap.parse_args(argv)
    stories = load_corpus(shared_dir(args.shared) / "corpus" / "reuters21578.jsonl.gz", args.limit or None)
    texts = [s["text"] for s in stories]
    lows = [t.lower() for t in texts]
    lines = [line for t in texts for line in t.split("\n")]
    size = sum(len(t) for t in texts) / MB

    from factcheck.extract import Extractor
    from factcheck.extract.scanner.ignores import near_gate
    from factcheck.frame.tables import load_tables
    from factcheck.saferegex import Guarded

    extractor = Extractor()
    gate = near_gate(extractor.lexicon.ignores)
    assert isinstance(gate, re.Pattern), "the shipped gate should be on re"
    slow_gate = Guarded(gate.pattern, gate.flags & ~re.UNICODE)
    periods = [p for _n, p, _w in load_tables().periods]
    slow_periods = [Guarded(p.pattern, p.flags & ~re.UNICODE) for p in periods]

    def scan_gate(g: object) -> Callable[[], None]:
        def run() -> None:
            for low in lows:
                pos = 0
                while (m := g.search(low, pos)) is not None:  # type: ignore[attr-defined]
                    pos = m.end()
        return run

    def headers(ps: list) -> Callable[[], None]:
        def run() -> None:
            for line in lines:
                for p in ps:
                    p.match(line)
        return run

    def extract() -> None:
        for t in texts:
            extractor.extract(t)

    rows = []
    for what, fast, slow in (("`near` gate, every match in every text", scan_gate(gate), scan_gate(slow_gate)),
                             (f"table period headers ({len(periods)}), every line", headers(periods),
                              headers(slow_periods))):
        t_fast, t_slow = best_of(args.repeat, fast), best_of(args.repeat, slow)
        rows.append((what, t_fast, t_slow))
    scanner = extractor.scanner
    extract()  # warm
    t_fast = best_of(args.repeat, extract)
    scanner._near_gate = scanner._near_gate_ascii = slow_gate  # as if every pattern from YAML ran on regex
    t_slow = best_of(args.repeat, extract)
    scanner._near_gate, scanner._near_gate_ascii = gate, None
    rows.append(("whole extraction (gate on each engine)", t_fast, t_slow))

    out = [f"Reuters-21578, first {len(texts):,} stories ({size:.2f} MB, {len(lines):,} lines); best of "
           f"{args.repeat}; `regex` {__import__('regex').__version__} with `timeout=0.5` as factcheck runs it.", "",
           "| patterns | on `re` (s) | on `regex` under a time limit (s) | `regex` / `re` |",
           "|---|---:|---:|---:|"]
    for what, fast, slow in rows:
        out.append(f"| {what} | {fast:.3f} | {slow:.3f} | {slow / fast:.2f}× |")
    fast_mbps = size / rows[-1][1]
    slow_mbps = size / rows[-1][2]
    out += ["", f"Extraction: {fast_mbps:.2f} MB/s with the gate on `re` (as shipped), {slow_mbps:.2f} MB/s on `regex` "
            f"({(1 - slow_mbps / fast_mbps) * 100:.1f}% slower)."]
    write_outputs("\n".join(out) + "\n", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
