#!/usr/bin/env python3
"""Extraction speed and peak memory of factcheck against the peer (quantulum3), on real newswire.

Why: factcheck is meant to run over whole document sets in CI and editors, so extraction has to be
fast (goal ≥3 MB/s and ≥100× quantulum3) and the full pipeline has to get through the Reuters-21578
corpus (16,733 stories, ~16 MB) in under 30 s on 2 cores. This is a benchmark, not a test: it prints
a table of measurements.

Each tool runs in its own subprocess so that ``ru_maxrss`` (peak resident memory) is that tool's own.
Warm-up stories are processed first and left out of the timing. quantulum3 (classifier off, as the
scorer's ``quantulum3-noclf`` adapter) manages only ~0.03 MB/s, so it runs on a deterministic,
evenly spaced sample of stories and its whole-corpus time is extrapolated; the table says so.

    python bench/throughput.py                      # factcheck (whole corpus) vs quantulum3 (300 stories)
    python bench/throughput.py --only factcheck --limit 2000
    python bench/throughput.py --check              # also: check_texts over sets of 20 stories, 2 processes
    python bench/throughput.py --check-only --jobs 2 --out reports/bench/throughput.md
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
from _common import parser as bench_parser, shared_dir, write_outputs  # noqa: E402

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

MB = 1_000_000
GOAL_MBPS = 3.0
GOAL_RATIO = 100.0
GOAL_CHECK_SECONDS = 30.0




def load_corpus(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    stories: list[dict[str, str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                stories.append(json.loads(line))
                if limit and len(stories) >= limit:
                    break
    return stories


def even_sample(n_total: int, n: int) -> list[int]:
    """n evenly spaced indices over range(n_total): deterministic and spread over the whole corpus."""
    if n >= n_total:
        return list(range(n_total))
    return [i * n_total // n for i in range(n)]


def maxrss_mb() -> float:
    # Linux reports kilobytes, macOS bytes.
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / (1024 * 1024) if sys.platform == "darwin" else r / 1024


# ----------------------------------------------------------------------------- workers (subprocesses)
def _extractor(tool: str):  # type: ignore[no-untyped-def]
    if tool == "factcheck":
        import factcheck

        return factcheck.extract_text
    if tool == "quantulum3":
        import warnings

        warnings.filterwarnings("ignore")
        from quantulum3 import classifier as clf
        from quantulum3 import parser

        clf.USE_CLF = False  # as the scorer's quantulum3-noclf adapter
        return parser.parse
    raise SystemExit(f"unknown tool {tool}")


def worker_extract(args: argparse.Namespace) -> dict[str, Any]:
    stories = load_corpus(Path(args.corpus), args.limit)
    rss_loaded = maxrss_mb()
    idx = even_sample(len(stories), args.sample) if args.sample else list(range(len(stories)))
    timed = [stories[i]["text"] for i in idx]
    warm = [s["text"] for s in stories[: args.warmup]]
    out: dict[str, Any] = {"tool": args.worker, "corpus_stories": len(stories),
                           "corpus_bytes": sum(len(s["text"].encode("utf-8")) for s in stories),
                           "rss_after_load_mb": rss_loaded}
    t_imp = time.perf_counter()
    extract = _extractor(args.worker)
    out["import_seconds"] = time.perf_counter() - t_imp
    errors: list[str] = []
    first: list[Exception] = []

    def run(text: str) -> int:
        try:
            return len(extract(text))
        except Exception as e:  # noqa: BLE001 - counted and reported
            errors.append(f"{type(e).__name__}: {e}")
            first[:] = first or [e]
            return 0

    t_w = time.perf_counter()
    for t in warm:
        run(t)
    out["warmup_seconds"] = time.perf_counter() - t_w
    if warm and len(errors) == len(warm):
        raise first[0]
    errors.clear()
    found = 0
    t0 = time.perf_counter()
    for t in timed:
        found += run(t)
    secs = time.perf_counter() - t0
    out.update({"stories": len(timed), "bytes": sum(len(t.encode("utf-8")) for t in timed),
                "seconds": secs, "quantities": found, "errors": len(errors), "error_samples": errors[:3],
                "peak_rss_mb": maxrss_mb()})
    if timed and len(errors) == len(timed):
        raise first[0]
    return out


def _check_set(batch: list[tuple[str, str]]) -> dict[str, Any]:
    import factcheck

    t0 = time.perf_counter()
    try:
        rep = factcheck.check_texts({f"{sid}.txt": text for sid, text in batch}).to_dict()
    except Exception as e:  # noqa: BLE001 - counted and reported
        return {"error": f"{type(e).__name__}: {e}", "seconds": time.perf_counter() - t0}
    return {"seconds": time.perf_counter() - t0, "summary": rep.get("summary", {}),
            "claims": sum(len(d.get("claims", [])) for d in rep.get("documents", []))}


def worker_check(args: argparse.Namespace) -> dict[str, Any]:
    from concurrent.futures import ProcessPoolExecutor

    stories = load_corpus(Path(args.corpus), args.limit)
    sets = [[(s["id"], s["text"]) for s in stories[i: i + args.set_size]]
            for i in range(0, len(stories), args.set_size)]
    t_imp = time.perf_counter()
    import factcheck  # noqa: F401 - import cost is part of a real run; measured separately

    imp = time.perf_counter() - t_imp
    t0 = time.perf_counter()
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as ex:
            res = list(ex.map(_check_set, sets, chunksize=4))
    else:
        res = [_check_set(b) for b in sets]
    wall = time.perf_counter() - t0
    errs = [r["error"] for r in res if "error" in r]
    if sets and len(errs) == len(sets):
        raise RuntimeError(errs[0])
    summary: dict[str, int] = {}
    for r in res:
        for k, v in r.get("summary", {}).items():
            summary[k] = summary.get(k, 0) + v
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"tool": "factcheck check_texts", "stories": len(stories), "sets": len(sets),
            "bytes": sum(len(s["text"].encode("utf-8")) for s in stories), "jobs": args.jobs,
            "seconds": wall, "cpu_seconds_in_sets": sum(r["seconds"] for r in res), "import_seconds": imp,
            "claims": sum(r.get("claims", 0) for r in res), "summary": summary, "errors": len(errs),
            "error_samples": errs[:3], "peak_rss_mb": max(maxrss_mb(), children)}


def run_worker(args: argparse.Namespace) -> int:
    try:
        res = worker_check(args) if args.worker == "check" else worker_extract(args)
    except BaseException as e:  # noqa: BLE001 - the parent puts it in the table
        if isinstance(e, KeyboardInterrupt):
            raise
        traceback.print_exc()
        res = {"tool": args.worker, "error": f"{type(e).__name__}: {e}".splitlines()[0][:160]}
    print("RESULT " + json.dumps(res))
    return 0


def spawn(args: argparse.Namespace, worker: str, extra: list[str]) -> dict[str, Any]:
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", worker, "--corpus", str(args.corpus),
           "--warmup", str(args.warmup), *extra]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    env = dict(os.environ, PYTHONHASHSEED="0")
    print(f"running {worker} ...", file=sys.stderr, flush=True)
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    for line in reversed(p.stdout.splitlines()):
        if line.startswith("RESULT "):
            res: dict[str, Any] = json.loads(line[7:])
            if "error" in res:
                sys.stderr.write(p.stderr[-2000:])
            return res
    sys.stderr.write(p.stderr[-2000:])
    tail = (p.stderr.strip().splitlines() or [f"exit code {p.returncode}"])[-1]
    return {"tool": worker, "error": tail[:160]}


# ----------------------------------------------------------------------------- table
def esc(s: str) -> str:
    return s.replace("|", "\\|")


def extraction_table(fc: dict[str, Any] | None, q3: dict[str, Any] | None) -> str:
    lines = ["## Extraction throughput (Reuters-21578)", "",
             "| tool | stories timed | MB timed | seconds | MB/s | stories/s | quantities | peak RSS MB "
             "| whole-corpus seconds | note |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    speeds: dict[str, float] = {}
    for name, r in (("factcheck", fc), ("quantulum3 (noclf)", q3)):
        if r is None:
            continue
        if "error" in r:
            lines.append(f"| {name} | error: {esc(r['error'])} | | | | | | | | |")
            continue
        mbps = r["bytes"] / MB / r["seconds"] if r["seconds"] else float("inf")
        speeds[name] = mbps
        sampled = r["stories"] < r["corpus_stories"]
        whole = r["corpus_bytes"] / MB / mbps if mbps else float("nan")
        note = []
        if sampled:
            note.append(f"evenly spaced sample of {r['stories']}/{r['corpus_stories']} stories; "
                        f"whole-corpus time extrapolated")
        if r.get("errors"):
            note.append(f"{r['errors']} stories raised ({esc(r['error_samples'][0][:60])})")
        note.append(f"import {r['import_seconds']:.2f} s, warm-up {r['warmup_seconds']:.2f} s excluded; "
                    f"RSS after loading corpus {r['rss_after_load_mb']:.0f} MB")
        lines.append(
            f"| {name} | {r['stories']} | {r['bytes'] / MB:.2f} | {r['seconds']:.2f} | {mbps:.3f} "
            f"| {r['stories'] / r['seconds']:.1f} | {r['quantities']} | {r['peak_rss_mb']:.0f} "
            f"| {'~' if sampled else ''}{whole:.1f} | {'; '.join(note)} |")
    lines += ["", "| goal | target | measured | met? |", "|---|---|---|---|"]
    f = speeds.get("factcheck")
    q = speeds.get("quantulum3 (noclf)")
    if fc is None:
        return "\n".join(lines[:-3]) + "\n"
    lines.append(f"| factcheck extraction speed | ≥{GOAL_MBPS:g} MB/s | "
                 f"{'n/a' if f is None else f'{f:.2f} MB/s'} | {'?' if f is None else ('yes' if f >= GOAL_MBPS else 'no')} |")
    if q is not None:
        ratio = f / q if f is not None and q else None
        lines.append(f"| speed vs quantulum3 | ≥{GOAL_RATIO:g}× | {'n/a' if ratio is None else f'{ratio:.0f}×'} "
                     f"| {'?' if ratio is None else ('yes' if ratio >= GOAL_RATIO else 'no')} |")
    return "\n".join(lines) + "\n"


def check_table(r: dict[str, Any]) -> str:
    lines = ["## Full pipeline: `check_texts` over document sets (Reuters-21578)", "",
             "| stories | sets | processes | seconds (wall) | MB/s | claims | contradictions | not_comparable "
             "| agreements | peak RSS MB | goal | met? |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    if "error" in r:
        lines.append(f"| error: {esc(r['error'])} | | | | | | | | | | <{GOAL_CHECK_SECONDS:g} s | ? |")
    else:
        s = r["summary"]
        lines.append(
            f"| {r['stories']} | {r['sets']} | {r['jobs']} | {r['seconds']:.1f} | {r['bytes'] / MB / r['seconds']:.2f} "
            f"| {r['claims']} | {s.get('contradiction', 0)} | {s.get('not_comparable', 0)} | {s.get('agreement', 0)} "
            f"| {r['peak_rss_mb']:.0f} | <{GOAL_CHECK_SECONDS:g} s (whole corpus, 2 cores) "
            f"| {'yes' if r['seconds'] < GOAL_CHECK_SECONDS else 'no'}"
            f"{'' if r['stories'] >= 16733 else ' (partial corpus)'} |")
        extra = f"; {r['errors']} sets raised: {esc(r['error_samples'][0][:100])}" if r["errors"] else ""
        lines.append("")
        lines.append(f"Sets of {r['set_size'] if 'set_size' in r else 20} stories; summed time inside "
                     f"`check_texts` {r['cpu_seconds_in_sets']:.1f} s; import {r['import_seconds']:.2f} s "
                     f"(not in wall){extra}.")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = bench_parser(__doc__)
    ap.add_argument("--corpus", help="JSONL.gz corpus (default: <shared>/corpus/reuters21578.jsonl.gz)")
    ap.add_argument("--only", choices=("factcheck", "quantulum3"), help="extraction: run only this tool")
    ap.add_argument("--limit", type=int, help="use only the first N stories (for quick runs)")
    ap.add_argument("--warmup", type=int, default=50, help="warm-up stories, not timed (default 50)")
    ap.add_argument("--peer-sample", type=int, default=300, help="stories quantulum3 is timed on (default 300)")
    ap.add_argument("--check", action="store_true", help="also time check_texts on the corpus in sets")
    ap.add_argument("--check-only", action="store_true", help="only time check_texts")
    ap.add_argument("--set-size", type=int, default=20, help="stories per document set for --check")
    ap.add_argument("--jobs", type=int, default=2, help="processes for --check (default 2)")
    ap.add_argument("--json", metavar="FILE", help="write the raw measurements as JSON")
    ap.add_argument("--out", metavar="FILE", help="also write the markdown table here (reports/bench/...)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--sample", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.corpus is None:
        args.corpus = shared_dir(args.shared) / "corpus" / "reuters21578.jsonl.gz"
    if args.worker:
        return run_worker(args)
    if not Path(args.corpus).exists():
        ap.error(f"no corpus at {args.corpus}")

    raw: dict[str, Any] = {"corpus": str(args.corpus), "cpu_count": os.cpu_count()}
    md = [f"Corpus `{Path(args.corpus).name}`{f' (first {args.limit} stories)' if args.limit else ''}; "
          f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}; each tool in its own process "
          f"(peak RSS = its own `ru_maxrss`).", ""]
    if not args.check_only:
        fc = q3 = None
        if args.only in (None, "factcheck"):
            fc = raw["factcheck"] = spawn(args, "factcheck", [])
        if args.only in (None, "quantulum3"):
            q3 = raw["quantulum3"] = spawn(args, "quantulum3", ["--sample", str(args.peer_sample)])
        md.append(extraction_table(fc, q3))
    if args.check or args.check_only:
        r = spawn(args, "check", ["--set-size", str(args.set_size), "--jobs", str(args.jobs)])
        r["set_size"] = args.set_size
        raw["check"] = r
        md.append(check_table(r))
    text = "\n".join(md)
    write_outputs(text, args.out, raw, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
