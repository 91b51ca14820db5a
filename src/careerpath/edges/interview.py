"""The guided self-inventory: asks each question, and saves the draft after every answer.

Each question is recorded in the draft's progress when answered, so a resumed interview skips
what is done and goes on exactly where it stopped. The rules (what to ask, the checks) are in
careerpath.core.assessment; the prompts themselves in careerpath.edges.prompts.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from careerpath.core import assessment, draft
from careerpath.core.draft import Draft
from careerpath.core.gaps import rank
from careerpath.core.model import Inventory
from careerpath.core.plan.schedule import (
    DEFAULT_HOURS_PER_WEEK,
    MAX_HOURS_PER_WEEK,
    MIN_HOURS_PER_WEEK,
)
from careerpath.edges import prompts
from careerpath.edges.inventory_files import (
    ProgressFile,
    dated_name,
    load_draft,
    next_free,
    progress_files,
    update_inventory,
    write_inventory,
    write_new_inventory,
)
from careerpath.edges.load import Library, load_inventory
from careerpath.edges.manager_files import with_manager
from careerpath.edges.private_files import check_destination, check_target
from careerpath.edges.prompts import Choice, Heading
from careerpath.errors import Cancelled, CareerpathError, UsageError
from careerpath.views.summary_text import ranking_rows

Save = Callable[[Draft], None]
Check = Callable[[str], str | None]

OTHER = "__other__"
NOT_SURE = "__not_sure__"
SELECT_KEYS = "(0-5, n, u or arrows, then Enter)"
PICK_KEYS = "(Space ticks, Enter goes on)"
LEVEL_PLACEHOLDER = "nothing chosen yet: press 0-5, n or u, or an arrow"
REVIEW_PLACEHOLDER = "nothing chosen yet: down to Save, or to an answer to change it"
SAVE = "__save__"
SAVE_TITLE = "Save"
READINESS_NOTE = (
    "How close you are to each role, closest first: the levels each role asks that you reach,"
    " weighted by importance and by what the role adds beyond your current one; a range where"
    " you were not sure (careerpath gaps FILE shows the arithmetic)."
)
KEEP, REVIEW = "__keep__", "__review__"
REVIEWS = {  # what reviewing each list of an --update does: with entries, and with none yet
    draft.CREDENTIALS: ("Review them: drop some, add new ones", "Add some"),
    draft.EXPERIENCES: ("Review them: drop some, add new ones", "Add some"),
    draft.ASPIRATIONS: ("Rewrite them", "Write them"),
    draft.TARGETS: ("Review them: tick or untick roles", "Pick some"),
}
CREDENTIAL_QUESTION = ("Credentials you hold (certificates, qualifications, courses)", "Credential")
EXPERIENCE_QUESTION = (
    "Experiences that count (a project, covering for a role, a secondment)",
    "Experience",
)


def _required(value: str) -> str | None:
    return None if value.strip() else "please type something; Ctrl-C stops (progress is kept)"


def _number(what: str, example: str, low: float, high: float) -> Check:
    """A check for an optional number typed at a prompt: empty, or low to high."""

    def check(value: str) -> str | None:
        if not value.strip():
            return None
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            return f"a number of {what}, like {example}; or leave it empty"
        return None if low <= number <= high else f"from {low:g} to {high:g} {what}"

    return check


_years = _number("years", "3 or 1.5", 0, 60)
_hours = _number("hours a week", "2 or 1.5", MIN_HOURS_PER_WEEK, MAX_HOURS_PER_WEEK)


def _at_least_one(values: list[str]) -> str | None:
    return None if values else "tick at least one with Space, then press Enter"


def _targets_check(values: list[str]) -> str | None:
    if not values:
        return "tick at least one with Space, or 'not sure yet'"
    if NOT_SURE in values and len(values) > 1:
        return "tick roles, or 'not sure yet', not both"
    return None


class Interview:
    def __init__(self, state: Draft, library: Library, save: Save) -> None:
        self.draft = state
        self.library = library
        self.save = save

    @property
    def _about(self) -> str | None:
        """With --as-manager, the report's name: every prompt says whose skills are rated."""
        d = self.draft
        return (d.report_name or "your report") if d.manager_for is not None else None

    def _done(self, key: str) -> None:
        self.draft.mark(key)
        self.save(self.draft)

    def run(self) -> Draft:
        d = self.draft
        if d.manager_for is not None:
            self.manager()
            self.rate_all()
            self.check()
            self.review()
            return d
        if d.update is None:
            self.who()
            self.aims()
        else:
            self.pick()
        self.rate_all()
        if d.update is None:
            self.collect(draft.CREDENTIALS, CREDENTIAL_QUESTION, d.credentials)
            self.collect(draft.EXPERIENCES, EXPERIENCE_QUESTION, d.experiences)
            self.aspirations()
        else:
            self.offer_the_rest()
        self.check()
        self.choose_targets()
        self.review()
        return d

    # --- who and where -------------------------------------------------------------------

    def who(self) -> None:
        d = self.draft
        for key, ask in (
            (draft.PERSON, self.ask_name),
            (draft.CURRENT_ROLE, self.ask_current_role),
            (draft.YEARS, self.ask_years),
            (draft.HOURS, self.ask_hours),
        ):
            if not d.done(key):
                ask()
                self._done(key)

    def ask_name(self) -> None:
        d = self.draft
        d.person = prompts.text("Your name", default=d.person, check=_required)

    def ask_current_role(self) -> None:
        d = self.draft
        roles = self.library.roles.values()
        choices = [Choice(f"{r.title} ({r.id})", r.id) for r in roles]
        choices.append(Choice("Something else: type it", OTHER))
        default = d.current_role or ("support" if "support" in self.library.roles else None)
        if default is not None and default not in self.library.roles:
            default = OTHER  # typed before: "something else" again, with the text as it was
        value = prompts.select("Your current role", choices, default=default)
        if value == OTHER:
            earlier = "" if d.current_role in self.library.roles else d.current_role
            value = prompts.text(
                "Your current role, in a few words", default=earlier, check=_required
            )
        d.current_role = value

    def ask_years(self) -> None:
        d = self.draft
        earlier = "" if d.years_in_role is None else f"{d.years_in_role:g}"
        value = prompts.text("Years in that role (Enter to skip)", default=earlier, check=_years)
        d.years_in_role = float(value.replace(",", ".")) if value else None

    def ask_hours(self) -> None:
        d = self.draft
        earlier = "" if d.hours_per_week is None else f"{d.hours_per_week:g}"
        value = prompts.text(
            f"Hours a week for your development (Enter for {DEFAULT_HOURS_PER_WEEK:g},"
            " the default)",
            default=earlier,
            check=_hours,
        )
        d.hours_per_week = float(value.replace(",", ".")) if value else None

    def manager(self) -> None:
        """--as-manager: who is rating; the skills are then the same questions as the report's."""
        d = self.draft
        if d.done(draft.PERSON):
            return
        report = self._about
        prompts.say(
            f"Rating {report}'s skills as their manager ({d.manager_for}): the same skills,"
            " descriptors and evidence questions they answered. Your ratings are kept beside"
            f" {report}'s own, never averaged into them."
        )
        self.ask_manager_name()
        self._done(draft.PERSON)

    def ask_manager_name(self) -> None:
        d = self.draft
        d.person = prompts.text("Your name (the manager)", default=d.person, check=_required)

    def aims(self) -> None:
        d = self.draft
        if d.done(draft.TARGETS):
            return
        choices = [Choice(f"{r.title} ({r.id})", r.id) for r in self.library.roles.values()]
        choices.append(Choice("Not sure yet: choose after rating, by how close each is", NOT_SURE))
        picked = prompts.checkbox(
            "Where do you want to land?", choices, check=_targets_check, instruction=PICK_KEYS
        )
        d.choose_targets = picked == [NOT_SURE]
        d.targets = [] if d.choose_targets else picked
        self._done(draft.TARGETS)

    def ask_targets(self) -> None:
        """The roles aimed at, the current ones ticked (at the review)."""
        d = self.draft
        ranking = rank(
            d.ratings,
            self.library.roles.values(),
            self.library.catalogue,
            current_role=d.current_role,
            targets=d.targets,
        )
        rows = ranking_rows(ranking, ids=False)
        choices = [
            Choice(row, r.role, checked=r.role in d.targets)
            for r, row in zip(ranking, rows, strict=True)
        ]
        picked = prompts.checkbox(
            "Which roles do you want to aim at?",
            choices,
            check=_at_least_one,
            instruction=PICK_KEYS,
        )
        kept = [t for t in d.targets if t in picked]
        d.targets = kept + [t for t in picked if t not in kept]

    # --- the skills ----------------------------------------------------------------------

    def pick(self) -> None:
        """--update: choose which skills to rate again; the role's quick set is ticked."""
        d = self.draft
        if d.done(draft.PICK):
            return
        catalogue = self.library.catalogue
        ticked = set(d.skills)
        choices: list[Choice | Heading] = []
        category = None
        for skill_id in assessment.skill_order(catalogue):
            skill = catalogue.skills[skill_id]
            if skill.category != category:
                category = skill.category
                choices.append(Heading(f"-- {catalogue.categories.get(category, category)}"))
            now = assessment.describe(d.ratings.get(skill_id))
            choices.append(Choice(f"{skill.name}: now {now}", skill_id, checked=skill_id in ticked))
        prompts.say(f"Updating {d.update}: skills you do not tick keep their rating and evidence.")
        picked = set(
            prompts.checkbox(
                "Rate which skills again?",
                choices,
                check=_at_least_one,
                instruction="(Space ticks, Enter goes on; the rest are kept)",
            )
        )
        d.skills = [s for s in assessment.skill_order(catalogue) if s in picked]
        self._done(draft.PICK)

    def rate_all(self) -> None:
        d = self.draft
        pending = [s for s in d.skills if not d.done(draft.skill_key(s, evidence=True))]
        if not pending:
            return
        started = len(pending) < len(d.skills) or d.done(draft.skill_key(pending[0]))
        prompts.say()
        prompts.say(assessment.conservative_note(self._about), "italic")
        prompts.pause("Press Enter to go on" if started else "Press Enter to start rating")
        for index, skill_id in enumerate(d.skills, 1):
            if skill_id in pending:
                self.rate(skill_id, f"skill {index} of {len(d.skills)}")

    def rate(self, skill_id: str, progress: str, *, again: bool = False) -> None:
        d = self.draft
        key = draft.skill_key(skill_id, again=again)
        evidence_key = draft.skill_key(skill_id, again=again, evidence=True)
        if not d.done(key):
            self.ask_level(skill_id, progress)
            self._done(key)
        elif not d.done(evidence_key):
            # resumed between a rating and its evidence: say which skill this is
            skill = self.library.catalogue.skills[skill_id]
            prompts.say(f"\n{skill.name}: {skill.description}")
            prompts.say(f"Rated {assessment.describe(d.ratings.get(skill_id))} ({progress}).")
        if not d.done(evidence_key):
            self.ask_evidence(skill_id)
            self._done(evidence_key)

    def ask_level(self, skill_id: str, progress: str) -> None:
        """One skill's level. With no earlier answer the pointer starts on no level, so Enter
        alone records nothing; with one (an update, a change) it starts on that answer."""
        d = self.draft
        skill = self.library.catalogue.skills[skill_id]
        category = self.library.catalogue.categories.get(skill.category, skill.category)
        above = prompts.say(f"\n{skill.name}: {skill.description}")
        choices = [
            Choice(f"{o.label}: {o.text}", o.value, key=o.key, short=o.short)
            for o in assessment.options(skill, self._about)
        ]
        whose = f"{self._about}: " if self._about else ""
        value = prompts.select(
            f"{whose}{skill.name} ({category}, {progress})",
            choices,
            default=assessment.answer(d.ratings.get(skill_id)),
            instruction=SELECT_KEYS,
            placeholder=LEVEL_PLACEHOLDER,
            above=above,
        )
        d.ratings[skill_id] = assessment.rating_from(value, d.ratings.get(skill_id))

    def ask_evidence(self, skill_id: str) -> None:
        d = self.draft
        rating = d.ratings[skill_id]
        if assessment.wants_evidence(rating):
            evidence = prompts.text(
                "Evidence (optional): a ticket, project or feedback that shows it",
                default=rating.evidence,
            )
            d.ratings[skill_id] = assessment.with_evidence(rating, evidence)

    # --- the rest ------------------------------------------------------------------------

    def collect(self, key: str, message: tuple[str, str], items: list[str]) -> None:
        d = self.draft
        if d.done(key):
            return
        self.add_items(message, items)
        self._done(key)

    def add_items(self, message: tuple[str, str], items: list[str]) -> None:
        intro, label = message
        prompts.say(f"\n{intro}: one at a time; Enter on an empty line when done.")
        while True:
            value = prompts.text(f"{label} {len(items) + 1}")
            if not value:
                break
            items.append(value)
            self.save(self.draft)

    def change_items(self, message: tuple[str, str], items: list[str]) -> None:
        """At the review: untick the entries to drop, then add new ones."""
        _, label = message
        if items:
            kept = set(
                prompts.checkbox(
                    f"Keep which {label.lower()}s?",
                    [Choice(item, str(i), checked=True) for i, item in enumerate(items)],
                    instruction="(Space unticks one to drop it, Enter goes on)",
                )
            )
            items[:] = [item for i, item in enumerate(items) if str(i) in kept]
            self.save(self.draft)
        self.add_items(message, items)

    def offer_the_rest(self) -> None:
        """--update, after the skills: each list of the inventory as it is, kept with Enter or
        reviewed (entries dropped and added; the aspirations rewritten; targets re-ticked)."""
        d = self.draft
        offers: list[tuple[str, str, str, bool, Callable[[], None]]] = [
            (
                draft.CREDENTIALS,
                "Credentials",
                _listed(d.credentials),
                bool(d.credentials),
                lambda: self.change_items(CREDENTIAL_QUESTION, d.credentials),
            ),
            (
                draft.EXPERIENCES,
                "Experiences",
                _listed(d.experiences),
                bool(d.experiences),
                lambda: self.change_items(EXPERIENCE_QUESTION, d.experiences),
            ),
            (
                draft.ASPIRATIONS,
                "Aspirations",
                d.aspirations or "none given",
                bool(d.aspirations),
                self.ask_aspirations,
            ),
            (
                draft.TARGETS,
                "Targets",
                self._targets(),
                bool(d.targets),
                self.ask_targets,
            ),
        ]
        if all(d.done(key) for key, *_ in offers):
            return
        prompts.say("\nThe rest of the inventory, as it is: Enter keeps each, or review it.")
        for key, what, now, any_, review in offers:
            if d.done(key):
                continue
            prompts.say(f"{what} now: {now}")
            value = prompts.select(
                what,
                [
                    Choice("Keep them" if any_ else "Leave empty", KEEP),
                    Choice(REVIEWS[key][0 if any_ else 1], REVIEW),
                ],
                default=KEEP,
                instruction="(Enter keeps; arrows, then Enter)",
            )
            if value == REVIEW:
                review()
            self._done(key)

    def _targets(self) -> str:
        roles = self.library.roles
        return ", ".join(roles[t].title if t in roles else t for t in self.draft.targets) or "none"

    def aspirations(self) -> None:
        d = self.draft
        if not d.done(draft.ASPIRATIONS):
            self.ask_aspirations()
            self._done(draft.ASPIRATIONS)

    def ask_aspirations(self) -> None:
        d = self.draft
        d.aspirations = prompts.text(
            "Your aspirations, in a sentence or two (Enter to skip)", default=d.aspirations
        )

    def check(self) -> None:
        """Flag careless or inflated patterns and let the person rate those skills again."""
        d = self.draft
        if not d.done(draft.CHECK):
            flags = assessment.honesty_flags(d.ratings, d.skills, self._about)
            if flags:
                # the explanation stays on the screen with its question: the list scrolls
                above = prompts.say("\nA check before saving:", "bold")
                for flag in flags:
                    above += prompts.say(f"  - {flag.message}")
                catalogue = self.library.catalogue
                choices = [
                    Choice(
                        f"{catalogue.skills[s].name}: {assessment.describe(d.ratings.get(s))}", s
                    )
                    for s in assessment.flagged_skills(flags)
                ]
                d.revisit = prompts.checkbox(
                    "Rate any of these again?",
                    choices,
                    instruction="(Space ticks; Enter alone keeps them)",
                    above=above,
                )
            self._done(draft.CHECK)
        for index, skill_id in enumerate(d.revisit, 1):
            self.rate(skill_id, f"again, {index} of {len(d.revisit)}", again=True)

    def choose_targets(self) -> None:
        d = self.draft
        if not d.choose_targets or d.done(draft.CHOOSE_TARGETS):
            return
        ranking = rank(
            d.ratings,
            self.library.roles.values(),
            self.library.catalogue,
            current_role=d.current_role,
        )
        prompts.say(f"\n{READINESS_NOTE}")
        rows = ranking_rows(ranking, ids=False)
        choices = [Choice(row, r.role) for r, row in zip(ranking, rows, strict=True)]
        d.targets = prompts.checkbox(
            "Which roles do you want to aim at?",
            choices,
            check=_at_least_one,
            instruction=PICK_KEYS,
        )
        self._done(draft.CHOOSE_TARGETS)

    # --- the review ----------------------------------------------------------------------

    def review(self) -> None:
        """Every answer on one list before saving: Save, or pick an answer to change it.

        The pointer starts on no line, so a stray Enter neither saves nor changes anything.
        """
        d = self.draft
        while not d.done(draft.REVIEW):
            questions = self.questions()
            value = prompts.select(
                f"Check your ratings of {self._about} before saving"
                if self._about
                else "Check your answers before saving",
                [Choice(SAVE_TITLE, SAVE), *questions],
                instruction="(arrows, then Enter)",
                placeholder=REVIEW_PLACEHOLDER,
            )
            if value == SAVE:
                self._done(draft.REVIEW)
                return
            self.change(value)
            self.save(d)

    def questions(self) -> list[Choice | Heading]:
        """The review's lines: each answer, and the question it answers as its value."""
        d = self.draft
        catalogue = self.library.catalogue
        lines: list[Choice | Heading] = []
        if d.manager_for is not None:
            lines.append(Choice(f"Your name (the manager): {d.person}", "person"))
        else:
            years = "not given" if d.years_in_role is None else f"{d.years_in_role:g}"
            hours = (
                f"not given (plans assume {DEFAULT_HOURS_PER_WEEK:g})"
                if d.hours_per_week is None
                else f"{d.hours_per_week:g}"
            )
            role = self.library.roles.get(d.current_role)
            lines += [
                Choice(f"Your name: {d.person}", "person"),
                Choice(f"Current role: {role.title if role else d.current_role}", "current_role"),
                Choice(f"Years in that role: {years}", "years_in_role"),
                Choice(f"Hours a week for your development: {hours}", "hours_per_week"),
                Choice(f"Targets: {', '.join(d.targets) or 'none yet'}", "targets"),
            ]
        category = None
        for skill_id in self._rated():
            skill = catalogue.skills[skill_id]
            if skill.category != category:
                category = skill.category
                lines.append(Heading(f"-- {catalogue.categories.get(category, category)}"))
            rating = d.ratings[skill_id]
            note = " (with evidence)" if rating.evidence else ""
            lines.append(
                Choice(f"{skill.name}: {assessment.describe(rating)}{note}", f"skill:{skill_id}")
            )
        if d.manager_for is None:
            lines.append(Heading("-- The rest"))
            lines += [
                Choice(f"Credentials: {_listed(d.credentials)}", "credentials"),
                Choice(f"Experiences: {_listed(d.experiences)}", "experiences"),
                Choice(f"Aspirations: {d.aspirations or 'none given'}", "aspirations"),
            ]
        return lines

    def _rated(self) -> list[str]:
        """The skills of this inventory, in the order asked: with --update, every rated one."""
        d = self.draft
        if d.update is None:
            return [s for s in d.skills if s in d.ratings]
        order = assessment.skill_order(self.library.catalogue)
        return [s for s in order if s in d.ratings]

    def change(self, question: str) -> None:
        d = self.draft
        if question.startswith("skill:"):
            skill_id = question.removeprefix("skill:")
            self.ask_level(skill_id, "change")
            self.save(d)
            self.ask_evidence(skill_id)
            return
        asks: dict[str, Callable[[], None]] = {
            "person": self.ask_manager_name if d.manager_for is not None else self.ask_name,
            "current_role": self.ask_current_role,
            "years_in_role": self.ask_years,
            "hours_per_week": self.ask_hours,
            "targets": self.ask_targets,
            "credentials": lambda: self.change_items(CREDENTIAL_QUESTION, d.credentials),
            "experiences": lambda: self.change_items(EXPERIENCE_QUESTION, d.experiences),
            "aspirations": self.ask_aspirations,
        }
        asks[question]()


