"""An empty data template for a criteria set: the workbook (or CSV files) an official fills in,
which ``criteria evaluate`` then reads with no ``--map``.

The workbook has a sheet of candidates (the set's inputs as column headers, in Vietnamese or
English, the id first), a sheet per member list (a household's persons) linked by the
candidate's id column, drop-down lists (Excel data validation) of the Vietnamese labels for
enums and yes/no, number checks for counts and amounts, the unit and meaning of each column in
its header's comment, and a "Hướng dẫn" (instructions) sheet explaining every column. Each
header is one the readers match back to its input, so a filled template needs no column map.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import IO, Any

from ..explain.i18n import pick, unit_label
from ..format.models import CriteriaSet, InputSpec
from ..format.registry import Revision
from .children import sheet_name
from .header_words import ID_LABELS

VALIDATED_ROWS = 5000
"""Data validation covers this many rows below the header."""

WORDS: dict[str, dict[str, Any]] = {
    "vi": {
        "data": "Dữ liệu",
        "guide": "Hướng dẫn",
        "lists": "Danh mục",
        "id": "Mã",
        "yes": "có",
        "no": "không",
        "guide_head": [
            "Cột",
            "Bảng",
            "Tên trường",
            "Kiểu",
            "Đơn vị",
            "Giá trị được nhập",
            "Ô để trống",
            "Ý nghĩa",
        ],
        "types": {
            "integer": "số nguyên",
            "number": "số",
            "boolean": "có/không",
            "enum": "chọn một",
            "string": "chữ",
            "date": "ngày (31/01/2026)",
        },
        "blank_missing": "chưa có số liệu",
        "id_meaning": "Mã của {noun}: mỗi dòng một mã, không trùng nhau",
        "link_meaning": "Mã hộ (hoặc mã đối tượng) của dòng ở trang '{sheet}' mà dòng này thuộc về",
        "intro": [
            "Mẫu nhập số liệu cho bộ tiêu chí {title} ({ref}).",
            "Mỗi dòng của trang '{data}' là một {noun}; cột đầu là mã, không trùng nhau.",
            "Cột có danh sách thả xuống: chọn một giá trị trong danh sách. Cột có/không: chọn có hoặc không (hoặc ghi x cho có).",
            "Số viết theo kiểu Việt Nam cũng được: 1.500.000 hoặc 69,5. Ô để trống là chưa có số liệu (trừ khi cột ghi khác).",
            "Không đổi tên cột, không chèn dòng tiêu đề giữa bảng; dòng 'Tổng cộng' ở cuối bảng sẽ được bỏ qua.",
            "Đánh giá: criteria evaluate {set_id} TÊN_TỆP.xlsx -o ket-qua.xlsx",
        ],
    },
    "en": {
        "data": "Data",
        "guide": "Instructions",
        "lists": "Lists",
        "id": "Id",
        "yes": "yes",
        "no": "no",
        "guide_head": ["Column", "Sheet", "Field", "Type", "Unit", "Values", "Empty cell", "Meaning"],
        "types": {
            "integer": "whole number",
            "number": "number",
            "boolean": "yes/no",
            "enum": "one of a list",
            "string": "text",
            "date": "date (2026-01-31)",
        },
        "blank_missing": "no data yet",
        "id_meaning": "The {noun}'s id: one per row, never repeated",
        "link_meaning": "The id of the row of sheet '{sheet}' this row belongs to",
        "intro": [
            "Data template for the criteria set {title} ({ref}).",
            "Each row of sheet '{data}' is one {noun}; the first column is its id, never repeated.",
            "Columns with a drop-down: pick a value from the list. Yes/no columns: pick yes or no (or write x for yes).",
            "Numbers may be written 1,500,000 or 69.5. An empty cell means no data yet (unless the column says otherwise).",
            "Do not rename the columns; a 'Total' row at the bottom is skipped.",
            "To evaluate: criteria evaluate {set_id} FILE.xlsx -o results.xlsx",
        ],
    },
}
"""The template's fixed words, per language."""

NOUNS = {
    "household": {"vi": "hộ gia đình", "en": "household"},
    "village": {"vi": "thôn, tổ dân phố", "en": "village"},
    "commune": {"vi": "xã, phường", "en": "commune"},
    "school": {"vi": "trường học", "en": "school"},
    "respondent": {"vi": "người trả lời", "en": "respondent"},
}


@dataclass(frozen=True)
class Column:
    """One column of the template: its header, the input it gives, where it is."""

    header: str
    name: str
    spec: InputSpec | None  # None for the id and link columns
    meaning: str = ""


