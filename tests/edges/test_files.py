"""Every file format's failure modes, each with the exact one-line message a person would see.

str(error) is the `FILE:LINE: message` part of `careerpath: error: FILE:LINE: message`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from careerpath.core import checks
from careerpath.edges import limits
from careerpath.edges.load import (
    DataError,
    Library,
    load_catalogue_file,
    load_inventory,
    load_library,
    load_role_file,
)
from careerpath.errors import CareerpathError, UsageError
from tests.helpers import ROOT

ROLES = ROOT / "roles"
EXAMPLE = ROOT / "examples" / "support-analyst.yaml"
SHIPPED_ROLES = sorted(
    p for p in ROLES.glob("*.yaml") if p.name not in ("skills.yaml", "lattice.yaml")
)

# Base documents; the comments give the line numbers the cases below rely on.
ROLE = """\
id: qa
title: QA analyst
summary: Tests the product before customers meet it.
skills:
  test_design: {level: 3, importance: 5}
  troubleshooting: {level: 2, importance: 4}
mentor:
  profile: A senior tester who likes teaching.
"""  # appended lines start at line 9

INVENTORY = """\
person: Sam Rivera
date: 2026-11-02
current_role: support
targets: [testing]
ratings:
  troubleshooting: 3
  scripting: {level: 1, evidence: Halfway through a Python course}
"""  # appended lines start at line 8

CATALOGUE = """\
categories:
  technical: Technical
skills:
  widgets:
    name: Widget repair
    category: technical
    description: Mending the widgets customers send back.
    levels:
      0: Has not repaired a widget.
      1: Knows what a widget is for.
      2: Repairs common faults with a checklist.
      3: Repairs any widget alone.
      4: Repairs the hardest widgets and coaches others.
      5: Sets how the organisation repairs widgets.
    steps:
      1: {do: Watch a repair, evidence: Notes on one repair}
      2: {do: Repair with help, evidence: Five repairs reviewed}
      3: {do: Repair alone, evidence: Ten repairs}
      4: {do: Coach a colleague, evidence: A colleague repairs alone}
      5: {do: Write the repair guide, evidence: The guide in use}
