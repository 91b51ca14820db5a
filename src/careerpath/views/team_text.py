"""The team view as terminal text, Markdown and JSON, and the data for its HTML page. Pure.

A team may have fifty thousand people, so every format comes line by line (`team_text_lines`,
`team_markdown_lines`, `team_json`) for the caller to write as it goes, and the HTML page's
rows are made as the template reads them (`team_page`). `team_text`, `team_markdown` and
`team_data` are the same, whole.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from operator import itemgetter
from typing import overload

from careerpath.core.model import LEVEL_NAMES, Role
from careerpath.core.reviews.team import (
    CELLS,
    MENTOR_FROM,
    MIN_GROUP,
    Mentoring,
    PersonRow,
    Team,
)
from careerpath.views.escape import json_text, terminal_text
from careerpath.views.formatting import JSON_RATINGS, counted, md_cell, median_level, percent
from careerpath.views.indented_json import indented_json

LINE_WIDTH = 80  # the text view fits a standard terminal: wide tables come in blocks
# Each rating code's value in JSON: a level as an integer, as in every careerpath document.
RATING_VALUES = {code: JSON_RATINGS[cell] for code, cell in CELLS.items()}
NAMES_SHOWN = 6  # names per list in text and Markdown; JSON has them (MENTORING_LISTED at most)

LEGEND = (
    "Cells: a level 0-5, n/a, ? (unsure) or - (not rated). Readiness is careerpath gaps'"
    " arithmetic. Mentors are at level 4 or 5; a gap is a known level below what one of the"
    " person's targets needs."
)


def _names(names: list[str], total: int) -> str:
    """The first NAMES_SHOWN names, and how many more of `total` there are."""
    shown = names[:NAMES_SHOWN]
    more = max(total, len(names)) - len(shown)
    return f"{', '.join(shown)} and {more} more" if more > 0 else ", ".join(shown)


def _mentoring_line(group: Mentoring) -> str:
    mentors = _names([f"{name} ({level})" for name, level in group.mentors], group.mentors_total)
    return f"{group.name}: at level 4 or 5: {mentors}"


def _pairs(group: Mentoring) -> str:
    gaps = {m.person: f"{m.current} of {m.needed} for {m.role}" for m in group.mentees}
    pairs = [f"{mentor} -> {mentee} ({gaps[mentee]})" for mentor, mentee in group.pairs]
    return _names(pairs, group.mentees_total)


def _header(result: Team) -> list[str]:
    scope = f"for {result.role}" if result.role else "for every role"
    lines = [f"Team of {result.size} {scope}" + (", anonymised" if result.anonymous else "")]
    if result.older:
        older = counted(result.older, "earlier inventory", "earlier inventories")
        lines.append(f"({older} of the same people set aside: the latest per person is used)")
    return lines


def _blocks(count: int, cell: int, lead: int) -> list[range]:
    """Columns of `cell` characters after a `lead`-wide first column, in blocks that each fit
    LINE_WIDTH (at least one column per block)."""
    per = max(1, (LINE_WIDTH - 2 - lead) // cell)
    return [range(start, min(start + per, count)) for start in range(0, count, per)]


def _codes(result: Team) -> Iterator[str]:
    """Each row's codes for the skills shown, in their order."""
    rows, columns = result.rows, result.columns
    if rows and columns == tuple(range(len(rows[0].cells))):  # every skill: the codes as they are
        return (row.cells for row in rows)
    if len(columns) < 2:  # itemgetter of one column gives the code, not a tuple
        return ("".join(row.cells[column] for column in columns) for row in rows)
    pick = itemgetter(*columns)
    return ("".join(pick(row.cells)) for row in rows)


def team_text_lines(result: Team) -> Iterator[str]:
    """The text view, one line at a time, each with its newline, and nothing in it a terminal
    would act on (careerpath.views.escape.terminal_text)."""
    for piece in _text_lines(result):  # most pieces have nothing to escape: one C-speed test
        yield piece if piece.replace("\n", "").isprintable() else terminal_text(piece)


