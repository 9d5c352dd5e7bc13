"""CSV, Excel and Markdown outputs: one row per candidate, for officials to sort and filter.

CSV and Excel have a column per criterion holding its verdict, the result's summary line
(``Kết luận``) and, for results evaluated in full detail, a column per criterion holding its
sentence. The summary follows the rows in CSV (after one empty row, so a spreadsheet's filter
stops before it), sits on its own sheet in Excel, and follows the table in Markdown. Excel also
has the data-quality sheet ("Vấn đề dữ liệu": each bad or empty cell with its row, column,
value, problem and fix). Numbers are written as the language writes them (``82,5`` in
Vietnamese; Excel keeps numbers).

Text from the data (ids, kept columns, messages quoting a cell) is never taken for a formula:
a text starting with ``=``, ``+``, ``-`` or ``@`` gets a leading ``'`` (:func:`~.safe.spreadsheet_text`)
and Excel stores every text as text. Markdown escapes control characters (:func:`~.safe.printable`).
"""

from __future__ import annotations

import csv
import io
from typing import IO, Any

from ..explain.i18n import format_number, pick
from ..explain.labels import word
from ..explain.texts import result_texts
from ..io.quality import note_problems
from ..results import Result, Status
from .problems import PROBLEMS_SHEET, item_problems, problem_header
from .safe import printable, spreadsheet_text, workbook_text
from .summary import Item, Summary, failing_ids, number, rating_label
from .writers import Context, write_utf8
from .xlsx_rows import column_letters, row_xml, splice_rows


def headers(context: Context) -> list[str]:
    """The header row of CSV and Excel outputs."""
    lang = context.lang
    head = [word(lang, "row")]
    if context.ranked:
        head.append(word(lang, "rank"))
    head.append(word(lang, "id"))
    head += list(context.keep)
    if context.group_field is not None:
        head.append(context.group_field)
    head += [word(lang, k) for k in ("status", "score", "max_score", "percent", "rating")]
    head += [c.id for c in context.plan.criteria]
    head += [word(lang, k) for k in ("failing", "missing", "errors", "text")]
    if context.texts:  # each criterion's sentence, after the verdicts
        head += [f"{c.id} · {word(lang, 'explanation')}" for c in context.plan.criteria]
    return head


def _labels(result: Result, names: tuple[str, ...], lang: str) -> str:
    plan: Any = result.plan
    inputs = plan.model.inputs if plan is not None else {}
    return ", ".join(pick(inputs[n].label, lang) if n in inputs else n for n in names)


def cells(item: Item, context: Context) -> list[object]:
    """One candidate's row, matching :func:`headers` (numbers stay numbers)."""
    lang, result = context.lang, item.result
    row: list[object] = [item.row]
    if context.ranked:
        row.append(item.rank)
    row.append(result.id)
    row += [result.kept.get(name, "") for name in context.keep]
    if context.group_field is not None:
        row.append(item.group)
    row += [
        word(lang, result.status),
        result.score,
        result.max_score,
        result.percent,
        rating_label(result, lang),
    ]
    verdicts = result.verdicts
    row += [word(lang, verdicts[c.id]) if c.id in verdicts else "" for c in context.plan.criteria]
    row.append(failing_ids(result) if result.status != Status.INVALID else "")
    row.append(_labels(result, result.missing, lang))
    row.append("; ".join(e.message_in(lang) for e in result.errors))
    texts = result_texts(result, lang)
    row.append(texts.summary)
    if context.texts:
        row += [texts.criteria.get(c.id, "") for c in context.plan.criteria]
    return row


def _plain(value: object, lang: str, digits: int | None = None) -> object:
    # Numbers as the language writes them (76,2 in Vietnamese): the file is opened by people
    # in a spreadsheet set to their language, and a percentage always has one decimal.
    if isinstance(value, float) or (digits is not None and isinstance(value, int)):
        return format_number(value, lang, digits)
    return "" if value is None else _csv_text(value)


