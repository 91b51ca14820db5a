"""roles/lattice.yaml and an organisation's ORG/lattice.yaml: loading, merging and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerpath.edges.load import DataError, Library, load_library
from careerpath.edges.validation import validate_paths
from careerpath.errors import CareerpathError
from tests.helpers import ROOT

LATTICE = """\
moves:
  - from: support
    to: testing
    kind: lateral
    summary: Our own route into QA.
    carries: [troubleshooting]
    builds: [test_design]
    bridges:
      - kind: secondment
        title: A month in QA
        how: Ask both managers.
        evidence: The QA lead's feedback.
        weeks: 4
        hours: 140
  - from: consulting
    to: support
    kind: step-back
    summary: Back to the craft.
    builds: [escalation_judgement]
"""  # the second move starts at line 15

QA = """\
id: testing
title: Our QA role
summary: Tests.
skills:
  test_design: {level: 4, importance: 5}
  troubleshooting: {level: 2, importance: 3}
mentor:
  profile: A tester.
"""


def error_of(folder: Path) -> CareerpathError:
    with pytest.raises(CareerpathError) as info:
        load_library(folder)
    return info.value


def test_built_in_lattice_loads(library: Library) -> None:
    moves = library.lattice.moves
    assert moves
    assert all(m.from_ in library.roles and m.to in library.roles for m in moves)
    assert library.lattice.move("support", "testing") is not None


def test_org_lattice_adds_and_replaces_moves(write, library: Library) -> None:
    folder = write("org/lattice.yaml", LATTICE).parent
    merged = load_library(folder).lattice
    own = merged.move("support", "testing")
    assert own is not None and own.summary == "Our own route into QA."
    assert own.onet is None  # replaced whole, not field by field
    assert merged.move("consulting", "support") is not None
    built_in = {(m.from_, m.to) for m in library.lattice.moves}
    assert {(m.from_, m.to) for m in merged.moves} == built_in | {("consulting", "support")}


def test_org_lattice_may_name_the_organisations_own_roles(write) -> None:
    write("org/qa-lead.yaml", QA.replace("id: testing", "id: qa-lead"))
    text = LATTICE.replace("    to: testing", "    to: qa-lead")
    merged = load_library(write("org/lattice.yaml", text).parent).lattice
    assert merged.move("support", "qa-lead") is not None


def test_built_in_moves_fit_a_replaced_role(write, library: Library) -> None:
    folder = write("org/testing.yaml", QA).parent
    fitted = load_library(folder).lattice.move("support", "testing")
    original = library.lattice.move("support", "testing")
    assert fitted is not None and original is not None
    assert fitted.builds == ["test_design"]
    assert fitted.carries == ["troubleshooting"]
    assert fitted.bridges == original.bridges
    report = validate_paths([ROOT / "roles", folder], load_library(folder))
    assert report.errors == []


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        (
            "    to: support\n",
            "    to: suport\n",
            16,
            "unknown role 'suport'; did you mean 'support'?",
        ),
        (
            "    kind: step-back\n",
            "    kind: sideways\n",
            17,
            "moves.1.kind must be one of 'step-up', 'lateral', 'diagonal' or 'step-back',"
            " got 'sideways'",
        ),
        (
            "  - from: consulting\n",
            "  - form: consulting\n",
            15,
            "moves.1.form is not a known field; did you mean 'from'?",
        ),
        (
            "        weeks: 4\n",
            "        weeks: 0\n",
            13,
            "moves.0.bridges.0.weeks must be 1 to 52, got 0",
        ),
        (
            "      - kind: secondment\n",
            "      - kind: sabbatical\n",
            9,
            "moves.0.bridges.0.kind must be one of 'shadowing', 'secondment', 'trial-project' or"
            " 'apprenticeship', got 'sabbatical'",
        ),
        (
            "    builds: [escalation_judgement]\n",
            "    builds: [escalation_judgement]\n    onet: Primary\n",
            20,
            "moves.1.onet must be one of 'Primary-Short', 'Primary-Long' or 'Supplemental',"
            " got 'Primary'",
        ),
        (
            "    builds: [test_design]\n",
            "    builds: [people_leadership]\n",
            7,
            "moves.0.builds lists people_leadership, which testing does not ask for",
        ),
    ],
)
def test_org_lattice_errors_name_the_file_and_line(
    write, old: str, new: str, line: int, message: str
) -> None:
    assert LATTICE.count(old) == 1, old
    path = write("org/lattice.yaml", LATTICE.replace(old, new))
    error = error_of(path.parent)
    assert isinstance(error, DataError)
    assert f"{error.file}:{error.line}: {error.message}" == f"{path}:{line}: {message}"
    assert "\n" not in str(error)


def test_validate_lists_every_problem_of_a_lattice(write, library: Library) -> None:
    text = LATTICE.replace("to: testing", "to: testng").replace("to: support", "to: suport")
    report = validate_paths([write("org/lattice.yaml", text)], library)
    assert [(e.line, e.message.split(";")[0]) for e in report.errors] == [
        (3, "unknown role 'testng'"),
        (16, "unknown role 'suport'"),
    ]
