"""`careerpath validate`: check many files and folders, collecting every problem."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from careerpath.core import checks
from careerpath.core.model import Catalogue, Inventory, Lattice, Role
from careerpath.edges import locations
from careerpath.edges.file_kinds import (
    UNFINISHED_NOTE,
    an_output,
    not_an_inventory,
    unfinished,
)
from careerpath.edges.inventory_files import draft_of
from careerpath.edges.load import (
    CATALOGUE_FILE,
    LATTICE_FILE,
    DataError,
    Library,
    load_document,
    raise_problems,
    read_bytes,
    validate,
    yaml_files,
)
from careerpath.errors import CareerpathError

UNFINISHED = "unfinished inventory"
OUTPUT = "careerpath output"  # a plan, a team view: what careerpath writes, never reads
# Fields only an inventory has: a file with one of them (and no role id) is checked as one.
INVENTORY_FIELDS = frozenset(Inventory.model_fields) - frozenset(Role.model_fields)


@dataclass
class Report:
    checked: list[tuple[Path, str]] = field(default_factory=list)
    errors: list[CareerpathError] = field(default_factory=list)
    # Files that are fine but not what they may look like: an unfinished inventory, with how
    # to finish it. They are no problem: validate still succeeds.
    notes: list[CareerpathError] = field(default_factory=list)


def _kind(path: Path, data: object) -> str:
    if path.name == CATALOGUE_FILE:
        return "catalogue"
    if path.name == LATTICE_FILE:
        return "lattice"
    if unfinished(data):
        return UNFINISHED
    if isinstance(data, dict) and "id" not in data and data.keys() & INVENTORY_FIELDS:
        return "inventory"
    return "role"


def default_paths(org_dir: Path | None) -> list[Path]:
    paths = [locations.builtin("roles"), locations.example_inventory()]
    if org_dir is not None:
        paths.append(org_dir)
    return paths


def _expand(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(yaml_files(path))
        else:
            files.append(path)
    return files


def _roles_for_lattice(path: Path, library: Library) -> dict[str, Role]:
    """The built-in lattice is checked against the built-in roles, as loading it is."""
    builtin = locations.builtin("roles")
    if path.resolve().parent != builtin.resolve() or all(
        library.sources[r].resolve().parent == builtin.resolve() for r in library.roles
    ):
        return library.roles
    from careerpath.edges.load import load_library

    return load_library(None).roles


def validate_paths(paths: Iterable[Path], library: Library) -> Report:
    """Validate each file against its format and against `library` (catalogue and roles)."""
    report = Report()
    for path in _expand(paths):
        try:
            raw = read_bytes(path)
            try:
                document = load_document(path, raw)
            except CareerpathError as error:
                raise an_output(path, raw) or error from None
            output = an_output(path, raw, document.data)
            if output is not None:  # a plan, a team view...: not a file careerpath reads
                report.checked.append((path, OUTPUT))
                report.errors.append(output)
                continue
            kind = _kind(path, document.data)
            report.checked.append((path, kind))
            if kind == UNFINISHED:
                draft_of(document, library)
                report.notes.append(CareerpathError(UNFINISHED_NOTE, file=path))
            elif kind == "catalogue":
                part = validate(document, Catalogue)
                merged = Catalogue(
                    categories={**library.catalogue.categories, **part.categories},
                    skills=part.skills,
                )
                raise_problems(document, checks.check_catalogue(merged))
            elif kind == "lattice":
                lattice = validate(document, Lattice)
                roles = _roles_for_lattice(path, library)
                raise_problems(document, checks.check_lattice(lattice, roles, library.catalogue))
            elif kind == "inventory":
                try:
                    inventory = validate(document, Inventory)
                except DataError as error:  # a manager's rating on its own, say
                    other = not_an_inventory(path, raw, document.data)
                    raise error if other is None else DataError([other]) from None
                raise_problems(
                    document, checks.check_inventory(inventory, library.catalogue, library.roles)
                )
            else:
                role = validate(document, Role)
                raise_problems(document, checks.check_role(role, library.catalogue, path.stem))
        except DataError as exc:
            report.errors.extend(sorted(exc.problems, key=lambda e: e.line or 0))
        except CareerpathError as exc:
            report.checked.append((path, "unreadable"))
            report.errors.append(exc)
    return report
