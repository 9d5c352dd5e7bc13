"""What reading a file found, told so that nothing is missed: warnings grouped, counts that add
up (rows read = results + rows skipped), empty cells counted by column, a banner when most rows
are invalid, and every problem as one row of a data-quality list (row, column, value,
problem, fix).

Pure bookkeeping: :class:`DataQuality` is fed diagnostics and results and gives diagnostics
and lines back; printing is the command line's. Every sentence comes from the catalogue of
messages (:mod:`criteria_engine.messages`), said in the language of the run.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..errors import Diagnostic, Severity, diagnostic
from ..explain.i18n import pick
from ..format.models import InputSpec
from ..messages import Arg, msg, template, words
from ..results import Result, Status
from .advice import how_to_write, shortened

GROUPED = (
    "data-unknown-column",
    "data-missing-column",
    "data-column-guessed",
    "data-total-row",
    "data-map-unused",
)
"""Warnings given once per column or row, told in one line (``CODE.group`` of the catalogue)
when there are several."""
GROUP_AT = 3

_QUOTED = re.compile(r"'([^']*)'")
_PLACE = {
    lang: re.compile(
        "^"
        + re.escape(template("at.row", lang)).replace(r"\{row\}", "[0-9]+")
        + "(?:, "
        + re.escape(template("at.column", lang)).replace(r"\{column\}", "[^']*")
        + ")?: "
    )
    for lang in ("vi", "en")
}
"""A problem's place at its start ("row 41, column 'x': "), per language: the data-quality list
has columns of its own for the row and the column."""


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
            items = shortened(tuple(_subject(d) for d in same), 8)
            text = msg(f"{diag.code}.group", n=len(same), items=items)
            hints = {d.hint for d in same}
            hint = next(iter(hints)) if len(hints) == 1 else None
            out.append(diagnostic(diag.code, text, diag.file, diag.line, 0, (), hint, diag.severity))
    return out


def _subject(diag: Diagnostic) -> Arg:
    """What one grouped warning is about: its ``subject`` (a column, a row), as it says it."""
    said = diag.text.values.get("subject") if diag.text is not None else None
    if said is not None:
        return said
    if diag.code == "data-total-row":
        return msg("at.row", row=diag.line)
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
    place = _PLACE["en" if lang == "en" else "vi"]
    for issue in result.errors:
        name = issue.field.split(".")[0].split("[")[0]
        spec = inputs.get(name)
        fix = issue.fix_in(lang) or (
            how_to_write(spec)(lang) if spec is not None and issue.code == "data-bad-value" else ""
        )
        column = issue.column or columns.get(name) or issue.field
        problem = place.sub("", issue.message_in(lang))
        out.append(ProblemRow(result.row, result.id, column, issue.value or "", problem, fix, issue.code))
    if result.status != Status.INVALID:
        for name in result.missing:
            label, column = _named(name, inputs, columns, lang)
            problem = msg("data-missing-value", name=name, label=label)(lang)
            fix = msg("fix.fill-in" if "." not in name else "fix.members-column")(lang)
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


def note_problems(notes: Iterable[Diagnostic], lang: str = "vi") -> list[ProblemRow]:
    """Rows of the data-quality list for problems of the file rather than of a candidate
    (totals rows skipped, columns not read...), in ``lang``."""
    return [
        ProblemRow(
            d.line or None, "", "", d.value or "", d.message_in(lang), d.suggestion_in(lang) or "", d.code
        )
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
            label = words(spec.label, name)
            if column in dict(spec.label).values():  # the header is the label: say it once
                text = msg("data-blank-cells.column", count=count, column=column)
            else:
                text = msg("data-blank-cells", count=count, column=column, label=label)
            hint = msg("data-blank-cells.boolean-hint" if spec.type == "boolean" else "data-blank-cells.hint")
            out.append(diagnostic("data-blank-cells", text, "", 0, 0, (name,), hint, Severity.WARNING))
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
        rows, skipped = counted
        counts = msg("data-rows-counted", rows=rows, results=self.results, skipped=skipped)
        lines = [counts(lang)]
        again = group_warnings(self.warnings) + self.blank_cells(inputs, columns, empty)
        if again:
            lines.append(msg("data-warnings-again", count=len(again))(lang))
            lines += [f"  - {self._said(diag, lang)}" for diag in again]
        if self.too_many_invalid():
            lines += self._banner(lang)
        return lines

    def _banner(self, lang: str) -> list[str]:
        invalid = self.statuses.get(Status.INVALID, 0)
        percent = round(100 * invalid / self.results)
        text = msg("data-many-invalid", invalid=invalid, total=self.results, percent=percent)(lang)
        rule = "═" * min(88, len(text) + 4)
        return [rule, f"  {text}", rule]

    @staticmethod
    def _said(diag: Diagnostic, lang: str) -> str:
        where = f"{diag.file}:{diag.line}: " if diag.file and diag.line else ""
        return f"{where}{diag.message_in(lang)}"


__all__ = [
    "GROUPED",
    "PROBLEM_COLUMNS",
    "DataQuality",
    "ProblemRow",
    "group_warnings",
    "note_problems",
    "result_problems",
]
