"""What reading a file found, told so that nothing is missed: warnings grouped, counts that add
up (rows read = results + rows skipped), empty cells counted by column, a banner when most rows
are invalid, and every problem as one row of a data-quality list (row, column, value,
problem, fix).

Pure bookkeeping: :class:`DataQuality` is fed diagnostics and results and gives diagnostics
and lines back; printing is the command line's. Messages are English; the closing notes also
have Vietnamese wording (:data:`NOTES_VI`, keyed by code) for the language of the run.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..errors import Diagnostic, Severity
from ..explain.i18n import pick
from ..format.models import InputSpec
from ..results import Result, Status
from .convert import how_to_write

GROUPED = {
    "data-unknown-column": "{n} columns are not inputs and are ignored: {items}",
    "data-missing-column": "{n} inputs have no column and will be missing: {items}",
    "data-column-guessed": "{n} columns are read as the input whose label they begin: {items}",
    "data-total-row": "{n} totals rows are skipped, not evaluated: {items}",
    "data-map-unused": "{n} column map entries name no column of any table: {items}",
}
"""Warnings given once per column or row, told in one line when there are several."""
GROUP_AT = 3

NOTES_VI = {
    "data-blank-cells": "{count} ô trống ở cột '{column}' ({label}): các tiêu chí cần giá trị này chưa xác định được",
    "data-rows-counted": "Số dòng đọc được: {rows} = {results} kết quả + {skipped} dòng bỏ qua (dòng tổng cộng)",
    "data-many-invalid": (
        "CẢNH BÁO: {invalid}/{total} dòng ({percent}%) không đọc được — có thể sai dòng tiêu đề, "
        "sai cột hoặc sai tệp; xem danh sách vấn đề dữ liệu (--format problems)"
    ),
    "data-warnings-again": "Cần xem lại ({count} cảnh báo):",
}
"""Vietnamese wording of the closing notes (for the catalogue of messages)."""

_QUOTED = re.compile(r"'([^']*)'")
_PLACE = re.compile(r"^row [0-9]+(?:, column '[^']*')?: ")


def group_warnings(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` with each kind in :data:`GROUPED` told in one line when it comes
    :data:`GROUP_AT` times or more (naming the first few columns or rows)."""
    by_code: dict[str, list[Diagnostic]] = {}
    for diag in diagnostics:
        by_code.setdefault(diag.code, []).append(diag)
    out: list[Diagnostic] = []
    done: set[str] = set()
    for diag in diagnostics:
        same = by_code[diag.code]
        if diag.code not in GROUPED or len(same) < GROUP_AT:
            out.append(diag)
        elif diag.code not in done:
            done.add(diag.code)
            subjects = [_subject(d) for d in same]
            items = ", ".join(subjects[:8]) + (", …" if len(subjects) > 8 else "")
            message = GROUPED[diag.code].format(n=len(same), items=items)
            hints = {d.suggestion for d in same if d.suggestion}
            hint = next(iter(hints)) if len(hints) == 1 else None
            out.append(
                Diagnostic(diag.code, message, diag.file, diag.line, diag.column, (), hint, diag.severity)
            )
    return out


def _subject(diag: Diagnostic) -> str:
    if diag.code == "data-total-row":
        return f"row {diag.line}"
    found = _QUOTED.search(diag.message)
    return f"'{found.group(1)}'" if found else diag.message


@dataclass
class ProblemRow:
    """One problem of the data as a row of the data-quality list."""

    row: int | None
    id: str
    column: str
    value: str
    problem: str
    fix: str
    code: str

    def cells(self) -> list[object]:
        """The row's cells, in the order of :data:`PROBLEM_COLUMNS`."""
        return [self.row, self.id, self.column, self.value, self.problem, self.fix, self.code]


PROBLEM_COLUMNS = {
    "vi": ["Dòng", "Mã", "Cột", "Giá trị", "Vấn đề", "Cách sửa", "Mã lỗi"],
    "en": ["Row", "Id", "Column", "Value", "Problem", "Fix", "Code"],
}
"""The header of the data-quality list, per language."""


def result_problems(
    result: Result, inputs: Mapping[str, InputSpec], columns: Mapping[str, str], lang: str
) -> list[ProblemRow]:
    """The problems of one result: each field of an invalid one, each missing value of one left
    undetermined (the cell to fill in)."""
    out: list[ProblemRow] = []
    for issue in result.errors:
        name = issue.field.split(".")[0].split("[")[0]
        spec = inputs.get(name)
        fix = issue.fix or (how_to_write(spec) if spec is not None and issue.code == "data-bad-value" else "")
        column = issue.column or columns.get(name) or issue.field
        problem = _PLACE.sub("", issue.message)
        out.append(ProblemRow(result.row, result.id, column, issue.value or "", problem, fix, issue.code))
    if result.status != Status.INVALID:
        for name in result.missing:
            spec = inputs.get(name)
            label = pick(spec.label, lang) if spec is not None else name
            problem = f"no value for '{name}' ({label}): the criteria that read it are undetermined"
            out.append(
                ProblemRow(
                    result.row,
                    result.id,
                    columns.get(name, label),
                    "",
                    problem,
                    "fill in the value",
                    "data-missing-value",
                )
            )
    return out


