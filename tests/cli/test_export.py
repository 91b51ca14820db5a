"""`careerpath export`: the rows load into DuckDB, and its median per skill and readiness per
role are the team view's own; --anonymous and --role as in team; the columns as documented."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from careerpath.cli.exits import flagged
from careerpath.core.reviews.export import COLUMNS, EXPORT_VERSION, NAMES
from careerpath.edges.load import Library
from tests.cli.test_team_golden import write_team
from tests.helpers import ROOT, one_line_error, run


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, library: Library) -> Path:
    return write_team(tmp_path_factory.mktemp("export") / "team", library, 52)


def exported(folder: Path, tmp_path: Path, fmt: str, *args: str) -> Path:
    out = tmp_path / f"export.{fmt}"
    result = run("export", folder, "--out", out, *args)
    assert result.exit_code == 0, result.output
    assert f"careerpath: {EXPORT_VERSION}, " in result.stderr
    return out


def team_view(folder: Path, *args: str) -> dict:  # type: ignore[type-arg]
    result = run("team", folder, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def table(path: Path) -> str:
    reader = "read_csv" if path.suffix == ".csv" else "read_json"
    return f"{reader}('{path}')"


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("args", [(), ("--role", "testing", "--anonymous")])
def test_duckdb_agrees_with_the_team_view(
    folder: Path, tmp_path: Path, fmt: str, args: tuple[str, ...]
) -> None:
    rows = table(exported(folder, tmp_path, fmt, *args))
    team = team_view(folder, *args)
    db = duckdb.connect()
    spread = {
        skill: (known, strong, median)
        for skill, known, strong, median in db.sql(
            "SELECT skill, count(self_level), count(*) FILTER (self_level >= 3), median(self_level)"
            f" FROM {rows} WHERE record = 'skill' GROUP BY skill"
        ).fetchall()
    }
    assert team["thinnest"]
    for thin in team["thinnest"]:
        known, strong, median = spread[thin["skill"]]
        assert known == thin["known"] and median == thin["median"]
        if not args:  # with --role, strong means the role's level
            assert strong == thin["strong"]
    readiness = {
        (person, role): round(value, 4)
        for person, role, value in db.sql(
            f"SELECT person, role, readiness FROM {rows} WHERE record = 'role'"
        ).fetchall()
    }
    expected = {
        (row["person"], role): value
        for row in team["people"]
        for role, value in row["readiness"].items()
    }
    assert readiness == expected
    medians = dict(
        db.sql(
            f"SELECT role, round(median(readiness), 4) FROM {rows} WHERE record = 'role'"
            " GROUP BY role"
        ).fetchall()
    )
    assert medians == team["median_readiness"]
    people = db.sql(f"SELECT count(DISTINCT person) FROM {rows}").fetchall()
    assert people == [(team["size"],)]


def test_the_columns_in_order_and_what_each_record_fills(folder: Path, tmp_path: Path) -> None:
    with exported(folder, tmp_path, "csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0]) == list(NAMES)
    assert {row["record"] for row in rows} == {"skill", "target", "role"}
    for row in rows:
        filled = {name for name, value in row.items() if value != ""}
        allowed = {c.name for c in COLUMNS if c.records == "all" or row["record"] in c.records}
        assert filled <= allowed, (row["record"], filled - allowed)
    gaps = [row for row in rows if row["record"] == "target" and row["self_level"]]
    assert all(int(r["gap"]) == max(0, int(r["required"]) - int(r["self_level"])) for r in gaps)


def test_anonymous_leaves_no_name_date_or_role(folder: Path, tmp_path: Path) -> None:
    text = exported(folder, tmp_path, "jsonl", "--anonymous").read_text(encoding="utf-8")
    names = {json.loads(line)["person"] for line in text.splitlines()}
    team = team_view(folder, "--anonymous")
    assert names == {row["person"] for row in team["people"]}
    for line in text.splitlines():
        row = json.loads(line)
        assert row["date"] is None and row["current_role"] is None
    for source in folder.glob("*.yaml"):
        person = source.read_text(encoding="utf-8").split("person: ")[1].splitlines()[0]
        assert person.strip("'\"") not in text


def test_a_small_anonymous_team_exports_no_rows(library: Library, tmp_path: Path) -> None:
    small = write_team(tmp_path / "small", library, 4)
    out = tmp_path / "small.csv"
    result = run("export", small, "--anonymous", "--out", out)
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8") == ",".join(NAMES) + "\n"
    assert "too few to stay anonymous" in result.stderr


def test_a_broken_file_is_named_and_the_rest_exported(folder: Path, tmp_path: Path) -> None:
    broken = tmp_path / "with-broken"
    broken.mkdir()
    for source in sorted(folder.glob("*.yaml"))[:8]:
        (broken / source.name).write_bytes(source.read_bytes())
    (broken / "zz.yaml").write_text("person: Gus\ndate: 2026-13-02\n", encoding="utf-8")
    result = run("export", broken, "--format", "csv", "--jobs", "2")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"careerpath: error: {broken / 'zz.yaml'}:" in result.stderr
    assert result.stderr.splitlines()[-1] == "careerpath: 1 file could not be read"
    assert result.stdout.startswith("record,person,") and "\nrole," in result.stdout


def test_worker_processes_write_the_same_rows(folder: Path) -> None:
    one = run("export", folder, "--format", "jsonl", "--jobs", "1")
    two = run("export", folder, "--format", "jsonl", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0 and one.stdout == two.stdout


def test_out_is_checked_before_any_work(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "there.csv"
    out.write_text("mine", encoding="utf-8")
    message = one_line_error(run("export", folder, "--out", out), 1)
    assert message == f"{out}: already exists; use --force to replace it"
    assert out.read_text(encoding="utf-8") == "mine"


def test_the_formats_document_lists_every_column() -> None:
    """docs/formats.md's table of export/1 is COLUMNS, in order (regenerate it from there)."""
    text = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    lines = [f"| `{c.name}` | {c.kind} | {c.records} | {flagged(c.meaning)} |" for c in COLUMNS]
    assert "\n".join(lines) in text
