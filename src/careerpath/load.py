"""Reading and validating careerpath's files: one place for file, line and field messages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from careerpath import checks, locations
from careerpath.errors import CareerpathError, Problem, dotted
from careerpath.model import Catalogue, Inventory, Role
from careerpath.yaml_source import Document, parse

M = TypeVar("M", bound=BaseModel)

CATALOGUE_FILE = "skills.yaml"
IDENT_RULE = "a lowercase id (letters, digits and _, like test_design)"
SCHEMA_HINT = {Catalogue: "catalogue", Role: "role", Inventory: "inventory"}


class DataError(CareerpathError):
    """One or more problems in data files; the first is the message, all are in `problems`."""

    def __init__(self, problems: list[CareerpathError]) -> None:
        first = problems[0]
        super().__init__(first.message, file=first.file, line=first.line)
        self.problems = problems

    def __str__(self) -> str:
        more = len(self.problems) - 1
        suffix = f" (and {more} more; careerpath validate {self.file} lists all)" if more else ""
        return super().__str__() + suffix


@dataclass(frozen=True)
class Library:
    """The skill catalogue and role profiles in force: built-in, plus the organisation's."""

    catalogue: Catalogue
    roles: dict[str, Role]
    template_dirs: tuple[Path, ...]
    sources: dict[str, Path]

    def role(self, role_id: str) -> Role:
        try:
            return self.roles[role_id]
        except KeyError:
            known = ", ".join(sorted(self.roles))
            raise CareerpathError(
                f"unknown role '{role_id}'; choose one of: {known}", exit_code=2
            ) from None


def read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CareerpathError("no such file; check the path", file=path) from None
    except IsADirectoryError:
        raise CareerpathError("is a folder, not a file; name a .yaml file", file=path) from None
    except PermissionError:
        raise CareerpathError("cannot be read (permission denied)", file=path) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CareerpathError(
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            file=path,
            line=line,
        ) from None


def load_document(path: Path) -> Document:
    return parse(read_text(path), str(path))


def validate(document: Document, model: type[M]) -> M:
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        raise DataError(
            [
                CareerpathError(
                    _describe(error, model), file=document.file, line=_line(document, error)
                )
                for error in exc.errors()
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


def _clean_loc(loc: Iterable[object]) -> tuple[str | int, ...]:
    return tuple(part for part in loc if part != "[key]" and isinstance(part, (str, int)))


def _line(document: Document, error: object) -> int:
    loc = error["loc"]  # type: ignore[index]
    return document.line_of(_clean_loc(loc))


def _field_names(model: type[BaseModel]) -> Iterator[str]:
    for name, info in model.model_fields.items():
        yield name
        for arg in (*getattr(info.annotation, "__args__", ()), info.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                yield from _field_names(arg)


def _describe(error: object, model: type[BaseModel]) -> str:
    """A pydantic error as one sentence saying what is wrong and how to fix it."""
    import difflib

    err: dict[str, object] = error  # type: ignore[assignment]
    loc = list(err["loc"])  # type: ignore[call-overload]
    kind = str(err["type"])
    value = err.get("input")
    schema = SCHEMA_HINT.get(model, "NAME")
    if loc and loc[-1] == "[key]":
        parent = dotted(_clean_loc(loc[:-2])) or "the top level"
        return f"'{loc[-2]}' under {parent} must be {IDENT_RULE}"
    path = dotted(_clean_loc(loc))
    what = path or "the file"
    got = type(value).__name__ if not isinstance(value, (str, int, float)) else repr(value)
    messages = {
        "missing": f"{what} is missing; add it (careerpath schema {schema} lists the fields)",
        "string_type": f"{what} must be text, got {got}",
        "string_too_short": f"{what} must not be empty",
        "dict_type": f"{what} must be a mapping of key: value lines, got {_kind(value)}",
        "model_type": f"{what} must be a mapping of key: value lines, got {_kind(value)}",
        "model_attributes_type": (
            f"{what} must be a mapping of key: value lines, got {_kind(value)}"
        ),
        "list_type": f"{what} must be a list (- item lines or [a, b]), got {_kind(value)}",
        "date_type": f"{what} must be a date like 2026-11-02, got {got}",
        "int_type": f"{what} must be a whole number, got {got}",
        "float_type": f"{what} must be a number, got {got}",
        "too_short": f"{what} must list at least one entry",
        "greater_than_equal": f"{what} must be at least {_ctx(err, 'ge')}, got {got}",
        "less_than_equal": f"{what} must be at most {_ctx(err, 'le')}, got {got}",
    }
    if kind == "extra_forbidden":
        name = str(loc[-1])
        close = difflib.get_close_matches(name, set(_field_names(model)), n=1)
        hint = (
            f"did you mean '{close[0]}'?"
            if close
            else f"careerpath schema {schema} lists the fields"
        )
        return f"{path} is not a known field; {hint}"
    if kind == "string_pattern_mismatch":
        pattern = _ctx(err, "pattern")
        if "a-z" in pattern:
            return f"{what} must be {IDENT_RULE}, got {got}"
        return f"{what} does not have the expected form ({pattern}), got {got}"
    if kind in messages:
        return messages[kind]
    message = str(err.get("msg", "is not valid"))
    message = message.removeprefix("Value error, ")
    if message.startswith(("must", "needs", "write")):
        return f"{what} {message}"
    return f"{what}: {message}" if path else message


def _ctx(err: dict[str, object], key: str) -> str:
    ctx = err.get("ctx")
    return str(ctx.get(key, "?")) if isinstance(ctx, dict) else "?"


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"{value!r}"


# --- the library -------------------------------------------------------------------------


def load_catalogue_file(path: Path) -> tuple[Document, Catalogue]:
    document = load_document(path)
    return document, validate(document, Catalogue)


def load_role_file(path: Path, catalogue: Catalogue) -> Role:
    document = load_document(path)
    role = validate(document, Role)
    raise_problems(document, checks.check_role(role, catalogue, path.stem))
    return role


def _role_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if p.name != CATALOGUE_FILE)


def load_library(org_dir: Path | None = None) -> Library:
    """The built-in catalogue and roles, with an organisation's folder added on top."""
    builtin = locations.builtin("roles")
    folders = [builtin]
    if org_dir is not None:
        if not org_dir.is_dir():
            raise CareerpathError(
                "the roles folder does not exist; check --roles-dir or CAREERPATH_ROLES",
                file=org_dir,
                exit_code=2,
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
    for folder in folders:
        for path in _role_files(folder):
            role = load_role_file(path, catalogue)
            roles[role.id] = role
            sources[role.id] = path
    template_dirs = []
    if org_dir is not None and (org_dir / "templates").is_dir():
        template_dirs.append(org_dir / "templates")
    template_dirs.append(locations.builtin("templates"))
    return Library(catalogue, roles, tuple(template_dirs), sources)


def load_inventory(path: Path, library: Library) -> Inventory:
    document = load_document(path)
    inventory = validate(document, Inventory)
    raise_problems(document, checks.check_inventory(inventory, library.catalogue, library.roles))
    return inventory
