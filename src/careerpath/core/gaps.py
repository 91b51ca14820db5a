"""Gap analysis and readiness: how far a move is for this person. Pure functions, values in and out.

Readiness answers "how far is this move for me", relative to where the person stands:

- **The baseline** is the profile of the person's current role when it is one; otherwise the
  entry profile (ENTRY_ROLE) when the library has it; otherwise, per skill, the lowest level
  every profile asks (0 where a profile leaves the skill out).
- **Weight**: each level of a skill weighs importance² × (1 + the levels the role adds beyond
  the baseline), so a move is about what it adds (test design and automation from support to
  testing), not about what both roles share (empathy); essential skills weigh most.
- **Levels short**, not coverage: readiness = 1 − Σ weight × levels short ÷ Σ weight × levels
  required. A rating of 3 or more without evidence is *claimed* and counts half a level lower.
- **Essential gaps are named**, not averaged away: an importance-5 skill two or more levels
  short, or still at 0 or 1, is "not yet: scripting 1 of 3 needed", and the figure is
  multiplied by ESSENTIAL_FACTOR.
- **Unknowns are a range**: the low end counts unsure and unrated skills as not started, the
  high end as met; roles are ranked on the low end. n/a counts as level 0 where a role needs it.
- **Effort** beside it: importance × levels still to climb, and the hours of the steps.
- **Ties** (the same whole percentage) go to the person's own targets, then are shown as ties;
  roles the current role's profile already asks as much as come last.

`score` is the arithmetic alone, for a team's thousands of people; `analyse` adds the per-skill
detail; `figures_of` gives every role's figures without it, for a plan's table of every role.
All read the same Scale, so a team and a person see the same numbers. A Scale keeps,
per row, what each standing of the skill adds, packed in one integer (_parts_of): a score is one
sum over the rows, and a Board sums many roles' scales in one integer, one sum per person.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from typing import Literal, NamedTuple

from careerpath.core.effort import step_effort, step_of
from careerpath.core.model import Catalogue, Inventory, Rating, Role

ENTRY_ROLE = "helpdesk"  # the entry baseline when the current role is not a profile
CLAIMED_FROM = 3  # a rating at this level or above without evidence is a claim
CLAIM_DISCOUNT = 0.5  # levels a claim counts lower
ESSENTIAL = 5  # the importance of an essential skill
ESSENTIAL_SHORT = 2  # levels short that make an essential gap
ESSENTIAL_FACTOR = 0.6  # what an essential gap multiplies readiness by

PRIORITY_FORMULA = "priority = gap x importance, where gap = required level - current level"
READINESS_FORMULA = (
    "readiness = 1 - (sum of weight x levels short) / (sum of weight x levels required), over"
    " the role's skills, where weight = importance² x (1 + the levels the role adds beyond your"
    f" baseline); a rating of {CLAIMED_FROM} or more without evidence is claimed and counts"
    f" {CLAIM_DISCOUNT:g} of a level lower; an essential skill (importance {ESSENTIAL})"
    f" {ESSENTIAL_SHORT} or more levels short, or at 0 or 1, multiplies readiness by"
    f" {ESSENTIAL_FACTOR:g}"
)
BASELINE_RULE = (
    "the baseline is your current role's profile when it is one; otherwise the entry profile"
    f" ({ENTRY_ROLE}) when there is one; otherwise, per skill, the lowest level every profile asks"
)
UNKNOWN_RULE = (
    "unsure and unrated skills give a range: the low end counts them as not started, the high"
    " end as met; roles are ranked on the low end; n/a counts as level 0 where the role needs"
    " the skill"
)
RANK_RULE = (
    "closest first; the same percentage goes to your own targets first, then is shown as a tie"
    " (the less effort first); roles your current role already asks as much as come last"
)
EFFORT_RULE = (
    "effort = the sum of importance x levels short over the skills you rated, and the hours of"
    " the steps that close them (each step's own estimate, or the default for its level)"
)

GapStatus = Literal["rated", "n/a", "unsure", "unrated"]
BaselineKind = Literal["current", "entry", "floor"]
Band = Literal["high", "medium", "low"]
BANDS: tuple[tuple[Band, int], ...] = (("high", 8), ("medium", 4), ("low", 1))


def priority_band(priority: int) -> Band:
    """high: 8 or more (two levels on an important skill); medium: 4 to 7; low: below 4."""
    for band, floor in BANDS:
        if priority >= floor:
            return band
    return "low"


class Baseline(NamedTuple):
    """Where the person stands before the move: the levels a move is measured from."""

    kind: BaselineKind
    role: str | None  # the profile's id, for current and entry
    levels: Mapping[str, int]

    @property
    def description(self) -> str:
        if self.kind == "current":
            return f"your current role's profile ({self.role})"
        if self.kind == "entry":
            return f"the entry profile ({self.role}), as your current role is not a profile"
        return "the lowest level every profile asks, as your current role is not a profile"


def baseline_for(current_role: str, roles: Iterable[Role]) -> Baseline:
    """The baseline for a person in `current_role` (BASELINE_RULE)."""
    by_id = {role.id: role for role in roles}
    current = by_id.get(current_role.strip())
    if current is not None:
        return Baseline("current", current.id, _levels(current))
    entry = by_id.get(ENTRY_ROLE)
    if entry is not None:
        return Baseline("entry", entry.id, _levels(entry))
    skills = {skill for role in by_id.values() for skill in role.skills}
    floor = {
        skill: min((r.skills[skill].level if skill in r.skills else 0) for r in by_id.values())
        for skill in skills
    }
    return Baseline("floor", None, {s: level for s, level in floor.items() if level})


def _levels(role: Role) -> dict[str, int]:
    return {skill: req.level for skill, req in role.skills.items()}


class Weighted(NamedTuple):
    """One skill of a role on the scale of one baseline."""

    skill: str
    required: int
    importance: int
    baseline: int
    weight: int  # per level: importance² x (1 + adds)

    @property
    def adds(self) -> int:
        return max(0, self.required - self.baseline)


class Scale(NamedTuple):
    """A role's skills weighted for one baseline: what `score` and `analyse` both read."""

    role: str
    rows: tuple[Weighted, ...]
    total: int  # sum of weight x required
    adds: int  # the levels the role adds beyond the baseline; 0: it asks nothing new
    step_back: bool  # the current role's profile already asks as much (or is this role)
    skills: tuple[str, ...]  # each row's skill
    parts: tuple[tuple[int, ...], ...]  # per row, what each state adds (_parts_of)
    shifts: tuple[int, int, int]  # where each packed figure starts (_parts_of)


