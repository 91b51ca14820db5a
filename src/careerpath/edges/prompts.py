"""The terminal prompts: the only module that imports questionary and prompt_toolkit.

One function per kind of prompt. Every prompt uses unsafe_ask(), so Ctrl-C and end of input
arrive here and become one `Cancelled` error. Long choices are wrapped to the terminal width,
because questionary's lists cut long lines off instead of wrapping them.
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
from questionary.prompts.common import InquirerControl

from careerpath.errors import Cancelled

MAX_WIDTH = 100  # lines longer than this are hard to read, however wide the terminal
SELECT_INDENT = 6  # " » " pointer, then "3) " shortcut
CHECKBOX_INDENT = 5  # " » " pointer, then "○ " indicator

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


def _wrapped(title: str, indent: int) -> str:
    lines = textwrap.wrap(title, width=max(20, width() - indent - 1), break_on_hyphens=False)
    lines = lines or [""]
    return ("\n" + " " * indent).join(lines)


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
) -> str:
    """Pick one; shortcut keys (when given) move to a choice, Enter picks it.

    With a `placeholder` and no `default`, the pointer starts on that line ("nothing chosen
    yet"), which is not a choice: Enter alone does nothing there, so a stray Enter never
    answers the question.
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
        line = [("class:instruction", placeholder)]
        items.insert(0, questionary.Choice(line, value=_UNCHOSEN, shortcut_key=False))
        start = _UNCHOSEN
    question = questionary.select(
        message,
        items,
        default=start,
        use_shortcuts=shortcuts,
        instruction=instruction,
        erase_when_done=True,
    )
    if start == _UNCHOSEN:
        _refuse_enter_on_placeholder(question)
    value = str(_ask(question))
    # questionary would echo the whole (wrapped) title and cut its first line off at the edge;
    # the list is erased instead and a short answer printed in questionary's own style.
    picked = next(c for c in picks if c.value == value)
    print_formatted_text(
        FormattedText(
            [
                (QMARK_STYLE, "?"),
                ("bold", f" {message} "),
                (ANSWER_STYLE, picked.short or picked.title),
            ]
        )
    )
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
) -> list[str]:
    """Pick any number with Space; Enter goes on."""
    items: list[questionary.Choice] = [
        questionary.Separator(c.title)
        if isinstance(c, Heading)
        else questionary.Choice(
            _wrapped(c.title, CHECKBOX_INDENT), value=c.value, checked=c.checked
        )
        for c in choices
    ]
    question = questionary.checkbox(
        message, items, validate=_validator(check), instruction=instruction
    )
    return [str(value) for value in _ask(question)]


def text(
    message: str,
    *,
    default: str = "",
    check: Check | None = None,
    instruction: str | None = None,
) -> str:
    """One line of text; Enter accepts it."""
    question = questionary.text(
        message, default=default, validate=_validator(check), instruction=instruction
    )
    return str(_ask(question)).strip()


def pause(message: str) -> None:
    """Wait for Enter, so that the text above can be read before the next screen."""
    _ask(questionary.text(message, instruction=" "))


def say(message: str = "", style: str = "") -> None:
    """Print text between prompts, wrapped to the terminal; continuation lines indented."""
    lines = []
    for line in message.splitlines() or [""]:
        lead = len(line) - len(line.lstrip())
        hang = " " * (lead + 2) if lead else ""
        lines.extend(textwrap.wrap(line, width=width() - 1, subsequent_indent=hang) or [""])
    print_formatted_text(FormattedText([(style, "\n".join(lines))]))
