"""The command line: the only module that knows typer, exit codes and where output goes."""

# No `from __future__ import annotations` here: typer reads every command's annotations, and
# real objects spare it compiling and evaluating each one as a string (a tenth of --help).
# Names imported only for type checking are quoted instead.

import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer
from typer.core import TyperGroup
from typer.models import CommandInfo, TyperInfo

from careerpath import __version__
from careerpath.errors import EXIT_CANCELLED, EXIT_DATA, EXIT_USAGE, CareerpathError

if TYPE_CHECKING:  # the heavy modules load inside the commands that need them
    from typer._click import Command as ClickCommand

    from careerpath.carryover import Previous
    from careerpath.compare import Comparison
    from careerpath.load import Library
    from careerpath.model import Inventory
    from careerpath.planning import Horizon, Plan

P = ParamSpec("P")
R = TypeVar("R")

# The commands are registered here, and built only when click looks one up (OnDemand below).
commands = typer.Typer()


class OnDemand(MutableMapping[str, "ClickCommand"]):
    """The commands of `commands` by name, each built from its function when first looked up.

    typer turns every command's signature into click parameters before it runs anything: about
    20 ms for careerpath's commands, of which a run needs one. Names are known without building
    (for did-you-mean and the order of --help); --help itself builds them all, as it must.
    """

    def __init__(self, source: typer.Typer, group: TyperGroup) -> None:
        self._group = group
        self._infos: dict[str, CommandInfo | TyperInfo] = {}
        for info in source.registered_commands:
            assert info.callback is not None
            self._infos[info.name or typer.main.get_command_name(info.callback.__name__)] = info
        for sub_app in source.registered_groups:
            assert sub_app.name, "sub-apps are added with a name"
            self._infos[sub_app.name] = sub_app
        self._built: dict[str, ClickCommand] = {}

    def __getitem__(self, name: str) -> "ClickCommand":
        if name not in self._built:
            info = self._infos[name]
            self._built[name] = (
                typer.main.get_command_from_info(
                    info,
                    pretty_exceptions_short=app.pretty_exceptions_short,
                    rich_markup_mode=self._group.rich_markup_mode,
                )
                if isinstance(info, CommandInfo)
                else typer.main.get_group_from_info(
                    info,
                    pretty_exceptions_short=app.pretty_exceptions_short,
                    rich_markup_mode=self._group.rich_markup_mode,
                    suggest_commands=self._group.suggest_commands,
                )
            )
        return self._built[name]

    def __setitem__(self, name: str, command: "ClickCommand") -> None:
        self._built[name] = command
        self._infos.setdefault(name, CommandInfo(name=name))

    def __delitem__(self, name: str) -> None:
        del self._infos[name]
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._infos)

    def __len__(self) -> int:
        return len(self._infos)


class Careerpath(TyperGroup):
    """careerpath's top-level group: its commands come from `commands`, built on demand."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = OnDemand(commands, self)


app = typer.Typer(
    name="careerpath",
    cls=Careerpath,
    add_completion=False,
    no_args_is_help=True,
    help="Plan a career move from technical support: rate your skills honestly, see the gaps"
    " against the roles you aim at, and get a dated growth plan to follow with your manager.",
)
roles_app = typer.Typer(
    invoke_without_command=True,
    help="List the role profiles, or show one role, or list the skills.",
)
commands.add_typer(roles_app, name="roles")
goals_app = typer.Typer(
    no_args_is_help=True,
    help="The goals of a JSON plan: list them, mark one done with its evidence.",
)
commands.add_typer(goals_app, name="goals")


class Settings:
    """Options given before the command, shared with every command through typer's context."""

    def __init__(self, roles_dir: Path | None = None) -> None:
        self.roles_dir = roles_dir


def fail(error: CareerpathError) -> None:
    typer.echo(f"careerpath: error: {error}", err=True)


