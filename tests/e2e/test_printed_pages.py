"""The HTML pages printed: the plan (A4 and Letter) and the team page as real PDFs from
headless Chromium, read back with poppler (pdftotext); and the plan's promises without a browser
too, from the stylesheet and the charts' geometry, so a machine without Chromium still checks
them.

Printed, the plan keeps "This month" on a page of its own, leaves no page mostly blank, no
heading at a page's foot, no date split across lines, and prints chart text at 8 pt or more;
the team's heatmap repeats its head (skills, the role's levels) on every page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

import pytest

from careerpath.core.assessment import skill_order
from careerpath.edges import locations
from careerpath.edges.load import Library
from careerpath.edges.plan_formats import render_plan
from careerpath.edges.yaml_source import dump
from tests.builders import varied_team
from tests.helpers import example_plan, ok, run

MIN_PT = 8.0  # the smallest chart text on paper
PT_PER_MM = 72 / 25.4
ROLES = ("testing", "support", "development", "leadership", "helpdesk", "support-operations")


def plan_html(library: Library, role_id: str = "testing") -> str:
    return render_plan(example_plan(library, role_id), library, "html").text


def print_rules(html: str) -> str:
    """The body of the stylesheet's `@media print { ... }` block."""
    start = html.index("@media print {") + len("@media print {")
    depth, end = 1, start
    while depth:
        depth += {"{": 1, "}": -1}.get(html[end], 0)
        end += 1
    return html[start : end - 1]


def rule(css: str, selector: str) -> str:
    """The declarations of every rule whose selector list includes `selector`."""
    if "<style>" in css:
        css = css.split("<style>")[1].split("</style>")[0]
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    bodies = [
        body
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)
        if selector in (s.strip() for s in selectors.split(","))
    ]
    assert bodies, f"no rule for {selector}"
    return ";".join(bodies)


def font_px(html: str, selector: str) -> float:
    match = re.search(r"font-size: ([\d.]+)px", rule(html, selector))
    assert match, selector
    return float(match[1])


# --- without a browser: the stylesheet and the charts' printed size ------------------------------


def test_the_print_stylesheet_keeps_things_whole(library: Library) -> None:
    html = plan_html(library)
    css = print_rules(html)
    assert re.search(r"@page \{ margin: \d+mm \d+mm \d+mm; \}", html)  # A4 and Letter alike
    assert "size:" not in rule(html, "@page")  # the reader's paper, not one fixed size
    for selector in ("li", ".gap", "tr", ".card", "figure"):
        assert "break-inside: avoid" in rule(css, selector), selector
    for selector in ("h2", "h3", ".lead", "tr.milestone"):
        assert "break-after: avoid" in rule(css, selector), selector
    assert "break-after: page" in rule(css, ".month")  # "This month" prints alone
    for selector in ("td.date", ".date"):  # every date in the page's text is a .date
        assert "white-space: nowrap" in rule(html, selector)
    source = (locations.builtin("templates") / "plan.html.j2").read_text(encoding="utf-8")
    dates = re.findall(r"(.{0,20})\{\{[^{}]*\| (?:longdate|isodate)[^{}]*\}\}", source)
    assert len(dates) > 20
    assert all(before.endswith(('<span class="date">', '<td class="date">')) for before in dates)
    assert "break-before: page" not in css  # no forced page break leaves a page blank
    # A lead paragraph stays with its table: Chromium needs both rules to keep them together.
    assert "break-inside: avoid" in rule(css, ".lead")
    for selector in (".lead + table", "h2 + table", "h3 + table", "footer"):
        assert "break-before: avoid" in rule(css, selector), selector
    assert '<p class="lead">Thirty minutes with your manager or mentor' in html


def _view_width(html: str, figure: str) -> float | None:
    """The width of the figure's viewBox; None when it has no chart (no known gaps)."""
    section = html.split(f'<figure id="{figure}">')[1].split("</figure>")[0]
    match = re.search(r'<svg viewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"', section)
    return float(match[1]) if match else None


@pytest.mark.parametrize("role_id", ROLES)
def test_chart_text_prints_at_eight_points_or_more(library: Library, role_id: str) -> None:
    """SVG text scales with the chart: size × printed width / viewBox width, in points."""
    html = plan_html(library, role_id)
    css = print_rules(html)
    smallest = min(font_px(html, "svg text"), font_px(html, "svg .ringlabel"))
    assert font_px(html, "svg .tick") >= smallest
    for figure in ("radar", "gap-bars"):
        view_width = _view_width(html, figure)
        if view_width is None:
            assert figure == "gap-bars" and "No known gaps" in html
            continue
        match = re.search(r"width: ([\d.]+)mm", rule(css, f"#{figure} svg"))
        assert match, figure
        width_mm = float(match[1])
        assert width_mm <= 184  # fits A4 inside the margins (Letter is wider)
        printed = smallest * width_mm * PT_PER_MM / view_width
        assert printed >= MIN_PT, (figure, printed)


# --- with Chromium: the real PDF -----------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")
needs_browser = pytest.mark.skipif(
    not (CHROMIUM and POPPLER),
    reason="needs chromium and poppler-utils (apt-get install chromium poppler-utils);"
    " the stylesheet checks above run without them",
)


class Word(NamedTuple):
    text: str
    top: float
    bottom: float
    left: float


