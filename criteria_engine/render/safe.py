"""Text from a data file made safe for where it is shown: a terminal, a spreadsheet.

Ids, kept columns and cell values come from files anyone can write. In a terminal, a control
character or an escape sequence (``\\x1b[2J``) in an id would clear the screen, move the cursor
or rewrite what was printed before it; a bidirectional override would show the text in another
order than it is stored. :func:`printable` writes each such character as a visible escape
(``\\x1b``, ``\\u202e``) instead.

In a spreadsheet, a cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return
before one) is read as a formula: an id ``=HYPERLINK("http://…")`` would become a live link,
others can run commands. :func:`spreadsheet_text` follows the OWASP rule for CSV injection: such
a text cell is written with a ``'`` in front, so it stays the text it was. The Excel writer also
stores every text cell as text, never as a formula, and writes the control characters a
workbook cannot hold as escapes (:func:`workbook_text`).
"""

from __future__ import annotations

import re

_BIDI = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
_ONE_LINE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f{_BIDI}]")
_LINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` with control characters, escape sequences and bidirectional controls written
    as visible escapes (``\\x1b``); tabs are kept, and line breaks too when ``lines`` is true
    (an explanation of several lines), else they are escaped (``\\x0a``)."""
    if text.isprintable():  # the usual text, told at C speed
        return text
    return (_LINES if lines else _ONE_LINE).sub(_escape, text)


def spreadsheet_text(value: object) -> object:
    """A cell value for CSV or Excel: a text that a spreadsheet would take as a formula gets a
    leading ``'``; anything else (numbers included) is returned as it is."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def workbook_text(value: object) -> object:
    """A cell value for Excel: :func:`spreadsheet_text`, and the control characters a workbook
    cannot hold (XML refuses them) written as visible escapes, as :func:`printable` does."""
    value = spreadsheet_text(value)
    if isinstance(value, str) and not value.isprintable():
        return _NOT_IN_XML.sub(_escape, value)
    return value


__all__ = ["printable", "spreadsheet_text", "workbook_text"]
