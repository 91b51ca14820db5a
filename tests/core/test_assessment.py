"""The self-inventory's pure rules: what is asked, the choices, the checks, the saved shapes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from careerpath.core import assessment
from careerpath.core.draft import Draft, draft_data, inventory_data, skill_key
from careerpath.core.model import Inventory, Rating
from careerpath.edges.inventory_files import (
    default_out,
    inventory_text,
    load_draft,
    next_free,
    save_draft,
    sequence_key,
)
from careerpath.edges.load import Library, load_inventory
from careerpath.edges.yaml_source import parse
from careerpath.views.summary_text import plan_command, summary_text, top_strengths

TODAY = dt.date(2026, 11, 23)


def r(value: int | str, evidence: str = "") -> Rating:
    if evidence:
        return Rating.model_validate({"level": value, "evidence": evidence})
    return Rating.model_validate(value)


# --- which skills, in which order --------------------------------------------------------


def test_the_full_inventory_asks_every_skill_grouped_by_category(library: Library) -> None:
    order = assessment.skills_to_ask(library.catalogue)
    assert sorted(order) == sorted(library.catalogue.skills)
    categories = [library.catalogue.skills[s].category for s in order]
    # each category is one contiguous block, in the catalogue's category order
    blocks = [c for i, c in enumerate(categories) if i == 0 or categories[i - 1] != c]
    assert blocks == [c for c in library.catalogue.categories if c in categories]


ROLE_IDS = ["support", "testing", "development", "consulting", "leadership"]


@pytest.mark.parametrize("role_id", ROLE_IDS)
def test_role_path_asks_the_roles_ten_most_important_skills(library: Library, role_id: str) -> None:
    role = library.roles[role_id]
    asked = assessment.skills_to_ask(library.catalogue, role)
    assert len(asked) == assessment.QUICK_COUNT
    assert set(asked) <= set(role.skills)
    left_out = [s for s in role.skills if s not in asked]
    least_asked = min(role.skills[s].importance for s in asked)
    assert all(role.skills[s].importance <= least_asked for s in left_out)
    full = assessment.skills_to_ask(library.catalogue)
    assert asked == [s for s in full if s in asked]  # same order as the full inventory


def test_role_path_skips_level_zero_requirements_and_takes_fewer_when_fewer(
    library: Library,
) -> None:
    from careerpath.core.model import Mentor, Requirement, Role

    role = Role(
        id="tiny",
        title="Tiny",
        summary="A role.",
        skills={
            "troubleshooting": Requirement(level=3, importance=5),
            "scripting": Requirement(level=0, importance=5),
            "coaching": Requirement(level=2, importance=1),
        },
        mentor=Mentor(profile="Someone."),
    )
    assert assessment.quick_skills(role, library.catalogue) == ["troubleshooting", "coaching"]


# --- the choices -------------------------------------------------------------------------


def test_choices_are_the_skills_descriptors_then_na_and_not_sure(library: Library) -> None:
    skill = library.catalogue.skills["troubleshooting"]
    options = assessment.options(skill)
    assert [o.key for o in options] == ["0", "1", "2", "3", "4", "5", "n", "u"]
    assert [o.text for o in options[:6]] == [skill.levels[n] for n in range(6)]
    assert [o.value for o in options[6:]] == ["n/a", "unsure"]
    assert options[3].short == "3 independent"
    assert options[7].short == "not sure"


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
    ("rating", "wanted"), [(r(2), False), (r(3), True), (r(5), True), (r("n/a"), False)]
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
        ({"a": r(4), "b": r(5), "c": r(4), "d": r(1)}, ["high_without_evidence"]),
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


def sample_draft(out: Path) -> Draft:
    draft = Draft(date=TODAY, out=out, skills=["troubleshooting", "scripting"], role="testing")
    draft.person = "Sam Rivera"
    draft.current_role = "support"
    draft.years_in_role = 3.0
    draft.targets = ["testing"]
    draft.ratings = {"troubleshooting": r(4, "Ticket 48211: SSO loop"), "scripting": r("unsure")}
    draft.credentials = ["CompTIA A+"]
    for key in ["person", "current_role", skill_key("troubleshooting")]:
        draft.mark(key)
    return draft


def test_unfinished_inventory_round_trips_through_its_file(
    tmp_path: Path, library: Library
) -> None:
    draft = sample_draft(tmp_path / "out.yaml")
    path = tmp_path / "home" / "assess-in-progress.yaml"
    save_draft(draft, path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_draft(path, library) == draft
    text = path.read_text(encoding="utf-8")
    assert "careerpath assess --resume" in text
    assert "progress:" in text


def test_unfinished_inventory_naming_an_unknown_skill_is_a_file_error(
    tmp_path: Path, library: Library
) -> None:
    from careerpath.errors import CareerpathError

    draft = sample_draft(tmp_path / "out.yaml")
    draft.skills.append("juggling")
    path = tmp_path / "assess-in-progress.yaml"
    save_draft(draft, path)
    with pytest.raises(CareerpathError) as caught:
        load_draft(path, library)
    message = str(caught.value)
    assert message.startswith(f"{path}:")
    assert "unknown skill 'juggling'" in message


def test_inventory_text_is_a_valid_inventory_in_the_documented_order(
    tmp_path: Path, library: Library
) -> None:
    inventory = sample_draft(tmp_path / "x.yaml").inventory()
    path = tmp_path / "inventory.yaml"
    path.write_text(inventory_text(inventory), encoding="utf-8")
    assert load_inventory(path, library) == inventory
    data = parse(path.read_text(encoding="utf-8"), str(path)).data
    assert isinstance(data, dict)
    assert list(data) == [
        "person", "date", "current_role", "years_in_role", "targets", "ratings",
        "credentials", "experiences",
    ]  # fmt: skip
    assert data["years_in_role"] == 3  # a whole number stays whole
    assert data["ratings"] == {
        "troubleshooting": {"level": 4, "evidence": "Ticket 48211: SSO loop"},
        "scripting": "unsure",
    }


def test_draft_data_keeps_answers_and_progress(tmp_path: Path) -> None:
    data = draft_data(sample_draft(tmp_path / "out.yaml"))
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


def test_dated_names_never_reuse_an_existing_file(tmp_path: Path) -> None:
    first = default_out(tmp_path, TODAY)
    assert first == tmp_path / "inventory-2026-11-23.yaml"
    first.write_text("x")
    assert default_out(tmp_path, TODAY) == tmp_path / "inventory-2026-11-23-2.yaml"
    (tmp_path / "inventory-2026-11-23-2.yaml").write_text("x")
    assert next_free(first) == tmp_path / "inventory-2026-11-23-3.yaml"


@pytest.mark.parametrize(
    ("person", "name"),
    [
        ("Sam Rivera", "inventory-sam-rivera-2026-11-23.yaml"),
        ("Zoë O'Brien-Kelly", "inventory-zoe-o-brien-kelly-2026-11-23.yaml"),
        ("  ../../etc/passwd ", "inventory-etc-passwd-2026-11-23.yaml"),
        ("李", "inventory-2026-11-23.yaml"),
        ("", "inventory-2026-11-23.yaml"),
    ],
)
def test_default_names_carry_the_persons_name(tmp_path: Path, person: str, name: str) -> None:
    assert default_out(tmp_path, TODAY, person) == tmp_path / name


def test_a_days_files_sort_in_the_order_careerpath_named_them() -> None:
    names = [
        "inventory-2026-11-23-10.yaml",
        "inventory-2026-11-23-2.yaml",
        "inventory-2026-11-23.yaml",
        "inventory-sam-2026-11-23-2.yaml",
        "inventory-sam-2026-11-23.yaml",
        "inventory-2026-11-22.yaml",
        "sam-2.yaml",
        "sam.yml",
    ]
    assert sorted(names, key=lambda n: sequence_key(Path(n))) == [
        "inventory-2026-11-22.yaml",
        "inventory-2026-11-23.yaml",
        "inventory-2026-11-23-2.yaml",
        "inventory-2026-11-23-10.yaml",
        "inventory-sam-2026-11-23.yaml",
        "inventory-sam-2026-11-23-2.yaml",
        "sam.yml",
        "sam-2.yaml",
    ]


# --- the summary -------------------------------------------------------------------------


def test_summary_names_strengths_gaps_ranking_and_the_plan_command(library: Library) -> None:
    inventory = Inventory(
        person="Sam",
        date=TODAY,
        current_role="support",
        targets=["testing"],
        ratings={
            "troubleshooting": r(4, "ticket"),
            "ticket_documentation": r(4),
            "patience_under_pressure": r(3),
            "test_design": r(1),
            "scripting": r(0),
        },
    )
    out = Path("/home/sam/my files/inventory-2026-11-23.yaml")
    text = summary_text(inventory, library.roles.values(), library.catalogue, out)
    lines = text.splitlines()
    assert lines[0] == f"Saved your inventory: {out}"
    strengths = lines[lines.index("Top strengths") + 1 : lines.index("Top strengths") + 4]
    assert strengths == [
        "  Troubleshooting: 4 advanced, with evidence",
        "  Ticket and written documentation: 4 advanced",
        "  Patience under pressure: 3 independent",
    ]
    gaps = text.split("Top gaps for Software tester (QA analyst)")[1]
    assert "Test design: now 1, needs 3, importance 5 (priority 10)" in gaps
    assert "Readiness for every role, closest first" in text
    for role_id in library.roles:
        assert f"\n  {role_id} " in text
    assert lines[-3] == (
        "  careerpath plan '/home/sam/my files/inventory-2026-11-23.yaml' --role testing"
    )
    assert "careerpath assess --update" in lines[-1]
    assert max(len(line) for line in lines if "careerpath" not in line) <= 80


def test_summary_ranking_keeps_ids_whole_and_shortens_long_titles(library: Library) -> None:
    long_role = library.roles["testing"].model_copy(
        update={"id": "quality-assurance-automation", "title": "Quality engineer " * 6}
    )
    roles = [*library.roles.values(), long_role]
    inventory = Inventory(person="Sam", date=TODAY, current_role="support", ratings={})
    text = summary_text(inventory, roles, library.catalogue, Path("inventory.yaml"))
    rows = [
        line for line in text.splitlines() if line.startswith("  quality-assurance-automation ")
    ]
    assert len(rows) == 1 and "  Quality engineer Quality…  " in rows[0]
    assert max(len(line) for line in text.splitlines() if "careerpath" not in line) <= 80


def test_strengths_prefer_higher_levels_then_evidence(library: Library) -> None:
    inventory = Inventory(
        person="Sam",
        date=TODAY,
        current_role="support",
        ratings={
            "scripting": r(3),
            "coaching": r(3, "buddy"),
            "presenting": r(5),
            "planning_work": r(2),
        },
    )
    assert top_strengths(inventory, library.catalogue) == ["presenting", "coaching", "scripting"]


def test_plan_command_names_the_organisation_folder_when_one_is_in_use() -> None:
    assert plan_command(Path("inv.yaml"), "qa_lead", Path("our roles")) == (
        "careerpath --roles-dir 'our roles' plan inv.yaml --role qa_lead"
    )


def test_a_draft_missing_a_required_answer_cannot_be_finished(tmp_path: Path) -> None:
    from careerpath.errors import CareerpathError

    draft = sample_draft(tmp_path / "out.yaml")
    draft.person = ""
    with pytest.raises(CareerpathError, match="person is missing or not valid"):
        draft.inventory()
