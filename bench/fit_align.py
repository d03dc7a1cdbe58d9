#!/usr/bin/env python3
"""Fit the alignment weights (`rules/lexicon/align.yaml`) by logistic regression and score them on held-out sets.

Why: `factcheck.align.score()` turns the features of a candidate pair of claims into "how sure are we that
these two figures measure the same thing", and that score sets how loudly a disagreement is reported. The
weights were set by hand. This script builds a labelled pair dataset from the shared benchmark material only,
fits the weights on one part of it (grouped by document set, so no set straddles the split), and prints the
held-out ROC AUC and precision / recall at the warning and error levels for the fitted weights AND the
current hand weights, side by side.

Where the labelled pairs come from (every pair is a candidate the cross-check could score: two claims of
one blocking key, `crosscheck._group_key`, in different documents; features with `align.features` and the
`PairContext` the cross-check builds for that document set, `crosscheck._pair_context(report.claims)`):

* ecb_labelled: `contradiction/ecbplus_dev.jsonl`. Each cluster is checked whole; the claims inside span a /
  span b (the `score_spans.py` rule) whose text matches the row's `values` (all claims of the span when none
  does) are paired when they share a blocking key (`--ecb-blocking kind`: rows with no such pair give their
  pairs of one kind instead). A pair must fit its label: an agreement's values overlap, a contradiction's do
  not. contradiction / agreement -> positive (the same quantity), not_comparable -> negative.
* ecb_cross: the two clusters of one ECB+ topic (`NNa` and `NNb`: two different events of one kind, e.g. two
  earthquakes) checked as one set; candidate pairs with one claim from each cluster -> negative.
* reuters: random sets of Reuters-21578 stories; candidate pairs between stories with different headlines
  -> negative (different stories, so not the same figure).
* equate: EQUATE NewsNLI, RTE-Quant and RedditNLI pairs labelled `entailment` (AWPNLI is synthetic and left
  out), each pair checked as a set of two short texts. Pairs of one blocking key and one unit: overlapping
  values -> positive (the hypothesis restates the premise's figure); disjoint values -> negative (in an
  entailed pair a disjoint figure of the same noun is another quantity: "281 of the 3,050 passengers").

Negatives are sampled (`--cap` per ECB+ topic or Reuters set), so the class mix, and with it precision, is
set by this script; the false-positive rate and the AUC are not.

The fit: `LogisticRegression` with L2 (`--C`), classes balanced (`--balance source`: also every source weighs
the same within its class). A feature firing in fewer than `--min-support` training pairs keeps its hand
weight. `short_texts` fires in EQUATE pairs only, so it stands for "this pair comes from EQUATE" (mostly
positive by construction): it is fitted, to soak that up, but its hand weight is what is adopted
(`--nuisance`, empty to adopt it as fitted).

The split: each source's groups (ECB+ topic, Reuters set, EQUATE pair) are shuffled with `--seed` and
`--test-size` of them held out. Because that held-out part is small, grouped 5-fold cross-validation over the
same groups is reported too (pooled out-of-fold scores), by subset (all pairs mix sources; the long document
sets without EQUATE are the case that matters), and for a few other choices of data and fit (sensitivity).

    python bench/fit_align.py
    python bench/fit_align.py --out reports/bench/fit_align.md --json bench/out/fit_align.json
    python bench/fit_align.py --write-yaml bench/out/align.fitted.yaml
    python bench/fit_align.py --limit-clusters 10            # quick run

scikit-learn is needed (`pip install -e '.[bench]'`).
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
from _common import parser as bench_parser, shared_dir, write_outputs  # noqa: E402

import glob
import gzip
import json
import math
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Sequence

SOURCES = ("ecb_labelled", "ecb_cross", "reuters", "equate")
SOURCE_WORDS = {
    "ecb_labelled": "ECB+ dev span pairs (hand labels)",
    "ecb_cross": "ECB+ sibling clusters (two events of one kind)",
    "reuters": "Reuters stories, different headlines",
    "equate": "EQUATE entailed pairs (NewsNLI, RTE-Quant, RedditNLI)",
}
EQUATE_SETS = ("equate_newsnli", "equate_rte_quant", "equate_redditnli")


def need_sklearn() -> Any:
    try:
        import sklearn  # noqa: F401
        from sklearn.linear_model import LogisticRegression  # noqa: F401
    except ImportError:
        print("fit_align.py needs scikit-learn, a bench-only dependency:\n"
              "    pip install -e '.[bench]'      (or: pip install scikit-learn)", file=sys.stderr)
        raise SystemExit(2)
    return sklearn


@dataclass
class Pair:
    source: str
    group: str
    label: int
    feats: dict[str, float]
    #: what the pair is, for reading: "doc:text | doc:text" and the row's label or rule
    what: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


# ------------------------------------------------------------------------------ helpers
def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower()).strip()


def _matches(claim: Any, value: str) -> bool:
    t, v = _norm(claim.quantity.text), _norm(value)
    return bool(t) and (t in v or v in t)


def _inside(claim: Any, doc: str, span: Sequence[int]) -> bool:
    """score_spans.py's rule: the claim's document is doc and its figure lies within the span."""
    return (os.path.basename(str(claim.doc)) == doc and claim.quantity.start >= span[0]
            and claim.quantity.end <= span[1])


def _describe(a: Any, b: Any) -> str:
    return f"{a.doc}:{a.quantity.text.strip()} | {b.doc}:{b.quantity.text.strip()}"


def _read_folder(folder: Path) -> dict[str, str]:
    return {os.path.basename(p): open(p, encoding="utf-8").read() for p in sorted(glob.glob(str(folder / "*.txt")))}


def _candidates(claims: Sequence[Any], rules: Any, limit: int) -> Iterable[tuple[Any, Any]]:
    """The cross-check's own candidates: blocks by `_group_key`, rule enabled and not ignoring the sentence,
    `candidate_pairs` inside each block (large blocks only where claims share a name or a document)."""
    from factcheck.align import candidate_pairs
    from factcheck.crosscheck import blocks

    for _rule, members in blocks(claims, rules):
        yield from candidate_pairs(members, limit)


# ------------------------------------------------------------------------------ sources
def ecb_topics(shared: Path, limit: int | None) -> dict[str, list[str]]:
    """topic number -> its cluster folders (ecbplus_20a, ecbplus_20b); --limit-clusters keeps the first N clusters."""
    names = sorted(os.path.basename(p) for p in glob.glob(str(shared / "corpus/ecbplus/ecbplus_*")))
    if limit:
        names = names[:limit]
    topics: dict[str, list[str]] = defaultdict(list)
    for n in names:
        topics[re.sub(r"[a-z]$", "", n.split("_", 1)[1])].append(n)
    return dict(topics)


def _consistent(a: Any, b: Any, gold: str) -> bool:
    """Whether a claim pair can be the labelled one: an agreement's figures overlap, a contradiction's do not
    ("178 of 369" vs "178": the 369-178 pair is not the agreeing pair)."""
    from factcheck.crosscheck import _raw_disjoint

    if gold == "agreement":
        return not _raw_disjoint(a, b)
    if gold == "contradiction":
        return a.quantity.unit != b.quantity.unit or _raw_disjoint(a, b)
    return True


def ecb_labelled_pairs(shared: Path, clusters: set[str], reports: dict[str, Any], stats: Counter) -> list[Pair]:
    """Claim pairs of the labelled rows. Every pair is tagged ``blocking``: "key" (one blocking key, a pair the
    cross-check scores) or "kind" (one kind only, for rows with no same-key pair; used with --ecb-blocking kind)."""
    import factcheck
    from factcheck.align import features
    from factcheck.crosscheck import _group_key, _pair_context
    from factcheck.pipeline import story_names

    rows = [json.loads(line) for line in open(shared / "contradiction/ecbplus_dev.jsonl", encoding="utf-8")
            if line.strip()]
    out: list[Pair] = []
    ctxs: dict[str, Any] = {}
    for i, r in enumerate(rows):
        cl = r.get("cluster")
        if not cl or cl not in clusters:
            continue
        stats["ecb_labelled rows"] += 1
        if cl not in reports:
            reports[cl] = factcheck.check_texts(_read_folder(shared / "corpus/ecbplus" / cl))
        rep = reports[cl]
        if cl not in ctxs:
            ctxs[cl] = _pair_context(rep.claims, None, story_names(rep.documents))
        side_a = [c for c in rep.claims if _inside(c, r["doc_a"], r["a"])]
        side_b = [c for c in rep.claims if _inside(c, r["doc_b"], r["b"])]
        values = r.get("values") or ["", ""]
        va = [c for c in side_a if _matches(c, values[0])] or side_a
        vb = [c for c in side_b if _matches(c, values[1])] or side_b
        gold = r["label"]
        key_pairs = [(a, b) for a in va for b in vb
                     if _group_key(a) is not None and _group_key(a) == _group_key(b)]
        kind_pairs = [(a, b) for a in va for b in vb if a.quantity.kind == b.quantity.kind] if not key_pairs else []
        n_before = len(key_pairs) + len(kind_pairs)
        key_pairs = [(a, b) for a, b in key_pairs if _consistent(a, b, gold)]
        kind_pairs = [(a, b) for a, b in kind_pairs if _consistent(a, b, gold)]
        stats["ecb_labelled pairs dropped (values do not fit the label)"] += n_before - len(key_pairs) - len(kind_pairs)
        if not side_a or not side_b:
            stats["ecb_labelled rows without a claim in a span"] += 1
        elif key_pairs:
            stats["ecb_labelled rows with a same-key pair"] += 1
        elif kind_pairs:
            stats["ecb_labelled rows with only a same-kind pair"] += 1
        else:
            stats["ecb_labelled rows with no usable pair"] += 1
        label = 0 if gold == "not_comparable" else 1
        topic = re.sub(r"[a-z]$", "", cl.split("_", 1)[1])
        for how, pairs in (("key", key_pairs), ("kind", kind_pairs)):
            for a, b in pairs:
                out.append(Pair("ecb_labelled", "ecb:" + topic, label, features(a, b, ctxs[cl]), _describe(a, b),
                                {"row": i, "cluster": cl, "gold": gold, "blocking": how}))
    return out


def ecb_cross_pairs(shared: Path, topics: dict[str, list[str]], rules: Any, limit: int, cap: int,
                    rng: random.Random, stats: Counter) -> list[Pair]:
    import factcheck
    from factcheck.align import features
    from factcheck.crosscheck import _pair_context
    from factcheck.pipeline import story_names

    out: list[Pair] = []
    for topic, clusters in sorted(topics.items()):
        if len(clusters) < 2:
            continue
        texts: dict[str, str] = {}
        home: dict[str, str] = {}
        for cl in clusters:
            for name, text in _read_folder(shared / "corpus/ecbplus" / cl).items():
                key = name if name not in texts else f"{cl}/{name}"
                texts[key] = text
                home[key] = cl
        rep = factcheck.check_texts(texts)
        ctx = _pair_context(rep.claims, None, story_names(rep.documents))
        cands = [(a, b) for a, b in _candidates(rep.claims, rules, limit) if home[a.doc] != home[b.doc]]
        stats["ecb_cross candidates"] += len(cands)
        stats["ecb_cross sets"] += 1
        for a, b in rng.sample(cands, min(cap, len(cands))):
            out.append(Pair("ecb_cross", "ecb:" + topic, 0, features(a, b, ctx), _describe(a, b),
                            {"clusters": clusters}))
    return out


_CORRECTED = re.compile(r"^\W*(\(?\s*corrected\s*\)?|corrected)\W*", re.I)


def _headline(text: str) -> str:
    first = text.strip().split("\n", 1)[0]
    return re.sub(r"[^a-z0-9]+", " ", _CORRECTED.sub("", first).lower()).strip()


def reuters_pairs(shared: Path, n_sets: int, set_size: int, rules: Any, limit: int, cap: int,
                  rng: random.Random, stats: Counter) -> list[Pair]:
    import factcheck
    from factcheck.align import features
    from factcheck.crosscheck import _pair_context
    from factcheck.pipeline import story_names

    if n_sets <= 0:
        return []
    with gzip.open(shared / "corpus/reuters21578.jsonl.gz", "rt", encoding="utf-8") as fh:
        stories = [json.loads(line) for line in fh if line.strip()]
    picked = rng.sample(range(len(stories)), min(len(stories), n_sets * set_size))
    out: list[Pair] = []
    for s in range(n_sets):
        ids = picked[s * set_size:(s + 1) * set_size]
        if len(ids) < 2:
            break
        texts = {stories[i]["id"]: stories[i]["text"] for i in ids}
        heads = {k: _headline(v) for k, v in texts.items()}
        rep = factcheck.check_texts(texts)
        ctx = _pair_context(rep.claims, None, story_names(rep.documents))
        cands = [(a, b) for a, b in _candidates(rep.claims, rules, limit)
                 if a.doc != b.doc and heads[a.doc] != heads[b.doc]]
        stats["reuters candidates"] += len(cands)
        stats["reuters sets"] += 1
        for a, b in rng.sample(cands, min(cap, len(cands))):
            out.append(Pair("reuters", f"reuters:{s}", 0, features(a, b, ctx), _describe(a, b)))
    return out


def equate_pairs(shared: Path, limit_rows: int | None, stats: Counter) -> list[Pair]:
    import factcheck
    from factcheck.align import features
    from factcheck.crosscheck import _group_key, _pair_context, _raw_disjoint
    from factcheck.pipeline import story_names

    out: list[Pair] = []
    for name in EQUATE_SETS:
        path = shared / "contradiction" / f"{name}.jsonl"
        rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        rows = [r for r in rows if r.get("label") == "entailment"]
        if limit_rows is not None:
            rows = rows[:limit_rows]
        for r in rows:
            stats["equate entailed rows"] += 1
            rep = factcheck.check_texts({"doc_a.txt": r["doc_a"], "doc_b.txt": r["doc_b"]})
            ctx = _pair_context(rep.claims, None, story_names(rep.documents))
            side_a = [c for c in rep.claims if c.doc == "doc_a.txt"]
            side_b = [c for c in rep.claims if c.doc == "doc_b.txt"]
            for a in side_a:
                for b in side_b:
                    key = _group_key(a)
                    if key is None or key != _group_key(b):
                        continue
                    if a.quantity.unit != b.quantity.unit:
                        stats["equate same-key pairs skipped (units differ)"] += 1
                        continue
                    label = 0 if _raw_disjoint(a, b) else 1
                    out.append(Pair("equate", "equate:" + r["id"], label, features(a, b, ctx), _describe(a, b),
                                    {"set": name, "id": r["id"]}))
    return out


# ------------------------------------------------------------------------------ fit and score
def split_groups(pairs: Sequence[Pair], test_size: float, seed: int) -> set[str]:
    """The held-out groups: per source, a seeded shuffle of its groups, the first test_size of them."""
    test: set[str] = set()
    for source in SOURCES:
        groups = sorted({p.group for p in pairs if p.source == source})
        rng = random.Random(f"{seed}:{source}")
        rng.shuffle(groups)
        test.update(groups[:max(1, round(len(groups) * test_size))] if groups else [])
    return test


def matrix(pairs: Sequence[Pair], names: Sequence[str]) -> list[list[float]]:
    return [[p.feats.get(n, 0.0) for n in names] for p in pairs]


def logistic(bias: float, weights: dict[str, float], feats: dict[str, float]) -> float:
    z = bias + sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


@dataclass(frozen=True)
class FitConfig:
    """How the weights are fitted."""

    C: float = 1.0
    min_support: int = 5
    #: fitted, but their hand weight is adopted: only one source has them
    nuisance: tuple[str, ...] = ("short_texts",)
    #: "class": class_weight balanced; "source": every (source, label) cell weighs the same within its class
    balance: str = "class"


def fit(train: Sequence[Pair], hand: Any, cfg: FitConfig
        ) -> tuple[float, dict[str, float], list[str], dict[str, float]]:
    """Logistic regression (L2 with strength 1/C, classes balanced) on the features that fire in at least
    min_support training pairs; the rest keep their hand weight (the data cannot say anything of them).
    A nuisance feature is fitted (it soaks up what only one source shares, so the other weights are not
    bent by it) but its hand weight is what is returned: its fitted value says how the sources were sampled.
    Returns bias, weights (as adopted), the features that kept their hand weight, and the raw coefficients."""
    from sklearn.linear_model import LogisticRegression

    from factcheck.align import FEATURES

    support = {f: sum(1 for p in train if p.feats.get(f)) for f in FEATURES}
    fitted_names = [f for f in FEATURES if support[f] >= cfg.min_support]
    kept = [f for f in FEATURES if f not in fitted_names]
    y = [p.label for p in train]
    if cfg.balance == "source":
        cells = Counter((p.source, p.label) for p in train)
        per_class = Counter(label for _s, label in cells)
        sw = [len(train) / 2 / (cells[(p.source, p.label)] * per_class[p.label]) for p in train]
        model = LogisticRegression(C=cfg.C, max_iter=5000)
        model.fit(matrix(train, fitted_names), y, sample_weight=sw)
    else:
        model = LogisticRegression(C=cfg.C, class_weight="balanced", max_iter=5000)
        model.fit(matrix(train, fitted_names), y)
    weights = {f: float(w) for f, w in zip(fitted_names, model.coef_[0])}
    raw = dict(weights)
    kept += [f for f in cfg.nuisance if f in fitted_names]
    for f in kept:
        weights[f] = float(hand.weights.get(f, 0.0))
    return float(model.intercept_[0]), weights, kept, raw


def auc(labels: Sequence[int], scores: Sequence[float]) -> float | None:
    from sklearn.metrics import roc_auc_score

    if len(set(labels)) < 2:
        return None
    return float(roc_auc_score(labels, scores))


def at_threshold(labels: Sequence[int], scores: Sequence[float], t: float) -> dict[str, Any]:
    tp = sum(1 for y, s in zip(labels, scores) if y and s >= t)
    fp = sum(1 for y, s in zip(labels, scores) if not y and s >= t)
    pos = sum(labels)
    neg = len(labels) - pos
    return {"flagged": tp + fp, "tp": tp, "fp": fp, "precision": tp / (tp + fp) if tp + fp else None,
            "recall": tp / pos if pos else None, "fpr": fp / neg if neg else None}


#: views of a set of scored pairs: all of them, the long document sets only, and each source
SUBSETS: tuple[tuple[str, str], ...] = (
    ("all", "all pairs"),
    ("documents", "document sets only (ECB+ and Reuters: no short texts)"),
    *((s, s) for s in SOURCES),
)


def _in_subset(p: Pair, sub: str) -> bool:
    return sub == "all" or (sub == "documents" and p.source != "equate") or p.source == sub


def evaluate(pairs: Sequence[Pair], scores: dict[str, Sequence[float]], levels: dict[str, float]
             ) -> dict[str, Any]:
    """Per subset: pairs, positives, and for each model its ROC AUC and P / R / FPR at each level."""
    out: dict[str, Any] = {}
    for sub, _words in SUBSETS:
        idx = [i for i, p in enumerate(pairs) if _in_subset(p, sub)]
        if not idx:
            continue
        ls = [pairs[i].label for i in idx]
        out[sub] = {"n": len(idx), "pos": sum(ls)}
        for name, sc in scores.items():
            ss = [sc[i] for i in idx]
            out[sub][name] = {"auc": auc(ls, ss), **{lv: at_threshold(ls, ss, t) for lv, t in levels.items()}}
    return out


def grouped_cv(pairs: Sequence[Pair], hand: Any, cfg: FitConfig, folds: int
               ) -> tuple[list[dict[str, Any]], list[float | None]]:
    """Grouped k-fold: fit on k-1 folds of groups, AUC of fitted and hand weights on the last, and the fold's
    weights; and every pair's out-of-fold fitted score (pooled, steadier than one small held-out split)."""
    from sklearn.model_selection import GroupKFold

    groups = [p.group for p in pairs]
    oof: list[float | None] = [None] * len(pairs)
    if folds < 2 or len(set(groups)) < folds:
        return [], oof
    out = []
    hand_w = dict(hand.weights)
    for k, (tr, te) in enumerate(GroupKFold(n_splits=folds).split(list(range(len(pairs))), groups=groups)):
        train = [pairs[i] for i in tr]
        test = [pairs[i] for i in te]
        if len({p.label for p in train}) < 2:
            continue
        bias, weights, _kept, _raw = fit(train, hand, cfg)
        for i in te:
            oof[i] = logistic(bias, weights, pairs[i].feats)
        labels = [p.label for p in test]
        out.append({"fold": k, "n": len(test), "pos": sum(labels), "bias": bias, "weights": weights,
                    "fitted": auc(labels, [logistic(bias, weights, p.feats) for p in test]),
                    "hand": auc(labels, [logistic(hand.bias, hand_w, p.feats) for p in test])})
    return out, oof


