"""The O*NET importer on real O*NET files: every shipped occupation, and each kind of bad input."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from careerpath.core.model import Role
from careerpath.edges.load import Library, load_library
from careerpath.edges.onet import SKILLS, import_role, read_occupation
from careerpath.errors import CareerpathError, UsageError
from tests.helpers import ONET
from tests.onet_agreement import agreements

with (ONET / "Occupation Data.txt").open(encoding="utf-8") as _stream:
    CODES = [row["O*NET-SOC Code"] for row in csv.DictReader(_stream, delimiter="\t")]


def test_the_sample_has_fourteen_occupations() -> None:
    assert len(CODES) == 14


@pytest.mark.parametrize("code", CODES)
def test_every_shipped_occupation_gives_a_draft_that_loads(
    code: str, library: Library, tmp_path: Path
) -> None:
    result, text = import_role(ONET, code, library)
    assert result.kept and all(1 <= k.level <= 5 for k in result.kept)
    assert all(k.rating.importance is not None and k.rating.importance >= 2 for k in result.kept)
    assert f"onet: {{code: {code}," in text
    assert "USDOL/ETA" in text and "To write by hand" in text
    path = tmp_path / f"{result.id}.yaml"
    path.write_text(text, encoding="utf-8")
    merged = load_library(tmp_path)  # it loads as an organisation's profile
    role = merged.role(result.id)
    assert isinstance(role, Role) and role.onet is not None and role.onet.code == code
    assert {k: (r.level, r.importance) for k, r in role.skills.items()} == {
        k.skill: (k.level, k.importance) for k in result.kept
    }


def test_not_relevant_and_suppressed_ratings_are_handled(library: Library) -> None:
    sales, text = import_role(ONET, "11-2022.00", library)  # Troubleshooting: Not Relevant
    assert ("troubleshooting", "not relevant") in [(d.skill, d.why) for d in sales.dropped]
    assert "troubleshooting (not relevant)" in " ".join(text.split("\n#")[:40])
    _, text = import_role(ONET, "15-1252.00", library)  # Programming: suppressed
    line = next(line for line in text.splitlines() if line.startswith("  scripting:"))
    assert "Programming (2.B.3.e): LV" in line and "rated 08/20" in line
    assert "Recommend Suppress" in line


def test_skills_without_an_element_are_to_write_by_hand(library: Library) -> None:
    result, text = import_role(ONET, "15-1232.00", library)
    unlinked = [s for s, skill in library.catalogue.skills.items() if skill.onet is None]
    assert list(result.unlinked) == unlinked
    header = text.split("\nid: ")[0]
    for skill in unlinked:
        assert skill in header


def test_reading_the_occupation_data(library: Library) -> None:
    occupation = read_occupation(ONET, "15-1253.00")
    assert occupation.title == "Software Quality Assurance Analysts and Testers"
    assert occupation.description
    troubleshooting = occupation.ratings["2.B.3.k"]
    assert troubleshooting.name == "Troubleshooting"
    assert troubleshooting.importance is not None and troubleshooting.level is not None
    assert "2.C.3.a" in occupation.ratings  # Knowledge rows too


def test_the_mapping_agrees_with_the_hand_written_profiles(library: Library) -> None:
    """Ranks agree better than LV x 5/7 does; levels stay within a level of the profiles'."""
    rows = agreements(library)
    assert len(rows) == len([r for r in library.roles.values() if r.onet])
    mean = lambda values: sum(values) / len(values)  # noqa: E731
    assert mean([r.rho for r in rows]) >= mean([r.rho_scaled for r in rows])
    assert mean([r.mad for r in rows]) <= 0.8
    assert all(r.rho >= 0.2 for r in rows), [(r.role, round(r.rho, 2)) for r in rows]
    assert mean([r.importance for r in rows]) <= mean([r.importance_spread for r in rows])


# --- bad input: one line each ----------------------------------------------------------------


@pytest.fixture
def onet(tmp_path: Path) -> Path:
    folder = tmp_path / "onet"
    shutil.copytree(ONET, folder)
    return folder


def message_of(folder: Path, code: str = "15-1232.00") -> CareerpathError:
    with pytest.raises(CareerpathError) as info:
        read_occupation(folder, code)
    assert "\n" not in str(info.value)
    return info.value


def test_an_unknown_code_suggests_a_close_one(onet: Path) -> None:
    error = message_of(onet, "15-1232.01")
    assert isinstance(error, UsageError)
    assert str(error) == (
        f"{onet / 'Occupation Data.txt'}: unknown O*NET-SOC code '15-1232.01' in this file;"
        " did you mean 15-1232.00?"
    )
    far = message_of(onet, "99-9999.00")
    assert far.message.endswith("O*NET OnLine's search finds the code")


def test_a_code_in_the_wrong_form_is_a_usage_error(onet: Path) -> None:
    error = message_of(onet, "151232")
    assert isinstance(error, UsageError) and error.option == "code"
    assert error.message == "{option} must be an O*NET-SOC code like 15-1232.00, got '151232'"


def test_a_missing_folder_or_file(onet: Path) -> None:
    assert message_of(onet / "nope").message.startswith("the O*NET folder does not exist")
    (onet / "Knowledge.txt").unlink()
    error = message_of(onet)
    assert error.file == onet / "Knowledge.txt"
    assert error.message == (
        "no such file; the O*NET text database (db_30_x_text) has Skills.txt, Knowledge.txt"
        " and Occupation Data.txt"
    )


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb5\x8f",
            None,
            "not O*NET's text format (not UTF-8 text); use the text files of the database"
            " (db_30_x_text), not the Excel ones",
        ),
        (
            b"O*NET-SOC Code,Element ID,Element Name,Scale ID,Data Value\n",
            1,
            "not O*NET's text format: the first line must be its tab-separated header (no column"
            " 'O*NET-SOC Code'); use the text files of the database (db_30_x_text), not the"
            " Excel or SQL ones",
        ),
        (b"", 1, None),
    ],
)
def test_a_file_in_another_format(
    onet: Path, content: bytes, line: int | None, message: str | None
) -> None:
    (onet / SKILLS).write_bytes(content)
    error = message_of(onet)
    assert error.file == onet / SKILLS and error.line == line
    if message is not None:
        assert error.message == message
    else:
        assert error.message.startswith("not O*NET's text format")


def test_a_damaged_row_names_its_line(onet: Path) -> None:
    lines = (onet / SKILLS).read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, text in enumerate(lines) if text.startswith("15-1232.00\t2.A.1.a\t"))
    broken = lines[number].split("\t")
    lines[number] = "\t".join([*broken[:4], "high", *broken[5:]])
    (onet / SKILLS).write_text("".join(lines), encoding="utf-8")
    error = message_of(onet)
    assert (error.line, error.message) == (
        number + 1,
        "Data Value must be a number, got 'high'; is the file unedited?",
    )
    lines[number] = "15-1232.00\t2.A.1.a\tReading Comprehension\n"
    (onet / SKILLS).write_text("".join(lines), encoding="utf-8")
    assert message_of(onet).message == (
        "has 3 tab-separated fields where the header has 13; is the file complete and unedited?"
    )


def test_an_occupation_without_ratings(onet: Path) -> None:
    with (onet / "Occupation Data.txt").open("a", encoding="utf-8") as stream:
        stream.write("11-9199.00\tManagers, All Other\tAll managers not listed separately.\n")
    error = message_of(onet, "11-9199.00")
    assert error.message == (
        "O*NET has no skill or knowledge ratings for 11-9199.00 (Managers, All Other) in these"
        " files; choose an occupation O*NET has rated"
    )
