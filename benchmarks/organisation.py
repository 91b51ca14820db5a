"""The organisation-scale rows of benchmarks/bench.py: `careerpath team`, `plan DIR --out-dir` and
`export` on generated folders of 1,000 to 50,000 inventories, against the C-loader floor.

For each size (bench.py --org 1000,10000,50000), in one run and on the same files:

- the floor: one process reading every file and parsing it with `yaml.load(text, CSafeLoader)`,
  nothing else, on one core. careerpath's targets for `team` are a ratio to it: at most 1.0x
  its wall time, using every core;
- `careerpath team DIR --format json` (output to /dev/null), start-up included: wall time, CPU
  time of the command and its worker processes, and the peak resident memory of the largest of
  them (os.wait4's ru_maxrss, which covers the workers it waited for), per file too;
- `careerpath export DIR --format csv`, the same way;
- at the first size up to 1,000 files: `careerpath plan DIR --out-dir OUT`, against the loop a
  manager would otherwise run (`careerpath plan FILE --out F` per person; timed on a sample of
  LOOP_SAMPLE people and scaled, since the whole loop takes minutes).

The folders are generated once (benchmarks/team_folder.py) into --folders and reused by later
runs; 50,000 files take about 200 MB and a minute to write.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PLAN_DATE = "2026-11-02"
FLOOR_TARGET = 1.0  # team wall time, as a ratio to the floor's
MEMORY_TARGET_MB = 400  # peak at 50,000 files
PLANS = 1000
PLAN_FILES = 1100  # files holding about PLANS people (every tenth has an older file too)
PLANS_TARGET_S = 3.0
LOOP_SAMPLE = 20
WARM_UP_BELOW = 50_000  # files; larger folders warm only the page cache (the floor's run)
FLOOR_CODE = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""


SAMPLE_S = 0.02  # how often the process tree's memory is read


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float  # the process tree's resident memory, summed, at its highest
    code: int
    error: str = ""
    largest_mb: float = 0.0  # the largest single process at its highest (os.wait4's ru_maxrss)
    busiest: float = 0.0  # CPU seconds of the busiest single process (the command or a worker)


@dataclass
class Size:
    files: int
    people: int = 0
    runs: dict[str, list[Run]] = field(default_factory=dict)

    def median(self, name: str) -> Run:
        runs = self.runs[name]
        wall = statistics.median(r.wall for r in runs)
        cpu = statistics.median(r.cpu for r in runs)
        peak = max(r.peak_mb for r in runs)
        largest = max(r.largest_mb for r in runs)
        busiest = statistics.median(r.busiest for r in runs)
        errors = [r.error for r in runs if r.error]
        code = max(r.code for r in runs)
        return Run(wall, cpu, peak, code, errors[0] if errors else "", largest, busiest)


class TreeMemory(threading.Thread):
    """The highest sum of resident memory over a process and all its descendants, and each
    one's own CPU time when last seen, read from /proc every SAMPLE_S seconds (Linux; elsewhere
    nothing). A sample costs about a millisecond."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.cpu: dict[int, float] = {}  # pid -> user + system seconds of its own
        self.done = threading.Event()
        self.page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
        self.tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def run(self) -> None:
        while not self.done.wait(SAMPLE_S):
            self.peak = max(self.peak, self.sample())

    def sample(self) -> int:
        parents: dict[int, int] = {}
        resident: dict[int, int] = {}
        used: dict[int, float] = {}
        try:
            names = os.listdir("/proc")
        except OSError:
            return 0
        for name in names:
            if not name.isdigit():
                continue
            try:
                with open(f"/proc/{name}/stat", "rb") as stream:
                    fields = stream.read().rsplit(b")", 1)[1].split()
            except (OSError, IndexError):
                continue  # ended meanwhile
            parents[int(name)] = int(fields[1])
            resident[int(name)] = int(fields[21]) * self.page
            used[int(name)] = (int(fields[11]) + int(fields[12])) / self.tick
        tree, total = {self.pid}, 0
        for pid in sorted(parents):  # children have larger ids, unless the ids wrapped
            if pid in tree or parents[pid] in tree:
                tree.add(pid)
                total += resident.get(pid, 0)
                self.cpu[pid] = used[pid]
        return total


