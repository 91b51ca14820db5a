"""Text from other people's files reaches the terminal and Markdown inert: a report's inventory
and an organisation's roles full of escape sequences (OSC 52 writes the clipboard), HTML, links
and Markdown structure, through every command that shows them."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

from tests.helpers import GOLDEN, ROOT, run

# Double-quoted YAML: \e is ESC, \a BEL, \x9b the 8-bit CSI.
OSC52 = r"\e]52;c;SGVsbG8=\a"
HOSTILE = rf"{OSC52}\e[2J\e]0;title\a\x9b31m\u202e\r\b"
TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HTML = "<script>alert(1)</script><img src=x onerror=alert(1)>"
LINK = "[click](javascript:alert(1))"


def decoded(text: str) -> str:
    """The YAML double-quoted escapes above as the text careerpath reads."""
    return codecs.decode(text.replace("\\e", "\\x1b"), "unicode_escape")


def quoted(text: str) -> str:
    return f'"{text}"'


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """A hostile inventory (with a manager's rating), a team of five such, and an
    organisation whose catalogue and testing role carry the same."""
    example = (ROOT / "examples" / "support-analyst.yaml").read_text(encoding="utf-8")

    def inventory(person: str) -> str:
        text = re.sub(r"(?m)^person: .*$", lambda _: f"person: {quoted(person)}", example)
        return text + (
            "manager:\n"
            f"  name: {quoted('Boss ' + HOSTILE + HTML)}\n"
            "  date: 2026-11-09\n"
            "  ratings:\n"
            f"    troubleshooting: {{level: 1, evidence: {quoted(LINK + HOSTILE)}}}\n"
        )

    me = tmp_path / "me.yaml"
    me.write_text(inventory(f"Megan {HOSTILE}{HTML}"), encoding="utf-8")
    team = tmp_path / "team"
    team.mkdir()
    for number in range(1, 6):
        (team / f"p{number}.yaml").write_text(
            inventory(f"P{number} {HOSTILE}{HTML}"), encoding="utf-8"
        )
    org = tmp_path / "org"
    org.mkdir()
    skills = (ROOT / "roles" / "skills.yaml").read_text(encoding="utf-8")
    skills = skills.replace(
        "    name: Troubleshooting\n",
        f"    name: {quoted('Trouble' + HOSTILE + 'shooting | x |' + LINK + HTML)}\n",
        1,
    )
    (org / "skills.yaml").write_text(skills, encoding="utf-8")
    role = (ROOT / "roles" / "testing.yaml").read_text(encoding="utf-8")
    role = re.sub(
        r"(?m)^title: .*$", lambda _: f"title: {quoted('Testing ' + HOSTILE + HTML)}", role, count=1
    )
    role = re.sub(
        r"(?m)^summary: >-\n(?:  .*\n)+",
        lambda _: f"summary: {quoted(HOSTILE + HTML)}\n",
        role,
        count=1,
    )
    (org / "testing.yaml").write_text(role, encoding="utf-8")
    return {"me": me, "team": team, "org": org}


def commands(files: dict[str, Path]) -> dict[str, tuple[object, ...]]:
    me, team = files["me"], files["team"]
    return {
        "gaps": ("gaps", me),
        "gaps one role": ("gaps", me, "--role", "testing"),
        "compare": ("compare", me),
        "team": ("team", team),
        "progress": ("progress", me, me),
        "history": ("history", "P1 " + "x", "--dir", team),
        "roles show": ("roles", "show", "testing"),
        "roles": ("roles",),
        "roles skills": ("roles", "skills"),
        "plan md": ("plan", me, "--role", "testing", "--date", "2026-11-02"),
        "team md": ("team", team, "--format", "md"),
        "progress md": ("progress", me, me, "--format", "md"),
        "team json": ("team", team, "--format", "json"),
        "gaps json": ("gaps", me, "--json"),
        "paths": ("paths", me, "--to", "testing"),
        "plan html": ("plan", me, "--role", "testing", "--format", "html"),
        "team html": ("team", team, "--format", "html"),
        "history html": ("history", "P1 " + "x", "--dir", team, "--format", "html"),
    }


COMMANDS = list(commands({"me": Path(), "team": Path(), "org": Path()}))


@pytest.mark.parametrize("name", COMMANDS)
def test_no_control_character_from_a_file_reaches_the_terminal(
    files: dict[str, Path], name: str
) -> None:
    args = commands(files)[name]
    if name.startswith("history"):  # the person's name as careerpath reads it, controls and all
        args = ("history", decoded(f"P1 {HOSTILE}{HTML}"), *args[2:])
    result = run("--roles-dir", files["org"], *args)
    assert result.exit_code == 0, result.output
    for stream in (result.stdout, result.stderr):
        found = TERMINAL_CONTROLS.findall(stream)
        assert found == [], f"{name}: {found[:5]}"


def test_what_is_left_of_a_sequence_stays_visible(files: dict[str, Path]) -> None:
    """Nothing is hidden: the text after a removed ESC shows, so a tampered name looks it."""
    out = run("--roles-dir", files["org"], "compare", files["me"]).stdout
    assert "Megan ]52;c;SGVsbG8=" in out


@pytest.mark.parametrize("name", ["plan md", "team md", "progress md"])
def test_markdown_from_hostile_files_is_inert(files: dict[str, Path], name: str) -> None:
    result = run("--roles-dir", files["org"], *commands(files)[name])
    assert result.exit_code == 0, result.output
    text = result.stdout
    for raw in ("<script", "<img"):  # no HTML tag starts
        assert raw not in text, f"{name}: {raw}"
    assert "&lt;script>alert(1)&lt;/script>&lt;img src=x onerror=alert(1)>" in text
    assert not re.search(r"(?<!\\)\[click(?<!\\)\]", text)  # no link starts
    assert "\\[click\\](javascript:alert(1))" in text


def test_a_table_row_cannot_be_split_by_a_name(files: dict[str, Path]) -> None:
    text = run("--roles-dir", files["org"], *commands(files)["team md"]).stdout
    table = text.split("## Skills heatmap\n\n")[1].split("\n\n")[0].splitlines()
    widths = {len(re.split(r"(?<!\\)\|", row)) for row in table}
    assert len(widths) == 1, table


def test_a_newline_in_a_skill_name_starts_no_heading(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    skills = (ROOT / "roles" / "skills.yaml").read_text(encoding="utf-8")
    skills = skills.replace(
        "    name: Troubleshooting\n", '    name: "Troubleshooting\\n# Injected heading"\n', 1
    )
    (org / "skills.yaml").write_text(skills, encoding="utf-8")
    example = ROOT / "examples" / "support-analyst.yaml"
    for args in (
        ("plan", example, "--role", "testing"),
        ("progress", example, example, "--format", "md"),
    ):
        text = run("--roles-dir", org, *args).stdout
        assert "\n# Injected heading" not in text
        assert (
            "Troubleshooting # Injected heading" in text or "Troubleshooting \\# Injected" in text
        )


def test_an_organisations_markdown_template_escapes_user_text_too(
    files: dict[str, Path],
) -> None:
    """Every {{ }} in a Markdown template goes through the md filter: an organisation's
    template that never heard of escaping is safe all the same; | safe opts out."""
    templates = files["org"] / "templates"
    templates.mkdir()
    (templates / "plan.md.j2").write_text(
        "# {{ plan.person }}\n"
        "{% for g in plan.goals %}- {{ g.title }} {{ g.due }} {{ g.measure }}\n{% endfor %}"
        "{{ '<b>ours</b>' | safe }}\n"
    )
    result = run("--roles-dir", files["org"], "plan", files["me"], "--role", "testing")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Megan \\]52;c;SGVsbG8=")
    assert "<script" not in result.stdout and "&lt;script>" in result.stdout
    assert result.stdout.rstrip().endswith("<b>ours</b>")


# What a template may print that is not text: each holds the hostile name.
NOT_TEXT = ["plan", "[plan.person]", "{'who': plan.person}", "plan.goals[0]", "(plan.person,)"]


@pytest.mark.parametrize("expression", NOT_TEXT)
@pytest.mark.parametrize("name", ["plan.md.j2", "plan.html.j2"])
def test_a_list_or_a_dict_a_template_prints_is_inert_too(
    files: dict[str, Path], name: str, expression: str
) -> None:
    """`{{ plan }}` printed the repr of the plan's data as it was, `<script>` and all, in
    Markdown; in HTML the repr is escaped, and the controls of any value are gone."""
    templates = files["org"] / "templates"
    templates.mkdir()
    (templates / name).write_text(f"{{{{ {expression} }}}}\n{{{{ plan.person }}}}\n")
    args = ("plan", files["me"], "--role", "testing", "--date", "2026-11-02")
    result = run(
        "--roles-dir", files["org"], *args, *(["--format", "html"] * name.endswith("html.j2"))
    )
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert "Megan" in first
    assert "<script" not in first and "<img" not in first
    assert TERMINAL_CONTROLS.findall(result.stdout) == []


def test_the_golden_markdown_plans_need_no_escaping() -> None:
    """The shipped example has nothing to escape: its plans are byte for byte as before."""
    example = ROOT / "examples" / "support-analyst.yaml"
    out = run("plan", example, "--role", "testing", "--date", "2026-11-02").stdout
    assert out == (GOLDEN / "plan-testing.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [50, 120])
def test_rich_tables_in_a_terminal_show_no_control_character_from_a_file(
    files: dict[str, Path], width: int
) -> None:
    """`gaps` in a terminal (rich): rich's own colours are the only escape sequences."""
    from careerpath.core.gaps import rank
    from careerpath.edges.load import load_inventory, load_library
    from careerpath.edges.terminal import gaps_text

    library = load_library(files["org"])
    inventory = load_inventory(files["me"], library)
    ranking = rank(inventory.ratings, library.roles.values(), library.catalogue)
    detail = [r for r in ranking if r.role in inventory.targets]
    text = gaps_text(inventory.person, ranking, detail, width=width, color=True)
    assert "\x1b[" in text  # coloured
    without_colours = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert TERMINAL_CONTROLS.findall(without_colours) == []
    assert "]52;c;SGVsbG8=" in without_colours  # what was left of the sequences, as text


def test_an_error_quoting_a_file_shows_its_text_inert(files: dict[str, Path]) -> None:
    result = run("--roles-dir", files["org"], "history", "nobody", "--dir", files["team"])
    assert result.exit_code == 1
    assert "found: P1 ]52;c;SGVsbG8=" in result.stderr
    assert TERMINAL_CONTROLS.findall(result.stderr) == []
    assert len(result.stderr.strip().splitlines()) == 1


def test_goals_list_of_someone_elses_plan_shows_its_text_inert(
    files: dict[str, Path], tmp_path: Path
) -> None:
    plan = tmp_path / "plan.json"
    made = run("--roles-dir", files["org"], "plan", files["me"], "--format", "json", "--out", plan)
    assert made.exit_code == 0, made.output
    assert "\\u009b" in plan.read_text(encoding="utf-8")  # JSON escapes, the same value
    listed = run("goals", "list", plan)
    assert listed.exit_code == 0, listed.output
    assert listed.stdout.startswith("Megan ]52;c;SGVsbG8=")
    assert TERMINAL_CONTROLS.findall(listed.stdout) == []


def test_escaped_evidence_still_counts_as_shown(tmp_path: Path) -> None:
    """The SMART check of a user's template finds each goal's evidence in the plan, also where
    the Markdown escaping changed it (a `*` or `[` in it)."""
    org = tmp_path / "org"
    org.mkdir()
    role = (ROOT / "roles" / "testing.yaml").read_text(encoding="utf-8")
    role = role.replace("evidence: >-\n        ", "evidence: >-\n        [Ticket] *starred* ")
    (org / "testing.yaml").write_text(role, encoding="utf-8")
    mine = tmp_path / "mine.md.j2"
    mine.write_text(
        "{% for g in plan.goals %}- {{ g.title }} {{ g.due }} {{ g.measure }}\n{% endfor %}"
    )
    example = ROOT / "examples" / "support-analyst.yaml"
    result = run("--roles-dir", org, "plan", example, "--role", "testing", "--template", mine)
    assert result.exit_code == 0, result.output
    assert "\\[Ticket\\] \\*starred\\*" in result.stdout
    assert result.stderr == ""
