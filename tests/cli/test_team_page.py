"""`careerpath team --format html`: the heatmap's colour legend and the rows of the levels each
shown role requires, with the privacy rules kept (small groups hidden, --anonymous)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from careerpath.edges.load import Library
from careerpath.edges.yaml_source import dump
from tests.builders import NAMES, team_of
from tests.helpers import ok, run

ROW = re.compile(r"<tr[^>]*>(.*?)</tr>")
CELL = re.compile(r'<td class="([^"]+)">([^<]*)</td>')


def team_folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    for data in team_of(count):
        name = str(data["person"]).split()[0].lower()
        (folder / f"{name}.yaml").write_text(dump(data), encoding="utf-8")
    return folder


def heatmap(page: str) -> list[str]:
    """The heatmap table's rows (the first table on the page)."""
    table = page.split("<h2>Skills heatmap</h2>")[1].split("</table>")[0]
    return ROW.findall(table.replace("\n", ""))


def skill_ids(library: Library, page: str) -> list[str]:
    by_name = {skill.name: skill_id for skill_id, skill in library.catalogue.skills.items()}
    names = re.findall(r'<th class="skill">([^<]+)</th>', page)
    return [by_name[name.replace("&amp;", "&")] for name in names]


def test_the_legend_names_every_colour(tmp_path: Path) -> None:
    page = ok(run("team", team_folder(tmp_path, 6), "--format", "html"))
    legend = page.split('<ul class="legend">')[1].split("</ul>")[0]
    for css, cell, meaning in [
        ("l0", "0", "none"),
        ("l3", "3", "independent"),
        ("l5", "5", "sets direction"),
        ("na", "n/a", "not part of the work (counts as 0)"),
        ("unsure", "?", "unsure"),
        ("none", "-", "not rated"),
    ]:
        assert f'<span class="swatch {css}">{cell}</span>{meaning}</li>' in legend, cell
    assert "not required by the role" in legend


def test_the_chosen_roles_levels_head_the_people(tmp_path: Path, library: Library) -> None:
    page = ok(run("team", team_folder(tmp_path, 6), "--role", "testing", "--format", "html"))
    rows = heatmap(page)
    assert "Person" in rows[0]
    required = rows[1]
    assert required.startswith('<th class="role">Software tester (QA analyst) requires</th>')
    role = library.roles["testing"]
    levels = [
        str(role.skills[s].level) if s in role.skills else "·" for s in skill_ids(library, page)
    ]
    assert [text for _, text in CELL.findall(required)] == levels
    assert [r for r in rows if 'class="role"' in r] == [required]  # one role: one row
    head = page.split("<thead>")[1].split("</thead>")[0]
    assert "requires</th>" in head  # printed, it heads every page with the skills
    assert all(any(name in row for name in NAMES) for row in rows[2:])


def test_without_a_role_every_roles_levels_follow_the_people(
    tmp_path: Path, library: Library
) -> None:
    page = ok(run("team", team_folder(tmp_path, 6), "--format", "html"))
    rows = heatmap(page)
    people, required = rows[1:7], rows[7:]
    assert all(any(name in row for name in NAMES) for row in people)
    titles = [re.match(r'<th class="role">(.*) requires</th>', row) for row in required]
    assert [m[1] if m else None for m in titles] == [
        library.roles[r].title.replace("&", "&amp;") for r in sorted(library.roles)
    ]
    ids = skill_ids(library, page)
    for role_id, row in zip(sorted(library.roles), required, strict=True):
        role = library.roles[role_id]
        asked = {s for s, (_, text) in zip(ids, CELL.findall(row), strict=True) if text != "·"}
        assert asked == set(role.skills) & set(ids)


@pytest.mark.parametrize("args", [("--anonymous",), ("--anonymous", "--role", "support")])
def test_anonymous_pages_keep_no_names(tmp_path: Path, args: tuple[str, ...]) -> None:
    page = ok(run("team", team_folder(tmp_path, 6), "--format", "html", *args))
    assert not any(name.split()[0] in page for name in NAMES)
    assert "Person 1" in page and " requires</th>" in page


def test_a_small_group_still_hides_what_would_point_at_someone(tmp_path: Path) -> None:
    """Under five people: no medians; anonymous, no rows either (so no heatmap at all)."""
    folder = team_folder(tmp_path, 4)
    named = ok(run("team", folder, "--format", "html"))
    assert len(heatmap(named)) == 1 + 4 + len(required_titles(named))
    assert '<th class="person">median</th>' not in named
    anonymous = ok(run("team", folder, "--format", "html", "--anonymous"))
    assert "Skills heatmap" not in anonymous and " requires</th>" not in anonymous
    assert not any(name.split()[0] in anonymous for name in NAMES)


def required_titles(page: str) -> list[str]:
    return re.findall(r'<th class="role">(.*?) requires</th>', page)
