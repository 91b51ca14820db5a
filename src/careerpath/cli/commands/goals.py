"""careerpath goals list and goals done: following a JSON plan's goals over time."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

from pathlib import Path
from typing import Annotated

import typer

from careerpath.cli.output import JsonOption, echo_json
from careerpath.cli.shared import counted, handled, parse_date
from careerpath.core.plan.goals import Done

app = typer.Typer(
    name="goals",
    add_completion=False,
    no_args_is_help=True,
    help="The goals of a JSON plan: list them, mark one done with its evidence.",
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
    """Every goal of the plan with its id, due date and whether it is done."""
    from careerpath.edges.plan_files import read_plan
    from careerpath.views.escape import terminal_line
    from careerpath.views.plan_document import document_goals

    document = read_plan(plan_path)  # perhaps someone else's: its text is shown inert
    goals = document_goals(document)
    if as_json:
        echo_json(
            {
                "schema": "careerpath.goals/1",
                "person": document.person,
                "role": document.role.id,
                "start": document.start.isoformat(),
                "end": document.end.isoformat(),
                "goals": [
                    {
                        "id": g.id,
                        "title": g.title,
                        "due": None if g.due is None else g.due.isoformat(),
                        "done": None
                        if g.done is None
                        else {"date": g.done.date.isoformat(), "evidence": g.done.evidence},
                        "carried_from": None
                        if g.carried_from is None
                        else g.carried_from.isoformat(),
                    }
                    for g in goals
                ],
            }
        )
        return
    typer.echo(
        terminal_line(f"{document.person} → {document.role.title}:")
        + f" plan of {document.start.isoformat()} to {document.end.isoformat()}"
    )
    width = max([len("id"), *(len(g.id) for g in goals)])
    typer.echo(f"  {'id':<{width}}  {'due':<10}  {'status':<16}  goal")
    for goal in goals:
        due = goal.due.isoformat() if goal.due else "later"
        status = f"done {goal.done.date.isoformat()}" if goal.done else "open"
        if goal.carried_from is not None and goal.done is None:
            status = "open, carried"
        line = f"  {goal.id:<{width}}  {due:<10}  {status:<16}  {goal.title}"
        typer.echo(terminal_line(line))
    done = sum(1 for g in goals if g.done is not None)
    typer.echo(
        f"\n{counted(len(goals), 'goal')}: {done} done, {len(goals) - done} open."
        f' Mark one done: careerpath goals done {plan_path} ID --evidence "..."'
    )


@app.command(
    "done",
    epilog=(
        'Example: careerpath goals done plan.json mentor:find --evidence "Weekly calls with Sam"'
    ),
)
@handled
def goals_done(
    plan_path: PlanArg,
    goal: Annotated[
        str, typer.Argument(metavar="GOAL_ID", help="A goal's id (careerpath goals list).")
    ],
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
    mark_goal_done(plan_path, goal, Done(when, evidence), force=force)
    typer.echo(f"careerpath: {goal} done on {when.isoformat()}; updated {plan_path}", err=True)
