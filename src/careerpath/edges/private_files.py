"""Writing personal files safely: complete or not at all, mode 0600, never over a file by accident.

- Every write goes to a temporary file `.NAME.XXXXXXXX.tmp` in the target's folder, flushed to
  disk, then takes the target's name in one step: the target is the old file or the new one,
  never a mix. The temporary file is removed on any error, Ctrl-C and every other signal that
  would end the process and can be caught (careerpath.edges.signals turns each into an
  exception while a command runs); one left by a process killed outright (kill -9, a power
  cut) is swept from the folder by the next write there, once it is STALE_AFTER old.
- A new file is created exclusively (a hard link to the temporary file, which fails if the name
  exists): without `force` an existing file is never replaced, also when another process
  creates the same name at the same moment. `write_new` takes the next free name instead.
- With `force`, only a regular file is replaced: a symbolic link, a device, a pipe or a socket
  never is (`--out /dev/stdout --force` run as root would otherwise replace /dev/stdout).
- `locked` holds a read-modify-write of a file (goals done, a manager's rating added in place)
  under an exclusive lock, so that runs at the same time each see the others' changes; a link
  is followed, and the file it points to is updated.
- Folders created on the way are 0700 whatever the umask.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from careerpath.edges.safe_open import NotRegular, open_file
from careerpath.errors import CareerpathError

NOT_UPDATED = "is not a regular file; careerpath updates only regular files"

STALE_AFTER = 10 * 60  # seconds: a temporary file this old belongs to no running write
_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")  # tempfile.mkstemp's names, as we ask them
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS}


def check_target(path: Path, *, force: bool = False) -> None:
    """Why `path` cannot be written, as a CareerpathError; nothing if it can.

    Commands that write more than one file check them all before writing any.
    """
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        folder = _folder_of(path)
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            raise CareerpathError(
                f"cannot write here: the folder {folder} is not writable", file=path
            ) from None
        return
    except OSError as exc:
        raise CareerpathError(f"cannot write here: {exc.strerror}", file=path) from None
    if stat.S_ISDIR(status.st_mode):
        raise CareerpathError("is a folder; name a file to write", file=path)
    if stat.S_ISLNK(status.st_mode):
        raise CareerpathError(
            f"is a symbolic link (to {os.readlink(path)}); careerpath does not replace links:"
            " name the file itself, or another file",
            file=path,
        )
    if not stat.S_ISREG(status.st_mode):
        raise CareerpathError(
            "is not a regular file (a device, a pipe or a socket); careerpath writes only"
            " regular files",
            file=path,
        )
    if not force:
        raise CareerpathError(
            "already exists; use {option} to replace it", file=path, option="force"
        )


def write_private(path: Path, text: str | Iterable[str], *, force: bool = False) -> None:
    """Write `text` (or its pieces, written as they come) to `path`, readable by the owner
    only; an existing regular file is replaced only with `force`."""
    check_target(path, force=force)
    folder = make_folder(_folder_of(path), path)
    with _temporary(folder, path, text) as temporary:
        if force:
            _replace(temporary, path)
        elif not _create(temporary, path):
            raise CareerpathError(
                "already exists; use {option} to replace it", file=path, option="force"
            )


def write_new(path: Path, text: str) -> Path:
    """Write `text` to `path`, or if that exists to the first free `stem-2.suffix`,
    `stem-3.suffix`, ...; each name is taken exclusively. Returns the path written."""
    folder = make_folder(_folder_of(path), path)
    with _temporary(folder, path, text) as temporary:
        for candidate in free_names(path):
            if _create(temporary, candidate):  # anything by that name, even a link, is skipped
                return candidate
    raise AssertionError("free_names never ends")  # pragma: no cover


class Staged(NamedTuple):
    temporary: str  # a complete copy, beside `path`, not yet flushed to disk
    path: Path


def stage(path: Path, text: str, run: str) -> Staged:
    """`text` in a temporary file beside `path`, mode 0600, for `publish` to name: many files
    written with one flush to disk instead of one each (a batch of plans: a flush costs more
    than making the file). `run` (letters and digits) is in its name, for `discard_run`."""
    folder = make_folder(_folder_of(path), path)
    return Staged(_copy(folder, path, text, flush=False, prefix=f".{path.name}.{run}."), path)


def publish(staged: Sequence[Staged], *, force: bool = False) -> list[CareerpathError]:
    """Flush every staged file to disk at once, then give each its name as write_private would
    (an existing file replaced only with `force`, never a link or a device); the problems, one
    per file not written. No temporary file is left, whatever happens."""
    try:
        if hasattr(os, "sync"):
            os.sync()
        else:  # pragma: no cover - Windows
            for temporary, _ in staged:
                with open(temporary, "rb+") as stream:
                    os.fsync(stream.fileno())
        problems = []
        for temporary, path in staged:
            try:
                check_target(path, force=force)
                if force:
                    _replace(temporary, path)
                elif not _create(temporary, path):
                    check_target(path)  # raises: it exists now
            except CareerpathError as problem:
                problems.append(problem)
        for folder in {_folder_of(path) for _, path in staged}:
            sweep(folder)
        return problems
    finally:
        discard(staged)


def discard(staged: Sequence[Staged]) -> None:
    """Remove staged files that will not be published."""
    for temporary, _ in staged:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def discard_run(folder: Path, run: str) -> None:
    """Remove every file `stage` made in `folder` for `run`, also those of processes that
    ended before saying so (a batch interrupted while its workers were writing)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if _TEMPORARY.fullmatch(entry.name) and f".{run}." in entry.name:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def free_names(path: Path) -> Iterator[Path]:
    """`path`, then `stem-2.suffix`, `stem-3.suffix`, ... (without looking at the disk)."""
    yield path
    number = 2
    while True:
        yield path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1