def _listed(items: list[str]) -> str:
    return "; ".join(items) if items else "none"


def begin(
    library: Library,
    *,
    progress: ProgressFile,
    fresh: Callable[[], Draft],
    resume: bool,
    mine: Callable[[Draft], bool] = lambda _: True,
    out: Path | None = None,
    force: bool = False,
) -> Draft:
    """The draft to work on: a saved one (--resume, or when the person says so) or `fresh()`.

    Only the unfinished inventories `mine` accepts are offered: a manager rating Ben is never
    offered someone's own unfinished self-inventory, nor a rating of someone else. A new draft
    whose named output exists is only used once the person agrees to replace it or picks
    another name. The draft is saved before the first question. `out` (with --resume) sends
    the resumed inventory to a new file (`force`: replacing it if it exists).
    """
    saved, unreadable = _unfinished(progress.home, library, mine)
    if resume:
        if not saved:
            if unreadable:
                raise unreadable[0]
            raise UsageError(
                f"nothing to resume: no unfinished inventory in {progress.home};"
                " start one with careerpath assess"
            )
        path, state = saved[0] if len(saved) == 1 else _which(saved)
        progress.current = path
        if out is not None:
            state.out, state.named, state.replace = out.absolute(), True, force
        _confirm_out(state)
        progress.save(state)
        return _continuing(state)
    for error in unreadable:
        prompts.say(f"An unfinished inventory cannot be read: {error}")
    if saved:
        chosen = _resume_instead(saved)
        if chosen is not None:
            progress.current = chosen[0]
            return _continuing(chosen[1])
        for path, _ in saved:  # "start a new one": the unfinished ones are discarded
            path.unlink(missing_ok=True)
    state = fresh()
    _confirm_out(state)
    progress.save(state)
    return state


