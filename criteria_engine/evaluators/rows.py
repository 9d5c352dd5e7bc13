"""Candidates as read from a file: a record with where it came from and what went wrong reading it.

A reader (:func:`criteria_engine.io.read_records`) gives one :class:`SourceRow` per data row,
whatever is wrong with it; :func:`evaluate_row` turns each into exactly one result: an
``invalid`` result naming the row and the column when a value could not be read or breaks the
data dictionary, else the evaluation. It never raises for the data: an engine fault on one row
becomes that row's ``engine-error`` and the run goes on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..errors import Diagnostic, diagnostic
from ..messages import Msg, msg
from ..results import FieldIssue, Provenance, Result, Status, fill_fields

if TYPE_CHECKING:
    from .plan import Plan

_NO_COLUMNS: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One data row made into a record: the typed values, and every problem found reading it.

    ``line`` is the row number a person sees in the file (the header is row 1 of a CSV);
    ``headers`` the file's column headers in order and ``columns`` the header each input came
    from, so problems name the column as the file does; ``group`` a value carried along for
    summaries (``--group-by``).
    """

    line: int
    record: dict[str, object]
    problems: tuple[Diagnostic, ...] = ()
    group: str | None = None
    file: str = ""
    headers: tuple[str, ...] = ()
    columns: Mapping[str, str] = field(default_factory=lambda: _NO_COLUMNS)
    kept: Mapping[str, str] = field(default_factory=lambda: _NO_COLUMNS)
    """Columns carried into outputs as they are (``--keep``): header -> cell text."""

    @property
    def ok(self) -> bool:
        """True when the row was read without a problem (it can be evaluated)."""
        return not self.problems


def located(text: Msg, row: int, header: str | None) -> Msg:
    """``row 5, column 'Thu nhập': message`` (unless the message already says where)."""
    if text.key == "at":
        return text
    where = msg("at.row-column", row=row, column=header) if header else msg("at.row", row=row)
    return msg("at", where=where, problem=text)


def _issue(problem: Diagnostic, row: SourceRow) -> FieldIssue:
    header = row.headers[problem.column - 1] if 0 < problem.column <= len(row.headers) else ""
    if problem.path:
        name = ".".join(str(p) for p in problem.path)
    elif header:
        name = header or f"column {problem.column}"
    else:
        name = f"row {row.line}"
    text = problem.text or msg("raw", text=problem.message)
    same_file = not problem.file or problem.file == row.file
    if not same_file:
        text = msg("at", where=Path(problem.file).name, problem=text)
    column = header if same_file and header else None
    hint = problem.hint or (msg("raw", text=problem.suggestion) if problem.suggestion else None)
    return FieldIssue.of(name, problem.code, text, column, problem.value, hint)


def _shown(value: object) -> str | None:
    """A value as its cell showed it (None when there is none, or it is a list)."""
    if value is None or isinstance(value, list | dict):
        return None
    return str(value)


def invalid_result(
    plan: Plan, row: SourceRow, record_id: str, problems: Iterable[Diagnostic], as_of: dt.date | None
) -> Result:
    """The ``invalid`` result of a row whose values could not be read or converted."""
    provenance = plan.provenance
    if as_of is not None:
        provenance = Provenance(provenance.set_id, provenance.version, provenance.digest, as_of.isoformat())
    issues = tuple(_issue(p, row) for p in problems)
    return Result(
        record_id, Status.INVALID, None, None, None, (), provenance, errors=issues, plan=plan,
        row=row.line, group=row.group, kept=row.kept,
    )  # fmt: skip


def evaluate_row(
    plan: Plan, row: SourceRow, *, as_of: dt.date | None = None, detail: bool = True, id_field: str = "id"
) -> Result:
    """The result of one row read from a file (never raises for its data)."""
    raw_id = row.record.get(id_field)
    record_id = "" if raw_id is None else str(raw_id)
    if row.problems:
        return invalid_result(plan, row, record_id, row.problems, as_of)
    try:
        result = plan.evaluate(row.record, as_of=as_of, detail=detail, id_field=id_field)
    except Exception as exc:  # an engine fault must not lose the row (nor stop the run)
        origin = plan.origin(exc)
        where = (
            msg("at.row.rule", row=row.line, file=Path(origin.file).name, line=origin.line)
            if origin is not None and origin.line
            else msg("at.row", row=row.line)
        )
        problem = diagnostic("engine-error", msg("engine-error", where=where, detail=repr(exc)))
        return invalid_result(plan, row, record_id, [problem], as_of)
    if result.status == Status.INVALID:
        errors = tuple(
            FieldIssue.of(
                e.field,
                e.code,
                located(
                    e.text or msg("raw", text=e.message), row.line, row.columns.get(e.field.split("[")[0])
                ),
                row.columns.get(e.field.split("[")[0]),
                _shown(row.record.get(e.field)),
                e.hint or (msg("raw", text=e.fix) if e.fix else None),
            )
            for e in result.errors
        )
        return replace(result, errors=errors, row=row.line, group=row.group, kept=row.kept)
    # The result was just made for this row and is seen by no one else yet: say where it
    # comes from without building a copy (a lazily built result stays lazy).
    fill_fields(result, row=row.line, group=row.group, kept=row.kept)
    return result


__all__ = ["SourceRow", "evaluate_row", "invalid_result", "located"]
