"""Where the claim index lives: an SQLite file, or a PostgreSQL database (``postgresql://...``).

Why one small layer: the index's logic (`store`, `query`, `schema`) is written once, in the SQL both
databases speak, with ``?`` placeholders; what differs is said here and nowhere else:

================  ===============================  ==============================================
                  SQLite                           PostgreSQL (psycopg 3, an optional extra)
================  ===============================  ==============================================
placeholders      ``?``                            ``%s`` (rewritten once per statement text)
new row's id      ``cursor.lastrowid``             ``... RETURNING id``
rows changed      ``total_changes``                ``cursor.rowcount`` of the ``executemany``
schema types      as written                       ``INTEGER PRIMARY KEY`` an identity, ``BLOB``
                                                   ``BYTEA``, ``REAL`` ``DOUBLE PRECISION``
several DDL       one statement at a time          one ``execute`` (DDL is transactional)
one writer        ``BEGIN IMMEDIATE``, WAL         a transaction holding an advisory lock
one snapshot      ``BEGIN`` (deferred, WAL)        ``REPEATABLE READ READ ONLY``
================  ===============================  ==============================================

Writers take turns either way (framing happens outside any transaction, so only the writes wait), and
readers never wait for a writer. Nothing here imports psycopg until a PostgreSQL URL is opened.
"""
from __future__ import annotations

import re
import sqlite3
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager, contextmanager
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from ..errors import FactcheckError

_URL = re.compile(r"^postgres(?:ql)?://", re.IGNORECASE)


def is_url(target: str | Path) -> bool:
    """Does ``target`` name a PostgreSQL database rather than an SQLite file?"""
    return isinstance(target, str) and bool(_URL.match(target))


def shown(target: str | Path) -> str:
    """``target`` as messages show it: a URL without its password (``user:PASSWORD@`` or ``password=``)."""
    if not is_url(target):
        return str(target)
    text = re.sub(r"^(\w+://[^:/@?]*):[^@/?]*@", r"\1:***@", str(target))
    return re.sub(r"([?&]password=)[^&]*", r"\1***", text, flags=re.IGNORECASE)


class Kind(StrEnum):
    """Which database an index is in."""

    SQLITE = "sqlite"
    POSTGRESQL = "postgresql"


class Database(ABC):
    """An open index database; ``where`` names it in messages (never with a password)."""

    kind: Kind
    where: str

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement (``?`` placeholders); a cursor to iterate or ``fetchone``/``fetchall``."""

    @abstractmethod
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> int:
        """Run one statement per row; how many rows it changed in all."""

    @abstractmethod
    def insert(self, sql: str, params: Sequence[Any]) -> int:
        """Run one ``INSERT`` into a table with an ``id`` key; the new row's id."""

    @abstractmethod
    def script(self, sql: str) -> None:
        """Run several schema statements inside the current transaction."""

    @abstractmethod
    def tables(self) -> set[str]:
        """The tables of the index's database (or schema)."""

    @abstractmethod
    def write(self) -> AbstractContextManager[None]:
        """A context: one transaction, whose writes all stand or none; one writer at a time."""

    @abstractmethod
    def reading(self) -> AbstractContextManager[None]:
        """A context: every read inside sees one snapshot, whatever a writer commits meanwhile."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection (an open snapshot or transaction ends with it)."""


