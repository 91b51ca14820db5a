"""The typer app: its global options, its commands, and the console script.

`careerpath NAME` is the typer app `app` of the module careerpath.cli.commands.NAME. The group
imports and builds a command only when click looks it up by name (click's documented lazy
loading: a group that overrides list_commands and get_command), so a run builds the one command
it runs; --help looks up, and so builds, them all.
"""

import contextlib
import difflib
import errno
import functools
import importlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from careerpath import __version__
from careerpath.cli import exits
from careerpath.cli.plain_help import PlainGroup, plain
from careerpath.cli.shared import Settings

# Every command, in the order --help lists them; each is careerpath.cli.commands.NAME.
COMMANDS = (
    *("validate", "gaps", "paths", "plan", "assess", "demo", "compare"),
    *("progress", "history", "team", "export", "schema", "roles", "goals"),
)


@functools.cache
def command(name: str) -> TyperCommand | TyperGroup:
    """The command `name`, built from its module's typer app (imported now, once)."""
    module = importlib.import_module(f"careerpath.cli.commands.{name}")
    built = typer.main.get_command(module.app)
    assert isinstance(built, TyperCommand | TyperGroup), name
    return plain(built)


class Careerpath(PlainGroup):
    """careerpath's top-level group: the commands are found by name, not registered, and
    output that cannot be written ends the way it does for any well-behaved tool."""

    def list_commands(self, ctx: object) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: object, cmd_name: str) -> TyperCommand | TyperGroup | None:
        return command(cmd_name) if cmd_name in COMMANDS else None

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, global_options_first(args))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """click's own, with a did-you-mean from every command's name (typer's own suggestion
        knows only the commands registered with it, and these are found by name instead)."""
        try:
            return super().resolve_command(ctx, args)
        except typer.TyperException as error:
            matches = difflib.get_close_matches(args[0], COMMANDS) if args else []
            message = getattr(error, "message", "")
            if matches and message.startswith("No such command"):
                suggestions = ", ".join(repr(m) for m in matches)
                error.message = f"{message.rstrip('.')}. Did you mean {suggestions}?"
            raise

    def make_context(self, *args: Any, **kwargs: Any) -> Any:  # --help and --version print here
        with output_failures():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        with output_failures():
            return super().invoke(ctx)


GLOBAL_OPTIONS = ("--roles-dir",)


def global_options_first(args: list[str]) -> list[str]:
    """The arguments with --roles-dir DIR moved to the front, wherever it was given: before the
    command (where click looks for a group's options) or after it (`careerpath gaps me.yaml
    --roles-dir our-roles`). No command has an option of that name; after `--` nothing moves."""
    moved: list[str] = []
    rest: list[str] = []
    words = iter(args)
    for word in words:
        if word == "--":
            rest.extend([word, *words])
            break
        if word in GLOBAL_OPTIONS:
            moved.extend([word, *(value for value in [next(words, None)] if value is not None)])
        elif word.startswith(tuple(f"{o}=" for o in GLOBAL_OPTIONS)):
            moved.append(word)
        else:
            rest.append(word)
    return [*moved, *rest]


@contextlib.contextmanager
def output_failures() -> Iterator[None]:
    """A closed pipe (`careerpath demo | head -1`) ends quietly with exit 0: the reader has what
    it wanted. Output that fails otherwise (`> /dev/full`: no space left) is one line on stderr
    and exit 1. Either way what is left unwritten goes nowhere, so exiting does not fail again.

    An OSError without a file name is a failed write to an open stream: careerpath's own files
    turn their errors into CareerpathError, naming the file.
    """
    try:
        yield
    except SystemExit as stop:  # rich met the closed pipe (--help): it exits 1; the reader is done
        if isinstance(stop.__context__, BrokenPipeError):
            _discard_output()
            raise typer.Exit(exits.OK) from None
        raise
    except OSError as error:
        if error.errno == errno.EPIPE:
            _discard_output()
            raise typer.Exit(exits.OK) from None
        if error.filename is not None or error.filename2 is not None:
            raise
        _discard_output()
        with contextlib.suppress(OSError, ValueError):
            typer.echo(f"careerpath: error: cannot write the output: {error.strerror}", err=True)
        raise typer.Exit(exits.DATA) from None


def _discard_output() -> None:
    """Point standard output at the null device, so that flushing it at exit cannot fail."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


app = typer.Typer(
    name="careerpath",
    cls=Careerpath,
    add_completion=True,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Plan a career move from technical support: rate your skills honestly, see the gaps"
    " against the roles you aim at, and get a dated growth plan to follow with your manager.",
)


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
            metavar="DIR",
            envvar="CAREERPATH_ROLES",
            help="Your organisation's folder of skills.yaml, role profiles and templates/;"
            " they add to or replace the built-in ones. Before or after the command.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    ctx.obj = Settings(roles_dir=roles_dir)


def main() -> None:
    """The console script: typer's usage errors become one line too, like careerpath's own.

    SIGTERM, SIGHUP and every other terminating signal that can be caught unwind like Ctrl-C
    (careerpath.edges.signals), so that nothing is left half done, then end the process by the
    same signal.
    """
    from careerpath.edges.signals import terminate_cleanly

    # careerpath's models use no pydantic plugin, and looking for them reads every installed
    # package's entry points (importlib.metadata): about 8 ms of each run, a twentieth of the
    # floor. Pydantic's documented switch; a user's own setting is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    with terminate_cleanly():
        _main()


def _main() -> None:
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
        sys.exit(exits.CANCELLED)
    sys.exit(code if isinstance(code, int) else 0)