"""  # appended lines start at line 21

LOWERCASE_ID = "must be a lowercase id (letters, digits and _, like test_design)"
ROLE_ID = "must be a lowercase role id (letters, digits, _ and -, like support-engineer)"
ROLE_FIELDS = "add it (careerpath schema role lists the fields)"
INVENTORY_FIELDS = "add it (careerpath schema inventory lists the fields)"
CATALOGUE_FIELDS = "add it (careerpath schema catalogue lists the fields)"
RATING = "must be a level 0 to 5, n/a or unsure"


def edit(base: str, old: str, new: str) -> str:
    """`base` with `old` (which must occur exactly once) replaced by `new`."""
    assert base.count(old) == 1, f"test data out of date: {old!r}"
    return base.replace(old, new)


def error_of(call: Callable[[], object]) -> CareerpathError:
    with pytest.raises(CareerpathError) as info:
        call()
    return info.value


def assert_error(error: CareerpathError, path: Path, line: int | None, message: str) -> None:
    where = f"{path}:{line}" if line else f"{path}"
    assert str(error) == f"{where}: {message}"
    assert "\n" not in str(error)
    assert not isinstance(error, UsageError)


# --- failures every format shares ------------------------------------------------------

Loader = Callable[[Path, Library], object]
LOADERS: dict[str, tuple[str, Loader]] = {
    "role": ("qa.yaml", lambda path, lib: load_role_file(path, lib.catalogue)),
    "inventory": ("inv.yaml", lambda path, lib: load_inventory(path, lib)),
    "catalogue": ("skills.yaml", lambda path, lib: load_catalogue_file(path)),
    "org-role": ("org/qa.yaml", lambda path, lib: load_library(path.parent)),
    "org-catalogue": ("org/skills.yaml", lambda path, lib: load_library(path.parent)),
}

NOT_YAML = "not valid YAML: {}; check the indentation and quoting there"
EMPTY = "the file is empty; it needs YAML content"

SHARED_CASES = [
    pytest.param(b"", 1, EMPTY, id="empty"),
    pytest.param("  \n# only a comment\n\n   # and another\n", 1, EMPTY, id="comments-only"),
    pytest.param(
        "name: x\n  other: y\n",
        2,
        NOT_YAML.format("mapping values are not allowed in this context"),
        id="bad-indentation",
    ),
    pytest.param(
        "name: x\nlist:\n  a: 1\n b: 2\n",
        4,
        NOT_YAML.format("did not find expected key"),
        id="dedented-key",
    ),
    pytest.param(
        "name: x\n\tother: y\n",
        2,
        "not valid YAML: found a tab character that violates indentation;"
        " indent with spaces, not tabs",
        id="tab",
    ),
    pytest.param(
        "name: [a, b\nother: y\n",
        2,
        NOT_YAML.format("did not find expected ',' or ']'"),
        id="unclosed-bracket",
    ),
    pytest.param(
        "name: x\n---\nname: y\n",
        2,
        "holds more than one YAML document (a second --- line); keep only one",
        id="two-documents",
    ),
    pytest.param(
        "name: *anchor\n",
        1,
        "uses an alias (*name) that is not defined above it; define it with &name first",
        id="bad-alias",
    ),
    pytest.param(
        "name: x\nother: caf\xe9\n".encode("latin-1"),
        2,
        "not UTF-8 text (byte 0xe9); save the file as UTF-8",
        id="latin-1",
    ),
    pytest.param(
        b"\xff\xfe" + "name: x\n".encode("utf-16-le"),
        1,
        "not UTF-8 text (byte 0xff); save the file as UTF-8",
        id="utf-16",
    ),
    pytest.param(
        "name: x\nother: y\nname: z\n",
        3,
        "duplicate key 'name' (first at line 1); keep only one",
        id="duplicate-key",
    ),
    pytest.param(
        "outer:\n  a: 1\n  b: 2\n  a: 3\n",
        4,
        "duplicate key 'a' (first at line 2); keep only one",
        id="duplicate-nested-key",
    ),
    pytest.param(
        "? [a, b]\n: c\n",
        1,
        "a key must be a plain word or number, not a list or mapping",
        id="list-as-key",
    ),
    pytest.param(
        "- a\n- b\n", 1, "the file must be a mapping of key: value lines, got a list", id="a-list"
    ),
    pytest.param(
        "just some words\n",
        1,
        "the file must be a mapping of key: value lines, got 'just some words'",
        id="a-sentence",
    ),
]


@pytest.mark.parametrize("kind", list(LOADERS))
@pytest.mark.parametrize(("content", "line", "message"), SHARED_CASES)
def test_unreadable_file_gives_one_line(
    write, library: Library, kind: str, content: str | bytes, line: int, message: str
) -> None:
    name, load = LOADERS[kind]
    path = write(name, content)
    assert_error(error_of(lambda: load(path, library)), path, line, message)


LIMIT_CASES = [
    pytest.param(
        "name: x\n1: a\n1.0: b\n",
        3,
        "duplicate key '1.0' (equal to '1' at line 2); keep only one",
        id="keys-equal-across-types",
    ),
    pytest.param(
        "name: &x [*x]\n",
        1,
        "an alias (*name) here repeats the mapping or list it is inside, which never ends;"
        " write the values out instead",
        id="recursive-alias",
    ),
    pytest.param("name: " + "9" * 4301 + "\n", 1, limits.too_many_digits(4301), id="4301-digits"),
    pytest.param("name: " + "[" * 990 + "]" * 990 + "\n", 1, limits.too_deep(), id="990-deep"),
    pytest.param(
        "name: '" + "x" * (limits.MAX_TEXT + 1) + "'\n",
        1,
        limits.too_long(limits.MAX_TEXT + 1),
        id="long-text",
    ),
    pytest.param(
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(
            f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n"
            for n in range(8)
        ),
        1,
        limits.too_many(),
        id="billion-laughs",
    ),
    pytest.param(
        "name: x\n" + "# padding\n" * (limits.MAX_FILE_BYTES // 10),
        None,
        limits.too_large(),
        id="too-large",
    ),
]


@pytest.mark.parametrize("kind", list(LOADERS))
@pytest.mark.parametrize(("content", "line", "message"), LIMIT_CASES)
def test_a_file_beyond_a_limit_gives_one_line(
    write, library: Library, kind: str, content: str, line: int | None, message: str
) -> None:
    name, load = LOADERS[kind]
    path = write(name, content)
    assert_error(error_of(lambda: load(path, library)), path, line, message)


@pytest.mark.parametrize("kind", ["role", "inventory", "catalogue"])
def test_missing_file(tmp_path: Path, library: Library, kind: str) -> None:
    path = tmp_path / "nosuch.yaml"
    error = error_of(lambda: LOADERS[kind][1](path, library))
    assert_error(error, path, None, "no such file; check the path")


@pytest.mark.parametrize("kind", ["role", "inventory", "catalogue"])
def test_folder_instead_of_file(tmp_path: Path, library: Library, kind: str) -> None:
    folder = tmp_path / "qa.yaml"
    folder.mkdir()
    error = error_of(lambda: LOADERS[kind][1](folder, library))
    assert_error(error, folder, None, "is a folder, not a file; name a .yaml file")


@pytest.mark.parametrize("kind", ["role", "inventory", "catalogue"])
def test_a_named_pipe_is_refused_at_once(tmp_path: Path, library: Library, kind: str) -> None:
    """Opening a FIFO to read waits for a writer: it hung `careerpath team` for ever."""
    pipe = tmp_path / "qa.yaml"
    os.mkfifo(pipe)
    error = error_of(lambda: LOADERS[kind][1](pipe, library))
    message = "is a named pipe, not a regular file; careerpath reads only regular files"
    assert_error(error, pipe, None, message)


def test_a_pipe_swapped_in_after_the_check_is_refused_on_the_open_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is checked again once open (O_NONBLOCK: the open itself cannot hang)."""
    from careerpath.edges import safe_open

    regular = tmp_path / "regular.yaml"
    regular.write_text("x: 1\n", encoding="utf-8")
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    real_stat = os.stat
    monkeypatch.setattr(  # what a check made just before the swap saw
        safe_open.os, "stat", lambda path, *a, **k: real_stat(regular if path == pipe else path)
    )
    with pytest.raises(safe_open.NotRegular, match="a named pipe"):
        safe_open.open_file(pipe)


def test_byte_order_mark_is_accepted(write, library: Library) -> None:
    path = write("inv.yaml", b"\xef\xbb\xbf" + INVENTORY.encode())
    assert load_inventory(path, library).person == "Sam Rivera"


@pytest.mark.parametrize(
    ("content", "line"),
    [
        pytest.param("id: qa\ntitle: 'unclosed\nsummary: x\n", 2, id="single-quote"),
        pytest.param('id: qa\ntitle: "unclosed\nsummary: x\n', 2, id="double-quote"),
        pytest.param("---\n", 1, id="only-a-document-marker"),
    ],
)
def test_error_line_is_inside_the_file(write, library: Library, content: str, line: int) -> None:
    """An unclosed quote is reported where it opens, not after the last line."""
    path = write("qa.yaml", content)
    error = error_of(lambda: load_role_file(path, library.catalogue))
    assert error.line == line


# --- role profiles ---------------------------------------------------------------------

