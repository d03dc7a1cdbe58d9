"""Bytes -> text: UTF-8 and UTF-16 with or without a BOM, legacy single-byte encodings detected and
named in a warning, binary data refused.

Why so careful: a text decoded in the wrong encoding is mojibake whose numbers still parse, so a wrong
guess would produce findings about text nobody wrote. We decode silently only what is certain (UTF-8,
a BOM), and say which encoding we chose whenever we had to guess.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import Problem, WarningKind

#: How much of the file the checks for binary data and BOM-less UTF-16 look at.
_SNIFF = 65536
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: C0 and C1 control characters other than tab and newline, DEL, and the bidi overrides and isolates that
#: can make a figure display as another (a "Trojan source" in prose); replaced by a space, offsets unchanged.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class NotText(Exception):
    """The bytes are not a text factcheck can read; the message says why, in one phrase."""


@dataclass(frozen=True)
class Decoded:
    """A decoded text (newlines normalised, control characters blanked) and what was worth a warning."""

    text: str
    encoding: str
    problems: tuple[Problem, ...] = ()


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when every other byte is mostly NUL (text in a Latin script), else None."""
    if len(head) < 4:
        return None
    n = len(head) // 2
    even = head[0:2 * n:2].count(0)
    odd = head[1:2 * n:2].count(0)
    if odd >= 0.3 * n and even <= 0.05 * n:
        return "utf-16-le"
    if even >= 0.3 * n and odd <= 0.05 * n:
        return "utf-16-be"
    return None


def _mostly_printable(text: str) -> bool:
    """Text a person wrote: at least 95% printable characters or ordinary whitespace, with words (a space
    or a line break at least every 50 characters) -- binary data read as UTF-16 is neither."""
    if not text:
        return False
    good = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
    spaces = sum(1 for ch in text if ch.isspace())
    return good >= 0.95 * len(text) and (spaces >= len(text) / 50 or len(text) < 50)


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def decode_bytes(raw: bytes, where: str) -> Decoded:
    """Decode a document's bytes or raise `NotText`; see the module docstring for what is guessed."""
    problems: list[Problem] = []
    text: str | None = None
    encoding = ""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            text = _strict(raw, enc)
            if text is None:
                raise NotText(f"starts with a {enc.upper()} byte-order mark but is not valid {enc.upper()}")
            encoding = enc
            if enc == "utf-8-sig":
                encoding = "utf-8"
            break
    if text is None:
        head = raw[:_SNIFF]
        if b"\x00" in head:
            enc = _utf16_without_bom(head)
            text = _strict(raw, enc) if enc else None
            if text is not None and not _mostly_printable(text[:_SNIFF]):
                text = None
            if text is None:
                raise NotText("binary file, not text")
            encoding = enc  # type: ignore[assignment]
        else:
            text = _strict(raw, "utf-8")
            encoding = "utf-8"
            if text is None:
                text, encoding, problem = _not_utf8(raw, where)
                problems.append(problem)
    if "\x00" in text:
        raise NotText("binary file, not text (it holds NUL characters)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blanked, problem = blank_controls(text, where)
    if problem is not None:
        problems.append(problem)
    return Decoded(blanked, encoding, tuple(problems))


def blank_controls(text: str, where: str) -> tuple[str, Problem | None]:
    """``text`` with control and bidi-override characters replaced by spaces: they would reach a terminal
    raw, make XML reports invalid, or show a figure as another. Invisible marks (zero-width spaces and
    joiners, directional marks, soft hyphens) are removed, so "1\u200b000" reads as the 1000 it shows. A
    warning counts both."""
    blanked = _CONTROLS.sub(" ", text)
    count = 0 if blanked == text else sum(1 for a, b in zip(text, blanked) if a != b)
    shown = _INVISIBLE.sub("", blanked)
    removed = len(blanked) - len(shown)
    if not count and not removed:
        return text, None
    said = []
    if count:
        said.append(f"{count} control or bidi-override character{'s' if count != 1 else ''} replaced by spaces")
    if removed:
        said.append(f"{removed} invisible character{'s' if removed != 1 else ''} (zero-width, directional "
                    "marks) removed")
    return shown, Problem(WarningKind.CONTENT, "; ".join(said), where)


#: Characters with no width a reader sees; inside a number they split it in two.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff]")


def _not_utf8(raw: bytes, where: str) -> tuple[str, str, Problem]:
    """Bytes that are not UTF-8: damaged UTF-8 (a truncated or corrupted file), or a legacy encoding."""
    bad = 0
    err: UnicodeDecodeError | None = None
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        err = exc
    loose = raw.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd") - raw.decode("utf-8", errors="ignore").count("\ufffd")
    has_multibyte = any(ord(ch) > 0x7F and ch != "\ufffd" for ch in loose)
    line = raw[: err.start].count(b"\n") + 1 if err else 1
    truncated = err is not None and err.reason == "unexpected end of data" and err.end >= len(raw)
    if has_multibyte or truncated:  # real UTF-8 around the damage (or cut short): keep it, mark the damage
        return loose, "utf-8", Problem(WarningKind.ENCODING, f"{bad} byte sequence{'s' if bad != 1 else ''} "
                                       "that are not UTF-8 replaced by U+FFFD (first on line "
                                       f"{line})", where)
    import charset_normalizer

    best = charset_normalizer.from_bytes(raw[:1_000_000]).best()
    if best is None or best.encoding in ("utf_8", "utf_16", "utf_32", "ascii"):
        raise NotText(f"not valid UTF-8 (byte 0x{raw[err.start]:02x} on line {line}) and not a text encoding "
                      "that could be told; convert the file to UTF-8" if err else "not valid UTF-8")
    encoding = best.encoding
    text = raw.decode(encoding, errors="replace")
    language = f", {best.language}" if best.language and best.language != "Unknown" else ""
    return text, encoding, Problem(WarningKind.ENCODING, f"not UTF-8: read as {encoding} (detected{language}); "
                                   "convert the file to UTF-8 to be sure", where)
