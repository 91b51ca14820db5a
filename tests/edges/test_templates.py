"""Rendering: the shipped plan template against a golden file, and template failures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careerpath.edges import locations
from careerpath.edges.load import load_library
from careerpath.edges.templates import render
from careerpath.errors import CareerpathError
from tests.helpers import GOLDEN, example_plan

UPDATE = os.environ.get("CAREERPATH_UPDATE_GOLDEN") == "1"


def shipped_plan(role_id: str) -> str:
    library = load_library()
    plan = example_plan(library, role_id)
    return render(
        library.template_dirs, "plan.md.j2", {"plan": plan, "catalogue": library.catalogue}
    )


@pytest.mark.parametrize("role_id", ["testing", "development"])
def test_plan_matches_golden_file(role_id: str) -> None:
    """Set CAREERPATH_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change."""
    text = shipped_plan(role_id)
    golden = GOLDEN / f"plan-{role_id}.md"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_plan_has_every_section_and_the_formulas() -> None:
    text = shipped_plan("testing")
    for heading in [
        "## Summary",
        "## Strengths to build on",
        "## Top gaps and how to close them",
        "## Mentor",
        "## Relationships",
        "## Timeline",
        "### Check-ins every 14 days",
    ]:
        assert heading in text
    assert "priority = gap x importance" in text
    assert "weight = importance² x (1 + the levels the role adds beyond your baseline)" in text
    assert "measured from your current role's profile (support)" in text
    header = "| # | Role | Readiness | Effort | Not yet |"
    assert f"Readiness for every role, closest first:\n\n{header}" in text
    assert "O*NET 30.x" in text


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_variable_fails_with_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "t.md.j2", "line one\n{{ plan.nosuch }}\n")
    with pytest.raises(CareerpathError) as caught:
        render([tmp_path], "t.md.j2", {"plan": {"person": "x"}})
    assert caught.value.line == 2
    assert "nosuch" in caught.value.message


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "t.md.j2", "ok\nok\n{% for x in %}\n")
    with pytest.raises(CareerpathError) as caught:
        render([tmp_path], "t.md.j2", {})
    assert caught.value.line == 3
    assert str(caught.value.file).endswith("t.md.j2")


def test_sandbox_refuses_python_internals(tmp_path: Path) -> None:
    write(tmp_path, "t.md.j2", "{{ plan.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(CareerpathError) as caught:
        render([tmp_path], "t.md.j2", {"plan": object()})
    assert "sandbox" in caught.value.message or "unsafe" in caught.value.message


def test_html_templates_are_autoescaped(tmp_path: Path) -> None:
    write(tmp_path, "t.html.j2", "<p>{{ name }}</p>\n")
    out = render([tmp_path], "t.html.j2", {"name": "<script>alert(1)</script>"})
    assert out == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"


def test_first_folder_wins(tmp_path: Path) -> None:
    write(tmp_path / "org", "plan.md.j2", "organisation's own\n")
    out = render([tmp_path / "org", locations.builtin("templates")], "plan.md.j2", {})
    assert out == "organisation's own\n"


def test_only_the_built_in_folder_is_trusted(tmp_path: Path) -> None:
    from jinja2.sandbox import SandboxedEnvironment

    from careerpath.edges.templates import environment

    builtin = locations.builtin("templates")
    assert not isinstance(environment([builtin]), SandboxedEnvironment)
    assert isinstance(environment([tmp_path, builtin]), SandboxedEnvironment)
    assert isinstance(environment([tmp_path]), SandboxedEnvironment)


def test_only_careerpath_s_own_templates_are_compiled_ahead(tmp_path: Path) -> None:
    """A batch compiles its template once before its workers start (templates.preload); another's
    template is compiled only when it renders, within its budgets."""
    from careerpath.edges.templates import environment, preload

    builtin = locations.builtin("templates")
    own = environment([builtin])
    preload(own, "plan.md.j2")
    preload(own, "no-such.md.j2")  # left for render to report
    assert own.cache is not None and len(own.cache) == 1
    write(tmp_path, "plan.md.j2", "{{ plan.person }}\n")
    theirs = environment([tmp_path, builtin])
    preload(theirs, "plan.md.j2")
    assert theirs.cache is not None and len(theirs.cache) == 0
