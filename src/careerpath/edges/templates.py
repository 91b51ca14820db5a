"""Rendering plans with Jinja templates. The only module that imports jinja2; returns strings.

Templates careerpath ships are code it trusts: they see its values as they are, in a plain
environment (the sandbox's checks on every attribute cost a third of a team run), compiled to
cheaper code of the same meaning (`_TrustedCode`: attribute reads, printed values). Any other
template, a user's `--template` or an organisation's `ORG/templates/`, is code from someone
else run on a person's data, so it gets:
- plain data only (careerpath.views.plain_data: dicts, lists, strings, numbers, dates), built
  once per render, in Jinja's immutable sandbox: no object with a method to call;
- includes, imports and extends among the shipped templates and the regular, non-hidden files
  inside its own folder, never through a symbolic link out of it (`_Folders`);
- budgets (README, Security): TIME_LIMIT seconds of processor time, OUTPUT_LIMIT characters of
  output, MEMORY_LIMIT bytes of memory beyond what careerpath already uses, numbers of at most
  NUMBER_BITS bits. Beyond one, the render stops with an error naming the template and line.
Every template has StrictUndefined, so a misspelt variable fails loudly instead of printing
nothing, and every error in one, at compile or run time, is one CareerpathError naming the
template file and line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import io
import os
import time
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
import jinja2.compiler
import jinja2.nodes
import markupsafe
from jinja2.sandbox import ImmutableSandboxedEnvironment

from careerpath.core.gaps import priority_band
from careerpath.core.model import LEVEL_NAMES
from careerpath.edges import cache, locations
from careerpath.edges.safe_open import Refused, read_below
from careerpath.errors import CareerpathError
from careerpath.views import formatting
from careerpath.views.escape import CONTROLS, md_inline, visible_text
from careerpath.views.plain_data import plain_data

Environment = jinja2.Environment  # for type hints elsewhere: only this module imports jinja2

# select_autoescape() matches on the final suffix only, so name the .j2 forms explicitly.
AUTOESCAPE = ("html", "htm", "xml", "html.j2", "htm.j2", "xml.j2")

TEMPLATE_SIZE = 1 << 20  # bytes of one template file
TIME_LIMIT = 30.0  # seconds of processor time for one render
OUTPUT_LIMIT = 64 << 20  # characters of output
MEMORY_LIMIT = 512 << 20  # bytes of memory a render may take beyond what was in use before
NUMBER_BITS = 1 << 16  # bits of an integer a template computes (about 19,700 digits)
MESSAGE_LENGTH = 300  # characters of an error's own text shown in the one-line message


def _date(value: dt.date) -> str:
    return value.isoformat()


def _stop(value: str) -> str:
    """End a sentence with one full stop, whether or not the text already has one."""
    value = value.rstrip()
    return value if not value or value[-1] in ".!?" else value + "."


def _rating(value: object) -> markupsafe.Markup:
    """formatting.rating_cell, for a Rating or its plain data (what others' templates see);
    careerpath's own signs, marked as such (in Markdown, this `-` starts no list)."""
    if value is None:
        return markupsafe.Markup("-")
    fields = value if isinstance(value, Mapping) else vars(value)
    if fields.get("status") == "unsure":
        return markupsafe.Markup("?")
    status = fields.get("status")
    return markupsafe.Markup("n/a" if status == "n/a" else str(fields.get("level")))


def _signed(value: int | None) -> markupsafe.Markup:
    """formatting.signed, marked as careerpath's own text."""
    return markupsafe.Markup(formatting.signed(value))


# Values whose text is inert in Markdown and HTML alike: digits, signs, dots, dates.
_INERT = frozenset({int, float, bool, type(None), dt.date, dt.datetime})
_has_control = CONTROLS.search  # most text has none: one search, no call of visible_text


def _markdown(value: object) -> object:
    """Whatever a `{{ }}` prints, as inert Markdown: text, and the text any other value prints
    (a list or a dict prints its repr, whose strings would otherwise come out raw); a value
    marked as written out as it is (| safe, | md) only loses its control characters."""
    if type(value) is str:
        return md_inline(value)
    if type(value) in _INERT:
        return value
    if isinstance(value, markupsafe.Markup):
        return _visible_markup(value)
    return md_inline(str(value))


def _html(value: object) -> object:
    """Whatever a `{{ }}` prints in HTML, without control characters or bidirectional
    overrides (careerpath.views.escape.visible_text); autoescape then escapes it (Jinja calls
    finalize first), and a marked value (`__html__`: | safe, Markup) stays marked."""
    if type(value) is str:
        return visible_text(value) if _has_control(value) else value
    if type(value) in _INERT:
        return value
    html = getattr(value, "__html__", None)
    if html is not None:
        return _visible_markup(markupsafe.Markup(html()))
    return visible_text(str(value))


def _visible_markup(value: markupsafe.Markup) -> markupsafe.Markup:
    text = visible_text(value)
    return value if text is value else markupsafe.Markup(text)


# What careerpath's own templates print, kept per value as the text written out: they print
# only text, numbers, dates and marked text (all hashable), and a batch of plans prints the same
# role texts again and again. Others' templates may print a list or a dict, so they get the
# functions themselves, and Jinja's own str() or escape() around them.
KEPT_VALUES = 8192


class _Texts(dict[str, str]):
    """The printed text of each string printed, looked up without a call; at most KEPT_VALUES
    of them, then afresh. Only for `str` itself: a dict takes 'x' and Markup('x') for one key."""

    def __init__(self, printed: Callable[[object], str]) -> None:
        super().__init__()
        self.printed = printed

    def __missing__(self, value: str) -> str:
        if len(self) >= KEPT_VALUES:
            self.clear()
        text = self[value] = self.printed(value)
        return text


def _kept(
    final: Callable[[object], object], escaped: bool
) -> tuple[_Texts, Callable[[object], str]]:
    """The printed text of a str, and of any value (kept by value and type)."""

    def printed(value: object) -> str:
        return str(markupsafe.escape(final(value)) if escaped else final(value))

    return _Texts(printed), functools.lru_cache(maxsize=KEPT_VALUES, typed=True)(printed)


_printed = {
    (final, escaped): _kept(final, escaped)
    for final in (_markdown, _html)
    for escaped in (False, True)
}


def _md(value: object) -> markupsafe.Markup:
    if isinstance(value, markupsafe.Markup):
        return value
    return markupsafe.Markup(md_inline(str(value)))


# --- where templates come from ------------------------------------------------------------


class TemplateRefused(jinja2.TemplateNotFound):
    """A template name that exists but may not be read: hidden, outside its folder, not a file."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(name, f"template '{name}' refused: {reason}")
        self.reason = reason


class _Folders(jinja2.BaseLoader):
    """Templates from `folders`, the first that has the name winning, like FileSystemLoader,
    but only regular, non-hidden files inside the folder: a symbolic link is followed only to
    a place inside the same folder, and the file is opened step by step without following
    any link, so one swapped in meanwhile is refused too (careerpath.edges.safe_open)."""

    def __init__(self, folders: Sequence[Path]) -> None:
        self.folders = [Path(folder) for folder in folders]
        self.files: set[str] = set()  # every file read, to find template lines in tracebacks

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        from jinja2.loaders import split_template_path

        if template.startswith(("/", "\\")) or ".." in template.replace("\\", "/").split("/"):
            raise TemplateRefused(
                template, "a template names files inside its own folder, relative to it"
            )
        parts = split_template_path(template)
        if not parts:
            raise jinja2.TemplateNotFound(template)
        if any(part.startswith(".") for part in parts):
            raise TemplateRefused(template, "hidden files are not templates")
        for folder in self.folders:
            candidate = folder.joinpath(*parts)
            if not os.path.lexists(candidate):
                continue
            source = self._read(folder, candidate, template)
            filename = str(candidate)
            self.files.add(filename)
            return source, filename, functools.partial(_unchanged, candidate, _mtime(candidate))
        raise jinja2.TemplateNotFound(template)

    @staticmethod
    def _read(folder: Path, candidate: Path, template: str) -> str:
        root = Path(os.path.realpath(folder))
        real = Path(os.path.realpath(candidate))
        if not real.is_relative_to(root) or real == root:
            raise TemplateRefused(template, f"{candidate} leads out of {folder}")
        inside = real.relative_to(root).parts
        if any(part.startswith(".") for part in inside):
            raise TemplateRefused(template, f"{candidate} leads to a hidden file")
        try:
            data = read_below(root, inside, limit=TEMPLATE_SIZE)
        except Refused as refused:
            raise TemplateRefused(template, str(refused)) from None
        except OSError as error:
            raise TemplateRefused(template, f"{candidate}: {error.strerror}") from None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise TemplateRefused(template, f"{candidate} is not UTF-8 text") from None


def _unchanged(path: Path, mtime: int | None) -> bool:
    return _mtime(path) == mtime


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates in the cache folder's templates/, read and written only through
    careerpath.edges.cache's checks (loading one runs it: it must be the user's own). The key
    covers the kind of environment, whose settings are compiled into the code."""

    def __init__(self, folder: Path, kind: str) -> None:
        self.folder = folder
        self.kind = kind

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha1(f"{self.kind}\0{name}\0{filename}".encode()).hexdigest()

    def _entry(self, bucket: jinja2.bccache.Bucket) -> tuple[str, str]:
        return ("templates", f"__jinja2_{bucket.key}.cache")

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = cache.read_entry(self.folder, self._entry(bucket))
        if data is not None:
            try:
                bucket.load_bytecode(io.BytesIO(data))
            except Exception:  # a partial entry of ours: compiled afresh
                bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        stream = io.BytesIO()
        bucket.write_bytecode(stream)
        with contextlib.suppress(OSError, NotImplementedError):  # an unwritable cache: speed
            cache.write_entry(self.folder, self._entry(bucket), stream.getvalue())


# --- the environments ----------------------------------------------------------------------


class Budget(Exception):
    """A template went beyond one of its budgets (time, output, memory, number size)."""


class _Untrusted(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox over plain data: `x.name` on a dict reads its key first (so
    `plan.agenda.items` is the agenda's items, not dict.items), and `*` and `**` may not build
    a string, list or number beyond the budgets."""

    intercepted_binops = frozenset({"*", "**"})

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        _check_growth(operator, left, right)
        return super().call_binop(context, operator, left, right)


def _check_growth(operator: str, left: object, right: object) -> None:
    if isinstance(left, int) and isinstance(right, int):
        if operator == "**":
            bits = left.bit_length() * right if abs(left) > 1 else 0
        else:
            bits = left.bit_length() + right.bit_length() if abs(left) > 1 and abs(right) > 1 else 0
        if bits > NUMBER_BITS:
            raise Budget(f"would compute a number of more than {NUMBER_BITS} bits")
        return
    if operator != "*":
        return
    for sequence, times in ((left, right), (right, left)):
        if (
            isinstance(sequence, (str, list, tuple))
            and isinstance(times, int)
            and len(sequence) * times > OUTPUT_LIMIT
        ):
            raise Budget(
                f"would repeat {len(sequence)} items {times} times, beyond the output"
                f" budget of {OUTPUT_LIMIT} characters"
            )


class _TrustedCode(jinja2.compiler.CodeGenerator):
    """Code for careerpath's own templates, with the meaning of Jinja's but cheaper where a plan
    spends its time (a thousand attribute reads and printed values per plan):
    - `x.name` reads the attribute with Python's getattr, and only when there is none asks
      Environment.getattr (an item of that name, else StrictUndefined, which fails loudly);
    - `{{ value }}` is the value's printed text (Jinja's finalize, then str or, autoescaped,
      escape), kept (`_printed`): a str's looked up in a dict, any other value's in an
      lru_cache by value and type;
    - the text and values between two tags are one piece (`visit_Output`).
    REVISION is part of the compiled templates' cache key: change it with the code written."""

    REVISION = 2

    @jinja2.compiler.optimizeconst
    def visit_Getattr(self, node: jinja2.nodes.Getattr, frame: jinja2.compiler.Frame) -> None:
        if self.environment.is_async:
            super().visit_Getattr(node, frame)
            return
        # The object is evaluated once, the fallback reads it back; names of Jinja's own start
        # l_ or t_, and each read of cp_o and cp_v follows its assignment in the same
        # expression, so a nested read (x.a.b) cannot see the outer one's.
        self.write(f"(environment.getattr(cp_o, {node.attr!r}) if (cp_v := getattr((cp_o := ")
        self.visit(node.node, frame)
        self.write(f"), {node.attr!r}, missing)) is missing else cp_v)")

    def visit_Output(self, node: jinja2.nodes.Output, frame: jinja2.compiler.Frame) -> None:
        """Jinja's output, but each run of text and values written as one piece: the text
        between `{% %}` tags is one `%` format of the values' printed text, where Jinja yields
        every piece (a plan is a few hundred pieces instead of 1,600). Each value stays on a
        line of its own, so an error in one still names its template line."""
        if frame.require_output_check or frame.eval_ctx.volatile:
            super().visit_Output(node, frame)
            return
        finalize = self._make_finalize()
        parts: list[str | jinja2.nodes.Expr] = []
        for child in node.nodes:  # constants are written out now, as Jinja does
            try:
                if not (finalize.const or isinstance(child, jinja2.nodes.TemplateData)):
                    raise jinja2.nodes.Impossible()
                parts.append(self._output_child_to_const(child, frame, finalize))
            except Exception:  # not constant (Impossible), or an error to raise at run time
                parts.append(child)
        values = [part for part in parts if not isinstance(part, str)]
        into = "yield " if frame.buffer is None else f"{frame.buffer}.append("
        close = "" if frame.buffer is None else ")"
        if not values:
            text = "".join(part for part in parts if isinstance(part, str))
            if text:
                self.writeline(f"{into}{text!r}{close}")
            return
        text = "".join(part.replace("%", "%%") if isinstance(part, str) else "%s" for part in parts)
        if text == "%s":  # one value alone
            self.writeline(into, values[0])
            self._output_child_pre(values[0], frame, finalize)
            self.visit(values[0], frame)
            self._output_child_post(values[0], frame, finalize)
            self.write(close)
            return
        self.writeline(f"{into}{text!r} % (")
        self.indent()
        for value in values:
            self.newline(value)
            self._output_child_pre(value, frame, finalize)
            self.visit(value, frame)
            self._output_child_post(value, frame, finalize)
            self.write(",")
        self.outdent()
        self.writeline(f"){close}")

    def _output_child_pre(
        self,
        node: jinja2.nodes.Expr,
        frame: jinja2.compiler.Frame,
        finalize: jinja2.compiler.CodeGenerator._FinalizeInfo,
    ) -> None:
        if frame.eval_ctx.volatile:  # {% autoescape %} decided at run time: Jinja's way
            super()._output_child_pre(node, frame, finalize)
            return
        # A string (most values) is looked up, anything else kept by value and type.
        kind = "escaped" if frame.eval_ctx.autoescape else "text"
        self.write(f"(environment.texts_{kind}[cp_p] if type(cp_p := ")

    def _output_child_post(
        self,
        node: jinja2.nodes.Expr,
        frame: jinja2.compiler.Frame,
        finalize: jinja2.compiler.CodeGenerator._FinalizeInfo,
    ) -> None:
        if frame.eval_ctx.volatile:
            super()._output_child_post(node, frame, finalize)
            return
        kind = "escaped" if frame.eval_ctx.autoescape else "text"
        self.write(f") is str else environment.printed_{kind}(cp_p))")


class _Trusted(jinja2.Environment):
    """careerpath's own templates: plain Jinja, compiled by _TrustedCode."""

    code_generator_class = _TrustedCode
    texts_text: _Texts
    texts_escaped: _Texts
    printed_text: Callable[[object], str]
    printed_escaped: Callable[[object], str]


def environment(
    template_dirs: Sequence[Path], cache_dir: Path | None = None, *, markdown: bool = False
) -> jinja2.Environment:
    """The environment for `template_dirs`; with `cache_dir`, compiled templates are kept there.

    With `markdown`, whatever a `{{ value }}` prints goes through the `md` filter (Jinja's
    finalize: careerpath.views.escape.md_inline), so text from a file is inert in Markdown
    whatever template shows it; `| safe` or `| md` marks text as written out as it is. Without,
    (HTML, autoescaped) it loses its control characters and bidirectional overrides, so `cat`
    of an HTML plan sends the terminal no escape sequence."""
    trusted = shipped(template_dirs)
    kind: type[jinja2.Environment] = _Trusted if trusted else _Untrusted
    finalize = _markdown if markdown else _html
    # What is compiled into the code: the kind of environment, the code generator (and its
    # revision) and the finalize it calls.
    code = kind.code_generator_class
    flavour = f"{kind.__name__} {code.__name__} {getattr(code, 'REVISION', 0)} {finalize.__name__}"
    env = kind(
        # Jinja's optimizer runs filters on constants while compiling: not for others' code.
        optimized=trusted,
        finalize=finalize,
        bytecode_cache=None if cache_dir is None else _Compiled(cache_dir, flavour),
        loader=_Folders(template_dirs),
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
        rating=_rating,
        signed=_signed,
        md=_md,
        hours=formatting.hours,
        capitalize_first=formatting.capitalize_first,
    )
    env.globals.update(level_names=list(LEVEL_NAMES))
    if isinstance(env, _Trusted):
        env.texts_text, env.printed_text = _printed[finalize, False]
        env.texts_escaped, env.printed_escaped = _printed[finalize, True]
    return env


# --- rendering -----------------------------------------------------------------------------


def render(
    template_dirs: Sequence[Path],
    name: str,
    context: Mapping[str, object],
    env: jinja2.Environment | None = None,
) -> str:
    """Render template `name` (found in the first folder that has it) with `context`."""
    env = env or environment(template_dirs)
    try:
        if not isinstance(env, _Untrusted):
            return env.get_template(name).render(context)
        return _bounded(env, name, plain_data(context))  # type: ignore[arg-type]
    except Exception as error:  # every failure in a template is the template's
        raise _template_error(error, template_dirs, name, env) from None


def preload(env: jinja2.Environment, name: str) -> None:
    """Template `name` compiled (or read from the cache) now, when it is careerpath's own; any
    other is compiled when it renders, within its budgets. One that fails is left for `render`
    to report."""
    if isinstance(env, _Untrusted):
        return
    with contextlib.suppress(Exception):  # as in render: any failure is the template's, told there
        env.get_template(name)


def shipped(template_dirs: Sequence[Path]) -> bool:
    """Whether `template_dirs` holds careerpath's own templates only (no organisation's)."""
    return all(Path(d) == locations.builtin("templates") for d in template_dirs)


def render_pieces(
    template_dirs: Sequence[Path], name: str, context: Mapping[str, object]
) -> Iterator[str]:
    """A shipped template's output in the pieces it writes, for output too large to hold whole
    (a team of thousands); any other template gets `render`, bounded, in one piece."""
    env = environment(template_dirs)
    if isinstance(env, _Untrusted):
        yield render(template_dirs, name, context, env)
        return
    try:
        yield from env.get_template(name).generate(context)
    except Exception as error:  # every failure in a template is the template's
        raise _template_error(error, template_dirs, name, env) from None


def _bounded(env: jinja2.Environment, name: str, context: dict[str, object]) -> str:
    """The template's output, stopped with Budget at the first budget it goes beyond; compiling
    it counts too (includes compile while it runs)."""
    pieces: list[str] = []
    size = 0
    stop_at = time.process_time() + TIME_LIMIT
    with _memory_cap(MEMORY_LIMIT), _time_cap(TIME_LIMIT):
        stream: Generator[str, None, None] = env.get_template(name).generate(context)  # type: ignore[assignment]
        try:
            for piece in stream:
                size += len(piece)
                if size > OUTPUT_LIMIT:  # thrown in, so the traceback has the template's line
                    stream.throw(Budget(f"wrote more than {OUTPUT_LIMIT} characters"))
                if time.process_time() > stop_at:
                    stream.throw(_overtime())
                pieces.append(piece)
        finally:
            stream.close()
    return "".join(pieces)


def _overtime() -> Budget:
    return Budget(f"used more than {TIME_LIMIT:g} seconds of processor time")


@contextlib.contextmanager
def _time_cap(seconds: float) -> Iterator[None]:
    """Raise Budget where the template is after `seconds` of processor time, even in a loop
    that writes nothing (a SIGPROF timer; only the main thread can have one)."""
    import signal
    import threading

    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def overtime(signum: int, frame: object) -> None:
        raise _overtime()

    previous = signal.signal(signal.SIGPROF, overtime)
    earlier = signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, *earlier)  # first stop the timer, then the handler
        signal.signal(signal.SIGPROF, previous)


@contextlib.contextmanager
def _memory_cap(extra: int) -> Iterator[None]:
    """At most `extra` more bytes of address space while rendering, so a template that builds
    a huge value gets MemoryError instead of the machine's memory (Linux; elsewhere no cap)."""
    try:
        import resource

        with open("/proc/self/statm", "rb") as statm:
            in_use = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError, IndexError):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = in_use + extra
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY and soft <= cap:
        yield  # already as tight
        return
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _template_error(
    error: Exception, template_dirs: Sequence[Path], name: str, env: jinja2.Environment
) -> CareerpathError:
    """One line: the template file and line, and what went wrong there."""
    files = env.loader.files if isinstance(env.loader, _Folders) else set()
    file, line = _where(error, files, name)
    if isinstance(error, jinja2.TemplateSyntaxError):  # also an unknown filter or test
        return CareerpathError(
            f"template error: {_text(error.message)}",
            file=error.filename or file,
            line=error.lineno,
        )
    if isinstance(error, TemplateRefused):
        return CareerpathError(_text(str(error.message)), file=file if line else None, line=line)
    if isinstance(error, jinja2.TemplateNotFound):
        where = ", ".join(map(str, template_dirs))
        message = f"template '{error.name}' not found in {where}"
        return CareerpathError(message, file=file if line else None, line=line)
    if isinstance(error, jinja2.exceptions.SecurityError):
        return CareerpathError(
            f"template refused by the sandbox: {_text(str(error))}", file=file, line=line
        )
    if isinstance(error, Budget):
        return CareerpathError(
            f"template stopped: it {_text(str(error))} (budgets: README, Security)",
            file=file,
            line=line,
        )
    return CareerpathError(f"template error: {_describe(error)}", file=file, line=line)


def _describe(error: Exception) -> str:
    if isinstance(error, MemoryError):
        return f"out of memory (a template may use {MEMORY_LIMIT >> 20} MiB)"
    text = _text(str(error))
    if isinstance(error, (RecursionError, ZeroDivisionError)):
        return text or type(error).__name__
    if isinstance(error, OverflowError):
        return f"number too large ({text})"
    if isinstance(error, (jinja2.UndefinedError, jinja2.TemplateError)):
        return text
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _text(text: str | None) -> str:
    """An error's text on one line, cut to MESSAGE_LENGTH characters."""
    text = " ".join((text or "").split())
    return text if len(text) <= MESSAGE_LENGTH else text[: MESSAGE_LENGTH - 1] + "…"


def _where(error: BaseException, files: set[str], name: str) -> tuple[str, int | None]:
    """The innermost template file and line in the traceback (Jinja puts the template's own
    lines there), else the template's name and no line."""
    found, line = name, None
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename in files:
            found, line = filename, tb.tb_lineno
        tb = tb.tb_next
    return found, line
