"""Plan formats: md, html and json on the shipped example (golden files), the HTML checked as a
document, the JSON against its schema, the calendar parsed back, the SMART check, the charts'
geometry, escaping, sandboxing, and every new `plan` option through the CLI."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import jsonschema
import pytest

from careerpath.cli.exits import flagged
from careerpath.core.plan.builder import build_plan
from careerpath.core.plan.carryover import Previous
from careerpath.core.plan.horizon import parse_horizon
from careerpath.core.plan.smart import check_plan
from careerpath.core.plan.values import Plan
from careerpath.edges import locations
from careerpath.edges.load import Library, load_inventory
from careerpath.edges.plan_formats import render_plan
from careerpath.views.charts import CHAR_WIDTH, FONT, gap_bars, radar
from careerpath.views.schemas import schema_text
from careerpath.views.shown import unshown
from tests.helpers import GOLDEN, ROOT, example_plan, ok, one_line_error, run

UPDATE = os.environ.get("CAREERPATH_UPDATE_GOLDEN") == "1"
EXAMPLE = str(ROOT / "examples" / "support-analyst.yaml")
START = dt.date(2026, 11, 2)
PLAN = ("plan", EXAMPLE, "--role", "testing", "--date", START.isoformat())


def shipped(library: Library, role_id: str = "testing", person: str | None = None) -> Plan:
    return example_plan(library, role_id, START.isoformat(), person or "")


# --- golden files ----------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "suffix"), [("html", "html"), ("json", "json")])
def test_plan_matches_golden_file(library: Library, fmt: str, suffix: str) -> None:
    """CAREERPATH_UPDATE_GOLDEN=1 rewrites them after an intended change."""
    rendered = render_plan(shipped(library), library, fmt)
    assert rendered.warnings == ()
    text = flagged(rendered.text)  # as the command line writes it, with its flags
    golden = GOLDEN / f"plan-testing.{suffix}"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_cli_formats_match_the_golden_files() -> None:
    for fmt in ("md", "html", "json"):
        result = run(*PLAN, "--format", fmt)
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""
        assert result.stdout == (GOLDEN / f"plan-testing.{fmt}").read_text(encoding="utf-8")


# --- HTML --------------------------------------------------------------------------------------


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, name, value) for name, value in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


def test_html_is_one_self_contained_page(library: Library) -> None:
    plan = shipped(library)
    text = render_plan(plan, library, "html").text
    page = parse(text)
    assert page.tags.count("svg") == 2  # the radar and the bars
    assert "style" in page.tags
    for banned in ("script", "link", "img", "iframe", "object", "embed"):
        assert banned not in page.tags
    assert not [a for a in page.attrs if a[1] in {"src", "href"} or a[1].startswith("on")]
    assert not re.search(r"https?:|//[a-z]|url\(|@import", text, re.IGNORECASE)
    words = " ".join(page.text)
    for gap in plan.analysis.gaps:
        assert gap.name in words
    assert "@media print" in text and "@page" in text
    assert "One-on-one agenda (for the manager)" in words
    assert "priority = gap x importance" in words
    assert "not a promotion checklist" in words


def test_long_formulas_wrap_and_short_flags_do_not(library: Library) -> None:
    """`code` never splits (a flag, a field name); the formulas are sentences and wrap, else
    the readiness rule runs off the screen and off the printed page."""
    text = render_plan(shipped(library), library, "html").text
    assert re.search(r"^code \{ white-space: nowrap; \}", text, re.MULTILINE)
    assert re.search(r"^\.formula code \{ white-space: normal; \}", text, re.MULTILINE)
    long_codes = re.findall(r"<code>([^<]{40,})</code>", text)
    assert long_codes  # the readiness, effort and priority rules
    formulas = " ".join(re.findall(r'<p class="formula">.*?</p>', text, re.DOTALL))
    assert all(f"<code>{code}</code>" in formulas for code in long_codes)


def test_every_plan_opens_with_this_month_printable_alone(library: Library) -> None:
    plan = shipped(library)
    month = plan.this_month
    assert month is not None and month.person is not None and month.influence is not None
    md = render_plan(plan, library, "md").text
    assert md.index("## This month: to Wed 2 Dec 2026") < md.index("## Summary")
    page_one = md.split("\n---\n")[0]
    for goal in (*month.steps, month.person, month.influence):
        assert goal.action in page_one
    assert month.checkin is not None and month.checkin.focus in page_one
    html = render_plan(plan, library, "html").text
    assert html.index('<section id="this-month" class="month">') < html.index('id="summary"')
    css = html[html.index("@media print") :]
    assert re.search(r"\.month \{ break-after: page; page-break-after: always;", css)
    words = "".join(parse(html).text)  # a date is an element of its own: no space added
    assert "This month: to Wed 2 Dec 2026" in words and month.person.subject in words


def test_plans_state_hours_available_planned_and_needed_and_what_waits(library: Library) -> None:
    plan = shipped(library)
    t = plan.time
    assert t is not None and t.deferred_steps and t.source == "default"
    for fmt in ("md", "html"):
        text = render_plan(plan, library, fmt).text
        assert "2 hours a week, careerpath's default, for 26 weeks:" in text
        assert f"{round(t.available)} hours available" in text
        assert f"This plan uses <strong>{round(t.planned)} hours" in text or (
            f"This plan uses **{round(t.planned)} hours**" in text
        )
        assert (
            f"about **{round(t.needed)} hours**" in text
            or f"<strong>{round(t.needed)} hours" in text
        )
        assert "Deferred to the next plan" in text
        for goal in t.deferred_steps:
            assert f"{goal.subject} to level {goal.level}" in text
        assert plan.fit_rule in html_lib.unescape(text) and plan.estimate_rule in text


def test_no_practice_repeats_a_relationship_and_titles_read_as_sentences(library: Library) -> None:
    plan = shipped(library)
    titles = [g.title for g in plan.practices]
    assert "Hear the story of someone who made this move" not in titles
    assert "Shadow a working session" not in titles
    text = render_plan(plan, library, "md").text
    assert "into Software tester (QA analyst)" not in text
    assert "as Software tester (QA analyst)" not in text
    assert "the Software tester (QA analyst) team" not in text
    reputation = next(g for g in plan.practices if g.subject == "Reputation")
    assert "escalation" not in reputation.action.lower()


def test_the_plan_names_its_route_and_dates_the_moves_bridges(library: Library) -> None:
    plan = shipped(library)
    (move,) = [m for m in library.lattice.moves if (m.from_, m.to) == ("support", "testing")]
    assert plan.route is not None and plan.route.move == move
    assert [g.title for g in plan.bridges] == [f"Try: {b.title}" for b in move.bridges]
    md = render_plan(plan, library, "md").text
    html = html_lib.unescape(render_plan(plan, library, "html").text)
    for text in (md, html):
        assert "the route `careerpath paths` shows" in text.replace("<code>", "`").replace(
            "</code>", "`"
        )
        assert "support -> testing (a direct move, lateral)" in text.replace("&gt;", ">")
        for goal in plan.bridges:
            assert goal.title.removeprefix("Try: ") in text and goal.action in text
        assert "not counted in your hours above" in text
    timeline = md[md.index("## Timeline") :]
    assert all(goal.title in timeline for goal in plan.bridges)


def test_credentials_the_person_holds_are_not_recommended(library: Library) -> None:
    # the example holds CompTIA A+ and ITIL 4 Foundation, which stays valid beside Version 5
    plan = shipped(library, "support")
    held = [c.name for c in plan.credentials_held]
    assert held == ["ITIL Version 5 Foundation or ITIL 4 Foundation", "CompTIA A+ or Network+"]
    text = render_plan(plan, library, "md").text
    line = next(row for row in text.splitlines() if row.startswith("Credentials that help"))
    assert line.index("You hold") > line.index("KCS")
    assert "CompTIA" not in line.split("You hold")[0]
    assert "ITIL" not in line.split("You hold")[0]
    data = json.loads(render_plan(plan, library, "json").text)
    assert [c["name"] for c in data["credentials_held"]] == held
    assert held[0] not in [c["name"] for c in data["credentials"]]


def test_html_bar_chart_has_every_gap_and_the_timeline_every_goal(library: Library) -> None:
    plan = shipped(library)
    text = render_plan(plan, library, "html").text
    bars = re.findall(r'<rect class="bar-(high|medium|low)"', text)
    assert len(bars) == len(plan.analysis.gaps)
    assert unshown(plan, text, is_html=True) == ()


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_carried_gap_below_new_ones_says_why_its_steps_come_first(
    library: Library, fmt: str
) -> None:
    """--previous: the gaps stay in priority order, and a carried-over gap listed after new
    ones of higher priority says why its steps keep their early dates."""
    first = shipped(library)
    last = first.top_gaps[-1]
    previous = Previous(START, "testing", first.role.title, last.steps)
    inventory = load_inventory(locations.example_inventory(), library)
    second = build_plan(
        inventory,
        library.roles["testing"],
        library.catalogue,
        list(library.roles.values()),
        start=START + dt.timedelta(days=90),
        horizon=parse_horizon("6m"),
        previous=previous,
    )
    priorities = [gp.gap.priority or 0 for gp in second.top_gaps]
    assert priorities == sorted(priorities, reverse=True)
    text = re.sub(
        r'<span class="date">([^<]*)</span>', r"\1", render_plan(second, library, fmt).text
    )
    note = (
        "Carried over from the plan of 2026-11-02, where you started it: its steps keep their"
        " early dates, before those of the new gaps above it by priority."
    )
    assert text.count(note) == 1
    assert text.index(last.gap.name + ": from") < text.index(note)
    assert render_plan(first, library, fmt).text.count("Carried over from the plan of") == 0


def test_a_script_as_a_name_comes_out_escaped(library: Library) -> None:
    name = "<script>alert(1)</script>"
    text = render_plan(shipped(library, person=name), library, "html").text
    assert "<script" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "script" not in parse(text).tags


# --- JSON --------------------------------------------------------------------------------------


def test_json_validates_against_its_schema_and_carries_the_numbers(library: Library) -> None:
    plan = shipped(library)
    data = json.loads(render_plan(plan, library, "json").text)
    jsonschema.validate(data, json.loads(schema_text("plan")))
    assert data["schema"] == "careerpath.plan/1"
    assert data["readiness"]["percent"] == round(plan.analysis.readiness * 100)
    assert data["readiness"]["projected_percent"] == round(plan.projected_readiness * 100)
    assert [g["skill"] for g in data["gaps"]] == [g.skill for g in plan.analysis.gaps]
    assert [g["priority"] for g in data["gaps"]] == [g.priority for g in plan.analysis.gaps]
    goals = [g for m in data["milestones"] for g in m["goals"]]
    assert len(goals) == len(plan.goals)
    assert all(g["outcome"] and g["evidence"] and g["owner"] and g["due"] for g in goals)
    assert "gap x importance" in data["formulas"]["priority"]
    assert data["agenda"]["items"] and data["practices"] and data["mentor"]["where"]
    assert all(r["outcome"] for r in data["relationships"])
    # hours per goal and in total, the deferred goals, the this-month page by goal id
    assert all(g["hours"] > 0 for g in goals)
    time = data["time"]
    own = [g for g in goals if g["kind"] != "bridge"]  # bridges are agreed work time
    assert time["planned"] == pytest.approx(sum(g["hours"] for g in own), abs=0.1)
    bridges = [g for g in goals if g["kind"] == "bridge"]
    assert time["bridge_hours"] == pytest.approx(sum(g["hours"] for g in bridges), abs=0.1)
    assert [g["id"] for g in data["bridges"]] == [g["id"] for g in bridges] and bridges
    assert data["route"]["roles"] == ["support", "testing"]
    assert time["needed"] == pytest.approx(time["planned"] + time["deferred_hours"], abs=0.1)
    deferred = time["deferred_steps"] + time["deferred_goals"]
    assert time["deferred_hours"] == pytest.approx(sum(g["hours"] for g in deferred), abs=0.1)
    assert time["source"] == "default" and time["hours_per_week"] == 2
    ids = {g["id"] for g in goals}
    month = data["this_month"]
    assert set(month["steps"]) <= ids and month["person"] in ids and month["influence"] in ids
    steps = [g for g in goals if g["kind"] == "skill"]
    assert all(g["starts"] and g["weeks"] is not None for g in steps)
    assert "fit" in data["formulas"] and "effort" in data["formulas"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--hours", "5"), "Your time: 5 hours a week, about 20 hours before the first milestone."),
        (("--hours", "1.5"), "Your time: 1.5 hours a week, about 6 hours before"),
        ((), "Your time: 2 hours a week (careerpath's default;"),
    ],
)
def test_plan_hours_override_the_default(args: tuple[str, ...], expected: str) -> None:
    result = run(*PLAN, *args)
    assert result.exit_code == 0, result.stderr
    assert expected in result.stdout


def test_hours_from_the_inventory_are_used_and_said(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    text = Path(EXAMPLE).read_text(encoding="utf-8")
    mine.write_text(text.replace("years_in_role: 3\n", "years_in_role: 3\nhours_per_week: 4\n"))
    result = run("plan", mine, "--role", "testing", "--date", "2026-11-02")
    assert result.exit_code == 0, result.stderr
    assert "4 hours a week, from your inventory, for 26 weeks" in result.stdout
    result = run("plan", mine, "--role", "testing", "--hours", "3", "--format", "json")
    assert json.loads(ok(result))["time"]["source"] == "plan"


@pytest.mark.parametrize("hours", ["0", "41", "-2", "nan", "lots"])
def test_bad_hours_are_a_one_line_usage_error(hours: str) -> None:
    assert "--hours" in one_line_error(run(*PLAN, "--hours", hours), 2)


def test_the_shipped_plan_schema_is_a_valid_json_schema() -> None:
    schema = json.loads((ROOT / "schemas" / "plan.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == "careerpath.plan/1"


# --- calendar ----------------------------------------------------------------------------------


def test_ics_parses_back_with_milestones_and_checkins(tmp_path: Path, library: Library) -> None:
    ics, out = tmp_path / "plan.ics", tmp_path / "plan.md"
    result = run(*PLAN, "--ics", ics, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"wrote {ics}" in result.stderr
    assert oct(ics.stat().st_mode & 0o777) == "0o600"
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    events = list(calendar.walk("VEVENT"))
    plan = shipped(library)
    assert len(events) == len(plan.milestones) + len(plan.checkins)
    starts = sorted(e.decoded("dtstart") for e in events)
    assert starts == sorted([m.date for m in plan.milestones] + [c.date for c in plan.checkins])
    uids = {str(e["uid"]) for e in events}
    assert len(uids) == len(events)
    for milestone in plan.milestones:
        (event,) = [e for e in events if f"{milestone.label} milestone" in str(e["summary"])]
        assert all(g.title in str(event["description"]) for g in milestone.goals)
    # Deterministic: the same plan gives the same file.
    again = tmp_path / "again.ics"
    assert run(*PLAN, "--ics", again).exit_code == 0
    assert again.read_bytes() == ics.read_bytes()


@pytest.mark.parametrize(
    "name",
    [
        "Megan\\nDoyle",
        "Megan\\r\\nDoyle",
        "Megan\\rDoyle",
        "Megan\\u0000\\u001b[31mDoyle",
        "Megan, Doyle; \\\\",
    ],
    ids=["newline", "crlf", "cr", "controls", "ics-specials"],
)
def test_a_name_with_line_breaks_or_controls_makes_a_valid_calendar(
    tmp_path: Path, name: str
) -> None:
    """A newline in the name crashed --ics after --out had been written."""
    text = (
        Path(EXAMPLE)
        .read_text(encoding="utf-8")
        .replace("person: Megan Doyle", f'person: "{name}"')
    )
    inventory = tmp_path / "inv.yaml"
    inventory.write_text(text, encoding="utf-8")
    ics, out = tmp_path / "plan.ics", tmp_path / "plan.md"
    args = ("plan", inventory, "--date", START.isoformat(), "--out", out, "--ics", ics)
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    raw = ics.read_bytes()
    assert not re.search(rb"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]", raw)  # no control but CRLF
    assert all(line.endswith(b"\r") for line in raw.split(b"\n")[:-1])  # CRLF line ends
    calendar = icalendar.Calendar.from_ical(raw)
    assert "Megan" in str(calendar["x-wr-calname"]) and "\n" not in str(calendar["x-wr-calname"])
    assert out.is_file()


def test_a_calendar_that_cannot_be_written_stops_before_the_plan(tmp_path: Path) -> None:
    """Everything that can fail is checked before anything is written: here the --ics target."""
    out, ics = tmp_path / "plan.md", tmp_path / "calendar"
    ics.mkdir()
    result = run(*PLAN, "--out", out, "--ics", ics)
    assert "is a folder" in one_line_error(result, 1)
    assert not out.exists()


def test_ics_is_not_replaced_without_force(tmp_path: Path) -> None:
    ics = tmp_path / "plan.ics"
    ics.write_text("mine\n")
    result = run(*PLAN, "--ics", ics)
    assert "--force" in one_line_error(result, 1)
    assert result.stdout == ""  # nothing written, not even the plan
    assert ics.read_text() == "mine\n"
    assert run(*PLAN, "--ics", ics, "--force").exit_code == 0
    assert ics.read_text().startswith("BEGIN:VCALENDAR")


def test_ics_and_out_must_differ(tmp_path: Path) -> None:
    same = tmp_path / "plan.x"
    result = run(*PLAN, "--out", same, "--ics", same)
    assert "same file" in one_line_error(result, 2)


# --- options and their errors -----------------------------------------------------------------


def test_unknown_format_is_a_usage_error() -> None:
    result = run(*PLAN, "--format", "pdf")
    assert "md, html, json" in one_line_error(result, 2)


def test_template_with_json_is_a_usage_error(tmp_path: Path) -> None:
    template = tmp_path / "t.md.j2"
    template.write_text("x\n")
    result = run(*PLAN, "--format", "json", "--template", template)
    assert "schema" in one_line_error(result, 2)


def test_missing_template_is_a_usage_error(tmp_path: Path) -> None:
    result = run(*PLAN, "--template", tmp_path / "nosuch.md.j2")
    assert "no such file" in one_line_error(result, 2)


def test_html_template_must_be_named_to_be_autoescaped(tmp_path: Path) -> None:
    template = tmp_path / "plan.j2"
    template.write_text("<p>{{ plan.person }}</p>\n")
    result = run(*PLAN, "--format", "html", "--template", template)
    assert ".html.j2" in one_line_error(result, 2)


def test_user_template_renders_in_the_sandbox(tmp_path: Path) -> None:
    template = tmp_path / "short.md.j2"
    template.write_text(
        "{{ plan.person }}: {{ plan.analysis.readiness | percent }}\n"
        "{% for m in plan.milestones %}{{ m.date | isodate }}"
        "{% for g in m.goals %} {{ g.measure }}{% endfor %}\n{% endfor %}"
    )
    result = run(*PLAN, "--template", template)
    assert result.exit_code == 0, result.stderr
    assert re.match(r"Megan Doyle: \d+%\n", result.stdout)
    assert result.stderr == ""  # every goal's date and evidence is shown


def test_user_html_template_is_autoescaped(tmp_path: Path) -> None:
    inventory = tmp_path / "me.yaml"
    text = Path(EXAMPLE).read_text(encoding="utf-8")
    inventory.write_text(
        re.sub(r"(?m)^person: .*$", "person: '<script>alert(1)</script>'", text), "utf-8"
    )
    template = tmp_path / "mine.html.j2"
    template.write_text("<h1>{{ plan.person }}</h1>\n")
    result = run("plan", inventory, "--role", "testing", "--format", "html", "--template", template)
    assert result.exit_code == 0
    assert result.stdout == "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>\n"


def test_template_dropping_evidence_warns_on_stderr(tmp_path: Path) -> None:
    template = tmp_path / "titles.md.j2"
    template.write_text("{% for g in plan.goals %}- {{ g.title }}\n{% endfor %}")
    result = run(*PLAN, "--template", template)
    assert result.exit_code == 0
    assert result.stdout.startswith("- ")
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"careerpath: warning: {template}: ")
    assert "due date or evidence" in line


def test_template_error_reports_file_and_line(tmp_path: Path) -> None:
    template = tmp_path / "broken.md.j2"
    template.write_text("ok\n{{ plan.person }}\n{{ plan.no_such_thing }}\n")
    result = run(*PLAN, "--template", template)
    message = one_line_error(result, 1)
    assert message.startswith(f"{template}:3: ")
    assert "no_such_thing" in message


def test_template_syntax_error_reports_file_and_line(tmp_path: Path) -> None:
    template = tmp_path / "broken.md.j2"
    template.write_text("ok\n{% for x in %}\n")
    result = run(*PLAN, "--template", template)
    assert one_line_error(result, 1).startswith(f"{template}:2: ")


@pytest.mark.parametrize(
    "reach",
    [
        "{{ plan.__class__.__mro__[1].__subclasses__() }}",
        "{{ plan._replace.__globals__['sys'].modules['os'].system('touch PWNED') }}",
        "{{ cycler.__init__.__globals__.os.system('touch PWNED') }}",
        "{{ ''.__class__.__base__.__subclasses__() }}",
        "{{ plan.person.format_map.__self__.__class__ }}",
    ],
)
def test_template_reaching_for_python_internals_fails_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reach: str
) -> None:
    monkeypatch.chdir(tmp_path)
    template = tmp_path / "evil.md.j2"
    template.write_text(f"before\n{reach}\n")
    result = run(*PLAN, "--template", template)
    message = one_line_error(result, 1)
    assert message.startswith(f"{template}:2: ")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "PWNED").exists()


def test_organisation_templates_replace_the_built_in_html(tmp_path: Path) -> None:
    org = tmp_path / "org"
    (org / "templates").mkdir(parents=True)
    (org / "templates" / "plan.html.j2").write_text(
        "<p>{{ plan.person }} {{ plan.role.id }}</p>\n"
        "{% for g in plan.goals %}{{ g.due | isodate }} {{ g.measure }}\n{% endfor %}"
    )
    result = run("--roles-dir", org, *PLAN, "--format", "html")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<p>Megan Doyle testing</p>\n")
    assert result.stderr == ""


def test_role_without_success_signals_warns(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    text = (ROOT / "roles" / "testing.yaml").read_text(encoding="utf-8")
    (org / "testing.yaml").write_text(re.sub(r"(?m)^    signal: .*\n", "", text), "utf-8")
    result = run("--roles-dir", org, *PLAN)
    assert result.exit_code == 0
    assert "(no success signal given)" in result.stdout
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 5
    assert all(
        w.startswith(f"careerpath: warning: {org / 'testing.yaml'}: goal ") for w in warnings
    )
    assert "measurable outcome" in warnings[0] and "signal:" in warnings[0]


# --- the SMART check on shipped plans, and on what a template shows ----------------------------


@pytest.mark.parametrize(
    "role_id", ["support", "testing", "development", "consulting", "leadership"]
)
def test_every_shipped_plan_is_smart(library: Library, role_id: str) -> None:
    assert check_plan(shipped(library, role_id)) == ()


def test_unshown_finds_goals_a_text_leaves_out(library: Library) -> None:
    plan = shipped(library)
    assert len(unshown(plan, "nothing here")) == len(plan.goals)
    assert unshown(plan, render_plan(plan, library, "md").text) == ()


# --- charts (pure) -----------------------------------------------------------------------------


def _inside(view_box: str, x: float, y: float) -> bool:
    left, top, width, height = map(float, view_box.split())
    return left <= x <= left + width and top <= y <= top + height


@pytest.mark.parametrize(
    "role_id", ["support", "testing", "development", "consulting", "leadership"]
)
def test_radar_labels_fit_the_view_box_and_do_not_overlap(library: Library, role_id: str) -> None:
    chart = radar(shipped(library, role_id).analysis, tuple(library.roles[role_id].skills))
    boxes = []
    for label in chart.labels:
        width = max(len(line) for line in label.lines) * FONT * CHAR_WIDTH
        left = {"start": label.x, "end": label.x - width, "middle": label.x - width / 2}
        x0 = left[label.anchor]
        top = label.y - FONT
        bottom = label.y + (len(label.lines) - 1) * label.line_height + 0.35 * FONT
        assert _inside(chart.view_box, x0, top) and _inside(chart.view_box, x0 + width, bottom)
        boxes.append((x0, top, x0 + width, bottom))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap_x = min(a[2], b[2]) - max(a[0], b[0])
            overlap_y = min(a[3], b[3]) - max(a[1], b[1])
            assert overlap_x <= 0 or overlap_y <= 1.5, (a, b)


def test_bars_fit_and_are_ordered_by_priority(library: Library) -> None:
    gaps = shipped(library).analysis.gaps
    chart = gap_bars(gaps)
    assert [b.priority for b in chart.bars] == sorted((g.priority or 0 for g in gaps), reverse=True)
    for bar in chart.bars:
        right = bar.value_x + len(bar.value) * FONT * CHAR_WIDTH
        assert _inside(chart.view_box, bar.value_x, bar.y) and right <= chart.width
    assert chart.label_x >= max(len(g.name) for g in gaps) * FONT * CHAR_WIDTH


# --- start-up: heavy modules only where needed ------------------------------------------------

PROBE = """
import contextlib, io, sys
from careerpath.cli import app
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        app(sys.argv[1:], standalone_mode=False)
    except SystemExit:
        pass
print(",".join(sorted(m for m in ("jinja2", "icalendar", "careerpath.edges.terminal",
      "careerpath.views.plan_document", "careerpath.views.charts", "pydantic", "yaml",
      "questionary", "platformdirs", "careerpath.core.reviews.compare", "careerpath.views.shown")
      if m in sys.modules)))
"""


@pytest.mark.parametrize(
    ("args", "loaded"),
    [
        (("--help",), ""),  # builds every command: what their modules import at module level
        (("--version",), ""),
        (("gaps", EXAMPLE), "pydantic,yaml"),
        ((*PLAN,), "jinja2,pydantic,yaml"),
        ((*PLAN, "--format", "html"), "careerpath.views.charts,jinja2,pydantic,yaml"),
        (
            (*PLAN, "--format", "json"),
            "careerpath.core.reviews.compare,careerpath.views.plan_document,pydantic,yaml",
        ),
    ],
)
def test_commands_import_only_what_they_use(args: tuple[str, ...], loaded: str) -> None:
    """With careerpath's cache off, so that every run reads its files the same way."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CAREERPATH_CACHE": "off"},
    )
    assert result.stdout.strip() == loaded
