"""Shared fixtures: a clean environment, the built-in library, and a file writer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from careerpath.edges.load import Library, load_library

WriteFile = Callable[[str, "str | bytes"], Path]


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, _session_cache: Path) -> None:
    """A developer's own CAREERPATH_* settings must not leak into the tests, nor their cache."""
    monkeypatch.delenv("CAREERPATH_ROLES", raising=False)
    monkeypatch.delenv("CAREERPATH_HOME", raising=False)
    monkeypatch.setenv("CAREERPATH_CACHE", str(_session_cache))


@pytest.fixture(scope="session")
def library() -> Library:
    """The built-in catalogue and roles, loaded once (the models are frozen)."""
    return load_library()


@pytest.fixture
def write(tmp_path: Path) -> WriteFile:
    """write("org/qa.yaml", text or bytes) -> the path of the new file under tmp_path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


ORG_ROLE = """\
id: qa_lead
title: QA lead (our organisation)
summary: Leads testing for one product line.
skills:
  test_design: {level: 4, importance: 5}
mentor:
  profile: The head of quality.
"""


@pytest.fixture
def org(write: WriteFile) -> Path:
    """An organisation's folder that adds one role, qa_lead."""
    return write("org/qa_lead.yaml", ORG_ROLE).parent