def note_problems(notes: Iterable[Diagnostic]) -> list[ProblemRow]:
    """Rows of the data-quality list for problems of the file rather than of a candidate
    (totals rows skipped, columns not read...)."""
    return [
        ProblemRow(d.line or None, "", "", d.value or "", d.message, d.suggestion or "", d.code)
        for d in notes
    ]


@dataclass
class DataQuality:
    """Everything a run's reading found, for the closing notes."""

    warnings: list[Diagnostic] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    missing: Counter[str] = field(default_factory=Counter)

    def warn(self, diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
        """Keep ``diagnostics``; return them grouped, to print now."""
        kept = [d for d in diagnostics]
        self.warnings.extend(kept)
        return group_warnings(kept)

    def count(self, result: Result) -> None:
        """Count one result (its status and the inputs it lacked)."""
        self.statuses[result.status] += 1
        if result.status != Status.INVALID:
            self.missing.update(result.missing)

    @property
    def results(self) -> int:
        return sum(self.statuses.values())

    def blank_cells(self, inputs: Mapping[str, InputSpec], columns: Mapping[str, str]) -> list[Diagnostic]:
        """One note per input left empty, with how many candidates lacked it."""
        out = []
        for name, count in self.missing.most_common():
            spec = inputs.get(name)
            label = pick(spec.label, "vi") if spec is not None else name
            column = columns.get(name)
            where = f"column '{column}'" if column else "no column"
            message = f"{count} empty cell(s) for '{name}' ({label}, {where}): the criteria that read it are undetermined"
            hint = "fill them in" + (
                "; if an empty cell means 'không' here, the set can say so with 'blank: false'"
                if spec is not None and spec.type == "boolean"
                else ""
            )
            out.append(
                Diagnostic("data-blank-cells", message, "", 0, 0, (name,), hint, Severity.WARNING, column)
            )
        return out

    def too_many_invalid(self) -> bool:
        """More than half of the rows are invalid: the run is probably wrong, not the data."""
        invalid = self.statuses.get(Status.INVALID, 0)
        return self.results > 0 and 2 * invalid > self.results

    def closing(
        self, lang: str, inputs: Mapping[str, InputSpec], columns: Mapping[str, str], rows: int, skipped: int
    ) -> list[str]:
        """The closing lines: rows counted, the warnings again (grouped), empty cells by column,
        and the banner when most rows are invalid."""
        vi = lang == "vi"
        lines: list[str] = []
        counted = {"rows": rows, "results": self.results, "skipped": skipped}
        if vi:
            lines.append(NOTES_VI["data-rows-counted"].format(**counted))
        else:
            lines.append(f"Rows read: {rows} = {self.results} results + {skipped} rows skipped (totals rows)")
        again = group_warnings(self.warnings) + self.blank_cells(inputs, columns)
        if again:
            count = len(again)
            lines.append(
                NOTES_VI["data-warnings-again"].format(count=count) if vi else f"To check ({count} warnings):"
            )
            for diag in again:
                lines.append(f"  - {self._said(diag, lang, inputs)}")
        if self.too_many_invalid():
            invalid = self.statuses.get(Status.INVALID, 0)
            percent = round(100 * invalid / self.results)
            fields = {"invalid": invalid, "total": self.results, "percent": percent}
            text = (
                NOTES_VI["data-many-invalid"].format(**fields)
                if vi
                else (
                    f"WARNING: {invalid} of {self.results} rows ({percent}%) could not be read: the header row, "
                    "the columns or the file may be wrong; see the data-quality list (--format problems)"
                )
            )
            rule = "═" * min(88, len(text) + 4)
            lines += [rule, f"  {text}", rule]
        return lines

    @staticmethod
    def _said(diag: Diagnostic, lang: str, inputs: Mapping[str, InputSpec]) -> str:
        if lang == "vi" and diag.code == "data-blank-cells" and diag.path:
            name = str(diag.path[0])
            spec = inputs.get(name)
            label = pick(spec.label, "vi") if spec is not None else name
            count = diag.message.split(" ", 1)[0]
            return NOTES_VI["data-blank-cells"].format(count=count, column=diag.value or name, label=label)
        where = f"{diag.file}:{diag.line}: " if diag.file and diag.line else ""
        return f"{where}{diag.message}"


__all__ = [
    "GROUPED",
    "NOTES_VI",
    "PROBLEM_COLUMNS",
    "DataQuality",
    "ProblemRow",
    "group_warnings",
    "note_problems",
    "result_problems",
]