def scale_of(role: Role, baseline: Baseline) -> Scale:
    rows = []
    for skill, req in role.skills.items():
        if req.level == 0:
            continue
        base = baseline.levels.get(skill, 0)
        weight = req.importance**2 * (1 + max(0, req.level - base))
        rows.append(Weighted(skill, req.level, req.importance, base, weight))
    adds = sum(row.adds for row in rows)
    parts, shifts = _parts_of(rows)
    return Scale(
        role=role.id,
        rows=tuple(rows),
        total=sum(row.weight * row.required for row in rows),
        adds=adds,
        step_back=baseline.kind == "current" and adds == 0,
        skills=tuple(row.skill for row in rows),
        parts=parts,
        shifts=shifts,
    )


# A skill's standing as score reads it, one small number: 0 not known (unsure, unrated);
# 1 + level; CLAIMED + 1 + level when the level is claimed.
UNKNOWN_STATE = 0
CLAIMED = 6
STATES = 1 + 2 * CLAIMED


def state_of(level: int | None, is_claimed: bool) -> int:
    if level is None:
        return UNKNOWN_STATE
    return 1 + level + (CLAIMED if is_claimed else 0)


def level_of_state(state: int) -> int | None:
    """The comparable level a state (state_of) stands for; None when not known."""
    return None if state == UNKNOWN_STATE else (state - 1) % CLAIMED


_Part = tuple[int, int, int, int]


@functools.cache
def _row_parts(weight: int, required: int, importance: int) -> tuple[_Part, ...]:
    """What one row adds to a score in each state: (twice the weighted levels short, the
    weighted levels unknown, an unknown essential skill, a known essential gap). Levels short
    come in halves (CLAIM_DISCOUNT), so twice them is a whole number and adds up exactly. Kept:
    a team's scales have a few hundred rows of a few dozen kinds."""
    unknown_essential = int(_essential(importance, 0, required))
    found = [(0, weight * required, unknown_essential, 0)]
    for state in range(1, STATES):
        level = (state - 1) % CLAIMED  # level_of_state, known
        counted = level - CLAIM_DISCOUNT if state > CLAIMED else level
        short2 = round(2 * weight * max(0.0, required - counted))
        found.append((short2, 0, 0, int(_essential(importance, level, required))))
    return tuple(found)


_Shifts = tuple[int, int, int]
_FIELD = 20  # bits for each of the two sums, in the common layout
_COUNT = 6  # bits for each count of essential skills
# Where the fields start in the layout every scale of up to 63 rows fits (about 700 rows at the
# highest weight would fill a sum's field): its packed parts are the same in every scale.
_COMMON: _Shifts = (_FIELD, 2 * _FIELD, 2 * _FIELD + _COUNT)


