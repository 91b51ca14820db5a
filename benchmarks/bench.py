"""careerpath's speed benchmark: start-up against the typer floor, and a 1,000-person team run.

Run from anywhere, with the interpreter that has careerpath installed:

    .venv/bin/python benchmarks/bench.py [--runs N] [--team N] [--team-runs N] [--seed N]
                                         [--instructions] [--org SIZES] [--org-runs N]
                                         [--folders DIR] [--no-startup]

It prints Markdown tables and always exits 0: it measures, it does not gate.

- Start-up rows are the median wall time (ms) of N runs of each command as a subprocess, after
  one warm-up run each. The commands take turns, one run of each per round, so drift on a busy
  machine hits them all alike. careerpath is run through the console script next to
  sys.executable (else `python -m careerpath`), the floor as `python benchmarks/floor.py`.
  The runs get a private bytecode cache (a temporary PYTHONPYCACHEPREFIX), as an installed
  careerpath has its .pyc files; `--no-bytecode-cache` runs them in the environment as it is.
  careerpath's own cache (CAREERPATH_CACHE) is a temporary folder, filled by the warm-up: the
  targets are for the steady state. Two rows for information run with CAREERPATH_CACHE=off,
  what the first run after installing or editing the role files pays. Beside wall time, each
  row has the median CPU time (user + system) of the same runs.
- `--instructions` adds one run of each start-up command under valgrind's callgrind, which
  counts the instructions executed: the same count for the same code and input however busy
  the machine is, where wall times on a shared 2-core machine swing by 10% between runs. The
  targets are judged on wall time; the instruction ratio says whether a change really moved.
- The floor (benchmarks/floor.py) is the smallest typer app with one real command. Absolute
  times drift between machines and minutes, so careerpath's rows are judged as a ratio to the
  floor measured in the same run: `--help` against floor `--help`, real commands against floor
  `run`. A ratio of 1.3 means careerpath costs 30% more than any typer CLI must.
- Team rows run in this process (imports are not counted; the start-up rows cover them),
  median of --team-runs whole passes (default 3): a deterministic team of N inventories
  (random.Random(seed)) rating every catalogue skill, written as YAML to a temporary folder,
  then loaded and validated, ranked against every role (careerpath.core.gaps.rank) and given a
  rendered Markdown plan (build_plan, and one Jinja environment for the whole team). The target
  for N = 1,000 on a 2-core machine is under 5 s, both for gaps and plans alone and for the whole
  run with the files read; other team sizes scale it in proportion.
- `--org 1000,10000,50000` adds the organisation tables (benchmarks/organisation.py): `team`
  and `export` on generated folders of each size against a single-core `yaml.load(CSafeLoader)`
  loop over the same files, measured in the same run, with CPU time and the peak memory of the
  whole process tree; and `plan DIR --out-dir` on 1,000 files against the loop of single runs
  it replaces. `--no-startup` leaves the start-up rows out. The 50,000 folder takes minutes:
  run it by hand, never in CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FLOOR = HERE / "floor.py"
EXAMPLE = "examples/support-analyst.yaml"  # relative to ROOT, where the commands run
PLAN_DATE = "2026-11-02"
TEAM_TARGET_S = 5.0
TEAM_VIEW_TARGET_S = 3.0  # `careerpath team` on 1,000 inventories, start-up included (see below)
T = TypeVar("T")


def careerpath_command() -> list[str]:
    """The console script installed next to this interpreter, else `python -m careerpath`."""
    bin_dir = Path(sys.executable).parent
    for name in ("careerpath", "careerpath.exe"):
        script = bin_dir / name
        if script.is_file():
            return [str(script)]
    return [sys.executable, "-m", "careerpath"]


@dataclass
class Command:
    name: str
    argv: list[str]
    baseline: str | None = None  # the name of the floor row this one is compared with
    target: float | None = (
        None  # the largest acceptable ratio to the baseline; None: for information
    )
    extra_env: dict[str, str] | None = None
    times: list[float] | None = None
    cpu_times: list[float] | None = None
    error: str | None = None


@dataclass
class Row:
    name: str
    ms: float | None
    ratio: str = "-"
    target: str = "-"
    verdict: str = "-"
    cpu_ms: float | None = None
    cpu_ratio: str = "-"


def run_once(command: Command, env: dict[str, str]) -> tuple[float, float]:
    """One run's wall time and CPU time (user + system, from the child's resource usage)."""
    if command.extra_env:
        env = {**env, **command.extra_env}
    before = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        command.argv, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    cpu = _children_cpu() - before
    if done.returncode != 0 and command.error is None:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        command.error = f"exit {done.returncode}: " + " | ".join(tail)
    return elapsed, cpu


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows: no CPU column
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def subprocess_env(folder: Path, bytecode_cache: bool) -> dict[str, str]:
    """The environment for the timed runs, with its caches in the temporary `folder`.

    careerpath's own cache (CAREERPATH_CACHE: the validated library, compiled templates) goes in
    `folder`, not the user's cache folder; the warm-up run fills it, as any earlier run would.
    An installed careerpath has its .pyc files written at install time; an editable install in a
    shell with PYTHONDONTWRITEBYTECODE=1 would recompile careerpath's own modules on every run
    (and only those: its dependencies have theirs). A private PYTHONPYCACHEPREFIX, filled by the
    warm-up run, measures what a user gets without writing anything into the source tree.
    """
    env = dict(os.environ)
    env["CAREERPATH_CACHE"] = str(folder / "careerpath-cache")
    if bytecode_cache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return env


def measure_startup(runs: int, env: dict[str, str]) -> list[Command]:
    cli = careerpath_command()
    floor = [sys.executable, str(FLOOR)]
    commands = [
        Command("floor `--help`", [*floor, "--help"]),
        Command("floor `run`", [*floor, "run"]),
        Command("`careerpath --help`", [*cli, "--help"], "floor `--help`", 1.3),
        Command(f"`careerpath gaps {EXAMPLE}`", [*cli, "gaps", EXAMPLE], "floor `run`", 1.3),
        Command(
            f"`careerpath plan {EXAMPLE} --role testing --date {PLAN_DATE}`",
            [*cli, "plan", EXAMPLE, "--role", "testing", "--date", PLAN_DATE],
            "floor `run`",
            1.5,
        ),
        # For information: what a first run pays, before careerpath's cache has an entry (just
        # installed, or role files just edited). No target: the rows above are the steady state.
        Command(
            "`careerpath gaps ...`, careerpath's cache off",
            [*cli, "gaps", EXAMPLE],
            "floor `run`",
            extra_env={"CAREERPATH_CACHE": "off"},
        ),
        Command(
            "`careerpath plan ...`, careerpath's cache off",
            [*cli, "plan", EXAMPLE, "--role", "testing", "--date", PLAN_DATE],
            "floor `run`",
            extra_env={"CAREERPATH_CACHE": "off"},
        ),
    ]
    for command in commands:  # warm-up: bytecode caches, page cache
        run_once(command, env)
        command.times, command.cpu_times = [], []
    for _ in range(runs):
        for command in commands:
            assert command.times is not None and command.cpu_times is not None
            wall, cpu = run_once(command, env)
            command.times.append(wall)
            command.cpu_times.append(cpu)
    return commands


def startup_rows(commands: list[Command]) -> list[Row]:
    medians = {c.name: statistics.median(c.times or [0.0]) * 1000 for c in commands}
    cpu = {c.name: statistics.median(c.cpu_times or [0.0]) * 1000 for c in commands}
    rows = []
    for command in commands:
        ms, cpu_ms = medians[command.name], cpu[command.name] or None
        if command.error is not None:
            rows.append(Row(command.name, ms, "-", _target(command.target), "error", cpu_ms))
            continue
        if command.baseline is None:
            rows.append(Row(command.name, ms, cpu_ms=cpu_ms))
            continue
        exact = ms / medians[command.baseline]
        ratio = f"{exact:.2f}"
        cpu_ratio = f"{cpu_ms / cpu[command.baseline]:.2f}" if cpu_ms else "-"
        if command.target is None:
            rows.append(Row(command.name, ms, ratio, "(information)", "-", cpu_ms, cpu_ratio))
            continue
        verdict = "pass" if exact <= command.target else "FAIL"
        rows.append(
            Row(command.name, ms, ratio, _target(command.target), verdict, cpu_ms, cpu_ratio)
        )
    return rows


def _target(ratio: float | None) -> str:
    return "-" if ratio is None else f"<= {ratio:g}x floor"


def count_instructions(commands: list[Command], env: dict[str, str]) -> dict[str, int | str]:
    """Each command's instruction count under callgrind (or why there is none), one per CPU."""
    import re
    import shutil
    from concurrent.futures import ThreadPoolExecutor

    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return {c.name: "valgrind not found" for c in commands}

    def count(command: Command) -> int | str:
        run_env = {**env, **(command.extra_env or {})}
        argv = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *command.argv]
        done = subprocess.run(argv, cwd=ROOT, env=run_env, capture_output=True, text=True)
        found = re.search(r"Collected : ([0-9]+)", done.stderr)
        return int(found.group(1)) if found else f"callgrind failed (exit {done.returncode})"

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return dict(zip([c.name for c in commands], pool.map(count, commands), strict=True))


