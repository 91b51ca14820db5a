"""Templates careerpath did not ship: plain data only, files only from their own folder, every
runtime error one line, and budgets for time, output and memory (README, Security)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import pickle
import re
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from careerpath.core.basis import with_basis
from careerpath.core.model import ManagerView
from careerpath.core.plan.builder import build_plan
from careerpath.core.plan.horizon import parse_horizon
from careerpath.core.reviews.compare import compare
from careerpath.edges import locations, templates
from careerpath.edges.load import Library, load_inventory
from careerpath.edges.plan_formats import render_plan
from careerpath.views.charts import plan_charts
from careerpath.views.plain_data import plain_data
from tests.helpers import GOLDEN, ROOT, one_line_error, run

EXAMPLE = ROOT / "examples" / "support-analyst.yaml"
START = dt.date(2026, 11, 2)
PLAN = ("plan", EXAMPLE, "--role", "testing", "--date", START.isoformat())
PLAIN = (type(None), bool, int, float, str, dt.date, list, dict)
# Without an address-space limit (Linux's), the memory cases would take the machine's memory.
memory_capped = pytest.mark.skipif(
    not Path("/proc/self/statm").exists(), reason="the memory budget needs Linux's RLIMIT_AS"
)


def shipped(library: Library, manager: bool = False) -> object:
    inventory = load_inventory(EXAMPLE, library)
    comparison = None
    if manager:
        view = ManagerView.model_validate(
            {"name": "Priya Shah", "date": "2026-11-09", "ratings": {"troubleshooting": 2}}
        )
        inventory = inventory.model_copy(update={"manager": view})
        comparison = compare(inventory, library.catalogue)
        inventory = with_basis(inventory, "conservative")
    return build_plan(
        inventory,
        library.roles["testing"],
        library.catalogue,
        list(library.roles.values()),
        start=START,
        horizon=parse_horizon("6m"),
        basis="conservative" if manager else "self",
        comparison=comparison,
    )


def context(library: Library, manager: bool = False) -> dict[str, object]:
    plan = shipped(library, manager)
    charts = plan_charts(plan.analysis, tuple(plan.role.skills))  # type: ignore[attr-defined]
    return {"plan": plan, "catalogue": library.catalogue, "charts": charts}


def untrusted(library: Library, tmp_path: Path) -> Library:
    """The library as an organisation with a templates folder of its own (here empty) sees it:
    every template, the shipped ones included, runs in the sandbox on plain data."""
    own = tmp_path / "org-templates"
    own.mkdir(exist_ok=True)
    return dataclasses.replace(library, template_dirs=(own, *library.template_dirs))


def template(tmp_path: Path, text: str, name: str = "mine.md.j2") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- plain data ------------------------------------------------------------------------------


def walk(value: object, path: str = "context") -> Iterator[tuple[str, object]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, (str, int, float, bool, dt.date)), f"{path}: key {key!r}"
            yield from walk(item, f"{path}[{key!r}]")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


@pytest.mark.parametrize("manager", [False, True])
def test_the_context_becomes_plain_data_all_the_way_down(library: Library, manager: bool) -> None:
    data = plain_data(context(library, manager))
    for path, value in walk(data):
        assert type(value) in PLAIN, f"{path} is a {type(value).__name__}"


def test_plain_data_keeps_fields_and_properties_and_tuples(library: Library) -> None:
    plan = shipped(library)
    data = plain_data({"plan": plan})["plan"]  # type: ignore[index]
    assert data["person"] == "Megan Doyle"
    assert data["role"]["title"] == plan.role.title  # type: ignore[attr-defined]
    assert len(data["goals"]) == len(plan.goals)  # type: ignore[attr-defined] # a property
    assert data["analysis"]["gaps"][0]["priority"] == plan.analysis.gaps[0].priority  # type: ignore[attr-defined]
    assert data["transferable"] == [list(t) for t in plan.transferable]  # type: ignore[attr-defined]


def test_plain_data_of_a_value_that_contains_itself_is_refused() -> None:
    from careerpath.views.plain_data import CycleError

    loop: list[object] = []
    loop.append(loop)
    with pytest.raises(CycleError):
        plain_data(loop)


def methods_on_the_way(value: object, path: str, seen: set[type]) -> Iterator[tuple[str, str]]:
    """(a Jinja expression for `value`, the name of a public callable on it) for one value of
    each type reachable from `value`, the way the objects themselves are nested."""
    kind = type(value)
    if kind not in seen and kind not in (str, int, float, bool, type(None)):
        seen.add(kind)
        for name in dir(value):
            if name.startswith("_"):
                continue
            try:
                with warnings.catch_warnings():  # pydantic's deprecated names are probed too
                    warnings.simplefilter("ignore")
                    attribute = getattr(value, name)
            except Exception:  # a property that fails is no method to reach
                continue
            if callable(attribute):
                yield path, name
    items: list[tuple[str, object]] = []
    if isinstance(value, dict):
        items = [(f"{path}[{json.dumps(k)}]", v) for k, v in list(value.items())[:3]]
    elif hasattr(kind, "model_fields"):
        items = [(f"{path}.{f}", getattr(value, f)) for f in kind.model_fields]  # type: ignore[attr-defined]
    elif isinstance(value, tuple) and hasattr(kind, "_fields"):
        items = [(f"{path}.{f}", getattr(value, f)) for f in kind._fields]  # type: ignore[attr-defined]
    elif isinstance(value, (list, tuple)):
        items = [(f"{path}[{i}]", v) for i, v in enumerate(value[:2])]
    for sub_path, item in items:
        yield from methods_on_the_way(item, sub_path, seen)


def test_a_template_reaching_for_any_method_of_any_object_finds_none(
    library: Library, tmp_path: Path
) -> None:
    """Every public callable of every kind of object careerpath has in the context (pydantic's
    parse_raw, model_dump, NamedTuple's count, _replace...) is undefined for an organisation's
    template; the plain types' own methods (str.upper, list.index) are all that is left."""
    seen: set[type] = set()
    probes = [
        (path, name)
        for key, value in context(library, manager=True).items()
        for path, name in methods_on_the_way(value, key, seen)
    ]
    assert {"parse_raw", "parse_file", "model_dump", "model_copy"} <= {n for _, n in probes}
    lines = [
        f"{{% if ({path}).{name} is defined %}}REACHED {path}.{name}\n{{% endif %}}"
        for path, name in probes
    ]
    plain = tuple(str(name) for kind in (str, list, dict, dt.date) for name in dir(kind))
    lib = untrusted(library, tmp_path)
    (lib.template_dirs[0] / "probe.md.j2").write_text("".join(lines), encoding="utf-8")
    from careerpath.edges.templates import environment, render

    out = render(
        lib.template_dirs, "probe.md.j2", context(library, True), environment(lib.template_dirs)
    )
    reached = [line.split()[1] for line in out.splitlines()]
    assert [r for r in reached if r.rsplit(".", 1)[1] not in plain] == []
    assert len(probes) > 200  # the probe really walked the context


def pickle_text(marker: Path) -> str:
    class Touch:
        def __reduce__(self) -> tuple[object, ...]:
            return (os.system, (f"touch {marker}",))

    return pickle.dumps(Touch(), protocol=0).decode("latin-1")


@pytest.mark.parametrize("where", ["catalogue", "plan.role", "plan.analysis.skills[0]"])
def test_the_parse_raw_pickle_exploit_runs_nothing(tmp_path: Path, where: str) -> None:
    marker = tmp_path / "PWNED"
    evil = template(
        tmp_path,
        f"before\n{{{{ {where}.parse_raw({json.dumps(pickle_text(marker))},"
        " content_type='application/pickle', allow_pickle=true) }}\n",
    )
    message = one_line_error(run(*PLAN, "--template", evil), 1)
    assert message.startswith(f"{evil}:2: ")
    assert "parse_raw" in message
    assert not marker.exists()


def test_parse_file_reads_no_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text('{"token": "s3cr3t"}')
    evil = template(tmp_path, f"{{{{ catalogue.parse_file({json.dumps(str(secret))}) }}}}\n")
    result = run(*PLAN, "--template", evil)
    one_line_error(result, 1)
    assert "s3cr3t" not in result.output


def test_an_organisations_template_gets_plain_data_too(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    org = tmp_path / "org"
    (org / "templates").mkdir(parents=True)
    template(
        org / "templates",
        f"{{{{ plan.role.parse_raw({json.dumps(pickle_text(marker))},"
        " content_type='application/pickle', allow_pickle=true) }}\n",
        "plan.md.j2",
    )
    message = one_line_error(run("--roles-dir", org, *PLAN), 1)
    assert message.startswith(f"{org / 'templates' / 'plan.md.j2'}:1: ")
    assert not marker.exists()


# --- the shipped templates on plain data: byte for byte the same -------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_shipped_plan_templates_render_the_golden_files_in_the_sandbox_too(
    library: Library, tmp_path: Path, fmt: str
) -> None:
    plan = shipped(library)
    rendered = render_plan(plan, untrusted(library, tmp_path), fmt)  # type: ignore[arg-type]
    assert rendered.text == (GOLDEN / f"plan-testing.{fmt}").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_shipped_templates_with_a_manager_view_are_the_same_in_the_sandbox(
    library: Library, tmp_path: Path, fmt: str
) -> None:
    plan = shipped(library, manager=True)
    fast = render_plan(plan, library, fmt).text  # type: ignore[arg-type]
    assert "Self and manager" in fast
    assert render_plan(plan, untrusted(library, tmp_path), fmt).text == fast  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "command",
    [
        ("team", ROOT / "examples", "--format", "html"),
        ("progress", EXAMPLE, EXAMPLE, "--format", "html"),
        ("plan", EXAMPLE, "--date", "2027-05-02", "--previous", "PREVIOUS"),
        ("plan", EXAMPLE, "--date", "2027-05-02", "--previous", "PREVIOUS", "--format", "html"),
    ],
)
def test_every_shipped_template_renders_the_same_in_the_sandbox(
    tmp_path: Path, command: tuple[object, ...]
) -> None:
    previous = tmp_path / "previous.json"
    assert run(*PLAN, "--format", "json", "--out", previous).exit_code == 0
    done = ("goals", "done", previous, "skill:requirements_analysis:2", "--evidence", "Specs")
    assert run(*done).exit_code == 0
    args = [previous if part == "PREVIOUS" else part for part in command]
    org = tmp_path / "org"
    (org / "templates").mkdir(parents=True)
    fast = run(*args)
    sandboxed = run("--roles-dir", org, *args)
    assert fast.exit_code == 0, fast.output
    assert sandboxed.stdout == fast.stdout
    assert sandboxed.stderr == fast.stderr


