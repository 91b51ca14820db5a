"""End to end at 80x24: the interview's screen as a person sees it.

The real program runs in a pseudo-terminal (pexpect) and everything it writes goes through a
terminal emulator (pyte), so the test reads the screen itself: what is on it at once, and
whether any line reached the last column, where the terminal would break it mid-word.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pyte
import pytest

from careerpath.core import assessment, draft
from careerpath.core.draft import Draft
from careerpath.core.model import Rating
from careerpath.edges.inventory_files import ProgressFile
from careerpath.edges.load import Library
from tests.e2e.test_assess_pty import environment

pytestmark = pytest.mark.slow

ROWS, COLUMNS = 24, 80
TIMEOUT = 20


class Terminal:
    """careerpath assess on an 80x24 screen."""

    def __init__(self, home: Path, cwd: Path, *args: str) -> None:
        self.screen = pyte.Screen(COLUMNS, ROWS)
        self.stream = pyte.Stream(self.screen)
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "careerpath", "assess", *args],
            env=environment(home),
            cwd=str(cwd),
            dimensions=(ROWS, COLUMNS),
            encoding="utf-8",
            timeout=TIMEOUT,
        )
        self.child.logfile_read = self  # every byte read goes to the emulator too
        self.full_lines: list[str] = []  # lines that reached the last column, on any screen

    def write(self, text: str) -> None:
        self.stream.feed(text)

    def flush(self) -> None:
        """(a file's method: pexpect flushes its log)"""

    def wait_for(self, text: str) -> list[str]:
        """Wait for `text`, then until the program stops drawing; the screen's lines."""
        self.child.expect_exact(text)
        while True:
            try:
                self.child.read_nonblocking(100_000, timeout=0.5)
            except pexpect.TIMEOUT:
                break
        lines = [line.rstrip() for line in self.screen.display]
        self.full_lines += [line for line in lines if len(line) >= COLUMNS]
        return lines

    def send(self, keys: str) -> None:
        self.child.send(keys)
        time.sleep(0.05)

    def close(self) -> None:
        self.child.close(force=True)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[object]:
    started: list[Terminal] = []

    def start(*args: str) -> Terminal:
        started.append(Terminal(tmp_path / "home", tmp_path, *args))
        return started[-1]

    yield start
    for one in started:
        one.close()


def on_screen(text: str, lines: list[str]) -> bool:
    """Whether `text` is on the screen, however it was broken into lines."""
    return " ".join(text.split()) in " ".join(" ".join(lines).split())


def every_skill_at_4_without_evidence(home: Path, library: Library) -> Draft:
    """An unfinished whole inventory, saved as assess saves it: every skill answered 4, no
    evidence, the honesty check next."""
    skills = assessment.skills_to_ask(library.catalogue, None)
    state = Draft(date=dt.date(2026, 11, 23), out=home / "sam.yaml", skills=skills)
    state.person, state.current_role, state.targets = "Sam Rivera", "support", ["testing"]
    for key in (draft.PERSON, draft.CURRENT_ROLE, draft.YEARS, draft.HOURS, draft.TARGETS):
        state.mark(key)
    for skill_id in skills:
        state.ratings[skill_id] = Rating(level=4)
        state.mark(draft.skill_key(skill_id))
        state.mark(draft.skill_key(skill_id, evidence=True))
    for key in (draft.CREDENTIALS, draft.EXPERIENCES, draft.ASPIRATIONS):
        state.mark(key)
    home.mkdir(parents=True, exist_ok=True)
    ProgressFile(home).save(state)
    return state


def test_the_honesty_check_and_its_question_are_on_one_screen(
    terminal, tmp_path: Path, library: Library
) -> None:
    """38 flagged skills: the list scrolls under the question, and the whole explanation and
    the question stay on the 24 rows, at the start and with the pointer at the end."""
    state = every_skill_at_4_without_evidence(tmp_path / "home", library)
    flags = assessment.honesty_flags(state.ratings, state.skills)
    assert [flag.kind for flag in flags] == ["all_same", "high_without_evidence"]
    last = library.catalogue.skills[state.skills[-1]].name
    screen = terminal("--resume")
    first = screen.wait_for("Rate any of these again?")
    assert not on_screen(last, first)  # the list is longer than the screen
    screen.send("\x1b[B" * (len(state.skills) - 1))  # down to the last skill
    end = screen.wait_for(last)
    for lines in (first, end):
        assert on_screen("A check before saving:", lines), "\n".join(lines)
        for flag in flags:
            assert on_screen(flag.message, lines), "\n".join(lines)
        assert on_screen("Rate any of these again? (Space ticks; Enter alone keeps them)", lines)
    assert any(line.startswith(" » ") and last in line for line in end), "\n".join(end)
    assert not screen.full_lines


def test_questions_answers_and_choices_break_at_words_within_80_columns(
    terminal, tmp_path: Path
) -> None:
    """A question longer than the screen (the skill's name, category, progress and keys),
    a long evidence answer echoed, the descriptors: no line reaches the last column, where
    the terminal would break a word, and the text is all there."""
    evidence = (
        "Ticket 48211: traced the SSO loop to a clock skew on the customer's identity provider,"
        " confirmed by second line"
    )
    screen = terminal("--out", str(tmp_path / "sam.yaml"))
    screen.wait_for("Your name")
    screen.send("Sam Rivera\r")
    screen.wait_for("Your current role")
    screen.send("\r")
    screen.wait_for("Years in that role")
    screen.send("3\r")
    screen.wait_for("Hours a week")
    screen.send("4\r")
    screen.wait_for("Where do you want to land?")
    screen.send(" \r")
    screen.wait_for("Press Enter to start rating")
    screen.send("\r")
    for number in range(1, 12):
        lines = screen.wait_for(f"skill {number} of 38)")
        screen.send("4\r")
        screen.wait_for("Evidence (optional)")
        screen.send(evidence + "\r")
    # skill 11's question is longer than the screen: broken at a word, its keys below
    question = "? Listening and managing expectations (Customer, skill 11 of 38)"
    assert question in lines
    assert lines[lines.index(question) + 1] == "  (0-5, n, u or arrows, then Enter)"
    assert on_screen(
        f"Evidence (optional): a ticket, project or feedback that shows it {evidence}", lines
    )
    assert not screen.full_lines, "\n".join(screen.full_lines)
