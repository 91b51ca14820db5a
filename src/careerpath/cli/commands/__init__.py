"""One module per command, named for it: careerpath.cli.app finds `careerpath NAME` as the
typer app `app` of careerpath.cli.commands.NAME, and imports it only when NAME runs (or --help)."""
