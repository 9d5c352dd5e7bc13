"""CSV/TSV files streamed as rows: delimiter sniffed, header read, long lines read in chunks.

A line longer than :data:`~criteria_engine.io.readers.LINE_CHUNK_CHARS` is rewritten before
:mod:`csv` sees it, each cell longer than :data:`~criteria_engine.io.readers.MAX_CELL_CHARS`
replaced by a marker holding its length, so a huge cell costs a few megabytes, not its size.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from criteria_engine.errors import Diagnostic, diagnostic

# readers, the public module, owns RawRow and the limits; they are looked up there when used (never
# at import: readers imports this module), so a limit changed there applies here too.
from criteria_engine.io import readers
from criteria_engine.io._csv_long import Written, reduce_long_line
from criteria_engine.io._files import check_utf8, fail, open_binary
from criteria_engine.io._rows import HeaderChoice, make_headers, make_row, pick_header
from criteria_engine.messages import Msg, msg

_DELIMITERS = (",", ";", "\t", "|")  # '|' is recognised only to be refused with advice
_DELIMITER_HINT = msg("data-delimiter.hint")
_QUOTE_HINT = msg("data-broken-row.hint")
_SNIFF_CHARS = 1 << 20

Record = tuple[int, list[str], Diagnostic | None]
"""A CSV record: the line it starts on, its cells, and the problem that kept it from being read."""


def iter_csv(path: Path, delimiter: str | None, header: HeaderChoice = None) -> Iterator[readers.RawRow]:
    check_utf8(path)
    with open_binary(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        yield from CsvFile(path, text, delimiter, header).rows()


class _StrayQuote(Exception):
    """Raised into csv by the line feed when a quoted cell stays open too long."""


def _shown(delimiter: str) -> str:
    return "TAB" if delimiter == "\t" else delimiter


class CsvFile:
    """One open CSV file: delimiter sniffed, header found; :meth:`rows` streams the records.

    Lines are fed to :mod:`csv` one at a time. A line longer than ``LINE_CHUNK_CHARS`` is first
    rewritten by :func:`~._csv_long.reduce_long_line`, which replaces each oversized cell by a marker. The
    lines of a record that runs over several lines (a quoted cell with line breaks) are kept
    until it ends: when it then has the wrong number of cells, or its quote stays open past
    ``MAX_RECORD_LINES`` / ``MAX_RECORD_CHARS``, the quote was a stray one: the record is
    reported broken at its first line and the lines after it are read again as rows.
    """

    def __init__(
        self,
        path: Path,
        text: IO[str],
        delimiter: str | None,
        header: HeaderChoice = None,
        *,
        stop_line: int | None = None,
        resume: tuple[int, list[str]] | None = None,
    ) -> None:
        self.file = str(path)
        self._text = text
        self.stop_line = stop_line
        """Records starting on this line or after it are not read (another reader's part)."""
        self.stopped_at: int | None = None
        """The line of the first record left unread because of ``stop_line`` (None: the end)."""
        self.line_no = 0 if resume is None else resume[0] - 1
        self._pending: list[str] = [] if resume is not None else self._first_lines(several=header is not None)
        self.delimiter = delimiter or self._sniff()
        self._new_record = True
        self._after_cr = False
        self._start = 0
        self._lines_of_record: list[str] = []
        self._chars_of_record = 0
        self._columns: int | None = None
        csv.field_size_limit(max(csv.field_size_limit(), readers.CSV_FIELD_LIMIT))
        self._reader = csv.reader(self._lines(), delimiter=self.delimiter)
        self.above: tuple[int, ...] = ()
        if resume is not None:  # the middle of a file whose header is known: records from here
            self.header_line, self.headers = 0, list(resume[1])
            self._columns = len(self.headers)
            self._rest = self._records()
            self._peeked = next(self._rest, None)
            return
        found = pick_header(self._records(), header, self.file)
        self.header_line, cells, self.above, self._rest = found
        self.headers = make_headers([str(c) for c in cells], self.file, self.header_line)
        self._columns = len(self.headers)
        self._peeked = next(self._rest, None)
        if delimiter is None and sum(1 for h in self.headers if h) == 1 and self._peeked:
            self._check_single_column(self._peeked[0], self._peeked[1])

    def _first_lines(self, several: bool) -> list[str]:
        """The chunks of the first non-blank line (at most ~1 MiB of it: enough to sniff) and,
        when ``several``, of the lines after it up to ``HEADER_SEARCH_ROWS`` lines or ~1 MiB."""
        while True:
            chunks = self._one_line()
            if not chunks:
                fail("data-empty", msg("data-empty.no-header"), self.file)
            if "".join(chunks).strip(" \t\r\n,;|"):  # a line of only delimiters is blank too
                break
            self.line_no += 1
        self._sniff_lines = ["".join(chunks)]
        while several and len(self._sniff_lines) < readers.HEADER_SEARCH_ROWS:
            if sum(map(len, chunks)) > _SNIFF_CHARS:
                break
            more = self._one_line()
            if not more:
                break
            chunks += more
            self._sniff_lines.append("".join(more))
        return chunks

    def _one_line(self) -> list[str]:
        chunks: list[str] = []
        while not chunks or not (chunks[-1].endswith(("\n", "\r")) or sum(map(len, chunks)) > _SNIFF_CHARS):
            chunk = self._text.readline(readers.LINE_CHUNK_CHARS)
            if not chunk:
                break
            chunks.append(chunk)
        return chunks

    def _sniff(self) -> str:
        """The delimiter used most on one line (of the first line, or of the first lines when
        the header may be below a title)."""
        best, most = ",", 0
        for line in self._sniff_lines:
            outside = re.sub(r'"[^"]*"', "", line[:_SNIFF_CHARS])
            for d in _DELIMITERS:
                if outside.count(d) > most:
                    best, most = d, outside.count(d)
        if best == "|":
            fail(
                "data-delimiter",
                msg("data-delimiter.pipe"),
                self.file,
                self.line_no + 1,
                hint=_DELIMITER_HINT,
            )
        return best

    def _check_single_column(self, line: int, cells: list[str]) -> None:
        """A one-column header is fine only if the first data row agrees."""
        filled = [c for c in cells if c.strip()]
        seps = [d for d in _DELIMITERS[1:] if len(filled) == 1 and d in filled[0]]
        if len(filled) > 1 or seps:
            shown = _shown((seps or [","])[0])
            text = msg("data-delimiter.single", line=line, delimiter=shown)
            fail("data-delimiter", text, self.file, line, hint=_DELIMITER_HINT)

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
                self._lines_of_record, self._chars_of_record = [], 0
            original = chunk
            if len(chunk) >= readers.LINE_CHUNK_CHARS and not chunk.endswith(("\n", "\r")):
                written = Written(chunk, self._read)
                chunk = reduce_long_line(chunk, written.more, self.delimiter, in_quotes)
                original = written.text() or chunk
            self._after_cr = chunk.endswith("\r")
            self.line_no += 0 if split_crlf else 1
            self._lines_of_record.append(original)
            self._chars_of_record += len(original)
            if in_quotes and (
                len(self._lines_of_record) > readers.MAX_RECORD_LINES
                or self._chars_of_record > readers.MAX_RECORD_CHARS
            ):
                raise _StrayQuote
            yield chunk

    def _records(self) -> Iterator[Record]:
        """Every non-blank record, in order; a broken one comes with its problem and no cells."""
        while True:
            self._new_record = True
            try:
                cells = next(self._reader)
            except StopIteration:
                return
            except _StrayQuote:
                if self._stops():
                    return
                yield self._broken(None)
                continue
            except csv.Error as exc:
                if self._stops():
                    return
                text = msg("data-broken-row", line=self._start, detail=str(exc))
                problem = diagnostic("data-broken-row", text, self.file, self._start)
                yield self._start, [], problem
                continue
            if self._stops():
                return
            if not any(c.strip() for c in cells):
                continue
            spanned = len(self._lines_of_record) > 1
            if spanned and self._columns is not None and self._stray_quote(cells):
                yield self._broken(len(cells))
                continue
            yield self._start, cells, None

    def _stops(self) -> bool:
        """Whether the record just read starts on :attr:`stop_line` or after it (blank records
        count: a range ends where the next range's first line starts a record)."""
        if self.stop_line is None or self._start < self.stop_line:
            return False
        self.stopped_at = self._start
        return True

    def _fits(self, cells: list[str]) -> bool:
        columns = self._columns or 0
        return len(cells) >= columns and not any(c.strip() for c in cells[columns:])

    def _stray_quote(self, cells: list[str]) -> bool:
        """A record over several lines is a stray quote's doing when a quote inside it is
        misplaced (a quoted cell must end with a quote followed by a delimiter or the end of
        the line), or when it breaks the header's number of cells and its second line holds no
        quote and reads alone as a whole row: the quote swallowed the rows after it. A record
        that keeps the row's shape is a cell with line breaks, whatever those lines hold."""
        text = "".join(self._lines_of_record)
        try:
            for _ in csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter, strict=True):
                pass
        except csv.Error:
            return True
        if self._fits(cells):  # the row's shape is kept: a cell with a line break
            return False
        second = self._lines_of_record[1]
        if '"' in second:
            return False
        try:
            alone = next(csv.reader([second.rstrip("\r\n")], delimiter=self.delimiter))
        except (csv.Error, StopIteration):
            return False
        return self._fits(alone) and len(alone) > 1

    def _broken(self, count: int | None) -> Record:
        """The record that began with a stray quote, reported at its first line; its other
        lines go back to be read again as rows."""
        start, lines = self._start, self._lines_of_record
        end = start + len(lines) - 1
        try:
            opened = len(next(csv.reader([lines[0].rstrip("\r\n")], delimiter=self.delimiter)))
        except (csv.Error, StopIteration):
            opened = 1
        self._pending[0:0] = lines[1:]
        self.line_no, self._after_cr = start, False
        self._lines_of_record, self._chars_of_record = [], 0
        self._reader = csv.reader(self._lines(), delimiter=self.delimiter)
        why: Msg
        if count is None:
            why = msg("data-broken-row.open", count=len(lines) - 1)
        elif count == self._columns:
            why = msg("data-broken-row.misplaced", end=end)
        else:
            why = msg("data-broken-row.cells", end=end, count=count, columns=self._columns)
        text = msg("data-broken-row.quote", line=start, column=opened, why=why)
        return start, [], diagnostic("data-broken-row", text, self.file, start, opened, (), _QUOTE_HINT)

    def _shape(self, line: int, cells: list[str]) -> Diagnostic | None:
        """A row with fewer cells than the header has columns: another delimiter, or cut short."""
        columns = self._columns or 0
        if len(cells) >= columns:
            return None
        text = cells[0] if len(cells) == 1 else ""
        for other in _DELIMITERS[:3]:
            if other != self.delimiter and other in text and text.count(other) + 1 >= max(2, columns // 2):
                said = msg(
                    "data-delimiter", line=line, delimiter=_shown(other), header=_shown(self.delimiter)
                )
                return diagnostic("data-delimiter", said, self.file, line, 1, (), _DELIMITER_HINT)
        said = msg("data-column-count", line=line, cells=len(cells), columns=columns)
        hint = msg("data-column-count.hint")
        return diagnostic("data-column-count", said, self.file, line, len(cells) + 1, (), hint)

    def rows(self) -> Iterator[readers.RawRow]:
        """The data rows, in file order."""
        item = self._peeked
        while item is not None:
            line, cells, problem = item
            if problem is None:
                problem = self._shape(line, cells)
                if problem is None:
                    yield make_row(self.headers, cells, line, self.file)
                elif problem.code == "data-delimiter":
                    yield readers.RawRow(line, {}, (problem,))
                else:
                    row = make_row(self.headers, cells, line, self.file)
                    yield readers.RawRow(line, row.values, (*row.problems, problem))
            else:
                yield readers.RawRow(line, {}, (problem,))
            item = next(self._rest, None)
