"""careerpath.edges.inventory_folder.latest_files: each person's latest file (by date, then the
order careerpath named them in), the same whether the inventories are kept for the next pass
(each file parsed once) or not, in this process and in worker processes."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from careerpath.edges import inventory_folder
from careerpath.edges.folder_pool import Kept, each_file
from careerpath.edges.inventory_folder import (
    inventory_of,
    inventory_paths,
    latest_files,
)
from careerpath.edges.load import Library, load_inventory

FILES = {
    # Ana: two on the same day, the `-2` written after the first (and `-10` after `-9`)
    "ana-2026-11-01.yaml": ("Ana", "2026-11-01", "troubleshooting: 1"),
    "ana-2026-12-01.yaml": ("Ana", "2026-12-01", "troubleshooting: 2"),
    "ana-2026-12-01-2.yaml": ("ana ", "2026-12-01", "troubleshooting: 3"),  # the same person
    "bo-2026-10-01-9.yaml": ("Bo", "2026-10-01", "troubleshooting: 1"),
    "bo-2026-10-01-10.yaml": ("Bo", "2026-10-01", "troubleshooting: 4"),
    # Cy's latest by date is broken: named as an error, the earlier one is Cy's latest
    "cy-2026-09-01.yaml": ("Cy", "2026-09-01", "troubleshooting: 5"),
    "cy-2026-12-24.yaml": ("Cy", "2026-12-24", "troubleshooting: 9"),
    # an older date in a file named later: the date decides
    "dee-z.yaml": ("Dee", "2026-01-01", "troubleshooting: 0"),
    "dee-a.yaml": ("Dee", "2026-06-01", "troubleshooting: 2"),
}
LATEST = {
    "ana": "ana-2026-12-01-2.yaml",
    "bo": "bo-2026-10-01-10.yaml",
    "cy": "cy-2026-09-01.yaml",
    "dee": "dee-a.yaml",
}


@pytest.fixture
def paths(tmp_path: Path) -> list[Path]:
    for name, (person, date, rating) in FILES.items():
        text = f"person: '{person}'\ndate: {date}\ncurrent_role: support\nratings:\n  {rating}\n"
        (tmp_path / name).write_text(text, encoding="utf-8")
    return inventory_paths(tmp_path)


@pytest.mark.parametrize("jobs", [1, 2])
def test_kept_or_not_the_same_latest_files(paths: list[Path], library: Library, jobs: int) -> None:
    kept = latest_files(paths, library, jobs=jobs, keep=True)
    read = latest_files(paths, library, jobs=jobs)
    named = {key: paths[index].name for key, (index, _) in kept.people.items()}
    assert named == LATEST
    assert (kept.people, kept.older) == (read.people, read.older) == (kept.people, 4)
    assert [(i, str(e)) for i, e in kept.errors] == [(i, str(e)) for i, e in read.errors]
    assert [paths[i].name for i, _ in kept.errors] == ["cy-2026-12-24.yaml"]
    assert read.kept == {}
    assert sorted(kept.kept) == sorted(str(paths[index]) for index, _ in kept.people.values())
    for name in LATEST.values():
        path = paths[[p.name for p in paths].index(name)]
        assert inventory_of(path, library, kept.kept) == load_inventory(path, library)


def test_a_large_folder_is_read_again(
    paths: list[Path], library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inventory_folder, "KEPT_UP_TO", len(paths) - 1)
    latest = latest_files(paths, library, jobs=2, keep=True)
    assert latest.kept == {}
    index, _ = latest.people["ana"]
    assert inventory_of(paths[index], library, latest.kept).ratings["troubleshooting"].level == 3


def made(job: str, path: Path) -> Kept:
    """Run in a worker: a value kept for a later pass."""
    return Kept({"job": job, "name": path.name})


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_kept_value_comes_back_as_it_was_made(paths: list[Path], jobs: int) -> None:
    for index, kept in each_file(paths, made, "first", jobs=jobs):
        assert isinstance(kept, Kept)
        assert kept.value() == {"job": "first", "name": paths[index].name}
        again = pickle.loads(pickle.dumps(kept))  # as a worker of the next pass gets it
        assert again.value() == kept.value()
