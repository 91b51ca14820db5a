"""The limits on what careerpath reads, one place for all of them (docs/formats.md states them).

A file beyond any of them is refused with one line, `FILE:LINE: ...`, before it can cost much
time or memory: the largest shipped file is under 100 KB, with 4 levels of nesting and no text
longer than a paragraph, so every limit leaves a wide margin for real data.
"""

from __future__ import annotations

import re

MAX_FILE_BYTES = 1024 * 1024  # any one file: an inventory, a role, a catalogue, a JSON plan
MAX_TEXT = 10_000  # characters in one text (a name, a title, a piece of evidence, a key)
MAX_DEPTH = 64  # mappings and lists inside one another
MAX_VALUES = 100_000  # keys and values in one file, each alias counted as written out
MAX_DIGITS = 100  # digits in one integer

_SURROGATE = re.compile("[\ud800-\udfff]")


def too_large() -> str:
    return (
        f"is larger than careerpath reads ({MAX_FILE_BYTES:,} bytes, docs/formats.md#limits);"
        " is it the right file?"
    )


def too_long(length: int) -> str:
    return (
        f"a text of {length:,} characters is longer than careerpath reads ({MAX_TEXT:,});"
        " shorten it"
    )


def too_deep() -> str:
    return (
        f"nested more than {MAX_DEPTH} levels deep (mappings and lists inside one another);"
        " careerpath's files need a handful"
    )


def too_many() -> str:
    return (
        f"holds more than {MAX_VALUES:,} keys and values (counting what each alias repeats);"
        " careerpath reads up to that many in one file"
    )


def too_much_text() -> str:
    return (
        f"holds more than {MAX_FILE_BYTES:,} characters of text with what its aliases repeat"
        " written out; careerpath reads up to that much from one file"
    )


def too_many_digits(digits: int) -> str:
    return (
        f"a number of {digits:,} digits is longer than careerpath reads ({MAX_DIGITS});"
        " quote it if it is text"
    )


def surrogate_problem(text: str) -> str | None:
    """The problem with `text` if it holds a lone surrogate (an escape like \\ud800 that is not a
    character and cannot be written as UTF-8), else None."""
    if text.isascii():
        return None
    found = _SURROGATE.search(text)
    if found is None:
        return None
    return (
        f"holds \\u{ord(found.group()):04x}, half of a surrogate pair, which is not a character;"
        " remove it or write the character itself"
    )


def text_problem(text: str) -> str | None:
    """Why careerpath cannot take `text` as a string, or None."""
    if len(text) > MAX_TEXT:
        return too_long(len(text))
    return surrogate_problem(text)


def json_problem(data: object) -> tuple[tuple[str | int, ...], str] | None:
    """The first place in parsed JSON beyond a limit, with the problem, or None.

    Iterative, so that depth is checked without recursing; integers are checked as they are
    parsed (careerpath.edges.plan_files), before Python converts their digits.
    """
    stack: list[tuple[tuple[str | int, ...], object]] = [((), data)]
    values = 0
    while stack:
        path, value = stack.pop()
        values += 1
        if values > MAX_VALUES:
            return path, too_many()
        if isinstance(value, str):
            problem = text_problem(value)
            if problem is not None:
                return path, problem
            continue
        if not isinstance(value, dict | list):
            continue
        if len(path) >= MAX_DEPTH:
            return path, too_deep()
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if isinstance(key, str):
                problem = text_problem(key)
                if problem is not None:
                    return path, problem
            stack.append(((*path, key), item))
    return None
