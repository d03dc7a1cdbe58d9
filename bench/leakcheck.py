"""Find sentences of the scored benchmark material that leaked into rules/ or tests/.

Rule of the project: no sentence of a scored set may appear in ``rules/`` or ``tests/``; tests capture
phenomena with made-up sentences. This script loads every text of the shared material (extraction suite
texts, both sides of each contradiction pair, the ECB+ corpus and the Reuters corpus) and reports each
string literal, YAML value or comment in ``rules/`` and ``tests/`` that holds a copy of one of them.
Case, punctuation and whitespace are ignored; the literals of one file are read as one word stream, so
a sentence wrapped over two literals or two YAML lines is still found. A copy is:

- a long shared run: 8 or more consecutive words in common, with any scored text;
- a whole sentence or clause (split at . ! ? ; : , dashes and brackets) of 6-7 words inside a literal;
- a shorter run that holds two figures and two words ("memorial bridge on march 13 1985"; from the
  Reuters wire, whose formulas repeat, five words need a figure of four significant digits);
- from the small sets (extraction suites, contradiction pairs): a whole clause of 4-5 words with a figure
  or a capitalised name ("Sensex and Nifty up"), a run of 6-7 words with a figure lifted out of a longer
  sentence, or a run of 4-5 words around a figure of three significant digits (two with three words
  besides), years left out ("$58.24 per barrel", "minus-130 degrees Fahrenheit");
- a short extraction-suite text (2-5 words) that is a whole literal (two plain words, "a dozen", are a
  dictionary phrase and need a figure or a sign), or that appears inside one from 3 words on.

Not reported by design: two- or three-word fragments ("12.3m tonnes") and idioms ("tens of thousands of
dollars") that any sentence of the kind may hold.

Output: ``file:line: set/id: snippet`` per hit, then a count. Always exits 0. Stdlib only.

    python bench/leakcheck.py [--shared DIR] [--repo DIR] [--verbose]
"""
from __future__ import annotations

import argparse
import ast
import gzip
import io
import json
import os
import re
import sys
import tokenize
from collections import defaultdict
from pathlib import Path

LONG = 8            # shared run of this many words = leak
CLAUSE_MIN = 6      # a whole clause/sentence of at least this many words = leak
SHORT_MIN = 2       # shortest extraction text matched as a whole literal
NAMED_MIN = 4       # a clause of the small sets (suites, pairs) with a figure or a name inside, from this many words
FRAGMENT_MIN = 4    # a run of the small sets around a significant figure, from this many words
NUMERIC_RUN = 5     # a shared run of this many words holding two figures and two words (or three figures and a word)

_TRANS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                        "\u2014": "-", "\u00a0": " ", "\u2212": "-"})
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CLAUSE_SPLIT = re.compile(r"(?<=[.!?;:,])\s+|\n+|\s+[-\u2013\u2014]+\s+|[()\[\]\"]")
_DIGIT = re.compile(r"\d")


def words(text: str) -> tuple[str, ...]:
    """Lower-cased word tokens: punctuation, case and whitespace do not count."""
    return tuple(_WORD.findall(text.translate(_TRANS).lower()))


def strict(text: str) -> str:
    """Looser than verbatim, stricter than words(): case, spacing and hyphen-or-space do not count, symbols do."""
    t = text.translate(_TRANS).lower()
    t = re.sub(r"\s*-\s*", " ", t)
    return " ".join(t.split()).strip(" .?!,;:")


def _inside(key: str, text: str) -> bool:
    return re.search(r"(?<![^\W_])" + re.escape(key) + r"(?![^\W_])", strict(text)) is not None


def _significant_figure(toks: tuple[str, ...]) -> int:
    """Significant digits of the most precise figure (digit groups run together: "58 24"), years left out."""
    groups: list[str] = []
    prev = False
    for t in toks:
        if t.isdigit():
            if prev:
                groups[-1] += t
            else:
                groups.append(t)
        prev = t.isdigit()
    return max((len(g.strip("0")) for g in groups if not (len(g) == 4 and g[:2] in ("19", "20"))), default=0)


