#!/usr/bin/env python3
"""factcheck on real cross-outlet news: every ECB+ cluster checked as one document set.

Why: the labelled pair sets are short and partly synthetic; ECB+ has 86 clusters of real articles from
different outlets about one event each, which is where genuine numeric disagreements (and false
alarms) show up at the scale factcheck is meant for. There is no gold standard here, so the script
counts findings per cluster and, with ``--sample``, prints contradictions to read by hand.

    python bench/ecbplus.py
    python bench/ecbplus.py --sample 20 --seed 1          # read 20 random contradictions
    python bench/ecbplus.py --json bench/out/ecbplus.json --out reports/bench/ecbplus.md
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
from _common import parser as bench_parser, shared_dir, write_outputs  # noqa: E402

import random
import sys
import textwrap
import time
import traceback
from pathlib import Path
from typing import Any

VERDICTS = ("contradiction", "not_comparable", "agreement")




def run_cluster(folder: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Check one cluster; returns its counts and its contradiction findings. Never raises."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    row: dict[str, Any] = {"cluster": folder.name, "docs": len(texts),
                           "bytes": sum(len(t.encode("utf-8")) for t in texts.values())}
    t0 = time.perf_counter()
    try:
        import factcheck

        rep = factcheck.check_texts(texts).to_dict()
    except Exception as e:  # noqa: BLE001 - reported in the table
        row["seconds"] = time.perf_counter() - t0
        row["error"] = f"{type(e).__name__}: {e}".splitlines()[0][:120]
        print(f"[{folder.name}] {traceback.format_exc(limit=4)}", file=sys.stderr)
        return row, []
    row["seconds"] = time.perf_counter() - t0
    findings = rep.get("findings", [])
    row["claims"] = sum(len(d.get("claims", [])) for d in rep.get("documents", []))
    for v in VERDICTS:
        row[v] = sum(1 for f in findings if f.get("verdict") == v)
    row["cross_doc_contradictions"] = sum(
        1 for f in findings if f.get("verdict") == "contradiction"
        and len({c.get("doc") for c in f.get("claims", [])}) > 1)
    contra = [dict(f, cluster=folder.name) for f in findings if f.get("verdict") == "contradiction"]
    return row, contra


def table(rows: list[dict[str, Any]]) -> str:
    md = ["## ECB+: each cluster checked as one document set", "",
          "| cluster | docs | claims | contradictions | (across docs) | not_comparable | agreements | seconds |",
          "|---|---:|---:|---:|---:|---:|---:|---:|"]
    tot: dict[str, float] = {k: 0 for k in ("docs", "claims", *VERDICTS, "cross_doc_contradictions", "seconds")}
    errors = 0
    for r in rows:
        tot["docs"] += r["docs"]
        tot["seconds"] += r["seconds"]
        if "error" in r:
            errors += 1
            md.append(f"| {r['cluster']} | {r['docs']} | error: {r['error'].replace('|', '/')} | | | | "
                      f"| {r['seconds']:.2f} |")
            continue
        for k in ("claims", *VERDICTS, "cross_doc_contradictions"):
            tot[k] += r[k]
        md.append(f"| {r['cluster']} | {r['docs']} | {r['claims']} | {r['contradiction']} "
                  f"| {r['cross_doc_contradictions']} | {r['not_comparable']} | {r['agreement']} | {r['seconds']:.2f} |")
    md.append(f"| **total ({len(rows)} clusters{f', {errors} errored' if errors else ''})** | {tot['docs']:.0f} "
              f"| {tot['claims']:.0f} | {tot['contradiction']:.0f} | {tot['cross_doc_contradictions']:.0f} "
              f"| {tot['not_comparable']:.0f} | {tot['agreement']:.0f} | {tot['seconds']:.2f} |")
    return "\n".join(md) + "\n"


def show(findings: list[dict[str, Any]], n: int, seed: int) -> str:
    """N contradiction findings picked at random (reproducibly), each with the sentences it quotes."""
    if not findings:
        return "No contradiction findings to sample.\n"
    pick = random.Random(seed).sample(findings, min(n, len(findings)))
    out = [f"## {len(pick)} of {len(findings)} contradiction findings (seed {seed})", ""]
    for i, f in enumerate(pick, 1):
        out.append(f"### {i}. {f['cluster']} — {f.get('metric')} ({f.get('rule')}, {f.get('level')})")
        out.append("")
        out.append(f"**{f.get('message', '')}**")
        out.append("")
        for c in f.get("claims", [])[:6]:
            sent = " ".join(str(c.get("sentence") or "").split())
            out.append(f"- `{c.get('doc')}` line {c.get('line')}: “{c.get('text')}” — "
                       + textwrap.shorten(sent, 400, placeholder=" …"))
        if len(f.get("claims", [])) > 6:
            out.append(f"- … and {len(f['claims']) - 6} more claims")
        out.append("")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = bench_parser(__doc__)
    ap.add_argument("clusters", nargs="*", help="cluster names (default: all)")
    ap.add_argument("--sample", type=int, default=0, metavar="N", help="print N contradiction findings to read")
    ap.add_argument("--seed", type=int, default=0, help="seed for --sample (default 0)")
    ap.add_argument("--json", metavar="FILE", help="write the raw per-cluster numbers (and findings) as JSON")
    ap.add_argument("--out", metavar="FILE", help="also write the markdown table here (reports/bench/...)")
    args = ap.parse_args(argv)

    root = shared_dir(args.shared) / "corpus" / "ecbplus"
    folders = [root / c for c in args.clusters] if args.clusters else sorted(p for p in root.iterdir() if p.is_dir())
    missing = [str(p) for p in folders if not p.is_dir()]
    if missing:
        ap.error("no such cluster: " + ", ".join(missing))
    rows: list[dict[str, Any]] = []
    contra: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for f in folders:
        r, c = run_cluster(f)
        rows.append(r)
        contra.extend(c)
    wall = time.perf_counter() - t0
    text = table(rows) + f"\nWall time {wall:.1f} s, one process. Folder `{root}`.\n"
    if args.sample:
        text += "\n" + show(contra, args.sample, args.seed)
    write_outputs(text, args.out, {"clusters": rows, "wall_seconds": wall, "contradictions": contra}, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
