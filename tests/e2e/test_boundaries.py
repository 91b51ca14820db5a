"""The layers are enforced, not hoped for: each wrong import or clock call below fails a check.

Each probe is written into a copy of the source tree, and the check that guards it (ruff or
import-linter, both run by .ci/run) must fail on the copy, while the untouched copy passes.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from careerpath.cli.exits import FLAGS
from tests.helpers import ROOT

BIN = Path(sys.executable).parent
PROBES = [
    # (file, line appended at the end of the module, the checker that must fail)
    ("views/charts.py", "import yaml", "lint-imports"),
    ("cli/commands/goals.py", "import jinja2", "ruff"),
    ("cli/commands/gaps.py", "from careerpath.views import gaps_text", "ruff"),
    ("cli/commands/gaps.py", "from careerpath.core.model import Inventory", "ruff"),
    ("cli/shared.py", "from careerpath.edges.load import load_library", "ruff"),
    ("edges/templates.py", "import questionary", "lint-imports"),
    ("core/gaps.py", "from careerpath.edges.load import Library", "lint-imports"),
    ("core/gaps.py", "import datetime as dt\nTODAY = dt.date.today()", "ruff"),
    ("core/plan/builder.py", "from datetime import date\nTODAY = date.today()", "ruff"),
    ("views/charts.py", "import datetime\nNOW = datetime.datetime.now()", "ruff"),
    ("core/plan/agenda.py", "from careerpath.views import gaps_text", "lint-imports"),
    ("edges/load.py", "import typer", "lint-imports"),
    ("core/gaps.py", "import time\nSTAMP = time.gmtime()", "ruff"),
    ("views/charts.py", "from time import gmtime", "ruff"),
    ("core/model.py", "import importlib\nYAML = importlib.import_module('yaml')", "ruff"),
    ("core/plan/schedule.py", "import os\nHOME = os.getcwd()", "ruff"),
    ("views/escape.py", "import sys\nsys.stdout.write('x')", "ruff"),
    ("core/reviews/team.py", "import subprocess", "ruff"),
]


def checker(name: str, tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    if name == "ruff":
        # TID: the banned-api and module-level import rules (a probe appended at the end of a
        # module also breaks import order, which must not be what fails it).
        command = [str(BIN / "ruff"), "check", "--select", "TID", "--no-cache", "src"]
    else:
        command = [str(BIN / "lint-imports"), "--no-logo", "--no-cache"]
    return subprocess.run(
        command, cwd=tree, env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("tree")
    shutil.copytree(ROOT / "src", copy / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


@pytest.mark.slow
@pytest.mark.parametrize("name", ["ruff", "lint-imports"])
def test_the_clean_tree_passes(tree: Path, name: str) -> None:
    result = checker(name, tree)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(("module", "line", "name"), PROBES)
def test_each_probe_fails_its_check(tree: Path, module: str, line: str, name: str) -> None:
    path = tree / "src" / "careerpath" / module
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original + "\n" + line + "\n", encoding="utf-8")
        result = checker(name, tree)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0, f"{name} accepted {line!r} in {module}"


def test_the_core_tests_load_no_edge_and_no_cli() -> None:
    """`pytest tests/core` stays fast: its modules, the shared conftest and builders included,
    import nothing that reads files or drives a terminal (the loader comes only when asked for)."""
    modules = sorted(p.stem for p in (ROOT / "tests" / "core").glob("test_*.py"))
    probe = (
        "import importlib, sys\n"
        "import tests.conftest\n"
        f"for name in {modules!r}: importlib.import_module('tests.core.' + name)\n"
        "heavy = ('careerpath.edges', 'careerpath.cli', 'yaml', 'jinja2', 'questionary', 'rich')\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith(heavy))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert modules and result.stdout.strip() == ""


BELOW_CLI = [
    path
    for layer in ("core", "views", "edges")
    for path in sorted((ROOT / "src" / "careerpath" / layer).rglob("*.py"))
]
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


def _texts(path: Path) -> list[tuple[int, str]]:
    """Every string a module could show or write (its docstrings are for its readers)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    documented = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, documented)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_flag_is_spelled_below_the_cli() -> None:
    """Only cli/ knows the flags: a text below it names an option with careerpath.errors.flag
    (or `{option}`, for an error's own option), and the CLI puts the flag in."""
    assert BELOW_CLI
    found = [
        f"{path.relative_to(ROOT)}:{line}: {match}"
        for path in BELOW_CLI
        for line, text in _texts(path)
        for match in FLAG.findall(text)
    ]
    assert found == []


def test_every_option_named_below_the_cli_has_a_flag() -> None:
    named = {
        name
        for path in BELOW_CLI
        for name in re.findall(r"\bflag\(\s*[\"']([a-z_]+)[\"']", path.read_text(encoding="utf-8"))
    }
    assert named and named <= set(FLAGS), sorted(named - set(FLAGS))


PURE = [
    path
    for layer in ("core", "views")
    for path in sorted((ROOT / "src" / "careerpath" / layer).rglob("*.py"))
]
# What ruff's banned-api cannot see, as it bans imports and these need none: the built-ins
# that read, write, prompt or run code, and a path's own I/O methods.
IMPURE_BUILTINS = {"open", "print", "input", "exec", "eval", "compile", "__import__", "breakpoint"}
IMPURE_METHODS = {
    "read_text", "read_bytes", "write_text", "write_bytes", "open", "iterdir", "glob", "rglob",
    "exists", "is_file", "is_dir", "stat", "lstat", "mkdir", "rmdir", "unlink", "touch",
    "rename", "resolve", "expanduser", "home", "cwd", "chmod", "samefile",
}  # fmt: skip


def impure_calls(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name) and node.func.id in IMPURE_BUILTINS:
            found.append(f"{node.lineno}: {node.func.id}()")
        elif isinstance(node.func, ast.Attribute) and node.func.attr in IMPURE_METHODS:
            found.append(f"{node.lineno}: .{node.func.attr}()")
    return found


def test_the_core_and_views_call_no_io() -> None:
    """Values in, values out: no module of the core or the views opens, lists or stats a file,
    prints, prompts or runs code, whatever it imports."""
    assert PURE
    found = [
        f"{path.relative_to(ROOT)}:{call}"
        for path in PURE
        for call in impure_calls(path.read_text(encoding="utf-8"))
    ]
    assert found == []


@pytest.mark.parametrize(
    "line",
    [
        "open('x').read()",
        "Path('x').read_text()",
        "path.write_text('x')",
        "print('x')",
        "exec('x')",
        "__import__('yaml')",
        "folder.iterdir()",
        "Path.home()",
    ],
)
def test_the_io_check_sees_each_kind_of_call(line: str) -> None:
    assert impure_calls(f"def f():\n    {line}\n") != []
