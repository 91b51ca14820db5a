"""Reading and validating careerpath's files: one place for file, line and field messages."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ValidationError

from careerpath.core import checks
from careerpath.core.lattice import merge
from careerpath.core.model import Catalogue, Inventory, Lattice, Role
from careerpath.edges import limits, locations
from careerpath.edges.safe_open import NotRegular, read_file
from careerpath.errors import CareerpathError, Problem, UsageError, did_you_mean, matching

if TYPE_CHECKING:  # yaml loads only when a file is parsed: a cached inventory needs none
    from careerpath.edges.yaml_source import Document

M = TypeVar("M", bound=BaseModel)

CATALOGUE_FILE = "skills.yaml"
LATTICE_FILE = "lattice.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
INVENTORIES_KEPT = 20  # cached inventories, most recently used first


class DataError(CareerpathError):
    """One or more problems in data files; the first is the message, all are in `problems`."""

    def __init__(self, problems: list[CareerpathError]) -> None:
        first = problems[0]
        super().__init__(first.message, file=first.file, line=first.line)
        self.problems = problems

    def worded(
        self, option_text: str | None = None, *, flags: Mapping[str, str] | None = None
    ) -> str:
        """The first problem, and how many more there are (as the CLI says it, too)."""
        more = len(self.problems) - 1
        suffix = f" (and {more} more; careerpath validate {self.file} lists all)" if more else ""
        return super().worded(option_text, flags=flags) + suffix


@dataclass(frozen=True)
class Library:
    """The skills, role profiles and lattice in force: built-in, plus the organisation's."""

    catalogue: Catalogue
    roles: dict[str, Role]
    template_dirs: tuple[Path, ...]
    sources: dict[str, Path]
    lattice: Lattice
    fingerprint: str = ""  # the state of the files it was read from (careerpath.edges.cache)

    def role(self, role_id: str) -> Role:
        """The role `role_id` names, in any case (`Testing`); a typo gets a did-you-mean."""
        found = matching(role_id, list(self.roles))
        if found is None:
            known = sorted(self.roles)
            raise UsageError(
                f"unknown role '{role_id}'{did_you_mean(role_id, known)};"
                f" choose one of: {', '.join(known)}"
            )
        return self.roles[found]


def read_bytes(path: Path) -> bytes:
    """The file's bytes, at most careerpath.edges.limits.MAX_FILE_BYTES of them; only a regular
    file is read (careerpath.edges.safe_open: a named pipe or a device never hangs the run)."""
    try:
        raw = read_file(path, limits.MAX_FILE_BYTES)
    except OSError as exc:
        raise unreadable(path, exc) from None
    if len(raw) > limits.MAX_FILE_BYTES:
        raise CareerpathError(limits.too_large(), file=path)
    return raw


def unreadable(path: Path, error: OSError) -> CareerpathError:
    """The one-line error for an input file that cannot be read (safe_open.open_file's)."""
    if isinstance(error, NotRegular):
        return CareerpathError(
            f"is {error.kind}, not a regular file; careerpath reads only regular files",
            file=path,
        )
    if isinstance(error, FileNotFoundError):
        return CareerpathError("no such file; check the path", file=path)
    if isinstance(error, IsADirectoryError):
        return CareerpathError("is a folder, not a file; name a .yaml file", file=path)
    if isinstance(error, PermissionError):
        return CareerpathError("cannot be read (permission denied)", file=path)
    return CareerpathError(f"cannot be read: {error.strerror}", file=path)