ROLE_CASES = [
    pytest.param(
        edit(ROLE, "test_design:", "test_desing:"),
        5,
        "unknown skill 'test_desing'; did you mean 'test_design'?",
        id="unknown-skill-hint",
    ),
    pytest.param(
        edit(ROLE, "test_design:", "astrology:"),
        5,
        "unknown skill 'astrology'; careerpath roles skills lists them",
        id="unknown-skill-no-hint",
    ),
    pytest.param(
        edit(ROLE, "level: 3", "level: 7"),
        5,
        "skills.test_design.level must be 0 to 5, got 7",
        id="level-too-high",
    ),
    pytest.param(
        edit(ROLE, "level: 2", "level: -1"),
        6,
        "skills.troubleshooting.level must be 0 to 5, got -1",
        id="level-negative",
    ),
    pytest.param(
        edit(ROLE, "level: 3", "level: '3'"),
        5,
        "skills.test_design.level must be a whole number from 0 to 5, got '3'",
        id="level-quoted",
    ),
    pytest.param(
        edit(ROLE, "level: 3", "level: three"),
        5,
        "skills.test_design.level must be a whole number from 0 to 5, got 'three'",
        id="level-word",
    ),
    pytest.param(
        edit(ROLE, "level: 3", "level: 2.5"),
        5,
        "skills.test_design.level must be a whole number from 0 to 5, got 2.5",
        id="level-fraction",
    ),
    pytest.param(
        edit(ROLE, "level: 3", "level: true"),
        5,
        "skills.test_design.level must be a whole number from 0 to 5, got True",
        id="level-boolean",
    ),
    pytest.param(
        edit(ROLE, "importance: 5", "importance: 0"),
        5,
        "skills.test_design.importance must be 1 to 5, got 0",
        id="importance-zero",
    ),
    pytest.param(
        edit(ROLE, "importance: 4", "importance: 6"),
        6,
        "skills.troubleshooting.importance must be 1 to 5, got 6",
        id="importance-too-high",
    ),
    pytest.param(
        edit(ROLE, "{level: 3, importance: 5}", "{importance: 5}"),
        5,
        f"skills.test_design.level is missing; {ROLE_FIELDS}",
        id="requirement-without-level",
    ),
    pytest.param(
        edit(ROLE, "{level: 3, importance: 5}", "{level: 3, importance: 5, weight: 2}"),
        5,
        "skills.test_design.weight is not a known field; careerpath schema role lists the fields",
        id="requirement-unknown-field",
    ),
    pytest.param(
        edit(ROLE, "{level: 3, importance: 5}", "3"),
        5,
        "skills.test_design must be a mapping of key: value lines, got 3",
        id="requirement-is-a-number",
    ),
    pytest.param(
        edit(
            ROLE,
            "skills:\n  test_design: {level: 3, importance: 5}\n"
            "  troubleshooting: {level: 2, importance: 4}\n",
            "skills: [test_design, troubleshooting]\n",
        ),
        4,
        "skills must be a mapping of key: value lines, got a list",
        id="skills-is-a-list",
    ),
    pytest.param(
        edit(
            ROLE,
            "skills:\n  test_design: {level: 3, importance: 5}\n"
            "  troubleshooting: {level: 2, importance: 4}\n",
            "skills: {}\n",
        ),
        4,
        "skills must list at least one entry",
        id="skills-empty",
    ),
    pytest.param(
        edit(ROLE, "  troubleshooting: {level: 2", "  test_design: {level: 2"),
        6,
        "duplicate key 'test_design' (first at line 5); keep only one",
        id="duplicate-skill",
    ),
    pytest.param(
        ROLE + "title: Another title\n",
        9,
        "duplicate key 'title' (first at line 2); keep only one",
        id="duplicate-field",
    ),
    pytest.param(
        edit(ROLE, "title: QA analyst\n", ""),
        1,
        f"title is missing; {ROLE_FIELDS}",
        id="missing-title",
    ),
    pytest.param(
        edit(ROLE, "mentor:\n  profile: A senior tester who likes teaching.\n", ""),
        1,
        f"mentor is missing; {ROLE_FIELDS}",
        id="missing-mentor",
    ),
    pytest.param(
        edit(ROLE, "id: qa\ntitle: QA analyst\n", ""),
        1,
        f"id is missing; {ROLE_FIELDS} (and 1 more; careerpath validate {{path}} lists all)",
        id="missing-two-fields",
    ),
    pytest.param(
        edit(ROLE, "summary: Tests the product before customers meet it.", "summary: ''"),
        3,
        "summary must not be empty",
        id="empty-summary",
    ),
    pytest.param(
        edit(ROLE, "\n  profile: A senior tester who likes teaching.", " a senior tester"),
        7,
        "mentor must be a mapping of key: value lines, got 'a senior tester'",
        id="mentor-is-text",
    ),
    pytest.param(
        ROLE + "credentials: {name: ISTQB}\n",
        9,
        "credentials must be a list (- item lines or [a, b]), got a mapping",
        id="credentials-is-a-mapping",
    ),
    pytest.param(
        ROLE + "influence: be nice\n",
        9,
        "influence must be a list (- item lines or [a, b]), got 'be nice'",
        id="influence-is-text",
    ),
    pytest.param(
        ROLE + "credentails: []\n",
        9,
        "credentails is not a known field; did you mean 'credentials'?",
        id="unknown-field-hint",
    ),
    pytest.param(
        ROLE + "budget: 5000\n",
        9,
        "budget is not a known field; careerpath schema role lists the fields",
        id="unknown-field-no-hint",
    ),
    pytest.param(
        ROLE + "credentials:\n  - name: ISTQB CTFL\n    wy: Widely asked for\n",
        11,
        "credentials.0.wy is not a known field; did you mean 'why'?",
        id="unknown-nested-field-hint",
    ),
    pytest.param(
        ROLE + "relationships:\n  - {who: QA lead, why: Decides who tests}\n",
        10,
        f"relationships.0.ask is missing; {ROLE_FIELDS}",
        id="relationship-without-ask",
    ),
    pytest.param(
        edit(ROLE, "id: qa", "id: testing"),
        1,
        "id 'testing' must match the file name; rename one of them",
        id="id-not-file-name",
    ),
    pytest.param(edit(ROLE, "id: qa", "id: QA"), 1, f"id {ROLE_ID}, got 'QA'", id="id-uppercase"),
    pytest.param(
        edit(ROLE, "id: qa", "id: -qa"), 1, f"id {ROLE_ID}, got '-qa'", id="id-leading-hyphen"
    ),
    pytest.param(
        edit(ROLE, "test_design: {level", "test-design: {level"),
        5,
        f"'test-design' under skills {LOWERCASE_ID}",
        id="skill-id-with-hyphen",
    ),
    pytest.param(
        ROLE + "actions:\n  test_design:\n    4: {do: Lead test design, evidence: A plan}\n",
        11,
        "actions.test_design.4 goes beyond the required level 3; remove it or raise the level",
        id="action-beyond-level",
    ),
    pytest.param(
        ROLE + "actions:\n  scripting:\n    1: {do: Take a course, evidence: Certificate}\n",
        10,
        "actions.scripting is for a skill the role does not list under skills;"
        " add it there or remove the actions",
        id="action-for-unlisted-skill",
    ),
    pytest.param(
        ROLE + "actions:\n  test_design:\n    2: {do: Write test cases}\n",
        11,
        f"actions.test_design.2.evidence is missing; {ROLE_FIELDS}",
        id="action-without-evidence",
    ),
    pytest.param(
        ROLE + "onet: {code: 15-125, title: Testers}\n",
        9,
        "onet.code must be an O*NET-SOC code like 15-1232.00, got '15-125'",
        id="bad-onet-code",
    ),
]


