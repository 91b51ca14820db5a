"""Reading a folder of inventories (team, history): every readable one, and every problem.

`read_team` reads a team's folder in worker processes, keeping only each file's row of the team
view. A malformed file does not stop the others: its error (file and line) is collected, and
the command exits 1 at the end. Files that are not inventories (the unfinished assessment, role
profiles) are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from careerpath.core.model import Inventory, person_key
from careerpath.core.reviews.team import PersonRow, Scope, Tally, summarise
from careerpath.edges.inventory_files import is_progress_file, is_progress_name, name_key
from careerpath.edges.load import Library, load_inventory, yaml_names
from careerpath.errors import CareerpathError, UsageError

if TYPE_CHECKING:  # multiprocessing is imported only by the commands that start workers
    from careerpath.edges.folder_pool import Kept

Tick = Callable[[int], None]


def inventory_paths(folder: Path) -> list[Path]:
    """The YAML files of `folder` in the order careerpath named them (a day's first file before
    its `-2`), without unfinished assessments."""
    if not folder.is_dir():
        problem = "is not a folder" if folder.exists() else "does not exist"
        raise UsageError(f"{problem}; name a folder of inventory files", file=folder)
    names = [name for name in yaml_names(folder) if not is_progress_name(name)]
    return [folder / name for name in sorted(names, key=name_key)]


def folders_inventories(folders: Sequence[Path], *, required: bool = True) -> list[Path]:
    """The inventory files of every folder in `folders` (a folder named twice is read once),
    each folder's in inventory_paths' order; when `required`, none in any of them is an error
    saying what the first one holds."""
    paths: list[Path] = []
    seen: set[Path] = set()
    for folder in folders:
        found = inventory_paths(folder)
        if folder.resolve() not in seen:
            seen.add(folder.resolve())
            paths += found
    if not paths and required:
        raise no_inventories(folders[0])
    return paths


def no_inventories(folder: Path) -> CareerpathError:
    """Why `folder`, which has no inventory files, gives nothing to read: what is in it."""
    found: list[str] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        return CareerpathError(f"cannot be read: {exc.strerror}", file=folder)
    unfinished = [p for p in entries if is_progress_file(p)]
    folders = [p.name for p in entries if p.is_dir()]
    others = [p.name for p in entries if p.is_file() and p not in unfinished]
    if unfinished:
        found.append(f"{_count(len(unfinished), 'unfinished assessment')} (not inventories yet)")
    if folders:
        found.append(f"{_count(len(folders), 'folder')} ({_some(folders)}), not read")
    if others:
        found.append(f"{_count(len(others), 'other file')} ({_some(others)})")
    what = "; ".join(found) if found else "it is empty"
    if unfinished and not folders and not others:  # the inventories are on their way
        return CareerpathError(
            f"no inventory files (*.yaml) here: {what}; finish one with careerpath assess"
            " {option}",
            file=folder,
            option="resume",
        )
    return CareerpathError(
        f"no inventory files (*.yaml) here: {what}; name the folder that holds the inventories",
        file=folder,
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _some(names: list[str]) -> str:
    return ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")


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


KEPT_UP_TO = 5_000  # files: a larger folder's latest inventories are read again, not kept


class Latest(NamedTuple):
    """Each person's latest file in a folder (careerpath.edges.plan_batch, the export)."""

    people: dict[str, tuple[int, str]]  # person_key -> (the file's index in paths, the name)
    errors: list[tuple[int, CareerpathError]]  # the files that do not load, by index
    older: int  # earlier inventories of the same people
    kept: dict[str, Kept]  # path -> its inventory as read, with `keep` (else read again)

    def in_order(self) -> list[tuple[int, str]]:
        """(index, name) of the latest files, in the team view's order of people (by name)."""
        return sorted(self.people.values(), key=lambda found: (found[1].casefold(), found[1]))


class _Found(NamedTuple):
    key: str
    person: str
    date: int
    inventory: Kept | None  # with `keep`


class _Finding(NamedTuple):
    library: Library
    keep: bool


def _found(job: _Finding, path: Path) -> _Found:
    from careerpath.edges.folder_pool import Kept

    inventory = load_inventory(path, job.library)
    kept = Kept(inventory) if job.keep else None
    return _Found(person_key(inventory.person), inventory.person, inventory.date.toordinal(), kept)


def latest_files(
    paths: Sequence[Path], library: Library, *, jobs: int | None = None, keep: bool = False
) -> Latest:
    """Every file read (in worker processes) for who it is about and its date: each person's
    latest (by date; the same date: the later file). With `keep`, the latest inventories as
    read, for the next pass (`inventory_of`), in a folder of up to KEPT_UP_TO files: one per
    person, the earlier ones let go as the later ones come."""
    from careerpath.edges.folder_pool import each_file

    keep = keep and len(paths) <= KEPT_UP_TO
    errors: list[tuple[int, CareerpathError]] = []
    latest: dict[str, tuple[int, int, str, Kept | None]] = {}  # key -> (date, index, person, ...)
    for index, found in each_file(paths, _found, _Finding(library, keep), jobs=jobs):
        if isinstance(found, CareerpathError):
            errors.append((index, found))
            continue
        kept = latest.get(found.key)
        if kept is None or (found.date, index) > kept[:2]:
            latest[found.key] = (found.date, index, found.person, found.inventory)
    people = {key: (index, person) for key, (_, index, person, _) in latest.items()}
    inventories = {
        str(paths[index]): inventory
        for _, index, _, inventory in latest.values()
        if inventory is not None
    }
    older = len(paths) - len(errors) - len(latest)
    return Latest(people, sorted(errors, key=lambda pair: pair[0]), older, inventories)


def inventory_of(path: Path, library: Library, kept: Mapping[str, Kept] | None) -> Inventory:
    """The inventory in `path`: as the first pass read it (latest_files' `keep`), else read."""
    found = None if kept is None else kept.get(str(path))
    return load_inventory(path, library) if found is None else found.value()
