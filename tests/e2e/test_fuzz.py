"""A property-based fuzz run (hypothesis) over every file format and every command that reads it.

Each example is a valid file (a skill catalogue, a role profile, the lattice, an inventory, an
answers file, a JSON plan) changed by hypothesis: a value replaced with another of any type, a key
removed or added, or a hostile snippet of text put in (aliases, tags, deep nesting, long numbers,
lone surrogates, control characters, a second document). Every command that reads that format
runs on it, and each must:

- end with exit 0, 1 or 2, never a traceback (one line on stderr for an error);
- leave every file it only reads as it was;
- write every file it writes with mode 0600;
- finish: the per-test timeout (pytest-timeout, 300 s for these) stops a hang, and the limits of
  careerpath.edges.limits keep each example small.

CI runs a bounded, reproducible sample (a few hundred examples in all, well under a minute). A
longer run with fresh random examples is one command:

    CAREERPATH_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/e2e/test_fuzz.py --timeout 0
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpath.edges import locations
from careerpath.edges.yaml_source import dump
from tests.cli.test_one_on_one import MANAGER, SELF
from tests.edges.test_files import CATALOGUE, ROLE
from tests.helpers import run

LONG = os.environ.get("CAREERPATH_FUZZ_EXAMPLES")
LATTICE = """\
moves:
  - from: support
    to: testing
    kind: lateral
    summary: From support into testing.
    carries: [troubleshooting]
    builds: [test_design]
    bridges:
      - kind: shadowing
        title: Shadow a tester through one regression run
        how: Ask the QA lead.
        evidence: Notes of the run.
        weeks: 2
        hours: 8
