"""Reading YAML text into plain values, remembering the line of every key.

The only module that imports yaml. Parsing uses the C composer when PyYAML has it and builds the
values here, so that duplicate keys are an error and scalars follow YAML 1.2's core rules: only
true/false are booleans, `010` is ten and `no` stays the string "no" (YAML 1.1 surprises that
PyYAML's own constructors keep).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

from careerpath.errors import CareerpathError

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

Path_ = tuple[str | int, ...]

_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+\.[0-9]*)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


@dataclass(frozen=True)
class Document:
    """Values parsed from one file, with the line (1-based) where each key path starts."""

    file: str
    data: object
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of its nearest parent that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


def parse(text: str, file: str) -> Document:
    """Parse one YAML document; raise CareerpathError naming the file and line on any problem."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise CareerpathError(_yaml_problem(exc), file=file, line=_yaml_line(exc, text)) from None
    except yaml.YAMLError as exc:
        raise CareerpathError(f"not valid YAML: {exc}", file=file) from None
    if node is None or (
        isinstance(node, yaml.ScalarNode) and not node.style and node.value in _NULL
    ):
        raise CareerpathError("the file is empty; it needs YAML content", file=file, line=1)
    lines: dict[Path_, int] = {(): node.start_mark.line + 1}
    data = _value(node, (), lines, file)
    return Document(file=file, data=data, lines=lines)


def _yaml_line(exc: yaml.MarkedYAMLError, text: str) -> int | None:
    """The problem's line, or where the construct began if the problem is the end of the file.

    An unclosed quote or bracket is only noticed at the end; its opening line is the one to fix.
    """
    problem, context = exc.problem_mark, exc.context_mark
    mark = problem
    at_end = problem is not None and problem.index >= len(text.rstrip())
    if context is not None and (problem is None or at_end):
        mark = context
    return mark.line + 1 if mark is not None else None


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or exc.context or "unreadable"
    if "another document" in problem:
        return "holds more than one YAML document (a second --- line); keep only one"
    if "undefined alias" in problem:
        return "uses an alias (*name) that is not defined above it; define it with &name first"
    if "tab" in problem:
        return f"not valid YAML: {problem}; indent with spaces, not tabs"
    return f"not valid YAML: {problem}; check the indentation and quoting there"


def _value(node: yaml.Node, path: Path_, lines: dict[Path_, int], file: str) -> object:
    if isinstance(node, yaml.MappingNode):
        out: dict[object, object] = {}
        for key_node, value_node in node.value:
            key = _value(key_node, path, lines, file)
            if isinstance(key, (list, dict)):
                raise CareerpathError(
                    "a key must be a plain word or number, not a list or mapping",
                    file=file,
                    line=key_node.start_mark.line + 1,
                )
            key_path = (*path, key if isinstance(key, int) else str(key))
            line = key_node.start_mark.line + 1
            if key in out:
                raise CareerpathError(
                    f"duplicate key '{key}' (first at line {lines[key_path]}); keep only one",
                    file=file,
                    line=line,
                )
            lines[key_path] = line
            out[key] = _value(value_node, key_path, lines, file)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1
            items.append(_value(item, (*path, index), lines, file))
        return items
    return _scalar(node)


def _scalar(node: yaml.Node) -> object:
    text = str(node.value)
    if getattr(node, "style", None) or node.tag == "tag:yaml.org,2002:str":
        return text  # quoted or block text is always a string
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    if _DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text


def dump(data: object) -> str:
    """YAML text for plain values, keys in the given order, readable in a diff."""
    return str(
        yaml.dump(
            data,
            Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
            sort_keys=False,
            allow_unicode=True,
            width=100,
        )
    )
