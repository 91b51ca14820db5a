"""`careerpath team` on a folder: a broken file, the formats, anonymity, --out, usage errors,
worker processes."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from careerpath.edges.folder_pool import POOL_FROM
from careerpath.edges.load import Library
from careerpath.edges.yaml_source import dump
from tests.builders import NAMES, member, team_of
from tests.helpers import one_line_error, run


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    team_dir = tmp_path / "team"
    team_dir.mkdir()
    for data in team_of(6):
        name = str(data["person"]).split()[0].lower()
        (team_dir / f"{name}.yaml").write_text(dump(data), encoding="utf-8")
    (team_dir / "broken.yaml").write_text(
        "person: Gus Berg\ndate: 2026-11-02\ncurrent_role: support\nratings:\n"
        "  troubleshooting: 7\n",
        encoding="utf-8",
    )
    (team_dir / "assess-in-progress.yaml").write_text("not: an inventory\n", encoding="utf-8")
    return team_dir


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("careerpath must not use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_a_broken_file_is_reported_the_others_processed_exit_1(folder: Path) -> None:
    result = run("team", folder)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = result.stderr.splitlines()
    assert errors[0] == (
        f"careerpath: error: {folder / 'broken.yaml'}:5: ratings.troubleshooting must be a level"
        " 0 to 5, n/a or unsure, got 7"
    )
    assert errors[-1] == "careerpath: 1 file could not be read"
    assert "Team of 6 for every role" in result.stdout
    for name in NAMES:
        assert name in result.stdout
    assert "Thinnest skills" in result.stdout and "Who could mentor whom" in result.stdout


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("0: a\n0.0: b\n", 9, "duplicate key '0.0' (equal to '0' at line 8)"),
        ("1: a\n1.0: b\n", 9, "duplicate key '1.0' (equal to '1' at line 8)"),
        ("0.0: a\n-0.0: b\n", 9, "duplicate key '-0.0' (equal to '0.0' at line 8)"),
        ("x: &x [*x]\n", 8, "an alias (*name) here repeats the mapping or list it is inside"),
    ],
)
def test_a_file_with_keys_equal_across_types_does_not_stop_the_team(
    folder: Path, text: str, line: int, message: str
) -> None:
    """These were a KeyError (or a RecursionError) that ended the whole team run."""
    bad = folder / "zz-bad.yaml"
    bad.write_text(
        "person: Gus Berg\ndate: 2026-11-02\ncurrent_role: support\nratings:\n"
        "  troubleshooting: 3\nextra:\n  note: x\n" + text,
        encoding="utf-8",
    )
    result = run("team", folder)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"careerpath: error: {bad}:{line}: {message}" in result.stderr
    assert "careerpath: 2 files could not be read" in result.stderr
    assert "Team of 6 for every role" in result.stdout


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_formats_anonymous(folder: Path, fmt: str) -> None:
    result = run("team", folder, "--format", fmt, "--anonymous", "--role", "testing")
    assert result.exit_code == 1  # the broken file
    assert not any(name.split()[0] in result.stdout for name in NAMES)
    assert "Person 1" in result.stdout
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["size"] == 6 and data["anonymous"] is True
    if fmt == "html":
        page = result.stdout.lower()
        assert page.startswith("<!doctype html>")
        assert "<script" not in page and "http" not in page and "url(" not in page


def test_html_is_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    for index in range(5):
        data = member(f"<b>Eve {index}</b>", {"troubleshooting": index})
        (folder / f"p{index}.yaml").write_text(dump(data), encoding="utf-8")
    result = run("team", folder, "--format", "html")
    assert result.exit_code == 0, result.output
    assert "<b>Eve" not in result.stdout and "&lt;b&gt;Eve 0" in result.stdout


def test_out_is_private_and_not_replaced(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "team.md"
    run("team", folder, "--format", "md", "--out", out)
    assert out.stat().st_mode & 0o777 == 0o600
    again = run("team", folder, "--format", "md", "--out", out)
    assert "already exists" in again.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--format", "pdf"), 2, "--format must be one of text, md, html, json, got 'pdf'"),
        (("--role", "astronaut"), 2, "unknown role 'astronaut'"),
    ],
)
def test_usage_errors(folder: Path, args: tuple[str, ...], code: int, message: str) -> None:
    result = run("team", folder, *args)
    assert result.exit_code == code
    assert message in result.stderr and "Traceback" not in result.output


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run("team", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "does not exist; name a folder of inventory files" in result.stderr


@pytest.mark.parametrize("command", ["team", "export", "plan"])
def test_a_folder_without_inventories_says_what_it_holds(tmp_path: Path, command: str) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    extra = ("--out-dir", tmp_path / "plans") if command == "plan" else ()
    assert one_line_error(run(command, empty, *extra), 1) == (
        f"{empty}: no inventory files (*.yaml) here: it is empty; name the folder that holds the"
        " inventories"
    )
    (tmp_path / "team-a").mkdir()
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    (tmp_path / "assess-in-progress.yaml").write_text("person: Sam\n", encoding="utf-8")
    assert one_line_error(run(command, tmp_path, *extra), 1) == (
        f"{tmp_path}: no inventory files (*.yaml) here: 1 unfinished assessment (not inventories"
        " yet); 2 folders (empty, team-a), not read; 1 other file (notes.txt); name the folder"
        " that holds the inventories"
    )
    assert not (tmp_path / "plans").exists()


def test_a_broken_file_in_worker_processes(folder: Path) -> None:
    """The same report read by two workers: the error named, the others processed, exit 1."""
    alone, pooled = run("team", folder, "--jobs", "1"), run("team", folder, "--jobs", "2")
    assert pooled.exit_code == alone.exit_code == 1
    assert (pooled.stdout, pooled.stderr) == (alone.stdout, alone.stderr)
    assert f"{folder / 'broken.yaml'}:5: ratings.troubleshooting" in pooled.stderr


def test_jobs_must_be_one_or_more(folder: Path) -> None:
    result = run("team", folder, "--jobs", "0")
    assert one_line_error(result, 2) == "--jobs must be 1 or more, got 0"


def test_piped_output_draws_no_bar_and_imports_no_rich(tmp_path: Path) -> None:
    """A bar only on a terminal: piped, rich is not even imported (it costs start-up time)."""
    folder = tmp_path / "big"
    folder.mkdir()
    for index in range(POOL_FROM):
        data = member(f"Person {index}", {"troubleshooting": index % 6})
        (folder / f"p{index:03d}.yaml").write_text(dump(data), encoding="utf-8")
    probe = (
        "import sys\n"
        "from careerpath.cli import main\n"
        f"sys.argv = ['careerpath', 'team', {str(folder)!r}, '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('rich' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.stderr.strip() == "False", done.stderr
    assert json.loads(done.stdout)["size"] == POOL_FROM


def test_the_days_second_inventory_is_the_latest_in_team_and_history(tmp_path: Path) -> None:
    """careerpath names a day's second file `-2`: it sorts after the first, not before."""
    folder = tmp_path / "team"
    folder.mkdir()
    first = member("Ana Lopez", {"scripting": 1, "troubleshooting": 2}, day=9)
    second = member("Ana Lopez", {"scripting": 3, "troubleshooting": 2}, day=9)
    for name, data in [("inventory-2026-11-09.yaml", first), ("inventory-2026-11-09-2.yaml",
                                                              second)]:  # fmt: skip
        (folder / name).write_text(dump(data), encoding="utf-8")
    history = run("history", "Ana Lopez", "--dir", folder, "--format", "json")
    assert history.exit_code == 0, history.output
    (scripting,) = [s for s in json.loads(history.stdout)["skills"] if s["skill"] == "scripting"]
    assert scripting["change"] == 2
    team_view = json.loads(run("team", folder, "--format", "json").stdout)
    assert team_view["size"] == 1
    (row,) = team_view["people"]
    assert row["ratings"]["scripting"] in (3, "3")


