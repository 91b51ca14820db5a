"""How faithfully each role profile follows its O*NET anchor, beyond what all profiles share.

A raw rank correlation between a profile's levels and its anchor's O*NET levels says little: every
profile and every occupation rates listening above financial management, so even the average of
unrelated occupations correlates well. Fidelity therefore compares role-specific parts:

- the profile's part: for each O*NET element that a catalogue skill maps to, the profile's
  required level minus the mean of that level over all shipped profiles;
- the anchor's part: the anchor occupation's LV for that element minus the mean LV of all the
  profiles' anchors (one anchor per profile, so two profiles sharing an anchor count it twice, as
  the profile side counts both profiles).

The Spearman rank correlation of the two parts is the profile's fidelity. It is also computed
against every other profile's (different) anchor: the own anchor must lead them all.

O*NET rows are read as published: an LV marked `Not Relevant` counts as 0 (the skill is not used
in that occupation); an LV marked `Recommend Suppress` is unreliable, so that element is left out
of the anchor mean for it and of every comparison involving that occupation. A profile is compared
with every anchor on the same elements: those its own anchor rates reliably (less any a rival
anchor suppresses), so a rival cannot win on evidence the own anchor does not have.

A skill a profile leaves out is handled two ways, both reported:
- "as 0": the profile needs none of it (level 0), and the element stays in;
- "left out": the element is dropped from that profile's comparisons, and the profile mean for
  it is taken over the profiles that list it.

Run `python -m tests.fidelity` for the table.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from careerpath.core.onet import average_ranks
from careerpath.edges.load import Library
from tests.helpers import ONET

MIN_FIDELITY = 0.4  # rank correlation of the role-specific parts with the own anchor
MIN_LEAD = 0.05  # by how much the own anchor must beat every other profile's anchor
POLICIES = ("as 0", "left out")
PRECISION = 9  # decimal places of a role-specific part; differences below are rounding noise

Levels = Mapping[str, float]  # O*NET element id -> level (a profile's 0-5 or an LV 0-7)


def spearman(a: list[float], b: list[float]) -> float:
    """Spearman's rho; NaN when either side is constant (it then has no ranking to agree with)."""
    if len(a) != len(b):
        raise ValueError("spearman needs two lists of the same length")
    ra, rb = average_ranks(a), average_ranks(b)
    n = len(a)
    if n < 3:
        return math.nan
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    var_a = math.sqrt(sum((x - ma) ** 2 for x in ra))
    var_b = math.sqrt(sum((y - mb) ** 2 for y in rb))
    if var_a < 1e-12 or var_b < 1e-12:
        return math.nan
    return cov / (var_a * var_b)


def read_onet(folder: Path = ONET) -> dict[str, dict[str, float | None]]:
    """Occupation code -> element id -> LV (0 if Not Relevant, None if Recommend Suppress)."""
    levels: dict[str, dict[str, float | None]] = {}
    for name in ("Skills.txt", "Knowledge.txt"):
        path = folder / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as stream:
            for row in csv.DictReader(stream, delimiter="\t"):
                if row["Scale ID"] != "LV":
                    continue
                value: float | None = float(row["Data Value"])
                if row.get("Not Relevant") == "Y":
                    value = 0.0
                elif row.get("Recommend Suppress") == "Y":
                    value = None
                levels.setdefault(row["O*NET-SOC Code"], {})[row["Element ID"]] = value
    return levels


def elements(library: Library) -> dict[str, str]:
    """Catalogue skill id -> the O*NET element it maps to, for the skills that map to one."""
    return {sid: s.onet for sid, s in library.catalogue.skills.items() if s.onet}


@dataclass(frozen=True)
class Profile:
    """What fidelity needs of a role: its anchor and its levels per O*NET element."""

    id: str
    anchor: str
    levels: dict[str, float]  # element -> required level; elements it leaves out are absent


def profiles(library: Library) -> list[Profile]:
    """Every shipped role with an O*NET anchor, in the library's order."""
    mapping = elements(library)
    found = []
    for role in library.roles.values():
        if role.onet is None:
            continue
        levels = {mapping[s]: float(r.level) for s, r in role.skills.items() if s in mapping}
        found.append(Profile(role.id, role.onet.code, levels))
    return found


@dataclass(frozen=True)
class Result:
    """One profile's fidelity under one policy for skills it leaves out."""

    profile: str
    anchor: str
    policy: str
    n: int  # elements compared with the own anchor
    own: float  # rho with the own anchor's role-specific part
    others: dict[str, float]  # other (different) anchor code -> rho
    raw: float  # rho of the plain levels with the own anchor's plain LV, for contrast

    @property
    def rival(self) -> tuple[str, float]:
        """The best-correlating other anchor ("", -inf when there is none)."""
        if not self.others:
            return "", -math.inf
        code = max(self.others, key=lambda c: _or(self.others[c], -math.inf))
        return code, self.others[code]

    @property
    def lead(self) -> float:
        return _or(self.own, -math.inf) - _or(self.rival[1], -math.inf)

    @property
    def problems(self) -> list[str]:
        found = []
        if not self.own >= MIN_FIDELITY:  # also catches NaN
            found.append(f"rho {self.own:.2f} with {self.anchor} is below {MIN_FIDELITY}")
        code, rho = self.rival
        if code and not self.lead >= MIN_LEAD:
            found.append(
                f"own anchor {self.own:.2f} does not lead {code} ({rho:.2f}) by {MIN_LEAD}"
            )
        return found


def _or(value: float, default: float) -> float:
    return default if math.isnan(value) else value