def handled(command: Callable[P, R]) -> Callable[P, R]:
    """Turn careerpath's errors into one line on stderr and an exit code; never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except CareerpathError as error:
            fail(error)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("careerpath: cancelled", err=True)
            raise typer.Exit(EXIT_CANCELLED) from None

    return wrapper


def _version(value: bool) -> None:
    if value:
        typer.echo(f"careerpath {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    roles_dir: Annotated[
        Path | None,
        typer.Option(
            "--roles-dir",
            envvar="CAREERPATH_ROLES",
            help="Your organisation's folder of skills.yaml, role profiles and templates/;"
            " they add to or replace the built-in ones.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    ctx.obj = Settings(roles_dir=roles_dir)


def _library(ctx: typer.Context) -> "Library":
    from careerpath.load import load_library
    from careerpath.locations import cache_dir

    settings = ctx.find_object(Settings) or Settings()
    return load_library(settings.roles_dir, cache_dir())


def _inventory(path: Path, library: "Library") -> "Inventory":
    from careerpath.load import load_inventory
    from careerpath.locations import cache_dir

    return load_inventory(path, library, cache_dir())


def _date(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CareerpathError(
            f"--date must be a date like 2026-11-23, got '{text}'", exit_code=EXIT_USAGE
        ) from None


def _echo_json(data: object) -> None:
    import json

    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _emit(text: str, out: Path | None, force: bool) -> None:
    if out is None:
        typer.echo(text, nl=not text.endswith("\n"))
        return
    from careerpath.writing import write_private

    write_private(out, text, force=force)
    typer.echo(f"careerpath: wrote {out}", err=True)


# --- roles -------------------------------------------------------------------------------


@roles_app.callback()
@handled
def roles(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the role profiles you can aim at."""
    if ctx.invoked_subcommand is not None:
        return
    library = _library(ctx)
    if as_json:
        data = [
            {
                "id": r.id,
                "title": r.title,
                "summary": r.summary,
                "skills": len(r.skills),
                "source": str(library.sources[r.id]),
            }
            for r in sorted(library.roles.values(), key=lambda r: r.id)
        ]
        _echo_json(data)
        return
    width = max(len(r) for r in library.roles)
    for role in sorted(library.roles.values(), key=lambda r: r.id):
        typer.echo(f"{role.id:<{width}}  {role.title}")
    typer.echo("\nShow one with: careerpath roles show ROLE")


@roles_app.command("show")
@handled
def roles_show(
    ctx: typer.Context,
    role_id: Annotated[str, typer.Argument(metavar="ROLE", help="A role id, e.g. testing.")],
) -> None:
    """Show what a role needs: skills with level and importance, credentials, people, mentor."""
    from careerpath.roleview import role_text

    library = _library(ctx)
    typer.echo(role_text(library.role(role_id), library.catalogue))


@roles_app.command("skills")
@handled
def roles_skills(ctx: typer.Context) -> None:
    """List every skill in the catalogue, by category, with its id."""
    library = _library(ctx)
    catalogue = library.catalogue
    for category, title in catalogue.categories.items():
        typer.echo(title)
        for skill_id, skill in catalogue.skills.items():
            if skill.category == category:
                typer.echo(f"  {skill_id:<28} {skill.name}")


# --- validate ----------------------------------------------------------------------------


@commands.command()
@handled
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders to check. Default: the built-in and organisation data.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check skill catalogues, role profiles and inventories; print every problem found."""
    from careerpath.validation import default_paths, validate_paths

    settings = ctx.find_object(Settings) or Settings()
    library = _library(ctx) if not paths else _library_or_builtin(ctx)
    report = validate_paths(paths or default_paths(settings.roles_dir), library)
    for error in report.errors:
        fail(error)
    files = _count(len(report.checked), "file")
    if report.errors:
        typer.echo(f"{_count(len(report.errors), 'problem')} in {files}", err=True)
        raise typer.Exit(EXIT_DATA)
    typer.echo(f"ok: {files} valid")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _library_or_builtin(ctx: typer.Context) -> "Library":
    """The library to check files against; the built-in one if the organisation's is broken."""
    from careerpath.load import load_library

    try:
        return _library(ctx)
    except CareerpathError:
        return load_library(None)


# --- gaps and plan -----------------------------------------------------------------------