class Page(NamedTuple):
    height: float
    words: tuple[Word, ...]

    def lines(self) -> list[str]:
        """The words that share a baseline, left to right, top to bottom."""
        rows: dict[int, list[Word]] = {}
        for word in self.words:
            rows.setdefault(round(word.bottom), []).append(word)
        return [
            " ".join(w.text for w in sorted(rows[y], key=lambda w: w.left)) for y in sorted(rows)
        ]


class _Boxes(HTMLParser):
    """pdftotext -bbox output: pages of words with their boxes, in points."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: list[Page] = []
        self._word: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "page":
            self.pages.append(Page(float(values["height"]), ()))
        elif tag == "word":
            self._word = values

    def handle_data(self, data: str) -> None:
        if self._word is not None:
            page = self.pages[-1]
            box = self._word
            word = Word(data, float(box["ymin"]), float(box["ymax"]), float(box["xmin"]))
            self.pages[-1] = page._replace(words=(*page.words, word))
            self._word = None


def printed(html: str, folder: Path, paper: str, name: str = "plan") -> list[Page]:
    source = folder / f"{name}-{paper}.html"
    size = paper if name == "plan" else f"{paper} landscape"
    source.write_text(
        html.replace("</head>", f"<style>@page {{ size: {size}; }}</style>\n</head>"),
        encoding="utf-8",
    )
    pdf = folder / f"{name}-{paper}.pdf"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer",
            f"--user-data-dir={folder / 'profile'}",  # its own: tests run side by side
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=90,
    )
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    assert paper.lower() in info.stdout.lower()  # the page size asked for
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    )
    parser = _Boxes()
    parser.feed(boxes.stdout)
    return parser.pages


def _headings(html: str) -> list[str]:
    """Each heading's text: h2, h3 and the timeline's milestone rows."""
    texts = re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html)
    texts += re.findall(r'<tr class="milestone"><td colspan="4">(.*?)</td>', html)
    return [unescape(re.sub(r"<[^>]+>", "", text)) for text in texts]


def _is_heading(line: str, headings: list[str]) -> bool:
    """The line is a heading, or the first line of one that wraps."""
    return any(h == line or (len(line) > 10 and h.startswith(line)) for h in headings)


def _runs(words: tuple[Word, ...], length: int) -> list[list[str]]:
    return [[w.text for w in words[i : i + length]] for i in range(len(words))]


@needs_browser
@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("role_id", ["testing", "support"])
def test_the_printed_plan(library: Library, tmp_path: Path, paper: str, role_id: str) -> None:
    html = plan_html(library, role_id)
    pages = printed(html, tmp_path, paper)
    lines = [page.lines() for page in pages]
    # "This month" is the first page, whole and alone.
    assert lines[0][0].startswith("Growth plan")
    assert any(line.startswith("Next check-in") for line in lines[0])
    assert not any(line.startswith("Summary") for line in lines[0])
    # No page after it is mostly blank (the last may be short).
    for number, page in enumerate(pages[1:-1], start=2):
        lowest = max(word.bottom for word in page.words)
        assert lowest > page.height * 0.5, f"page {number} is more than half blank"
    # No heading is left at the foot of a page, away from what it heads.
    headings = _headings(html)
    for number, page_lines in enumerate(lines[:-1], start=1):
        for line in page_lines[-2:]:
            assert not _is_heading(line, headings), (number, line)
    # Dates are never split across lines.
    text = "\n".join("\n".join(page_lines) for page_lines in lines)
    assert not re.search(r"\b\d{4}-\d{2}-?$", text, re.MULTILINE)
    day = r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
    assert not re.search(rf"{day}$|{day} \d{{1,2}}$|{day} \d{{1,2}} [A-Z][a-z]{{2}}$", text, re.M)
    # Chart text at 8 pt or more: a word's box is about 1.15 times its font size.
    caption_words = ["Current", "and", "required", "levels"]
    radar_page = next(p for p in pages if caption_words in _runs(p.words, 4))
    words = radar_page.words
    caption = words[_runs(words, 4).index(caption_words)]
    legend = next(w for w in words if w.text == "required" and w.top > caption.bottom + 50)
    chart = [w for w in words if caption.bottom < w.top and w.bottom < legend.top]
    assert len(chart) > 20
    assert min(w.bottom - w.top for w in chart) >= MIN_PT * 1.1


@needs_browser
@pytest.mark.slow
def test_the_printed_team_repeats_its_head_on_every_page(library: Library, tmp_path: Path) -> None:
    """40 people of every kind of rating, printed landscape: each page opens with the skills
    and the levels the chosen role requires, so a page of rows is never read without them."""
    folder = tmp_path / "team"
    folder.mkdir()
    skills = skill_order(library.catalogue)
    for name, data in varied_team(40, 3, skills, sorted(library.roles)):
        (folder / name).write_text(dump(data), encoding="utf-8")
    html = ok(run("team", str(folder), "--role", "testing", "--format", "html"))
    pages = printed(html, tmp_path, "A4", name="team")
    names = [unescape(n) for n in re.findall(r'<td class="person">([^<]+)</td>', html)]

    cells = re.compile(r"(?: (?:[0-5]|n/a|\?|-)){10}")

    def heatmap_row(line: str) -> bool:  # a name, then levels
        return any(line.startswith(name) and cells.match(line[len(name) :]) for name in names)

    with_rows = [p.lines() for p in pages if any(heatmap_row(line) for line in p.lines())]
    assert len(with_rows) >= 2  # the rows run over more than one page
    for lines in with_rows:
        assert any(line.startswith("Software tester (QA analyst) requires 3") for line in lines)