@pytest.mark.parametrize(("text", "line", "message"), ROLE_CASES)
def test_role_file_errors(write, library: Library, text: str, line: int, message: str) -> None:
    path = write("qa.yaml", text)
    error = error_of(lambda: load_role_file(path, library.catalogue))
    assert_error(error, path, line, message.replace("{path}", str(path)))


def test_design_document_example(write, library: Library) -> None:
    """DESIGN.md's example: `test_design: {level: 7, ...}` in testing.yaml, on its own line."""
    text = (ROLES / "testing.yaml").read_text(encoding="utf-8")
    old = "test_design: {level: 3, importance: 5}"
    line = text.splitlines().index(f"  {old}") + 1
    path = write("testing.yaml", edit(text, old, "test_design: {level: 7, importance: 5}"))
    error = error_of(lambda: load_role_file(path, library.catalogue))
    assert_error(error, path, line, "skills.test_design.level must be 0 to 5, got 7")


def test_role_with_a_wrong_file_name(write, library: Library) -> None:
    path = write("quality.yaml", ROLE)
    error = error_of(lambda: load_role_file(path, library.catalogue))
    assert_error(error, path, 1, "id 'qa' must match the file name; rename one of them")


def test_every_problem_is_kept(write, library: Library) -> None:
    path = write("qa.yaml", edit(ROLE, "level: 3", "level: 9") + "budget: 1\n")
    error = error_of(lambda: load_role_file(path, library.catalogue))
    assert isinstance(error, DataError)
    assert [str(p) for p in error.problems] == [
        f"{path}:5: skills.test_design.level must be 0 to 5, got 9",
        f"{path}:9: budget is not a known field; careerpath schema role lists the fields",
    ]
    assert str(error).endswith(f" (and 1 more; careerpath validate {path} lists all)")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        pytest.param(
            "qa.yaml",
            ROLE + "actions:\n  test_design:\n    0: {do: Read about it, evidence: Notes}\n",
            id="action-step-0",
        ),
        pytest.param(
            "org/skills.yaml", edit(CATALOGUE, "      5: Sets", "      6: Sets"), id="level-6"
        ),
        pytest.param(
            "org/skills.yaml",
            edit(CATALOGUE, "      2: Repairs", "      two: Repairs"),
            id="level-word",
        ),
    ],
)
def test_numeric_keys_are_not_called_ids(write, library: Library, name: str, text: str) -> None:
    path = write(name, text)
    error = error_of(lambda: load_library(path.parent))
    assert "lowercase id" not in str(error)
    assert "0 to 5" in str(error) or "1 to 5" in str(error)


@pytest.mark.parametrize(
    ("name", "text", "field"),
    [
        pytest.param(
            "qa.yaml",
            ROLE + "actions:\n  test_design:\n    2: {do: Write cases, evidnce: Reviewed cases}\n",
            "evidence",
            id="role-action-step",
        ),
        pytest.param(
            "inv.yaml",
            edit(INVENTORY, "evidence: Halfway", "evidense: Halfway"),
            "evidence",
            id="inventory-rating",
        ),
    ],
)
def test_unknown_field_in_nested_mapping_has_hint(
    write, library: Library, name: str, text: str, field: str
) -> None:
    path = write(name, text)
    load = LOADERS["role" if name == "qa.yaml" else "inventory"][1]
    error = error_of(lambda: load(path, library))
    assert isinstance(error, DataError)
    assert any(f"did you mean '{field}'?" in str(p) for p in error.problems)


def test_hint_never_suggests_the_same_name(write, library: Library) -> None:
    """`profile` is a field of mentor, not of the role: suggesting `profile` for it helps nobody."""
    path = write("qa.yaml", ROLE + "profile: A tester\n")
    error = error_of(lambda: load_role_file(path, library.catalogue))
    assert "did you mean 'profile'" not in str(error)