def distinctive(clause: str) -> bool:
    """A figure, or a capitalised word after the first: enough to make a short clause someone's own text."""
    if _DIGIT.search(clause):
        return True
    return any(w[:1].isupper() for w in clause.split()[1:])


def clauses(text: str) -> list[str]:
    """Sentences and clauses: split at sentence punctuation, commas, semicolons, dashes, brackets and newlines."""
    return [c for c in _CLAUSE_SPLIT.split(text.translate(_TRANS)) if c and c.strip()]


# ---------------------------------------------------------------- the candidates (rules/ and tests/)

class Unit:
    """One string literal, YAML value or comment, with where it is."""
    __slots__ = ("path", "line", "text", "toks")

    def __init__(self, path: str, line: int, text: str):
        self.path, self.line, self.text = path, line, text
        self.toks = words(text)


def _python_units(path: str, src: str) -> list[Unit]:
    out: list[Unit] = []
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    except (tokenize.TokenError, SyntaxError):
        return [Unit(path, i, ln) for i, ln in enumerate(src.splitlines(), 1)]
    for tok in toks:
        if tok.type == tokenize.COMMENT:
            out.append(Unit(path, tok.start[0], tok.string.lstrip("#")))
        elif tok.type == tokenize.STRING:
            try:
                val = ast.literal_eval(tok.string)
                val = val.decode("utf-8", "replace") if isinstance(val, bytes) else str(val)
            except Exception:  # f-strings and the like: the raw text will do
                val = tok.string
            # one unit per physical line, so that a hit names its line
            for k, ln in enumerate(val.split("\n")):
                out.append(Unit(path, tok.start[0] + k, ln))
        elif getattr(tokenize, "FSTRING_MIDDLE", None) == tok.type:
            out.append(Unit(path, tok.start[0], tok.string))
    return out


_YAML_KEY = re.compile(r"""^\s*(?:-\s+)*(?:(?:"[^"]*"|'[^']*'|[^\s:#"'][^:#]*?)\s*:(?:\s+|$))?""")


def _yaml_units(path: str, src: str) -> list[Unit]:
    out: list[Unit] = []
    for i, line in enumerate(src.splitlines(), 1):
        body, comment = line, ""
        m = re.search(r"(^|\s)#", line)
        if m and line[:m.start()].count('"') % 2 == 0 and line[:m.start()].count("'") % 2 == 0:
            body, comment = line[:m.start()], line[m.end():]
        body = _YAML_KEY.sub("", body, count=1).strip()
        if len(body) >= 2 and body[0] == body[-1] and body[0] in "\"'":
            body = body[1:-1]
        body = body.replace("\\\"", '"').replace("''", "'")
        if body.strip():
            out.append(Unit(path, i, body))
        if comment.strip():
            out.append(Unit(path, i, comment))
    return out


def load_units(repo: Path) -> list[Unit]:
    units: list[Unit] = []
    for top in ("rules", "tests"):
        for p in sorted((repo / top).rglob("*")):
            if not p.is_file() or "__pycache__" in p.parts:
                continue
            try:
                src = p.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            rel = str(p.relative_to(repo))
            if p.suffix == ".py":
                units += _python_units(rel, src)
            elif p.suffix in (".yaml", ".yml"):
                units += _yaml_units(rel, src)
            else:
                units += [Unit(rel, i, ln) for i, ln in enumerate(src.splitlines(), 1)]
    return units


# ---------------------------------------------------------------- the scored material

