"""Inventory files on disk: dated names, the unfinished inventory, and safe writes.

YAML goes through careerpath.edges.yaml_source, every write through
careerpath.edges.private_files.write_private
(a temporary file, then os.replace; mode 0600).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path

from careerpath.core.draft import (
    Draft,
    PartialInventory,
    draft_data,
    from_partial,
    inventory_data,
    manager_data,
)
from careerpath.core.model import Inventory
from careerpath.edges.load import Library, load_document, load_inventory, raise_problems, validate
from careerpath.edges.private_files import free_names, locked, write_new, write_private
from careerpath.edges.yaml_source import Document, dump
from careerpath.errors import Problem, flag, spelled

PROGRESS_FILE = "assess-in-progress.yaml"  # a self-inventory whose person is not named yet
PROGRESS_PREFIX = "assess-in-progress"
_INVENTORY_HEADER = (
    "# A careerpath self-inventory, taken with `careerpath assess`. Plain YAML: edit it freely;\n"
    "# `careerpath validate FILE` checks it. Format: docs/formats.md.\n"
)
_DRAFT_HEADER = (
    "# An unfinished careerpath self-inventory. Continue it with `careerpath assess"
    f" {flag('resume')}`.\n"
    "# The progress: section says where it stopped; it is removed when the inventory is done.\n"
)


NAME_IN_FILE = 40  # characters of the person's name in a default file name, at most


def dated_name(date: dt.date, person: str = "") -> str:
    """`inventory-sam-rivera-2026-12-01.yaml`: the person's name, so that a folder a team
    shares stays readable, then the date; `inventory-2026-12-01.yaml` with no name."""
    slug = name_slug(person)
    return f"inventory-{slug}{'-' if slug else ''}{date.isoformat()}.yaml"


def name_slug(person: str) -> str:
    """A name as letters, digits and hyphens: "Zoë O'Brien" -> "zoe-o-brien"."""
    plain = unicodedata.normalize("NFKD", person).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower())[:NAME_IN_FILE].strip("-")


_NUMBERS = re.compile(r"(\d+)")


def name_key(name: str) -> tuple[tuple[str | int, ...], str]:
    """The order careerpath gave its files, by their names: numbers as numbers, and a file
    before its `-2`, `-3`, ... (`inventory-2026-12-01.yaml`, then `inventory-2026-12-01-2.yaml`)."""
    stem, suffix = os.path.splitext(name)
    return tuple(int(p) if p.isdigit() else p for p in _NUMBERS.split(stem)), suffix


def next_free(path: Path) -> Path:
    """`path` if nothing is there now, else the first free `stem-2.yaml`, `stem-3.yaml`, ...

    A name to show or to start from; write_new_inventory takes the name exclusively when the
    file is written, so two runs at once never take the same one.
    """
    return next(p for p in free_names(path) if not os.path.lexists(p))


def default_out(folder: Path, date: dt.date, person: str = "") -> Path:
    """A new dated inventory file in `folder`, never one that exists."""
    return next_free(folder / dated_name(date, person))


def progress_path(home: Path, state: Draft | None = None) -> Path:
    """Where an unfinished inventory is kept, so that `--resume` finds it with no argument:
    one file per person and kind, `assess-in-progress-sam-rivera.yaml` for Sam's own,
    `assess-in-progress-manager-ben-okafor.yaml` for a manager's rating of Ben, and
    `assess-in-progress.yaml` for a self-inventory before the name is answered."""
    if state is None:
        return home / PROGRESS_FILE
    if state.manager_for is not None:
        key = "manager-" + (name_slug(state.report_name) or name_slug(state.manager_for.stem))
    else:
        key = name_slug(state.person)
    return home / (f"{PROGRESS_PREFIX}-{key}.yaml" if key else PROGRESS_FILE)


def is_progress_file(path: Path) -> bool:
    """An unfinished inventory of careerpath's own (not an inventory yet)."""
    return is_progress_name(path.name)


def is_progress_name(name: str) -> bool:
    """is_progress_file of a file's name."""
    return name.startswith(PROGRESS_PREFIX) and name.endswith(".yaml")


