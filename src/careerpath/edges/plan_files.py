"""Reading a JSON plan file ("careerpath.plan/1") back: for `careerpath goals` and
`plan --previous`. The edge for plan files: every problem is one `FILE:LINE: message`.

The JSON is parsed with the json module (strict, duplicate keys refused) and validated with the
pydantic model in careerpath.views.plan_document; only when something is wrong is the text parsed
again
(careerpath.edges.yaml_source: JSON is YAML) to find the line of the field at fault.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from careerpath.core.model import same_person
from careerpath.core.plan.goals import Done, matching, short_ids
from careerpath.edges import limits
from careerpath.edges.explain import explain
from careerpath.edges.load import read_text
from careerpath.edges.private_files import locked, write_private
from careerpath.errors import CareerpathError, UsageError, flag
from careerpath.views.plan_document import (
    SCHEMA_ID,
    PlanDocument,
    document_goals,
    document_json,
    mark_done,
    previous_plan,
    with_ids,
)

if TYPE_CHECKING:
    from careerpath.core.plan.carryover import Previous

HINT = f"write one with careerpath plan INVENTORY {flag('format')} json {flag('out')} PLAN.json"
MATCHES_LISTED = 6  # the goals an ambiguous start of an id lists (the rest are counted)


class _DuplicateKey(Exception):
    pass


def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found: dict[str, object] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


class _TooManyDigits(Exception):
    pass


def _integer(digits: str) -> int:
    """An integer of the JSON, refused before conversion when it has too many digits."""
    count = len(digits.lstrip("-"))
    if count > limits.MAX_DIGITS:
        raise _TooManyDigits(count, digits)
    return int(digits)


def _line_of_number(text: str, digits: str) -> int:
    return text[: text.find(digits)].count("\n") + 1


def _line_of(text: str, file: str, path: tuple[str | int, ...]) -> int | None:
    from careerpath.edges.yaml_source import parse

    try:
        return parse(text, file).line_of(path)
    except CareerpathError as error:
        return error.line


def read_plan(path: Path) -> PlanDocument:
    """The plan in `path`, validated, every goal with its id."""
    text = read_text(path)
    file = str(path)
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_int=_integer)
    except _TooManyDigits as exc:
        raise CareerpathError(
            limits.too_many_digits(exc.args[0]), file=path, line=_line_of_number(text, exc.args[1])
        ) from None
    except RecursionError:
        raise CareerpathError(limits.too_deep(), file=path) from None
    except json.JSONDecodeError as exc:
        raise CareerpathError(
            f"not a JSON plan ({exc.msg} at column {exc.colno}); {HINT}",
            file=path,
            line=exc.lineno,
        ) from None
    except _DuplicateKey as exc:
        raise CareerpathError(
            f"duplicate key '{exc.args[0]}'; keep only one",
            file=path,
            line=_line_of(text, file, ()),
        ) from None
    beyond = limits.json_problem(data)
    if beyond is not None:
        where, problem = beyond
        raise CareerpathError(problem, file=path, line=_line_of(text, file, where))
    if not isinstance(data, dict) or "schema" not in data:
        raise CareerpathError(
            f'not a careerpath plan: no "schema": "{SCHEMA_ID}"; {HINT}', file=path, line=1
        )
    if data["schema"] != SCHEMA_ID:
        raise CareerpathError(
            f'"schema" is {data["schema"]!r}; this careerpath reads {SCHEMA_ID!r}',
            file=path,
            line=_line_of(text, file, ("schema",)),
        )
    try:
        document = PlanDocument.model_validate(data)
    except ValidationError as exc:
        (loc, message), *more = explain(exc, PlanDocument)
        extra = f" (and {len(more)} more)" if more else ""
        raise CareerpathError(
            f"{message}{extra}", file=path, line=_line_of(text, file, loc)
        ) from None
    return with_ids(document)


def read_previous(path: Path, person: str) -> Previous:
    """The previous plan a new one follows (plan --previous); it must be `person`'s own."""
    document = read_plan(path)
    if not same_person(document.person, person):
        raise CareerpathError(
            f"{{option}} is {document.person}'s plan, and the inventory is {person}'s;"
            f" name {person}'s previous plan",
            file=path,
            option="previous",
        )
    return previous_plan(document)


def known_goal(document: PlanDocument, typed: str, path: Path) -> str:
    """The id of the goal `typed` names: its id, its short form or any start of an id that no
    other goal's id has. A usage error otherwise: a did-you-mean for no match, the matches for
    more than one."""
    ids = [g.id for g in document_goals(document)]
    found = matching(ids, typed)
    if len(found) == 1:
        return found[0]
    if found:
        shorts = short_ids(ids)
        listed = ", ".join(shorts[id_] for id_ in found[:MATCHES_LISTED])
        more = f" and {len(found) - MATCHES_LISTED} more" if len(found) > MATCHES_LISTED else ""
        raise UsageError(
            f"'{typed}' is the start of {len(found)} goals' ids: {listed}{more}; type more of"
            " the one you mean",
            file=path,
        )
    close = difflib.get_close_matches(typed, ids, n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise UsageError(
        f"no goal '{typed}' in this plan; {hint}careerpath goals list {path} lists them", file=path
    )


def mark_goal_done(path: Path, goal: str, done: Done, *, force: bool = False) -> str:
    """Mark the goal `goal` names (known_goal) done in the plan file `path`, written back
    atomically (mode 0600), under a lock; a symbolic link is followed and the file it points
    to updated. The goal's id."""
    if not done.evidence.strip():
        raise UsageError(
            "{option} must say what shows it is done, e.g. {option} 'Ticket 4821'",
            option="evidence",
        )
    with locked(path) as real:  # runs at the same time each see the others' goals done
        document = read_plan(real)
        goal = known_goal(document, goal, path)
        current = next(g for g in document_goals(document) if g.id == goal)
        if current.done is not None and not force:
            raise CareerpathError(
                f"goal '{goal}' is already done ({current.done.date.isoformat()}:"
                f" {current.done.evidence}); use {{option}} to replace its evidence",
                option="force",
                file=path,
            )
        updated = mark_done(document, goal, done._replace(evidence=done.evidence.strip()))
        write_private(real, document_json(updated), force=True)
    return goal


def reopen_goal(path: Path, goal: str) -> tuple[str, Done]:
    """Open the goal `goal` names (known_goal) again in the plan file `path`, written back as
    mark_goal_done writes it: its id, and the date and evidence it had."""
    with locked(path) as real:
        document = read_plan(real)
        goal = known_goal(document, goal, path)
        current = next(g for g in document_goals(document) if g.id == goal)
        if current.done is None:
            raise CareerpathError(
                f"goal '{goal}' is open: it has not been marked done, so there is nothing to"
                " reopen",
                file=path,
            )
        write_private(real, document_json(mark_done(document, goal, None)), force=True)
    return goal, current.done
