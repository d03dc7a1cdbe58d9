"""The `factcheck` command: a thin shell over the pipeline, the reporters and the rule tools.

Every user error (bad path, bad rule file, bad option) ends as one line on stderr and exit code 2;
`ExitCode` in `errors.py` holds every status this command can return.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any, Sequence

import click

from .errors import ExitCode, FactcheckError, Problem, one_line

FAIL_LEVELS = ("error", "warning", "note")


class _Group(click.Group):
    """Turns every FactcheckError into one line and exit 2, and never shows a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FactcheckError as exc:  # factcheck: error: <what> (<where>)
            click.echo(exc.cli_line(), err=True)
            ctx.exit(int(ExitCode.USAGE))
        except RecursionError:
            click.echo("factcheck: error: input nested too deeply to read", err=True)
            ctx.exit(int(ExitCode.USAGE))
        except MemoryError:
            click.echo("factcheck: error: out of memory (try fewer or smaller documents, or --max-bytes)", err=True)
            ctx.exit(int(ExitCode.USAGE))
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("factcheck: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:  # a bug: still one line, with a way to see more
            if os.environ.get("FACTCHECK_DEBUG"):
                raise
            click.echo(f"factcheck: internal error: {type(exc).__name__}: {one_line(str(exc))[:300]} "
                       "(set FACTCHECK_DEBUG=1 for a traceback)", err=True)
            ctx.exit(int(ExitCode.USAGE))


def _today(value: str | None) -> dt.date:
    if value is None:
        env = os.environ.get("FACTCHECK_TODAY")
        value = env or None
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FactcheckError(f"--today {value!r}: expected YYYY-MM-DD") from None


def _warn(problems: Sequence[Problem]) -> None:
    """Each warning as one line on stderr; the run goes on."""
    for p in problems:
        click.echo(p.cli_line(), err=True)


def _load(paths: Sequence[str], date_specs: Sequence[str], max_bytes: int, config: Any = None,
          rules: Any = None) -> tuple[list[Any], dict[str, Any], list[Problem]]:
    """Documents, their suppressions, and the warnings of loading the rules and reading them (already printed)."""
    from .discover import Selection
    from .documents import parse_date_option, read_sources, to_document
    from .suppress import suppressions_for, unknown_rule_warnings

    explicit = dict(parse_date_option(s) for s in date_specs)
    docs = []
    marks: dict[str, Any] = {}
    selection = Selection() if config is None else Selection(config.include, config.exclude,
                                                              config.respect_gitignore, config.root)
    sources, read_problems = read_sources(paths, max_bytes, selection)
    _warn(read_problems)
    problems = [*(rules.warnings if rules is not None else ()), *read_problems]
    for src in sources:
        doc = to_document(src, explicit)
        docs.append(doc)
        found = suppressions_for(src.name, src.raw if src.raw is not None else src.text, src.sidecar_suppressions)
        if found:
            marks[src.name] = found
            if rules is not None:
                unknown = unknown_rule_warnings(found, {r.id for r in rules})
                _warn(unknown)
                problems += unknown
    known = {d.name for d in docs} | {str(Path(d.name)) for d in docs}
    unknown = [k for k in explicit if k not in known and not any(Path(d.name).name == k for d in docs)]
    if unknown:
        raise FactcheckError(f"--date names {unknown[0]!r}, which is not among the documents read")
    return docs, marks, problems


def _with_warnings(report: Any, loaded: Sequence[Problem]) -> Any:
    """The report with the warnings of reading first; the pipeline's own are printed here."""
    from dataclasses import replace

    _warn([w for w in report.warnings if w not in loaded])
    return replace(report, warnings=tuple(loaded) + tuple(w for w in report.warnings if w not in loaded))


def _ruleset(rule_dirs: Sequence[str], config: Any) -> Any:
    from .rules import load_rules

    extra = [Path(d) for d in rule_dirs]
    for d in extra:
        if not d.is_dir():
            raise FactcheckError(f"--rules {d}: not a directory")
    ruleset = load_rules(extra_dirs=tuple(extra) + tuple(config.rules), config=config, lenient=True)
    _warn(ruleset.warnings)  # printed here, once; `_load` carries them into the report
    return ruleset


def _config(path: str | None, paths: Sequence[str] = ()) -> Any:
    """The configuration named with --config, else the nearest one above the first checked path."""
    from .config import load_config

    start = Path(paths[0]) if paths else None
    if start is not None and not start.exists():
        start = None  # the missing path is reported where documents are read
    return load_config(Path.cwd(), Path(path) if path else None, start=start)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="factcheck", message="factcheck %(version)s")
