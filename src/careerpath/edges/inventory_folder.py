"""Reading a folder of inventories (team, history): every readable one, and every problem.

A malformed file does not stop the others: its error (file and line) is collected, and the
command exits 1 at the end. Files that are not inventories (the unfinished assessment, role
profiles) are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from careerpath.core.model import Inventory
from careerpath.edges.inventory_files import is_progress_file, sequence_key
from careerpath.edges.load import Library, load_inventory, yaml_files
from careerpath.errors import CareerpathError, UsageError

Tick = Callable[[], None]


def inventory_paths(folder: Path) -> list[Path]:
    """The YAML files of `folder` in the order careerpath named them (a day's first file before
    its `-2`), without unfinished assessments."""
    if not folder.is_dir():
        problem = "is not a folder" if folder.exists() else "does not exist"
        raise UsageError(f"{problem}; name a folder of inventory files", file=folder)
    return sorted((p for p in yaml_files(folder) if not is_progress_file(p)), key=sequence_key)


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
            tick()
    return loaded, errors
