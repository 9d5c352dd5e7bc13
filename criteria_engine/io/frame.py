"""Evaluating a pandas DataFrame: one row per candidate in, one row per candidate out.

pandas is optional (``pip install criteria_engine[pandas]``); it is imported only when
:func:`evaluate_frame` is called, and its absence is a clear error, not an ImportError from
deep inside. Columns are matched to the set's inputs and values converted exactly as for a
spreadsheet (:class:`~criteria_engine.io.columns.ColumnMap`,
:class:`~criteria_engine.io.row_convert.RowConverter`); empty cells (``NaN``, ``None``, ``NaT``)
are missing values.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import importlib
import math
from collections.abc import Mapping
from typing import Any

from ..errors import DataError, Diagnostic, diagnostic
from ..evaluators.plan import Plan
from ..evaluators.records import id_text
from ..evaluators.rows import SourceRow, evaluate_row
from ..messages import Arg, listing, msg
from .columns import ColumnMap
from .row_convert import RowConverter

PANDAS_MISSING = str(msg("pandas-missing"))


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")  # optional: imported when it is used
    except ImportError:
        raise DataError([diagnostic("pandas-missing", msg("pandas-missing"))]) from None


def _cell(value: object) -> object:
    """A DataFrame cell as the readers give it: missing as None, numpy scalars as Python's."""
    if value is None:
        return None
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, list | tuple | dict | str):
        with contextlib.suppress(TypeError, ValueError):  # numpy scalars only; others keep
            value = item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    return value


def evaluate_frame(
    plan: Plan,
    frame: Any,
    *,
    as_of: dt.date | None = None,
    column_map: Mapping[str, str] | None = None,
    members: Mapping[str, Any] | None = None,
    id_field: str = "id",
) -> Any:
    """Evaluate every row of a pandas DataFrame; returns a DataFrame with the same index.

    The result has the columns ``id``, ``status``, ``score``, ``max_score``, ``percent``,
    ``rating``, then one column per criterion id holding its verdict (``pass``, ``fail``,
    ``unknown``, ``not_applicable``; empty for an ``invalid`` row). A row whose cells cannot be
    read is ``invalid``, like a spreadsheet row; ``column_map`` maps column names to input
    names first, as ``--map`` does. ``members`` gives list inputs as DataFrames of their own,
    one row per member linked by ``<subject>_id`` (``{"persons": persons_frame}``).
    """
    pandas = _pandas()
    headers = [str(c) for c in frame.columns]
    columns, _notes = ColumnMap.build(headers, plan.model.inputs, id_field=id_field, extra=column_map)
    convert = RowConverter(columns, plan.model.inputs)
    lists = {name: _member_lists(plan, name, table) for name, table in (members or {}).items()}
    inputs = {name: header for header, (kind, name) in columns.targets.items() if kind == "input"}
    criteria = [c.id for c in plan.criteria]
    rows: list[dict[str, object]] = []
    for position, values in enumerate(frame.itertuples(index=False, name=None), start=1):
        cells = {h: _cell(v) for h, v in zip(headers, values, strict=True)}
        record, problems = convert.convert(cells, position)
        key = id_text(record.get(id_field))
        for name, (groups, group_problems) in lists.items():
            record.setdefault(name, groups.get(key, []) if key is not None else [])
            problems.extend(group_problems.get(key, ()) if key is not None else ())
        source = SourceRow(position, record, tuple(problems), None, "", tuple(headers), inputs)
        result = evaluate_row(plan, source, as_of=as_of, detail=False, id_field=id_field)
        verdicts = {c.id: str(c.verdict) for c in result.criteria}
        rows.append(
            {
                "id": result.id,
                "status": str(result.status),
                "score": result.score,
                "max_score": result.max_score,
                "percent": result.percent,
                "rating": result.rating,
                **{cid: verdicts.get(cid) for cid in criteria},
            }
        )
    order = ["id", "status", "score", "max_score", "percent", "rating", *criteria]
    return pandas.DataFrame(rows, index=frame.index, columns=order)


def _member_lists(
    plan: Plan, name: str, table: Any
) -> tuple[dict[str, list[dict[str, object]]], dict[str, list[Diagnostic]]]:
    """A members' DataFrame as lists of converted records by the candidate id they link to."""
    spec = plan.model.inputs.get(name)
    if spec is None or spec.type != "list":
        lists = [n for n, s in plan.model.inputs.items() if s.type == "list"]
        known: Arg = listing(lists) if lists else msg("list.none")
        text = msg("data-bad-children.frame", name=name, ref=plan.revision.ref, lists=known)
        raise DataError([diagnostic("data-bad-children", text)])
    link = f"{plan.model.subject}_id"
    items = spec.items or {}
    headers = [str(c) for c in table.columns]
    columns, _notes = ColumnMap.build(headers, items, links=[link])
    convert = RowConverter(columns, items)
    groups: dict[str, list[dict[str, object]]] = {}
    problems: dict[str, list[Diagnostic]] = {}
    for position, values in enumerate(table.itertuples(index=False, name=None), start=1):
        record, found = convert.convert({h: _cell(v) for h, v in zip(headers, values, strict=True)}, position)
        key = id_text(record.pop(link, None))
        if key is not None:
            groups.setdefault(key, []).append(record)
            problems.setdefault(key, []).extend(dataclasses.replace(d, path=(name, *d.path)) for d in found)
    return groups, problems


__all__ = ["PANDAS_MISSING", "evaluate_frame"]
