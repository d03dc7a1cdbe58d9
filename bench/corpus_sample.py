#!/usr/bin/env python3
"""factcheck on whole real corpora, and random contradictions from them to read (and label) by hand.

Why: labelled pair sets are small; what a user meets is a folder of real documents checked at once.
This script runs ``factcheck.check_texts`` on every ECB+ cluster (each cluster one document set) and/or
on the Reuters-21578 corpus as ONE document set (or split with ``--set-size``), prints totals
(documents, claims, contradictions by level, wall seconds, peak RSS), can write every contradiction
finding to JSONL, and prints a reproducible random sample of them. With a hand-label file it prints
the sample's precision, which is the only precision figure there is for unlabelled corpora.

    python bench/corpus_sample.py                                   # every ECB+ cluster
    python bench/corpus_sample.py reuters --limit 2000              # first 2000 Reuters stories as one set
    python bench/corpus_sample.py ecbplus reuters --findings bench/out/findings.jsonl
    python bench/corpus_sample.py reuters --sample 30 --seed 1 --level warning --at-least
    python bench/corpus_sample.py --sample 30 --seed 1 --labels bench/out/labels.jsonl

Hand-label file: JSONL, one line per finding read, ``{"id": <finding id>, "real": true|false, "why": "..."}``.
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
from _common import parser as bench_parser, shared_dir, write_outputs  # noqa: E402
from throughput import load_corpus, maxrss_mb  # noqa: E402

import json
import math
import random
import sys
import textwrap
import time
import traceback
from pathlib import Path
from typing import Any, Iterator

CORPORA = ("ecbplus", "reuters")
LEVELS = ("error", "warning", "note")  # worst first
RANK = {"note": 0, "warning": 1, "error": 2}
#: finding keys copied into the findings file when present
KEEP = ("level", "rule", "metric", "message", "score", "aligned_on")
#: claim keys copied into the findings file
CLAIM_KEEP = ("doc", "text", "sentence", "start", "end")

DocSet = tuple[str, dict[str, str]]  # (set name, doc name -> text)


# ------------------------------------------------------------------ document sets
def ecbplus_sets(root: Path, clusters: list[str] | None) -> Iterator[DocSet]:
    """Each ECB+ cluster folder as one document set (its .txt files, UTF-8)."""
    folders = [root / c for c in clusters] if clusters else sorted(p for p in root.iterdir() if p.is_dir())
    for f in folders:
        if not f.is_dir():
            raise SystemExit(f"error: no such cluster: {f}")
        yield f.name, {p.name: p.read_text(encoding="utf-8") for p in sorted(f.glob("*.txt"))}


def reuters_sets(stories: list[dict[str, str]], set_size: int) -> Iterator[DocSet]:
    """The stories as one document set, or in sets of ``set_size`` stories (in corpus order)."""
    size = set_size if set_size > 0 else max(len(stories), 1)
    for i in range(0, len(stories), size):
        batch = stories[i:i + size]
        name = "reuters" if size >= len(stories) else f"reuters[{i}:{i + len(batch)}]"
        yield name, {s["id"]: s["text"] for s in batch}


# ------------------------------------------------------------------ checking
def check_set(corpus: str, name: str, texts: dict[str, str]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """check_texts on one document set: its counts and its contradiction findings (trimmed). Never raises."""
    row: dict[str, Any] = {"corpus": corpus, "set": name, "documents": len(texts)}
    t0 = time.perf_counter()
    try:
        import factcheck

        rep = factcheck.check_texts(texts).to_dict()
    except Exception as e:  # noqa: BLE001 - counted in the totals
        row["seconds"] = time.perf_counter() - t0
        row["error"] = f"{type(e).__name__}: {e}".splitlines()[0][:160]
        print(f"[{name}] {traceback.format_exc(limit=4)}", file=sys.stderr)
        return row, []
    row["seconds"] = time.perf_counter() - t0
    row["claims"] = sum(len(d.get("claims", [])) for d in rep.get("documents", []))
    found = []
    for i, f in enumerate(x for x in rep.get("findings", []) if x.get("verdict") == "contradiction"):
        rec: dict[str, Any] = {"id": f.get("id") or f"{name}#{i}", "corpus": corpus, "set": name}
        rec.update({k: f[k] for k in KEEP if k in f})
        rec["claims"] = [{k: c.get(k) for k in CLAIM_KEEP} for c in f.get("claims", [])]
        found.append(rec)
    return row, found


def by_level(findings: list[dict[str, Any]]) -> dict[str, int]:
    """Contradictions per level (a finding without one is counted as 'none')."""
    out = {lv: 0 for lv in LEVELS}
    for f in findings:
        lv = str(f.get("level") or "none")
        out[lv] = out.get(lv, 0) + 1
    return out


def run_corpus(corpus: str, sets: Iterator[DocSet], t_load: float | None,
               rss_loaded: float) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Check every set of one corpus (``t_load``: seconds spent loading it beforehand, None when the sets
    are read as they come); returns its totals and all its contradiction findings."""
    t0 = time.perf_counter()
    tot: dict[str, Any] = {"corpus": corpus, "sets": 0, "documents": 0, "claims": 0, "errors": 0,
                           "check_seconds": 0.0, "load_seconds": t_load, "rss_after_load_mb": rss_loaded}
    findings: list[dict[str, Any]] = []
    for name, texts in sets:
        row, found = check_set(corpus, name, texts)
        tot["sets"] += 1
        tot["documents"] += row["documents"]
        tot["claims"] += row.get("claims", 0)
        tot["check_seconds"] += row["seconds"]
        if "error" in row:
            tot["errors"] += 1
            tot.setdefault("error_samples", []).append(f"{name}: {row['error']}")
        findings.extend(found)
    tot["contradictions"] = len(findings)
    tot["by_level"] = by_level(findings)
    tot["wall_seconds"] = time.perf_counter() - t0 + (t_load or 0.0)
    tot["peak_rss_mb"] = maxrss_mb()
    return tot, findings