def scored_texts(shared: Path):
    """Yield (set, id, text, is_extraction) for every text of the scored material."""
    for p in sorted((shared / "extraction").glob("*.jsonl")):
        for ln in p.open(encoding="utf-8"):
            if ln.strip():
                d = json.loads(ln)
                yield p.stem, str(d.get("id")), d.get("text") or "", True
    for p in sorted((shared / "contradiction").glob("*.jsonl")):
        for n, ln in enumerate(p.open(encoding="utf-8")):
            if not ln.strip():
                continue
            d = json.loads(ln)
            if "cluster" in d or "a" in d:      # spans into the corpora: read below with the corpora
                continue
            for side in ("doc_a", "doc_b"):
                if isinstance(d.get(side), str):
                    yield p.stem, f"{d.get('id', n)}:{side}", d[side], False
    ecb = shared / "corpus" / "ecbplus"
    for p in sorted(ecb.glob("*/*.txt")):
        yield "ecbplus", f"{p.parent.name}/{p.name}", p.read_text(encoding="utf-8", errors="replace"), False
    reu = shared / "corpus" / "reuters21578.jsonl.gz"
    if reu.exists():
        with gzip.open(reu, "rt", encoding="utf-8") as fh:
            for ln in fh:
                d = json.loads(ln)
                yield "reuters", str(d.get("id")), d.get("text") or "", False


# ---------------------------------------------------------------- matching

