#!/usr/bin/env python3
"""Does the check grow with the claims, not with their square? Two tables (issue 13).

1. **The whole Reuters-21578 corpus checked as ONE document set** against extracting it: seconds, peak
   memory, claims and candidate pairs. The stories are written as files to a work folder; each step runs
   in a fresh process (so its ``ru_maxrss`` is its own, read with ``os.wait4``) doing what the command does:
   ``factcheck extract DIR --format jsonl`` (every quantity as a JSON line) and ``factcheck check DIR``
   (the default text report; notes counted, not listed), both reading the folder the same way.
   Goals: the check in at most 2x the extraction's time, at most 1.5 GB peak memory.
2. **One document, one long line, with 5k, 10k and 60k figures** (a synthetic text of its own wording:
   shipments, sales, hires and storm tolls in made-up towns, so many figures share a blocking key), each
   checked in a fresh process. Goals: 10k figures cost at most 2.5x what 5k cost; 60k figures finish.

    python bench/scale.py                                  # both tables (the corpus takes a few minutes)
    python bench/scale.py --only long --figures 2000 4000  # quick: the long-document table only
    python bench/scale.py --only corpus --limit 3000       # the first 3,000 stories only
    python bench/scale.py --out reports/bench/scale.md --json bench/out/scale.json
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
from _common import parser as bench_parser, shared_dir, write_outputs  # noqa: E402

import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

GOAL_RATIO = 2.0
GOAL_PEAK_MB = 1500.0
GOAL_DOUBLING = 2.5
TODAY = "2024-01-01"


# ------------------------------------------------------------------ children (one step per process)
def _documents(folder: str) -> list[Any]:
    """The folder's documents, read as `factcheck check` and `factcheck extract` read them."""
    from factcheck.documents import read_sources, to_document

    sources, _problems = read_sources([folder])
    return [to_document(src, {}) for src in sources]


def child_extract(folder: str) -> dict[str, Any]:
    from factcheck.pipeline import extract_documents

    records, _problems = extract_documents(_documents(folder))
    with open(os.devnull, "w", encoding="utf-8") as out:
        for q in records:
            out.write(json.dumps(q.to_dict(), ensure_ascii=False) + "\n")
    return {"quantities": len(records)}


def child_check(folder: str) -> dict[str, Any]:
    import datetime as dt

    from factcheck.pipeline import check_documents
    from factcheck.report import render

    report = _counted(check_documents(_documents(folder), today=dt.date.fromisoformat(TODAY)))
    with open(os.devnull, "w", encoding="utf-8") as out:
        out.write(render(report, "text", width=120))
    levels = {lv + "s": sum(1 for f in report.findings if f.verdict == "contradiction" and f.level == lv)
              for lv in ("error", "warning")}
    return {**_stats(report), "documents": len(report.documents), **levels}


def _counted(report: Any) -> Any:
    """Notes counted, not listed, as `factcheck check` does without --show-notes (older code kept them)."""
    return report.notes_counted() if hasattr(report, "notes_counted") else report


def _stats(report: Any) -> dict[str, Any]:
    """The report's counts; code from before they existed gives only the claims."""
    return {"claims": len(report.claims), **dict(getattr(report, "stats", ()))}


def long_line(figures: int, seed: int = 13) -> str:
    """One line of ``figures`` figures in sentences of our own wording; towns and goods repeat, so many
    figures share a blocking key and a name, as in a long report."""
    rng = random.Random(seed)
    towns = ["Norvale", "Kestrel Bay", "Ambry", "Tollins", "Quarrow", "Fenmark", "Brightwater", "Oskel", "Harlow Cross",
             "Pellmoor", "Dunstable Reach", "Wexley"]
    goods = ["tonnes of barley", "crates of pears", "litres of cider", "bales of wool", "sacks of rye"]
    out: list[str] = []
    n = 0
    while n < figures:
        town, kind = rng.choice(towns), rng.randrange(4)
        if kind == 0:
            out.append(f"The depot at {town} shipped {rng.randrange(100, 99999):,} {rng.choice(goods)} "
                       f"in week {rng.randrange(1, 53)}.")
            n += 2
        elif kind == 1:
            out.append(f"Sales of {town} Mills rose {rng.randrange(1, 300) / 10} percent to "
                       f"${rng.randrange(2, 900)} million.")
            n += 2
        elif kind == 2:
            out.append(f"{town} hired {rng.randrange(2, 4000)} workers, officials said.")
            n += 1
        else:
            out.append(f"The storm killed {rng.randrange(1, 300)} people in {town}, the council said.")
            n += 1
    return " ".join(out)


def child_long(figures: str) -> dict[str, Any]:
    import datetime as dt

    from factcheck.pipeline import check_documents, dated_document

    text = long_line(int(figures))
    today = dt.date.fromisoformat(TODAY)
    check_documents([dated_document("warm.txt", long_line(20), dt.date(2023, 6, 1))], today=today)  # loads the lexicons
    t0 = time.perf_counter()
    doc = dated_document("long.txt", text, dt.date(2023, 6, 1))
    report = _counted(check_documents([doc], today=today))
    return {"chars": len(text), "check_seconds": time.perf_counter() - t0, **_stats(report),
            "findings": len(report.findings)}


CHILDREN = {"extract": child_extract, "check": child_check, "long": child_long}


