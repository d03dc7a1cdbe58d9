#!/usr/bin/env python3
"""The claim index in SQLite and in PostgreSQL, side by side on Reuters-21578.

Why: a team that outgrows one SQLite file keeps the index in PostgreSQL (`--db postgresql://...`); the
findings must not change, and the cost of the server round trips should be known. The first ``--stories``
stories are split into an archive and a batch (the last ``--batch``). Both backends get the same work, in
the same process: index the archive, index it again (all unchanged), index it again with ``--edit`` stories
changed and ``--edit`` deleted, then check the batch against it. Every story is framed once beforehand and
the framed documents are handed to each index run, so the seconds are the index's own (reads, writes,
versions), not framing's.

The reference, measured in the same run: the in-memory check of the edited archive and the batch as one
set; its findings with a batch claim must be exactly those of each backend's check.

PostgreSQL: ``--postgres URL`` (an empty database), else a throwaway server from the machine's PostgreSQL
binaries (`tests/pgtemp.py`, as the tests start it: a local socket, no fsync).

    python bench/index_backends.py --out reports/bench/index_backends.md
    python bench/index_backends.py --stories 400 --batch 100           # quick look
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
from _common import parser as bench_parser, shared_dir, write_outputs  # noqa: E402
from throughput import load_corpus  # noqa: E402

import datetime as dt
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(1988, 1, 1)


def documents(rows: Sequence[dict[str, str]], batch: int) -> tuple[list[Any], list[Any]]:
    from factcheck.pipeline import dated_document

    docs = [dated_document(r["id"], r["text"]) for r in rows]
    return docs[:-batch], [replace(d, name="new/" + d.name) for d in docs[-batch:]]


def edited(archive: Sequence[Any], n: int) -> list[Any]:
    """The archive with ``n`` stories changed (a sentence with a head count added) and ``n`` others deleted,
    spread over it."""
    step = max(1, len(archive) // (2 * n)) if n else 0
    changed = set(range(0, step * n, step)) if n else set()
    gone = {i + 1 for i in changed}
    out = []
    for i, d in enumerate(archive):
        if i in gone:
            continue
        out.append(replace(d, text=d.text + "\n\nThe company said it had 1,234 employees.\n") if i in changed else d)
    return out


def run_backend(target: str, archive: list[Any], changed: list[Any], batch_framed: list[Any],
                framed: dict[tuple[str, str], Any], rules: Any, fx: Any) -> dict[str, Any]:
    from factcheck.index import ClaimIndex, check_framed_against, update_index

    def framer(docs: Sequence[Any]) -> list[Any]:
        return [framed[(d.name, d.text)] for d in docs]

    out: dict[str, Any] = {}
    with ClaimIndex.open(target) as index:
        for step, docs in (("index", archive), ("again", archive), ("edits", changed)):
            started = time.perf_counter()
            run = update_index(index, docs, rules, prune=["."], framer=framer, batch_size=64)
            out[step] = {"seconds": time.perf_counter() - started, "added": run.added, "replaced": run.replaced,
                         "unchanged": run.unchanged, "removed": run.removed, "claims": run.claims}
        started = time.perf_counter()
        report = check_framed_against(index, batch_framed, rules, fx, TODAY)
        out["check"] = {"seconds": time.perf_counter() - started, "findings": report.findings,
                        "read": dict(report.stats).get("archived_claims", 0)}
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = bench_parser(__doc__)
    ap.add_argument("--stories", type=int, default=2000, help="the first N Reuters stories")
    ap.add_argument("--batch", type=int, default=200, help="the last N of them are the batch")
    ap.add_argument("--edit", type=int, default=20, help="stories changed, and as many deleted, for the third run")
    ap.add_argument("--postgres", default=None, help="an empty PostgreSQL database (default: a throwaway server)")
    ap.add_argument("--sqlite-only", action="store_true", help="leave PostgreSQL out (e.g. to time another version)")
    ap.add_argument("--work", default=str(ROOT / "bench" / "out" / "index_backends"))
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)

    from factcheck.fx import EcbRates
    from factcheck.pipeline import _default_rules, check_documents, frame_documents

    rows = load_corpus(shared_dir(args.shared) / "corpus" / "reuters21578.jsonl.gz", args.stories)
    archive, batch = documents(rows, args.batch)
    changed = edited(archive, args.edit)
    rules, fx = _default_rules(), EcbRates()
    print(f"framing {len(archive) + len(batch) + args.edit} stories ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    every = list({(d.name, d.text): d for d in [*archive, *changed, *batch]}.values())  # a changed story twice
    framed = {(d.name, d.text): f for d, f in zip(every, frame_documents(every, rules, all_undated=False))}
    framing = time.perf_counter() - started
    print("in-memory reference ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    names = {d.name for d in batch}
    memory = [f for f in check_documents([*changed, *batch], rules=rules, fx=fx, today=TODAY).findings
              if any(c.doc in names for c in f.claims)]
    memory_s = time.perf_counter() - started

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    for p in work.glob("claims.db*"):
        p.unlink()
    targets: list[tuple[str, str]] = [("SQLite (file)", str(work / "claims.db"))]
    server = None
    if args.sqlite_only:
        pass
    elif args.postgres:
        targets.append(("PostgreSQL", args.postgres))
    else:
        sys.path.insert(0, str(ROOT / "tests"))
        import pgtemp

        got = pgtemp.start()
        if isinstance(got, str):
            print(f"no PostgreSQL: {got}", file=sys.stderr)
        else:
            server = got
            targets.append(("PostgreSQL (local socket, throwaway)", got.new_database()))
    results = []
    try:
        for label, target in targets:
            print(f"{label} ...", file=sys.stderr, flush=True)
            results.append((label, run_backend(target, archive, changed, [framed[(d.name, d.text)] for d in batch],
                                               framed, rules, fx)))
    finally:
        if server is not None:
            server.close()
    write_outputs(render(results, memory, memory_s, framing, len(archive), len(batch), args.edit), args.out)
    return 0


def _same(a: Sequence[Any], b: Sequence[Any]) -> str:
    if list(a) == list(b):
        return f"yes ({len(a)})"
    x, y = {f.id for f in a}, {f.id for f in b}
    return f"no: {len(x - y)} missing, {len(y - x)} extra of {len(x)}"


def render(results: Sequence[tuple[str, dict[str, Any]]], memory: Sequence[Any], memory_s: float, framing: float,
           n_archive: int, n_batch: int, n_edit: int) -> str:
    lines = [f"## The claim index in SQLite and PostgreSQL (Reuters-21578: archive {n_archive:,} stories, "
             f"batch {n_batch:,})", "",
             f"Every story framed once beforehand ({framing:.1f} s), so the seconds are the index's own. Runs: index "
             f"the archive; index it again (all unchanged); again with {n_edit} stories changed and {n_edit} "
             "deleted; check the batch against it. Reference: the in-memory check of edited archive and batch "
             f"as one set ({memory_s:.1f} s), its findings with a batch claim.", "",
             "| index in | index s | docs/s | again s (unchanged) | edits s (replaced / removed) | check s "
             "| archive claims read | findings | same as in-memory | same as SQLite |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    first = results[0][1]["check"]["findings"] if results else []
    for label, r in results:
        i, a, e, c = r["index"], r["again"], r["edits"], r["check"]
        rate = i["added"] / i["seconds"] if i["seconds"] else 0
        lines.append(f"| {label} | {i['seconds']:.2f} | {rate:.0f} | {a['seconds']:.2f} ({a['unchanged']:,}) | "
                     f"{e['seconds']:.2f} ({e['replaced']} / {e['removed']}) | {c['seconds']:.2f} | {c['read']:,} | "
                     f"{len(c['findings'])} | {_same(memory, c['findings'])} | {_same(first, c['findings'])} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