@contextlib.contextmanager
def locked(path: Path) -> Iterator[Path]:
    """An exclusive lock on the file `path` for a read-modify-write; yields the file to read and
    write (the one a symbolic link points to).

    The lock is on the file itself (fcntl.flock), so no lock file is left beside it. A writer
    replaces the file with a new one (write_private), so a run that was waiting may hold the
    lock of a file that is gone: it checks that the name still points to the file it locked,
    and locks the new one if not.
    """
    real = _real_file(path)
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; writes are still atomic
        yield real
        return
    while True:
        try:
            handle = open_file(real)  # a regular file only, and never a hang on a pipe
        except (NotRegular, IsADirectoryError):  # swapped in since _real_file looked
            raise CareerpathError(NOT_UPDATED, file=path) from None
        except OSError as exc:
            raise CareerpathError(f"cannot be read: {exc.strerror}", file=path) from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            if _same_file(handle, real):
                yield real
                return
        finally:
            os.close(handle)


def make_folder(folder: Path, target: Path | None = None) -> Path:
    """`folder`, created with any missing parents, each mode 0700 whatever the umask."""
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        try:
            os.mkdir(candidate, 0o700)
        except FileExistsError:
            if candidate.is_dir():
                continue  # made at the same moment by another run: theirs, left as it is
            raise CareerpathError(
                "cannot write here: a file is in the way", file=target or folder
            ) from None
        except OSError as exc:
            raise CareerpathError(
                f"cannot write here: {exc.strerror}", file=target or folder
            ) from None
        os.chmod(candidate, 0o700)  # mkdir's mode is narrowed by the umask, never widened
    return folder


def sweep(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove careerpath's temporary files in `folder` older than STALE_AFTER (regular files,
    ours, mode 0600, named like `.NAME.XXXXXXXX.tmp`). Returns what was removed."""
    limit = (time.time() if now is None else now) - STALE_AFTER
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMPORARY.fullmatch(entry.name):
            continue
        try:
            status = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not (
            stat.S_ISREG(status.st_mode)
            and stat.S_IMODE(status.st_mode) == 0o600
            and (not hasattr(os, "getuid") or status.st_uid == os.getuid())
            and status.st_mtime < limit
        ):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


# --- the steps of a write ------------------------------------------------------------------


def _folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


@contextlib.contextmanager
def _temporary(folder: Path, target: Path, text: str | Iterable[str]) -> Iterator[str]:
    """A complete temporary copy of `text` in `folder`, on disk; removed when done, whatever
    happened (after a rename it is already gone; after a link the target keeps the data)."""
    sweep(folder)
    temporary = _copy(folder, target, text, flush=True)
    try:
        yield temporary
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _copy(
    folder: Path, target: Path, text: str | Iterable[str], *, flush: bool, prefix: str = ""
) -> str:
    """A temporary file in `folder` holding `text`, mode 0600 (on disk with `flush`); nothing
    is left if writing fails."""
    prefix = prefix or f".{target.name}."
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")
    except OSError as exc:
        raise CareerpathError(f"cannot write here: {exc.strerror}", file=target) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            os.fchmod(stream.fileno(), 0o600)
            if isinstance(text, str):
                stream.write(text)
            else:
                stream.writelines(text)  # an error in the pieces: the file is removed
            if flush:
                stream.flush()
                os.fsync(stream.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise CareerpathError(f"cannot write: {exc.strerror}", file=target) from None
        raise
    return temporary


def _replace(temporary: str, path: Path) -> None:
    try:
        os.replace(temporary, path)
    except OSError as exc:
        raise CareerpathError(f"cannot write: {exc.strerror}", file=path) from None


def _create(temporary: str, path: Path) -> bool:
    """Give the temporary file the name `path` if nothing has it; False if something does."""
    try:
        os.link(temporary, path)
        return True
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise CareerpathError(f"cannot write: {exc.strerror}", file=path) from None
    # A file system without hard links: claim the name with an empty file, then replace it.
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return False
    except OSError as exc:
        raise CareerpathError(f"cannot write: {exc.strerror}", file=path) from None
    _replace(temporary, path)
    return True


def _real_file(path: Path) -> Path:
    """The regular file `path` names, through any symbolic links."""
    try:
        real = path.resolve(strict=True)
        status = real.stat()
    except FileNotFoundError:
        raise CareerpathError("no such file; check the path", file=path) from None
    except (OSError, RuntimeError) as exc:  # RuntimeError: a loop of links
        reason = getattr(exc, "strerror", None) or "a loop of symbolic links"
        raise CareerpathError(f"cannot be read: {reason}", file=path) from None
    if not stat.S_ISREG(status.st_mode):
        raise CareerpathError(NOT_UPDATED, file=path)
    return real


def _same_file(handle: int, path: Path) -> bool:
    try:
        named = os.stat(path)
    except OSError:
        return False
    opened = os.fstat(handle)
    return (opened.st_dev, opened.st_ino) == (named.st_dev, named.st_ino)


def check_destination(path: Path, *, force: bool = False) -> None:
    """check_target, and that the file's folder takes a new file, tried for real with a
    temporary file, so that a long interview never ends in "cannot write here". A folder
    that does not exist yet is tried at the nearest one that does (write_private creates the
    rest)."""
    folder = _folder_of(path)
    while not os.path.lexists(folder) and folder.parent != folder:
        folder = folder.parent
    if not folder.is_dir():
        raise CareerpathError(f"cannot write here: {folder} is not a folder", file=path)
    check_target(path, force=force)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise CareerpathError(
            f"cannot write here: {exc.strerror} in the folder {folder}", file=path
        ) from None
    os.close(handle)
    with contextlib.suppress(OSError):
        os.unlink(temporary)
