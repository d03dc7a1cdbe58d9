#!/usr/bin/env python3
"""Long documents with one inserted sentence that contradicts an earlier one (issue 11's hidden-check kind).

Why: an edited document contradicts itself when a later paragraph restates a figure with another value.
Nobody here wrote the material: each case is a real Reuters-21578 story of at least ``--min-chars``
characters. One of its framed figures, exact or approximate (a scaled bound such as "more than 90" would
not contradict the original), is picked at random; its sentence is restated at the end of the
story with that figure changed (``changed``: the number times ``--factor``; ``agreeing``: unchanged, a
plain repetition that must not be flagged; ``reworded``: the changed figure in a sentence of a fixed template
of ours, "<Subject>'s <metric> stood at <figure> in <period>, the report said.", built from the original's
frame, where its metric is a noun phrase). The untouched story is the control.

Scored per story, at ``--level`` or above:
- recall: the changed restatement is flagged as a contradiction with the sentence it came from;
- false alarms on ``agreeing``: any contradiction that involves the repeated sentence;
- extra findings: contradictions in the untouched story (the story's own noise, shown for scale).
The baseline is the naive "numbers differ" detector applied to the same two sentences.

    python bench/inserted.py                          # 300 stories, seed 1
    python bench/inserted.py --stories 100 --seed 2 --out reports/bench/inserted.md
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
from _common import parser as bench_parser, shared_dir, write_outputs  # noqa: E402

import gzip
import json
import random
import re
from dataclasses import dataclass
from typing import Any

LEVELS = ("note", "warning", "error")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Case:
    story: str
    text: str
    sentence: str          # the original sentence, as it stands in the story
    figure: str            # the figure's text inside it
    changed: str           # the sentence with the figure changed
    reworded: str | None   # a sentence of our own template that states the changed figure of the same metric


def load(shared: _Path, min_chars: int) -> list[tuple[str, str]]:
    out = []
    with gzip.open(shared / "corpus/reuters21578.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if len(d["text"]) >= min_chars:
                out.append((d["id"], d["text"]))
    return out


def change_number(figure: str, factor: float) -> str | None:
    """The figure with its first number multiplied, written with the same decimals and grouping."""
    m = NUMBER.search(figure)
    if m is None:
        return None
    raw = m.group(0)
    value = float(raw.replace(",", ""))
    if value == 0 or value > 1e7:
        return None
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    new = value * factor
    text = f"{new:,.{decimals}f}" if "," in raw else f"{new:.{decimals}f}"
    if text == raw:
        return None
    return figure[:m.start()] + text + figure[m.end():]


def make_case(story: str, text: str, rng: random.Random, factor: float) -> Case | None:
    from factcheck.pipeline import check_texts

    report = check_texts({story: text})
    claims = [c for c in report.claims if c.quantity.kind != "date" and c.sentence and c.sentence in text
              and text.count(c.sentence) == 1 and len(c.sentence) < 400
              and c.quantity.text in c.sentence and c.quantity.qualifier in ("exact", "approx")]
    rng.shuffle(claims)
    for c in claims:
        new_figure = change_number(c.quantity.text, factor)
        if new_figure is None or c.sentence.count(c.quantity.text) != 1:
            continue
        changed = c.sentence.replace(c.quantity.text, new_figure)
        return Case(story, text, c.sentence, c.quantity.text, changed, reworded(c, new_figure))
    return None


def reworded(c: Any, figure: str) -> str | None:
    """The changed figure in other words, from the claim's frame: "<Subject>'s <metric> stood at <figure>
    in <period>, the report said." Only for a figure with a metric phrase of its own and a plain level."""
    if not c.metric or c.aspect != "level" or c.quantity.kind not in ("money", "count", "percent", "measure"):
        return None
    noun = c.concept.noun if c.concept is not None else None
    if c.rule in ("generic", "none") and not (noun and c.metric.split()[-1] == noun and len(noun) > 2):
        return None  # only a metric that is a noun phrase ("trade surplus"), not a verb's ("sold")
    words = [w for w in figure.replace("from ", "").split()]
    named = [s for s in c.subject if s[:1].isupper() and s in c.sentence]
    owner = f"{named[0]}'s " if named else "The "
    when = ""
    if c.period is not None and c.period_source == "explicit" and c.period.label and c.period.label in c.sentence:
        when = f" in {c.period.label}"
    return f"{owner}{c.metric} stood at {' '.join(words)}{when}, the report said."


