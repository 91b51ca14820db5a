"""The team view's formats in pieces: the streamed JSON is json.dumps(indent=2) byte for byte,
the lines join to the whole text, and cut mentoring lists still count everyone."""

from __future__ import annotations

import json

import pytest

from careerpath.core.reviews.team import Team, team
from careerpath.views.escape import json_text, terminal_text
from careerpath.views.team_text import (
    People,
    team_data,
    team_json,
    team_markdown,
    team_page,
    team_text,
    team_text_lines,
)
from tests.core.test_team import CATALOGUE, ROLES, crowd, person


def teams() -> dict[str, Team]:
    return {
        "crowd": team(crowd(30), ROLES, CATALOGUE),
        "anonymous": team(crowd(30), ROLES, CATALOGUE, anonymous=True),
        "one role": team(crowd(12), ROLES, CATALOGUE, role=ROLES[1]),
        "cut lists": team(crowd(60), ROLES, CATALOGUE, listed=3),
        "too small to show": team(crowd(3), ROLES, CATALOGUE, anonymous=True),
        "nothing rated": team([person("Ann"), person("Bea")], ROLES, CATALOGUE),
        "nobody": team([], ROLES, CATALOGUE),
        "odd names": team(
            [
                person('Ré "Q" \\ \u2028 <b> \x85 \u202e', alpha=4),
                person("Tab\there \x1b[31mred\x1b[0m \x1b]52;c;aGk=\x07", alpha=1),
            ],
            ROLES,
            CATALOGUE,
        ),
    }


@pytest.mark.parametrize("case", list(teams()))
def test_the_streamed_json_is_the_indented_dump(case: str) -> None:
    result = teams()[case]
    whole = json_text(json.dumps(team_data(result), indent=2, ensure_ascii=False)) + "\n"
    assert "".join(team_json(result)) == whole


@pytest.mark.parametrize("case", list(teams()))
def test_the_page_rows_are_the_data_rows(case: str) -> None:
    result = teams()[case]
    page, data = team_page(result), team_data(result)
    assert isinstance(page["people"], People)
    assert list(page["people"]) == team_page(result, whole=True)["people"]
    # The page shows each rating as the table's cell; the JSON as its value (4, "unsure").
    cells = {"n/a": "n/a", "?": "unsure", "-": None}
    for row, data_row in zip(page["people"], data["people"], strict=True):
        shown = {s: cells.get(c, int(c) if c.isdigit() else c) for s, c in row["ratings"].items()}
        assert {**row, "ratings": shown} == data_row
    extra = {"cells", "required"}  # the page's legend and the roles' required levels
    assert {k: v for k, v in page.items() if k not in extra} == {**data, "people": page["people"]}


@pytest.mark.parametrize("case", ["crowd", "odd names"])
def test_text_lines_join_to_the_text_with_nothing_a_terminal_acts_on(case: str) -> None:
    result = teams()[case]
    text = "".join(team_text_lines(result))
    assert text == team_text(result) + "\n" == terminal_text(text)
    assert "\x1b" not in text and "\x07" not in text


def test_cut_lists_are_counted_in_full() -> None:
    result = teams()["cut lists"]
    group = result.mentoring[0]
    assert len(group.mentees) == 3 < group.mentees_total
    more = group.mentees_total - 3  # text and Markdown name three of them, here all listed
    assert f"and {more} more" in team_text(result)
    assert f"and {more} more" in team_markdown(result)
    first = team_data(result)["mentoring"][0]  # type: ignore[index]
    assert first["mentees_total"] == group.mentees_total
    assert first["mentors_total"] == group.mentors_total
    whole = team_data(teams()["crowd"])["mentoring"][0]  # type: ignore[index]
    assert "mentees_total" not in whole and "mentors_total" not in whole
