"""The README's worked example and persona figures are what the code computes today.

The README explains readiness with the shipped example's numbers for testing and development,
and quotes the persona benchmark; a change to a profile, the catalogue or the formula that moves
them must move the README too.
"""

from __future__ import annotations

import re
import statistics

from careerpath.core.gaps import RoleGaps, ranking_of
from careerpath.edges.load import Library, load_inventory
from tests.core.personas import PERSONAS
from tests.edges.test_personas import moves
from tests.helpers import ROOT

WORDS = {14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen", 18: "eighteen"}
README = (ROOT / "README.md").read_text(encoding="utf-8")
ARITHMETIC = README[README.index("### The arithmetic") : README.index("### The plan")]


def said(text: str) -> bool:
    """`text` is in the arithmetic section, whatever the line wrapping."""
    return " ".join(text.split()) in " ".join(ARITHMETIC.split())


def example(library: Library) -> dict[str, RoleGaps]:
    inventory = load_inventory(ROOT / "examples" / "support-analyst.yaml", library)
    ranking = ranking_of(inventory, library.roles.values(), library.catalogue)
    return {r.role: r for r in ranking}


def test_the_worked_example_is_what_gaps_prints(library: Library) -> None:
    testing = example(library)["testing"]
    short = testing.total_weight - testing.covered_weight
    assert testing.factor == 1 and testing.high == testing.readiness and not testing.claimed
    assert said(f"add up to {testing.total_weight}")
    assert said(f"= {short:g}. Readiness = 1 − {short:g} ÷ {testing.total_weight}")
    assert said(f"= {testing.readiness:.3f}: **{testing.percent}%**")
    assert said(f"= {testing.climb}, about {round(testing.hours)} hours of steps")
    rows = re.findall(r"^\| ([A-Z][a-z ]+) \|.*\| (\d+) \|$", ARITHMETIC, re.MULTILINE)
    by_name = {gap.name: gap for gap in testing.skills}
    for name, product in rows:  # each single-skill row's weight x short
        gap = by_name[name]
        assert int(product) == gap.weight * (gap.gap or 0), name
    assert len(rows) >= 6


def test_the_development_figure_and_its_essential_gap(library: Library) -> None:
    development = example(library)["development"]
    assert development.factor == 0.6
    (essential,) = development.essential
    before = round(development.readiness / development.factor * 100)
    assert said(f"gives {before}% before the factor")
    assert said(f"{development.factor:g} × {before}% = **{development.percent}%**")
    assert said(f"`not yet: {essential.not_yet}`")


def test_the_persona_figures(library: Library) -> None:
    rankings = [(p, moves(p, library)) for p in PERSONAS]
    firsts = sum(ranking[0].role == p.pick(set(library.roles)) for p, ranking in rankings)
    spreads = [ranking[0].percent - ranking[-1].percent for _, ranking in rankings]
    assert said(f"has {WORDS[len(PERSONAS)]} made-up inventories")
    assert said(f"On the {WORDS[len(library.roles)]} shipped profiles")
    assert said(f"comes first for {firsts} of {len(PERSONAS)}")
    assert said(f"worst role is {statistics.median(spreads):g} points")
