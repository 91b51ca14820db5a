"""The cache against another local user, with two real accounts: the tests (as root, as CI runs
them) create an unprivileged user and plant pickles and compiled templates as that user, then
run careerpath as the victim. Without root they skip: one user cannot be two."""

from __future__ import annotations

import io
import marshal
import os
import pickle
import pwd
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT, run

ATTACKER = "careerpath-attacker"
EXAMPLE = ROOT / "examples" / "support-analyst.yaml"
PLAN = ("plan", EXAMPLE, "--date", "2026-11-02")

Ids = tuple[int, int]


@pytest.fixture(scope="module")
def attacker() -> Iterator[Ids]:
    """The uid and gid of a second, unprivileged user (created here, removed afterwards)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root to create a second user and plant files as them (CI runs as root)")
    created = False
    try:
        entry = pwd.getpwnam(ATTACKER)
    except KeyError:
        useradd = shutil.which("useradd")
        if useradd is None:
            pytest.skip("needs useradd to create a second user")
        command = [useradd, "--system", "--no-create-home", "--user-group", ATTACKER]
        subprocess.run(command, check=True, capture_output=True)
        created = True
        entry = pwd.getpwnam(ATTACKER)
    assert entry.pw_uid != 0
    yield entry.pw_uid, entry.pw_gid
    if created and (userdel := shutil.which("userdel")):
        subprocess.run([userdel, ATTACKER], check=False, capture_output=True)


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder both users can reach (pytest's own tmp_path is root's alone)."""
    base = Path(tempfile.mkdtemp(prefix="careerpath-users-", dir="/tmp"))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


def as_user(ids: Ids, script: str, cwd: Path) -> None:
    """Run a shell script as that user, with none of root's groups."""
    uid, gid = ids
    subprocess.run(
        ["/bin/sh", "-euc", script],
        user=uid,
        group=gid,
        extra_groups=[],
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
        timeout=60,
    )


def evil_pickle(marker: Path) -> bytes:
    class Touch:
        def __reduce__(self) -> tuple[object, ...]:
            return (os.system, (f"touch {marker}",))

    return pickle.dumps(Touch())


def evil_bytecode(genuine: bytes, marker: Path) -> bytes:
    """A compiled template with its header (so Jinja takes it for the template) and code that
    touches `marker`."""
    from jinja2.bccache import bc_magic

    stream = io.BytesIO(genuine)
    assert stream.read(len(bc_magic)) == bc_magic
    checksum = pickle.load(stream)
    code = compile(f"import os\nos.system('touch {marker}')\n", "planted", "exec")
    return bc_magic + pickle.dumps(checksum, 2) + marshal.dumps(code)


