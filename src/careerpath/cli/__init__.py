"""The command line: the only package that knows typer, exit codes and where output goes."""

from careerpath.cli.app import app, main

__all__ = ["app", "main"]
