"""careerpath.edges.plan_batch: a batch that is interrupted leaves no plan and no temporary file,
also of the workers that were writing when it stopped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from careerpath.core.assessment import skill_order
from careerpath.core.plan.horizon import parse_horizon
from careerpath.edges.load import Library
from careerpath.edges.plan_batch import Batch, plan_folder
from careerpath.edges.yaml_source import dump
from tests.builders import varied_team


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_interrupted_batch_leaves_nothing_in_the_folder(
    tmp_path: Path, library: Library, jobs: int
) -> None:
    team = tmp_path / "team"
    team.mkdir()
    for name, data in varied_team(12, 5, skill_order(library.catalogue), sorted(library.roles)):
        (team / name).write_text(dump(data), encoding="utf-8")
    paths = sorted(team.glob("*.yaml"))
    start, span = dt.date(2026, 11, 2), parse_horizon("6m")
    batch = Batch(library, None, start, span, "self", "md", None, None, False, {}, {})
    out = tmp_path / "plans"
    seen: list[int] = []

    def tick(count: int) -> None:  # Ctrl-C once the first plans are in, others being written
        seen.append(count)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        plan_folder(paths, batch, out, jobs=jobs, tick=tick)
    assert len(seen) == 2
    assert list(out.iterdir()) == []
