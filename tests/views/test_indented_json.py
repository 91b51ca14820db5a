"""Indented JSON is json.dumps's text exactly, or its error (careerpath.views.indented_json)."""

from __future__ import annotations

import enum
import json
import random

import pytest

from careerpath.views.escape import json_text
from careerpath.views.indented_json import indented_json

TEXTS = ["", "plain", 'a "quote" \\ back', "tab\tline\nbreak", "\x01\x1b[31m", "\x7f\x85\x9f"]
TEXTS += ["\u2028\u2029", "\u202e\u2066", "Zoë → 王", "\ud800"]  # a lone surrogate, too
SCALARS = [*TEXTS, 0, -5, 10**30, True, False, None, 1.5, -0.0, 3.0, 1e-7, 1e300]
SCALARS += [float("nan"), float("inf"), float("-inf")]


def _value(chance: random.Random, depth: int = 0) -> object:
    roll = chance.random()
    if depth > 4 or roll < 0.4:
        return chance.choice(SCALARS)
    if roll < 0.65:
        return [_value(chance, depth + 1) for _ in range(chance.randrange(4))]
    if roll < 0.75:
        return tuple(_value(chance, depth + 1) for _ in range(chance.randrange(3)))
    keys = chance.sample(TEXTS, chance.randrange(4))
    return {key: _value(chance, depth + 1) for key in keys}


def _dumps(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def test_the_same_text_as_json_dumps() -> None:
    chance = random.Random(2026)
    for _ in range(3000):
        value = _value(chance)
        assert indented_json(value) == _dumps(value)
        assert indented_json(value, terminal_safe=True) == json_text(_dumps(value))


class Level(enum.IntEnum):
    ONE = 1


@pytest.mark.parametrize(
    "value",
    [{1: "a"}, {True: [1]}, {None: {}}, {2.5: "x"}, [Level.ONE], {"a": {"b": Level.ONE}}],
)
def test_what_json_dumps_writes_by_rules_of_its_own(value: object) -> None:
    assert indented_json(value) == _dumps(value)
    assert indented_json(value, terminal_safe=True) == json_text(_dumps(value))


@pytest.mark.parametrize("value", [[object()], {"a": {1, 2}}, {(1, 2): 3}])
def test_what_json_cannot_write_is_its_error(value: object) -> None:
    with pytest.raises(TypeError) as expected:
        _dumps(value)
    with pytest.raises(TypeError, match=str(expected.value)):
        indented_json(value)


def test_a_cycle_is_json_dumps_error() -> None:
    cycle: list[object] = []
    cycle.append(cycle)
    with pytest.raises(ValueError, match="Circular reference detected"):
        indented_json(cycle)