def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repo", default=str(here), help="repository root (default: this checkout)")
    ap.add_argument("--shared", default=os.environ.get("FACTCHECK_SHARED") or str(here.parent / "shared/bench"))
    ap.add_argument("--verbose", action="store_true", help="also print the matched scored text")
    args = ap.parse_args(argv)
    repo, shared = Path(args.repo), Path(args.shared)
    if not shared.is_dir():
        shared = Path("/work/shared/bench")

    units = load_units(repo)
    # Each file's units in order form one word stream, so that a sentence wrapped over two literals
    # or two YAML lines is still found. Index every n-gram (n = 2..LONG) of the streams.
    grams: dict[int, dict[tuple, list[tuple[int, int]]]] = {n: defaultdict(list) for n in range(SHORT_MIN, LONG + 1)}
    stream_pos: list[tuple[int, int]] = []      # word position -> (unit index, word index in unit)
    stream: list[str] = []
    by_file: dict[str, list[int]] = defaultdict(list)
    for ui, u in enumerate(units):
        by_file[u.path].append(ui)
    file_bounds = []
    for path, uis in by_file.items():
        start = len(stream)
        for ui in uis:
            for wi, w in enumerate(units[ui].toks):
                stream.append(w)
                stream_pos.append((ui, wi))
        file_bounds.append((start, len(stream)))
    for start, end in file_bounds:
        for n in range(SHORT_MIN, LONG + 1):
            g = grams[n]
            for i in range(start, end - n + 1):
                g[tuple(stream[i:i + n])].append(i)
    whole_units: dict[tuple, list[int]] = defaultdict(list)
    for ui, u in enumerate(units):
        if u.toks:
            whole_units[u.toks].append(ui)

    hits: dict[tuple[int, str, str], str] = {}   # (unit, set, id) -> matched scored text

    def hit_span(pos: int, n: int, sset: str, sid: str, what: str) -> None:
        seen = set()
        for k in range(pos, pos + n):
            ui = stream_pos[k][0]
            if ui not in seen:
                seen.add(ui)
                hits.setdefault((ui, sset, sid), what)

    n_texts = 0
    long_g = grams[LONG]
    for sset, sid, text, is_extraction in scored_texts(shared):
        n_texts += 1
        toks = words(text)
        # (a) long shared runs
        for i in range(len(toks) - LONG + 1):
            key = toks[i:i + LONG]
            if key in long_g:
                for pos in long_g[key]:
                    hit_span(pos, LONG, sset, sid, " ".join(key))
        # (b) whole clauses / sentences of CLAUSE_MIN..LONG-1 words
        pieces = {words(c) for c in clauses(text)} | {words(s) for s in re.split(r"(?<=[.!?])\s+|\n+", text)}
        for piece in pieces:
            if CLAUSE_MIN <= len(piece) < LONG:
                for pos in grams[len(piece)].get(piece, ()):
                    hit_span(pos, len(piece), sset, sid, " ".join(piece))
        # (b2) short distinctive clauses of the small sets: "Sensex and Nifty up"
        if sset not in ("reuters", "ecbplus"):
            for c in clauses(text):
                piece = words(c)
                if NAMED_MIN <= len(piece) < CLAUSE_MIN and distinctive(c.strip()):
                    for pos in grams[len(piece)].get(piece, ()):
                        hit_span(pos, len(piece), sset, sid, " ".join(piece))
        # (b1) shorter runs that carry two figures or more: "memorial bridge on march 13 1985"
        isnum = [bool(_DIGIT.search(t)) for t in toks]
        # (the wire stories repeat their formulas, "rose 14.5 pct to": five words there need a figure of
        # four significant digits, "fixed at yen 2,817")
        for n in range(NUMERIC_RUN, LONG):
            g = grams[n]
            for i in range(len(toks) - n + 1):
                k = sum(isnum[i:i + n])
                if (k >= 2 and n - k >= 2) or (k >= 3 and n - k >= 1
                                               and max((len(t) for t in toks[i:i + n] if t.isdigit()), default=0) >= 3):
                    key = toks[i:i + n]
                    if key in g and (sset != "reuters" or n > NUMERIC_RUN or _significant_figure(key) >= 4):
                        for pos in g[key]:
                            hit_span(pos, n, sset, sid, " ".join(key))
        # (b3) runs of the small sets lifted out of a longer sentence: six words with a figure
        # ("27000 Model S and Model X vehicles"), or four words around a figure of two significant digits
        # or more that is not a year ("$58.24 per barrel", "minus-130 degrees Fahrenheit")
        if sset not in ("reuters", "ecbplus"):
            for n in range(FRAGMENT_MIN, LONG):
                g = grams[n]
                for i in range(len(toks) - n + 1):
                    k = sum(isnum[i:i + n])
                    if not k or n - k < 2:
                        continue
                    key = toks[i:i + n]
                    if key in g and (n >= CLAUSE_MIN or _significant_figure(key) >= (3 if n - k < 3 else 2)):
                        for pos in g[key]:
                            hit_span(pos, n, sset, sid, " ".join(key))
        # (c) short extraction texts: a whole literal, or (from 3 words) inside one; symbols must agree
        if is_extraction and SHORT_MIN <= len(toks) < CLAUSE_MIN:
            key = strict(text)
            for ui in whole_units.get(toks, ()):
                # two plain words ("a dozen", "two thirds") are a dictionary phrase, not someone's sentence
                if strict(units[ui].text) == key and (len(toks) > 2 or re.search(r"[^\w\s-]|\d", key)):
                    hits.setdefault((ui, sset, sid), text)
            if len(toks) >= 3:
                for pos in grams[len(toks)].get(toks, ()):
                    ui = stream_pos[pos][0]
                    if _inside(key, units[ui].text):
                        hit_span(pos, len(toks), sset, sid, text)

    # one line per (file, line): the first matching source, and how many others
    per_line: dict[tuple[str, int], list[tuple[str, str, str, str]]] = defaultdict(list)
    for (ui, sset, sid), what in hits.items():
        u = units[ui]
        per_line[(u.path, u.line)].append((sset, sid, what, u.text))
    for (path, line), found in sorted(per_line.items()):
        found.sort()
        sset, sid, what, snippet = found[0]
        more = f" (+{len(found) - 1} more)" if len(found) > 1 else ""
        snip = " ".join(snippet.split())
        print(f"{path}:{line}: {sset}/{sid}{more}: {snip[:160]}")
        if args.verbose:
            print(f"    scored: {what[:200]}")
    print(f"leakcheck: {len(per_line)} line(s) in rules/ and tests/ copy scored material "
          f"({len(units)} literals/comments checked against {n_texts} scored texts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