@dataclass(frozen=True)
class Table:
    """One sheet (or CSV file) of the template: its name, its columns, the list it fills."""

    title: str
    columns: tuple[Column, ...]
    list_name: str | None = None


def tables(cs: CriteriaSet, lang: str) -> list[Table]:
    """The template's tables: the candidates, then one per member list."""
    words = WORDS[lang]
    noun = pick(NOUNS.get(cs.subject, {"vi": cs.subject, "en": cs.subject}), lang)
    id_header = pick(ID_LABELS.get(cs.subject, {"vi": words["id"], "en": words["id"]}), lang)
    main_title = sheet_name(str(words["data"]))
    main = [Column(id_header, "id", None, str(words["id_meaning"]).format(noun=noun))]
    out: list[Table] = []
    for name, spec in cs.inputs.items():
        if spec.type == "list":
            link = Column(
                id_header, f"{cs.subject}_id", None, str(words["link_meaning"]).format(sheet=main_title)
            )
            items = tuple(_column(item_name, item, lang) for item_name, item in (spec.items or {}).items())
            out.append(Table(sheet_name(pick(spec.label, lang)), (link, *items), name))
        else:
            main.append(_column(name, spec, lang))
    return [Table(main_title, tuple(main)), *out]


def _column(name: str, spec: InputSpec, lang: str) -> Column:
    meaning = pick(spec.description, lang) if spec.description else ""
    return Column(pick(spec.label, lang), name, spec, meaning)


def choices(spec: InputSpec, lang: str) -> list[str]:
    """What may be typed in a column, as an official types it (labels, not codes)."""
    if spec.type == "boolean":
        return [str(WORDS[lang]["yes"]), str(WORDS[lang]["no"])]
    if spec.type == "enum":
        labels = spec.value_labels or {}
        return [pick(labels[v], lang) if v in labels else v for v in spec.values or ()]
    return []


def blank_text(spec: InputSpec | None, lang: str) -> str:
    """What an empty cell of the column means."""
    if spec is None or spec.blank is None:
        return str(WORDS[lang]["blank_missing"])
    if isinstance(spec.blank, bool):
        return str(WORDS[lang]["yes" if spec.blank else "no"])
    if (
        spec.type == "enum"
        and isinstance(spec.blank, str)
        and spec.value_labels
        and spec.blank in spec.value_labels
    ):
        return pick(spec.value_labels[spec.blank], lang)
    return str(spec.blank)


def comment_text(column: Column, lang: str) -> str:
    """The comment of a header cell: type, unit, allowed values, range, meaning."""
    spec = column.spec
    words = WORDS[lang]
    types: Any = words["types"]
    if spec is None:
        return column.meaning
    parts = [f"{column.name}: {types.get(spec.type, spec.type)}"]
    if spec.unit:
        parts.append(("Đơn vị: " if lang == "vi" else "Unit: ") + unit_label(spec.unit, lang))
    if spec.min is not None or spec.max is not None:
        low = "…" if spec.min is None else f"{spec.min:g}"
        high = "…" if spec.max is None else f"{spec.max:g}"
        parts.append(f"{low} – {high}")
    listed = choices(spec, lang)
    if listed:
        parts.append(" / ".join(listed))
    if spec.blank is not None:
        parts.append(("Ô trống = " if lang == "vi" else "Empty = ") + blank_text(spec, lang))
    if column.meaning:
        parts.append(column.meaning)
    return "\n".join(parts)


def write_workbook(revision: Revision, stream: IO[bytes], lang: str = "vi") -> list[Table]:
    """Write the xlsx template of ``revision`` to ``stream``; returns its tables."""
    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]

    cs = revision.model
    made = tables(cs, lang)
    book = Workbook()
    book.remove(book.active)
    lists: list[list[str]] = []
    for table in made:
        _sheet(book, table, lang, lists)
    _guide(book, revision, made, lang)
    if lists:
        sheet = book.create_sheet(str(WORDS[lang]["lists"]))
        for column, values in enumerate(lists, start=1):
            for row, value in enumerate(values, start=1):
                sheet.cell(row=row, column=column, value=value)
        sheet.sheet_state = "hidden"
    book.save(stream)
    return made


def _sheet(book: Any, table: Table, lang: str, lists: list[list[str]]) -> None:
    from openpyxl.comments import Comment  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped,unused-ignore]

    sheet = book.create_sheet(table.title)
    sheet.freeze_panes = "B2"
    fill = PatternFill("solid", fgColor="DDEBF7")
    for index, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font, cell.fill = Font(bold=True), fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        note = comment_text(column, lang)
        if note:
            cell.comment = Comment(note, "criteria", width=320, height=160)
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, min(40, len(column.header) + 2))
        validation = _validation(column.spec, lang, lists, DataValidation)
        if validation is not None:
            sheet.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{VALIDATED_ROWS + 1}")
    sheet.row_dimensions[1].height = 45