# --- inventories -----------------------------------------------------------------------

INVENTORY_CASES = [
    pytest.param(
        edit(INVENTORY, "troubleshooting: 3", "troubleshootng: 3"),
        6,
        "unknown skill 'troubleshootng'; did you mean 'troubleshooting'?",
        id="unknown-skill-hint",
    ),
    pytest.param(
        INVENTORY + "  astrology: 2\n",
        8,
        "unknown skill 'astrology'; careerpath roles skills lists them",
        id="unknown-skill-no-hint",
    ),
    pytest.param(
        edit(INVENTORY, "[testing]", "[testng]"),
        4,
        "unknown role 'testng'; did you mean 'testing'?",
        id="unknown-target-hint",
    ),
    pytest.param(
        edit(INVENTORY, "[testing]", "[astronaut]"),
        4,
        "unknown role 'astronaut'; careerpath roles lists them",
        id="unknown-target-no-hint",
    ),
    pytest.param(
        edit(INVENTORY, "targets: [testing]", "targets:\n  - testing\n  - devlopment"),
        6,
        "unknown role 'devlopment'; did you mean 'development'?",
        id="unknown-second-target",
    ),
    pytest.param(
        edit(INVENTORY, "[testing]", "testing"),
        4,
        "targets must be a list (- item lines or [a, b]), got 'testing'",
        id="targets-is-text",
    ),
    pytest.param(
        edit(INVENTORY, "Sam Rivera", "42"), 1, "person must be text, got 42", id="person-number"
    ),
    pytest.param(
        edit(INVENTORY, "Sam Rivera", "true"),
        1,
        "person must be text, got True",
        id="person-boolean",
    ),
    pytest.param(
        edit(INVENTORY, "person: Sam Rivera\n", ""),
        1,
        f"person is missing; {INVENTORY_FIELDS}",
        id="missing-person",
    ),
    pytest.param(
        edit(INVENTORY, "date: 2026-11-02\n", ""),
        1,
        f"date is missing; {INVENTORY_FIELDS}",
        id="missing-date",
    ),
    pytest.param(
        edit(INVENTORY, "2026-11-02", "2026-13-45"),
        2,
        "date must be a date like 2026-11-02, got '2026-13-45'",
        id="date-impossible",
    ),
    pytest.param(
        edit(INVENTORY, "2026-11-02", "02/11/2026"),
        2,
        "date must be a date like 2026-11-02, got '02/11/2026'",
        id="date-day-first",
    ),
    pytest.param(
        edit(INVENTORY, "2026-11-02", "yesterday"),
        2,
        "date must be a date like 2026-11-02, got 'yesterday'",
        id="date-word",
    ),
    pytest.param(
        edit(INVENTORY, "troubleshooting: 3", "troubleshooting: 6"),
        6,
        f"ratings.troubleshooting {RATING}, got 6",
        id="rating-too-high",
    ),
    pytest.param(
        edit(INVENTORY, "troubleshooting: 3", "troubleshooting: -1"),
        6,
        f"ratings.troubleshooting {RATING}, got -1",
        id="rating-negative",
    ),
    pytest.param(
        edit(INVENTORY, "troubleshooting: 3", "troubleshooting: '3'"),
        6,
        'ratings.troubleshooting is the text "3" in quotes, not a number; write the level'
        " without the quotes",
        id="rating-quoted",
    ),
    pytest.param(
        edit(INVENTORY, "troubleshooting: 3", 'troubleshooting: {level: "3"}'),
        6,
        'ratings.troubleshooting is the text "3" in quotes, not a number; write the level'
        " without the quotes",
        id="rating-mapping-quoted",
    ),
    pytest.param(
        edit(INVENTORY, "troubleshooting: 3", "troubleshooting: maybe"),
        6,
        f"ratings.troubleshooting {RATING}, got 'maybe'",
        id="rating-word",
    ),
    pytest.param(
        edit(INVENTORY, "troubleshooting: 3", "troubleshooting: no"),
        6,
        f"ratings.troubleshooting {RATING}, got 'no'",
        id="rating-no-is-not-false",
    ),
    pytest.param(
        edit(INVENTORY, "troubleshooting: 3", "troubleshooting: false"),
        6,
        f"ratings.troubleshooting {RATING}, got False",
        id="rating-boolean",
    ),
    pytest.param(
        edit(INVENTORY, "troubleshooting: 3", "troubleshooting: 010"),
        6,
        f"ratings.troubleshooting {RATING}, got 10",
        id="rating-010-is-ten",
    ),
    pytest.param(
        edit(INVENTORY, "troubleshooting: 3", "troubleshooting: [3]"),
        6,
        f"ratings.troubleshooting {RATING}, got [3]",
        id="rating-list",
    ),
    pytest.param(
        edit(INVENTORY, "troubleshooting: 3", "troubleshooting:"),
        6,
        "ratings.troubleshooting is missing; write a level 0 to 5, n/a or unsure after the colon",
        id="rating-blank",
    ),
    pytest.param(
        edit(INVENTORY, "{level: 1, evidence:", "{evidence:"),
        7,
        "ratings.scripting needs a level: 0 to 5, n/a or unsure",
        id="rating-without-level",
    ),
    pytest.param(
        edit(INVENTORY, "{level: 1, evidence:", "{level: 9, evidence:"),
        7,
        f"ratings.scripting {RATING}, got 9",
        id="rating-mapping-too-high",
    ),
    pytest.param(
        edit(INVENTORY, "{level: 1, evidence:", "{level: 1, status: rated, evidence:"),
        7,
        "ratings.scripting has a status field; write level: 0 to 5, n/a or unsure instead",
        id="rating-status-field",
    ),
    pytest.param(
        INVENTORY + "  troubleshooting: 4\n",
        8,
        "duplicate key 'troubleshooting' (first at line 6); keep only one",
        id="duplicate-rating",
    ),
    pytest.param(
        edit(
            INVENTORY,
            "ratings:\n  troubleshooting: 3\n"
            "  scripting: {level: 1, evidence: Halfway through a Python course}\n",
            "ratings: [troubleshooting, scripting]\n",
        ),
        5,
        "ratings must be a mapping of key: value lines, got a list",
        id="ratings-is-a-list",
    ),
    pytest.param(
        edit(INVENTORY, "troubleshooting: 3", "Troubleshooting: 3"),
        6,
        f"'Troubleshooting' under ratings {LOWERCASE_ID}",
        id="rating-key-uppercase",
    ),
    pytest.param(
        INVENTORY + "years_in_role: 70\n",
        8,
        "years_in_role must be at most 60, got 70",
        id="years-too-many",
    ),
    pytest.param(
        INVENTORY + "years_in_role: lots\n",
        8,
        "years_in_role must be a number, got 'lots'",
        id="years-word",
    ),
    pytest.param(
        INVENTORY + "year_in_role: 3\n",
        8,
        "year_in_role is not a known field; did you mean 'years_in_role'?",
        id="unknown-field-hint",
    ),
    pytest.param(
        INVENTORY + "aspiration: Testing\n",
        8,
        "aspiration is not a known field; did you mean 'aspirations'?",
        id="unknown-field-hint-2",
    ),
    pytest.param(  # no did-you-mean 'person': the format has no version at all
        INVENTORY + "version: 2\n",
        8,
        "version is not a field of an inventory: the format has no version, every inventory"
        " is read the same way; remove the line",
        id="version",
    ),
    pytest.param(  # a role profile's key: the levels of an inventory are its ratings
        INVENTORY + "skills:\n  writing: 3\n",
        8,
        "skills is not a field of an inventory (role profiles list skills:); put the levels"
        " under ratings:, one skill a line (troubleshooting: 3)",
        id="skills-instead-of-ratings",
    ),
    pytest.param(  # said instead of "person is missing"
        edit(INVENTORY, "person: Sam Rivera", "name: Sam Rivera"),
        1,
        "name is not a field of an inventory; write whose inventory it is as person: NAME",
        id="name-instead-of-person",
    ),
    pytest.param(
        INVENTORY + "credentials: CompTIA A+\n",
        8,
        "credentials must be a list (- item lines or [a, b]), got 'CompTIA A+'",
        id="credentials-is-text",
    ),
    pytest.param(
        INVENTORY + "credentials: [CompTIA A+, 3]\n",
        8,
        "credentials.1 must be text, got 3",
        id="credential-is-a-number",
    ),
    pytest.param(
        edit(INVENTORY, "current_role: support", "current_role: 3"),
        3,
        "current_role must be text, got 3",
        id="current-role-number",
    ),
]


