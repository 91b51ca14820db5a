"""JSON Schemas of the documents careerpath prints (gaps --json, team --format json, ...).

The file formats and the plan have their schemas generated from their models
(careerpath.views.schemas); these documents are built as plain dicts by the views, so their
schemas are written here, next to each other, in one vocabulary. The same value has the same
type in every document: a level is an integer 0 to 5 (a rating that may be no level is "n/a",
"unsure", or null when not rated), readiness a fraction 0 to 1, a date YYYY-MM-DD text.
tests/cli check every command's output against its schema.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]

STR: Schema = {"type": "string"}
INT: Schema = {"type": "integer"}
NUM: Schema = {"type": "number"}
BOOL: Schema = {"type": "boolean"}
DATE: Schema = {"type": "string", "format": "date"}
LEVEL: Schema = {"type": "integer", "minimum": 0, "maximum": 5}
FRACTION: Schema = {"type": "number", "minimum": 0, "maximum": 1}
RATING: Schema = {
    "description": "A level 0-5, the words n/a or unsure, or null when not rated.",
    "anyOf": [LEVEL, {"enum": ["n/a", "unsure"]}, {"type": "null"}],
}


def null(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "null"}]}


def array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def record(required: dict[str, Schema], optional: dict[str, Schema] | None = None) -> Schema:
    """An object with exactly these keys (the optional ones may be left out)."""
    return {
        "type": "object",
        "properties": {**required, **(optional or {})},
        "required": list(required),
        "additionalProperties": False,
    }


def mapping(values: Schema) -> Schema:
    """An object from ids (a skill's, a role's) to values."""
    return {"type": "object", "additionalProperties": values}


def document(name: str, version: int, fields: dict[str, Schema]) -> Schema:
    return record({"schema": {"const": f"careerpath.{name}/{version}"}, **fields})


ROLE_TITLE = {"role": STR, "title": STR}
EFFORT = record({"levels": INT, "steps": INT, "hours": null(NUM)})
GAP = record(
    {
        "skill": STR,
        "name": STR,
        "category": STR,
        "status": {"enum": ["rated", "n/a", "unsure", "unrated"]},
        "current": null(LEVEL),
        "required": LEVEL,
        "gap": null(INT),
        "importance": INT,
        "priority": null(INT),
        "evidence": STR,
        "claimed": BOOL,
        "baseline": LEVEL,
        "weight": INT,
        "essential": BOOL,
    }
)
LEG = record({"from": STR, "to": STR, "kind": STR, "readiness": FRACTION, "effort": EFFORT})
ROUTE = record({"roles": array(STR), "effort": EFFORT, "legs": array(LEG)})

DOCUMENTS: dict[str, Schema] = {
    "gaps": document(
        "gaps",
        2,
        {
            "person": STR,
            "formulas": mapping(STR),
            "ranking": array(
                record(
                    {
                        **ROLE_TITLE,
                        "place": STR,
                        "readiness": FRACTION,
                        "readiness_high": FRACTION,
                        "not_yet": array(STR),
                        "climb": INT,
                        "hours": NUM,
                        "step_back": BOOL,
                    }
                )
            ),
            "roles": array(
                record(
                    {
                        **ROLE_TITLE,
                        "readiness": FRACTION,
                        "readiness_high": FRACTION,
                        "percent": INT,
                        "percent_high": INT,
                        "covered_weight": NUM,
                        "total_weight": NUM,
                        "unknown_weight": NUM,
                        "essential_factor": FRACTION,
                        "not_yet": array(STR),
                        "claimed": array(STR),
                        "climb": INT,
                        "hours": NUM,
                        "adds": INT,
                        "step_back": BOOL,
                        "baseline": STR,
                        "skills": array(GAP),
                        "strengths": array(STR),
                        "unknowns": array(STR),
                    }
                )
            ),
            "basis": {"enum": ["self", "manager", "conservative"]},
        },
    ),
    "paths": document(
        "paths",
        1,
        {
            "person": null(STR),
            "date": null(DATE),
            "start": record(ROLE_TITLE),
            "note": STR,
            "formulas": mapping(STR),
            "roles": array(
                record(
                    {
                        **ROLE_TITLE,
                        "target": BOOL,
                        "readiness": FRACTION,
                        "percent": INT,
                        "effort": EFFORT,
                        "move": null(
                            record(
                                {
                                    "from": STR,
                                    "to": STR,
                                    "kind": STR,
                                    "summary": STR,
                                    "onet": null(STR),
                                    "carries": array(record({"skill": STR, "name": STR})),
                                    "builds": array(
                                        record(
                                            {
                                                "skill": STR,
                                                "name": STR,
                                                "current": null(LEVEL),
                                                "required": LEVEL,
                                            }
                                        )
                                    ),
                                    "bridges": array({"type": "object"}),
                                }
                            )
                        ),
                        "route": ROUTE,
                        "routes": array(ROUTE),
                    }
                )
            ),
        },
    ),
    "compare": document(
        "compare",
        2,
        {
            "person": STR,
            "self_date": DATE,
            "manager": STR,
            "manager_date": DATE,
            "flag_at": INT,
            "skills": array(
                record(
                    {
                        "skill": STR,
                        "name": STR,
                        "self": RATING,
                        "manager": RATING,
                        "difference": null(INT),
                        "flagged": BOOL,
                        "self_evidence": STR,
                        "manager_evidence": STR,
                    }
                )
            ),
            "discussion": array(record({"skill": STR, "prompt": STR})),
            "one_view": array(STR),
        },
    ),
    "history": document(
        "history",
        1,
        {
            "person": STR,
            "dates": array(DATE),
            "skills": array(
                record(
                    {
                        "skill": STR,
                        "name": STR,
                        "ratings": array(null(STR)),
                        "levels": array(null(LEVEL)),
                        "cells": array(STR),
                        "change": null(INT),
                    }
                )
            ),
            "roles": array(record({**ROLE_TITLE, "readiness": array(FRACTION), "change": NUM})),
        },
    ),
    "team": document(
        "team",
        2,
        {
            "size": INT,
            "role": null(STR),
            "anonymous": BOOL,
            "min_group": INT,
            "older_inventories_set_aside": INT,
            "skills": array(record({"skill": STR, "name": STR})),
            "roles": array(record(ROLE_TITLE)),
            "people": array(
                record({"person": STR, "ratings": mapping(RATING), "readiness": mapping(FRACTION)})
            ),
            "median_readiness": null(mapping(FRACTION)),
            "thinnest": array(
                record(
                    {
                        "skill": STR,
                        "name": STR,
                        "known": INT,
                        "strong": INT,
                        "median": null(NUM),
                    }
                )
            ),
            "strong_means": STR,
            "mentoring": array(
                record(
                    {
                        "skill": STR,
                        "name": STR,
                        "mentors": array(record({"person": STR, "level": LEVEL})),
                        "mentees": array(
                            record(
                                {
                                    "person": STR,
                                    "current": LEVEL,
                                    "needed": LEVEL,
                                    "role": STR,
                                    "suggested_mentor": null(STR),
                                }
                            )
                        ),
                    },
                    {"mentors_total": INT, "mentees_total": INT},
                )
            ),
            "hidden": array(STR),
        },
    ),
    "roles": document(
        "roles",
        1,
        {
            "roles": array(
                record({"id": STR, "title": STR, "summary": STR, "skills": INT, "source": STR})
            )
        },
    ),
    "goals": document(
        "goals",
        2,
        {
            "person": STR,
            "role": STR,
            "start": DATE,
            "end": DATE,
            "goals": array(
                record(
                    {
                        "id": STR,
                        "short": STR,
                        "title": STR,
                        "due": null(DATE),
                        "done": null(record({"date": DATE, "evidence": STR})),
                        "carried_from": null(DATE),
                    }
                )
            ),
        },
    ),
    "validate": document(
        "validate",
        1,
        {
            "ok": BOOL,
            "checked": array(record({"file": STR, "kind": STR})),
            "problems": array(record({"file": null(STR), "line": null(INT), "message": STR})),
            # files that are fine but not what they look like (an unfinished inventory)
            "notes": array(record({"file": STR, "message": STR})),
        },
    ),
}