def instruction_table(commands: list[Command], counts: dict[str, int | str]) -> str:
    lines = ["| benchmark | instructions (millions) | ratio | target |", "|---|---:|---:|---|"]
    for command in commands:
        value = counts[command.name]
        if isinstance(value, str):
            lines.append(f"| {command.name} | {value} | - | - |")
            continue
        base = counts.get(command.baseline or "")
        ratio = f"{value / base:.2f}" if isinstance(base, int) else "-"
        target = "(information)" if command.baseline and command.target is None else "-"
        if command.target is not None:
            target = _target(command.target)
        lines.append(f"| {command.name} | {value / 1e6:,.0f} | {ratio} | {target} |")
    return "\n".join(lines)


# --- the team, in process ------------------------------------------------------------------


def make_team(size: int, seed: int, skills: list[str], roles: list[str]) -> list[dict[str, object]]:
    """Plain inventory data for `size` people, the same for the same seed, catalogue and roles."""
    rng = random.Random(seed)
    team = []
    for number in range(size):
        ratings: dict[str, object] = {}
        for skill in skills:
            draw = rng.random()
            if draw < 0.04:
                ratings[skill] = "n/a"
            elif draw < 0.10:
                ratings[skill] = "unsure"
            elif draw < 0.40:
                ratings[skill] = {
                    "level": rng.randint(0, 5),
                    "evidence": f"Ticket {rng.randint(10000, 99999)}: what I did, and who saw it"
                    " (a sentence or two of evidence, as people write them).",
                }
            else:
                ratings[skill] = rng.choice((0, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5))
        team.append(
            {
                "person": f"Person {number:04d}",
                "date": dt.date(2026, 1, 5) + dt.timedelta(days=rng.randint(0, 300)),
                "current_role": rng.choice(roles),
                "years_in_role": rng.randint(0, 20) / 2,
                "targets": rng.sample(roles, rng.randint(1, min(3, len(roles)))),
                "ratings": ratings,
                "aspirations": "Move on within a year, with a plan my manager has agreed.",
                "credentials": rng.sample(["CompTIA A+", "ITIL 4 Foundation", "ISTQB CTFL"], 1),
                "experiences": ["Buddied a new starter through their first month"],
            }
        )
    return team