def measure(argv: list[str], env: dict[str, str], cwd: Path = ROOT) -> Run:
    """One run of `argv`: wall time, CPU time of it and its children (os.wait4), the process
    tree's peak memory (TreeMemory) and the largest single process's (ru_maxrss)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    memory = TreeMemory(child.pid)
    memory.start()
    assert child.stderr is not None
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    memory.done.set()
    memory.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    code = child.returncode
    error = ""
    if code not in (0,):
        tail = stderr.decode(errors="replace").strip().splitlines()[-2:]
        error = f"exit {code}: " + " | ".join(tail)
    largest = usage.ru_maxrss / 1024
    peak = max(memory.peak / 2**20, largest)  # a run shorter than a sample: its largest
    cpu = usage.ru_utime + usage.ru_stime
    busiest = max(memory.cpu.values(), default=cpu)
    return Run(wall, cpu, peak, code, error, largest, min(busiest, cpu))


def careerpath() -> list[str]:
    script = Path(sys.executable).parent / "careerpath"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "careerpath"]


def folders_for(sizes: list[int], root: Path, seed: int) -> dict[int, Path]:
    sys.path.insert(0, str(HERE))
    from team_folder import generate

    from careerpath.core.assessment import skill_order
    from careerpath.edges.load import load_library

    library = load_library()
    skills, roles = skill_order(library.catalogue), sorted(library.roles)
    return {n: generate(root / f"team-{n}", n, seed, skills, roles) for n in sizes}


def measure_sizes(
    sizes: list[int], root: Path, seed: int, runs: int, env: dict[str, str]
) -> tuple[list[Size], list[str]]:
    notes: list[str] = []
    folders = folders_for(sizes, root, seed)
    cli = careerpath()
    results = []
    for files in sizes:
        folder = folders[files]
        size = Size(files)
        size.people = sum(1 for p in folder.glob("*.yaml") if "-" not in p.stem)
        commands = {
            "floor": [sys.executable, "-c", FLOOR_CODE, str(folder)],
            "team": [*cli, "team", str(folder), "--format", "json"],
            "export": [*cli, "export", str(folder), "--format", "csv"],
        }
        for name, argv in commands.items():  # warm-up: the page cache, careerpath's cache
            if files < WARM_UP_BELOW or name == "floor":  # the floor reads every file
                measure(argv, env)
            size.runs[name] = []
        for _ in range(runs):  # in turn, so that drift on a busy machine hits them all alike
            for name, argv in commands.items():
                size.runs[name].append(measure(argv, env))
        results.append(size)
        notes.append(f"org {files:,}: load average {_load()} after")
    return results, notes


def measure_plans(root: Path, seed: int, env: dict[str, str]) -> tuple[dict[str, Run], int]:
    """`plan DIR --out-dir` on 1,000 files, and the loop of single runs it replaces."""
    folder = folders_for([PLAN_FILES], root, seed)[PLAN_FILES]
    cli = careerpath()
    latest = sorted(p for p in folder.glob("*.yaml") if "-" not in p.stem)
    with tempfile.TemporaryDirectory(prefix="careerpath-plans-") as scratch:

        def batch(out: str) -> list[str]:  # a new folder each time, as a first run writes
            return [*cli, "plan", str(folder), "--out-dir", f"{scratch}/{out}", "--date", PLAN_DATE]

        measure(batch("warm-up"), env)
        floor = [sys.executable, "-c", FLOOR_CODE, str(folder)]
        runs = {"floor": measure(floor, env), "batch": measure(batch("plans"), env)}
        written = len(list(Path(scratch, "plans").iterdir()))
        start = time.perf_counter()
        cpu = 0.0
        for number, path in enumerate(latest[:LOOP_SAMPLE]):
            one = measure(
                [*cli, "plan", str(path), "--date", PLAN_DATE, "--out", f"{scratch}/{number}.md"],
                env,
            )
            cpu += one.cpu
        wall = time.perf_counter() - start
        scale = len(latest) / LOOP_SAMPLE
        runs["loop"] = Run(wall * scale, cpu * scale, 0.0, 0)
    return runs, written


def _load() -> str:
    try:
        return "/".join(f"{value:.2f}" for value in os.getloadavg())
    except (AttributeError, OSError):
        return "unknown"


def org_table(sizes: list[Size]) -> str:
    """One row per size and command. Two ratios to the floor: wall time, and the CPU time of
    the busiest single process (the command or one worker) against the floor's CPU time, the
    least wall time the command can take with its cores free; on a machine busy with other
    work the first says how the load fell, the second does not depend on it."""
    lines = [
        "| files (people) | command | wall s | wall ratio | CPU s | CPU per file | busiest"
        " process, CPU s | its ratio | peak memory, all processes | largest process | target |"
        " result |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for size in sizes:
        floor = size.median("floor")
        for name in ("floor", "team", "export"):
            run = size.median(name)
            ratio = "-" if name == "floor" else f"{run.wall / floor.wall:.2f}"
            busy = "-" if name == "floor" else f"{run.busiest / floor.cpu:.2f}"
            target, verdict = "-", "-"
            if name == "team" and size.files >= 10_000:
                target = f"<= {FLOOR_TARGET:g}x floor"
                verdicts = [
                    f"wall {_passed(run.wall <= FLOOR_TARGET * floor.wall)}",
                    f"busiest CPU {_passed(run.busiest <= FLOOR_TARGET * floor.cpu)}",
                ]
                if size.files >= 50_000:
                    target += f", < {MEMORY_TARGET_MB} MB"
                    verdicts.append(f"memory {_passed(run.peak_mb < MEMORY_TARGET_MB)}")
                verdict = ", ".join(verdicts)
            if run.error:
                verdict = f"error ({run.error})"
            label = {
                "floor": "floor: `yaml.load(CSafeLoader)` loop, 1 core",
                "team": "`careerpath team DIR --format json`",
                "export": "`careerpath export DIR --format csv`",
            }[name]
            lines.append(
                f"| {size.files:,} ({size.people:,}) | {label} | {run.wall:.2f} | {ratio} |"
                f" {run.cpu:.2f} | {run.cpu / size.files * 1e6:,.0f} us | {run.busiest:.2f} |"
                f" {busy} | {run.peak_mb:,.0f} MB | {run.largest_mb:,.0f} MB | {target} |"
                f" {verdict} |"
            )
    return "\n".join(lines)


def _passed(good: bool) -> str:
    return "pass" if good else "FAIL"


def growth_note(sizes: list[Size]) -> str | None:
    """How peak memory grows with the number of people, between the smallest and largest."""
    if len(sizes) < 2:
        return None
    small, large = sizes[0], sizes[-1]
    people = large.people - small.people
    if people <= 0:
        return None
    notes = []
    for name in ("team", "export"):
        grown = (large.median(name).peak_mb - small.median(name).peak_mb) * 1024 / people
        notes.append(f"`{name}` {grown:.2f} KB")
    return (
        f"peak memory grows by {' and '.join(notes)} per person from {small.files:,} to"
        f" {large.files:,} files (team: the output's own rows, a code per skill and readiness per"
        " role for each person, kept to sort them; export keeps only who is whose latest file)"
    )


def plans_table(runs: dict[str, Run], written: int) -> str:
    batch, loop, floor = runs["batch"], runs["loop"], runs["floor"]
    verdict = (
        f"wall {_passed(batch.wall < PLANS_TARGET_S)},"
        f" busiest CPU {_passed(batch.busiest < PLANS_TARGET_S)}"
    )
    if batch.error:
        verdict = f"error ({batch.error})"
    per_plan = 1000 / max(1, written)
    return "\n".join(
        [
            "| plans | wall s | CPU s | CPU per plan | busiest process, CPU s | its ratio to the"
            " floor's CPU | target | result |",
            "|---|---:|---:|---:|---:|---:|---|---|",
            f"| floor: `yaml.load(CSafeLoader)` loop over the same {PLAN_FILES:,} files, 1 core |"
            f" {floor.wall:.2f} | {floor.cpu:.2f} | - | {floor.busiest:.2f} | - | - | - |",
            f"| `careerpath plan DIR --out-dir OUT`, {written:,} plans | {batch.wall:.2f} |"
            f" {batch.cpu:.2f} | {batch.cpu * per_plan:.1f} ms | {batch.busiest:.2f} |"
            f" {batch.busiest / floor.cpu:.1f} | < {PLANS_TARGET_S:g} s | {verdict} |",
            f"| the loop: `careerpath plan FILE` x {written:,} (timed on {LOOP_SAMPLE}, scaled) |"
            f" {loop.wall:.1f} | {loop.cpu:.1f} | {loop.cpu * per_plan:.0f} ms | - | - | - | - |",
        ]
    )