# --- files a template may read ---------------------------------------------------------------


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A user's folder with a secret key and, in it, the folder of their own templates."""
    (tmp_path / ".ssh").mkdir()
    (tmp_path / ".ssh" / "id_rsa").write_text("-----BEGIN PRIVATE KEY----- secret\n")
    (tmp_path / "notes.txt").write_text("private notes\n")
    (tmp_path / "tpl").mkdir()
    return tmp_path


@pytest.mark.parametrize(
    "statement",
    [
        '{% include ".ssh/id_rsa" %}',
        '{% include "../.ssh/id_rsa" %}',
        '{% include "../notes.txt" %}',
        '{% include "/etc/passwd" %}',
        '{% extends ".hidden.md.j2" %}',
        '{% import "sub/.hidden.md.j2" as x %}',
        '{% include ".git/config" %}',
    ],
)
def test_a_template_cannot_include_hidden_or_outside_files(home: Path, statement: str) -> None:
    folder = home / "tpl"
    (folder / ".hidden.md.j2").write_text("hidden text\n")
    (folder / "sub").mkdir()
    (folder / "sub" / ".hidden.md.j2").write_text("{% macro m() %}hidden{% endmacro %}\n")
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("[core] secret\n")
    (folder / ".ssh").mkdir()
    (folder / ".ssh" / "id_rsa").write_text("inner secret\n")
    mine = template(folder, f"first\n{statement}\n")
    result = run(*PLAN, "--template", mine)
    message = one_line_error(result, 1)
    assert message.startswith(f"{mine}:2: template '")
    assert "' refused: " in message
    assert "secret" not in result.output and "hidden text" not in result.output
    assert "private notes" not in result.output


