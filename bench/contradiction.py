#!/usr/bin/env python3
"""Numeric-contradiction detection of factcheck against the naive baseline, on real labelled pairs.

Why: a fact-checker that cries wolf is worse than none. These public pair sets (EQUATE, WikiContradict,
QuanTemp) say how often factcheck flags pairs whose numbers agree (false alarms on entailed pairs) and
how many real numeric conflicts it catches, next to the naive "the numbers differ" baseline, in one run.

It imports the shared scorer (``shared/bench/contradiction/score.py``) and uses its loaders, detectors
(``factcheck`` and ``numbers_differ``) and metrics on every ``*.jsonl`` there. Span-pair files (lines with
"cluster"/"a"/"b" instead of "id", e.g. ``ecbplus_dev.jsonl``) are scored by ``score_spans.py``'s ``score()``
instead, for factcheck only, at levels warning and error.

    python bench/contradiction.py
    python bench/contradiction.py --preds bench/out/contradiction --out reports/bench/contradiction.md
    python bench/contradiction.py equate_redditnli wikicontradict_numeric --jobs 2
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
from _common import parser as bench_parser, shared_dir  # noqa: E402

import contextlib
import importlib.util
import json
import math
import sys
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator

DETECTORS = ("factcheck", "numbers_differ")
#: set -> (metric key, label, goal, "max"|"min")
GOALS: dict[str, tuple[str, str, float, str]] = {
    "equate_newsnli": ("flag_rate_on_entailment", "false-alarm rate on entailed pairs", 0.03, "max"),
    "equate_rte_quant": ("flag_rate_on_entailment", "false-alarm rate on entailed pairs", 0.05, "max"),
    "equate_redditnli": ("f1", "contradiction F1", 0.60, "min"),
    "wikicontradict_numeric": ("recall", "numeric-conflict recall", 0.85, "min"),
}
ORDER = ["equate_newsnli", "equate_rte_quant", "equate_redditnli", "wikicontradict_numeric",
         "equate_awpnli", "quantemp_test_sample249", "ecbplus_dev"]
#: span-pair sets: metric -> goal (a minimum), at level warning
SPAN_GOALS: dict[str, dict[str, float]] = {"ecbplus_dev": {"recall": 0.5, "precision": 0.7}}
SPAN_LEVELS = ("warning", "error")




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


def is_span_file(path: Path) -> bool:
    """True for a span-pair file (``score_spans.py`` format: "a"/"b" spans, no "id"), judged by its first line."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                return "id" not in row and {"a", "b"} <= row.keys()
    return False