def totals_table(rows: list[dict[str, Any]]) -> str:
    md = ["## Contradictions in whole corpora (`check_texts`)", "",
          "| corpus | sets | documents | claims | contradictions | error | warning | note | set errors "
          "| wall s (load) | peak RSS MB (after load) |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lv = r["by_level"]
        other = sum(v for k, v in lv.items() if k not in LEVELS)
        err = str(r["errors"]) + (f" ({r['error_samples'][0][:80]})".replace("|", "/") if r["errors"] else "")
        load = "—" if r["load_seconds"] is None else f"{r['load_seconds']:.1f}"
        md.append(f"| {r['corpus']} | {r['sets']} | {r['documents']} | {r['claims']} | {r['contradictions']} "
                  f"| {lv['error']} | {lv['warning']} | {lv['note'] + other} | {err} "
                  f"| {r['wall_seconds']:.1f} ({load}) "
                  f"| {r['peak_rss_mb']:.0f} "
                  f"({r['rss_after_load_mb']:.0f}) |")
    return "\n".join(md) + "\n"


# ------------------------------------------------------------------ sampling and labels
def select(findings: list[dict[str, Any]], level: str, at_least: bool) -> list[dict[str, Any]]:
    """Findings at exactly ``level``, or at it or above with ``at_least`` (no level counts as above)."""
    if at_least:
        return [f for f in findings if f.get("level") is None or RANK.get(str(f["level"]), 2) >= RANK[level]]
    return [f for f in findings if f.get("level") == level]


def load_labels(path: Path) -> dict[str, dict[str, Any]]:
    """Hand labels by finding id (a later line for the same id wins)."""
    out: dict[str, dict[str, Any]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        d = json.loads(line)
        if not isinstance(d, dict) or "id" not in d or not isinstance(d.get("real"), bool):
            raise SystemExit(f"error: {path}:{n}: expected {{\"id\", \"real\": true|false, \"why\"}}")
        out[str(d["id"])] = d
    return out


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float] | None:
    """95% Wilson score interval of a proportion k/n (None when n is 0)."""
    if n == 0:
        return None
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return c - h, c + h


def show(pick: list[dict[str, Any]], pool: int, what: str, seed: int, labels: dict[str, dict[str, Any]]) -> str:
    """The sampled findings, numbered, each with its message and the claims' quoted sentences."""
    out = [f"## {len(pick)} of {pool} contradiction findings {what} (seed {seed})", ""]
    for i, f in enumerate(pick, 1):
        out.append(f"### {i}. `{f['id']}` {f['set']} — {f.get('metric')} ({f.get('rule')}, {f.get('level')})")
        out.append("")
        out.append(f"**{f.get('message', '')}**")
        extra = [f"score {f['score']}" if "score" in f else "",
                 f"aligned on {', '.join(f['aligned_on'])}" if f.get("aligned_on") else ""]
        if any(extra):
            out.append("")
            out.append("(" + "; ".join(x for x in extra if x) + ")")
        out.append("")
        for c in f["claims"][:6]:
            sent = textwrap.shorten(" ".join(str(c.get("sentence") or "").split()), 400, placeholder=" …")
            out.append(f"- `{c.get('doc')}` “{c.get('text')}”: {sent}")
        if len(f["claims"]) > 6:
            out.append(f"- … and {len(f['claims']) - 6} more claims")
        lab = labels.get(f["id"])
        if lab is not None:
            out += ["", f"label: {'real' if lab['real'] else 'false alarm'} — {lab.get('why', '')}"]
        out.append("")
    return "\n".join(out) + "\n"


def precision(pick: list[dict[str, Any]], labels: dict[str, dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    """Precision of the sample from the hand labels (unlabelled findings are listed, not counted)."""
    lab = [labels[f["id"]] for f in pick if f["id"] in labels]
    real = sum(1 for x in lab if x["real"])
    interval = wilson(real, len(lab))
    unl = [f["id"] for f in pick if f["id"] not in labels]
    data = {"sampled": len(pick), "labelled": len(lab), "real": real,
            "precision": real / len(lab) if lab else None, "wilson95": interval, "unlabelled": unl}
    if interval is None:
        text = f"Precision of the sample: no labels for any of the {len(pick)} sampled findings.\n"
    else:
        text = (f"Precision of the sample: {real} real of {len(lab)} labelled = {real / len(lab):.3f} "
                f"(95% Wilson interval {interval[0]:.2f}–{interval[1]:.2f}).\n")
    if unl:
        text += f"Not labelled ({len(unl)}): {', '.join(unl)}\n"
    return text, data


# ------------------------------------------------------------------ main
def main(argv: list[str] | None = None) -> int:
    ap = bench_parser(__doc__)
    ap.add_argument("corpora", nargs="*", metavar="CORPUS", help="ecbplus and/or reuters (default: ecbplus)")
    ap.add_argument("--clusters", nargs="+", metavar="NAME", help="ECB+: only these clusters")
    ap.add_argument("--limit", type=int, help="Reuters: only the first N stories (quick runs)")
    ap.add_argument("--set-size", type=int, default=0, metavar="N",
                    help="Reuters: split into document sets of N stories (default: the whole corpus as one set)")
    ap.add_argument("--findings", metavar="FILE", help="write every contradiction finding here (JSONL)")
    ap.add_argument("--sample", type=int, default=0, metavar="N", help="print N random contradiction findings")
    ap.add_argument("--seed", type=int, default=0, help="seed for --sample (default 0)")
    ap.add_argument("--level", choices=["note", "warning", "error"], default="warning",
                    help="--sample: findings at this level (default warning)")
    ap.add_argument("--at-least", action="store_true", help="--sample: at --level or above, not exactly at it")
    ap.add_argument("--labels", metavar="FILE", help="hand labels (JSONL id, real, why): print the sample's precision")
    ap.add_argument("--json", metavar="FILE", help="write the totals (and the sample's precision) as JSON")
    ap.add_argument("--out", metavar="FILE", help="also write the markdown output here")
    args = ap.parse_args(argv)
    corpora = list(dict.fromkeys(args.corpora or ["ecbplus"]))
    if set(corpora) - set(CORPORA):
        ap.error(f"unknown corpus: {', '.join(sorted(set(corpora) - set(CORPORA)))} (choose from {', '.join(CORPORA)})")
    if args.labels and not args.sample:
        ap.error("--labels needs --sample N (the precision is that of the sample)")
    labels = load_labels(Path(args.labels)) if args.labels else {}

    shared = shared_dir(args.shared)
    totals: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for corpus in corpora:
        print(f"{corpus} ...", file=sys.stderr, flush=True)
        tl = time.perf_counter()
        if corpus == "ecbplus":
            root = shared / "corpus" / "ecbplus"
            sets: Iterator[DocSet] = ecbplus_sets(root, args.clusters)
            tot, found = run_corpus(corpus, sets, None, maxrss_mb())
        else:
            stories = load_corpus(shared / "corpus" / "reuters21578.jsonl.gz", args.limit)
            load_s = time.perf_counter() - tl
            tot, found = run_corpus(corpus, reuters_sets(stories, args.set_size), load_s, maxrss_mb())
            del stories
        totals.append(tot)
        findings.extend(found)
    wall = time.perf_counter() - t0

    seen: dict[str, int] = {}
    for f in findings:  # ids are content hashes; keep them unique across sets all the same
        seen[f["id"]] = seen.get(f["id"], 0) + 1
        if seen[f["id"]] > 1:
            f["id"] = f"{f['id']}~{seen[f['id']]}"
    if args.findings:
        Path(args.findings).parent.mkdir(parents=True, exist_ok=True)
        with open(args.findings, "w", encoding="utf-8") as fh:
            for f in findings:
                fh.write(json.dumps(f, ensure_ascii=False) + "\n")

    scope = []
    if "reuters" in corpora:
        scope.append(f"Reuters: {f'first {args.limit} stories' if args.limit else 'all stories'}, "
                     + (f"sets of {args.set_size}" if args.set_size > 0 else "one document set"))
    if "ecbplus" in corpora:
        scope.append(f"ECB+: {'each named' if args.clusters else 'every'} cluster as one document set")
    text = totals_table(totals) + (
        f"\n{'; '.join(scope)}. One process; wall time {wall:.1f} s in all; peak RSS is the process's `ru_maxrss` "
        f"so far (it includes the corpus in memory and earlier corpora).\n")
    if args.findings:
        text += f"{len(findings)} contradiction findings written to `{args.findings}`.\n"
    data: dict[str, Any] = {"totals": totals, "wall_seconds": wall}
    if args.sample:
        pool = select(findings, args.level, args.at_least)
        pick = random.Random(args.seed).sample(pool, min(args.sample, len(pool)))
        what = f"at level {args.level}{' or above' if args.at_least else ''}"
        text += "\n" + (show(pick, len(pool), what, args.seed, labels) if pick
                        else f"No contradiction findings {what} to sample.\n")
        if args.labels:
            ptext, data["sample_precision"] = precision(pick, labels)
            text += "\n" + ptext
        data["sample_ids"] = [f["id"] for f in pick]
    write_outputs(text, args.out, data, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
