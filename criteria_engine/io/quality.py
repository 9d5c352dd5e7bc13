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
from .advice import how_to_write

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
    "data-blank-cells": "{count} ô trống ở cột '{column}' ({label}): coi là chưa có số liệu; tiêu chí cần giá trị này chưa xác định được",
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

    def key(diag: Diagnostic) -> tuple[str, str, int]:
        # one table's columns are told together (its header line); a file's rows together
        return diag.code, diag.file, 0 if diag.code == "data-total-row" else diag.line

    by_key: dict[tuple[str, str, int], list[Diagnostic]] = {}
    for diag in diagnostics:
        by_key.setdefault(key(diag), []).append(diag)
    out: list[Diagnostic] = []
    done: set[tuple[str, str, int]] = set()
    for diag in diagnostics:
        same = by_key[key(diag)]
        if diag.code not in GROUPED or len(same) < GROUP_AT:
            out.append(diag)
        elif key(diag) not in done:
            done.add(key(diag))
            subjects = [_subject(d) for d in same]
            items = ", ".join(subjects[:8]) + (", …" if len(subjects) > 8 else "")
            message = GROUPED[diag.code].format(n=len(same), items=items)
            hints = {d.suggestion for d in same}
            hint = next(iter(hints)) if len(hints) == 1 else None
            out.append(Diagnostic(diag.code, message, diag.file, diag.line, 0, (), hint, diag.severity))
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
            label, column = _named(name, inputs, columns, lang)
            problem = f"no value for '{name}' ({label}): the criteria that read it are undetermined"
            fix = (
                "fill in the value"
                if "." not in name
                else "add the column to the members' table and fill it in"
            )
            out.append(ProblemRow(result.row, result.id, column, "", problem, fix, "data-missing-value"))
    return out


def _named(
    name: str, inputs: Mapping[str, InputSpec], columns: Mapping[str, str], lang: str
) -> tuple[str, str]:
    """(label, column) of an input, or of a member's field (``persons.drug_user``)."""
    head, _, rest = name.partition(".")
    spec = inputs.get(head)
    if spec is None:
        return name, columns.get(name, name)
    if not rest:
        label = pick(spec.label, lang)
        return label, columns.get(name, label)
    item = (spec.items or {}).get(rest)
    label = pick(item.label, lang) if item is not None else rest
    return label, f"{pick(spec.label, lang)} › {label}"


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

    def warn(self, diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
        """Keep ``diagnostics``; return them grouped, to print now."""
        kept = list(diagnostics)
        self.warnings.extend(kept)
        return group_warnings(kept)

    def count(self, result: Result) -> None:
        """Count one result's status."""
        self.statuses[result.status] += 1

    @property
    def results(self) -> int:
        """How many results were counted."""
        return sum(self.statuses.values())

    @staticmethod
    def blank_cells(
        inputs: Mapping[str, InputSpec], columns: Mapping[str, str], empty: Mapping[str, int]
    ) -> list[Diagnostic]:
        """One note per input column with empty cells, with how many (missing data)."""
        out = []
        for name, count in sorted(empty.items(), key=lambda item: -item[1]):
            spec = inputs.get(name)
            if not count or spec is None:
                continue
            column = columns.get(name, name)
            message = (
                f"{count} empty cell(s) in column '{column}' ({name}): read as missing data; a criterion "
                "that needs the value is undetermined"
            )
            hint = "fill them in" + (
                "; if an empty cell means 'không' here, the set can say so with 'blank: false'"
                if spec.type == "boolean"
                else ""
            )
            out.append(Diagnostic("data-blank-cells", message, "", 0, 0, (name,), hint, Severity.WARNING))
        return out

    def too_many_invalid(self) -> bool:
        """More than half of the rows are invalid: the run is probably wrong, not the data."""
        invalid = self.statuses.get(Status.INVALID, 0)
        return self.results > 0 and 2 * invalid > self.results

    def closing(
        self,
        lang: str,
        inputs: Mapping[str, InputSpec],
        columns: Mapping[str, str],
        empty: Mapping[str, int],
        counted: tuple[int, int],
    ) -> list[str]:
        """The closing lines: rows counted (``counted``: rows read, rows skipped), the warnings
        again (grouped), empty cells by column, and the banner when most rows are invalid."""
        vi = lang == "vi"
        rows, skipped = counted
        fields = {"rows": rows, "results": self.results, "skipped": skipped}
        lines = [
            NOTES_VI["data-rows-counted"].format(**fields)
            if vi
            else f"Rows read: {rows} = {self.results} results + {skipped} rows skipped (totals rows)"
        ]
        again = group_warnings(self.warnings) + self.blank_cells(inputs, columns, empty)
        if again:
            count = len(again)
            lines.append(
                NOTES_VI["data-warnings-again"].format(count=count) if vi else f"To check ({count} warnings):"
            )
            lines += [f"  - {self._said(diag, lang, inputs, columns)}" for diag in again]
        if self.too_many_invalid():
            lines += self._banner(vi)
        return lines

    def _banner(self, vi: bool) -> list[str]:
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
        return [rule, f"  {text}", rule]

    @staticmethod
    def _said(
        diag: Diagnostic, lang: str, inputs: Mapping[str, InputSpec], columns: Mapping[str, str]
    ) -> str:
        if lang == "vi" and diag.code == "data-blank-cells" and diag.path:
            name = str(diag.path[0])
            spec = inputs.get(name)
            label = pick(spec.label, "vi") if spec is not None else name
            count = diag.message.split(" ", 1)[0]
            return NOTES_VI["data-blank-cells"].format(
                count=count, column=columns.get(name, name), label=label
            )
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
