"""Values as plain data for templates careerpath did not ship. Pure.

An organisation's or a user's template is code that careerpath runs on other people's data, so
it sees no object of careerpath's, pydantic's or the standard library's with methods to call
(pydantic models still carry `parse_raw` and `parse_file`, which unpickle and read files): only
dicts, lists, strings, numbers, booleans, dates and None, built once before the template runs.

- a pydantic model, a NamedTuple or a dataclass becomes a dict of its fields and of the
  properties careerpath defines on it (`plan.goals`, `gap.priority`), so templates read
  `plan.role.title` exactly as before;
- a plain tuple stays a sequence (a list), so `{% for x, y in chart.axes %}` still unpacks;
- a mapping's keys become plain keys; sets become sorted lists;
- a date or a datetime stays itself (formatting it is what templates do); any other value
  becomes its text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
from collections.abc import Mapping
from typing import Any

PlainData = None | bool | int | float | str | dt.date | list[Any] | dict[Any, Any]

_ATOMS = (bool, int, float, str, dt.date)  # dt.datetime is a dt.date


class CycleError(ValueError):
    """A value that contains itself cannot be written out as plain data."""


def plain_data(value: object) -> PlainData:
    """`value` as plain data (see the module's notes); shared parts are converted once."""
    return _Converter().convert(value)


class _Converter:
    def __init__(self) -> None:
        self._done: dict[int, PlainData] = {}
        self._open: set[int] = set()
        self._keep: list[object] = []  # ids stay unique while their objects are alive

    def convert(self, value: object) -> PlainData:
        if value is None:
            return None
        kind = type(value)
        if kind in (str, int, float, bool):  # the common case first, exact types only
            return value  # type: ignore[return-value]
        if isinstance(value, enum.Enum):
            return self.convert(value.value)
        if isinstance(value, _ATOMS):
            return _atom(value)
        key = id(value)
        if key in self._done:
            return self._done[key]
        if key in self._open:
            raise CycleError(f"a {kind.__name__} that contains itself")
        self._open.add(key)
        try:
            result = self._compound(value)
        finally:
            self._open.discard(key)
        self._done[key] = result
        self._keep.append(value)
        return result

    def _compound(self, value: object) -> PlainData:
        fields = _record_fields(value)
        if fields is not None:
            record = {name: self.convert(getattr(value, name)) for name in fields}
            for name in _properties(type(value)):
                record[name] = self.convert(getattr(value, name))
            return record
        if isinstance(value, Mapping):
            return {self._key(k): self.convert(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self.convert(item) for item in value]
        if isinstance(value, (set, frozenset)):
            items = [self.convert(item) for item in value]
            try:
                return sorted(items)  # type: ignore[type-var, unused-ignore]
            except TypeError:
                return sorted(items, key=repr)
        return str(value)

    def _key(self, key: object) -> PlainData:
        plain = self.convert(key)
        return plain if not isinstance(plain, (list, dict)) else str(plain)


def _atom(value: bool | int | float | str | dt.date) -> PlainData:
    """A subclass of a plain type as the plain type itself (no subclass's methods)."""
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dt.datetime):
        return dt.datetime.combine(value.date(), value.timetz())
    return dt.date(value.year, value.month, value.day)


def _record_fields(value: object) -> tuple[str, ...] | None:
    """The field names of a NamedTuple, a pydantic model or a dataclass; None for others."""
    kind = type(value)
    if isinstance(value, tuple) and hasattr(kind, "_fields"):
        return tuple(kind._fields)
    model_fields = getattr(kind, "model_fields", None)
    if isinstance(model_fields, dict) and hasattr(value, "model_dump"):  # pydantic
        return tuple(model_fields)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple(f.name for f in dataclasses.fields(value))
    return None


_PROPERTIES: dict[type, tuple[str, ...]] = {}


def _properties(kind: type) -> tuple[str, ...]:
    """The public properties careerpath's own classes define (not pydantic's or Python's)."""
    if kind not in _PROPERTIES:
        _PROPERTIES[kind] = _find_properties(kind)
    return _PROPERTIES[kind]


def _find_properties(kind: type) -> tuple[str, ...]:
    names: list[str] = []
    for klass in reversed(kind.__mro__):
        if not klass.__module__.startswith("careerpath."):
            continue
        for name, attribute in vars(klass).items():
            if name.startswith("_") or name in names:
                continue
            if isinstance(attribute, (property, functools.cached_property)):
                names.append(name)
    return tuple(names)