def _csv_text(value: object) -> object:
    """A CSV cell: :func:`~.safe.spreadsheet_text`, and a carriage return made a line break
    (the csv module quotes a cell holding a line break, not one holding a lone ``\\r``, which
    spreadsheets would take as the end of the row)."""
    value = spreadsheet_text(value)
    if isinstance(value, str) and "\r" in value:
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


class CsvRows:
    """Candidates as CSV rows (comma-separated, ``\\n`` line ends), numbers as ``lang`` writes them."""

    def __init__(self, stream: IO[str], context: Context) -> None:
        self.writer = csv.writer(stream, lineterminator="\n")
        self.context = context
        head = headers(context)
        percent = head.index(word(context.lang, "percent"))
        self.digits = [1 if index == percent else None for index in range(len(head))]

    def add(self, item: Item) -> None:
        """Write one row."""
        lang = self.context.lang
        row = cells(item, self.context)
        self.writer.writerow([_plain(v, lang, d) for v, d in zip(row, self.digits, strict=True)])


class CsvBlock:
    """Candidates' CSV rows written as :class:`CsvWriter` writes them, kept as text (for a block
    written by another process)."""

    def __init__(self, context: Context) -> None:
        self.buffer = io.StringIO()
        self.rows = CsvRows(self.buffer, context)

    def add(self, item: Item) -> None:
        """Write one row."""
        self.rows.add(item)

    def text(self) -> str:
        """The rows written since the last call."""
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text


class CsvWriter:
    """CSV (comma-separated, UTF-8; with a BOM when written to a file, for Excel)."""

    def __init__(self, stream: IO[str], context: Context) -> None:
        self.stream, self.context = stream, context
        if context.to_file:
            stream.write("\ufeff")
        self.rows = CsvRows(stream, context)
        self.writer = self.rows.writer
        self.writer.writerow([_csv_text(h) for h in headers(context)])

    def add(self, item: Item) -> None:
        """Write one row."""
        self.rows.add(item)

    def add_block(self, text: bytes) -> None:
        """Write rows made by :class:`CsvBlock`."""
        write_utf8(self.stream, text)

    def close(self, summary: Summary) -> None:
        """An empty row, then the summary rows."""
        self.writer.writerow([])
        self.writer.writerow([word(self.context.lang, "summary")])
        for label, count in summary.rows(self.context.lang):
            self.writer.writerow([label, count])
        self.writer.writerow([summary.line(self.context.lang)])


RESULTS_PART = "xl/worksheets/sheet1.xml"
"""The results sheet in the saved workbook (the first sheet made)."""


