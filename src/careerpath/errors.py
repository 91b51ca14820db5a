"""The one user-facing error type. Only the CLI turns it into output and an exit code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Exit codes (../shared/DESIGN.md): 1 bad data or a failed check, 2 usage, 130 cancelled.
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_CANCELLED = 130


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
        exit_code: int = EXIT_DATA,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.exit_code = exit_code

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        return where + self.message


class Cancelled(Exception):
    """The person stopped at a prompt (Ctrl-C or end of input); the CLI exits 130."""


def dotted(path: tuple[str | int, ...]) -> str:
    """`("skills", "test_design", "level")` -> `skills.test_design.level`."""
    return ".".join(str(p) for p in path)