def _text_lines(result: Team) -> Iterator[str]:
    for line in _header(result):
        for piece in _wrapped(line):
            yield piece + "\n"
    if result.people:
        width = max(len("Person"), *(len(p) for p in result.people))
        skills = len(result.skills)
        yield "\nSkills heatmap (columns numbered; key below)\n"
        padded = str.maketrans({code: f"{cell:>4}" for code, cell in CELLS.items()})
        for block in _blocks(skills, 4, width):
            numbers = "".join(f"{n + 1:>4}" for n in block)
            yield f"  {'Person':<{width}}{numbers}\n"
            for person, codes in zip(result.people, _codes(result), strict=True):
                yield f"  {person:<{width}}{codes[block.start : block.stop].translate(padded)}\n"
            if block.stop < skills:
                yield "\n"
        yield "\n  Key:\n"
        for n, (_, name) in enumerate(result.skills, 1):
            yield f"  {n:>4}  {name}\n"

        ids = [role for role, _ in result.roles]
        col = max(len(r) for r in ids) + 1
        yield "\nReadiness per role\n"
        for block in _blocks(len(ids), col + 1, width):
            yield f"  {'Person':<{width}}" + "".join(f"{ids[n]:>{col + 1}}" for n in block) + "\n"
            for person, row in zip(result.people, result.rows, strict=True):
                cells = "".join(f"{percent(row.readiness[n]):>{col + 1}}" for n in block)
                yield f"  {person:<{width}}{cells}\n"
            if result.median_readiness is not None:
                median = result.median_readiness
                cells = "".join(f"{percent(median[n]):>{col + 1}}" for n in block)
                yield f"  {'median':<{width}}{cells}\n"
            if block.stop < len(ids):
                yield "\n"
        for title_line in textwrap.wrap(
            "; ".join(f"{role}: {title}" for role, title in result.roles),
            LINE_WIDTH,
            initial_indent="  ",
            subsequent_indent="  ",
        ):
            yield title_line + "\n"
    lines: list[str] = []
    if result.thinnest:
        lines += ["", f"Thinnest skills (fewest people at {result.strong_level})"]
        for spread in result.thinnest:
            lines.append(
                f"  {spread.name}: {spread.strong} of {spread.known} people,"
                f" median level {median_level(spread.median)}"
            )
    if result.mentoring:
        lines += ["", f"Who could mentor whom (level {MENTOR_FROM}+ where another has a gap)"]
        for group in result.mentoring:
            lines.append(f"  {_mentoring_line(group)}")
            lines.append(f"    could mentor: {_pairs(group)}")
    elif result.people:
        lines += ["", "Who could mentor whom: no one at level 4 or 5 where another has a gap."]
    if result.hidden:
        lines += ["", "Hidden:"]
        lines += [f"  - {note}" for note in result.hidden]
    lines += ["", LEGEND]
    for line in lines:
        for piece in _wrapped(line):
            yield piece + "\n"


def _wrapped(line: str) -> list[str]:
    """`line` within LINE_WIDTH, continuation lines indented two more than it."""
    if len(line) <= LINE_WIDTH:
        return [line]
    lead = " " * (len(line) - len(line.lstrip()))
    return textwrap.wrap(
        line, LINE_WIDTH, initial_indent="", subsequent_indent=lead + "  ", break_long_words=False
    )


def team_text(result: Team) -> str:
    return "".join(team_text_lines(result)).removesuffix("\n")