def progress_files(home: Path) -> list[Path]:
    """Every unfinished inventory in `home`, oldest first."""
    if not home.is_dir():
        return []
    found = [p for p in home.glob(f"{PROGRESS_PREFIX}*.yaml") if is_progress_file(p)]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))


class ProgressFile:
    """The file a draft is saved to as it goes. The file follows the draft: once the person is
    named (or renamed at the review), the next save moves it to that person's file."""

    def __init__(
        self, home: Path, current: Path | None = None, flags: Mapping[str, str] | None = None
    ) -> None:
        self.home = home
        self.current = current
        self.flags = flags  # how the header that says how to resume spells the option
        # A new draft's answers when it was first saved (None: a saved one was continued).
        self.started: list[str] | None = None

    def save(self, state: Draft) -> None:
        path = progress_path(self.home, state)
        if self.current is None and self.started is None:
            self.started = list(state.answered)
        save_draft(state, path, self.flags)
        if self.current is not None and self.current != path:
            self.current.unlink(missing_ok=True)
        self.current = path

    def unanswered(self, state: Draft) -> bool:
        """A new draft stopped before its first answer: there is nothing in it to keep."""
        return self.started is not None and state.answered == self.started

    def remove(self) -> None:
        if self.current is not None:
            self.current.unlink(missing_ok=True)


def inventory_text(inventory: Inventory) -> str:
    data = inventory_data(inventory)
    if inventory.manager is not None:
        data["manager"] = manager_data(inventory.manager)
    return _INVENTORY_HEADER + dump(data)


def write_inventory(inventory: Inventory, path: Path, *, replace: bool = False) -> None:
    write_private(path, inventory_text(inventory), force=replace)


def write_new_inventory(inventory: Inventory, path: Path) -> Path:
    """Write a new inventory file at `path` or the next free name (see next_free); returns it."""
    return write_new(path, inventory_text(inventory))


def update_inventory(
    path: Path,
    library: Library,
    change: Callable[[Inventory], Inventory],
    cache_dir: Path | None = None,
) -> tuple[Inventory, Path]:
    """Read the inventory in `path`, change it and write it back in place, under a lock so that
    a change made at the same time is not lost; a symbolic link is followed and the file it
    points to updated. Returns the new inventory and the file written."""
    with locked(path) as real:
        updated = change(load_inventory(real, library, cache_dir))
        write_inventory(updated, real, replace=True)
    return updated, real


def save_draft(draft: Draft, path: Path, flags: Mapping[str, str] | None = None) -> None:
    """Save the unfinished inventory, replacing the previous save atomically; its header names
    the option that resumes it as `flags` spell it."""
    write_private(path, spelled(_DRAFT_HEADER, flags) + dump(draft_data(draft)), force=True)


def load_draft(path: Path, library: Library) -> Draft:
    """Read an unfinished inventory; every skill and role it names must still exist."""
    return draft_of(load_document(path), library)


def draft_of(document: Document, library: Library) -> Draft:
    """The unfinished inventory a parsed file holds; its problems, each with its line."""
    partial = validate(document, PartialInventory)
    raise_problems(document, _check(partial, library))
    return from_partial(partial)


def _check(partial: PartialInventory, library: Library) -> list[Problem]:
    skills, roles = library.catalogue.skills, library.roles
    problems = []
    for skill_id in partial.ratings:
        if skill_id not in skills:
            problems.append(Problem(("ratings", skill_id), _unknown("skill", skill_id)))
    for index, target in enumerate(partial.targets):
        if target not in roles:
            problems.append(Problem(("targets", index), _unknown("role", target)))
    p = partial.progress
    for key in ("skills", "revisit"):
        for index, skill_id in enumerate(getattr(p, key)):
            if skill_id not in skills:
                problems.append(Problem(("progress", key, index), _unknown("skill", skill_id)))
    if p.role is not None and p.role not in roles:
        problems.append(Problem(("progress", "role"), _unknown("role", p.role)))
    return problems


def _unknown(kind: str, name: str) -> str:
    return (
        f"unknown {kind} '{name}' (was an organisation's roles folder in use when it started?);"
        " set it again, or delete this file to start over"
    )
