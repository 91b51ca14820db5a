"""Rendering plans with Jinja templates. The only module that imports jinja2; returns strings.

Templates from anywhere but careerpath's own folder (an organisation's, a --template file) run
in Jinja's sandbox; the built-in ones, which ship with the code, skip its per-attribute checks
(a third of a team run's time). Every template has StrictUndefined, so a misspelt variable
fails loudly instead of printing nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

import jinja2

from careerpath.core.gaps import priority_band
from careerpath.core.model import LEVEL_NAMES
from careerpath.edges import locations
from careerpath.errors import CareerpathError
from careerpath.views import formatting

# select_autoescape() matches on the final suffix only, so name the .j2 forms explicitly.
AUTOESCAPE = ("html", "htm", "xml", "html.j2", "htm.j2", "xml.j2")


def _date(value: dt.date) -> str:
    return value.isoformat()


def _stop(value: str) -> str:
    """End a sentence with one full stop, whether or not the text already has one."""
    value = value.rstrip()
    return value if not value or value[-1] in ".!?" else value + "."


def environment(template_dirs: Sequence[Path], cache_dir: Path | None = None) -> jinja2.Environment:
    """The environment for `template_dirs`; with `cache_dir`, compiled templates are kept there."""
    bytecode_cache = None
    if cache_dir is not None:
        try:
            (cache_dir / "templates").mkdir(parents=True, exist_ok=True, mode=0o700)
            bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache_dir / "templates"))
        except OSError:
            bytecode_cache = None  # an unwritable cache only costs speed
    trusted = all(Path(d) == locations.builtin("templates") for d in template_dirs)
    kind = jinja2.Environment
    if not trusted:
        from jinja2.sandbox import SandboxedEnvironment  # only for templates careerpath lacks

        kind = SandboxedEnvironment
    env = kind(
        bytecode_cache=bytecode_cache,
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(AUTOESCAPE, default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        percent=formatting.percent,
        points=formatting.points,
        isodate=_date,
        longdate=formatting.long_date,
        stop=_stop,
        band=priority_band,
        rating=formatting.rating_cell,
        signed=formatting.signed,
    )
    env.globals.update(level_names=LEVEL_NAMES)
    return env


def render(
    template_dirs: Sequence[Path],
    name: str,
    context: dict[str, object],
    env: jinja2.Environment | None = None,
) -> str:
    """Render template `name` (found in the first folder that has it) with `context`."""
    env = env or environment(template_dirs)
    try:
        template = env.get_template(name)
        return template.render(context)
    except jinja2.TemplateNotFound as exc:
        raise CareerpathError(
            f"template '{exc.name}' not found in {', '.join(map(str, template_dirs))}"
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise CareerpathError(
            f"template error: {exc.message}", file=exc.filename or name, line=exc.lineno
        ) from None
    except jinja2.exceptions.SecurityError as exc:
        raise CareerpathError(
            f"template refused by the sandbox: {exc}",
            file=_template_file(exc, name),
            line=_template_line(exc),
        ) from None
    except (jinja2.UndefinedError, TypeError, ValueError) as exc:
        raise CareerpathError(
            f"template error: {exc}", file=_template_file(exc, name), line=_template_line(exc)
        ) from None


def _template_line(exc: BaseException) -> int | None:
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if (
            tb.tb_frame.f_code.co_filename.endswith(".j2")
            or "template" in tb.tb_frame.f_code.co_filename
        ):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _template_file(exc: BaseException, name: str) -> str:
    tb = exc.__traceback__
    found = name
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = filename
        tb = tb.tb_next
    return found


def shipped(template_dirs: Sequence[Path]) -> bool:
    """Whether `template_dirs` holds careerpath's own templates only (no organisation's)."""
    return all(Path(d) == locations.builtin("templates") for d in template_dirs)


def render_pieces(
    template_dirs: Sequence[Path], name: str, context: dict[str, object]
) -> Iterator[str]:
    """A shipped template's output in the pieces it writes them, for output too large to hold
    whole (a team of thousands). Any other template: `render`, in one piece."""
    if not shipped(template_dirs):
        yield render(template_dirs, name, context)
        return
    env = environment(template_dirs)
    try:
        pieces = env.get_template(name).generate(context)
        yield next(pieces)  # an error at the start is raised here, as render would raise it
    except Exception:  # render says what went wrong, with the template file and line
        yield render(template_dirs, name, context, env)
        return
    yield from pieces