def load_module(path: Path, name: str) -> ModuleType:
    """Import a shared scorer file as a module."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@contextlib.contextmanager
def memo_check_texts() -> Iterator[None]:
    """While active, ``factcheck.check_texts`` answers a repeated document set from a cache, so that
    scoring one span file at several levels checks each set once."""
    import factcheck

    real = factcheck.check_texts
    cache: dict[tuple[tuple[str, str], ...], Any] = {}

    def cached(texts: dict[str, str], *a: Any, **kw: Any) -> Any:
        if a or kw:
            return real(texts, *a, **kw)
        key = tuple(sorted(texts.items()))
        if key not in cache:
            cache[key] = real(texts)
        return cache[key]

    factcheck.check_texts = cached
    try:
        yield
    finally:
        factcheck.check_texts = real


def score_span_file(path: Path, levels: tuple[str, ...] = SPAN_LEVELS, limit: int | None = None) -> dict[str, Any]:
    """Score a span-pair file with ``score_spans.score()`` at each level (each document set checked once).
    Returns {"pairs", "seconds", "levels": {level: result}} or {"pairs", "seconds", "error"}; never raises."""
    t0 = time.perf_counter()
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()][:limit or None]
    out: dict[str, Any] = {"pairs": len(lines)}
    try:
        spans = load_module(path.resolve().parent / "score_spans.py", "shared_contradiction_score_spans")
        with tempfile.TemporaryDirectory(prefix="bench-spans-") as td:
            data = path
            if limit:
                data = Path(td) / path.name
                data.write_text("\n".join(lines) + "\n", encoding="utf-8")
            with memo_check_texts():
                by_level = {lv: spans.score(str(data), lv, False) for lv in levels}
        out["levels"] = by_level
    except Exception as e:  # noqa: BLE001 - reported in the table
        print(f"[{path.stem}] {traceback.format_exc(limit=4)}", file=sys.stderr)
        out["error"] = f"{type(e).__name__}: {e}".splitlines()[0][:160]
    out["seconds"] = time.perf_counter() - t0
    return out


def span_met(name: str, r: dict[str, Any] | None, key: str | None = None) -> str:
    """yes/no for one span-pair goal (or, without key, all of the set's goals) at level warning."""
    goals = SPAN_GOALS.get(name, {})
    keys = [key] if key else list(goals)
    if not keys or any(k not in goals for k in keys):
        return "—"
    if r is None or "warning" not in r.get("levels", {}):
        return "?"
    return "yes" if all(r["levels"]["warning"][k] >= goals[k] for k in keys) else "no"


def span_goal(name: str) -> str:
    """The goal text of a span-pair set, e.g. "R ≥0.5, P ≥0.7"."""
    return ", ".join(f"{k[0].upper()} ≥{v:g}" for k, v in SPAN_GOALS.get(name, {}).items()) or "—"


def span_headline(r: dict[str, Any]) -> str:
    """P / R at each level, or the error."""
    if "error" in r:
        return "error: " + str(r["error"])[:90].replace("|", "\\|")
    return "; ".join(f"{lv}: P {span_precision(m)} / R {m['recall']:.3f}" for lv, m in r["levels"].items())


def span_precision(m: dict[str, Any]) -> str:
    """Precision of one ``score_spans.score()`` result, n/a when nothing was flagged (the scorer says 0.0)."""
    return f"{m['precision']:.3f}" if m.get("tp", 0) + m.get("fp", 0) else "n/a"


def span_tables(names: list[str], res: dict[str, dict[str, Any]]) -> str:
    """Markdown table for span-pair sets: per level tp/fp/fn/tn, P, R and the contradictions reported."""
    md = ["### Claim pairs inside real document sets (`score_spans.py`, factcheck only)", "",
          "| set | level | pairs | tp | fp | fn | tn | P | R | goal | met? | contradictions reported | sets "
          "| seconds |",
          "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|"]
    for n in names:
        r = res[n]
        if "error" in r:
            err = r["error"][:90].replace("|", "/")
            md.append(f"| {n} | | {r['pairs']} | | | | | | | | ? | error: {err} | | {r['seconds']:.1f} |")
            continue
        for lv, m in r["levels"].items():
            g, ok = (span_goal(n), span_met(n, r)) if lv == "warning" else ("—", "—")
            cells = " | ".join(str(m.get(k, 0)) for k in ("tp", "fp", "fn", "tn"))
            md.append(f"| {n} | {lv} | {m['pairs']} | {cells} "
                      f"| {span_precision(m)} | {m['recall']:.3f} | {g} | {ok} | {m['contradictions_reported']} "
                      f"| {m['sets']} | {r['seconds']:.1f} |")
    return "\n".join(md) + "\n"


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


def tables(names: list[str], res: dict[str, dict[str, dict[str, Any]]], rows: dict[str, list[dict[str, Any]]],
           spans: dict[str, dict[str, Any]] | None = None) -> str:
    spans = spans or {}
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
    for n, sr in spans.items():
        md.append(f"| {n} | {sr.get('pairs', '?')} | claim-pair P / R inside whole document sets | {span_goal(n)} "
                  f"(warning) | {span_headline(sr)} | — (no span baseline) | {span_met(n, sr)} |")
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
    if spans:
        md += ["", span_tables(list(spans), spans).rstrip("\n")]
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

    span_paths = [p for p in paths if is_span_file(p)]
    paths = [p for p in paths if p not in span_paths]
    names = [p.stem for p in paths]
    rows: dict[str, list[dict[str, Any]]] = {}
    res: dict[str, dict[str, dict[str, Any]]] = {}
    spans: dict[str, dict[str, Any]] = {}
    t0 = time.perf_counter()
    for p in span_paths:
        if "factcheck" not in detectors:
            print(f"{p.stem}: span pairs, factcheck only: skipped", file=sys.stderr)
            continue
        print(f"{p.stem}: span pairs, factcheck at {' and '.join(SPAN_LEVELS)} ...", file=sys.stderr, flush=True)
        spans[p.stem] = score_span_file(p, limit=args.limit)
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
    text = tables(names, res, rows, spans)
    text += (f"\nScorer `{score_path}`; a pair is flagged by factcheck when a `contradiction` finding cites both "
             f"documents.{f' First {args.limit} pairs per set only.' if args.limit else ''} "
             f"Wall time {time.perf_counter() - t0:.1f} s.\n")
    if spans:
        text += ("Span pairs: `score_spans.py` in the same folder; a pair is flagged when a contradiction at or above "
                 "the level cites a claim inside each span, each document set checked whole (once for both levels). "
                 "`--preds` does not cover them.\n")
    print(text)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text, encoding="utf-8")
    if args.json:
        raw: dict[str, Any] = {n: {d: {k: v for k, v in r.items() if k != "rows"} for d, r in res[n].items()}
                               for n in names}
        raw.update(spans)
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(raw, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
