"""Documents for the claim-index tests: made-up stories (a toll told by several outlets, a release and its
correction, a head count in dispute, a survey that lists several counts, markets moving both ways) and every
document of the golden cases."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from factcheck.model import Document

_STORM = (
    "Storm Pellam killed {n} people in Ostrava Bay, the coast guard said.",
    "At least {n} people died when storm Pellam struck Ostrava Bay, officials reported.",
    "The death toll from storm Pellam in Ostrava Bay stood at {n}, rescuers said.",
    "Storm Pellam left {n} dead along the Ostrava Bay shore, the regional governor said.",
    "Pellam, the storm that hit Ostrava Bay, killed {n} people according to the coast guard.",
    "Officials said {n} people were killed by storm Pellam in Ostrava Bay.",
    "Storm Pellam killed {n} people in Ostrava Bay, a hospital spokesman told reporters.",
)
RELEASE = ("Corvane Mining posts first quarter results\n\nCorvane Mining Ltd said net profit for the first quarter was "
           "27.3 mln dlrs, compared with 21.8 mln dlrs in the same quarter of last year.\n\nRevenue rose to 96.4 "
           "mln dlrs from 88.1 mln dlrs.\n\nThe company employs 2,300 people at its Tarsk mines.\n")
CORRECTED = "Corrected - " + RELEASE.replace("27.3 mln", "29.3 mln")


def stories() -> list[Document]:
    """The made-up stories, dated."""
    docs: dict[str, tuple[str, dt.date]] = {}
    for i, n in enumerate((31, 31, 31, 31, 31, 31, 58)):
        docs[f"storm/outlet-{'abcdefg'[i]}.txt"] = (
            f"Pellam report by outlet {'ABCDEFG'[i]}\n\n{_STORM[i].format(n=n)}\n\nCrews searched the shore for "
            "days.\n\nThe cleanup will take weeks.\n", dt.date(2031, 5, 9))
    docs["wire/corvane.txt"] = (RELEASE, dt.date(2031, 4, 21))
    docs["wire/corvane-corrected.txt"] = (CORRECTED, dt.date(2031, 4, 22))
    docs["wire/belmar1.txt"] = ("Belmar Freight expands\n\nBelmar Freight employs 4,100 people across its depots, "
                                "chief executive Ana Roskilde said.\n\nThe firm opened two depots in Vell.\n\nIts "
                                "shares rose on the news.\n", dt.date(2031, 3, 2))
    docs["wire/belmar2.txt"] = ("Belmar Freight hires\n\nBelmar Freight employs 5,600 people, chief executive Ana "
                                "Roskilde told reporters in Vell.\n\nThe company plans more depots.\n\nAnalysts were "
                                "cautious.\n", dt.date(2031, 3, 4))
    docs["vell/survey.txt"] = ("Vell bridge survey\n\nThe Vell survey found 14 bridges in need of repair in the north "
                               "district.\n\nIn the south district the survey found 22 bridges in need of repair.\n\n"
                               "The east district had 9 bridges in need of repair, the survey said.\n",
                               dt.date(2031, 2, 2))
    docs["vell/council.txt"] = ("Vell council on bridges\n\nThe Vell council said 30 bridges need repair, citing the "
                                "survey.\n\nRepairs will start in spring.\n\nThe council meets again in March.\n",
                                dt.date(2031, 2, 3))
    docs["mkt/a.txt"] = ("Tandor & Corvex down, Lira up 0.6%.\n", dt.date(2031, 6, 1))
    docs["mkt/b.txt"] = ("Tandor up, Lira up 0.4%.\n", dt.date(2031, 6, 1))
    return [Document(n, t, d, "cli") for n, (t, d) in docs.items()]


def golden() -> list[Document]:
    """Every document of tests/data/check/golden.yaml, named by its case, with the case's dates."""
    cases = yaml.safe_load((Path(__file__).parent / "data" / "check" / "golden.yaml").read_text())["cases"]
    out = []
    for k, case in enumerate(cases):
        dates = case.get("dates") or {}
        for name, text in case["documents"].items():
            d = dates.get(name)
            d = d if isinstance(d, dt.date) or d is None else dt.date.fromisoformat(d)
            out.append(Document(f"golden/{k:02d}/{name}", text, d, "cli" if d else "none"))
    return out


def index_rows(target: str | Path, sql: str, params: tuple = ()) -> list[tuple]:
    """The rows of one query (``?`` placeholders) on the index at ``target`` (a file or a PostgreSQL URL)."""
    from factcheck.index.backend import open_database

    db = open_database(target)
    try:
        return [tuple(r) for r in db.execute(sql, params)]
    finally:
        db.close()


def index_problems(target: str | Path) -> list[str]:
    """What is inconsistent in a claim index (empty: nothing): SQLite's own check, claim counts, the name
    counts kept beside the documents, blocking keys and rows left of removed documents."""
    import json
    from collections import Counter

    from factcheck.index.backend import open_database
    from factcheck.index.codec import claim_of
    from factcheck.index.store import gkey_of

    db = open_database(target)
    try:
        out = []
        if db.kind == "sqlite":  # PostgreSQL checks every foreign key as it writes
            out += [r[0] for r in db.execute("PRAGMA integrity_check") if r[0] != "ok"]
            out += [f"foreign key: {r}" for r in db.execute("PRAGMA foreign_key_check")]
        tables = db.tables()
        if not tables:
            return out  # killed before its first transaction: an empty database, which the next run sets up
        if "documents" not in tables or "schema_version" not in tables:
            return out + [f"a schema half made: {sorted(tables)}"]
        for name, n, m in db.execute("SELECT d.name, d.claims, COUNT(c.id) FROM documents d "
                                     "LEFT JOIN claims c ON c.doc_id = d.id GROUP BY d.id, d.name, d.claims"):
            if n != m:
                out.append(f"{name}: {n} claims recorded, {m} stored")
        df = Counter(w for (names,) in db.execute("SELECT names FROM documents") for w in json.loads(names))
        stored = {n: k for n, k in db.execute("SELECT name, df FROM name_df")}
        if stored != dict(df):
            out.append(f"name_df differs from the documents' names ({len(stored)} vs {len(df)} names)")
        for gkey, body in db.execute("SELECT gkey, body FROM claims"):
            if gkey != gkey_of(claim_of(body)):
                out.append(f"claim under the wrong key {gkey!r}")
                break
        for table in ("claims", "direction_words", "version_keys", "doc_values"):
            if table not in tables:
                continue  # killed between two migrations (each one transaction): the next run applies the rest
            n = db.execute(f"SELECT COUNT(*) FROM {table} "
                           "WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
            if n:
                out.append(f"{n} rows of {table} without their document")
        return out
    finally:
        db.close()
