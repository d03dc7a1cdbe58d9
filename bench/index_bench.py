#!/usr/bin/env python3
"""The claim index on real newswire: build time, and a batch checked against archives of growing size.

Why: a desk checks today's batch against everything said before (issue 13). The archive is Reuters-21578
without its last 1,780 stories, which are the batch (500 of them, then all 1,780). Archive sizes are
multiples of that base: a quarter (about 4k stories), 1x (about 15k), 4x and 16x. Beyond 1x the stories
are replicated under new names (``x01/reuters_00001``), a dated story's date moved on a year per copy
(an undated one stays undated), and each copy is framed and indexed for real. The index is built once,
growing from size to size; each build stage and each check runs in its own subprocess, so its peak
memory (``ru_maxrss``) is its own. The build frames with ``--jobs`` processes; a check frames in one.

The baseline, measured in the same run: the in-memory check of archive and batch as one set, at the sizes
given by ``--baseline`` (default: the smallest). It is also the reference: its findings with a batch
claim must be exactly those of the check against the index, and the table says how many differ.

Goal: 500 new stories against the ~16k index in at most 2x the time against the ~4k index.

    python bench/index_bench.py --out reports/bench/index.md              # everything (about an hour)
    python bench/index_bench.py --sizes 0.25,1 --batches 500 --limit 6000  # quick look
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
from _common import parser as bench_parser, shared_dir, write_outputs  # noqa: E402
from throughput import load_corpus, maxrss_mb  # noqa: E402

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parents[1]
BATCH = 1780
TODAY = dt.date(1988, 1, 1)
GOAL_RATIO = 2.0


def split(rows: Sequence[dict[str, str]], batch: int) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(archive base, batch): the batch is the last ``batch`` stories."""
    return list(rows[:-batch]), list(rows[-batch:])


def archive_docs(base: Sequence[dict[str, str]], size: float, start: float = 0.0) -> list[Any]:
    """The documents an archive of ``size`` times the base holds beyond one of ``start`` times it."""
    from factcheck.pipeline import dated_document

    def copies(upto: float) -> list[tuple[int, int]]:  # (copy, story) pairs
        whole, part = int(upto), upto - int(upto)
        out = [(k, i) for k in range(whole) for i in range(len(base))]
        return out + [(whole, i) for i in range(int(round(part * len(base))))]

    have = set(copies(start))
    out = []
    for k, i in copies(size):
        if (k, i) in have:
            continue
        row = base[i]
        doc = dated_document(row["id"], row["text"])
        if k:
            when = doc.date + dt.timedelta(days=365 * k) if doc.date else None
            doc = dated_document(f"x{k:02d}/{row['id']}", row["text"], when) if when else \
                dated_document(f"x{k:02d}/{row['id']}", row["text"])
        out.append(doc)
    return out


def batch_docs(rows: Sequence[dict[str, str]], n: int) -> list[Any]:
    from factcheck.pipeline import dated_document

    return [dated_document("new/" + r["id"], r["text"]) for r in rows[:n]]


# ------------------------------------------------------------------------------ children
def _frame_part(docs: list[Any]) -> list[Any]:
    from factcheck.pipeline import _default_rules, stage_for

    stage = stage_for(_default_rules())
    return [stage.frame(d, all_undated=False) for d in docs]


