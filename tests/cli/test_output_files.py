"""Where output goes and in what format: --out's extension names the format when --format is
not given, and a --format that contradicts it is a usage error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careerpath.edges import locations
from tests.helpers import one_line_error, run

EXAMPLE = locations.example_inventory()
DATE = ("--date", "2026-12-01")


@pytest.fixture
def team_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "megan.yaml").write_bytes(EXAMPLE.read_bytes())
    return folder


def commands(folder: Path) -> dict[str, list[object]]:
    return {
        "plan": ["plan", EXAMPLE, *DATE],
        "progress": ["progress", EXAMPLE, EXAMPLE],
        "history": ["history", "Megan Doyle", "--dir", folder],
        "team": ["team", folder],
    }


def looks_like(fmt: str, text: str) -> bool:
    if fmt == "html":
        return text.lower().startswith("<!doctype html>")
    if fmt == "json":
        return isinstance(json.loads(text), dict)
    return text.startswith("# ") and "<html" not in text.lower()  # Markdown


@pytest.mark.parametrize("command", ["plan", "progress", "history", "team"])
@pytest.mark.parametrize(("name", "fmt"), [("out.html", "html"), ("out.json", "json"),
                                           ("OUT.HTM", "html"), ("out.md", "md")])  # fmt: skip
def test_the_extension_of_out_names_the_format(
    tmp_path: Path, team_folder: Path, command: str, name: str, fmt: str
) -> None:
    out = tmp_path / name
    result = run(*commands(team_folder)[command], "--out", out)
    assert result.exit_code == 0, result.output
    assert looks_like(fmt, out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("command", ["plan", "progress", "history", "team"])
def test_a_format_that_contradicts_the_extension_is_refused(
    tmp_path: Path, team_folder: Path, command: str
) -> None:
    out = tmp_path / "plan.html"
    result = run(*commands(team_folder)[command], "--out", out, "--format", "md")
    message = one_line_error(result, 2)
    assert message == (
        "--format md does not match --out plan.html (HTML); leave --format out, and the"
        " extension decides, or name the file plan.md"
    )
    assert not out.exists()


def test_an_extension_that_names_no_format_keeps_the_default(tmp_path: Path) -> None:
    out = tmp_path / "plan.txt"
    assert run("plan", EXAMPLE, *DATE, "--out", out).exit_code == 0
    assert looks_like("md", out.read_text(encoding="utf-8"))
    assert (
        run("plan", EXAMPLE, *DATE, "--out", tmp_path / "p.txt", "--format", "html").exit_code == 0
    )
