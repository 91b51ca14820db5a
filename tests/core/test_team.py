"""The team view, pure: heatmap, readiness, thinnest skills, mentors, what is hidden; and its
arithmetic at organisation scale: medians from counts, the latest file per
person whatever order rows come in, and mentoring lists cut at a bound without changing what
is listed."""

from __future__ import annotations

import datetime as dt
import json
import random
import statistics

import pytest

from careerpath.core.gaps import analyse, baseline_for
from careerpath.core.model import Inventory
from careerpath.core.reviews.team import (
    MIN_GROUP,
    Tally,
    counted_median,
    level_counts,
    scope,
    summarise,
    team,
)
from tests.builders import NAMES, catalogue, inventory, member, role, team_of

SKILLS = ("alpha", "beta", "gamma")
CATALOGUE = catalogue(*SKILLS)
ROLES = [role("lead", alpha=(5, 5), beta=(4, 3)), role("analyst", beta=(3, 2), gamma=(2, 1))]


def person(name: str, day: int = 2, **ratings: int | str) -> Inventory:
    base = inventory(["lead", "analyst"], **ratings)
    return base.model_copy(update={"person": name, "date": dt.date(2026, 11, day)})


def crowd(size: int, seed: int = 7) -> list[Inventory]:
    rng = random.Random(seed)
    choices = (0, 1, 2, 3, 4, 5, "n/a", "unsure")
    return [
        person(f"P{n:03d}", **{s: rng.choice(choices) for s in SKILLS if rng.random() > 0.1})
        for n in range(size)
    ]


@pytest.mark.parametrize(
    "levels",
    [[3], [1, 2], [2, 2, 3, 3], [2, 3, 3, 3], [0, 0, 5], [5, 4, 0, 1, 1], [0] * 7, [4, 5] * 9],
)
def test_the_median_from_counts_is_statistics_median(levels: list[int]) -> None:
    counts = level_counts("".join(map(str, levels)))
    got = counted_median(counts)
    expected = statistics.median(levels)
    assert got == expected and type(got) is type(expected)  # 3 and 3.0 differ in JSON


def test_n_a_counts_as_level_zero_and_unknowns_not_at_all() -> None:
    assert level_counts("n0?-5") == [2, 0, 0, 0, 0, 1]


def test_rows_in_any_order_give_the_same_team() -> None:
    people = crowd(40)
    people += [person("P003", day=1, alpha=5), person("p003", day=9, alpha=1)]  # older, newer
    frame = scope(ROLES, CATALOGUE)
    rows = [(index, summarise(p, frame)) for index, p in enumerate(people)]
    results = []
    for seed in range(3):
        random.Random(seed).shuffle(rows)
        tally = Tally(frame)
        for index, row in rows:
            tally.add(row, index)
        results.append(tally.finish(CATALOGUE, None))
    assert results[0] == results[1] == results[2]
    assert results[0].older == 2
    assert results[0] == team(people, ROLES, CATALOGUE)
    kept = results[0].rows[results[0].people.index("p003")]
    assert kept.cells[0] == "1"  # the newest of the three files of P003


def test_the_same_date_keeps_the_later_file() -> None:
    first, second = person("Sam", alpha=1), person("Sam", alpha=2)
    result = team([first, second], ROLES, CATALOGUE)
    assert result.rows[0].cells[0] == "2" and result.older == 1


def test_mentoring_lists_are_cut_without_changing_what_is_listed() -> None:
    people = crowd(120, seed=3)
    whole = team(people, ROLES, CATALOGUE)
    cut = team(people, ROLES, CATALOGUE, listed=4)
    assert [g.skill for g in whole.mentoring] == [g.skill for g in cut.mentoring]
    for full, short in zip(whole.mentoring, cut.mentoring, strict=True):
        assert len(full.mentors) > 4 and len(full.mentees) > 4  # the bound does cut
        assert short.mentors == full.mentors[:4]
        assert short.mentees == full.mentees[:4]
        assert short.pairs == full.pairs[:4]
        assert (short.mentors_total, short.mentees_total) == (len(full.mentors), len(full.mentees))
        assert (full.mentors_total, full.mentees_total) == (len(full.mentors), len(full.mentees))


def test_mentors_are_by_level_then_name_and_mentees_by_gap_then_name() -> None:
    people = [
        person("Zed", alpha=4),
        person("Amy", alpha=4),
        person("Kit", alpha=5),
        person("Bo", alpha=3),  # lead needs 5: short by 2
        person("Cy", alpha=0),  # short by 5
        person("Al", alpha=3),
    ]
    (group,) = [g for g in team(people, ROLES, CATALOGUE).mentoring if g.skill == "alpha"]
    assert group.mentors == (("Kit", 5), ("Amy", 4), ("Zed", 4))
    assert [(m.person, m.current, m.needed, m.role) for m in group.mentees] == [
        ("Cy", 0, 5, "lead"),
        ("Al", 3, 5, "lead"),
        ("Bo", 3, 5, "lead"),
    ]
    assert group.pairs == (("Kit", "Cy"), ("Amy", "Al"), ("Zed", "Bo"))


