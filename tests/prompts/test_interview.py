"""The interview without a terminal: keystrokes through prompt_toolkit's pipe input.

Every test sends its keys, then one Ctrl-C: a flow that asks more than the test expects is
cancelled (and the test fails) instead of waiting for input forever.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput, Output
from prompt_toolkit.output.plain_text import PlainTextOutput

from careerpath.core import assessment
from careerpath.core.draft import Draft
from careerpath.core.gaps import rank
from careerpath.core.model import Inventory, Rating
from careerpath.edges import locations, prompts
from careerpath.edges.interview import Interview, begin, finish, new_draft
from careerpath.edges.inventory_files import (
    ProgressFile,
    load_draft,
    progress_files,
    progress_path,
    save_draft,
)
from careerpath.edges.load import Library, load_inventory
from careerpath.errors import Cancelled, CareerpathError, UsageError

TODAY = dt.date(2026, 11, 23)
ENTER, SPACE, DOWN, CTRL_C, CTRL_D = "\r", " ", "\x1b[B", "\x03", "\x04"
TESTING = [  # the --role testing skills, in the order asked
    "troubleshooting",
    "product_knowledge",
    "systems_analysis",
    "scripting",
    "test_design",
    "test_automation",
    "listening_expectations",
    "ticket_documentation",
    "escalation_judgement",
    "requirements_analysis",
]


@contextmanager
def keyboard(keys: str, output: Output | None = None) -> Iterator[None]:
    with create_pipe_input() as pipe:
        pipe.send_text(keys + CTRL_C)
        with create_app_session(input=pipe, output=output or DummyOutput()):
            yield


class Screen(PlainTextOutput):
    """What the prompts draw, as plain text, at a chosen width."""

    def __init__(self, columns: int) -> None:
        self.text = io.StringIO()
        super().__init__(self.text)
        self.columns = columns

    def get_size(self) -> Size:
        return Size(rows=40, columns=self.columns)


def line(text: str) -> str:
    return text + ENTER


def rate(key: str, evidence: str | None = None) -> str:
    """Keys for one skill: the choice's key, Enter, and the evidence line when one is asked."""
    return key + ENTER + (line(evidence) if evidence is not None else "")


WHO = line("Sam Rivera") + ENTER + line("3") + ENTER  # name, role (support), years, hours
START = ENTER  # after the note on rating conservatively
TESTING_RATINGS = (
    rate("4", "Ticket 48211: traced the SSO loop")
    + rate("3", "")
    + rate("2")
    + rate("1")
    + rate("2")
    + rate("0")
    + rate("3", "Survey comment on ticket 50412")
    + rate("4", "KB-1182, 2300 views")
    + rate("u")
    + rate("n")
)
REST = line("CompTIA A+") + ENTER + ENTER + line("Move into testing within a year")
SAVE = DOWN + ENTER  # at the review: from "nothing chosen yet" down to Save
KEEP_THE_REST = ENTER * 4  # --update: credentials, experiences, aspirations, targets kept
WHOLE = WHO + START + TESTING_RATINGS + REST + SAVE
EXPECTED = {
    "troubleshooting": Rating(level=4, evidence="Ticket 48211: traced the SSO loop"),
    "product_knowledge": Rating(level=3),
    "systems_analysis": Rating(level=2),
    "scripting": Rating(level=1),
    "test_design": Rating(level=2),
    "test_automation": Rating(level=0),
    "listening_expectations": Rating(level=3, evidence="Survey comment on ticket 50412"),
    "ticket_documentation": Rating(level=4, evidence="KB-1182, 2300 views"),
    "escalation_judgement": Rating.model_validate("unsure"),
    "requirements_analysis": Rating.model_validate("n/a"),
}


class Recorder:
    """The save callback: keeps a copy of the draft at every save, and the file if asked."""

    def __init__(self, progress: ProgressFile | None = None) -> None:
        self.saves: list[Draft] = []
        self.progress = progress

    def __call__(self, draft: Draft) -> None:
        self.saves.append(copy.deepcopy(draft))
        if self.progress is not None:
            self.progress.save(draft)