def _parts_of(rows: Sequence[Weighted]) -> tuple[tuple[tuple[int, ...], ...], _Shifts]:
    """Per row, per state, the row's _row_parts packed into one integer, so that a score is one
    sum over the rows (a team scores every person on every role): twice the levels short in the
    lowest bits, then the levels unknown, the unknown essential skills and the known essential
    gaps. Each field is as wide as _COMMON's, or as its total can be when that is wider."""
    most_short = sum(2 * row.weight * row.required for row in rows)
    most_unknown = sum(row.weight * row.required for row in rows)
    shifts = _COMMON
    if max(most_short, most_unknown).bit_length() > _FIELD or len(rows).bit_length() > _COUNT:
        first = most_short.bit_length()
        second = first + most_unknown.bit_length()
        shifts = (first, second, second + len(rows).bit_length())
    parts = tuple(_packed(row.weight, row.required, row.importance, shifts) for row in rows)
    return parts, shifts


@functools.cache
def _packed(weight: int, required: int, importance: int, shifts: _Shifts) -> tuple[int, ...]:
    """_row_parts packed at `shifts`, per state; kept, as most scales share _COMMON's."""
    first, second, third = shifts
    return tuple(
        short2 | unknown << first | unknown_essential << second | known_essential << third
        for short2, unknown, unknown_essential, known_essential in _row_parts(
            weight, required, importance
        )
    )


def claimed(rating: Rating | None) -> bool:
    """A rating of CLAIMED_FROM or more with no evidence: shown as claimed, counted lower."""
    return (
        rating is not None
        and rating.level is not None
        and rating.level >= CLAIMED_FROM
        and not rating.evidence.strip()
    )


def _essential(importance: int, current: int | None, required: int) -> bool:
    if importance < ESSENTIAL or current is None or current >= required:
        return False
    return required - current >= ESSENTIAL_SHORT or current <= 1


class Score(NamedTuple):
    low: float  # unknowns as not started; the ranked and shown figure
    high: float  # unknowns as met
    short: float  # weighted levels short, unknowns not counted
    unknown: int  # weighted levels of the unsure and unrated skills
    factor: float  # ESSENTIAL_FACTOR when a known essential skill is short, else 1


def score(ratings: Mapping[str, Rating], scale: Scale) -> Score:
    """The readiness range for `ratings` on `scale` (the formula without the detail)."""
    return score_states({skill: rating_state(r) for skill, r in ratings.items()}, scale)


def rating_state(rating: Rating | None) -> int:
    """The state (state_of) of one skill's rating (None: not rated), as states_of has it."""
    if rating is None:
        return UNKNOWN_STATE
    return state_of(rating.comparable_level, claimed(rating))


def states_of(standing: Mapping[str, Standing]) -> dict[str, int]:
    """Each skill's state (state_of), what score_states reads: worked out once per person."""
    return {
        skill: state_of(level, is_claimed) for skill, (_, level, _, is_claimed) in standing.items()
    }


def score_states(states: Mapping[str, int], scale: Scale) -> Score:
    """The readiness range on `scale` for skills in `states` (states_of); a skill not in it is
    not known. One sum of the rows' packed parts (_parts_of), then the formula."""
    found = map(states.get, scale.skills, repeat(UNKNOWN_STATE, len(scale.skills)))
    return _formula(scale, sum(map(tuple.__getitem__, scale.parts, found)))


def _formula(scale: Scale, packed: int) -> Score:
    """The readiness formula on the sum of a scale's packed parts (_parts_of)."""
    if not scale.total:
        return Score(1.0, 1.0, 0.0, 0, 1.0)
    first, second, third = scale.shifts
    short2 = packed & ((1 << first) - 1)
    unknown = (packed >> first) & ((1 << (second - first)) - 1)
    essential_unknown = (packed >> second) & ((1 << (third - second)) - 1)
    essential = packed >> third
    short = short2 / 2
    factor = ESSENTIAL_FACTOR if essential else 1.0
    low_factor = ESSENTIAL_FACTOR if essential or essential_unknown else 1.0
    low = low_factor * max(0.0, 1 - (short + unknown) / scale.total)
    high = factor * max(0.0, 1 - short / scale.total)
    return Score(low, high, short, unknown, factor)


class Board(NamedTuple):
    """Several Scales (a team's roles, for one baseline) summed at once: each scale's packed
    parts (_parts_of) side by side in one integer, in a slot of its own. A person's scores on
    them all are one sum over the skills they rated (score_board)."""

    scales: tuple[Scale, ...]
    widths: tuple[int, ...]  # each scale's slot, in bits
    empty: int  # the sum when no skill is known
    deltas: dict[str, tuple[int, ...]]  # per skill, per state: what it adds to `empty`