def timed(results: dict[str, float], name: str, work: Callable[[], T]) -> T:
    """Run `work`, keeping its wall time in results[name] and its CPU time in results[cpu name]."""
    cpu, start = time.process_time(), time.perf_counter()
    value = work()
    results[name] = time.perf_counter() - start
    results[f"cpu {name}"] = time.process_time() - cpu
    return value


def team_pass(paths: list[Path], start: dt.date) -> tuple[dict[str, float], list[object], int]:
    """One whole team run, as a fresh process would do it: seconds per stage, the inventories
    read, and the average length of a rendered plan."""
    from careerpath.core.gaps import ranking_of
    from careerpath.core.plan.builder import build_plan
    from careerpath.core.plan.horizon import parse_horizon
    from careerpath.edges.load import load_inventory, load_library
    from careerpath.edges.templates import environment, render

    results: dict[str, float] = {}
    library = timed(results, "load library", load_library)
    catalogue = library.catalogue
    roles = list(library.roles.values())
    horizon = parse_horizon("6m")
    team = timed(results, "load", lambda: [load_inventory(path, library) for path in paths])
    timed(results, "gaps", lambda: [ranking_of(inv, roles, catalogue) for inv in team])
    env = environment(library.template_dirs, markdown=True)  # as `plan` has it, for the team

    def plans() -> list[str]:
        out = []
        for inventory in team:
            the_plan = build_plan(
                inventory,
                library.role(inventory.targets[0]),
                catalogue,
                roles,
                start=start,
                horizon=horizon,
            )
            context = {"plan": the_plan, "catalogue": catalogue}
            out.append(render(library.template_dirs, "plan.md.j2", context, env=env))
        return out

    rendered = timed(results, "plans", plans)

    def team_view() -> None:  # `careerpath team DIR`: files read, then the view as text and JSON
        import json

        from careerpath.core.reviews.team import team
        from careerpath.edges.inventory_folder import inventory_paths, read_inventories
        from careerpath.views.team_text import team_data, team_text

        loaded, _ = read_inventories(inventory_paths(paths[0].parent), library)
        view = team([inv for _, inv in loaded], roles, catalogue)
        team_text(view)
        json.dumps(team_data(view), indent=2)

    timed(results, "team view", team_view)
    results["core"] = results["gaps"] + results["plans"]
    results["whole"] = results["load"] + results["core"]
    results["cpu whole"] = results["cpu load"] + results["cpu gaps"] + results["cpu plans"]
    chars = sum(len(text) for text in rendered) // max(1, len(rendered))
    return results, list(team), chars


