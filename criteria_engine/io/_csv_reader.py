"""CSV/TSV files streamed as rows: delimiter sniffed, header read, long lines read in chunks.

A line longer than :data:`~criteria_engine.io.readers.LINE_CHUNK_CHARS` is rewritten before
:mod:`csv` sees it, each cell longer than :data:`~criteria_engine.io.readers.MAX_CELL_CHARS`
replaced by a marker holding its length, so a huge cell costs a few megabytes, not its size.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from criteria_engine.errors import Diagnostic

# readers, the public module, owns RawRow and the limits; they are looked up there when used (never
# at import: readers imports this module), so a limit changed there applies here too.
from criteria_engine.io import readers
from criteria_engine.io._files import check_utf8, fail, open_binary
from criteria_engine.io._rows import make_headers, make_row

_DELIMITERS = (",", ";", "\t", "|")  # '|' is recognised only to be refused with advice
_DELIMITER_HINT = "separate the columns with ',' or ';' (or tabs, as .tsv), the same in every row"


def iter_csv(path: Path, delimiter: str | None) -> Iterator[readers.RawRow]:
    check_utf8(path)
    with open_binary(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        yield from CsvFile(path, text, delimiter).rows()


class CsvFile:
    """One open CSV file: delimiter sniffed, header read; :meth:`rows` streams the records.

    Lines are fed to :mod:`csv` one at a time. A line longer than ``LINE_CHUNK_CHARS`` is first
    rewritten by :func:`_reduce_long_line`, which replaces each oversized cell by a marker.
    """

    def __init__(self, path: Path, text: IO[str], delimiter: str | None) -> None:
        self.file = str(path)
        self._text = text
        self.line_no = 0
        self._pending: list[str] = self._first_line()
        self.delimiter = delimiter or self._sniff("".join(self._pending))
        self._new_record = True
        self._after_cr = False
        self._start = 0
        csv.field_size_limit(max(csv.field_size_limit(), readers.CSV_FIELD_LIMIT))
        self._reader = csv.reader(self._lines(), delimiter=self.delimiter)
        header = self._next_record()
        if header is None:
            fail("data-empty", "the file has no header row", self.file)
        self.header_line = header[0]
        self.headers = make_headers(header[1], self.file, header[0])
        self._peeked = self._next_record()
        if delimiter is None and sum(1 for h in self.headers if h) == 1 and self._peeked:
            self._check_single_column(*self._peeked)

    def _first_line(self) -> list[str]:
        """The chunks of the first non-blank line (at most ~1 MiB of it: enough to sniff)."""
        while True:
            chunks: list[str] = []
            while not chunks or not (chunks[-1].endswith(("\n", "\r")) or sum(map(len, chunks)) > 1 << 20):
                chunk = self._text.readline(readers.LINE_CHUNK_CHARS)
                if not chunk:
                    break
                chunks.append(chunk)
            if not chunks:
                fail("data-empty", "the file is empty (no header row)", self.file)
            if "".join(chunks).strip(" \t\r\n,;|"):  # a line of only delimiters is blank too
                return chunks
            self.line_no += 1

    def _sniff(self, line: str) -> str:
        outside = re.sub(r'"[^"]*"', "", line)
        counts = {d: outside.count(d) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        if best == "|" and counts[best]:
            message = "the header row is separated by '|', which is not a CSV delimiter"
            fail("data-delimiter", message, self.file, self.line_no + 1, hint=_DELIMITER_HINT)
        return best if counts[best] else ","

    def _check_single_column(self, line: int, cells: list[str], _error: str | None) -> None:
        """A one-column header is fine only if the first data row agrees."""
        filled = [c for c in cells if c.strip()]
        seps = [d for d in _DELIMITERS[1:] if len(filled) == 1 and d in filled[0]]
        if len(filled) > 1 or seps:
            shown = "TAB" if seps[:1] == ["\t"] else (seps or [","])[0]
            message = f"the header has a single column but row {line} has cells separated by '{shown}'"
            fail("data-delimiter", message, self.file, line, hint=_DELIMITER_HINT)

    def _read(self) -> str:
        return self._pending.pop(0) if self._pending else self._text.readline(readers.LINE_CHUNK_CHARS)

    def _lines(self) -> Iterator[str]:
        """Physical lines for csv. csv asks for a line within a record only when the record's
        previous line ended inside a quoted cell, so that is known without parsing."""
        while True:
            chunk = self._read()
            if not chunk:
                return
            split_crlf = chunk == "\n" and self._after_cr  # a CRLF cut by the chunk size: same line
            in_quotes = not self._new_record
            if self._new_record:
                self._new_record, self._start = False, self.line_no + 1
            if len(chunk) >= readers.LINE_CHUNK_CHARS and not chunk.endswith(("\n", "\r")):
                chunk = _reduce_long_line(chunk, self._read, self.delimiter, in_quotes)
            self._after_cr = chunk.endswith("\r")
            self.line_no += 0 if split_crlf else 1
            yield chunk

    def _next_record(self) -> tuple[int, list[str], str | None] | None:
        """The next non-blank record as (start line, cells, csv error), or None at the end."""
        while True:
            self._new_record = True
            try:
                cells = next(self._reader)
            except StopIteration:
                return None
            except csv.Error as exc:
                return self._start, [], str(exc)
            if any(c.strip() for c in cells):
                return self._start, cells, None

    def rows(self) -> Iterator[readers.RawRow]:
        """The data rows, in file order."""
        item = self._peeked
        while item is not None:
            line, cells, error = item
            if error is None:
                yield make_row(self.headers, cells, line, self.file)
            else:
                problem = Diagnostic(
                    "data-cell-too-large", f"row {line} cannot be read: {error}", self.file, line
                )
                yield readers.RawRow(line, {}, (problem,))
            item = self._next_record()


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


def _reduce_long_line(first: str, more: Callable[[], str], delim: str, in_quotes: bool) -> str:
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