def board_of(scales: Sequence[Scale]) -> Board:
    widths = [scale.shifts[2] + len(scale.rows).bit_length() for scale in scales]
    empty = 0
    deltas: dict[str, list[int]] = {}
    offset = 0
    for scale, width in zip(scales, widths, strict=True):
        for skill, parts in zip(scale.skills, scale.parts, strict=True):
            empty += parts[UNKNOWN_STATE] << offset
            adds = deltas.setdefault(skill, [0] * STATES)
            for state, part in enumerate(parts):
                adds[state] += (part - parts[UNKNOWN_STATE]) << offset
        offset += width
    return Board(tuple(scales), tuple(widths), empty, {k: tuple(v) for k, v in deltas.items()})


_NOTHING = (0,) * STATES


def score_board(states: Mapping[str, int], board: Board) -> list[Score]:
    """score_states on each of the board's scales: the same figures. Each field of a slot is
    never negative and fits its width once all the skills are in, so the sum reads back as
    each scale's own, whatever the order of the additions."""
    tables = map(board.deltas.get, states, repeat(_NOTHING))
    packed = board.empty + sum(map(tuple.__getitem__, tables, states.values()))
    found = []
    for scale, width in zip(board.scales, board.widths, strict=True):
        found.append(_formula(scale, packed & ((1 << width) - 1)))
        packed >>= width
    return found


class SkillGap(NamedTuple):
    """One skill of a role, compared with the person's rating.

    NamedTuples rather than dataclasses: a team run builds thousands of these, and start-up
    pays for every dataclass definition.
    """

    skill: str
    name: str
    category: str
    status: GapStatus
    current: int | None  # None when unsure or unrated
    required: int
    importance: int
    evidence: str = ""
    baseline: int = 0  # the baseline's level for this skill
    weight: int = 0  # per level short (Weighted.weight)
    claimed: bool = False  # 3 or more without evidence

    @property
    def known(self) -> bool:
        return self.current is not None

    @property
    def gap(self) -> int | None:
        """Levels still to climb; None when the current level is not known."""
        return None if self.current is None else max(0, self.required - self.current)

    @property
    def priority(self) -> int | None:
        gap = self.gap
        return None if gap is None else gap * self.importance

    @property
    def met(self) -> bool:
        return self.current is not None and self.current >= self.required

    @property
    def adds(self) -> int:
        """The levels the role asks beyond the baseline."""
        return max(0, self.required - self.baseline)

    @property
    def essential(self) -> bool:
        """An essential skill two or more levels short, or at 0 or 1: named beside readiness."""
        return _essential(self.importance, self.current, self.required)

    @property
    def not_yet(self) -> str:
        """E.g. scripting 1 of 3 needed."""
        return f"{self.name[0].lower()}{self.name[1:]} {self.current} of {self.required} needed"


class RoleGaps(NamedTuple):
    """A person's standing against one role, with the arithmetic that led to it."""

    role: str
    title: str
    skills: tuple[SkillGap, ...]  # most urgent first
    total_weight: int  # weighted levels required
    covered_weight: float  # weighted levels reached (unknowns not counted)
    readiness: float  # the low end, essential factor applied: the ranked and shown figure
    unknown_weight: int  # weighted levels of the unsure and unrated skills
    gaps: tuple[SkillGap, ...]  # known gaps, highest priority first
    unknowns: tuple[SkillGap, ...]  # unsure or unrated, most important first
    strengths: tuple[SkillGap, ...]  # met or exceeded, most important, most exceeded first
    high: float = 1.0  # with every unknown met
    factor: float = 1.0  # ESSENTIAL_FACTOR when an essential gap is open
    essential: tuple[SkillGap, ...] = ()  # the essential gaps, named beside the figure
    claimed: tuple[SkillGap, ...] = ()  # ratings of 3 or more without evidence
    climb: int = 0  # importance x levels short, over the known gaps
    hours: float = 0.0  # the hours of the steps that close the known gaps
    adds: int = 0  # the levels the role adds beyond the baseline
    step_back: bool = False  # the current role's profile already asks as much
    baseline: str = ""  # the baseline's description

    @property
    def low(self) -> float:
        return self.readiness

    @property
    def percent(self) -> int:
        return round(self.readiness * 100)

    @property
    def percent_high(self) -> int:
        return round(self.high * 100)

    @property
    def range_text(self) -> str:
        """E.g. 54%, or 54-80% when unknowns leave a range."""
        return _range_text(self.percent, self.percent_high)


