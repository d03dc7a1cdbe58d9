#!/usr/bin/env python3
"""Extraction accuracy of factcheck against the peer (quantulum3), side by side, in one run.

Why: the extractor is the base of every later stage; this table says how many of the quantities a
human annotated it finds with the right value and unit, on public suites nobody on the team wrote,
next to the best-known open-source peer measured on the same machine with the same scorer.

It imports the shared scorer (``shared/bench/extraction/score.py``) and calls its ``score_suite``
with ``--scoped`` semantics for each suite and each adapter. The peer's output depends on the hash
seed, so when the peer is to run and PYTHONHASHSEED is not 0 the script re-executes itself with it.

    python bench/extraction.py                        # default suites, factcheck + quantulum3-noclf
    python bench/extraction.py --only factcheck rt_percent rt_currency
    python bench/extraction.py --dump bench/out/extraction --out reports/bench/extraction.md
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
from _common import parser as bench_parser, shared_dir, write_outputs  # noqa: E402

import importlib.util
import io
import os
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

DEFAULT_SUITES = [
    "rt_currency", "rt_dimension", "rt_number", "rt_percent", "rt_temperature", "rt_age",
    "rt_ordinal", "cqe_newsquant", "q3_quantities",
]
ADAPTERS = ("factcheck", "quantulum3-noclf")
PEER = "quantulum3-noclf"
#: value+unit F1 each suite must reach; suites not listed have no goal.
GOALS: dict[str, float] = {
    "rt_currency": 0.90, "rt_dimension": 0.90, "rt_number": 0.90, "rt_percent": 0.90,
    "rt_temperature": 0.90, "rt_age": 0.90, "cqe_newsquant": 0.88,
}
LEVELS = ("span", "value", "value+unit")

Adapter = Callable[[list[dict[str, str]]], dict[str, list[dict[str, Any]]]]




def load_scorer(shared: Path) -> ModuleType:
    path = shared / "extraction" / "score.py"
    spec = importlib.util.spec_from_file_location("shared_extraction_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"error: cannot load the scorer at {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def suite_path(shared: Path, name: str) -> Path:
    p = Path(name)
    if p.suffix == ".jsonl" and p.exists():
        return p.resolve()
    return shared / "extraction" / (name if name.endswith(".jsonl") else name + ".jsonl")


def resilient(adapter: Adapter, errors: list[str]) -> Adapter:
    """Run the adapter on the whole suite; if it raises, retry one case at a time so one bad case
    costs only that case. Errors are collected in ``errors``; if every case fails the error propagates."""

    def run(docs: list[dict[str, str]]) -> dict[str, list[dict[str, Any]]]:
        try:
            return adapter(docs)
        except Exception:
            pass
        out: dict[str, list[dict[str, Any]]] = {}
        last: Exception | None = None
        for d in docs:
            try:
                out.update(adapter([d]))
            except Exception as e:  # noqa: BLE001 - the table reports it
                last = e
                errors.append(f"{d['id']}: {type(e).__name__}: {e}")
                out[d["id"]] = []
        if docs and last is not None and len(errors) >= len(docs):
            raise last
        return out

    return run


def score_one(scorer: ModuleType, path: Path, adapter_name: str, dump_dir: Path | None) -> dict[str, Any]:
    """Score one suite with one adapter; never raises: failures come back as {"error": ...}."""
    errors: list[str] = []
    try:
        adapter = resilient(scorer.get_adapter(adapter_name), errors)
        dump: io.TextIOBase | None = None
        if dump_dir is not None:
            dump_dir.mkdir(parents=True, exist_ok=True)
            dump = open(dump_dir / f"{path.stem}.{adapter_name}.jsonl", "w", encoding="utf-8")
        try:
            res: dict[str, Any] = scorer.score_suite(str(path), adapter, scoped=True, dump=dump)
        finally:
            if dump is not None:
                dump.close()
        res["errors"] = len(errors)
        res["error_samples"] = errors[:5]
        return res
    except BaseException as e:  # noqa: BLE001 - includes SystemExit from a failing import
        if isinstance(e, KeyboardInterrupt):
            raise
        msg = f"{type(e).__name__}: {e}".strip().splitlines()[0][:120]
        print(f"[{adapter_name} on {path.stem}] {traceback.format_exc(limit=3)}", file=sys.stderr)
        return {"suite": path.stem, "error": msg}


def micro(scorer: ModuleType, results: list[dict[str, Any]]) -> dict[str, Any] | None:
    ok = [r for r in results if "error" not in r]
    if not ok:
        return None
    out: dict[str, Any] = {"suite": "MICRO", "gold": sum(r["gold"] for r in ok),
                           "pred": sum(r["pred"] for r in ok), "cases": sum(r["cases"] for r in ok),
                           "seconds": sum(r["seconds"] for r in ok),
                           "errors": sum(r.get("errors", 0) for r in ok)}
    for lv in LEVELS:
        sub = [r for r in ok if r.get(lv) is not None]
        if not sub:
            out[lv] = None
            continue
        tp = sum(r[lv]["tp"] for r in sub)
        p, rc, f = scorer.prf(tp, sum(r["pred"] for r in sub), sum(r["gold"] for r in sub))
        out[lv] = {"tp": tp, "P": p, "R": rc, "F1": f}
    return out


def cell(res: dict[str, Any] | None, level: str, key: str, show_error: bool = False) -> str:
    """One number of the table; an errored run says so once (show_error) and leaves the rest blank."""
    if res is None:
        return "—"
    if "error" in res:
        return f"error: {res['error'][:90]}".replace("|", "\\|") if show_error else "—"
    x = res.get(level)
    return "n/a" if x is None else f"{x[key]:.3f}"


def table(suites: list[str], results: dict[str, dict[str, dict[str, Any]]], adapters: list[str]) -> str:
    fc = results.get("factcheck", {})
    peer = results.get(PEER, {})
    lines = [
        "| suite | n gold | factcheck P | factcheck R | factcheck F1 | factcheck span F1 | factcheck value F1 "
        "| quantulum3 F1 | goal (F1) | met? |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for s in suites + ["MICRO"]:
        f = fc.get(s) if "factcheck" in adapters else None
        q = peer.get(s) if PEER in adapters else None
        ref = next((r for r in (f, q) if r is not None and "error" not in r), None)
        ngold = str(ref["gold"]) if ref else "?"
        goal = GOALS.get(s)
        if goal is None:
            goal_s, met = "—", "—"
        else:
            goal_s = f"≥{goal:.2f}"
            if f is None or "error" in f or f.get("value+unit") is None:
                met = "?"
            else:
                met = "yes" if f["value+unit"]["F1"] >= goal else "no"
        name = "**all listed (micro)**" if s == "MICRO" else s
        if f is not None and f.get("errors"):
            name += f" ({f['errors']} factcheck case errors)"
        lines.append(
            f"| {name} | {ngold} | {cell(f, 'value+unit', 'P')} | {cell(f, 'value+unit', 'R')} "
            f"| {cell(f, 'value+unit', 'F1', True)} | {cell(f, 'span', 'F1')} | {cell(f, 'value', 'F1')} "
            f"| {cell(q, 'value+unit', 'F1', True)} | {goal_s} | {met} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = bench_parser(__doc__)
    ap.add_argument("suites", nargs="*", help=f"suite names or .jsonl paths (default: {' '.join(DEFAULT_SUITES)})")
    ap.add_argument("--only", choices=ADAPTERS, action="append",
                    help="run only this adapter (repeatable); default: both")
    ap.add_argument("--dump", metavar="DIR", help="write per-suite error dumps DIR/<suite>.<adapter>.jsonl")
    ap.add_argument("--json", metavar="FILE", help="write the raw scores as JSON")
    ap.add_argument("--out", metavar="FILE", help="also write the markdown table here (reports/bench/...)")
    args = ap.parse_args(argv)
    adapters = list(args.only or ADAPTERS)

    if PEER in adapters and os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        sys.stdout.flush()
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__), *sys.argv[1:]], env)

    shared = shared_dir(args.shared)
    scorer = load_scorer(shared)
    suites = args.suites or DEFAULT_SUITES
    paths = [suite_path(shared, s) for s in suites]
    names = [p.stem for p in paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        ap.error("no such suite: " + ", ".join(missing))
    dump_dir = Path(args.dump) if args.dump else None

    t0 = time.perf_counter()
    results: dict[str, dict[str, dict[str, Any]]] = {}
    for a in adapters:
        per = {p.stem: score_one(scorer, p, a, dump_dir) for p in paths}
        m = micro(scorer, list(per.values()))
        if m is not None:
            per["MICRO"] = m
        results[a] = per

    md = ["## Extraction: value+unit F1 against the peer (scorer `--scoped`)", ""]
    md.append(table(names, results, adapters))
    md.append(
        f"P/R/F1 at level value+unit unless marked; quantulum3 = `quantulum3-noclf` (classifier off), "
        f"PYTHONHASHSEED={os.environ.get('PYTHONHASHSEED')}. Micro row covers the listed suites. "
        f"Scorer: `{shared / 'extraction' / 'score.py'}`. Wall time {time.perf_counter() - t0:.1f} s.\n"
    )
    for a in adapters:
        secs = [r for r in results[a].values() if "error" not in r and r["suite"] != "MICRO"]
        if secs:
            chars = sum(r["chars_per_sec"] * r["seconds"] for r in secs if r.get("chars_per_sec"))
            sec = sum(r["seconds"] for r in secs)
            md.append(f"- {a}: {sec:.2f} s on the suites ({chars / sec if sec else 0:,.0f} chars/s)")
    text = "\n".join(md) + "\n"
    write_outputs(text, args.out, {"suites": names, "results": results}, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
