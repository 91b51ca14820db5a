"""Every shipped role profile follows its own O*NET anchor in what is specific to the role.

The method (role-specific parts, both policies for skills a profile leaves out, the treatment of
O*NET's flags) is described in tests/fidelity.py; `python -m tests.fidelity` prints the table,
and so does `pytest tests/edges/test_profile_fidelity.py -s`.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from careerpath.edges.load import Library, load_library
from tests import fidelity
from tests.fidelity import MIN_FIDELITY, MIN_LEAD, POLICIES, Profile

SHIPPED = load_library()  # discovered at collection, so a new profile is checked automatically
ROLE_IDS = [p.id for p in fidelity.profiles(SHIPPED)]


def _cases() -> list[object]:
    cases: list[object] = []
    for policy in POLICIES:
        for role_id in ROLE_IDS:
            cases.append(pytest.param(role_id, policy, id=f"{role_id}-{policy}"))
    return cases


@pytest.fixture(scope="module")
def results() -> dict[tuple[str, str], fidelity.Result]:
    return {(r.profile, r.policy): r for p in POLICIES for r in fidelity.fidelity(SHIPPED, p)}


def test_every_role_has_an_anchor_with_onet_rows(library: Library) -> None:
    onet = fidelity.read_onet()
    assert set(ROLE_IDS) == set(library.roles), "every shipped profile needs an onet: anchor"
    for role_id in ROLE_IDS:
        role = library.roles[role_id]
        assert role.onet is not None
        assert role.onet.code in onet, f"{role_id}: no rows for {role.onet.code} in tests/data/onet"


def test_catalogue_elements_are_in_the_onet_files() -> None:
    onet = fidelity.read_onet()
    for code in {p.anchor for p in fidelity.profiles(SHIPPED)}:
        missing = set(fidelity.elements(SHIPPED).values()) - set(onet[code])
        assert not missing, f"{code} lacks {sorted(missing)}"


@pytest.mark.parametrize(("role_id", "policy"), _cases())
def test_profile_follows_its_own_anchor(
    results: dict[tuple[str, str], fidelity.Result], role_id: str, policy: str
) -> None:
    result = results[(role_id, policy)]
    assert result.n >= 12, f"{role_id}: only {result.n} elements to compare"
    assert not result.problems, f"{role_id} ({policy}): " + "; ".join(result.problems)


def test_report_covers_every_profile_under_both_policies() -> None:
    text = fidelity.report(SHIPPED)
    print("\n" + text)
    for role_id in ROLE_IDS:
        assert sum(line.startswith(role_id + " ") for line in text.splitlines()) == len(POLICIES)


@pytest.mark.parametrize("policy", POLICIES)
def test_a_profile_at_the_mean_of_all_profiles_fails_for_every_anchor(policy: str) -> None:
    """It knows nothing about any role, so it must fail whichever anchor it claims.

    The mean is taken the way the policy takes it: a mean counting left-out skills as 0, judged
    against means over the profiles that list them, would carry which skills the profiles leave
    out as if it were knowledge of a role.
    """
    for code in sorted({p.anchor for p in fidelity.profiles(SHIPPED)}):
        mean = fidelity.mean_profile(SHIPPED, code, policy)
        result = next(r for r in fidelity.fidelity(SHIPPED, policy, [mean]) if r.profile == "mean")
        assert result.problems, f"the mean profile passed as {code}"


@pytest.mark.parametrize("policy", POLICIES)
def test_a_generic_profile_in_whole_levels_fails_for_every_anchor(policy: str) -> None:
    """The mean rounded to whole levels, as someone writing a profile by habit would: its
    role-specific part is only rounding, so it must not pass as any occupation."""
    for code in sorted({p.anchor for p in fidelity.profiles(SHIPPED)}):
        mean = fidelity.mean_profile(SHIPPED, code, policy)
        generic = Profile("generic", code, {e: float(round(v)) for e, v in mean.levels.items()})
        result = next(
            r for r in fidelity.fidelity(SHIPPED, policy, [generic]) if r.profile == "generic"
        )
        assert result.problems, f"a generic profile in whole levels passed as {code}"


@pytest.mark.parametrize("policy", POLICIES)
def test_the_average_of_unrelated_occupations_fails_for_every_anchor(policy: str) -> None:
    """The issue's know-nothing profile: the mean of the occupations O*NET does not relate to
    the anchor. Its raw correlation with the anchor is high; its role-specific part must fail."""
    for code in sorted({p.anchor for p in fidelity.profiles(SHIPPED)}):
        average = fidelity.unrelated_average(SHIPPED, code)
        result = next(
            r for r in fidelity.fidelity(SHIPPED, policy, [average]) if r.profile == "unrelated"
        )
        assert result.problems, f"the average of unrelated occupations passed as {code}"
        assert result.own < MIN_FIDELITY and result.lead < MIN_LEAD, (code, result.own, result.lead)


def test_the_unrelated_average_scores_well_on_raw_correlation() -> None:
    """So it is the role-specific comparison, not a weak raw score, that fails it."""
    raws = []
    for code in sorted({p.anchor for p in fidelity.profiles(SHIPPED)}):
        average = fidelity.unrelated_average(SHIPPED, code)
        raws.append(
            next(
                r for r in fidelity.fidelity(SHIPPED, "as 0", [average]) if r.profile == "unrelated"
            ).raw
        )
    assert sum(raw >= 0.6 for raw in raws) >= len(raws) // 2, raws


def test_the_mean_profile_would_pass_a_raw_correlation() -> None:
    """Why raw correlation is not enough: the know-nothing profile scores well on it."""
    codes = sorted({p.anchor for p in fidelity.profiles(SHIPPED)})
    raws = []
    for code in codes:
        mean = fidelity.mean_profile(SHIPPED, code)
        raws.append(
            next(r for r in fidelity.fidelity(SHIPPED, "as 0", [mean]) if r.profile == "mean").raw
        )
    assert max(raws) >= 0.6


def test_a_profile_copied_from_its_anchor_passes() -> None:
    """The check can be passed: a profile whose levels follow its anchor's LV does."""
    onet = fidelity.read_onet()
    code = fidelity.profiles(SHIPPED)[0].anchor
    levels = {e: v * 5 / 7 for e, v in onet[code].items() if v is not None}
    copy = Profile(
        "copy", code, {e: levels[e] for e in fidelity.elements(SHIPPED).values() if e in levels}
    )
    result = next(r for r in fidelity.fidelity(SHIPPED, "as 0", [copy]) if r.profile == "copy")
    assert result.own >= MIN_FIDELITY
    assert result.lead >= MIN_LEAD or not result.others