class RoleFigures(NamedTuple):
    """RoleGaps' figures without its per-skill detail, the same numbers (a test holds them to
    `analyse`'s): what a plan's table of every role shows. Working them out is a small part of
    analysing a role in full, which a plan does for its own role only."""

    role: str
    title: str
    readiness: float  # the low end, essential factor applied: the ranked and shown figure
    high: float  # with every unknown met
    total_weight: int  # weighted levels required
    covered_weight: float  # weighted levels reached (unknowns not counted)
    unknown_weight: int  # weighted levels of the unsure and unrated skills
    factor: float  # ESSENTIAL_FACTOR when an essential gap is open
    essential: tuple[SkillGap, ...]  # the essential gaps, most urgent first
    climb: int  # importance x levels short, over the known gaps
    hours: float  # the hours of the steps that close the known gaps
    adds: int  # the levels the role adds beyond the baseline
    step_back: bool  # the current role's profile already asks as much
    baseline: str  # the baseline's description

    @property
    def percent(self) -> int:
        return round(self.readiness * 100)

    @property
    def range_text(self) -> str:
        """As RoleGaps.range_text."""
        return _range_text(self.percent, round(self.high * 100))


Ranked = RoleGaps | RoleFigures  # what a ranking holds: either has every figure it is ranked on


def _range_text(low: int, high: int) -> str:
    return f"{low}%" if low == high else f"{low}-{high}%"


class _Row(NamedTuple):
    """A Weighted row with what `analyse` adds from the catalogue: its name and category, and
    the hours of the steps up to the required level from each level below it."""

    skill: str
    name: str
    category: str
    required: int
    importance: int
    baseline: int
    weight: int
    climb: tuple[float | None, ...]  # [level]: the hours from level to required


class _Measure(NamedTuple):
    """A role measured from one baseline against one catalogue: what every `analyse` of it
    shares, worked out once (see _measure)."""

    role: Role
    catalogue: Catalogue
    scale: Scale
    rows: tuple[_Row, ...]
    vital: tuple[_Row, ...]  # the rows of importance ESSENTIAL: those an essential gap can be
    exact: bool  # every step is there: the hours from each level are known, whole numbers


MEASURES_KEPT = 512  # (role, catalogue, baseline) combinations: a library has a few hundred
_measures: dict[tuple[int, int, str, str | None, tuple[tuple[str, int], ...]], _Measure] = {}


def _measure(role: Role, catalogue: Catalogue, baseline: Baseline) -> _Measure:
    """The role's Scale and rows for `baseline`, kept: they depend on the role, the catalogue
    and the baseline's levels, never on the ratings. The role and catalogue are frozen models
    kept by the entry itself, so their identity names their value for as long as it is kept."""
    key = (id(role), id(catalogue), baseline.kind, baseline.role, tuple(baseline.levels.items()))
    found = _measures.get(key)
    if found is not None and found.role is role and found.catalogue is catalogue:
        return found
    scale = scale_of(role, baseline)
    rows = tuple(
        _Row(
            row.skill,
            catalogue.skills[row.skill].name,
            catalogue.skills[row.skill].category,
            row.required,
            row.importance,
            row.baseline,
            row.weight,
            _climb(role, catalogue, row.skill, row.required),
        )
        for row in scale.rows
    )
    if len(_measures) >= MEASURES_KEPT:
        _measures.clear()
    found = _measures[key] = _Measure(
        role,
        catalogue,
        scale,
        rows,
        tuple(row for row in rows if row.importance >= ESSENTIAL),
        all(hours is not None and hours.is_integer() for row in rows for hours in row.climb),
    )
    return found


def _climb(role: Role, catalogue: Catalogue, skill: str, required: int) -> tuple[float | None, ...]:
    """[level] for each level below `required`: the hours of the steps from it up to `required`;
    None from a level whose steps are not all there (`analyse` then looks them up itself)."""
    hours: float | None = 0.0
    found: list[float | None] = []
    for level in range(required, 0, -1):
        step = role.actions.get(skill, {}).get(level) or catalogue.skills[skill].steps.get(level)
        if step is None or hours is None:
            hours = None
        else:
            hours += step_effort(step, level).hours
        found.append(hours)
    return tuple(reversed(found))


Standing = tuple[GapStatus, int | None, str, bool]  # status, comparable level, evidence, claimed
UNRATED: Standing = ("unrated", None, "", False)


def standings(ratings: Mapping[str, Rating]) -> dict[str, Standing]:
    """What `analyse` reads of each rating, worked out once for all the roles it is measured on."""
    return {
        skill: (rating.status, rating.comparable_level, rating.evidence, claimed(rating))
        for skill, rating in ratings.items()
    }


