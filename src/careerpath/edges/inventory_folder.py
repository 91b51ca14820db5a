"""Reading a folder of inventories (team, history): every readable one, and every problem.

`read_team` reads a team's folder in worker processes, keeping only each file's row of the team
view. A malformed file does not stop the others: its error (file and line) is collected, and
the command exits 1 at the end. Files that are not inventories (the unfinished assessment, role
profiles) are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from careerpath.core.model import Inventory
from careerpath.core.reviews.team import PersonRow, Scope, Tally, summarise
from careerpath.edges.inventory_files import PROGRESS_FILE, sequence_key
from careerpath.edges.load import Library, load_inventory, yaml_files
from careerpath.errors import CareerpathError, UsageError

Tick = Callable[[int], None]


def inventory_paths(folder: Path) -> list[Path]:
    """The YAML files of `folder` in the order careerpath named them (a day's first file before
    its `-2`), without the unfinished assessment."""
    if not folder.is_dir():
        problem = "is not a folder" if folder.exists() else "does not exist"
        raise UsageError(f"{problem}; name a folder of inventory files", file=folder)
    return sorted((p for p in yaml_files(folder) if p.name != PROGRESS_FILE), key=sequence_key)


def read_inventories(
    paths: Sequence[Path], library: Library, tick: Tick | None = None
) -> tuple[list[tuple[Path, Inventory]], list[CareerpathError]]:
    """(path, Inventory) for each file that loads; the first problem of each that does not."""
    loaded: list[tuple[Path, Inventory]] = []
    errors: list[CareerpathError] = []
    for path in paths:
        try:
            loaded.append((path, load_inventory(path, library)))
        except CareerpathError as error:
            errors.append(error)
        if tick is not None:
            tick(1)
    return loaded, errors


class TeamJob(NamedTuple):
    library: Library
    scope: Scope


def team_row(job: TeamJob, path: Path) -> PersonRow:
    """One file's row of the team view (run in a worker process)."""
    return summarise(load_inventory(path, job.library), job.scope)


def read_team(
    paths: Sequence[Path],
    library: Library,
    scope: Scope,
    *,
    jobs: int | None = None,
    tick: Tick | None = None,
) -> tuple[Tally, list[CareerpathError]]:
    """Every file's row, read in worker processes (careerpath.edges.folder_pool), kept in a
    Tally; the problems of the files that do not load, in the order of `paths`."""
    from careerpath.edges.folder_pool import each_file

    tally = Tally(scope)
    errors: list[tuple[int, CareerpathError]] = []
    for index, result in each_file(paths, team_row, TeamJob(library, scope), jobs=jobs, tick=tick):
        if isinstance(result, CareerpathError):
            errors.append((index, result))
        else:
            tally.add(result, index)
    return tally, [error for _, error in sorted(errors, key=lambda pair: pair[0])]
