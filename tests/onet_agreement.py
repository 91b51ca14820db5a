"""How well `careerpath roles import-onet` agrees with the hand-written profiles.

For every shipped profile with an O*NET anchor, the anchor is imported with the level spread of
the OTHER profiles (the profile never informs its own draft), and compared on the skills both
list: mean absolute level difference and Spearman rank correlation, for careerpath's mapping and
for LV x 5/7; and the importance difference for IM rounded and for IM read off the profiles'
importance spread. Run `python -m tests.onet_agreement` for the table (the README quotes it).
"""

from __future__ import annotations

from typing import NamedTuple

from careerpath.core.onet import draft, onto_spread, rounded, scaled, spread
from careerpath.edges.load import Library, load_library
from careerpath.edges.onet import read_occupation
from tests.fidelity import spearman
from tests.helpers import ONET


class Agreement(NamedTuple):
    role: str
    code: str
    skills: int
    mad: float  # mean absolute level difference, careerpath's mapping
    mad_scaled: float  # the same for LV x 5/7
    rho: float  # Spearman with the profile's levels, careerpath's mapping
    rho_scaled: float
    importance: float  # mean absolute importance difference, IM rounded
    importance_spread: float  # the same for IM read off the profiles' importance spread


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def agreements(library: Library) -> list[Agreement]:
    rows = []
    for role in sorted(library.roles.values(), key=lambda r: r.id):
        if role.onet is None:
            continue
        others = [r for r in library.roles.values() if r.id != role.id]
        result = draft(
            read_occupation(ONET, role.onet.code),
            library.catalogue,
            spread(others, library.catalogue),
            role.id,
        )
        both = [k for k in result.kept if k.skill in role.skills]
        ours = [role.skills[k.skill].level for k in both]
        mapped = [k.level for k in both]
        naive = [scaled(k.rating.level or 0.0) for k in both]
        wanted = [role.skills[k.skill].importance for k in both]
        importances = [r.importance for o in others for r in o.skills.values() if r.level > 0]
        by_spread = onto_spread([k.rating.importance or 0.0 for k in both], importances)
        rows.append(
            Agreement(
                role.id,
                role.onet.code,
                len(both),
                _mean([abs(a - b) for a, b in zip(mapped, ours, strict=True)]),
                _mean([abs(a - b) for a, b in zip(naive, ours, strict=True)]),
                spearman([float(x) for x in mapped], [float(x) for x in ours]),
                spearman([float(x) for x in naive], [float(x) for x in ours]),
                _mean(
                    [
                        abs(rounded(k.rating.importance or 0) - w)
                        for k, w in zip(both, wanted, strict=True)
                    ]
                ),
                _mean([abs(a - b) for a, b in zip(by_spread, wanted, strict=True)]),
            )
        )
    return rows


def table(rows: list[Agreement]) -> str:
    lines = [
        "| profile | O*NET | skills | level MAD | MAD LV x 5/7 | Spearman | Spearman LV x 5/7"
        " | importance MAD | MAD by spread |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.role} | {r.code} | {r.skills} | {r.mad:.2f} | {r.mad_scaled:.2f} |"
            f" {r.rho:.2f} | {r.rho_scaled:.2f} | {r.importance:.2f} | {r.importance_spread:.2f} |"
        )
    means = [_mean([float(getattr(r, f)) for r in rows]) for f in Agreement._fields[3:]]
    lines.append("| mean | | | " + " | ".join(f"{m:.2f}" for m in means) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(agreements(load_library())))
