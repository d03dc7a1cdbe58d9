#!/usr/bin/env python3
"""Engines on Reuters-21578 (issue 13): extraction at -j 1 and -j 2 next to quantulum3, a check of a few
thousand stories as one set at -j 1 and -j 2, and the Dask engine against the local one on 2,000 stories.

Why: `-j N` must pay (framing and extraction spread over processes) without changing a byte of the
output, and the Dask engine must find what the local engine finds. Goals: extraction ≥ 3 MB/s per
process and ≥ 100× quantulum3; the Dask engine's findings are the local engine's on 2,000 stories.

Every measurement runs in a fresh subprocess (its own imports, its own peak memory); the timed part is
the engine's work on documents already read (pool or cluster start-up included, corpus reading not).
Wall seconds are what a user waits for; CPU seconds (this process and its workers) show the work itself,
which on a shared machine is the steadier figure. quantulum3 (classifier off) runs on an evenly spaced
sample, as in `throughput.py`. "Same output" compares a digest of the whole JSON report (findings,
claims, warnings) with the -j 1 run's.

    python bench/parallel.py                                   # everything (several minutes on 2 cores)
    python bench/parallel.py --check-stories 500 --dask-stories 300 --extract-limit 2000   # a quick look
    python bench/parallel.py --out reports/bench/parallel.md
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
from _common import parser as bench_parser, shared_dir, write_outputs  # noqa: E402
from throughput import even_sample, load_corpus  # noqa: E402

import argparse
import datetime as dt
import hashlib
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
TODAY = dt.date(2026, 1, 1)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _documents(stories: list[dict[str, str]]) -> list[Any]:
    from factcheck.pipeline import dated_document

    return sorted((dated_document(f"{s['id']}.txt", s["text"]) for s in stories), key=lambda d: d.name)


# ----------------------------------------------------------------------------- workers (subprocesses)
def worker_extract(args: argparse.Namespace) -> dict[str, Any]:
    stories = load_corpus(Path(args.corpus), args.limit)
    if args.tool == "quantulum3":
        import warnings

        warnings.filterwarnings("ignore")
        from quantulum3 import classifier as clf
        from quantulum3 import parser

        clf.USE_CLF = False  # as the scorer's quantulum3-noclf adapter and throughput.py
        texts = [stories[i]["text"] for i in even_sample(len(stories), args.sample)]
        for s in stories[: args.warmup]:
            parser.parse(s["text"])
        c0, t0 = _cpu(), time.perf_counter()
        found = errors = 0
        for text in texts:
            try:
                found += len(parser.parse(text))
            except Exception:  # noqa: BLE001 - counted
                errors += 1
        return {"tool": "quantulum3 (noclf)", "jobs": 1, "stories": len(texts), "corpus_stories": len(stories),
                "bytes": sum(len(t.encode("utf-8")) for t in texts), "seconds": time.perf_counter() - t0,
                "cpu": _cpu() - c0, "quantities": found, "errors": errors, "peak_mb": _peak_mb()}
    from factcheck.engine.local import LocalEngine
    from factcheck.pipeline import extract_one

    docs = _documents(stories)
    for d in docs[: args.warmup]:
        extract_one(d)
    c0, t0 = _cpu(), time.perf_counter()
    with LocalEngine(args.jobs) as engine:
        records = [(len(found), problems) for _d, found, problems in engine.extract(docs, budget=60.0)]
    secs = time.perf_counter() - t0
    return {"tool": "factcheck", "jobs": args.jobs, "stories": len(docs), "corpus_stories": len(docs),
            "bytes": sum(len(d.text.encode("utf-8")) for d in docs), "seconds": secs, "cpu": _cpu() - c0,
            "quantities": sum(n for n, _ in records), "errors": 0, "peak_mb": _peak_mb(),
            "digest": hashlib.sha256(repr(records).encode()).hexdigest()[:12]}


def worker_check(args: argparse.Namespace) -> dict[str, Any]:
    from factcheck.engine import make_engine
    from factcheck.pipeline import check_documents

    docs = _documents(load_corpus(Path(args.corpus), args.limit))
    t0 = time.perf_counter()
    engine = make_engine(args.engine, jobs=args.jobs)
    started = time.perf_counter() - t0
    c0, t1 = _cpu(), time.perf_counter()
    timings: dict[str, float] = {}

    class Clock:  # a progress tracker that only notes when each stage began
        def stage(self, label: str, total: int, unit: str) -> Any:
            timings[label] = time.perf_counter()
            return lambda n: None

    with engine:
        report = check_documents(docs, today=TODAY, engine=engine, progress=Clock())
    end = time.perf_counter()
    text = json.dumps(report.to_dict(), sort_keys=True, ensure_ascii=False)
    summary: dict[str, int] = {}
    for f in report.findings:
        summary[f.verdict] = summary.get(f.verdict, 0) + 1
    framing = timings.get("cross-checking", end) - timings.get("framing", t1)
    return {"engine": args.engine, "jobs": args.jobs, "stories": len(docs), "start_seconds": started,
            "seconds": end - t1, "framing_seconds": framing, "cross_seconds": end - timings.get("cross-checking", end),
            "cpu": _cpu() - c0, "peak_mb": _peak_mb(), "claims": len(report.claims), "summary": summary,
            "findings_digest": hashlib.sha256(json.dumps([f.to_dict() for f in report.findings], sort_keys=True,
                                                         ensure_ascii=False).encode()).hexdigest()[:12],
            "report_digest": hashlib.sha256(text.encode()).hexdigest()[:12]}


def run_worker(args: argparse.Namespace) -> int:
    try:
        res = worker_check(args) if args.worker == "check" else worker_extract(args)
    except BaseException as e:  # noqa: BLE001 - the parent puts it in the table
        if isinstance(e, KeyboardInterrupt):
            raise
        traceback.print_exc()
        res = {"error": f"{type(e).__name__}: {e}".splitlines()[0][:160]}
    print("RESULT " + json.dumps(res))
    return 0


def spawn(args: argparse.Namespace, worker: str, *extra: str) -> dict[str, Any]:
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", worker, "--corpus", str(args.corpus), *extra]
    print(f"running {worker} {' '.join(extra)} ...", file=sys.stderr, flush=True)
    p = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, PYTHONHASHSEED="0"))
    for line in reversed(p.stdout.splitlines()):
        if line.startswith("RESULT "):
            res: dict[str, Any] = json.loads(line[7:])
            if "error" in res:
                sys.stderr.write(p.stderr[-2000:])
            return res
    sys.stderr.write(p.stderr[-2000:])
    return {"error": (p.stderr.strip().splitlines() or [f"exit code {p.returncode}"])[-1][:160]}


# ----------------------------------------------------------------------------- tables
def _err(r: dict[str, Any]) -> str | None:
    return f"error: {r['error'].replace('|', '/')}" if "error" in r else None


def extraction_table(rows: list[dict[str, Any]]) -> str:
    lines = ["## Extraction: factcheck at -j 1 and -j 2, quantulum3 (one process)", "",
             "| tool | processes | stories | MB | wall s | MB/s | CPU s | MB per CPU-second | quantities | peak RSS MB "
             "| same records as -j 1 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    speed: dict[tuple[str, int], float] = {}
    per_cpu: dict[tuple[str, int], float] = {}
    base = next((r.get("digest") for r in rows if r.get("tool") == "factcheck" and r.get("jobs") == 1), None)
    for r in rows:
        if _err(r):
            lines.append(f"| {r.get('tool', '?')} | | {_err(r)} | | | | | | | | |")
            continue
        mbps = r["bytes"] / MB / r["seconds"]
        key = (r["tool"], r["jobs"])
        speed[key], per_cpu[key] = mbps, r["bytes"] / MB / r["cpu"]
        same = "" if "digest" not in r else ("yes" if r["digest"] == base else "NO")
        note = f" (sample of {r['stories']}/{r['corpus_stories']})" if r["stories"] < r["corpus_stories"] else ""
        lines.append(f"| {r['tool']}{note} | {r['jobs']} | {r['stories']} | {r['bytes'] / MB:.2f} | {r['seconds']:.2f} "
                     f"| {mbps:.3f} | {r['cpu']:.2f} | {per_cpu[key]:.3f} | {r['quantities']} | {r['peak_mb']:.0f} "
                     f"| {same} |")
    one, two, q3 = speed.get(("factcheck", 1)), speed.get(("factcheck", 2)), speed.get(("quantulum3 (noclf)", 1))
    lines += ["", "| goal | target | measured | met? |", "|---|---|---|---|"]
    if one is not None:
        lines.append(f"| extraction per process (-j 1, wall) | ≥{GOAL_MBPS:g} MB/s | {one:.2f} MB/s "
                     f"| {'yes' if one >= GOAL_MBPS else 'no'} |")
    if one is not None and q3:
        lines.append(f"| -j 1 vs quantulum3 | ≥{GOAL_RATIO:g}× | {one / q3:.0f}× | {'yes' if one / q3 >= GOAL_RATIO else 'no'} |")
    if two is not None and one:
        lines.append(f"| -j 2 vs -j 1 (wall) | — | {two / one:.2f}× | — |")
    return "\n".join(lines) + "\n"


def check_table(title: str, rows: list[dict[str, Any]]) -> str:
    lines = [title, "", "| engine | processes | stories | start s | framing s | cross-check s | total s | CPU s "
             "| peak RSS MB | claims | contradictions | not comparable | agreements | same findings | same report |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    base = next((r for r in rows if "error" not in r), None)
    for r in rows:
        if _err(r):
            lines.append(f"| {r.get('engine', '?')} | | {_err(r)} | | | | | | | | | | | | |")
            continue
        s = r["summary"]
        same_f = "yes" if base and r["findings_digest"] == base["findings_digest"] else "NO"
        same_r = "yes" if base and r["report_digest"] == base["report_digest"] else "NO"
        lines.append(f"| {r['engine']} | {r['jobs']} | {r['stories']} | {r['start_seconds']:.2f} "
                     f"| {r['framing_seconds']:.1f} | {r['cross_seconds']:.1f} | {r['seconds']:.1f} | {r['cpu']:.1f} "
                     f"| {r['peak_mb']:.0f} | {r['claims']} | {s.get('contradiction', 0)} | {s.get('not_comparable', 0)} "
                     f"| {s.get('agreement', 0)} | {same_f} | {same_r} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = bench_parser(__doc__)
    ap.add_argument("--corpus", help="JSONL.gz corpus (default: <shared>/corpus/reuters21578.jsonl.gz)")
    ap.add_argument("--extract-limit", type=int, default=0, help="extraction: first N stories (default: all)")
    ap.add_argument("--peer-sample", type=int, default=300, help="stories quantulum3 is timed on (default 300)")
    ap.add_argument("--check-stories", type=int, default=3000, help="stories checked as one set at -j 1 and -j 2")
    ap.add_argument("--dask-stories", type=int, default=2000, help="stories checked by the Dask and local engines")
    ap.add_argument("--skip", nargs="*", default=(), choices=("extract", "check", "dask"), help="parts to leave out")
    ap.add_argument("--json", metavar="FILE", help="write the raw measurements as JSON")
    ap.add_argument("--out", metavar="FILE", help="also write the markdown table here (reports/bench/...)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--tool", default="factcheck", help=argparse.SUPPRESS)
    ap.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--sample", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--warmup", type=int, default=50, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.corpus is None:
        args.corpus = shared_dir(args.shared) / "corpus" / "reuters21578.jsonl.gz"
    if args.worker:
        return run_worker(args)
    if not Path(args.corpus).exists():
        ap.error(f"no corpus at {args.corpus}")
    raw: dict[str, Any] = {"corpus": str(args.corpus), "cpu_count": os.cpu_count()}
    md = [f"Corpus `{Path(args.corpus).name}`; {os.cpu_count()} CPUs (shared with other work: CPU seconds are the "
          f"steadier figure); Python {sys.version.split()[0]}; each row a fresh process.", ""]
    if "extract" not in args.skip:
        limit = ["--limit", str(args.extract_limit)] if args.extract_limit else []
        rows = [spawn(args, "extract", "--jobs", "1", *limit), spawn(args, "extract", "--jobs", "2", *limit),
                spawn(args, "extract", "--tool", "quantulum3", "--sample", str(args.peer_sample), *limit)]
        raw["extract"] = rows
        md.append(extraction_table(rows))
    if "check" not in args.skip:
        rows = [spawn(args, "check", "--jobs", str(j), "--limit", str(args.check_stories)) for j in (1, 2)]
        raw["check"] = rows
        md.append(check_table(f"## Check of the first {args.check_stories:,} stories as one set: -j 1 and -j 2 "
                              "(framing in processes, the cross-check in the parent)", rows))
    if "dask" not in args.skip:
        rows = [spawn(args, "check", "--jobs", "2", "--limit", str(args.dask_stories)),
                spawn(args, "check", "--engine", "dask", "--jobs", "2", "--limit", str(args.dask_stories))]
        raw["dask"] = rows
        md.append(check_table(f"## Dask engine (LocalCluster, 2 worker processes) against the local engine (-j 2), "
                              f"first {args.dask_stories:,} stories as one set", rows))
        ok = len(rows) == 2 and all("error" not in r for r in rows) and rows[0]["findings_digest"] == rows[1]["findings_digest"]
        md.append(f"| goal | met? |\n|---|---|\n| the Dask engine gives the same findings as the local one on "
                  f"{args.dask_stories:,} stories | {'yes' if ok else 'no'} |\n")
    write_outputs("\n".join(md), args.out, raw, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