def interview(library: Library, state: Draft, keys: str, save: Recorder | None = None) -> Draft:
    with keyboard(keys):
        return Interview(state, library, save or Recorder()).run()


def role_draft(library: Library, tmp_path: Path, role: str = "testing") -> Draft:
    return new_draft(
        library, today=TODAY, out=tmp_path / "inv.yaml", named=True, role=role, update=None
    )


def update_draft(
    library: Library, tmp_path: Path, role: str | None = None
) -> tuple[Inventory, Draft]:
    """The shipped example inventory and a draft re-assessing it (--update)."""
    earlier = load_inventory(locations.example_inventory(), library)
    state = new_draft(
        library,
        today=TODAY,
        out=tmp_path / "new.yaml",
        named=True,
        role=role,
        update=(locations.example_inventory(), earlier),
    )
    return earlier, state


def target_ranking(library: Library, earlier: Inventory) -> list[str]:
    """The roles in the order the targets question lists them, for `earlier`'s ratings."""
    ranked = rank(
        earlier.ratings,
        library.roles.values(),
        library.catalogue,
        current_role=earlier.current_role,
        targets=earlier.targets,
    )
    return [r.role for r in ranked]


# --- the whole flow ----------------------------------------------------------------------


def test_role_path_answers_become_the_inventory(library: Library, tmp_path: Path) -> None:
    save = Recorder()
    state = interview(library, role_draft(library, tmp_path), WHOLE, save)
    inventory = state.inventory()
    assert inventory.person == "Sam Rivera"
    assert inventory.current_role == "support"
    assert inventory.years_in_role == 3
    assert inventory.hours_per_week is None  # Enter: the default, stated in every plan
    assert inventory.date == TODAY
    assert inventory.targets == ["testing"]
    assert inventory.ratings == EXPECTED
    assert list(inventory.ratings) == TESTING
    assert inventory.credentials == ["CompTIA A+"]
    assert inventory.experiences == []
    assert inventory.aspirations == "Move into testing within a year"


def test_the_draft_is_saved_after_every_answer(library: Library, tmp_path: Path) -> None:
    save = Recorder()
    interview(library, role_draft(library, tmp_path), WHOLE, save)
    assert [s.person for s in save.saves[:2]] == ["Sam Rivera", "Sam Rivera"]
    assert save.saves[0].answered == ["targets", "person"]
    # the rating is saved before its evidence is asked, and again with the evidence
    first = next(s for s in save.saves if "troubleshooting" in s.ratings)
    assert first.ratings["troubleshooting"] == Rating(level=4)
    after = save.saves[save.saves.index(first) + 1]
    assert after.ratings["troubleshooting"] == EXPECTED["troubleshooting"]
    # every save records one more answer (or one more list entry) than the one before
    sizes = [len(s.answered) + len(s.credentials) for s in save.saves]
    assert sizes == list(range(sizes[0], sizes[0] + len(sizes)))


def test_ctrl_c_cancels_and_resume_goes_on_exactly_where_it_stopped(
    library: Library, tmp_path: Path
) -> None:
    progress = ProgressFile(tmp_path / "home")
    first_two = rate("4", "Ticket 48211: traced the SSO loop") + rate("3")
    with pytest.raises(Cancelled):
        interview(
            library, role_draft(library, tmp_path), WHO + START + first_two, Recorder(progress)
        )
    assert progress.current == tmp_path / "home" / "assess-in-progress-sam-rivera.yaml"
    saved = load_draft(progress.current, library)
    assert saved.answered[-1] == "skill:product_knowledge"  # rated; its evidence not yet
    assert saved.ratings == {k: EXPECTED[k] for k in TESTING[:2]}

    rest_of_ratings = TESTING_RATINGS.split(rate("3", ""), 1)[1]
    # resumed: the note again, then the evidence of skill 2, then skill 3 onwards
    state = interview(library, saved, START + line("") + rest_of_ratings + REST + SAVE)
    assert state.inventory().ratings == EXPECTED
    assert state.person == "Sam Rivera"


