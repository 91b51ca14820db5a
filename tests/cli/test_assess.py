"""`careerpath assess` through typer's CliRunner: --answers, options, errors and exit codes.

CliRunner gives the command no terminal, which is exactly the case these tests need; the
interactive flow is tested in test_assess_flow.py and, in a real terminal, test_assess_pty.py.
"""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from careerpath.edges import locations
from careerpath.edges.load import Library, load_inventory
from tests.helpers import one_line_error, run

EXAMPLE = locations.example_inventory()
TODAY = dt.date.today().isoformat()
ANSWERS = """\
person: Sam Rivera
current_role: support
years_in_role: 2
targets: [development]
ratings:
  troubleshooting: {level: 4, evidence: Ticket 48211}
  scripting: 1
  test_design: 2
  business_acumen: unsure
credentials: [CompTIA A+]
"""


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(ANSWERS, encoding="utf-8")
    return path


# --- no terminal -------------------------------------------------------------------------


@pytest.mark.parametrize("args", [(), ("--role", "testing"), ("--update", EXAMPLE)])
def test_without_a_terminal_it_stops_and_names_answers(home: Path, args: tuple[object]) -> None:
    # piped bytes that look like answers must not be taken as keystrokes
    result = run("assess", *args, home=home, input="Sam\n\n3\n4\n4\n4\n")
    message = one_line_error(result, 2, quiet_stdout=False)
    assert "terminal" in message
    assert "--answers FILE" in message
    assert not home.exists()  # nothing written, not even an unfinished inventory


# --- --answers ---------------------------------------------------------------------------


def test_answers_write_a_dated_private_inventory_that_plan_accepts(
    home: Path, answers: Path, library: Library
) -> None:
    result = run("assess", "--answers", answers, home=home)
    assert result.exit_code == 0, result.output
    written = home / f"inventory-sam-rivera-{TODAY}.yaml"  # the person's name, then the day
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    inventory = load_inventory(written, library)
    assert inventory.person == "Sam Rivera"
    assert inventory.date.isoformat() == TODAY
    assert inventory.ratings["troubleshooting"].evidence == "Ticket 48211"
    out = result.stdout
    assert out.startswith(f"Saved your inventory: {written}\n")
    assert "Top strengths\n  Troubleshooting: 4 advanced, with evidence" in out
    assert "Top gaps for Junior software developer" in out
    command = f"careerpath plan {written} --role development"
    assert out.splitlines()[-3].strip() == command
    plan = run(*command.split()[1:], "--date", "2026-11-23")
    assert plan.exit_code == 0, plan.output
    assert plan.stdout.startswith("# Growth plan: Sam Rivera → Junior software developer")


def test_an_inventory_file_works_as_answers_and_keeps_its_date(
    home: Path, library: Library
) -> None:
    out = home / "copy.yaml"
    result = run("assess", "--answers", EXAMPLE, "--out", out, home=home)
    assert result.exit_code == 0, result.output
    assert load_inventory(out, library) == load_inventory(EXAMPLE, library)


def test_a_second_run_the_same_day_gets_a_new_file(home: Path, answers: Path) -> None:
    assert run("assess", "--answers", answers, home=home).exit_code == 0
    assert run("assess", "--answers", answers, home=home).exit_code == 0
    assert sorted(p.name for p in home.iterdir()) == [
        f"inventory-sam-rivera-{TODAY}-2.yaml",
        f"inventory-sam-rivera-{TODAY}.yaml",
    ]


def test_role_becomes_the_first_target(home: Path, answers: Path, library: Library) -> None:
    out = home / "mine.yaml"
    result = run("assess", "--answers", answers, "--role", "testing", "--out", out, home=home)
    assert result.exit_code == 0, result.output
    assert load_inventory(out, library).targets == ["testing", "development"]
    assert result.stdout.splitlines()[-3].endswith("--role testing")


def test_an_existing_out_is_replaced_only_with_force(home: Path, answers: Path) -> None:
    out = home / "mine.yaml"
    home.mkdir()
    out.write_text("precious\n")
    message = one_line_error(
        run("assess", "--answers", answers, "--out", out, home=home), 1, quiet_stdout=False
    )
    assert message == f"{out}: already exists; use --force to replace it"
    assert out.read_text() == "precious\n"
    assert run("assess", "--answers", answers, "--out", out, "--force", home=home).exit_code == 0
    assert "person: Sam Rivera" in out.read_text()