"""
EXAMPLE = locations.example_inventory()

# Each test runs tens of examples through whole commands: on a busy 2-core machine that can take
# past the suite's 120 s a test, so these have 300 s. A hang still fails, just later.
pytestmark = pytest.mark.timeout(300)


def fuzz(examples: int) -> Any:
    """Hypothesis settings: `examples` in CI, derandomized (the same examples every run, so CI
    never fails by chance); CAREERPATH_FUZZ_EXAMPLES=N random ones per test instead."""
    return settings(
        max_examples=int(LONG) if LONG else examples,
        derandomize=not LONG,
        database=None,
        deadline=None,  # no timing: the per-test timeout catches a hang
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


# --- what goes into the files ----------------------------------------------------------------

HOSTILE_YAML = [
    "&a [*a]",
    "&b {k: *b}",
    "*undefined",
    "!!python/object/apply:os.system [echo hi]",
    "!!binary aGVsbG8=",
    "!!int 12",
    "!!float x",
    "[" * 200 + "]" * 200,
    "9" * 5000,
    "-" + "1" * 101,
    "0x" + "f" * 120,
    "0o777",
    "1.5e3",
    ".nan",
    "-.inf",
    "1e99999",
    "'\\ud800'",
    '"\\ud800"',
    '"Megan\\nDoyle"',
    '"\\x00\\x1b]52;c;aGk=\\x07\\x1b[31m"',
    '"\\u202eevil"',
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "~",
    "",
    "{a: 1, a: 2}",
    "{1: a, 1.0: b}",
    "{0.0: a, -0.0: b}",
    "{true: a, 1: b}",
    "[a, [b, [c, [d]]]]",
    "|\n  a\n  b",
    ">-\n  folded",
    "x" * 10_001,
    "no",
    "n/a",
    "unsure",
    "? [a]\n: b",
    "\t",
    "'unclosed",
    '"unclosed',
    "%TAG ! tag:x,2000:",
]
HOSTILE_LINES = [
    "---\nsecond: document",
    "...",
    "%YAML 1.1",
    "a: &x [*x]",
    "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "\n".join(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 9)),
    "deep: " + "{a: " * 990 + "1" + "}" * 990,
    "\ufeffbom: x",
    "\x00",
    "key: value\n  bad: indentation",
]
HOSTILE_JSON = [
    '"\\ud800"',
    '"\\udfff tail"',
    "9" * 4301,
    "-" + "9" * 200,
    "1e99999",
    "NaN",
    "-Infinity",
    "[" * 995 + "]" * 995,
    "[" * 70 + "]" * 70,
    '{"a": 1, "a": 2}',
    '"' + "x" * 10_001 + '"',
    '"\\u0000\\u001b[31m"',
    "null",
    "true",
    "[]",
    "{}",
    '"9999-12-31"',
    '"2026-02-30"',
]

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-10, max_value=10),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.sampled_from(["n/a", "unsure", "support", "testing", "troubleshooting", "3", "", " "]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=12) | st.integers(0, 6), inner, max_size=4)
    ),
    max_leaves=12,
)


def paths(data: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in `data`, parents first."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(paths(value, (*prefix, index)))
    return found


def at(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


@st.composite
def changed(draw: st.DrawFn, data: object) -> object:
    """`data` with one to three changes: a value replaced, a key removed, a key added."""
    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths(data)))
        change = draw(st.sampled_from(["replace", "remove", "add"]))
        if not path:
            if change == "replace":
                data = draw(VALUES)
            continue
        parent, key = at(data, path[:-1]), path[-1]
        if change == "replace":
            parent[key] = draw(VALUES)
        elif change == "remove":
            del parent[key]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=12))] = draw(VALUES)
        else:
            parent.insert(key, draw(VALUES))
    return data


@st.composite
def yaml_variant(draw: st.DrawFn, text: str) -> str:
    """The YAML `text` changed in its values (dumped again) or in its text."""
    if draw(st.booleans()):
        from careerpath.edges.yaml_source import parse

        return dump(draw(changed(parse(text, "base").data)))
    lines = text.splitlines()
    index = draw(st.integers(0, len(lines)))
    if draw(st.booleans()) and index < len(lines) and ":" in lines[index]:
        key = lines[index].split(":", 1)[0]
        lines[index] = f"{key}: {draw(st.sampled_from(HOSTILE_YAML))}"
    else:
        lines.insert(index, draw(st.sampled_from(HOSTILE_LINES)))
    return "\n".join(lines) + "\n"


@st.composite
def json_variant(draw: st.DrawFn, text: str) -> str:
    """The JSON plan `text` changed in its values, or a value's text replaced by a hostile one."""
    if draw(st.booleans()):
        data = draw(changed(json.loads(text)))
        return json.dumps(data, default=str, ensure_ascii=draw(st.booleans()))
    lines = text.splitlines()
    candidates = [n for n, line in enumerate(lines) if '": ' in line]
    index = draw(st.sampled_from(candidates))
    key, rest = lines[index].split('": ', 1)
    comma = "," if rest.endswith(",") else ""
    lines[index] = f'{key}": {draw(st.sampled_from(HOSTILE_JSON))}{comma}'
    return "\n".join(lines) + "\n"


# --- running the commands ----------------------------------------------------------------------


