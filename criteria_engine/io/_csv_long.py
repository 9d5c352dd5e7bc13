"""CSV lines longer than :data:`~criteria_engine.io.readers.LINE_CHUNK_CHARS`, rewritten before
:mod:`csv` reads them: each cell longer than :data:`~criteria_engine.io.readers.MAX_CELL_CHARS`
becomes a marker holding its length, so a huge cell costs a few megabytes, not its size."""

from __future__ import annotations

from collections.abc import Callable

# readers, the public module, owns the limits; they are looked up there when used (never at
# import: readers imports the CSV reader, which imports this module).
from criteria_engine.io import readers


class Written:
    """The chunks of a long line as written, kept (while short) so the line can be read again."""

    def __init__(self, first: str, read: Callable[[], str]) -> None:
        self.parts, self.size, self._read = [first], len(first), read

    def more(self) -> str:
        part = self._read()
        self.size += len(part)
        if self.size <= readers.MAX_RECORD_CHARS:
            self.parts.append(part)
        return part

    def text(self) -> str:
        """The whole line, or '' when it was too long to keep."""
        return "".join(self.parts) if self.size <= readers.MAX_RECORD_CHARS else ""


_START, _PLAIN, _QUOTED, _QUOTE = range(4)


class _Cell:
    """One cell of a long line: its text while short, only its length once too long."""

    __slots__ = ("opened", "parts", "size")

    def __init__(self, opened: bool) -> None:
        self.opened = opened
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> None:
        self.size += len(text)
        if self.size <= readers.MAX_CELL_CHARS:
            self.parts.append(text)
        else:
            self.parts.clear()

    def render(self, closed: bool) -> str:
        if self.size > readers.MAX_CELL_CHARS:
            body = f"\x00cell-too-large:{self.size}\x00"
        else:
            body = "".join(self.parts).replace('"', '""')
        return ('"' if self.opened else "") + body + ('"' if closed else "")


def reduce_long_line(first: str, more: Callable[[], str], delim: str, in_quotes: bool) -> str:
    """Rewrite one long physical line so that csv reads the same cells, except that each
    cell longer than ``MAX_CELL_CHARS`` becomes a marker holding its length.

    Follows the csv module's default dialect: a quote opens a quoted cell only as the cell's
    first character, ``""`` inside it is a quote, text after the closing quote is kept.
    Every cell is written back quoted. ``in_quotes``: the line continues a quoted cell.
    """
    out: list[str] = []
    cell = _Cell(opened=not in_quotes)
    state = _QUOTED if in_quotes else _START
    chunk = first
    while True:
        newline = "\r\n" if chunk.endswith("\r\n") else chunk[-1:] if chunk.endswith(("\n", "\r")) else ""
        body = chunk[: len(chunk) - len(newline)]
        i, n = 0, len(body)
        while i < n:
            if state == _START:
                if body[i] == '"':
                    state, i = _QUOTED, i + 1
                    continue
                state = _PLAIN
            if state == _PLAIN:
                j = body.find(delim, i)
                if j < 0:
                    cell.add(body[i:])
                    break
                cell.add(body[i:j])
                out.append(cell.render(True) + delim)
                cell, state, i = _Cell(True), _START, j + 1
            elif state == _QUOTED:
                j = body.find('"', i)
                if j < 0:
                    cell.add(body[i:])
                    break
                cell.add(body[i:j])
                state, i = _QUOTE, j + 1
            elif body[i] == '"':  # _QUOTE: a doubled quote
                cell.add('"')
                state, i = _QUOTED, i + 1
            elif body[i] == delim:
                out.append(cell.render(True) + delim)
                cell, state, i = _Cell(True), _START, i + 1
            else:
                state = _PLAIN
        if newline or not chunk:
            out.append(cell.render(state != _QUOTED) + newline)
            return "".join(out)
        chunk = more()


__all__ = ["Written", "reduce_long_line"]
