"""Exporting and importing the register as CSV or XLSX, so a commune can hand its history over.

An **export** writes every table as it is stored (superseded rows included, so nothing is
lost): a folder with one CSV per table, or one XLSX workbook with a sheet per table, plus a
``meta`` table naming the schema version. An **import** reads either

* such an export: every round is added to the register (ids renumbered), refused as a whole
  when a round of the same set, year and unit is already there; or
* a history table (CSV or XLSX; columns ``set_id, year, candidate, title`` and optionally
  ``unit, level, window_from, window_to``): a commune's earlier awards typed from its paper
  records. A line for a set, year and candidate already imported supersedes it (a correction);
  one a round decided is refused.

Either way the import is one transaction: all of it, or nothing.
"""

from __future__ import annotations

import csv
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]

from ..award.messages import Message, RoundError
from ..award.records import Award
from ..io.convert import id_text
from ..io.readers import iter_rows, list_sheets, read_headers
from ..messages import Msg, listing, msg
from . import writes
from .schema import LATEST, TABLES
from .service import import_history
from .store import Register

_TRUE = {"1", "true", "có", "co", "x", "yes", "đạt", "dat"}
_FALSE = {"0", "false", "không", "khong", "no", "", "chưa đạt", "chua dat"}
HISTORY_COLUMNS = ("set_id", "year", "candidate", "unit", "title", "level", "window_from", "window_to")

_REFERENCES: dict[str, dict[str, str]] = {
    "openings": {"round_id": "rounds", "supersedes": "openings"},
    "evaluations": {"opening_id": "openings"},
    "meetings": {"round_id": "rounds", "supersedes": "meetings"},
    "votes": {"meeting_id": "meetings"},
    "postings": {"round_id": "rounds"},
    "objections": {"round_id": "rounds"},
    "resolutions": {"objection_id": "objections"},
    "overrides": {"round_id": "rounds", "resolution_id": "resolutions"},
    "decisions": {"round_id": "rounds"},
    "awards": {"decision_id": "decisions", "supersedes": "awards"},
}
"""Columns holding another row's id, by table: renumbered on import."""


def _refuse(code: str, text: Msg, file: str = "") -> RoundError:
    return RoundError([Message.of(code, text)], file=file)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")]


def _tables(register: Register) -> Iterator[tuple[str, list[str], list[tuple[Any, ...]]]]:
    meta = [("schema_version", register.version), ("application", "criteria_engine award register")]
    yield "meta", ["key", "value"], meta
    for table in TABLES:
        columns = _columns(register.conn, table)
        yield table, columns, register.conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()


def export_register(register: Register, target: str | os.PathLike[str]) -> Path:
    """Write every table to ``target``: a ``.xlsx`` workbook, or a folder of CSV files."""
    path = Path(target)
    if path.suffix.lower() == ".xlsx":
        book = Workbook()
        first = True
        for name, columns, rows in _tables(register):
            sheet = book.active if first else book.create_sheet()
            assert sheet is not None
            sheet.title, first = name, False
            sheet.append(columns)
            for row in rows:
                sheet.append(list(row))
        partial = path.with_name(f".{path.name}.part")
        try:  # written beside the target and moved into place whole
            book.save(partial)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        return path
    if path.exists() and any(path.iterdir()):
        raise _refuse("export-folder-not-empty", msg("export-folder-not-empty", path=str(path)), str(path))
    path.mkdir(parents=True, exist_ok=True)
    for name, columns, rows in _tables(register):
        with (path / f"{name}.csv").open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(columns)
            writer.writerows(rows)
    return path


def _read(source: Path) -> dict[str, list[dict[str, object]]]:
    """The tables of an export or a history file, as lists of rows by header."""
    if source.is_dir():
        files = {p.stem: p for p in sorted(source.glob("*.csv"))}
        return {name: [dict(r.values) for r in iter_rows(p)] for name, p in files.items()}
    if source.suffix.lower() == ".xlsx":
        sheets = list_sheets(source)
        if "meta" in sheets or len(sheets) > 1:
            return {s: [dict(r.values) for r in iter_rows(source, sheet=s)] for s in sheets}
        return {"history": [dict(r.values) for r in iter_rows(source)]}
    read_headers(source)  # refuses a file it cannot read, with the reader's diagnostic
    return {"history": [dict(r.values) for r in iter_rows(source)]}


