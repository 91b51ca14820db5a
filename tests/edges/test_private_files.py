"""careerpath.edges.private_files and the commands that write: what is never replaced, the mode
of what is created, the temporary files, and in-place updates through a symbolic link.

Device nodes are made inside the test's own folder (as root; skipped otherwise), never /dev's:
a check that failed would replace only the test's node.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from careerpath.edges import locations
from careerpath.edges.private_files import (
    STALE_AFTER,
    check_target,
    discard_run,
    make_folder,
    publish,
    stage,
    sweep,
    write_new,
    write_private,
)
from careerpath.errors import CareerpathError
from tests.cli.test_one_on_one import MANAGER, SELF
from tests.helpers import one_line_error, run

EXAMPLE = locations.example_inventory()
PLAN = ("plan", EXAMPLE, "--date", "2026-11-02")
ROOT_ONLY = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="making a device node needs root"
)


@pytest.fixture
def umask() -> Iterator[None]:
    """A permissive umask (0o022, the usual default), restored afterwards."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.lstat().st_mode))


def message(call: object) -> str:
    with pytest.raises(CareerpathError) as info:
        call()  # type: ignore[operator]
    return info.value.message


# --- what is never replaced ------------------------------------------------------------------


def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def null_device(tmp_path: Path) -> Path:
    path = tmp_path / "null"
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return path


def link_to(tmp_path: Path, target: str) -> Path:
    path = tmp_path / "link.md"
    path.symlink_to(target)
    return path


NOT_REGULAR = (
    "is not a regular file (a device, a pipe or a socket); careerpath writes only regular files"
)


@pytest.mark.parametrize("force", [False, True])
def test_a_pipe_is_never_replaced(tmp_path: Path, force: bool) -> None:
    path = fifo(tmp_path)
    assert message(lambda: write_private(path, "x", force=force)) == NOT_REGULAR
    assert stat.S_ISFIFO(path.lstat().st_mode)


@ROOT_ONLY
@pytest.mark.parametrize("force", [False, True])
def test_a_device_is_never_replaced(tmp_path: Path, force: bool) -> None:
    """`--out /dev/stdout --force` as root replaced the device with a regular file."""
    device = null_device(tmp_path)
    args = ("--out", device, "--force") if force else ("--out", device)
    assert one_line_error(run(*PLAN, *args), 1) == f"{device}: {NOT_REGULAR}"
    assert stat.S_ISCHR(device.lstat().st_mode)


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("dangling", [False, True])
def test_a_symbolic_link_is_never_replaced(tmp_path: Path, force: bool, dangling: bool) -> None:
    real = tmp_path / "real.md"
    if not dangling:
        real.write_text("mine\n", encoding="utf-8")
    link = link_to(tmp_path, str(real))
    args = ("--out", link, "--force") if force else ("--out", link)
    assert one_line_error(run(*PLAN, *args), 1) == (
        f"{link}: is a symbolic link (to {real}); careerpath does not replace links:"
        " name the file itself, or another file"
    )
    assert link.is_symlink()
    assert not real.exists() if dangling else real.read_text(encoding="utf-8") == "mine\n"


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("mine\n", encoding="utf-8")
    path.chmod(0o644)
    assert message(lambda: write_private(path, "new\n")) == (
        "already exists; use {option} to replace it"
    )
    assert path.read_text(encoding="utf-8") == "mine\n"
    write_private(path, "new\n", force=True)
    assert path.read_text(encoding="utf-8") == "new\n"
    assert mode(path) == "0o600"


def test_check_target_accepts_a_new_name_and_a_regular_file_with_force(tmp_path: Path) -> None:
    check_target(tmp_path / "new.md")
    (tmp_path / "old.md").write_text("x", encoding="utf-8")
    check_target(tmp_path / "old.md", force=True)


