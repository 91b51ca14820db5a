"""The shipped lattice against O*NET's related occupations, and its content rules."""

from __future__ import annotations

import csv

import pytest

from careerpath.core.model import Move
from careerpath.edges.load import Library, load_library
from tests.helpers import ONET


def related() -> dict[tuple[str, str], str]:
    """O*NET's directed related-occupation links: (from code, to code) -> tier."""
    with (ONET / "Related Occupations.txt").open(encoding="utf-8") as stream:
        return {
            (r["O*NET-SOC Code"], r["Related O*NET-SOC Code"]): r["Relatedness Tier"]
            for r in csv.DictReader(stream, delimiter="\t")
        }


LIBRARY = load_library()
MOVES = LIBRARY.lattice.moves


def name(move: Move) -> str:
    return f"{move.from_}->{move.to}"


@pytest.mark.parametrize("move", MOVES, ids=name)
def test_onet_tier_is_the_one_onet_lists(move: Move) -> None:
    start, target = LIBRARY.roles[move.from_].onet, LIBRARY.roles[move.to].onet
    assert start is not None and target is not None
    assert move.onet == related().get((start.code, target.code))


def test_onet_links_are_directed() -> None:
    """At least one shipped move has a tier its way back does not: A -> B is not B -> A."""
    links = related()
    anchors = [(m, LIBRARY.roles[m.from_].onet, LIBRARY.roles[m.to].onet) for m in MOVES]
    assert any(
        a is not None and b is not None and links.get((b.code, a.code)) != move.onet
        for move, a, b in anchors
    )


@pytest.mark.parametrize("move", MOVES, ids=name)
def test_every_move_says_what_to_build_and_how_to_try_it(move: Move) -> None:
    assert move.builds
    assert move.carries or move.kind == "step-up"  # a step up deepens every skill it shares
    assert move.bridges
    for bridge in move.bridges:
        assert bridge.hours <= bridge.weeks * 40, bridge.title  # no more than full time
        assert len(bridge.evidence) >= 20, bridge.title


def test_every_role_is_reached_from_the_entry_role(library: Library) -> None:
    assert library.lattice.entry == "helpdesk"
    reached = {library.lattice.entry}
    frontier = [library.lattice.entry]
    while frontier:
        here = frontier.pop()
        for move in library.lattice.moves_from(here):
            if move.to not in reached:
                reached.add(move.to)
                frontier.append(move.to)
    assert reached == set(library.roles)


def test_support_leads_almost_anywhere(library: Library) -> None:
    """Every role but first line is one move from second line, or two through an intermediate."""
    direct = {m.to for m in library.lattice.moves_from("support")}
    assert len(direct) >= 10
    via = {m.to for r in direct for m in library.lattice.moves_from(r)}
    assert direct | via | {"support", "helpdesk"} == set(library.roles)
    kinds = {m.kind for m in library.lattice.moves}
    assert kinds == {"step-up", "lateral", "diagonal", "step-back"}


def test_every_role_has_a_way_in_and_most_a_way_on(library: Library) -> None:
    into = {m.to for m in library.lattice.moves}
    out_of = {m.from_ for m in library.lattice.moves}
    assert into == set(library.roles) - {"helpdesk"}
    assert len(out_of) >= 10
