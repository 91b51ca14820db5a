"""careerpath plan: the dated growth plan for one role (and what demo shows of it)."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerpath.cli import exits
from careerpath.cli.output import check_out, chosen_format, dash_is_stdout, emit
from careerpath.cli.shared import (
    BasisOption,
    JobsOption,
    based,
    check_jobs,
    complete_role,
    counted,
    fail,
    handled,
    library_of,
    parse_date,
    read_inventory,
)
from careerpath.core.plan.horizon import Horizon, parse_horizon
from careerpath.errors import UsageError

if TYPE_CHECKING:  # the heavy modules load inside the command
    from careerpath.core.model import Inventory
    from careerpath.core.plan.values import Plan
    from careerpath.edges.load import Library
    from careerpath.edges.plan_batch import Batch

app = typer.Typer(add_completion=False)

PlanInventoryArg = Annotated[
    Path,
    typer.Argument(
        metavar="INVENTORY",
        help="Your self-inventory YAML file, or a folder of inventories (with --out-dir).",
    ),
]


@app.command(
    epilog=(
        "Example: careerpath plan examples/support-analyst.yaml -r testing -o plan.html"
        " --ics plan.ics"
    ),
)
@handled
def plan(
    ctx: typer.Context,
    inventory_path: PlanInventoryArg,
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            "-r",
            metavar="ROLE",
            autocompletion=complete_role,
            help="The role to plan for. Default: the inventory's first target.",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            callback=dash_is_stdout,
            help="Write the plan to this file (mode 0600); - is the terminal.",
        ),
    ] = None,
    horizon: Annotated[
        str,
        typer.Option(
            "--horizon", metavar="SPAN", help="How far the plan reaches: 6m, 26w, 180d or 1y."
        ),
    ] = "6m",
    date: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="DATE", help="The plan's start date, YYYY-MM-DD. Default: today."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace --out and --ics if they exist.")
    ] = False,
    basis: BasisOption = "self",
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
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
            metavar="FILE",
            help="Your own Jinja template for the md or html plan (sandboxed; an HTML"
            " template's name ends in .html.j2).",
            show_default=False,
        ),
    ] = None,
    ics: Annotated[
        Path | None,
        typer.Option(
            "--ics",
            metavar="FILE",
            help="Also write the milestones and check-ins to this iCalendar file (mode 0600).",
            show_default=False,
        ),
    ] = None,
    hours: Annotated[
        str | None,
        typer.Option(
            "--hours",
            metavar="N",
            help="Hours a week you can give to this plan. Default: the inventory's"
            " hours_per_week, else 2.",
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
    from careerpath.edges.plan_batch import first_target, plan_for
    from careerpath.edges.plan_formats import FORMATS, HTML_SUFFIXES, check_format
    from careerpath.edges.private_files import check_target, write_private

    # Everything that can be wrong with the options is checked before any work or output.
    start = parse_date(date)
    span = parse_horizon(horizon)
    basis = check_basis(basis)  # in any case: Manager is manager
    per_week = None
    if hours is not None:
        from careerpath.core.plan.schedule import check_hours

        per_week = check_hours(hours)
    html_template = template is not None and template.name.lower().endswith(HTML_SUFFIXES)
    fmt = chosen_format(fmt, out, FORMATS, "html" if html_template else "md")
    check_format(fmt, template)
    check_jobs(jobs)
    if out_dir is not None or inventory_path.is_dir():
        single = [flag for flag, value in (("--out", out), ("--ics", ics)) if value is not None]
        if previous is not None:
            single.append("--previous")
        into, batch = _batch_of(ctx, inventory_path, out_dir, single, role, start, span, basis, fmt)
        _plan_folder(
            inventory_path,
            into,
            batch._replace(template=template, force=force, hours_per_week=per_week),
            jobs,
        )
        return
    if out is not None and ics is not None and out.resolve() == ics.resolve():
        raise UsageError("--out and --ics name the same file")
    check_out(ics, "--ics")
    for flag, path in (("--out", out), ("--ics", ics)):  # never over the plan's own input
        if path is not None and path.resolve() == inventory_path.resolve():
            raise UsageError(
                f"{flag} {path} is the inventory the plan is made from; name another file"
                " (--force does not replace it)"
            )
    for path in (out, ics):
        if path is not None:
            check_target(path, force=force)
    library = library_of(ctx)
    original = read_inventory(inventory_path, library)
    inventory = based(original, basis)
    if basis != "self" or original.manager is not None:
        from careerpath.views.escape import terminal_line

        for text in exits.with_flag(basis_line(original, check_basis(basis)), "basis").splitlines():
            typer.echo(f"careerpath: {terminal_line(text)}", err=True)
    role_id = library.role(role).id if role else first_target(inventory)
    before = None
    if previous is not None:
        from careerpath.edges.plan_files import read_previous

        before = read_previous(previous, original.person)
    the_plan = plan_for(library, original, role_id, start, span, basis, before, per_week)
    text = plan_text(library, the_plan, fmt, template)
    calendar = None
    if ics is not None:  # made before anything is written: both files, or neither
        from careerpath.edges.calendar import plan_calendar

        calendar = plan_calendar(the_plan)
    emit(text, out, force)
    if ics is not None and calendar is not None:
        write_private(ics, calendar, force=force)
        typer.echo(f"careerpath: wrote {ics}", err=True)


def _batch_of(
    ctx: typer.Context,
    folder: Path,
    out_dir: Path | None,
    single: list[str],
    role: str | None,
    start: dt.date,
    span: Horizon,
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
        role = library.role(role).id
    return out_dir, Batch(
        library, role, start, span, basis, fmt, None, cache_dir(), False, {}, exits.FLAGS
    )


def _plan_folder(folder: Path, out_dir: Path, batch: "Batch", jobs: int | None) -> None:
    """One plan per person, each as `plan FILE` writes it; what was skipped, named on stderr."""
    from careerpath.edges.folder_pool import progress
    from careerpath.edges.inventory_folder import inventory_paths, no_inventories
    from careerpath.edges.plan_batch import plan_folder

    paths = inventory_paths(folder)
    if not paths:
        raise no_inventories(folder)
    with progress(len(paths), "Writing plans") as tick:
        outcome = plan_folder(paths, batch, out_dir, jobs=jobs, tick=tick)
    for error in outcome.errors:
        fail(error)
    for warning in sorted({w for done in outcome.written for w in done.warnings}):
        typer.echo(f"careerpath: warning: {warning}", err=True)
    older = (
        f"; {counted(outcome.older, 'earlier inventory', 'earlier inventories')} set aside"
        if outcome.older
        else ""
    )
    typer.echo(
        f"careerpath: wrote {counted(len(outcome.written), 'plan')} in {out_dir}{older}", err=True
    )
    if outcome.errors:
        typer.echo(f"careerpath: {counted(len(outcome.errors), 'file')} skipped", err=True)
        raise typer.Exit(exits.DATA)


def plan_text(library: "Library", the_plan: "Plan", fmt: str, template: Path | None) -> str:
    """The plan in `fmt`; the SMART check's findings go to stderr as warnings."""
    from careerpath.edges.locations import cache_dir
    from careerpath.edges.plan_formats import render_plan
    from careerpath.views.escape import terminal_line

    rendered = render_plan(the_plan, library, fmt, template, cache_dir())
    for warning in rendered.warnings:
        typer.echo(f"careerpath: warning: {terminal_line(warning)}", err=True)
    return exits.flagged(rendered.text)


def plan_markdown(
    library: "Library", inventory: "Inventory", role_id: str, start: dt.date, span: Horizon
) -> str:
    from careerpath.edges.plan_batch import plan_for

    return plan_text(library, plan_for(library, inventory, role_id, start, span), "md", None)