def cli() -> None:
    """Find the numbers that disagree across a set of documents.

    \b
    factcheck check seeds/            cross-check documents (exit 1 on contradictions)
    factcheck extract seeds/          list every quantitative statement
    factcheck explain ID seeds/       why a finding (or DOC:LINE: how a line was read)
    factcheck rules list              the consistency rules in force
    factcheck baseline create seeds/  accept today's findings, fail only on new ones
    factcheck index seeds/ --db c.db  keep an archive; then: factcheck check new/ --against c.db
    """


_date_option = click.option("--date", "date_specs", multiple=True, metavar="FILE=YYYY-MM-DD",
                            help="The date of a document (overrides the date found in it). Repeatable.")
_max_bytes_option = click.option("--max-bytes", type=click.IntRange(min=1), default=20_000_000, show_default=True,
                                 help="Skip documents larger than this (with a warning).")
_budget_option = click.option("--time-budget", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
                              metavar="SECONDS", help="Leave out (with a warning) a document that takes longer.")
_jobs_option = click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
                            help="Processes for extraction and framing (the output is the same for any N). "
                                 "[default: the number of cores]")


# ---------------------------------------------------------------------------------------- extract
@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json"]), default=None,
              help="table (default on a terminal), jsonl (default when piped) or json.")
@_date_option
@_max_bytes_option
@_budget_option
@_jobs_option
def extract(paths: tuple[str, ...], fmt: str | None, date_specs: tuple[str, ...], max_bytes: int,
            time_budget: float, jobs: int | None) -> None:
    """List every quantitative statement in PATHS (files or directories)."""
    from .engine.local import LocalEngine
    from .progress import progress

    docs, _, _ = _load(paths, date_specs, max_bytes, _config(None, paths))
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    per_doc = []
    with LocalEngine(jobs) as engine, progress() as tracker:
        for doc, found, problems in engine.extract(docs, budget=time_budget, progress=tracker):
            _warn(problems)
            if fmt == "jsonl":  # written as each document comes, not held
                for q in found:
                    click.echo(json.dumps(q.to_dict(), ensure_ascii=False))
            else:
                per_doc.append((doc, found))
    if fmt == "json":
        out = {"schema_version": "1.0",
               "documents": [{"doc": d.name, "date": d.date.isoformat() if d.date else None,
                              "quantities": [q.to_dict() for q in found]} for d, found in per_doc]}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    elif fmt == "table":
        _extract_table([q for _d, found in per_doc for q in found])


def _extract_table(records: Sequence[Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    from .crosscheck import fmt_interval, fmt_number

    table = Table(title=f"{len(records)} quantities", title_justify="left", highlight=False)
    for col in ("where", "quote", "value", "interval", "unit", "kind", "qualifier"):
        table.add_column(col, overflow="fold")
    for q in records:
        table.add_row(f"{q.doc}:{q.line}", q.text, fmt_number(q.value) if q.value is not None else "",
                      fmt_interval(q.low, q.high) if q.value is not None else (q.date_range and "–".join(q.date_range)) or "",
                      q.unit or "", q.kind, q.qualifier)
    Console(soft_wrap=False, markup=False, highlight=False, emoji=False).print(table)


# ---------------------------------------------------------------------------------------- check
@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default=None, metavar="FMT",
              help="text (default), line, json, markdown, html, sarif, junit, github or gitlab.")
@click.option("--output", "outputs", multiple=True, metavar="FMT=FILE",
              help="Also write a report to FILE (atomically). Repeatable.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default=None,
              help="Exit 1 when a (new) contradiction is at or above this level. [default: error]")
@click.option("--exit-zero", is_flag=True, help="Always exit 0 unless the command itself fails.")
@click.option("--baseline", "baseline_path", default=None, metavar="FILE",
              help="Report findings as new/unchanged/resolved against FILE; fail only on new ones.")
@click.option("--changed-since", default=None, metavar="GIT_REF",
              help="Only report findings that involve documents added or changed since GIT_REF.")
@click.option("--rules", "rule_dirs", multiple=True, metavar="DIR", help="Add a rule directory. Repeatable.")
@click.option("--config", "config_path", default=None, metavar="FILE",
              help="Configuration file (default: .factcheck.yaml or [tool.factcheck] in pyproject.toml).")
@click.option("--today", default=None, metavar="YYYY-MM-DD", help="Pretend today is this date (for tests).")
@click.option("--no-agreements", is_flag=True, help="Leave agreeing pairs out of the report.")
@click.option("--show-notes", is_flag=True,
              help="Also list notes (related but not comparable pairs, contradictions at note level), in every "
                   "format; without it they are only counted.")
@click.option("--show-agreements", is_flag=True, help="Text report: also list the pairs that agree.")
@click.option("--against", "against", default=None, metavar="DB",
              help="Also check against the claim index DB, a file or a postgresql:// URL (see `factcheck index`); "
                   "report the findings with a claim of PATHS.")
@_date_option
@_max_bytes_option
@_budget_option
@_jobs_option
@click.option("--engine", "engine_name", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where framing and the cross-check run: local processes, or a Dask cluster "
                   "(pip install 'factcheck[dask]').")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="With --engine dask: the scheduler to use (e.g. tcp://10.0.0.5:8786) [default: a local cluster].")