@pytest.mark.parametrize("target", ["../.ssh/id_rsa", "../notes.txt", "/etc/passwd", "../tpl-link"])
def test_an_include_through_a_symbolic_link_out_of_the_folder_is_refused(
    home: Path, target: str
) -> None:
    folder = home / "tpl"
    (home / "tpl-link").symlink_to(home / "notes.txt")
    (folder / "part.md.j2").symlink_to(target)
    (folder / "linked").symlink_to(home)  # a folder link: tpl/linked/notes.txt
    mine = template(folder, 'first\n{% include "part.md.j2" %}\n')
    result = run(*PLAN, "--template", mine)
    message = one_line_error(result, 1)
    assert message.startswith(f"{mine}:2: ")
    assert "refused" in message and "leads out of" in message
    assert "secret" not in result.output and "private notes" not in result.output
    through = template(folder, '{% include "linked/notes.txt" %}\n', "through.md.j2")
    assert "leads out of" in one_line_error(run(*PLAN, "--template", through), 1)


def test_a_link_to_a_hidden_file_in_the_folder_is_refused(home: Path) -> None:
    folder = home / "tpl"
    (folder / ".secret").write_text("hidden text\n")
    (folder / "part.md.j2").symlink_to(".secret")
    mine = template(folder, '{% include "part.md.j2" %}\n')
    result = run(*PLAN, "--template", mine)
    assert "hidden file" in one_line_error(result, 1)
    assert "hidden text" not in result.output


