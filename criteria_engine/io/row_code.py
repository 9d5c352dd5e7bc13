"""A row converter written as Python code for one table's columns: each column's target and
conversion are chosen once, when the table's header is read, instead of for every cell.

:func:`compile_columns` writes one function per column map. For each mapped column it reads the
cell (``values.get(header)``), and for a text cell looks its converted value up in the input's
memo (a dict of cell text -> value: a column's texts repeat, ``có``, ``0``, ``rural``); a text
seen for the first time, and any other kind of cell, goes through the callbacks given. The
code holds no text of the file: headers, input names and memos are constants passed in by
position (``H3``, ``N3``, ``M3``), so a header is never read as code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from criteria_engine.messages import Msg

__all__ = ["ABSENT", "SKIP", "Bad", "Column", "compile_columns"]


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


ABSENT = _Marker("ABSENT")
"""A header the row has no cell for (a short row, a JSON record without the key)."""
SKIP = _Marker("SKIP")
"""A cell converted to nothing: the input is left out of the record (missing data)."""
_NEW = _Marker("NEW")


class Bad:
    """A cell that cannot be converted (wholly): the problem's text, and the value kept despite
    it (a list whose items are kept but some of their fields; :data:`SKIP` otherwise)."""

    __slots__ = ("problem", "value")

    def __init__(self, problem: Msg, value: object = SKIP) -> None:
        self.problem, self.value = problem, value


@dataclass(frozen=True)
class Column:
    """One mapped column: its header, the record field it fills, and how.

    ``memo`` is the input's dict of converted texts (None for the id, links and lists, which
    are not remembered); ``is_id`` marks the id and link columns (kept as id text).
    """

    header: str
    name: str
    memo: dict[str, object] | None
    is_id: bool = False


Converter = Callable[
    [Mapping[str, object], int], tuple[dict[str, object], list[tuple[int, object, Msg]] | None]
]
"""The compiled function: (cells by header, row number) -> (record, problems as (column index,
cell, problem) or None)."""


def compile_columns(
    columns: Sequence[Column],
    learn: Callable[[int, str], object],
    slow: Callable[[int, object], object],
    id_text: Callable[[object], str | None],
) -> Converter:
    """The converter of ``columns``.

    ``learn(i, text)`` converts a text cell of column ``i`` seen for the first time (and may
    remember it in the column's memo); ``slow(i, cell)`` converts any other cell. Both give the
    value, :data:`SKIP` or a :class:`Bad`. ``id_text`` makes id and link cells text.
    """
    lines = ["def convert(values, row_number):", "    get = values.get", "    record = {}", "    bad = None"]
    names: dict[str, object] = {
        "ABSENT": ABSENT,
        "SKIP": SKIP,
        "NEW": _NEW,
        "BAD": Bad,
        "LEARN": learn,
        "SLOW": slow,
        "ID_TEXT": id_text,
        "str": str,
    }
    for i, column in enumerate(columns):
        names[f"H{i}"], names[f"N{i}"] = column.header, column.name
        lines.append(f"    v = get(H{i}, ABSENT)")
        if column.is_id:
            lines += [
                "    if v is not ABSENT and v is not None:",
                "        t = ID_TEXT(v)",
                "        if t:",
                f"            record[N{i}] = t",
            ]
            continue
        if column.memo is not None:
            names[f"M{i}"] = column.memo
            lines += [
                "    if v.__class__ is str:",
                f"        x = M{i}.get(v, NEW)",
                "        if x is NEW:",
                f"            x = LEARN({i}, v)",
                "    elif v is ABSENT:",
                "        x = SKIP",
                "    else:",
                f"        x = SLOW({i}, v)",
            ]
        else:
            lines.append(f"    x = SKIP if v is ABSENT else SLOW({i}, v)")
        lines += [
            "    if x.__class__ is BAD:",
            "        if bad is None:",
            "            bad = []",
            f"        bad.append(({i}, v, x.problem))",
            "        if x.value is not SKIP:",
            f"            record[N{i}] = x.value",
            "    elif x is not SKIP:",
            f"        record[N{i}] = x",
        ]
    lines.append("    return record, bad")
    namespace: dict[str, Any] = {"__builtins__": {}, **names}
    exec(compile("\n".join(lines), "<criteria row converter>", "exec"), namespace)
    converter: Converter = namespace["convert"]
    return converter