def _validation(spec: InputSpec | None, lang: str, lists: list[list[str]], make: Any) -> Any:
    """The Excel check of a column: a drop-down of labels, or a number range."""
    if spec is None:
        return None
    listed = choices(spec, lang)
    error = "Giá trị không có trong danh sách" if lang == "vi" else "Not a value of the list"
    if listed:
        literal = ",".join(listed)
        if len(literal) <= 250 and not any("," in v or '"' in v for v in listed):
            formula = f'"{literal}"'
        else:  # too long for Excel's literal list: a range of the hidden lists sheet
            from openpyxl.utils import get_column_letter  # type: ignore[import-untyped,unused-ignore]

            lists.append(listed)
            letter = get_column_letter(len(lists))
            formula = f"'{WORDS[lang]['lists']}'!${letter}$1:${letter}${len(listed)}"
        return make(type="list", formula1=formula, allow_blank=True, error=error, showErrorMessage=True)
    if spec.type in ("integer", "number"):
        kind = "whole" if spec.type == "integer" else "decimal"
        low = -(10**15) if spec.min is None else spec.min
        high = 10**15 if spec.max is None else spec.max
        message = "Số không hợp lệ" if lang == "vi" else "Not a valid number"
        return make(
            type=kind, operator="between", formula1=str(low), formula2=str(high), allow_blank=True,
            error=message, showErrorMessage=True,
        )  # fmt: skip
    return None


def _guide(book: Any, revision: Revision, made: list[Table], lang: str) -> None:
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped,unused-ignore]

    cs = revision.model
    words = WORDS[lang]
    sheet = book.create_sheet(str(words["guide"]))
    noun = pick(NOUNS.get(cs.subject, {"vi": cs.subject, "en": cs.subject}), lang)
    fields = {
        "title": pick(cs.title, lang),
        "ref": cs.ref,
        "data": made[0].title,
        "noun": noun,
        "set_id": cs.id,
    }
    sheet.cell(row=1, column=1, value=str(pick(cs.title, lang))).font = Font(bold=True, size=14)
    lines: Any = words["intro"]
    row = 2
    for line in lines:
        sheet.cell(row=row, column=1, value=str(line).format(**fields))
        row += 1
    sheet.cell(row=row, column=1, value=f"digest: {revision.digest}")
    row += 2
    head: Any = words["guide_head"]
    for index, text in enumerate(head, start=1):
        sheet.cell(row=row, column=index, value=text).font = Font(bold=True)
    types: Any = words["types"]
    for table in made:
        for column in table.columns:
            row += 1
            spec = column.spec
            values = " / ".join(choices(spec, lang)) if spec is not None else ""
            kind = types.get(spec.type, spec.type) if spec is not None else str(words["id"])
            unit = unit_label(spec.unit, lang) if spec is not None else ""
            cells = [
                column.header,
                table.title,
                column.name,
                kind,
                unit,
                values,
                blank_text(spec, lang),
                column.meaning,
            ]
            for index, value in enumerate(cells, start=1):
                sheet.cell(row=row, column=index, value=value).alignment = Alignment(
                    wrap_text=True, vertical="top"
                )
    for letter, width in zip("ABCDEFGH", (34, 18, 22, 16, 12, 30, 14, 60), strict=True):
        sheet.column_dimensions[letter].width = width


def write_csv(table: Table, stream: IO[str], bom: bool = True) -> None:
    """One table of the template as a CSV header row (UTF-8, with a BOM for Excel)."""
    if bom:
        stream.write("\ufeff")
    csv.writer(stream, lineterminator="\n").writerow([c.header for c in table.columns])


def csv_text(table: Table) -> str:
    """:func:`write_csv` as text, without the BOM."""
    out = io.StringIO()
    write_csv(table, out, bom=False)
    return out.getvalue()


def headers_by_input(made: list[Table]) -> Mapping[str, str]:
    """Input name -> its header in the template (for filling one in a script)."""
    return {c.name: c.header for t in made for c in t.columns}


__all__ = [
    "NOUNS",
    "VALIDATED_ROWS",
    "WORDS",
    "Column",
    "Table",
    "blank_text",
    "choices",
    "comment_text",
    "csv_text",
    "headers_by_input",
    "tables",
    "write_csv",
    "write_workbook",
]
