"""The self-inventory's pure rules: what is asked, the choices, the checks, the saved shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerpath.core import assessment
from careerpath.core.draft import Draft, draft_data, inventory_data
from careerpath.core.model import Catalogue, Rating
from careerpath.errors import CareerpathError
from tests.builders import TODAY, role, skill, unfinished
from tests.builders import rating as r

CATALOGUE = Catalogue(
    categories={"technical": "Technical", "people": "People"},
    skills={
        "scripting": skill("scripting"),
        "coaching": skill("coaching").model_copy(update={"category": "people"}),
        "troubleshooting": skill("troubleshooting"),
        "presenting": skill("presenting").model_copy(update={"category": "people"}),
    },
)


# --- which skills, in which order --------------------------------------------------------


def test_the_full_inventory_asks_every_skill_grouped_by_category() -> None:
    # each category one block, in the catalogue's category order, skills in catalogue order
    assert assessment.skills_to_ask(CATALOGUE) == [
        "scripting", "troubleshooting", "coaching", "presenting",
    ]  # fmt: skip


def test_the_role_path_asks_the_most_important_in_the_same_order() -> None:
    needs = {f"s{n}": (1 + n % 5, 1 + n % 5) for n in range(12)}
    many = Catalogue(categories={"technical": "Technical"}, skills={s: skill(s) for s in needs})
    target = role(**needs)
    asked = assessment.skills_to_ask(many, target)
    assert len(asked) == assessment.QUICK_COUNT
    left_out = [s for s in needs if s not in asked]
    assert max(needs[s][1] for s in left_out) <= min(needs[s][1] for s in asked)
    assert asked == [s for s in assessment.skills_to_ask(many) if s in asked]


def test_role_path_skips_level_zero_requirements_and_takes_fewer_when_fewer() -> None:
    tiny = role(troubleshooting=(3, 5), scripting=(0, 5), coaching=(2, 1))
    assert assessment.quick_skills(tiny, CATALOGUE) == ["troubleshooting", "coaching"]


# --- the choices -------------------------------------------------------------------------


def test_choices_are_the_skills_descriptors_then_na_and_not_sure() -> None:
    troubleshooting = CATALOGUE.skills["troubleshooting"]
    options = assessment.options(troubleshooting)
    assert [o.key for o in options] == ["0", "1", "2", "3", "4", "5", "n", "u"]
    assert [o.text for o in options[:6]] == [troubleshooting.levels[n] for n in range(6)]
    assert [o.value for o in options[6:]] == ["n/a", "unsure"]
    assert options[3].short == "3 independent"
    assert options[7].short == "not sure"


def test_a_managers_choices_and_checks_speak_of_the_report() -> None:
    own, theirs = (assessment.options(CATALOGUE.skills["scripting"], by) for by in (None, "Ben"))
    assert own[6].text == "this skill has not been part of my work"
    assert theirs[6].text == "this skill has not been part of their work"
    assert "Rate what Ben does now" in assessment.conservative_note("Ben")
    high = {s: r(4) for s in ("a", "b", "c")}
    (flag,) = assessment.honesty_flags(high, high, "Ben")
    assert (
        "Ben handles the hardest cases" in flag.message and "you" not in flag.message.split(":")[0]
    )


@pytest.mark.parametrize(
    ("value", "previous", "expected"),
    [
        ("3", None, r(3)),
        ("n/a", None, r("n/a")),
        ("unsure", None, r("unsure")),
        ("4", r(4, "ticket 1"), r(4, "ticket 1")),  # same answer keeps its evidence
        ("2", r(4, "ticket 1"), r(2)),  # a new answer drops evidence for the old one
        ("unsure", r("unsure", "asked my lead"), r("unsure", "asked my lead")),
    ],
)
def test_rating_from_an_answer(value: str, previous: Rating | None, expected: Rating) -> None:
    assert assessment.rating_from(value, previous) == expected


@pytest.mark.parametrize(
    ("rating", "wanted"),
    [(r(2), False), (r(3), True), (r(5), True), (r("n/a"), False)],
)
def test_evidence_is_asked_from_level_three(rating: Rating, wanted: bool) -> None:
    assert assessment.wants_evidence(rating) is wanted


# --- honesty checks ----------------------------------------------------------------------

SKILLS = ["a", "b", "c", "d", "e", "f"]


@pytest.mark.parametrize(
    ("ratings", "kinds"),
    [
        ({s: r(3) for s in SKILLS}, ["all_same"]),
        ({s: r("unsure") for s in SKILLS[:5]}, ["all_same"]),
        ({s: r(2) for s in SKILLS[:4]}, []),  # too few to mean anything
        ({**{s: r(2) for s in SKILLS[:5]}, "f": r(1)}, []),
        (
            {"a": r(4), "b": r(5), "c": r(4), "d": r(1)},
            ["high_without_evidence"],
        ),
        ({"a": r(4), "b": r(5), "c": r(4, "ticket 7"), "d": r(1)}, []),
        ({"a": r(4), "b": r(4), "c": r(3), "d": r(1)}, []),
        ({s: r(4) for s in SKILLS}, ["all_same", "high_without_evidence"]),
        ({s: r(4, "ticket") for s in SKILLS}, ["all_same"]),
    ],
)
def test_honesty_flags(ratings: dict[str, Rating], kinds: list[str]) -> None:
    flags = assessment.honesty_flags(ratings, SKILLS)
    assert [f.kind for f in flags] == kinds


def test_flags_name_the_skills_to_revisit_and_only_those_asked() -> None:
    ratings = {"a": r(4), "b": r(5), "c": r(4), "d": r(1), "old": r(5)}
    (flag,) = assessment.honesty_flags(ratings, ["a", "b", "c", "d"])
    assert flag.skills == ("a", "b", "c")
    assert "evidence" in flag.message
    assert assessment.flagged_skills([flag, flag]) == ["a", "b", "c"]


# --- the saved shapes --------------------------------------------------------------------


def test_draft_data_keeps_answers_and_progress(tmp_path: Path) -> None:
    data = draft_data(unfinished(tmp_path / "out.yaml"))
    progress = data["progress"]
    assert isinstance(progress, dict)
    assert progress["answered"] == ["person", "current_role", "skill:troubleshooting"]
    assert progress["out"] == str(tmp_path / "out.yaml")
    assert {k: data[k] for k in ("person", "targets")} == {
        "person": "Sam Rivera",
        "targets": ["testing"],
    }


def test_partial_inventory_leaves_out_what_is_not_answered_yet(tmp_path: Path) -> None:
    data = inventory_data(Draft(date=TODAY, out=tmp_path / "x", skills=[]))
    assert "person" not in data and "current_role" not in data
    assert data["date"] == TODAY


def test_a_draft_missing_a_required_answer_cannot_be_finished(tmp_path: Path) -> None:
    draft = unfinished(tmp_path / "out.yaml")
    draft.person = ""
    with pytest.raises(CareerpathError, match="person is missing or not valid"):
        draft.inventory()
