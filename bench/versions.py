"""Versions of one document on Reuters-21578 (issue 12): how many versions the corpus holds, how well the
changed figures between an original and its corrected story are found, and what detection costs.

    python bench/versions.py                                   # the table
    python bench/versions.py --show                            # also every miss and false alarm
    python bench/versions.py --check-limit 2000 --out reports/bench/versions.md

Labels: ``bench/labels/reuters_versions.jsonl``, one line per original/corrected pair mined from the corpus
(a correction or repeat marker in the headline, then the closest earlier story with a similar headline and
body), each figure that differs between the two versions written down by reading both texts. ``split``:
``dev`` (corrected stories up to reuters_08600) was used while building, ``heldout`` (the later ones) only
to score. ``versions: false`` marks a pair the detector pairs but that is not one document (every revision
reported on it is a false alarm). Every figure not listed is unchanged; calendar dates are not scored.

Scoring: each labelled pair is checked as a set of its two stories (`factcheck.check_texts`); a revision
finding is correct when its earlier and later figure and the earlier figure's line match a label.
"""
from __future__ import annotations

import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import parser, shared_dir, write_outputs  # noqa: E402

LABELS = Path(__file__).resolve().parent / "labels" / "reuters_versions.jsonl"


def load_corpus(shared: Path) -> dict[str, str]:
    with gzip.open(shared / "corpus" / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as fh:
        return {row["id"]: row["text"] for row in map(json.loads, fh)}


def _line_of(text: str, fragment: str) -> int:
    """The 1-based line of ``fragment`` in text; ``fragment#2`` is its second occurrence."""
    frag, _, nth = fragment.partition("#")
    want = int(nth or 1)
    for i, line in enumerate(text.split("\n"), 1):
        if frag in line:
            want -= 1
            if want == 0:
                return i
    raise SystemExit(f"{LABELS}: fragment not found: {fragment!r}")


def score_pairs(texts: dict[str, str], labels: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per split: tp, fp, fn, recognised pairs, and the misses and false alarms to read."""
    import factcheck

    out: dict[str, dict[str, Any]] = {}
    for row in labels:
        s = out.setdefault(row["split"], {"pairs": 0, "recognised": 0, "tp": 0, "fp": 0, "fn": 0, "changed": 0,
                                          "missed": [], "false_alarms": []})
        e, l = row["earlier"], row["later"]
        report = factcheck.check_texts({e: texts[e], l: texts[l]})
        found = [f for f in report.findings if f.revision is not None]
        s["pairs"] += 1
        s["recognised"] += int(bool(found) or _recognised(texts, e, l))
        gold = Counter((c["earlier"].lower(), c["later"].lower(), _line_of(texts[e], c["line"]))
                       for c in row["changed"]) if row["versions"] else Counter()
        s["changed"] += sum(gold.values())
        pred = Counter()
        for f in found:
            a = next(c for c in f.claims if c.doc == f.revision.earlier)
            b = next(c for c in f.claims if c.doc == f.revision.later)
            pred[(a.quantity.text.strip().lower(), b.quantity.text.strip().lower(), a.quantity.line)] += 1
        hit, left = _match(gold, pred)
        s["tp"] += hit
        s["fp"] += len(left)
        s["fn"] += sum(gold.values()) - hit
        s["missed"] += [f"{e} -> {l}: {k}" for k in _unmatched(gold, pred)]
        s["false_alarms"] += [f"{e} -> {l}: {k}" for k in left]
    return out


def _same(label: str, found: str) -> bool:
    """One figure: the label's words inside the span found or the other way round ("64 cents" in "64 cents
    a share")."""
    return label in found or found in label


def _match(gold: Counter, pred: Counter) -> tuple[int, list]:
    """Greedy one-to-one matching on the line and both figures: (matched, predictions left over)."""
    left = list(pred.elements())
    hit = 0
    for g in gold.elements():
        for k, p in enumerate(left):
            if g[2] == p[2] and _same(g[0], p[0]) and _same(g[1], p[1]):
                hit += 1
                del left[k]
                break
    return hit, left


def _unmatched(gold: Counter, pred: Counter) -> list:
    left = list(pred.elements())
    out = []
    for g in gold.elements():
        k = next((k for k, p in enumerate(left) if g[2] == p[2] and _same(g[0], p[0]) and _same(g[1], p[1])), None)
        if k is None:
            out.append(g)
        else:
            del left[k]
    return out


def _recognised(texts: dict[str, str], e: str, l: str) -> bool:
    from factcheck.model import Document
    from factcheck.versions import version_pairs

    return bool(version_pairs([Document(e, texts[e]), Document(l, texts[l])]))


def whole_corpus(texts: dict[str, str]) -> dict[str, Any]:
    """Version pairs in the whole corpus as one set, and the seconds detection takes."""
    from factcheck.model import Document
    from factcheck.versions import revision_chain, version_groups, version_pairs

    docs = [Document(k, v) for k, v in texts.items()]
    t0 = time.perf_counter()
    pairs = version_pairs(docs)
    seconds = time.perf_counter() - t0
    groups = Counter(version_groups(pairs).values())
    return {"pairs": len(pairs), "groups": len(groups), "documents": sum(groups.values()),
            "marked": Counter(str(p.marker) for p in pairs if p.marker), "chain": len(revision_chain(pairs, docs)),
            "seconds": seconds}


def unmarked_revisions(texts: dict[str, str]) -> tuple[int, int, list[str]]:
    """Pairs of the whole corpus that are versions without a marker (re-sent near duplicates), and the
    revisions reported on them (no labels: listed to read, see --show)."""
    import factcheck
    from factcheck.model import Document
    from factcheck.versions import revision_chain, version_pairs

    docs = [Document(k, v) for k, v in texts.items()]
    chain = [p for p in revision_chain(version_pairs(docs), docs) if p.marker is None]
    found = []
    for p in chain:
        report = factcheck.check_texts({p.earlier: texts[p.earlier], p.later: texts[p.later]})
        found += [f"{p.earlier} -> {p.later}: {f.message}" for f in report.findings if f.revision is not None]
    return len(chain), len(found), found


def sweep(texts: dict[str, str], labels: list[dict[str, Any]]) -> list[str]:
    """The thresholds of `VersionSettings` varied one at a time: version pairs found in the whole corpus
    (marked, unmarked) and labelled pairs recognised (true versions, and pairs labelled not versions)."""
    from dataclasses import replace

    from factcheck.model import Document
    from factcheck.versions import VersionSettings, version_pairs

    docs = [Document(k, v) for k, v in texts.items()]
    true = {(r["earlier"], r["later"]) for r in labels if r["versions"]}
    false = {(r["earlier"], r["later"]) for r in labels if not r["versions"]}
    rows = ["| setting | value | marked pairs | unmarked pairs | labelled versions recognised | labelled "
            "non-versions joined |", "|---|---:|---:|---:|---:|---:|"]
    base = VersionSettings()
    grid = {"marked_words": (0.5, 0.6, 0.65, 0.7, 0.8), "marked_headline": (0.5, 0.6, 0.7, 0.8, 0.9),
            "duplicate_words": (0.8, 0.85, 0.9, 0.95), "duplicate_figures": (0.7, 0.8, 0.85, 0.9, 0.95)}
    for name, values in grid.items():
        for v in values:
            found = version_pairs(docs, replace(base, **{name: v}))
            got = {(p.earlier, p.later) for p in found}
            mark = " (shipped)" if getattr(base, name) == v else ""
            rows.append(f"| {name} | {v}{mark} | {sum(p.marker is not None for p in found)} | "
                        f"{sum(p.marker is None for p in found)} | {len(true & got)} / {len(true)} | "
                        f"{len(false & got)} / {len(false)} |")
    return rows


def check_cost(texts: dict[str, str], limit: int, set_size: int) -> tuple[float, float, int, int]:
    """Seconds of `check_texts` over the first ``limit`` stories in sets of ``set_size``, without and with
    version detection, and the contradictions each reports."""
    import factcheck
    from factcheck import pipeline

    ids = list(texts)[:limit]
    sets = [ids[i:i + set_size] for i in range(0, len(ids), set_size)]
    real = pipeline.version_pairs
    for i in range(0, 100, 20):  # warm the caches (rules, lexicons, lru caches) before either run is timed
        factcheck.check_texts({k: texts[k] for k in ids[i:i + 20]})
    times, counts = [], []
    for detect in (False, True):
        pipeline.version_pairs = real if detect else (lambda docs, *a, **k: ())
        t0 = time.perf_counter()
        n = 0
        for s in sets:
            n += sum(f.verdict == "contradiction" for f in factcheck.check_texts({k: texts[k] for k in s}).findings)
        times.append(time.perf_counter() - t0)
        counts.append(n)
    pipeline.version_pairs = real
    return times[0], times[1], counts[0], counts[1]


def _pr(s: dict[str, Any]) -> tuple[str, str]:
    p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else float("nan")
    r = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else float("nan")
    return f"{p:.3f}", f"{r:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = parser(__doc__)
    ap.add_argument("--labels", default=str(LABELS))
    ap.add_argument("--check-limit", type=int, default=1000, help="stories for the with/without cost (0: skip)")
    ap.add_argument("--set-size", type=int, default=20)
    ap.add_argument("--show", action="store_true", help="list misses and false alarms")
    ap.add_argument("--sweep", action="store_true", help="also vary each version threshold (about 40 s)")
    ap.add_argument("--out")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    texts = load_corpus(shared_dir(args.shared))
    labels = [json.loads(x) for x in Path(args.labels).read_text(encoding="utf-8").splitlines() if x.strip()]
    whole = whole_corpus(texts)
    scores = score_pairs(texts, labels)
    lines = ["| figure | value | goal | met? |", "|---|---|---|---|",
             f"| version pairs found in the whole corpus ({len(texts)} stories, one set) | {whole['pairs']} "
             f"({whole['groups']} groups, {whole['documents']} stories; marked: "
             f"{', '.join(f'{k} {v}' for k, v in sorted(whole['marked'].items()))}) | — | |",
             f"| version detection on the whole corpus, seconds | {whole['seconds']:.2f} | — | |"]
    for split in ("dev", "heldout"):
        s = scores.get(split)
        if not s:
            continue
        p, r = _pr(s)
        lines.append(f"| {split}: pairs recognised | {s['recognised']} / {s['pairs']} | — | |")
        lines.append(f"| {split}: changed figures found: precision | {p} (tp {s['tp']}, fp {s['fp']}) | ≥0.9 | "
                     f"{'yes' if p != 'nan' and float(p) >= 0.9 else 'no'} |")
        lines.append(f"| {split}: recall | {r} ({s['tp']} of {s['changed']}) | ≥0.8 | "
                     f"{'yes' if r != 'nan' and float(r) >= 0.8 else 'no'} |")
    pairs, n, unmarked = unmarked_revisions(texts)
    lines.append(f"| unlabelled: revisions on the {pairs} unmarked version pairs of the whole corpus (read them with "
                 f"--show) | {n} | — | |")
    cost = None
    if args.check_limit:
        cost = check_cost(texts, args.check_limit, args.set_size)
        off, on, n_off, n_on = cost
        lines.append(f"| check_texts, first {args.check_limit} stories in sets of {args.set_size}: seconds without / "
                     f"with versions | {off:.1f} / {on:.1f} (+{100 * (on - off) / off:.1f}%) | — | |")
        lines.append(f"| contradictions there without / with versions | {n_off} / {n_on} | — | |")
    if args.sweep:
        lines += ["", "Version thresholds, one varied at a time (the others as shipped):", "", *sweep(texts, labels)]
    text = "\n".join(lines)
    if args.show:
        for split, s in scores.items():
            text += f"\n\n{split} missed:\n" + "\n".join(s["missed"]) + f"\n{split} false alarms:\n" + "\n".join(
                s["false_alarms"])
        text += "\n\nrevisions on unmarked pairs:\n" + "\n".join(unmarked)
    write_outputs(text, args.out, {"whole": whole, "scores": scores, "cost": cost, "unmarked": unmarked}, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
