"""A cache of validated data, so a command skips re-reading YAML it has read before.

Two kinds of entry, both pickled in the user's own cache folder (mode 0700, files 0600):
- the role library, keyed by careerpath's version, Python's, and the path, size and
  modification time of every data file read (and of the modules that build it), so an edited,
  added or removed file is read afresh; one entry is kept.
- inventories, keyed by the library's key and the file's exact bytes, so any edit, or a change
  to the roles it is checked against, reads it afresh; the most recently used few are kept.
And careerpath.edges.templates keeps compiled templates in its `templates/` folder through
`read_entry` and `write_entry`.

Unpickling and loading compiled templates run code, so nothing is read unless it is a regular
file of the user's, mode 0600, with one link, in folders of the user's that no one else may
write, all the way from the cache folder down (careerpath.edges.safe_open opens each step
without following links; a FIFO never blocks). A pickle also carries its key, so an entry
copied under another name is not taken for it. A folder of the user's found open to others is
closed (0700) and emptied of careerpath's entries (`reclaim`), and nothing in it is used on that
run. Anything refused, unreadable or foreign is ignored and rebuilt; an unwritable folder only
costs speed.
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import os
import pickle
import secrets
import shutil
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from careerpath import __version__
from careerpath.edges.safe_open import Refused, open_below, read_below

T = TypeVar("T")

ENTRY_SIZE = 256 << 20  # bytes: far more than any entry careerpath writes
FOLDER_MODE = 0o700
FILE_MODE = 0o600
STALE = 86400  # seconds after which a temporary file left by a killed run is removed
# What careerpath puts in the cache folder: what `reclaim` removes, and nothing else.
OURS = ("*.pickle", "*.tmp", "templates", "__jinja2_*.cache")

# The modules that shape cached values: in a source checkout, editing one changes the keys.
_PACKAGE = Path(__file__).parent.parent
_CODE = tuple(
    _PACKAGE / name
    for name in (
        "core/model.py",
        "core/lattice.py",
        "edges/load.py",
        "core/checks.py",
        "edges/yaml_source.py",
    )
)


def _seed() -> str:
    """The versions of everything that builds or reads a cached value."""
    import pydantic
    import pydantic_core

    return f"{__version__} {sys.version} {pydantic.VERSION} {pydantic_core.__version__}"


def fingerprint(files: Iterable[Path]) -> str:
    """The state of `files` (path, size, modification time), with careerpath's and Python's
    versions: equal fingerprints mean nothing a cached value was built from has changed."""
    digest = hashlib.sha256(_seed().encode())
    for path in sorted([*files, *_CODE]):
        try:
            status = path.stat()
        except OSError:
            continue
        digest.update(f"\0{path.resolve()}\0{status.st_size}\0{status.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def content_key(*parts: str | bytes) -> str:
    """A key for a value built from exactly these strings and bytes."""
    digest = hashlib.sha256(_seed().encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:32]


def remembered(
    folder: Path | None, name: str, key: str, build: Callable[[], T], keep: int = 1
) -> T:
    """`build()`'s result, from `folder` if a trusted entry `name` with `key` is there.

    A new entry replaces the least recently used ones beyond `keep` entries named `name`.
    """
    if folder is None:
        return build()
    entry = f"{name}-{key}.pickle"
    data = read_entry(folder, (entry,))
    if data is not None:
        try:
            stored = pickle.loads(data)
        except Exception:  # a partial or outdated entry of ours is simply rebuilt
            stored = None
        if type(stored) is tuple and len(stored) == 2 and stored[0] == key:
            if keep > 1:  # the modification time orders entries by last use
                with contextlib.suppress(OSError):
                    os.utime(folder / entry)
            value: T = stored[1]
            return value
    value = build()
    with contextlib.suppress(Exception):  # an unpicklable value or unwritable folder: speed only
        data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        write_entry(folder, (entry,), data, prune=(f"{name}-*.pickle", keep))
    return value


# --- trusted reads and writes --------------------------------------------------------------


class TooOpen(Refused):
    """A folder of the user's that others may write: to be reclaimed, not trusted."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)


def _private_folder(status: os.stat_result) -> str | None:
    if not stat.S_ISDIR(status.st_mode):
        return "not a folder"
    if hasattr(os, "getuid") and status.st_uid != os.getuid():
        return "a folder someone else owns"
    if stat.S_IMODE(status.st_mode) & 0o077:
        raise TooOpen("a folder open to others")
    return None


def _private_file(status: os.stat_result) -> str | None:
    if not stat.S_ISREG(status.st_mode):
        return "not a regular file"
    if hasattr(os, "getuid") and status.st_uid != os.getuid():
        return "a file someone else owns"
    if stat.S_IMODE(status.st_mode) != FILE_MODE or status.st_nlink != 1:
        return "not a private file (mode 0600, one link)"
    return None