@pytest.mark.parametrize(("text", "line", "message"), INVENTORY_CASES)
def test_inventory_errors(write, library: Library, text: str, line: int, message: str) -> None:
    path = write("inv.yaml", text)
    error = error_of(lambda: load_inventory(path, library))
    assert_error(error, path, line, message)


def test_inventory_lists_every_unknown_skill(write, library: Library) -> None:
    path = write("inv.yaml", INVENTORY + "  scriptng: 2\n  astrology: 1\n")
    error = error_of(lambda: load_inventory(path, library))
    assert isinstance(error, DataError)
    assert [str(p) for p in error.problems] == [
        f"{path}:8: unknown skill 'scriptng'; did you mean 'scripting'?",
        f"{path}:9: unknown skill 'astrology'; careerpath roles skills lists them",
    ]


def test_duplicate_target_points_at_targets(write, library: Library) -> None:
    path = write("inv.yaml", edit(INVENTORY, "[testing]", "[testing, testing]"))
    error = error_of(lambda: load_inventory(path, library))
    assert error.line == 4


def test_quoted_date_is_a_date(write, library: Library) -> None:
    path = write("inv.yaml", edit(INVENTORY, "2026-11-02", "'2026-11-02'"))
    assert load_inventory(path, library).date == dt.date(2026, 11, 2)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param("~", "person must be text, got nothing", id="null"),
        pytest.param("[Sam, Rivera]", "person must be text, got a list", id="list"),
        pytest.param("{first: Sam}", "person must be text, got a mapping", id="mapping"),
    ],
)
def test_type_names_are_plain_words(write, library: Library, value: str, message: str) -> None:
    path = write("inv.yaml", edit(INVENTORY, "Sam Rivera", value))
    error = error_of(lambda: load_inventory(path, library))
    assert_error(error, path, 1, message)


# --- YAML 1.1 surprises and rating short forms ---------------------------------------------


@pytest.mark.parametrize("word", ["no", "yes", "off", "on", "n", "y", "No", "NO"])
def test_yaml_11_booleans_stay_text(write, library: Library, word: str) -> None:
    text = edit(INVENTORY, "Sam Rivera", word)
    text = edit(text, "current_role: support", f"current_role: {word}")
    inventory = load_inventory(write("inv.yaml", text), library)
    assert inventory.person == word
    assert inventory.current_role == word


def test_leading_zero_is_decimal(write, library: Library) -> None:
    path = write("inv.yaml", INVENTORY + "years_in_role: 010\n")
    assert load_inventory(path, library).years_in_role == 10


def test_plain_date_is_a_date(write, library: Library) -> None:
    assert load_inventory(write("inv.yaml", INVENTORY), library).date == dt.date(2026, 11, 2)


