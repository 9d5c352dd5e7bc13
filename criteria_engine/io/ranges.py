"""A CSV or JSONL file cut into byte ranges that other processes read at the same time.

:func:`split_points` chooses where ranges start: just after a line break, with the number of the
line that starts there (counted the way each reader counts lines). :func:`range_rows` reads one
range as the whole-file reader would read those rows: the first range from the top of the file
(title block, header row), the others from their first line with the header known. A range
ends before the first record that starts on the next range's first line or after it, and
says which line that record started on (:attr:`RangeRows.stopped_at`).

A CSV cell may hold a line break, so the line a range starts on might be inside a record: the
reader of the range before it then stops on a later line than the next range started on.
Whoever puts the ranges together checks that (:attr:`RangeRows.stopped_at` equals the next
range's first line) and reads again what was not read from a record's start.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ._csv_reader import CsvFile
from ._files import open_binary
from ._json_reader import jsonl_records
from .readers import RawRow

BLOCK = 1 << 20


@dataclass(frozen=True)
class Range:
    """Where a range starts (byte offset, line number) and where the next one starts (None for
    the last). ``skip_before``: rows starting before this line are read but left out (a range
    read again from an earlier start)."""

    start: int
    line: int
    stop: int | None
    stop_line: int | None
    skip_before: int = 0


@dataclass(frozen=True)
class Layout:
    """What every range of a file needs to know: its format, CSV delimiter and header."""

    path: str
    kind: str
    delimiter: str = ","
    headers: tuple[str, ...] = ()
    header_line: int = 0


def csv_layout(path: str, kind: str, header_line: int) -> Layout:
    """The delimiter and header of a CSV/TSV file whose header is on ``header_line``."""
    with open_binary(Path(path)) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        found = CsvFile(Path(path), text, "\t" if kind == "tsv" else None, header_line)
        return Layout(path, kind, found.delimiter, tuple(found.headers), found.header_line)


def _breaks(data: bytes, cr: bool) -> int:
    """Line breaks in ``data``: ``\\n`` (and, when ``cr``, ``\\r`` and ``\\r\\n``, as csv reads)."""
    if not cr:
        return data.count(b"\n")
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


def split_points(path: str, size: int, cr: bool, after_line: int = 0) -> list[tuple[int, int]]:
    """(byte offset, line number) of the line starts every ``size`` bytes or so: each is the
    first line starting at or after the target, and on a line after ``after_line``. ``cr``
    counts ``\\r`` as a line break too (CSV; JSONL breaks lines on ``\\n`` only)."""
    points: list[tuple[int, int]] = []
    line, base, target, last_cr = 1, 0, size, False
    with open_binary(Path(path)) as raw:
        while block := raw.read(BLOCK):
            done = 0
            while target < base + len(block):
                found = block.find(b"\n", max(done, target - base))
                if found < 0:
                    break
                part = block[done : found + 1]
                line += _breaks(part, cr) - (1 if cr and last_cr and part.startswith(b"\n") else 0)
                last_cr, done = False, found + 1
                if line > after_line + 1:
                    points.append((base + done, line))
                target = base + done + size
            part = block[done:]
            line += _breaks(part, cr) - (1 if cr and last_cr and part.startswith(b"\n") else 0)
            last_cr = cr and part.endswith(b"\r")
            base += len(block)
    return [point for point in points if point[0] < base]  # a range starts before the end


def ranges(points: list[tuple[int, int]]) -> list[Range]:
    """The ranges between split points (the first from the top of the file)."""
    starts = [(0, 1), *points]
    stops: list[tuple[int, int] | tuple[None, None]] = [*points, (None, None)]
    return [Range(offset, line, *stop) for (offset, line), stop in zip(starts, stops, strict=True)]


class RangeRows:
    """The rows of one range, in order; :attr:`stopped_at` (after the last) is the line of the
    first record left to the next range, None at the end of the file; :attr:`offset` is the
    byte offset of the last row's line (JSONL)."""

    def __init__(self, layout: Layout, part: Range) -> None:
        self.layout, self.part = layout, part
        self.stopped_at: int | None = None
        self.offset = part.start
        self._raw: IO[bytes] | None = None

    def position(self) -> int:
        """About how far the reading has got, in bytes (read ahead by a buffer or two)."""
        raw = self._raw
        return raw.tell() if raw is not None and not raw.closed else self.offset

    def __iter__(self) -> Iterator[RawRow]:
        layout, part = self.layout, self.part
        with open_binary(Path(layout.path)) as raw:
            self._raw = raw
            raw.seek(part.start)
            if layout.kind == "jsonl":
                for offset, row in jsonl_records(raw, layout.path, part.line, part.start, part.stop):
                    self.offset = offset
                    if row.row_number >= part.skip_before:
                        yield row
                self.stopped_at = part.stop_line  # a JSONL record is one line: ranges meet exactly
                return
            text = io.TextIOWrapper(raw, encoding="utf-8-sig" if part.start == 0 else "utf-8", newline="")
            if part.start == 0:
                delimiter = "\t" if layout.kind == "tsv" else None
                reader = CsvFile(
                    Path(layout.path), text, delimiter, layout.header_line, stop_line=part.stop_line
                )
            else:
                resume = (part.line, list(layout.headers))
                reader = CsvFile(
                    Path(layout.path), text, layout.delimiter, stop_line=part.stop_line, resume=resume
                )
            for row in reader.rows():
                if row.row_number >= part.skip_before:
                    yield row
            self.stopped_at = reader.stopped_at


__all__ = ["Layout", "Range", "RangeRows", "csv_layout", "ranges", "split_points"]
