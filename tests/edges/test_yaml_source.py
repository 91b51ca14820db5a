"""careerpath.edges.yaml_source: YAML 1.2 core scalars and the input limits, with both PyYAML
composers (libyaml's, and the pure-Python one PyYAML falls back to without libyaml)."""

from __future__ import annotations

import datetime as dt
import math

import pytest
import yaml

from careerpath.edges import limits, yaml_source
from careerpath.errors import CareerpathError

COMPOSERS = [pytest.param(yaml.SafeLoader, id="pure")]
if yaml.__with_libyaml__:
    COMPOSERS.insert(0, pytest.param(yaml.CSafeLoader, id="libyaml"))


@pytest.fixture(params=COMPOSERS)
def composer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    base: type = request.param
    monkeypatch.setattr(yaml_source, "_Loader", yaml_source.loader_on(base))
    return base


def value_of(written: str) -> object:
    data = yaml_source.parse(f"v: {written}\n", "t.yaml").data
    assert isinstance(data, dict)
    return data["v"]


# YAML 1.2.2, 10.3.2 (the core schema), each form a plain scalar resolves to; then the forms
# that YAML 1.1 resolved otherwise, and careerpath's one addition, plain dates.
CORE_SCHEMA = [
    # null
    ("", None),
    ("~", None),
    ("null", None),
    ("Null", None),
    ("NULL", None),
    # booleans: these six only
    ("true", True),
    ("True", True),
    ("TRUE", True),
    ("false", False),
    ("False", False),
    ("FALSE", False),
    # integers: decimal, octal 0o, hex 0x
    ("0", 0),
    ("12", 12),
    ("+12", 12),
    ("-12", -12),
    ("010", 10),  # decimal in YAML 1.2 (YAML 1.1 read octal 8)
    ("007", 7),
    ("0o17", 15),
    ("0o0", 0),
    ("0x1F", 31),
    ("0xff", 255),
    ("0x0", 0),
    # floats
    ("1.5", 1.5),
    ("-1.5", -1.5),
    (".5", 0.5),
    ("1.", 1.0),
    ("1.5e3", 1500.0),  # YAML 1.1's resolver called this a string
    ("1e3", 1000.0),
    ("1E3", 1000.0),
    ("1.5e-3", 0.0015),
    ("+1.5E+3", 1500.0),
    ("6.02e23", 6.02e23),
    (".inf", math.inf),
    (".Inf", math.inf),
    (".INF", math.inf),
    ("+.inf", math.inf),
    ("-.inf", -math.inf),
    ("-.INF", -math.inf),
    # strings: everything else, YAML 1.1's booleans, sexagesimals and underscores included
    ("no", "no"),
    ("yes", "yes"),
    ("on", "on"),
    ("off", "off"),
    ("y", "y"),
    ("n", "n"),
    ("No", "No"),
    ("NO", "NO"),
    ("tRUE", "tRUE"),
    ("nULL", "nULL"),
    ("1_000", "1_000"),
    ("1:30", "1:30"),
    ("190:20:30", "190:20:30"),
    ("0b101", "0b101"),
    ("0O17", "0O17"),
    ("0X1F", "0X1F"),
    ("0o8", "0o8"),
    ("0xg", "0xg"),
    ("inf", "inf"),
    ("nan", "nan"),
    (".nAn", ".nAn"),
    ("1.2.3", "1.2.3"),
    ("1e", "1e"),
    ("e3", "e3"),
    ("+", "+"),
    (".", "."),
    ("12abc", "12abc"),
    ("2026-11-02T10:00:00", "2026-11-02T10:00:00"),
    ("2026-13-02", "2026-13-02"),
    ("n/a", "n/a"),
    ("Sam Rivera", "Sam Rivera"),
    # careerpath: a plain date is a date
    ("2026-11-02", dt.date(2026, 11, 2)),
]


@pytest.mark.parametrize(
    ("written", "expected"), CORE_SCHEMA, ids=[w or "empty" for w, _ in CORE_SCHEMA]
)
def test_plain_scalars_follow_the_yaml_12_core_schema(
    composer: type, written: str, expected: object
) -> None:
    value = value_of(written)
    assert type(value) is type(expected)
    assert value == expected


@pytest.mark.parametrize("written", [".nan", ".NaN", ".NAN"])
def test_nan(composer: type, written: str) -> None:
    value = value_of(written)
    assert isinstance(value, float) and math.isnan(value)


@pytest.mark.parametrize(
    "written",
    ["'true'", '"12"', "'1.5e3'", '"~"', "''", "!!str 12", "!!str true", "|\n  12", ">\n  1.5e3"],
)
def test_quoted_block_and_str_tagged_scalars_are_text(composer: type, written: str) -> None:
    assert isinstance(value_of(written), str)


def test_a_key_resolves_like_a_value(composer: type) -> None:
    data = yaml_source.parse("1: a\n0x10: b\nno: c\n1.5e3: d\n", "t.yaml").data
    assert data == {1: "a", 16: "b", "no": "c", 1500.0: "d"}


def error_of(text: str) -> CareerpathError:
    with pytest.raises(CareerpathError) as info:
        yaml_source.parse(text, "t.yaml")
    return info.value


