"""Opening a file to read it: never a hang, never what was not checked. Every read of a file
careerpath did not write itself goes through here (careerpath.edges.load for its data files, the
O*NET importer, templates, the cache).

`open_file` opens a file a person named or a folder listed: symbolic links are followed (a
person's files are often links into a synced folder, and a link reaches nothing the person
cannot read anyway), but only a regular file is read. It is checked before it is opened (a
device is never opened at all) and again on the open descriptor; it is opened with O_NONBLOCK,
so a named pipe (FIFO) swapped in meanwhile cannot hang the open, and O_NOCTTY.

`open_below` opens a file below a folder without following a link someone swapped in on the way.
Each step is opened relative to the one before it (`dir_fd`) with O_NOFOLLOW, so no symbolic
link is followed below the root, whatever is renamed meanwhile; the file itself is opened with
O_NONBLOCK (a FIFO never hangs the open) and checked on the open descriptor, so what is read is
what was checked. Used for templates (nothing outside their folder) and for the cache (nothing
that anyone but the user could have written).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

Check = Callable[[os.stat_result], str | None]  # a reason to refuse, or None

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)


class Refused(OSError):
    """A step on the way, or the file itself, is not one that may be read; says why, and
    (`path`) which step it was."""

    path: Path | None = None


class NotRegular(Refused):
    """The file is a named pipe, a device or a socket; `kind` says which."""

    def __init__(self, path: Path, mode: int) -> None:
        self.kind = kind_of(mode)
        super().__init__(f"{path}: {self.kind}, not a regular file")
        self.path = path


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def regular_file(status: os.stat_result) -> str | None:
    return None if stat.S_ISREG(status.st_mode) else "not a regular file"


def open_file(path: Path) -> int:
    """A read-only, blocking descriptor of the regular file `path` (through symbolic links);
    IsADirectoryError for a folder, NotRegular for anything else that is not a regular file,
    OSError (FileNotFoundError, PermissionError, ...) if it cannot be opened."""
    _regular(os.stat(path).st_mode, path)
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY | _CLOEXEC)
    with _closed_on_error(fd):
        _regular(os.fstat(fd).st_mode, path)  # the same file still: nothing swapped in since
        return _blocking(fd)


@contextlib.contextmanager
def _closed_on_error(fd: int) -> Iterator[None]:
    try:
        yield
    except BaseException:
        os.close(fd)
        raise


def _blocking(fd: int) -> int:
    """`fd` made blocking again: O_NONBLOCK was for the open only, reads wait as usual."""
    if _NONBLOCK:
        os.set_blocking(fd, True)
    return fd


def _regular(mode: int, path: Path) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(mode):
        raise NotRegular(path, mode)


def read_file(path: Path, limit: int) -> bytes:
    """At most `limit` + 1 bytes of the regular file `path` (open_file): one more than `limit`
    says it is too large. One read of the size the file has (a buffered read of `limit` bytes
    costs three times as much on a small file); a file that grew since is read on to `limit`."""
    fd = open_file(path)
    try:
        want = min(os.fstat(fd).st_size, limit) + 1
        data = os.read(fd, want)
        if len(data) < want:  # the end of the file
            return data
        parts, total = [data], len(data)
        while total <= limit and (more := os.read(fd, limit + 1 - total)):
            parts.append(more)
            total += len(more)
        return b"".join(parts)
    finally:
        os.close(fd)


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
            opens = _NONBLOCK | _NOCTTY if last else _DIRECTORY
            flags = os.O_RDONLY | _NOFOLLOW | _CLOEXEC | opens
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
        return _blocking(fd)
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
