"""Fixtures shared by the claim-index tests: each runs against an SQLite file and a PostgreSQL database.

The PostgreSQL server is a throwaway one (`pgtemp`), started once per test session; each test gets empty
databases of its own on it. Where none can start (no psycopg, no server binaries), those cases skip.
"""
from __future__ import annotations

import itertools
from pathlib import Path
from typing import Callable, Iterator

import pytest
import pgtemp


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[pgtemp.Server]:
    got = pgtemp.start()
    if isinstance(got, str):
        pytest.skip(got)
    try:
        yield got
    finally:
        got.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def new_index(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """A maker of new, empty index targets of one kind: SQLite file paths, or PostgreSQL database URLs."""
    if request.param == "sqlite":
        numbers = itertools.count()
        return lambda: str(tmp_path / f"c{next(numbers)}.db")
    server: pgtemp.Server = request.getfixturevalue("postgres_server")
    return server.new_database