@pytest.mark.parametrize(
    ("text", "line", "earlier", "written"),
    [
        ("a: x\n1: a\n1.0: b\n", 3, "1", "1.0"),
        ("a: x\n0: a\n0.0: b\n", 3, "0", "0.0"),
        ("a: x\n0.0: a\n-0.0: b\n", 3, "0.0", "-0.0"),
        ("a: x\ntrue: a\n1: b\n", 3, "true", "1"),
        ("a: x\n0x10: a\n16: b\n", 3, "0x10", "16"),
        ("outer:\n  1: a\n  1.0: b\n", 3, "1", "1.0"),
    ],
)
def test_keys_equal_as_values_are_duplicates(
    composer: type, text: str, line: int, earlier: str, written: str
) -> None:
    error = error_of(text)
    message = f"duplicate key '{written}' (equal to '{earlier}' at line {line - 1}); keep only one"
    assert (error.line, error.message) == (line, message)


RECURSIVE = (
    "an alias (*name) here repeats the mapping or list it is inside, which never ends;"
    " write the values out instead"
)


@pytest.mark.parametrize(
    "text",
    ["a: &x [*x]\n", "a: &x {b: *x}\n", "a: &x\n  b:\n    - c: *x\n", "&x [a, [b, *x]]\n"],
)
def test_a_recursive_alias_is_refused(composer: type, text: str) -> None:
    assert error_of(text).message == RECURSIVE


def laughs(levels: int, width: int = 9) -> str:
    """The "billion laughs": each level repeats the one before `width` times."""
    lines = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels + 1):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [6, 7, 8, 12])
def test_alias_expansion_is_capped(composer: type, levels: int) -> None:
    assert error_of(laughs(levels)).message == limits.too_many()


def test_aliases_within_the_limits_are_written_out(composer: type) -> None:
    data = yaml_source.parse(laughs(3, width=3), "t.yaml").data
    assert isinstance(data, dict)
    assert data["l3"] == [[[["lol"] * 3] * 3] * 3] * 3
    assert data["l3"][0] is not data["l3"][1]  # plain trees: no shared values to alter


def test_text_repeated_by_aliases_is_capped(composer: type) -> None:
    text = "s: &s " + "x" * 9_000 + "\nl: [" + ", ".join(["*s"] * 200) + "]\n"
    assert error_of(text).message == limits.too_much_text()


def nested_flow(levels: int) -> str:
    return "a: " + "[" * levels + "]" * levels + "\n"


def nested_block(levels: int) -> str:
    return "".join(f"{'  ' * i}k{i}:\n" for i in range(levels)) + "  " * levels + "end\n"


@pytest.mark.parametrize(
    "text",
    [
        nested_flow(limits.MAX_DEPTH + 1),
        nested_flow(980),
        nested_flow(990),
        nested_flow(999),  # just under libyaml's own limit
        nested_flow(1000),  # libyaml's limit
        nested_flow(50_000),
        nested_block(limits.MAX_DEPTH + 1),
        nested_block(990),
    ],
    ids=["65", "980", "990", "999", "1000", "50000", "block-65", "block-990"],
)
def test_deep_nesting_is_refused(composer: type, text: str) -> None:
    assert error_of(text).message == limits.too_deep()


def test_nesting_up_to_the_limit_is_read(composer: type) -> None:
    data = yaml_source.parse(nested_flow(limits.MAX_DEPTH - 1), "t.yaml").data
    assert isinstance(data, dict)


@pytest.mark.parametrize(
    ("written", "digits"),
    [
        ("9" * 4301, 4301),
        ("-" + "1" * 5000, 5000),
        ("1" * 101, 101),
        ("0x" + "f" * 200, 200),
        ("0o" + "7" * 101, 101),
    ],
    ids=["4301", "negative-5000", "101", "hex-200", "octal-101"],
)
def test_integers_beyond_the_limit_are_refused(composer: type, written: str, digits: int) -> None:
    error = error_of(f"a: x\nb: {written}\n")
    assert (error.line, error.message) == (2, limits.too_many_digits(digits))


def test_an_integer_at_the_limit_is_read(composer: type) -> None:
    assert value_of("9" * limits.MAX_DIGITS) == int("9" * limits.MAX_DIGITS)


@pytest.mark.parametrize(
    "text",
    [
        "a: x\nb: " + "y" * (limits.MAX_TEXT + 1) + "\n",
        "a: x\nb: '" + "y" * (limits.MAX_TEXT + 1) + "'\n",
        "a: x\nb: |-\n  " + "y" * (limits.MAX_TEXT + 1) + "\n",
        "a: x\n? " + "k" * (limits.MAX_TEXT + 1) + "\n: b\n",
    ],
    ids=["plain", "quoted", "block", "key"],
)
def test_text_beyond_the_limit_is_refused(composer: type, text: str) -> None:
    error = error_of(text)
    assert (error.line, error.message) == (2, limits.too_long(limits.MAX_TEXT + 1))


def test_text_at_the_limit_is_read(composer: type) -> None:
    assert value_of("y" * limits.MAX_TEXT) == "y" * limits.MAX_TEXT


def test_too_many_values_stop_the_composer(composer: type) -> None:
    text = "a: [" + "1," * (limits.MAX_VALUES + 1) + "]\n"
    assert error_of(text).message == limits.too_many()


def test_a_lone_surrogate_escape_is_refused(composer: type) -> None:
    """libyaml refuses the escape itself; the pure composer makes the half character, refused."""
    error = error_of('a: x\nb: "Megan \\ud800"\n')
    assert error.line == 2
    assert "d800" in error.message or "not valid YAML" in error.message