def analyse(
    ratings: Mapping[str, Rating], role: Role, catalogue: Catalogue, baseline: Baseline
) -> RoleGaps:
    """Compare ratings with every skill the role requires (level 0 requirements are skipped),
    measured from `baseline` (baseline_for).

    The order of `skills`: priority first; among equals, what the move adds (the weight), then
    importance, then the levels to climb, then the skill's id.
    """
    standing = standings(ratings)
    return _analyse(standing, states_of(standing), role, catalogue, baseline)


_new_gap = tuple.__new__  # SkillGap's fields in order, without its __new__'s keyword handling


def _analyse(
    standing: Mapping[str, Standing],
    states: Mapping[str, int],
    role: Role,
    catalogue: Catalogue,
    baseline: Baseline,
) -> RoleGaps:
    measure = _measure(role, catalogue, baseline)
    # Sorted on the first five (the skill is unique, so the rest is never compared), then
    # filtered on the two marks: an essential gap, a claim.
    ranked: list[tuple[int, int, int, int, str, bool, bool, SkillGap]] = []
    unknowns: list[tuple[int, str, SkillGap]] = []
    strengths: list[tuple[int, int, str, SkillGap]] = []
    hours = 0.0
    climb = 0
    for skill, name, category, required, importance, base, weight, climbs in measure.rows:
        status, current, evidence, is_claimed = standing.get(skill, UNRATED)
        row = _new_gap(
            SkillGap,
            (
                skill,
                name,
                category,
                status,
                current,
                required,
                importance,
                evidence,
                base,
                weight,
                is_claimed,
            ),
        )
        if current is None:
            ranked.append((0, -weight, -importance, 0, skill, False, is_claimed, row))
            unknowns.append((-importance, skill, row))
            continue
        short = required - current if current < required else 0
        essential = bool(short) and _essential(importance, current, required)
        ranked.append(
            (-short * importance, -weight, -importance, -short, skill, essential, is_claimed, row)
        )
        climb += short * importance
        if not short:
            strengths.append((-importance, required - current, skill, row))
            continue
        steps = climbs[current]
        if steps is None:  # a step missing: looked up level by level, as it fails
            steps = sum(
                step_effort(step_of(role, catalogue, skill, level), level).hours
                for level in range(current + 1, required + 1)
            )
        hours += steps
    ranked.sort()
    unknowns.sort()
    strengths.sort()
    result = score_states(states, measure.scale)
    return RoleGaps(
        role.id,
        role.title,
        tuple(entry[-1] for entry in ranked),
        measure.scale.total,
        measure.scale.total - result.unknown - result.short,
        result.low,
        result.unknown,
        tuple(entry[-1] for entry in ranked if entry[3]),  # levels short
        tuple(entry[-1] for entry in unknowns),
        tuple(entry[-1] for entry in strengths),
        result.high,
        result.factor,
        tuple(entry[-1] for entry in ranked if entry[5]),
        tuple(entry[-1] for entry in ranked if entry[6]),
        climb,
        hours,
        measure.scale.adds,
        measure.scale.step_back,
        baseline.description,
    )


def readiness_of(
    ratings: Mapping[str, Rating], role: Role, catalogue: Catalogue, baseline: Baseline
) -> float:
    """`analyse(...).readiness` alone: the same figure, without the per-skill detail."""
    return score(ratings, _measure(role, catalogue, baseline).scale).low


def rank(
    ratings: Mapping[str, Rating],
    roles: Iterable[Role],
    catalogue: Catalogue,
    *,
    current_role: str,
    targets: Sequence[str] = (),
) -> list[RoleGaps]:
    """Every role, closest first (RANK_RULE), measured from the person's baseline."""
    roles = list(roles)
    baseline = baseline_for(current_role, roles)
    standing = standings(ratings)
    states = states_of(standing)
    results = [_analyse(standing, states, role, catalogue, baseline) for role in roles]
    return sorted(results, key=lambda r: _order(r, targets))


def ranking_of(inventory: Inventory, roles: Iterable[Role], catalogue: Catalogue) -> list[RoleGaps]:
    """`rank` for an inventory: its ratings, current role and targets."""
    return rank(
        inventory.ratings,
        roles,
        catalogue,
        current_role=inventory.current_role,
        targets=inventory.targets,
    )