def read_entry(root: Path, parts: Sequence[str]) -> bytes | None:
    """The bytes of root/parts if it and every folder from `root` down are the user's own and
    private (see the module's notes); None otherwise, never an error and never a wait."""
    try:
        return read_below(root, parts, limit=ENTRY_SIZE, folder=_private_folder, file=_private_file)
    except TooOpen as too_open:
        if too_open.path is not None:
            with contextlib.suppress(OSError):
                reclaim(too_open.path)
        return None
    except (OSError, ValueError, NotImplementedError):  # no dir_fd support: no cache
        return None


def write_entry(
    root: Path, parts: Sequence[str], data: bytes, prune: tuple[str, int] | None = None
) -> None:
    """Store `data` as root/parts (mode 0600), creating folders 0700 on the way, only inside
    folders that pass read_entry's checks; with prune=(pattern, keep), entries matching the
    pattern beyond the newest keep - 1 go first. Raises OSError when it cannot."""
    *folders, name = parts
    _make_folders(root)
    fd = open_below(root, (), folder=_private_folder)
    try:
        for depth, part in enumerate(folders, 1):
            step = _enter(fd, part, root.joinpath(*folders[:depth]))
            os.close(fd)
            fd = step
        _sweep(fd, prune)
        temporary = f".{secrets.token_hex(8)}.tmp"
        out = os.open(
            temporary,
            os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
            FILE_MODE,
            dir_fd=fd,
        )
        try:
            try:
                os.fchmod(out, FILE_MODE)  # whatever the umask
                with os.fdopen(out, "wb", closefd=False) as stream:
                    stream.write(data)
            finally:
                os.close(out)
            with contextlib.suppress(OSError):
                if stat.S_ISDIR(os.lstat(name, dir_fd=fd).st_mode):  # in the entry's place
                    _remove(name, fd, root.joinpath(*parts))
            os.replace(temporary, name, src_dir_fd=fd, dst_dir_fd=fd)
        except BaseException:  # Ctrl-C included: never leave a partial copy behind
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=fd)
            raise
    finally:
        os.close(fd)


def _enter(parent_fd: int, name: str, path: Path) -> int:
    """A descriptor of folder `name` in a private folder of the user's, itself made private:
    created 0700 if missing, closed and emptied if it was open (reclaim); anything else in
    its place (someone else's folder, a link, a file) is removed and a new folder made."""
    for attempt in range(2):
        made = _make_folder(name, parent_fd)
        try:
            fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent_fd)
        except OSError:
            fd = -1
        if fd >= 0:
            if made:  # exactly 0700, whatever the umask
                os.fchmod(fd, FOLDER_MODE)
            try:
                reason = _private_folder(os.fstat(fd))
            except TooOpen:
                reclaim(path)
                reason = _private_folder(os.fstat(fd))
            if reason is None:
                return fd
            os.close(fd)
        if attempt == 0:
            _remove(name, parent_fd, path)
    raise Refused(f"{path}: cannot be made a private folder")


def _remove(name: str, parent_fd: int, path: Path) -> None:
    """Remove what is at `name` (a folder with all in it), never following a link."""
    with contextlib.suppress(OSError):
        if stat.S_ISDIR(os.lstat(name, dir_fd=parent_fd).st_mode):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(name, dir_fd=parent_fd)


def _make_folders(root: Path) -> None:
    """Create `root` and any folder missing above it, each 0700 whatever the umask."""
    missing = []
    folder = root
    while not os.path.lexists(folder) and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, FOLDER_MODE)
            os.chmod(folder, FOLDER_MODE)


def _make_folder(name: str, parent_fd: int) -> bool:
    try:
        os.mkdir(name, FOLDER_MODE, dir_fd=parent_fd)
    except FileExistsError:
        return False
    return True


def _sweep(folder_fd: int, prune: tuple[str, int] | None) -> None:
    """Remove the oldest entries beyond `prune`'s count, and temporary files of killed runs."""
    import time

    entries = []
    now = time.time()
    for name in os.listdir(folder_fd):
        try:
            status = os.lstat(name, dir_fd=folder_fd)
        except OSError:
            continue
        if name.endswith(".tmp") and status.st_mtime < now - STALE:
            with contextlib.suppress(OSError):
                os.unlink(name, dir_fd=folder_fd)
        elif prune is not None and fnmatch.fnmatchcase(name, prune[0]):
            entries.append((status.st_mtime_ns, name))
    if prune is None:
        return
    entries.sort(reverse=True)
    for _, name in entries[max(prune[1] - 1, 0) :]:
        with contextlib.suppress(OSError):
            os.unlink(name, dir_fd=folder_fd)


def reclaim(folder: Path) -> None:
    """Close a folder of the user's that others could write (0700), then remove what careerpath
    keeps there (OURS): anything in it may have been planted. Someone else's folder, or
    something that is not a folder, is left alone."""
    try:
        status = os.lstat(folder)
    except OSError:
        return
    if not stat.S_ISDIR(status.st_mode) or (hasattr(os, "getuid") and status.st_uid != os.getuid()):
        return
    os.chmod(folder, FOLDER_MODE)  # first, so nothing new arrives while it is emptied
    for entry in os.scandir(folder):
        if not any(fnmatch.fnmatchcase(entry.name.lstrip("."), p) for p in OURS):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
