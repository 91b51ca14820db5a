"""How careerpath's --help reads: the words a person types, never an internal type name.

typer 0.29 shows each parameter's Python type (`--force <bool>`, `--dir <list[Path]>`) and
writes a required argument as `{INVENTORY}`. careerpath's commands show an option's metavar
instead (FILE, DIR, ROLE: what to type after it), nothing after a flag, and arguments the way
Unix usage lines write them: `INVENTORY`, `[PATH]...`. These classes change only how a parameter
is shown, never how it is parsed or completed; app.py puts them on every command it builds.
"""

from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


class PlainOption(TyperOption):
    def display_type_rich(self, ctx: Any) -> str | None:
        if self.is_flag:
            return None
        if self.metavar is not None:
            return self.metavar
        if self.type_descriptor.is_path:
            return "DIR" if self.type_descriptor.path_type == "dir" else "FILE"
        return (self.name or "value").upper()


class PlainArgument(TyperArgument):
    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        if not self.required:
            name = f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")


def plain_params(params: list[Any]) -> list[Any]:
    """The parameters, each shown plainly from now on (typer's own classes, swapped for the
    subclasses above, which add no state)."""
    for param in params:
        if type(param) is TyperOption:
            param.__class__ = PlainOption
        elif type(param) is TyperArgument:
            param.__class__ = PlainArgument
    return params


class PlainCommand(TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:
        return plain_params(super().get_params(ctx))


class PlainGroup(TyperGroup):
    def get_params(self, ctx: Any) -> list[Any]:
        return plain_params(super().get_params(ctx))


def plain(command: TyperCommand | TyperGroup) -> TyperCommand | TyperGroup:
    """`command` and its subcommands, shown plainly."""
    if type(command) is TyperCommand:
        command.__class__ = PlainCommand
    elif type(command) is TyperGroup:
        command.__class__ = PlainGroup
    if isinstance(command, TyperGroup):
        for sub in command.commands.values():
            if isinstance(sub, TyperCommand | TyperGroup):
                plain(sub)
    plain_params(command.params)
    return command
