"""The manager's view of a report's skills: added beside the self-rating, never merged into it.

`careerpath assess --as-manager FILE` asks the same questions (careerpath.edges.interview) or reads
them from `--answers`; either way the result is FILE's inventory with a `manager:` section.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from careerpath.core.model import Inventory, ManagerView, Rating
from careerpath.edges.load import Library, load_document, raise_problems, validate
from careerpath.edges.yaml_source import Document
from careerpath.errors import CareerpathError, Problem


def with_manager(
    report: Inventory, name: str, date: dt.date, ratings: Mapping[str, Rating]
) -> Inventory:
    """`report` with its manager section set (replaced if it had one); validated as a whole."""
    view = ManagerView(name=name, date=date, ratings=dict(ratings))
    return report.model_copy(update={"manager": view})


def check_replace(report: Inventory, path: Path, force: bool) -> None:
    """A manager rating already in the file is replaced only with --force (or a yes)."""
    if report.manager is not None and not force:
        raise CareerpathError(
            f"already has a manager rating ({report.manager.name},"
            f" {report.manager.date.isoformat()}); use {{option}} to replace it",
            file=path,
            option="force",
        )


def manager_from_answers(
    path: Path, library: Library, *, today: dt.date, report: Inventory
) -> Inventory:
    """The report's inventory with the manager section an answers file gives.

    The file is shaped like the section: `name:`, `ratings:` and optionally `date:` (default
    today). Errors name the answers file and its line.
    """
    document = load_document(path)
    answers = document.data
    if not isinstance(answers, dict):
        raise CareerpathError(
            "must be a mapping with name: and ratings: (the manager's view); see docs/formats.md",
            file=document.file,
            line=1,
        )
    checked = Document(document.file, {"date": today, **answers}, document.lines)
    view = validate(checked, ManagerView)
    raise_problems(
        checked,
        [
            Problem(
                ("ratings", skill), f"unknown skill '{skill}'; careerpath roles skills lists them"
            )
            for skill in view.ratings
            if skill not in library.catalogue.skills
        ],
    )
    return with_manager(report, view.name, view.date, view.ratings)
