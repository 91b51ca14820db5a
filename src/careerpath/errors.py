"""careerpath's user-facing errors, by kind. Only the CLI turns a kind into an exit code.

- CareerpathError: bad data or a failed check (a file that is wrong, a goal that is unknown).
- UsageError: the command was asked for something it cannot do (a bad option value).
- Cancelled: the person stopped at a prompt.

Text made below the CLI never spells a flag. A message that is about an option writes `{option}`
where the option goes and names it (`option="horizon"`); any other option a message, a hint or
a plan names (a command to run next) is `flag(NAME)`, which writes `{option:NAME}`. The CLI puts
in the flags (careerpath.cli.exits.FLAGS); anything else reads "the horizon option".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

OPTION = "{option}"
_NAMED = re.compile(r"\{option:([a-z_]+)\}")


def flag(name: str) -> str:
    """Where the flag of option `name` goes in a text made below the CLI: `{option:name}`."""
    return f"{{option:{name}}}"


def spelled(text: str, flags: Mapping[str, str] | None = None) -> str:
    """`text` with each `flag(NAME)` in it worded: `flags[NAME]`, else "the NAME option"."""
    if "{option:" not in text:
        return text
    known = flags or {}
    return _NAMED.sub(lambda m: known.get(m[1]) or f"the {m[1]} option", text)


@dataclass(frozen=True)
class Problem:
    """Something wrong at a place in a data file: `path` is the key path, e.g. ("skills", "x")."""

    path: tuple[str | int, ...]
    message: str


class CareerpathError(Exception):
    """A mistake the user can fix; shown as `careerpath: error: FILE:LINE: message`."""

    def __init__(
        self,
        message: str,
        *,
        file: Path | str | None = None,
        line: int | None = None,
        option: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.option = option

    def worded(
        self, option_text: str | None = None, *, flags: Mapping[str, str] | None = None
    ) -> str:
        """The message with FILE:LINE before it, the option put in as `option_text` and every
        other option it names as `flags` spell it (see `spelled`)."""
        where = ""
        if self.file is not None:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        message = self.message
        if self.option is not None:
            message = message.replace(OPTION, option_text or f"the {self.option} option")
        return where + spelled(message, flags)

    def __str__(self) -> str:
        return self.worded()


class UsageError(CareerpathError):
    """The command cannot do what it was asked (a wrong option value, a missing argument)."""


class Cancelled(Exception):
    """The person stopped at a prompt (Ctrl-C or end of input)."""


def matching(value: str, allowed: Sequence[str]) -> str | None:
    """The one of `allowed` that `value` names, in any case (`Testing`, `JSON`); else None."""
    if value in allowed:
        return value
    folded = [name for name in allowed if name.casefold() == value.casefold()]
    return folded[0] if len(folded) == 1 else None


def did_you_mean(value: str, allowed: Sequence[str]) -> str:
    """` (did you mean 'x'?)` for a typo of one of `allowed`, else nothing."""
    import difflib

    folded = {name.casefold(): name for name in allowed}
    close = difflib.get_close_matches(value.casefold(), list(folded), n=1)
    return f" (did you mean '{folded[close[0]]}'?)" if close else ""


def one_of(value: str, allowed: Sequence[str], *, option: str) -> str:
    """The one of `allowed` that `value` names, in any case; else a usage error for `option`
    that suggests the closest and lists them."""
    found = matching(value, allowed)
    if found is None:
        raise UsageError(
            f"{OPTION} must be one of {', '.join(allowed)}, got '{value}'"
            + did_you_mean(value, allowed),
            option=option,
        )
    return found


def dotted(path: tuple[str | int, ...]) -> str:
    """`("skills", "test_design", "level")` -> `skills.test_design.level`."""
    return ".".join(str(p) for p in path)
