"""The library cache: reused while files are unchanged, rebuilt when any changes."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from careerpath.edges import cache
from careerpath.edges.load import Library, load_inventory, load_library
from careerpath.errors import CareerpathError
from tests.conftest import WriteFile
from tests.helpers import ROOT


def test_cached_value_is_reused_until_a_file_changes(tmp_path: Path, write: WriteFile) -> None:
    source = write("data/a.yaml", "one\n")
    calls: list[int] = []

    def build() -> str:
        calls.append(1)
        return source.read_text()

    def load() -> str:
        return cache.remembered(tmp_path / "cache", "x", cache.fingerprint([source]), build)

    assert load() == "one\n"
    assert load() == "one\n"
    assert len(calls) == 1
    source.write_text("two, longer\n")
    assert load() == "two, longer\n"
    assert len(calls) == 2
    assert len(list((tmp_path / "cache").glob("x-*.pickle"))) == 1  # the stale one is gone


def test_a_corrupt_entry_is_rebuilt(tmp_path: Path, write: WriteFile) -> None:
    key = cache.fingerprint([write("a.yaml", "x\n")])
    folder = tmp_path / "cache"
    cache.remembered(folder, "x", key, lambda: "first")
    (entry,) = folder.glob("x-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert cache.remembered(folder, "x", key, lambda: "rebuilt") == "rebuilt"


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path, write: WriteFile) -> None:
    key = cache.fingerprint([write("a.yaml", "x\n")])
    blocked = write("blocked", "a file where the folder should be")
    assert cache.remembered(blocked / "cache", "x", key, lambda: "built") == "built"


def test_the_least_recently_used_entries_beyond_keep_are_dropped(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    for number, key in enumerate("abc"):
        cache.remembered(folder, "x", key, lambda n=number: n, keep=2)
        entry = folder / f"x-{key}.pickle"
        os.utime(entry, ns=(number * 10**9, number * 10**9))  # a, b, c: oldest to newest
    assert sorted(p.name for p in folder.glob("x-*.pickle")) == ["x-b.pickle", "x-c.pickle"]
    assert cache.remembered(folder, "x", "b", lambda: -1, keep=2) == 1  # b is used again...
    cache.remembered(folder, "x", "d", lambda: 3, keep=2)  # ...so c is the one to go
    assert sorted(p.name for p in folder.glob("x-*.pickle")) == ["x-b.pickle", "x-d.pickle"]


def test_content_keys_differ_for_any_change_of_any_part() -> None:
    keys = {
        cache.content_key("library", b"person: A"),
        cache.content_key("library", b"person: B"),
        cache.content_key("library2", b"person: A"),
        cache.content_key("libraryp", b"erson: A"),  # the same bytes, split differently
    }
    assert len(keys) == 4
    assert cache.content_key("library", b"person: A") in keys


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
    from careerpath.edges.locations import cache_dir

    monkeypatch.setenv("CAREERPATH_CACHE", value)
    assert cache_dir() is None


# --- inventories ---------------------------------------------------------------------------


def test_a_cached_inventory_equals_a_fresh_one_and_skips_parsing(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ROOT / "examples" / "support-analyst.yaml"
    fresh = load_inventory(path, library)
    assert load_inventory(path, library, tmp_path) == fresh  # read, validated, stored

    def no_parsing(*args: object) -> object:
        raise AssertionError("a cached inventory must not be parsed again")

    monkeypatch.setattr("careerpath.edges.yaml_source.parse", no_parsing)
    assert load_inventory(path, library, tmp_path) == fresh


def test_an_edited_inventory_is_read_afresh(tmp_path: Path, library: Library) -> None:
    path = tmp_path / "me.yaml"
    text = (ROOT / "examples" / "support-analyst.yaml").read_text()
    path.write_text(text)
    assert load_inventory(path, library, tmp_path / "cache").person == "Megan Doyle"
    path.write_text(text.replace("person: Megan Doyle", "person: Megan O'Doyle"))
    assert load_inventory(path, library, tmp_path / "cache").person == "Megan O'Doyle"


def test_a_broken_inventory_is_never_cached(tmp_path: Path, library: Library) -> None:
    path = tmp_path / "me.yaml"
    path.write_text("person: Sam\ndate: 2026-11-02\ncurrent_role: support\nratings: 7\n")
    for _ in range(2):  # the same error both times: nothing was remembered
        with pytest.raises(CareerpathError, match="ratings"):
            load_inventory(path, library, tmp_path / "cache")
    assert not list((tmp_path / "cache").glob("inventory-*"))


def test_cached_inventories_are_private(tmp_path: Path, library: Library) -> None:
    load_inventory(ROOT / "examples" / "support-analyst.yaml", library, tmp_path / "cache")
    (entry,) = (tmp_path / "cache").glob("inventory-*.pickle")
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700


def test_an_inventory_is_checked_again_when_the_roles_change(tmp_path: Path) -> None:
    """Valid and cached while the organisation has its target role; an error once it is gone."""
    path = tmp_path / "me.yaml"
    text = (ROOT / "examples" / "support-analyst.yaml").read_text()
    path.write_text(text.replace("targets: [testing, development]", "targets: [qa_lead]"))
    org = tmp_path / "org"
    org.mkdir()
    role = (ROOT / "roles" / "testing.yaml").read_text().replace("id: testing", "id: qa_lead")
    (org / "qa_lead.yaml").write_text(role)
    with_role = load_library(org, tmp_path / "cache")
    assert load_inventory(path, with_role, tmp_path / "cache").targets == ["qa_lead"]
    (org / "qa_lead.yaml").unlink()
    without = load_library(org, tmp_path / "cache")
    with pytest.raises(CareerpathError, match="qa_lead"):
        load_inventory(path, without, tmp_path / "cache")


def test_a_relative_roles_folder_is_cached_as_an_absolute_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = tmp_path / "work" / "org"
    org.mkdir(parents=True)
    (org / "qa_lead.yaml").write_text(
        (ROOT / "roles" / "testing.yaml").read_text().replace("id: testing", "id: qa_lead")
    )
    monkeypatch.chdir(tmp_path / "work")
    first = load_library(Path("org"), tmp_path / "cache")
    monkeypatch.chdir(tmp_path)  # elsewhere, the same folder by another relative name
    second = load_library(Path("work/org"), tmp_path / "cache")
    assert first.sources["qa_lead"] == second.sources["qa_lead"] == org / "qa_lead.yaml"
    assert second.sources["qa_lead"].is_file()


# --- the cache folder ------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o777, 0o755, 0o770, 0o701], ids=oct)
def test_a_cache_folder_of_ours_found_open_is_closed_emptied_and_not_used_this_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    from careerpath.edges.locations import cache_dir

    folder = tmp_path / "shared"
    cache.remembered(folder, "x", "k", lambda: "mine")
    (folder / "notes.txt").write_text("not careerpath's: left alone")
    folder.chmod(mode)
    monkeypatch.setenv("CAREERPATH_CACHE", str(folder))
    assert cache_dir() is None  # anything in it may have been planted while it was open
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    assert cache_dir() == folder  # closed and emptied: used from now on


def test_a_cache_path_that_is_a_file_is_not_used_nor_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: WriteFile
) -> None:
    from careerpath.edges.locations import cache_dir

    path = write("notes.txt", "mine")
    path.chmod(0o644)
    monkeypatch.setenv("CAREERPATH_CACHE", str(path))
    assert cache_dir() is None
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert path.read_text() == "mine"


def test_a_cache_folder_someone_else_owns_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerpath.edges import locations

    monkeypatch.setenv("CAREERPATH_CACHE", str(tmp_path))
    monkeypatch.setattr(locations.os, "getuid", lambda: os.stat(tmp_path).st_uid + 1)
    assert locations.cache_dir() is None


def test_an_interrupted_store_leaves_no_copy_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Unpicklable:
        def __reduce__(self) -> tuple[object, ...]:
            raise KeyboardInterrupt  # as if Ctrl-C arrived while pickling

    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    with pytest.raises(KeyboardInterrupt):
        cache.remembered(folder, "x", "k", Unpicklable)
    assert list(folder.iterdir()) == []

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # as if Ctrl-C arrived between writing and renaming

    monkeypatch.setattr(cache.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cache.remembered(folder, "x", "k", lambda: "value")
    assert list(folder.iterdir()) == []


def test_an_unpicklable_value_is_returned_and_not_stored(tmp_path: Path) -> None:
    import threading

    lock = threading.Lock()  # locks cannot be pickled
    assert cache.remembered(tmp_path / "cache", "x", "k", lambda: lock) is lock
    assert not (tmp_path / "cache").exists() or list((tmp_path / "cache").iterdir()) == []


# --- entries that are not careerpath's own: ignored and rebuilt, never run --------------------


def entry_of(folder: Path) -> Path:
    (entry,) = folder.glob("x-*.pickle")
    return entry


def stored(folder: Path, value: object = "mine") -> Path:
    cache.remembered(folder, "x", "k", lambda: value)
    return entry_of(folder)


def test_an_entry_others_could_read_or_write_is_not_trusted(tmp_path: Path) -> None:
    entry = stored(tmp_path / "cache")
    entry.chmod(0o644)
    assert cache.remembered(tmp_path / "cache", "x", "k", lambda: "rebuilt") == "rebuilt"
    assert stat.S_IMODE(entry_of(tmp_path / "cache").stat().st_mode) == 0o600  # replaced


def test_an_entry_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    elsewhere = stored(tmp_path / "elsewhere", "someone else's data")
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    (folder / "x-k.pickle").symlink_to(elsewhere)
    assert cache.remembered(folder, "x", "k", lambda: "rebuilt") == "rebuilt"
    assert not (folder / "x-k.pickle").is_symlink()


def test_an_entry_that_is_a_hard_link_is_not_trusted(tmp_path: Path) -> None:
    elsewhere = stored(tmp_path / "elsewhere", "someone else's data")
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    os.link(elsewhere, folder / "x-k.pickle")
    assert cache.remembered(folder, "x", "k", lambda: "rebuilt") == "rebuilt"


def test_a_fifo_in_place_of_an_entry_neither_hangs_nor_crashes(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    os.mkfifo(folder / "x-k.pickle", 0o600)
    assert cache.remembered(folder, "x", "k", lambda: "rebuilt") == "rebuilt"
    assert cache.remembered(folder, "x", "k", lambda: "again") == "rebuilt"  # now an entry


def test_a_folder_in_place_of_an_entry_is_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    (folder / "x-k.pickle" / "inside").mkdir(parents=True, mode=0o700)
    assert cache.remembered(folder, "x", "k", lambda: "rebuilt") == "rebuilt"
    assert cache.remembered(folder, "x", "k", lambda: "again") == "rebuilt"


def test_an_entry_swapped_for_another_is_not_taken_for_it(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cache.remembered(folder, "inventory", "alice", lambda: "Alice's ratings", keep=4)
    cache.remembered(folder, "inventory", "bob", lambda: "Bob's ratings", keep=4)
    shutil.copy(folder / "inventory-alice.pickle", folder / "inventory-bob.pickle")
    assert cache.remembered(folder, "inventory", "bob", lambda: "read afresh", keep=4) == (
        "read afresh"
    )


def test_a_cache_folder_below_a_link_is_used_and_a_linked_subfolder_is_not(
    tmp_path: Path,
) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    (tmp_path / "link").symlink_to(real)  # the cache root may be a link the user made
    cache.write_entry(tmp_path / "link", ("a",), b"data")
    assert cache.read_entry(tmp_path / "link", ("a",)) == b"data"
    cache.write_entry(tmp_path / "other", ("sub", "b"), b"other data")
    (real / "sub").symlink_to(tmp_path / "other" / "sub")
    assert cache.read_entry(real, ("sub", "b")) is None


def test_folders_and_entries_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o002)
    try:
        cache.write_entry(tmp_path / "new" / "cache", ("templates", "t"), b"compiled")
    finally:
        os.umask(old)
    for path in (tmp_path / "new", tmp_path / "new" / "cache", tmp_path / "new/cache/templates"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "new/cache/templates/t").stat().st_mode) == 0o600


# --- compiled templates --------------------------------------------------------------------


def plant_bytecode(templates: Path, marker: Path) -> int:
    """Replace each compiled template with code that touches `marker`, its header kept (so
    Jinja would take it for the template); the number of entries replaced."""
    import io
    import marshal
    import pickle

    from jinja2.bccache import bc_magic

    planted = 0
    for entry in templates.glob("__jinja2_*.cache"):
        stream = io.BytesIO(entry.read_bytes())
        assert stream.read(len(bc_magic)) == bc_magic
        checksum = pickle.load(stream)
        code = compile(f"import os\nos.system('touch {marker}')\n", "planted", "exec")
        entry.write_bytes(bc_magic + pickle.dumps(checksum, 2) + marshal.dumps(code))
        planted += 1
    return planted


def test_compiled_templates_are_cached_and_reused(tmp_path: Path) -> None:
    from tests.helpers import run

    env = {"CAREERPATH_CACHE": str(tmp_path / "cache")}
    args = ("plan", ROOT / "examples" / "support-analyst.yaml", "--date", "2026-11-02")
    first = run(*args, env=env)
    entries = list((tmp_path / "cache" / "templates").glob("__jinja2_*.cache"))
    assert len(entries) == 1
    assert stat.S_IMODE(entries[0].stat().st_mode) == 0o600
    assert run(*args, env=env).stdout == first.stdout


@pytest.mark.parametrize("mode", [0o777, 0o750], ids=oct)
def test_compiled_templates_in_a_folder_found_open_are_not_loaded(
    tmp_path: Path, mode: int
) -> None:
    from tests.helpers import run

    env = {"CAREERPATH_CACHE": str(tmp_path / "cache")}
    args = ("plan", ROOT / "examples" / "support-analyst.yaml", "--date", "2026-11-02")
    expected = run(*args, env=env).stdout
    templates = tmp_path / "cache" / "templates"
    marker = tmp_path / "PWNED"
    assert plant_bytecode(templates, marker) == 1
    (planted,) = templates.glob("__jinja2_*.cache")
    bad = planted.read_bytes()
    templates.chmod(mode)
    result = run(*args, env=env)
    assert result.stdout == expected
    assert not marker.exists()
    assert stat.S_IMODE(templates.stat().st_mode) == 0o700
    assert [p.read_bytes() == bad for p in templates.glob("__jinja2_*.cache")] == [False]
