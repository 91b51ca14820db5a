"""Self against manager as terminal text and JSON-ready data. Pure: values in, text out."""

from __future__ import annotations

import textwrap

from careerpath.core.assessment import describe
from careerpath.core.reviews.compare import FLAG_AT, NA_RULE, Comparison, SkillView
from careerpath.views.escape import terminal_text
from careerpath.views.formatting import MINUS, rating_cell, rating_value, signed

WIDTH = 100


def _difference(row: SkillView) -> str:
    difference = row.difference
    if difference is None:
        return "settle together" if row.one_view else ""
    text = signed(difference)
    return f"{text}  <-" if row.flagged else text


def compare_text(result: Comparison) -> str:
    lines = [
        f"{result.person}: self-rating {result.self_date} against"
        f" {result.manager}'s rating {result.manager_date}",
        "",
    ]
    width = max([len("Skill"), *(len(row.name) for row in result.rows)])
    lines.append(f"  {'Skill':<{width}}  self  manager  difference")
    for row in result.rows:
        lines.append(
            f"  {row.name:<{width}}  {rating_cell(row.self_rating):>4}"
            f"  {rating_cell(row.manager):>7}  {_difference(row)}"
        )
    known = sum(1 for row in result.rows if row.difference is not None)
    one_sided = sum(1 for row in result.rows if row.one_sided)
    lines += [
        "",
        f"  Agreed on {result.agreed} of {known} skills both rated;"
        f" {len(result.flagged)} differ by {FLAG_AT} levels or more (<-)."
        + (f" {one_sided} rated by one of you only (-)." if one_sided else ""),
        f"  difference = manager {MINUS} self; {NA_RULE}; ? is unsure, - not rated.",
        "  The two views are kept apart, never averaged.",
    ]
    if result.prompts:
        lines += ["", "For the next one-on-one"]
        for number, text in enumerate(result.prompts, 1):
            lines += textwrap.wrap(
                f"{number}. {text}", WIDTH, initial_indent="  ", subsequent_indent="     "
            )
    if result.one_view:
        lines += ["", "One of you was unsure; settle these together:"]
        for row in result.one_view:
            lines.append(
                f"  {row.name}: self {describe(row.self_rating)}, manager {describe(row.manager)}"
            )
    return terminal_text("\n".join(lines))


def compare_data(result: Comparison) -> dict[str, object]:
    return {
        "schema": "careerpath.compare/2",
        "person": result.person,
        "self_date": result.self_date,
        "manager": result.manager,
        "manager_date": result.manager_date,
        "flag_at": FLAG_AT,
        "skills": [
            {
                "skill": row.skill,
                "name": row.name,
                "self": rating_value(row.self_rating),
                "manager": rating_value(row.manager),
                "difference": row.difference,
                "flagged": row.flagged,
                "self_evidence": row.self_rating.evidence if row.self_rating else "",
                "manager_evidence": row.manager.evidence if row.manager else "",
            }
            for row in result.rows
        ],
        "discussion": [
            {"skill": row.skill, "prompt": text}
            for row, text in zip(result.flagged, result.prompts, strict=True)
        ],
        "one_view": [row.skill for row in result.one_view],
    }