def _unfinished(
    home: Path, library: Library, mine: Callable[[Draft], bool]
) -> tuple[list[tuple[Path, Draft]], list[CareerpathError]]:
    """The unfinished inventories in `home` that `mine` accepts, and the errors of those that
    cannot be read."""
    saved: list[tuple[Path, Draft]] = []
    errors: list[CareerpathError] = []
    for path in progress_files(home):
        try:
            state = load_draft(path, library)
        except CareerpathError as error:
            errors.append(error)
            continue
        if mine(state):
            saved.append((path, state))
    return saved, errors


def _described(saved: Draft) -> str:
    """An unfinished inventory in a few words: whose, when, how far."""
    if saved.manager_for is not None:
        whose = f"{saved.person or 'a manager'}'s rating of {saved.report_name or 'a report'}"
    else:
        whose = saved.person or "no name yet"
    return f"{whose}, started {saved.date}, {saved.position()}"


def _continuing(saved: Draft) -> Draft:
    if saved.manager_for is not None:
        who = f" of {saved.report_name}, as the manager" if saved.report_name else ""
    else:
        who = f" of {saved.person}" if saved.person else ""
    prompts.say(f"Continuing the inventory{who} started {saved.date}: {saved.position()}.", "bold")
    return saved


def _which(saved: list[tuple[Path, Draft]]) -> tuple[Path, Draft]:
    """--resume with several unfinished inventories: the person picks one."""
    value = prompts.select(
        f"{len(saved)} unfinished inventories: continue which?",
        [
            *(Choice(_described(state), str(index)) for index, (_, state) in enumerate(saved)),
            Choice("Stop here", "stop"),
        ],
    )
    if value == "stop":
        raise Cancelled
    return saved[int(value)]


