"""What every benchmark script shares: where the public test material lives, and the --shared/--out options."""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any


def shared_dir(arg: str | None) -> Path:
    """The shared benchmark folder: --shared, then $FACTCHECK_SHARED, then the first ``shared/bench`` in a
    folder above the repository (../shared/bench next to it, or further up for a worktree in a subfolder)."""
    if arg:
        return Path(arg).resolve()
    if os.environ.get("FACTCHECK_SHARED"):
        return Path(os.environ["FACTCHECK_SHARED"]).resolve()
    repo = Path(__file__).resolve().parents[1]
    for up in repo.parents:
        if (up / "shared/bench").is_dir():
            return up / "shared/bench"
    return repo.parent / "shared/bench"


def parser(doc: str | None) -> argparse.ArgumentParser:
    """An argument parser with the options every benchmark takes."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", help="shared bench folder (default: $FACTCHECK_SHARED or ../shared/bench)")
    return ap


def write_outputs(text: str, out: str | None, data: Any = None, json_path: str | None = None) -> None:
    """Print the table and also write it (--out) and the raw numbers (--json), creating folders."""
    print(text)
    for path, body in ((out, text), (json_path, None if data is None else json.dumps(data, indent=1, default=str,
                                                                                  ensure_ascii=False))):
        if path and body is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            Path(path).write_text(body, encoding="utf-8")
