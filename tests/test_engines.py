"""Engines (issue 13): `-j N` gives the output of `-j 1` byte for byte, through the real entry point, for
`check` (every report format) and `extract` (every format); small sets stay in this process; warnings and
the time budget work inside workers; the Dask engine's findings are the local engine's; the progress bar
shows on a terminal only."""
from __future__ import annotations

import datetime as dt
import importlib.util
import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from docsets import write_docset
from factcheck import cli
from factcheck.engine import local
from factcheck.engine.local import LocalEngine
from factcheck.pipeline import check_documents, dated_document
from factcheck.report import FORMATS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TODAY = "2026-11-22"
#: Enough bulletins (about 135 KB) that framing goes to the workers at the shipped thresholds.
SET_SIZE = 300
HAS_DASK = importlib.util.find_spec("distributed") is not None


def run(cwd: Path, *args: str, env: dict[str, str] | None = None, **kw: object) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_") and k != "CI"}
    base["NO_COLOR"] = "1"
    base["PYTHONPATH"] = str(ROOT) + os.pathsep + base.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, env={**base, **(env or {})},
                          capture_output=True, text=True, encoding="utf-8", timeout=600, check=False, **kw)


@pytest.fixture(scope="module")
def docset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docset(tmp_path_factory.mktemp("engines") / "bulletins", SET_SIZE)


def _check_every_format(cwd: Path, target: str, *opts: str) -> dict[str, str]:
    """One `check` run writing every report format: {format: text}, plus its stdout, stderr and exit code."""
    outs = [f"--output={fmt}={cwd / ('out-' + '-'.join(opts) + '.' + fmt)}" for fmt in FORMATS]
    proc = run(cwd, "check", target, "--today", TODAY, *outs, *opts)
    assert proc.returncode in (0, 1), proc.stderr
    texts = {fmt: (cwd / f"out-{'-'.join(opts)}.{fmt}").read_text(encoding="utf-8") for fmt in FORMATS}
    return {**texts, "stdout": proc.stdout, "stderr": proc.stderr, "exit": str(proc.returncode)}


