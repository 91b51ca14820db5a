"""`careerpath export`: a folder of inventories as CSV or JSON Lines rows, written as they come.

Two passes over the folder in worker processes (careerpath.edges.folder_pool): the first finds
each person's latest inventory (and keeps it as read, in a folder of up to
careerpath.edges.inventory_folder.KEPT_UP_TO files: each file is parsed once), the second
makes that inventory's rows (careerpath.core.reviews.export) and writes them as text, in the
worker, so the main process only puts each person's text out in the team view's order of
people: the output is the same on every run, and only one chunk of people's rows is in memory
at a time.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from careerpath.core.reviews.export import NAMES, Row, person_rows
from careerpath.core.reviews.team import MIN_GROUP, Scope
from careerpath.edges.load import Library
from careerpath.errors import CareerpathError, flag
from careerpath.views.escape import json_text

if TYPE_CHECKING:
    from careerpath.edges.folder_pool import Kept, Tick

FORMATS = ("csv", "jsonl")


class ExportJob(NamedTuple):
    library: Library
    scope: Scope
    labels: dict[str, str]  # inventory file -> Person N, with --anonymous
    fmt: str  # csv or jsonl
    kept: Mapping[str, Kept]  # inventory file -> as the first pass read it


class Export(NamedTuple):
    pieces: Iterator[str]  # the output, header first
    errors: list[CareerpathError]  # the files that could not be read, in their order
    people: int
    older: int
    hidden: str | None  # why no rows are written, if none are


def _text(job: ExportJob, path: Path) -> str:
    """One person's rows as the lines of the export (run in a worker process)."""
    from careerpath.edges.inventory_folder import inventory_of

    inventory = inventory_of(path, job.library, job.kept)
    label = job.labels.get(str(path)) if job.scope.anonymous else None
    rows = person_rows(inventory, job.scope, job.library.roles, job.library.catalogue, label)
    return _csv_lines(rows) if job.fmt == "csv" else _jsonl_lines(rows)


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

    latest = latest_files(paths, library, jobs=jobs, keep=True)
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
                f"no rows: with {flag('anonymous')}, {len(people)} people are too few to stay"
                f" anonymous (fewer than {MIN_GROUP})"
            )
            people = []
    job = ExportJob(library, scope, labels, fmt, latest.kept)
    chosen = [paths[index] for index, _ in people]
    texts = each_file(chosen, _text, job, jobs=jobs, tick=tick, ordered=True)
    header = _csv_lines([NAMES]) if fmt == "csv" else ""
    return Export(_pieces(header, texts, errors), errors, len(people), latest.older, hidden)


def _pieces(
    header: str, texts: Iterator[tuple[int, object]], errors: list[CareerpathError]
) -> Iterator[str]:
    yield header
    for _, text in texts:
        if isinstance(text, CareerpathError):  # changed since the first pass
            errors.append(text)
            continue
        assert isinstance(text, str)
        yield text


def _csv_lines(rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(
        tuple(_cell(value) for value in row) for row in rows
    )
    return buffer.getvalue()


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return "" if value is None else value


def _jsonl_lines(rows: Sequence[Row]) -> str:
    return "".join(
        json_text(json.dumps(dict(zip(NAMES, row, strict=True)), ensure_ascii=False)) + "\n"
        for row in rows
    )