def measure_team(size: int, seed: int, passes: int) -> tuple[dict[str, float], str]:
    """Median seconds per stage of `passes` team runs; a note on what was checked."""
    from careerpath.core.model import Inventory
    from careerpath.edges.load import load_library
    from careerpath.edges.yaml_source import dump

    library = load_library()
    team_data = make_team(size, seed, list(library.catalogue.skills), sorted(library.roles))
    team = [Inventory.model_validate(data) for data in team_data]
    runs: list[dict[str, float]] = []
    chars = 0
    with tempfile.TemporaryDirectory(prefix="careerpath-bench-") as folder:
        paths = []
        for number, data in enumerate(team_data):
            path = Path(folder) / f"person-{number:04d}.yaml"
            path.write_text(dump(data), encoding="utf-8")
            paths.append(path)
        for _ in range(passes):
            results, loaded, chars = team_pass(paths, dt.date.fromisoformat(PLAN_DATE))
            if loaded != team:
                raise AssertionError("inventories read back from YAML differ from the generated")
            # the whole command, start-up included, as a person runs it (cache warm after pass 1)
            command = [*careerpath_command(), "team", folder, "--format", "json"]
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False, cwd=ROOT)
            results["team command"] = time.perf_counter() - start
            runs.append(results)

    medians = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    note = (
        f"team: {size:,} inventories x {len(library.catalogue.skills)} skills,"
        f" {len(library.roles)} roles, seed {seed}, median of {passes} passes;"
        f" YAML read back equal to the generated values; plans average {chars:,} characters;"
        f" CPU time {medians['cpu whole']:.2f} s of {medians['whole']:.2f} s wall for files + gaps"
        " + plans"
    )
    if medians["cpu whole"] < 0.85 * medians["whole"]:
        note += " (much less CPU than wall time: the machine was busy with other work)"
    return medians, note


def team_rows(results: dict[str, float], size: int) -> list[Row]:
    target = TEAM_TARGET_S * size / 1000

    def seconds_row(name: str, seconds: float, target: float | None = None) -> Row:
        if target is None:
            return Row(name, seconds * 1000)
        verdict = "pass" if seconds < target else "FAIL"
        return Row(name, seconds * 1000, "-", f"< {target:g} s", verdict)

    return [
        seconds_row("load library (catalogue + roles), once", results["load library"]),
        seconds_row(f"team: load + validate {size:,} inventory files", results["load"]),
        seconds_row(f"team: gaps (rank every role) x {size:,}", results["gaps"]),
        seconds_row(f"team: plan built + rendered x {size:,}", results["plans"]),
        seconds_row(f"team: gaps + plans, {size:,} people", results["core"], target),
        seconds_row(f"team: files + gaps + plans, {size:,} people", results["whole"], target),
        seconds_row(f"team view in process: files + view, {size:,} people", results["team view"]),
        seconds_row(
            f"`careerpath team DIR --format json`, {size:,} people, start-up included",
            results["team command"],
            TEAM_VIEW_TARGET_S * size / 1000,
        ),
    ]


# --- output --------------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    lines = [
        "| benchmark | median ms | ratio | target | result | CPU ms | CPU ratio |",
        "|---|---:|---:|---|---|---:|---:|",
    ]
    for row in rows:
        ms = "-" if row.ms is None else f"{row.ms:,.1f}"
        cpu = "-" if row.cpu_ms is None else f"{row.cpu_ms:,.1f}"
        lines.append(
            f"| {row.name} | {ms} | {row.ratio} | {row.target} | {row.verdict} | {cpu}"
            f" | {row.cpu_ratio} |"
        )
    return "\n".join(lines)


def _load_average() -> str:
    try:
        return "/".join(f"{value:.2f}" for value in os.getloadavg())
    except (AttributeError, OSError):  # not on Windows
        return "unknown"


