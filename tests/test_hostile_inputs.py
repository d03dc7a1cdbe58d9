"""Hostile and real-world inputs, each through the real CLI (``python -m factcheck``).

Every case asserts: no traceback; exit 2 with exactly one ``factcheck: error: <what> (<where>)`` line, or
exit 0/1 where every stderr line is one ``factcheck: warning: ...`` (and the expected one is there); a
report written earlier with ``--output`` is intact after an error and valid JSON after a run; and the run
ends within 20 seconds.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from deeptree import make_chain, remove_chain
from pdfmaker import make_pdf

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-22"
GOOD = '{"earlier": "report"}'
LIMIT_S = 20

A = "RUSSIA, March 3 - Trade\n\n3 March 2022\n\nOfficials said mutual trade grew 12 percent in 2021.\n"
B = "RUSSIA, March 4 - Trade\n\n4 March 2022\n\nOfficials said mutual trade grew 16 percent in 2021.\n"


def run(cwd: Path, *args: str, timeout: float = LIMIT_S) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["NO_COLOR"] = "1"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=timeout, check=False)


@dataclass(frozen=True)
class Case:
    """One kind of bad input: how to make it, what to run, and what must come out."""

    make: Callable[[Path], None]
    args: tuple[str, ...] = ("docs",)
    exit: int | None = None          # 2, or None for "0 or 1"
    needle: str = ""                 # in the error or in some warning line
    warns: bool = True               # a run (exit 0/1) must warn
    stdout_has: tuple[str, ...] = ()
    stdout_lacks: tuple[str, ...] = ()
    command: str = "check"
    extra: tuple[str, ...] = field(default=())


def docs(tmp: Path, **files: bytes | str) -> None:
    """``docs/`` with the good pair of press releases plus ``files`` (name -> content)."""
    d = tmp / "docs"
    d.mkdir(exist_ok=True)
    (d / "a.txt").write_text(A, encoding="utf-8")
    for name, content in files.items():
        path = d / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)


def alone(tmp: Path, name: str, content: bytes) -> None:
    """``docs/`` holding nothing but one file."""
    (tmp / "docs").mkdir()
    (tmp / "docs" / name).write_bytes(content)


def fifo(tmp: Path, where: str) -> None:
    path = tmp / where
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)


def rules_dir(tmp: Path, body: str, name: str = "rule.yaml") -> None:
    docs(tmp, **{"b.txt": B})
    (tmp / "myrules").mkdir()
    (tmp / "myrules" / name).write_text(body, encoding="utf-8")


def user_lexicon(tmp: Path, name: str, body: str, **files: str) -> None:
    """``docs/`` with the good pair plus ``files``, and a rules directory ``myrules/`` holding ``lexicon/<name>``."""
    docs(tmp, **{"b.txt": B}, **files)
    (tmp / "myrules" / "lexicon").mkdir(parents=True)
    (tmp / "myrules" / "lexicon" / name).write_text(body, encoding="utf-8")


#: A figure whose window makes ``(1|11)+x`` backtrack exponentially.
ONES = "Gizmo output was " + "1" * 40 + " units in 2021.\n"


def nested_yaml(depth: int) -> str:
    return "title: x\nmetric:\n  name: m\n  terms: " + "[" * depth + "a" + "]" * depth + "\n"


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    return "title: lol\nmetric:\n  name: m\n  terms: [x]\n" + "\n".join(lines) + "\n"


def big_rule_file() -> str:
    terms = "\n".join(f"    - widget term number {i}" for i in range(30000))
    return f"title: Big\nmetric:\n  name: widgets\n  terms:\n{terms}\napplies_to:\n  kinds: [count]\n"


def deep_tree(tmp: Path) -> None:
    docs(tmp)
    (make_chain(tmp / "docs" / "deep", 1500) / "b.txt").write_text(B, encoding="utf-8")


def symlink_loop_dir(tmp: Path) -> None:
    docs(tmp, **{"b.txt": B})
    (tmp / "docs" / "sub").mkdir()
    (tmp / "docs" / "sub" / "up").symlink_to(tmp / "docs")


def symlink_self(tmp: Path, inside: bool) -> None:
    docs(tmp, **{"b.txt": B})
    link = tmp / "docs" / "loop.txt" if inside else tmp / "loop.txt"
    link.symlink_to(link)


def sparse(tmp: Path, size: int) -> None:
    docs(tmp, **{"b.txt": B})
    with open(tmp / "docs" / "huge.txt", "wb") as fh:
        fh.truncate(size)


def deep_html(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + "Trade grew 12 percent in 2021." + "</div>" * depth + "</body></html>"


CASES: dict[str, Case] = {
    # -------------------------------------------------------------- empty, binary, truncated, encodings
    "empty file": Case(lambda t: docs(t, **{"e.txt": b""}), needle="empty document"),
    "only whitespace": Case(lambda t: docs(t, **{"w.txt": b" \n\t\n  \n"}), needle="empty document"),
    "binary file among documents": Case(lambda t: docs(t, **{"blob.txt": b"\x89PNG\r\n\x1a\n\x00\x00\rIHDR\x00"}),
                                        needle="binary"),
    "binary file alone": Case(lambda t: alone(t, "blob.txt", b"\x00\x01\x02\xff" * 100), exit=2, needle="binary"),
    "NUL bytes inside text": Case(lambda t: docs(t, **{"n.txt": B.encode().replace(b"grew", b"gr\x00ew")}),
                                  needle="binary"),
    "truncated UTF-8": Case(lambda t: docs(t, **{"t.txt": (B + "Le café").encode()[:-1]}), needle="U+FFFD"),
    "lone surrogate bytes": Case(lambda t: docs(t, **{"s.txt": B.encode() + "é \ud800 x".encode("utf-8",
                                                                                            "surrogatepass")}),
                                 needle="not UTF-8"),
    "RTL mark inside a number": Case(lambda t: docs(t, **{"b.txt": B.replace("16", "1\u200f6")}), needle="invisible",
                                     stdout_has=("16%",)),
    "zero-width space inside a number": Case(lambda t: docs(t, **{"b.txt": B.replace("16", "1\u200b6")}),
                                             needle="invisible", stdout_has=("16%",)),
    "bidi override": Case(lambda t: docs(t, **{"b.txt": B.replace("16", "\u202e61\u202c")}), needle="bidi"),
    "terminal escapes in text": Case(lambda t: docs(t, **{"b.txt": B.replace("grew", "\x1b[31mgrew\x1b[0m\x1b]0;x\x07")}),
                                     needle="control", stdout_lacks=("\x1b",)),
    "Windows-1251": Case(lambda t: docs(t, **{"ru.txt": ("Товарооборот вырос на 12 процентов в 2021 году. "
                                                         "Это хороший результат для обеих стран.\n").encode("cp1251")}),
                         needle="read as cp1251"),
    "Latin-1": Case(lambda t: docs(t, **{"fr.txt": ("Le commerce a augmenté de 12 pour cent en 2021, à Genève "
                                                    "comme à Zürich; déjà très élevé.\n").encode("latin-1")}),
                    needle="not UTF-8"),
    "UTF-16 without BOM": Case(lambda t: docs(t, **{"b.txt": B.encode("utf-16-le")}), warns=False,
                               stdout_has=("16%",)),
    "UTF-16 with BOM": Case(lambda t: docs(t, **{"b.txt": B.encode("utf-16")}), warns=False, stdout_has=("16%",)),
    "UTF-16 big-endian without BOM": Case(lambda t: docs(t, **{"b.txt": B.encode("utf-16-be")}), warns=False,
                                          stdout_has=("16%",)),
    "UTF-8 BOM and CRLF": Case(lambda t: docs(t, **{"b.txt": b"\xef\xbb\xbf" + B.replace("\n", "\r\n").encode()}),
                               warns=False, stdout_has=("docs/b.txt:5",)),
    "bad UTF-16 BOM": Case(lambda t: docs(t, **{"x.txt": b"\xff\xfe\x00\xd8"}), needle="UTF-16"),
    # -------------------------------------------------------------- size and shape
    "100 MB file": Case(lambda t: sparse(t, 100 * 2**20), needle="byte limit"),
    "file over --max-bytes": Case(lambda t: docs(t, **{"b.txt": B * 50}), args=("docs", "--max-bytes", "2000"),
                                  needle="byte limit"),
    "1 MB line": Case(lambda t: docs(t, **{"l.txt": "Trade grew fast and " * 52_000}), needle="characters long"),
    "60,000 figures on one line": Case(lambda t: docs(t, **{"f.txt": "Trade grew. " + " ".join(
        f"{i} percent," for i in range(60_000))}), needle="characters long"),
    "spaced digit groups before ½, th and an exponent": Case(lambda t: docs(t, **{"g.txt": (
        "The hall seats 1 250½ guests.\nIt was the 1 000th show.\nThe load was 2 500e3 kg.\n")}),
        args=("docs", "--format", "json"), warns=False, stdout_has=('"1 250½"',)),
    "a line of comma groups (once quadratic)": Case(lambda t: docs(t, **{"c.txt": "1" + ",11" * 80_000 + "\n"}),
                                                     needle="characters long"),
    "only digits": Case(lambda t: docs(t, **{"d.txt": "7" * 1_000_000}), needle="too large"),
    "a million percent signs": Case(lambda t: docs(t, **{"p.txt": "%" * 1_000_000}), needle="characters long"),
    "309-digit number": Case(lambda t: docs(t, **{"n.txt": "Exports were $" + "9" * 309 + " in 2021.\n"}),
                             needle="too large"),
    "400-digit number, JSON": Case(lambda t: docs(t, **{"n.txt": "Exports were " + "9" * 400 + " tonnes in 2021.\n"}),
                                   args=("docs", "--format", "json"), needle="too large", stdout_lacks=("Infinity",)),
    "exponent beyond float": Case(lambda t: docs(t, **{"n.txt": "The load was 1e400 tonnes and 10^999 people.\n",
                                                       "b.txt": B}), warns=False, args=("docs", "--format", "json"),
                                  stdout_lacks=("Infinity", "NaN")),
    "time budget exceeded, the run goes on": Case(lambda t: docs(t, **{"b.txt": B, "f.txt": " ".join(
        f"{i} percent," for i in range(40_000))}), args=("docs", "--time-budget", "1"), needle="time budget",
        stdout_has=("Contradictions (1)", "docs/b.txt:5")),
    # -------------------------------------------------------------- lines that made a pattern backtrack
    "a line of 100,000 spaces": Case(lambda t: docs(t, **{"b.txt": B, "l.txt": "Trade grew.\n" + " " * 100_001 + "x\n"}),
                                     needle="characters long", stdout_has=("Contradictions (1)",)),
    "a month and 100,000 spaces": Case(lambda t: docs(t, **{"l.txt": "It was in March" + " " * 100_001 + "x\n"}),
                                       needle="characters long"),
    "a line of citation marks": Case(lambda t: docs(t, **{"l.txt": "It is 1,342" + "[1]" * 34_000 + " km long.\n"}),
                                     needle="characters long"),
    "a headline of a bracket and spaces": Case(lambda t: docs(t, **{"l.txt": "(" + " " * 100_001 + "x\n\n" + B}),
                                               needle="characters long"),
    "a Markdown table rule of spaces": Case(lambda t: docs(t, **{"l.md": "a | b\n" + " " * 100_001 + "x\n"}),
                                            needle="characters long"),
    # -------------------------------------------------------------- HTML, Markdown, PDF
    "deeply nested HTML": Case(lambda t: docs(t, **{"n.html": deep_html(100_000)}), needle="nested more than"),
    "HTML with script and nav": Case(lambda t: docs(t, **{"s.html": "<html><head><script>var trade = 99;</script>"
                                                          "</head><body><nav>Trade grew 55 percent</nav>"
                                                          "<p>x</p></body></html>"}),
                                     warns=False, args=("docs", "--format", "json"), stdout_lacks=("99", "55")),
    "malformed HTML": Case(lambda t: docs(t, **{"m.html": "<p <b>>Trade <i grew</p></div></div>&#27;[2J &#xD800; 12"
                                                "<!-- unclosed"}), needle="control"),
    "HTML of unclosed tags, comments and links": Case(lambda t: docs(t, **{"u.html": "<p>Trade grew 3 percent."
                                                                      + "<http:" * 50_000 + "<a " * 50_000
                                                                      + "<!--" * 20_000}),
                                                      warns=False),
    "Markdown line of unclosed links and code": Case(lambda t: docs(t, **{"u.md": "Trade grew 3 percent " + "](x "
                                                                         * 100_000 + "<http:" * 50_000}),
                                                     needle="characters long"),
    "HTML nested deep with unclosed scripts": Case(lambda t: docs(t, **{"s.html": "<div>" * 3000 + "<script>" * 50_000}),
                                                   needle="nested more than"),
    "malformed PDF": Case(lambda t: docs(t, **{"r.pdf": make_pdf([["Trade grew 5 percent in 2020."]])[:160]}),
                          needle="malformed PDF"),
    "not a PDF at all": Case(lambda t: docs(t, **{"r.pdf": b"hello, not a pdf"}), needle="not a PDF"),
    "image-only PDF": Case(lambda t: docs(t, **{"scan.pdf": make_pdf([[], []])}), needle="without text"),
    "PDF with a blank page": Case(lambda t: docs(t, **{"r.pdf": make_pdf([["RUSSIA, March 4 - Trade", "4 March 2022"],
                                                                          [], [B.splitlines()[-1]]])}),
                                  needle="page 2 without text", stdout_has=("docs/r.pdf:1 (page 3)",)),
    "Markdown with a code block": Case(lambda t: docs(t, **{"b.md": "---\ndate: 2022-03-04\ntitle: Trade\n---\n\n```\n"
                                                        "Officials said mutual trade grew 77 percent in 2021.\n```\n\n"
                                                        + B.splitlines()[-1] + "\n"}),
                                       warns=False, stdout_has=("docs/b.md:10",), stdout_lacks=("77%",)),
    # -------------------------------------------------------------- paths and special files
    "missing path": Case(lambda t: docs(t), args=("docs", "nowhere.txt"), exit=2, needle="no such file"),
    "unsupported file named": Case(lambda t: docs(t, **{"x.docx": b"PK"}), args=("docs/x.docx",), exit=2,
                                   needle="unsupported"),
    "empty directory": Case(lambda t: (t / "docs").mkdir(), exit=2, needle="no documents"),
    "FIFO among documents": Case(lambda t: (docs(t, **{"b.txt": B}), fifo(t, "docs/pipe.txt")), needle="FIFO"),
    "FIFO named as a document": Case(lambda t: (docs(t), fifo(t, "pipe.txt")), args=("pipe.txt",), exit=2,
                                     needle="FIFO"),
    "FIFO as --baseline": Case(lambda t: (docs(t), fifo(t, "base.json")), args=("docs", "--baseline", "base.json"),
                               exit=2, needle="FIFO"),
    "device as --baseline": Case(lambda t: docs(t), args=("docs", "--baseline", "/dev/zero"), exit=2,
                                 needle="character device"),
    "symlink loop inside a directory": Case(lambda t: symlink_self(t, inside=True), needle="symlink loop"),
    "symlink loop named": Case(lambda t: symlink_self(t, inside=False), args=("loop.txt",), exit=2,
                               needle="symlink loop"),
    "directory symlink loop": Case(symlink_loop_dir, needle="symlink loop"),
    "deep directory tree": Case(deep_tree, warns=False, stdout_has=("Contradictions",)),
    "rich markup in a file name": Case(lambda t: docs(t, **{"[bold]b[/bold].txt": B}), warns=False,
                                       stdout_has=("[bold]b[/bold].txt",)),
    "escape sequence in a file name": Case(lambda t: docs(t, **{"\x1b[31mb.txt": B}), warns=False,
                                           stdout_has=("\\x1b[31mb.txt",), stdout_lacks=("\x1b",)),
    "file that fails to read (I/O error)": Case(lambda t: (docs(t, **{"b.txt": B}),
                                                          (t / "docs" / "mem.txt").symlink_to("/proc/self/mem")),
                                                needle="cannot read"),
    "unreadable file": Case(lambda t: (docs(t, **{"b.txt": B, "secret.txt": B}),
                                       os.chmod(t / "docs" / "secret.txt", 0)), needle="permission denied"),
    # -------------------------------------------------------------- rules, suppressions, configuration
    "billion-laughs rules": Case(lambda t: rules_dir(t, billion_laughs()), args=("docs", "--rules", "myrules"),
                                 exit=2, needle="aliases"),
    "deeply nested YAML rules": Case(lambda t: rules_dir(t, nested_yaml(5000)), args=("docs", "--rules", "myrules"),
                                     exit=2, needle="nest"),
    "empty rules file": Case(lambda t: rules_dir(t, ""), args=("docs", "--rules", "myrules"), exit=2,
                             needle="empty"),
    "rules file not UTF-8": Case(lambda t: (rules_dir(t, "x"), (t / "myrules" / "rule.yaml").write_bytes(
        "title: café\n".encode("latin-1"))), args=("docs", "--rules", "myrules"), exit=2, needle="UTF-8"),
    "950 KB rule file": Case(lambda t: rules_dir(t, big_rule_file()), args=("docs", "--rules", "myrules"),
                             warns=False, stdout_has=("Contradictions",)),
    "catastrophic ignore pattern": Case(
        lambda t: (rules_dir(t, "title: T\nmetric:\n  name: gizmo exports\n  terms: [exports]\n"
                                "ignore: ['(a|aa)+$']\n"),
                   (t / "docs" / "c.txt").write_text("Gizmo exports rose 14 percent in 2021 " + "a" * 60 + "!\n\n"
                                                     "Gizmo exports rose 16 percent in 2021.\n", encoding="utf-8")),
        args=("docs", "--rules", "myrules"), needle="ran out of time"),
    "catastrophic ignore pattern in a user lexicon": Case(
        lambda t: user_lexicon(t, "ignore.yaml", "ignore:\n  - id: slow\n    pattern: '(1|11)+x'\n", **{"c.txt": ONES}),
        args=("docs", "--rules", "myrules"), needle="ran out of time", stdout_has=("Contradictions (1)",)),
    "catastrophic near regex in a user lexicon": Case(
        lambda t: user_lexicon(t, "ignore.yaml", "ignore:\n  - id: slow\n    pattern: '1x'\n    near: ['(1|11)+x']\n",
                               **{"c.txt": ONES}),
        args=("docs", "--rules", "myrules"), needle="ran out of time", stdout_has=("Contradictions (1)",)),
    "catastrophic period header in a user lexicon": Case(
        lambda t: user_lexicon(t, "tables.yaml", "periods:\n  slow: ['(a|aa)+$']\n",
                               **{"c.txt": "Results\n\n" + "a" * 60 + "!\n\nShr 25 cts vs 21 cts\n"}),
        args=("docs", "--rules", "myrules"), needle="ran out of time", stdout_has=("Contradictions (1)",)),
    "bad regular expression in a user lexicon": Case(
        lambda t: user_lexicon(t, "ignore.yaml", "ignore:\n  - id: bad\n    pattern: '(unclosed'\n"),
        args=("docs", "--rules", "myrules"), exit=2, needle="ignore.yaml:3"),
    "period header that cannot start a line": Case(
        lambda t: user_lexicon(t, "tables.yaml", "periods:\n  audit: ['\\(unaudited\\)']\n"),
        args=("docs", "--rules", "myrules"), exit=2, needle="must start with a word"),
    "tolerance with a long run of spaces": Case(
        lambda t: rules_dir(t, "title: T\nmetric:\n  name: gizmo exports\n  terms: [exports]\ntolerance:\n"
                               "  absolute: '5 x" + " " * 100_000 + "y'\n"),
        args=("docs", "--rules", "myrules"), exit=2, needle="tolerance.absolute"),
    "backtracking suppression comment": Case(lambda t: docs(t, **{"b.md": "<!-- factcheck: ignore " + "a" * 40 + "! -->\n"
                                                              + B}), exit=2, needle="suppression"),
    "ten thousand unclosed comments": Case(lambda t: docs(t, **{"b.md": B + "<!-- factcheck:\n" * 10_000}),
                                           warns=False, stdout_has=("Contradictions",)),
    "baseline nested too deeply": Case(lambda t: (docs(t), (t / "base.json").write_text("[" * 100_000)),
                                       args=("docs", "--baseline", "base.json"), exit=2, needle="baseline"),
    "configuration nested too deeply": Case(lambda t: (docs(t), (t / ".factcheck.yaml").write_text(
        "rules: " + "[" * 5000 + "]" * 5000 + "\n")), exit=2, needle="nest"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    if name == "unreadable file" and os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    try:
        _check_case(name, case, tmp_path)
    finally:
        remove_chain(tmp_path / "docs" / "deep")  # pytest's clean-up recurses


def _check_case(name: str, case: Case, tmp_path: Path) -> None:
    case.make(tmp_path)
    out = tmp_path / "earlier.json"
    out.write_text(GOOD, encoding="utf-8")
    proc = run(tmp_path, case.command, *case.args, "--today", TODAY, "--output", f"json={out}")
    where = f"{name}: exit {proc.returncode}\n{proc.stderr[-2000:]}"
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, where
    assert "internal error" not in proc.stderr, where
    lines = proc.stderr.splitlines()
    if case.exit == 2:
        assert proc.returncode == 2, where
        errors = [ln for ln in lines if ln.startswith("factcheck: error: ")]
        assert len(errors) == 1 and errors[0] == lines[-1], where
        assert all(ln.startswith(("factcheck: error: ", "factcheck: warning: ")) for ln in lines), where
        assert case.needle in errors[0], where
        assert out.read_text(encoding="utf-8") == GOOD, "an earlier report was touched"
        return
    assert proc.returncode in (0, 1), where
    assert all(ln.startswith("factcheck: warning: ") for ln in lines), where
    if case.warns:
        assert any(case.needle in ln for ln in lines), where
        assert "warning" in proc.stdout.splitlines()[-1] or case.args[-1] == "json", proc.stdout[-300:]
    else:
        assert not lines, where
    for needle in case.stdout_has:
        assert needle in proc.stdout, (name, proc.stdout[-3000:])
    for needle in case.stdout_lacks:
        assert needle not in proc.stdout, name
    report = json.loads(out.read_text(encoding="utf-8"))  # the new report, whole and valid JSON
    assert report["schema_version"] and "Infinity" not in out.read_text(encoding="utf-8")
    assert len(report.get("warnings", [])) == len(lines), where


def test_there_are_at_least_forty_kinds() -> None:
    assert len(CASES) >= 40


def _hostile_dir(tmp: Path) -> None:
    """A directory of good and bad documents together."""
    docs(tmp, **{"b.html": "<html><body>\n<p>RUSSIA, March 4 - Trade</p>\n<p>4 March 2022</p>\n<p>Officials said "
                           "mutual trade\ngrew 16 percent in 2021.</p>\n</body></html>\n",
                 "blob.txt": b"\x00\xff" * 64, "huge.txt": "It cost $" + "9" * 400 + ".\n",
                 "scan.pdf": make_pdf([[]]), "ru.txt": "Товарооборот вырос на 12 процентов в 2021 году, и это "
                                                       "хороший результат.\n".encode("cp1251")})


@pytest.mark.parametrize("command", [
    ("extract", "docs", "--format", "jsonl"),
    ("extract", "docs", "--format", "json"),
    ("explain", "docs/b.html:5", "docs", "--today", TODAY),
    ("explain", "docs/b.html:5", "docs", "--format", "json", "--today", TODAY),
    ("baseline", "create", "docs", "--file", "base.json", "--today", TODAY),
    ("check", "docs", "--format", "sarif", "--today", TODAY),
])
def test_every_command_reads_a_hostile_directory_with_warnings(tmp_path: Path, command: tuple[str, ...]) -> None:
    _hostile_dir(tmp_path)
    proc = run(tmp_path, *command)
    assert proc.returncode in (0, 1), proc.stderr
    lines = proc.stderr.splitlines()
    assert "Traceback" not in proc.stderr and lines and all(ln.startswith("factcheck: warning: ") for ln in lines)
    assert any("binary" in ln for ln in lines) and any("cp1251" in ln for ln in lines)
    assert any("too large" in ln for ln in lines) and any("without text" in ln for ln in lines)
    if "json" in command or "jsonl" in command or "sarif" in command:
        for chunk in (proc.stdout.splitlines() if "jsonl" in command else [proc.stdout]):
            json.loads(chunk)
    if command[0] == "extract":
        assert '"line": 5' in proc.stdout  # the HTML figure at its source line
    if command[0] == "explain" and "json" not in command:
        assert "16 percent" in proc.stdout
