"""The terminal prompts: the only module that imports questionary and prompt_toolkit.

One function per kind of prompt. Every prompt uses unsafe_ask(), so Ctrl-C and end of input
arrive here and become one `Cancelled` error. Every line is broken at words within the
terminal's width (questionary's lists cut long lines off, and the terminal breaks a long
question or answer mid-word): the choices, the question and its instruction, and the answer
echoed once given, which is printed here in questionary's style after the prompt is erased. A
list scrolls within the rows the terminal has left, so the question, and the text printed just
before it (`above`: an explanation), stay on the screen.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import questionary
from prompt_toolkit import print_formatted_text
from prompt_toolkit.application.current import get_app_session
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.layout import Dimension, ScrollOffsets, Window
from prompt_toolkit.layout.layout import walk
from questionary.prompts.common import InquirerControl

from careerpath.errors import Cancelled

MAX_WIDTH = 100  # lines longer than this are hard to read, however wide the terminal
SELECT_INDENT = 6  # " » " pointer, then "3) " shortcut
CHECKBOX_INDENT = 5  # " » " pointer, then "○ " indicator
HANG = "  "  # a question's or an answer's continuation lines, under the text after "? "
MIN_LIST_ROWS = 3  # a list gets at least these rows, however much text is above it
ECHOED = 3  # a checkbox's answer names up to this many picks, else counts them

QMARK_STYLE, ANSWER_STYLE = "fg:#5f819d", "fg:#FF9D00 bold"  # questionary's defaults

Check = Callable[[Any], str | None]  # an error message, or None when the answer is fine


@dataclass(frozen=True)
class Choice:
    title: str
    value: str
    key: str | None = None  # a shortcut key that moves to this choice
    checked: bool = False  # for checkboxes: ticked to start with
    short: str = ""  # shown after the question once picked; default: the title


@dataclass(frozen=True)
class Heading:
    """A line in a checkbox list that cannot be picked: a group's title."""

    title: str


def width() -> int:
    return min(get_app_session().output.get_size().columns, MAX_WIDTH)


def _room() -> int:
    """The columns a line may use: one less than the screen's, so that the terminal never
    wraps it itself."""
    return max(20, width() - 1)


def _wrapped(title: str, indent: int) -> str:
    lines = textwrap.wrap(title, width=max(20, width() - indent - 1), break_on_hyphens=False)
    lines = lines or [""]
    return ("\n" + " " * indent).join(lines)


def _question(message: str, instruction: str) -> tuple[str, str]:
    """The question and its instruction as questionary prints them ("?", " question ",
    "instruction"), broken at words within the screen; the instruction goes on a line of its
    own when it does not fit after the question."""
    lines = textwrap.wrap(
        "? " + message, width=_room(), subsequent_indent=HANG, break_on_hyphens=False
    )
    if len(lines[-1]) + 1 + len(instruction) > _room():
        rest = textwrap.wrap(instruction, width=_room() - len(HANG), break_on_hyphens=False)
        instruction = "".join(f"\n{HANG}{line}" for line in rest)
    return "\n".join(lines).removeprefix("? "), instruction


def _echo(message: str, answer: str) -> None:
    """The question and its answer once given, in questionary's style, broken at words."""
    fragments: list[tuple[str, str]] = [(QMARK_STYLE, "?")]
    column = 1
    for style, text in (("bold", message), (ANSWER_STYLE, answer)):
        for word in text.split():
            if column + 1 + len(word) > _room():
                fragments.append(("", "\n" + HANG))
                column = len(HANG)
            else:
                fragments.append((style, " "))
                column += 1
            fragments.append((style, word))
            column += len(word)
    print_formatted_text(FormattedText(fragments))


def _fit(question: questionary.Question, above: int) -> None:
    """Let the list scroll within the rows the screen has left once the `above` rows printed
    before the question, and the question itself, are on it: they never scroll off."""
    app = question.application
    root = app.layout.container
    window = next(
        w
        for w in app.layout.find_all_windows()
        if isinstance(w, Window) and isinstance(w.content, InquirerControl)
    )
    others = [c for c in getattr(root, "children", []) if window not in walk(c)]

    def height() -> Dimension:
        size = app.output.get_size()
        used = sum(c.preferred_height(size.columns, size.rows).preferred for c in others)
        return Dimension(max=max(MIN_LIST_ROWS, size.rows - above - used))

    window.height = height
    # a choice's continuation lines come into view with its first (a title is up to 3 lines)
    window.scroll_offsets = ScrollOffsets(bottom=2)


def _ask(question: questionary.Question) -> Any:
    try:
        return question.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        raise Cancelled from None


def _validator(check: Check | None) -> Callable[[Any], bool | str]:
    def validate(value: Any) -> bool | str:
        problem = check(value) if check is not None else None
        return problem or True

    return validate


_UNCHOSEN = "__unchosen__"  # the value of a placeholder line: nothing chosen yet


