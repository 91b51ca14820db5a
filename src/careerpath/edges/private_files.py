"""Writing personal files safely: atomically, mode 0600, never over a file without --force."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from careerpath.errors import CareerpathError


def write_private(path: Path, text: str | Iterable[str], *, force: bool = False) -> None:
    """Write `text` (or its pieces, as they come) to `path` via a temporary file and
    os.replace, readable by the owner only."""
    if path.is_dir():
        raise CareerpathError("is a folder; name a file to write", file=path)
    if path.exists() and not force:
        raise CareerpathError(
            "already exists; use {option} to replace it", file=path, option="force"
        )
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise CareerpathError(f"cannot write here: {exc.strerror}", file=path) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            os.fchmod(stream.fileno(), 0o600)
            if isinstance(text, str):
                stream.write(text)
            else:
                stream.writelines(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise CareerpathError(f"cannot write: {exc.strerror}", file=path) from None
    except BaseException:  # the pieces stopped coming (an error, Ctrl-C): no partial file left
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
