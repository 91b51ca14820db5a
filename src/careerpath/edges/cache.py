"""A cache of validated data, so a command skips re-reading YAML it has read before.

Two kinds of entry, both pickled in the user's own cache folder (mode 0700, files 0600):
- the role library, keyed by careerpath's version, Python's, and the path, size and
  modification time of every data file read (and of the modules that build it), so an edited,
  added or removed file is read afresh; one entry is kept.
- inventories, keyed by the library's key and the file's exact bytes, so any edit, or a change
  to the roles it is checked against, reads it afresh; the most recently used few are kept.
Anything unreadable there is ignored and rebuilt; an unwritable folder only costs speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from careerpath import __version__

T = TypeVar("T")


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
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"\0{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
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
    """`build()`'s result, from `folder` if an entry `name` with `key` is there.

    A new entry replaces the least recently used ones beyond `keep` entries named `name`.
    """
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as stream:
            value: T = pickle.load(stream)
    except Exception:  # a missing, partial or foreign entry is simply rebuilt
        pass
    else:
        if keep > 1:  # the modification time orders entries by last use
            with contextlib.suppress(OSError):
                os.utime(path)
        return value
    value = build()
    with contextlib.suppress(Exception):  # an unwritable folder or unpicklable value: speed only
        _store(folder, path, name, value, keep)
    return value


def _store(folder: Path, path: Path, name: str, value: object, keep: int) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    entries = []
    for entry in folder.glob(f"{name}-*.pickle"):
        with contextlib.suppress(OSError):
            entries.append((entry.stat().st_mtime_ns, entry))
    entries.sort(reverse=True)
    stale = [old for _, old in entries[max(keep - 1, 0) :]]
    stale += [left for left in folder.glob("*.tmp") if _older_than_a_day(left)]  # a killed run's
    for old in stale:
        with contextlib.suppress(OSError):
            old.unlink()
    import tempfile  # only when storing; reading the cache is the common path

    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:  # Ctrl-C included: never leave a partial copy behind
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _older_than_a_day(path: Path) -> bool:
    import time

    try:
        return path.stat().st_mtime < time.time() - 86400
    except OSError:
        return False