def check(paths: tuple[str, ...], fmt: str | None, outputs: tuple[str, ...], fail_on: str | None, exit_zero: bool,
          baseline_path: str | None, changed_since: str | None, rule_dirs: tuple[str, ...], config_path: str | None,
          today: str | None, no_agreements: bool, show_notes: bool, show_agreements: bool, against: str | None,
          date_specs: tuple[str, ...], max_bytes: int, time_budget: float, jobs: int | None, engine_name: str,
          scheduler: str | None) -> None:
    """Cross-check the documents in PATHS and report the figures that disagree."""
    from dataclasses import replace

    from . import baseline as baseline_mod
    from . import vcs
    from .engine import make_engine
    from .pipeline import check_documents
    from .progress import progress
    from .report import FORMATS, decide_exit, render
    from .report.output import parse_output_spec, write_outputs

    config = _config(config_path, paths)
    fmt = fmt or config.format or "text"
    if fmt not in FORMATS:
        raise FactcheckError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    fail_on = fail_on or config.fail_on or "error"
    specs = [parse_output_spec(s) for s in outputs]
    rules = _ruleset(rule_dirs, config)
    if scheduler and engine_name != "dask":
        raise FactcheckError("--scheduler needs --engine dask")
    docs, marks, loaded = _load(paths, date_specs, max_bytes, config, rules)
    with make_engine(engine_name, jobs=jobs, scheduler=scheduler) as engine, progress() as tracker:
        if against:
            from .index import ClaimIndex, check_against

            with ClaimIndex.open(against, create=False) as index:
                found = check_against(index, docs, rules=rules, today=_today(today), suppressions=marks,
                                      time_budget=time_budget, engine=engine, progress=tracker)
        else:
            found = check_documents(docs, rules=rules, today=_today(today), suppressions=marks,
                                    time_budget=time_budget, engine=engine, progress=tracker)
    report = _with_warnings(found, loaded)
    report = replace(_apply_config_levels(report, config), fail_on=fail_on)
    if no_agreements:
        report = replace(report, findings=tuple(f for f in report.findings if f.verdict != "agreement"))
    if baseline_path:
        report = baseline_mod.compare(report, baseline_mod.load(baseline_path))
    if changed_since:
        cwd = Path.cwd()
        changed = vcs.docs_in(report, vcs.changed_files(changed_since, cwd), cwd)
        report = replace(vcs.restrict_to(report, changed), changed_docs=tuple(sorted(changed)))
    show_notes = show_notes or fail_on == "note"
    if not show_notes:  # after levels and baseline, which may raise a note or need it to know what is resolved
        report = report.notes_counted()
    write_outputs(report, specs)
    console_color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    width = _text_width() if fmt == "text" else None
    click.echo(render(report, fmt, color=bool(console_color), width=width, show_notes=show_notes,
                      show_agreements=show_agreements), nl=False)
    sys.stdout.flush()
    raise SystemExit(int(decide_exit(report, fail_on, exit_zero)))


# ---------------------------------------------------------------------------------------- index
@cli.command("index")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db", required=True, metavar="FILE|URL",
              help="The claim index: an SQLite file (created if missing), or a PostgreSQL database "
                   "(postgresql://USER@HOST/DB; pip install 'factcheck[postgres]').")
