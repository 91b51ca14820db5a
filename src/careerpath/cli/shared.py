"""What the commands share: settings, error handling, loading data, writing output."""

# No `from __future__ import annotations`: typer reads every command's annotations, and real
# objects spare it compiling and evaluating each one as a string. Names imported only for type
# checking are quoted instead.

import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer

from careerpath.cli import exits
from careerpath.errors import CareerpathError, UsageError

if TYPE_CHECKING:  # the heavy modules load inside the commands that need them
    from careerpath.core.model import Inventory
    from careerpath.edges.load import Library

WRITE_BLOCK = 1 << 16
P = ParamSpec("P")
R = TypeVar("R")


class Settings:
    """Options given before the command, shared with every command through typer's context."""

    def __init__(self, roles_dir: Path | None = None) -> None:
        self.roles_dir = roles_dir


def fail(error: CareerpathError) -> None:
    """One line on stderr; what it quotes from a file is shown inert (no escape sequence)."""
    from careerpath.views.escape import terminal_line

    typer.echo(f"careerpath: error: {terminal_line(exits.worded(error))}", err=True)


def handled(command: Callable[P, R]) -> Callable[P, R]:
    """Turn careerpath's errors into one line on stderr and an exit code; never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except CareerpathError as error:
            fail(error)
            raise typer.Exit(exits.exit_code(error)) from None
        except KeyboardInterrupt:
            typer.echo("careerpath: cancelled", err=True)
            raise typer.Exit(exits.CANCELLED) from None

    return wrapper


def library_of(ctx: typer.Context) -> "Library":
    from careerpath.edges.load import load_library
    from careerpath.edges.locations import cache_dir

    settings = ctx.find_object(Settings) or Settings()
    return load_library(settings.roles_dir, cache_dir())


def read_inventory(path: Path, library: "Library") -> "Inventory":
    from careerpath.edges.load import load_inventory
    from careerpath.edges.locations import cache_dir

    return load_inventory(path, library, cache_dir())


def parse_date(text: str | None) -> dt.date:
    """--date (today without it), in the range a plan may start in."""
    from careerpath.core.plan.horizon import check_start

    if text is None:
        return dt.date.today()
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date must be a date like 2026-11-23, got '{text}'") from None
    return check_start(day)


JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        help="Worker processes reading the files. Default: one per CPU for 200 files or more;"
        " 1 reads them in this process.",
        show_default=False,
    ),
]


def check_jobs(jobs: int | None) -> None:
    if jobs is not None and jobs < 1:
        raise UsageError(f"{{option}} must be 1 or more, got {jobs}", option="jobs")


# The format a file name asks for, by its extension (--out plan.html is HTML).
SUFFIX_FORMATS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".txt": "text",
    ".csv": "csv",
    ".jsonl": "jsonl",
}

FORMAT_NAMES = {
    **{"md": "Markdown", "html": "HTML", "json": "JSON", "text": "plain text"},
    **{"csv": "CSV", "jsonl": "JSON Lines"},
}


def chosen_format(fmt: str | None, out: Path | None, allowed: tuple[str, ...], default: str) -> str:
    """--format as given, else the one --out's extension names, else `default`.

    A --format that contradicts --out's extension (`--format md --out plan.html`) is a usage
    error, not a .html file of Markdown.
    """
    from careerpath.errors import one_of

    implied = SUFFIX_FORMATS.get(out.suffix.lower()) if out is not None else None
    if implied not in allowed:
        implied = None
    if fmt is None:
        return implied or default
    fmt = one_of(fmt, allowed, option="format")
    if implied is not None and implied != fmt:
        assert out is not None
        raise UsageError(
            f"--format {fmt} does not match --out {out.name} ({FORMAT_NAMES[implied]});"
            " leave --format out, and the extension decides, or name the file"
            f" {out.with_suffix('.' + {'text': 'txt'}.get(fmt, fmt)).name}"
        )
    return fmt


def echo_json(data: object) -> None:
    import json

    from careerpath.views.escape import json_text

    typer.echo(json_text(json.dumps(data, indent=2, ensure_ascii=False)))


def emit(text: str, out: Path | None, force: bool) -> None:
    """`text` to --out, or to stdout; on a terminal, with no escape sequence or control
    character left (the views strip user text already; this covers templates' own text)."""
    if out is None:
        import sys

        if sys.stdout.isatty():
            from careerpath.views.escape import terminal_text

            text = terminal_text(text)
        typer.echo(text, nl=not text.endswith("\n"))
        return
    from careerpath.edges.private_files import write_private

    write_private(out, text, force=force)
    typer.echo(f"careerpath: wrote {out}", err=True)


def emit_pieces(pieces: Iterable[str], out: Path | None, force: bool) -> None:
    """emit for output made in pieces (a team of thousands): written as they come, in blocks
    of about WRITE_BLOCK characters, never held whole."""
    if out is not None:
        from careerpath.edges.private_files import write_private

        write_private(out, pieces, force=force)
        typer.echo(f"careerpath: wrote {out}", err=True)
        return
    stream = sys.stdout
    block: list[str] = []
    size = 0
    for piece in pieces:
        block.append(piece)
        size += len(piece)
        if size >= WRITE_BLOCK:
            stream.write("".join(block))
            block, size = [], 0
    stream.write("".join(block))
    stream.flush()


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