def test_a_profile_claiming_another_roles_anchor_fails() -> None:
    """Swapping anchors must be caught: each profile tested against the others' anchors."""
    group = fidelity.profiles(SHIPPED)
    codes = [p.anchor for p in group]
    if len(set(codes)) < 2:
        pytest.skip("needs two different anchors")
    rotated = codes[1:] + codes[:1]
    swapped = [Profile(p.id, c, p.levels) for p, c in zip(group, rotated, strict=True)]
    results = fidelity.evaluate(
        swapped, fidelity.read_onet(), sorted(set(fidelity.elements(SHIPPED).values())), "as 0"
    )
    assert sum(bool(r.problems) for r in results) >= len(results) - 1


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([1, 2, 3, 4], [10, 20, 30, 40], 1.0),
        ([1, 2, 3, 4], [40, 30, 20, 10], -1.0),
        ([1, 1, 2, 2], [1, 2, 3, 4], 0.8944),
        ([3, 1, 2], [30, 20, 10], 0.5),
    ],
)
def test_spearman_matches_known_values(a: list[float], b: list[float], expected: float) -> None:
    assert fidelity.spearman(a, b) == pytest.approx(expected, abs=1e-4)


def test_spearman_of_a_constant_list_is_undefined_and_fails_the_check() -> None:
    assert math.isnan(fidelity.spearman([2, 2, 2, 2], [1, 2, 3, 4]))
    result = fidelity.Result("p", "x", "as 0", 4, math.nan, {}, math.nan)
    assert result.problems


def test_onet_flags_are_respected(tmp_path: Path) -> None:
    header = (
        "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\t"
        "Lower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source\n"
    )
    rows = [
        "1\t2.B.3.k\tTroubleshooting\tLV\t0.25\t8\t0\t0\t0\tN\tY\t01/2025\tAnalyst\n",
        "1\t2.B.3.e\tProgramming\tLV\t4.12\t8\t0.52\t3\t5\tY\tN\t01/2025\tAnalyst\n",
        "1\t2.A.1.a\tReading\tLV\t4.00\t8\t0\t4\t4\tN\tN\t01/2025\tAnalyst\n",
        "1\t2.A.1.a\tReading\tIM\t3.00\t8\t0\t3\t3\tN\tn/a\t01/2025\tAnalyst\n",
    ]
    (tmp_path / "Skills.txt").write_text(header + "".join(rows), encoding="utf-8")
    assert fidelity.read_onet(tmp_path) == {"1": {"2.B.3.k": 0.0, "2.B.3.e": None, "2.A.1.a": 4.0}}
