"""The one table from an error's kind to an exit code, and the flag each option name stands for.

Everything below the CLI raises errors by kind (careerpath.errors) and writes `{option}` (or
`{option:NAME}`, careerpath.errors.flag) where a text needs a flag; only this module knows the
codes and the flags.
"""

from careerpath.errors import Cancelled, CareerpathError, UsageError, spelled

OK = 0
DATA = 1  # bad data or a failed check
USAGE = 2  # wrong usage, or a prompt needed with no terminal
CANCELLED = 130  # Ctrl-C or end of input at a prompt

EXIT_CODES: tuple[tuple[type[BaseException], int], ...] = (
    (UsageError, USAGE),  # before CareerpathError, which it is a kind of
    (CareerpathError, DATA),
    (Cancelled, CANCELLED),
    (KeyboardInterrupt, CANCELLED),
)

# The option names errors and messages use, and the flag that gives each.
FLAGS = {
    "anonymous": "--anonymous",
    "answers": "--answers",
    "as_manager": "--as-manager",
    "basis": "--basis",
    "code": "--code",
    "date": "--date",
    "evidence": "--evidence",
    "force": "--force",
    "format": "--format",
    "from_role": "--from",
    "horizon": "--horizon",
    "hours": "--hours",
    "ics": "--ics",
    "jobs": "--jobs",
    "out": "--out",
    "previous": "--previous",
    "reader": "--reader",
    "resume": "--resume",
    "role": "--role",
    "role_id": "--id",
    "roles_dir": "--roles-dir",
    "template": "--template",
    "to": "--to",
    "update": "--update",
}


def exit_code(error: BaseException) -> int:
    for kind, code in EXIT_CODES:
        if isinstance(error, kind):
            return code
    raise TypeError(f"no exit code for {type(error).__name__}")


def worded(error: CareerpathError) -> str:
    """The error's message as the command line says it, with the option's flag put in."""
    return error.worded(FLAGS.get(error.option or ""), flags=FLAGS)


def flagged(text: str) -> str:
    """A text made below the CLI (a hint, a plan, a note) with each option it names as its flag."""
    return spelled(text, FLAGS)


def with_flag(text: str, option: str) -> str:
    """A message written below the CLI with `{option}` in it, the flag put in."""
    return flagged(text.replace("{option}", FLAGS[option]))