class XlsxWriter:
    """An Excel workbook written in streaming mode: sheet one the results (filter on, header
    frozen), sheet two the data problems, sheet three the summary. The results' rows are
    written as XML to a temporary file as they come (:mod:`.xlsx_rows`: openpyxl's own XML, at
    a tenth of its cost) and put in the workbook when it is saved."""

    def __init__(self, stream: IO[bytes], context: Context) -> None:
        import tempfile

        from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
        from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped,unused-ignore]
        from openpyxl.styles import Font  # type: ignore[import-untyped,unused-ignore]

        self.stream, self.context = stream, context
        self.book = Workbook(write_only=True)
        self.sheet = self.book.create_sheet(word(context.lang, "results"))
        self.sheet.freeze_panes = "A2"
        self._cell, self._bold = WriteOnlyCell, Font(bold=True)
        self.head = headers(context)
        self.sheet.append([self._strong(self.sheet, workbook_text(h)) for h in self.head])
        self.rows = 1
        self._letters = column_letters(len(self.head))
        self._spool: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self.problems = self.book.create_sheet(PROBLEMS_SHEET.get(context.lang, PROBLEMS_SHEET["en"]))
        self.problems.freeze_panes = "A2"
        self.problems.append([self._strong(self.problems, h) for h in problem_header(context.lang)])

    def _strong(self, sheet: Any, value: object) -> Any:
        cell = self._cell(sheet, value=value)
        cell.font = self._bold
        return cell

    def add(self, item: Item) -> None:
        """Append one row (and its problems to the data-quality sheet)."""
        # a text starting with "=" is all openpyxl would store as a formula: workbook_text puts
        # a "'" before it, so plain values suffice here (one typed cell object each would cost more)
        self.rows += 1
        self._spool.write(
            row_xml(self.rows, [workbook_text(v) for v in cells(item, self.context)], self._letters)
        )
        for row in item_problems(item, self.context):
            self.problems.append([self._text(self.problems, v) for v in row])

    def _text(self, sheet: Any, value: object) -> Any:
        """A cell: a number stays a number; a text stays text, never a formula (stored as a
        string, with a ``'`` before a leading ``=``, ``+``, ``-``, ``@``)."""
        if not isinstance(value, str):
            return value
        cell = self._cell(sheet, value=workbook_text(value))
        cell.data_type = "s"
        return cell

    def close(self, summary: Summary) -> None:
        """The summary sheet, then save."""
        from openpyxl.utils import get_column_letter  # type: ignore[import-untyped,unused-ignore]

        self.sheet.auto_filter.ref = f"A1:{get_column_letter(len(self.head))}{self.rows}"
        for problem in note_problems(summary.notes, self.context.lang):
            self.problems.append([self._text(self.problems, v) for v in problem.cells()])
        lang = self.context.lang
        sheet = self.book.create_sheet(word(lang, "summary"))
        provenance = self.context.plan.provenance
        sheet.append(
            [
                self._strong(sheet, word(lang, "set")),
                self._text(sheet, f"{provenance.set_id}@{provenance.version}"),
            ]
        )
        sheet.append([word(lang, "digest"), provenance.digest])
        sheet.append([])
        for label, count in summary.rows(lang):
            sheet.append([label, count])
        sheet.append([self._text(sheet, summary.line(lang))])
        sheet.append([])
        sheet.append([self._strong(sheet, word(lang, "most_failed")), word(lang, "times_failed")])
        titles = {c.id: pick(c.criterion.title, lang) for c in self.context.plan.criteria}
        for criterion_id, count in summary.failing.most_common():
            sheet.append([self._text(sheet, f"{criterion_id} {titles.get(criterion_id, '')}"), count])
        import tempfile

        with self._spool, tempfile.TemporaryFile() as saved:
            self.book.save(saved)
            splice_rows(saved, RESULTS_PART, self._spool, self.stream)


def _md(value: object) -> str:
    return printable(str(value).replace("|", "\\|").replace("\n", " "))


class MarkdownWriter:
    """A Markdown table (status, score, rating, failing criteria), then the summary."""

    def __init__(self, stream: IO[str], context: Context) -> None:
        self.stream, self.context = stream, context
        lang = context.lang
        provenance = context.plan.provenance
        title = pick(context.plan.model.title, lang)
        stream.write(f"# {title} — {provenance.set_id}@{provenance.version}\n\n")
        stream.write(f"{word(lang, 'digest')}: `{provenance.digest}`\n\n")
        first = word(lang, "rank") if context.ranked else word(lang, "row")
        columns = [first, word(lang, "id"), word(lang, "status"), word(lang, "score"), word(lang, "rating")]
        columns.append(word(lang, "failing"))
        stream.write("| " + " | ".join(columns) + " |\n")
        stream.write("|" + "|".join(["---:", "---", "---", "---:", "---", "---"]) + "|\n")

    def add(self, item: Item) -> None:
        """Write one table row."""
        lang, result = self.context.lang, item.result
        first = item.rank if self.context.ranked else item.row
        score = f"{number(result.score)}/{number(result.max_score)}" if result.score is not None else ""
        row = [first if first is not None else "", result.id, word(lang, result.status), score]
        row += [rating_label(result, lang), failing_ids(result)]
        self.stream.write("| " + " | ".join(_md(v) for v in row) + " |\n")

    def close(self, summary: Summary) -> None:
        """The summary paragraph."""
        self.stream.write(f"\n**{word(self.context.lang, 'summary')}:** {summary.line(self.context.lang)}\n")


__all__ = ["CsvBlock", "CsvRows", "CsvWriter", "MarkdownWriter", "XlsxWriter", "cells", "headers"]
