"""A cache of the validated role library, so a command skips re-reading unchanged YAML.

The key covers careerpath's version, Python's, and the path, size and modification time of
every data file read, so an edited, added or removed file is read afresh. The cache lives in
the user's own cache folder (mode 0700); anything unreadable there is ignored and rebuilt.
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


def key(files: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"{__version__} {sys.version}".encode())
    for path in sorted(files):
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"\0{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def cached(folder: Path | None, name: str, files: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`'s result, from `folder` if an entry for these files' current state is there."""
    if folder is None:
        return build()
    path = folder / f"{name}-{key(files)}.pickle"
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)  # type: ignore[no-any-return]
    except Exception:  # a missing, partial or foreign entry is simply rebuilt
        pass
    value = build()
    with contextlib.suppress(OSError):
        _store(folder, path, name, value)
    return value


def _store(folder: Path, path: Path, name: str, value: object) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    for old in folder.glob(f"{name}-*.pickle"):
        with contextlib.suppress(OSError):
            old.unlink()
    import tempfile  # only when storing; reading the cache is the common path

    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