def read_text(path: Path, raw: bytes | None = None) -> str:
    """The file's text (its bytes `raw`, if already read); not UTF-8 is an error with a line."""
    if raw is None:
        raw = read_bytes(path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CareerpathError(
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            file=path,
            line=line,
        ) from None


def load_document(path: Path, raw: bytes | None = None) -> Document:
    from careerpath.edges.yaml_source import parse

    return parse(read_text(path, raw), str(path))


def validate(document: Document, model: type[M]) -> M:
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        from careerpath.edges.explain import explain  # only for a file that fails: not at start-up

        raise DataError(
            [
                CareerpathError(message, file=document.file, line=document.line_of(path))
                for path, message in explain(exc, model)
            ]
        ) from None


def raise_problems(document: Document, problems: list[Problem]) -> None:
    if problems:
        raise DataError(
            [
                CareerpathError(p.message, file=document.file, line=document.line_of(p.path))
                for p in problems
            ]
        )


# --- the library -------------------------------------------------------------------------


def load_catalogue_file(path: Path) -> tuple[Document, Catalogue]:
    document = load_document(path)
    return document, validate(document, Catalogue)


def load_role_file(path: Path, catalogue: Catalogue) -> Role:
    document = load_document(path)
    role = validate(document, Role)
    raise_problems(document, checks.check_role(role, catalogue, path.stem))
    return role


def load_lattice_file(path: Path, roles: dict[str, Role], catalogue: Catalogue) -> Lattice:
    """The moves in `path`, each checked against the roles and skills in force."""
    document = load_document(path)
    lattice = validate(document, Lattice)
    raise_problems(document, checks.check_lattice(lattice, roles, catalogue))
    return lattice


def yaml_files(folder: Path) -> list[Path]:
    """The *.yaml and *.yml files of `folder` (not of its sub-folders), by name."""
    return [folder / name for name in yaml_names(folder)]


def yaml_names(folder: Path) -> list[str]:
    """yaml_files' names: one listing of the folder, as strings (an organisation's folder of
    fifty thousand inventories is listed in milliseconds; Path objects sort ten times slower).
    A folder that cannot be listed has none, as with Path.glob."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entry.name for entry in entries if entry.name.endswith(YAML_SUFFIXES))
    except OSError:
        return []


def _role_files(folder: Path) -> list[Path]:
    return [p for p in yaml_files(folder) if p.name not in (CATALOGUE_FILE, LATTICE_FILE)]


def load_library(org_dir: Path | None = None, cache_dir: Path | None = None) -> Library:
    """The built-in catalogue and roles, with an organisation's folder added on top.

    With `cache_dir`, a library validated earlier from the same unchanged files is reused.
    """
    from careerpath.edges.cache import fingerprint, remembered

    builtin = locations.builtin("roles")
    if org_dir is not None:  # absolute, so a cached library is right from any folder
        org_dir = org_dir.resolve()
    if org_dir is not None and not org_dir.is_dir():
        _read_library(builtin, org_dir)  # raises the folder error
    folders = [builtin] if org_dir is None else [builtin, org_dir]
    files = [path for folder in folders for path in yaml_files(folder)]
    if org_dir is not None and (org_dir / "templates").is_dir():
        files.append(org_dir / "templates")
    state = fingerprint(files)
    return remembered(cache_dir, "library", state, lambda: _read_library(builtin, org_dir, state))


def _read_library(builtin: Path, org_dir: Path | None, state: str = "") -> Library:
    folders = [builtin]
    if org_dir is not None:
        if not org_dir.is_dir():
            problem = "is not a folder" if org_dir.exists() else "does not exist"
            raise UsageError(
                f"the roles folder {problem}; check {{option}} or CAREERPATH_ROLES",
                file=org_dir,
                option="roles_dir",
            )
        folders.append(org_dir)
    parts = [
        load_catalogue_file(folder / CATALOGUE_FILE)
        for folder in folders
        if folder is builtin or (folder / CATALOGUE_FILE).exists()
    ]
    categories = {k: v for _, part in parts for k, v in part.categories.items()}
    skills = {k: v for _, part in parts for k, v in part.skills.items()}
    for document, part in parts:
        # Each file is checked against the merged categories, so an organisation's skill may
        # use a built-in category, and each problem is reported in the file that has it.
        merged = Catalogue(categories=categories, skills=part.skills)
        raise_problems(document, checks.check_catalogue(merged))
    catalogue = Catalogue(categories=categories, skills=skills)
    roles: dict[str, Role] = {}
    sources: dict[str, Path] = {}
    lattices = []
    for folder in folders:
        for path in _role_files(folder):
            role = load_role_file(path, catalogue)
            roles[role.id] = role
            sources[role.id] = path
        # Each lattice file is checked against the roles in force once its folder is read: the
        # built-in moves against the built-in roles, an organisation's against both.
        if (folder / LATTICE_FILE).exists():
            lattices.append(load_lattice_file(folder / LATTICE_FILE, dict(roles), catalogue))
    lattice = merge(lattices, roles)
    template_dirs = []
    if org_dir is not None and (org_dir / "templates").is_dir():
        template_dirs.append(org_dir / "templates")
    template_dirs.append(locations.builtin("templates"))
    return Library(catalogue, roles, tuple(template_dirs), sources, lattice, state)


def load_inventory(path: Path, library: Library, cache_dir: Path | None = None) -> Inventory:
    """The inventory in `path`, validated and checked against `library`.

    With `cache_dir`, an inventory validated before, byte for byte the same and against the
    same library, is reused without parsing YAML or building its validator: a person's file
    is read far more often than it is edited.
    """
    raw = read_bytes(path)
    if cache_dir is None or not library.fingerprint:
        return _read_inventory(path, raw, library)
    from careerpath.edges.cache import content_key, remembered

    return remembered(
        cache_dir,
        "inventory",
        content_key(library.fingerprint, raw),
        lambda: _read_inventory(path, raw, library),
        keep=INVENTORIES_KEPT,
    )


def _read_inventory(path: Path, raw: bytes, library: Library) -> Inventory:
    """The inventory in `path`; a file of another kind (a plan, a role profile, an unfinished
    inventory...) is named as what it is, with what to pass instead."""
    try:
        document = load_document(path, raw)
    except CareerpathError as error:
        raise _not_an_inventory(path, raw) or error from None
    try:
        inventory = validate(document, Inventory)
    except DataError as error:
        raise _not_an_inventory(path, raw, document.data) or error from None
    raise_problems(document, checks.check_inventory(inventory, library.catalogue, library.roles))
    return inventory


def _not_an_inventory(path: Path, raw: bytes, data: object = None) -> CareerpathError | None:
    """careerpath.edges.file_kinds, imported only once an inventory has failed to read."""
    from careerpath.edges.file_kinds import not_an_inventory

    return not_an_inventory(path, raw, data)
