"""Directory chains deeper than Python's recursion limit, made and removed without recursion (pytest's
own clean-up of old temporary directories recurses, so a test must remove its deep chain itself)."""
from __future__ import annotations

import os
from pathlib import Path


def make_chain(root: Path, depth: int, name: str = "d") -> Path:
    """``root/d/d/.../d`` (``depth`` levels below ``root``); returns the deepest directory."""
    path = root
    path.mkdir(parents=True, exist_ok=True)
    for _ in range(depth):
        path = path / name
        os.mkdir(path)
    return path


def remove_chain(top: Path) -> None:
    """Remove ``top`` and everything below it, deepest first, iteratively."""
    if not top.exists():
        return
    order = []
    stack = [str(top)]
    while stack:
        d = stack.pop()
        order.append(d)
        with os.scandir(d) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False):
                    stack.append(e.path)
                else:
                    os.unlink(e.path)
    for d in reversed(order):
        os.rmdir(d)
