#!/usr/bin/env python3
"""The whole figure table (issue 11) in one run: every headline figure, its goal, factcheck and the
baseline measured in the same run where one exists.

Why: the per-area scripts print long tables at different times; this one measures the figures the
README quotes together, from one checkout, so the table can be pasted without mixing runs. It reuses
the other scripts' code rather than copying it:

* ECB+ dev span pairs: ``contradiction.score_span_file`` (the shared ``score_spans.score()`` at levels
  warning and error, each cluster checked once);
* EQUATE, WikiContradict, QuanTemp: ``contradiction.run_detector`` with the shared scorer's
  ``factcheck`` and ``numbers_differ`` detectors and its metrics;
* NewsQuant: ``extraction.score_one`` (``--scoped``), factcheck only; CQE's published F1 is quoted.

    python bench/summary.py
    python bench/summary.py --jobs 2 --out reports/bench/summary.md --json bench/out/summary.json
    python bench/summary.py --skip-extraction
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
from _common import parser as bench_parser, shared_dir, write_outputs  # noqa: E402
import contradiction  # noqa: E402
import extraction  # noqa: E402

import math
import os
import sys
import tempfile
import time
import traceback
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

#: CQE's value+unit F1 on its own NewsQuant set, as published (quoted, not run here).
CQE_NEWSQUANT_PUBLISHED = 0.849
SPAN_SET = "ecbplus_dev"
PAIR_SETS = ["equate_newsnli", "equate_rte_quant", "equate_redditnli", "wikicontradict_numeric",
             "equate_awpnli", "quantemp_test_sample249"]
EXTRACTION_SUITE = "cqe_newsquant"

Result = dict[str, Any]
Task = tuple[str, str, str, int | None]  # (kind, name, shared folder, limit)


@dataclass
class Row:
    """One line of the figure table; ``value`` is factcheck's number (for --json), None when not a number."""

    figure: str
    goal: str
    factcheck: str
    baseline: str
    met: str
    value: float | None = None


# ------------------------------------------------------------------ measuring (runs in worker processes)
def measure(task: Task) -> Result:
    """One unit of work: a span file, a pair set (both detectors) or an extraction suite (its first
    ``limit`` lines only when set). Never raises."""
    kind, name, shared, limit = task
    root = Path(shared)
    t0 = time.perf_counter()
    try:
        if kind == "spans":
            out = contradiction.score_span_file(root / "contradiction" / f"{name}.jsonl", limit=limit)
        elif kind == "pairs":
            score_path = str(root / "contradiction" / "score.py")
            sc = contradiction.scorer(score_path)
            rows = sc.load(str(root / "contradiction" / f"{name}.jsonl"), False, limit)
            out = {"pairs": len(rows)}
            for d in contradiction.DETECTORS:
                r = contradiction.run_detector(d, rows, 1, score_path)
                r.pop("rows", None)
                out[d] = r
        elif kind == "extraction":
            scorer = extraction.load_scorer(root)
            path = extraction.suite_path(root, name)
            with tempfile.TemporaryDirectory(prefix="bench-summary-") as td:
                if limit:
                    head = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()][:limit]
                    path = Path(td) / path.name
                    path.write_text("\n".join(head) + "\n", encoding="utf-8")
                out = extraction.score_one(scorer, path, "factcheck", None)
        else:
            raise ValueError(f"unknown task kind {kind!r}")
    except Exception as e:  # noqa: BLE001 - the cell says error
        print(f"[{kind} {name}] {traceback.format_exc(limit=4)}", file=sys.stderr)
        out = {"error": f"{type(e).__name__}: {e}".splitlines()[0][:160]}
    out["wall_seconds"] = time.perf_counter() - t0
    return out


def run_all(tasks: list[Task], jobs: int) -> dict[tuple[str, str], Result]:
    """Run the tasks over ``jobs`` processes (in this process when jobs is 1). A crashed worker is an error."""
    results: dict[tuple[str, str], Result] = {}
    if jobs <= 1:
        for t in tasks:
            print(f"{t[0]} {t[1]} ...", file=sys.stderr, flush=True)
            results[(t[0], t[1])] = measure(t)
        return results
    with ProcessPoolExecutor(jobs) as ex:
        futures: dict[tuple[str, str], Future[Result]] = {(t[0], t[1]): ex.submit(measure, t) for t in tasks}
        for key, fut in futures.items():
            try:
                results[key] = fut.result()
            except Exception as e:  # noqa: BLE001 - e.g. a worker killed by the OOM killer
                results[key] = {"error": f"{type(e).__name__}: {e}".splitlines()[0][:160]}
            print(f"{key[0]} {key[1]}: done", file=sys.stderr, flush=True)
    return results


