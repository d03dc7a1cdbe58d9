"""kill -9 a run that writes reports: no partial file may stand in place of a good one.

Reports are written to a temporary sibling and renamed into place (`report.output.write_atomic`), so at
any instant the target is either the earlier report or the whole new one.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_kill_9_during_a_large_write_leaves_the_earlier_report(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text('{"earlier": true}', encoding="utf-8")
    script = ("import sys; from factcheck.report.output import write_atomic; "
              "print('go', flush=True); write_atomic(sys.argv[1], '[' + '1,' * 150_000_000 + '1]')")
    proc = subprocess.Popen([sys.executable, "-c", script, str(target)], env=_env(), stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"go"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # kill it once the temporary file is being written
        temps = [p for p in tmp_path.iterdir() if p.name.startswith(".report.json.")]
        if temps and temps[0].stat().st_size > 0:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=20)
    assert target.read_text(encoding="utf-8") == '{"earlier": true}'


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_kill_9_at_any_moment_of_a_check_leaves_whole_reports(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    outputs = {"json": tmp_path / "r.json", "sarif": tmp_path / "r.sarif", "html": tmp_path / "r.html"}
    for path in outputs.values():
        path.write_text("EARLIER", encoding="utf-8")
    args = [sys.executable, "-m", "factcheck", "check", "seeds", "--today", "2026-11-22", "--format", "json"]
    for fmt, path in outputs.items():
        args += ["--output", f"{fmt}={path}"]
    started = time.monotonic()
    full = subprocess.run(args, cwd=tmp_path, env=_env(), capture_output=True, timeout=120, check=False)
    took = time.monotonic() - started
    assert full.returncode in (0, 1), full.stderr
    finished = {fmt: path.read_text(encoding="utf-8") for fmt, path in outputs.items()}
    for path in outputs.values():
        path.write_text("EARLIER", encoding="utf-8")
    for k in range(8):  # kill at spread moments, up to the very end of the run
        proc = subprocess.Popen(args, cwd=tmp_path, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(took * (0.5 + 0.08 * k))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=20)
        for fmt, path in outputs.items():
            text = path.read_text(encoding="utf-8")
            assert text in ("EARLIER", finished[fmt]), (fmt, k, text[:200])
            if fmt in ("json", "sarif") and text != "EARLIER":
                json.loads(text)
