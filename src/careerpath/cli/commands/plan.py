"""careerpath plan: the dated growth plan for one role (and what demo shows of it)."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerpath.cli import exits
from careerpath.cli.output import chosen_format, emit
from careerpath.cli.shared import (
    BasisOption,
    InventoryArg,
    based,
    complete_role,
    handled,
    library_of,
    parse_date,
    read_inventory,
)
from careerpath.core.plan.horizon import Horizon, parse_horizon
from careerpath.errors import UsageError

if TYPE_CHECKING:  # the heavy modules load inside the command
    from careerpath.core.model import Inventory
    from careerpath.core.plan.carryover import Previous
    from careerpath.core.plan.values import Plan
    from careerpath.core.reviews.compare import Comparison
    from careerpath.edges.load import Library

app = typer.Typer(add_completion=False)


@app.command(
    epilog=(
        "Example: careerpath plan examples/support-analyst.yaml -r testing -o plan.html"
        " --ics plan.ics"
    ),
)
@handled
def plan(
    ctx: typer.Context,
    inventory_path: InventoryArg,
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
            "--out", "-o", metavar="FILE", help="Write the plan to this file (mode 0600)."
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
) -> None:
    """Write a dated growth plan for one role.

    Goals for the top gaps, mentor, people to meet, timeline, and a one-on-one agenda."""
    from careerpath.core.basis import basis_line, check_basis
    from careerpath.edges.plan_formats import FORMATS, HTML_SUFFIXES, check_format
    from careerpath.edges.private_files import check_target, write_private

    # Everything that can be wrong with the options is checked before any work or output.
    start = parse_date(date)
    span = parse_horizon(horizon)
    html_template = template is not None and template.name.lower().endswith(HTML_SUFFIXES)
    fmt = chosen_format(fmt, out, FORMATS, "html" if html_template else "md")
    check_format(fmt, template)
    if out is not None and ics is not None and out.resolve() == ics.resolve():
        raise UsageError("--out and --ics name the same file")
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
    role_id = role or first_target(inventory)
    before = None
    if previous is not None:
        from careerpath.edges.plan_files import read_previous

        before = read_previous(previous, original.person)
    comparison = None
    if original.manager is not None:  # both views: the plan carries the comparison
        from careerpath.core.reviews.compare import compare as compare_views

        comparison = compare_views(original, library.catalogue)
    the_plan = build_plan(
        library,
        inventory,
        role_id,
        start,
        span,
        basis=check_basis(basis),
        comparison=comparison,
        previous=before,
    )
    text = plan_text(library, the_plan, fmt, template)
    calendar = None
    if ics is not None:  # made before anything is written: both files, or neither
        from careerpath.edges.calendar import plan_calendar

        calendar = plan_calendar(the_plan)
    emit(text, out, force)
    if ics is not None and calendar is not None:
        write_private(ics, calendar, force=force)
        typer.echo(f"careerpath: wrote {ics}", err=True)


def first_target(inventory: "Inventory") -> str:
    if not inventory.targets:
        raise UsageError(
            "the inventory has no targets; add `targets: [ROLE]` to it or pass --role ROLE"
        )
    return inventory.targets[0]


def build_plan(
    library: "Library",
    inventory: "Inventory",
    role_id: str,
    start: dt.date,
    span: Horizon,
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


def plan_text(library: "Library", the_plan: "Plan", fmt: str, template: Path | None) -> str:
    """The plan in `fmt`; the SMART check's findings go to stderr as warnings."""
    from careerpath.edges.locations import cache_dir
    from careerpath.edges.plan_formats import render_plan
    from careerpath.views.escape import terminal_line

    rendered = render_plan(the_plan, library, fmt, template, cache_dir())
    for warning in rendered.warnings:
        typer.echo(f"careerpath: warning: {terminal_line(warning)}", err=True)
    return rendered.text


def plan_markdown(
    library: "Library", inventory: "Inventory", role_id: str, start: dt.date, span: Horizon
) -> str:
    return plan_text(library, build_plan(library, inventory, role_id, start, span), "md", None)