def child_build(args: Any) -> dict[str, Any]:
    """Grow the index at ``args.db`` from ``args.start`` to ``args.size`` times the base."""
    import multiprocessing

    from factcheck.index import ClaimIndex, update_index
    from factcheck.pipeline import _default_rules

    base, _batch = split(load_corpus(args.corpus, args.limit), args.batch_total)
    docs = archive_docs(base, args.size, args.start)
    rules = _default_rules()
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool, ClaimIndex.open(args.db) as index:
        def framer(batch: Sequence[Any]) -> list[Any]:
            step = max(1, len(batch) // (args.jobs * 4))
            parts = pool.map(_frame_part, [list(batch[k:k + step]) for k in range(0, len(batch), step)])
            return [f for part in parts for f in part]

        run = update_index(index, docs, rules, framer=framer if args.jobs > 1 else None, batch_size=256)
    return {"seconds": time.perf_counter() - started, "added": run.added, "claims": run.claims,
            "versions": run.versions, "maxrss_mb": maxrss_mb(), "db_mb": Path(args.db).stat().st_size / 1e6}


def child_check(args: Any) -> dict[str, Any]:
    """Frame a batch and check it against the index; the findings go to ``args.findings``."""
    from factcheck.fx import EcbRates
    from factcheck.index import ClaimIndex, check_framed_against
    from factcheck.index.store import DIRECTION, gkey_of
    from factcheck.pipeline import _default_rules, frame_documents

    _base, batch = split(load_corpus(args.corpus, args.limit), args.batch_total)
    docs = sorted(batch_docs(batch, args.n), key=lambda d: d.name)
    rules, fx = _default_rules(), EcbRates()
    started = time.perf_counter()
    framed = frame_documents(docs, rules, all_undated=False)
    framing = time.perf_counter() - started
    with ClaimIndex.open(args.db, create=False) as index:
        report = check_framed_against(index, framed, rules, fx, TODAY)
        seconds = time.perf_counter() - started
        keys = {k for f in framed for c in f.claims if (k := gkey_of(c)) and k != DIRECTION}
        read = sum(index.conn.execute("SELECT COUNT(*) FROM claims WHERE gkey = ?", (k,)).fetchone()[0] for k in keys)
    _dump(report.findings, args.findings)
    return {"seconds": seconds, "framing": framing, "maxrss_mb": maxrss_mb(), "claims": len(report.claims),
            "read": read, "findings": len(report.findings)}


def child_memory(args: Any) -> dict[str, Any]:
    """The baseline: archive and batch checked in memory as one set; the findings with a batch claim."""
    from factcheck.pipeline import check_documents

    base, batch = split(load_corpus(args.corpus, args.limit), args.batch_total)
    docs = archive_docs(base, args.size) + batch_docs(batch, args.n)
    started = time.perf_counter()
    report = check_documents(docs, today=TODAY)
    seconds = time.perf_counter() - started
    mine = [f for f in report.findings if any((c.doc or "").startswith("new/") for c in f.claims)]
    _dump(mine, args.findings)
    return {"seconds": seconds, "maxrss_mb": maxrss_mb(), "findings": len(mine)}


def _dump(findings: Sequence[Any], path: str) -> None:
    Path(path).write_text(json.dumps([f.to_dict() for f in findings], ensure_ascii=False), encoding="utf-8")


# ------------------------------------------------------------------------------ parent
def _run_child(kind: str, args: Any, **extra: Any) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", kind, "--corpus", str(args.corpus), "--db", str(args.db),
           "--batch-total", str(args.batch_total), "--jobs", str(args.jobs)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    for k, v in extra.items():
        cmd += [f"--{k.replace('_', '-')}", str(v)]
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _compare(a: str, b: str) -> str:
    """How two dumps of findings differ: 'identical' or 'N missing, M extra, K changed'."""
    x = {f["id"]: f for f in json.loads(Path(a).read_text(encoding="utf-8"))}
    y = {f["id"]: f for f in json.loads(Path(b).read_text(encoding="utf-8"))}
    if json.loads(Path(a).read_text(encoding="utf-8")) == json.loads(Path(b).read_text(encoding="utf-8")):
        return f"identical ({len(x)})"
    changed = sum(1 for k in x.keys() & y.keys() if x[k] != y[k])
    return f"{len(x.keys() - y.keys())} missing, {len(y.keys() - x.keys())} extra, {changed} changed of {len(x)}"


def _fmt(v: Any, spec: str = ".1f") -> str:
    return "error" if v is None else format(v, spec)


def main(argv: Sequence[str] | None = None) -> int:
    ap = bench_parser(__doc__)
    ap.add_argument("--sizes", default="0.25,1,4,16", help="archive sizes, as multiples of the base")
    ap.add_argument("--batches", default="500,1780", help="batch sizes to check")
    ap.add_argument("--baseline", default=None, help="sizes to run the in-memory baseline at (default: the smallest)")
    ap.add_argument("--jobs", type=int, default=2, help="framing processes of the build")
    ap.add_argument("--repeat", type=int, default=3, help="run each check this many times and keep the fastest")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N stories of the corpus")
    ap.add_argument("--work", default=str(ROOT / "bench" / "out" / "index"), help="where the index is built")
    ap.add_argument("--out", default=None)
    ap.add_argument("--json", default=None)
    ap.add_argument("--child", default=None, help=argparse_hidden())
    for name in ("corpus", "db", "findings"):
        ap.add_argument(f"--{name}", default=None, help=argparse_hidden())
    for name, kind in (("batch-total", int), ("n", int), ("size", float), ("start", float)):
        ap.add_argument(f"--{name}", type=kind, default=0, help=argparse_hidden())
    args = ap.parse_args(argv)
    if args.child:
        args.corpus = Path(args.corpus)
        result = {"build": child_build, "check": child_check, "memory": child_memory}[args.child](args)
        print(json.dumps(result))
        return 0
    args.corpus = shared_dir(args.shared) / "corpus" / "reuters21578.jsonl.gz"
    total = len(load_corpus(args.corpus, args.limit))
    batches = [int(b) for b in args.batches.split(",")]
    args.batch_total = max(batches)
    base = total - args.batch_total
    sizes = sorted(float(s) for s in args.sizes.split(","))
    baseline = [float(s) for s in args.baseline.split(",")] if args.baseline else sizes[:1]
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    args.db = work / "claims.db"
    for p in work.glob("claims.db*"):
        p.unlink()
    rows: list[dict[str, Any]] = []
    start = 0.0
    for size in sizes:
        print(f"building {size:g}x ...", file=sys.stderr, flush=True)
        build = _run_child("build", args, size=size, start=start)
        start = size
        for n in batches:
            print(f"  checking {n} against {size:g}x ...", file=sys.stderr, flush=True)
            out = work / f"against-{size:g}-{n}.json"
            runs = [_run_child("check", args, n=n, findings=out) for _ in range(max(1, args.repeat))]
            check = min(runs, key=lambda r: r.get("seconds", float("inf")))
            row = {"size": size, "stories": int(round(size * base)), "build": build, "batch": n, "check": check}
            if size in baseline and n == batches[0]:
                print(f"  in-memory baseline {n} + {size:g}x ...", file=sys.stderr, flush=True)
                mem_out = work / f"memory-{size:g}-{n}.json"
                row["memory"] = _run_child("memory", args, n=n, size=size, findings=mem_out)
                if "error" not in row["memory"] and "error" not in check:
                    row["same"] = _compare(str(mem_out), str(out))
            rows.append(row)
            build = {}
    text = render(rows, base, batches, args)
    write_outputs(text, args.out, rows, args.json)
    return 0


def argparse_hidden() -> str:
    import argparse

    return argparse.SUPPRESS


def render(rows: Sequence[dict[str, Any]], base: int, batches: Sequence[int], args: Any) -> str:
    lines = [f"## Claim index (Reuters-21578: archive base {base:,} stories, batch = the last {max(batches):,})", "",
             f"Build: `factcheck.index.update_index`, framing in {args.jobs} processes; each stage grows the index "
             f"from the size above. Check: one process, the fastest of {max(1, args.repeat)} runs.", "",
             "| archive | stories | build s | docs/s | build peak MB | index MB | batch | check s "
             "| of which framing | check peak MB | archive claims read | findings | in-memory s | in-memory peak MB "
             "| findings vs in-memory |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        b, c, m = r.get("build") or {}, r["check"], r.get("memory") or {}
        rate = b.get("added", 0) / b["seconds"] if b.get("seconds") else None
        build = (f"{_fmt(b.get('seconds'))} | {_fmt(rate, '.0f')} | {_fmt(b.get('maxrss_mb'), '.0f')} | "
                 f"{_fmt(b.get('db_mb'), '.0f')}") if b else " |  |  | "
        if "error" in b:
            build = f"error: {b['error'][:60]} |  |  | "
        check = (f"{_fmt(c.get('seconds'))} | {_fmt(c.get('framing'))} | {_fmt(c.get('maxrss_mb'), '.0f')} | "
                 f"{c.get('read', '')} | {c.get('findings', '')}") if "error" not in c else \
            f"error: {c['error'][:60]} |  |  |  | "
        mem = (f"{_fmt(m.get('seconds'))} | {_fmt(m.get('maxrss_mb'), '.0f')} | {r.get('same', '')}"
               if m and "error" not in m else (f"error: {m['error'][:60]} |  | " if m else " |  | "))
        lines.append(f"| {r['size']:g}x | {r['stories']:,} | {build} | {r['batch']:,} | {check} | {mem} |")
    first = {r["size"]: r["check"].get("seconds") for r in rows if r["batch"] == batches[0]}
    sizes = sorted(first)
    lines += ["", f"Goal: {batches[0]} new stories against the ~16k archive in at most {GOAL_RATIO:g}x the time "
              "against the ~4k one.", "", "| sizes | ratio of check time | met? |", "|---|---|---|"]
    for small, large in zip(sizes, sizes[1:]):
        a, b = first[small], first[large]
        ratio = b / a if a and b else None
        met = "" if ratio is None else ("yes" if ratio <= GOAL_RATIO else "no")
        goal = " (the goal)" if (small, large) == (0.25, 1.0) else ""
        lines.append(f"| {large:g}x / {small:g}x{goal} | {_fmt(ratio, '.2f')} | {met} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