@click.option("--rules", "rule_dirs", multiple=True, metavar="DIR", help="Add a rule directory. Repeatable.")
@click.option("--config", "config_path", default=None, metavar="FILE", help="Configuration file.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Documents written per transaction (a killed run keeps every whole batch).")
@_date_option
@_max_bytes_option
@_budget_option
def index_cmd(paths: tuple[str, ...], db: str, rule_dirs: tuple[str, ...], config_path: str | None, batch_size: int,
              date_specs: tuple[str, ...], max_bytes: int, time_budget: float) -> None:
    """Store the claims of PATHS in the claim index DB, for `check --against DB`.

    \b
    Unchanged documents are skipped, changed ones replaced, and documents stored from under PATHS that are
    gone are removed. Check with the same --rules and --config as you index with.
    """
    from .index import ClaimIndex, update_index

    config = _config(config_path, paths)
    rules_ = _ruleset(rule_dirs, config)
    docs, marks, _loaded = _load(paths, date_specs, max_bytes, config, rules_)
    with ClaimIndex.open(db) as index:
        run = update_index(index, docs, rules_, suppressions=marks, time_budget=time_budget, prune=paths,
                           batch_size=batch_size)
        where = index.where
    _warn(run.problems)
    click.echo(f"{where}: {run.summary()}")


# ---------------------------------------------------------------------------------------- explain
@cli.command()
@click.argument("target")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--rules", "rule_dirs", multiple=True, metavar="DIR", help="Add a rule directory. Repeatable.")
@click.option("--config", "config_path", default=None, metavar="FILE",
              help="Configuration file (default: .factcheck.yaml or [tool.factcheck] in pyproject.toml).")
@click.option("--today", default=None, metavar="YYYY-MM-DD", help="Pretend today is this date (for tests).")
@_date_option
@_max_bytes_option
@_budget_option
def explain(target: str, paths: tuple[str, ...], fmt: str, rule_dirs: tuple[str, ...], config_path: str | None,
            today: str | None, date_specs: tuple[str, ...], max_bytes: int, time_budget: float) -> None:
    """Why a finding is what it is, or how the figures on one line were read.

    \b
    TARGET is a finding id from a report (e.g. 09ddfb8d9b76f632) or DOC:LINE (the path as given, or
    its basename, and a line number). PATHS are checked exactly as `factcheck check PATHS` does.
    """
    from . import explain as explain_mod
    from .align import load_align_settings
    from .pipeline import check_documents

    config = _config(config_path, paths)
    rules_ = _ruleset(rule_dirs, config)
    docs, marks, loaded = _load(paths, date_specs, max_bytes, config, rules_)
    report = _with_warnings(check_documents(docs, rules=rules_, today=_today(today), suppressions=marks,
                                            time_budget=time_budget), loaded)
    report = _apply_config_levels(report, config)
    result = explain_mod.explain(report, target, load_align_settings())
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    width = None
    if color:
        from rich.console import Console

        width = Console().width
    click.echo(explain_mod.render_text(result, color=bool(color), width=width), nl=False)


def _text_width() -> int | None:
    """The terminal's width; when piped, $COLUMNS if set (else the text renderer's default)."""
    if sys.stdout.isatty():
        from rich.console import Console

        return Console().width
    cols = os.environ.get("COLUMNS", "")
    return int(cols) if cols.isdigit() and int(cols) >= 40 else None


def _apply_config_levels(report: Any, config: Any) -> Any:
    """Per-rule and per-document levels from the project configuration; disabled rules drop out."""
    from dataclasses import replace

    if not (config.levels or config.overrides or config.disable):
        return report
    kept = []
    for f in report.findings:
        doc = f.claims[0].doc if f.claims else None
        if not config.is_enabled(f.rule, doc):
            continue
        if f.verdict == "contradiction":
            f = replace(f, level=config.level_for(f.rule, f.level, doc))
        kept.append(f)
    return replace(report, findings=tuple(kept))


# ---------------------------------------------------------------------------------------- rules
@cli.group()
def rules() -> None:
    """List, show and test the consistency rules."""


_rules_option = click.option("--rules", "rule_dirs", multiple=True, metavar="DIR",
                             help="Add a rule directory. Repeatable.")
_config_option = click.option("--config", "config_path", default=None, metavar="FILE", help="Configuration file.")


@rules.command("list")
@_rules_option
@_config_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def rules_list(rule_dirs: tuple[str, ...], config_path: str | None, fmt: str) -> None:
    """Every rule: id, level, title and the file it comes from."""
    ruleset = _ruleset(rule_dirs, _config(config_path))
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in ruleset], indent=2, ensure_ascii=False))
        return
    if not sys.stdout.isatty():  # plain, one rule per line, nothing wrapped: easy to grep
        width = max((len(r.id) for r in ruleset), default=2)
        for r in ruleset:
            level = r.level if r.enabled else f"{r.level}(off)"
            click.echo(f"{r.id:<{width}}  {level:<12}  {r.title}  [{r.path}]")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(ruleset)} rules", title_justify="left")
    for col in ("id", "level", "title", "source"):
        table.add_column(col, overflow="fold")
    for r in ruleset:
        table.add_row(r.id, r.level if r.enabled else f"{r.level} (off)", r.title, r.path)
    Console(soft_wrap=False, markup=False, highlight=False, emoji=False).print(table)