def test_enter_alone_never_records_a_level(library: Library, tmp_path: Path) -> None:
    """A stray or double Enter lands on "nothing chosen yet", which is not an answer."""
    state = role_draft(library, tmp_path)
    keys = WHO + START + ENTER + rate("2") + ENTER + ENTER + rate("1") + ENTER
    with pytest.raises(Cancelled):
        interview(library, state, keys)
    assert state.ratings == {
        "troubleshooting": Rating(level=2),
        "product_knowledge": Rating(level=1),
    }
    assert not state.done("skill:systems_analysis")


def test_the_review_changes_any_answer_before_saving(library: Library, tmp_path: Path) -> None:
    # the review's lines: nothing chosen, Save, name, current role, years, hours, targets, then
    # the skills (their category headings are skipped); Enter alone there does nothing
    to_name, to_product_knowledge = DOWN * 2, DOWN * 8
    clear = "\x15"  # Ctrl-U: the line so far is deleted
    change = ENTER + to_name + ENTER + clear + line("Sam R.")
    change += to_product_knowledge + ENTER + rate("1")
    save = Recorder()
    state = interview(
        library, role_draft(library, tmp_path), WHO + START + TESTING_RATINGS + REST + change
        + SAVE, save
    )  # fmt: skip
    assert state.person == "Sam R."
    assert state.ratings["product_knowledge"] == Rating(level=1)
    assert {k: v for k, v in state.ratings.items() if k != "product_knowledge"} == {
        k: v for k, v in EXPECTED.items() if k != "product_knowledge"
    }
    assert state.done("review")
    assert not save.saves[-2].done("review")  # every change was saved before the review ended