def _int(value: object) -> int | None:
    text = id_text(value)
    return None if text is None else int(text)


def _flag(value: object, row: int, file: str) -> bool:
    text = str(value if value is not None else "").strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _refuse("history-bad-value", msg("history-bad-value.title", row=row, value=str(value)), file)


def history_lines(rows: Sequence[Mapping[str, object]], file: str = "") -> list[Award]:
    """A history table's rows as award lines (refused with the row number when one is wrong)."""
    out: list[Award] = []
    for number, row in enumerate(rows, start=2):
        missing = [c for c in ("set_id", "year", "candidate", "title") if c not in row]
        if missing:
            said = msg("history-missing-column", missing=listing(missing), expected=listing(HISTORY_COLUMNS))
            raise _refuse("history-missing-column", said, file)
        try:
            year, first, last = _int(row["year"]), _int(row.get("window_from")), _int(row.get("window_to"))
        except ValueError:
            raise _refuse("history-bad-value", msg("history-bad-value.year", row=number), file) from None
        set_id, candidate = id_text(row["set_id"]), id_text(row["candidate"])
        if year is None or set_id is None or candidate is None:
            raise _refuse("history-bad-value", msg("history-bad-value.empty", row=number), file)
        level = id_text(row.get("level"))
        window = (first, last) if first is not None and last is not None else None
        if level is not None and window is None:
            raise _refuse("history-bad-value", msg("history-bad-value.window", row=number, level=level), file)
        title = _flag(row["title"], number, file)
        out.append(
            Award(set_id, year, candidate, title, level, window, id_text(row.get("unit")) or "", "import")
        )
    return out


def _insert_export(conn: sqlite3.Connection, tables: Mapping[str, list[dict[str, object]]], file: str) -> int:
    for table, rows in tables.items():
        if table == "rounds":
            for row in rows:
                found = conn.execute(
                    "SELECT 1 FROM rounds WHERE set_id = ? AND year = ? AND unit = ?",
                    (row["set_id"], _int(row["year"]), row["unit"]),
                ).fetchone()
                if found:
                    said = msg("import-round-exists", round=f"{row['set_id']} {row['year']} {row['unit']}")
                    raise _refuse("import-round-exists", said, file)
    renumber: dict[str, dict[object, int]] = {t: {} for t in TABLES}
    for table in TABLES:
        info = [(str(r[1]), bool(r[3])) for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "id"]
        columns = [name for name, _ in info]
        refs = _REFERENCES.get(table, {})
        for row in tables.get(table, []):
            values = []
            for column, required in info:
                value = row.get(column)
                if value in ("", None):  # an empty cell: empty text where the column needs one
                    value = "" if required else None
                if column in refs and value is not None:
                    value = renumber[refs[column]][id_text(value)]
                values.append(value)
            marks = ", ".join("?" for _ in columns)
            cursor = conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)
            renumber[table][id_text(row.get("id"))] = int(cursor.lastrowid or 0)
    return len(tables.get("rounds", []))


def import_file(register: Register, source: str | os.PathLike[str]) -> Msg:
    """Import an export or a history table (see the module docs); returns what was added, said
    by the catalogue of messages."""
    path = Path(source)
    if not path.exists():
        raise _refuse("import-missing", msg("import-missing", path=str(path)), str(path))
    tables = _read(path)
    if "meta" in tables:
        meta = {str(r.get("key")): r.get("value") for r in tables["meta"]}
        version = _int(meta.get("schema_version")) or 0
        if version > LATEST:
            raise _refuse("register-too-new", msg("register-too-new.export", version=version), str(path))
        with register.transaction() as conn:
            clashes = writes.conflicts(conn, history_lines([r for r in tables.get("awards", [])], str(path)))
            if clashes:
                raise _refuse("history-conflict", msg("history-conflict"), str(path))
            count = _insert_export(conn, tables, str(path))
        return msg("cli.imported", count=count)
    lines = history_lines(tables["history"], str(path))
    added, corrected = import_history(register, lines, note=f"nhập từ {path.name}")
    return msg("cli.imported-history", added=added, corrected=corrected)


__all__ = ["HISTORY_COLUMNS", "export_register", "history_lines", "import_file"]
