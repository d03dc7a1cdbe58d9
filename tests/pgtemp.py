"""A throwaway PostgreSQL server for the claim-index tests, or the reason there is none (the tests skip).

Where a server comes from, first that works: ``$FACTCHECK_TEST_POSTGRES`` (the URL of a server to use; each
test gets a database of its own on it), the machine's PostgreSQL binaries (``initdb`` and ``pg_ctl`` on PATH
or under /usr/lib/postgresql, as Debian installs them), or the ``pgserver`` package (its own binaries).
The server listens only on a socket in a temporary folder, without fsync, and is stopped at the end.
Needs psycopg (`pip install ".[postgres]"`, also in the test extra).
"""
from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit, urlunsplit

_names = itertools.count()


@dataclass
class Server:
    """A running server: ``url`` reaches its maintenance database; ``stop`` ends it (None: not ours)."""

    url: str
    stop: Callable[[], None] | None = None
    made: list[str] = field(default_factory=list)

    def new_database(self) -> str:
        """The URL of a new, empty database on the server."""
        import psycopg

        name = f"factcheck_t{os.getpid()}_{next(_names)}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        parts = urlsplit(self.url)
        return urlunsplit(parts._replace(path="/" + name))

    def close(self) -> None:
        if self.stop is not None:
            self.stop()
            return
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:  # a server we were given: leave no databases
            for name in self.made:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start() -> Server | str:
    """A running server, or why none could start."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install '.[postgres]')"
    del psycopg  # only asked whether it imports
    given = os.environ.get("FACTCHECK_TEST_POSTGRES")
    if given:
        return Server(given)
    why = []
    for way in (_system, _pgserver):
        got = way()
        if isinstance(got, Server):
            return got
        why.append(got)
    return "no PostgreSQL server could start: " + "; ".join(why)


def _bin_dir() -> Path | None:
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).resolve().parent
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3])
                   if p.parts[-3].isdigit() else 0)
    return found[-1].parent if found else None


def _system() -> Server | str:
    """A server from the machine's binaries, run as the ``postgres`` user when we are root (initdb refuses root)."""
    bins = _bin_dir()
    if bins is None:
        return "no initdb/pg_ctl on this machine"
    as_user: list[str] = []
    owner = None
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        import pwd

        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server"
        runuser = shutil.which("runuser") or next((p for p in ("/usr/sbin/runuser", "/sbin/runuser")
                                                   if os.access(p, os.X_OK)), None)
        if runuser is None:
            return "running as root without runuser"
        as_user = [runuser, "-u", "postgres", "--"]
    home = Path(tempfile.mkdtemp(prefix="factcheck-pg-"))
    if owner is not None:
        os.chown(home, owner.pw_uid, owner.pw_gid)
    data, log = home / "data", home / "log"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*as_user, *args], capture_output=True, text=True, timeout=120, check=False)

    made = run(str(bins / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync",
               "--locale=C")
    if made.returncode != 0:
        shutil.rmtree(home, ignore_errors=True)
        return f"initdb failed: {made.stderr.strip()[-200:]}"
    opts = f"-k {home} -c listen_addresses='' -p 5432 -F"
    started = run(str(bins / "pg_ctl"), "start", "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o", opts)
    if started.returncode != 0:
        shutil.rmtree(home, ignore_errors=True)
        return f"pg_ctl start failed: {started.stderr.strip()[-200:]}"

    def stop() -> None:
        run(str(bins / "pg_ctl"), "stop", "-D", str(data), "-m", "immediate", "-w")
        shutil.rmtree(home, ignore_errors=True)

    return Server(f"postgresql://postgres@/postgres?host={home}&port=5432", stop)


def _pgserver() -> Server | str:
    try:
        import pgserver  # type: ignore[import-not-found]
    except ImportError:
        return "the pgserver package is not installed"
    home = Path(tempfile.mkdtemp(prefix="factcheck-pgserver-"))
    try:
        server = pgserver.get_server(home, cleanup_mode="delete")
    except Exception as exc:  # noqa: BLE001 - any failure to start is a reason to skip
        shutil.rmtree(home, ignore_errors=True)
        return f"pgserver failed: {type(exc).__name__}: {exc}"
    return Server(server.get_uri(), server.cleanup)
