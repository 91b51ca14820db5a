"""Reading YAML text into plain values, remembering the line of every key.

The only module that imports yaml. Parsing uses the C composer when PyYAML has it and builds the
values here, so that duplicate keys are an error (keys that are equal as values too: `1` and
`1.0`) and plain scalars follow YAML 1.2's core schema, whatever PyYAML's YAML 1.1 resolver would
make of them: only true/false are booleans, `010` is ten, `0o17` and `0x1F` are octal and hex,
`1.5e3` is 1500.0, and `no` stays the string "no". Plain dates (2026-11-02) are dates.

Every limit in careerpath.edges.limits holds while the values are built: nesting depth, the
number of keys and values (aliases counted as written out, so "billion laughs" stops at once),
the length of each text and the digits of each integer. Beyond one, the error names the line.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

import yaml

from careerpath.edges import limits
from careerpath.errors import CareerpathError

try:
    _Base: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Base = yaml.SafeLoader

Path_ = tuple[str | int, ...]

PLAIN = "tag:careerpath,2026:plain"  # a plain scalar with no tag: resolved here, by YAML 1.2
STR = "tag:yaml.org,2002:str"
_TAGS: dict[type, str] = {
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}

_NUMBER_START = frozenset("0123456789+-.")
_INT = re.compile(r"[-+]?[0-9]+")
_OCTAL = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"([-+]?)\.(inf|Inf|INF)")
_NAN = {".nan", ".NaN", ".NAN"}
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NULL = {"", "~", "null", "Null", "NULL"}
_WORDS: dict[str, object] = {
    **dict.fromkeys(_NULL),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}


class _TooMany(Exception):
    """More nodes than careerpath.edges.limits.MAX_VALUES: composing stops at once."""


def loader_on(base: type) -> type:
    """PyYAML's safe composer `base` with its YAML 1.1 resolver replaced: a plain scalar keeps
    the tag PLAIN for _Builder to resolve by YAML 1.2, and the nodes are counted as they come."""

    class Loader(base):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            self.nodes = 0
            super().__init__(stream)

        def resolve(self, kind: type, value: object, implicit: tuple[bool, bool]) -> str:
            self.nodes += 1
            if self.nodes > limits.MAX_VALUES:
                raise _TooMany
            if kind is yaml.ScalarNode:
                return PLAIN if implicit[0] else STR
            return _TAGS[kind]

    Loader.__name__ = Loader.__qualname__ = f"Careerpath{base.__name__}"
    return Loader


_Loader = loader_on(_Base)


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
    except _TooMany:
        raise CareerpathError(limits.too_many(), file=file) from None
    except RecursionError:  # the pure-Python composer recurses once per level
        raise CareerpathError(limits.too_deep(), file=file) from None
    except UnicodeEncodeError as exc:  # libyaml takes UTF-8: text with a lone surrogate
        raise CareerpathError(
            limits.surrogate_problem(exc.object) or "not UTF-8 text", file=file
        ) from None
    if node is None or (node.tag == PLAIN and node.value in _NULL):
        raise CareerpathError("the file is empty; it needs YAML content", file=file, line=1)
    builder = _Builder(file)
    data = builder.value(node, (), 0)
    return Document(file=file, data=data, lines=builder.lines)


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
    if "nesting depth" in problem:  # libyaml's own limit, at 1,000 levels
        return limits.too_deep()
    return f"not valid YAML: {problem}; check the indentation and quoting there"


class _Builder:
    """Plain values from composed nodes, within careerpath.edges.limits.

    An alias is the node its anchor names, met again: each time it is built anew (and counted),
    so the values are plain trees; a node met again inside itself is a recursive alias.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: dict[Path_, int] = {}
        self.values = 0
        self.characters = 0
        self.open: set[int] = set()  # the mappings and lists being built, by id

    def error(self, message: str, node: yaml.Node) -> CareerpathError:
        return CareerpathError(message, file=self.file, line=node.start_mark.line + 1)

    def value(self, node: yaml.Node, path: Path_, depth: int) -> object:
        self.values += 1
        if self.values > limits.MAX_VALUES:
            raise self.error(limits.too_many(), node)
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if depth >= limits.MAX_DEPTH:
            raise self.error(limits.too_deep(), node)
        if id(node) in self.open:
            raise self.error(
                "an alias (*name) here repeats the mapping or list it is inside, which never"
                " ends; write the values out instead",
                node,
            )
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, path, depth)
            return [
                self.value(item, (*path, index), depth + 1) for index, item in enumerate(node.value)
            ]
        finally:
            self.open.discard(id(node))

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[object, object]:
        out: dict[object, object] = {}
        first: dict[object, tuple[str, int]] = {}  # key -> (as written, line)
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.error(
                    "a key must be a plain word or number, not a list or mapping", key_node
                )
            self.values += 1
            key = self.scalar(key_node)
            written = str(key_node.value)
            if key in out:
                earlier, earlier_line = first[key]
                was = "first" if earlier == written else f"equal to '{earlier}'"
                raise self.error(
                    f"duplicate key '{written}' ({was} at line {earlier_line}); keep only one",
                    key_node,
                )
            first[key] = (written, line)
            key_path: Path_ = (*path, key if type(key) is int else str(key))
            self.lines[key_path] = line
            out[key] = self.value(value_node, key_path, depth + 1)
        return out

    def scalar(self, node: yaml.ScalarNode) -> object:
        text = str(node.value)
        self.characters += len(text)
        if len(text) > limits.MAX_TEXT:
            raise self.error(limits.too_long(len(text)), node)
        if self.characters > limits.MAX_FILE_BYTES:  # only aliases can repeat text this far
            raise self.error(limits.too_much_text(), node)
        if node.tag == PLAIN or not (node.style or node.tag == STR):
            value = self.plain(text, node)
            if not isinstance(value, str):
                return value
        problem = limits.surrogate_problem(text)
        if problem is not None:
            raise self.error(problem, node)
        return text

    def plain(self, text: str, node: yaml.ScalarNode) -> object:
        """A plain scalar by YAML 1.2's core schema (and plain dates as dates)."""
        if text in _WORDS:
            return _WORDS[text]
        if text[0] not in _NUMBER_START:
            return text
        if _INT.fullmatch(text):
            digits = len(text.lstrip("+-"))
            if digits > limits.MAX_DIGITS:
                raise self.error(limits.too_many_digits(digits), node)
            return int(text)
        if _OCTAL.fullmatch(text) or _HEX.fullmatch(text):
            if len(text) - 2 > limits.MAX_DIGITS:
                raise self.error(limits.too_many_digits(len(text) - 2), node)
            return int(text, 0)
        if _FLOAT.fullmatch(text):
            return float(text)
        inf = _INF.fullmatch(text)
        if inf:
            return -math.inf if inf.group(1) == "-" else math.inf
        if text in _NAN:
            return math.nan
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