def test_generated_set_goes_to_workers() -> None:
    """The set the byte-for-byte tests use is large enough to leave this process at -j 2 (else they prove
    nothing), and the seeds are small enough to stay."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = write_docset(Path(tmp), SET_SIZE)
        docs = [dated_document(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.iterdir())]
    seeds = [dated_document(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.iterdir())]
    assert LocalEngine(2).parallel(docs, local.FRAME_MIN_BYTES)
    assert not LocalEngine(1).parallel(docs, local.FRAME_MIN_BYTES)
    assert not LocalEngine(2).parallel(seeds, local.FRAME_MIN_BYTES)


def test_check_is_byte_identical_across_jobs(docset: Path) -> None:
    cwd = docset.parent
    one = _check_every_format(cwd, docset.name, "-j", "1")
    two = _check_every_format(cwd, docset.name, "-j", "2")
    assert '"verdict": "contradiction"' in one["json"]
    assert "300 digits is too large" in one["stderr"]  # a warning given in a worker ...
    assert "300 digits is too large" in two["json"]  # ... reaches the report
    for key in one:
        assert one[key] == two[key], key


def test_seeds_are_byte_identical_through_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """The seeds, every format, with the thresholds lowered so that even they are framed in workers (in
    this process, through the CLI's `main`, so that the thresholds can be lowered)."""
    sent: list[int] = []
    ordered = LocalEngine._ordered

    def counting(self: LocalEngine, *args: object, **kw: object):  # type: ignore[no-untyped-def]
        for part, results in ordered(self, *args, **kw):  # type: ignore[arg-type]
            sent.append(len(part))
            yield part, results

    monkeypatch.setattr(local, "FRAME_MIN_BYTES", 0)
    monkeypatch.setattr(local, "MIN_DOCS", 1)
    monkeypatch.setattr(local, "FRAME_CHUNK", (1, 1))
    monkeypatch.setattr(LocalEngine, "_ordered", counting)
    monkeypatch.delenv("CI", raising=False)
    texts = {}
    for jobs in ("1", "2"):
        for fmt in FORMATS:
            code = cli.main(["check", str(SEEDS), "--today", TODAY, "--format", fmt, "-j", jobs])
            assert code in (0, 1)
            texts[jobs, fmt] = capsys.readouterr().out
    assert sent and sum(sent) == len(list(SEEDS.iterdir())) * len(FORMATS)
    for fmt in FORMATS:
        assert texts["1", fmt] == texts["2", fmt], fmt


def test_extract_is_byte_identical_across_jobs(tmp_path: Path) -> None:
    folder = write_docset(tmp_path / "many", 3000, seed=3)  # over a MB: extraction goes to the workers too
    docs = [dated_document(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.iterdir())]
    assert LocalEngine(2).parallel(docs, local.EXTRACT_MIN_BYTES)
    for fmt in ("jsonl", "json"):  # the table is rendered from the same records (see the seeds test below)
        one = run(tmp_path, "extract", "many", "--format", fmt, "-j", "1")
        two = run(tmp_path, "extract", "many", "--format", fmt, "-j", "2")
        assert one.returncode == 0 and one.stdout.strip(), one.stderr
        assert (one.stdout, one.stderr) == (two.stdout, two.stderr), fmt
    assert "300 digits is too large" in two.stderr


def test_seeds_extract_is_byte_identical_through_workers(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(local, "EXTRACT_MIN_BYTES", 0)
    monkeypatch.setattr(local, "MIN_DOCS", 1)
    monkeypatch.setattr(local, "EXTRACT_CHUNK", (1, 1))
    monkeypatch.setenv("COLUMNS", "200")
    texts = {}
    for jobs in ("1", "2"):
        for fmt in ("jsonl", "json", "table"):
            assert cli.main(["extract", str(SEEDS), "--format", fmt, "-j", jobs]) == 0
            texts[jobs, fmt] = capsys.readouterr().out
    for fmt in ("jsonl", "json", "table"):
        assert texts["1", fmt] and texts["1", fmt] == texts["2", fmt], fmt


def test_time_budget_holds_in_a_worker(docset: Path, tmp_path: Path) -> None:
    """A document over its time budget is left out with a warning when a worker frames it, as here."""
    folder = tmp_path / "slow"
    folder.mkdir()
    for p in sorted(docset.iterdir())[:20]:  # with the slow one, enough to go to the workers
        (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "zz_slow.txt").write_text(" ".join(f"{i} percent," for i in range(40_000)), encoding="utf-8")
    docs = [dated_document(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.iterdir())]
    assert LocalEngine(2).parallel(docs, local.FRAME_MIN_BYTES)
    procs = [run(tmp_path, "check", "slow", "--today", TODAY, "--format", "json", "--time-budget", "1", "-j", j)
             for j in ("1", "2")]
    for proc in procs:
        assert proc.returncode == 0, proc.stderr
        assert "zz_slow.txt" in proc.stderr and "time budget" in proc.stderr
    assert procs[0].stdout == procs[1].stdout


CRANE_RULE = """title: Harbour cranes
level: error
metric:
  name: cranes
  terms: [cranes, crane]
applies_to:
  kinds: [count]
match_on: [subject]
tolerance:
  relative: "0%"
message: "{metric}: {a} vs {b}"
"""


def test_spawned_workers_get_the_users_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where workers are spawned rather than forked (macOS, Windows), the rule set, a user's rule directory
    included, is sent to each worker once; the report is the one-process report."""
    import multiprocessing

    from factcheck.rules import load_rules

    (tmp_path / "my-rules" / "shipping").mkdir(parents=True)
    (tmp_path / "my-rules" / "shipping" / "cranes.yaml").write_text(CRANE_RULE, encoding="utf-8")
    rules = load_rules(extra_dirs=(tmp_path / "my-rules",))
    folder = write_docset(tmp_path / "few", 40, seed=5, huge_number=False)
    docs = [dated_document(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.iterdir())]
    monkeypatch.setattr(local, "FRAME_MIN_BYTES", 0)
    monkeypatch.setattr(local, "_context", lambda: multiprocessing.get_context("spawn"))
    today = dt.date(2026, 11, 22)
    with LocalEngine(2) as engine:
        spawned = check_documents(docs, rules=rules, today=today, engine=engine)
        assert engine._pool is not None  # the work did go to (spawned) workers
    assert spawned == check_documents(docs, rules=rules, today=today)
    assert any(f.rule == "shipping.cranes" and f.verdict == "contradiction" for f in spawned.findings)


def test_small_set_stays_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = LocalEngine(4)

    def no_pool(*a: object, **k: object) -> None:
        raise AssertionError("a pool was started for two documents")

    monkeypatch.setattr(engine, "_executor", no_pool)
    docs = [dated_document("a.txt", "Trade grew 12 percent in 2021."), dated_document("b.txt", "Trade grew 16 percent in 2021.")]
    report = check_documents(docs, today=dt.date(2026, 11, 22), engine=engine)
    assert report == check_documents(docs, today=dt.date(2026, 11, 22))


def test_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    proc = run(tmp_path, "check", str(SEEDS), "--scheduler", "tcp://127.0.0.1:8786")
    assert proc.returncode == 2 and proc.stderr.strip() == "factcheck: error: --scheduler needs --engine dask"


# ------------------------------------------------------------------------------------------- dask
@pytest.mark.skipif(not HAS_DASK, reason="dask.distributed is not installed (pip install 'factcheck[dask]')")
def test_dask_engine_finds_what_the_local_engine_finds(docset: Path) -> None:
    """On a LocalCluster of two worker processes: framing per partition of documents, the cross-check per
    partition of blocks; the report is the local one, byte for byte."""
    cwd = docset.parent
    local_run = run(cwd, "check", docset.name, "--today", TODAY, "--format", "json", "-j", "1")
    dask_run = run(cwd, "check", docset.name, "--today", TODAY, "--format", "json", "--engine", "dask", "-j", "2")
    assert local_run.returncode == 0 and dask_run.returncode == 0, dask_run.stderr
    assert '"verdict": "contradiction"' in local_run.stdout
    assert dask_run.stdout == local_run.stdout


@pytest.mark.skipif(not HAS_DASK, reason="dask.distributed is not installed (pip install 'factcheck[dask]')")
def test_dask_scheduler_address_is_checked(tmp_path: Path) -> None:
    proc = run(tmp_path, "check", str(SEEDS), "--engine", "dask", "--scheduler", "no-port-here")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("factcheck: error: cannot reach a Dask scheduler") and len(proc.stderr.splitlines()) == 1


def test_core_does_not_import_dask() -> None:
    code = ("import sys, factcheck.cli, factcheck.pipeline, factcheck.engine.local; "
            "from factcheck.cli import main; main(['check', %r, '--today', '2026-11-22', '-j', '2']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))" % str(SEEDS))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.strip().splitlines()[-1] == "[]", proc.stderr


# ------------------------------------------------------------------------------------------- progress
def _on_a_terminal(cwd: Path, *args: str, env: dict[str, str]) -> tuple[int, str]:
    """Run factcheck with stderr on a pseudo-terminal; its exit code and everything written to the terminal."""
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        proc = subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, stdout=subprocess.DEVNULL,
                              stderr=slave, env=env, timeout=600, check=False)
    finally:
        os.close(slave)
    reader.join(timeout=10)
    os.close(master)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")


def _terminal_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_") and k != "CI"}
    env.update(PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""), TERM="xterm-256color",
               COLUMNS="120", **extra)
    return env


@pytest.fixture(scope="module")
def bigger_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A set that takes well over the half second after which the bar appears."""
    return write_docset(tmp_path_factory.mktemp("progress") / "bulletins", 500, seed=11)


def test_progress_bar_on_a_terminal(bigger_set: Path) -> None:
    code, shown = _on_a_terminal(bigger_set.parent, "check", bigger_set.name, "--today", TODAY, "-j", "1",
                                 env=_terminal_env())
    assert code == 0
    assert "framing" in shown and "docs/s" in shown and "ETA" in shown, shown[-500:]


def test_no_progress_in_ci_or_when_piped(bigger_set: Path, docset: Path) -> None:
    code, shown = _on_a_terminal(bigger_set.parent, "check", bigger_set.name, "--today", TODAY, "-j", "1",
                                 env=_terminal_env(CI="true"))
    assert code == 0 and "docs/s" not in shown and "framing" not in shown
    piped = run(docset.parent, "check", docset.name, "--today", TODAY, "-j", "1")
    assert piped.returncode == 0
    assert "docs/s" not in piped.stderr and "framing" not in piped.stderr and "\x1b" not in piped.stderr


def test_cross_check_needs_no_extractor_in_its_process(tmp_path: Path) -> None:
    """Claims framed in one process and judged in another, which never extracted anything (a Dask worker,
    the parent of -j workers, claims read back from an index), give the same findings: units the lexicon
    defines ("bpd", "bcm") are known to the unit registry without the extractor."""
    docs = {"a.txt": "OPEC output\n\n3 March 2022\n\nOPEC pumped 28.5 mln bpd of crude in February, the agency said.\n",
            "b.txt": "OPEC output\n\n4 March 2022\n\nOPEC pumped 31.2 mln bpd of crude in February, the agency said.\n"}
    script = tmp_path / "apart.py"
    script.write_text(f"""
import datetime as dt, pickle, sys
from factcheck.fx import EcbRates

def frame():
    from factcheck.pipeline import _default_rules, dated_document, frame_documents
    docs = [dated_document(n, t) for n, t in sorted({docs!r}.items())]
    return _default_rules(), frame_documents(docs, _default_rules(), all_undated=False)

def judge(rules, framed):  # the rules come with the claims, as a Dask worker gets them: none loaded here
    from factcheck.pipeline import check_framed
    r = check_framed(framed, rules, EcbRates(), dt.date(2026, 11, 22), all_undated=False)
    print(sorted((f.verdict, f.id) for f in r.findings))

if sys.argv[1] == "frame":
    sys.stdout.buffer.write(pickle.dumps(frame()))
elif sys.argv[1] == "judge":
    judge(*pickle.loads(sys.stdin.buffer.read()))
else:
    judge(*pickle.loads(pickle.dumps(frame())))
""", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def python(mode: str, given: bytes | None = None) -> bytes:
        return subprocess.run([sys.executable, str(script), mode], input=given, capture_output=True, env=env,
                              timeout=120, check=True).stdout

    together = python("both").decode()
    apart = python("judge", python("frame")).decode()
    assert "contradiction" in together
    assert apart == together


def test_workers_leave_when_the_parent_is_killed(docset: Path) -> None:
    """`kill -9` of a run leaves no worker waiting for work that will never come."""
    import signal
    import time

    if not Path(f"/proc/self/task/{os.getpid()}/children").exists():
        pytest.skip("needs Linux /proc/PID/task/TID/children")

    def alive(pid: int) -> bool:  # an exited worker nobody reaped yet (a zombie) is gone
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False

    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "check", docset.name, "-j", "2", "--today", TODAY],
                            cwd=docset.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while not workers and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
            kids = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
            workers = [int(x) for x in kids.read_text().split()] if kids.exists() else []
        assert workers, "no worker process was started"
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 10
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if alive(w)]
    finally:
        for w in workers:
            if alive(w):
                os.kill(w, signal.SIGKILL)