def select(
    message: str,
    choices: Sequence[Choice | Heading],
    *,
    default: str | None = None,
    instruction: str | None = None,
    placeholder: str | None = None,
    above: int = 0,
) -> str:
    """Pick one; shortcut keys (when given) move to a choice, Enter picks it.

    With a `placeholder` and no `default`, the pointer starts on that line ("nothing chosen
    yet"), which is not a choice: Enter alone does nothing there, so a stray Enter never
    answers the question. `above`: the rows of text printed just before, kept on screen.
    """
    picks = [c for c in choices if isinstance(c, Choice)]
    shortcuts = any(c.key for c in picks)
    indent = SELECT_INDENT if shortcuts else SELECT_INDENT - 3
    items: list[questionary.Choice] = [
        questionary.Separator(c.title)
        if isinstance(c, Heading)
        else questionary.Choice(
            _wrapped(c.title, indent), value=c.value, shortcut_key=c.key or True
        )
        for c in choices
    ]
    start = default if default in {c.value for c in picks} else None
    if placeholder is not None and start is None:
        # a title of formatted text is drawn without a shortcut prefix, dimmed like a hint
        line = [("class:instruction", _wrapped(placeholder, indent))]
        items.insert(0, questionary.Choice(line, value=_UNCHOSEN, shortcut_key=False))
        start = _UNCHOSEN
    asked, instruction = _question(
        message,
        instruction or ("(Use shortcuts or arrow keys)" if shortcuts else "(Use arrow keys)"),
    )
    question = questionary.select(
        asked,
        items,
        default=start,
        use_shortcuts=shortcuts,
        instruction=instruction,
        erase_when_done=True,
    )
    _fit(question, above)
    if start == _UNCHOSEN:
        _refuse_enter_on_placeholder(question)
    value = str(_ask(question))
    # questionary would echo the whole (wrapped) title and cut its first line off at the edge;
    # the list is erased instead and a short answer printed in questionary's own style.
    picked = next(c for c in picks if c.value == value)
    _echo(message, picked.short or picked.title)
    return value


def _refuse_enter_on_placeholder(question: questionary.Question) -> None:
    """Enter does nothing while the pointer is on the placeholder line; a key binding added
    last wins over questionary's own for the same key."""
    control = next(
        c for c in question.application.layout.find_all_controls() if isinstance(c, InquirerControl)
    )
    on_placeholder = Condition(lambda: control.get_pointed_at().value == _UNCHOSEN)
    bindings = question.application.key_bindings
    assert isinstance(bindings, KeyBindings)

    @bindings.add("enter", filter=on_placeholder, eager=True)
    def _(event: Any) -> None:
        """Nothing chosen yet: stay on the question."""


def checkbox(
    message: str,
    choices: Sequence[Choice | Heading],
    *,
    check: Check | None = None,
    instruction: str | None = None,
    above: int = 0,
) -> list[str]:
    """Pick any number with Space; Enter goes on. `above`: the rows of text printed just
    before, kept on screen."""
    items: list[questionary.Choice] = [
        questionary.Separator(c.title)
        if isinstance(c, Heading)
        else questionary.Choice(
            _wrapped(c.title, CHECKBOX_INDENT), value=c.value, checked=c.checked
        )
        for c in choices
    ]
    asked, instruction = _question(message, instruction or "(Space ticks, Enter goes on)")
    question = questionary.checkbox(
        asked, items, validate=_validator(check), instruction=instruction, erase_when_done=True
    )
    _fit(question, above)
    values = [str(value) for value in _ask(question)]
    picked = [c.short or c.title for c in choices if isinstance(c, Choice) and c.value in values]
    if not picked:
        _echo(message, "none")
    else:
        _echo(message, ", ".join(picked) if len(picked) <= ECHOED else f"{len(picked)} ticked")
    return values


def text(
    message: str,
    *,
    default: str = "",
    check: Check | None = None,
    instruction: str | None = None,
) -> str:
    """One line of text; Enter accepts it."""
    asked, shown = _question(message, instruction or "")
    question = questionary.text(
        asked,
        default=default,
        validate=_validator(check),
        instruction=shown or None,
        erase_when_done=True,
    )
    answer = str(_ask(question)).strip()
    _echo(message, answer)
    return answer


def pause(message: str) -> None:
    """Wait for Enter, so that the text above can be read before the next screen."""
    _ask(questionary.text(message, instruction=" "))


def say(message: str = "", style: str = "") -> int:
    """Print text between prompts, wrapped to the terminal; continuation lines indented.
    Returns the rows it took (for a prompt's `above`)."""
    lines = []
    for line in message.splitlines() or [""]:
        lead = len(line) - len(line.lstrip())
        hang = " " * (lead + 2) if lead else ""
        lines.extend(
            textwrap.wrap(line, width=_room(), subsequent_indent=hang, break_on_hyphens=False)
            or [""]
        )
    print_formatted_text(FormattedText([(style, "\n".join(lines))]))
    return len(lines)
