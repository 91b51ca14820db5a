"""Pydantic's validation errors explained as one sentence each: what is wrong, how to fix it."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from careerpath.core.model import Catalogue, Inventory, Lattice, Role
from careerpath.errors import dotted

Loc = tuple[str | int, ...]
IDENT_RULE = "a lowercase id (letters, digits and _, like test_design)"
ROLE_ID_RULE = "a lowercase role id (letters, digits, _ and -, like support-engineer)"
SCHEMA_NAME = {Catalogue: "catalogue", Role: "role", Inventory: "inventory", Lattice: "lattice"}
PATTERNS = {
    r"^[a-z][a-z0-9_]*$": IDENT_RULE,
    r"^[a-z][a-z0-9_-]*$": ROLE_ID_RULE,
    r"^[0-9](\.[A-Za-z0-9]+)+$": "an O*NET element id like 2.B.3.k",
    r"^[0-9]{2}-[0-9]{4}\.[0-9]{2}$": "an O*NET-SOC code like 15-1232.00",
}

# Top-level fields people write that a format does not have: what to write instead, and the
# field it stands for (whose "missing" it then replaces). A did-you-mean would point at a field
# that only looks alike ("version" -> "person").
NOT_FIELDS: dict[tuple[str, str], tuple[str, str | None]] = {
    ("inventory", "skills"): (
        "skills is not a field of an inventory (role profiles list skills:); put the levels"
        " under ratings:, one skill a line (troubleshooting: 3)",
        None,
    ),
    ("inventory", "version"): (
        "version is not a field of an inventory: the format has no version, every inventory"
        " is read the same way; remove the line",
        None,
    ),
    ("inventory", "name"): (
        "name is not a field of an inventory; write whose inventory it is as person: NAME",
        "person",
    ),
}


def explain(exc: ValidationError, model: type[BaseModel]) -> list[tuple[Loc, str]]:
    """(key path, sentence) per error; a misspelt field's suggestion replaces its 'missing'."""
    errors = exc.errors()
    suggested: set[Loc] = set()
    out: list[tuple[Loc, str]] = []
    for error in errors:
        loc = _clean(error["loc"])
        message, suggestion = _describe(error, model)
        if suggestion is not None:
            suggested.add((*loc[:-1], suggestion))
        out.append((loc, message))
    errors_by_loc = [
        (loc, message, error["type"]) for (loc, message), error in zip(out, errors, strict=True)
    ]
    return [
        (loc, message)
        for loc, message, kind in errors_by_loc
        if not (kind == "missing" and loc in suggested)
    ]


def _clean(loc: Sequence[object]) -> Loc:
    return tuple(part for part in loc if part != "[key]" and isinstance(part, (str, int)))


def _describe(error: Any, model: type[BaseModel]) -> tuple[str, str | None]:
    loc = list(error["loc"])
    kind = str(error["type"])
    value = error.get("input")
    message = str(error.get("msg", "is not valid")).removeprefix("Value error, ")
    schema = SCHEMA_NAME.get(model) or ("plan" if model.__name__ == "PlanDocument" else "NAME")
    if loc and loc[-1] == "[key]":
        parent = dotted(_clean(loc[:-2])) or "the top level"
        if kind == "string_pattern_mismatch":
            return f"'{loc[-2]}' under {parent} must be {IDENT_RULE}", None
        return f"the key '{loc[-2]}' under {parent} {message}", None
    path = dotted(_clean(loc))
    what = path or "the file"
    got = _kind(value)
    if kind == "extra_forbidden":
        name = str(loc[-1])
        if len(loc) == 1 and (schema, name) in NOT_FIELDS:
            return NOT_FIELDS[schema, name]
        fields = _fields_at(model, _clean(loc[:-1]))
        close = difflib.get_close_matches(name, fields - {name}, n=1)
        if close:
            return f"{path} is not a known field; did you mean '{close[0]}'?", close[0]
        return f"{path} is not a known field; careerpath schema {schema} lists the fields", None
    if kind == "string_pattern_mismatch":
        rule = PATTERNS.get(str(_ctx(error, "pattern")), "in the documented form")
        return f"{what} must be {rule}, got {got}", None
    messages = {
        "missing": f"{what} is missing; add it (careerpath schema {schema} lists the fields)",
        "string_type": f"{what} must be text, got {got}",
        "string_too_short": f"{what} must not be empty",
        "dict_type": f"{what} must be a mapping of key: value lines, got {got}",
        "model_type": f"{what} must be a mapping of key: value lines, got {got}",
        "model_attributes_type": f"{what} must be a mapping of key: value lines, got {got}",
        "list_type": f"{what} must be a list (- item lines or [a, b]), got {got}",
        "date_type": f"{what} must be a date like 2026-11-02, got {got}",
        "date_from_datetime_parsing": f"{what} must be a date like 2026-11-02, got {got}",
        "int_type": f"{what} must be a whole number, got {got}",
        "int_parsing": f"{what} must be a whole number, got {got}",
        "float_type": f"{what} must be a number, got {got}",
        "too_short": f"{what} must list at least one entry",
        "literal_error": f"{what} must be one of {_ctx(error, 'expected')}, got {got}",
        "greater_than_equal": f"{what} must be at least {_ctx(error, 'ge')}, got {got}",
        "less_than_equal": f"{what} must be at most {_ctx(error, 'le')}, got {got}",
    }
    if kind in messages:
        return messages[kind], None
    if message.startswith(("must", "needs", "has", "is ")):
        return f"{what} {message}", None
    return (f"{what}: {message}" if path else message), None


def _ctx(error: Any, key: str) -> object:
    ctx = error.get("ctx")
    value = ctx.get(key, "?") if isinstance(ctx, dict) else "?"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value)


def _fields_at(model: type[BaseModel], path: Loc) -> set[str]:
    """The field names allowed at `path` inside `model` (dict keys and list indexes skipped)."""
    annotation: object = model
    for part in path:
        annotation = _inner(annotation, part)
    found = next(_models(annotation), None)
    return set(_by_written_name(found)) if found is not None else set()


def _inner(annotation: object, part: str | int) -> object:
    for candidate in _unwrap(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            field = _by_written_name(candidate).get(str(part))
            if field is not None:
                return field.annotation
        origin = typing.get_origin(candidate)
        if origin is dict:
            return typing.get_args(candidate)[1]
        if origin is list:
            return typing.get_args(candidate)[0]
    return None


def _by_written_name(model: type[BaseModel]) -> dict[str, Any]:
    """The model's fields by the name a file uses: the alias where there is one (`from`)."""
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _unwrap(annotation: object) -> Iterator[object]:
    """The annotation itself, without Annotated[...] and split into the arms of a union."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _unwrap(typing.get_args(annotation)[0])
    elif origin is typing.Union or origin is types.UnionType:
        for arm in typing.get_args(annotation):
            yield from _unwrap(arm)
    else:
        yield annotation


def _models(annotation: object) -> Iterator[type[BaseModel]]:
    for candidate in _unwrap(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            yield candidate
