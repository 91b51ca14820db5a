"""A plan for each person in a folder (`careerpath plan DIR --out-dir OUT`), in worker processes.

Two passes over the folder, each in careerpath.edges.folder_pool: the first reads every file
for who it is about and its date, to find each person's latest inventory, and keeps that
inventory as read (careerpath.edges.inventory_folder.latest_files' `keep`: each file is parsed
once); the second builds and renders those people's plans, each written by the worker that
built it to a temporary file beside its name (careerpath.edges.private_files.stage); at the
end all of them are flushed to disk at once and named (`publish`): one flush instead of one
per plan, which costs about 5 ms each here, more than making the plan. An interrupted run
removes its temporary files, the workers' too. A plan is made by `plan_for` and
`render_plan`, exactly as `careerpath plan FILE` makes one, so the file is byte for byte what
the single command writes.

Files are named from the person (`person_slug`) and the format; before anything is written,
every name is checked (careerpath.edges.private_files.check_target): without `force` an
existing file stops the run before the first plan. A file that cannot be read or planned (no
targets, no manager view for --basis manager) is named and skipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import secrets
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from careerpath.core.basis import check_basis, with_basis
from careerpath.core.model import Inventory
from careerpath.edges.load import Library
from careerpath.errors import CareerpathError, UsageError, flag, spelled

if TYPE_CHECKING:
    from careerpath.core.plan.carryover import Previous
    from careerpath.core.plan.horizon import Horizon
    from careerpath.core.plan.values import Plan
    from careerpath.edges.folder_pool import Kept, Tick
    from careerpath.edges.private_files import Staged

SUFFIXES = {"md": ".md", "html": ".html", "json": ".json"}
SLUG_LENGTH = 60


def first_target(inventory: Inventory) -> str:
    if not inventory.targets:
        raise UsageError(
            f"the inventory has no targets; add `targets: [ROLE]` to it or pass {flag('role')} ROLE"
        )
    return inventory.targets[0]


def plan_for(
    library: Library,
    original: Inventory,
    role_id: str,
    start: dt.date,
    span: Horizon,
    basis: str = "self",
    previous: Previous | None = None,
    hours_per_week: float | None = None,
) -> Plan:
    """`original`'s plan for `role_id` on `basis`; with a manager view, the comparison too."""
    from careerpath.core.plan.builder import build_plan

    checked = check_basis(basis)
    comparison = None
    if original.manager is not None:  # both views: the plan carries the comparison
        from careerpath.core.reviews.compare import compare

        comparison = compare(original, library.catalogue)
    return build_plan(
        with_basis(original, checked),
        library.role(role_id),
        library.catalogue,
        list(library.roles.values()),
        start=start,
        horizon=span,
        basis=checked,
        comparison=comparison,
        previous=previous,
        hours_per_week=hours_per_week,
        lattice=library.lattice,
    )


def person_slug(person: str) -> str:
    """A file name's stem from a person's name: `Zoë O'Neil` -> `zoe-o-neil`."""
    ascii_name = unicodedata.normalize("NFKD", person).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:SLUG_LENGTH].rstrip("-") or "person"


class Batch(NamedTuple):
    """What every plan of the run shares (sent to each worker once)."""

    library: Library
    role: str | None  # --role, else each person's first target
    start: dt.date
    span: Horizon
    basis: str
    fmt: str
    template: Path | None
    cache_dir: Path | None
    force: bool
    targets: dict[str, Path]  # inventory file -> plan file (the second pass)
    flags: Mapping[str, str]  # option name -> flag: how a plan's hints spell an option
    run: str = ""  # in the name of this run's temporary files (private_files.stage)
    hours_per_week: float | None = None  # --hours, else each inventory's own
    kept: Mapping[str, Kept] | None = None  # inventory file -> as the first pass read it


class Written(NamedTuple):
    path: Path
    warnings: tuple[str, ...]
    staged: Staged  # written to disk with the others at the end


class Outcome(NamedTuple):
    written: list[Written]
    errors: list[CareerpathError]  # in the order of the files
    older: int  # earlier inventories of the same people, not planned


def _write(batch: Batch, path: Path) -> Written:
    from careerpath.edges.inventory_folder import inventory_of
    from careerpath.edges.plan_formats import render_plan
    from careerpath.edges.private_files import stage

    inventory = inventory_of(path, batch.library, batch.kept)
    try:
        role_id = batch.role or first_target(inventory)
        the_plan = plan_for(
            batch.library,
            inventory,
            role_id,
            batch.start,
            batch.span,
            batch.basis,
            hours_per_week=batch.hours_per_week,
        )
    except CareerpathError as error:
        if error.file is not None:
            raise
        raise CareerpathError(error.message, file=path, option=error.option) from None
    rendered = render_plan(the_plan, batch.library, batch.fmt, batch.template, batch.cache_dir)
    target = batch.targets[str(path)]
    text = spelled(rendered.text, batch.flags)
    return Written(target, rendered.warnings, stage(target, text, batch.run))


def plan_folder(
    paths: Sequence[Path],
    batch: Batch,
    out_dir: Path,
    *,
    jobs: int | None = None,
    tick: Tick | None = None,
) -> Outcome:
    """Each person's plan from the latest of `paths` about them, written into `out_dir`."""
    from careerpath.edges.folder_pool import each_file
    from careerpath.edges.inventory_folder import latest_files
    from careerpath.edges.plan_formats import environments_kept, prepare
    from careerpath.edges.private_files import check_target, discard_run, make_folder, publish

    latest = latest_files(paths, batch.library, jobs=jobs, keep=True)
    errors = list(latest.errors)
    targets: dict[str, Path] = {}
    taken: set[str] = set()
    for key in sorted(latest.people):  # the same names on every run
        index, person = latest.people[key]
        stem = person_slug(person)
        name, number = stem, 2
        while name in taken:  # two people whose names make the same slug
            name, number = f"{stem}-{number}", number + 1
        taken.add(name)
        targets[str(paths[index])] = out_dir / f"{name}{SUFFIXES[batch.fmt]}"
    for target in sorted(targets.values()):  # every name checked before the first is written
        check_target(target, force=batch.force)
    make_folder(out_dir)

    chosen = sorted(index for index, _ in latest.people.values())
    written: list[Written] = []
    second = batch._replace(targets=targets, run=secrets.token_hex(4), kept=latest.kept)
    planned = [paths[index] for index in chosen]
    try:
        results = each_file(planned, _write, second, jobs=jobs, tick=tick)
        with environments_kept(), contextlib.closing(results):  # closed: the workers ended
            if batch.template is None:  # another's template is compiled within its budgets
                prepare(batch.library, batch.fmt, batch.cache_dir)
            for place, result in results:
                if isinstance(result, CareerpathError):
                    errors.append((chosen[place], result))
                else:
                    written.append(result)
    except BaseException:  # interrupted: no plan, and no temporary file, left behind
        discard_run(out_dir, second.run)
        raise
    problems = publish([done.staged for done in written], force=batch.force)
    errors.sort(key=lambda pair: pair[0])
    failed = {problem.file for problem in problems}
    written = [done for done in written if done.path not in failed]
    return Outcome(sorted(written), [error for _, error in errors] + problems, latest.older)
