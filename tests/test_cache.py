"""The library cache: reused while files are unchanged, rebuilt when any changes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from careerpath import cache
from careerpath.load import load_library
from tests.conftest import WriteFile

ROOT = Path(__file__).resolve().parent.parent


def test_cached_value_is_reused_until_a_file_changes(tmp_path: Path, write: WriteFile) -> None:
    source = write("data/a.yaml", "one\n")
    calls: list[int] = []

    def build() -> str:
        calls.append(1)
        return source.read_text()

    folder = tmp_path / "cache"
    assert cache.cached(folder, "x", [source], build) == "one\n"
    assert cache.cached(folder, "x", [source], build) == "one\n"
    assert len(calls) == 1
    source.write_text("two, longer\n")
    assert cache.cached(folder, "x", [source], build) == "two, longer\n"
    assert len(calls) == 2
    assert len(list(folder.glob("x-*.pickle"))) == 1  # the stale entry was removed


def test_a_corrupt_entry_is_rebuilt(tmp_path: Path, write: WriteFile) -> None:
    source = write("a.yaml", "x\n")
    folder = tmp_path / "cache"
    cache.cached(folder, "x", [source], lambda: "first")
    (entry,) = folder.glob("x-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert cache.cached(folder, "x", [source], lambda: "rebuilt") == "rebuilt"


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path, write: WriteFile) -> None:
    source = write("a.yaml", "x\n")
    blocked = write("blocked", "a file where the folder should be")
    assert cache.cached(blocked / "cache", "x", [source], lambda: "built") == "built"


def test_library_from_cache_equals_a_fresh_one(tmp_path: Path) -> None:
    fresh = load_library()
    assert load_library(None, tmp_path) == fresh
    assert load_library(None, tmp_path) == fresh  # second call reads the cache


def test_editing_an_organisation_role_invalidates_the_cache(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    shutil.copy(ROOT / "roles" / "testing.yaml", org / "testing.yaml")
    first = load_library(org, tmp_path / "cache")
    text = (org / "testing.yaml").read_text().replace("title: ", "title: Our ", 1)
    (org / "testing.yaml").write_text(text)
    stat = (org / "testing.yaml").stat()
    os.utime(org / "testing.yaml", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    second = load_library(org, tmp_path / "cache")
    assert second.roles["testing"].title == "Our " + first.roles["testing"].title


@pytest.mark.parametrize("value", ["off", "0", "no"])
def test_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    from careerpath.locations import cache_dir

    monkeypatch.setenv("CAREERPATH_CACHE", value)
    assert cache_dir() is None