def figures_of(
    inventory: Inventory, roles: Iterable[Role], catalogue: Catalogue
) -> list[RoleFigures]:
    """`ranking_of`'s roles in its order, each as its figures (RoleFigures) without the
    per-skill detail: one sum for every role's readiness (a Board) and one for every role's
    climb and hours (_RankingTables), then the essential gaps of the roles that have any."""
    roles = list(roles)
    baseline = baseline_for(inventory.current_role, roles)
    standing = standings(inventory.ratings)
    states = states_of(standing)
    return _figures_all(standing, states, roles, catalogue, baseline, inventory.targets)


def analysed_and_ranked(
    inventory: Inventory, role: Role, roles: Iterable[Role], catalogue: Catalogue
) -> tuple[RoleGaps, list[RoleFigures]]:
    """`role` analysed in full from the inventory's baseline, and every role's figures in
    ranking order (figures_of): what a plan shows, the ratings read once."""
    roles = list(roles)
    baseline = baseline_for(inventory.current_role, roles)
    standing = standings(inventory.ratings)
    states = states_of(standing)
    analysis = _analyse(standing, states, role, catalogue, baseline)
    return analysis, _figures_all(standing, states, roles, catalogue, baseline, inventory.targets)


def _figures_all(
    standing: Mapping[str, Standing],
    states: Mapping[str, int],
    roles: Sequence[Role],
    catalogue: Catalogue,
    baseline: Baseline,
    targets: Sequence[str],
) -> list[RoleFigures]:
    kept = _ranking_tables(roles, catalogue, baseline)
    if kept is None:  # the first person measured from this baseline: row by row
        results = [_figures(standing, states, role, catalogue, baseline) for role in roles]
        return sorted(results, key=lambda r: _order(r, targets))
    scores = score_board(states, kept.board)
    tables = map(kept.efforts.get, states, repeat(_NOTHING))
    packed = sum(map(tuple.__getitem__, tables, states.values()))
    results = []
    for measure, result, (climb_bits, width) in zip(
        kept.measures, scores, kept.widths, strict=True
    ):
        slot = packed & ((1 << width) - 1)
        packed >>= width
        if measure.exact:
            climb, hours = slot & ((1 << climb_bits) - 1), float(slot >> climb_bits)
            essential = _essential_gaps(standing, measure) if result.factor != 1.0 else ()
            results.append(_figures_of(measure, result, essential, climb, hours, baseline))
        else:  # a step missing: looked up row by row
            results.append(_figures(standing, states, measure.role, catalogue, baseline))
    return sorted(results, key=lambda r: _order(r, targets))


class _RankingTables(NamedTuple):
    """What figures_of reads for a set of roles measured from one baseline, worked out once:
    the roles' measures, the Board of their scales, and per skill, per state, what the skill
    adds to each role's climb and hours, side by side in one integer (each role's slot: the
    climb in its low `climb_bits`, the hours above, `width` bits in all)."""

    catalogue: Catalogue
    measures: tuple[_Measure, ...]
    board: Board
    efforts: dict[str, tuple[int, ...]]
    widths: tuple[tuple[int, int], ...]  # per role: (climb_bits, width)


TABLES_KEPT = 64  # sets of roles and baselines: a person's baseline is one of a few dozen
_TablesKey = tuple[tuple[int, ...], int, str, str | None, tuple[tuple[str, int], ...]]
_tables: dict[_TablesKey, _RankingTables] = {}
_asked: set[_TablesKey] = set()  # asked for once: made when asked again


def _ranking_tables(
    roles: Sequence[Role], catalogue: Catalogue, baseline: Baseline
) -> _RankingTables | None:
    """The tables for `roles` from `baseline`, made the second time they are asked for: making
    them costs more than ranking one person row by row (a single plan), far less than ranking
    a batch of people so."""
    key = (
        tuple(map(id, roles)),
        id(catalogue),
        baseline.kind,
        baseline.role,
        tuple(baseline.levels.items()),
    )
    found = _tables.get(key)
    if (
        found is not None
        and found.catalogue is catalogue
        and all(m.role is r for m, r in zip(found.measures, roles, strict=True))
    ):
        return found
    if key not in _asked:
        if len(_asked) >= TABLES_KEPT:
            _asked.clear()
        _asked.add(key)
        return None
    measures = tuple(_measure(role, catalogue, baseline) for role in roles)
    efforts: dict[str, list[int]] = {}
    widths = []
    offset = 0
    for measure in measures:
        if not measure.exact:  # worked out row by row (_figures): no slot
            widths.append((0, 0))
            continue
        most_climb = sum(row.required * row.importance for row in measure.rows)
        most_hours = sum(int(row.climb[0] or 0) for row in measure.rows)
        climb_bits = most_climb.bit_length()
        width = climb_bits + most_hours.bit_length()
        widths.append((climb_bits, width))
        for row in measure.rows:
            adds = efforts.setdefault(row.skill, [0] * STATES)
            for state in range(1, STATES):  # an unknown level adds nothing
                level = (state - 1) % CLAIMED  # level_of_state, known
                if level < row.required:
                    hours = int(row.climb[level] or 0)
                    part = (row.required - level) * row.importance | hours << climb_bits
                    adds[state] += part << offset
        offset += width
    if len(_tables) >= TABLES_KEPT:
        _tables.clear()
    found = _tables[key] = _RankingTables(
        catalogue,
        measures,
        board_of([measure.scale for measure in measures]),
        {skill: tuple(adds) for skill, adds in efforts.items()},
        tuple(widths),
    )
    return found