def test_an_anonymous_team_keeps_no_name_anywhere() -> None:
    result = team(crowd(8), ROLES, CATALOGUE, anonymous=True)
    assert all(row.person.startswith("Person ") and not row.key for row in result.rows)
    assert not any("P0" in repr(value) for value in result)


# --- a small team as its YAML files hold it ------------------------------------------------

SUPPORT = catalogue("troubleshooting", "test_design", "scripting", "people_leadership")
SUPPORT_ROLES = [
    role("testing", troubleshooting=(3, 4), test_design=(3, 5), scripting=(2, 3)),
    role("support", troubleshooting=(4, 5), people_leadership=(1, 1)),
]


def inventories(data: list[dict[str, object]]) -> list[Inventory]:
    return [Inventory.model_validate(d) for d in data]


def test_readiness_is_the_gap_analysis_arithmetic() -> None:
    frame = scope(SUPPORT_ROLES, SUPPORT)
    by_id = {target.id: target for target in SUPPORT_ROLES}
    for inv in inventories(team_of(6)):
        row = summarise(inv, frame)
        baseline = baseline_for(inv.current_role, SUPPORT_ROLES)
        for (role_id, _), got in zip(frame.roles, row.readiness, strict=True):
            expected = analyse(inv.ratings, by_id[role_id], SUPPORT, baseline).readiness
            assert got == expected


@pytest.mark.parametrize("order", [1, -1])
def test_the_latest_inventory_per_person_counts(order: int) -> None:
    """Whatever order the files come in (worker processes send them in any)."""
    data = [*team_of(2), member("ana lopez ", {"troubleshooting": 1}, day=20)][::order]
    result = team(inventories(data), SUPPORT_ROLES, SUPPORT)
    assert result.older == 1
    assert result.people == ("ana lopez", "Ben Okafor")
    cells = dict(zip([s for s, _ in result.skills], result.heatmap[0], strict=True))
    assert cells["troubleshooting"] == "1"


def test_heatmap_readiness_thinnest_and_mentors() -> None:
    result = team(inventories(team_of(6)), SUPPORT_ROLES, SUPPORT)
    assert result.people == tuple(sorted(NAMES))
    assert len(result.heatmap) == 6 and len(result.heatmap[0]) == len(result.skills)
    assert [r for r, _ in result.roles] == ["support", "testing"]
    assert result.median_readiness is not None
    assert result.thinnest and result.hidden == ()
    mentoring = {m.skill: m for m in result.mentoring}
    assert mentoring["troubleshooting"].mentors == (("Ana Lopez", 5),)
    mentees = {m.person for m in mentoring["troubleshooting"].mentees}
    assert "Ana Lopez" not in mentees and mentees
    assert all(mentor == "Ana Lopez" for mentor, _ in mentoring["troubleshooting"].pairs)


def test_a_group_smaller_than_five_has_no_aggregates() -> None:
    result = team(inventories(team_of(MIN_GROUP - 1)), SUPPORT_ROLES, SUPPORT)
    assert result.median_readiness is None and result.thinnest == ()
    assert any("fewer than 5" in note for note in result.hidden)
    assert len(result.people) == MIN_GROUP - 1  # named rows are the manager's own view


def test_anonymous_replaces_names_and_hides_small_groups() -> None:
    big = team(inventories(team_of(6)), SUPPORT_ROLES, SUPPORT, anonymous=True)
    assert set(big.people) == {f"Person {n}" for n in range(1, 7)}
    text = json.dumps(big._asdict(), default=str)
    assert not any(name.split()[0] in text for name in NAMES)  # not even in the rows
    small = team(inventories(team_of(3)), SUPPORT_ROLES, SUPPORT, anonymous=True)
    assert small.people == () and len(small.heatmap) == 0 and small.readiness == ()
    assert small.size == 3  # counted, though their rows are hidden
    assert small.mentoring == ()  # Ana at 5 and two with a gap: no pairs without names
    assert any("too few to stay anonymous" in note for note in small.hidden)


def test_role_narrows_skills_and_roles() -> None:
    testing = SUPPORT_ROLES[0]
    result = team(inventories(team_of(6)), SUPPORT_ROLES, SUPPORT, role=testing)
    assert result.roles == (("testing", testing.title),)
    assert {s for s, _ in result.skills} <= set(testing.skills)


def test_each_persons_readiness_is_their_own_whatever_the_order() -> None:
    """A row's readiness is analyse's for that person, from the scales kept per current role:
    a person is never read with the one before's, nor on another's baseline."""
    frame = scope(ROLES, CATALOGUE)
    strong = inventory(alpha=5, beta=4, gamma=2)
    weak = inventory(alpha=0, beta=1, gamma=0, current_role="analyst")
    expected = {
        id(p): tuple(
            analyse(p.ratings, r, CATALOGUE, baseline_for(p.current_role, ROLES)).readiness
            for r in frame.shown
        )
        for p in (strong, weak)
    }
    for person in (strong, weak, strong, weak):
        assert summarise(person, frame).readiness == expected[id(person)]
    assert expected[id(strong)] != expected[id(weak)]