def _resume_instead(saved: list[tuple[Path, Draft]]) -> tuple[Path, Draft] | None:
    """Offer the unfinished inventories: the one to continue, or None for a new one."""
    if len(saved) == 1:
        path, state = saved[0]
        prompts.say(f"An unfinished inventory ({_described(state)}) is saved in {path}.")
        continuing = [Choice("Yes, continue it", "0")]
        new = "No, start a new one (the unfinished one is discarded)"
    else:
        prompts.say(f"{len(saved)} unfinished inventories are saved in {saved[0][0].parent}.")
        continuing = [
            Choice(f"Continue {_described(state)}", str(index))
            for index, (_, state) in enumerate(saved)
        ]
        new = "No, start a new one (the unfinished ones are discarded)"
    value = prompts.select(
        "Continue it?" if len(saved) == 1 else "Continue one?",
        [*continuing, Choice(new, "new"), Choice("Stop here", "stop")],
    )
    if value == "stop":
        raise Cancelled
    return None if value == "new" else saved[int(value)]


def _confirm_out(state: Draft) -> None:
    """Make sure the output can be written, before the first question: a folder that exists
    and takes a new file, then a new name or the person's yes to replace it (a regular file
    only: never a link or a device)."""
    if _in_place(state):
        assert state.manager_for is not None
        check_destination(state.manager_for, force=True)
        return
    if state.out.is_dir():
        raise UsageError("is a folder; name a file to write", file=state.out)
    if state.named:
        check_destination(state.out, force=True)
    if state.replace:
        check_target(state.out, force=True)
        return
    if not os.path.lexists(state.out):
        return
    if not state.named:
        state.out = next_free(state.out)
        return
    other = next_free(state.out)
    prompts.say(f"{state.out} already exists.")
    value = prompts.select(
        "Where should the inventory go?",
        [
            Choice(f"Save as {other} instead", "other"),
            Choice(f"Replace {state.out} when done", "replace"),
            Choice("Stop here", "stop"),
        ],
    )
    if value == "stop":
        raise Cancelled
    if value == "replace":
        check_target(state.out, force=True)
        state.replace = True
    else:
        state.out = other


