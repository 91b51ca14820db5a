"""careerpath goals list and goals done: following a JSON plan's goals over time."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from pathlib import Path
from typing import Annotated

import typer

from careerpath.cli import exits
from careerpath.cli.output import JsonOption, echo_json
from careerpath.cli.shared import handled, parse_date
from careerpath.core.plan.goals import Done

app = typer.Typer(
    name="goals",
    add_completion=False,
    no_args_is_help=True,
    help="The goals of a JSON plan: list them, mark one done with its evidence, reopen one.",
    epilog=("Example: careerpath goals list plan.json"),
)

PlanArg = Annotated[
    Path,
    typer.Argument(
        metavar="PLAN.json", help="A plan written with careerpath plan ... --format json."
    ),
]


@app.command("list", epilog="Example: careerpath goals list plan.json")
@handled
def goals_list(plan_path: PlanArg, as_json: JsonOption = False) -> None:
    """Every goal of the plan with its id, due date and whether it is done.

    The id shown is the goal's short form: type it, or any start of an id no other goal has."""
    from careerpath.core.plan.goals import short_ids
    from careerpath.edges.plan_files import read_plan
    from careerpath.views.goals_text import goals_data, goals_text
    from careerpath.views.plan_document import document_goals

    document = read_plan(plan_path)  # perhaps someone else's: its text is shown inert
    goals = document_goals(document)
    shorts = short_ids([g.id for g in goals])
    if as_json:
        echo_json(goals_data(document, goals, shorts))
        return
    typer.echo(goals_text(document, goals, shorts, str(plan_path), exits.FLAGS))


def complete_goal(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of a goal id from the plan named before it: each goal's short id (its
    id once more of it is typed), with its title. Nothing when the plan cannot be read."""
    from careerpath.core.plan.goals import short_ids
    from careerpath.edges.plan_files import read_plan
    from careerpath.errors import CareerpathError
    from careerpath.views.plan_document import document_goals

    plan = ctx.params.get("plan_path")
    try:
        goals = document_goals(read_plan(Path(plan))) if plan is not None else ()
    except (CareerpathError, OSError):
        return []
    shorts = short_ids([g.id for g in goals])
    typed = incomplete.casefold()
    return [
        (shorts[g.id] if shorts[g.id].casefold().startswith(typed) else g.id, g.title)
        for g in goals
        if g.id.casefold().startswith(typed)
    ]


GoalArg = Annotated[
    str,
    typer.Argument(
        metavar="GOAL_ID",
        autocompletion=complete_goal,
        help="A goal's id as careerpath goals list shows it, or any start of it that no other"
        " goal's id has.",
    ),
]


@app.command(
    "done",
    epilog=(
        'Example: careerpath goals done plan.json mentor:find --evidence "Weekly calls with Sam"'
    ),
)
@handled
def goals_done(
    plan_path: PlanArg,
    goal: GoalArg,
    evidence: Annotated[
        str,
        typer.Option(
            "--evidence",
            metavar="TEXT",
            help="What shows it is done: a ticket, a document, feedback.",
        ),
    ],
    date: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="DATE", help="When it was done, YYYY-MM-DD. Default: today."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the evidence of a goal already done.")
    ] = False,
) -> None:
    """Mark a goal of the plan done, with its evidence.

    The plan file is updated in place (mode 0600); a plan made with --previous skips the goal."""
    from careerpath.edges.plan_files import mark_goal_done

    when = parse_date(date)
    marked = mark_goal_done(plan_path, goal, Done(when, evidence), force=force)
    typer.echo(f"careerpath: {marked} done on {when.isoformat()}; updated {plan_path}", err=True)


@app.command("reopen", epilog="Example: careerpath goals reopen plan.json skill:test_design:3")
@handled
def goals_reopen(plan_path: PlanArg, goal: GoalArg) -> None:
    """Open a goal marked done again: its date and evidence are removed from the plan.

    The plan file is updated in place (mode 0600); what was recorded is printed once more."""
    from careerpath.edges.plan_files import reopen_goal
    from careerpath.views.escape import terminal_line

    reopened, was = reopen_goal(plan_path, goal)
    typer.echo(
        f"careerpath: {reopened} is open again (it was done {was.date.isoformat()}:"
        f" {terminal_line(was.evidence)}); updated {plan_path}",
        err=True,
    )
