#!/usr/bin/env python3
"""Numeric-contradiction detection of factcheck against the naive baseline, on real labelled pairs.

Why: a fact-checker that cries wolf is worse than none. These public pair sets (EQUATE, WikiContradict,
QuanTemp) say how often factcheck flags pairs whose numbers agree (false alarms on entailed pairs) and
how many real numeric conflicts it catches, next to the naive "the numbers differ" baseline, in one run.

It imports the shared scorer (``shared/bench/contradiction/score.py``) and uses its loaders, detectors
(``factcheck`` and ``numbers_differ``) and metrics on every ``*.jsonl`` there.

    python bench/contradiction.py
    python bench/contradiction.py --preds bench/out/contradiction --out reports/bench/contradiction.md
    python bench/contradiction.py equate_redditnli wikicontradict_numeric --jobs 2
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
from _common import parser as bench_parser, shared_dir  # noqa: E402

import importlib.util
import json
import math
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

DETECTORS = ("factcheck", "numbers_differ")
#: set -> (metric key, label, goal, "max"|"min")
GOALS: dict[str, tuple[str, str, float, str]] = {
    "equate_newsnli": ("flag_rate_on_entailment", "false-alarm rate on entailed pairs", 0.03, "max"),
    "equate_rte_quant": ("flag_rate_on_entailment", "false-alarm rate on entailed pairs", 0.05, "max"),
    "equate_redditnli": ("f1", "contradiction F1", 0.60, "min"),
    "wikicontradict_numeric": ("recall", "numeric-conflict recall", 0.85, "min"),
}
ORDER = ["equate_newsnli", "equate_rte_quant", "equate_redditnli", "wikicontradict_numeric",
         "equate_awpnli", "quantemp_test_sample249"]




_SCORER: ModuleType | None = None
_SCORER_PATH: str = ""


def scorer(path: str | None = None) -> ModuleType:
    """The shared scorer module, loaded once per process (worker processes load it lazily)."""
    global _SCORER, _SCORER_PATH
    if path:
        _SCORER_PATH = path
    if _SCORER is None:
        spec = importlib.util.spec_from_file_location("shared_contradiction_score", _SCORER_PATH)
        if spec is None or spec.loader is None:
            raise SystemExit(f"error: cannot load the scorer at {_SCORER_PATH}")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        _SCORER = mod
    return _SCORER


def _init(path: str) -> None:
    scorer(path)


def judge(task: tuple[str, str, str]) -> tuple[bool, dict[str, Any], str | None]:
    """One pair through one detector: (flagged, info, error). Never raises."""
    detector, a, b = task
    try:
        flagged, info = scorer().BASELINES[detector](a, b)
        return bool(flagged), info if isinstance(info, dict) else {}, None
    except Exception as e:  # noqa: BLE001 - counted and reported in the table
        return False, {}, f"{type(e).__name__}: {e}".splitlines()[0][:160]


def run_detector(detector: str, rows: list[dict[str, Any]], jobs: int, score_path: str) -> dict[str, Any]:
    sc = scorer()
    tasks = [(detector, r["doc_a"], r["doc_b"]) for r in rows]
    t0 = time.perf_counter()
    if jobs > 1 and detector == "factcheck":
        with ProcessPoolExecutor(jobs, initializer=_init, initargs=(score_path,)) as ex:
            res = list(ex.map(judge, tasks, chunksize=8))
    else:
        res = [judge(t) for t in tasks]
    secs = time.perf_counter() - t0
    errors = [e for _, _, e in res if e]
    out: dict[str, Any] = {"detector": detector, "seconds": secs, "errors": len(errors),
                           "error_samples": errors[:3], "rows": res}
    if rows and len(errors) == len(rows):
        out["error"] = errors[0]
        return out
    out["metrics"] = sc.metrics(rows, [f for f, _, _ in res])
    return out


def num(x: float | None, pct: bool = False) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return f"{100 * x:.1f}%" if pct else f"{x:.3f}"


def headline(name: str, r: dict[str, Any] | None) -> str:
    if r is None:
        return "—"
    if "error" in r:
        return "error: " + str(r["error"])[:90].replace("|", "\\|")
    m = r["metrics"]
    if name in GOALS:
        key, _, _, _ = GOALS[name]
        s = num(m[key], pct=key == "flag_rate_on_entailment")
    else:
        s = f"P {num(m['precision'])} / R {num(m['recall'])} / F1 {num(m['f1'])}"
    return s + (f" ({r['errors']} errors)" if r["errors"] else "")


def met(name: str, r: dict[str, Any] | None) -> str:
    if name not in GOALS:
        return "—"
    if r is None or "error" in r:
        return "?"
    key, _, goal, kind = GOALS[name]
    v = r["metrics"][key]
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "?"
    return "yes" if (v <= goal if kind == "max" else v >= goal) else "no"


def tables(names: list[str], res: dict[str, dict[str, dict[str, Any]]], rows: dict[str, list[dict[str, Any]]]) -> str:
    md = ["## Numeric contradictions: factcheck against the naive baseline", "",
          "| set | pairs | metric that matters | goal | factcheck | naive (numbers_differ) | met? |",
          "|---|---:|---|---|---|---|---|"]
    for n in names:
        fc, nv = res[n].get("factcheck"), res[n].get("numbers_differ")
        if n in GOALS:
            _, label, goal, kind = GOALS[n]
            g = (f"≤{100 * goal:g}%" if kind == "max" else f"≥{goal:g}")
        else:
            label, g = "contradiction P / R / F1", "—"
        md.append(f"| {n} | {len(rows[n])} | {label} | {g} | {headline(n, fc)} | {headline(n, nv)} | {met(n, fc)} |")
    md += ["", "### All metrics", "",
           "| set | detector | n | contradictions | P | R | F1 | 2-way acc | false alarms on entailed | flag rate by label "
           "| errors | seconds |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|"]
    for n in names:
        for d in DETECTORS:
            r = res[n].get(d)
            if r is None:
                continue
            if "error" in r:
                md.append(f"| {n} | {d} | {len(rows[n])} | | | | | | | error: {r['error'][:90].replace('|', '/')} "
                          f"| {r['errors']} | {r['seconds']:.1f} |")
                continue
            m = r["metrics"]
            lab = ", ".join(f"{k} {v}" for k, v in m["flag_rate_by_orig_label"].items())
            md.append(f"| {n} | {d} | {m['n']} | {m['positives']} | {num(m['precision'])} | {num(m['recall'])} "
                      f"| {num(m['f1'])} | {num(m['acc_2way'])} | {num(m['flag_rate_on_entailment'], True)} | {lab} "
                      f"| {r['errors']} | {r['seconds']:.1f} |")
    return "\n".join(md) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = bench_parser(__doc__)
    ap.add_argument("sets", nargs="*", help="set names or .jsonl paths (default: every *.jsonl in the shared folder)")
    ap.add_argument("--only", choices=DETECTORS, action="append", help="run only this detector (repeatable)")
    ap.add_argument("--jobs", type=int, default=1, help="processes for factcheck (default 1)")
    ap.add_argument("--limit", type=int, help="only the first N pairs of each set (quick runs)")
    ap.add_argument("--preds", metavar="DIR", help="write DIR/<set>.<detector>.jsonl: id, label, flagged, messages")
    ap.add_argument("--json", metavar="FILE", help="write the raw metrics as JSON")
    ap.add_argument("--out", metavar="FILE", help="also write the markdown tables here (reports/bench/...)")
    args = ap.parse_args(argv)
    detectors = list(args.only or DETECTORS)

    folder = shared_dir(args.shared) / "contradiction"
    score_path = str(folder / "score.py")
    sc = scorer(score_path)
    if args.sets:
        paths = [Path(s) if s.endswith(".jsonl") and Path(s).exists() else folder / (s if s.endswith(".jsonl") else s + ".jsonl")
                 for s in args.sets]
    else:
        found = sorted(folder.glob("*.jsonl"))
        rank = {n: i for i, n in enumerate(ORDER)}
        paths = sorted(found, key=lambda p: (rank.get(p.stem, len(ORDER)), p.stem))
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        ap.error("no such set: " + ", ".join(missing))

    names = [p.stem for p in paths]
    rows: dict[str, list[dict[str, Any]]] = {}
    res: dict[str, dict[str, dict[str, Any]]] = {}
    t0 = time.perf_counter()
    for p in paths:
        rows[p.stem] = sc.load(str(p), False, args.limit)
        res[p.stem] = {}
        for d in detectors:
            print(f"{p.stem}: {d} ...", file=sys.stderr, flush=True)
            r = run_detector(d, rows[p.stem], args.jobs, score_path)
            if r["errors"]:
                print(f"  {r['errors']} errors, e.g. {r['error_samples'][0]}", file=sys.stderr)
            res[p.stem][d] = r
            if args.preds:
                out = Path(args.preds)
                out.mkdir(parents=True, exist_ok=True)
                with open(out / f"{p.stem}.{d}.jsonl", "w", encoding="utf-8") as f:
                    for row, (fl, info, err) in zip(rows[p.stem], r["rows"]):
                        rec: dict[str, Any] = {"id": row["id"], "label": row["label"],
                                               "orig_label": row.get("orig_label"), "flagged": fl,
                                               "messages": info.get("messages", [])}
                        if d == "numbers_differ":
                            rec["only_a"], rec["only_b"] = info.get("only_a"), info.get("only_b")
                        if err:
                            rec["error"] = err
                        rec["doc_a"], rec["doc_b"] = row["doc_a"][:2000], row["doc_b"][:2000]
                        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    text = tables(names, res, rows)
    text += (f"\nScorer `{score_path}`; a pair is flagged by factcheck when a `contradiction` finding cites both "
             f"documents.{f' First {args.limit} pairs per set only.' if args.limit else ''} "
             f"Wall time {time.perf_counter() - t0:.1f} s.\n")
    print(text)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text, encoding="utf-8")
    if args.json:
        raw = {n: {d: {k: v for k, v in r.items() if k != "rows"} for d, r in res[n].items()} for n in names}
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(raw, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
