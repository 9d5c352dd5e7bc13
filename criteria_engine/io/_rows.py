"""From cells to rows, for every format: header cells checked and named, data cells put under
their headers as a :class:`~criteria_engine.io.readers.RawRow`, oversized and extra cells reported."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from criteria_engine.errors import Diagnostic, diagnostic

# readers, the public module, owns RawRow and the limits; they are looked up there when used (never
# at import: readers imports this module), so a limit changed there applies here too.
from criteria_engine.io import readers
from criteria_engine.io._files import fail
from criteria_engine.messages import msg

_MARKER_RE = re.compile("\x00cell-too-large:([0-9]+)\x00")


HeaderChoice = int | Callable[[Sequence[object]], int] | None
"""Which row is the header: its row number (a sheet row, a CSV line); a count of the cells of
a row that name an input (the header is the first of the first :data:`HEADER_SEARCH_ROWS`
non-blank rows where at least two cells, and most, name one; else the row where most do);
or None for the first non-blank row."""

HEADER_SEARCH_ROWS = 30
"""How many non-blank rows at the top of a table are searched for the header row."""

Record = TypeVar("Record", bound=tuple[Any, ...])


def pick_header(
    records: Iterable[Record], choice: HeaderChoice, file: str
) -> tuple[int, list[object], tuple[int, ...], Iterator[Record]]:
    """The header among ``records`` (tuples starting with the row number and the cells):
    (its number, its cells, the numbers of the non-blank rows above it, the rows after it).

    A header cell left empty under a band of headings just above it (a merged cell spanning
    two header rows) takes the heading above it.
    """
    stream = iter(records)
    seen: list[Record] = []
    if isinstance(choice, int):
        hint = msg("data-bad-header-row.hint")
        for record in stream:
            if record[0] == choice:
                return _header(record, seen, stream)
            if record[0] > choice:
                fail(
                    "data-bad-header-row",
                    msg("data-bad-header-row.empty", row=choice),
                    file,
                    choice,
                    hint=hint,
                )
            seen.append(record)
        fail("data-bad-header-row", msg("data-bad-header-row", row=choice), file, choice, hint=hint)
    best, best_count = 0, 1
    for record in stream:
        seen.append(record)
        if choice is None:
            return _header(record, [], stream)
        count = choice(record[1])
        filled = sum(1 for c in record[1] if not is_blank(c))
        if count >= 2 and 2 * count >= filled:
            return _header(record, seen[:-1], stream)
        if count > best_count:
            best, best_count = len(seen) - 1, count
        if len(seen) >= HEADER_SEARCH_ROWS:
            break
    if not seen:
        fail("data-empty", msg("data-empty.no-header"), file)
    return _header(seen[best], seen[:best], _chain(seen[best + 1 :], stream))


def _chain(first: list[Record], rest: Iterator[Record]) -> Iterator[Record]:
    yield from first
    yield from rest


def _header(
    record: Record, above: list[Record], rest: Iterator[Record]
) -> tuple[int, list[object], tuple[int, ...], Iterator[Record]]:
    number, cells = int(record[0]), list(record[1])
    if above and above[-1][0] == number - 1:
        band = list(above[-1][1])
        if sum(1 for c in band if not is_blank(c)) >= 2:
            cells += [None] * max(0, len(band) - len(cells))
            cells = [band[i] if is_blank(c) and i < len(band) else c for i, c in enumerate(cells)]
    return number, cells, tuple(int(r[0]) for r in above), rest


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def preview(values: Sequence[object], limit: int = 3) -> str:
    shown = [f"'{v if len(str(v)) <= 40 else str(v)[:39] + '…'}'" for v in values[:limit]]
    return ", ".join(shown) + (", …" if len(values) > limit else "")


def make_headers(cells: Sequence[object], file: str, line: int) -> list[str]:
    """Header cells as names: stripped (inner line breaks and spaces made one space), trailing
    empty ones dropped, size and duplicates checked."""
    names = [
        "" if c is None or c is readers.FORMULA_WITHOUT_VALUE else " ".join(_text(c).split()) for c in cells
    ]
    while names and not names[-1]:
        names.pop()
    if len(names) > readers.MAX_COLUMNS:
        text = msg("data-too-many-columns", count=len(names), limit=readers.MAX_COLUMNS)
        fail("data-too-many-columns", text, file, line)
    seen: dict[str, int] = {}
    for index, name in enumerate(names, start=1):
        if _MARKER_RE.search(name):
            text = msg("data-cell-too-large.header", index=index, limit=readers.MAX_CELL_CHARS)
            fail("data-cell-too-large", text, file, line, index)
        if name and name in seen:
            text = msg("data-duplicate-column.header", first=seen[name], second=index, name=name)
            fail("data-duplicate-column", text, file, line, index, msg("data-duplicate-column.header-hint"))
        seen.setdefault(name, index)
    return names


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def make_row(headers: Sequence[str], cells: Sequence[object], line: int, file: str) -> readers.RawRow:
    """Cells under their headers; oversized cells and cells without a header become problems."""
    if len(cells) <= len(headers) and "" not in headers:
        # The common row (text cells, none oversized or marked, none past the header): one
        # join tells it at C speed instead of a length test and a search per cell.
        try:
            joined = "".join(cells)  # type: ignore[arg-type]
        except TypeError:  # not all text (a spreadsheet's numbers): the careful path below
            joined = None
        if joined is not None and len(joined) <= readers.MAX_CELL_CHARS and "\x00" not in joined:
            return readers.RawRow(line, dict(zip(headers, cells, strict=False)), ())
    values: dict[str, object] = {}
    problems: list[Diagnostic] = []
    extra: list[object] = []
    first_extra = 0
    for index, cell in enumerate(cells):
        name = headers[index] if index < len(headers) else ""
        if isinstance(cell, str) and (len(cell) > readers.MAX_CELL_CHARS or _MARKER_RE.search(cell)):
            found = _MARKER_RE.search(cell)
            size = int(found.group(1)) if found else len(cell)
            where = (
                msg("at.row-column", row=line, column=name)
                if name
                else msg("at.row-column-number", row=line, number=index + 1)
            )
            text = msg("data-cell-too-large", where=where, size=size, limit=readers.MAX_CELL_CHARS)
            problems.append(diagnostic("data-cell-too-large", text, file, line, index + 1))
        elif name:
            values[name] = cell
        elif not is_blank(cell):
            extra.append(cell)
            first_extra = first_extra or index + 1
    if extra:
        named = sum(1 for h in headers if h)
        text = msg("data-extra-cells", line=line, count=len(extra), named=named, preview=preview(extra))
        problems.append(diagnostic("data-extra-cells", text, file, line, first_extra))
    return readers.RawRow(line, values, tuple(problems))
