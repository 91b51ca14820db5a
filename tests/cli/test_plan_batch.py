"""`careerpath plan DIR --out-dir OUT`: one plan per person, each byte for byte what
`careerpath plan FILE` writes, named from the person, never over a file without --force, and
a file that cannot be planned named and skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerpath.core.assessment import skill_order
from careerpath.edges.load import Library
from careerpath.edges.plan_batch import person_slug
from careerpath.edges.yaml_source import dump
from tests.builders import varied_team
from tests.helpers import one_line_error, run

DATE = ("--date", "2026-11-02")


@pytest.fixture
def folder(tmp_path: Path, library: Library) -> Path:
    team = tmp_path / "team"
    team.mkdir()
    skills = skill_order(library.catalogue)
    for name, data in varied_team(9, 5, skills, sorted(library.roles)):
        (team / name).write_text(dump(data), encoding="utf-8")
    return team


def latest_files(folder: Path) -> dict[str, Path]:
    """The newest file of each person (the generator marks older ones -old)."""
    return {p.name: p for p in sorted(folder.glob("*.yaml")) if not p.stem.endswith("-old")}


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_each_plan_is_the_single_command_s(folder: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "plans"
    result = run("plan", folder, "--out-dir", out, "--format", fmt, *DATE)
    assert result.exit_code == 0, result.output
    written = sorted(out.iterdir())
    assert len(written) == 9 and all(p.suffix == f".{fmt}" for p in written)
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in written)
    assert "wrote 9 plans" in result.stderr and "2 earlier inventories set aside" in result.stderr
    # the file with a manager's view, one with an earlier inventory beside it, and another
    for name in ("p001.yaml", "p002.yaml", "p004.yaml"):
        path = latest_files(folder)[name]
        single = tmp_path / f"single-{name}.{fmt}"
        alone = run("plan", path, "--format", fmt, "--out", single, *DATE)
        assert alone.exit_code == 0, alone.output
        person = path.read_text(encoding="utf-8").split("person: ", 1)[1].split("\n")[0]
        plan = out / f"{person_slug(person.strip(chr(39)))}.{fmt}"
        assert plan.read_bytes() == single.read_bytes()


def test_worker_processes_write_the_same_plans(folder: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert run("plan", folder, "--out-dir", one, "--jobs", "1", *DATE).exit_code == 0
    assert run("plan", folder, "--out-dir", two, "--jobs", "2", *DATE).exit_code == 0
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir())
    assert all((one / n).read_bytes() == (two / n).read_bytes() for n in names)


def test_nothing_is_replaced_without_force(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "plans"
    assert run("plan", folder, "--out-dir", out, *DATE).exit_code == 0
    first = next(iter(sorted(out.iterdir())))
    first.write_text("my notes", encoding="utf-8")
    again = run("plan", folder, "--out-dir", out, *DATE)
    assert one_line_error(again, 1).endswith("already exists; use --force to replace it")
    assert first.read_text(encoding="utf-8") == "my notes"  # checked before any was written
    forced = run("plan", folder, "--out-dir", out, "--force", *DATE)
    assert forced.exit_code == 0 and first.read_text(encoding="utf-8") != "my notes"


def test_a_broken_file_and_one_without_targets_are_named_and_skipped(
    folder: Path, tmp_path: Path
) -> None:
    (folder / "zz-broken.yaml").write_text("person: Gus\ndate: 2026-11-02\n", encoding="utf-8")
    (folder / "zz-aimless.yaml").write_text(
        "person: Ida Aimless\ndate: 2026-11-02\ncurrent_role: support\nratings:\n"
        "  troubleshooting: 3\n",
        encoding="utf-8",
    )
    out = tmp_path / "plans"
    result = run("plan", folder, "--out-dir", out, *DATE)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert errors[0].startswith(f"careerpath: error: {folder / 'zz-aimless.yaml'}: the inventory")
    assert errors[1].startswith(f"careerpath: error: {folder / 'zz-broken.yaml'}:")
    assert result.stderr.splitlines()[-1] == "careerpath: 2 files skipped"
    assert len(list(out.iterdir())) == 9
    with_role = run("plan", folder, "--out-dir", tmp_path / "r", "--role", "testing", *DATE)
    assert with_role.exit_code == 1 and len(list((tmp_path / "r").iterdir())) == 10


@pytest.mark.parametrize(
    ("person", "slug"),
    [("Zoë Ångström", "zoe-angstrom"), ("Kim <Lee>", "kim-lee"), ("O'Neil, Pat", "o-neil-pat"),
     ("李雷", "person"), ("  --  ", "person"), ("a" * 80, "a" * 60)],
)  # fmt: skip
def test_person_slug(person: str, slug: str) -> None:
    assert person_slug(person) == slug


def test_two_people_with_one_slug_get_two_files(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    for number, name in enumerate(["Ana López", "Ana Lopez"]):
        data = {"person": name, "date": "2026-11-02", "current_role": "support",
                "targets": ["testing"], "ratings": {"troubleshooting": 3}}  # fmt: skip
        (folder / f"{number}.yaml").write_text(dump(data), encoding="utf-8")
    result = run("plan", folder, "--out-dir", tmp_path / "out", *DATE)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["ana-lopez-2.md", "ana-lopez.md"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("{folder}",), "{folder}: is a folder; add --out-dir OUT to write one plan per person"),
        (("{file}", "--out-dir", "{out}"), "--out-dir needs a folder of inventories, not {file}"),
        (
            ("{folder}", "--out-dir", "{out}", "--out", "x.md"),
            "--out: for one plan only; leave it out with --out-dir",
        ),
        (("{folder}", "--out-dir", "{out}", "--role", "astronaut"), "unknown role 'astronaut'"),
        (("{folder}", "--out-dir", "{out}", "--jobs", "0"), "--jobs must be 1 or more, got 0"),
    ],
)
def test_usage_errors(folder: Path, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    names = {"folder": folder, "file": next(folder.glob("*.yaml")), "out": tmp_path / "out"}
    result = run("plan", *(a.format(**names) for a in args), *DATE)
    assert message.format(**names) in one_line_error(result, 2)
    assert not (tmp_path / "out").exists()
