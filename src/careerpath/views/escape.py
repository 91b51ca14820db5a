"""User text made inert for where it is shown: a terminal, Markdown, JSON. Pure.

Inventories come from other people (a report's file on a manager's screen) and role text from
an organisation's shared folder, so text from a file never reaches the terminal or a Markdown
viewer as anything but text:
- terminal: control characters are removed (ESC, so no escape sequence can start: no colours,
  cursor moves, titles or OSC 52 clipboard writes; BEL, backspace, carriage return, the 8-bit
  C1 controls, DEL) and bidirectional overrides (which reorder what is shown); a complete
  CSI sequence (colours, cursor moves) goes whole. What follows a removed ESC stays visible as
  text, so nothing is hidden either.
- Markdown: the same, line breaks become spaces (no heading, list or table row can start), and
  what Markdown or the HTML a Markdown viewer makes would interpret is escaped: HTML tags and
  entities, links and images, emphasis, code, table cells, and a block marker at the start.
  Text with none of these comes out unchanged.
- HTML: the same controls are removed (`cat plan.html` shows it on a terminal); Jinja's
  autoescape does the rest.
- JSON: json.dumps already escapes C0 controls; the C1 controls, DEL and bidirectional
  overrides it leaves as they are become \\u escapes (the same JSON value).
"""

from __future__ import annotations

import functools
import re

# A complete CSI sequence, 7-bit (ESC [) or 8-bit (0x9B): parameters, intermediates, final.
_CSI = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]")
# C0 but tab and line feed, DEL, C1, and the bidirectional embeddings, overrides and isolates.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# Markdown: characters with a meaning anywhere in a line.
_MD_ANYWHERE = re.compile(
    r"\\(?=[!-/:-@\[-`{-~])"  # a backslash that would escape what follows
    r"|[`*\[\]|~]"  # code, emphasis, links and images, table cells, strikethrough
    r"|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])"  # emphasis (inside a word, _ is literal)
)
_MD_HTML = re.compile(r"<|&(?=#[0-9]+;|#[xX][0-9A-Fa-f]+;|[A-Za-z][A-Za-z0-9]*;)")
# Markdown: block markers, which only count at the start of a line.
_MD_START = re.compile(r"^(\s*)(?:([#>])|([-+=])(?=[-+=\s]|$)|(\d+)([.)])(?=\s|$))")


def visible_text(text: str) -> str:
    """`text` without control characters or bidirectional overrides (a whole CSI sequence
    goes), its tabs and line breaks kept: for HTML, which a terminal may show too (`cat`)."""
    if not CONTROLS.search(text):
        return text
    return CONTROLS.sub("", _CSI.sub("", text))


def terminal_text(text: str) -> str:
    """`text` for a terminal, its own line breaks kept (for a whole output)."""
    return visible_text(text).replace("\t", " ")


def terminal_line(text: str) -> str:
    """One field of text for a terminal: also no line break, so it stays on its line."""
    return terminal_text(_LINE_BREAKS.sub(" ", text))


# Any character md_inline might change: most text has none (nor a block marker at its start)
# and is returned as it is, at the cost of one search.
_MD_SPECIAL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\\\\`*\\[\\]|~_<&]"
)


@functools.lru_cache(maxsize=4096)  # a team's plans repeat the same role and step texts
def md_inline(text: str) -> str:
    """One field of text for Markdown, inert wherever it is placed in a line (see above)."""
    if not _MD_SPECIAL.search(text) and not _MD_START.match(text):
        return text
    text = _MD_ANYWHERE.sub(lambda m: "\\" + m.group(), terminal_line(text))
    text = _MD_HTML.sub(lambda m: "&lt;" if m.group() == "<" else "&amp;", text)
    return _MD_START.sub(_escape_start, text)


def _escape_start(match: re.Match[str]) -> str:
    space, quote, rule, number, dot = match.groups()
    if number is not None:
        return f"{space}{number}\\{dot}"
    return f"{space}\\{quote or rule}"


def json_text(text: str) -> str:
    """JSON text (from json.dumps) with the controls a terminal acts on escaped as \\uXXXX."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