def test_a_link_inside_the_folder_and_shipped_templates_are_fine(home: Path) -> None:
    folder = home / "tpl"
    (folder / "parts").mkdir()
    (folder / "parts" / "head.md.j2").write_text("# {{ plan.person }}\n")
    (folder / "head.md.j2").symlink_to("parts/head.md.j2")
    mine = template(
        folder,
        '{% include "head.md.j2" %}{% include "parts/head.md.j2" %}{% include "plan.md.j2" %}',
    )
    out = run(*PLAN, "--template", mine)
    assert out.exit_code == 0, out.output
    assert out.stdout.startswith("# Megan Doyle\n# Megan Doyle\n# Growth plan: Megan Doyle")


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_an_include_of_something_not_a_regular_file_is_refused_without_hanging(
    home: Path, kind: str
) -> None:
    folder = home / "tpl"
    if kind == "fifo":
        os.mkfifo(folder / "part.md.j2")
    elif kind == "folder":
        (folder / "part.md.j2").mkdir()
    else:
        (folder / "part.md.j2").symlink_to("/dev/zero")
    mine = template(folder, '{% include "part.md.j2" %}\n')
    assert "refused" in one_line_error(run(*PLAN, "--template", mine), 1)


def test_a_template_file_too_large_is_refused(home: Path) -> None:
    big = home / "tpl" / "big.md.j2"
    big.write_text("x" * (templates.TEMPLATE_SIZE + 1))
    assert "larger than" in one_line_error(run(*PLAN, "--template", big), 1)


def test_a_template_swapped_for_a_link_after_the_check_is_not_followed(home: Path) -> None:
    """The file is opened step by step without following links (careerpath.edges.safe_open):
    a folder on the way turned into a link between the check and the open is refused."""
    from careerpath.edges.safe_open import Refused, read_below

    folder = home / "tpl"
    (folder / "parts").mkdir()
    (folder / "parts" / "a.j2").write_text("fine\n")
    assert read_below(folder, ("parts", "a.j2"), limit=100) == b"fine\n"
    shutil.rmtree(folder / "parts")
    (folder / "parts").symlink_to(home / ".ssh")
    (home / ".ssh" / "a.j2").write_text("secret\n")
    with pytest.raises(Refused, match="symbolic link"):
        read_below(folder, ("parts", "a.j2"), limit=100)


# --- runtime errors: one line each -----------------------------------------------------------

RUNTIME_ERRORS = {
    "division": ("{{ 1 / 0 }}", "division by zero"),
    "integer division": ("{{ 7 // 0 }}", "division"),
    "recursion": ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "recursion"),
    "include itself": ('{% include "mine.md.j2" %}', "recursion"),
    "overflow": ("{{ 10.0 ** 400 }}", "number too large"),
    "digits": ("{{ 7 ** 9000 }}", "4300"),
    "filter type": ("{{ plan.person | round }}", "TypeError"),
    "filter type 2": ("{{ 3 | join(',') }}", "TypeError"),
    "filter on none": ("{{ none | length }}", "TypeError"),
    "unknown filter": ("{{ plan.person | nosuch }}", "No filter named 'nosuch'"),
    "unknown test": ("{% if plan is nosuch %}{% endif %}", "No test named 'nosuch'"),
    "undefined": ("{{ nosuch_variable }}", "'nosuch_variable' is undefined"),
    "undefined attribute": ("{{ plan.nosuch }}", "nosuch"),
    "undefined in a loop": ("{% for g in plan.goals %}{{ g.nosuch }}{% endfor %}", "nosuch"),
    "index": ("{{ plan.goals[10000].title }}", ""),
    "unsafe": ("{{ ''.__class__.__mro__ }}", "sandbox"),
    "mutation": ("{{ plan.goals.append(1) }}", "sandbox"),
    "bad format": ("{{ '%d' | format('x') }}", "TypeError"),
    "value": ("{{ range(1, 5, 0) | list }}", "ValueError"),
    "sum of text": ("{{ plan.person | sum }}", "TypeError"),
    "missing include": ('{% include "nowhere.md.j2" %}', "not found"),
}


