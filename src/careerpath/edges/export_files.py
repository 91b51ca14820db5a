"""`careerpath export`: a folder of inventories as CSV or JSON Lines rows, written as they come.

Two passes over the folder in worker processes (careerpath.edges.folder_pool): the first finds
each person's latest inventory, the second makes that inventory's rows
(careerpath.core.reviews.export), in the team view's order of people, so the output is the
same on every run and only one chunk of rows is in memory at a time.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from careerpath.core.reviews.export import NAMES, Row, person_rows
from careerpath.core.reviews.team import MIN_GROUP, Scope
from careerpath.edges.load import Library, load_inventory
from careerpath.errors import CareerpathError
from careerpath.views.escape import json_text

if TYPE_CHECKING:
    from careerpath.edges.folder_pool import Tick

FORMATS = ("csv", "jsonl")


class ExportJob(NamedTuple):
    library: Library
    scope: Scope
    labels: dict[str, str]  # inventory file -> Person N, with --anonymous


class Export(NamedTuple):
    pieces: Iterator[str]  # the output, header first
    errors: list[CareerpathError]  # the files that could not be read, in their order
    people: int
    older: int
    hidden: str | None  # why no rows are written, if none are


def _rows(job: ExportJob, path: Path) -> list[Row]:
    inventory = load_inventory(path, job.library)
    label = job.labels.get(str(path)) if job.scope.anonymous else None
    return person_rows(inventory, job.scope, job.library.roles, job.library.catalogue, label)


def export_folder(
    paths: Sequence[Path],
    library: Library,
    scope: Scope,
    fmt: str,
    *,
    jobs: int | None = None,
    tick: Tick | None = None,
) -> Export:
    """The export of each person's latest inventory among `paths`, in `fmt` (csv or jsonl)."""
    from careerpath.edges.folder_pool import each_file
    from careerpath.edges.inventory_folder import latest_files

    latest = latest_files(paths, library, jobs=jobs)
    errors = [error for _, error in latest.errors]
    people = latest.in_order()
    labels: dict[str, str] = {}
    hidden = None
    if scope.anonymous:  # the order and the labels of careerpath team --anonymous
        people.sort(key=lambda found: hashlib.sha256(found[1].encode()).hexdigest())
        width = len(str(len(people)))
        labels = {str(paths[i]): f"Person {n:0{width}d}" for n, (i, _) in enumerate(people, 1)}
        if 0 < len(people) < MIN_GROUP:
            hidden = (
                f"no rows: with --anonymous, {len(people)} people are too few to stay anonymous"
                f" (fewer than {MIN_GROUP})"
            )
            people = []
    job = ExportJob(library, scope, labels)
    chosen = [paths[index] for index, _ in people]
    rows = each_file(chosen, _rows, job, jobs=jobs, tick=tick, ordered=True)
    write = _csv if fmt == "csv" else _jsonl
    return Export(write(rows, errors), errors, len(people), latest.older, hidden)


def _csv(results: Iterator[tuple[int, object]], errors: list[CareerpathError]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(NAMES)
    for _, rows in results:
        if isinstance(rows, CareerpathError):  # changed since the first pass
            errors.append(rows)
            continue
        assert isinstance(rows, list)
        writer.writerows(tuple(_cell(value) for value in row) for row in rows)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return "" if value is None else value


def _jsonl(results: Iterator[tuple[int, object]], errors: list[CareerpathError]) -> Iterator[str]:
    for _, rows in results:
        if isinstance(rows, CareerpathError):
            errors.append(rows)
            continue
        assert isinstance(rows, list)
        yield "".join(
            json_text(json.dumps(dict(zip(NAMES, row, strict=True)), ensure_ascii=False)) + "\n"
            for row in rows
        )
