"""Opening a file below a folder without following a link someone swapped in on the way.

Each step is opened relative to the one before it (`dir_fd`) with O_NOFOLLOW, so no symbolic
link is followed below the root, whatever is renamed meanwhile; the file itself is opened with
O_NONBLOCK (a FIFO never hangs the open) and checked on the open descriptor, so what is read is
what was checked. Used for templates (nothing outside their folder) and for the cache (nothing
that anyone but the user could have written).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

Check = Callable[[os.stat_result], str | None]  # a reason to refuse, or None

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class Refused(OSError):
    """A step on the way, or the file itself, is not one that may be read; says why, and
    (`path`) which step it was."""

    path: Path | None = None


def regular_file(status: os.stat_result) -> str | None:
    return None if stat.S_ISREG(status.st_mode) else "not a regular file"


def any_folder(status: os.stat_result) -> str | None:
    return None


def open_below(
    root: Path,
    parts: Sequence[str],
    *,
    folder: Check = any_folder,
    file: Check = regular_file,
) -> int:
    """A read-only descriptor of root/parts[0]/.../parts[-1], every folder on the way (the root
    included) passing `folder` and the file passing `file`; raises Refused or OSError."""
    fd = os.open(root, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
    try:
        _check(fd, folder, root)
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            flags = os.O_RDONLY | _NOFOLLOW | _CLOEXEC | (_NONBLOCK if last else _DIRECTORY)
            try:
                step = os.open(part, flags, dir_fd=fd)
            except OSError:
                if _is_link(part, fd):
                    raise Refused(
                        f"{root.joinpath(*parts[: index + 1])}: a symbolic link"
                    ) from None
                raise
            os.close(fd)
            fd = step
            _check(fd, file if last else folder, root.joinpath(*parts[: index + 1]))
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return fd
    except BaseException:
        os.close(fd)
        raise


def read_below(
    root: Path,
    parts: Sequence[str],
    *,
    limit: int,
    folder: Check = any_folder,
    file: Check = regular_file,
) -> bytes:
    """The bytes of the file open_below opens; Refused if it holds more than `limit`."""
    fd = open_below(root, parts, folder=folder, file=file)
    with os.fdopen(fd, "rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise Refused(f"larger than {limit} bytes")
    return data


def _check(fd: int, check: Check, where: Path) -> None:
    try:
        reason = check(os.fstat(fd))
    except Refused as refused:  # a check may raise its own kind of refusal
        refused.path = where
        raise
    if reason is not None:
        error = Refused(f"{where}: {reason}")
        error.path = where
        raise error


def _is_link(name: str, folder_fd: int) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(name, dir_fd=folder_fd).st_mode)
    except OSError:
        return False