def team_markdown_lines(result: Team) -> Iterator[str]:
    """The Markdown view, one line at a time, each with its newline."""
    yield "# " + md_cell(" ".join(_header(result))) + "\n\n"
    if result.people:
        yield "## Skills heatmap\n\n"
        yield "| Person | " + " | ".join(md_cell(name) for _, name in result.skills) + " |\n"
        yield "|---|" + "---:|" * len(result.skills) + "\n"
        cell = CELLS.__getitem__
        for person, codes in zip(result.people, _codes(result), strict=True):
            yield f"| {md_cell(person)} | " + " | ".join(map(cell, codes)) + " |\n"
        yield "\n## Readiness per role\n\n"
        yield "| Person | " + " | ".join(md_cell(t) for _, t in result.roles) + " |\n"
        yield "|---|" + "---:|" * len(result.roles) + "\n"
        for person, row in zip(result.people, result.rows, strict=True):
            cells = " | ".join(percent(x) for x in row.readiness)
            yield f"| {md_cell(person)} | {cells} |\n"
        if result.median_readiness is not None:
            cells = " | ".join(percent(x) for x in result.median_readiness)
            yield f"| median | {cells} |\n"
    lines: list[str] = []
    if result.thinnest:
        lines += ["", "## Thinnest skills", "", f"Fewest people at {result.strong_level}:", ""]
        lines += [
            f"- {md_cell(s.name)}: {s.strong} of {s.known} people,"
            f" median level {median_level(s.median)}"
            for s in result.thinnest
        ]
    if result.mentoring:
        lines += ["", "## Who could mentor whom", ""]
        for group in result.mentoring:
            mentors, pairs = md_cell(_mentoring_line(group)), md_cell(_pairs(group))
            lines.append(f"- {mentors}; could mentor: {pairs}")
    if result.hidden:
        lines += ["", "## Hidden", ""]
        lines += [f"- {md_cell(note)}" for note in result.hidden]
    lines += ["", LEGEND]
    for line in lines:
        yield line + "\n"


def team_markdown(result: Team) -> str:
    return "".join(team_markdown_lines(result))


# --- JSON: careerpath.team/2 -----------------------------------------------------------------


class People(Sequence[dict[str, object]]):
    """The people's rows as JSON-ready dicts, each made when it is read; a rating as `values`
    has it (JSON's own values by default; the HTML page shows the table's cells)."""

    def __init__(self, result: Team, values: Mapping[str, object] = RATING_VALUES) -> None:
        self.result = result
        self.values = values
        self.skills = [skill for skill, _ in result.skills]
        self.roles = [role for role, _ in result.roles]

    def __len__(self) -> int:
        return len(self.result.rows)

    @overload
    def __getitem__(self, index: int) -> dict[str, object]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[dict[str, object]]: ...
    def __getitem__(self, index: int | slice) -> dict[str, object] | Sequence[dict[str, object]]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        return self._row(self.result.people[index], self.result.rows[index])

    def __iter__(self) -> Iterator[dict[str, object]]:
        for person, row in zip(self.result.people, self.result.rows, strict=True):
            yield self._row(person, row)

    def _row(self, person: str, row: PersonRow) -> dict[str, object]:
        cells = row.cells
        return {
            "person": person,
            "ratings": {
                skill: self.values[cells[column]]
                for skill, column in zip(self.skills, self.result.columns, strict=True)
            },
            "readiness": {
                role: round(value, 4) for role, value in zip(self.roles, row.readiness, strict=True)
            },
        }


def _mentoring_data(group: Mentoring) -> dict[str, object]:
    data: dict[str, object] = {
        "skill": group.skill,
        "name": group.name,
        "mentors": [{"person": p, "level": lv} for p, lv in group.mentors],
        "mentees": [
            {**m._asdict(), "suggested_mentor": mentor}
            for m, (mentor, _) in zip(group.mentees, group.pairs, strict=True)
        ],
    }
    # Only when the lists were cut at MENTORING_LISTED: how many there are in all.
    if group.mentors_total > len(group.mentors):
        data["mentors_total"] = group.mentors_total
    if group.mentees_total > len(group.mentees):
        data["mentees_total"] = group.mentees_total
    return data


