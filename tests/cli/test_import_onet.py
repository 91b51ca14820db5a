"""careerpath roles import-onet: a draft to stdout or a file, loadable, and its one-line errors."""

from __future__ import annotations

import stat
from pathlib import Path

from tests.helpers import ONET, ok, one_line_error, run


def test_draft_to_stdout() -> None:
    out = ok(run("roles", "import-onet", ONET, "--code", "15-1253.00"))
    assert "\nid: software-quality-assurance-analysts-and-testers\n" in out
    assert "  test_design: {level: " in out


def test_draft_to_a_file_loads_as_a_role(tmp_path: Path) -> None:
    out = tmp_path / "org" / "trainer.yaml"
    out.parent.mkdir()  # careerpath makes no folder for --out
    result = run("roles", "import-onet", ONET, "--code", "13-1151.00", "--out", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.startswith(f"careerpath: wrote {out}\ncareerpath: ")
    assert "skills from O*NET" in result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "\nid: trainer\n" in out.read_text(encoding="utf-8")
    shown = ok(run("--roles-dir", out.parent, "roles", "show", "trainer"))
    assert "Training and Development Specialists" in shown
    assert ok(run("--roles-dir", out.parent, "validate", out)) == "ok: 1 file valid\n"


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    out = tmp_path / "writer.yaml"
    out.write_text("mine\n", encoding="utf-8")
    args = ("roles", "import-onet", ONET, "--code", "27-3042.00", "--out", out)
    assert one_line_error(run(*args), 1) == f"{out}: already exists; use --force to replace it"
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert run(*args, "--force").exit_code == 0
    assert "Technical Writers" in out.read_text(encoding="utf-8")


def test_id_and_file_name_must_agree(tmp_path: Path) -> None:
    message = one_line_error(
        run(
            "roles",
            "import-onet",
            ONET,
            "--code",
            "27-3042.00",
            "--id",
            "writer",
            "--out",
            tmp_path / "docs.yaml",
        ),
        2,
    )
    assert message == (
        "a role profile's file is named for its id: write writer.yaml, or leave out --id"
    )
    message = one_line_error(
        run("roles", "import-onet", ONET, "--code", "27-3042.00", "--id", "Writer"), 2
    )
    assert message.startswith("--id must be a lowercase role id")


def test_bad_inputs_are_one_line(tmp_path: Path) -> None:
    assert one_line_error(run("roles", "import-onet", ONET, "--code", "1512"), 2) == (
        "--code must be an O*NET-SOC code like 15-1232.00, got '1512'"
    )
    message = one_line_error(run("roles", "import-onet", ONET, "--code", "15-1232.01"), 2)
    assert message.endswith(
        "unknown O*NET-SOC code '15-1232.01' in this file; did you mean 15-1232.00?"
    )
    message = one_line_error(run("roles", "import-onet", tmp_path, "--code", "15-1232.00"), 1)
    assert message.startswith(f"{tmp_path / 'Occupation Data.txt'}: no such file;")
