"""User text made inert: for a terminal, for Markdown, for JSON (careerpath.views.escape)."""

from __future__ import annotations

import json

import pytest

from careerpath.views.escape import json_text, md_inline, terminal_line, terminal_text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Megan Doyle", "Megan Doyle"),
        ("x\x1b]52;c;SGVsbG8=\x07y", "x]52;c;SGVsbG8=y"),  # OSC 52: a clipboard write, inert
        ("\x1b[31mred\x1b[0m", "red"),  # a whole CSI sequence goes
        ("\x1b[2J\x1b[Hclear", "clear"),
        ("\x9b31m8-bit", "8-bit"),  # the 8-bit CSI
        ("\x1b]0;title\x1b\\", "]0;title\\"),  # OSC ended by ST
        ("a\rb", "ab"),  # no overwriting the line
        ("bell\x07 back\x08space", "bell backspace"),
        ("tab\there", "tab here"),
        ("\u202eevil", "evil"),  # no reordering
        ("\x7fdel \x85nel", "del nel"),
        ("two\nlines", "two\nlines"),
        ("Zoë, Łukasz, 王", "Zoë, Łukasz, 王"),
    ],
)
def test_terminal_text(text: str, shown: str) -> None:
    assert terminal_text(text) == shown


def test_terminal_line_keeps_a_field_on_its_line() -> None:
    assert terminal_line("Megan\nReadiness 100%\r\u2028x") == "Megan Readiness 100% x"


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("Plain text, e.g. 3-5 (ok): yes; 84%.", "Plain text, e.g. 3-5 (ok): yes; 84%."),
        ("2026-11-02", "2026-11-02"),
        ("-2", "-2"),
        ("snake_case", "snake_case"),
        ("Q&A", "Q&A"),
        ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)>"),
        ("<javascript:alert(1)>", "&lt;javascript:alert(1)>"),  # no autolink
        ("[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"),
        ("![x](javascript:x)", "!\\[x\\](javascript:x)"),
        ("[x]: javascript:alert(1)", "\\[x\\]: javascript:alert(1)"),  # no reference link
        ("&#106;avascript &amp;", "&amp;#106;avascript &amp;amp;"),  # no entity
        ("a | b", "a \\| b"),  # no new table cell
        ("Megan\n# Heading", "Megan # Heading"),  # no new line, so no heading
        ("Megan\n| x | y |", "Megan \\| x \\| y \\|"),  # ... nor table row
        ("# Heading", "\\# Heading"),
        ("> quote", "\\> quote"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("1. item", "1\\. item"),
        ("12) item", "12\\) item"),
        ("---", "\\---"),
        ("===", "\\==="),
        ("**bold** _em_ ~~gone~~ `code`", "\\*\\*bold\\*\\* \\_em\\_ \\~\\~gone\\~\\~ \\`code\\`"),
        ("C:\\path \\*", "C:\\path \\\\\\*"),  # a backslash escapes nothing
        ("\x1b]52;c;SGVsbG8=\x07x", "\\]52;c;SGVsbG8=x"),
    ],
)
def test_md_inline(text: str, markdown: str) -> None:
    assert md_inline(text) == markdown


def test_json_text_escapes_what_a_terminal_acts_on_and_keeps_the_value() -> None:
    data = {"person": "Megan \x9b31m\x9d52;c;x\x9c \u202e \x7f Zoë"}
    text = json_text(json.dumps(data, ensure_ascii=False))
    assert not any("\x7f" <= ch <= "\x9f" or ch == "\u202e" for ch in text)
    assert "Zoë" in text
    assert json.loads(text) == data