def run_child(step: str, arg: str) -> dict[str, Any]:
    """One step in a fresh process: its wall seconds (start to exit), peak RSS and what it reports. The child
    is reaped with ``os.wait4``, which gives that child's own resource usage."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, __file__, "--child", step, arg], stdout=out, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    if proc.returncode != 0 or not stdout.strip():
        print(stderr, file=sys.stderr)
        last = (stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]
        return {"error": last[:120], "seconds": seconds, "peak_mb": peak}
    return {**json.loads(stdout.strip().splitlines()[-1]), "seconds": seconds, "peak_mb": peak}


# ------------------------------------------------------------------ tables
def write_corpus(shared: Path, folder: Path, limit: int | None) -> tuple[int, int]:
    """The Reuters stories as files ``<id>.txt`` in ``folder``: (stories, bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    n = size = 0
    with gzip.open(shared / "corpus/reuters21578.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            story = json.loads(line)
            (folder / f"{story['id']}.txt").write_text(story["text"], encoding="utf-8")
            n += 1
            size += len(story["text"].encode("utf-8"))
            if limit and n >= limit:
                break
    return n, size


def corpus_table(shared: Path, limit: int | None, workdir: str | None) -> tuple[str, dict[str, Any]]:
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        folder = Path(tmp) / "reuters"
        stories, size = write_corpus(shared, folder, limit)
        ex = run_child("extract", str(folder))
        ck = run_child("check", str(folder))
    failed = "error" in ex or "error" in ck
    ratio = float("nan") if failed else ck["seconds"] / ex["seconds"]
    met = not failed and ratio <= GOAL_RATIO and ck["peak_mb"] <= GOAL_PEAK_MB
    head = ("| corpus | extraction s | extraction peak MB | check s | check peak MB | check / extraction | claims | "
            "candidate pairs | pairs scored | contradictions (error / warning) | goal | met? |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|\n")
    name = f"Reuters-21578, {stories:,} stories ({size / 1e6:.1f} MB), one set"
    goal = f"≤{GOAL_RATIO:g}x, ≤{GOAL_PEAK_MB / 1000:g} GB"
    if failed:
        why = ex.get("error") or ck.get("error")
        row = f"| {name} | {ex['seconds']:.1f} | {ex['peak_mb']:.0f} | error: {why} | | | | | | | {goal} | no |"
    else:
        row = (f"| {name} | {ex['seconds']:.1f} | {ex['peak_mb']:.0f} | {ck['seconds']:.1f} | {ck['peak_mb']:.0f} | "
               f"{ratio:.2f}x | {ck['claims']:,} | {_n(ck, 'candidate_pairs')} | {_n(ck, 'pairs_scored')} | "
               f"{ck['errors']} / {ck['warnings']} | {goal} | {'yes' if met else 'no'} |")
    return head + row, {"stories": stories, "bytes": size, "extract": ex, "check": ck, "ratio": ratio}


def _n(row: dict[str, Any], key: str) -> str:
    return f"{row[key]:,}" if key in row else "n/a"


def long_table(figures: list[int]) -> tuple[str, dict[str, Any]]:
    results = {n: run_child("long", str(n)) for n in figures}
    rows = ["| figures | characters | check s | process s | peak MB | claims | candidate pairs | findings listed |",
            "|---|---|---|---|---|---|---|---|"]
    for n, r in results.items():
        if "error" in r:
            rows.append(f"| {n:,} | | error: {r['error']} | | | | | |")
            continue
        rows.append(f"| {n:,} | {r['chars']:,} | {r['check_seconds']:.1f} | {r['seconds']:.1f} | {r['peak_mb']:.0f} | "
                    f"{r.get('claims', 0):,} | {_n(r, 'candidate_pairs')} | {r['findings']:,} |")
    lines = ["\n".join(rows), ""]
    if 5000 in results and 10000 in results and "error" not in results[5000] and "error" not in results[10000]:
        ratio = results[10000]["check_seconds"] / results[5000]["check_seconds"]
        lines.append(f"10k / 5k figures, check seconds: {ratio:.2f}x (goal ≤{GOAL_DOUBLING:g}x: "
                     f"{'met' if ratio <= GOAL_DOUBLING else 'not met'})")
    if 60000 in results:
        lines.append(f"60k figures: {'finished' if 'error' not in results[60000] else 'did not finish'} "
                     f"(goal: finishes)")
    return "\n".join(lines), {str(n): r for n, r in results.items()}


def main() -> None:
    ap = bench_parser(__doc__)
    ap.add_argument("--only", choices=("corpus", "long"), help="one table only")
    ap.add_argument("--limit", type=int, default=None, help="corpus: the first N stories (default: all)")
    ap.add_argument("--figures", type=int, nargs="+", default=[5000, 10000, 60000], help="long document sizes")
    ap.add_argument("--workdir", default=None, help="where the corpus files are written (default: the temp folder)")
    ap.add_argument("--out", help="also write the tables to this file")
    ap.add_argument("--json", dest="json_path", help="also write the raw numbers to this file")
    ap.add_argument("--child", nargs=2, metavar=("STEP", "ARG"), help=argparse_suppress())
    args = ap.parse_args()
    if args.child:
        print(json.dumps(CHILDREN[args.child[0]](args.child[1])))
        return
    parts, data = ["# Scale (issue 13)", ""], {}
    if args.only in (None, "corpus"):
        table, data["corpus"] = corpus_table(shared_dir(args.shared), args.limit, args.workdir)
        parts += ["## The whole corpus checked as one set", "", table, ""]
    if args.only in (None, "long"):
        table, data["long"] = long_table(args.figures)
        parts += ["## One document, one line, N figures", "", table, ""]
    parts.append(f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores (shared); each cell one fresh "
                 "process; process seconds run from its start to its exit, check seconds (one document) time "
                 "`check_documents` alone.")
    write_outputs("\n".join(parts), args.out, data, args.json_path)


def argparse_suppress() -> str:
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    main()