def measure_organisation(
    sizes: list[int], args: argparse.Namespace, env: dict[str, str]
) -> list[str]:
    """The organisation tables (benchmarks/organisation.py) and their notes, as Markdown."""
    sys.path.insert(0, str(HERE))
    import organisation

    runs = max(1, args.org_runs)
    try:
        results, notes = organisation.measure_sizes(sizes, args.folders, args.seed, runs, env)
        parts = [organisation.org_table(results)]
        growth = organisation.growth_note(results)
        if growth:
            notes.append(growth)
        plans, written = organisation.measure_plans(args.folders, args.seed, env)
        parts.append(organisation.plans_table(plans, written))
    except Exception as exc:  # a benchmark reports; it does not stop at the first problem
        return [f"- organisation run failed: {type(exc).__name__}: {exc}"]
    notes.insert(0, f"organisation: median of {runs} runs after one warm-up, commands in turn;"
                 f" folders in {args.folders} (seed {args.seed}), reused")  # fmt: skip
    return [*parts, "\n".join(f"- {note}" for note in notes)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per command (default 15)")
    parser.add_argument("--team", type=int, default=1000, help="team size (default 1000)")
    parser.add_argument("--seed", type=int, default=2026, help="team random seed (default 2026)")
    parser.add_argument(
        "--team-runs", type=int, default=3, help="whole team runs, in process (default 3)"
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count each start-up command's instructions once, under valgrind (callgrind)",
    )
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="run the commands in this environment as it is (by default they get a private"
        " bytecode cache, as an installed careerpath has)",
    )
    parser.add_argument(
        "--org",
        default="1000",
        help="organisation-scale folder sizes, comma-separated (default 1000; the README's table:"
        " 1000,10000,50000; 0 for none): team, export and the C-loader floor on each, and batch"
        " plans on 1,000 (benchmarks/organisation.py)",
    )
    parser.add_argument(
        "--org-runs", type=int, default=1, help="runs of each organisation command (default 1)"
    )
    parser.add_argument(
        "--folders",
        type=Path,
        default=Path(tempfile.gettempdir()) / "careerpath-bench-org",
        help="where the generated folders are kept and reused (default: the temporary folder)",
    )
    parser.add_argument(
        "--no-startup", action="store_true", help="leave out the start-up rows (and --team)"
    )
    args = parser.parse_args()
    runs = max(1, args.runs)
    load_before = _load_average()
    sizes = [int(n) for n in args.org.split(",") if int(n) > 0]

    org_output: list[str] = []
    with tempfile.TemporaryDirectory(prefix="careerpath-bench-") as folder:
        env = subprocess_env(Path(folder), bytecode_cache=not args.no_bytecode_cache)
        commands = [] if args.no_startup else measure_startup(runs, env)
        counts = count_instructions(commands, env) if args.instructions else None
        if sizes:
            org_output = measure_organisation(sizes, args, env)
    rows = startup_rows(commands)
    if args.no_bytecode_cache:
        cache = "environment as is" + (
            ", PYTHONDONTWRITEBYTECODE set: careerpath recompiled every run"
            if os.environ.get("PYTHONDONTWRITEBYTECODE")
            else ""
        )
    else:
        cache = "private bytecode cache (PYTHONPYCACHEPREFIX), filled by the warm-up"
    notes = [f"start-up: median of {runs} runs each after one warm-up, commands in turn; {cache}"]
    notes.extend(f"{c.name} failed: {c.error}" for c in commands if c.error)
    if args.team > 0 and not args.no_startup:
        try:
            results, note = measure_team(args.team, args.seed, max(1, args.team_runs))
            rows.extend(team_rows(results, args.team))
            notes.append(note)
        except Exception as exc:  # a benchmark reports; it does not stop at the first problem
            rows.append(Row(f"team of {args.team:,}", None, "-", f"< {TEAM_TARGET_S:g} s", "error"))
            notes.append(f"team run failed: {type(exc).__name__}: {exc}")

    print(
        f"careerpath benchmark: Python {platform.python_version()}, {platform.system()}"
        f" {platform.machine()}, {os.cpu_count()} CPUs, {dt.datetime.now():%Y-%m-%d %H:%M},"
        f" load average before {load_before}, after {_load_average()}\n"
    )
    if rows:
        print(table(rows))
        print()
    for part in org_output:
        print(part)
        print()
    if counts is not None:
        print(instruction_table(commands, counts))
        print()
    for note in notes:
        print(f"- {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