# --- nothing to show ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "says"),
    [
        ({}, "it is empty; name the folder that holds the inventories"),
        (
            {"notes.txt": "not yaml\n"},
            "1 other file (notes.txt); name the folder that holds the inventories",
        ),
        (
            {"assess-in-progress-sam.yaml": "answered: []\n"},
            "1 unfinished assessment (not inventories yet); finish one with careerpath assess"
            " --resume",
        ),
    ],
)
def test_a_folder_without_inventories_says_why_and_exits_1(
    tmp_path: Path, files: dict[str, str], says: str
) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("team", tmp_path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"careerpath: error: {tmp_path}: no inventory files (*.yaml) here: {says}\n"
    )


def test_a_folder_of_unreadable_files_names_each_and_shows_no_empty_team(tmp_path: Path) -> None:
    (tmp_path / "testing.yaml").write_text("id: testing\ntitle: Tester\n", encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("person: [\n", encoding="utf-8")
    result = run("team", tmp_path)
    assert result.exit_code == 1
    assert result.stdout == ""
    errors = result.stderr.splitlines()
    assert len(errors) == 3
    assert errors[0].startswith(f"careerpath: error: {tmp_path / 'broken.yaml'}:")
    assert errors[1].startswith(f"careerpath: error: {tmp_path / 'testing.yaml'}:")
    assert errors[-1] == (
        f"careerpath: error: {tmp_path}: no team to show: none of its 2 YAML files is an"
        " inventory careerpath can read (each named above)"
    )
    assert "Team of 0" not in result.output


def test_anonymous_counts_the_people_whose_rows_it_hides(tmp_path: Path) -> None:
    for data in team_of(3):
        name = str(data["person"]).split()[0].lower()
        (tmp_path / f"{name}.yaml").write_text(dump(data), encoding="utf-8")
    result = run("team", tmp_path, "--anonymous")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Team of 3 for every role, anonymised\n")
    assert "3 people are too few to stay anonymous" in " ".join(result.stdout.split())


def test_the_text_view_fits_80_columns_with_every_skill_and_role(
    tmp_path: Path, library: Library
) -> None:
    for number, name in enumerate(["Ana Berg", "Ben Okafor", "Chen Sato"]):
        ratings = {skill: (number + n) % 6 for n, skill in enumerate(library.catalogue.skills)}
        data = {"person": name, "date": "2026-11-02", "current_role": "support", "ratings": ratings}
        (tmp_path / f"{number}.yaml").write_text(dump(data), encoding="utf-8")
    result = run("team", tmp_path)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    heatmap = lines[lines.index("Skills heatmap (columns numbered; key below)") + 1 :]
    headers = [line for line in heatmap[: heatmap.index("  Key:")] if line.startswith("  Person")]
    assert len(headers) >= 2  # the skills come in blocks, each with the people's names
    assert headers[1].split()[1] == str(len(headers[0].split()))  # the next block goes on
    assert sum(len(h.split()) - 1 for h in headers) == len(library.catalogue.skills)


def test_a_median_level_is_written_one_way_in_every_format(tmp_path: Path) -> None:
    """Six people: troubleshooting's median is 2 (statistics.median's 2.0 of an even count),
    scripting's 1.5; text, Markdown, JSON and HTML all say 2 and 1.5, never 2.0."""
    folder = tmp_path / "team"
    folder.mkdir()
    levels = [(1, 0), (2, 1), (2, 1), (2, 2), (3, 2), (3, 3)]
    for index, (troubleshooting, scripting) in enumerate(levels):
        data = member(NAMES[index], {"troubleshooting": troubleshooting, "scripting": scripting})
        (folder / f"p{index}.yaml").write_text(dump(data), encoding="utf-8")
    shown = {form: run("team", folder, "--format", form).stdout for form in ("text", "md", "html")}
    for form, output in shown.items():
        assert "people, median level 2\n" in output.replace("</li>", "\n"), form
        assert "people, median level 1.5\n" in output.replace("</li>", "\n"), form
        assert "median level 2.0" not in output, form
    medians = {
        s["skill"]: s["median"]
        for s in json.loads(run("team", folder, "--format", "json").stdout)["thinnest"]
    }
    assert medians == {"troubleshooting": 2, "scripting": 1.5}
    assert type(medians["troubleshooting"]) is int