def prepare(shared: Path) -> tuple[Path, Path, dict[str, str]]:
    """The victim's cache after one plan in md and html, the marker that must never appear,
    and the victim's outputs; payloads for every entry wait in shared/payloads (readable)."""
    cache = shared / "cache"
    env = {"CAREERPATH_CACHE": str(cache)}
    outputs = {fmt: run(*PLAN, "--format", fmt, env=env).stdout for fmt in ("md", "html")}
    assert outputs["md"].startswith("# Growth plan: Megan Doyle")
    marker = shared / "PWNED"
    payloads = shared / "payloads"
    (payloads / "templates").mkdir(parents=True)
    pickles = list(cache.glob("*.pickle"))
    compiled = list((cache / "templates").glob("__jinja2_*.cache"))
    assert len(pickles) == 2 and len(compiled) == 2  # the library and the inventory; md, html
    for entry in pickles:
        (payloads / entry.name).write_bytes(evil_pickle(marker))
    for entry in compiled:
        (payloads / "templates" / entry.name).write_bytes(evil_bytecode(entry.read_bytes(), marker))
    for path in [payloads, *payloads.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return cache, marker, outputs


def victim_runs(cache: Path, outputs: dict[str, str], marker: Path) -> None:
    env = {"CAREERPATH_CACHE": str(cache)}
    for fmt, expected in outputs.items():
        result = run(*PLAN, "--format", fmt, env=env)
        assert result.exit_code == 0, result.output
        assert result.stdout == expected
        assert not marker.exists(), "a planted entry ran"


def owners(folder: Path) -> set[int]:
    return {path.lstat().st_uid for path in folder.rglob("*")}


PLANT_ALL = """
for f in cache/*.pickle; do rm -f "$f"; cp "payloads/${f#cache/}" "$f"; chmod 600 "$f"; done
rm -rf cache/templates
mkdir -m 700 cache/templates
cp payloads/templates/* cache/templates/
chmod 600 cache/templates/*
"""


def test_entries_planted_by_another_user_in_an_open_cache_never_run(
    attacker: Ids, shared: Path
) -> None:
    """The issue's case: the victim's cache folder was open (0777, say CAREERPATH_CACHE on a
    shared folder); another user replaced every pickle and every compiled template with their
    own, mode 0600, under the exact names. Nothing of theirs runs; the folder is closed and
    emptied of what careerpath keeps, and careerpath uses it again afterwards."""
    cache, marker, outputs = prepare(shared)
    cache.chmod(0o777)
    (cache / "templates").chmod(0o777)
    as_user(attacker, PLANT_ALL, shared)
    assert owners(cache) == {attacker[0]}  # really planted by the other user
    victim_runs(cache, outputs, marker)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    victim_runs(cache, outputs, marker)  # and again, from the rebuilt cache
    assert owners(cache) == {0}
    assert len(list(cache.glob("*.pickle"))) == 2


def test_an_entry_another_user_owns_in_a_private_cache_is_ignored_and_replaced(
    attacker: Ids, shared: Path
) -> None:
    """However it came there (a restored backup, a folder someone chowned), an entry that is
    not the user's own is never loaded, though the folder is private and the file 0600."""
    cache, marker, outputs = prepare(shared)
    staging = shared / "staging"
    staging.mkdir(mode=0o777)
    staging.chmod(0o777)
    as_user(attacker, "cp payloads/*.pickle staging/ && chmod 600 staging/*.pickle", shared)
    for planted in staging.glob("*.pickle"):
        assert planted.stat().st_uid == attacker[0]
        os.replace(planted, cache / planted.name)  # keeps the other user as owner
    victim_runs(cache, outputs, marker)
    assert owners(cache) == {0}


def test_a_templates_folder_another_user_owns_is_not_used_and_is_replaced(
    attacker: Ids, shared: Path
) -> None:
    """Planted while the cache was open, then the cache closed (as careerpath did before:
    it narrowed the folder and loaded what was inside): the other user's templates/ folder,
    with compiled templates under the exact names, is never read."""
    cache, marker, outputs = prepare(shared)
    staging = shared / "staging"
    staging.mkdir(mode=0o777)
    staging.chmod(0o777)
    as_user(
        attacker, "mkdir staging/templates && cp payloads/templates/* staging/templates/", shared
    )
    shutil.rmtree(cache / "templates")
    os.replace(staging / "templates", cache / "templates")
    assert (cache / "templates").stat().st_uid == attacker[0]
    victim_runs(cache, outputs, marker)
    assert owners(cache) == {0}  # replaced by a folder of the user's own


def test_the_other_user_cannot_read_what_the_cache_holds(attacker: Ids, shared: Path) -> None:
    """The cache holds copies of a person's ratings: another user cannot list or read it."""
    cache, _, _ = prepare(shared)
    (inventory,) = cache.glob("inventory-*.pickle")
    with pytest.raises(subprocess.CalledProcessError):
        as_user(attacker, f"ls {cache}", shared)
    with pytest.raises(subprocess.CalledProcessError):
        as_user(attacker, f"cat {inventory}", shared)