def test_write_new_takes_the_next_free_name_past_anything_there(tmp_path: Path) -> None:
    first = tmp_path / "inventory-2026-11-02.yaml"
    first.write_text("one\n", encoding="utf-8")
    (tmp_path / "inventory-2026-11-02-2.yaml").symlink_to(tmp_path / "nowhere")  # dangling
    (tmp_path / "inventory-2026-11-02-3.yaml").mkdir()
    written = write_new(first, "four\n")
    assert written == tmp_path / "inventory-2026-11-02-4.yaml"
    assert written.read_text(encoding="utf-8") == "four\n"
    assert first.read_text(encoding="utf-8") == "one\n"
    assert mode(written) == "0o600"


# --- folders ---------------------------------------------------------------------------------


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o000, 0o077])
def test_folders_made_on_the_way_are_0700_whatever_the_umask(tmp_path: Path, mask: int) -> None:
    """Every folder careerpath makes on the way to a file it writes (its data folder, a
    batch's --out-dir) is private; it was 0755. (--out makes none: tests/cli.)"""
    from careerpath.edges.private_files import write_private

    out = tmp_path / "out" / "a" / "b" / "plan.md"
    before = os.umask(mask)
    try:
        write_private(out, "plan\n")
    finally:
        os.umask(before)
    for folder in (out.parent, out.parent.parent, out.parent.parent.parent):
        assert mode(folder) == "0o700", folder
    assert mode(out) == "0o600"


def test_the_data_folder_is_0700(tmp_path: Path, umask: None) -> None:
    home = tmp_path / "data" / "careerpath"
    answers = tmp_path / "answers.yaml"
    answers.write_text(SELF, encoding="utf-8")
    result = run("assess", "--answers", answers, home=home)
    assert result.exit_code == 0, result.output
    assert mode(home) == "0o700" and mode(home.parent) == "0o700"
    [written] = home.glob("inventory-*.yaml")
    assert mode(written) == "0o600"


def test_an_existing_folder_is_left_as_it_is(tmp_path: Path, umask: None) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    make_folder(shared / "mine")
    assert mode(shared) == "0o755"
    assert mode(shared / "mine") == "0o700"


def test_a_file_in_the_way_of_a_folder_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("x", encoding="utf-8")
    error = one_line_error(run(*PLAN, "--out", tmp_path / "out" / "plan.md"), 2)
    assert f"the folder {tmp_path / 'out'} is not a folder" in error


# --- temporary files -------------------------------------------------------------------------


def temporary(folder: Path, name: str, age: float, mode_bits: int = 0o600) -> Path:
    path = folder / name
    path.write_text("part of a plan", encoding="utf-8")
    path.chmod(mode_bits)
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_sweep_removes_only_stale_temporary_files_of_ours(tmp_path: Path) -> None:
    stale = temporary(tmp_path, ".plan.md.abc_1234.tmp", STALE_AFTER + 60)
    other_target = temporary(tmp_path, ".inventory.yaml.zz9x8y7w.tmp", STALE_AFTER + 60)
    fresh = temporary(tmp_path, ".plan.md.k2j3h4g5.tmp", 5)
    wider = temporary(tmp_path, ".plan.md.q1w2e3r4.tmp", STALE_AFTER + 60, 0o644)
    unlike = temporary(tmp_path, ".plan.md.tmp", STALE_AFTER + 60)
    visible = temporary(tmp_path, "plan.md.abcd1234.tmp", STALE_AFTER + 60)
    link = tmp_path / ".plan.md.l1n2k3s4.tmp"
    link.symlink_to(stale)
    assert sorted(sweep(tmp_path)) == sorted([stale, other_target])
    for kept in (fresh, wider, unlike, visible):
        assert kept.exists()
    assert link.is_symlink()


def test_a_write_sweeps_its_folder(tmp_path: Path) -> None:
    stale = temporary(tmp_path, ".plan.md.abc_1234.tmp", STALE_AFTER + 60)
    write_private(tmp_path / "plan.md", "new\n")
    assert not stale.exists()


@pytest.mark.parametrize("failure", [KeyboardInterrupt, OSError(28, "No space left on device")])
def test_a_write_that_stops_leaves_no_temporary_file_and_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException | type
) -> None:
    path = tmp_path / "plan.md"
    path.write_text("mine\n", encoding="utf-8")

    def stop(fd: int) -> None:
        raise failure  # type: ignore[misc]

    monkeypatch.setattr(os, "fsync", stop)
    with pytest.raises((KeyboardInterrupt, CareerpathError)):
        write_private(path, "new\n", force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]
    assert path.read_text(encoding="utf-8") == "mine\n"


