"""Where careerpath finds its built-in data, an organisation's data and the user's files."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # careerpath/, above edges/


def builtin(name: str) -> Path:
    """The built-in data folder `name` (roles, templates, examples).

    A wheel carries the folders inside the package (_data/); an editable install or a source
    checkout has them at the top of the repository, two levels above the package.
    """
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"careerpath's built-in {name}/ folder is missing; reinstall careerpath"
    )


def example_inventory() -> Path:
    return builtin("examples") / "support-analyst.yaml"


def user_home() -> Path:
    """Where a person's inventories and plans live: CAREERPATH_HOME, else the user data folder."""
    value = os.environ.get("CAREERPATH_HOME", "").strip()
    if value:
        return Path(value).expanduser()
    import platformdirs  # only the commands that write personal files pay for it

    return Path(platformdirs.user_data_dir("careerpath", appauthor=False))


def cache_dir() -> Path | None:
    """Where validated data and compiled templates are cached: CAREERPATH_CACHE, else the user
    cache folder; None (no caching) for CAREERPATH_CACHE=off or a folder that is not private."""
    value = os.environ.get("CAREERPATH_CACHE", "").strip()
    if value.lower() in {"off", "0", "no"}:
        return None
    if value:
        folder = Path(value).expanduser()
    else:
        import platformdirs

        folder = Path(platformdirs.user_cache_dir("careerpath", appauthor=False))
    return folder if private_folder(folder) else None


def private_folder(folder: Path) -> bool:
    """Whether `folder` is a folder only this user can enter (mode 0700), to use as the cache.

    The cache holds copies of personal data and pickles that are loaded as code: a folder that
    someone else owns is never used, and one of ours that others could write is closed and
    emptied of careerpath's entries (careerpath.edges.cache.reclaim), and not used this time.
    A folder that does not exist yet is created 0700 when something is stored.
    """
    try:
        status = folder.stat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if not stat.S_ISDIR(status.st_mode):  # a file by that name: no cache, and leave it alone
        return False
    if not hasattr(os, "getuid"):  # Windows: the user profile's ACLs already keep it private
        return True
    if status.st_uid != os.getuid():
        return False
    if status.st_mode & 0o077:
        from careerpath.edges.cache import reclaim  # rarely: only a folder found open

        with contextlib.suppress(OSError):
            reclaim(folder)
        return False
    return True