@pytest.mark.parametrize(
    ("written", "level", "status", "evidence"),
    [
        ("0", 0, "rated", ""),
        ("3", 3, "rated", ""),
        ("5", 5, "rated", ""),
        ("04", 4, "rated", ""),
        ("n/a", None, "n/a", ""),
        ("N/A", None, "n/a", ""),
        ("na", None, "n/a", ""),
        ("not applicable", None, "n/a", ""),
        ("unsure", None, "unsure", ""),
        ("not sure", None, "unsure", ""),
        ("'?'", None, "unsure", ""),
        ("{level: 4, evidence: Ticket 51937}", 4, "rated", "Ticket 51937"),
        ("{level: 0, evidence: Never done it}", 0, "rated", "Never done it"),
        ("{level: n/a, evidence: Not in my job}", None, "n/a", "Not in my job"),
        ("{level: unsure}", None, "unsure", ""),
    ],
)
def test_rating_short_forms(
    write, library: Library, written: str, level: int | None, status: str, evidence: str
) -> None:
    text = edit(INVENTORY, "troubleshooting: 3", f"troubleshooting: {written}")
    rating = load_inventory(write("inv.yaml", text), library).ratings["troubleshooting"]
    assert (rating.level, rating.status, rating.evidence) == (level, status, evidence)
    assert rating.comparable_level == {"rated": level, "n/a": 0, "unsure": None}[status]