# ------------------------------------------------------------------ the table
def _bad(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _met(v: float | None, goal: float | None, kind: str) -> str:
    if goal is None:
        return "—"
    if _bad(v):
        return "?"
    return "yes" if (v <= goal if kind == "max" else v >= goal) else "no"  # type: ignore[operator]


def _err(r: Result | None) -> str | None:
    if r is None:
        return "not run"
    if "error" in r:
        return "error: " + str(r["error"])[:90].replace("|", "\\|")
    return None


def span_rows(r: Result | None) -> list[Row]:
    """ECB+ dev pairs: recall and precision at warning (with goals) and at error."""
    goals = contradiction.SPAN_GOALS.get(SPAN_SET, {})
    out = []
    for lv in contradiction.SPAN_LEVELS:
        for key in ("recall", "precision"):
            goal = goals.get(key) if lv == "warning" else None
            g = f"≥{goal:g}" if goal is not None else "—"
            label = f"ECB+ dev pairs {key} ({lv})"
            err = _err(r)
            m = None if err else r["levels"].get(lv)  # type: ignore[index]
            if m is None:
                out.append(Row(label, g, err or "not run", "—", "?" if goal is not None else "—"))
                continue
            v: float | None = m[key]
            if key == "precision" and not m.get("tp", 0) + m.get("fp", 0):
                v = None  # nothing flagged: the scorer's 0.0 is really undefined
            tp, fp, fn = m.get("tp", 0), m.get("fp", 0), m.get("fn", 0)
            if key == "recall":
                cell = f"{v:.3f} ({tp} of {tp + fn} contradictions)"
            else:
                cell = "n/a (nothing flagged)" if v is None else f"{v:.3f} ({tp} of {tp + fp} flagged)"
            out.append(Row(label, g, cell, "—", _met(v, goal, "min"), v))
    return out


#: (set, figure, metric key, goal, "max"|"min"); the key is a field of the shared scorer's metrics().
PAIR_FIGURES: list[tuple[str, str, str, float | None, str]] = [
    ("wikicontradict_numeric", "WikiContradict numeric recall", "recall", 0.6, "min"),
    ("equate_redditnli", "RedditNLI contradiction F1", "f1", 0.6, "min"),
    ("equate_newsnli", "NewsNLI false alarms on entailed pairs", "flag_rate_on_entailment", 0.03, "max"),
    ("equate_rte_quant", "RTE-Quant false alarms on entailed pairs", "flag_rate_on_entailment", 0.05, "max"),
    ("equate_awpnli", "AWPNLI contradiction P / R / F1", "", None, "min"),
    ("quantemp_test_sample249", "QuanTemp contradiction P / R / F1", "", None, "min"),
]


def pair_cell(name: str, r: Result | None, key: str) -> tuple[str, float | None]:
    """A detector's cell with contradiction.py's formatting: one metric, or P / R / F1 when key is empty."""
    err = _err(r)
    if err:
        return err, None
    assert r is not None
    if not key:
        return contradiction.headline(name, r), None
    v = r["metrics"][key]
    pct = key == "flag_rate_on_entailment"
    s = contradiction.num(v, pct=pct)
    if pct:
        m = r["metrics"]
        s += f" ({m['flag_rate_by_orig_label'].get('entailment', '?')})"
    return s + (f" ({r['errors']} errors)" if r.get("errors") else ""), None if _bad(v) else v


def pair_rows(results: dict[tuple[str, str], Result]) -> list[Row]:
    out = []
    for name, label, key, goal, kind in PAIR_FIGURES:
        res = results.get(("pairs", name))
        fc: Result | None = res
        nv: Result | None = res
        if res is not None and "error" not in res:
            fc, nv = res.get("factcheck"), res.get("numbers_differ")
        fcell, v = pair_cell(name, fc, key)
        ncell, _ = pair_cell(name, nv, key)
        g = "—" if goal is None else (f"≤{100 * goal:g}%" if kind == "max" else f"≥{goal:g}")
        out.append(Row(label, g, fcell, ncell, _met(v, goal, kind), v))
    return out


def extraction_rows(r: Result | None, skipped: bool) -> list[Row]:
    """NewsQuant value+unit F1 (goal, CQE's published figure) and value F1, factcheck only."""
    peer = f"CQE {CQE_NEWSQUANT_PUBLISHED:.3f} (published, not run here)"
    specs: list[tuple[str, str, float | None, str]] = [
        ("NewsQuant value+unit F1", "value+unit", 0.86, peer),
        ("NewsQuant value F1", "value", None, "—"),
    ]
    out = []
    for label, level, goal, base in specs:
        g = "—" if goal is None else f"≥{goal:g}"
        if skipped:
            out.append(Row(label, g, "skipped (--skip-extraction)", base, "—"))
            continue
        err = _err(r)
        x = None if err else r.get(level)  # type: ignore[union-attr]
        if x is None:
            out.append(Row(label, g, err or "n/a", base, "?" if goal is not None else "—"))
            continue
        cell = f"{x['F1']:.3f} (P {x['P']:.3f} / R {x['R']:.3f})"
        if r.get("errors"):  # type: ignore[union-attr]
            cell += f" ({r['errors']} case errors)"  # type: ignore[index]
        out.append(Row(label, g, cell, base, _met(x["F1"], goal, "min"), x["F1"]))
    return out


def render(rows: list[Row]) -> str:
    md = ["## factcheck: the figure table (one run)", "",
          "| figure | goal | factcheck | baseline | met? |", "|---|---|---|---|---|"]
    md += [f"| {r.figure} | {r.goal} | {r.factcheck} | {r.baseline} | {r.met} |" for r in rows]
    return "\n".join(md) + "\n"


def notes(results: dict[tuple[str, str], Result], shared: Path, jobs: int, wall: float, limit: int | None) -> str:
    sp = results.get(("spans", SPAN_SET))
    reported = ""
    if sp and "levels" in sp:
        lv = sp["levels"]
        reported = (f" Contradictions reported in the {lv['warning']['sets']} ECB+ clusters of the dev pairs "
                    f"(labelled or not): {lv['warning']['contradictions_reported']} at warning or above, "
                    f"{lv.get('error', {}).get('contradictions_reported', '?')} at error.")
    secs = ", ".join(f"{k[1]} {v.get('wall_seconds', 0):.1f}" for k, v in results.items())
    met_rows = "yes/no compare factcheck with the goal; ? = not measured or undefined."
    if limit:
        met_rows += f" **Quick run: first {limit} lines of each file only; not comparable with the goals.**"
    return ("\nLevel warning unless marked. Baseline = the naive `numbers_differ` detector (both texts have numbers "
            "and their sets differ), run on the same pairs in the same run; ECB+ span pairs have no baseline; the "
            "NewsQuant peer is CQE's published figure, quoted. Pair sets: a pair is flagged when a `contradiction` "
            "finding at warning or above cites both documents (shared `contradiction/score.py`); ECB+: a contradiction "
            "cites a claim inside each labelled span, each cluster checked whole (`score_spans.py`); NewsQuant: shared "
            f"`extraction/score.py`, `--scoped`. {met_rows}{reported}\n\n"
            f"Shared folder `{shared}`; {jobs} process(es), {os.cpu_count()} CPUs; wall time {wall:.1f} s "
            f"(seconds per task: {secs}).\n")


def main(argv: list[str] | None = None) -> int:
    ap = bench_parser(__doc__)
    ap.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    ap.add_argument("--skip-extraction", action="store_true", help="leave out the NewsQuant rows")
    ap.add_argument("--limit", type=int, help="only the first N lines of each file (quick runs)")
    ap.add_argument("--json", metavar="FILE", help="write the rows and the raw results as JSON")
    ap.add_argument("--out", metavar="FILE", help="also write the markdown table here (reports/bench/summary.md)")
    args = ap.parse_args(argv)

    shared = shared_dir(args.shared)
    needed = [shared / "contradiction" / f"{n}.jsonl" for n in [SPAN_SET, *PAIR_SETS]]
    if not args.skip_extraction:
        needed.append(extraction.suite_path(shared, EXTRACTION_SUITE))
    missing = [str(p) for p in needed if not p.exists()]
    if missing:
        ap.error("missing benchmark files: " + ", ".join(missing))

    # longest first, so that two processes finish together
    tasks: list[Task] = [("spans", SPAN_SET, str(shared), args.limit)]
    tasks += [("pairs", n, str(shared), args.limit) for n in PAIR_SETS]
    if not args.skip_extraction:
        tasks.insert(2, ("extraction", EXTRACTION_SUITE, str(shared), args.limit))
    t0 = time.perf_counter()
    results = run_all(tasks, args.jobs)
    wall = time.perf_counter() - t0

    rows = (span_rows(results.get(("spans", SPAN_SET))) + pair_rows(results)
            + extraction_rows(results.get(("extraction", EXTRACTION_SUITE)), args.skip_extraction))
    text = render(rows) + notes(results, shared, args.jobs, wall, args.limit)
    raw = {"rows": [asdict(r) for r in rows], "wall_seconds": wall, "jobs": args.jobs, "limit": args.limit,
           "results": {f"{k[0]}:{k[1]}": v for k, v in results.items()}}
    write_outputs(text, args.out, raw, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