def pooled(pairs: Sequence[Pair], hand: Any, cfg: FitConfig, folds: int, levels: dict[str, float]
           ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Grouped cross-validation and the evaluation of its pooled out-of-fold scores next to the hand scores."""
    cv, oof = grouped_cv(pairs, hand, cfg, folds)
    if not cv or any(x is None for x in oof):
        return cv, {}
    hand_w = dict(hand.weights)
    return cv, evaluate(pairs, {"hand": [logistic(hand.bias, hand_w, p.feats) for p in pairs],
                                "fitted": [x or 0.0 for x in oof]}, levels)


def sensitivity(variants: Sequence[tuple[str, Sequence[Pair], FitConfig]], hand: Any, folds: int,
                levels: dict[str, float]) -> list[dict[str, Any]]:
    """The pooled cross-validated figures that matter, for other choices of data and fit."""
    rows = []
    for name, pairs, cfg in variants:
        _cv, ev = pooled(pairs, hand, cfg, folds, levels)
        if ev:
            rows.append({"variant": name, "ecb_labelled": ev.get("ecb_labelled", {}).get("n", 0),
                         "ecb_labelled_pos": ev.get("ecb_labelled", {}).get("pos", 0), "eval": ev})
    return rows


# ------------------------------------------------------------------------------ output
def _f(x: float | None, nd: int = 3) -> str:
    return "n/a" if x is None else f"{x:.{nd}f}"


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def _mean_sd(xs: Sequence[float]) -> str:
    xs = [x for x in xs if x is not None]
    if not xs:
        return "n/a"
    m = sum(xs) / len(xs)
    sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1)) if len(xs) > 1 else 0.0
    return f"{m:.3f} ± {sd:.3f}"


def _subset_table(ev: dict[str, Any], levels: dict[str, float]) -> list[str]:
    def cell(d: dict[str, Any]) -> str:
        return f"R {_f(d['recall'], 2)} · FPR {_pct(d['fpr'])}"

    lines = ["| subset | pairs (positive) | AUC hand | AUC fitted | ≥ warning: hand | ≥ warning: fitted | "
             "≥ error: hand | ≥ error: fitted |", "|---|---:|---:|---:|---|---|---|---|"]
    for sub, words in SUBSETS:
        e = ev.get(sub)
        if not e:
            continue
        h, f = e["hand"], e["fitted"]
        lines.append(f"| {words} | {e['n']} ({e['pos']}) | {_f(h['auc'])} | {_f(f['auc'])} | {cell(h['warning'])} | "
                     f"{cell(f['warning'])} | {cell(h['error'])} | {cell(f['error'])} |")
    return lines


def _main_table(e: dict[str, Any], levels: dict[str, float]) -> list[str]:
    H, F = e["hand"], e["fitted"]
    lines = ["| metric | current (hand) | fitted |", "|---|---:|---:|",
             f"| ROC AUC | {_f(H['auc'])} | {_f(F['auc'])} |"]
    for name in ("warning", "error"):
        lines.append(f"| precision at {name} (score ≥ {levels[name]}) | {_f(H[name]['precision'])} | "
                     f"{_f(F[name]['precision'])} |")
        lines.append(f"| recall at {name} | {_f(H[name]['recall'])} | {_f(F[name]['recall'])} |")
        lines.append(f"| false-positive rate at {name} | {_pct(H[name]['fpr'])} | {_pct(F[name]['fpr'])} |")
        lines.append(f"| flagged at {name} (true + false) | {H[name]['tp']} + {H[name]['fp']} | "
                     f"{F[name]['tp']} + {F[name]['fp']} |")
    return lines


def render(res: dict[str, Any]) -> str:
    from factcheck.align import FEATURES

    hand, fitted = res["weights"]["hand"], res["weights"]["fitted"]
    lv = res["levels"]
    prm = res["params"]
    lines = ["## Alignment weights fitted by logistic regression (bench/fit_align.py)", ""]
    lines += ["### Dataset (candidate pairs of one blocking key, across documents)", "",
              "| source | what | pairs | positive | negative | groups | train pairs | held-out pairs |",
              "|---|---|---:|---:|---:|---:|---:|---:|"]
    for s in SOURCES:
        d = res["dataset"].get(s)
        if d:
            lines.append(f"| {s} | {SOURCE_WORDS[s]} | {d['pairs']} | {d['pos']} | {d['neg']} | {d['groups']} | "
                         f"{d['train']} | {d['test']} |")
    t = res["dataset"]["total"]
    lines.append(f"| **all** | | {t['pairs']} | {t['pos']} | {t['neg']} | {t['groups']} | {t['train']} | {t['test']} |")
    lines += ["", "Counts along the way: " + "; ".join(f"{k}: {v}" for k, v in sorted(res["stats"].items())) + ".", ""]

    lines += ["### Weights: current (align.yaml, by hand) and fitted", "",
              "| feature | current | fitted | fitted in the CV folds (min … max) | train pairs with it (pos / neg) | "
              "note |", "|---|---:|---:|---:|---:|---|"]

    def span(key: str | None) -> str:
        xs = [c["bias"] if key is None else c["weights"][key] for c in res["cv"]]
        return f"{min(xs):+.2f} … {max(xs):+.2f}" if xs else ""

    lines.append(f"| bias | {hand['bias']:+.2f} | {fitted['bias']:+.2f} | {span(None)} | | |")
    for f in FEATURES:
        sup = res["support"][f]
        if f in res["nuisance_fitted"]:
            note = (f"confounded with one source: fitted {res['nuisance_fitted'][f]:+.2f} as a nuisance, "
                    "hand weight kept")
        elif f in res["kept"]:
            note = "not fitted (too little support): hand weight kept"
        else:
            note = ""
        lines.append(f"| {f} | {hand['weights'].get(f, 0.0):+.2f} | {fitted['weights'][f]:+.2f} | "
                     f"{span(f) if not note else ''} | {sup['pos']} / {sup['neg']} | {note} |")
    lines += ["", f"LogisticRegression(C={prm['C']}, L2, classes balanced: `{prm['balance']}`) on the features that "
              f"fire in at least {prm['min_support']} training pairs. With balanced classes the fitted bias "
              "assumes half the candidates are the same quantity. The fitted column is what `--write-yaml` writes "
              "and what is scored below.", ""]

    ho = res["heldout"]
    lines += [f"### Held-out split: {ho['all']['n']} pairs ({ho['all']['pos']} positive) in "
              f"{t['test_groups']} groups never seen in training", ""]
    lines += _main_table(ho["all"], lv)
    lines += ["", "By subset (R = recall of same-quantity pairs, FPR = share of different-quantity pairs scored at "
              "or above the level):", ""]
    lines += _subset_table(ho, lv)

    cv = res["cv"]
    if cv:
        oof = res["cv_pooled"]
        lines += ["", f"### Grouped {len(cv)}-fold cross-validation: every pair scored by weights fitted without its "
                  "group", "",
                  f"Per fold ROC AUC, mean ± sd: hand {_mean_sd([c['hand'] for c in cv])}, fitted "
                  f"{_mean_sd([c['fitted'] for c in cv])} (fitted higher in "
                  f"{sum(1 for c in cv if (c['fitted'] or 0) > (c['hand'] or 0))} of {len(cv)} folds). "
                  "Pooled out-of-fold scores:", ""]
        lines += _subset_table(oof, lv)
    sens = res.get("sensitivity") or []
    if sens:
        def pair_cell(e: dict[str, Any] | None, key: str, level: str | None = None) -> str:
            if not e:
                return "n/a"
            if level is None:
                return f"{_f(e['hand']['auc'])} · {_f(e['fitted']['auc'])}"
            fmt = _f if key == "recall" else _pct
            return f"{fmt(e['hand'][level][key])} · {fmt(e['fitted'][level][key])}"

        lines += ["", "### Sensitivity: other choices, pooled grouped cross-validation (hand · fitted)", "",
                  "| variant | ECB+ labelled pairs (pos) | AUC document sets | AUC ECB+ labelled | AUC EQUATE | "
                  "recall ECB+ labelled ≥ warning | FPR document sets ≥ warning |",
                  "|---|---:|---|---|---|---|---|"]
        for r in sens:
            ev = r["eval"]
            lines.append(f"| {r['variant']} | {r['ecb_labelled']} ({r['ecb_labelled_pos']}) | "
                         f"{pair_cell(ev.get('documents'), 'auc')} | {pair_cell(ev.get('ecb_labelled'), 'auc')} | "
                         f"{pair_cell(ev.get('equate'), 'auc')} | "
                         f"{pair_cell(ev.get('ecb_labelled'), 'recall', 'warning')} | "
                         f"{pair_cell(ev.get('documents'), 'fpr', 'warning')} |")
    lines += ["", f"Seed {prm['seed']}, held-out share {prm['test_size']} of each source's groups, ECB+ blocking "
              f"`{prm['ecb_blocking']}`, {prm['clusters']} ECB+ clusters, {prm['reuters_sets']} Reuters sets of "
              f"{prm['set_size']} stories, at most {prm['cap']} sampled negatives per ECB+ topic or Reuters set; "
              f"wall time {res['seconds']:.1f} s. Levels from align.yaml: warning ≥ {lv['warning']}, error ≥ "
              f"{lv['error']}.",
              "Positives are pairs labelled as the same quantity (ECB+ contradiction/agreement rows, EQUATE entailed "
              "restatements). The class mix is set by the caps, so precision depends on them; the false-positive "
              "rate and the AUC do not. `all pairs` mixes sources: short_texts alone tells EQUATE (mostly positive) "
              "from the rest, so read the per-subset rows."]
    return "\n".join(lines) + "\n"


def write_yaml(path: str, src: Path, bias: float, weights: dict[str, float], kept: Sequence[str],
               nuisance: dict[str, float], header: str) -> None:
    """A copy of align.yaml with the fitted bias and weights (comments and levels kept), checked by loading it."""
    import shutil
    import tempfile

    from factcheck.align import load_align_settings

    text = src.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^bias:.*$", f"bias: {bias:.2f}", text, count=1)
    for f, w in weights.items():
        note = ""
        if f in nuisance:
            note = f"  # hand weight: only one source has it (fitted {nuisance[f]:+.2f} there)"
        elif f in kept:
            note = "  # not fitted (too little support in the data): hand weight"
        text, n = re.subn(rf"(?m)^(  {re.escape(f)}):.*$", rf"\1: {w:.2f}{note}", text, count=1)
        if not n:  # a feature the file does not list yet
            text = re.sub(r"(?m)^weights:\n", f"weights:\n  {f}: {w:.2f}{note}\n", text, count=1)
    text = header + text
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text, encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "lexicon").mkdir()
        shutil.copy(path, Path(tmp) / "lexicon" / "align.yaml")
        load_align_settings(Path(tmp))  # raises if the copy is not a valid align.yaml


# ------------------------------------------------------------------------------ main
def main(argv: Sequence[str] | None = None) -> int:
    ap = bench_parser(__doc__)
    ap.add_argument("--out", help="also write the markdown tables to FILE")
    ap.add_argument("--json", help="write the numbers, the weights and every pair's features to FILE")
    ap.add_argument("--write-yaml", metavar="FILE", help="write a copy of align.yaml with the fitted weights")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit-clusters", type=int, metavar="N",
                    help="quick run: the first N ECB+ clusters, N Reuters sets, 10N entailed rows per EQUATE set")
    ap.add_argument("--reuters-sets", type=int, help="random Reuters sets (default 60)")
    ap.add_argument("--set-size", type=int, default=20, help="stories per Reuters set (default 20)")
    ap.add_argument("--cap", type=int, default=25, help="negatives sampled per ECB+ topic / Reuters set (default 25)")
    ap.add_argument("--equate-limit", type=int, help="entailed rows per EQUATE set (default all)")
    ap.add_argument("--ecb-blocking", choices=("key", "kind"), default="key",
                    help="labelled ECB+ rows: pair claims of one blocking key (default), or also of one kind "
                         "when they share none")
    ap.add_argument("--test-size", type=float, default=0.3, help="share of each source's groups held out")
    ap.add_argument("--C", type=float, default=1.0, help="inverse L2 strength (default 1.0)")
    ap.add_argument("--min-support", type=int, default=5,
                    help="fit a feature only if it fires in this many training pairs (default 5)")
    ap.add_argument("--folds", type=int, default=5, help="grouped cross-validation folds (0: none)")
    ap.add_argument("--nuisance", nargs="*", default=["short_texts"], metavar="FEATURE",
                    help="features fitted but not adopted, because only one source has them (default: short_texts)")
    ap.add_argument("--balance", choices=("class", "source"), default="class",
                    help="class: class_weight balanced (default); source: each (source, label) cell weighs the same "
                         "within its class")
    ap.add_argument("--no-sensitivity", action="store_true", help="skip the table of other choices")
    args = ap.parse_args(argv)
    need_sklearn()

    from factcheck.align import FEATURES, load_align_settings
    from factcheck.rules import load_rules
    from factcheck.schemas import load_lexicon_file

    t0 = time.perf_counter()
    shared = shared_dir(args.shared)
    hand = load_align_settings()
    _data, align_path = load_lexicon_file("align")
    levels = {"warning": hand.warning, "error": hand.error}
    rules = load_rules()
    rng = random.Random(args.seed)
    n_sets = args.reuters_sets if args.reuters_sets is not None else (
        min(60, args.limit_clusters) if args.limit_clusters else 60)
    eq_limit = args.equate_limit if args.equate_limit is not None else (
        10 * args.limit_clusters if args.limit_clusters else None)

    stats: Counter = Counter()
    topics = ecb_topics(shared, args.limit_clusters)
    clusters = {c for cs in topics.values() for c in cs}
    reports: dict[str, Any] = {}
    every: list[Pair] = []
    steps = [("ecb_labelled", lambda: ecb_labelled_pairs(shared, clusters, reports, stats)),
             ("ecb_cross", lambda: ecb_cross_pairs(shared, topics, rules, hand.pairwise_limit, args.cap, rng, stats)),
             ("reuters", lambda: reuters_pairs(shared, n_sets, args.set_size, rules, hand.pairwise_limit, args.cap,
                                               rng, stats)),
             ("equate", lambda: equate_pairs(shared, eq_limit, stats))]
    for name, step in steps:
        t = time.perf_counter()
        got = step()
        every.extend(got)
        kind = sum(1 for p in got if p.meta.get("blocking") == "kind")
        print(f"[fit_align] {name}: {len(got) - kind} pairs" + (f" (+{kind} of one kind only)" if kind else "")
              + f" ({time.perf_counter() - t:.1f} s)", file=sys.stderr)
    by_blocking = {
        "key": [p for p in every if p.meta.get("blocking") != "kind"],
        "kind": every,
    }
    pairs = by_blocking[args.ecb_blocking]
    if len({p.label for p in pairs}) < 2:
        print("fit_align.py: the dataset has only one class; nothing to fit", file=sys.stderr)
        return 1

    test_groups = split_groups(pairs, args.test_size, args.seed)
    train = [p for p in pairs if p.group not in test_groups]
    test = [p for p in pairs if p.group in test_groups]
    cfg = FitConfig(C=args.C, min_support=args.min_support, nuisance=tuple(args.nuisance), balance=args.balance)
    bias, weights, kept, raw = fit(train, hand, cfg)
    nuisance_fitted = {f: raw[f] for f in cfg.nuisance if f in raw}
    hand_w = dict(hand.weights)
    heldout = evaluate(test, {"hand": [logistic(hand.bias, hand_w, p.feats) for p in test],
                              "fitted": [logistic(bias, weights, p.feats) for p in test]}, levels)
    cv, cv_pooled = pooled(pairs, hand, cfg, args.folds, levels)
    sens: list[dict[str, Any]] = []
    if args.folds and not args.no_sensitivity:
        other = "kind" if args.ecb_blocking == "key" else "key"
        variants = [("as run", pairs, cfg),
                    ("C = 0.1 (stronger L2)", pairs, replace(cfg, C=0.1)),
                    ("C = 10 (weaker L2)", pairs, replace(cfg, C=10.0)),
                    ("balance = " + ("class" if cfg.balance == "source" else "source"), pairs,
                     replace(cfg, balance="class" if cfg.balance == "source" else "source")),
                    ("short_texts adopted as fitted" if cfg.nuisance else "short_texts as nuisance", pairs,
                     replace(cfg, nuisance=() if cfg.nuisance else ("short_texts",))),
                    (f"ECB+ blocking = {other}", by_blocking[other], cfg),
                    ("without EQUATE", [p for p in pairs if p.source != "equate"], cfg)]
        sens = sensitivity(variants, hand, args.folds, levels)

    dataset: dict[str, Any] = {}
    for s in SOURCES + ("total",):
        ps = pairs if s == "total" else [p for p in pairs if p.source == s]
        if not ps:
            continue
        dataset[s] = {"pairs": len(ps), "pos": sum(p.label for p in ps), "neg": sum(1 - p.label for p in ps),
                      "groups": len({p.group for p in ps}),
                      "train": sum(1 for p in ps if p.group not in test_groups),
                      "test": sum(1 for p in ps if p.group in test_groups),
                      "test_groups": len({p.group for p in ps if p.group in test_groups})}
    support = {f: {"pos": sum(1 for p in train if p.feats.get(f) and p.label),
                   "neg": sum(1 for p in train if p.feats.get(f) and not p.label)} for f in FEATURES}
    res = {"dataset": dataset, "stats": dict(stats), "support": support, "kept": kept, "levels": levels,
           "nuisance_fitted": nuisance_fitted, "cv_pooled": cv_pooled, "sensitivity": sens,
           "weights": {"hand": {"bias": hand.bias, "weights": dict(hand.weights)},
                       "fitted": {"bias": bias, "weights": weights}},
           "heldout": heldout, "cv": cv, "seconds": time.perf_counter() - t0,
           "params": {"seed": args.seed, "test_size": args.test_size, "C": args.C, "min_support": args.min_support,
                      "ecb_blocking": args.ecb_blocking, "clusters": len(clusters), "reuters_sets": n_sets,
                      "set_size": args.set_size, "cap": args.cap, "equate_limit": eq_limit,
                      "nuisance": list(args.nuisance), "balance": args.balance}}
    text = render(res)
    data = dict(res, pairs=[{"source": p.source, "group": p.group, "label": p.label, "test": p.group in test_groups,
                             "what": p.what, "features": p.feats, **p.meta} for p in pairs])
    write_outputs(text, args.out, data, args.json)
    if args.write_yaml:
        header = (f"# FITTED COPY written by bench/fit_align.py (seed {args.seed}, C {args.C}, {len(train)} training "
                  f"pairs; held-out AUC {_f(heldout['all']['fitted']['auc'])} fitted vs "
                  f"{_f(heldout['all']['hand']['auc'])} "
                  "hand).\n"
                  "# Not the shipped file: compare with rules/lexicon/align.yaml before adopting it.\n")
        write_yaml(args.write_yaml, align_path, bias, weights, kept, nuisance_fitted, header)
        print(f"[fit_align] wrote {args.write_yaml}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
