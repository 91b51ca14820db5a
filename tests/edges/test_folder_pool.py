"""Reading files in worker processes: every file's result or error comes back once, with its
index, the same as in this process; errors keep their file, line and option."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from careerpath.edges import folder_pool
from careerpath.edges.folder_pool import collector_paused, each_file, workers_for
from careerpath.edges.load import DataError
from careerpath.errors import CareerpathError


def shout(job: str, path: Path) -> str:
    """Run in a worker: the file's text, or the errors careerpath raises for bad data."""
    text = path.read_text(encoding="utf-8")
    if text == "bad":  # DataError does not survive pickling: it arrives as a CareerpathError
        raise DataError([CareerpathError("is bad", file=path, line=3)])
    if text == "forced":
        raise CareerpathError("exists; use {option}", file=path, option="force")
    return job + text.upper()


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    paths = []
    for number in range(23):
        path = tmp_path / f"f{number:02d}.txt"
        text = {3: "bad", 5: "forced"}.get(number % 7, f"file {number}")
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_every_file_once_with_its_index(files: list[Path], jobs: int) -> None:
    ticks: list[int] = []
    got = dict(each_file(files, shout, "> ", jobs=jobs, tick=ticks.append))
    assert sorted(got) == list(range(len(files)))
    assert sum(ticks) == len(files)
    for index, path in enumerate(files):
        value = got[index]
        if index % 7 in (3, 5):
            assert isinstance(value, CareerpathError)
            assert str(value.file) == str(path)
            if index % 7 == 3:
                assert (value.message, value.line, value.option) == ("is bad", 3, None)
            else:
                assert value.worded("--force") == f"{path}: exists; use --force"
        else:
            assert value == f"> FILE {index}"


@pytest.mark.parametrize(
    ("files", "jobs", "cpus", "workers"),
    [(10, None, 2, 1), (199, None, 4, 1), (200, None, 4, 4), (5000, None, 2, 2), (3, 8, 2, 3),
     (500, 1, 4, 1), (0, None, 2, 1)],
)  # fmt: skip
def test_workers_for(
    monkeypatch: pytest.MonkeyPatch, files: int, jobs: int | None, cpus: int, workers: int
) -> None:
    monkeypatch.setattr(folder_pool, "cpu_count", lambda: cpus)
    assert workers_for(files, jobs) == workers


def test_the_collector_is_paused_then_as_it_was() -> None:
    assert gc.isenabled()
    with collector_paused() as collector:
        assert not gc.isenabled()
        collector.kept()
        assert gc.isenabled() and gc.get_freeze_count() > 0
    assert gc.isenabled() and gc.get_freeze_count() == 0


@pytest.mark.parametrize(("files", "workers"), [(909, 2), (1000, 4), (50_000, 2), (5, 2), (0, 2)])
def test_chunks_shrink_toward_the_end(files: int, workers: int) -> None:
    sizes = folder_pool.chunk_sizes(files, workers)
    assert sum(sizes) == files
    assert sizes == sorted(sizes, reverse=True)
    assert all(size <= folder_pool.LARGEST_CHUNK for size in sizes)
    if files >= 100:
        share = files // (workers * folder_pool.CHUNKS_PER_WORKER)
        assert sizes[0] >= min(share, folder_pool.LARGEST_CHUNK)
        assert sizes[-2] == folder_pool.SMALLEST_CHUNK  # the last files in small chunks