InventoryArg = Annotated[
    Path, typer.Argument(metavar="INVENTORY", help="Your self-inventory YAML file.")
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
    from careerpath.basis import check_basis, with_basis

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
    from careerpath.basis import basis_line, check_basis
    from careerpath.gaps import analyse, rank
    from careerpath.report import gaps_data, ranking_text, role_text

    library = _library(ctx)
    original = _inventory(inventory_path, library)
    inventory = _based(original, basis)
    catalogue = library.catalogue
    if role is not None:
        ranking = []
        detail = [analyse(inventory.ratings, library.role(role), catalogue)]
    else:
        ranking = rank(inventory.ratings, library.roles.values(), catalogue)
        detail = [r for target in inventory.targets for r in ranking if r.role == target]
    if as_json:
        _echo_json({**gaps_data(inventory.person, ranking, detail), "basis": basis})
        return
    parts = [f"{inventory.person}, {inventory.date.isoformat()}"]
    if basis != "self" or original.manager is not None:
        parts[0] += "\n" + basis_line(original, check_basis(basis))
    if sys.stdout.isatty():  # a person reading: tables with bars coloured by priority (rich)
        from careerpath.terminal import print_gaps

        print_gaps(parts.pop(0), ranking, detail)
    else:  # piped: plain text
        if ranking:
            parts.append(ranking_text(ranking))
        parts.extend(role_text(r) for r in detail)
    if role is None and not inventory.targets:
        parts.append("No targets in the inventory: add `targets: [ROLE]` or use --role ROLE.")
    if parts:
        typer.echo("\n\n".join(parts))


@commands.command()
@handled
def plan(
    ctx: typer.Context,
    inventory_path: InventoryArg,
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
        str,
        typer.Option(
            "--format",
            metavar="md|html|json",
            help="md (default); html: one self-contained page with charts, for printing or"
            " sharing; json: every number and goal (careerpath schema plan).",
        ),
    ] = "md",
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
) -> None:
    """Write a dated growth plan for one role.

    Goals for the top gaps, mentor, people to meet, timeline, and a one-on-one agenda."""
    from careerpath.basis import basis_line, check_basis
    from careerpath.planning import parse_horizon

    library = _library(ctx)
    original = _inventory(inventory_path, library)
    inventory = _based(original, basis)
    if basis != "self" or original.manager is not None:
        for text in basis_line(original, check_basis(basis)).splitlines():
            typer.echo(f"careerpath: {text}", err=True)
    start = _date(date)
    span = parse_horizon(horizon)
    role_id = role or _first_target(inventory)
    from careerpath.plan_formats import check_format

    check_format(fmt, template)
    targets = [path for path in (out, ics) if path is not None]
    if out is not None and ics is not None and out.resolve() == ics.resolve():
        raise CareerpathError("--out and --ics name the same file", exit_code=EXIT_USAGE)
    for path in targets:
        if path.is_file() and not force:  # check both before writing either
            raise CareerpathError("already exists; use --force to replace it", file=path)
    before = None if previous is None else _previous_plan(previous, original)
    comparison = None
    if original.manager is not None:  # both views: the plan carries the comparison
        from careerpath.compare import compare as compare_views

        comparison = compare_views(original, library.catalogue)
    the_plan = _build_plan(
        library,
        inventory,
        role_id,
        start,
        span,
        basis=check_basis(basis),
        comparison=comparison,
        previous=before,
    )
    text = _plan_text(library, the_plan, fmt, template)
    _emit(text, out, force)
    if ics is not None:
        from careerpath.calendar_file import plan_calendar
        from careerpath.writing import write_private

        write_private(ics, plan_calendar(the_plan), force=force)
        typer.echo(f"careerpath: wrote {ics}", err=True)


def _first_target(inventory: "Inventory") -> str:
    if not inventory.targets:
        raise CareerpathError(
            "the inventory has no targets; add `targets: [ROLE]` to it or pass --role ROLE",
            exit_code=EXIT_USAGE,
        )
    return inventory.targets[0]


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
    from careerpath.planning import build_plan

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


def _previous_plan(path: Path, inventory: "Inventory") -> "Previous":
    """--previous: the earlier plan's goals, from its JSON; it must be the same person's."""
    from careerpath.plan_file import read_plan
    from careerpath.plan_json import previous_plan

    document = read_plan(path)
    if document.person.strip().casefold() != inventory.person.strip().casefold():
        raise CareerpathError(
            f"--previous is {document.person}'s plan, and the inventory is"
            f" {inventory.person}'s; name {inventory.person}'s previous plan",
            file=path,
        )
    return previous_plan(document)


def _plan_text(library: "Library", the_plan: "Plan", fmt: str, template: Path | None) -> str:
    """The plan in `fmt`; the SMART check's findings go to stderr as warnings."""
    from careerpath.locations import cache_dir
    from careerpath.plan_formats import render_plan

    rendered = render_plan(the_plan, library, fmt, template, cache_dir())
    for warning in rendered.warnings:
        typer.echo(f"careerpath: warning: {warning}", err=True)
    return rendered.text


