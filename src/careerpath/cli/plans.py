"""gaps, plan and demo: readiness and gaps against the roles, and the dated growth plan."""

# No `from __future__ import annotations`: typer reads every command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerpath.cli import exits
from careerpath.cli.app import commands
from careerpath.cli.shared import (
    JobsOption,
    check_jobs,
    chosen_format,
    counted,
    echo_json,
    emit,
    fail,
    handled,
    library_of,
    parse_date,
    read_inventory,
)
from careerpath.errors import UsageError

if TYPE_CHECKING:  # the heavy modules load inside the commands that need them
    from careerpath.core.model import Inventory
    from careerpath.core.plan.carryover import Previous
    from careerpath.core.plan.horizon import Horizon
    from careerpath.core.plan.values import Plan
    from careerpath.core.reviews.compare import Comparison
    from careerpath.edges.load import Library
    from careerpath.edges.plan_batch import Batch

# --- gaps and plan -----------------------------------------------------------------------


InventoryArg = Annotated[
    Path, typer.Argument(metavar="INVENTORY", help="Your self-inventory YAML file.")
]
PlanInventoryArg = Annotated[
    Path,
    typer.Argument(
        metavar="INVENTORY",
        help="Your self-inventory YAML file, or a folder of inventories (with --out-dir).",
    ),
]
BasisOption = Annotated[
    str,
    typer.Option(
        "--basis",
        metavar="self|manager|conservative",
        help="Whose ratings to use: your own (the default), your manager's, or the lower of"
        " the two per skill. Never an average.",
    ),
]


def _based(inventory: "Inventory", basis: str) -> "Inventory":
    from careerpath.core.basis import check_basis, with_basis

    return with_basis(inventory, check_basis(basis))


