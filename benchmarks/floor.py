"""The floor: the smallest typer CLI with one real command.

Any typer-based CLI pays at least this at start-up (interpreter, typer, and what typer imports
to run a command). Benchmarks report careerpath's times as a ratio to this one, measured in the
same run, because absolute times on shared machines drift.

    python typer_floor.py run      # one real command
    python typer_floor.py --help   # help only

careerpath's copy of ../shared/bench/typer_floor.py, kept in the repository so that
benchmarks/bench.py runs anywhere; keep the code identical to the shared one.
"""

import typer

app = typer.Typer(add_completion=False)


@app.command()
def run(name: str = "floor") -> None:
    """Print one line."""
    typer.echo(f"ok {name}")


@app.command()
def other() -> None:
    """A second command, so that typer builds a command group as a real CLI does."""


if __name__ == "__main__":
    app()
