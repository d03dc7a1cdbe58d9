"""HTML -> its visible prose, without script, style or navigation, and the source line of every line of
that prose (so a finding in a saved page points at the line an editor opens).

selectolax (lexbor, in C) parses; it gives no source positions, so each text node is found again in the
source by a short probe of its own text, moving forward only. Lexbor slows down quadratically on very
deep nesting, so a page nested deeper than `MAX_DEPTH` is read by a flat tag stripper instead.
"""
from __future__ import annotations

import html as html_lib
import re
from typing import Any

import regex

from ..saferegex import compile_pattern
from .lines import LineBuilder, Prose

#: Elements whose content is never prose a reader sees.
HIDDEN = ("script", "style", "noscript", "template", "head", "nav", "svg", "math", "iframe", "object",
          "[role=navigation]", "[hidden]", "[aria-hidden=true]")
#: Elements that end a paragraph: the sentence splitter needs a blank line between them.
BLOCKS = ("p, h1, h2, h3, h4, h5, h6, li, td, th, div, br, tr, title, blockquote, pre, section, article, "
          "header, footer, aside, main, figure, figcaption, table, ul, ol, dl, dt, dd, hr, form, address")
#: Nesting deeper than this is read by the flat stripper (lexbor's tree building is quadratic in depth).
MAX_DEPTH = 2000
_BREAK = "\ue000\ue001"  # private-use sentinel for an inserted paragraph break
_TABLE = "\ue002"  # private-use sentinel before a table rendered as a pipe table
#: A tag, stopping at the next "<": "[^>]*" rescanned the rest of a page from every "<" that no ">" closes.
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^<>]*?(/?)>")
#: Void elements, and elements a parser closes when the next one opens (<p><p> is two paragraphs): neither nests.
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr p li dt dd tr td th "
                  "option".split())
_PROBE_STOP = re.compile(r"[&<>\"'\u00a0\s]")


def nesting_depth(source: str, limit: int = MAX_DEPTH) -> int:
    """The deepest element nesting, counted on tags alone (linear), stopping once over ``limit``."""
    depth = top = 0
    for m in _TAG.finditer(source):
        if m.group(1):
            depth = max(0, depth - 1)
        elif not m.group(3) and m.group(2).lower() not in _VOID:
            depth += 1
            if depth > top:
                top = depth
                if top > limit:
                    break
    return top


def html_prose(source: str) -> Prose:
    """The visible text of a page, a paragraph per block, with each prose line's source line."""
    if nesting_depth(source) > MAX_DEPTH:
        return _flat(source)
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(source)
    for node in tree.css(", ".join(HIDDEN)):
        node.decompose()
    root = tree.body or tree.root
    out = LineBuilder()
    if root is None:
        return out.build()
    for table in root.css("table"):
        table.replace_with(_TABLE + pipe_table(table))
    for node in root.css(BLOCKS):
        node.insert_after(_BREAK)
    cursor, cursor_line = 0, 1
    for node in root.traverse(include_text=True):
        if node.tag != "-text":
            continue
        text = node.text_content or ""
        if text == _BREAK:
            out.paragraph()
            continue
        if text.startswith(_TABLE):  # a table rendered as a pipe table: its rows follow the <table> tag's line
            at = source.lower().find("<table", cursor)
            line = cursor_line
            if at >= 0:
                line = cursor_line + source.count("\n", cursor, at)
                end = source.lower().find("</table", at)
                end = len(source) if end < 0 else end
                cursor, cursor_line = end, line + source.count("\n", at, end)
            out.paragraph()
            body = text[len(_TABLE):].strip("\n")
            out.add(body, line)
            out.paragraph()
            continue
        stripped = text.lstrip()
        if not stripped:
            out.add(text, None)
            continue
        probe = stripped[: _PROBE_STOP.search(stripped).start()] if _PROBE_STOP.search(stripped) else stripped
        probe = probe[:32]
        line = cursor_line
        pos = _find_outside_tags(source, probe, cursor) if probe else -1
        if pos >= 0:
            line = cursor_line + source.count("\n", cursor, pos)
            cursor, cursor_line = pos + len(probe), line
            line -= text[: len(text) - len(stripped)].count("\n")  # the node's leading newlines come first
        out.add(text, max(1, line))
    return out.build()


def pipe_table(table: Any) -> str:
    """An HTML table as a Markdown pipe table, so its header cells and row labels frame its figures
    (`factcheck.frame.tables`) as they would in a Markdown page."""
    rows = [[" ".join(cell.text(separator=" ").split()).replace("|", "/") for cell in tr.css("th, td")]
            for tr in table.css("tr")]
    rows = [r for r in rows if any(r)]
    if not rows:
        return "\n\n"
    width = max(len(r) for r in rows)
    lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
    return "\n\n" + "\n".join([lines[0], "|" + "---|" * width, *lines[1:]]) + "\n\n"


def _find_outside_tags(source: str, probe: str, start: int) -> int:
    """The first occurrence of ``probe`` at or after ``start`` that is not inside a tag, or -1."""
    pos = source.find(probe, start)
    tries = 0
    while pos >= 0 and tries < 50:
        if source.rfind("<", start, pos) <= source.rfind(">", start, pos):
            return pos
        pos = source.find(probe, pos + 1)
        tries += 1
    return -1


_HIDDEN_BLOCK = re.compile(r"<(script|style|noscript|template|head|nav)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
#: Seconds the flat reader may spend dropping hidden blocks (many unclosed ``<script`` make it quadratic).
_HIDDEN_TIMEOUT = 2.0
_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(t.strip() for t in BLOCKS.split(",")) + r")\b[^>]*>", re.I)


def _flat(source: str) -> Prose:
    """Pathological nesting: drop hidden blocks and tags with regular expressions, keep the lines."""
    try:
        source = compile_pattern(_HIDDEN_BLOCK.pattern, regex.S | regex.I).sub(
            lambda m: "\n" * m.group(0).count("\n"), source, timeout=_HIDDEN_TIMEOUT)
    except TimeoutError:
        pass  # hidden blocks stay in: more text than wanted, never a hang
    out = LineBuilder()
    line = 1
    for m in re.finditer(r"<[^<>]*>?|[^<]+", source):
        chunk = m.group(0)
        if chunk.startswith("<"):
            if _BLOCK_TAG.match(chunk):
                out.paragraph()
        else:
            out.add(html_lib.unescape(chunk), line)
        line += chunk.count("\n")
    return out.build()
