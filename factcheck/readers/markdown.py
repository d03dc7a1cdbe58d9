"""Markdown -> prose at the same offsets: code, HTML tags, link targets and markup are blanked with spaces.

Why blank rather than render: every character keeps its offset and line, so a finding's ``file:line``
and column are the Markdown source's, and suppression comments stay where they were written.
markdown-it-py (CommonMark) says which lines are code blocks; inline code and link targets are found by
patterns on the remaining lines.
"""
from __future__ import annotations

import re

#: Inline code, link and image targets, autolinks, raw HTML tags and comments. Every part that scans ahead
#: is bounded: an unbounded one rescanned a long line from each "](" or "<http:", quadratic (a 300 KB line
#: of them took 40 s).
_INLINE = re.compile(r"`{1,20}[^`\n]{0,2000}`{1,20}|\]\([^)\n]{0,2000}\)|<(?:https?|mailto|ftp):[^>\s]{0,2000}>"
                     r"|</?[A-Za-z][^<>\n]{0,2000}>|<!--.{0,2000}?-->")
_LINE_MARKUP = re.compile(r"^(?:[ \t]{0,3}(?:#{1,6}(?=[ \t]|$)|>[ \t>]*))")
_BLANK = re.compile(r"[^\n]")


def _spaces(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def markdown_prose(text: str, skip_until: int = 0) -> str:
    """``text`` with everything that is not prose replaced by spaces (newlines kept); ``skip_until`` is the
    end of front matter, left as it is (the caller handles it)."""
    from markdown_it import MarkdownIt

    lines = text.split("\n")
    first_body_line = text.count("\n", 0, skip_until)
    code = [False] * len(lines)
    md = MarkdownIt("commonmark")
    body = "\n".join(lines[first_body_line:])
    for tok in md.parse(body):
        if tok.type in ("fence", "code_block", "html_block") and tok.map:
            a, b = tok.map
            for i in range(a + first_body_line, min(b + first_body_line, len(lines))):
                code[i] = True
    out = lines[:first_body_line]
    for i in range(first_body_line, len(lines)):
        line = lines[i]
        if code[i]:
            out.append(" " * len(line))
            continue
        line = _INLINE.sub(_spaces, line)
        line = _LINE_MARKUP.sub(_spaces, line)
        out.append(line)
    return "\n".join(out)