def test_update_with_answers_keeps_everything_else_in_a_new_dated_file(
    tmp_path: Path, library: Library
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    earlier = folder / "inventory-2026-08-01.yaml"
    earlier.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    change = tmp_path / "change.yaml"
    change.write_text("ratings:\n  scripting: {level: 2, evidence: wrote a log parser}\n")
    result = run("assess", "--update", earlier, "--answers", change, home=tmp_path / "home")
    assert result.exit_code == 0, result.output
    (written,) = set(folder.iterdir()) - {earlier}  # next to the file it updates
    assert written.name == f"inventory-megan-doyle-{TODAY}.yaml"
    before, after = load_inventory(earlier, library), load_inventory(written, library)
    assert after.ratings["scripting"].level == 2
    assert after.ratings["scripting"].evidence == "wrote a log parser"
    assert {k: v for k, v in after.ratings.items() if k != "scripting"} == {
        k: v for k, v in before.ratings.items() if k != "scripting"
    }
    assert after.model_dump(exclude={"ratings", "date"}) == before.model_dump(
        exclude={"ratings", "date"}
    )
    assert earlier.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")


def test_inflated_answers_are_flagged_on_stderr(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "proud.yaml"
    path.write_text(
        "person: Sam\ncurrent_role: support\nratings:\n"
        "  troubleshooting: 5\n  scripting: 4\n  coaching: 4\n  presenting: 2\n"
    )
    result = run("assess", "--answers", path, home=home)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("careerpath: check: 3 skills are rated 4 or 5 with no evidence")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ratings: {troubleshooting: 2}\n", "1: person is missing"),
        (
            "person: Sam\ncurrent_role: support\nratings:\n  troubleshooting: 7\n",
            "4: ratings.troubleshooting must be a level 0 to 5, n/a or unsure, got 7",
        ),
        (
            "person: Sam\ncurrent_role: support\ntargets: [testng]\n",
            "3: unknown role 'testng'; did you mean 'testing'?",
        ),
        ("- Sam\n", "1: must be a mapping of inventory fields"),
        ("person: Sam\ncurrent_role: support\nprogress: {}\n", "3: progress is not a known field"),
        ("person: [Sam\n", "not valid YAML"),
    ],
)
def test_bad_answers_are_one_line_naming_file_and_line(
    home: Path, tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(text)
    message = one_line_error(run("assess", "--answers", path, home=home), 1, quiet_stdout=False)
    assert message.startswith(f"{path}:")
    assert expected in message
    assert not home.exists()


# --- options -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [("--resume", "--role", "testing"), ("--resume", "--answers", "a.yaml")]
)
def test_resume_takes_only_a_new_out(home: Path, args: tuple[str, ...]) -> None:
    message = one_line_error(run("assess", *args, home=home), 2, quiet_stdout=False)
    assert message.startswith("--resume goes on with the options the inventory started with")


def test_resume_with_a_new_out_is_accepted(home: Path) -> None:
    message = one_line_error(
        run("assess", "--resume", "--out", "x.yaml", home=home), 2, quiet_stdout=False
    )
    assert message.startswith("assess asks its questions in a terminal")  # not refused


def test_unknown_role_is_a_usage_error(home: Path, answers: Path) -> None:
    message = one_line_error(
        run("assess", "--role", "tester", "--answers", answers, home=home), 2, quiet_stdout=False
    )
    assert message.startswith("unknown role 'tester'")


def test_missing_update_file(home: Path, tmp_path: Path) -> None:
    message = one_line_error(
        run("assess", "--update", tmp_path / "nope.yaml", home=home), 1, quiet_stdout=False
    )
    assert message == f"{tmp_path / 'nope.yaml'}: no such file; check the path"


def test_help_says_what_the_quick_path_asks() -> None:
    result = run("assess", "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "ten most important skills" in text
    for option in ("--out", "--role", "--answers", "--resume", "--update", "--force"):
        assert option in text


def test_assess_is_listed_in_the_main_help() -> None:
    result = run("--help")
    assert "assess" in result.stdout
