"""Prose built line by line, remembering for each line of the prose where it stands in the source.

Why per line: findings cite ``file:line``, and a converted format (HTML, PDF) has other lines than its
source; a map from each prose line to its source line (and page) is all the reports need.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Prose:
    """Text to check, with ``line_map[i]`` the source line of prose line ``i + 1`` (empty: the same) and
    ``page_map[i]`` its page (empty: no pages)."""

    text: str
    line_map: tuple[int, ...] = ()
    page_map: tuple[int, ...] = ()
    title: str | None = None


class LineBuilder:
    """Appends text chunks whose first character sits on a known source line; keeps at most one blank
    line in a row, and strips each line."""

    def __init__(self) -> None:
        self.lines: list[str] = [""]
        self.src: list[int | None] = [None]
        self.pages: list[int] = [0]
        self.page = 0

    def add(self, chunk: str, line: int | None) -> None:
        """Append ``chunk``; its newlines start new lines, on consecutive source lines."""
        parts = chunk.split("\n")
        if line is not None and self.src[-1] is None:
            self.src[-1] = line
        self.lines[-1] += parts[0]
        for k, part in enumerate(parts[1:], 1):
            self._newline(None if line is None else line + k)
            self.lines[-1] = part

    def _newline(self, line: int | None) -> None:
        if not self.lines[-1].strip() and len(self.lines) > 1 and not self.lines[-2].strip():
            self.lines[-1] = ""  # a third blank line in a row: reuse the blank one
            if line is not None:
                self.src[-1] = line
            return
        self.lines.append("")
        self.src.append(line)
        self.pages.append(self.page)

    def paragraph(self) -> None:
        """End the paragraph: a blank line unless there is one already."""
        if self.lines[-1].strip():
            self._newline(None)
        if len(self.lines) > 1 and self.lines[-2].strip():
            self._newline(None)

    def new_page(self, page: int) -> None:
        self.paragraph()
        self.page = page
        self.pages[-1] = page

    def build(self) -> Prose:
        lines = [ln.strip() for ln in self.lines]
        src = list(self.src)
        pages = list(self.pages)
        while lines and not lines[0]:
            del lines[0], src[0], pages[0]
        while lines and not lines[-1]:
            lines.pop(), src.pop(), pages.pop()
        known = 1
        for i in range(len(src) - 1, -1, -1):  # a line of unknown source takes the next known line
            if src[i] is None:
                src[i] = known
            else:
                known = src[i]  # type: ignore[assignment]
        text = "\n".join(lines) + "\n" if lines else ""
        return Prose(text, tuple(src),  # type: ignore[arg-type]
                     tuple(pages) if any(pages) else ())
