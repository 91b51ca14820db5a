"""`careerpath progress OLD NEW --format html` and `careerpath history PERSON --format html`: a
chart of what moved (before and after per skill, readiness per role over time) and the
evidence of each skill whose level changed, escaped; one self-contained page, no scripts."""

from __future__ import annotations

import re
from pathlib import Path

from careerpath.edges.yaml_source import dump
from tests.builders import member
from tests.helpers import ok, run

EVIDENCE = 'Wrote <script>alert("x")</script> a log checker & ran it on 12 cases'


def inventories(folder: Path) -> tuple[Path, Path]:
    folder.mkdir()
    old = member(
        "Sam Rivera",
        {"scripting": {"level": 1, "evidence": "half a course"}, "troubleshooting": 3},
        day=2,
    )
    new = member(
        "Sam Rivera",
        {"scripting": {"level": 3, "evidence": EVIDENCE}, "troubleshooting": 2, "presenting": 2},
        day=20,
    )
    paths = folder / "old.yaml", folder / "new.yaml"
    for path, data in zip(paths, (old, new), strict=True):
        path.write_text(dump(data), encoding="utf-8")
    return paths


def section(page: str, figure: str) -> str:
    return page.split(f'<figure id="{figure}">')[1].split("</figure>")[0]


def test_progress_draws_what_moved_and_its_evidence(tmp_path: Path) -> None:
    old, new = inventories(tmp_path / "sam")
    page = ok(run("progress", str(old), str(new), "--format", "html"))
    assert "<script" not in page and "http" not in page.lower().replace("http-equiv", "")
    moves = section(page, "skill-moves")
    assert "<svg" in moves and "earlier and the later inventory" in moves
    groups = re.findall(r'<g class="(up|down|same)">\s*<text[^>]*>([^<]+)</text>', moves)
    assert ("up", "Scripting and programming") in groups
    assert ("down", "Troubleshooting") in groups
    assert ("same", "Presenting and explaining") in groups  # one known level: no move
    # The evidence of each skill whose level changed, escaped; none for an unchanged one.
    evidence = page.split('<ul class="evidence">')[1].split("</ul>")[0]
    assert "<strong>Scripting and programming</strong>: 1 → 3 (+2)" in evidence
    assert "Wrote &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; a log checker &amp; ran" in (
        evidence
    )
    assert "<em>Before:</em> half a course" in evidence
    assert "<strong>Troubleshooting</strong>: 3 → 2 (−1). " in evidence
    assert "No evidence given" in evidence
    assert "Presenting" not in evidence
    lines = section(page, "readiness-lines")
    assert "<polyline" in lines and "2026-11-02" in lines and "2026-11-20" in lines
    assert "Software tester (QA analyst)" in lines


def test_history_draws_every_date_and_dates_never_split(tmp_path: Path) -> None:
    old, _ = inventories(tmp_path / "sam")
    later = member("Sam Rivera", {"scripting": 4}, day=28)
    old.with_name("later.yaml").write_text(dump(later), encoding="utf-8")
    page = ok(run("history", "Sam Rivera", "--dir", str(old.parent), "--format", "html"))
    assert "first and the latest inventory" in section(page, "skill-moves")
    lines = section(page, "readiness-lines")
    assert len(re.findall(r'<circle class="dot"', lines)) == 3  # one role, three dates
    assert all(date in lines for date in ("2026-11-02", "2026-11-20", "2026-11-28"))
    assert re.search(r"^th \{[^}]*white-space: nowrap;", page, re.MULTILINE)


def test_one_inventory_has_nothing_moved_yet(tmp_path: Path) -> None:
    old, _ = inventories(tmp_path / "sam")
    old.with_name("new.yaml").unlink()
    page = ok(run("history", "Sam Rivera", "--dir", str(old.parent), "--format", "html"))
    assert "One inventory so far, 2026-11-02." in page
    assert '<ul class="evidence">' not in page and "<svg" in section(page, "skill-moves")


def test_a_history_of_one_inventory_says_one(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "sam.yaml").write_text(dump(member("Sam Rivera", {"scripting": 1}, day=2)), "utf-8")
    text = ok(run("history", "Sam Rivera", folder))
    assert text.splitlines()[0].startswith("Sam Rivera: 1 inventory, ")
    page = ok(run("history", "Sam Rivera", folder, "--format", "html"))
    assert "One inventory so far" in page and "1 inventories" not in page