@commands.command()
@handled
def gaps(
    ctx: typer.Context,
    inventory_path: InventoryArg,
    role: Annotated[
        str | None,
        typer.Option("--role", help="Only this role. Default: rank every role, then your targets."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    basis: BasisOption = "self",
) -> None:
    """Compare your inventory with the roles: readiness, gaps by priority, strengths."""
    from careerpath.core.basis import basis_line, check_basis
    from careerpath.core.gaps import analyse, rank
    from careerpath.views.gaps_text import gaps_data, ranking_text, role_text

    library = library_of(ctx)
    original = read_inventory(inventory_path, library)
    inventory = _based(original, basis)
    catalogue = library.catalogue
    if role is not None:
        ranking = []
        detail = [analyse(inventory.ratings, library.role(role), catalogue)]
    else:
        ranking = rank(inventory.ratings, library.roles.values(), catalogue)
        detail = [r for target in inventory.targets for r in ranking if r.role == target]
    if as_json:
        echo_json({**gaps_data(inventory.person, ranking, detail), "basis": basis})
        return
    parts = [f"{inventory.person}, {inventory.date.isoformat()}"]
    if basis != "self" or original.manager is not None:
        parts[0] += "\n" + exits.with_flag(basis_line(original, check_basis(basis)), "basis")
    if sys.stdout.isatty():  # a person reading: tables with bars coloured by priority (rich)
        from careerpath.edges.terminal import print_gaps

        print_gaps(parts.pop(0), ranking, detail)
    else:  # piped: plain text
        if ranking:
            parts.append(ranking_text(ranking))
        parts.extend(role_text(r) for r in detail)
    if role is None and not inventory.targets:
        parts.append("No targets in the inventory: add `targets: [ROLE]` or use --role ROLE.")
    if parts:
        from careerpath.views.escape import terminal_text

        typer.echo(terminal_text("\n\n".join(parts)))


@commands.command()
@handled
def plan(
    ctx: typer.Context,
    inventory_path: PlanInventoryArg,
    role: Annotated[
        str | None,
        typer.Option("--role", help="The role to plan for. Default: the inventory's first target."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the plan to this file (mode 0600).")
    ] = None,
    horizon: Annotated[
        str, typer.Option("--horizon", help="How far the plan reaches: 6m, 26w, 180d or 1y.")
    ] = "6m",
    date: Annotated[
        str | None,
        typer.Option("--date", help="The plan's start date, YYYY-MM-DD. Default: today."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace --out and --ics if they exist.")
    ] = False,
    basis: BasisOption = "self",
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="md|html|json",
            help="md; html: one self-contained page with charts, for printing or sharing;"
            " json: every number and goal (careerpath schema plan). Default: what --out's"
            " extension names (.md, .html, .json), else md (html for an .html.j2 --template).",
            show_default=False,
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="Your own Jinja template for the md or html plan (sandboxed; an HTML"
            " template's name ends in .html.j2).",
            show_default=False,
        ),
    ] = None,
    ics: Annotated[
        Path | None,
        typer.Option(
            "--ics",
            help="Also write the milestones and check-ins to this iCalendar file (mode 0600).",
            show_default=False,
        ),
    ] = None,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            metavar="PLAN.json",
            help="The previous plan, as JSON (--format json): its unfinished goals are carried"
            " over, its done goals are not repeated. Never found automatically: name it.",
            show_default=False,
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out-dir",
            metavar="OUT",
            help="INVENTORY is a folder: write one plan per person (their latest inventory)"
            " into OUT, named from the person and the format.",
            show_default=False,
        ),
    ] = None,
    jobs: JobsOption = None,
) -> None:
    """Write a dated growth plan for one role.

    Goals for the top gaps, mentor, people to meet, timeline, and a one-on-one agenda. With a
    folder and --out-dir OUT: one plan per person, from their latest inventory."""
    from careerpath.core.basis import basis_line, check_basis
    from careerpath.core.plan.horizon import parse_horizon
    from careerpath.edges.plan_batch import plan_for
    from careerpath.edges.plan_formats import FORMATS, HTML_SUFFIXES, check_format
    from careerpath.edges.private_files import check_target, write_private

    # Everything that can be wrong with the options is checked before any work or output.
    start = parse_date(date)
    span = parse_horizon(horizon)
    html_template = template is not None and template.name.lower().endswith(HTML_SUFFIXES)
    fmt = chosen_format(fmt, out, FORMATS, "html" if html_template else "md")
    check_format(fmt, template)
    check_jobs(jobs)
    if out_dir is not None or inventory_path.is_dir():
        single = [flag for flag, value in (("--out", out), ("--ics", ics)) if value is not None]
        if previous is not None:
            single.append("--previous")
        into, batch = _batch_of(ctx, inventory_path, out_dir, single, role, start, span, basis, fmt)
        _plan_folder(inventory_path, into, batch._replace(template=template, force=force), jobs)
        return
    if out is not None and ics is not None and out.resolve() == ics.resolve():
        raise UsageError("--out and --ics name the same file")
    for path in (out, ics):
        if path is not None:
            check_target(path, force=force)
    library = library_of(ctx)
    original = read_inventory(inventory_path, library)
    inventory = _based(original, basis)
    if basis != "self" or original.manager is not None:
        from careerpath.views.escape import terminal_line

        for text in exits.with_flag(basis_line(original, check_basis(basis)), "basis").splitlines():
            typer.echo(f"careerpath: {terminal_line(text)}", err=True)
    role_id = role or _first_target(inventory)
    before = None
    if previous is not None:
        from careerpath.edges.plan_files import read_previous

        before = read_previous(previous, original.person)
    the_plan = plan_for(library, original, role_id, start, span, basis, before)
    text = _plan_text(library, the_plan, fmt, template)
    calendar = None
    if ics is not None:  # made before anything is written: both files, or neither
        from careerpath.edges.calendar import plan_calendar

        calendar = plan_calendar(the_plan)
    emit(text, out, force)
    if ics is not None and calendar is not None:
        write_private(ics, calendar, force=force)
        typer.echo(f"careerpath: wrote {ics}", err=True)


def _first_target(inventory: "Inventory") -> str:
    from careerpath.edges.plan_batch import first_target

    return first_target(inventory)


def _batch_of(
    ctx: typer.Context,
    folder: Path,
    out_dir: Path | None,
    single: list[str],
    role: str | None,
    start: dt.date,
    span: "Horizon",
    basis: str,
    fmt: str,
) -> "tuple[Path, Batch]":
    """`plan DIR --out-dir OUT`: OUT and the options, checked before any file is read."""
    from careerpath.core.basis import check_basis
    from careerpath.edges.locations import cache_dir
    from careerpath.edges.plan_batch import Batch

    if out_dir is None:
        raise UsageError("is a folder; add --out-dir OUT to write one plan per person", file=folder)
    if not folder.is_dir():
        raise UsageError(f"--out-dir needs a folder of inventories, not {folder}")
    if single:
        these = "it" if len(single) == 1 else "them"
        raise UsageError(
            f"{' and '.join(single)}: for one plan only; leave {these} out with --out-dir"
        )
    check_basis(basis)
    library = library_of(ctx)
    if role is not None:
        library.role(role)
    return out_dir, Batch(library, role, start, span, basis, fmt, None, cache_dir(), False, {})


