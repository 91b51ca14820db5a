"""Shared fixtures: a clean environment, the built-in library, and a file writer."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # the core's tests load no file: the loader is imported only when asked for
    from careerpath.edges.load import Library

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
    from careerpath.edges.load import load_library

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


def pytest_collection_finish(session: pytest.Session) -> None:
    """When no collected test uses hypothesis (`pytest tests/core`), its pytest plugin is left
    out: hypothesis 6.170's end-of-run summary imports all of hypothesis, which costs more than
    the core's tests themselves."""
    if "hypothesis" not in sys.modules:
        plugin = session.config.pluginmanager.get_plugin("hypothesispytest")
        if plugin is not None:
            session.config.pluginmanager.unregister(plugin)


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
