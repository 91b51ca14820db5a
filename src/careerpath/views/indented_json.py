"""`json.dumps(value, indent=2, ensure_ascii=False)`, byte for byte, in half the time. Pure.

The standard library writes indented JSON with its pure-Python encoder (its C encoder writes
compact JSON only), through one generator per level of nesting, so every piece of text passes
up through all of them: for a plan's JSON (about 90 KB) that was half of making it. This writes
the same text into one list. Strings go through the standard library's own (C) string encoder;
anything beyond plain JSON values (a subclass, a key that is not a string, a cycle) is left to
json.dumps itself, so the text, or the error, is always the standard library's.

With `terminal_safe`, the text is also careerpath.views.escape.json_text's: only strings can
hold the characters it escapes, so each string is escaped as it is written (and kept: a batch
of plans writes the same role texts again), instead of the whole text searched again.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from json.encoder import encode_basestring  # the C encoder's, where there is one
from typing import Any

from careerpath.views.escape import json_text

_INDENT = "  "
_CONSTANTS: dict[object, str] = {True: "true", False: "false", None: "null"}
_NOT_FINITE = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


class _Unusual(Exception):
    """A value json.dumps handles by rules of its own."""


KEPT_STRINGS = 8192


@functools.lru_cache(maxsize=KEPT_STRINGS)
def _safe_string(text: str) -> str:
    return json_text(encode_basestring(text))


def indented_json(value: object, *, terminal_safe: bool = False) -> str:
    """`value` as json.dumps(value, indent=2, ensure_ascii=False) writes it; with
    `terminal_safe`, as json_text of that."""
    out: list[str] = []
    try:
        _write(value, "\n", out, _safe_string if terminal_safe else encode_basestring)
    except (_Unusual, RecursionError):
        text = json.dumps(value, indent=2, ensure_ascii=False)
        return json_text(text) if terminal_safe else text
    return "".join(out)


def _write(value: Any, newline: str, out: list[str], string: Callable[[str], str]) -> None:
    """`value`, whose line starts after `newline` (a line break and its indent), onto `out`."""
    kind = type(value)
    if kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + _INDENT
        before = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            kind = type(item)
            if kind is str:
                out.append(f"{before}{string(key)}: {string(item)}")
            elif kind is int or kind is float or kind is bool or item is None:
                out.append(f"{before}{string(key)}: {_number(item)}")
            else:
                out.append(f"{before}{string(key)}: ")
                _write(item, inner, out, string)
            before = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + _INDENT
        before = "[" + inner
        for item in value:
            kind = type(item)
            if kind is str:
                out.append(before + string(item))
            elif kind is int or kind is float or kind is bool or item is None:
                out.append(before + _number(item))
            else:
                out.append(before)
                _write(item, inner, out, string)
            before = "," + inner
        out.append(newline + "]")
    elif kind is str:
        out.append(string(value))
    elif kind is int or kind is float or kind is bool or value is None:
        out.append(_number(value))
    else:
        raise _Unusual


def _number(value: Any) -> str:
    """A number, true, false or null (exactly of those types), as json.dumps writes it."""
    kind = type(value)
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        text = float.__repr__(value)
        return _NOT_FINITE.get(text, text)
    return _CONSTANTS[value]