def _essential_gaps(standing: Mapping[str, Standing], measure: _Measure) -> tuple[SkillGap, ...]:
    """The role's essential gaps in `_analyse`'s order (most urgent first)."""
    found = []
    for skill, name, category, required, importance, base, weight, _ in measure.vital:
        status, current, evidence, is_claimed = standing.get(skill, UNRATED)
        if current is None or not _essential(importance, current, required):
            continue
        short = required - current
        fields = (skill, name, category, status, current, required, importance, evidence)
        row = _new_gap(SkillGap, (*fields, base, weight, is_claimed))
        found.append((-short * importance, -weight, -importance, -short, skill, row))
    found.sort()
    return tuple(entry[-1] for entry in found)


def _figures_of(
    measure: _Measure,
    result: Score,
    essential: tuple[SkillGap, ...],
    climb: int,
    hours: float,
    baseline: Baseline,
) -> RoleFigures:
    scale = measure.scale
    return RoleFigures(
        measure.role.id,
        measure.role.title,
        result.low,
        result.high,
        scale.total,
        scale.total - result.unknown - result.short,
        result.unknown,
        result.factor,
        essential,
        climb,
        hours,
        scale.adds,
        scale.step_back,
        baseline.description,
    )


def _figures(
    standing: Mapping[str, Standing],
    states: Mapping[str, int],
    role: Role,
    catalogue: Catalogue,
    baseline: Baseline,
) -> RoleFigures:
    """What `_analyse` works out for the role, less the per-skill detail, row by row: the
    climb and hours summed over the rows in the same order (the same float), looking up a
    missing step's hours as `_analyse` does."""
    measure = _measure(role, catalogue, baseline)
    hours = 0.0
    climb = 0
    for skill, _, _, required, importance, _, _, climbs in measure.rows:
        _, current, _, _ = standing.get(skill, UNRATED)
        if current is None or current >= required:
            continue
        climb += (required - current) * importance
        steps = climbs[current]
        if steps is None:
            steps = sum(
                step_effort(step_of(role, catalogue, skill, level), level).hours
                for level in range(current + 1, required + 1)
            )
        hours += steps
    result = score_states(states, measure.scale)
    essential = _essential_gaps(standing, measure)
    return _figures_of(measure, result, essential, climb, hours, baseline)


def _order(result: Ranked, targets: Sequence[str]) -> tuple[bool, int, int, int, float, str]:
    target = targets.index(result.role) if result.role in targets else len(targets)
    return (result.step_back, -result.percent, target, result.climb, result.hours, result.role)


def places(ranking: Sequence[Ranked], targets: Sequence[str] = ()) -> list[str]:
    """Each role's place in a ranking: "1", "2", "3=", "3=", "5"; a tie is the same percentage
    with neither role a target (a target comes first by RANK_RULE)."""
    found: list[str] = []
    for index, result in enumerate(ranking):
        tied_before = index > 0 and _tied(ranking[index - 1], result, targets)
        tied_after = index + 1 < len(ranking) and _tied(result, ranking[index + 1], targets)
        if tied_before:
            found.append(found[-1])
        else:
            found.append(f"{index + 1}=" if tied_after else str(index + 1))
    return found


def _tied(one: Ranked, other: Ranked, targets: Sequence[str]) -> bool:
    return (
        one.percent == other.percent
        and one.step_back == other.step_back
        and one.role not in targets
        and other.role not in targets
    )


def transferable(
    ratings: Mapping[str, Rating], role: Role, catalogue: Catalogue, minimum: int = 3
) -> list[tuple[str, int]]:
    """Skills rated `minimum` or more that the role does not ask for: strengths to carry along."""
    return sorted(
        (
            (skill_id, rating.level)
            for skill_id, rating in ratings.items()
            if rating.level is not None
            and rating.level >= minimum
            and role.skills.get(skill_id) is None
            and skill_id in catalogue.skills
        ),
        key=lambda item: (-item[1], item[0]),
    )
