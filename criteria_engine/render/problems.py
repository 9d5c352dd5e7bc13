"""``--format problems``: the data-quality list, one row per problem of the data: the row, the
candidate's id, the column, the value as written, the problem and how to fix it.

A candidate whose row could not be read (``invalid``) gives a row per bad cell; one left
undetermined gives a row per empty cell it needed; problems of the file itself (a totals row
skipped, a title above the header) come last. Written as CSV (UTF-8, with a BOM when written
to a file, for Excel), so it opens as a spreadsheet to work through.
"""

from __future__ import annotations

import csv
from typing import IO

from ..io.quality import PROBLEM_COLUMNS, note_problems, result_problems
from .summary import Item, Summary
from .writers import Context

PROBLEMS_SHEET = {"vi": "Vấn đề dữ liệu", "en": "Data problems"}
"""The name of the data-quality sheet of the Excel output."""


def inert(value: object) -> object:
    """A cell that a spreadsheet cannot take for a formula: text starting with ``=``, ``+``,
    ``-``, ``@`` (or a tab or carriage return) gets a leading ``'`` (the OWASP rule); the
    values in this list are copied from a data file, so they are not trusted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def problem_header(lang: str) -> list[str]:
    """The header of the data-quality list in ``lang``."""
    return list(PROBLEM_COLUMNS.get(lang, PROBLEM_COLUMNS["en"]))


def item_problems(item: Item, context: Context) -> list[list[object]]:
    """The rows of the data-quality list for one candidate (none when it has no problem)."""
    result = item.result
    if not result.errors and not result.missing:
        return []
    inputs = context.plan.model.inputs
    found = result_problems(result, inputs, context.columns, context.lang)
    return [p.cells() for p in found]


class ProblemsWriter:
    """The data-quality list as CSV."""

    def __init__(self, stream: IO[str], context: Context) -> None:
        self.writer = csv.writer(stream, lineterminator="\n")
        self.context = context
        self.rows = 0
        if context.to_file:
            stream.write("\ufeff")
        self.writer.writerow(problem_header(context.lang))

    def add(self, item: Item) -> None:
        """The rows of one candidate's problems."""
        for row in item_problems(item, self.context):
            self.writer.writerow([inert(v) for v in row])
            self.rows += 1

    def close(self, summary: Summary) -> None:
        """The problems of the file itself (rows skipped, columns not read)."""
        for problem in note_problems(summary.notes, self.context.lang):
            self.writer.writerow([inert(v) for v in problem.cells()])
            self.rows += 1


__all__ = ["PROBLEMS_SHEET", "ProblemsWriter", "inert", "item_problems", "problem_header"]
