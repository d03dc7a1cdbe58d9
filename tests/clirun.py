"""Running the real entry point, as a user would: `python -m factcheck` in a folder, with no FACTCHECK_*
settings of the caller's and no colour."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["NO_COLOR"] = "1"
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=300, check=False)
