"""The typer app: its global options, its commands built on demand, and the console script.

Each command lives in a module named for what it does (COMMAND_MODULES); a run imports and
builds only the one it runs, --help all of them.
"""

import contextlib
import errno
import importlib
import os
import sys
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup
from typer.models import CommandInfo, TyperInfo

from careerpath import __version__
from careerpath.cli import exits
from careerpath.cli.shared import Settings

if TYPE_CHECKING:
    from typer._click import Command as ClickCommand

# Every command's module under careerpath.cli, in the order --help lists them.
COMMAND_MODULES = {
    "validate": "data",
    "gaps": "plans",
    "paths": "paths",
    "plan": "plans",
    "assess": "assess",
    "demo": "plans",
    "compare": "reviews",
    "progress": "reviews",
    "history": "reviews",
    "team": "reviews",
    "export": "reviews",
    "schema": "data",
    "roles": "data",
    "goals": "goals",
}

# The command modules register their commands here when imported.
commands = typer.Typer()


class OnDemand(MutableMapping[str, "ClickCommand"]):
    """careerpath's commands by name, each imported and built when click first looks it up.

    typer turns every command's signature into click parameters before it runs anything, and a
    run needs one command. Names are known without building (did-you-mean, the order of
    --help); --help itself builds them all, as it must.
    """

    def __init__(self, group: TyperGroup) -> None:
        self._group = group
        self._names = list(COMMAND_MODULES)
        self._built: dict[str, ClickCommand] = {}

    def __getitem__(self, name: str) -> "ClickCommand":
        if name not in self._built:
            if name not in self._names or name not in COMMAND_MODULES:
                raise KeyError(name)
            importlib.import_module(f"careerpath.cli.{COMMAND_MODULES[name]}")
            self._built[name] = self._build(registered(name))
        return self._built[name]

    def _build(self, info: CommandInfo | TyperInfo) -> "ClickCommand":
        if isinstance(info, CommandInfo):
            return typer.main.get_command_from_info(
                info,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=self._group.rich_markup_mode,
            )
        return typer.main.get_group_from_info(
            info,
            pretty_exceptions_short=app.pretty_exceptions_short,
            rich_markup_mode=self._group.rich_markup_mode,
            suggest_commands=self._group.suggest_commands,
        )

    def __setitem__(self, name: str, command: "ClickCommand") -> None:
        self._built[name] = command
        if name not in self._names:
            self._names.append(name)

    def __delitem__(self, name: str) -> None:
        self._names.remove(name)
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def registered(name: str) -> CommandInfo | TyperInfo:
    """The registration of command or sub-app `name` (its module must have been imported)."""
    for info in commands.registered_commands:
        assert info.callback is not None
        if (info.name or typer.main.get_command_name(info.callback.__name__)) == name:
            return info
    for sub_app in commands.registered_groups:
        if sub_app.name == name:
            return sub_app
    raise KeyError(name)


class Careerpath(TyperGroup):
    """careerpath's top-level group: its commands come from COMMAND_MODULES, built on demand,
    and output that cannot be written ends the way it does for any well-behaved tool."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = OnDemand(self)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:  # --help and --version print here
        with output_failures():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        with output_failures():
            return super().invoke(ctx)


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
    add_completion=False,
    no_args_is_help=True,
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


def main() -> None:
    """The console script: typer's usage errors become one line too, like careerpath's own.

    SIGTERM and SIGHUP unwind like Ctrl-C (careerpath.edges.signals), so that nothing is left
    half done, then end the process by the same signal.
    """
    from careerpath.edges.signals import terminate_cleanly

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