def _flagged(report: Any, level: str, first: tuple[int, int], second: tuple[int, int] | None) -> bool:
    """A contradiction at or above level between a figure in span first and one in span second
    (or any figure, when second is None)."""
    floor = LEVELS.index(level)
    for f in report.findings:
        if f.verdict != "contradiction" or LEVELS.index(f.level) < floor:
            continue
        starts = [c.quantity.start for c in f.claims]
        in_first = any(first[0] <= s < first[1] for s in starts)
        in_second = second is None or any(second[0] <= s < second[1] for s in starts)
        if in_first and in_second:
            return True
    return False


def _body_and_signoff(text: str) -> tuple[str, str]:
    """The story without its wire sign-off ("REUTER"), and the sign-off: the new paragraph goes before it."""
    body = text.rstrip()
    m = re.search(r"\s*\bREUTER\W*$", body)
    return (body[:m.start()], body[m.start():]) if m else (body, "")


def score(case: Case, level: str) -> dict[str, bool]:
    from factcheck.pipeline import check_texts

    start = case.text.index(case.sentence)
    original = (start, start + len(case.sentence))
    out = {}
    head, tail = _body_and_signoff(case.text)
    variants = [("changed", case.changed), ("agreeing", case.sentence)]
    if case.reworded:
        variants.append(("reworded", case.reworded))
    for variant, sentence in variants:
        body = head + "\n\n" + sentence + "\n" + tail
        added = (len(head) + 2, len(head) + 2 + len(sentence))
        report = check_texts({case.story: body})
        out[variant] = _flagged(report, level, added, original)
        out[variant + "_any"] = _flagged(report, level, added, None)
    out["control"] = any(f.verdict == "contradiction" and LEVELS.index(f.level) >= LEVELS.index(level)
                         for f in check_texts({case.story: case.text}).findings)
    return out


def main() -> None:
    ap = bench_parser(__doc__)
    ap.add_argument("--stories", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--min-chars", type=int, default=1500)
    ap.add_argument("--factor", type=float, default=1.3)
    ap.add_argument("--level", choices=LEVELS, default="warning")
    ap.add_argument("--out")
    ap.add_argument("--json")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    stories = load(shared_dir(args.shared), args.min_chars)
    rng.shuffle(stories)
    cases: list[Case] = []
    for story, text in stories:
        if len(cases) >= args.stories:
            break
        case = make_case(story, text, rng, args.factor)
        if case is not None:
            cases.append(case)
    results = [score(c, args.level) for c in cases]
    n = len(results)

    def share(key: str) -> str:
        had = [r for r in results if key in r]
        k = sum(r[key] for r in had)
        return f"{k}/{len(had)} ({k / len(had):.1%})" if had else "n/a"

    rows = [
        ("changed restatement flagged against its original (recall)", share("changed"), f"{n}/{n} (100.0%)"),
        ("changed restatement flagged against anything", share("changed_any"), "—"),
        ("changed figure in our own words flagged against its original (recall)", share("reworded"),
         "(same)"),
        ("unchanged repetition flagged (false alarm)", share("agreeing_any"), "0/%d (0.0%%)" % n),
        ("untouched story has a contradiction (its own noise)", share("control"), "—"),
    ]
    lines = [f"Inserted contradictions: {n} Reuters stories of ≥{args.min_chars} characters, seed {args.seed}, "
             f"figure × {args.factor:g}, level ≥ {args.level}", "",
             "| figure | factcheck | naive numbers-differ |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    missed = [c for c, r in zip(cases, results) if not r["changed"]]
    data = {"results": results, "missed": [c.__dict__ | {"text": None} for c in missed]}
    write_outputs("\n".join(lines), args.out, data, args.json)


if __name__ == "__main__":
    main()