# --- in-place updates through a symbolic link ------------------------------------------------


def test_goals_done_on_a_link_updates_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "plans" / "plan.json"
    real.parent.mkdir()
    assert run(*PLAN, "--format", "json", "--out", real).exit_code == 0
    link = tmp_path / "current.json"
    link.symlink_to(real)
    result = run("goals", "done", link, "mentor:find", "--evidence", "Met Priya")
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real
    assert '"evidence": "Met Priya"' in real.read_text(encoding="utf-8")
    assert mode(real) == "0o600"


def test_a_manager_rating_on_a_link_updates_the_file_it_points_to(tmp_path: Path) -> None:
    home = tmp_path / "home"
    real = tmp_path / "team" / "sam.yaml"
    self_answers, manager_answers = tmp_path / "self.yaml", tmp_path / "manager.yaml"
    self_answers.write_text(SELF, encoding="utf-8")
    manager_answers.write_text(MANAGER, encoding="utf-8")
    assert run("assess", "--answers", self_answers, "--out", real, home=home).exit_code == 0
    link = tmp_path / "sam.yaml"
    link.symlink_to(real)
    result = run("assess", "--as-manager", link, "--answers", manager_answers, home=home)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real
    assert "name: Priya Shah" in real.read_text(encoding="utf-8")
    assert f"Saved your rating of Sam Rivera beside their own: {real}" in result.stdout


def test_an_in_place_update_of_a_pipe_is_refused(tmp_path: Path) -> None:
    path = fifo(tmp_path)
    error = one_line_error(run("goals", "done", path, "mentor:find", "--evidence", "x"), 1)
    assert error == f"{path}: is not a regular file; careerpath updates only regular files"


# --- many files at once: staged, then flushed to disk together and named -----------------


def test_staged_files_are_named_with_one_flush_and_never_over_a_file(tmp_path: Path) -> None:
    (tmp_path / "taken.md").write_text("theirs", encoding="utf-8")
    staged = [stage(tmp_path / f"{name}.md", f"plan {name}", "r1") for name in ("a", "b", "taken")]
    assert not (tmp_path / "a.md").exists()  # nothing under its name before publish
    problems = publish(staged)
    assert [(p.file, p.option) for p in problems] == [(tmp_path / "taken.md", "force")]
    assert (tmp_path / "taken.md").read_text(encoding="utf-8") == "theirs"
    for name in ("a", "b"):
        assert (tmp_path / f"{name}.md").read_text(encoding="utf-8") == f"plan {name}"
        assert stat.S_IMODE((tmp_path / f"{name}.md").stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md", "taken.md"]


def test_published_with_force_replaces_a_file_but_never_a_link(tmp_path: Path) -> None:
    (tmp_path / "old.md").write_text("old", encoding="utf-8")
    (tmp_path / "link.md").symlink_to(tmp_path / "old.md")
    staged = [stage(tmp_path / name, "new", "r1") for name in ("old.md", "link.md")]
    problems = publish(staged, force=True)
    assert (tmp_path / "old.md").read_text(encoding="utf-8") == "new"
    assert [p.file for p in problems] == [tmp_path / "link.md"]
    assert (tmp_path / "link.md").is_symlink()


def test_discard_run_removes_only_that_run_s_temporary_files(tmp_path: Path) -> None:
    mine = [stage(tmp_path / f"{n}.md", "x", "abcd1234") for n in ("a", "b")]
    theirs = stage(tmp_path / "a.md", "y", "ffff0000")
    (tmp_path / "notes.abcd1234.txt").write_text("a user's file", encoding="utf-8")
    discard_run(tmp_path, "abcd1234")
    assert not any(Path(temporary).exists() for temporary, _ in mine)
    assert Path(theirs.temporary).exists()
    assert (tmp_path / "notes.abcd1234.txt").exists()