def test_end_of_input_cancels_too(library: Library, tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        interview(library, role_draft(library, tmp_path), line("Sam") + CTRL_D)


def test_not_sure_yet_picks_targets_from_the_ranking_after_rating(
    library: Library, tmp_path: Path
) -> None:
    state = new_draft(
        library, today=TODAY, out=tmp_path / "inv.yaml", named=False, role=None, update=None
    )
    skills = assessment.skills_to_ask(library.catalogue)
    assert len(state.skills) == len(skills) == len(library.catalogue.skills)
    not_sure = DOWN * len(library.roles) + SPACE + ENTER  # the last choice
    levels = "0123210123"
    ratings = "".join(rate(levels[i % len(levels)], "" if levels[i % 10] == "3" else None)
                      for i in range(len(skills)))  # fmt: skip
    closest = SPACE + ENTER  # tick the first role of the ranking
    state = interview(library, state, WHO + not_sure + START + ratings + ENTER + ENTER + ENTER
                      + closest + SAVE)  # fmt: skip
    ranking = rank(
        state.ratings, library.roles.values(), library.catalogue, current_role=state.current_role
    )
    assert state.targets == [ranking[0].role]
    assert state.choose_targets is True
    assert len(state.ratings) == len(skills)


def test_a_flat_profile_is_flagged_and_the_skills_can_be_rated_again(
    library: Library, tmp_path: Path
) -> None:
    all_fours = rate("4", "") * len(TESTING)  # all the same, high, and no evidence
    revisit = SPACE + DOWN + SPACE + ENTER  # tick the first two flagged skills
    again = rate("2") + rate("3", "Ticket 50877")
    state = interview(
        library,
        role_draft(library, tmp_path),
        WHO + START + all_fours + REST + revisit + again + SAVE,
    )
    assert state.revisit == TESTING[:2]
    assert state.ratings[TESTING[0]] == Rating(level=2)
    assert state.ratings[TESTING[1]] == Rating(level=3, evidence="Ticket 50877")
    assert all(state.ratings[s] == Rating(level=4) for s in TESTING[2:])


def test_no_flags_means_no_extra_question(library: Library, tmp_path: Path) -> None:
    state = interview(library, role_draft(library, tmp_path), WHOLE)
    assert state.revisit == []
    assert "check" in state.answered


def test_update_re_asks_only_the_picked_skills_and_keeps_the_rest(
    library: Library, tmp_path: Path
) -> None:
    earlier, state = update_draft(library, tmp_path)
    pick = SPACE + DOWN + SPACE + ENTER  # troubleshooting and product knowledge
    # troubleshooting: down from 4 to 3 (new evidence); product knowledge: Enter keeps 3 and,
    # with Enter again, its evidence
    keys = pick + START + rate("3", "Ticket 51990") + ENTER + ENTER + KEEP_THE_REST + SAVE
    state = interview(library, state, keys)
    inventory = state.inventory()
    assert state.skills == ["troubleshooting", "product_knowledge"]
    assert inventory.ratings["troubleshooting"] == Rating(level=3, evidence="Ticket 51990")
    assert inventory.ratings["product_knowledge"] == earlier.ratings["product_knowledge"]
    unchanged = {k: v for k, v in earlier.ratings.items() if k not in state.skills}
    assert {k: inventory.ratings[k] for k in unchanged} == unchanged
    assert inventory.model_dump(exclude={"ratings", "date"}) == earlier.model_dump(
        exclude={"ratings", "date"}
    )
    assert inventory.date == TODAY


def test_update_offers_credentials_experiences_aspirations_and_targets_at_the_review(
    library: Library, tmp_path: Path
) -> None:
    earlier, state = update_draft(library, tmp_path)
    keys = SPACE + ENTER + START + ENTER + ENTER  # troubleshooting again: Enter keeps it
    keys += KEEP_THE_REST
    up = "\x1b[A"  # from "nothing chosen yet" up round to the last lines: the rest
    keys += up * 3 + ENTER + DOWN + SPACE + ENTER + line("CompTIA Network+") + ENTER
    keys += up + ENTER + "\x15" + line("Into testing by June")
    ranking = target_ranking(library, earlier)
    other = next(i for i, role in enumerate(ranking) if role not in earlier.targets)
    keys += DOWN * 6 + ENTER + DOWN * other + SPACE + ENTER  # targets: one more role ticked
    state = interview(library, state, keys + SAVE)
    assert state.credentials == ["CompTIA A+", "CompTIA Network+"]  # ITIL unticked
    assert state.aspirations == "Into testing by June"
    assert state.targets == [*earlier.targets, ranking[other]]


def test_update_offers_each_list_after_the_skills_enter_keeping_it(
    library: Library, tmp_path: Path
) -> None:
    earlier, state = update_draft(library, tmp_path)
    assert earlier.credentials == ["CompTIA A+", "ITIL 4 Foundation"]
    keys = SPACE + ENTER + START + ENTER + ENTER  # troubleshooting again: Enter keeps it
    # credentials: review; ITIL unticked, one added, then Enter on an empty line
    keys += DOWN + ENTER + DOWN + SPACE + ENTER + line("CompTIA Network+") + ENTER
    keys += ENTER  # experiences: kept
    keys += DOWN + ENTER + "\x15" + line("Into testing by June")  # aspirations: rewritten
    ranking = target_ranking(library, earlier)
    other = next(i for i, role in enumerate(ranking) if role not in earlier.targets)
    first = ranking.index(earlier.targets[0])
    keys += DOWN + ENTER + DOWN * first + SPACE + DOWN * (other - first) + SPACE + ENTER
    save = Recorder()
    state = interview(library, state, keys + SAVE, save)
    assert state.credentials == ["CompTIA A+", "CompTIA Network+"]
    assert state.experiences == earlier.experiences
    assert state.aspirations == "Into testing by June"
    assert state.targets == [*earlier.targets[1:], ranking[other]]  # one dropped, one added
    # each answer is saved as it is given, so an interrupted update goes on at the next list
    assert [k for k in save.saves[-1].answered if not k.startswith("skill:")][:5] == [
        "pick",
        "credentials",
        "experiences",
        "aspirations",
        "targets",
    ]


def test_an_update_interrupted_among_the_lists_goes_on_at_the_next(
    library: Library, tmp_path: Path
) -> None:
    earlier, state = update_draft(library, tmp_path)
    keys = SPACE + ENTER + START + ENTER + ENTER + ENTER  # credentials kept, then Ctrl-C
    save = Recorder()
    with pytest.raises(Cancelled):
        interview(library, state, keys, save)
    stopped = save.saves[-1]
    assert stopped.done("credentials") and not stopped.done("experiences")
    screen = Screen(100)
    with keyboard(ENTER * 3 + SAVE, screen):  # experiences, aspirations, targets kept
        finished = Interview(stopped, library, Recorder()).run()
    assert "Credentials now" not in screen.text.getvalue()
    assert "Experiences now" in screen.text.getvalue()
    assert finished.inventory().model_dump(exclude={"ratings", "date"}) == earlier.model_dump(
        exclude={"ratings", "date"}
    )


def test_an_empty_list_is_offered_to_fill(library: Library, tmp_path: Path) -> None:
    _, state = update_draft(library, tmp_path)
    state.experiences = []
    keys = SPACE + ENTER + START + ENTER + ENTER + ENTER  # troubleshooting kept, credentials too
    keys += DOWN + ENTER + line("Covered the team lead for a month") + ENTER  # experiences
    screen = Screen(100)
    with keyboard(keys + ENTER + ENTER + SAVE, screen):
        state = Interview(state, library, Recorder()).run()
    assert state.experiences == ["Covered the team lead for a month"]
    assert "Experiences now: none" in screen.text.getvalue()
    assert "Add some" in screen.text.getvalue()


def test_update_with_a_role_ticks_its_skills_and_aims_at_it(
    library: Library, tmp_path: Path
) -> None:
    earlier, state = update_draft(library, tmp_path, role="development")
    assert state.targets == ["development", "testing"]
    keys = ENTER + START + (ENTER + ENTER) * assessment.QUICK_COUNT + SAVE  # keep them all
    state = interview(library, state, keys)
    assert state.skills == assessment.quick_skills(library.roles["development"], library.catalogue)
    assert state.inventory().ratings == earlier.ratings


def test_name_is_required_and_another_role_can_be_typed(library: Library, tmp_path: Path) -> None:
    roles = list(library.roles)  # the menu lists them in this order, then "Something else"
    other = DOWN * (len(roles) - roles.index("support"))  # from support, the default, to it
    keys = ENTER + line("Sam") + other + ENTER + line("First-line help desk") + line("two")
    keys += CTRL_C  # years: "two" is refused, so stop there
    state = role_draft(library, tmp_path)
    with pytest.raises(Cancelled):
        interview(library, state, keys)
    assert state.person == "Sam"
    assert state.current_role == "First-line help desk"
    assert state.years_in_role is None and "years_in_role" not in state.answered


@pytest.mark.parametrize("typed", ["lots", "0", "41"])
def test_hours_a_week_outside_half_an_hour_to_forty_are_refused(
    library: Library, tmp_path: Path, typed: str
) -> None:
    state = role_draft(library, tmp_path)
    with pytest.raises(Cancelled):
        interview(library, state, line("Sam") + ENTER + line("3") + line(typed))
    assert state.years_in_role == 3
    assert state.hours_per_week is None and "hours_per_week" not in state.answered


def test_hours_a_week_are_kept_in_the_inventory(library: Library, tmp_path: Path) -> None:
    keys = line("Sam Rivera") + ENTER + line("3") + line("1,5")
    state = interview(
        library, role_draft(library, tmp_path), keys + START + TESTING_RATINGS + REST + SAVE
    )
    assert state.inventory().hours_per_week == 1.5


# --- starting and finishing --------------------------------------------------------------


def test_begin_offers_to_continue_an_unfinished_inventory(library: Library, tmp_path: Path) -> None:
    unfinished = role_draft(library, tmp_path)
    unfinished.person = "Sam"
    unfinished.mark("person")
    save_draft(unfinished, progress_path(tmp_path, unfinished))

    def fresh() -> Draft:
        return role_draft(library, tmp_path, role="support")

    with keyboard(ENTER):  # "Continue it"
        progress = ProgressFile(tmp_path)
        assert begin(library, progress=progress, fresh=fresh, resume=False) == unfinished
    assert progress.current == tmp_path / "assess-in-progress-sam.yaml"
    with keyboard(DOWN + ENTER):  # "Start a new one"
        progress = ProgressFile(tmp_path)
        state = begin(library, progress=progress, fresh=fresh, resume=False)
    assert state.role == "support"
    assert progress_files(tmp_path) == [progress.current]  # Sam's unfinished one discarded
    assert load_draft(progress.current, library) == state  # saved before the first question
    with keyboard(DOWN + DOWN + ENTER), pytest.raises(Cancelled):  # "Stop here"
        begin(library, progress=ProgressFile(tmp_path), fresh=fresh, resume=False)


def test_resume_with_nothing_saved_is_a_usage_error(library: Library, tmp_path: Path) -> None:
    from careerpath.errors import CareerpathError

    with pytest.raises(CareerpathError) as caught:
        begin(library, progress=ProgressFile(tmp_path), fresh=lambda: None, resume=True)  # type: ignore[arg-type,return-value]
    assert isinstance(caught.value, UsageError)
    assert "nothing to resume" in caught.value.message


@pytest.mark.parametrize(
    ("keys", "replace", "name"),
    [(ENTER, False, "inv-2.yaml"), (DOWN + ENTER, True, "inv.yaml")],
)
def test_an_existing_named_file_is_replaced_only_if_the_person_says_so(
    library: Library, tmp_path: Path, keys: str, replace: bool, name: str
) -> None:
    out = tmp_path / "inv.yaml"
    out.write_text("precious\n")
    state = new_draft(library, today=TODAY, out=out, named=True, role="testing", update=None)
    with keyboard(keys):
        state = begin(
            library, progress=ProgressFile(tmp_path / "h"), fresh=lambda: state, resume=False
        )
    assert (state.replace, state.out.name) == (replace, name)
    assert out.read_text() == "precious\n"


def test_stopping_at_the_replace_question_writes_nothing(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "inv.yaml"
    out.write_text("precious\n")
    state = new_draft(library, today=TODAY, out=out, named=True, role="testing", update=None)
    with keyboard(DOWN + DOWN + ENTER), pytest.raises(Cancelled):
        begin(library, progress=ProgressFile(tmp_path / "h"), fresh=lambda: state, resume=False)
    assert not (tmp_path / "h").exists()


def test_an_unwritable_out_stops_before_the_first_question(
    library: Library, tmp_path: Path
) -> None:
    """A file is where the folder of --out should be: said at once, not after every question
    (no key is sent: a question asked would be cancelled instead)."""
    in_the_way = tmp_path / "notes.txt"
    in_the_way.write_text("a file, not a folder\n")
    out = in_the_way / "sam" / "inv.yaml"
    state = new_draft(library, today=TODAY, out=out, named=True, role="testing", update=None)
    home = tmp_path / "h"
    with keyboard(""), pytest.raises(CareerpathError) as caught:
        begin(library, progress=ProgressFile(home), fresh=lambda: state, resume=False)
    assert caught.value.message == f"cannot write here: {in_the_way} is not a folder"
    assert not home.exists()  # nothing saved: nothing was asked


def test_a_new_folder_for_out_is_fine(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "new" / "inv.yaml"
    state = new_draft(library, today=TODAY, out=out, named=True, role="testing", update=None)
    with keyboard(""):
        begun = begin(library, progress=ProgressFile(tmp_path), fresh=lambda: state, resume=False)
    assert begun.out == out
    assert list(tmp_path.iterdir()) == [progress_path(tmp_path, state)]  # no folder made yet


def test_resume_takes_a_new_out(library: Library, tmp_path: Path) -> None:
    unfinished = role_draft(library, tmp_path)
    unfinished.person = "Sam"
    unfinished.mark("person")
    save_draft(unfinished, progress_path(tmp_path, unfinished))
    elsewhere = tmp_path / "elsewhere.yaml"
    with keyboard(""):
        progress = ProgressFile(tmp_path)
        state = begin(
            library,
            progress=progress,
            fresh=lambda: None,
            resume=True,
            out=elsewhere,  # type: ignore[arg-type,return-value]
        )
    assert (state.out, state.named, state.replace) == (elsewhere, True, False)
    assert progress.current is not None
    assert load_draft(progress.current, library).out == elsewhere  # kept for the next --resume


def test_resume_asks_before_replacing_a_new_out_that_exists(
    library: Library, tmp_path: Path
) -> None:
    unfinished = role_draft(library, tmp_path)
    save_draft(unfinished, progress_path(tmp_path, unfinished))
    taken = tmp_path / "taken.yaml"
    taken.write_text("precious\n")
    with keyboard(ENTER):  # "Save as taken-2.yaml instead"
        state = begin(
            library,
            progress=ProgressFile(tmp_path),
            fresh=lambda: None,
            resume=True,
            out=taken,  # type: ignore[arg-type,return-value]
        )
    assert state.out == tmp_path / "taken-2.yaml"
    with keyboard(""):  # --force: replaced without asking
        state = begin(
            library,
            progress=ProgressFile(tmp_path),
            fresh=lambda: None,
            resume=True,
            out=taken,
            force=True,  # type: ignore[arg-type,return-value]
        )
    assert (state.out, state.replace) == (taken, True)
    assert taken.read_text() == "precious\n"


def test_finish_writes_the_inventory_and_removes_the_unfinished_one(
    library: Library, tmp_path: Path
) -> None:
    progress = ProgressFile(tmp_path)
    state = interview(library, role_draft(library, tmp_path), WHOLE)
    progress.save(state)
    inventory, written = finish(state, library, progress, Recorder())
    assert written == tmp_path / "inv.yaml"
    assert written.stat().st_mode & 0o777 == 0o600
    assert progress_files(tmp_path) == []
    assert load_inventory(written, library) == inventory


def test_a_default_name_taken_meanwhile_moves_on_without_asking(
    library: Library, tmp_path: Path
) -> None:
    state = interview(library, role_draft(library, tmp_path), WHOLE)
    state.named = False  # a default name: the person's name and the day, moved on if taken
    taken = tmp_path / "inventory-sam-rivera-2026-11-23.yaml"
    taken.write_text("someone else's\n")
    _, written = finish(state, library, ProgressFile(tmp_path / "h"), Recorder())
    assert written.name == "inventory-sam-rivera-2026-11-23-2.yaml"
    assert taken.read_text() == "someone else's\n"


# --- the screens -------------------------------------------------------------------------


def skill_screen(library: Library, skill_id: str, columns: int) -> str:
    skill = library.catalogue.skills[skill_id]
    choices = [
        prompts.Choice(f"{o.label}: {o.text}", o.value, key=o.key, short=o.short)
        for o in assessment.options(skill)
    ]
    screen = Screen(columns)
    with keyboard(ENTER, screen):
        prompts.select(f"{skill.name} (skill 1 of 1)", choices)
    first_frame = screen.text.getvalue().split("? ")[1]  # up to the erased list's answer
    return first_frame.replace("\r", "")


@pytest.mark.parametrize("columns", [80, 200])
def test_every_descriptor_wraps_within_the_screen(library: Library, columns: int) -> None:
    limit = min(columns, prompts.MAX_WIDTH)
    for skill_id, skill in library.catalogue.skills.items():
        frame = skill_screen(library, skill_id, columns)
        lines = [ln.rstrip() for ln in frame.splitlines()]
        lines = lines[next(i for i, ln in enumerate(lines) if ln.startswith(" » ")) :]
        assert max(len(ln) for ln in lines) < limit, skill_id
        flat = " ".join(" ".join(lines).split())
        for level, text in skill.levels.items():
            assert " ".join(text.split()) in flat, (skill_id, level)
        # continuation lines start under the text of their choice, never at the margin
        assert all(ln.startswith((" » ", "   ")) for ln in lines if ln), skill_id


def test_the_answer_is_echoed_in_a_few_words(library: Library) -> None:
    screen = Screen(80)
    skill = library.catalogue.skills["troubleshooting"]
    choices = [
        prompts.Choice(f"{o.label}: {o.text}", o.value, key=o.key, short=o.short)
        for o in assessment.options(skill)
    ]
    with keyboard("3" + ENTER, screen):
        assert prompts.select("Troubleshooting", choices) == "3"
    assert screen.text.getvalue().rstrip().endswith("? Troubleshooting 3 independent")


LONG_QUESTION = "Listening and managing expectations (Customer communication, skill 11 of 38)"
LONG_ANSWER = (
    "Ticket 48211: traced the SSO loop to a clock skew on the customer's identity provider,"
    " confirmed by second line"
)


def _echo(screen: Screen, rows: int) -> list[str]:
    """The last `rows` lines drawn: the answer's echo, once the prompt is erased (plain output
    ignores cursor moves, so what was drawn before it may lead on its first line)."""
    lines = screen.text.getvalue().replace("\r", "\n").splitlines()
    return [ln.rstrip() for ln in lines if ln.strip()][-rows:]


@pytest.mark.parametrize("columns", [80, 60])
def test_a_long_questions_echo_breaks_at_words(columns: int) -> None:
    """Plain output (piped): no escape sequence, and the echo within the width, broken at
    words; the live question is checked on a real screen (tests/e2e)."""
    screen = Screen(columns)
    choices = [prompts.Choice("independent", "3", key="3", short="3 independent")]
    with keyboard("3" + ENTER, screen):
        prompts.select(LONG_QUESTION, choices, instruction="(0-5, n, u or arrows, then Enter)")
    assert "\x1b" not in screen.text.getvalue()
    echo = _echo(screen, 2)
    assert echo[0].lstrip().startswith("? Listening")
    assert all(len(ln) < columns for ln in echo[1:]) and echo[1].startswith("  ")
    assert " ".join(" ".join(echo).split()) == f"? {LONG_QUESTION} 3 independent"


def test_a_long_typed_answer_is_echoed_broken_at_words() -> None:
    screen = Screen(80)
    with keyboard(line(LONG_ANSWER), screen):
        assert prompts.text("Evidence (optional)") == LONG_ANSWER
    first, second = _echo(screen, 2)
    assert first.lstrip() == (
        "? Evidence (optional) Ticket 48211: traced the SSO loop to a clock skew on the"
    )
    assert second == "  customer's identity provider, confirmed by second line"


def test_a_checkbox_echoes_what_was_ticked() -> None:
    choices = [prompts.Choice(f"Role {n}", str(n), short=f"r{n}") for n in range(5)]
    for keys, echoed in [
        (SPACE + DOWN + SPACE + ENTER, "? Pick r0, r1"),
        (ENTER, "? Pick none"),
        ((SPACE + DOWN) * 5 + ENTER, "? Pick 5 ticked"),
    ]:
        screen = Screen(80)
        with keyboard(keys, screen):
            prompts.checkbox("Pick", choices)
        assert _echo(screen, 1)[0].lstrip() == echoed


def test_say_counts_the_rows_it_prints() -> None:
    screen = Screen(40)
    with keyboard("", screen):
        rows = prompts.say("\nA check before saving:\n  - " + LONG_ANSWER)
    lines = screen.text.getvalue().replace("\r", "").splitlines()
    assert rows == len(lines) == 6
    assert max(len(ln) for ln in lines) < 40