def evaluate(
    group: list[Profile],
    onet: Mapping[str, Mapping[str, float | None]],
    all_elements: list[str],
    policy: str,
) -> list[Result]:
    """Fidelity of every profile in `group`, with means taken over the whole group."""
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}")
    missing = sorted({p.anchor for p in group} - set(onet))
    if missing:
        raise KeyError(f"no O*NET rows for {', '.join(missing)}")

    def level(p: Profile, e: str) -> float | None:
        if e in p.levels:
            return p.levels[e]
        return 0.0 if policy == "as 0" else None

    def mean(values: list[float | None]) -> float | None:
        known = [v for v in values if v is not None]
        return sum(known) / len(known) if known else None

    profile_mean = {e: mean([level(p, e) for p in group]) for e in all_elements}
    anchor_mean = {e: mean([onet[p.anchor].get(e) for p in group]) for e in all_elements}
    anchors = list(dict.fromkeys(p.anchor for p in group))

    def correlate(p: Profile, code: str) -> tuple[float, int]:
        ours, theirs = [], []
        for e in all_elements:
            mine, lv = level(p, e), onet[code].get(e)
            pm, am = profile_mean[e], anchor_mean[e]
            if mine is None or lv is None or pm is None or am is None:
                continue
            if onet[p.anchor].get(e) is None:  # every anchor is judged on the same evidence
                continue
            # rounded so that equal parts tie instead of being ranked by floating-point noise
            ours.append(round(mine - pm, PRECISION))
            theirs.append(round(lv - am, PRECISION))
        return spearman(ours, theirs), len(ours)

    def raw(p: Profile) -> float:
        pairs = [(level(p, e), onet[p.anchor].get(e)) for e in all_elements]
        kept = [(a, b) for a, b in pairs if a is not None and b is not None]
        return spearman([a for a, _ in kept], [b for _, b in kept])

    results = []
    for p in group:
        own, n = correlate(p, p.anchor)
        others = {c: correlate(p, c)[0] for c in anchors if c != p.anchor}
        results.append(Result(p.id, p.anchor, policy, n, own, others, raw(p)))
    return results


def fidelity(library: Library, policy: str, extra: list[Profile] | None = None) -> list[Result]:
    """Fidelity of every shipped profile (plus `extra` ones, which join the means too)."""
    group = profiles(library) + list(extra or [])
    return evaluate(group, read_onet(), sorted(set(elements(library).values())), policy)


def mean_profile(
    library: Library, anchor: str, policy: str = "as 0", name: str = "mean"
) -> Profile:
    """An artificial profile at the mean level of all shipped profiles, as `policy` takes means.

    Under "as 0" a skill a profile leaves out counts as level 0; under "left out" the mean is
    over the profiles that list the skill, and a skill no profile lists is left out. Either way
    the profile's role-specific part is 0 for every element under its own policy.
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}")
    group = profiles(library)
    levels = {}
    for e in sorted(set(elements(library).values())):
        if policy == "as 0":
            levels[e] = sum(p.levels.get(e, 0.0) for p in group) / len(group)
        elif listed := [p.levels[e] for p in group if e in p.levels]:
            levels[e] = sum(listed) / len(listed)
    return Profile(name, anchor, levels)


def related(folder: Path = ONET) -> dict[str, set[str]]:
    """Occupation code -> the codes O*NET lists as related to it (a link has a direction)."""
    links: dict[str, set[str]] = {}
    with (folder / "Related Occupations.txt").open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            links.setdefault(row["O*NET-SOC Code"], set()).add(row["Related O*NET-SOC Code"])
    return links


def unrelated_average(library: Library, anchor: str, name: str = "unrelated") -> Profile:
    """A profile that knows nothing about the anchor's occupation: for each catalogue element,
    the mean LV (x 5/7) of the shipped occupations O*NET relates to it in neither direction.

    The issue's example of a know-nothing profile: it scores well on raw correlation (every
    occupation rates listening above budgeting) but carries nothing of the role itself.
    """
    onet, links = read_onet(), related()
    others = [
        code
        for code in onet
        if code != anchor
        and code not in links.get(anchor, set())
        and anchor not in links.get(code, set())
    ]
    levels = {}
    for e in sorted(set(elements(library).values())):
        known = [v for code in others if (v := onet[code].get(e)) is not None]
        if known:
            levels[e] = sum(known) / len(known) * 5 / 7
    return Profile(name, anchor, levels)


def report(library: Library) -> str:
    """The fidelity table under both policies."""
    names = {}
    path = ONET / "Occupation Data.txt"
    if path.exists():
        with path.open(encoding="utf-8") as stream:
            names = {
                r["O*NET-SOC Code"]: r["Title"] for r in csv.DictReader(stream, delimiter="\t")
            }
    width = max([len("profile"), *(len(p.id) for p in profiles(library))]) + 2
    lines = [
        f"O*NET fidelity: rho of role-specific parts >= {MIN_FIDELITY},"
        f" own anchor leads every other by >= {MIN_LEAD}",
        f"{'profile':<{width}}{'policy':<10}{'anchor':<12}{'n':>3}{'raw':>7}{'own':>7}"
        f"{'best other':>12}{'rho':>7}{'lead':>7}  verdict",
    ]
    for policy in POLICIES:
        for r in fidelity(library, policy):
            code, rho = r.rival
            verdict = "ok" if not r.problems else "FAIL: " + "; ".join(r.problems)
            lines.append(
                f"{r.profile:<{width}}{policy:<10}{r.anchor:<12}{r.n:>3}{r.raw:>7.2f}{r.own:>7.2f}"
                f"{code:>12}{rho:>7.2f}{r.lead:>7.2f}  {verdict}"
            )
    used = sorted({p.anchor for p in profiles(library)})
    lines.append("anchors: " + "; ".join(f"{c} {names.get(c, '?')}" for c in used))
    return "\n".join(lines)


if __name__ == "__main__":
    from careerpath.edges.load import load_library

    print(report(load_library()))
