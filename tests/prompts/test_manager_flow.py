"""`careerpath assess --as-manager` interactively, through prompt_toolkit's pipe input: the
same questions as the self-inventory, saved beside it, resumable after Ctrl-C."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from careerpath.core.model import Inventory, Rating
from careerpath.edges.interview import Interview, finish, new_draft
from careerpath.edges.inventory_files import ProgressFile, load_draft, write_inventory
from careerpath.edges.load import Library, load_inventory
from careerpath.edges.manager_files import with_manager
from careerpath.errors import Cancelled
from tests.prompts.test_interview import (
    ENTER,
    EXPECTED,
    SAVE,
    START,
    TESTING,
    TESTING_RATINGS,
    Recorder,
    Screen,
    interview,
    keyboard,
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
    progress = ProgressFile(tmp_path / "home")
    save = Recorder(progress)
    state = interview(library, state, line("Priya Shah") + START + TESTING_RATINGS + SAVE, save)
    written, where = finish(state, library, progress, save)
    assert progress.current == tmp_path / "home" / "assess-in-progress-manager-sam-rivera.yaml"
    assert where == path and not progress.current.exists()
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
    progress = ProgressFile(tmp_path / "home")
    first = rate("4", "Ticket 48211: traced the SSO loop")
    with pytest.raises(Cancelled):
        interview(library, state, line("Priya Shah") + START + first, Recorder(progress))
    assert progress.current is not None
    saved = load_draft(progress.current, library)
    assert saved.manager_for == path.resolve() and saved.person == "Priya Shah"
    rest = TESTING_RATINGS.split(first, 1)[1]
    state = interview(library, saved, START + rest + SAVE)
    written, _ = finish(state, library, progress, Recorder(progress))
    assert not progress.current.exists()
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


def test_every_prompt_names_the_report_and_speaks_to_the_manager(
    library: Library, tmp_path: Path, report: tuple[Path, Inventory]
) -> None:
    path, _ = report
    state = new_draft(
        library, today=TODAY, out=path, named=True, role=None, update=None, manager_for=report
    )
    all_fours = rate("4", "") * len(TESTING)  # flagged: many high ratings with no evidence
    keys = line("Priya Shah") + START + all_fours + ENTER + SAVE
    screen = Screen(100)
    with keyboard(keys, screen):
        Interview(state, library, Recorder()).run()
    shown = screen.text.getvalue()
    assert "Rating Sam Rivera's skills as their manager" in shown
    assert "Rate what Sam Rivera does now" in shown
    questions = [ln for ln in shown.splitlines() if "skill " in ln and " of 10)" in ln]
    assert questions and all("Sam Rivera: " in q for q in questions)
    assert "Sam Rivera handles the hardest cases" in shown
    assert "Check your ratings of Sam Rivera before saving" in shown
    for said_to_the_report in ("Rate what you do", "part of my work", "you handle", "you rated"):
        assert said_to_the_report not in shown