def test_the_c_loader_is_used_when_pyyaml_has_it(
    write, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libyaml's composer when PyYAML is built with it (the usual wheels), else the pure one."""
    import yaml

    expected = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    used = []
    compose = yaml.compose

    def spy(stream: str, Loader: type) -> object:
        used.append(Loader)
        return compose(stream, Loader=Loader)

    monkeypatch.setattr(yaml, "compose", spy)
    load_inventory(write("inv.yaml", INVENTORY), library)
    assert len(used) == 1
    assert issubclass(used[0], expected)


# --- the skill catalogue (in an organisation's folder, checked as the built-in one is) ------

CATALOGUE_CASES = [
    pytest.param(
        edit(CATALOGUE, "      5: Sets how the organisation repairs widgets.\n", ""),
        8,
        "skills.widgets.levels needs a descriptor for every level 0 to 5; missing 5",
        id="missing-level-descriptor",
    ),
    pytest.param(
        edit(
            edit(CATALOGUE, "      0: Has not repaired a widget.\n", ""),
            "      3: Repairs any widget alone.\n",
            "",
        ),
        8,
        "skills.widgets.levels needs a descriptor for every level 0 to 5; missing 0, 3",
        id="missing-two-descriptors",
    ),
    pytest.param(
        edit(CATALOGUE, "      5: {do: Write the repair guide, evidence: The guide in use}\n", ""),
        15,
        "skills.widgets.steps needs an action for every step 1 to 5; missing 5",
        id="missing-step",
    ),
    pytest.param(
        edit(CATALOGUE, "      3: Repairs any widget alone.", "      3: ''"),
        12,
        "skills.widgets.levels.3 must not be empty",
        id="empty-descriptor",
    ),
    pytest.param(
        edit(CATALOGUE, "      4: Repairs the hardest", "      3: Repairs the hardest"),
        13,
        "duplicate key '3' (first at line 12); keep only one",
        id="duplicate-level",
    ),
    pytest.param(
        edit(CATALOGUE, "category: technical", "category: technicl"),
        6,
        "unknown category 'technicl'; did you mean 'technical'?",
        id="unknown-category-hint",
    ),
    pytest.param(
        edit(CATALOGUE, "category: technical", "category: astrology"),
        6,
        "unknown category 'astrology'; categories: lists them",
        id="unknown-category-no-hint",
    ),
    pytest.param(
        edit(CATALOGUE, "    name: Widget repair\n", ""),
        4,
        f"skills.widgets.name is missing; {CATALOGUE_FIELDS}",
        id="missing-name",
    ),
    pytest.param(
        edit(CATALOGUE, "    description: Mending", "    onet: 2.B.3.k\n    descriptoin: Mending"),
        8,
        "skills.widgets.descriptoin is not a known field; did you mean 'description'?",
        id="misspelt-field",
    ),
    pytest.param(
        CATALOGUE + "skils: {}\n",
        21,
        "skils is not a known field; did you mean 'skills'?",
        id="unknown-top-level-field",
    ),
    pytest.param(
        edit(CATALOGUE, "evidence: Notes on one repair}", "evidence: Notes, who: me}"),
        16,
        "skills.widgets.steps.1.who is not a known field;"
        " careerpath schema catalogue lists the fields",
        id="unknown-step-field",
    ),
    pytest.param(
        edit(CATALOGUE, "  widgets:", "  Widgets:"),
        4,
        f"'Widgets' under skills {LOWERCASE_ID}",
        id="skill-id-uppercase",
    ),
    pytest.param(
        edit(
            CATALOGUE,
            "      0: Has not repaired a widget.\n      1: Knows what a widget is for.\n"
            "      2: Repairs common faults with a checklist.\n      3: Repairs any widget alone.\n"
            "      4: Repairs the hardest widgets and coaches others.\n"
            "      5: Sets how the organisation repairs widgets.\n",
            "      - Has not repaired a widget.\n",
        ),
        8,
        "skills.widgets.levels must be a mapping of key: value lines, got a list",
        id="levels-is-a-list",
    ),
]


@pytest.mark.parametrize(("text", "line", "message"), CATALOGUE_CASES)
def test_catalogue_errors(write, text: str, line: int, message: str) -> None:
    path = write("org/skills.yaml", text)
    error = error_of(lambda: load_library(path.parent))
    assert_error(error, path, line, message.replace("{path}", str(path)))


def test_catalogue_shape_error_without_a_library(write) -> None:
    path = write("skills.yaml", edit(CATALOGUE, "  widgets:", "  Widgets:"))
    assert_error(
        error_of(lambda: load_catalogue_file(path)),
        path,
        4,
        f"'Widgets' under skills {LOWERCASE_ID}",
    )


def test_catalogue_bad_onet_element(write) -> None:
    path = write("org/skills.yaml", edit(CATALOGUE, "    levels:", "    onet: abc\n    levels:"))
    error = error_of(lambda: load_library(path.parent))
    assert "lowercase id" not in str(error)


# --- an organisation's folder ----------------------------------------------------------

WIDGET_ROLE = """\
id: repairs
title: Widget repair technician
summary: Mends what customers send back.
skills:
  widgets: {level: 3, importance: 5}
  troubleshooting: {level: 3, importance: 4}
mentor:
  profile: The repair shop lead.
"""


def test_org_folder_adds_a_skill_and_a_role(write, library: Library) -> None:
    write("org/skills.yaml", CATALOGUE)
    role_path = write("org/repairs.yaml", WIDGET_ROLE)
    merged = load_library(role_path.parent)
    assert set(merged.roles) == set(library.roles) | {"repairs"}
    assert set(merged.catalogue.skills) == set(library.catalogue.skills) | {"widgets"}
    assert merged.role("repairs").skills["widgets"].level == 3
    assert merged.sources["repairs"] == role_path


def test_hyphenated_role_id_loads_and_can_be_a_target(write) -> None:
    role = edit(edit(ROLE, "id: qa", "id: support-engineer"), "QA analyst", "Support engineer")
    folder = write("org/support-engineer.yaml", role).parent
    merged = load_library(folder)
    assert merged.role("support-engineer").title == "Support engineer"
    path = write("inv.yaml", edit(INVENTORY, "targets: [testing]", "targets: [support-engineer]"))
    assert load_inventory(path, merged).targets == ["support-engineer"]


def test_org_skill_may_use_a_new_category(write, library: Library) -> None:
    text = edit(CATALOGUE, "  technical: Technical", "  workshop: Workshop")
    write("org/skills.yaml", edit(text, "category: technical", "category: workshop"))
    merged = load_library(write("org/repairs.yaml", WIDGET_ROLE).parent)
    assert merged.catalogue.categories["workshop"] == "Workshop"
    assert set(library.catalogue.categories) < set(merged.catalogue.categories)


def test_org_role_overrides_built_in_role(write, library: Library) -> None:
    text = edit(edit(ROLE, "id: qa", "id: testing"), "title: QA analyst", "title: Our QA role")
    path = write("org/testing.yaml", text)
    merged = load_library(path.parent)
    assert set(merged.roles) == set(library.roles)
    assert merged.role("testing").title == "Our QA role"
    assert merged.sources["testing"] == path
    assert library.role("testing").title != "Our QA role"


def test_org_role_without_org_catalogue_cannot_use_new_skill(write) -> None:
    path = write("org/repairs.yaml", WIDGET_ROLE)
    error = error_of(lambda: load_library(path.parent))
    assert_error(error, path, 5, "unknown skill 'widgets'; careerpath roles skills lists them")


def test_broken_org_role_names_its_own_file(write) -> None:
    write("org/skills.yaml", CATALOGUE)
    write("org/repairs.yaml", WIDGET_ROLE)
    path = write("org/qa.yaml", edit(ROLE, "level: 3", "level: 7"))
    error = error_of(lambda: load_library(path.parent))
    assert_error(error, path, 5, "skills.test_design.level must be 0 to 5, got 7")


def test_org_folder_ignores_other_files(write, library: Library) -> None:
    write("org/README.md", "# our roles\n")
    path = write("org/notes.txt", "not: [yaml\n")
    assert set(load_library(path.parent).roles) == set(library.roles)


@pytest.mark.parametrize("make", ["missing", "file"])
def test_org_folder_must_be_a_folder(tmp_path: Path, make: str) -> None:
    org = tmp_path / "org"
    if make == "file":
        org.write_text("id: qa\n")
    error = error_of(lambda: load_library(org))
    problem = "is not a folder" if make == "file" else "does not exist"
    assert str(error) == (
        f"{org}: the roles folder {problem}; check the roles_dir option or CAREERPATH_ROLES"
    )
    assert isinstance(error, UsageError)


# --- every shipped file loads ------------------------------------------------------------


def test_built_in_library(library: Library) -> None:
    assert set(library.roles) == {p.stem for p in SHIPPED_ROLES}
    assert len(library.roles) == len(SHIPPED_ROLES)  # one role per file, none read twice
    for role_id, source in library.sources.items():
        assert source.resolve() == (ROLES / f"{role_id}.yaml").resolve()


def test_built_in_catalogue_is_complete() -> None:
    _, catalogue = load_catalogue_file(ROLES / "skills.yaml")
    assert catalogue.skills
    assert checks.check_catalogue(catalogue) == []
    for skill in catalogue.skills.values():
        assert sorted(skill.levels) == [0, 1, 2, 3, 4, 5]
        assert sorted(skill.steps) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("path", SHIPPED_ROLES, ids=lambda p: p.stem)
def test_shipped_role_loads(library: Library, path: Path) -> None:
    role = load_role_file(path, library.catalogue)
    assert role.id == path.stem
    assert set(role.skills) <= set(library.catalogue.skills)


def test_example_inventory_loads(library: Library) -> None:
    inventory = load_inventory(EXAMPLE, library)
    assert inventory.person == "Megan Doyle"
    assert inventory.date == dt.date(2026, 11, 2)
    assert inventory.targets == ["testing", "development"]
    assert set(inventory.ratings) <= set(library.catalogue.skills)
    assert inventory.ratings["people_leadership"].status == "n/a"
    assert inventory.ratings["business_acumen"].status == "unsure"
    assert inventory.ratings["troubleshooting"].level == 4
    assert inventory.ratings["troubleshooting"].evidence.startswith("Ticket 51937")
