"""The claim index: an archive of framed documents in SQLite or PostgreSQL, and batches checked against it.

    from factcheck.index import ClaimIndex, update_index, check_against
    with ClaimIndex.open("claims.db") as index:          # or "postgresql://user@host/db" (the postgres extra)
        update_index(index, documents, rules)            # `factcheck index PATH... --db claims.db`
        report = check_against(index, new_documents)    # `factcheck check NEW... --against claims.db`

Modules: `backend` (the database: SQLite or PostgreSQL, and what differs between them),
`schema` (tables, versions, migrations), `codec` (claims to rows and back), `store` (writes),
`query` (reads for one batch), `links` (versions across batch and archive), `update` (the index run),
`against` (the check against the archive), `fingerprint` (what stored claims depend on).
"""
from __future__ import annotations

from .against import check_against, check_framed_against
from .schema import SCHEMA_VERSION
from .store import ClaimIndex
from .update import IndexRun, update_index

__all__ = ["SCHEMA_VERSION", "ClaimIndex", "IndexRun", "check_against", "check_framed_against", "update_index"]
