"""Positions in YAML text, for :mod:`criteria_engine.loader`.

Converts between character offsets and 1-based (line, column), and finds where each character
of a scalar's value was written in the file, through quotes, escapes, folding and block indentation.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

Pos = tuple[int, int]
_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # YAML 1.1 line breaks, as PyYAML and libyaml count them
_ESCAPE_WIDTH = {"x": 4, "u": 6, "U": 10}


@dataclass(frozen=True)
class ScalarSource:
    """Where a scalar's text sits in the file (after any ``&anchor`` or ``!tag``)."""

    line: int  # 1-based line of the scalar's first character (the quote for quoted scalars)
    column: int  # 1-based column of the same
    style: str  # "" plain, "'", '"', "|", ">"
    text: str  # the raw source slice of the scalar, as written


def flow_spots(src: ScalarSource) -> list[Pos]:
    """Position of each character of a plain or quoted scalar's value, then one past the end.

    Mirrors YAML folding: a line break becomes a space, or one newline per blank line; blanks
    around a break vanish; in double quotes an escape is one character and ``\\`` + break joins.
    """
    quote = src.style if src.style in ("'", '"') else ""
    rows = _BREAK.split(src.text[1:-1] if quote else src.text)
    spots: list[Pos] = []
    blanks: list[Pos] = []
    joined, end = False, (src.line, src.column)
    for j, raw in enumerate(rows):
        line, base = src.line + j, (src.column + len(quote) if j == 0 else 1)
        low = 0 if j == 0 else len(raw) - len(raw.lstrip(" \t"))
        if 0 < j < len(rows) - 1 and low == len(raw):
            blanks.append((line, 1))
            continue
        if j > 0:
            spots.extend(blanks or ([] if joined else [end]))
            blanks = []
        high, joined = len(raw), False
        if j < len(rows) - 1:
            if quote == '"' and (len(raw) - len(raw.rstrip("\\"))) % 2:
                high, joined = high - 1, True
            else:
                high = len(raw.rstrip(" \t"))
        i = low
        while i < high:
            spots.append((line, base + i))
            if quote == '"' and raw[i] == "\\":
                i += _ESCAPE_WIDTH.get(raw[i + 1 : i + 2], 2)
            else:
                i += 2 if quote == "'" and raw.startswith("''", i) else 1
        end = (line, base + high)
    spots.append(end)
    return spots


def block_offset(src: ScalarSource, value: str, offset: int) -> Pos | None:
    """Position of ``value[offset]`` in a block scalar, whose content starts after the header line."""
    content = _BREAK.split(src.text)[1:]
    first = next((row for row in content if row.strip(" ")), None)
    if first is None:
        return None
    # The indentation is what the first content line loses in the value, explicit indicator or not.
    body = value.lstrip("\n")
    indent = max(0, len(first) - len(first.lstrip(" ")) - (len(body) - len(body.lstrip(" "))))
    top = src.line + 1
    if src.style == "|":  # literal: value lines are the content lines minus the indentation
        if offset == len(value) and value.endswith("\n"):
            offset -= 1  # the end is after the last line, not below it
        return top + value.count("\n", 0, offset), indent + offset - value.rfind("\n", 0, offset)
    # Folded: each content line appears, in order, in the value; some breaks became spaces.
    at, end = 0, None
    for row, raw in enumerate(content):
        piece = raw[indent:]
        found = value.find(piece, at) if raw.strip(" ") else -1
        if found < 0:
            continue
        if offset < found:
            return end or (top + row, indent + 1)
        if offset < found + len(piece):
            return top + row, indent + offset - found + 1
        at, end = found + len(piece), (top + row, indent + len(piece) + 1)
    return end


class Lines:
    """Converts between character offsets in the text and 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in _BREAK.finditer(text))]

    def offset(self, mark: Any) -> int:
        return min(self.starts[min(int(mark.line), len(self.starts) - 1)] + int(mark.column), len(self.text))

    def pos(self, offset: int) -> Pos:
        row = bisect.bisect_right(self.starts, offset) - 1
        return row + 1, offset - self.starts[row] + 1

    def line(self, number: int) -> str:
        if not 0 < number <= len(self.starts):
            return ""
        end = self.starts[number] if number < len(self.starts) else len(self.text)
        return _BREAK.sub("", self.text[self.starts[number - 1] : end])


def mark_position(mark: Any) -> Pos:
    return (mark.line + 1, mark.column + 1)
