"""A built plan in the format asked for: Markdown or HTML through a template, or JSON.

Returns text and the SMART check's warnings; the CLI decides where they go. Jinja is imported
(through careerpath.edges.templates) only for md and html, pydantic's document model only for json.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from careerpath.core.plan.smart import check_plan
from careerpath.edges import locations
from careerpath.errors import UsageError, one_of

if TYPE_CHECKING:
    from careerpath.core.plan.values import Plan
    from careerpath.edges.load import Library
    from careerpath.edges.templates import Environment

FORMATS = ("md", "html", "json")
TEMPLATES = {"md": "plan.md.j2", "html": "plan.html.j2"}
HTML_SUFFIXES = (".html.j2", ".htm.j2", ".html", ".htm")


class Rendered(NamedTuple):
    text: str
    warnings: tuple[str, ...]


def check_format(fmt: str, template: Path | None) -> None:
    """Usage errors, before any work: an unknown format, or a template it cannot use."""
    one_of(fmt, FORMATS, option="format")
    if template is None:
        return
    if fmt == "json":
        raise UsageError(
            "{option} applies to md and html; the JSON plan has a fixed schema"
            " (careerpath schema plan)",
            option="template",
        )
    if not template.is_file():
        problem = "not a regular file" if template.exists() else "no such file"
        raise UsageError(f"{{option}}: {problem}", file=template, option="template")
    if fmt == "html" and not template.name.lower().endswith(HTML_SUFFIXES):
        raise UsageError(
            "an HTML template's name must end in .html.j2 (so that it is autoescaped),"
            f" got '{template.name}'"
        )


_kept: dict[tuple[tuple[Path, ...], Path | None, bool], Environment] | None = None
# Within environments_kept: (template folders, name, --template) -> the template file when it is
# not careerpath's own (see _others), else None.
_others_kept: dict[tuple[tuple[Path, ...], str, Path | None], Path | None] | None = None


@contextlib.contextmanager
def environments_kept() -> Iterator[None]:
    """Within the block (and in worker processes forked within it), one Jinja environment per
    set of template folders, so a batch of plans loads each template once (Jinja still notices
    one edited meanwhile), and which file each plan is rendered from is found once (as Jinja
    finds it once). Outside, every plan checks its cache folder and templates afresh."""
    global _kept, _others_kept
    before = _kept, _others_kept
    _kept, _others_kept = {}, {}
    try:
        yield
    finally:
        _kept, _others_kept = before


def _environment(dirs: tuple[Path, ...], cache_dir: Path | None, markdown: bool) -> Environment:
    from careerpath.edges.templates import environment

    if _kept is None:
        return environment(dirs, cache_dir, markdown=markdown)
    key = (dirs, cache_dir, markdown)
    if key not in _kept:
        _kept[key] = environment(dirs, cache_dir, markdown=markdown)
    return _kept[key]


def _template_of(library: Library, fmt: str, template: Path | None) -> tuple[tuple[Path, ...], str]:
    """The template folders and the name a plan in `fmt` (md or html) is rendered from."""
    if template is not None:
        real = template.resolve()  # a link's target, under its own name, in its own folder
        return (real.parent, *library.template_dirs), real.name
    return library.template_dirs, TEMPLATES[fmt]


def prepare(library: Library, fmt: str, cache_dir: Path | None) -> None:
    """Within environments_kept(): what the first plan in `fmt` would load (the modules, the
    Jinja environment and careerpath's own template, compiled), loaded now, so that the worker
    processes forked after it inherit it all instead of each loading it again."""
    from careerpath.core.plan import builder  # noqa: F401

    if fmt == "json":
        from careerpath.views import plan_document  # noqa: F401

        return
    from careerpath.edges.templates import preload

    dirs, name = _template_of(library, fmt, None)
    preload(_environment(dirs, cache_dir, fmt == "md"), name)


def _others(dirs: tuple[Path, ...], name: str, template: Path | None) -> Path | None:
    """The file a plan is rendered from when careerpath did not ship it, else None."""
    key = (dirs, name, template)
    if _others_kept is not None and key in _others_kept:
        return _others_kept[key]
    used = template or next((d / name for d in dirs if (d / name).is_file()), None)
    if used is not None and used.resolve().parent == locations.builtin("templates").resolve():
        used = None
    if _others_kept is not None:
        _others_kept[key] = used
    return used


def render_plan(
    plan: Plan,
    library: Library,
    fmt: str = "md",
    template: Path | None = None,
    cache_dir: Path | None = None,
) -> Rendered:
    """The plan as text in `fmt`; `template` replaces the built-in (or organisation's) one."""
    check_format(fmt, template)
    source = library.sources.get(plan.role.id)
    where = f"{source}: " if source is not None else ""
    warnings = [f"{where}{problem.message}" for problem in check_plan(plan)]
    if fmt == "json":
        from careerpath.views.plan_document import plan_json

        return Rendered(plan_json(plan, library.catalogue), tuple(warnings))

    from careerpath.edges.templates import render

    dirs, name = _template_of(library, fmt, template)
    context: dict[str, object] = {"plan": plan, "catalogue": library.catalogue, "charts": None}
    if fmt == "html" or template is not None:  # the built-in Markdown has no charts
        from careerpath.views.charts import plan_charts

        context["charts"] = plan_charts(plan.analysis, tuple(plan.role.skills))
    text = render(dirs, name, context, env=_environment(dirs, cache_dir, fmt == "md"))
    used = _others(dirs, name, template)
    if used is not None:
        from careerpath.views.shown import unshown  # for others' templates only, as charts

        left_out = unshown(plan, text, is_html=name.lower().endswith(HTML_SUFFIXES))
        if left_out:
            first = left_out[0]
            warnings.append(
                f"{used}: the plan it renders leaves out the due date or evidence of"
                f" {len(left_out)} of {len(plan.goals)} goals (first: '{first.goal.title}',"
                f" no {' or '.join(first.missing)}); a SMART goal shows both"
            )
    return Rendered(text, tuple(warnings))
