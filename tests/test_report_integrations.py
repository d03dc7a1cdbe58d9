"""The CI integration files: GitHub composite action, pre-commit hook, GitLab snippet in docs/ci.md."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_action_shape() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert {"paths", "fail-on", "baseline", "sarif-file", "upload-sarif"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    install = next(s for s in steps if s.get("name") == "Install factcheck")
    assert "GITHUB_ACTION_PATH" in install["run"]
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{ inputs." not in step["run"], "inputs must reach scripts via env, not be pasted in"


def _run_action_script(tmp_path: Path, env: dict[str, str], stub_exit: int = 0) -> tuple[list[str], str]:
    if shutil.which("bash") is None:
        pytest.skip("bash not available")
    step = next(s for s in _action()["runs"]["steps"] if s.get("id") == "check")
    bindir = tmp_path / "bin"
    bindir.mkdir()
    argfile = tmp_path / "args"
    stub = bindir / "factcheck"
    stub.write_text(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done > "{argfile}"\nexit {stub_exit}\n', encoding="utf-8")
    stub.chmod(0o755)
    out = tmp_path / "github_output"
    full_env = {
        "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_OUTPUT": str(out),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "FACTCHECK_PATHS": ".",
        "FACTCHECK_FAIL_ON": "error",
        "FACTCHECK_BASELINE": "",
        "FACTCHECK_CHANGED_SINCE": "",
        "FACTCHECK_SARIF": "factcheck.sarif",
        "FACTCHECK_EXTRA_ARGS": "",
        **env,
    }
    proc = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=full_env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr  # the step records the code; a later step fails the job
    return argfile.read_text(encoding="utf-8").splitlines(), out.read_text(encoding="utf-8")


def test_action_script_builds_command(tmp_path: Path) -> None:
    args, output = _run_action_script(
        tmp_path,
        {"FACTCHECK_PATHS": "docs/ notes.md", "FACTCHECK_BASELINE": ".factcheck-baseline.json",
         "FACTCHECK_CHANGED_SINCE": "abc123", "FACTCHECK_FAIL_ON": "warning", "FACTCHECK_EXTRA_ARGS": "--rules r/"},
        stub_exit=1,
    )
    assert args == [
        "check", "docs/", "notes.md", "--format", "github",
        "--output", f"markdown={tmp_path / 'summary.md'}", "--output", "sarif=factcheck.sarif",
        "--fail-on", "warning", "--baseline", ".factcheck-baseline.json", "--changed-since", "abc123", "--rules", "r/",
    ]
    assert output.strip() == "exit-code=1"


def test_action_script_minimal_and_no_shell_injection(tmp_path: Path) -> None:
    args, output = _run_action_script(tmp_path, {"FACTCHECK_PATHS": "$(touch pwned) ;id"})
    assert args[:3] == ["check", "$(touch", "pwned)"]
    assert "--baseline" not in args and "--changed-since" not in args
    assert not (tmp_path / "pwned").exists()
    assert output.strip() == "exit-code=0"


def test_pre_commit_hook() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "factcheck")
    assert hook["entry"] == "factcheck check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False and hook["always_run"] is True


def _yaml_blocks(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.S)


def test_docs_gitlab_snippet_is_valid() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in _yaml_blocks(text)]
    gitlab = next(b for b in blocks if isinstance(b, dict) and "factcheck" in b and "script" in b["factcheck"])
    job = gitlab["factcheck"]
    assert job["artifacts"]["reports"]["junit"] == "factcheck-junit.xml"
    assert job["artifacts"]["when"] == "always"
    assert any("--output junit=factcheck-junit.xml" in line for line in job["script"])


def test_docs_gitlab_script_runs_under_sh(tmp_path: Path) -> None:
    """The snippet's script assembles the right command in a merge-request pipeline (git and factcheck stubbed)."""
    if shutil.which("sh") is None:
        pytest.skip("sh not available")
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    job = next(b for b in map(yaml.safe_load, _yaml_blocks(text)) if isinstance(b, dict) and "factcheck" in b)["factcheck"]
    bindir = tmp_path / "bin"
    bindir.mkdir()
    argfile = tmp_path / "args"
    (bindir / "factcheck").write_text(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done > "{argfile}"\n', encoding="utf-8")
    (bindir / "git").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    for f in bindir.iterdir():
        f.chmod(0o755)
    (tmp_path / ".factcheck-baseline.json").write_text("{}", encoding="utf-8")
    env = {"PATH": f"{bindir}{os.pathsep}/usr/bin:/bin", "CI_MERGE_REQUEST_DIFF_BASE_SHA": "base123",
           "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}
    for line in job["script"]:
        subprocess.run(["sh", "-e", "-c", line], cwd=tmp_path, env=env, check=True)
    args = argfile.read_text(encoding="utf-8").splitlines()
    assert args[:7] == ["check", "docs/", "--changed-since", "base123", "--baseline", ".factcheck-baseline.json", "--fail-on"]


# --- against the real command line (no stubs) --------------------------------------------------

import sys  # noqa: E402

SEEDS = ROOT / "seeds"


def _real_bin(tmp_path: Path) -> Path:
    """A PATH directory whose `factcheck` is this checkout's, run by this interpreter."""
    bindir = tmp_path / "realbin"
    bindir.mkdir()
    exe = bindir / "factcheck"
    exe.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m factcheck "$@"\n', encoding="utf-8")
    exe.chmod(0o755)
    return bindir


def _check_help() -> str:
    proc = subprocess.run([sys.executable, "-m", "factcheck", "check", "--help"], capture_output=True, text=True, check=True)
    return proc.stdout


def _flags(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", text))


def test_every_check_flag_in_the_integrations_exists() -> None:
    """action.yml, the pre-commit hook and docs/ci.md only use options `factcheck check` has."""
    known = _flags(_check_help())
    action_script = next(s for s in _action()["runs"]["steps"] if s.get("id") == "check")["run"]
    used = _flags(action_script)
    used |= _flags(" ".join(map(str, yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0].get("args", []))))
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    used |= _flags(docs)  # every option the page mentions is a `factcheck check` option (or pip's/apt's, below)
    used -= {"--quiet", "--disable-pip-version-check", "--no-install-recommends", "--check"}  # pip, apt, the script
    assert {"--output", "--changed-since", "--baseline", "--fail-on", "--format"} <= used, "the extraction is broken"
    assert used <= known, sorted(used - known)
    for sub in ("create", "prune"):
        assert f"factcheck baseline {sub}" in docs


def test_action_script_with_the_real_cli(tmp_path: Path) -> None:
    """The action's run step, with the real factcheck, on the seeds: exit code recorded, summary and SARIF written."""
    if shutil.which("bash") is None:
        pytest.skip("bash not available")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    step = next(s for s in _action()["runs"]["steps"] if s.get("id") == "check")
    out, summary = tmp_path / "github_output", tmp_path / "summary.md"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")},
        "PATH": f"{_real_bin(tmp_path)}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_OUTPUT": str(out), "GITHUB_STEP_SUMMARY": str(summary),
        "FACTCHECK_PATHS": "seeds", "FACTCHECK_FAIL_ON": "error", "FACTCHECK_BASELINE": "", "FACTCHECK_CHANGED_SINCE": "",
        "FACTCHECK_SARIF": "factcheck.sarif", "FACTCHECK_EXTRA_ARGS": "--today 2026-11-22",
    }
    proc = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").strip() == "exit-code=1"
    assert proc.stdout.startswith("::error file=seeds/")
    assert summary.read_text(encoding="utf-8").startswith("## factcheck")
    import json

    assert json.loads((tmp_path / "factcheck.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_pre_commit_hook_command_runs(tmp_path: Path) -> None:
    """`entry` plus the default `args`, as pre-commit would run them from the repository root."""
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    shutil.copytree(SEEDS, tmp_path / "seeds")
    argv = hook["entry"].split() + list(hook.get("args", []))
    assert argv[:2] == ["factcheck", "check"] and len(argv) > 2, "factcheck check needs a path"
    env = {**os.environ, "FACTCHECK_TODAY": "2026-11-22", "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-m", "factcheck", *argv[1:]], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 1, proc.stderr
    assert "Contradictions" in proc.stdout