def _in_place(state: Draft) -> bool:
    """A manager's rating added to the report's own file (a link to it included)."""
    return state.manager_for is not None and state.out.resolve() == state.manager_for


def finish(
    state: Draft, library: Library, progress: ProgressFile, save: Save
) -> tuple[Inventory, Path]:
    """The finished inventory, written to its file; the unfinished one is then removed.

    A manager's rating (--as-manager) is added to the report's inventory as read now.
    """
    _confirm_out(state)
    save(state)
    if state.manager_for is not None:

        def rated(base: Inventory) -> Inventory:
            return with_manager(base, state.person, state.date, state.ratings)

        if _in_place(state):  # under a lock, the file as it is now gets the section
            inventory, state.out = update_inventory(state.manager_for, library, rated)
        else:
            inventory = rated(load_inventory(state.manager_for, library))
            write_inventory(inventory, state.out, replace=state.replace)
    else:
        inventory = state.inventory()
        if state.named or state.replace:
            write_inventory(inventory, state.out, replace=state.replace)
        else:  # a dated name with the person's: the next free one, taken exclusively
            named = state.out.with_name(dated_name(state.date, state.person))
            state.out = write_new_inventory(inventory, named)
    progress.remove()
    return inventory, state.out


def new_draft(
    library: Library,
    *,
    today: dt.date,
    out: Path,
    named: bool,
    role: str | None,
    update: tuple[Path, Inventory] | None,
    manager_for: tuple[Path, Inventory] | None = None,
) -> Draft:
    """A fresh draft: the whole inventory, the --role quick path, an --update of a file, or a
    manager's rating of a report's inventory (--as-manager)."""
    role_profile = library.role(role) if role is not None else None
    if manager_for is not None:
        path, report = manager_for
        order = assessment.skill_order(library.catalogue)
        if role_profile is not None:
            skills = assessment.quick_skills(role_profile, library.catalogue)
        else:
            skills = [s for s in order if s in report.ratings] or order
        state = Draft(date=today, out=out, named=named, skills=skills, role=role)
        state.manager_for = path.resolve()
        state.report_name = report.person
        if report.manager is not None:  # rating again: the earlier answers are the defaults
            state.person = report.manager.name
            state.ratings = dict(report.manager.ratings)
        return state
    if update is not None:
        path, earlier = update
        state = draft.from_inventory(earlier, date=today, out=out, named=named)
        state.update = path.resolve()
        state.role = role
        if role is not None and role_profile is not None:
            state.skills = assessment.quick_skills(role_profile, library.catalogue)
            state.targets = [role, *(t for t in state.targets if t != role)]
        return state
    skills = assessment.skills_to_ask(library.catalogue, role_profile)
    state = Draft(date=today, out=out, named=named, skills=skills, role=role)
    if role is not None:
        state.targets = [role]
        state.mark(draft.TARGETS)
    return state


def confirm_replace_manager(report: Inventory, path: Path) -> None:
    """Rating again over an earlier manager rating: go on only with the person's yes."""
    earlier = report.manager
    if earlier is None:
        return
    prompts.say(
        f"{path} already has a manager rating ({earlier.name}, {earlier.date.isoformat()});"
        " rating again replaces it (its answers are offered as the defaults)."
    )
    value = prompts.select(
        "Rate again and replace it?",
        [
            Choice("Yes, rate again (the earlier answers are the defaults)", "yes"),
            Choice("Stop here", "stop"),
        ],
    )
    if value == "stop":
        raise Cancelled