def _plan_folder(folder: Path, out_dir: Path, batch: "Batch", jobs: int | None) -> None:
    """One plan per person, each as `plan FILE` writes it; what was skipped, named on stderr."""
    from careerpath.edges.folder_pool import progress
    from careerpath.edges.inventory_folder import inventory_paths
    from careerpath.edges.plan_batch import plan_folder

    paths = inventory_paths(folder)
    with progress(len(paths), "Writing plans") as tick:
        outcome = plan_folder(paths, batch, out_dir, jobs=jobs, tick=tick)
    for error in outcome.errors:
        fail(error)
    for warning in sorted({w for done in outcome.written for w in done.warnings}):
        typer.echo(f"careerpath: warning: {warning}", err=True)
    older = f"; {outcome.older} earlier inventories set aside" if outcome.older else ""
    typer.echo(
        f"careerpath: wrote {counted(len(outcome.written), 'plan')} in {out_dir}{older}", err=True
    )
    if outcome.errors:
        typer.echo(f"careerpath: {counted(len(outcome.errors), 'file')} skipped", err=True)
        raise typer.Exit(exits.DATA)


def _build_plan(
    library: "Library",
    inventory: "Inventory",
    role_id: str,
    start: dt.date,
    span: "Horizon",
    *,
    basis: str = "self",
    comparison: "Comparison | None" = None,
    previous: "Previous | None" = None,
) -> "Plan":
    from careerpath.core.plan.builder import build_plan

    return build_plan(
        inventory,
        library.role(role_id),
        library.catalogue,
        list(library.roles.values()),
        start=start,
        horizon=span,
        basis=basis,
        comparison=comparison,
        previous=previous,
    )


def _plan_text(library: "Library", the_plan: "Plan", fmt: str, template: Path | None) -> str:
    """The plan in `fmt`; the SMART check's findings go to stderr as warnings."""
    from careerpath.edges.locations import cache_dir
    from careerpath.edges.plan_formats import render_plan
    from careerpath.views.escape import terminal_line

    rendered = render_plan(the_plan, library, fmt, template, cache_dir())
    for warning in rendered.warnings:
        typer.echo(f"careerpath: warning: {terminal_line(warning)}", err=True)
    return rendered.text


def _plan_markdown(
    library: "Library", inventory: "Inventory", role_id: str, start: dt.date, span: "Horizon"
) -> str:
    return _plan_text(library, _build_plan(library, inventory, role_id, start, span), "md", None)


@commands.command()
@handled
def demo(
    ctx: typer.Context,
    date: Annotated[
        str | None,
        typer.Option("--date", help="Start date for the plan. Default: the example's own date."),
    ] = None,
) -> None:
    """Show the whole loop on the shipped example: gaps for every role, then a growth plan."""
    from careerpath.core.gaps import rank
    from careerpath.core.plan.horizon import parse_horizon
    from careerpath.edges import locations
    from careerpath.views.gaps_text import ranking_text, role_text

    chosen = parse_date(date) if date else None  # a wrong --date stops before any output
    library = library_of(ctx)
    path = locations.example_inventory()
    inventory = read_inventory(path, library)
    ranking = rank(inventory.ratings, library.roles.values(), library.catalogue)
    target = _first_target(inventory)
    typer.echo(f"careerpath demo: the shipped example inventory, {path.name}\n")
    typer.echo(ranking_text(ranking) + "\n")
    typer.echo(role_text(next(r for r in ranking if r.role == target), limit=8) + "\n")
    typer.echo("-" * 72)
    start = chosen or inventory.date
    typer.echo(_plan_markdown(library, inventory, target, start, parse_horizon("6m")))
    typer.echo("-" * 72)
    typer.echo(
        f"Try it on your own file: careerpath gaps my.yaml, then"
        f" careerpath plan my.yaml --role {target} --out plan.md"
    )