@rules.command("show")
@click.argument("rule_id")
@_rules_option
@_config_option
def rules_show(rule_id: str, rule_dirs: tuple[str, ...], config_path: str | None) -> None:
    """One rule in full: metric terms, kinds, tolerance, message, tests."""
    ruleset = _ruleset(rule_dirs, _config(config_path))
    try:
        rule = ruleset.get(rule_id)
    except KeyError as exc:
        raise FactcheckError(str(exc.args[0])) from None
    data = rule.to_dict()
    data["message"] = rule.message
    uri = ruleset.help_uri(rule)
    if uri:
        data["help_uri"] = uri
    data["tests"] = [t.get("name") for t in rule.tests]
    import yaml

    click.echo(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), nl=False)


@rules.command("test")
@click.argument("paths", nargs=-1)
@_config_option
def rules_test(paths: tuple[str, ...], config_path: str | None) -> None:
    """Run the tests embedded in rule files (the shipped rules plus any PATHS given)."""
    from .rules import run_rule_tests

    ruleset = _ruleset(paths, _config(config_path))
    results = run_rule_tests(ruleset)
    failed = [r for r in results if not r.passed]
    for r in results:
        if not r.passed or paths:
            click.echo(r.render())
    click.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    raise SystemExit(int(ExitCode.FINDINGS if failed else ExitCode.CLEAN))


# ---------------------------------------------------------------------------------------- baseline
@cli.group()
def baseline() -> None:
    """Accept the current findings so that CI fails only on new ones."""


def _baseline_report(paths: Sequence[str], rule_dirs: Sequence[str], config_path: str | None,
                     date_specs: Sequence[str], today: str | None) -> Any:
    from .pipeline import check_documents

    config = _config(config_path, paths)
    rules_ = _ruleset(rule_dirs, config)
    docs, marks, loaded = _load(paths, date_specs, 20_000_000, config, rules_)
    report = _with_warnings(check_documents(docs, rules=rules_, today=_today(today), suppressions=marks), loaded)
    return _apply_config_levels(report, config)


_baseline_file = click.option("--file", "path", default=".factcheck-baseline.json",  # baseline.DEFAULT_PATH
                              show_default=True,
                              help="The baseline file.")


def _baseline_options(func: Any) -> Any:
    """The arguments both baseline commands take: documents, file, rules, config, dates, today."""
    for decorator in reversed((click.argument("paths", nargs=-1, required=True), _baseline_file, _rules_option,
                               _config_option, _date_option,
                               click.option("--today", default=None, metavar="YYYY-MM-DD"))):
        func = decorator(func)
    return func


@baseline.command("create")
@_baseline_options
def baseline_create(paths: tuple[str, ...], path: str, rule_dirs: tuple[str, ...], config_path: str | None,
                    date_specs: tuple[str, ...], today: str | None) -> None:
    """Write the findings of PATHS to the baseline file (sorted ids, no line numbers)."""
    from . import baseline as baseline_mod

    report = _baseline_report(paths, rule_dirs, config_path, date_specs, today)
    data = baseline_mod.create(report)
    baseline_mod.save(path, data)
    click.echo(f"wrote {path}: {len(data['findings'])} findings")


@baseline.command("prune")
@_baseline_options
def baseline_prune(paths: tuple[str, ...], path: str, rule_dirs: tuple[str, ...], config_path: str | None,
                   date_specs: tuple[str, ...], today: str | None) -> None:
    """Remove baseline entries that PATHS no longer produce (never adds any)."""
    from . import baseline as baseline_mod

    old = baseline_mod.load(path)
    report = _baseline_report(paths, rule_dirs, config_path, date_specs, today)
    data = baseline_mod.prune(old, report)
    baseline_mod.save(path, data)
    click.echo(f"pruned {path}: {len(old.ids) - len(data['findings'])} removed, {len(data['findings'])} kept")


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point; returns the exit code instead of raising."""
    try:
        rv = cli.main(args=list(argv) if argv is not None else None, prog_name="factcheck", standalone_mode=False)
        if isinstance(rv, int):
            return rv
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return int(ExitCode.USAGE)
    except click.exceptions.Abort:
        click.echo("factcheck: aborted", err=True)
        return int(ExitCode.USAGE)
    return int(ExitCode.CLEAN)