def _document(result: Team, people: Sequence[object]) -> dict[str, object]:
    return {
        "schema": "careerpath.team/2",
        "size": result.size,
        "role": result.role,
        "anonymous": result.anonymous,
        "min_group": MIN_GROUP,
        "older_inventories_set_aside": result.older,
        "skills": [{"skill": s, "name": n} for s, n in result.skills],
        "roles": [{"role": r, "title": t} for r, t in result.roles],
        "people": people,
        "median_readiness": None
        if result.median_readiness is None
        else {
            role: round(value, 4)
            for (role, _), value in zip(result.roles, result.median_readiness, strict=True)
        },
        "thinnest": [
            {
                "skill": s.skill,
                "name": s.name,
                "known": s.known,
                "strong": s.strong,
                "median": median_level(s.median),
            }
            for s in result.thinnest
        ],
        "strong_means": result.strong_level,
        "mentoring": [_mentoring_data(g) for g in result.mentoring],
        "hidden": list(result.hidden),
    }


def team_data(result: Team) -> dict[str, object]:
    """The JSON document (careerpath.team/2), whole."""
    return _document(result, list(People(result)))


# What each heatmap cell means, for the page's colour legend.
CELL_MEANINGS = (
    *((str(level), name) for level, name in enumerate(LEVEL_NAMES)),
    ("n/a", "not part of the work (counts as 0)"),
    ("?", "unsure"),
    ("-", "not rated"),
)


def required_rows(result: Team, roles: Sequence[Role]) -> list[dict[str, object]]:
    """Per role shown, the level it requires of each heatmap skill ("" where it asks none)."""
    return [
        {
            "role": role.id,
            "title": role.title,
            "levels": {
                skill: str(role.skills[skill].level) if skill in role.skills else ""
                for skill, _ in result.skills
            },
        }
        for role in roles
    ]


def team_page(
    result: Team, roles: Sequence[Role] = (), *, whole: bool = False
) -> dict[str, object]:
    """team_data for an HTML template, a rating as the table's cell (3, n/a, ?, -): the shipped
    template reads the people's rows as it writes them; anyone else's gets them `whole`.
    Beside them: the legend of the cells, and the levels the shown `roles` require."""
    people = People(result, CELLS)
    page = _document(result, list(people) if whole else people)
    page["cells"] = [{"cell": cell, "meaning": meaning} for cell, meaning in CELL_MEANINGS]
    page["required"] = required_rows(result, roles)
    return page


_PLACE = "\x00people\x00"


def team_json(result: Team) -> Iterator[str]:
    """json_text(json.dumps(team_data(result), indent=2, ensure_ascii=False)) and a newline,
    byte for byte, in pieces: the small parts through careerpath.views.indented_json, each
    person's row written here with the C encoder's strings (the indenting one is pure Python,
    four times slower). Only names and the small parts hold text from files to escape."""
    if not result.rows:
        yield indented_json(team_data(result), terminal_safe=True) + "\n"
        return
    around = indented_json(_document(result, [_PLACE]), terminal_safe=True)
    before, after = around.split(f"    {json.dumps(_PLACE)}\n", 1)
    yield before
    rating_lines = [
        {
            code: f"        {json.dumps(skill)}: {json.dumps(value)}"
            for code, value in RATING_VALUES.items()
        }
        for skill, _ in result.skills
    ]
    role_keys = [f"        {json.dumps(role)}: " for role, _ in result.roles]
    ratings_open = '      "ratings": {\n' if result.skills else '      "ratings": {},\n'
    ratings_close = "\n      },\n" if result.skills else ""
    last = len(result.rows) - 1
    for number, (person, codes, row) in enumerate(
        zip(result.people, _codes(result), result.rows, strict=True)
    ):
        ratings = ",\n".join([lines[code] for lines, code in zip(rating_lines, codes, strict=True)])
        values = zip(role_keys, row.readiness, strict=True)
        readiness = ",\n".join([key + repr(round(value, 4)) for key, value in values])
        yield (
            f'    {{\n      "person": {json_text(json.dumps(person, ensure_ascii=False))},\n'
            f"{ratings_open}{ratings}{ratings_close}"
            f'      "readiness": {{\n{readiness}\n      }}\n'
            f"    }}{',' if number < last else ''}\n"
        )
    yield after + "\n"
