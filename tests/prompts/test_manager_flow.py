"""`careerpath assess --as-manager` interactively, through prompt_toolkit's pipe input: the
same questions as the self-inventory, saved beside it, resumable after Ctrl-C."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from careerpath.core.model import Inventory, Rating
from careerpath.edges.interview import finish, new_draft
from careerpath.edges.inventory_files import load_draft, write_inventory
from careerpath.edges.load import Library, load_inventory
from careerpath.edges.manager_files import with_manager
from careerpath.errors import Cancelled
from tests.prompts.test_interview import (
    EXPECTED,
    SAVE,
    START,
    TESTING,
    TESTING_RATINGS,
    Recorder,
    interview,
    line,
    rate,
)

TODAY = dt.date(2026, 11, 30)


@pytest.fixture
def report(tmp_path: Path, library: Library) -> tuple[Path, Inventory]:
    inventory = Inventory(
        person="Sam Rivera",
        date=dt.date(2026, 11, 23),
        current_role="support",
        targets=["testing"],
        ratings={skill: Rating(level=2) for skill in TESTING},
    )
    path = tmp_path / "sam.yaml"
    write_inventory(inventory, path)
    return path, inventory


def test_the_manager_rates_the_same_skills_and_it_is_stored_beside(
    library: Library, tmp_path: Path, report: tuple[Path, Inventory]
) -> None:
    path, inventory = report
    state = new_draft(
        library, today=TODAY, out=path, named=True, role=None, update=None, manager_for=report
    )
    state.replace = True
    assert state.skills == TESTING  # the skills the report rated, in the same order
    progress = tmp_path / "home" / "assess-in-progress.yaml"
    save = Recorder(progress)
    state = interview(library, state, line("Priya Shah") + START + TESTING_RATINGS + SAVE, save)
    written, where = finish(state, library, progress, save)
    assert where == path and not progress.exists()
    stored = load_inventory(path, library)
    assert stored == written
    assert stored.ratings == inventory.ratings  # the self-rating untouched
    assert stored.manager is not None
    assert stored.manager.name == "Priya Shah" and stored.manager.date == TODAY
    assert stored.manager.ratings == EXPECTED  # evidence questions asked the same way
    assert path.stat().st_mode & 0o777 == 0o600


def test_ctrl_c_then_resume_finishes_the_manager_rating(
    library: Library, tmp_path: Path, report: tuple[Path, Inventory]
) -> None:
    path, _ = report
    state = new_draft(
        library, today=TODAY, out=path, named=True, role=None, update=None, manager_for=report
    )
    state.replace = True
    progress = tmp_path / "home" / "assess-in-progress.yaml"
    first = rate("4", "Ticket 48211: traced the SSO loop")
    with pytest.raises(Cancelled):
        interview(library, state, line("Priya Shah") + START + first, Recorder(progress))
    saved = load_draft(progress, library)
    assert saved.manager_for == path.resolve() and saved.person == "Priya Shah"
    rest = TESTING_RATINGS.split(first, 1)[1]
    state = interview(library, saved, START + rest + SAVE)
    written, _ = finish(state, library, progress, Recorder(progress))
    assert written.manager is not None and written.manager.ratings == EXPECTED


def test_rating_again_offers_the_earlier_answers(
    library: Library, tmp_path: Path, report: tuple[Path, Inventory]
) -> None:
    path, inventory = report
    earlier = with_manager(inventory, "Priya Shah", dt.date(2026, 8, 1), EXPECTED)
    state = new_draft(
        library,
        today=TODAY,
        out=path,
        named=True,
        role="testing",
        update=None,
        manager_for=(path, earlier),
    )
    assert state.person == "Priya Shah" and state.ratings == EXPECTED
    # Enter keeps the name; each Enter keeps the earlier answer (and evidence when asked)
    keys = line("") + START
    for skill in TESTING:
        keys += "\r" + ("\r" if (EXPECTED[skill].level or 0) >= 3 else "")
    state = interview(library, state, keys + SAVE)
    assert state.ratings == EXPECTED