def _plan_markdown(
    library: "Library", inventory: "Inventory", role_id: str, start: dt.date, span: "Horizon"
) -> str:
    return _plan_text(library, _build_plan(library, inventory, role_id, start, span), "md", None)


# --- assess ------------------------------------------------------------------------------


@commands.command()
@handled
def assess(
    ctx: typer.Context,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Where to write the inventory (mode 0600). Default: a new dated file,"
            " inventory-YYYY-MM-DD.yaml, in CAREERPATH_HOME or your user data folder"
            " (with --update: next to the file updated).",
            show_default=False,
        ),
    ] = None,
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            help="The quick path: aim at ROLE and rate only its ten most important skills"
            " (by importance, then required level).",
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Take the answers from this YAML file instead of asking, for scripts and CI"
            " (an inventory-shaped file; see docs/formats.md).",
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue the interrupted inventory.")
    ] = False,
    update: Annotated[
        Path | None,
        typer.Option(
            "--update",
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
    from careerpath import locations
    from careerpath.errors import Cancelled

    if resume and (out or role or answers or update or force or as_manager):
        raise CareerpathError(
            "--resume goes on with the options the inventory started with; use it alone",
            exit_code=EXIT_USAGE,
        )
    if as_manager is not None and update is not None:
        raise CareerpathError(
            "--as-manager rates the inventory FILE as it is; re-assess first (--update), then"
            " rate the new file with --as-manager",
            exit_code=EXIT_USAGE,
        )
    library = _library(ctx)
    if role is not None:
        library.role(role)
    base = _inventory(update, library) if update is not None else None
    today = dt.date.today()
    settings = ctx.find_object(Settings) or Settings()
    if as_manager is not None:
        _assess_as_manager(library, as_manager, answers, out, role, force, today, settings)
        return
    if answers is not None:
        _assess_from_answers(library, answers, out, role, update, base, force, today, settings)
        return
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CareerpathError(
            "assess asks its questions in a terminal, and there is none here; give the answers"
            " in a file instead: careerpath assess --answers FILE (see docs/formats.md)",
            exit_code=EXIT_USAGE,
        )
    from careerpath import interview
    from careerpath.draft import Draft
    from careerpath.inventory_files import default_out, progress_path, save_draft

    progress = progress_path(locations.user_home())
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

    def save(state: Draft) -> None:
        save_draft(state, progress)

    try:
        state = interview.begin(library, progress=progress, fresh=fresh, resume=resume)
        interview.Interview(state, library, save).run()
        inventory, written = interview.finish(state, library, progress, save)
    except (Cancelled, KeyboardInterrupt):
        if progress.exists():
            typer.echo(
                f"careerpath: cancelled; progress saved to {progress};"
                " continue with careerpath assess --resume",
                err=True,
            )
        else:
            typer.echo("careerpath: cancelled; nothing was saved", err=True)
        raise typer.Exit(EXIT_CANCELLED) from None
    typer.echo()
    if state.manager_for is not None:  # a resumed --as-manager rating
        _manager_summary(library, inventory, written, settings)
        return
    _assess_summary(library, inventory, written, settings)


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
    from careerpath import locations
    from careerpath.answers import inventory_from_answers
    from careerpath.assessment import honesty_flags
    from careerpath.inventory_files import default_out, write_inventory

    inventory = inventory_from_answers(answers, library, today=today, base=base, role=role)
    folder = update.parent if update is not None else locations.user_home()
    target = out or default_out(folder, today)
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
    settings: Settings,
) -> None:
    """--as-manager: the manager's rating, added to the report's file (or written to --out)."""
    from careerpath import locations
    from careerpath.assessment import honesty_flags
    from careerpath.errors import Cancelled
    from careerpath.inventory_files import write_inventory
    from careerpath.manager import check_replace, manager_from_answers

    report = _inventory(report_path, library)
    target = out or report_path
    if answers is not None:
        check_replace(report, report_path, force)
        inventory = manager_from_answers(answers, library, today=today, report=report)
        write_inventory(inventory, target, replace=out is None or force)
        assert inventory.manager is not None
        for flag in honesty_flags(inventory.manager.ratings, inventory.manager.ratings):
            typer.echo(f"careerpath: check: {flag.message}", err=True)
        _manager_summary(library, inventory, target, settings)
        return
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CareerpathError(
            "assess asks its questions in a terminal, and there is none here; give the manager's"
            " answers in a file instead: careerpath assess --as-manager FILE --answers ANSWERS"
            " (see docs/formats.md)",
            exit_code=EXIT_USAGE,
        )
    from careerpath import interview
    from careerpath.draft import Draft
    from careerpath.inventory_files import progress_path, save_draft

    progress = progress_path(locations.user_home())

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

    def save(state: Draft) -> None:
        save_draft(state, progress)

    try:
        state = interview.begin(library, progress=progress, fresh=fresh, resume=False)
        interview.Interview(state, library, save).run()
        inventory, written = interview.finish(state, library, progress, save)
    except (Cancelled, KeyboardInterrupt):
        typer.echo(
            f"careerpath: cancelled; progress saved to {progress};"
            " continue with careerpath assess --resume"
            if progress.exists()
            else "careerpath: cancelled; nothing was saved",
            err=True,
        )
        raise typer.Exit(EXIT_CANCELLED) from None
    typer.echo()
    _manager_summary(library, inventory, written, settings)


def _manager_summary(
    library: "Library", inventory: "Inventory", written: Path, settings: Settings
) -> None:
    from careerpath.compare import compare
    from careerpath.compare_report import compare_text

    comparison = compare(inventory, library.catalogue)
    assert comparison is not None
    typer.echo(f"Saved the manager rating beside the self-rating: {written}\n")
    typer.echo(compare_text(comparison))
    typer.echo(
        f"\nNext: careerpath compare {written}, and a plan on the lower of the two views:"
        f" careerpath plan {written} --basis conservative"
    )


def _assess_summary(
    library: "Library", inventory: "Inventory", written: Path, settings: Settings
) -> None:
    from careerpath.summary import summary_text

    typer.echo(
        summary_text(
            inventory, library.roles.values(), library.catalogue, written, settings.roles_dir
        )
    )


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
    from careerpath import locations
    from careerpath.gaps import rank
    from careerpath.planning import parse_horizon
    from careerpath.report import ranking_text, role_text

    library = _library(ctx)
    path = locations.example_inventory()
    inventory = _inventory(path, library)
    ranking = rank(inventory.ratings, library.roles.values(), library.catalogue)
    target = _first_target(inventory)
    typer.echo(f"careerpath demo: the shipped example inventory, {path.name}\n")
    typer.echo(ranking_text(ranking) + "\n")
    typer.echo(role_text(next(r for r in ranking if r.role == target), limit=8) + "\n")
    typer.echo("-" * 72)
    start = _date(date) if date else inventory.date
    typer.echo(_plan_markdown(library, inventory, target, start, parse_horizon("6m")))
    typer.echo("-" * 72)
    typer.echo(
        f"Try it on your own file: careerpath gaps my.yaml, then"
        f" careerpath plan my.yaml --role {target} --out plan.md"
    )


# --- one-on-ones, history and the team (careerpath.compare, .history, .team) ---------------

FORMATS = ("text", "md", "html", "json")
FormatOption = Annotated[
    str,
    typer.Option(
        "--format", metavar="text|md|html|json", help="text for the terminal, or md, html, json."
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", help="Write to this file (mode 0600) instead of the terminal."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace --out if it exists.")]
TargetRoleOption = Annotated[
    str | None, typer.Option("--role", help="Only this role. Default: the targets.")
]


def _check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> str:
    if fmt not in allowed:
        raise CareerpathError(
            f"--format must be one of {', '.join(allowed)}, got '{fmt}'", exit_code=EXIT_USAGE
        )
    return fmt


def _output(
    library: "Library",
    fmt: str,
    text: Callable[[], str],
    markdown: Callable[[], str],
    data: Callable[[], dict[str, object]],
    template: str,
    title: str,
) -> str:
    """The chosen format of one result; HTML through careerpath.render (autoescaped)."""
    import json

    if fmt == "json":
        return json.dumps(data(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "md":
        return markdown()
    if fmt == "html":
        from careerpath.render import render

        context: dict[str, object] = {"title": title, template.split(".")[0]: data()}
        if template.startswith("team"):
            from careerpath.team_report import LEGEND

            context["legend"] = LEGEND
        return render(library.template_dirs, template, context)
    return text() + "\n"


@commands.command()
@handled
def compare(
    ctx: typer.Context,
    inventory_path: Annotated[
        Path, typer.Argument(metavar="FILE", help="An inventory with a manager rating.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Self against manager, skill by skill.

    Differences of two levels or more become discussion prompts for the next one-on-one."""
    from careerpath.compare import compare as compare_views
    from careerpath.compare_report import compare_data, compare_text

    library = _library(ctx)
    inventory = _inventory(inventory_path, library)
    comparison = compare_views(inventory, library.catalogue)
    if comparison is None:
        raise CareerpathError(
            "has no manager rating to compare with; the manager adds one with"
            f" careerpath assess --as-manager {inventory_path}",
            file=inventory_path,
        )
    if as_json:
        _echo_json(compare_data(comparison))
        return
    typer.echo(compare_text(comparison))


@commands.command()
@handled
def progress(
    ctx: typer.Context,
    old: Annotated[Path, typer.Argument(metavar="OLD", help="The earlier inventory.")],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="The later inventory.")],
    role: TargetRoleOption = None,
    fmt: FormatOption = "text",
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """Movement between two inventories: every skill, and readiness for the target roles."""
    from careerpath.history import chronological

    fmt = _check_format(fmt)
    library = _library(ctx)
    if role is not None:
        library.role(role)
    inventories = chronological([_inventory(old, library), _inventory(new, library)])
    _emit(_history_output(library, inventories, role, fmt), out, force)


def _history_output(
    library: "Library", inventories: "list[Inventory]", role: str | None, fmt: str
) -> str:
    from careerpath.history import history, history_data, history_markdown, history_text

    result = history(inventories, library.roles.values(), library.catalogue, role)
    return _output(
        library,
        fmt,
        lambda: history_text(result),
        lambda: history_markdown(result),
        lambda: history_data(result),
        "history.html.j2",
        f"Progress: {result.person}",
    )


@commands.command()
@handled
def history(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(metavar="PERSON", help="The name in the inventories.")],
    folders: Annotated[
        list[Path] | None,
        typer.Option(
            "--dir",
            help="A folder of dated inventories (repeatable). Default: your careerpath folder"
            " (CAREERPATH_HOME, else the user data folder).",
            show_default=False,
        ),
    ] = None,
    role: TargetRoleOption = None,
    fmt: FormatOption = "text",
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """PERSON's dated inventories, oldest first: movement per skill and readiness over time."""
    from careerpath import locations
    from careerpath.history import chronological
    from careerpath.inventory_folder import inventory_paths, read_inventories

    fmt = _check_format(fmt)
    library = _library(ctx)
    if role is not None:
        library.role(role)
    paths = [p for folder in folders or [locations.user_home()] for p in inventory_paths(folder)]
    loaded, errors = read_inventories(paths, library)
    for error in errors:
        fail(error)
    wanted = person.strip().casefold()
    mine = [inv for _, inv in loaded if inv.person.strip().casefold() == wanted]
    if not mine:
        names = sorted({inv.person for _, inv in loaded})
        found = f"; found: {', '.join(names)}" if names else ""
        where = ", ".join(str(f) for f in folders or [locations.user_home()])
        raise CareerpathError(f"no inventories of '{person}' in {where}{found}")
    _emit(_history_output(library, chronological(mine), role, fmt), out, force)
    if errors:
        raise typer.Exit(EXIT_DATA)


@commands.command()
@handled
def team(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="A folder of inventories.")],
    role: Annotated[
        str | None,
        typer.Option("--role", help="Only this role's skills and readiness. Default: all."),
    ] = None,
    fmt: FormatOption = "text",
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help="Replace names with Person 1, Person 2, ...")
    ] = False,
    out: OutOption = None,
    force: ForceOption = False,
) -> None:
    """A folder of inventories as a team: heatmap, readiness, thinnest skills, mentor pairs.

    Groups smaller than five are left out of aggregates."""
    from careerpath.inventory_folder import inventory_paths, read_inventories
    from careerpath.team import team as team_view
    from careerpath.team_report import team_data, team_markdown, team_text
    from careerpath.terminal import progress_bar

    fmt = _check_format(fmt)
    library = _library(ctx)
    profile = library.role(role) if role is not None else None
    paths = inventory_paths(folder)
    with progress_bar(len(paths), "Reading inventories") as tick:
        loaded, errors = read_inventories(paths, library, tick)
    for error in errors:
        fail(error)
    result = team_view(
        [inventory for _, inventory in loaded],
        library.roles.values(),
        library.catalogue,
        role=profile,
        anonymous=anonymous,
    )
    text = _output(
        library,
        fmt,
        lambda: team_text(result),
        lambda: team_markdown(result),
        lambda: team_data(result),
        "team.html.j2",
        "Team" + (f": {profile.title}" if profile is not None else ""),
    )
    _emit(text, out, force)
    if errors:
        typer.echo(f"careerpath: {_count(len(errors), 'file')} could not be read", err=True)
        raise typer.Exit(EXIT_DATA)


# --- goals across time (careerpath.plan_file) -----------------------------------------------

PlanArg = Annotated[
    Path,
    typer.Argument(
        metavar="PLAN.json", help="A plan written with careerpath plan ... --format json."
    ),
]


@goals_app.command("list")
@handled
def goals_list(plan_path: PlanArg) -> None:
    """Every goal of the plan with its id, due date and whether it is done."""
    from careerpath.plan_file import read_plan
    from careerpath.plan_json import document_goals

    document = read_plan(plan_path)
    goals = document_goals(document)
    typer.echo(
        f"{document.person} → {document.role.title}:"
        f" plan of {document.start.isoformat()} to {document.end.isoformat()}"
    )
    width = max([len("id"), *(len(g.id) for g in goals)])
    typer.echo(f"  {'id':<{width}}  {'due':<10}  {'status':<16}  goal")
    for goal in goals:
        due = goal.due.isoformat() if goal.due else "later"
        status = f"done {goal.done.date.isoformat()}" if goal.done else "open"
        if goal.carried_from is not None and goal.done is None:
            status = "open, carried"
        typer.echo(f"  {goal.id:<{width}}  {due:<10}  {status:<16}  {goal.title}")
    done = sum(1 for g in goals if g.done is not None)
    typer.echo(
        f"\n{_count(len(goals), 'goal')}: {done} done, {len(goals) - done} open."
        f' Mark one done: careerpath goals done {plan_path} ID --evidence "..."'
    )


@goals_app.command("done")
@handled
def goals_done(
    plan_path: PlanArg,
    goal: Annotated[
        str, typer.Argument(metavar="GOAL_ID", help="A goal's id (careerpath goals list).")
    ],
    evidence: Annotated[
        str,
        typer.Option("--evidence", help="What shows it is done: a ticket, a document, feedback."),
    ],
    date: Annotated[
        str | None,
        typer.Option("--date", help="When it was done, YYYY-MM-DD. Default: today."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the evidence of a goal already done.")
    ] = False,
) -> None:
    """Mark a goal of the plan done, with its evidence.

    The plan file is updated in place (mode 0600); a plan made with --previous skips the goal."""
    from careerpath.goals import Done
    from careerpath.plan_file import mark_goal_done

    when = _date(date)
    mark_goal_done(plan_path, goal, Done(when, evidence), force=force)
    typer.echo(f"careerpath: {goal} done on {when.isoformat()}; updated {plan_path}", err=True)


@commands.command()
@handled
def schema(
    name: Annotated[str, typer.Argument(help="catalogue, role, inventory or plan.")],
) -> None:
    """Print the JSON Schema of a file format, for editors that autocomplete YAML."""
    from careerpath.schema import schema_text

    typer.echo(schema_text(name), nl=False)


def main() -> None:
    """The console script: typer's usage errors become one line too, like careerpath's own."""
    try:
        code = app(standalone_mode=False, prog_name="careerpath")
    except typer.TyperException as error:  # typer's own usage and parameter errors
        ctx = getattr(error, "ctx", None)
        if type(error).__name__ == "NoArgsIsHelpError":
            sys.exit(0)  # typer has already shown the help, which is what a bare command asks for
        message = error.format_message().rstrip(".")
        if ctx is not None:  # after a question ("Did you mean ...?") a new sentence reads better
            see = f"see {ctx.command_path} --help"
            message += f" {see.capitalize()}" if message.endswith("?") else f"; {see}"
        typer.echo(f"careerpath: error: {message}", err=True)
        sys.exit(error.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        typer.echo("careerpath: cancelled", err=True)
        sys.exit(EXIT_CANCELLED)
    sys.exit(code if isinstance(code, int) else 0)