def snapshot(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def check(result: Any) -> None:
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    if result.exit_code != 0:
        assert result.stderr.strip(), "an error says what is wrong"


def reading(folder: Path, *args: object, home: Path | None = None) -> None:
    """A command that only reads: it succeeds or fails cleanly, and changes no file."""
    before = snapshot(folder)
    check(run(*args, home=home or folder / "home"))
    assert snapshot(folder) == before


def writing(folder: Path, *args: object) -> None:
    """A command that writes: it succeeds or fails cleanly, and all it writes is 0600."""
    check(run(*args, home=folder / "home"))
    for path in folder.rglob("*"):
        if path.is_file() and path.name not in INPUTS:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


INPUTS = {"skills.yaml", "qa.yaml", "lattice.yaml", "inventory.yaml", "answers.yaml", "self.yaml"}
INPUTS |= {"plan.json"}


@pytest.fixture(scope="module")
def plan_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("plan") / "plan.json"
    result = run("plan", EXAMPLE, "--format", "json", "--out", out, "--date", "2026-11-02")
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def fresh(folder: Path) -> Path:
    """A new, empty folder for one example (hypothesis runs many in one test)."""
    number = len(list(folder.iterdir()))
    example = folder / f"example-{number}"
    example.mkdir()
    return example


@fuzz(30)
@given(data=st.data())
def test_fuzzed_catalogue(folder: Path, data: st.DataObject) -> None:
    place = fresh(folder)
    org = place / "org"
    org.mkdir()
    (org / "skills.yaml").write_text(data.draw(yaml_variant(CATALOGUE)), encoding="utf-8")
    reading(place, "validate", org / "skills.yaml")
    reading(place, "--roles-dir", org, "roles", "skills")
    reading(place, "--roles-dir", org, "gaps", EXAMPLE, "--role", "testing")


@fuzz(30)
@given(data=st.data())
def test_fuzzed_role(folder: Path, data: st.DataObject) -> None:
    place = fresh(folder)
    org = place / "org"
    org.mkdir()
    (org / "qa.yaml").write_text(data.draw(yaml_variant(ROLE)), encoding="utf-8")
    reading(place, "validate", org / "qa.yaml")
    reading(place, "--roles-dir", org, "roles", "show", "qa")
    reading(place, "--roles-dir", org, "plan", EXAMPLE, "--role", "qa", "--date", "2026-11-02")


@fuzz(30)
@given(data=st.data())
def test_fuzzed_lattice(folder: Path, data: st.DataObject) -> None:
    place = fresh(folder)
    org = place / "org"
    org.mkdir()
    (org / "lattice.yaml").write_text(data.draw(yaml_variant(LATTICE)), encoding="utf-8")
    reading(place, "validate", org / "lattice.yaml")
    reading(place, "--roles-dir", org, "paths", "--from", "support")
    reading(place, "--roles-dir", org, "paths", EXAMPLE, "--json")


@fuzz(80)
@given(data=st.data())
def test_fuzzed_inventory(folder: Path, data: st.DataObject) -> None:
    place = fresh(folder)
    inventory = place / "team" / "inventory.yaml"
    inventory.parent.mkdir()
    inventory.write_text(data.draw(yaml_variant(EXAMPLE.read_text("utf-8"))), encoding="utf-8")
    reading(place, "validate", inventory)
    reading(place, "gaps", inventory)
    reading(place, "paths", inventory)
    reading(place, "compare", inventory)
    reading(place, "progress", EXAMPLE, inventory, "--format", "json")
    reading(place, "team", inventory.parent, "--format", "md")
    command = data.draw(st.sampled_from(["md", "html", "json"]))
    writing(place, "plan", inventory, "--format", command, "--out", place / "out" / "plan",
            "--ics", place / "out" / "plan.ics", "--date", "2026-11-02")  # fmt: skip


@fuzz(60)
@given(data=st.data())
def test_fuzzed_answers(folder: Path, data: st.DataObject) -> None:
    place = fresh(folder)
    answers = place / "answers.yaml"
    manager = data.draw(st.booleans())
    answers.write_text(data.draw(yaml_variant(MANAGER if manager else SELF)), encoding="utf-8")
    if manager:
        report = place / "self.yaml"
        report.write_text(EXAMPLE.read_text("utf-8"), encoding="utf-8")
        writing(place, "assess", "--as-manager", report, "--answers", answers,
                "--out", place / "out" / "rated.yaml")  # fmt: skip
    else:
        writing(place, "assess", "--answers", answers)


@fuzz(60)
@given(data=st.data())
def test_fuzzed_json_plan(folder: Path, plan_text: str, data: st.DataObject) -> None:
    place = fresh(folder)
    plan = place / "plan.json"
    plan.write_text(data.draw(json_variant(plan_text)), encoding="utf-8")
    reading(place, "goals", "list", plan)
    reading(place, "plan", EXAMPLE, "--previous", plan, "--date", "2027-05-02")
    check(run("goals", "done", plan, "mentor:find", "--evidence", "Met Priya", home=place))
    assert stat.S_IMODE(plan.stat().st_mode) in (0o600, 0o644)  # 0600 once written