class SQLite(Database):
    kind = Kind.SQLITE

    def __init__(self, path: Path) -> None:
        self.where = str(path)
        self.raw = sqlite3.connect(str(path), isolation_level=None, timeout=30.0)
        self.raw.execute("PRAGMA journal_mode=WAL")
        self.raw.execute("PRAGMA synchronous=NORMAL")  # with WAL: a killed process loses no committed batch
        self.raw.execute("PRAGMA foreign_keys=ON")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.raw.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> int:
        before = self.raw.total_changes
        self.raw.executemany(sql, rows)
        return self.raw.total_changes - before

    def insert(self, sql: str, params: Sequence[Any]) -> int:
        return int(self.raw.execute(sql, params).lastrowid or 0)

    def script(self, sql: str) -> None:
        statement = ""  # not executescript: it would commit the transaction it runs in
        for line in sql.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                self.raw.execute(statement)
                statement = ""

    def tables(self) -> set[str]:
        return {n for (n,) in self.raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    @contextmanager
    def write(self) -> Iterator[None]:
        self.raw.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.raw.execute("ROLLBACK")
            raise
        self.raw.execute("COMMIT")

    @contextmanager
    def reading(self) -> Iterator[None]:
        self.raw.execute("BEGIN")
        try:
            yield
        finally:
            self.raw.execute("COMMIT")

    def close(self) -> None:
        self.raw.close()


#: the advisory lock every PostgreSQL writer of an index takes (locks are per database)
_WRITER_LOCK = int.from_bytes(b"factchk", "big")

#: SQLite's schema types as PostgreSQL says them (the schema in `schema.py` is written once, for SQLite)
_PG_TYPES = ((re.compile(r"\bINTEGER PRIMARY KEY\b"), "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
             (re.compile(r"\bINTEGER\b"), "BIGINT"), (re.compile(r"\bBLOB\b"), "BYTEA"),
             (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"), (re.compile(r"\)\s*WITHOUT ROWID"), ")"))


@lru_cache(maxsize=256)
def pg_sql(sql: str) -> str:
    """A statement with ``?`` placeholders as psycopg takes it (``%s``; a literal ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


def pg_ddl(sql: str) -> str:
    for pattern, replacement in _PG_TYPES:
        sql = pattern.sub(replacement, sql)
    return sql


class PostgreSQL(Database):
    kind = Kind.POSTGRESQL

    def __init__(self, url: str) -> None:
        self.where = shown(url)
        try:
            import psycopg
        except ImportError:
            raise FactcheckError(f"{self.where}: a PostgreSQL index needs psycopg: pip install "
                                 "'factcheck[postgres]'") from None
        self._lost = psycopg.OperationalError
        try:
            self.raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise FactcheckError(f"{self.where}: cannot open the PostgreSQL database ({_first_line(exc)})") from None

    def _failed(self, exc: Exception) -> FactcheckError:
        return FactcheckError(f"{self.where}: the PostgreSQL server failed ({_first_line(exc)})")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.raw.execute(pg_sql(sql), params)
        except self._lost as exc:
            raise self._failed(exc) from None

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> int:
        rows = list(rows)
        if not rows:
            return 0
        try:
            with self.raw.cursor() as cur:
                cur.executemany(pg_sql(sql), rows)
                return max(cur.rowcount, 0)
        except self._lost as exc:
            raise self._failed(exc) from None

    def insert(self, sql: str, params: Sequence[Any]) -> int:
        return int(self.execute(sql + " RETURNING id", params).fetchone()[0])

    def script(self, sql: str) -> None:
        try:
            self.raw.execute(pg_ddl(sql))  # no parameters: several statements in one go
        except self._lost as exc:
            raise self._failed(exc) from None

    def tables(self) -> set[str]:
        return {n for (n,) in self.execute("SELECT table_name FROM information_schema.tables "
                                           "WHERE table_schema = current_schema()")}

    @contextmanager
    def write(self) -> Iterator[None]:
        try:
            with self.raw.transaction():
                self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITER_LOCK,))
                yield
        except self._lost as exc:
            raise self._failed(exc) from None

    @contextmanager
    def reading(self) -> Iterator[None]:
        self.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        finally:
            if not self.raw.closed:
                self.raw.execute("ROLLBACK")

    def close(self) -> None:
        self.raw.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def open_database(target: str | Path) -> Database:
    """The database ``target`` names (a URL: PostgreSQL; else an SQLite file), opened."""
    return PostgreSQL(str(target)) if is_url(target) else SQLite(Path(target))
