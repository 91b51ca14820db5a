"""A generated folder of inventories for the organisation-scale benchmark (benchmarks/bench.py).

    .venv/bin/python benchmarks/team_folder.py DIR SIZE [--seed N]

writes SIZE files into DIR (once: a folder that already holds this size and seed is reused),
each about 3.1 KB as people write them: every catalogue skill rated, evidence text on a third
of the ratings, n/a and unsure among them, a manager's view in every fifth file, and for every
tenth person an older inventory as well (so SIZE files hold about 0.91 x SIZE people).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

FIRST = (
    "Ana", "Ben", "Chen", "Dara", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jade", "Kofi", "Lena",
    "Mira", "Nils", "Omar", "Pia", "Quinn", "Rosa", "Sami", "Tess", "Umar", "Vera", "Wim", "Yara",
)  # fmt: skip
LAST = (
    "Lopez", "Okafor", "Wei", "Singh", "Novak", "Moore", "Berg", "Sato", "Petrov", "O'Neil",
    "Haddad", "Kowalski", "Mensah", "Ito", "Silva", "Dubois", "Nakamura", "Jensen", "Ruiz",
)  # fmt: skip
EVIDENCE = (
    "Ticket {n}: traced the failure to a proxy stripping a header; second line confirmed it",
    " and the fix went into the knowledge base, where the team now finds it first.",
    "Reviewed in a one-on-one on {day}.",
)
MARKER = ".careerpath-bench"


def person_name(number: int) -> str:
    first = FIRST[number % len(FIRST)]
    last = LAST[(number // len(FIRST)) % len(LAST)]
    return f"{first} {last} {number:05d}"


def inventory_text(
    rng: random.Random,
    name: str,
    date: dt.date,
    skills: list[str],
    roles: list[str],
    manager: bool,
) -> str:
    lines = [
        f"person: {name}",
        f"date: {date.isoformat()}",
        f"current_role: {rng.choice(roles)}",
        f"years_in_role: {rng.randint(0, 20) / 2}",
        f"targets: [{', '.join(rng.sample(roles, rng.randint(1, min(3, len(roles)))))}]",
        "ratings:",
    ]
    for index, skill in enumerate(skills):
        draw = rng.random()
        if draw < 0.04:
            lines.append(f"  {skill}: n/a")
        elif draw < 0.10:
            lines.append(f"  {skill}: unsure")
        elif index % 3 == 0:  # evidence on a third of the ratings
            lines += [
                f"  {skill}:",
                f"    level: {rng.randint(0, 5)}",
                "    evidence: >-",
                "      " + EVIDENCE[0].format(n=rng.randint(10000, 99999)),
                "      " + EVIDENCE[1].strip(),
                "      " + EVIDENCE[2].format(day=date.isoformat()),
            ]
        else:
            lines.append(f"  {skill}: {rng.choice((0, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5))}")
    lines += [
        "aspirations: >-",
        "  Move on within a year, with a plan my manager has agreed and a mentor who has made",
        "  the same move.",
        f"credentials: [{rng.choice(['CompTIA A+', 'ITIL 4 Foundation', 'ISTQB CTFL'])}]",
        "experiences:",
        "  - Buddied a new starter through their first month",
        "  - Ran the queue for a week while the team lead was away",
    ]
    if manager:
        lines += [
            "manager:",
            "  name: Morgan Reyes",
            f"  date: {(date + dt.timedelta(days=7)).isoformat()}",
            "  ratings:",
        ]
        lines += [f"    {skill}: {rng.randint(0, 5)}" for skill in rng.sample(skills, 10)]
    return "\n".join(lines) + "\n"


def generate(folder: Path, size: int, seed: int, skills: list[str], roles: list[str]) -> Path:
    """`size` inventory files in `folder`; reused when the folder already holds them."""
    stamp = json.dumps({"size": size, "seed": seed, "skills": skills, "roles": roles})
    marker = folder / MARKER
    if marker.is_file() and marker.read_text(encoding="utf-8") == stamp:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.yaml"):
        old.unlink()
    rng = random.Random(seed)
    written = person = 0
    while written < size:
        date = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randint(90, 300))
        name = person_name(person)
        texts = [inventory_text(rng, name, date, skills, roles, person % 5 == 0)]
        if person % 10 == 3 and written + 1 < size:
            earlier = date - dt.timedelta(days=rng.randint(60, 90))
            texts.append(inventory_text(rng, name, earlier, skills, roles, False))
        for number, text in enumerate(texts):
            suffix = "" if number == 0 else f"-{number}"
            (folder / f"p{person:05d}{suffix}.yaml").write_text(text, encoding="utf-8")
            written += 1
        person += 1
    marker.write_text(stamp, encoding="utf-8")
    return folder


def main() -> None:
    from careerpath.core.assessment import skill_order
    from careerpath.edges.load import load_library

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("size", type=int)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    library = load_library()
    skills, roles = skill_order(library.catalogue), sorted(library.roles)
    generate(args.folder, args.size, args.seed, skills, roles)


if __name__ == "__main__":
    main()
