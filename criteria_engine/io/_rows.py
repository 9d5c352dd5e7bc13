"""From cells to rows, for every format: header cells checked and named, data cells put under
their headers as a :class:`~criteria_engine.io.readers.RawRow`, oversized and extra cells reported."""

from __future__ import annotations

import re
from collections.abc import Sequence

from criteria_engine.errors import Diagnostic

# readers, the public module, owns RawRow and the limits; they are looked up there when used (never
# at import: readers imports this module), so a limit changed there applies here too.
from criteria_engine.io import readers
from criteria_engine.io._files import fail

_MARKER_RE = re.compile("\x00cell-too-large:([0-9]+)\x00")


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def preview(values: Sequence[object], limit: int = 3) -> str:
    shown = [f"'{v if len(str(v)) <= 40 else str(v)[:39] + '…'}'" for v in values[:limit]]
    return ", ".join(shown) + (", …" if len(values) > limit else "")


def make_headers(cells: Sequence[object], file: str, line: int) -> list[str]:
    """Header cells as names: stripped, trailing empty ones dropped, size and duplicates checked."""
    names = ["" if c is None else _text(c).strip() for c in cells]
    while names and not names[-1]:
        names.pop()
    if len(names) > readers.MAX_COLUMNS:
        message = f"the header has {len(names):,} columns; at most {readers.MAX_COLUMNS:,} are supported"
        fail("data-too-many-columns", message, file, line)
    seen: dict[str, int] = {}
    for index, name in enumerate(names, start=1):
        if _MARKER_RE.search(name):
            message = f"header cell {index} is larger than {readers.MAX_CELL_CHARS:,} characters"
            fail("data-cell-too-large", message, file, line, index)
        if name and name in seen:
            message = f"columns {seen[name]} and {index} are both named '{name}'"
            fail("data-duplicate-column", message, file, line, index, "rename one of them")
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
            label = f"column '{name}'" if name else f"column {index + 1}"
            problems.append(
                Diagnostic(
                    "data-cell-too-large",
                    f"row {line}, {label}: the cell has {size:,} characters, more than the limit of "
                    f"{readers.MAX_CELL_CHARS:,}; it is left out",
                    file,
                    line,
                    index + 1,
                )
            )
        elif name:
            values[name] = cell
        elif not is_blank(cell):
            extra.append(cell)
            first_extra = first_extra or index + 1
    if extra:
        problems.append(
            Diagnostic(
                "data-extra-cells",
                f"row {line} has {len(extra)} value(s) in columns without a header "
                f"(the header has {sum(1 for h in headers if h)} named columns): {preview(extra)}; left out",
                file,
                line,
                first_extra,
            )
        )
    return readers.RawRow(line, values, tuple(problems))