@pytest.mark.parametrize("case", RUNTIME_ERRORS, ids=list(RUNTIME_ERRORS))
def test_each_runtime_error_is_one_line_with_the_template_and_line(
    tmp_path: Path, case: str
) -> None:
    body, words = RUNTIME_ERRORS[case]
    mine = template(tmp_path, f"line one\n{{# a comment #}}\n{body}\n")
    result = run(*PLAN, "--template", mine)
    message = one_line_error(result, 1)
    assert message.startswith(f"{mine}:3: "), message
    assert words in message
    assert len(message) < 500


def test_an_error_in_an_included_template_names_that_template(tmp_path: Path) -> None:
    (tmp_path / "part.md.j2").write_text("ok\nok\n{{ 1 / 0 }}\n")
    mine = template(tmp_path, 'one\n{% include "part.md.j2" %}\n')
    message = one_line_error(run(*PLAN, "--template", mine), 1)
    assert message.startswith(f"{tmp_path / 'part.md.j2'}:3: division by zero") or (
        message.startswith(f"{tmp_path / 'part.md.j2'}:3: template error: division by zero")
    )


def test_a_runtime_error_in_an_organisation_template(tmp_path: Path) -> None:
    org = tmp_path / "org"
    (org / "templates").mkdir(parents=True)
    (org / "templates" / "plan.html.j2").write_text("<p>\n{{ plan.goals | first | int / 0 }}\n")
    message = one_line_error(run("--roles-dir", org, *PLAN, "--format", "html"), 1)
    assert message.startswith(f"{org / 'templates' / 'plan.html.j2'}:2: ")


# --- budgets ---------------------------------------------------------------------------------


def test_a_template_that_runs_too_long_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(templates, "TIME_LIMIT", 0.3)
    loop = template(
        tmp_path,
        "start\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n",
    )
    message = one_line_error(run(*PLAN, "--template", loop), 1)
    assert re.match(
        rf"{re.escape(str(loop))}:2: template stopped: it used more than 0.3 seconds", message
    )


def test_a_template_that_writes_too_much_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(templates, "OUTPUT_LIMIT", 10_000)
    flood = template(tmp_path, "start\n{% for i in range(100000) %}{{ plan.person }}{% endfor %}\n")
    result = run(*PLAN, "--template", flood)
    message = one_line_error(result, 1)
    assert message.startswith(f"{flood}:2: template stopped: it wrote more than 10000 characters")


@pytest.mark.parametrize(
    "body",
    [
        '{{ "x" * 100000000000 }}',
        "{{ plan.goals * 100000000000 }}",
        "{{ 2 ** 1000000 }}",
        "{% set n = namespace(x=10 ** 4000) %}{% for i in range(8) %}{% set n.x = n.x * n.x %}"
        "{% endfor %}",
    ],
)
def test_a_value_beyond_the_budgets_is_refused_before_it_is_built(
    tmp_path: Path, body: str
) -> None:
    mine = template(tmp_path, f"start\n{body}\n")
    message = one_line_error(run(*PLAN, "--template", mine), 1)
    assert message.startswith(f"{mine}:2: template stopped: it would ")


@memory_capped
@pytest.mark.parametrize(
    "body",
    [
        '{{ "%900000000d" | format(1) }}',
        '{% set n = namespace(s="x") %}{% for i in range(40) %}{% set n.s = n.s ~ n.s %}'
        "{% endfor %}{{ n.s | length }}",
        '{{ "x" | center(2000000000) }}',  # folded at compile time, were Jinja to optimise
    ],
)
def test_a_template_runs_out_of_its_memory_not_the_machines(tmp_path: Path, body: str) -> None:
    mine = template(tmp_path, f"start\n{body}\n")
    message = one_line_error(run(*PLAN, "--template", mine), 1)
    assert message.startswith(f"{mine}:2: template error: out of memory")


def test_budgets_are_restored_after_a_render(tmp_path: Path) -> None:
    import resource
    import signal

    before = (resource.getrlimit(resource.RLIMIT_AS), signal.getsignal(signal.SIGPROF))
    mine = template(tmp_path, "{{ plan.person }}\n")
    assert run(*PLAN, "--template", mine).stdout == "Megan Doyle\n"
    one_line_error(run(*PLAN, "--template", template(tmp_path, "{{ 1/0 }}", "x.md.j2")), 1)
    assert (resource.getrlimit(resource.RLIMIT_AS), signal.getsignal(signal.SIGPROF)) == before
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_shipped_templates_alone_keep_the_fast_path(library: Library) -> None:
    from jinja2.sandbox import SandboxedEnvironment

    env = templates.environment([locations.builtin("templates")])
    assert not isinstance(env, SandboxedEnvironment)
