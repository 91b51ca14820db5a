"""What a file is when it is not the inventory a command asked for, in one sentence.

A plan, a team view, a role profile or an unfinished inventory passed where an inventory goes
fails to parse or to validate as one; instead of that failure's first problem, the person is
told what the file is and what to pass instead. Asked only once reading has failed, so a good
inventory pays nothing for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from careerpath.errors import CareerpathError, flag

MANAGER_ANSWERS = {"name", "date", "ratings"}  # assess --as-manager --answers: no more
ASSESS_WRITES = "the YAML file careerpath assess wrote"
HEAD = 2048  # how much of a file's start is looked at for what it is
GENERATOR = '<meta name="generator" content="careerpath">'  # in the plan's HTML


def not_an_inventory(path: Path, raw: bytes, data: object = None) -> CareerpathError | None:
    """Why the file in `path` (its bytes `raw`, and the parsed `data` if it parsed) is not an
    inventory, when it is another kind of file careerpath knows; else None."""
    kind = _input_kind(data) if isinstance(data, Mapping) else None
    return _error(path, kind) or an_output(path, raw, data)


def an_output(path: Path, raw: bytes, data: object = None) -> CareerpathError | None:
    """What the file is, when it is something careerpath wrote as output (a plan, a team view,
    a calendar), which no command reads as its input data; else None."""
    kind = _schema_kind(data) if isinstance(data, Mapping) else None
    if kind is None:
        kind = _text_kind(raw[:HEAD].decode("utf-8", "replace").lstrip("\ufeff \t\r\n"))
    return _error(path, kind)


def _error(path: Path, kind: str | None) -> CareerpathError | None:
    return None if kind is None else CareerpathError(kind, file=path)


def unfinished(data: object) -> bool:
    """An unfinished inventory: what careerpath assess saves as it goes (a progress: section)."""
    return isinstance(data, Mapping) and isinstance(data.get("progress"), Mapping)


UNFINISHED = (
    "is an unfinished inventory (careerpath assess saves one as it goes), not an inventory"
    f" yet; finish it with careerpath assess {flag('resume')}"
)
UNFINISHED_NOTE = (  # what validate says of one: nothing is wrong with it
    "an unfinished inventory (careerpath assess saves one as it goes), readable, not an"
    f" inventory yet; finish it with careerpath assess {flag('resume')}"
)


def _plan(form: str) -> str:
    return (
        f"is a plan (careerpath plan's output, as {form}), not an inventory; pass the inventory"
        f" the plan was made from: {ASSESS_WRITES}"
    )


def _output(command: str, form: str) -> str:
    return (
        f"is careerpath {command}'s output ({form}), not an inventory; pass an inventory:"
        f" {ASSESS_WRITES}"
    )


def _schema_kind(data: Mapping[object, object]) -> str | None:
    """careerpath's JSON documents say what they are: "schema": "careerpath.NAME/VERSION"."""
    schema = data.get("schema")
    if isinstance(schema, str) and schema.startswith("careerpath."):
        name = schema.removeprefix("careerpath.").split("/")[0]
        return _plan(f"JSON, {schema}") if name == "plan" else _output(name, f"JSON, {schema}")
    return None


def _input_kind(data: Mapping[object, object]) -> str | None:
    """The other files careerpath reads, by the fields only they have."""
    if unfinished(data):
        return UNFINISHED
    if "person" in data:
        return None  # an inventory with mistakes: its own problems say what to fix
    if isinstance(data.get("id"), str) and "skills" in data:
        return (
            f"is a role profile ({data['id']}), not an inventory; pass an inventory"
            f" ({ASSESS_WRITES}) and name the role by its id: {flag('role')} {data['id']}"
        )
    if "categories" in data and "skills" in data:
        return f"is the skill catalogue, not an inventory; pass an inventory: {ASSESS_WRITES}"
    if "moves" in data:
        return (
            "is the lattice (the moves between roles), not an inventory; pass an inventory:"
            f" {ASSESS_WRITES}"
        )
    if "name" in data and "ratings" in data and data.keys() <= MANAGER_ANSWERS:
        return (
            "is a manager's rating on its own (name: and ratings:), not an inventory; add it to"
            f" the report's inventory with careerpath assess {flag('as_manager')} INVENTORY"
            f" {flag('answers')} FILE, then pass that inventory"
        )
    return None


def _text_kind(head: str) -> str | None:
    """A file that is no YAML mapping, by how it starts: careerpath's Markdown, HTML, a calendar
    or a PDF."""
    first = head.splitlines()[0] if head else ""
    lowered = head.lower()
    if first.startswith("# Growth plan"):
        return _plan("Markdown")
    if first.startswith("# Progress:"):
        return _output("history", "Markdown")
    if first.startswith("# Team of"):
        return _output("team", "Markdown")
    if lowered.startswith(("<!doctype html", "<html")):
        if "<title>growth plan" in lowered or GENERATOR in head:
            return _plan("HTML")
        if "<title>team" in lowered:
            return _output("team", "HTML")
        return f"is a web page (HTML), not an inventory; pass an inventory: {ASSESS_WRITES}"
    if first.startswith("BEGIN:VCALENDAR"):
        return (
            f"is a calendar (careerpath plan {flag('ics')} wrote it), not an inventory; pass an"
            f" inventory: {ASSESS_WRITES}"
        )
    if first.startswith("%PDF-"):
        return f"is a PDF, not an inventory; pass an inventory: {ASSESS_WRITES}"
    return None
