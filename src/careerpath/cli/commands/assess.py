"""careerpath assess: the self-inventory, and the manager's rating of the same skills."""

# No `from __future__ import annotations`: typer reads the command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerpath.cli import exits
from careerpath.cli.shared import (
    Settings,
    complete_role,
    handled,
    library_of,
    read_inventory,
)
from careerpath.errors import Cancelled, CareerpathError, UsageError

if TYPE_CHECKING:  # the heavy modules load inside the commands that need them
    from collections.abc import Callable

    from careerpath.core.draft import Draft
    from careerpath.core.model import Inventory
    from careerpath.edges.load import Library

app = typer.Typer(add_completion=False)


@app.command(
    epilog=(
        "Example: careerpath assess -r testing\n"
        "Example: careerpath assess --update inventory-megan-2026-08-01.yaml"
    ),
)
@handled
def assess(
    ctx: typer.Context,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            help="Where to write the inventory (mode 0600). Default: a new file named for you"
            " and the day, inventory-NAME-YYYY-MM-DD.yaml, in CAREERPATH_HOME or your user"
            " data folder (with --update: next to the file updated).",
            show_default=False,
        ),
    ] = None,
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            "-r",
            metavar="ROLE",
            autocompletion=complete_role,
            help="The quick path: aim at ROLE and rate only its ten most important skills"
            " (by importance, then required level).",
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            help="Take the answers from this YAML file instead of asking, for scripts and CI"
            " (an inventory-shaped file; see docs/formats.md).",
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Continue the interrupted inventory (with --out: saved to that file instead).",
        ),
    ] = False,
    update: Annotated[
        Path | None,
        typer.Option(
            "--update",
            metavar="FILE",
            help="Re-assess: rate again only the skills you pick from this inventory, keep"
            " everything else, and write a new dated file.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace --out if it exists, without asking.")
    ] = False,
    as_manager: Annotated[
        Path | None,
        typer.Option(
            "--as-manager",
            metavar="FILE",
            help="Rate a report's skills as their manager: the same questions, stored in FILE"
            " beside their self-rating (a manager: section), never averaged into it.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Take your self-inventory: a guided, honest rating of every skill, saved as you go."""
    from careerpath.edges import locations

    if resume and (role or answers or update or as_manager):
        raise UsageError(
            "--resume goes on with the options the inventory started with; only --out (and"
            " --force) may change where it is saved"
        )
    if as_manager is not None and update is not None:
        raise UsageError(
            "--as-manager rates the inventory FILE as it is; re-assess first (--update), then"
            " rate the new file with --as-manager"
        )
    library = library_of(ctx)
    if role is not None:
        role = library.role(role).id
    base = read_inventory(update, library) if update is not None else None
    today = dt.date.today()
    settings = ctx.find_object(Settings) or Settings()
    if as_manager is not None:
        _assess_as_manager(library, as_manager, answers, out, role, force, today)
        return
    if answers is not None:
        _assess_from_answers(library, answers, out, role, update, base, force, today, settings)
        return
    _need_terminal("the answers in a file instead: careerpath assess --answers FILE")
    from careerpath.core.draft import Draft
    from careerpath.edges import interview
    from careerpath.edges.inventory_files import default_out

    folder = update.parent if update is not None else locations.user_home()

    def fresh() -> Draft:
        state = interview.new_draft(
            library,
            today=today,
            out=(out or default_out(folder, today)).absolute(),  # --resume may run elsewhere
            named=out is not None,
            role=role,
            update=(update, base) if update is not None and base is not None else None,
        )
        state.replace = force
        return state

    def own(saved: "Draft") -> bool:  # a self-inventory: never a manager's rating
        return resume or saved.manager_for is None

    state, inventory, written = _session(
        library, fresh, resume=resume, mine=own, out=out if resume else None, force=force
    )
    if state.manager_for is not None:  # a resumed --as-manager rating
        _manager_summary(library, inventory, written)
        return
    _assess_summary(library, inventory, written, settings)


def _need_terminal(instead: str) -> None:
    """A usage error when there is no terminal to ask in, saying what answers instead."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            f"assess asks its questions in a terminal, and there is none here; give {instead}"
            " (see docs/formats.md)"
        )


def _session(
    library: "Library",
    fresh: "Callable[[], Draft]",
    *,
    resume: bool,
    mine: "Callable[[Draft], bool]",
    out: Path | None = None,
    force: bool = False,
) -> "tuple[Draft, Inventory, Path]":
    """The interview in the terminal, saved as it goes to its unfinished-inventory file (one
    per person and kind): the finished draft, its inventory and where that was written. Ctrl-C,
    and a file that cannot be written at the end, say what was kept. Only the unfinished
    inventories `mine` accepts are offered; `out` sends a resumed one to a new file."""
    from careerpath.edges import interview, locations
    from careerpath.edges.inventory_files import ProgressFile, progress_files

    progress = ProgressFile(locations.user_home(), flags=exits.FLAGS)
    state: Draft | None = None
    try:
        state = interview.begin(
            library, progress=progress, fresh=fresh, resume=resume, mine=mine, out=out, force=force
        )
        interview.Interview(state, library, progress.save).run()
        try:
            inventory, written = interview.finish(state, library, progress, progress.save)
        except CareerpathError as error:
            if progress.current is None or not progress.current.exists():
                raise
            raise type(error)(
                f"{error.message}; your answers are kept in {progress.current}: save them"
                " elsewhere with careerpath assess --resume --out FILE",
                file=error.file,
                line=error.line,
                option=error.option,
            ) from None
    except (Cancelled, KeyboardInterrupt):
        if state is not None and progress.unanswered(state):  # stopped at the first question
            progress.remove()
            progress.current = None
        if progress.current is not None and progress.current.exists():
            typer.echo(
                f"careerpath: cancelled; progress saved to {progress.current};"
                " continue with careerpath assess --resume",
                err=True,
            )
        else:
            kept = progress_files(progress.home)  # stopped at "Continue it?": still there
            still = f"; the unfinished inventory in {kept[0]} is kept" if len(kept) == 1 else ""
            if len(kept) > 1:
                still = f"; the {len(kept)} unfinished inventories in {progress.home} are kept"
            typer.echo(
                f"careerpath: cancelled before the first answer; nothing was saved{still}",
                err=True,
            )
        raise typer.Exit(exits.CANCELLED) from None
    typer.echo()
    return state, inventory, written


def _assess_from_answers(
    library: "Library",
    answers: Path,
    out: Path | None,
    role: str | None,
    update: Path | None,
    base: "Inventory | None",
    force: bool,
    today: dt.date,
    settings: Settings,
) -> None:
    from careerpath.core.assessment import honesty_flags
    from careerpath.edges import locations
    from careerpath.edges.answers import inventory_from_answers
    from careerpath.edges.inventory_files import dated_name, write_inventory, write_new_inventory

    inventory = inventory_from_answers(answers, library, today=today, base=base, role=role)
    folder = update.parent if update is not None else locations.user_home()
    if out is None:  # a new dated file, its name taken exclusively (runs at once get their own)
        target = write_new_inventory(inventory, folder / dated_name(today, inventory.person))
    else:
        target = out
        write_inventory(inventory, target, replace=force)
    # With --update, check only the ratings the answers changed; the rest were checked before.
    asked = [
        s for s in inventory.ratings if base is None or base.ratings.get(s) != inventory.ratings[s]
    ]
    for flag in honesty_flags(inventory.ratings, asked):
        typer.echo(f"careerpath: check: {flag.message}", err=True)
    _assess_summary(library, inventory, target, settings)


def _assess_as_manager(
    library: "Library",
    report_path: Path,
    answers: Path | None,
    out: Path | None,
    role: str | None,
    force: bool,
    today: dt.date,
) -> None:
    """--as-manager: the manager's rating, added to the report's file (or written to --out)."""
    from careerpath.core.assessment import honesty_flags
    from careerpath.edges.inventory_files import update_inventory, write_inventory
    from careerpath.edges.locations import cache_dir
    from careerpath.edges.manager_files import check_replace, manager_from_answers

    report = read_inventory(report_path, library)
    target = out or report_path
    if answers is not None:

        def rated(current: "Inventory") -> "Inventory":
            check_replace(current, report_path, force)
            return manager_from_answers(answers, library, today=today, report=current)

        if out is None:  # in place, under a lock: the file as it is now gets the section
            inventory, target = update_inventory(report_path, library, rated, cache_dir())
        else:
            inventory = rated(report)
            write_inventory(inventory, out, replace=force)
        assert inventory.manager is not None
        ratings = inventory.manager.ratings
        for flag in honesty_flags(ratings, ratings, inventory.person):
            typer.echo(f"careerpath: check: {flag.message}", err=True)
        _manager_summary(library, inventory, target)
        return
    _need_terminal(
        "the manager's answers in a file instead:"
        " careerpath assess --as-manager FILE --answers ANSWERS"
    )
    from careerpath.core.draft import Draft
    from careerpath.edges import interview

    def fresh() -> Draft:
        if not force:
            interview.confirm_replace_manager(report, report_path)
        state = interview.new_draft(
            library,
            today=today,
            out=target.absolute(),
            named=True,
            role=role,
            update=None,
            manager_for=(report_path, report),
        )
        state.replace = out is None or force  # in place: adding the section is the point
        return state

    def of_this_report(saved: "Draft") -> bool:  # a manager's rating of this report only
        return saved.manager_for == report_path.resolve()

    _, inventory, written = _session(library, fresh, resume=False, mine=of_this_report)
    _manager_summary(library, inventory, written)


def _manager_summary(library: "Library", inventory: "Inventory", written: Path) -> None:
    from careerpath.core.reviews.compare import compare
    from careerpath.views.compare_text import compare_text

    comparison = compare(inventory, library.catalogue, reader="manager")
    assert comparison is not None
    typer.echo(f"Saved your rating of {inventory.person} beside their own: {written}\n")
    typer.echo(compare_text(comparison))
    typer.echo(
        f"\nNext: careerpath compare {written} --reader manager, and a plan on the lower of"
        f" the two views: careerpath plan {written} --basis conservative"
    )


def _assess_summary(
    library: "Library", inventory: "Inventory", written: Path, settings: Settings
) -> None:
    from careerpath.views.summary_text import summary_text

    summary = summary_text(
        inventory, library.roles.values(), library.catalogue, written, settings.roles_dir
    )
    typer.echo(exits.flagged(summary))
